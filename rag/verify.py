"""Claim-level citation checking and repair: each claim is judged against the passages it cites.

A supported claim keeps its citations, narrowed to the sentences that carry the support; an unsupported
one is re-cited to an evidence sentence that does support it, or removed. Every change is a Repair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from rag.brief import Citation, Claim, Repair
from rag.text.sentences import split_sentences
from rag.support import SupportChecker
from rag.writers.answer_verdict import without_verdict
from rag.writers.base import CitedSpan, DraftClaim, EvidencePassage

RECITE_CANDIDATES = 6


@dataclass(frozen=True)
class EvidenceSentence:
    chunk_id: str
    doc_id: str
    start: int  # absolute document offsets
    end: int
    text: str
    published: str | None = None  # the passage's publication date (ISO), when known


def evidence_sentences(evidence: Sequence[EvidencePassage]) -> list[EvidenceSentence]:
    """Every sentence of every evidence passage, with absolute spans."""
    out = []
    for p in evidence:
        for s in split_sentences(p.chunk.text):
            out.append(EvidenceSentence(p.chunk.chunk_id, p.chunk.doc_id, p.chunk.start + s.start, p.chunk.start + s.end, s.text,
                                        p.chunk.published))
    return out


class CitationVerifier:
    """Checks, narrows and repairs the citations of draft claims against one evidence set."""

    def __init__(self, checker: SupportChecker, evidence: Sequence[EvidencePassage], embed) -> None:
        self.checker = checker
        self.embed = embed
        self.passages = {p.chunk.chunk_id: p for p in evidence}
        self.sentences = evidence_sentences(evidence)
        self._sent_vecs: np.ndarray | None = None

    def _text_of(self, span: CitedSpan) -> str | None:
        p = self.passages.get(span.chunk_id)
        if p is None:
            return None
        c = p.chunk
        if not (c.start <= span.start < span.end <= c.end):
            return None
        return c.text[span.start - c.start : span.end - c.start]

    def _cited_texts(self, spans: Sequence[CitedSpan]) -> list[str]:
        """The texts a claim cites, one per passage: the spans of one passage joined in their order (a quote that
        skips a photo caption between its sentences cites each part, ``candidates.Candidate.parts``, and is read
        as the one passage they make)."""
        by_chunk: dict[str, list[CitedSpan]] = {}
        for s in spans:
            by_chunk.setdefault(s.chunk_id, []).append(s)
        return [" ".join(self._text_of(s) or "" for s in sorted(group, key=lambda s: s.start)) for group in by_chunk.values()]

    def _published(self, spans: Sequence[CitedSpan]) -> str | None:
        """The cited passages' one publication date (ISO), or None when unknown or when they differ: the checker
        reads a passage's "last year" by it."""
        days = {self.passages[s.chunk_id].chunk.published for s in spans if s.chunk_id in self.passages}
        return days.pop() if len(days) == 1 else None

    def _citation(self, span: CitedSpan, support: float) -> Citation:
        p = self.passages[span.chunk_id]
        return Citation(
            chunk_id=span.chunk_id, doc_id=p.chunk.doc_id, start=span.start, end=span.end,
            quote=self._text_of(span) or "", support=round(float(support), 4),
        )

    def _narrow(self, claim: str, span: CitedSpan) -> tuple[CitedSpan, float]:
        """The sentence (or the whole span) of a cited passage that best supports the claim."""
        text = self._text_of(span) or ""
        sents = split_sentences(text)
        day = self._published([span])
        whole = self.checker.check(claim, [text], published=day)
        if len(sents) <= 1:
            return span, whole.score
        results = self.checker.check_many([(claim, [s.text]) for s in sents], published=[day] * len(sents))
        best = max(range(len(sents)), key=lambda i: (results[i].supported, results[i].score, -i))
        if results[best].supported:
            s = sents[best]
            return CitedSpan(span.chunk_id, span.start + s.start, span.start + s.end), results[best].score
        return span, whole.score

    def verify(self, section: str, draft: DraftClaim) -> tuple[Claim | None, list[Repair]]:
        """A verified Claim (possibly re-cited), or None when nothing in the evidence supports it."""
        repairs: list[Repair] = []
        spans = [s for s in draft.cites if self._text_of(s) is not None]
        if len(spans) < len(draft.cites):
            repairs.append(Repair(action="citation_dropped", section=section, claim=draft.text,
                                  reason="cited span is not inside the retrieved evidence",
                                  old_chunks=[s.chunk_id for s in draft.cites if s not in spans]))
        # an answer's verdict ("Yes. <quote>", ``answer_verdict``) is the writer's reading of the quote: the quote is
        # what the sources must support
        checked = without_verdict(draft.text)
        if spans:
            joint = self.checker.check(checked, self._cited_texts(spans), published=self._published(spans))
            if joint.supported:
                return self._keep(section, draft.text, spans, joint.score, repairs, checked=checked)
            reason = "; ".join(joint.reasons) or f"support {joint.score:.2f} below threshold"
        else:
            reason = "no citation"
        found = self._recite(checked)
        if found is not None:
            span, score = found
            repairs.append(Repair(action="recited", section=section, claim=draft.text, reason=reason,
                                  old_chunks=[s.chunk_id for s in spans], new_chunks=[span.chunk_id]))
            claim = Claim(text=draft.text, citations=[self._citation(span, score)], verified=True, support=round(score, 4))
            return claim, repairs
        repairs.append(Repair(action="removed", section=section, claim=draft.text, reason=reason,
                              old_chunks=[s.chunk_id for s in spans]))
        return None, repairs

    def _keep(self, section: str, text: str, spans: list[CitedSpan], score: float, repairs: list[Repair], *,
              checked: str | None = None):
        """The claim ``text`` kept with its citations narrowed to what supports ``checked`` (``text`` by default)."""
        shown, text = text, checked if checked is not None else text
        citations: list[Citation] = []
        narrowed = [self._narrow(text, s) for s in spans]
        if len(spans) > 1:
            # ALCE precision: drop a citation that supports nothing alone when the others still suffice.
            keep = list(range(len(spans)))
            for i in range(len(spans)):
                alone = narrowed[i][1] >= self.checker.min_support
                if alone or len(keep) == 1:
                    continue
                others = [spans[j] for j in keep if j != i]
                rest = [self._text_of(s) for s in others]
                if self.checker.check(text, rest, published=self._published(others)).supported:
                    keep.remove(i)
                    repairs.append(Repair(action="citation_dropped", section=section, claim=text,
                                          reason="citation not needed for the claim", old_chunks=[spans[i].chunk_id]))
            narrowed = [narrowed[i] for i in keep]
        for span, s in narrowed:
            citations.append(self._citation(span, s))
        return Claim(text=shown, citations=citations, verified=True, support=round(score, 4)), repairs

    def _recite(self, claim: str) -> tuple[CitedSpan, float] | None:
        """Search the evidence sentences most similar to the claim for one that supports it."""
        if not self.sentences:
            return None
        if self._sent_vecs is None:
            self._sent_vecs = self.embed([s.text for s in self.sentences])
        q = self.embed([claim])[0]
        sims = self._sent_vecs @ q
        order = sorted(range(len(self.sentences)), key=lambda i: (-sims[i], i))[:RECITE_CANDIDATES]
        results = self.checker.check_many([(claim, [self.sentences[i].text]) for i in order],
                                          published=[self.sentences[i].published for i in order])
        for i, r in zip(order, results):
            if r.supported:
                s = self.sentences[i]
                return CitedSpan(s.chunk_id, s.start, s.end), r.score
        return None
