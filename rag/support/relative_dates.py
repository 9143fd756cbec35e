"""Dates a passage gives relative to its publication day, for the checker's date checks (``facts.index_text``,
``fact_checks``).

A report of 2026-10-08 that says "Police said yesterday that three men were charged" dates the charging report
October 7, 2026; a claim that says "on October 7" is supported by it, one that says "on October 5" is not. The text
layer's reader (``rag.text.dates.find_dates``) places the phrases against the publication date; this module turns
them into what the checker compares:

* ``placed_dates(text, published)``: each day or week ``text`` names relatively ("yesterday", "on Monday", "three
  days ago", "tomorrow", "October 7" without its year, "last week", "this week"), and each phrase of the publication
  day itself (``data/relative_dates.toml``: "today", "this morning"), as the calendar days it covers. A day is one
  day; a week is its seven days, Monday to Sunday, and states their months and years but no single day, as an
  explicit month does not state a claim's day.
* ``unplaced_phrase(text, part)``: for a passage whose publication date is unknown, the first relative phrase that
  could name a claim's day, weekday, month or year. Such a phrase cannot be placed, so it neither supports nor
  contradicts a claim's date: the date check still fails (the passage does not establish the date), but its reason
  says the date cannot be placed for want of a publication date instead of calling the date absent (a reader of
  the reasons, ``rag.writers.answer_verdict.contrary``, then does not take the phrase for a contrary date). A
  passage that writes a date of that part itself ("takes effect on Aug. 28") keeps the plain reason
  (``fact_checks``): its written date, not a weekday elsewhere, is the likelier place of the claim's.

Months and years named relatively ("last month", "last year") are placed by ``facts.relative_years``; this module
places days and weeks only (what is left unplaced covers every relative phrase). Errors: ``published`` must be an
ISO date (``YYYY-MM-DD``, a longer ISO stamp is cut to its day); anything else raises ``ValueError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rag.support.data_files import data_table
from rag.support.implied_dates import a_for_one
from rag.text.dates import WEEKDAYS, DateMention, find_dates, month_number

_DATA = data_table("relative_dates")
#: Phrases that name the publication day itself ("today", "this morning"), lower case.
PUBLICATION_DAY = tuple(_DATA["publication_day"]["en"])
_SAME_DAY_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                                    for p in sorted(PUBLICATION_DAY, key=len, reverse=True))
                          + r")(?![\w-])", re.IGNORECASE)
#: Any day: the undated reader finds relative phrases against it and discards their values (as the timeline does).
_ANY_DAY = "2000-01-05"
WEEKDAY_NAMES = frozenset(WEEKDAYS)  # lower case, Monday first
#: What an undated relative phrase leaves open, by its precision: a day or week phrase ("yesterday", "last week")
#: any day, weekday, month and year; a month phrase ("last month") any month and year; a year phrase any year. A
#: phrase that writes its month ("October 7", "March of last year") leaves only the year (and a day's weekday) open,
#: and one that writes its weekday ("on Monday") leaves the weekday stated: "on Tuesday" against it still fails.
_OPEN = {"day": frozenset({"day", "weekday", "month", "year"}), "week": frozenset({"day", "weekday", "month", "year"}),
         "month": frozenset({"month", "year"}), "year": frozenset({"year"})}
PARTS = frozenset({"day", "weekday", "month", "year"})


@dataclass(frozen=True)
class PlacedDate:
    """A relative day or week of a dated text: ``phrase`` as written at character ``start``; ``days`` the calendar
    days it covers (one for "day", seven for "week"); ``precision`` "day" or "week"."""

    phrase: str
    start: int
    days: tuple[date, ...]
    precision: str


@lru_cache(maxsize=256)
def relative_mentions(text: str, published: str) -> tuple[DateMention, ...]:
    """The dates ``text`` states relative to ``published`` (ISO day), as ``find_dates`` reads them ("a year ago"
    read as "1 year ago": ``implied_dates.a_for_one``, same offsets); kept for the next index of the same text."""
    return tuple(m for m in find_dates(a_for_one(text), published=published[:10]) if m.relative)


def placed_dates(text: str, published: str | None) -> list[PlacedDate]:
    """Each day or week ``text`` names relative to its publication date ``published`` (ISO), in text order, and
    each publication-day phrase ("today") not inside one of them. Empty without ``published``: a day is never
    guessed."""
    if not published:
        return []
    day = date.fromisoformat(published[:10])
    out: list[PlacedDate] = []
    for m in relative_mentions(text, published):
        if m.precision == "day":
            out.append(PlacedDate(text[m.start : m.end], m.start, (date.fromisoformat(m.value),), "day"))
        elif m.precision == "week":
            inside = date.fromisoformat(m.value)
            monday = inside - timedelta(days=inside.weekday())
            out.append(PlacedDate(text[m.start : m.end], m.start, tuple(monday + timedelta(days=k) for k in range(7)),
                                  "week"))
    out += [PlacedDate(m.group(0), m.start(), (day,), "day")
            for m in _same_day_phrases(text, [(p.start, p.start + len(p.phrase)) for p in out])]
    return sorted(out, key=lambda p: p.start)


def _same_day_phrases(text: str, taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The publication-day phrases of ``text`` ("today") outside the ``taken`` spans (the dates found before them)."""
    return [m for m in _SAME_DAY_RE.finditer(text) if not any(m.start() < e and s < m.end() for s, e in taken)]


def _open_parts(phrase: str, precision: str) -> frozenset[str]:
    """The parts of a claim date an undated relative ``phrase`` of ``precision`` could name (``_OPEN``)."""
    words = re.findall(r"[A-Za-z]+\.?", phrase)
    if any(month_number(w) for w in words if w[:1].isupper()):
        return frozenset({"year", "weekday"}) if precision == "day" else frozenset({"year"})
    if any(w.lower() in WEEKDAY_NAMES for w in words):
        return _OPEN[precision] - {"weekday"}
    return _OPEN.get(precision, frozenset())


@lru_cache(maxsize=256)
def _unplaced(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(phrase, the claim date parts it could name) of each relative date of ``text`` read against no particular
    day, in text order."""
    found = [(m.start, text[m.start : m.end], m.precision) for m in relative_mentions(text, _ANY_DAY)]
    found += [(m.start(), m.group(0), "day") for m in _same_day_phrases(text, [(s, s + len(p)) for s, p, _ in found])]
    return tuple((" ".join(p.split()), _open_parts(p, precision)) for _, p, precision in sorted(found))


def unplaced_phrase(text: str, part: str) -> str | None:
    """The first phrase of an undated ``text`` that dates something relatively and could name a claim's ``part``
    (one of ``PARTS``: "day", "weekday", "month", "year"): "yesterday" for any of them, "on Monday" for a day but not
    a weekday, "last month" for a month, "last year" or "October 7" for a year; None when there is none.
    ``ValueError`` for another ``part``."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {sorted(PARTS)}, not {part!r}")
    return next((p for p, parts in _unplaced(text) if part in parts), None)


def unplaced_reason(kind: str, value: str, phrase: str) -> str:
    """The date check's reason for a claim date (``kind`` "date", "month", "weekday", or "number" for a year;
    ``value`` as a reason names it) that an undated passage may give only as ``phrase``: "date 'October 7' cannot
    be placed: the passage says 'yesterday' and has no publication date"."""
    said = value if kind == "number" else f"'{value}'"  # as the plain reasons write them ("number 2014 not in ...")
    return f"{kind} {said} cannot be placed: the passage says '{phrase}' and has no publication date"
