"""Figures dated by a phrase, not a date: "The price hit $4.11 at that time", "32,000 so far this year, up 40%
over last year's total". A claim that gives such a figure with the other time ("currently costs $4.11") moves it
to another time, though every number and word is cited. A figure's time is the nearest phrase of
``time_references.toml`` (past or present) in its clause, within ``REACH`` words on either side.
"""

from __future__ import annotations

import math
import re

from rag.text.lexicon import table
from rag.support.mentions import quantities
from rag.text.numbers import Quantity, same_kind

REACH = 8  # words between a figure and its time phrase, at most
_REFS = table("time_references")
_PHRASES = sorted(((p, kind) for kind in ("past", "present") for p in _REFS[kind]), key=lambda x: -len(x[0]))
_PHRASE_RE = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(p).replace("'", "['’]") for p, _ in _PHRASES)
                        + r")(?![\w'’])", re.IGNORECASE)
_KIND = {p: kind for p, kind in _PHRASES}
_CLAUSE_END_RE = re.compile(r"[.;!?](?:\s|$)")
_WORD_RE = re.compile(r"\S+")
_YEAR_RE = re.compile(r"(?:1[89]|2[01])\d\d")


def _figures(text: str) -> list[Quantity]:
    """Amounts other than bare years."""
    return [q for q in quantities(text) if not _YEAR_RE.fullmatch(q.text.strip())]


def figure_time(text: str, q: Quantity) -> str | None:
    """"past" or "present": the kind of the time phrase nearest to the figure ``q`` of ``text`` in its clause
    (at most ``REACH`` words away), else None."""
    start = max((m.end() for m in _CLAUSE_END_RE.finditer(text, 0, q.start)), default=0)
    end_m = _CLAUSE_END_RE.search(text, q.end)
    end = end_m.start() if end_m else len(text)
    best: tuple[int, str] | None = None
    for m in _PHRASE_RE.finditer(text, start, end):
        gap = text[m.end() : q.start] if m.end() <= q.start else text[q.end : m.start()]
        words = len(_WORD_RE.findall(gap))
        if words <= REACH and (best is None or words < best[0]):
            best = (words, _KIND[m.group(1).lower().replace("’", "'")])
    return best[1] if best else None


def time_shift(claim: str, window: str) -> str | None:
    """A reason when a claim figure the window dates "past" ("$4.11 at that time") is dated "present" in the claim
    ("currently costs $4.11"), or the other way round; else None."""
    wf = [(q, figure_time(window, q)) for q in _figures(window)]
    for q in _figures(claim):
        said = figure_time(claim, q)
        if said is None:
            continue
        for w, given in wf:
            if given and given != said and same_kind(q, w) and math.isclose(q.value, w.value, rel_tol=1e-9):
                return f"time: the passage gives {w.text.strip()} for {'an earlier time' if given == 'past' else 'now'}"
    return None
