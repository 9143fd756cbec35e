"""A follow-up about the previous question's act is asked as its standalone question (issue 10, s37).

s36's fresh user: ``printf 'What did China restrict?\\nHow many companies?\\nWhy?\\nWho protested?\\n' | brief chat``.
"How many companies?" quoted a 2020 essay (the standalone "How many companies did China restrict?" gets 20), "Why?"
said no reason was stated (the standalone gets the report's reason), "Who protested?" found no evidence (the
standalone "Who protested China's restrictions?" gets "Tokyo protests as China blocks …"); "Did Japan agree to
withdraw it?" after "Which materials did Japan restrict?" lacked the "No." its standalone gets. Where they diverged:
the follow-up was answered as its own words plus the previous question's words carried after it ("How many
companies? (China restrict)"), or not recognised as a follow-up at all; the act the conversation is about ("China
restricted …") was not carried, only its words. The kind: after a question asking what was acted on ("What did X
<verb>?", "Which <class> did X <verb>?", "How many <class> did X <verb>?", "Why did X <verb>?"), a follow-up asking
only how many (of a noun of its own), why, or who did something to the act ("Who protested?", "Who objected?") is
the standalone question of that act (``followup.asked_of_act``), answered exactly as that question is.
"""

from __future__ import annotations

import pytest

from evals.rtqa_answers import answer_text
from rag.followup import asked_of_act, resolve_follow_up, resolved_object
from rag.render import shown_answer
from rag.types import Turn


@pytest.mark.parametrize("previous, question, standalone", [
    ("What did China restrict?", "How many companies?", "How many companies did China restrict?"),
    ("Which Japanese companies did China restrict?", "How many companies?", "How many companies did China restrict?"),
    ("What has the EU sanctioned?", "How many firms?", "How many firms has the EU sanctioned?"),
    ("What did Rotterdam suspend?", "How many ships?", "How many ships did Rotterdam suspend?"),
    ("How many companies did China restrict?", "Why?", "Why did China restrict?"),
    ("What did Japan restrict?", "Why?", "Why did Japan restrict?"),
    ("What did Seoul ban?", "And why?", "Why did Seoul ban?"),
    ("Why did China restrict?", "Who protested?", "Who protested China's restrictions?"),
    ("What did Japan restrict?", "Who protested?", "Who protested Japan's restrictions?"),
    ("What has the EU sanctioned?", "Who objected?", "Who objected to the EU's sanctions?"),
    ("What did the Netherlands ban?", "Who criticized?", "Who criticized the Netherlands' bans?"),
    ("Which materials did Japan restrict?", "How many?", "How many materials did Japan restrict?"),
])
def test_a_follow_up_about_the_act_is_its_standalone_question(previous, question, standalone):
    assert asked_of_act(question, previous) == standalone
    history = [Turn("user", previous), Turn("assistant", "The sources report it.")]
    resolved = resolve_follow_up(question, history)
    # answered exactly as the standalone question: no words carried after it, no story kept from the answer
    assert (resolved.asked, resolved.context, resolved.said) == (standalone, (), ())


@pytest.mark.parametrize("previous, question", [
    ("What did Japan restrict?", "How many?"),  # nothing to count: no class asked for, no noun of its own
    ("What did Japan say?", "Why?"),  # "say" is no act
    ("What did Japan decide about Chinese battery makers?", "Why?"),  # the clause does not close on its verb
    ("Why did Japan restrict exports?", "How many companies?"),
    ("What did China restrict?", "Who benefits?"),  # not something done to the act
    ("What did China restrict?", "Who said?"),
    ("What did China restrict?", "How many in Korea?"),  # a name: another question
    ("What did Tokyo tighten?", "Who protested?"),  # no noun of "tighten"
])
def test_other_follow_ups_are_not_rewritten(previous, question):
    assert asked_of_act(question, previous) is None


@pytest.mark.parametrize("previous, question, standalone", [
    ("Which materials did Japan restrict?", "Did Japan agree to withdraw it?",
     "Did Japan agree to withdraw its restrictions?"),
    ("Which firms did China ban?", "Has China lifted it?", "Has China lifted its bans?"),
])
def test_a_singular_it_after_a_class_question_is_the_act(previous, question, standalone):
    assert resolved_object(question, previous) == standalone


def test_them_after_a_class_question_is_still_the_members():
    assert resolved_object("Did the US lift them?", "Which firms has the US sanctioned?") is None


# -- end to end over the sample corpus: the follow-up's answer is its standalone question's --------------------------


@pytest.fixture(scope="module")
def engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


CONVERSATIONS = [
    ["What did China restrict?", "How many companies?", "Why?", "Who protested?"],
    ["Which Japanese companies did China restrict?", "How many companies?", "Who protested?"],
    ["What did Japan restrict?", "Why?", "Who protested?"],
    ["Which materials did Japan restrict?", "Did Japan agree to withdraw it?"],
]


@pytest.mark.parametrize("turns", CONVERSATIONS, ids=lambda t: " / ".join(t))
def test_each_follow_up_is_answered_as_its_standalone_question(engine, turns):
    history: list[Turn] = []
    for question in turns:
        brief = engine.write(question, template="answer", history=list(history))
        resolved = resolve_follow_up(question, history)
        if history:
            alone = engine.write(resolved.asked, template="answer")
            assert resolved.asked != question, question
            assert answer_text(brief) == answer_text(alone), (question, resolved.asked)
            assert not brief.abstained
        history += [Turn("user", question), Turn("assistant", shown_answer(brief))]


@pytest.mark.parametrize("turns, wanted", [
    (["What did China restrict?", "How many companies?"], "20"),
    (["What did China restrict?", "How many companies?", "Why?", "Who protested?"], "Tokyo protests"),
    (["Which materials did Japan restrict?", "Did Japan agree to withdraw it?"], "No."),
])
def test_the_follow_up_gets_what_the_standalone_question_gets(engine, turns, wanted):
    history: list[Turn] = []
    for question in turns:
        brief = engine.write(question, template="answer", history=list(history))
        history += [Turn("user", question), Turn("assistant", shown_answer(brief))]
    assert answer_text(brief).startswith(wanted) or wanted in answer_text(brief).split(". ")[0], answer_text(brief)
