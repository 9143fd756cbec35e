"""Request and response models of the HTTP API (bounds and OpenAPI examples live here).

Text bounds that depend on settings (the query length limit ``retrieval.max_query_chars``) are
checked again at request time; the static ``max_length`` below is only a hard cap on request size.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from rag.brief import Brief
from rag.date_bounds import MAX_DATE_CHARS, read_day
from rag.errors import QueryError
from rag.jsonl_records import loader_names
from rag.text.lexicon import table

from api.field_help import Refusal

#: Hard cap on topic/question length in the schema; the configured limit (default 2000) is enforced too.
MAX_TEXT_CHARS = 20_000
MAX_HISTORY_TURNS = 20
MAX_TURN_CHARS = 4_000
MAX_PUBLISHERS = 20
TEMPLATE_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"

T = TypeVar("T")


# --------------------------------------------------------------------------- shared pieces


class ErrorInfo(BaseModel):
    type: str = Field(description="Machine-readable error kind, e.g. 'validation_error', 'not_found', 'llm_timeout'.")
    message: str = Field(description="What went wrong.")
    help: str | None = Field(None, description="How to fix it, when known.")
    details: list[dict[str, Any]] | None = Field(None, description="Per-field problems (validation errors only).")


class ErrorBody(BaseModel):
    """The one error shape every endpoint uses."""

    error: ErrorInfo

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"error": {"type": "not_found", "message": "No brief with id '0123abcd'.", "help": None}}]}
    )


#: The forms a day is written in, wherever the API takes one (since, until, an article's published).
DAY_FORMS = ("YYYY-MM-DD, or another form whose day and month cannot be mixed up ('4 July 2019', '13/04/2019'; "
             "'07/04/2019' is refused as ambiguous)")
SINCE_DOC = f"Only evidence published on/after this day: {DAY_FORMS}"
UNTIL_DOC = f"Only evidence published on/before this day: {DAY_FORMS}"


def _clean_text(value: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError(f"{what} is empty (or only whitespace)")
    return value


def _check_date(value: str | None) -> str | None:
    """The ISO day of a since/until field, None when absent or blank; the CLI's reason when it is refused."""
    if value is None or not str(value).strip():
        return None
    try:
        return read_day(value)
    except QueryError as exc:
        raise ValueError(str(exc)) from None


class FilterFields(BaseModel):
    """Optional evidence filters shared by briefs and answers."""

    since: str | None = Field(None, max_length=MAX_DATE_CHARS, description=SINCE_DOC, examples=["2026-01-01"])
    until: str | None = Field(None, max_length=MAX_DATE_CHARS, description=UNTIL_DOC + "; also the brief's 'as of'.", examples=["2026-06-30"])
    publishers: list[str] = Field(default_factory=list, max_length=MAX_PUBLISHERS, description="Only these publishers, as people write them: case, spacing, punctuation, a note in the stored name ('Taipei Times' for 'Taipei Times (page …)') and a site's name for its host ('CNN' for cnn.com) do not matter; one name may list several ('cnn, the week'). A name no document has is 422 unknown_publisher naming the closest.")

    @field_validator("since", "until")
    @classmethod
    def _dates(cls, value: str | None) -> str | None:
        return _check_date(value)

    @field_validator("publishers")
    @classmethod
    def _publishers(cls, value: list[str]) -> list[str]:
        out = []
        for p in value:
            p = p.strip()
            if not p:
                raise ValueError("publisher names must not be empty")
            if len(p) > 200:
                raise ValueError("publisher names are at most 200 characters")
            out.append(p)
        return out

    @model_validator(mode="after")
    def _order(self):
        if self.since and self.until and self.since > self.until:
            raise Refusal(f"since ({self.since}) is after until ({self.until})",
                          help="send a since on or before until (both days count), or leave one of them out")
        return self


# --------------------------------------------------------------------------- briefs


