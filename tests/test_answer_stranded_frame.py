"""A question in other words than its answer (s69's user, F6): "What were the GPUs declared as?" over a report that
writes "graphics processors" and "the shipment was declared as network servers" abstained ("none of the passages
mentions GPUs") or led with the story's lede. Two readers: a field acronym's plural is read as the plural of its
expansion the passage writes ("GPUs" → "graphics chips", ``initials.acronym_form``, ``field_acronyms.toml`` v2,
``name_readings.acronym_reading``, ``unmentioned``), and a question ending on its verb and a preposition is answered
by the sentence putting a value right after them (``stranded_slot``, ``answer_slots.toml`` v10 ``[stranded]``).

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.support.name_readings import acronym_reading
from rag.writers.stranded_slot import fills_frame, stranded_frame


@pytest.mark.parametrize("question, frame", [
    ("What were the GPUs invoiced as?", ("invoic", "as")),
    ("What was the cargo relabelled as?", ("relabel", "as")),
    ("What did the plant switch to?", ("switch", "to")),
    ("What is it for?", None),  # a stop word before the preposition
    ("What did the ministry add?", None),
])
def test_the_verb_and_preposition_a_question_strands(question, frame):
    got = stranded_frame(question)
    assert (None if got is None else (got.verb, got.prep)) == frame


@pytest.mark.parametrize("text, fills", [
    ("Customs said the cargo was invoiced as gaming consoles when it left Port Klang.", True),
    ("The GPUs were invoiced as GPUs.", False),  # only the question's own word after the frame
    ("Police charged two men with shipping graphics chips to Malaysia.", False),
    ("The firm invoiced the buyer as agreed, as consoles.", False),  # no value right after the verb and "as"
])
def test_a_sentence_filling_the_stranded_frame(text, fills):
    assert fills_frame(stranded_frame("What were the GPUs invoiced as?"), text) is fills


def test_a_field_acronyms_plural_is_read_as_the_plural_the_passage_writes():
    passage = "Police charged two men with shipping servers packed with graphics chips to Malaysia."
    assert acronym_reading("What were the GPUs invoiced as?", passage) == "What were the graphics chips invoiced as?"
    assert acronym_reading("What were the GPUs invoiced as?", "The harbour festival opened.") == (
        "What were the GPUs invoiced as?")


ARTICLES = [
    ("01_chips.md", "2026-07-08", "Two charged over graphics chip shipments to Malaysia",
     "Singapore police charged two men on Tuesday with shipping servers packed with high-end graphics chips to "
     "Malaysia in breach of export licensing rules.\n\n"
     "Customs records show the cargo was invoiced as gaming consoles when it left the port in March.\n\n"
     "The men face fines of up to S$100,000 each."),
    ("02_switch.md", "2026-07-09", "Ulsan smelter cuts coal use",
     "The Ulsan zinc smelter will stop burning coal at its main furnace next year, its owner said.\n\n"
     "The furnace is being converted to run on liquefied natural gas, the company said."),
    ("03_other.md", "2026-07-07", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("stranded"), ARTICLES)


def test_an_acronym_the_report_writes_out_and_a_value_after_the_stranded_verb(engine):
    lead = answer_lead(engine, "What were the GPUs invoiced as?", "2026-07-31")
    assert "gaming consoles" in lead, lead


def test_a_value_after_the_stranded_verb_leads_over_the_lede(engine):
    lead = answer_lead(engine, "What is the Ulsan smelter's furnace being converted to?", "2026-07-31")
    assert "liquefied natural gas" in lead, lead
