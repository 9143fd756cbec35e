"""The labelled structure of a source that is itself an analytic brief: its hypotheses, their evidence, its verdict.

A generated OSINT brief (the sample corpus's 003) or an analyst's note lays out competing hypotheses under labels
("Hypothesis A:", "H1:", "Scenario 2:", "Alternative explanation:", or in prose: "One explanation is that ...",
"Another explanation is that ..."), follows each with the sentences that support it ("Supporting evidence
includes ...", "This is supported by ...") or qualify it ("However, ...", "Contradicting this is ..."), and states a
verdict ("Assessment: Hypothesis A is currently better supported ..."). Those are the source's own explanations:
the brief lists each once, attributed, with the source's evidence and verdict, never adopts one, and never takes a
verdict line for a hypothesis nor a hypothesis the source rejects for its bottom line.

``parse_structure(text)`` reads one passage (sentence spans in ``text``); a text is structured only when it labels
at least two hypotheses (a news report that mentions "the hypothesis that ..." in passing is not). Patterns and
cue words are data: ``rag/text/data/hypothesis_structure.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Sequence

from rag.text.lexicon import alternation, table
from rag.text.sentences import flatten, split_sentences
from rag.writers.base import CitedSpan, DraftClaim, EvidencePassage
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import MIN_WORDS, STOPWORDS, TERMINAL_RE, VERBISH_RE, junk_reason

__all__ = ["MIN_HYPOTHESES", "after_report_label", "labelled_headline", "Span", "SourceHypothesis", "Structure", "is_verdict", "mark_structure", "parse_structure", "passage_structures", "segments", "Segment",
           "structure_roles"]

#: a text is structured when it labels at least this many hypotheses (competing explanations need two); one
#: "Hypothesis B:" is enough: only a structured brief writes that (the evidence may hold one hypothesis of its list)
MIN_HYPOTHESES = 2


@dataclass(frozen=True)
class Span:
    """One sentence of the structure: [start, end) in the parsed text and its flattened text."""

    start: int
    end: int
    text: str


@dataclass
class SourceHypothesis:
    """A hypothesis as the source states it, with the sentences it gives for and against it and its verdict."""

    position: int  # 1-based: "Hypothesis A", "H1" and "One explanation" are 1
    label: str  # as written: "Hypothesis A", "H1", "One explanation"
    statement: Span
    support: list[Span] = field(default_factory=list)
    against: list[Span] = field(default_factory=list)
    notes: list[Span] = field(default_factory=list)  # sentences of its block that neither support nor qualify it
    verdict: Span | None = None
    standing: str = "open"  # "favoured" | "rejected" | "open" (the source's verdict, if any, says nothing of it)


@dataclass
class Structure:
    """The hypotheses of one text (in the text's order) and its verdicts and the sentences that follow them."""

    hypotheses: list[SourceHypothesis]
    verdicts: list[Span] = field(default_factory=list)
    trailing: list[Span] = field(default_factory=list)  # after a verdict, before the next label
    assumptions: list[Span] = field(default_factory=list)  # items under an "Assumptions:" caption
    unnamed_verdicts: list[Span] = field(default_factory=list)  # verdicts that name no hypothesis (not in ``spans``)
    #: sentences after a verdict that name what would change it ("Key indicators that could shift this judgment
    #: include ..."): the source's signals to watch, not notes on a hypothesis
    indicators: list[Span] = field(default_factory=list)
    gaps: list[Span] = field(default_factory=list)  # items under an "Information Gaps:" or "Unknowns:" caption

    def spans(self) -> dict[tuple[int, int], str]:
        """Every sentence of the structure -> what it is ("hypothesis", "for", "against", "note", "verdict",
        "assumption", "gap", "indicator")."""
        out: dict[tuple[int, int], str] = {}
        for h in self.hypotheses:
            out[(h.statement.start, h.statement.end)] = "hypothesis"
            out.update({(s.start, s.end): "for" for s in h.support})
            out.update({(s.start, s.end): "against" for s in h.against})
            out.update({(s.start, s.end): "note" for s in h.notes})
        out.update({(s.start, s.end): "verdict" for s in self.verdicts})
        out.update({(s.start, s.end): "note" for s in self.trailing})
        out.update({(s.start, s.end): "assumption" for s in self.assumptions})
        out.update({(s.start, s.end): "gap" for s in self.gaps})
        out.update({(s.start, s.end): "indicator" for s in self.indicators})
        return out


# ------------------------------------------------------------------------------------------- patterns


@cache
def _data() -> dict:
    return table("hypothesis_structure")


@cache
def _patterns(table_name: str, name: str) -> tuple[re.Pattern[str], ...]:
    """The compiled regular expressions of ``[table_name] name`` in the data file (case-insensitive)."""
    return tuple(re.compile(p, re.I) for p in _data()[table_name][name])


@cache
def _identifier_positions() -> dict[str, int]:
    return {alias: int(pos) for pos, aliases in _data()["identifiers"].items() for alias in aliases}


@cache
def _ordinal_positions() -> dict[str, int | None]:
    """Ordinal phrase -> position (None: "another", the next free one)."""
    place = {"first": 1, "second": 2, "third": 3, "next": None}
    return {w: place[k] for k, words in _data()["ordinals"].items() for w in words}


def _any(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


@cache
def _names() -> re.Pattern[str]:
    return re.compile(_data()["verdict"]["names"], re.I)


def _label(text: str) -> re.Match[str] | None:
    return next((m for p in _patterns("labels", "patterns") if (m := p.search(text))), None)


def is_verdict(text: str) -> bool:
    """Whether a sentence states a verdict between hypotheses (and does not open with a hypothesis label)."""
    return _label(text) is None and _any(_patterns("verdict", "patterns"), text)


def _stance(text: str) -> str | None:
    """"for", "against" or None (no cue) for a sentence that follows a hypothesis."""
    low = text.lstrip(" \"'“‘-•*").strip()
    if _any(_patterns("cues", "against"), low) or _any(_patterns("cues", "against_openers"), low):
        return "against"
    if _any(_patterns("cues", "support"), low):
        return "for"
    if _any(_patterns("cues", "against_inline"), low):
        return "against"
    return None


def _is_heading(text: str) -> bool:
    """A section heading or list caption ("3. Key Assumptions", "Assumptions:") ends a hypothesis' block."""
    if text.rstrip().endswith(":"):
        return True
    # a short sentence ("However, its motives remain unclear.") is no heading; an unpunctuated line may be
    return not TERMINAL_RE.search(text.rstrip()) and junk_reason(text) in ("heading", "short", "boilerplate")


# ------------------------------------------------------------------------------------------- report labels


@cache
def _report_label() -> re.Pattern[str]:
    data = table("report_labels")
    return re.compile(r"^[\s#*_>\u2022\u00b7-]*(?:" + "|".join(data["labels"]) + r")[*_]*(?:" + "|".join(data["separators"]) + r")[\s*_]*",
                      re.I)


def after_report_label(text: str) -> int:
    """Where the words after a line's report label start in ``text`` ("Intelligence Report: Tokyo protests …" -> the
    offset of "Tokyo"; "BREAKING — …", "EXCLUSIVE-China …"): the label is the kind of page, furniture
    (``rag/text/data/report_labels.toml``); 0 when the line opens with no label, or nothing follows it."""
    m = _report_label().match(text)
    return m.end() if m and text[m.end():].strip() else 0


def labelled_headline(text: str) -> int | None:
    """Where the headline starts in a line that is a report label and a headline ("Intelligence Report: Tokyo
    protests as China blocks dual-use exports to 20 Japanese companies" -> the offset of "Tokyo"), or None.

    The line must open with a report label (``after_report_label``) and the words after it be a clause a headline
    states, not a section's title: at least ``MIN_WORDS`` words, without sentence-closing punctuation or with it,
    and either in sentence case (fewer than half its words of four letters or more capitalised: "Tokyo protests as
    China blocks …") or with a verb form (``sentence_cues.VERBISH_RE``: "China Imposes Export Restrictions …"); a
    title-case label ("Analysis: Key Judgments and Strategic Outlook") is none, nor a question."""
    at = after_report_label(text)
    if not at:
        return None
    clause = " ".join(text[at:].split())
    words = re.findall(r"[\w'’-]+", clause)
    if len(words) < MIN_WORDS or clause.rstrip("\"'’” )").endswith("?"):
        return None
    if junk_reason(clause) not in (None, "heading", "truncated"):
        return None
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    caps = sum(w[0].isupper() for w in long_words)
    if caps < 0.5 * len(long_words) or VERBISH_RE.search(clause):
        return at
    return None


# ------------------------------------------------------------------------------------------- parsing


def _position(m: re.Match[str], taken: set[int]) -> int:
    groups = m.groupdict()
    ident = (groups.get("id") or "").lower()
    if ident and ident in _identifier_positions():
        return _identifier_positions()[ident]
    ordinal = " ".join((groups.get("ord") or "").lower().split())
    pos = _ordinal_positions().get(ordinal) if ordinal else None
    if pos is None:  # "another explanation", an unnumbered "Alternative explanation:": the next free position
        pos = 1
        while pos in taken:
            pos += 1
    return pos


def _references(h: SourceHypothesis, text: str) -> list[int]:
    """Offsets in ``text`` where a verdict names hypothesis ``h`` ("Hypothesis A", "H1", "the first explanation")."""
    ids = [alias for alias, pos in _identifier_positions().items() if pos == h.position]
    ords = [w for w, pos in _ordinal_positions().items() if pos == h.position]
    alts = alternation(ids)
    pats = [rf"\b(?:hypothesis|scenario|explanation|option)\s+(?:{alts})\b", rf"(?-i:\bH{h.position}\b)"]
    if ords:
        words = alternation(ords)
        pats.append(rf"\b(?:{words})\s+(?:possible\s+)?(?:explanation|hypothesis|interpretation|reading|possibility|scenario)\b")
    if h.position == 1:
        pats.append(r"\bthe\s+former\b")
    return sorted(m.start() for p in pats for m in re.finditer(p, text, re.I))


def _content(text: str) -> set[str]:
    return {s for s in text_stems(text) if len(s) >= 4 and s not in STOPWORDS}


def _judge(structure: Structure) -> None:
    """Set each hypothesis' verdict and standing from the verdicts that name it; when none names a hypothesis, from
    an unlabelled one ("the most likely explanation is that X") that restates one of them."""
    hyps = structure.hypotheses
    for verdict in structure.verdicts or structure.unnamed_verdicts[:1]:
        text = verdict.text
        named = sorted((offs[0], h) for h in hyps if (offs := _references(h, text)))
        if not named and _names().search(text):  # it names only hypotheses this text does not hold
            for h in hyps:
                if _any(_patterns("verdict", "favours"), text) and h.standing == "open":
                    h.standing = "rejected"
                h.verdict = h.verdict or verdict
            continue
        if not named:
            own = _content(text)
            best = max(hyps, key=lambda h: len(own & _content(h.statement.text)))
            named = [(0, best)] if len(own & _content(best.statement.text)) >= 2 else []
        favoured: list[SourceHypothesis] = []
        for k, (off, h) in enumerate(named):
            window = text[off : named[k + 1][0] if k + 1 < len(named) else len(text)]
            if _any(_patterns("verdict", "rejects"), window):
                h.standing = "rejected"
            elif _any(_patterns("verdict", "favours"), window) or len(named) == 1:
                h.standing, favoured = "favoured", favoured + [h]
        for h in hyps:
            if favoured and h not in favoured and h.standing == "open":
                h.standing = "rejected"  # the verdict prefers another: this one is the less supported
            h.verdict = h.verdict or verdict


def parse_structure(text: str) -> Structure | None:
    """The labelled hypotheses of ``text`` (spans in ``text``), or None when it labels fewer than MIN_HYPOTHESES."""
    hyps: list[SourceHypothesis] = []
    verdicts: list[tuple[Span, list[Span]]] = []  # each verdict with the sentences that follow it
    current: SourceHypothesis | None = None
    after: list[Span] | None = None  # the sentences after the last verdict, before a label or heading
    carried: str | None = None  # a stance announced by a caption line ("Evidence against:") for the lines below it
    listed: list[Span] = []  # every item under an assumptions caption
    unknown: list[Span] = []  # every item under an information-gaps caption
    labelled = False  # a label with an identifier was seen
    assumptions: list[Span] | None = None  # the items under an "Assumptions:" caption
    for s in split_sentences(text):
        span = Span(s.start, s.end, flatten(s.text))
        label = _label(span.text)
        if label is not None:
            marks = re.match(r"#{1,6}\s+", s.text)  # a Markdown heading's marks are no part of the quote
            if marks:
                span = Span(s.start + marks.end(), s.end, flatten(s.text[marks.end():]))
            name = " ".join(label.group(0).lstrip("# ").rstrip(":-\u2013\u2014 ").split())
            current = SourceHypothesis(_position(label, {h.position for h in hyps}), name, span)
            # "Hypothesis B:" is written only in a list of hypotheses; "H2:" or "Scenario 1:" alone may head a half-year
            # or a plan in a report, so those need a second label
            labelled = labelled or bool(label.groupdict().get("id")) and label.group("kind").lower() == "hypothesis"
            hyps.append(current)
            after, carried = None, None
            continue
        if is_verdict(span.text):
            verdicts.append((span, []))
            current, after, carried = None, verdicts[-1][1], None
            continue
        if _is_heading(span.text):
            stance = _stance(span.text) if span.text.rstrip().endswith(":") else None
            if current is not None and stance is not None:
                carried = stance  # "Evidence for:" above a list: its items are for
                continue
            current, after, carried = None, None, None
            caption = span.text.rstrip().endswith(":")
            assumptions = (listed if caption and _any(_patterns("captions", "assumption"), span.text)
                           else unknown if caption and _any(_patterns("captions", "gap"), span.text) else None)
            continue
        if current is not None:
            stance = _stance(span.text) or carried
            (current.support if stance == "for" else current.against if stance == "against" else current.notes).append(span)
        elif after is not None:
            after.append(span)
        elif assumptions is not None:
            assumptions.append(span)
    if len({h.position for h in hyps}) < MIN_HYPOTHESES and not labelled:
        return None
    # a verdict that names a hypothesis belongs to the structure, with what follows it ("Key indicators that could
    # shift this judgment ..."); one that names none ("The most likely explanation is that ...") is the source's
    # main judgement in its own words and stays quotable elsewhere
    named = [(v, rest) for v, rest in verdicts if _names().search(v.text)]
    after_named = [s for _, rest in named for s in rest]
    # ... of which a sentence naming what would shift the verdict is the source's signal to watch
    indicators = [s for s in after_named if _any(_patterns("captions", "indicator"), s.text)]
    structure = Structure(hyps, verdicts=[v for v, _ in named], trailing=[s for s in after_named if s not in indicators],
                          unnamed_verdicts=[v for v, _ in verdicts if all(v is not n for n, _ in named)], assumptions=listed,
                          indicators=indicators, gaps=unknown)
    _judge(structure)
    return structure


@lru_cache(maxsize=256)  # bounded: a server parses every brief's evidence; one brief's segments repeat
def _parse_cached(text: str) -> Structure | None:
    return parse_structure(text)


@dataclass(frozen=True)
class Segment:
    """Contiguous text of one document joined from its evidence passages: ``text`` starts at absolute ``start``."""

    doc_id: str
    start: int
    text: str
    passages: tuple[EvidencePassage, ...]

    def claim(self, span: Span, role: str) -> DraftClaim | None:
        """The sentence quoted from the passage that holds all of it (absolute span), or None when none does."""
        a, b = self.start + span.start, self.start + span.end
        for ep in self.passages:
            if ep.chunk.start <= a and b <= ep.chunk.start + len(ep.chunk.text):
                return DraftClaim(text=span.text, cites=[CitedSpan(ep.chunk.chunk_id, a, b)], role=role)
        return None


def segments(evidence: Sequence[EvidencePassage]) -> list[Segment]:
    """The evidence joined per document into runs of overlapping or adjacent passages (a source's list of
    hypotheses may span two chunks), in the order of each run's best-ranked passage."""
    by_doc: dict[str, list[EvidencePassage]] = {}
    for ep in evidence:
        by_doc.setdefault(ep.chunk.doc_id, []).append(ep)
    out: list[tuple[int, Segment]] = []
    rank = {id(ep): r for r, ep in enumerate(evidence)}
    for doc_id, eps in by_doc.items():
        eps = sorted({ep.chunk.chunk_id: ep for ep in eps}.values(), key=lambda ep: ep.chunk.start)
        run = [eps[0]]
        text, start = eps[0].chunk.text, eps[0].chunk.start
        for ep in eps[1:] + [None]:
            if ep is not None and ep.chunk.start <= start + len(text):
                text = text + ep.chunk.text[start + len(text) - ep.chunk.start :]
                run.append(ep)
                continue
            out.append((min(rank[id(r)] for r in run), Segment(doc_id, start, text, tuple(run))))
            if ep is not None:
                run, text, start = [ep], ep.chunk.text, ep.chunk.start
    return [seg for _, seg in sorted(out, key=lambda t: t[0])]


def passage_structures(evidence: Sequence[EvidencePassage]) -> list[tuple[Segment, Structure]]:
    """(segment, its structure) for each run of a document's evidence that labels hypotheses, in evidence order;
    a document's hypotheses are read from its first such run only."""
    out: list[tuple[Segment, Structure]] = []
    seen: set[str] = set()
    for seg in segments(evidence):
        if seg.doc_id in seen:
            continue
        structure = _parse_cached(seg.text)
        if structure is not None:
            out.append((seg, structure))
            seen.add(seg.doc_id)
    return out


def structure_roles(evidence: Sequence[EvidencePassage]) -> dict[str, list[tuple[int, int, str]]]:
    """doc_id -> [(absolute start, absolute end, what the sentence is)] for every sentence of a labelled structure."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for seg, structure in passage_structures(evidence):
        out[seg.doc_id] = [(seg.start + a, seg.start + b, what) for (a, b), what in structure.spans().items()]
    return out


def mark_structure(cands: Sequence, evidence: Sequence[EvidencePassage]) -> int:
    """Set ``structure`` on each candidate (``candidates.Candidate``) that overlaps a sentence of its document's
    labelled structure (the first overlapping sentence's kind); returns how many were marked."""
    roles = structure_roles(evidence)
    n = 0
    for c in cands:
        for a, b, what in roles.get(c.doc_id, ()):
            if c.start < b and a < c.end:
                c.structure = what
                n += 1
                break
    return n
