"""A word moved in from a neighbouring sentence: a claim that copies one passage sentence but for a word taken from
another quotes neither ("... expected the new rules to cut its sales ... by an optimistic fifth" from "... by about
a fifth ..." and the next sentence's "Analysts called that optimistic": the second sentence judges the first, it
is not a word of it).

``moved_word`` reads the edits of a near-copied claim (``edits.copy_edits``): a content word an edit puts in that
the copied sentence lacks and another passage sentence holds, brought without any other content word of that
sentence (a faithful join of two sentences brings its frame along: "..., a figure analysts called optimistic").
Only a word that can describe is a moved word (an adjective, adverb or participle: "optimistic", "relieved"): a
name or a noun from the neighbour says whom or what the copied sentence means ("Sony" for "the company", "the new
cryptography law" for "the new law").
"""

from __future__ import annotations

from rag.support.edits import copy_edits
from rag.support.facts import TextIndex
from rag.support.lexicon import LIGHT_WORDS, STOPWORDS
from rag.support.text_cache import sentences_of
from rag.text.tokens import stem, words


def _content_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text.lower()) if w not in STOPWORDS and w not in LIGHT_WORDS
                     and w[:1].isalpha())


def _modifier(word: str) -> bool:
    """Whether a word can describe: an adjective or adverb reading, or a past participle ("relieved"); lemminflect's
    tables. A noun from the neighbour usually says which thing the copied sentence means ("the new cryptography
    law" for "the new law", after "a law to regulate cryptography"): a reference resolved, not a word moved."""
    from lemminflect import getAllLemmas  # the tables load once, on the first call

    readings = getAllLemmas(word)
    return bool({"ADJ", "ADV"} & set(readings)) or ("VERB" in readings and word.endswith("ed"))


def moved_word(claim: str, target: str, index: TextIndex, passage: str, names: frozenset[str] = frozenset()) -> str | None:
    """A reason when the claim copies ``target`` (a passage sentence; ``index``: its ``index_text``) but for a
    common word taken alone from another sentence of ``passage``, else None. ``names``: words the passage writes
    as names (never moved words)."""
    _, edits = copy_edits(claim, target, index)
    if not edits:
        return None
    said = _content_stems(claim)
    kept = _content_stems(target)
    others = [s.text for s in sentences_of(passage) if s.text.strip() and s.text.strip() not in target]
    for e in edits:
        for w in e.new:
            if not w[:1].isalpha() or w in names or w in STOPWORDS or stem(w) in kept or not _modifier(w):
                continue
            for s in others:
                frame = _content_stems(s)
                if stem(w) in frame and not (frame - kept - {stem(w)}) & said:
                    return f"moved: '{w}' is from another passage sentence ('{s.strip()[:60]}'), not the one the claim copies"
    return None
