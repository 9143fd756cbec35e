"""A "how many" question asking what something holds ("How many firms are on the blacklist?") is answered by the
count of the noun told as a state ("The blacklist now holds 212 names …"), not by the count of a change to it ("…
added five drone makers to its export blacklist"), which repeats more of the question and so led, with the report's
headline of the change before it (``answer_slot.change_for_state``, in ``count_lead`` and ``answering._headline``;
data ``[count].state_verbs`` / ``change_verbs`` in rag/text/data/answer_slots.toml). A question of the change ("How
many firms did Norvia add …?") keeps the change's count.

From s61's fresh user (F6: "How many entities are on … entity list?" answered with "added eight Chinese companies");
the reports below are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, answer_of, engine_over_articles

from rag.writers.answer_slot import change_for_state

ARTICLES = [
    ("01_blacklist.md", "2026-09-15", "Norvia adds five drone makers to export blacklist",
     "Norvia's trade ministry on Monday added five Kestrian drone makers, including a subsidiary of Arvo Dynamics, "
     "to its export blacklist of firms barred from buying dual-use goods. "
     "Exporters now need a ministry permit for any shipment to the five. "
     "The blacklist now holds 212 firms, the ministry said. "
     "Kestria's foreign office called the move hostile."),
    ("02_register.md", "2026-10-02", "Ostravia trims its sanctions register",
     "Ostravia's finance ministry on Thursday removed 12 shipping companies from its sanctions register after a "
     "review of their ownership. "
     "The register still lists 340 companies, most of them in Kestria. "
     "Shipowners' groups welcomed the review."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("count_state"), ARTICLES)


def test_how_many_on_the_list_is_the_lists_size(engine):
    answer = answer_of(engine, "How many firms are on Norvia's export blacklist?", "2026-09-20")
    assert "212" in lead(engine, "How many firms are on Norvia's export blacklist?", "2026-09-20")
    assert not answer.startswith("Headline")


def test_how_many_on_the_register_is_its_size(engine):
    assert "340" in lead(engine, "How many companies are on Ostravia's sanctions register?", "2026-10-05")


def test_how_many_added_keeps_the_change(engine):
    assert "five" in lead(engine, "How many drone makers did Norvia add to its export blacklist?", "2026-09-20")


def test_how_many_removed_keeps_the_change(engine):
    assert "12" in lead(engine, "How many shipping companies did Ostravia remove from its sanctions register?",
                        "2026-10-05")


@pytest.mark.parametrize("question, text", [
    ("How many firms are on the blacklist?", "The ministry added five firms to the blacklist."),
    ("How many members does the club have?", "The club's membership rose by 40 this year."),
    ("How many companies does the register contain?", "The ministry removed 12 companies from the register."),
    ("How many entities are on the list?", "Japan adds 14 chip-inspection tools to export list"),
])
def test_a_change_is_no_answer_to_a_state(question, text):
    assert change_for_state(question, text)


@pytest.mark.parametrize("question, text", [
    ("How many firms are on the blacklist?", "The blacklist now holds 212 firms."),  # the state itself
    ("How many firms were added to the blacklist?", "The ministry added five firms to the blacklist."),  # a change asked
    ("How many firms did the ministry remove?", "The ministry removed 12 firms."),
    ("When was the blacklist created?", "The ministry added five firms to the blacklist."),  # no count asked
])
def test_otherwise_no_change_for_a_state(question, text):
    assert not change_for_state(question, text)


@pytest.mark.parametrize("question, text", [
    # a general act ([count].general_acts) asks an act in other words, not a state: the layoff's count answers it
    ("How many employees were affected by the restructuring?",
     "The carmaker said it is laying off 4,000 employees, the deepest job cuts in its history."),
    ("How many workers were involved in the strike?", "The union said pay rose 3% after the strike."),
])
def test_a_general_act_asks_no_state(question, text):
    assert not change_for_state(question, text)