class BriefRequest(FilterFields):
    model_config = ConfigDict(
        populate_by_name=True,
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"topic": "Japan's restrictions on Chinese battery makers", "template": "situation", "until": "2026-06-30", "format": "json"},
                {"topic": "China export controls on Japanese firms", "template": "assessment", "async": True},
            ]
        },
    )

    topic: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="What the brief is about: at most the server's retrieval.max_query_chars characters (2,000 by default; the schema's 20,000 is only a cap on the request's size).")
    template: str = Field("situation", pattern=TEMPLATE_PATTERN, description="A brief template from prompts/ (GET /v1/models lists them).")
    format: Literal["json", "markdown"] = Field("json", description="json: the Brief object; markdown: {id, markdown}.")
    async_: bool = Field(False, alias="async", description="Queue the brief and answer 202 with a job id (poll GET /v1/jobs/{id}).")

    @field_validator("topic")
    @classmethod
    def _topic(cls, value: str) -> str:
        return _clean_text(value, "topic")


class BriefMarkdown(BaseModel):
    id: str
    markdown: str = Field(description="The brief rendered as Markdown with [n] markers and a numbered source list.")


class JobAccepted(BaseModel):
    job_id: str
    status: Literal["queued", "running", "done", "failed"] = "queued"
    location: str = Field(description="Poll this URL for the result.")


class JobOut(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    created_at: str
    updated_at: str
    brief_id: str | None = Field(None, description="Set when done: GET /v1/briefs/{brief_id}.")
    error: ErrorInfo | None = Field(None, description="Set when failed.")


class BriefSummary(BaseModel):
    id: str
    created_at: str
    kind: Literal["brief", "answer"]
    template: str
    topic: str
    headline: str | None = None
    abstained: bool = False
    backend: str = ""
    corpus_snapshot: str = ""


class PublisherOut(BaseModel):
    name: str = Field(description="The publisher's name as stored; any form of it people type works as a filter.")
    documents: int = Field(description="Indexed documents it published.")


class WithoutPublisher(BaseModel):
    """The documents that name no publisher: counted, and how a filter treats them."""

    name: str = Field(description="How listings name them.", examples=["(no publisher)"])
    documents: int = Field(description="Indexed documents that name no publisher.")
    filter: str = Field(description="How to include them: no publisher filter selects them, every one leaves them out.")


class PublisherList(BaseModel):
    items: list[PublisherOut] = Field(description="Every publisher name a filter takes, most documents first.")
    total: int = Field(description="Publishers in items.")
    without_publisher: WithoutPublisher | None = Field(
        None, description="The documents that name no publisher (not in items: no filter selects them); null when every document names one.")
    documents: int = Field(0, description="Indexed documents, with a publisher or not.")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Items matching the filters (all pages).")
    offset: int
    limit: int


class ClaimRefOut(BaseModel):
    section: str
    position: int
    text: str
    sources: list[str] = Field(default_factory=list, description="Doc ids the claim cites.")


class ChangedClaimOut(BaseModel):
    before: ClaimRefOut
    after: ClaimRefOut
    ratio: float = Field(description="difflib similarity of the two texts (>= threshold).")


class BriefDiffOut(BaseModel):
    base_id: str
    other_id: str
    threshold: float
    added: list[ClaimRefOut] = Field(description="Claims only in the other brief.")
    dropped: list[ClaimRefOut] = Field(description="Claims only in the base brief.")
    changed: list[ChangedClaimOut] = Field(description="Claims reworded between the two.")
    unchanged: int = Field(description="Number of claims with identical text.")


# --------------------------------------------------------------------------- ask / chat


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str = Field(max_length=MAX_TURN_CHARS)


class AskRequest(FilterFields):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "Why did Japan deny cybersecurity approval to Chinese battery makers?"},
                {
                    "question": "When did that happen?",
                    "history": [
                        {"role": "user", "content": "Why did Japan deny cybersecurity approval to Chinese battery makers?"},
                        {"role": "assistant", "content": "Tokyo treats battery supply chains as a security domain. [1]"},
                    ],
                    "stream": True,
                },
            ]
        },
    )

    question: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The question: at most the server's retrieval.max_query_chars characters (2,000 by default; the schema's 20,000 is only a cap on the request's size).")
    history: list[HistoryTurn] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS, description="Earlier turns, oldest first, for follow-ups.")
    stream: bool = Field(False, description="Server-sent events: `delta` (draft text), `final` (verified answer), `done`; `error` on failure.")

    @field_validator("question")
    @classmethod
    def _question(cls, value: str) -> str:
        return _clean_text(value, "question")


