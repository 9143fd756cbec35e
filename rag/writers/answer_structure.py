"""What an answer may take from a source that is itself an analytic brief: judgements under test are not reports.

A generated OSINT brief (the sample corpus's 003) lays out competing hypotheses, the evidence it lists for and
against each, its assumptions and information gaps, and its verdict ("Assessment: Hypothesis A is currently better
supported …"); ``source_structure.parse_structure`` reads that structure. Those sentences are the brief's judgements
under test, not what happened nor why it happened: an answer that quotes "Hypothesis B: China is primarily motivated
by internal security concerns …" as the reason for China's act passes off a hypothesis the same source rejects as a
finding. In an answer:

- a hypothesis the source's verdict rejects, or on which it gives no verdict, the evidence lines of any hypothesis,
  its notes and its assumption items are not quoted (``unquotable``), unless the question names the item's label
  ("And Hypothesis B?");
- a hypothesis the source favours may be quoted, typed ``HYPOTHESIS_ROLE`` (credited as offered: "WorldWideWatchers
  (AI-generated brief, 2026) offers: …"), never as the answer's first sentence when anything else can lead, and
  always followed by the source's own verdict (``with_verdicts``); a verdict quoted alone is preceded by the
  hypothesis it favours, so that "Hypothesis A" is never quoted without what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from rag.text.lexicon import table
from rag.writers.base import EvidencePassage
from rag.writers.source_structure import passage_structures
from rag.writers.watch_items import list_heading

__all__ = ["HYPOTHESIS_ROLE", "Held", "held_in_structure", "unquotable", "leads_not", "with_verdicts",
           "analytic_heading", "is_caveat", "under_analytic_heading"]

#: the role a quoted hypothesis is credited by (``source_types.toml`` [verbs.hypothesis]: "offers")
HYPOTHESIS_ROLE = "hypothesis"


@dataclass(frozen=True)
class Held:
    """What a quoted sentence is in its source's labelled structure: ``what`` ("hypothesis", "for", "against",
    "note", "verdict", "assumption"), for a hypothesis its ``standing`` ("favoured", "rejected", "open"), and the
    absolute span of its partner (a favoured hypothesis' verdict; a verdict's favoured hypothesis), if any."""

    what: str
    standing: str | None = None
    partner: tuple[str, int, int] | None = None  # (doc id, start, end)


def held_in_structure(spans: Sequence[tuple[str, int, int]], evidence: Sequence[EvidencePassage]) -> list[Held | None]:
    """Per quote span ``(doc id, absolute start, absolute end)``, what the first sentence of its source's labelled
    structure it overlaps is (``Held``), or None when it overlaps none (or the document labels no hypotheses)."""
    table: dict[str, list[tuple[int, int, Held]]] = {}
    for seg, structure in passage_structures(evidence):
        rows: list[tuple[int, int, Held]] = []
        favoured = [h for h in structure.hypotheses if h.standing == "favoured"]
        first_favoured = favoured[0] if favoured else None
        for h in structure.hypotheses:
            partner = None
            if h.standing == "favoured" and h.verdict is not None:
                partner = (seg.doc_id, seg.start + h.verdict.start, seg.start + h.verdict.end)
            rows.append((seg.start + h.statement.start, seg.start + h.statement.end, Held("hypothesis", h.standing, partner)))
        for (a, b), what in structure.spans().items():
            if what == "hypothesis":
                continue
            partner = None
            if what == "verdict" and first_favoured is not None and first_favoured.verdict is not None \
                    and (first_favoured.verdict.start, first_favoured.verdict.end) == (a, b):
                s = first_favoured.statement
                partner = (seg.doc_id, seg.start + s.start, seg.start + s.end)
            rows.append((seg.start + a, seg.start + b, Held(what, None, partner)))
        table[seg.doc_id] = sorted(rows, key=lambda r: r[0])
    out: list[Held | None] = []
    for doc, start, end in spans:
        out.append(next((held for a, b, held in table.get(doc, ()) if start < b and a < end), None))
    return out


def unquotable(held: Held | None) -> bool:
    """Whether an answer leaves a sentence of a source's structure out: any but a favoured hypothesis and a verdict
    (a hypothesis the source rejects or leaves open, the evidence listed for or against one, a note, an assumption)."""
    if held is None:
        return False
    if held.what == "hypothesis":
        return held.standing != "favoured"
    return held.what != "verdict"


def leads_not(held: Held | None) -> bool:
    """Whether a sentence may not be an answer's first sentence while another can: a hypothesis (even one its
    source favours is a judgement under test, not the reason) and a verdict between hypotheses."""
    return held is not None and held.what in ("hypothesis", "verdict")


def with_verdicts(picks: list[int], held: Sequence[Held | None], span_of: Sequence[tuple[str, int, int]],
                  allowed: Sequence[bool]) -> list[int]:
    """``picks`` (candidate indices) with each favoured hypothesis followed by its verdict and each verdict preceded
    by the hypothesis it favours, when that partner is among the candidates (``allowed``: may be quoted); a pick
    whose partner cannot be quoted is left out (a bare "Hypothesis A" or an unjudged hypothesis says nothing)."""
    def at(span: tuple[str, int, int]) -> int | None:
        exact = next((k for k, s in enumerate(span_of) if s == span), None)
        return exact if exact is not None else next(
            (k for k, (d, a, b) in enumerate(span_of) if d == span[0] and a < span[2] and span[1] < b), None)

    out: list[int] = []
    for i in picks:
        h = held[i]
        if h is None or h.what not in ("hypothesis", "verdict"):
            if i not in out:
                out.append(i)
            continue
        j = at(h.partner) if h.partner is not None else None
        if j is None or not allowed[j]:
            continue
        pair = [i, j] if h.what == "hypothesis" else [j, i]
        out += [k for k in pair if k not in out]
    return out


@cache
def _headings(kind: str | None = None) -> tuple[re.Pattern[str], ...]:
    data = table("analytic_sections")
    return tuple(re.compile(p, re.I) for k in ((kind,) if kind else ("caveats", "judgements")) for p in data[k])


def is_caveat(heading: str) -> bool:
    """Whether an ``analytic_heading`` heads the brief's doubts about its own analysis ("Bias & Deception Risks",
    "Assumptions", "Red Flags": ``analytic_sections.toml`` [caveats]), not its implications or outlook."""
    return any(p.match(heading) for p in _headings("caveats"))


def analytic_heading(text: str, start: int) -> str:
    """The heading of an analytic brief's judgements or caveats (``analytic_sections.toml``: "Bias & Deception
    Risks", "3. Key Assumptions and Red Flags", "4. Implications and Strategic Risks") the sentence at offset
    ``start`` of ``text`` (its document's text around it) stands under, its numbering, bullet, Markdown marks and
    closing colon dropped; "" when the nearest heading line above it (``watch_items.list_heading``) is no such
    heading."""
    heading = list_heading(text, start)
    key = re.sub(r"^[\s#*_\-•·▪◦\d.)(]+", "", heading).strip().rstrip(":").strip(" *_")
    return key if key and len(key.split()) <= 8 and any(p.match(key) for p in _headings()) else ""


def under_analytic_heading(text: str, start: int) -> bool:
    """Whether the sentence at offset ``start`` of ``text`` stands under an ``analytic_heading``."""
    return bool(analytic_heading(text, start))
