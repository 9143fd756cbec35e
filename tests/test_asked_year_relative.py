"""A relative year is a year: "Which tennis player won't play at this year's Velden Open?" asked in 2022 is not
answered by a 2020 report's "… said she won't play at the Velden Open this year", nor "How much did the royal
household cost taxpayers last year?" by "… during 2018-19". The question's "this year" / "last year" is read against
the answer's "as of" day, a sentence's against its report's publication day (``asked_year.asked_years``,
``tells_other_years``); a sentence telling other years only does not lead while one telling the asked year, or no
year, can. A relative year after a comparison word ("fallen from 79% last year") is no asked year. A sentence of a
report published before the asked year began tells another year, whatever it says.

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.writers.asked_year import asked_years, tells_other_years

OPEN = "Which tennis player will not play at this year's Velden Open?"


@pytest.mark.parametrize("question, as_of, years", [
    (OPEN, "2022-08-26", {2022}),
    ("How much did the royal household cost Osterland's taxpayers last year?", "2022-07-01", {2021}),
    ("Which film won best picture at this year’s Orla awards?", "2022-03-30", {2022}),
    ("今年の大会に出場しない選手は誰ですか？", "2022-08-26", {2022}),
    (OPEN, None, set()),  # no "as of" day: the relative year tells nothing
    ("Pass grades have fallen from 79% last year to how much?", "2022-08-26", set()),  # a comparison
    ("Which team won the 2022 league title?", "2022-08-26", {2022}),
])
def test_a_questions_relative_year_is_read_against_its_as_of_day(question, as_of, years):
    assert asked_years(question, as_of) == frozenset(years)


@pytest.mark.parametrize("text, published, other", [
    ("Ilse Marten said she won't play at the Velden Open this year because of a wrist injury.", "2020-08-05", True),
    ("Ilse Marten said she won't play at the Velden Open this year because of a wrist injury.", "2022-08-20", False),
    ("Ilse Marten said she won't play at the Velden Open this year because of a wrist injury.", None, False),
    ("Tomas Reyes is out of the Velden Open after refusing a vaccine.", "2022-08-20", False),  # tells no year
    ("The household cost taxpayers 67 million crowns during 2018-19.", "2022-06-30", True),
    # a report published before the asked year tells none of it, whatever it says
    ("The household cost taxpayers 69 million euros in the year to the end of March.", "2020-06-24", True),
    ("The household cost taxpayers 69 million euros in the year to the end of March.", "2022-06-24", False),
    ("The household cost taxpayers 69 million euros in the year to the end of March.", None, False),
])
def test_a_sentences_relative_year_is_read_against_its_reports_day(text, published, other):
    assert tells_other_years(text, frozenset({2022}), published) is other


ARTICLES = [
    ("01_open_2020.md", "2020-08-05", "Marten pulls out of Velden Open",
     "Ilse Marten, the 2019 champion, said she will not play at the Velden Open this year because of a wrist "
     "injury.\n\nShe hopes to return for the autumn indoor season."),
    ("02_open_2022.md", "2022-08-24", "Reyes out of Velden Open",
     "Tomas Reyes is out of the Velden Open after refusing to take a coronavirus vaccine, organisers said on "
     "Wednesday.\n\nThe tournament starts on Monday."),
    ("03_royal_2019.md", "2019-06-25", "Royal accounts published",
     "The royal household cost Osterland's taxpayers 67 million euros during 2018-19, the annual accounts "
     "showed.\n\nTravel costs rose by a third."),
    ("04_royal_2022.md", "2022-06-30", "Monarchy's bill rises",
     "The royal household cost taxpayers 102 million euros last year, up 17%, the accounts published on "
     "Thursday showed.\n\nMost of the rise was building repairs."),
    ("05_orla_2021.md", "2021-04-26", "Harbour Lights wins at the Orlas",
     "Harbour Lights won best picture at this year's Orla awards on Sunday.\n\nIts director thanked the crew."),
    ("06_orla_2022.md", "2022-03-28", "Salt Roads takes the top Orla",
     "The drama Salt Roads won the best picture award at the Orla ceremony on Sunday night.\n\n"
     "Its lead actor also won an award."),
    ("07_cup_2021.md", "2021-05-10", "Hawks lift the Orla Cup",
     "The Velden Hawks won the Orla Cup on Sunday, beating Orla United 2-0.\n\nThe Hawks' captain lifted the cup."),
    ("08_cup_2022.md", "2022-05-09", "Falcons take the cup",
     "The Harbour Falcons took the Orla Cup final on penalties on Sunday night.\n\nTheir keeper saved twice."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("asked_year_relative"), ARTICLES)


@pytest.mark.parametrize("question, until, answer", [
    (OPEN, "2022-08-26", "Tomas Reyes"),
    ("How much did the royal household cost Osterland's taxpayers last year?", "2022-07-01", "102 million"),
    ("Which film won best picture at this year's Orla awards?", "2022-03-30", "Salt Roads"),
    # a report of 2021 telling no year tells none of 2022
    ("Which team won the 2022 Orla Cup?", "2022-05-12", "Harbour Falcons"),
])
def test_the_answer_tells_the_asked_year_not_another(engine, question, until, answer):
    assert answer in answer_lead(engine, question, until)
