"""A swapped noun weighed by how new its words are: "arms" for "weapons" is a synonym, "cargo shipments" for
"flights" another thing.

``noun_swaps`` finds a near-copied claim that puts a noun the synonym lexicon does not pair in place of the
sentence's noun; the lexicon misses many noun synonyms ("arms"/"weapons", "danger"/"risk", "facilities"/
"infrastructure": 16 faithful own rows carried the swap in h/checker-s25). The checker already weighs each claim
word the cited text lacks by its embedding cosine to the nearest word of the chosen window (``novelty``: 0 at
``WORD_SIM_FULL`` or more, 1 at ``WORD_SIM_NONE`` or less, lexical 1 when words are not compared), the same
embedder and scale as the claim's novelty features. ``noun_swap`` becomes the sum over swaps of the most novel
claim word of each swap: a swap whose words all sit near a window word ("arms" by "weapons") counts nothing, one
with no near word counts 1, as before. No word list and no threshold of its own.
"""

from __future__ import annotations

from typing import Sequence

from rag.support.edits import EDITED_COPY, copy_share
from rag.support.facts import content_words, index_text
from rag.support.features import passage_names
from rag.support.noun_swaps import noun_swaps


def copied_sentence(claim: str, window: str, sentences: Sequence[str]) -> str:
    """The window sentence the claim copies (``EDITED_COPY`` of it or more), else the window: the text
    ``window_signals`` reads a near-copy's edits against."""
    if len(sentences) > 1:
        best = max(sentences, key=lambda t: copy_share(claim, t))
        if copy_share(claim, best) >= EDITED_COPY:
            return best
    return window


def weighed_noun_swaps(claim: str, window: str, sentences: Sequence[str], full_text: str,
                       novelty: dict[str, float], compared: Sequence[str]) -> float:
    """The ``noun_swap`` value: for each noun swap of ``claim`` against the sentence it copies (``noun_swaps``),
    the largest weight of the claim span's content words, summed; a word's weight is its ``novelty`` (claim word
    -> 0..1, absent 0) when it is one of the ``compared`` words (those the whole cited text lacks), else 1: a
    noun brought in from elsewhere in the passage ("Erika" for "Karen", FactCC's swaps) is no synonym."""
    target = copied_sentence(claim, window, sentences)
    swaps = noun_swaps(claim, target, index_text(target), passage_names(full_text))
    weight = {w: novelty.get(w, 0.0) for w in compared}
    return float(sum(max((weight.get(w, 1.0) for w in content_words(said)), default=1.0) for said, _ in swaps))
