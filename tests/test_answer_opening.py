"""An answer's first sentence states the asked value, not the context before it.

A quote may join a dependent sentence to the one before it ("The dress adorned with more than 2,500 crystals was custom
made for Monroe. It was based on a sketch by the famed designer Bob Mackie …") or run on past its first sentence
("In an official statement, the Royal Family said she died peacefully at Balmoral Castle … She was the longest-tenured
queen …, reigning for 70 years after ascending to the throne in 1952"). Typed as a whole it answers; read as RealTime
QA and a reader read an answer, its first sentence does not. When a quote of the answer pool, nearly as relevant,
states the value in its own first sentence ("Elizabeth ascended to the throne in 1952, on the death of her father …"),
that quote leads (``answer_slot.opening_lead``).

RealTime QA's fit half (full index, h/rtqa-s33): 20220909_10 ("When did she ascend to the throne?") and 20220617_14
("Who was the designer of the garment?") answered right with a first sentence lacking the value before. The inputs
below are written here: sentences for the unit checks, and short reports (tests/data/answer_opening/) for the end to
end checks through the real Engine.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import answer_lead as lead, engine_over

from rag.writers.answer_slot import opening_lead, opens_with_value
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stems

DATA = Path(__file__).resolve().parent / "data" / "answer_opening"


def cand(text: str) -> Candidate:
    return Candidate(passage=SimpleNamespace(chunk=SimpleNamespace(text=text, published="2026-01-01")), rank=0, local_start=0,
                     local_end=len(text), text=text, stems=stems(text))


THRONE = "The old queen died on Thursday. When did she ascend to the throne?"
DESIGNER = "A singer was accused of damaging a historic silk gown at the gala. Who was the designer of the gown?"
STRIKE = "Dock workers ended their walkout this week. How many days did the strike last?"
ELECTION = "With the premier's successor about to be chosen, what year is the latest the next election could take place?"
CALLED = "A flood-era policy allowing quick evacuations was set to expire this week. What is the policy known as?"


@pytest.mark.parametrize("question, kind, text", [
    (THRONE, "when", "Ysolde ascended to the throne in 1961, on the death of her father."),
    (DESIGNER, "name", "The gown was based on a sketch by the famed designer Ebbe Marlow."),
    (STRIKE, "number", "The strike lasted 41 days, the union said."),
    (ELECTION, "date", "The next election must take place no later than 2027, officials said."),
    (CALLED, "term", "The rule, called the Blue Harbour Order, let officials clear the quays within hours."),
])
def test_a_first_sentence_stating_the_value_opens_with_it(question, kind, text):
    assert opens_with_value(question, kind, cand(text)) is True
    assert opens_with_value(question, kind, cand(text + " Crowds gathered at the gates.")) is True


@pytest.mark.parametrize("question, kind, text", [
    (THRONE, "when", "In a statement, the palace said she died peacefully at Marlby Castle. She was the longest-reigning "
                     "queen, on the throne since 1961."),
    (DESIGNER, "name", "The gown adorned with pearls was made for the actress. It was based on a sketch by the famed "
                       "designer Ebbe Marlow."),
    (STRIKE, "number", "Over the summer, dock workers walked out on alternate weeks. The strike lasted 41 days in all."),
    (ELECTION, "date", "The successor will be the fifth premier since the vote. The next election is due no later than 2027."),
    (CALLED, "term", "The policy was enacted during the flood. It was known as the Blue Harbour Order."),
])
def test_a_first_sentence_of_context_does_not(question, kind, text):
    assert opens_with_value(question, kind, cand(text)) is False


@pytest.mark.parametrize("question, kind", [
    ("Why did the talks fail?", "reason"),
    ("Which measures did the ministry list?", "list"),
    ("Who won the mayoral election?", "name"),  # a name question naming no slot: typing would take the premise
])
def test_nothing_is_told_for_other_kinds(question, kind):
    assert opens_with_value(question, kind, cand("The talks failed. The minister said so on Monday.")) is None


CONTEXT_FIRST = ("In a statement, the palace said she died peacefully at Marlby Castle. She was the longest-reigning "
                 "queen, after ascending to the throne in 1961.")
OPENS = "Ysolde ascended to the throne in 1961, on the death of her father, King Aldric."
ELSEWHERE = "Mourners gathered outside Marlby Castle, laying flowers at its gates."
CANDS = [cand(CONTEXT_FIRST), cand(OPENS), cand(ELSEWHERE)]


def test_a_quote_opening_with_the_value_leads_when_nearly_as_relevant():
    assert opening_lead(THRONE, "when", CANDS, [1.15, 1.04, 1.20], [0, 1, 2], [0]) == [1]


@pytest.mark.parametrize("order, pool, kind, picked", [
    ([1.15, 0.95, 0.90], [0, 1, 2], "when", [0]),  # far less relevant: the pick stays
    ([1.15, 1.10, 0.90], [0, 2], "when", [0]),  # not in the answer pool
    ([1.15, 1.10, 0.90], [0, 1, 2], "reason", [0]),  # a kind the rule does not read
    ([1.00, 1.10, 0.90], [0, 1, 2], "when", [1]),  # the pick opens with the value itself
    ([1.00, 1.10, 0.90], [0, 1, 2], "when", [2]),  # the pick states no value at all: other rules judge it
    ([1.00, 1.10, 0.90], [0, 1, 2], "when", []),
])
def test_otherwise_the_pick_stays(order, pool, kind, picked):
    assert opening_lead(THRONE, kind, CANDS, order, pool, picked) == picked


def test_a_one_sentence_pick_stays():
    one = [cand("The palace said she had reigned since 1961 in a quiet ceremony at Marlby."), cand(OPENS)]
    # its first sentence is the whole quote: opening with the value or not is for other rules
    assert opening_lead(THRONE, "when", one, [1.1, 1.05], [0, 1], [0]) == [0]


def test_the_designer_is_named_in_the_first_sentence():
    cands = [cand("The gown adorned with pearls was made for the actress. It was based on a sketch by the famed "
                  "designer Ebbe Marlow."),
             cand("Conservators said the gown, designed by Ebbe Marlow, had lost dozens of pearls.")]
    assert opening_lead(DESIGNER, "name", cands, [0.91, 0.84], [0, 1], [0]) == [1]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_opening") / "data", DATA)


QUEEN = ("Queen Ysolde of Varnia, the kingdom's longest-serving monarch, died Thursday. When did she ascend to the "
         "throne?", "2026-05-22", "1961")
DOCKS = ("Dock workers at Port Halden ended their strike this week. How many days did the strike last?", "2026-06-13",
         "41 days")


@pytest.mark.parametrize("question, until, value", [QUEEN, DOCKS])
def test_the_value_opens_the_answer(engine, question, until, value):
    assert value in lead(engine, question, until)


@pytest.mark.parametrize("question, until, value", [QUEEN, DOCKS])
def test_without_the_rule_the_context_opened_it(engine, question, until, value, monkeypatch):
    import rag.writers.answering as answering

    monkeypatch.setattr(answering, "opening_lead", lambda question, kind, cands, order, pool, picked: picked)
    # since s56 the count lead's act rule (a count must be of the asked act: "last") also puts the docks' 41 days first
    monkeypatch.setattr(answering, "count_lead", lambda question, kind, texts, order, pool, picked: picked)
    assert value not in lead(engine, question, until)
