"""A reason the actor states in a purpose infinitive ("the measure was needed to …") is a stated reason, and it
answers "why?" before another outlet's opinion of the act ("We think the measure matters because …").

The kind (s64's fresh user, F11; new texts written for s65): "Why did Korea tighten its review of chip equipment
exports?" was answered by an advisory's "We think the Korean measure is more significant than its scope suggests,
because …", while the ministry's report said the minister "told reporters the measure was needed to "align with
allies" after …". A purpose infinitive after a passive copula ("was needed to", "were meant to", "aims to") was no
reason cue (``answer_kinds.toml`` [reason] ``stated_cues``), and a writer's own first-person judgement ("We think",
"In our view": [reason] ``views``) holding "because" outranked it (``stated_reason.writers_view``).

Unit specs of ``answer_kind.states_reason`` and ``stated_reason.writers_view``, then end to end through the real
Engine over a ministry report and an advisory's weekly note written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_kind import states_reason
from rag.writers.stated_reason import writers_view


@pytest.mark.parametrize("text", [
    "The deputy minister said the quota was needed to keep enough rare earths for domestic magnet makers.",
    "Officials said the inspections were meant to stop dual-use lathes reaching weapons plants.",
    "The new licence regime aims to close a loophole used by re-exporters in third countries.",
    "A spokesman said the checks were necessary to protect the grid from tampering.",
])
def test_a_purpose_infinitive_states_a_reason(text):
    assert states_reason(text), text


@pytest.mark.parametrize("text", [
    "The ministry said it needed two more weeks to publish the list.",  # what it needs, not why it acted
    "The council is meant to meet again in March.",
    "The agency was founded in 1998.",
])
def test_no_purpose_no_reason(text):
    assert not states_reason(text), text


@pytest.mark.parametrize("text, view", [
    ("We think the quota matters more than its size suggests, because it is Hanoi's first export cap.", True),
    ("In our view the rule is mostly symbolic, since few firms ship the tools.", True),
    ("We believe Ottawa acted because of pressure from its allies.", True),
    ("The minister said the quota was needed because domestic stocks were low.", False),
    ("Analysts said the move was expected.", False),
])
def test_a_writers_own_judgement_is_a_view(text, view):
    assert writers_view(text) is view


ARTICLES = [
    ("01_ministry.md", "2026-05-12", "Vietnam caps rare earth exports",
     "HANOI, May 12 - Vietnam's trade ministry on Tuesday capped exports of rare earth oxides at 2,000 tonnes a year. "
     "Deputy Minister Tran Van Hoa told reporters the cap was needed to keep enough supply for domestic magnet "
     "makers after two Japanese firms announced plants near Hai Phong.\n\nThe cap takes effect on July 1."),
    ("02_note.md", "2026-05-15", "Weekly note: Southeast Asia supply chains",
     "Our view\n\nWe think Vietnam's rare earth cap on exports is more important than its size suggests, because it "
     "is the first time Hanoi has capped a critical mineral.\n\nWatch next week: whether Malaysia follows."),
    ("03_canada.md", "2026-08-03", "Canada tightens drone part exports",
     "OTTAWA, Aug 3 - Canada on Monday tightened licensing for exports of drone engines. Officials said the rules "
     "were meant to stop Canadian engines from reaching Russian drone factories through Central Asia.\n\n"
     "Exporters have 60 days to apply for the new licences."),
    ("04_column.md", "2026-08-06", "Column: Ottawa's drone rules",
     "In our view Canada tightened drone engine exports because Washington pressed it to, and the rules will "
     "change little."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("reason_purpose"), ARTICLES)


@pytest.mark.parametrize("question, says", [
    ("Why did Vietnam cap rare earth exports?", "needed to keep enough supply"),
    ("Why did Canada tighten licensing for drone engine exports?", "meant to stop Canadian engines"),
])
def test_ask_leads_with_the_stated_purpose(engine, question, says):
    answer = answer_text(engine.write(question, template="answer"))
    assert says in answer.split(". ")[0], answer
