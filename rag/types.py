"""The project's own types at module boundaries: documents, chunks, search hits, conversation turns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rag.source_names import source_name
from rag.text.align import source_fields
from rag.text.keys import publisher_key


def day_number(iso: str) -> int:
    """An ISO date "YYYY-MM-DD" as the int YYYYMMDD: how publication dates are stored and compared everywhere (Chroma
    metadata ``published_int``, the BM25 index's and the exact dense search's date columns; 0 = undated)."""
    return int(iso.replace("-", ""))


@dataclass(frozen=True)
class SourceDocument:
    """A loaded, normalized article ready for chunking. ``text`` is the normalized text spans point into."""

    doc_id: str
    text: str
    source_path: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD or None when unknown
    url: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    kind: str | None = None
    #: the decoded original (``rag.text.align.Origin``) when the loader kept it; not part of identity or metadata
    origin: Any = field(default=None, compare=False, repr=False)

    @property
    def published_int(self) -> int | None:
        """YYYYMMDD as an int so Chroma range filters work; None when the date is unknown."""
        return day_number(self.published) if self.published else None

    def metadata(self) -> dict[str, Any]:
        """Flat metadata for the vector store (Chroma accepts str/int/float/bool only, no None)."""
        meta: dict[str, Any] = {
            "doc_id": self.doc_id,
            "title": self.title or "",
            "publisher": self.publisher or "",
            "publisher_key": publisher_key(self.publisher),
            "published": self.published or "",
            "published_int": self.published_int or 0,
            "url": self.url or "",
            "source_path": self.source_path,
            "language": self.language or "",
            "authors": "; ".join(self.authors),
            "kind": self.kind or "",
        }
        return meta


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: ``text == document.text[start:end]``."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    index: int
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.metadata.get("title") or ""

    @property
    def publisher(self) -> str:
        return self.metadata.get("publisher") or ""

    @property
    def published(self) -> str | None:
        return self.metadata.get("published") or None

    @property
    def url(self) -> str:
        return self.metadata.get("url") or ""


@dataclass(frozen=True)
class SearchFilters:
    """Filters applied in the store: inclusive ISO date bounds and publisher names. ``dated_since``: a lower bound
    for dated documents only, which undated ones pass (a question's "last year": ``rag.text.asked_period``); an
    ``until`` bound still leaves undated documents out."""

    since: str | None = None
    until: str | None = None
    publishers: tuple[str, ...] = ()
    dated_since: str | None = None

    def is_empty(self) -> bool:
        return not (self.since or self.until or self.publishers or self.dated_since)


@dataclass
class SearchHit:
    """One fused result: the passage, its fused score and where each retriever ranked it."""

    chunk: Chunk
    score: float
    rank: int = 0
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_score: float | None = None
    also_reported_by: list[str] = field(default_factory=list)  # outlets of the same story, facts and all
    other_versions: list[dict[str, Any]] = field(default_factory=list)  # updates/corrections: see HybridRetriever
    source: dict[str, Any] | None = None  # where the passage is in the original file (rag.text.align.SourceMap.locate)
    source_map: bytes | None = field(default=None, repr=False)  # the document's map, to locate quotes inside the passage
    #: the passage with its neighbouring passages (``retrieval.context_chunks`` each side): (text, start, end) in the
    #: document's text, None when no window was asked for; ``chunk.text`` stays the passage itself
    context: tuple[str, int, int] | None = None
    #: the document's text right before a passage cut from a transcript (``transcript_turns.lead_before``): its turns
    #: are read with it, so a passage opening inside a reporter's question does not quote it; "" for any other
    lead: str = ""

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "chunk_id": c.chunk_id,
            "doc_id": c.doc_id,
            "title": c.title,
            "name": source_name(c.title, c.metadata.get("source_path"), c.doc_id),
            "publisher": c.publisher,
            "published": c.published,
            "url": c.url,
            "span": [c.start, c.end],
            "text": c.text,
            "dense_rank": self.dense_rank,
            "bm25_rank": self.bm25_rank,
            "also_reported_by": self.also_reported_by,
            "other_versions": self.other_versions,
            **source_fields(c.metadata.get("source_path") or "", self.source),
        }


@dataclass(frozen=True)
class Turn:
    """One turn of a conversation, oldest first in a history."""

    role: str  # "user" | "assistant"
    content: str


@dataclass(frozen=True)
class ResolvedQuestion:
    """A question resolved against the conversation (see :func:`rag.followup.resolve_follow_up`).

    ``asked`` is what the user typed this turn and says what is wanted; ``context`` holds the words carried over
    from the earlier question a follow-up refers to (empty for a standalone question), for retrieval;
    ``from_reply`` are the context words taken from the previous answer (the names "they" may point at), which
    may hold this question's answer and so do not count as already asked. ``said`` holds the passages the previous
    answer quoted or stated, when the follow-up asks more about the same story ("When?", "Why?", "Who said
    that?"): its evidence stays on their stories (:func:`rag.followup.stay_on_story`); empty otherwise.
    """

    asked: str
    context: tuple[str, ...] = ()
    from_reply: tuple[str, ...] = ()
    said: tuple[str, ...] = ()

    @property
    def is_follow_up(self) -> bool:
        return bool(self.context)

    @property
    def standalone(self) -> str:
        """The asked words first, then the carried-over context: ``"what about Korea? (chip subsidies)"``."""
        return f"{self.asked} ({' '.join(self.context)})" if self.context else self.asked

    @property
    def question(self) -> str:
        """What the question itself says, for judging whether a sentence gives something new: the standalone form
        without the words carried over from the previous answer."""
        kept = [w for w in self.context if w not in self.from_reply]
        return f"{self.asked} ({' '.join(kept)})" if kept else self.asked
