"""A single-value answer's details do not name a second answer (issue 10, RealTime QA: the first sentence right, the
answer wrong because a detail named a wrong choice too; rag/writers/answer_agree.py).

Two ways a competing detail got past the rule of ``test_answer_agree``:

* **a name is the value, not a word of it**: "Hurricane Maria killed roughly 3,000 people" under "As Hurricane Fiona
  bore down on Puerto Rico …" shared the word "Hurricane" with the first sentence and so was read as restating it.
  Two names sharing a word are two values; a name that is part of the other ("Fiona", "the Lightning") is the same;
* **for one measure, every value counts**: "… (79% feel he acted either unethically or illegally, including 45% who
  believe his actions were illegal) …" under "About 79% of respondents believe …" restates the answer and gives a
  second percentage; "… at the age of 19" (a sister's) follows "A 17-year-old has become …". For a number of one
  asked measure or counted noun, a detail giving any value of that slot the first sentence does not give competes.
  Names are not read so: a detail restating the named answer may name others in other roles ("The Falcons beat the
  Brenner Kings").

Unit checks on sentences written here, and end to end through the real Engine over four short reports written for
this test (tests/data/answer_compete/: a hurricane recalling an older one, a poll's share and its strong part).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_of as answer, engine_over

from rag.types import Chunk
from rag.writers.answer_agree import competes, corroborated, each_value_competes, same_value, value_groups
from rag.writers.answer_kind import answer_type
from rag.writers.answer_value import asked_value
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates
from rag.writers.key_terms import stems

DATA = Path(__file__).resolve().parent / "data" / "answer_compete"


def values(question: str, sentence: str) -> tuple[frozenset[str], ...]:
    chunk = Chunk("c1", "d1", sentence, 0, len(sentence), 0)
    cands, _ = candidates([EvidencePassage("S1", chunk, 1.0)])
    assert cands, sentence
    return value_groups(answer_type(question), cands[0], stems(question), asked_value(question), places_ok=False)


def compete(question: str, lead: str, detail: str) -> bool:
    each = each_value_competes(answer_type(question), asked_value(question))
    return competes(values(question, lead), values(question, detail), each=each)


# two names sharing a word are two values
@pytest.mark.parametrize("question, lead, detail", [
    ("Which storm battered the coast this week, causing mass floods?",
     "As Hurricane Odile bore down on the coast this week, residents boarded up their homes.",
     "Hurricane Bertha killed 40 people in the same towns six years ago."),
    ("Which club won the Marlow Shield on Saturday?",
     "Kelby Rovers won the Marlow Shield on Saturday with a penalty in the last minute.",
     "Kelby Athletic won the Marlow Shield in 2019 and reached the final again two years later."),
    ("Which storm forced the evacuation of the islands?",
     "Officials ordered the islands evacuated as Tropical Storm Lena strengthened on Monday.",
     "Tropical Storm Corin flooded the same islands last autumn."),
    ("Which firm won the contract to rebuild the bridge?",
     "Harmon Steel won the contract to rebuild the bridge, the council said on Friday.",
     "Harmon Cables had bid for the work with a cheaper design."),
])
def test_a_name_sharing_a_word_with_the_answer_is_another_value(question, lead, detail):
    assert compete(question, lead, detail)


# one name part of the other, or a detail naming the answer among others, is no competitor
@pytest.mark.parametrize("question, lead, detail", [
    ("Which storm battered the coast this week, causing mass floods?",
     "As Hurricane Odile bore down on the coast this week, residents boarded up their homes.",
     "Odile made landfall near the port late on Wednesday, forecasters said."),
    ("Which club won the Marlow Shield on Saturday?",
     "Kelby Rovers won the Marlow Shield on Saturday with a penalty in the last minute.",
     "The Rovers' first Shield since 1998 set off celebrations in the town."),
    ("Which club won the Marlow Shield on Saturday?",
     "The Rovers won the Marlow Shield on Saturday with a penalty in the last minute.",
     "Kelby Rovers had lost the previous two finals on penalties."),
    # names are not read value by value: the answer restated beside a name in another role
    ("Which club won the Marlow Shield on Saturday?",
     "Kelby Rovers won the Marlow Shield on Saturday with a penalty in the last minute.",
     "Kelby Rovers beat Dunmore Town 2-1 in front of a record crowd."),
])
def test_the_same_name_or_the_answer_restated_does_not_compete(question, lead, detail):
    assert not compete(question, lead, detail)


@pytest.mark.parametrize("one, other, same", [
    ({"fiona"}, {"hurrican", "fiona"}, True),
    ({"hurrican", "fiona"}, {"hurrican", "fiona"}, True),
    ({"hurrican", "maria"}, {"hurrican", "fiona"}, False),
    ({"79"}, {"45"}, False),
])
def test_same_value_is_one_name_part_of_the_other(one, other, same):
    assert same_value(frozenset(one), frozenset(other)) is same


# for one measure or counted noun, a detail giving any other value of the slot competes, though it restates the answer
@pytest.mark.parametrize("question, lead, detail", [
    ("According to a new poll, what percentage of residents support the harbour tax?",
     "About 64% of residents support the harbour tax, the poll found.",
     "Support stood at 64% overall, including 31% who support the tax strongly."),
    ("How old is the pilot who flew solo around the world?",
     "A 17-year-old has become the youngest person to fly solo around the world.",
     "The pilot was 17 when he landed; his sister set the record for women at the age of 19."),
    ("How many days did the dock strike last?",
     "The dock strike lasted 12 days, the union said on Monday.",
     "After 12 days on strike the dockers won a raise; a strike in 2019 lasted 30 days."),
    ("How many boats entered the regatta this year?",
     "The regatta drew 42 boats this year, the organisers said.",
     "A record 42 boats entered, up from 35 boats last year."),
])
def test_a_detail_giving_the_answer_and_another_value_of_the_measure_competes(question, lead, detail):
    assert compete(question, lead, detail)


@pytest.mark.parametrize("question, lead, detail", [
    # the answer restated alone
    ("According to a new poll, what percentage of residents support the harbour tax?",
     "About 64% of residents support the harbour tax, the poll found.",
     "The 64% backing is the highest the poll has recorded for a local tax."),
    # a number of another measure is no value of the slot
    ("According to a new poll, what percentage of residents support the harbour tax?",
     "About 64% of residents support the harbour tax, the poll found.",
     "Of the 1,200 residents polled, 64% support the tax."),
    ("How old is the pilot who flew solo around the world?",
     "A 17-year-old has become the youngest person to fly solo around the world.",
     "The 17-year-old crossed 52 countries on five continents."),
    # no value of the slot at all
    ("How many days did the dock strike last?",
     "The dock strike lasted 12 days, the union said on Monday.",
     "The dockers returned to work on Tuesday morning."),
])
def test_a_detail_restating_the_measure_or_giving_another_measure_does_not_compete(question, lead, detail):
    assert not compete(question, lead, detail)


@pytest.mark.parametrize("question, each", [
    ("According to a new poll, what percentage of residents support the harbour tax?", True),
    ("How old is the pilot who flew solo around the world?", True),
    ("How many days did the dock strike last?", True),
    ("Which club won the Marlow Shield on Saturday?", False),
    ("In which year did the mill first open?", False),
])
def test_every_value_competes_only_for_a_number_of_one_measure_or_noun(question, each):
    assert each_value_competes(answer_type(question), asked_value(question)) is each


def test_a_lead_is_corroborated_by_its_name_not_by_a_shared_word():
    question = "Which storm battered the coast this week, causing mass floods?"
    lead = values(question, "Hurricane Bertha killed 40 people in the same towns six years ago.")
    other = values(question, "As Hurricane Odile bore down on the coast this week, residents boarded up their homes.")
    again = values(question, "The floods of Hurricane Bertha reached the harbour wall in 2019.")
    assert not corroborated(lead, [other])
    assert corroborated(lead, [other, again])


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_compete") / "data", DATA)


def test_the_storm_answer_does_not_name_the_older_storm(engine):
    text = answer(engine, "Which storm battered Harlow Bay this week, flooding the lower town?", "2026-09-17")
    assert "Odile" in text
    assert "Bertha" not in text


def test_the_poll_answer_gives_one_share(engine):
    text = answer(engine, "According to a new poll, what percentage of Kelby residents support the harbour tax?",
                  "2026-07-29")
    assert "64%" in text
    assert "31%" not in text and "22%" not in text