class AskResponse(BaseModel):
    id: str = Field(description="Stored answer id (GET /v1/briefs/{id}).")
    answer: str = Field(description="The answer with inline [n] markers, then the numbered source list.")
    citations: list[dict[str, Any]] = Field(description="Each claim with the sources it cites: {text, sources: [n...], verified}.")
    sources: list[dict[str, Any]] = Field(description="Numbered sources (Brief.sources, or the closest ones when abstaining).")
    brief: Brief


class ChatMessageIn(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        if isinstance(self.content, list):
            return " ".join(str(p.get("text", "")) for p in self.content if isinstance(p, dict) and p.get("type") in (None, "text"))
        return ""


class ChatCompletionRequest(BaseModel):
    """OpenAI chat-completions request. temperature, max_tokens and other sampling options are accepted and ignored."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"model": "techsec-brief", "messages": [{"role": "user", "content": "What did China restrict in February 2026?"}]},
                {"model": "answer", "stream": True, "messages": [{"role": "user", "content": "Who prosecuted chip smugglers?"}]},
            ]
        },
    )

    model: str = Field("techsec-brief", max_length=128, description="'techsec-brief' (configured backend), 'extractive', 'openai', or a template name such as 'answer'.")
    messages: list[ChatMessageIn] = Field(min_length=1, max_length=100)
    stream: bool = False
    temperature: float | None = Field(None, description="Ignored.")
    stream_options: dict[str, Any] | None = Field(None, description="{'include_usage': true} adds a final usage chunk.")


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = "techsec-brief"
    description: str = ""


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


# --------------------------------------------------------------------------- documents


def _aliases(*fields: str) -> str:
    """The other names JSONL ingest reads a field under (``rag/text/data/jsonl_fields.toml``), for the schema."""
    names = [name for field in fields for name in table("jsonl_fields")[field] if name != fields[0]]
    return f" Also read from: {', '.join(names)}." if names else ""


class ArticleIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Korea pitches a new chip hub",
                    "text": "Seoul announced on 2026-06-29 a new semiconductor cluster aimed at foreign chipmakers ...",
                    "url": "https://example.org/korea-chip-hub",
                    "published": "2026-06-29",
                    "publisher": "Example News",
                    "authors": ["A. Writer"],
                }
            ]
        },
    )

    title: str = Field(min_length=1, max_length=1000, description="The article's headline." + _aliases("title"))
    text: str = Field(min_length=1, max_length=5_000_000, description="The article's body as plain text." + _aliases("text", "summary"))
    url: str | None = Field(None, max_length=2000, description="Where the article was published." + _aliases("url"))
    published: str | None = Field(None, max_length=64, description=f"Publication day: {DAY_FORMS}. Without it date filters skip the article." + _aliases("published"))
    publisher: str | None = Field(None, max_length=500, description="The outlet, as its readers know it." + _aliases("publisher"))
    authors: list[str] = Field(default_factory=list, max_length=50, description="Bylines, one name each." + _aliases("authors"))
    language: str | None = Field(None, max_length=35, description="The text's language (ISO 639-1, 'en'); detected from the text when absent." + _aliases("language"))
    kind: str | None = Field(None, max_length=200, description="What the source is ('news report', 'policy essay', 'generated brief'); inferred when absent." + _aliases("kind"))

    _notes: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _exporter_names(cls, data: Any, handler: Any) -> "ArticleIn":
        """A news exporter's field names are read as JSONL ingest reads them (one mapping: ``rag.jsonl_records``)."""
        notes: list[str] = []
        if isinstance(data, dict):
            data, notes = loader_names(data, tuple(cls.model_fields))
        article = handler(data)
        article._notes = notes
        return article

    @property
    def notes(self) -> list[str]:
        """What the exporter sent and was not used (a second title field, a summary taken as the text)."""
        return list(self._notes)

    @field_validator("text", "title")
    @classmethod
    def _nonempty(cls, value: str, info: ValidationInfo) -> str:
        return _clean_text(value, info.field_name or "field")

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        return _check_date(value)

    @field_validator("authors", mode="before")
    @classmethod
    def _byline(cls, value: Any) -> Any:
        """One byline sent as a string (exporters' "author", "byline") is a list of one."""
        return [value] if isinstance(value, str) else value


class DocumentOutcome(BaseModel):
    doc_id: str
    status: Literal["added", "updated", "duplicate", "near_duplicate", "version", "unchanged"]
    source_path: str = ""
    story_id: str | None = None
    version_of: str | None = Field(None, description="For status 'version': the indexed document this one updates (same story, different facts).")


class UndatedDocuments(BaseModel):
    """The documents indexed without a publication date, as `brief ingest --json` gives them."""

    count: int = 0
    documents: list[str] = Field(default_factory=list, description="Their paths, as the response's warnings name them (an upload's file name and line).")


class IngestResponse(BaseModel):
    documents: list[DocumentOutcome]
    failed: list[dict[str, str]] = Field(default_factory=list)
    warnings: list[dict[str, str]] = Field(default_factory=list, description="Loaded documents with metadata that could not be used (e.g. an unreadable date): path, message.")
    undated: UndatedDocuments = Field(default_factory=UndatedDocuments, description="Documents indexed without a publication date (date filters and timelines skip them): how many and which.")
    chunks_added: int = 0
    seconds: float = 0.0

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"documents": [{"doc_id": "d41d8cd98f00b204", "status": "added", "source_path": "upload:3f2a…", "story_id": "d41d8cd98f00b204"}], "failed": [], "chunks_added": 3, "seconds": 0.4}]}
    )


