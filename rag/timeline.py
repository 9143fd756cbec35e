"""Dated events: evidence sentences that state an explicit date, normalized to a sortable key."""

from __future__ import annotations

import re

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_PATTERNS = [
    (re.compile(r"\b(19\d\d|20\d\d)-(\d\d)-(\d\d)\b"), "ymd"),
    (re.compile(rf"\b{_MON}\s+(\d{{1,2}}),?\s+(19\d\d|20\d\d)\b"), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MON},?\s+(19\d\d|20\d\d)\b"), "dmy"),
    (re.compile(rf"\b{_MON}\s+(?:of\s+)?(19\d\d|20\d\d)\b"), "my"),
    (re.compile(r"\b(?:in|since|by|during|until|from|of|early|late|mid-?)\s+(19\d\d|20\d\d)\b", re.I), "y"),
]


def _valid(y: int, m: int, d: int | None = None) -> bool:
    return 1 <= m <= 12 and (d is None or 1 <= d <= 31)


def explicit_date(sentence: str) -> str | None:
    """The most specific explicit date in a sentence: YYYY-MM-DD, YYYY-MM or YYYY; None if none is stated."""
    for pattern, kind in _PATTERNS:
        m = pattern.search(sentence)
        if not m:
            continue
        g = m.groups()
        if kind == "ymd":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif kind == "mdy":
            y, mo, d = int(g[2]), _MONTHS[g[0].lower()], int(g[1])
        elif kind == "dmy":
            y, mo, d = int(g[2]), _MONTHS[g[1].lower()], int(g[0])
        elif kind == "my":
            y, mo, d = int(g[1]), _MONTHS[g[0].lower()], None
        else:
            return g[0]
        if not _valid(y, mo, d):
            continue
        return f"{y:04d}-{mo:02d}" + (f"-{d:02d}" if d else "")
    return None
