"""A "who/whom <auxiliary> <subject> <verb> …?" question asks for its act's object ("Who did the customs service
book?"), and the sentence telling the act with a name in its object phrase answers it ("The agency booked the chief
executive of …"), though a lede restating the question's premise ("The … Authority said on Monday that it had
uncovered …") repeats more of the question's words. The slot reader read a value before the act (its subject) or
after a giving verb (a recipient) only, so no sentence filled this slot and the lede led
(``answer_slot.asked_slot``'s ``objects``, ``_fills_object``; data ``[whom]`` in rag/text/data/answer_slots.toml).
Like a recipient, the object's filler leads at any gap of the answer pool (``slot_lead``).

From s59's fresh user ("Who did the Korea Customs Service book?" led with the seizure); the reports below are
written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_slot import asked_slot, fills_slot
from rag.writers.key_terms import stems

ARTICLES = [
    ("01_permits.md", "2026-08-11", "Velmar port authority uncovers forged shipping permits",
     "The Velmar Port Authority said on Monday that it had uncovered 310 forged shipping permits used to move "
     "restricted lathes to Kestria over two years. The permits carried the stamps of a closed brokerage. "
     "The agency questioned the managing director of Orlan Freight, a local forwarding firm, on charges of using forged permits. Two "
     "clerks were also held for a day."),
    ("02_harbour.md", "2026-08-12", "Velmar port authority tightens harbour checks",
     "The Velmar Port Authority said its questioning over the forged permits would widen to two other harbours, "
     "and it will inspect every container of machine tools leaving the harbour from September. Exporters warned of "
     "delays."),
    ("03_ministry.md", "2026-09-03", "Norvia's trade ministry fines drone exporters",
     "Norvia's trade ministry said on Wednesday that it had found unlicensed drone shipments to Kestria and Ostravia "
     "this year and would fine exporters more often. The ministry fined Brask Avionics and its former sales chief "
     "Pel Ardent a combined 4 million crowns for the shipments. Exporters' groups in Kestria said the rules were unclear."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("object_slot"), ARTICLES)


def test_the_person_questioned_leads_not_the_lede(engine):
    text = lead(engine, "Who did the Velmar Port Authority question over the forged permits?", "2026-08-14")
    assert "Orlan Freight" in text


def test_those_fined_lead_not_the_ministrys_finding(engine):
    text = lead(engine, "Who did Norvia's trade ministry fine this year?", "2026-09-05")
    assert "Pel Ardent" in text


@pytest.mark.parametrize("question, verb", [
    ("Who did the Velmar Port Authority question over the forged permits?", "question"),
    ("Whom will the harbour council appoint as its chair?", "appoint"),
    ("Who did Norvia's trade ministry fine this year?", "fine"),  # past the possessive's lower-case words
    ("Who did the Bank of Ostravia hire?", "hire"),  # a lower-case word inside the subject's name
    ("Who did police arrest on Friday?", "arrest"),
])
def test_an_object_question_reads_its_act(question, verb):
    assert asked_slot(question).objects == frozenset(stems(verb))


@pytest.mark.parametrize("question", [
    "Who was booked over the case?",  # the passive's subject is asked
    "Who received the letter?",  # a recipient
    "Who did it?",
])
def test_a_question_asking_no_object_reads_none(question):
    assert not asked_slot(question).objects


QUESTION = "Who did the Velmar Port Authority question over the forged permits?"


@pytest.mark.parametrize("sentence", [
    "The agency questioned the managing director of Orlan Freight on Tuesday.",
    "Inspectors questioned Mira Tessel, a clerk, for six hours.",
])
def test_a_name_in_the_acts_object_fills_the_slot(sentence):
    assert fills_slot(asked_slot(QUESTION), sentence, stems(QUESTION))


@pytest.mark.parametrize("sentence", [
    "The questioning of Mira Tessel lasted six hours.",  # the act as a noun
    "The agency questioned dozens of clerks, Orlan Freight said.",  # a name after a clause break
    "The agency questioned the clerks about Orlan Freight.",  # another preposition's object
    "Orlan Freight said the agency had uncovered forged permits.",  # no act
])
def test_otherwise_the_slot_is_not_filled(sentence):
    assert not fills_slot(asked_slot(QUESTION), sentence, stems(QUESTION))
