"""A when-follow-up is answered by the date of the event its previous answer led with (issue 10, s33).

s33's fresh user: ``printf 'What did China restrict?\\nWhen?\\n' | brief chat``. The first answer leads with
WorldWideWatchers' headline "China Imposes Export Restrictions on 20 Japanese Firms …" (2026-02-25) and quotes a
2020 essay after it for context. "When?" then led with the essay's "… the US actions to accelerate export controls
toward China today" and a CFIUS law of August 2018: both stories the answer quoted stayed in the evidence
(``followup.stay_on_story``), and the essay's time words outranked the undated headline. The kind: "When?",
"What year?", "On what date?" ask when the answered event happened, i.e. the event the answer led with; another
quoted story's time word is not its date. Only the answer's first passage is carried as said for a date-asking
follow-up; its source's date stands in, labelled, when it gives none (``report_date``). Other follow-ups ("How
many?", "Who said that?") keep every quoted story.
"""

from __future__ import annotations

import pytest

from rag.followup import resolve_follow_up, stay_on_story
from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.types import Turn
from test_followup_story import _Chunk, _Hit, conversation

HEADLINE = "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo"
ESSAY = ("With its own entity list, the Chinese government seeks to impose sanctions on foreign enterprises halting "
         "shipments to Chinese corporations.")
CHINA_ANSWER = (f"WorldWideWatchers (AI-generated brief, 2026) reports: “{HEADLINE}” [1] Hosokawa Masahiko (2020 "
                f"essay) writes: “{ESSAY}” [2]")
# hand-made: a port story led by a news report, then a think-tank paper's dated sentence about something else
PORT_LEAD = "Rotterdam suspended the berthing of two Chinese-owned container ships after a customs inspection."
PORT_CONTEXT = "In March 2018 the commission first proposed screening of foreign investment in port operators."
PORT_ANSWER = f"Reuters reports: “{PORT_LEAD}” [1] A Bruegel paper writes: “{PORT_CONTEXT}” [2]"


@pytest.mark.parametrize("question, answer, lead", [
    ("What did China restrict?", CHINA_ANSWER, HEADLINE),
    ("What did the Dutch port do?", PORT_ANSWER, PORT_LEAD),
])
@pytest.mark.parametrize("follow_up", ["When?", "When was that?", "When was it reported?",
                                       "When did it happen?"])
def test_a_when_follow_up_carries_only_the_passage_the_answer_led_with(question, answer, lead, follow_up):
    resolved = resolve_follow_up(follow_up, conversation(question, answer))
    assert resolved.said == (lead,)


# ("Why?" after "What did China restrict?" is asked as "Why did China restrict?" since s37: followup.asked_of_act)
@pytest.mark.parametrize("follow_up", ["How many?", "Who said that?", "Who else?"])
def test_other_asking_word_follow_ups_carry_every_quoted_passage(follow_up):
    resolved = resolve_follow_up(follow_up, conversation("What did China restrict?", CHINA_ANSWER))
    assert resolved.said == (HEADLINE, ESSAY)


HITS = [
    _Hit(_Chunk(f"In March 2018 the commission first proposed screening. {PORT_CONTEXT}"), "paper"),
    _Hit(_Chunk(f"{PORT_LEAD} The port authority did not comment."), "port"),
    _Hit(_Chunk("Today the US accelerates export controls toward China. " + ESSAY), "essay"),
    _Hit(_Chunk(f"{HEADLINE}\n\nPublished on: 2026-02-25"), "twenty"),
]


@pytest.mark.parametrize("question, answer, story", [
    ("What did China restrict?", CHINA_ANSWER, "twenty"),
    ("What did the Dutch port do?", PORT_ANSWER, "port"),
])
def test_the_evidence_of_a_when_follow_up_is_the_lead_story_alone(question, answer, story):
    said = resolve_follow_up("When?", conversation(question, answer)).said
    assert [h.story for h in stay_on_story(HITS, said, lambda h: h.story)] == [story]


# -- end to end over the sample corpus ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def _ask(engine: Engine, question: str, history: list[Turn]) -> tuple[str, str]:
    shown = answer_with_sources(engine.write(question, template="answer", history=history))
    return shown.split("\n\nSources:")[0].split("\n\nClosest sources found:")[0], shown


@pytest.mark.parametrize("first_question", ["What did China restrict?", "Which Japanese companies did China restrict?"])
@pytest.mark.parametrize("follow_up", ["When?", "When was that?"])
def test_when_after_chinas_restrictions_gives_the_restrictions_report_date(sample_engine, first_question, follow_up):
    first, _ = _ask(sample_engine, first_question, [])
    assert "20 Japanese" in first
    text, shown = _ask(sample_engine, follow_up, conversation(first_question, first))
    # the 2020 essay's "today" and its 2018 law are another story's time, not the restriction's date
    assert "Hosokawa" not in text and "2018" not in text and "today" not in text, text
    assert "20 Japanese" in text and "2026-02-25" in text, text