class DocumentOut(BaseModel):
    doc_id: str
    status: str = "indexed"
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    source_path: str | None = None
    language: str | None = None
    authors: list[str] = Field(default_factory=list)
    kind: str | None = None
    story_id: str | None = None
    n_chunks: int = 0
    added_at: float | None = None


class ChunkOut(BaseModel):
    chunk_id: str
    idx: int
    start: int
    end: int
    text: str


class DocumentDetail(DocumentOut):
    chunks: list[ChunkOut]


# --------------------------------------------------------------------------- search / health


class OtherVersion(BaseModel):
    """Another version of a hit's story (an update or correction): who published it, when, and what it says differently."""

    doc_id: str
    relation: Literal["earlier", "later"]
    publisher: str = ""
    published: str | None = None
    says: list[str] = Field(default_factory=list, description="Facts (numbers with units, dates, names) only this version states.")
    note: str = Field("", examples=["earlier version: Wire A, 2023-05-19, says 23 types"])


class SearchHitOut(BaseModel):
    rank: int
    score: float
    chunk_id: str
    doc_id: str
    title: str = ""
    name: str = Field("", description="How the source is shown: its title, else 'untitled file NAME', 'untitled record, line N of FILE' or 'untitled document ID'.", examples=["untitled file 001_19717e54740cd5a9.txt"])
    publisher: str = ""
    published: str | None = None
    url: str = ""
    span: list[int]
    text: str
    dense_rank: int | None = None
    bm25_rank: int | None = None
    also_reported_by: list[str] = Field(default_factory=list, description="Outlets that printed the same story with the same facts.")
    other_versions: list[OtherVersion] = Field(default_factory=list, description="Earlier or later versions of the story whose facts differ.")
    source_path: str = Field("", description="The document's file (``file.jsonl#L3`` for a JSONL line) or upload key.")
    source_span: list[int] | None = Field(None, description="[start, end) of the passage in the decoded original (PDF: that page's text; JSONL: that line); None when unknown.")
    source_line: int | None = None
    source_page: int | None = None
    source_ref: str = Field("", examples=["corpus/001.txt:12-14"])


class SearchResponse(BaseModel):
    query: str
    k: int
    hits: list[SearchHitOut]


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready", "not_ready"]
    checks: dict[str, dict[str, Any]]


class PassageOut(BaseModel):
    """One indexed passage (chunk) with its document's metadata: what a citation's ``chunk_id`` points at."""

    chunk_id: str
    doc_id: str
    idx: int = Field(description="Position of the chunk in its document (0-based).")
    start: int = Field(description="Start of the passage in the document's normalized text (citation spans use the same offsets).")
    end: int = Field(description="End (exclusive) of the passage.")
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    source_path: str | None = None
    kind: str | None = Field(None, description="Source type as the loader or manifest recorded it (e.g. 'news article', 'pdf').")
    story_id: str | None = Field(None, description="Near-duplicate group: documents reporting the same story share it.")
