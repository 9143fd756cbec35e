"""The Brief contract: Brief → sections → claims (one sentence) → citations (chunk + span + support) → sources."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

#: Shared by code, prompts and tests: the start of every abstention.
NO_EVIDENCE = "The corpus has no evidence on"


class Citation(BaseModel):
    """A pointer into the corpus: the chunk, the exact cited span in the document, and how well it supports the claim."""

    source: int = Field(0, description="1-based index into Brief.sources (0 until sources are numbered).")
    chunk_id: str
    doc_id: str
    start: int = Field(description="Start of the cited span in the document's stored (normalized) text, the text the index holds and quote is cut from (document.text[start:end] == quote); not an offset in the original file: see source_span.")
    end: int = Field(description="End (exclusive) of the cited span in the document's stored (normalized) text; see start.")
    quote: str = Field(description="The cited span's text, equal to document.text[start:end].")
    support: float = Field(0.0, description="Support score of the claim against this passage (0..1).")
    source_path: str = Field("", description="The document's file (``file.jsonl#L3`` for a JSONL line) or upload key.")
    source_span: list[int] | None = Field(None, description="[start, end) character offsets of the quote in the decoded original (open(source_path).read()[a:b]): the file's text; for PDF that page's extracted text; for JSONL that line. None when unknown. Differs from start/end, which index the stored (normalized) text.")
    source_line: int | None = Field(None, description="Line of the original file where the quote starts (JSONL: the record's line).")
    source_page: int | None = Field(None, description="PDF page (1-based) the quote is on.")
    source_ref: str = Field("", description="Human-readable location, e.g. 'corpus/001.txt:12-14' or 'report.pdf p.3'.")


class Claim(BaseModel):
    """One sentence of a brief with the passages it rests on."""

    text: str
    citations: list[Citation] = Field(default_factory=list)
    verified: bool = False
    support: float = 0.0
    date: str | None = Field(None, description="Event date (timeline entries only).")
    date_basis: str | None = Field(None, description="How a timeline date was read: the phrase and, for a relative one, the publication date it was resolved against.")
    role: str | None = Field(None, description="The sentence's role: event, statement, judgement, forecast, signal, gap, background.")
    attribution: str | None = Field(None, description="Who the claim is attributed to when it is not presented as fact, e.g. 'WorldWideWatchers (AI-generated brief, 2026) assesses'.")
    evidence_for: list["Claim"] = Field(default_factory=list, description="For an explanation (competing hypotheses): quotes that support it; one with role 'holder_statement' is its holder's own statement of it, one with role 'party_statement' a party to the story stating its own position (each the claim of who states it, not evidence).")
    evidence_against: list["Claim"] = Field(default_factory=list, description="For an explanation: quotes that contradict or qualify it; one with role 'rebuttal' is a party's reaction denying it (``denied_by`` names the party), one with role 'party_statement' a party to the story stating its own position (that party's claim, not evidence); one of another role with ``held_by`` set is a finding that party reports (evidence, said with who reports it).")
    verdict: list["Claim"] = Field(default_factory=list, description="For a hypothesis a source labels itself: that source's verdict between its hypotheses.")
    statement: str | None = Field(None, description="For an explanation the sources report: the explanation as a short claim, a verbatim span of ``text``.")
    held_by: str | None = Field(None, description="For an explanation: who holds it, as the quote names them (None: not named; never the outlet that reports it).")
    denied_by: str | None = Field(None, description="For an explanation: who denies it, as the quote names them (None: no one in the quote).")


class Section(BaseModel):
    name: str
    title: str
    kind: Literal["claims", "terms", "stat", "note"] = Field("claims", description=(
        "'note': a compound question's part the corpus does not answer, its abstention said in its place (text)."))
    required: bool = True
    claims: list[Claim] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list, description="Keyword/entity lists (each term occurs in the cited evidence).")
    text: str | None = Field(None, description="Computed text for 'stat' sections (e.g. '3 articles · 2 sources'); a "
                             "'note' section's words; what an empty section says.")

    def is_empty(self) -> bool:
        return not (self.claims or self.terms or self.text)


class Source(BaseModel):
    index: int
    doc_id: str
    title: str = ""
    publisher: str = ""
    published: str | None = None
    url: str = ""
    source_path: str = ""
    spans: list[tuple[int, int]] = Field(default_factory=list, description="Cited spans in the stored (normalized) text.")
    source_spans: list[list[int] | None] = Field(default_factory=list, description="The same spans in the decoded original (see Citation.source_span), parallel to spans.")
    source_refs: list[str] = Field(default_factory=list, description="Where each span is, e.g. 'corpus/001.txt:12-14', parallel to spans.")
    passages: list[str] = Field(default_factory=list, description="The passages of this source the brief cites: each "
                                "cited span's quote (Citation.quote), in the order of spans; filled from the brief's "
                                "citations when the Brief is built (``Brief.cited_passages``).")
    chunk_ids: list[str] = Field(default_factory=list)
    source_type: str = Field("news", description="news | analysis | official | generated (manifest 'kind' or inferred from the text).")
    attributed_as: str = Field("", description="How claims are attributed to it: 'Hosokawa Masahiko (2020 essay)'.")
    type_label: str = Field("news report", description="How the type reads: 'news report', 'analysis/opinion', 'official statement', 'generated brief'.")


class Confidence(BaseModel):
    """Analytic confidence in the brief (ICD 203): how well its evidence base supports it, kept apart from the
    likelihood words the sources use."""

    level: Literal["low", "moderate", "high"]
    reason: str = Field(description="Why: independent sources, their types, dates and agreement.")
    independent_sources: int = Field(description="Independent on-topic reports: the on-topic news reports and official statements after near-duplicate and same-publisher collapse.")
    source_types: list[str] = Field(default_factory=list, description="The source type of each independent report counted in independent_sources (news, official).")
    cited_not_counted: list[str] = Field(default_factory=list, description="The source type of each on-topic source the brief cites that is not independent reporting (analysis, generated), after the same collapse: what the level did not count.")

    def text(self) -> str:
        return f"{self.level.capitalize()}: {self.reason}"


class Repair(BaseModel):
    """One change the citation checker made."""

    action: Literal["recited", "removed", "citation_dropped", "term_dropped"]
    section: str
    claim: str
    reason: str
    old_chunks: list[str] = Field(default_factory=list)
    new_chunks: list[str] = Field(default_factory=list)


class Provenance(BaseModel):
    template: str
    template_version: str
    template_hash: str
    backend: str
    model: str
    retrieval: dict[str, Any]
    corpus_snapshot: str
    settings_hash: str = ""
    lexicon_hash: str = Field("", description="sha256 of the text layer's word lists (rag/text/data), also inside settings_hash.")
    role_model_hash: str = Field("", description="sha256 of the sentence-role model file (rag/assets/role_model.json), also inside settings_hash.")
    checker_model_hash: str = Field("", description="sha256 of the support checker's fitted model (rag/support/data/checker_model.json), also inside settings_hash.")
    query: str
    filters: dict[str, Any] = Field(default_factory=dict)
    created_at: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    timings: dict[str, float] = Field(default_factory=dict)
    usage: dict[str, int] = Field(default_factory=dict)
    repairs: list[Repair] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list, description="Chunk ids retrieved as evidence, in rank order.")


class Brief(BaseModel):
    id: str = ""
    kind: Literal["brief", "answer"] = "brief"
    template: str
    topic: str
    headline: str | None = None
    as_of: str | None = None
    abstained: bool = False
    message: str | None = Field(None, description="Abstention message or a label such as 'extractive'.")
    label: str = ""
    sections: list[Section] = Field(default_factory=list)
    timeline: list[Claim] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    closest_sources: list[Source] = Field(default_factory=list, description="When abstaining: what came closest.")
    confidence: Confidence | None = None
    claims_total: int = Field(0, description="The brief's distinct quoted passages (sections, then timeline; a passage "
                              "quoted again, as a headline 'What happened' repeats, counted once: "
                              "quoted_once.distinct_quotes) plus the claims the checker removed.")
    claims_verified: int = Field(0, description="Of claims_total, the passages the brief shows as verified; the "
                                 "Markdown header's quote count is this number.")
    provenance: Provenance

    def all_claims(self) -> list[Claim]:
        return [c for s in self.sections for c in s.claims] + list(self.timeline)

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    @model_validator(mode="after")
    def cited_passages(self) -> "Brief":
        """Each source's ``passages``: the quotes of the citations of it (claims, their weighed evidence, the timeline),
        one per cited span in the order of its ``spans`` (a span no citation quotes, as an abstention's closest passage,
        gives none). The brief's own citations are the one record of what was quoted, so a source lists exactly them."""
        quotes: dict[tuple[str, int, int], str] = {}
        for claim in self.all_claims():
            for claim_ in [claim, *claim.evidence_for, *claim.evidence_against, *claim.verdict]:
                for cit in claim_.citations:
                    quotes.setdefault((cit.doc_id, cit.start, cit.end), cit.quote)
        for src in [*self.sources, *self.closest_sources]:
            src.passages = [q for a, b in src.spans if (q := quotes.get((src.doc_id, a, b))) is not None]
        return self

    def compute_id(self) -> str:
        payload = json.dumps(
            [self.template, self.topic, self.provenance.created_at, self.provenance.corpus_snapshot,
             [c.text for c in self.all_claims()]],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]
