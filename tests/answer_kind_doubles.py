"""One candidate sentence of a one-passage document, and whether it holds the kind of answer a question asks for, as
the answering code types it (``answer_kind.has_answer_kind``): shared by the answer-kind and answer-value specs."""

from __future__ import annotations

from rag.types import Chunk
from rag.writers.answer_kind import answer_type, has_answer_kind
from rag.writers.answer_value import asked_value
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stems


def candidate(text: str, published: str | None = "2026-03-10") -> Candidate:
    """``text`` as the only sentence of document "d"'s first passage, published on ``published`` (a dated report by
    default: "on Monday" answers "when?" only where the source's date places it)."""
    chunk = Chunk(chunk_id="d#0", doc_id="d", text=text, start=0, end=len(text), index=0,
                  metadata={"published": published} if published else {})
    return Candidate(EvidencePassage(sid="S1", chunk=chunk, score=1.0), 0, 0, len(text), text, stems(text))


def gives(question: str, sentence: str, published: str | None = "2026-03-10") -> bool:
    """Whether ``sentence`` (in a report published on ``published``) holds the kind of answer ``question`` asks for
    (as the answering code types it)."""
    return has_answer_kind(answer_type(question), candidate(sentence, published), stems(question), True, None, True,
                           asked_value(question))
