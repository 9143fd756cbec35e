""""Who owns / operates / is building X?" is answered by the sentence naming the doer by the act's agent noun
(issue 10, abstention's other-story answers; h/abstain-s64; seen in s63: the follow-up "Who owns it?" after an answer
about a subsea cable).

The kind: the question asks who does an act; the report names the doers by the noun the act makes ("Its owners
include …", "The terminal's operator, …", "Its builders, a consortium led by …"), a sentence that repeats little of
the question, while another sentence of the report, about another act and its doer (a regulator approving the
project), repeats the question's object and led the answer: a name, but of the wrong act's doer. The agent noun
followed by a name the question lacks, tied to the question's object by the sentence or, after a possessive, by
its passage (``agent_phrase.names_agent_noun``), now makes the sentence one that names the doer
(``QuestionAnswering._place_doers``). A noun of another object ("the hotel's owners") does not.

End to end through the real Engine over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.render import shown_answer
from rag.types import Turn

ARTICLES = [
    ("01_cable.md", "2026-04-02", "Manila approves Luzon Strait cable landing",
     "The Philippine Department of Information and Communications Technology on Tuesday approved the landing of the "
     "Luzon Strait subsea cable at Baler, linking the Philippines with southern Taiwan. The cable is due to carry "
     "traffic from 2028. Its owners include Globe Telecom and Taiwan's Far EasTone. The owners of the Baler beach "
     "hotel, Ayala Land, objected to the landing site."),
    ("02_terminal.md", "2026-04-05", "Vietnam clears deep-water terminal at Cai Mep",
     "Vietnam's transport ministry cleared the expansion of the Cai Mep deep-water terminal on Monday, doubling the "
     "berths that can take the largest container ships. The terminal's operator, Gemadept, plans to finish the work "
     "in 2027."),
    ("03_satellite.md", "2026-04-09", "Japan's radar satellite passes its final review",
     "Japan's space agency JAXA approved the design of the Hikari-3 radar satellite on Thursday after a final "
     "review. Its makers, Mitsubishi Electric and NEC Space, will deliver it in 2029."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("answer_agent_noun"), ARTICLES)


@pytest.mark.parametrize("question, doer", [
    ("Who owns the Luzon Strait cable?", "Globe Telecom"),
    ("Who operates the Cai Mep terminal?", "Gemadept"),
    ("Who is making the Hikari-3 satellite?", "Mitsubishi Electric"),
])
def test_the_doer_named_by_the_acts_agent_noun_answers(engine, question, doer):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    # the sentence naming the doer leads (with the sentence its "Its" refers back to, quoted with it)
    lead = brief.sections[0].claims[0].text
    assert doer in lead, answer_text(brief)


@pytest.mark.parametrize("turns, doer", [
    (["When will the Luzon Strait cable carry traffic?", "Who owns it?"], "Globe Telecom"),
])
def test_a_follow_up_asking_who_does_the_act_gets_the_agent_nouns_sentence(engine, turns, doer):
    history: list[Turn] = []
    for question in turns:
        brief = engine.write(question, template="answer", history=list(history))
        history += [Turn("user", question), Turn("assistant", shown_answer(brief))]
    assert not brief.abstained, brief.message
    assert doer in brief.sections[0].claims[0].text, answer_text(brief)


def test_an_agent_noun_of_another_object_names_no_doer():
    from rag.writers.agent_phrase import names_agent_noun

    text = "The owners of the Baler beach hotel, Ayala Land, objected to the landing site."
    assert not names_agent_noun("Who owns the Luzon Strait cable?", text, text)
    assert names_agent_noun("Who owns the Luzon Strait cable?", "Its owners include Globe Telecom and Far EasTone.",
                            "The Luzon Strait cable is due in 2028. Its owners include Globe Telecom and Far EasTone.")


def test_reporters_told_are_no_doer_of_a_report():
    from rag.writers.agent_phrase import names_agent_noun

    text = "The ban on the Luzon Strait cable was lifted, the minister told reporters in Manila."
    assert not names_agent_noun("Who reported it? (Luzon Strait cable ban)", text, text)
