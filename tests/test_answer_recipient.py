"""A question asking who was given, sent or told something is answered by the recipient, not by a name standing
elsewhere in the story (issue 10; the fresh user's s36 finding 7: "Who received the US request to curb China's
semiconductor progress?" led with "The update comes from Kyodo News …" and never named Yasutoshi Nishimura).

The kind: the recipient stands after "to" that follows a giving verb ("The request was reportedly conveyed through
channels involving Gene Raymond, the US Secretary of Commerce, to Yasutoshi Nishimura"), or before a receiving verb
("Nishimura received the request"). The sentences restating the question's premise ("US authorities have asked the
Japanese government to join efforts …") repeat more of its words and set the relevance cut, and a name next to them
(the outlet credited) is any name, not the recipient. ``answer_slot`` reads the recipient slot
(``AskedSlot.recipient``, word lists in answer_slots.toml [recipient]); when no sentence of the answer pool fills the
slot, the sentences of the same documents that fill it join the pool (``answer_slot.slot_fillers``) and lead
(``slot_lead``).

Unit checks on questions and sentences written here, and end to end through the real Engine over two short reports
written for this test (tests/data/answer_recipient/: a request conveyed through an envoy to a minister, a petition
handed to a port chief).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_lead, engine_over

from rag.writers.answer_slot import asked_slot, fills_slot, slot_fillers
from rag.writers.key_terms import stems

DATA = Path(__file__).resolve().parent / "data" / "answer_recipient"


@pytest.mark.parametrize("question", [
    "Who received the US request to curb China's semiconductor progress?",
    "Who received Valdoria's request to curb drone exports?",
    "Who got the first invitation to the summit?",
    "Who was sent the letter from the finance ministry?",
    "Who was given the keys to the city this week?",
    "To whom was the open letter addressed?",
    "Who was the dockworkers' petition handed to?",
    "Who was the request conveyed to?",
])
def test_a_question_asking_who_was_given_something_asks_for_its_recipient(question):
    assert asked_slot(question).recipient


@pytest.mark.parametrize("question", [
    "Who sent the request to Japan?",
    "Who won the Mercury Prize this year?",
    "Who was the designer of the garment?",
    "Who was elected mayor of Brell?",
    "What did Japan restrict?",
    "Which company received the contract?",
])
def test_other_questions_ask_for_no_recipient(question):
    assert not asked_slot(question).recipient


def fills(question: str, sentence: str) -> bool:
    return fills_slot(asked_slot(question), sentence, stems(question))


@pytest.mark.parametrize("question, sentence", [
    ("Who received the US request to curb China's semiconductor progress?",
     "The request was reportedly conveyed through channels involving Gene Raymond, the US Secretary of Commerce, to "
     "Yasutoshi Nishimura, Japan’s Minister of Economy, Trade and Industry."),
    ("Who received Valdoria's request to curb drone exports?",
     "The request was delivered through a channel involving Marta Lindqvist, Valdoria's trade envoy, to Tomas Ekberg."),
    ("Who received Valdoria's request to curb drone exports?", "Tomas Ekberg received the request on Monday."),
    ("Who was the dockworkers' petition handed to?",
     "Union leaders marched along the quay before the petition was handed to Ilse Varga, the port chief."),
    ("To whom was the open letter addressed?", "The open letter, signed by 300 scientists, was addressed to the "
                                               "European Commission."),
    ("Who was sent the letter from the finance ministry?", "The ministry sent a sharply worded letter to Governor Ana "
                                                            "Pires on Friday."),
])
def test_a_value_after_to_of_a_giving_verb_or_before_received_fills_the_recipient_slot(question, sentence):
    assert fills(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    # the premise restated: the recipient only by its class
    ("Who received the US request to curb China's semiconductor progress?",
     "US authorities have asked the Japanese government to join efforts aimed at curbing China’s progress in "
     "semiconductor development."),
    # another name of the story: the outlet credited
    ("Who received the US request to curb China's semiconductor progress?",
     "The update comes from Kyodo News and signals a coordinated approach to export controls."),
    # "to" after no giving verb
    ("Who received Valdoria's request to curb drone exports?", "Valdoria restricted engine exports to Morvia last year."),
    # the giving verb in another sentence
    ("Who was sent the letter from the finance ministry?", "The letter was sent on Friday. To Lisbon's relief, the "
                                                            "governor said nothing."),
    # the sender, not the recipient
    ("Who received Valdoria's request to curb drone exports?", "Marta Lindqvist, Valdoria's trade envoy, drafted the "
                                                                "request."),
])
def test_a_name_elsewhere_in_the_sentence_does_not_fill_the_recipient_slot(question, sentence):
    assert not fills(question, sentence)


def test_fillers_join_only_when_no_sentence_of_the_pool_fills_the_slot():
    question = "Who received Valdoria's request to curb drone exports?"
    texts = ["Valdorian officials have asked the Kessland government to join efforts aimed at curbing drone exports.",
             "The update comes from Harbour Wire and signals a coordinated approach.",
             "The request was delivered through a channel involving Marta Lindqvist to Tomas Ekberg.",
             "Tomas Ekberg received the request on Monday."]
    assert slot_fillers(question, "name", texts, [0, 1], [0, 1, 2, 3]) == [2, 3]
    assert slot_fillers(question, "name", texts, [0, 3], [0, 1, 2, 3]) == []  # the pool fills it already
    assert slot_fillers(question, "number", texts, [0, 1], [0, 1, 2, 3]) == []  # a kind the slot does not lead
    assert slot_fillers("Who won the Mercury Prize?", "name", texts, [0, 1], [0, 1, 2, 3]) == []  # no slot


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_recipient") / "data", DATA)


def test_the_request_answer_leads_with_the_minister_who_received_it(engine):
    lead = answer_lead(engine, "Who received Valdoria's request to curb drone exports?", "2026-05-14")
    assert "Tomas Ekberg" in lead
    assert "Harbour Wire" not in lead


def test_the_petition_answer_leads_with_the_port_chief_it_was_handed_to(engine):
    lead = answer_lead(engine, "Who was the dockworkers' petition handed to?", "2026-08-21")
    assert "Ilse Varga" in lead
    assert "Coastline Radio" not in lead
