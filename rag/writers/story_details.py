"""Which sentences may follow an answer's lead: its own story's, or another story's that holds what the question is
distinctively about.

The kind (new user s66, F19): "When will the Kagoshima SiC plant start production?" was answered by the Kagoshima
report's sentence and then padded with a Mongolian rare-earth plant's "… is expected to start operating in 2029": a
sentence of another story sharing only the question's generic words ("plant", "start"). A detail from another
document is kept only when it holds every one of the question's **distinctive** terms: those of its key terms
(``key_terms``) the lead's document holds whose rarity across the evidence's documents (``term_weights``, the rarity
reading ``answer_story_held.doc_coverages`` weighs a document's story by; a document is its title and passages read
together) is at least the median of theirs, the rarer half ("Kagoshima", "SiC"; not "plant", "start"). A question
none of whose terms the lead's document holds sets no bound. No threshold is fitted.
"""

from __future__ import annotations

from statistics import median
from typing import Sequence

from rag.writers.key_terms import key_terms, stems, term_weights

__all__ = ["distinctive_terms", "of_the_lead_story"]


def _doc_stems(cands: Sequence) -> dict[str, set[str]]:
    """doc id → the stems of its title and of its passages the candidates were cut from."""
    docs: dict[str, set[str]] = {}
    seen: set[str] = set()
    for c in cands:
        chunk = c.passage.chunk
        if chunk.chunk_id in seen:
            continue
        seen.add(chunk.chunk_id)
        docs.setdefault(chunk.doc_id, set()).update(stems(f"{chunk.title} {chunk.text}"))
    return docs


def distinctive_terms(question: str, docs: dict[str, set[str]], lead_doc: str) -> frozenset[str]:
    """The stems of ``question``'s key terms held by document ``lead_doc`` (``docs``: doc id → its stems) whose
    rarity weight across ``docs`` (``key_terms.term_weights``) is at least the median of theirs; empty when the
    lead's document holds none of them."""
    terms = key_terms(question)
    weights = term_weights(terms, list(docs.values()))
    own = docs.get(lead_doc, set())
    held = {t.stem: weights[t.stem] for t in terms if t.stem in own and weights[t.stem] > 0}
    if not held:
        return frozenset()
    cut = median(held.values())
    return frozenset(s for s, w in held.items() if w >= cut)


def of_the_lead_story(question: str, cands: Sequence, lead: int, pool: Sequence[int]) -> list[int]:
    """The members of ``pool`` (indices into ``cands``, ``candidates.Candidate``) that may follow candidate ``lead``
    in an answer to ``question``: those of the lead's document, and those of another document holding every
    ``distinctive_terms`` stem (a sentence's stems with its source's); in ``pool``'s order."""
    doc = cands[lead].doc_id
    want = distinctive_terms(question, _doc_stems(cands), doc)
    return [i for i in pool if cands[i].doc_id == doc or want <= (cands[i].stems | cands[i].source_stems)]
