"""A "who <be> <participle> …?" question asks for the subject of that participle told in the passive ("Who was
cleared in …?"): the sentence telling the asked act of a name ("… Oren Valdt, was cleared of all charges") answers
it, not the lede telling another act of the same story ("The court fined … and sentenced … to …"), which repeats more
of the question's words. The slot reader read no slot for such a question, so the lede led
(``answer_slot.asked_slot``'s ``passive``, ``_asked_passive``, ``_passive_subject``; data ``[passive]`` in
rag/text/data/answer_slots.toml). Like an object's, the passive subject's filler leads at any gap of the answer pool.

From s61's fresh user ("Who was acquitted in the … smuggling case?" answered by the co-defendant's sentence); the
reports below are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, answer_of, engine_over_articles

from rag.writers.answer_slot import asked_slot, fills_slot
from rag.writers.key_terms import stems

ARTICLES = [
    ("01_court.md", "2026-10-09", "Rotterdam court jails broker in drone-parts sanctions case",
     "A district court in Rotterdam on Thursday sentenced Halvard Brenn, a Danish parts broker, to four years in "
     "prison in the drone-parts sanctions case, in which 900 flight controllers were shipped to Kestria. "
     "Prosecutors said the controllers were routed through a warehouse in Gdansk. "
     "The broker's former logistics chief, Oren Valdt, was cleared of all charges. "
     "The court also ordered the seizure of 2.1 million euros."),
    ("02_raid.md", "2026-11-20", "Six held in customs raid at Velmar freight yard",
     "Velmar customs officers on Tuesday detained six people in a raid at the city's freight yard over a shipment of "
     "restricted machine tools bound for Ostravia. Officers said the tools were declared as farm equipment. "
     "Two of the six detained in the raid, Mira Tessel and Pavo Lind, were released after questioning. "
     "The other four remain in custody."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("passive_subject"), ARTICLES)


def test_the_cleared_co_defendant_leads_not_the_sentence(engine):
    text = lead(engine, "Who was cleared in the drone-parts sanctions case?", "2026-10-12")
    assert "Oren Valdt" in text


def test_those_released_lead_not_the_detention(engine):
    text = lead(engine, "Who was released after the Velmar freight yard raid?", "2026-11-22")
    assert "Mira Tessel" in text


def test_a_question_of_the_ledes_own_act_keeps_the_lede(engine):
    text = lead(engine, "Who was sentenced for shipping drone flight controllers to Kestria?", "2026-10-12")
    assert "Halvard Brenn" in text
    assert "Oren Valdt" not in answer_of(engine, "Who was sentenced for shipping drone flight controllers to Kestria?",
                                         "2026-10-12").split(".")[0]


@pytest.mark.parametrize("question, verb", [
    ("Who was acquitted in the smuggling case?", "acquitted"),
    ("Who has been charged over the leak?", "charged"),
    ("Who was later released on bail?", "released"),  # an adverb between
    ("Who were arrested in Busan on Monday?", "arrested"),
    ("Who was reportedly fired by the board?", "fired"),  # an adverb in "-ly"
    ("Who was held by customs?", "held"),  # an irregular participle
])
def test_a_passive_who_question_reads_its_participle(question, verb):
    assert asked_slot(question).passive == frozenset(stems(verb))


@pytest.mark.parametrize("question", [
    "Who was the designer of the dress?",  # a role noun, not a participle
    "Who is Oren Valdt?",
    "Who did the court sentence?",  # the active's object: AskedSlot.objects
    "Who acquitted the broker?",  # the act's subject, active
    "Who was not charged?",  # a negation: no one named is the answer
])
def test_a_question_asking_no_passive_subject_reads_none(question):
    assert not asked_slot(question).passive


QUESTION = "Who was cleared in the drone-parts sanctions case?"


@pytest.mark.parametrize("sentence", [
    "The broker's former logistics chief, Oren Valdt, was cleared of all charges by the court.",  # an apposition
    "Oren Valdt and Sela Orm were both later cleared on appeal.",
    "The appeals court cleared Oren Valdt on Friday.",  # the active verb, the name its object
    "Oren Valdt has since been cleared.",
])
def test_a_name_told_undergoing_the_act_fills_the_slot(sentence):
    assert fills_slot(asked_slot(QUESTION), sentence, stems(QUESTION))


@pytest.mark.parametrize("sentence", [
    "A district court in Rotterdam sentenced Halvard Brenn to four years.",  # another act
    "Judge Ilse Marten cleared the way for an appeal.",  # the name is the agent
    "Oren Valdt was not cleared.",  # negated
    "Oren Valdt said the clearing of his name took two years.",  # the act as a noun
])
def test_otherwise_the_passive_slot_is_not_filled(sentence):
    assert not fills_slot(asked_slot(QUESTION), sentence, stems(QUESTION))
