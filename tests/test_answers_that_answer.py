""""Why" and yes/no answers add only sentences that answer (fresh user s29: the "why" answer about Tokyo's controls
added "Tokyo last week tightened …", the act restated, and left out "Such materials can only be exported to
trustworthy trading partners", the stated reason; a "Yes." was followed by a court-rulings sentence).

A later sentence of a "why" answer gives a reason, or is the act's actor's own word on it that is no plan
(``stated_reason.answers_why``); a later sentence of a yes/no answer shares the claim's act or object, not only its
places (``stated_reason.bears_on``). Unit inputs over several stories, then end to end over the eight written
stories of tests/data/why_details/ and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.pipeline import Engine
from rag.writers.stated_reason import answers_why, bears_on, reason_actor

DATA = Path(__file__).resolve().parent / "data" / "why_details"

JAPAN, NORVIA, CALDER = frozenset({"japan"}), reason_actor("Why did Norvia halt cobalt exports?"), reason_actor(
    "Why did Calder suspend salmon imports?")


def test_the_actor_of_a_why_question_is_its_first_place_or_name():
    assert reason_actor("Why did Tokyo tighten the controls?") == JAPAN
    assert reason_actor("Why did Nvidia halt chip sales?") == frozenset({"nvidia"})
    assert reason_actor("Why did Nvidia halt chip sales to China?") == frozenset({"china"})  # a place first
    assert reason_actor("What did Japan restrict?") is None  # asks no reason


@pytest.mark.parametrize("text, gives, actor, answers", [
    # a reason cue (the answer-kind typing says so): it answers, whoever gives it
    ("Japan's trade measures followed South Korean court rulings on wartime labour.", True, JAPAN, True),
    ("Analysts said the halt was driven by pressure from Norvia's allies.", True, NORVIA, True),
    # the actor's own word on the act, no plan: its stated justification
    ("Such materials can only be exported to trustworthy trading partners, Japanese officials have said, hinting at "
     "security risks.", False, JAPAN, True),
    ("Norvia's trade ministry said buyers of the metal must be known to it.", False, NORVIA, True),
    # the act restated, however close to the question
    ("Tokyo last week tightened the approval process for shipments of photoresists to South Korean companies.",
     False, JAPAN, False),
    ("Calder suspended salmon imports from Brenmark on Wednesday, the fisheries agency said.", False, CALDER, False),
    # the actor's plan, not its reason
    ("Japan yesterday said that it does not plan to retract or renegotiate its stricter controls.", False, JAPAN, False),
    ("Calder officials said they would review the suspension next month.", False, CALDER, False),
    # another party's word without a reason
    ("Brenmark exporters said the outbreak was under control.", False, CALDER, False),
    # advice, though it holds a purpose cue
    ("To protect its own security interests, Japan must step up its efforts regarding risk management.", True, JAPAN,
     False),
])
def test_a_later_sentence_of_a_why_answer_gives_a_reason_or_the_actors_own_word(text, gives, actor, answers):
    assert answers_why(text, gives, actor) is answers


@pytest.mark.parametrize("claim, text, bears", [
    ("Japan restricted exports of hydrogen fluoride to South Korea",
     "Japan's curbs on hydrogen fluoride shipments took effect on July 4.", True),
    ("Japan restricted exports of hydrogen fluoride to South Korea",
     "Japan's trade measures followed South Korean court rulings ordering Japanese firms to compensate plaintiffs.",
     False),
    ("Japan restricted exports of hydrogen fluoride to South Korea",
     "Japan yesterday said that it does not plan to retract its stricter controls on high-tech exports to South Korea.",
     True),
    ("Norvia halted cobalt exports to Kestria", "Kestria's trade office said it would ask for talks.", False),
    ("Norvia halted cobalt exports to Kestria",
     "Norvia's trade ministry said the halt of cobalt sales was based on evidence of resales.", True),
    ("Calder suspended salmon imports from Brenmark", "Brenmark exporters said the outbreak was under control.", False),
    ("Calder suspended salmon imports from Brenmark",
     "Calder officials said the suspension of salmon imports was due to fish lice.", True),
    ("Soria cut gas deliveries to Velta", "Velta's president met Soria's envoy in Geneva on Friday.", False),
    ("Soria cut gas deliveries to Velta", "Soria said gas deliveries would resume once the bills are paid.", True),
])
def test_a_later_sentence_of_a_yes_no_answer_bears_on_the_claim(claim, text, bears):
    assert bears_on(claim, text) is bears


# -- end to end -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answers_that_answer") / "data", DATA)


STORIES = [  # (actor, the act in the question's words, the news report's sentence telling the act)
    ("Norvia", "halt cobalt exports to Kestria", "Norvia halted exports of refined cobalt to Kestria on Monday"),
    ("Ostrava", "ban wheat imports from Vellmar", "Ostrava banned wheat imports from Vellmar on Tuesday"),
    ("Teshima", "restrict drone motor sales to Marovia", "Teshima restricted sales of drone motors to Marovian"),
    ("Calder", "suspend salmon imports from Brenmark", "Calder suspended salmon imports from Brenmark on Wednesday"),
    ("Soria", "cut gas deliveries to Velta", "Soria cut gas deliveries to Velta by a third on Tuesday"),
    ("Marle", "suspend research visas for Corvan scientists", "Marle suspended research visas for Corvan scientists"),
]


@pytest.mark.parametrize("actor, act, told", STORIES)
@pytest.mark.parametrize("say", [False, True])
def test_a_why_answer_does_not_restate_the_act_after_the_reason(engine, actor, act, told, say):
    verb, rest = act.split(" ", 1)
    past = {"halt": "halted", "ban": "banned", "restrict": "restricted", "suspend": "suspended", "cut": "cut"}[verb]
    question = f"Why did {actor} say it {past} {rest}?" if say else f"Why did {actor} {act}?"
    brief = engine.write(question, template="answer")
    claims = [c.text for s in brief.sections for c in s.claims]
    assert claims and "officials said" in claims[0]  # the stated reason leads
    assert not any(told in c for c in claims[1:]), claims


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_tokyos_why_answer_gives_the_stated_reason_not_the_act_restated_alone(sample_engine):
    brief = sample_engine.write("Why did Tokyo say it tightened the controls?", template="answer")
    claims = [c.text for s in brief.sections for c in s.claims]
    assert "based on a lack of trust" in claims[0]
    assert any("Such materials can only be exported to trustworthy trading partners" in c for c in claims)
    assert not any(c.startswith("Japan yesterday said that it does not plan") for c in claims)
    # the act is quoted only as the context of the sentence that leans on it ("Such materials …")
    assert all("Such materials" in c for c in claims if c.startswith("Tokyo last week tightened"))


def test_a_yes_is_not_followed_by_the_court_rulings(sample_engine):
    brief = sample_engine.write("Did Japan restrict exports of hydrogen fluoride to South Korea?", template="answer")
    claims = [c.text for s in brief.sections for c in s.claims]
    assert claims[0].startswith("Yes.")
    assert not any("court rulings" in c for c in claims), claims
