"""An actor's own account of its act in a participle clause after it ("…, saying it needed more time to review …") is
a stated reason.

The kind (s60's fresh user, F4; new texts written for s61): "Why did KISA postpone the decision on <company>?" was
answered "The sources give no stated reason; <headline>" while the report said the agency postponed it "saying it
needed more time to review the company's … controls": only cause and purpose cues, "citing …" and the finite verbs
of giving reasons were read. ``answer_kinds.toml`` ``[reason] cited_reason`` now reads ", saying / explaining /
arguing … (that) <subject> <verb>" after the act; not what the actor says it will do ("…, saying it would appeal"),
nor "quoted as saying", nor a clause saying nothing ("saying little").

Unit specs of ``answer_kind.states_reason``, then end to end through the real Engine over two short articles written
here, each giving its reason only in such a clause.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_kind import states_reason
from rag.writers.stated_reason import UNSTATED_LEAD


@pytest.mark.parametrize("text", [
    "The customs office held the shipment for a week, saying it needed more time to check the origin certificates.",
    "The court delayed the hearing, saying the defence had not received the case files.",
    "The airline grounded two jets, explaining that their engines had failed an inspection.",
    "Regulators rejected the merger, arguing that it was likely to raise freight prices.",
    "The club withdrew from the league, saying its stadium lacked floodlights.",
])
def test_an_account_in_a_participle_clause_states_a_reason(text):
    assert states_reason(text), text


@pytest.mark.parametrize("text", [
    "The firm rejected the ruling, saying it would appeal.",
    "The company lost the case, saying it plans to file again.",
    "The minister was quoted as saying the talks had stalled.",
    "Ministers met on Monday, saying little afterwards.",
    "The mayor opened the bridge on Friday.",
])
def test_a_clause_of_what_comes_next_or_no_account_states_no_reason(text):
    assert not states_reason(text), text


ARTICLES = [
    ("01_canal.md", "2026-04-02", "Canal authority pauses toll rise",
     "PANAMA CITY, April 2 - The canal authority on Wednesday put off a planned rise in transit tolls for container "
     "ships, saying shipping lines needed more time to adjust their schedules.\n\nThe rise, first announced in "
     "January, would have added about 9% to the cost of a crossing."),
    ("02_museum.md", "2026-07-19", "City museum shuts east wing",
     "GHENT, July 19 - The city museum closed its east wing to visitors on Saturday, explaining that the roof beams "
     "had been weakened by a leak.\n\nThe wing holds the museum's collection of Flemish tapestries."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("reason_saying"), ARTICLES)


@pytest.mark.parametrize("question, says", [
    ("Why did the canal authority put off the toll rise?", "needed more time to adjust"),
    ("Why did the city museum close its east wing?", "roof beams had been weakened"),
])
def test_ask_gives_the_account_as_the_reason(engine, question, says):
    answer = answer_text(engine.write(question, template="answer"))
    assert not answer.startswith(UNSTATED_LEAD.strip()), answer
    assert says in answer.split(". ")[0], answer  # the first sentence gives it
