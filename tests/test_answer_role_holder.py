"""A "who is the <role> …?" question is answered by the sentence naming the role's holder beside the role.

s64's fresh user (F9): "Who is the ringleader of the Nvidia server smuggling ring indicted in Hsinchu?" was answered
by the story's lede ("… indicted four people …"), not by "Prosecutors said the ringleader, Lai Cheng-hao, 47, …".
The kind: a role of the story (a ringleader, a gunman, a spokesperson, a new chief executive) whose holder the report
names once, in an apposition or as a title before the name (``rag.writers.answer_role``), beaten by the lede.

Articles written for this test; none is from the shared data.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

from rag.render import answer_with_sources
from rag.writers.answer_role import AskedRole, asked_role, role_holders


@pytest.mark.parametrize("question, role", [
    ("Who is the ringleader of the Nvidia server smuggling ring indicted in Hsinchu?", AskedRole("ringleader", ())),
    ("Who is the new CEO of Kioxia?", AskedRole("CEO", ("new",))),
    ("Who was the gunman in the Osaka station attack?", AskedRole("gunman", ())),
    ("Who is the spokesperson for the Korea Customs Service?", AskedRole("spokesperson", ())),
    ("Who's the alleged mastermind behind the Busan port fraud?", AskedRole("mastermind", ("alleged",))),
])
def test_the_role_a_question_asks_the_holder_of(question, role):
    assert asked_role(question) == role


@pytest.mark.parametrize("question", [
    "Who is Sato Kei?",  # a person
    "Who is the Kioxia chief?",  # a name before the role: an office's question
    "Who won the election in Chile?",  # no role asked
    "What is the ringleader accused of?",
])
def test_questions_asking_no_role(question):
    assert asked_role(question) is None


@pytest.mark.parametrize("role, text, name", [
    (AskedRole("ringleader", ()), "Police said the ringleader, Oh Min-seok, 51, recruited the engineers.", "Oh Min-seok"),
    (AskedRole("ringleader", ()), "Chen Wei-lin, 52, the alleged ringleader, fled to Macau in May.", "Chen Wei-lin"),
    (AskedRole("spokesperson", ()), "The agency's spokesperson, Ana Ruiz, said checks would go on.", "Ana Ruiz"),
    (AskedRole("gunman", ()), "Officers shot gunman Kenji Morita near the platform, police said.", "Kenji Morita"),
    (AskedRole("CEO", ("new",)), "The board said its new CEO, Hiroshi Watanabe, starts in April.", "Hiroshi Watanabe"),
])
def test_a_sentence_naming_the_holder_beside_the_role(role, text, name):
    assert [n for _, n in role_holders(role, text)] == [name]


@pytest.mark.parametrize("role, text", [
    (AskedRole("CEO", ("new",)), "The former CEO, Nobuo Hayasaka, will retire."),  # another role: the former one
    (AskedRole("ringleader", ()), "The ringleader was arrested on Monday, police said."),  # no name
    (AskedRole("ringleader", ()), "Was the ringleader, Oh Min-seok, paid by Beijing?"),  # a question names no one
])
def test_no_holder_where_the_role_is_another_or_unnamed(role, text):
    assert role_holders(role, text) == []


ARTICLES = {
    "01_busan.txt": ("Busan prosecutors charge five over battery secrets ring", "Harbour Daily", "2026-03-04",
                     "BUSAN - Prosecutors in Busan on Tuesday charged five people with stealing cathode designs from a "
                     "battery maker and selling them to buyers in Shenzhen.\n\nThe indictment says the ring's "
                     "ringleader, Oh Min-seok, 51, a former research director, recruited four engineers in 2024. The "
                     "designs were copied to USB drives over eight months.\n\nThe defendants face up to 15 years in "
                     "prison."),
    "02_osaka.txt": ("Osaka station attack leaves three injured", "Kansai Wire", "2026-05-11",
                     "OSAKA - Three commuters were injured on Sunday when a man with a knife attacked passengers at "
                     "Umeda station during the evening rush.\n\nPolice identified the attacker as Kenji Morita, 34, "
                     "an unemployed former railway worker. Officers arrested him on the platform.\n\nThe station "
                     "reopened two hours later."),
    "03_kioxia.txt": ("Kioxia names new chief to lead memory recovery", "Tokyo Ledger", "2026-07-22",
                      "TOKYO - Kioxia Holdings on Wednesday named a new chief executive to steer the memory maker "
                      "through a slump in flash prices.\n\nThe company said its new CEO, Hiroshi Watanabe, 58, who "
                      "ran its Yokkaichi plant, takes over on October 1. The former CEO, Nobuo Hayasaka, will become "
                      "chairman.\n\nKioxia shares rose 3%."),
    "04_customs.txt": ("Korea Customs Service widens checks on chip tools", "Seoul Herald", "2026-09-02",
                       "SEOUL - The Korea Customs Service said on Monday it would inspect all shipments of used chip "
                       "tools to China from next month.\n\nThe agency's spokesperson, Yoon Ji-ho, said smugglers had "
                       "declared tools as scrap metal.\n\nViolators face fines of up to 500 million won."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("role-holders"), ARTICLES)


@pytest.mark.parametrize("question, name", [
    # the lede repeats more of the question than the sentence naming the holder
    ("Who is the ringleader of the ring charged in Busan with stealing a battery maker's cathode designs?",
     "Oh Min-seok"),
    ("Who is the new CEO that Kioxia named to steer the memory maker through the slump in flash prices?",
     "Hiroshi Watanabe"),
    ("Who is the spokesperson of the Korea Customs Service, which will inspect shipments of used chip tools to China?",
     "Yoon Ji-ho"),
    ("Who was the ringleader of the Busan ring?", "Oh Min-seok"),
])
def test_the_holder_of_the_asked_role_leads_the_answer(engine, question, name):
    brief = engine.write(question, template="answer")
    shown = answer_with_sources(brief)
    assert not brief.abstained, shown
    first = shown.split("\n\n")[0]
    assert name in first.split(". ")[0] or name in first[:200], shown
