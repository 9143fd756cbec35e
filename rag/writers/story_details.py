"""Which sentences may follow an answer's lead: its own story's, or another story's that holds what the question is
distinctively about.

The kind (new user s66, F19): "When will the Kagoshima SiC plant start production?" was answered by the Kagoshima
report's sentence and then padded with a Mongolian rare-earth plant's "… is expected to start operating in 2029": a
sentence of another story sharing only the question's generic words ("plant", "start"). A detail from another
document is kept only when it holds every one of the question's **distinctive** terms: of its key terms
(``key_terms``) some document holds, those whose rarity across the evidence's documents (``term_weights``, the
rarity reading ``answer_story_held.doc_coverages`` weighs a document's story by, over its ``doc_stems``: a document is
its title and passages read together) is above the median of theirs, the rarer half ("Kagoshima", "SiC"; not
"plant", "start"). The bound holds only when the lead's document holds them all, so tells the question's whole
story: a question asking about several stories ("What evidence … of Chinese cyber operations against Taiwan and
against Japanese industry?") is answered from each. No threshold is fitted.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median
from typing import Sequence

from rag.writers.answer_story_held import doc_stems
from rag.writers.key_terms import key_terms, term_weights

__all__ = ["distinctive_terms", "of_the_lead_story"]


def distinctive_terms(question: str, docs: dict[str, set[str]]) -> frozenset[str]:
    """The stems of ``question``'s distinctive key terms: of those some document of ``docs`` (doc id → its stems)
    holds, the ones whose rarity across ``docs`` (``key_terms.term_weights`` of the terms at one weight) is above the median of theirs
    (at least the median when none is above it: all weigh alike, or the rarest tie at it); empty when no document
    holds a key term."""
    terms = [replace(t, weight=1.0) for t in key_terms(question)]  # rarity alone: a name weighs as a word
    weights = term_weights(terms, list(docs.values()))
    anywhere = set().union(*docs.values()) if docs else set()
    held = {t.stem: weights[t.stem] for t in terms if t.stem in anywhere and weights[t.stem] > 0}
    if not held:
        return frozenset()
    cut = median(held.values())
    return frozenset(s for s, w in held.items() if w > cut) or frozenset(s for s, w in held.items() if w >= cut)


def of_the_lead_story(question: str, cands: Sequence, lead: int, pool: Sequence[int]) -> list[int]:
    """The members of ``pool`` (indices into ``cands``, ``candidates.Candidate``) that may follow candidate ``lead``
    in an answer to ``question``: when the lead's document holds every ``distinctive_terms`` stem (it tells the
    question's story), those of that document and those of another holding them all too (a sentence's stems with
    its source's); otherwise (the question spans stories: "… against Taiwan and against Japanese industry?", or the
    lead's story misses part of it) all of ``pool``. In ``pool``'s order."""
    doc = cands[lead].doc_id
    passages = {c.passage.chunk.chunk_id: c.passage.chunk for c in cands}.values()
    docs = doc_stems(question, [(p.doc_id, p.title, p.text) for p in passages])
    want = distinctive_terms(question, docs)
    if not want <= docs.get(doc, set()):
        return list(pool)
    return [i for i in pool if cands[i].doc_id == doc or want <= (cands[i].stems | cands[i].source_stems)]
