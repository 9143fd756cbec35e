"""Relative periods counted right at month and year ends.

A question's own "this week" bounds its evidence to a window reaching a full week back from the "as of" day,
whichever weekday that is: the as-of day and the 7 before it, 8 days counting both ends (fresh user s28 asked for 7;
measured s29 on the RealTime QA fit half, a 7-day window lost 20221223_14, whose answer is in a report of the 8th
day: answer accuracy 0.421 -> 0.416, so the window stays; evals/README.md "h/reason-s29"); "this month" a month back
(32 days); "last week" and "last month" from the first day of the period they name, or that far back when earlier. A
quote's "last week", "next month", "on Friday" or "yesterday" is placed by its article's date (``rag.text.dates``,
shown by ``render.date_note``) across month, leap-day and year ends.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rag.brief import Citation, Claim
from rag.render import date_note
from rag.text.dates import find_dates
from rag.text.asked_period import asked_period


def days_held(question: str, as_of: str) -> int:
    period = asked_period(question, as_of)
    assert period is not None and period.until == as_of
    return (date.fromisoformat(period.until) - date.fromisoformat(period.since)).days + 1


# eight consecutive days over a year end, and eight over a leap day: every weekday, each end of a month
YEAR_END = [(date(2025, 12, 28) + timedelta(days=i)).isoformat() for i in range(8)]
LEAP_DAY = [(date(2024, 2, 25) + timedelta(days=i)).isoformat() for i in range(8)]


@pytest.mark.parametrize("as_of", YEAR_END + LEAP_DAY)
def test_this_week_reaches_a_full_week_back_whatever_the_weekday(as_of):
    assert days_held("Which firms did Kestria restrict this week?", as_of) == 8
    assert days_held("What did the ministry say earlier this week?", as_of) == 8


@pytest.mark.parametrize("as_of", YEAR_END + LEAP_DAY + ["2026-03-31", "2026-04-30", "2026-02-28"])
def test_this_month_reaches_a_month_back_whatever_the_day(as_of):
    assert days_held("How much did tolls rise this month?", as_of) == 32


@pytest.mark.parametrize("as_of, since", [
    ("2026-01-01", "2025-12-22"),  # a Thursday after the year end: last week's Monday, the year before
    ("2026-01-04", "2025-12-22"),  # its Sunday
    ("2026-01-05", "2025-12-29"),  # the next Monday: the week the year ended in
    ("2024-03-01", "2024-02-19"),  # over a leap day
    ("2024-03-04", "2024-02-26"),
])
def test_last_week_starts_on_last_weeks_monday(as_of, since):
    assert asked_period("What did the roads agency announce last week?", as_of).since == since


@pytest.mark.parametrize("as_of, since", [
    ("2026-01-05", "2025-12-01"),  # the year before
    ("2026-01-31", "2025-12-01"),
    ("2024-03-05", "2024-02-01"),  # a leap February
    ("2024-03-01", "2024-01-30"),  # on the 1st a month back reaches further than February's first
    ("2026-03-31", "2026-02-01"),
])
def test_last_month_starts_on_its_first_day_or_a_month_back(as_of, since):
    assert asked_period("How much did tolls rise last month?", as_of).since == since


@pytest.mark.parametrize("question", ["What will the ministry announce next week?",
                                      "What will tolls be next month?"])
def test_a_future_period_sets_no_window_even_at_a_year_end(question):
    # no window of the period itself (it is after the as-of day); only the recency words' soft one of the news
    # before it (``data/asked_periods.toml``: "next week" / "next month" is told by the weeks before, s59)
    period = asked_period(question, "2025-12-31")
    assert period is not None and period.soft and period.since == "2025-11-19" and period.until == "2025-12-31"


@pytest.mark.parametrize("text, published, value, precision", [
    ("Tokyo last week tightened the approval process.", "2023-01-03", "2022-12-27", "week"),
    ("The port reopened last week.", "2024-03-01", "2024-02-23", "week"),
    ("The vote is due next week.", "2022-12-30", "2023-01-06", "week"),
    ("Prices rose last month.", "2026-01-05", "2025-12", "month"),
    ("Prices will fall next month.", "2025-12-15", "2026-01", "month"),
    ("Exports fell this month.", "2024-02-29", "2024-02", "month"),
    ("The ministry said yesterday that it would act.", "2024-03-01", "2024-02-29", "day"),
    ("The ministry said yesterday that it would act.", "2026-01-01", "2025-12-31", "day"),
    ("The minister resigned on Friday.", "2023-01-01", "2022-12-30", "day"),  # a Sunday: the Friday before
    ("The minister resigned last Monday.", "2024-01-02", "2024-01-01", "day"),
    ("The talks resume next Tuesday.", "2022-12-30", "2023-01-03", "day"),
    ("Inspectors arrived on Thursday.", "2024-03-01", "2024-02-29", "day"),  # a Friday after a leap day
])
def test_a_quotes_relative_date_is_placed_by_its_articles_date(text, published, value, precision):
    found = [(m.value, m.precision) for m in find_dates(text, published=published) if m.relative]
    assert found == [(value, precision)]


def quote(text: str) -> Claim:
    return Claim(text=text, citations=[Citation(source=1, doc_id="d", chunk_id="d-0000", start=0, end=len(text), quote=text)])


@pytest.mark.parametrize("text, published, note", [
    ("Tokyo last week tightened the approval process.", "2023-01-03", "‘last week’: the week of 2022-12-26"),
    ("The port reopened last week.", "2024-03-01", "‘last week’: the week of 2024-02-19"),
    ("Prices rose last month.", "2026-01-05", "‘last month’: 2025-12"),
    ("The minister resigned on Friday.", "2023-01-01", "‘on Friday’: 2022-12-30"),
])
def test_the_date_note_names_the_week_by_its_monday_across_a_year_end(text, published, note):
    assert f"*({note} — by the source's date, {published})*" in date_note(quote(text), {1: published})
