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

Weighed pairwise (h/checker-s27): the nearest window word is often another noun of the same field ("batteries" by
"smartphones" in the sentence that imports chips), so when the checker has both words' vectors a claim word of the
swap is weighed by its cosine to the words the swap replaced (``similarity``), on the same scale: "arms" by
"weapons", not by whatever word of the window is nearest. On the 62 own rows where ``noun_swap`` fired in
h/checker-s26, the swap's two spans' cosine separated faithful from unsupported rows with AUC 0.70; the nearest
window word's, 0.49.

A lexicon before the cosine (h/checker-s28): the embedder misjudges pairs both ways ("plants"/"factories" 0.39,
"pharmacists"/"physicians" 0.62), so noun synonym groups are paraphrase-lexicon groups (``noun_synonyms.toml``:
a synonym is covered and never a swap), and a noun put for another noun of its field (co-hyponyms) weighs 1.

An edited copy about another thing (h/checker-s57): a claim that copies its sentence but for a few words
(``EDITED_COPY`` aligned) and puts in a noun that weighs ``OTHER_THING`` or more ("nurses" for "doctors",
"refineries" for "factories") keeps the sentence's frame and changes what it is about; the model weighed
``noun_swap`` below the copy's overlap and accepted 6 such own rows (evals/README.md). ``copied_swap`` counts those
swaps and is a veto (the fit's rule: it fires on 43 fit rows, 42 unsupported); a reworded claim's swap stays
weighed (``noun_swap``), as a near-copy's lighter one does.

A copy whose only edit is the swap (h/checker-s61): the embedder puts many different things near each other
("deposit rate" by "interest rate" weighs 0.36, "trucks" by "vehicles" 0), and such a copy's overlap carried it
(3 own rows accepted). When every other token of the sentence is copied in order (``copy_kind``: ``Copy.SOLE``),
each swap counts for ``copied_swap`` whatever it weighs: a faithful copy that changes one noun puts a synonym,
which the lexicon covers. A light swap beside other edits stays weighed.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Callable, Collection, Sequence

import numpy as np

from rag.support.calibration import WORD_SIM_FULL, WORD_SIM_NONE
from rag.support.edits import EDITED_COPY, copy_share, matched
from rag.support.facts import content_words, index_text
from rag.support.features import passage_names
from rag.support.lexicon import NOUN_FIELDS
from rag.support.reworded_swaps import swapped_nouns
from rag.support.tokens import _syn_groups
from rag.text.tokens import stem


def copied_sentence(claim: str, window: str, sentences: Sequence[str]) -> str:
    """The window sentence the claim copies (``EDITED_COPY`` of it or more), else the window: the text
    ``window_signals`` reads a near-copy's edits against."""
    if len(sentences) > 1:
        best = max(sentences, key=lambda t: copy_share(claim, t))
        if copy_share(claim, best) >= EDITED_COPY:
            return best
    return window


#: A swap weighing this much or more names another thing: its claim noun is another noun of the replaced one's field,
#: or no nearer to it than a cosine of 0.42 (a tenth of the way from ``WORD_SIM_NONE`` to ``WORD_SIM_FULL``). On the
#: fit rows (1,050 own claims, 194 FactCC rows) ``copied_swap`` then fires on 43 edited copies, 1 of them supported
#: ("boat" for "vessel", rejected by other signals); "invasion of" for "attack on" fired before the lexicon paired
#: them. Faithful swaps weigh less ("biggest change" for "most dramatic shift", 0.69; "commerce ministry" for "trade
#: ministry", 0.81: at 0.75 that one was rejected). evals/README.md, h/checker-s57.
OTHER_THING = 0.9


class Copy(IntEnum):
    """How a claim copies the sentence its swaps are read against."""

    REWORDED = 0  # under ``EDITED_COPY`` of its tokens aligned: the model weighs its swaps
    EDITED = 1  # an edited copy: a swap weighing ``OTHER_THING`` or more names another thing
    SOLE = 2  # an edited copy whose only edit is the swap: every swap names another thing


def copy_kind(claim: str, sentence: str) -> Copy:
    """How ``claim`` copies ``sentence``: ``Copy.SOLE`` when the alignment's one edit is a replaced span (every
    other token equal, in order), ``Copy.EDITED`` at ``EDITED_COPY`` aligned or more, else ``Copy.REWORDED``."""
    if copy_share(claim, sentence) < EDITED_COPY:
        return Copy.REWORDED
    edits = [op for op, *_ in matched(claim, sentence).opcodes if op != "equal"]
    return Copy.SOLE if edits == ["replace"] else Copy.EDITED


#: Cosine of two words' vectors, or None when either was not embedded.
Similarity = Callable[[str, str], "float | None"]


def pair_similarity(vec: Callable[[str], np.ndarray], known: Collection[str]) -> Similarity:
    """A ``Similarity`` over the unit vectors ``vec`` gives for the words in ``known`` (None for any other word)."""
    def similarity(a: str, b: str) -> float | None:
        return float(vec(a) @ vec(b)) if a in known and b in known else None
    return similarity


def other_of_field(word: str, replaced: Sequence[str]) -> bool:
    """Whether ``word`` and one of the ``replaced`` nouns are different kinds of one thing: one field of
    ``noun_synonyms.toml`` holds both (by stem) and no synonym group pairs them ("nurses" for "doctors")."""
    fields = NOUN_FIELDS.get(stem(word))
    if not fields:
        return False
    return any(fields & NOUN_FIELDS.get(stem(g), frozenset()) and not _syn_groups(stem(word)) & _syn_groups(stem(g))
               for g in replaced)


def _swap_weight(word: str, replaced: Sequence[str], fallback: float, similarity: Similarity | None) -> float:
    """A compared claim word's weight: 1 when it is another noun of a ``replaced`` noun's field
    (``other_of_field``: the lexicon knows what the embedder confuses), else by its highest cosine to the
    ``replaced`` words (0 at ``WORD_SIM_FULL`` or more, 1 at ``WORD_SIM_NONE`` or less), or ``fallback`` (its
    novelty) when no pair has a cosine."""
    if other_of_field(word, replaced):
        return 1.0
    cos = [c for g in replaced if similarity is not None and (c := similarity(word, g)) is not None]
    if not cos:
        return fallback
    return float(np.clip((WORD_SIM_FULL - max(cos)) / (WORD_SIM_FULL - WORD_SIM_NONE), 0.0, 1.0))


def swap_weights(claim: str, window: str, sentences: Sequence[str], full_text: str, novelty: dict[str, float],
                 compared: Sequence[str], similarity: Similarity | None = None) -> tuple[list[float], Copy]:
    """(the weight of each noun swap of ``claim`` against the sentence it copies (``swapped_nouns``), how the claim
    copies that sentence (``copy_kind``; ``Copy.REWORDED`` when there is no swap)). A swap weighs as its
    most novel swapped noun (not the other words of its span: "leaving" in "automobiles leaving" for "vehicles
    leading to"). A word that is not one of the ``compared`` words (those the whole cited text lacks) weighs 1: a
    noun brought in from elsewhere in the passage ("Erika" for "Karen", FactCC's swaps) is no synonym. A compared
    word weighs by its ``similarity`` to the nouns it replaced (``_swap_weight``), else by its ``novelty`` (claim
    word -> 0..1, absent 0)."""
    target = copied_sentence(claim, window, sentences)
    swaps = swapped_nouns(claim, target, index_text(target), passage_names(full_text), nouns=True,
                          passage=full_text)
    known = set(compared)
    weights = []
    for said, replaced in swaps:
        gone = content_words(replaced)
        weights.append(max((_swap_weight(w, gone, novelty.get(w, 0.0), similarity) if w in known else 1.0
                            for w in content_words(said)), default=1.0))
    return weights, copy_kind(claim, target) if weights else Copy.REWORDED


def field_swaps(claim: str, window: str, sentences: Sequence[str], full_text: str) -> int:
    """How many of ``claim``'s noun swaps (``swapped_nouns``, against the sentence it copies) put another noun of
    the replaced one's field (``other_of_field``: "antivirals" for "vaccines"), however the claim is worded: the
    lexicon says they name different things, which no rewording changes (h/checker-s61)."""
    target = copied_sentence(claim, window, sentences)
    swaps = swapped_nouns(claim, target, index_text(target), passage_names(full_text), nouns=True,
                          passage=full_text)
    return sum(any(other_of_field(w, content_words(replaced)) for w in content_words(said)) for said, replaced in swaps)


def weighed_noun_swaps(claim: str, window: str, sentences: Sequence[str], full_text: str,
                       novelty: dict[str, float], compared: Sequence[str], similarity: Similarity | None = None) -> float:
    """The ``noun_swap`` value: the ``swap_weights`` of ``claim``'s noun swaps, summed."""
    return float(sum(swap_weights(claim, window, sentences, full_text, novelty, compared, similarity)[0]))


def copied_swaps(weights: Sequence[float], edited: int, of_field: int = 0) -> float:
    """The ``copied_swap`` value: how many swaps of an edited copy (``swap_weights``; ``edited`` a ``Copy``, or a
    bool for an edited copy or not) name another thing: each weighing ``OTHER_THING`` or more, or every one when the
    swap is the copy's only edit (``Copy.SOLE``: a word the lexicon does not pair with the one it replaces, in a
    sentence otherwise copied word for word, whatever the embedder's cosine: "deposit rate" for "interest rate"
    weighs 0.36, "trucks" for "vehicles" 0). A reworded claim's swaps are the model's to weigh, but for the
    ``of_field`` ones (``field_swaps``), which count here too. On the fit rows (1,050 own claims, 194 FactCC rows)
    31 copies have a swap as their only edit, all unsupported; 7 of them weighed under ``OTHER_THING`` (3 were
    accepted), while the edited copies with other edits beside a light swap are 3 of 10 supported; a reworded claim
    puts a noun of the replaced one's field on 1 row, unsupported (evals/README.md, h/checker-s61)."""
    if not edited:
        return float(of_field)
    if edited == Copy.SOLE:
        return float(len(weights))
    return float(sum(w >= OTHER_THING for w in weights))
