"""A question naming the year it asks about is not answered by a sentence telling other years' events only: for
"Which team won the 2022 NHL Stanley Cup Finals?", "The Lightning won the last two Stanley Cups in 2020 and 2021" does
not lead over "The Colorado Avalanche defeated the Tampa Bay Lightning … to win the team's first Stanley Cup since
2001" (a year after "since" is a point of comparison, not the event's). ``asked_year``, read by ``_pick_answer``.

Seen on RealTime QA (fit half): the Stanley Cup question above. Unit checks on sentences written for this test, and
end to end over two invented articles (tests/data/asked_year/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_of, engine_over

from evals.rtqa_answers import first_sentence
from rag.writers.asked_year import asked_years, event_years, tells_other_years

DATA = Path(__file__).resolve().parent / "data" / "asked_year"


@pytest.mark.parametrize("text, years", [
    ("The Lightning won the last two Stanley Cups in 2020 and 2021.", {2020, 2021}),
    ("It was the team's first Stanley Cup since 2001.", set()),
    ("Prices were higher than in 2019 and up from 2021, the report said.", set()),
    ("The 2022-23 Premiership season starts in September.", {2022, 2023}),
    ("The plan aims to cut emissions by 2030.", set()),
    ("About 1,950 people attended.", set()),  # a count, not a year
    # s57: a year ending its clause before a comma or a full stop is a year ("4 reactors in 2025, after …"); the
    # other-year rule had abstained on "How many reactors did Norvia restart in 2025?" over that sentence
    ("Norvia restarted 4 reactors in 2025, after restarting 2 in 2024.", {2024, 2025}),
    ("Exports peaked in 2019. They fell after that.", {2019}),
    ("The plant cost 2,025 million won.", set()),  # a thousands mark, not a year
])
def test_event_years_leave_out_points_of_comparison(text, years):
    assert event_years(text) == years


@pytest.mark.parametrize("question, years", [
    ("Which team won the 2022 NHL Stanley Cup Finals?", {2022}),
    ("Chris Evans was voted Sexiest Man Alive for 2022. What role did he play in a Pixar movie?", set()),
    ("North Korea test-fired a missile over which country for the first time since 2017?", set()),
    ("Who was named Time's 2022 Person of the Year this week?", {2022}),
])
def test_the_asked_years_are_the_asked_sentences(question, years):
    assert asked_years(question) == years


@pytest.mark.parametrize("text, years, other", [
    ("The Lightning won the last two Stanley Cups in 2020 and 2021.", {2022}, True),
    ("The Avalanche won the 2022 Stanley Cup on Sunday.", {2022}, False),
    ("The Avalanche won the Stanley Cup on Sunday.", {2022}, False),  # no year told: may lead
    ("The Lightning won the last two Stanley Cups in 2020 and 2021.", set(), False),  # no year asked
])
def test_a_sentence_of_other_years_only_tells_other_years(text, years, other):
    assert tells_other_years(text, frozenset(years)) is other


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("asked_year") / "data", DATA)


@pytest.mark.parametrize("question, until, winner", [
    ("Which team won the 2026 Lindholm Cup?", "2026-06-02", "Norvia Bears"),
    ("Who won the 2026 Vellmar Prize?", "2026-10-15", "Ines Arlo"),
])
def test_the_asked_years_winner_leads_not_an_earlier_years(engine, question, until, winner):
    answer = answer_of(engine, question, until)
    assert winner in first_sentence(answer), answer
