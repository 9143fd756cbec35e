"""The period a question's own relative time asks about: "this week", "last month", "yesterday", "three days ago", read by the text layer's date reader (``rag.text.dates.find_dates``) against the answer's "as of"
day (``--until``, or today). A question about "this week" is not answered by a 2020 essay: the evidence must be
published within the period (``asked_period``), and when none is, the abstention says which window was searched
(``abstention_text.no_evidence_within``).

A span ("the last 12 months") and words asking for recent news ("a new report", "most recently":
``data/asked_periods.toml``) bound the evidence softly (``AskedPeriod.soft``): a dated source older than the period
cannot answer ("Who won the prize for the best album of the last 12 months?" is not answered from a 2018 article), an
undated one still can. A year ("last year") sets no window: ``soft_period``."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from rag.text.dates import WEEKDAYS, find_dates, month_number
from rag.text.lexicon import table
from rag.types import SearchFilters

__all__ = ["AskedPeriod", "asked_period", "bounded"]

#: How far back from the "as of" day a period of each precision reaches at least (a week back for "this week" asked
#: on a Monday: news of "this week" may be from the weekend before; a month back for "this month" asked on the 2nd).
#: A year sets no hard window: "how many cyberattacks per day last year?" dates the figure asked for, which a report of
#: this year (or an undated one) gives; a hard window would drop undated sources (followups fu-008, h/answers-s25).
#: The window holds the as-of day and the SPAN_DAYS before it ("this week": 8 days counting both ends): a 7-day
#: window lost a RealTime QA fit answer whose report is of the 8th day (20221223_14; evals/README.md "h/reason-s29").
SPAN_DAYS = {"day": 1, "week": 7, "month": 31}


@dataclass(frozen=True)
class AskedPeriod:
    """The window a question's relative time bounds its evidence to: ``since``..``until`` (ISO days, inclusive) and
    the words that set it ("this week"), read against ``until``."""

    phrase: str
    since: str
    until: str
    #: a soft bound (a span, recency words): only a *dated* source older than ``since`` is out of it
    soft: bool = False

    def described(self) -> str:
        """How an abstention names it: "“this week” as of 2026-01-01"."""
        return f"“{self.phrase}” as of {self.until}"

    def searched(self, since: str | None = None, *, undated: bool = False) -> str:
        """What an answer says it searched, before its text: "Searched sources published 2025-12-25 to 2026-01-01
        (the question's “this week” as of 2026-01-01)." ``since``: the search's lower bound when a user's later
        one replaced the period's start; ``undated``: undated sources were searched too (a soft bound with no
        ``--until``: "… to 2026-01-01, and undated ones (…)")."""
        also = ", and undated ones" if undated else ""
        return f"Searched sources published {since or self.since} to {self.until}{also} (the question's {self.described()})."

    def bound(self, filters: SearchFilters) -> tuple[str | None, bool]:
        """(the lower date bound the period set in ``filters`` once ``bounded``, whether undated sources pass it: a
        soft bound with no ``until``)."""
        if self.soft:
            return filters.dated_since, not filters.until
        return filters.since, False


def _start(value: str, precision: str) -> date:
    """The first day of the period a ``DateMention`` value names (a week starts on its Monday)."""
    if precision == "year":
        return date(int(value[:4]), 1, 1)
    if precision == "month":
        return date(int(value[:4]), int(value[5:7]), 1)
    day = date.fromisoformat(value[:10])
    return day - timedelta(days=day.weekday()) if precision == "week" else day


def _names_a_day(phrase: str) -> bool:
    """Whether a relative mention names a weekday or a month ("on Monday", "July 4", "May this year"): a day the
    question asks about, not how recent its news is."""
    words = [w.strip(".,").lower() for w in phrase.split()]
    return any(w in WEEKDAYS or month_number(w) for w in words)


def asked_period(question: str, as_of: str | None, *, today: date | None = None) -> AskedPeriod | None:
    """The period the question's own relative time ("this week", "last month", "yesterday", "two weeks ago") asks
    about, read against ``as_of`` (ISO day; ``today`` or the current day when None), or None when it names
    none. The window runs from the start of the period named (or ``SPAN_DAYS`` of its precision before ``as_of``,
    whichever is earlier) to ``as_of``; with several phrases, the widest. A future period ("next week", "tomorrow"),
    a weekday and a month name ("on Monday", "in May this year") set no window, nor does a year ("last year"). Without such a
    phrase, a span or recency words set a soft one (``soft_period``); recency words only for a question asked as of a
    day the user gave: asked as of today, "the latest figures" are the newest the corpus holds, however old."""
    base = date.fromisoformat(as_of[:10]) if as_of else (today or date.today())
    best: AskedPeriod | None = None
    for m in find_dates(question, published=base.isoformat()):
        if not m.relative or m.precision not in SPAN_DAYS or _names_a_day(m.text):
            continue
        start = _start(m.value, m.precision)
        if start > base:
            continue  # "next week": the evidence is older than what it asks about
        since = min(start, base - timedelta(days=SPAN_DAYS[m.precision]))
        if best is None or since.isoformat() < best.since:
            best = AskedPeriod(m.text, since.isoformat(), base.isoformat())
    return best or soft_period(question, base, recency=as_of is not None)


#: words a recency pattern starts with that are not the phrase an answer names ("according to a new report")
_LEAD = re.compile(r"^(?:according to |in )?(?:a |the |its |their )?", re.I)


@dataclass(frozen=True)
class _SoftCues:
    """``data/asked_periods.toml`` compiled: spans (pattern, days) and recency words with their days."""

    spans: tuple[tuple[re.Pattern[str], int], ...]
    recency: re.Pattern[str]
    recency_days: int


@lru_cache(maxsize=1)
def _cues() -> _SoftCues:
    data = table("asked_periods")
    spans = tuple((re.compile(rf"\b{s['pattern']}\b", re.I), int(s["days"])) for s in data["span"])
    recency = re.compile(r"\b(?:" + "|".join(data["recency"]["patterns"]) + r")\b", re.I)
    return _SoftCues(spans, recency, int(data["recency"]["days"]))


def soft_period(question: str, base: date, *, recency: bool = True) -> AskedPeriod | None:
    """The soft window of a question asked as of ``base``: from a span's length back ("the last 12 months": 365
    days) or from ``[recency] days`` back for recency words ("a new report", "most recently"); with several, the
    widest; None when it has none of them. ``recency=False`` (a question asked as of today: an analyst's corpus may
    hold nothing of the last six weeks, and "the latest figures" then asks for its newest) reads spans only. A year ("last year", "this year's") sets none: the writer reads it
    (``rag.writers.asked_year``: a sentence telling another year, or of a report published before the asked year,
    does not lead), and a window from its 1 January left the right report unanswered where the older one named the
    asked place (tests/test_asked_year_relative.py)."""
    found: list[tuple[date, str]] = []
    cues = _cues()
    for pattern, days in cues.spans:
        if (hit := pattern.search(question)) is not None:
            found.append((base - timedelta(days=days), hit.group(0)))
    if recency and (hit := cues.recency.search(question)) is not None:
        found.append((base - timedelta(days=cues.recency_days), _LEAD.sub("", hit.group(0))))
    if not found:
        return None
    since, phrase = min(found)
    return AskedPeriod(phrase, since.isoformat(), base.isoformat(), soft=True)


def bounded(filters: SearchFilters, period: AskedPeriod | None) -> SearchFilters:
    """``filters`` with their lower date bound raised to the period's start (a user's later ``since`` stays); a soft
    period raises the bound of dated sources only (``SearchFilters.dated_since``)."""
    if period is None or (filters.since and filters.since >= period.since):
        return filters
    if period.soft:
        return filters if filters.dated_since and filters.dated_since >= period.since else replace(
            filters, dated_since=period.since)
    return replace(filters, since=period.since)
