"""A follow-up that points back with a singular "it" ("Why did it do that?") is about one actor: the subject of the
previous answer's first sentence, not every name that sentence holds. Carrying the other party's leader ("a day after
Kestrian President Ilse Brandvold urged talks") turned "why" into "what did the minister answer her". "They", "he"
and "she" still carry every name of the reply (a list of makers is "they"). The resolved question keeps the follow-up's
own words first, so its wh-word and the kind of answer it asks for are the follow-up's.

Unit level: ``resolve_follow_up`` on conversations written for this test. End to end through the real Engine over two
short articles (tests/data/followup_reason/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.followup import resolve_follow_up
from rag.types import Turn
from rag.writers.answer_kind import answer_type

DATA = Path(__file__).resolve().parent / "data" / "followup_reason"

LICENCES = "What export licences has Norvia imposed on Kestria?"
REPLY = ("Norvia yesterday said that it would not withdraw its stricter licensing of turbine exports to Kestria, a day "
         "after Kestrian President Ilse Brandvold urged that the dispute be settled through talks.")


def conversation(*turns: str) -> list[Turn]:
    return [Turn("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]


@pytest.mark.parametrize("question", ["Why did it do that?", "When did it do that?", "How did it justify its move?",
                                      "What did it say it would do next?"])
def test_a_singular_it_carries_the_replys_subject_not_every_name_in_it(question):
    resolved = resolve_follow_up(question, conversation(LICENCES, REPLY))
    assert "Norvia" in resolved.context
    assert not {"Brandvold", "Ilse", "President"} & set(resolved.context), resolved.context


@pytest.mark.parametrize("question", ["Why did they do that?", "What did she ask for?"])
def test_they_and_she_still_carry_every_name_of_the_reply(question):
    resolved = resolve_follow_up(question, conversation(LICENCES, REPLY))
    assert {"Norvia", "Brandvold"} <= set(resolved.context)


def test_the_subject_is_the_replys_first_run_of_names():
    reply = "Kestrel Lines will take over the Amsel ferry route from Lindholm Shipping in June."
    resolved = resolve_follow_up("When will it start?", conversation("Which operator won the Amsel contract?", reply))
    assert {"Kestrel", "Lines"} <= set(resolved.context)
    assert "Lindholm" not in resolved.context and "Shipping" not in resolved.context


@pytest.mark.parametrize("question", ["Why did it do that?", "When did it do that?", "How many did it restrict?",
                                      "Who did it blame?", "Which ships did it name?"])
def test_the_resolved_question_asks_for_what_the_follow_up_asks_for(question):
    resolved = resolve_follow_up(question, conversation(LICENCES, REPLY))
    assert resolved.standalone.startswith(question)
    assert answer_type(resolved.standalone) == answer_type(question)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("followup_reason") / "data", DATA)


def test_why_asked_as_a_follow_up_leads_with_the_stated_reason_as_when_asked_alone(engine):
    alone = engine.write("Why did Norvia tighten export licences on Kestria?", template="answer")
    first = engine.write(LICENCES, template="answer")
    history = conversation(LICENCES, answer_text(first))
    follow = engine.write("Why did it do that?", template="answer", history=history)
    for brief in (alone, follow):
        assert not brief.abstained, brief.message
        assert "based on a lack of trust" in first_sentence(answer_text(brief)), answer_text(brief)
