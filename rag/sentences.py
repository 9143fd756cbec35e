"""Sentence spans over normalized text: every span is an exact slice, so citations can point at it."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev col lt sgt capt cmdr adm pres sec dept
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros no nos vol vols fig figs p pp ed eds approx est vs etc al""".split()
)
_ABBREV_BEFORE_NUMBER = frozenset("no nos mar sun sat wed fig figs p pp vol vols ed est".split())
_SENT_END = re.compile(r"([.!?]+[\"'’”)\]]*)(\s+)(?=[\"'‘“(\[]?[A-Z0-9\u3040-\u9fff])")
_CJK_END = re.compile(r"[\u3002\uff01\uff1f]")
_LEADER = re.compile(r"^(?:[\u2022\u25cf\u25aa\u25e6\u2023*\-–—]+\s*|\(?\d{1,2}[.)]\s+|[A-Z][.)]\s+)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_abbreviation(before: str, following: str) -> bool:
    if re.fullmatch(r"\s*(?:\d{1,2}|[A-Za-z])", before):  # a list marker: "1. BLUF", "A. Scope"
        return True
    last = before.rsplit(" ", 1)[-1].lstrip("\"'([‘“").lower()
    if last in _ABBREV_BEFORE_NUMBER:
        return following[:1].isdigit()
    if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", last))  # u.s, e.g, i.e


def sentence_spans(text: str) -> list[Sentence]:
    """Sentences of ``text`` (lines, then terminal punctuation), minus leading bullets or list numbers."""
    out: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        cuts = [0]
        for m in _SENT_END.finditer(line):
            if m.group(1).startswith(".") and len(m.group(1).rstrip("\"'’”)]")) == 1:
                if _is_abbreviation(line[cuts[-1] : m.start(1)], line[m.end() :]):
                    continue
            cuts.append(m.end())
        for m in _CJK_END.finditer(line):
            cuts.append(m.end())
        cuts = sorted(set(cuts)) + [len(line)]
        for a, b in zip(cuts, cuts[1:]):
            piece = line[a:b]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if not piece:
                continue
            m = _LEADER.match(piece)
            if m and len(piece) > m.end():
                lead += m.end()
                piece = piece[m.end() :]
            if re.search(r"\w", piece):
                s = line_start + a + lead
                out.append(Sentence(s, s + len(piece), piece))
    return out
