"""Evidence for and against an explanation the sources give (issue 10, item 5), chosen from on-topic quotes.

A section that declares ``weigh_evidence = true`` (the assessment's competing hypotheses) lists explanations the
sources themselves give; for each, the offline writer looks among the other on-topic sentences for

- **evidence for**: a reported event or statement (roles ``event``/``statement``) about the same thing that does
  not contradict it;
- **evidence against**: a sentence about the same thing that contradicts or qualifies it (the ``contrary`` cue
  family: "however", "denied", "rejected", ...).

"About the same thing" is lexical and relative to the topic: the other sentence names at least ``SHARED`` of the
explanation's own content words (its stems that are not the topic's words: "wartime", "labour", "ruling" in
an explanation of trade curbs). Candidates are ranked by what they share of what is *distinctive* in the
explanation (each shared word weighted by its rarity among the on-topic sentences, an inverse document frequency),
then by similarity in meaning: every on-topic sentence is close in meaning to the explanation because both are
about the topic, and a complaint that shares "pressure" and "rules" with "Tokyo's curbs aim at pressuring Seoul
over the court rulings on wartime labour" bears on it less than the court ruling itself. When nothing qualifies
the explanation stands without evidence, and the brief says so; nothing is invented.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Sequence

import numpy as np

from rag.writers.candidates import Candidate
from rag.writers.key_terms import key_terms, stem
from rag.writers.key_terms import stems as stems_of
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["SHARED", "REPORTED", "specific_stems", "weigh"]

SHARED = 2
REPORTED = frozenset({"event", "statement"})


@cache
def _light() -> frozenset[str]:
    return frozenset(stem(w) for w in STOPWORDS) | frozenset(STOPWORDS)


def specific_stems(stems: set[str], topic: str) -> set[str]:
    """The content stems of a sentence that are not the topic's key terms or words (nor stopwords, nor shorter than 4)."""
    own = {t.stem for t in key_terms(topic, topic=True)} | set(stems_of(topic))
    return {s for s in stems if len(s) >= 4 and s not in own and s not in _light() and not s.isdigit()}


def weigh(h: int, cands: Sequence[Candidate], sims: np.ndarray, on_topic: np.ndarray, taken: Sequence[int],
          topic: str) -> tuple[int | None, int | None]:
    """(index of the best evidence for, index of the best evidence against) candidate ``h``, or None each; never
    a sentence in ``taken`` (the other explanations) or one overlapping ``h``. A sentence quoted in another section
    (a key development) may be evidence."""
    hyp = cands[h]
    subject = specific_stems(hyp.stems, topic)
    pool = [i for i in range(len(cands)) if on_topic[i]]
    df = {s: sum(1 for i in pool if s in cands[i].stems) for s in subject}
    idf = {s: math.log((len(pool) + 1) / (df[s] + 0.5)) for s in subject}
    shared = [sum(idf[s] for s in subject & c.stems) for c in cands]
    best_for = best_against = None
    for i in sorted(range(len(cands)), key=lambda i: (-round(shared[i], 9), -float(sims[h, i]), i)):
        c = cands[i]
        if i == h or not on_topic[i] or i in taken or c.overlaps(hyp) or c.is_title or len(subject & c.stems) < SHARED:
            continue
        if "contrary" in c.cues:
            best_against = i if best_against is None else best_against
        elif c.role in REPORTED and best_for is None:
            best_for = i
        if best_for is not None and best_against is not None:
            break
    return best_for, best_against
