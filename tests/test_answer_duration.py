"""A "how long …?" question asks a length of time: "for three years", "a 90-day suspension", "until 2029", not a date
nor another figure of the report ("The credit, introduced on March 1, 2023, covers 25 percent of spending …" led
"How long will South Korea extend its semiconductor tax credit?" over "… will extend its tax credit … until 2029").
The number must count units of time (``answer_value.gives_duration``, ``AskedValue.measure`` "duration"), or the
sentence give an end ("until 2029": ``answer_value.ends_at_time``); data ``[measure].duration_units`` /
``duration_ends`` of rag/text/data/answer_values.toml (version 6).

From s62's new user (F5); the reports are written for this test.
"""

from __future__ import annotations

import re

import pytest

from conftest import answer_lead as lead, answer_of, engine_over_articles

from rag.writers.answer_value import asked_value, ends_at_time, gives_duration

ARTICLES = [
    ("01_credit.md", "2026-11-03", "Korea extends chip subsidy",
     "South Korea will extend its tax credit for semiconductor investment until 2029, the finance ministry said on "
     "Sunday. The credit, introduced on March 1, 2023, covers 25 percent of spending on new plants."),
    ("02_strike.md", "2026-09-14", "Strike at Samsung chip plant ends",
     "About 6,500 workers at Samsung's Hwaseong chip plant returned to work on Friday, ending a strike that had "
     "halted two production lines. The walkout lasted 18 days and cost the company an estimated 300 billion won, "
     "analysts said."),
    ("03_probation.md", "2026-10-20", "Court fines chip broker",
     "A Tokyo court on Monday fined a chip broker 80 million yen for shipping 1,200 processors to Russia through "
     "Kazakhstan. Its president received a suspended sentence and was placed on probation for four years."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("duration"), ARTICLES)


@pytest.mark.parametrize("question, until, length", [
    ("How long will South Korea extend its semiconductor tax credit?", "2026-11-04", "until 2029"),
    ("How long did the strike at Samsung's Hwaseong chip plant last?", "2026-09-15", "18 days"),
])
def test_the_length_of_time_leads(engine, question, until, length):
    assert length in lead(engine, question, until)


def test_a_length_told_after_its_context_is_quoted_with_it(engine):
    # "Its president … for four years" leans on the sentence before it, so the quote opens with that context
    text = answer_of(engine, "How long was the chip broker's president placed on probation?", "2026-10-21")
    assert "four years" in text


def _end(text: str, number: str) -> int:
    return re.search(rf"\b{re.escape(number)}\b", text).end()


@pytest.mark.parametrize("text, number", [
    ("banned from exporting for three years", "three"),
    ("imposed a 90-day suspension", "90"),
    ("The walkout lasted 18 days.", "18"),
    ("a term of 2.5 years", "2.5"),
])
def test_a_count_of_units_of_time_is_a_duration(text, number):
    assert gives_duration(text, _end(text, number))


@pytest.mark.parametrize("text, number", [
    ("covers 25 percent of spending", "25"),
    ("About 6,500 workers returned", "6,500"),
    ("fined 80 million yen", "80"),
])
def test_another_figure_is_none(text, number):
    assert not gives_duration(text, _end(text, number))


@pytest.mark.parametrize("text, ends", [
    ("will extend its tax credit until 2029, the ministry said", True),
    ("the ban runs until the end of 2027", True),
    ("the curbs stay in place through March 2028", True),
    ("The credit, introduced on March 1, 2023, covers 25 percent", False),
])
def test_an_end_gives_the_length(text, ends):
    assert ends_at_time(text) is ends


def test_how_long_asks_a_duration_and_how_long_ago_does_not():
    assert asked_value("How long is the ban?").measure == "duration"
    assert asked_value("How long ago did the ban start?").measure is None
