"""The period a question's own relative time asks about: "this week", "last month", "yesterday", "three days ago", read by the text layer's date reader (``rag.text.dates.find_dates``) against the answer's "as of"
day (``--until``, or today). A question about "this week" is not answered by a 2020 essay: the evidence must be
published within the period (``asked_period``), and when none is, the abstention says which window was searched
(``abstention_text.no_evidence_within``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from rag.text.dates import WEEKDAYS, find_dates, month_number
from rag.types import SearchFilters

__all__ = ["AskedPeriod", "asked_period", "bounded"]

#: How far back from the "as of" day a period of each precision reaches at least (a week back for "this week" asked
#: on a Monday: news of "this week" may be from the weekend before; a month back for "this month" asked on the 2nd).
#: A year sets no window: "how many cyberattacks per day last year?" dates the figure asked for, which a report of
#: this year (or an undated one) gives; the window would only drop undated sources (followups fu-008, h/answers-s25).
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

    def described(self) -> str:
        """How an abstention names it: "“this week” as of 2026-01-01"."""
        return f"“{self.phrase}” as of {self.until}"

    def searched(self, since: str | None = None) -> str:
        """What an answer says it searched, before its text: "Searched sources published 2025-12-25 to 2026-01-01
        (the question's “this week” as of 2026-01-01)." ``since``: the search's lower bound when a user's later
        one replaced the period's start."""
        return f"Searched sources published {since or self.since} to {self.until} (the question's {self.described()})."


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
    whichever is earlier) to ``as_of``; with several phrases, the widest. A year ("this year", "last year"), a future
    period ("next week", "tomorrow"), a weekday and a month name ("on Monday", "in May this year") set no window."""
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
    return best


def bounded(filters: SearchFilters, period: AskedPeriod | None) -> SearchFilters:
    """``filters`` with their lower date bound raised to the period's start (a user's later ``since`` stays)."""
    if period is None or (filters.since and filters.since >= period.since):
        return filters
    return replace(filters, since=period.since)
