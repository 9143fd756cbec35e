""""Which two <class> …?" is answered by a pair of names ("USC and UCLA are negotiating to leave …"), though two items
joined by "and" are no enumeration: the pair's sentence gives the asked kind (``answer_kind.names_pair``,
``AskedValue.pair``), so in RealTime QA's 20220701_15 it now leads before "That leaves the Pac-12 with only one hope
…", which restates the question's premise.

Unit checks on sentences written here, and end to end through the real Engine over a short report written for this
test (tests/data/answer_pair/): two applicants invited to an alliance are named first (without the pair reading the
summit sentence leads). The pair only joins the typed sentences: a restating sentence that is typed too (it names
another thing) and more relevant still leads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_lead as lead, engine_over

from rag.writers.answer_value import asked_value
from rag.writers.answer_kind import names_pair
from rag.writers.key_terms import stems

DATA = Path(__file__).resolve().parent / "data" / "answer_pair"


@pytest.mark.parametrize("question, wants", [
    ("Which two Pac-12 schools are in negotiations to leave the conference?", True),
    ("What two countries did NATO invite to join?", True),
    ("Which countries did NATO invite to join?", False),
    ("Which three companies were added to the list?", False),
    ("How many schools are leaving the conference?", False),
])
def test_which_two_asks_for_a_pair(question, wants):
    assert asked_value(question).pair is wants


QUESTION = "Which two Pac-12 schools are in negotiations to leave the conference and join the Big Ten?"


@pytest.mark.parametrize("sentence", [
    "USC and UCLA are negotiating to leave the Pac-12 for the Big Ten conference, people told USA TODAY Sports.",
    "The Big Ten is in talks with Oregon and Washington about joining next year.",
    "Officials at Stanford University and Cal said they had not been approached.",
    "Reports that Colorado and Arizona State would leave first were denied on Friday.",
])
def test_a_pair_of_names_the_question_lacks_answers(sentence):
    assert names_pair(sentence, stems(QUESTION))


@pytest.mark.parametrize("sentence", [
    "That leaves the Pac-12 with only one hope: that the Big Ten accepts the entire conference, motivated by the Rose Bowl.",
    "The Pac-12 and the Big Ten have talked about a merger for years.",  # the question's own names
    "Pac-12 and Big Ten officials met on Friday.",
    "Talks resumed on Monday and Tuesday without a deal.",  # weekdays are no names
    "The schools said the deal was signed and sealed.",
])
def test_a_sentence_without_a_new_pair_does_not(sentence):
    assert not names_pair(sentence, stems(QUESTION))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_pair") / "data", DATA)


def test_two_applicants_invited_are_named_first(engine):
    text = lead(engine, "Which two applicants did the North Sea Pact formally invite to join its alliance this week?",
                "2026-07-02")
    assert "Marrow and Tessland" in text
