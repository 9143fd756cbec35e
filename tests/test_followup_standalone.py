"""A follow-up is resolved once into the standalone question it asks, and answered as that question is.

* A bare "How many?" after a question for the members of a class asks for their count: "Which materials did Japan
  restrict?" "How many?" → "How many materials did Japan restrict?" (``followup.counted_question``); a follow-up
  naming a noun of its own ("How many companies?") or following a question that names no class is left alone.
* A yes/no follow-up's object pronoun after a question that asked what was acted on ("What did Japan restrict?")
  stands for the act as a noun: "Did Japan agree to withdraw it?" → "Did Japan agree to withdraw its restrictions?"
  (``followup.resolved_object``); after a question for members of a class ("Which firms …?") "them" is the
  members, not the act, and no noun is made up for a verb that has none ("tighten").
* End to end over the sample corpus: the follow-up's answer leads as the standalone question's does (the same
  first sentence, the same lead sentence).
"""

from __future__ import annotations

import pytest

from evals.rtqa_answers import answer_text, first_sentence
from rag.followup import counted_question, resolve_follow_up, resolved_object
from rag.types import Turn


@pytest.mark.parametrize("previous, question, standalone", [
    ("Which materials did Japan restrict?", "How many?", "How many materials did Japan restrict?"),
    ("Which materials does Japan's export restriction cover?", "How many are there?",
     "How many materials does Japan's export restriction cover?"),
    ("What companies has China targeted?", "How many?", "How many companies has China targeted?"),
    ("Which port cities did the drills simulate blocking?", "how many is that?",
     "How many port cities did the drills simulate blocking?"),
])
def test_how_many_after_a_class_question_asks_for_the_count_of_its_members(previous, question, standalone):
    assert counted_question(question, previous) == standalone
    history = [Turn("user", previous), Turn("assistant", "The sources name them.")]
    assert resolve_follow_up(question, history).asked == standalone


@pytest.mark.parametrize("previous, question", [
    ("What did Japan restrict?", "How many?"),  # no class asked for
    ("Why did Japan restrict exports?", "How many?"),
    ("Which materials did Japan restrict?", "When?"),
])
def test_how_many_without_a_class_to_count_is_not_rewritten(previous, question):
    assert counted_question(question, previous) is None


@pytest.mark.parametrize("previous, question, standalone", [
    ("What did Japan restrict?", "Did Japan agree to withdraw it?", "Did Japan agree to withdraw its restrictions?"),
    ("What did Japan restrict?", "Did Japan withdraw it?", "Did Japan withdraw its restrictions?"),
    ("What did China ban?", "Has China lifted it?", "Has China lifted its bans?"),
    ("What has the EU sanctioned?", "Will the EU lift them?", "Will the EU lift its sanctions?"),
    ("What did Seoul curb?", "Did Seoul scrap them?", "Did Seoul scrap its curbs?"),
])
def test_it_after_what_was_acted_on_stands_for_the_act(previous, question, standalone):
    assert resolved_object(question, previous) == standalone


@pytest.mark.parametrize("previous, question", [
    ("Which firms has the US sanctioned?", "Did the US lift them?"),  # "them": the firms
    ("What did Tokyo tighten?", "Did Tokyo withdraw it?"),  # no noun of "tighten"
    ("What did Japan say?", "Did Japan withdraw it?"),  # no act
])
def test_no_act_noun_is_made_up(previous, question):
    assert resolved_object(question, previous) is None


@pytest.fixture(scope="module")
def engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("previous, question, standalone", [
    ("Which materials did Japan restrict?", "How many?", "How many materials did Japan restrict?"),
    ("What did Japan restrict?", "Did Japan agree to withdraw it?", "Did Japan agree to withdraw its restrictions?"),
    ("What did Japan restrict?", "Did Japan withdraw it?", "Did Japan withdraw its restrictions?"),
])
def test_a_follow_up_leads_as_its_standalone_question_does(engine, previous, question, standalone):
    first = engine.write(previous, template="answer")
    history = [Turn("user", previous), Turn("assistant", answer_text(first) or first.message or "")]
    followed = engine.write(question, template="answer", history=history)
    alone = engine.write(standalone, template="answer")
    assert not followed.abstained and not alone.abstained, (followed.message, alone.message)
    assert first_sentence(answer_text(followed)) == first_sentence(answer_text(alone))
    assert followed.sections[0].claims[0].text == alone.sections[0].claims[0].text
