"""A list question's members are named by the sentence that fills its slot ("Which drones did Norvia add …?" → "The
listed drones include the Kestrel X4, the Harrier Mini and …"), though another report restating the question's
premise beside a list of its own ("… banned exports of cobalt, nickel, tungsten and rare-earth magnets …, two days
after Norvia … added seven drone models to its export-control list") repeats more of the question's words. The slot
reader (``answer_slot.slot_lead``) chose the filler for names, things and terms only, within a gap of the hand rule's
pick; a list is now one of ``[lead].kinds`` and its filler leads at any gap within the answer pool
(``[lead].gap_free``, rag/text/data/answer_slots.toml).

From s59's fresh user ("Which chipmaking tools did Japan add …?" led with China's retaliatory ban); the reports
below are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_slot import slot_lead

ARTICLES = [
    ("01_drones.md", "2026-04-14", "Norvia adds drone models to its export-control list",
     "Norvia's economy ministry on Tuesday added seven drone models to its export-control list, citing their possible "
     "military use. The listed drones include the Kestrel X4, the Harrier Mini and two cargo models made by Velda Aero. "
     "Exporters must now apply for a licence for each shipment."),
    ("02_magnets.md", "2026-04-16", "Ostravia bans rare-earth magnet exports to Norvian defence firms",
     "Ostravia's trade office on Thursday banned exports of cobalt, nickel, tungsten and rare-earth magnets to defence "
     "firms in Norvia, two days after Norvia's economy ministry added seven drone models to its export-control list. "
     "Ostravia's trade office called the list a hostile act and said more steps could follow."),
    ("03_ferries.md", "2026-06-02", "Port Selm retires part of its ferry fleet",
     "Port Selm's transport board on Monday retired four ferries from its harbour fleet after safety checks. "
     "The retired ferries are the Gull, the Marten, the Osprey and the Tern, all built before 1990. "
     "The board said two new electric boats would enter service in the autumn, and the harbour fleet will shrink "
     "for the summer."),
    ("04_harbour.md", "2026-06-03", "Harbour fleet cuts leave island commuters waiting",
     "Commuters on Vell Island, Brack Island, Tolley and Heddon waited up to two hours on Tuesday after Port Selm's "
     "transport board retired four ferries from its harbour fleet. Island councillors asked the board to restore the "
     "morning service."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("list_slot"), ARTICLES)


def test_the_drones_added_lead_not_the_other_sides_ban(engine):
    text = lead(engine, "Which drones did Norvia add to its export-control list?", "2026-04-20")
    assert "Kestrel X4" in text


def test_the_ferries_retired_lead_not_the_commuters_islands(engine):
    text = lead(engine, "Which ferries did Port Selm's transport board retire from its harbour fleet?", "2026-06-05")
    assert "the Gull" in text


RESTATED = "Ostravia on Thursday banned cobalt and nickel exports after Norvia added seven drone models to its list."
FILLER = "The listed drones include the Kestrel X4 and the Harrier Mini."
ASIDE = "Norvia added seven drone models to its export-control list on Tuesday."


@pytest.mark.parametrize("order", [(1.4, 1.1, 1.0), (1.4, 1.35, 1.0)])
def test_a_lists_filler_leads_at_any_gap(order):
    texts = [RESTATED, FILLER, ASIDE]
    assert slot_lead("Which drones did Norvia add to its export-control list?", "list", texts, order,
                     [0, 1, 2], [0]) == [1]


def test_a_names_filler_still_leads_only_within_its_gap():
    texts = ["The Velda Aero chief executive praised Norvia's decision on the drone list on Tuesday.",
             "The list's drafting was led by the ministry's adviser Marta Ilves, who chairs its export panel."]
    question = "Which adviser drafted Norvia's drone list?"
    assert slot_lead(question, "name", texts, (1.4, 1.35), [0, 1], [0]) == [1]
    assert slot_lead(question, "name", texts, (1.4, 1.1), [0, 1], [0]) == [0]


def test_a_list_sentence_already_filling_the_slot_stays():
    texts = [FILLER, RESTATED]
    assert slot_lead("Which drones did Norvia add to its export-control list?", "list", texts, (1.0, 1.4),
                     [0, 1], [0]) == [0]


# A list's filler leading at any gap makes the slot reader's own misreadings lead too; RealTime QA's fit half showed
# a number word read as the slot noun past a name with digits ("which two Delta-9 clubs"):


@pytest.mark.parametrize("question, noun", [
    ("Which two Delta-9 clubs are leaving the league for the Northern Cup?", "club"),
    ("Which three G20 members will host the talks?", "member"),
])
def test_a_names_part_with_digits_is_no_slot_noun(question, noun):
    from rag.writers.answer_slot import asked_slot
    from rag.writers.key_terms import stem

    nouns = asked_slot(question).nouns
    assert stem(noun) in nouns and not {stem("two"), stem("three")} & nouns


def test_a_lists_slot_is_filled_by_a_list_not_by_one_member_beside_the_class_word():
    # the follow-ups gate: "Which companies does the brief list as key entities?" led with an essay's "Another
    # symbolic example is Taiwanese semiconductor giant …" past the brief's labelled list of companies
    texts = ["Key Entities: Brask Avionics, Velda Aero, Orlan Freight and Kestrel Marine.",
             "Another example is the shipping giant Orlan Freight, which has found itself between the two governments."]
    question = "Which companies does the brief list as key entities?"
    assert slot_lead(question, "list", texts, (1.4, 1.0), [0, 1], [0]) == [0]
    assert slot_lead(question, "list", texts, (1.0, 1.4), [0, 1], [1]) == [1]
