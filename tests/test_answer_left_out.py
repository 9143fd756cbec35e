"""Abstention when the best sentence does not fill the asked slot for the asked set or year (issue 10, s57).

Two kinds, traced on RealTime QA's fit half (questions whose retrieved passages hold no correct choice, answered
anyway), with inputs written here:

* **The one left out of a set** ("Which member of the home club is not an all-star?", "She appeared in all these
  films except:"): a sentence listing the set's members names only those in it, and quoting it as the answer names
  one of them as the one outside. Unless a relevant sentence tells a member left out ("… was left off the shortlist",
  "… did not make the list"), the answer says what the sources report and that none gives the one left out
  (``asked_exclusion``).
* **Another year's figure** ("How much did the parks cost ratepayers last year?" asked in 2026, over a report of
  2021-22 only): the answer already prefers a sentence telling the asked year (``asked_year``); when every answering
  sentence tells other years, it says what the sources report and that none gives the figure for the asked year.

The first reading is checked on its own, then both end to end through the real Engine over short reports.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.asked_exclusion import left_out, tells_left_out


@pytest.mark.parametrize("question", [
    "Which of these writers is not on the festival jury?",
    "The club named its squad for the cup final. Which defender isn't in the squad?",
    "Which minister was not invited to the summit dinner?",
    "What vaccine is not covered by the new scheme?",
    "Mara Quell wrote all these novels except:",
    "The agency approved all of the following drugs except which one?",
])
def test_a_question_for_the_one_outside_a_set_is_read_as_such(question):
    assert left_out(question) is not None


@pytest.mark.parametrize("question", [
    "Which candidate did not withdraw from the race?",  # a negated act: a report may tell it as done
    "What is not known about the merger?",  # asks no member of a set
    "Which bank was fined, although it is not based in the EU?",  # the negation is another clause's
    "Which state will hold a runoff after neither candidate won outright?",
    "Who chairs the festival jury?",
])
def test_other_questions_ask_for_no_one_left_out(question):
    assert left_out(question) is None


@pytest.mark.parametrize("sentence", [
    "Council member Rui Senn was left off the shortlist after objections.",
    "Lina Park did not make the guide's list this year.",
    "Every board seat went to a newcomer except the chair.",
    "Defender Ola Brekke is not in the squad after a knee injury.",
])
def test_a_sentence_telling_a_member_left_out(sentence):
    asked = left_out("Which council member is not on the shortlist?")
    if "squad" in sentence:
        asked = left_out("Which defender isn't in the squad?")
    if "list" in sentence and "guide" in sentence:
        asked = left_out("Which chef is not on the guide's list?")
    assert tells_left_out(asked, sentence)


@pytest.mark.parametrize("sentence", [
    "The council shortlisted Peter Alm, Dana Oke and Rui Senn for the transit board.",
    "There was no shortlist in 2020, when the board was suspended.",  # "no" negates a noun, not membership
    "But not enough members attended the shortlist meeting.",  # "but not" is no exclusion
])
def test_a_sentence_naming_members_or_negating_something_else_tells_no_one_left_out(sentence):
    assert not tells_left_out(left_out("Which council member is not on the shortlist?"), sentence)


ARTICLES = [
    ("01_jury.md", "2026-05-10", "Harbor City names its festival jury",
     "The Harbor City film festival named the writers Mara Quell, Idris Vanto and Selma Roe to its jury on Friday.\n\n"
     "The jury will pick the winning film when the festival closes in June.\n\n"
     "Quell's novels include Tidewater, Glass Orchard and The Long Ferry, all set on the northern coast."),
    ("02_transit.md", "2026-05-12", "Council shortlists transit board members",
     "The city council shortlisted Peter Alm and Dana Oke for the new transit board on Tuesday.\n\n"
     "Council member Rui Senn was left off the transit board shortlist after objections from two wards.\n\n"
     "The board will oversee bus and tram fares from next year."),
    ("03_parks.md", "2026-03-02", "Lakeside publishes park accounts",
     "Lakeside's parks cost ratepayers 4.2 million crowns in 2021-22, the council's accounts showed on Monday.\n\n"
     "The accounts were delayed by an audit of the park maintenance contract."),
    ("04_libraries.md", "2026-04-20", "Brenmoor library costs rise",
     "Brenmoor's libraries cost taxpayers 2.9 million crowns in 2019, the town's first published accounts showed.\n\n"
     "Brenmoor's libraries cost taxpayers 3.4 million crowns in 2025, the town said on Monday.\n\n"
     "The council said longer opening hours explained most of the rise."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("left_out"), ARTICLES)


def ask(engine, question, until="2026-06-01"):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


@pytest.mark.parametrize("question", [
    "Which of these writers is not on the Harbor City festival jury?",
    "Mara Quell wrote all these novels except:",
])
def test_a_listing_sentence_does_not_answer_which_one_is_left_out(engine, question):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    # a partial answer: what the sources do report, and that none gives the one left out
    assert "none" in brief.message and ("left out" in brief.message or "is not on" in brief.message)


def test_a_sentence_telling_a_member_left_out_answers(engine):
    brief = ask(engine, "Which council member is not on the transit board shortlist?")
    assert not brief.abstained, brief.message
    assert "Rui Senn" in first_sentence(answer_text(brief))


def test_another_years_figure_does_not_answer_last_year(engine):
    brief = ask(engine, "How much did Lakeside's parks cost ratepayers last year?")
    assert brief.abstained, answer_text(brief)
    assert "2021-22" in brief.message and "none gives" in brief.message and "2025" in brief.message


def test_the_asked_years_figure_still_answers_beside_another_years(engine):
    brief = ask(engine, "How much did Brenmoor's libraries cost taxpayers last year?")
    # not abstained: a sentence telling the asked year is there (which sentence leads is the answer writer's choice,
    # not the abstention's; s57 saw the 2019 one lead, left to the writer's first-sentence work)
    assert not brief.abstained, brief.message
