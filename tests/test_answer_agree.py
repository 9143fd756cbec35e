"""A single-value answer does not quote a competing value as detail: when a question asks for one name, number or
date, a detail that gives another one than the first sentence ("Dunholt Boat Club won the final in 2024 and 2025"
under "Marwick Rowing Club won the final on Sunday") is left out; a detail that restates the value, or gives none,
stays (rag/writers/answer_agree.py).

A lone value may itself be wrong, so competing details are left out only when another sentence gives the first
sentence's value too. Unit checks on sentences written here, and end to end through the real Engine over three short
articles written for this test (tests/data/answer_agree/): two reports of a final and its preview, which names last
year's winner and entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_of as answer, engine_over

from rag.types import Chunk
from rag.writers.answer_agree import asks_one_value, competes, corroborated, value_groups
from rag.writers.answer_kind import answer_type
from rag.writers.answer_value import asked_value
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates
from rag.writers.key_terms import stems

DATA = Path(__file__).resolve().parent / "data" / "answer_agree"


def values(question: str, sentence: str) -> tuple[frozenset[str], ...]:
    chunk = Chunk("c1", "d1", sentence, 0, len(sentence), 0)
    cands, _ = candidates([EvidencePassage("S1", chunk, 1.0)])
    assert cands, sentence
    return value_groups(answer_type(question), cands[0], stems(question), asked_value(question), places_ok=False)


@pytest.mark.parametrize("question, lead, detail", [
    ("Which team won the Harlow Cup this year?",
     "The Ostrava Falcons won the Harlow Cup on Sunday after a late goal in the final minute.", "The Brenner Kings won the last two Harlow Cups before losing in the semi-final this spring."),
    ("How many boats entered the regatta this year?",
     "The regatta drew 42 boats this year, the organisers said on Monday evening.", "Last year the regatta drew 35 boats, and the organisers expected fewer this time."),
    ("In which year did the mill first open?",
     "The mill first opened in 1921, the town archive shows, and it ran until the war.", "A second mill opened in 1958 across the river from the old one, the archive shows."),
    ("Which singer will headline the harbour festival?",
     "Mira Sol will headline the harbour festival in July, the organisers announced on Friday.", "Last year Tomas Brel headlined the harbour festival in front of a crowd of thousands."),
])
def test_a_detail_giving_another_value_of_the_asked_kind_competes(question, lead, detail):
    assert competes(values(question, lead), values(question, detail))


@pytest.mark.parametrize("question, lead, detail", [
    # restating the value
    ("Which team won the Harlow Cup this year?",
     "The Ostrava Falcons won the Harlow Cup on Sunday after a late goal in the final minute.", "The Falcons' first Harlow Cup since 2001 set off celebrations in the town square."),
    ("How many boats entered the regatta this year?",
     "The regatta drew 42 boats this year, the organisers said on Monday evening.", "Organisers counted 42 boats on the water, a record for the regatta."),
    ("How old is the pilot who flew around the world?",
     "The pilot was 17 when he landed in Sofia on Wednesday after five months.", "At seventeen, the pilot is the youngest person to fly solo around the world."),
    # no value of the asked kind
    ("Which team won the Harlow Cup this year?",
     "The Ostrava Falcons won the Harlow Cup on Sunday after a late goal in the final minute.", "The final was delayed by an hour because of rain, and the pitch was covered until noon."),
])
def test_a_detail_restating_the_value_or_giving_none_does_not_compete(question, lead, detail):
    assert not competes(values(question, lead), values(question, detail))


def test_a_detail_that_only_names_the_outlet_reporting_it_does_not_compete():
    question = "Which team won the Harlow Cup this year?"
    assert not competes(values(question, "The Ostrava Falcons won the Harlow Cup on Sunday after a late goal in the final minute."),
                        values(question, "The final was watched by a record crowd of fans in the stadium, according to Reuters."))


def test_a_lead_value_no_other_sentence_gives_is_not_trusted_to_remove_details():
    question = "Which team won the Harlow Cup this year?"
    lead = values(question, "The Brenner Kings won the last two Harlow Cups before losing in the semi-final this spring.")
    other = values(question, "The Ostrava Falcons won the Harlow Cup on Sunday after a late goal in the final minute.")
    again = values(question, "The Brenner Kings lost the semi-final of the Harlow Cup to a late goal in April.")
    assert not corroborated(lead, [other])
    assert corroborated(lead, [other, again])


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_agree") / "data", DATA)


def test_the_answer_names_the_winner_and_not_last_years(engine):
    text = answer(engine, "Which club won the Lake Orva regatta final on Sunday?", "2026-05-13")
    assert "Marwick" in text
    assert "Dunholt" not in text


def test_the_answer_gives_this_years_entries_and_not_last_years(engine):
    text = answer(engine, "How many boats did the Lake Orva regatta draw this year?", "2026-05-13")
    assert "42" in text
    assert "35" not in text


# A member of a class asked by its class noun ("Which national park …?", "Which show …?") is one value, read as a
# name: another member in a detail competes with the first sentence's, as another team or number does.
@pytest.mark.parametrize("question, lead, detail", [
    ("Historic rainfall led to visitor evacuations at which national park?",
     "Historic rainfall closed Ferrow Peaks National Park on Monday, and rangers evacuated its campgrounds.",
     "Dunmere Lakes National Park reopened its campgrounds to visitors on Sunday after a wildfire."),
    ("Which wildly popular show was green lit for a new season?",
     "Netflix has renewed “Glass Harbour” for a second season after it topped the charts in forty countries.",
     "The streaming service also said “Copper Valley” would end after its fourth season next spring."),
    ("Which member of the royal family is expected to retire from public life next month?",
     "Prince Aldric of Wessex is expected to retire from public life next month, a newspaper reported.",
     "Princess Maren carried out more engagements last year than any other member of the family."),
])
def test_a_detail_naming_another_member_of_the_asked_class_competes(question, lead, detail):
    assert answer_type(question) == "thing"
    assert competes(values(question, lead), values(question, detail))


@pytest.mark.parametrize("question, lead, detail", [
    ("Historic rainfall led to visitor evacuations at which national park?",
     "Historic rainfall closed Ferrow Peaks National Park on Monday, and rangers evacuated its campgrounds.",
     "Rangers at Ferrow Peaks evacuated visitors on Monday after the valley floor flooded."),
    ("Historic rainfall led to visitor evacuations at which national park?",
     "Historic rainfall closed Ferrow Peaks National Park on Monday, and rangers evacuated its campgrounds.",
     "Mudslides cut the park's northern road in three places, the park service said."),

    # a capitalised first word is no name
    ("Which singer will headline the harbour festival?",
     "Mira Sol will headline the harbour festival in July, the organisers announced on Friday.",
     "Tickets for the harbour festival sold out within an hour, the organisers said."),
])
def test_a_detail_restating_the_class_member_or_naming_none_does_not_compete(question, lead, detail):
    assert not competes(values(question, lead), values(question, detail))



@pytest.mark.parametrize("question, one", [
    ("Historic rainfall led to visitor evacuations at which national park?", True),
    ("Which wildly popular show was green lit for a new season?", True),
    ("Which team won the Harlow Cup this year?", True),
    ("How many boats entered the regatta this year?", True),
    # a "what" thing asks for things, not one member: its other names may answer another part of it
    ("What evidence do the sources give of Chinese cyber operations against Taiwan and against Japanese industry?", False),
    ("What piece of advice did the Pope have for mothers this week?", False),
])
def test_one_value_is_asked_by_a_name_number_date_or_which_member(question, one):
    assert asks_one_value(answer_type(question), question) is one
