"""A question's own relative time ("this week", "last month", "yesterday"; a year sets none; a span and recency words
softly: tests/test_asked_period_soft.py) bounds how old its evidence
may be, counted back from the answer's "as of" day (``--until``, or today): a question about "this week" is not
answered from a 2020 essay, and when nothing lies in the window the abstention names it.

Unit checks of ``rag.text.asked_period`` (the window read by the text layer's date reader) and of the abstention's wording;
end to end through the real Engine over three short articles written for this test (tests/data/answer_period/: a
2020 essay on Vellmar's salt tariffs, two 2026 news reports).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers.abstention_text import filters_described, no_evidence_within
from rag.text.asked_period import AskedPeriod, asked_period, bounded

DATA = Path(__file__).resolve().parent / "data" / "answer_period"


@pytest.mark.parametrize("question, as_of, phrase, since", [
    ("Which firms did Kestria restrict this week?", "2026-03-01", "this week", "2026-02-22"),  # a Sunday: a week back
    ("Which firms did Kestria restrict this week?", "2026-02-27", "this week", "2026-02-20"),
    ("What did the ministry say earlier this week?", "2026-02-27", "earlier this week", "2026-02-20"),
    ("What did the roads agency announce last week?", "2026-02-27", "last week", "2026-02-16"),  # its Monday
    ("What did the roads agency announce yesterday?", "2026-02-27", "yesterday", "2026-02-26"),
    ("Who resigned three days ago?", "2026-02-27", "three days ago", "2026-02-24"),
    ("How much did tolls rise last month?", "2026-03-10", "last month", "2026-02-01"),
    ("How much did tolls rise this month?", "2026-03-02", "this month", "2026-01-30"),  # 31 days back
])
def test_a_relative_time_sets_a_window_ending_on_the_as_of_day(question, as_of, phrase, since):
    assert asked_period(question, as_of) == AskedPeriod(phrase, since, as_of)


@pytest.mark.parametrize("question", [
    "Which firms did Kestria restrict?",
    "Which firms did Kestria restrict on Monday?",  # a weekday names a day, not how recent the news is
    "What did Kestria restrict in May this year?",
    # (the future "next week" sets no window of its own, only a soft one of the news before it:
    # tests/test_asked_period_next.py)
    "What will the roads agency do tomorrow?",
    "What did Vellmar restrict in 2020?",
    "How many drones were exported this year?",  # a year dates the figure asked for, not how recent its report is
    "How many cyberattacks per day were attempted last year?",  # (the writer reads it: rag.writers.asked_year)
])
def test_no_window_without_a_relative_time_of_the_past(question):
    assert asked_period(question, "2026-03-01") is None


def test_without_an_as_of_day_the_window_ends_today():
    assert asked_period("Which firms did Kestria restrict this week?", None, today=date(2026, 3, 4)) == AskedPeriod(
        "this week", "2026-02-25", "2026-03-04")


def test_of_several_relative_times_the_widest_window_counts():
    period = asked_period("After last month's vote, what did the minister say yesterday?", "2026-03-10")
    assert (period.phrase, period.since) == ("last month's", "2026-02-01") or (period.phrase, period.since) == (
        "last month", "2026-02-01")


def test_the_window_raises_the_lower_date_bound_only():
    period = AskedPeriod("this week", "2026-02-22", "2026-03-01")
    assert bounded(SearchFilters(until="2026-03-01"), period) == SearchFilters(since="2026-02-22", until="2026-03-01")
    later = SearchFilters(since="2026-02-26", until="2026-03-01", publishers=("Norvia Daily",))
    assert bounded(later, period) == later  # a user's narrower bound stays
    assert bounded(SearchFilters(until="2026-03-01"), None) == SearchFilters(until="2026-03-01")


def test_the_filtered_abstention_names_the_questions_window():
    period = AskedPeriod("this week", "2025-12-25", "2026-01-01")
    filters = SearchFilters(since="2025-12-25", until="2026-01-01")
    assert filters_described(filters, period) == (
        "published 2025-12-25 to 2026-01-01, the question's “this week” as of 2026-01-01")
    message = no_evidence_within("Which country restricted exports this week?", filters, asked=period)
    assert message.endswith("within the filters (published 2025-12-25 to 2026-01-01, the question's “this week” as of "
                            "2026-01-01): no passage matched them.")
    assert filters_described(filters) == "published 2025-12-25 to 2026-01-01"  # no window: the dates alone


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_period") / "data", DATA)


def ask(engine, question, until=None):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


def test_a_this_week_question_is_not_answered_from_an_old_essay(engine):
    question = "Which country restricted road-salt exports to twelve Ostravan distributors this week?"
    brief = ask(engine, question, "2026-03-01")
    assert brief.abstained, answer_text(brief)
    assert "the question's “this week” as of 2026-03-01" in brief.message
    assert "published 2026-02-22 to 2026-03-01" in brief.message
    assert all(s.published != "2020-03-31" for s in brief.closest_sources)


def test_the_same_question_without_a_relative_time_is_answered_from_the_essay(engine):
    brief = ask(engine, "Which country restricted road-salt exports to twelve Ostravan distributors?", "2026-03-01")
    assert not brief.abstained and "Vellmar" in answer_text(brief)


@pytest.mark.parametrize("question, until", [
    ("Which country restricted drone-part exports to nine Lindholm firms this week?", "2026-03-01"),
    ("Which country restricted drone-part exports to nine Lindholm firms last month?", "2026-03-10"),
    ("Which country restricted drone-part exports to nine Lindholm firms this year?", "2026-11-30"),  # no window
])
def test_a_report_within_the_window_answers(engine, question, until):
    brief = ask(engine, question, until)
    assert not brief.abstained, brief.message
    assert answer_text(brief).startswith("Kestria restricted exports of drone parts")
    assert any("bounds the evidence to" in n for n in brief.provenance.notes) is ("this year" not in question)


@pytest.mark.parametrize("question, until", [
    ("Which country restricted drone-part exports to nine Lindholm firms this week?", "2026-04-15"),
    ("Which country restricted drone-part exports to nine Lindholm firms yesterday?", "2026-03-01"),
])
def test_a_report_older_than_the_window_does_not_answer(engine, question, until):
    brief = ask(engine, question, until)
    assert brief.abstained
    assert f"as of {until}" in brief.message
