"""One candidate sentence of a one-passage document, and whether it holds the kind of answer a question asks for, as
the answering code types it (``answer_kind.has_answer_kind``): shared by the answer-kind and answer-value specs."""

from __future__ import annotations

from rag.types import Chunk
from rag.writers.answer_kind import answer_type, has_answer_kind
from rag.writers.answer_value import asked_value
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stems


def candidate(text: str) -> Candidate:
    """``text`` as the only sentence of document "d"'s first passage."""
    chunk = Chunk(chunk_id="d#0", doc_id="d", text=text, start=0, end=len(text), index=0)
    return Candidate(EvidencePassage(sid="S1", chunk=chunk, score=1.0), 0, 0, len(text), text, stems(text))


def gives(question: str, sentence: str) -> bool:
    """Whether ``sentence`` holds the kind of answer ``question`` asks for (as the answering code types it)."""
    return has_answer_kind(answer_type(question), candidate(sentence), stems(question), True, None, True,
                           asked_value(question))
