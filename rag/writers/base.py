"""The writer contract shared by the offline extractive writer and the LLM writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Protocol, Sequence, Union

from rag.templates import PromptTemplate
from rag.types import Chunk, ResolvedQuestion, Turn


@dataclass(frozen=True)
class EvidencePassage:
    """A retrieved passage with the id writers cite it by (S1, S2, ... in rank order)."""

    sid: str
    chunk: Chunk
    score: float
    #: (start, end) offsets in ``chunk.text`` of paragraphs set aside as another story's (a brief's off-story
    #: judgement, ``on_topic.off_story_undated``): no sentence starting in them is quoted
    aside: tuple[tuple[int, int], ...] = ()
    #: the document's text right before the passage when it is cut from inside a transcript (``SearchHit.lead``): its
    #: turns are read with it (``transcript_turns.passage_turns``); "" otherwise
    lead: str = ""


@dataclass(frozen=True)
class CitedSpan:
    """A cited span in absolute document offsets: ``chunk.text`` offsets + ``chunk.start``.

    The extractive writer cites the exact sentence; the LLM writer cites the whole passage and the
    verifier narrows it to the sentences that support the claim.
    """

    chunk_id: str
    start: int
    end: int


@dataclass
class DraftClaim:
    text: str
    cites: list[CitedSpan] = field(default_factory=list)
    role: str | None = None  # event, statement, judgement, forecast, signal, gap, background (None: not typed)
    # for an explanation (competing hypotheses): quotes of the sources that support or contradict it
    evidence_for: list["DraftClaim"] = field(default_factory=list)
    evidence_against: list["DraftClaim"] = field(default_factory=list)
    # for a hypothesis a source labels itself: that source's verdict between its hypotheses (quoted)
    verdict: list["DraftClaim"] = field(default_factory=list)
    # for an explanation the sources report: it as a short claim (a verbatim span of ``text``), who holds it and
    # who denies it (``hypotheses.stated``; None: not named)
    statement: str | None = None
    held_by: str | None = None
    denied_by: str | None = None


@dataclass
class DraftSection:
    name: str
    claims: list[DraftClaim] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


@dataclass
class Draft:
    sections: list[DraftSection]
    abstain: bool = False
    backend: str = ""
    model: str = ""
    usage: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # when abstaining on a question whose topic the evidence covers: what the sources do say, and what none gives
    partial: DraftClaim | None = None
    missing: str | None = None


StreamItem = Union[str, Draft]


class Writer(Protocol):
    name: str  # backend name recorded in provenance: "extractive" | "openai"
    model: str
    label: str  # shown to readers, e.g. "extractive: sentences quoted from the sources"

    def write(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
        resolved: ResolvedQuestion | None = None,
    ) -> Draft:
        """Write a draft whose every claim cites evidence.

        ``topic`` is the brief's topic or the standalone question; for a follow-up, ``resolved`` tells the words
        asked this turn (what to answer) from the context carried over from earlier turns (what it is about).
        ``history`` is for writers that show the conversation to a model; follow-ups are already resolved.
        """
        ...

    def stream(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
        resolved: ResolvedQuestion | None = None,
    ) -> Iterator[StreamItem]:
        """Yield text deltas as they are produced, then the final Draft."""
        ...
