"""A question about what is expected "next week" or "next month" is told by the news of the weeks before its "as of"
day, not by a years-old report of a like event (issue 10, honest abstention).

"Which member of the royal household is expected to step back from public duties next month?" asked in 2024 was
answered from a 2019 report of another member stepping back: the future period set no window (``asked_period``:
"the evidence is older than what it asks about"), so any report of the act answered. The phrase is now a recency word
of ``rag/text/data/asked_periods.toml`` (a soft window of its ``[recency] days``): a dated report older than that
cannot answer, a recent one answers as before; "next year" is not bounded (a plan for it may be told many months
ahead). Unit checks of ``rag.text.asked_period`` and end to end through the real Engine over short articles written
for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.text.asked_period import AskedPeriod, asked_period
from rag.types import SearchFilters

AS_OF = "2024-05-10"
SIX_WEEKS_BACK = "2024-03-29"


@pytest.mark.parametrize("question, phrase", [
    ("Which member of the Lorrish royal household is expected to step back from public duties next month?",
     "next month"),
    ("Which band is set to open the Kestria harbour festival next week?", "next week"),
    ("Ostravan rail workers will strike for how many days next week?", "next week"),
    ("The Norvian central bank is expected to raise rates by how much early next month?", "next month"),
])
def test_next_week_or_month_sets_a_soft_window_of_the_recent_news(question, phrase):
    assert asked_period(question, AS_OF) == AskedPeriod(phrase, SIX_WEEKS_BACK, AS_OF, soft=True)


@pytest.mark.parametrize("question", [
    "Which city will host the Lantern Games next year?",  # a plan for next year may be told long before
    "Which band opened the Kestria harbour festival?",  # no time asked
    "Who will lead the Ostravan rail union?",  # a bare future
])
def test_no_window_for_next_year_or_no_time(question):
    assert asked_period(question, AS_OF) is None


def test_asked_as_of_today_next_month_sets_no_window():
    # as the other recency words: asked as of today, the corpus's newest news answers
    assert asked_period("Which band is set to open the Kestria harbour festival next week?", None) is None


def test_a_hard_window_of_the_same_question_comes_first():
    period = asked_period("Which band said this week that it will open the harbour festival next month?", AS_OF)
    assert (period.phrase, period.soft) == ("this week", False)


ARTICLES = [
    ("01_duke_2019.md", "2019-04-11", "Duke of Fennick to step back from royal duties",
     "The Duke of Fennick will step back from public duties at the end of the month, the palace said.\n"
     "The duke, 82, has carried out royal engagements for six decades."),
    ("02_festival_2024.md", "2024-04-30", "The Salt Lanterns to open Kestria harbour festival",
     "The Salt Lanterns are set to open the Kestria harbour festival on the main pier next week, organisers said.\n"
     "Tickets for the opening night sold out within an hour."),
    ("03_festival_2020.md", "2020-05-02", "Kestria harbour festival line-up announced",
     "The Brass Herons are set to open the Kestria harbour festival next week, organisers announced.\n"
     "The festival returns after a year's break."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("asked_period_next"), ARTICLES)


def ask(engine, question, until=None):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


def test_only_a_years_old_report_abstains_and_names_the_window(engine):
    question = "Which member of the Lorrish royal household is expected to step back from public duties next month?"
    brief = ask(engine, question, AS_OF)
    assert brief.abstained, answer_text(brief)
    assert f"the question's “next month” as of {AS_OF}" in brief.message
    assert "Fennick" not in answer_text(brief)


def test_the_recent_report_answers_not_the_older_one(engine):
    brief = ask(engine, "Which band is set to open the Kestria harbour festival next week?", AS_OF)
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert "Salt Lanterns" in text and "Brass Herons" not in text, text


def test_without_next_month_the_older_report_still_answers(engine):
    brief = ask(engine, "Which member of the royal household stepped back from public duties?", AS_OF)
    assert not brief.abstained and "Fennick" in answer_text(brief), brief.message
