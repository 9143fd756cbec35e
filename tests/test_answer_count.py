"""A "how many <noun>" answer opens with the number of that noun, not with the premise restated in another measure.

RealTime QA's fit half (full index, h/pool-s34): for "British Prime Minister Liz Truss resigned from her post after
how many days in office?" the answer opened with "Liz Truss became the shortest-serving leader in British political
history after she resigned Thursday less than two months into the job." The same report said "Truss, 47, lasted 45
days in office." two sentences on, but that sentence repeats less of the question, so it fell below the answer pool's
relevance cut (0.464 against the premise's 0.708; the cut is 0.15 below the best) and could not lead whatever its
value. The slot of a "how many <noun>" question is a number counting that noun (``answer_slot.fills_count``): such a
sentence of a document the pool already quotes joins the pool, and leads over a pick whose numbers count no asked
noun, within ``[count].gap`` of ``rag/text/data/answer_slots.toml`` (``answer_slot.count_lead``).

The inputs below are written here: sentences for the unit checks (several questions and nouns, the premise restated
in another unit, another noun counted, a year, the question's own number), and short reports
(tests/data/answer_count/) for the end to end checks through the real Engine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_lead as lead, engine_over

from rag.writers.answer_slot import count_lead, fills_count

DATA = Path(__file__).resolve().parent / "data" / "answer_count"

DAYS = "The premier resigned from her post after how many days in office?"
FERRIES = "The harbour authority grounded its fleet this week. How many ferries were taken out of service?"
MONTHS = "A court extended the player's detention pending her trial. How many months was her detention extended?"
SEATS = "How many seats did the party win in Sunday's election?"
EMPLOYEES = "The chipmaker announced layoffs this week. Approximately how many employees were let go?"


@pytest.mark.parametrize("question, text", [
    (DAYS, "Osk, 52, lasted 38 days in office."),
    (DAYS, "The 52-year-old party leader lasted just 38 days in office."),
    (DAYS, "She resigned on Oct. 20 after 38 days."),
    (FERRIES, "In all, 14 ferries were taken out of service until their hulls are repaired."),
    (MONTHS, "The court ruled her detention be extended six months pending the trial's outcome."),
    (SEATS, "The Green Alliance won 41 seats, up from 29."),
    (EMPLOYEES, "The company is cutting about 11,000 employees, or 13% of its staff."),
    (EMPLOYEES, "Roughly 2.5 thousand employees will lose their jobs, the firm said."),
])
def test_a_number_of_the_asked_noun_fills_the_slot(question, text):
    assert fills_count(question, text)


@pytest.mark.parametrize("question, text", [
    # the premise restated, counting the asked noun's class in another unit
    (DAYS, "She became the shortest-serving leader after she resigned Thursday, less than two months into the job."),
    (MONTHS, "Her detention, which began in February, has now lasted 20 weeks."),
    # another noun counted
    (FERRIES, "Commuters crowded onto 30 buses as the crossings stopped."),
    (SEATS, "Turnout reached 61%, with 4 million votes cast."),
    (EMPLOYEES, "The chipmaker runs 12 factories in three countries."),
    # a year, a date, the question's own number, no number at all
    (DAYS, "She took office in 2026 and left it on Oct. 20."),
    ("After 38 days in office the premier resigned. How many days did her successor serve?",
     "The premier resigned after 38 days in office, officials said."),
    (SEATS, "The party won a majority of the seats."),
    # the count after the first sentence: the lead must open with it
    (DAYS, "Her party will choose a successor next week. She lasted 38 days in office."),
])
def test_anything_else_does_not(question, text):
    assert not fills_count(question, text)


def test_a_question_counting_no_named_noun_has_no_count_slot():
    assert not fills_count("President Aldo celebrated a milestone birthday this week. What is his age?",
                           "President Aldo turns 80 on Sunday.")
    assert not fills_count("How much did the repairs cost?", "The repairs cost $14 million.")


PREMISE = "She became the shortest-serving leader after she resigned Thursday, less than two months into the job."
COUNT = "Osk, 52, lasted 38 days in office."
OTHER = "Her party will choose a successor from 3 candidates next week."
TEXTS = [PREMISE, COUNT, OTHER]


def test_the_count_leads_over_the_premise_within_the_gap():
    assert count_lead(DAYS, "number", TEXTS, [1.13, 0.89, 0.7], [0, 1, 2], [0]) == [1]


@pytest.mark.parametrize("kind, order, pool, picked", [
    ("number", [1.13, 0.60, 0.7], [0, 1, 2], [0]),  # too far below the pick ([count].gap 0.5)
    ("number", [1.13, 0.89, 0.7], [0, 2], [0]),  # not in the pool
    ("number", [0.89, 1.13, 0.7], [0, 1, 2], [1]),  # the pick already counts the asked noun
    ("date", [1.13, 0.89, 0.7], [0, 1, 2], [0]),  # another kind
    ("number", [1.13, 0.89, 0.7], [0, 1, 2], []),  # nothing picked
])
def test_otherwise_the_pick_stays(kind, order, pool, picked):
    assert count_lead(DAYS, kind, TEXTS, order, pool, picked) == picked


def test_a_pick_counting_the_asked_class_stays():
    """A number of another noun of the asked class counts the same things ("20 Japanese firms" for "how many
    companies"): the pick already answers, so a view counting "20 Japanese companies" does not replace the report
    (the seed suite's qa-021 was led by such a view in a first version). Units are another matter: months are not
    days (``[count].unit_classes`` of answer_values.toml)."""
    firms = "How many Japanese companies are affected by Norland's export restrictions?"
    texts = ["Norland Imposes Export Restrictions on 20 Japanese Firms",
             "Norland's restriction on exports to 20 Japanese companies is a strategic move likely aimed at Tokyo."]
    assert count_lead(firms, "number", texts, [1.2, 1.1], [0, 1], [0]) == [0]
    staff = "How many employees did the chipmaker lay off?"
    texts = ["The chipmaker laid off 11,000 workers on Tuesday.", "It is cutting 11,000 employees, analysts said."]
    assert count_lead(staff, "number", texts, [1.2, 1.1], [0, 1], [0]) == [0]
    tons = "How many tonnes of grain left the port?"
    texts = ["The port shipped 40,000 pounds of grain on its first day.", "In all, 2.1 million tonnes of grain left."]
    assert count_lead(tons, "number", texts, [1.2, 1.0], [0, 1], [0]) == [1]


def test_a_question_counting_no_named_noun_keeps_its_pick():
    age = "President Aldo celebrated a milestone birthday this week. What is his age?"
    texts = ["Two aides said the party was no coincidence.", "President Aldo turns 80 on Sunday."]
    assert count_lead(age, "number", texts, [0.94, 0.74], [0, 1], [0]) == [0]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_count") / "data", DATA)


PREMIER = ("Norland's Premier Halvard Osk resigned from her post after how many days in office?", "2026-10-23", "38 days")
# the count repeats none of the question's verb ("taken out of service" for "grounded"): the abstention gate does not
# read the count slot (a first version let it, and the follow-ups suite's pa-009 "How many troops took part in the
# Justice Mission 2025 exercises?" was answered by another story's "100,000 troops" of a document the pool quoted)
FLEET = ("The Vell harbour authority grounded its ferry fleet this week after a safety inspection. How many ferries were "
         "grounded?", "2026-11-06", "14 ferries")


def test_the_abstention_gate_does_not_read_the_count(engine):
    from rag.types import SearchFilters

    question, until, _ = FLEET
    assert engine.write(question, template="answer", filters=SearchFilters(until=until)).abstained


@pytest.mark.parametrize("question, until, value", [PREMIER])
def test_the_count_opens_the_answer(engine, question, until, value):
    assert value in lead(engine, question, until)


@pytest.mark.parametrize("question, until, value", [PREMIER])
def test_without_the_rule_the_premise_opened_it(engine, question, until, value, monkeypatch):
    """Switched off (no count joins the pool, nor leads): the premise restated opens the answer."""
    import rag.writers.answering as answering
    from rag.types import SearchFilters

    monkeypatch.setattr(answering, "count_lead", lambda question, kind, texts, order, pool, picked: picked)
    monkeypatch.setattr(answering, "fills_count", lambda question, text: False)
    brief = engine.write(question, template="answer", filters=SearchFilters(until=until))
    assert brief.abstained or value not in lead(engine, question, until)
