"""A "which <people>" question is answered by people's names; a report of the event that names no one is a partial
answer saying the names are missing, whatever verb of the event the question uses.

Kind (found by a user on the sample corpus: "Which tech executives were arrested for chip smuggling?" was answered
with a judgement about "gray-market flows … niche ICs" while "… held …" got the partial answer). The mechanism: a
sentence counted as naming people when it held any capitalised name not in the question, and "ICs" or "East Asia"
passed as a person's name; a question whose verb the report words otherwise ("arrested" for "detained") then
reached such a sentence before the report of the event. An acronym ("NCA", "ICs") and a region ("East Asia",
"Southeast Asia": ``region_words`` of regions.toml) are not people.

The inputs are written for this test (``tests/data/answer_people/``): unnamed shipping executives detained in
Valport, with an agency's acronym, "ICs" and two regions in the same report; two brokers charged by name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.abstention_text import partial_parts
from rag.writers.answer_value import is_person_name

DATA = Path(__file__).resolve().parent / "data" / "answer_people"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_people") / "data", DATA)


@pytest.mark.parametrize("name, person", [
    ("East Asia", False), ("Southeast Asia", False), ("Latin America", False), ("Middle East", False),
    ("Asia", False), ("ICs", False), ("EVs", False), ("NCA", False),
    ("Marta Lindqvist", True), ("Oskar Brennan", True), ("Kim In-chul", True), ("Jack Ma", True),
    ("Lindqvist", True),
])
def test_regions_and_acronyms_are_not_peoples_names(name, person):
    assert is_person_name(name) is person


@pytest.mark.parametrize("question", [
    "Which shipping executives were arrested over drone engine exports?",
    "Which shipping executives were detained over drone engine exports?",
    "Which shipping executives were charged over the drone engine exports?",
    "Which shipping executives were indicted over drone engine exports?",
    "Which shipping executives were jailed over drone engine exports?",
    "Which shipping executives were held in Valport over drone engines?",
])
def test_which_people_is_partial_when_the_report_names_none(engine, question):
    brief = engine.write(question, template="answer")
    assert brief.abstained, answer_text(brief)
    parts = partial_parts(brief.message or "")
    assert parts is not None, brief.message
    _, quote, missing = parts
    assert "shipping executives" in quote, quote
    assert missing.startswith("the names"), missing


@pytest.mark.parametrize("question", [
    "Which brokers were charged with smuggling turbine parts?",
    "Which brokers were arrested for smuggling turbine parts?",
])
def test_which_people_is_answered_by_the_names_a_report_gives(engine, question):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    first = first_sentence(answer_text(brief))
    assert "Marta Lindqvist" in first and "Oskar Brennan" in first, first
