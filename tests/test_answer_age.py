"""An age question ("How old is he?", "What is his age?", "At what age …?") is answered by a number given as an age.

RealTime QA's fit half (full index, h/pool-s35): for "President Joe Biden celebrated a milestone birthday this week.
What is his age?" the answer opened with "Two people familiar with the planning of the wedding say it was not a
coincidence …": an age question read no measure and counted no noun (``answer_value.asked_value(...).measure`` None,
``head`` None), so any number typed the sentence as answering, and its "Two" won over "President Joe Biden turns 80
years old on Sunday" of the same pool. And "Belgian British 17-year-old Mack Rutherford" had its age blanked as a
name's number ("British 17", ``answer_value._NAMED_NUMBER_RE``), so a lead "A 17-year-old has become the youngest
…" stood uncorroborated. The age is now a measure (``[measure].age_*`` of ``rag/text/data/answer_values.toml``): the
number must be given as an age (``answer_value.gives_age``), a sentence of a document the answer pool quotes whose
first sentence gives one joins the pool below its relevance cut (``answer_slot.fills_age``: the sentences saying "age"
repeat more of the question than "… turns 80 on Sunday" does), and a number joined to its unit by a hyphen is no
name's number.

The age is the asked person's: one given to another person named before it in its clause ("By comparison … Trump left
office at the age of 74", the first version's lead for Biden's age on the fit half) does not answer
(``answer_value.ages_another``; read only when the question names the person: "How old is he?" cannot tell).

The inputs are written here: questions asking an age and others, sentences giving an age in nine forms and numbers of
seven other sorts and three ages of other people, and four short reports (tests/data/answer_age/) for the end to end checks through the real Engine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from answer_kind_doubles import gives
from conftest import answer_lead as lead, engine_over

from rag.writers.answer_slot import fills_age
from rag.writers.answer_value import asked_value, quantity_text

DATA = Path(__file__).resolve().parent / "data" / "answer_age"

BIRTHDAY = "President Aldo Venn celebrated a milestone birthday this week. What is his age?"
PILOT = "A teenager became the youngest person to fly solo around the world. How old is he?"
DIED = "The singer died this week. At what age did she die?"


@pytest.mark.parametrize("question", [
    BIRTHDAY, PILOT, DIED, "How old was the queen when she ascended the throne?", "What was her age?",
    "Which age group … no: how old is the oldest tree in the park?",
])
def test_an_age_question_asks_the_age_measure(question):
    assert asked_value(question).measure == "age"


@pytest.mark.parametrize("question", [
    "How many years did he serve in the Senate?", "How much did the repairs cost?", "How long did the strike last?",
    "What percentage of voters backed the plan?", "What is the voting age limit law called?",
])
def test_other_number_questions_do_not(question):
    assert asked_value(question).measure != "age"


@pytest.mark.parametrize("question, sentence", [
    (BIRTHDAY, "President Aldo Venn turns 80 on Sunday."),
    (BIRTHDAY, "The president, who turned 80 on Sunday, spent the day with his family."),
    (BIRTHDAY, "Venn, 80, is the oldest head of state the country has had."),
    (BIRTHDAY, "The president is now 80 years old."),
    (PILOT, "A 17-year-old has become the youngest person to fly solo around the world."),
    (PILOT, "Norlandic Belgian 17-year-old Tomas Greve touched down near the old airstrip."),
    ("How old is the pilot Tomas Greve?", "Norlandic Belgian 17-year-old Tomas Greve touched down."),
    (DIED, "She died at the age of 73 at her ranch."),
    (DIED, "The singer, aged 73, died at her ranch on Monday."),
])
def test_a_number_given_as_an_age_answers(question, sentence):
    assert gives(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    (BIRTHDAY, "Two people familiar with the planning say the date was no coincidence."),
    (BIRTHDAY, "He served 12 years in the Senate before his first term."),
    (BIRTHDAY, "The 30-year mortgage rate rose again this week."),
    (BIRTHDAY, "The party will be held on Nov. 20 at the palace."),
    (BIRTHDAY, "He has 7 grandchildren, aides said."),
    (PILOT, "His journey took him through 52 countries on five continents."),
    (DIED, "She starred in 3 films with the same director."),
    # another person's age, named before it in its clause
    (BIRTHDAY, "By comparison, older leaders still had years on Venn – Halvard Osk left office at the age of 74."),
    (BIRTHDAY, "Past presidents were younger, and Ilse Brandvold left office at 77 years old."),
    ("How old is the pilot Tomas Greve?", "His teammate Lina Holt set the record at the age of 19."),
    ("How old is the pilot Tomas Greve?", "The 19-year-old Lina Holt set the record for women."),
])
def test_any_other_number_does_not(question, sentence):
    assert not gives(question, sentence)


@pytest.mark.parametrize("question, text, fills", [
    (BIRTHDAY, "President Aldo Venn is turning 80 this weekend, but the big party is for another reason.", True),
    (BIRTHDAY, "Venn, 80, spent the day with his family. Two aides joined them.", True),
    (BIRTHDAY, "Two people familiar with the planning say the date was no coincidence.", False),
    # the age only after the first sentence: the lead must open with it
    (BIRTHDAY, "Two aides planned the lunch. Venn turns 80 on Sunday.", False),
    # a question asking no age has no age slot
    ("How many days did the premier last in office?", "Osk, 52, lasted 38 days in office.", False),
])
def test_the_age_slot_is_filled_by_the_first_sentences_age(question, text, fills):
    assert fills_age(question, text) is fills


def test_a_hyphened_age_after_a_nationality_is_no_names_number():
    assert "17-year-old" in quantity_text("Norlandic Belgian 17-year-old Tomas Greve touched down.")
    # the numbers of names still count nothing
    assert "42" not in quantity_text("officials ended the Title 42 policy")
    assert "737" not in quantity_text("the airline grounded its Boeing 737 jets")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_age") / "data", DATA)


def test_the_age_opens_the_answer_not_another_number(engine):
    assert "80" in lead(engine, BIRTHDAY, "2026-11-20")


def test_without_the_age_measure_no_age_opens_it(engine, monkeypatch):
    """Switched off (an age question reads no measure): the answer abstains or opens with another sentence. The asked
    sentence is read as asked ("What is his age?"): read with the background's name in the pronoun's place
    (``asked_referent``), the sentence naming Venn is nearest whatever the measure."""
    import rag.writers.answer_value as answer_value
    import rag.writers.asked_view as asked_view
    from rag.types import SearchFilters

    monkeypatch.setattr(answer_value, "_asks_age", lambda low: False)
    monkeypatch.setattr(asked_view, "with_referent", lambda asked, background: asked)
    brief = engine.write(BIRTHDAY, template="answer", filters=SearchFilters(until="2026-11-20"))
    assert brief.abstained or "80" not in lead(engine, BIRTHDAY, "2026-11-20")


def test_the_abstention_gate_reads_the_age(engine, monkeypatch):
    """The sentences giving the age repeat none of "age" ("… turned 80 years old on Sunday, becoming the first
    octogenarian …", key-term coverage 0.15 against 0.71 for "… rather than his age"): with the gate not reading the age
    slot (``answer_slot.fills_age`` in ``_answerable``) the answer abstains, though the age is in its most relevant
    sentences. The asked sentence read about Venn (``asked_referent``) brings the sentence giving the age into the
    answer pool by its cosine: off here too, so that the gate's own reading is what is tested."""
    import rag.writers.answering as answering
    import rag.writers.asked_view as asked_view
    from rag.types import SearchFilters

    monkeypatch.setattr(answering, "fills_age", lambda question, text: False)
    monkeypatch.setattr(asked_view, "with_referent", lambda asked, background: asked)
    assert engine.write(BIRTHDAY, template="answer", filters=SearchFilters(until="2026-11-20")).abstained


def test_the_pilots_age_answers(engine):
    assert "17" in lead(engine, "A Norlandic-Belgian teenager became the youngest person to fly solo around the world "
                                "in a small aircraft. How old is he?", "2026-08-26")
