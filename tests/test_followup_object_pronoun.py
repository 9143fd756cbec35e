"""A yes/no follow-up whose object is a pronoun keeps its verdict through the rewrite (issue 10, s35).

Kind (s34 fresh user's finding 5): after "Why did Moon Jae-in urge Japan to withdraw its export measure?", the
follow-up "Did Japan agree to withdraw it?" lost the "No." that the one-shot "Did Japan agree to withdraw its export
measure?" leads with. The follow-up's own words were no claim ("it" points into the conversation), so no verdict was
read, and "it" carried the names the previous answer opened with ("Yoshihide Suga") rather than the thing withdrawn.

* ``followup.resolved_object``: the object pronoun ("it", "them" right after a verb) of a yes/no follow-up is the noun
  phrase the previous question gave the same verb ("withdraw its export measure"), else the object of its last verb
  that the follow-up does not already name. The resolved question is what is asked, as it is asked alone (s37: no
  words of the previous question carried after it).
* ``followup.standalone_polar``: such a resolved question needs nothing of the conversation, so its claim is read for
  a verdict (``answering._polar_asked``); a question still holding a pronoun ("Did they agree to it?") is not.
* End to end over two short news articles written for this test (tests/data/pronoun_object/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.followup import resolve_follow_up, resolved_object, standalone_polar
from rag.render import shown_answer
from rag.types import Turn

DATA = Path(__file__).resolve().parent / "data" / "pronoun_object"


@pytest.mark.parametrize("previous, question, resolved", [
    ("Why did Moon Jae-in urge Japan to withdraw its export measure?", "Did Japan agree to withdraw it?",
     "Did Japan agree to withdraw its export measure?"),
    ("Why did Lunde urge Vesper to lift the rice tariffs?", "Did Vesper lift them?", "Did Vesper lift the rice tariffs?"),
    ("Who asked the agency to scrap the port fees?", "Did the agency scrap them?",
     "Did the agency scrap the port fees?"),
    ("When did Seoul file its WTO complaint?", "Has Seoul withdrawn it?", "Has Seoul withdrawn its WTO complaint?"),
    # no verb is the same: the object of the previous question's last verb
    ("Why did Japan impose curbs on Korea?", "Did Japan lift them?", "Did Japan lift curbs?"),
    ("What did Kestrel Lines say about the new port fees?", "Did the agency scrap them?", None),  # no object to take
    ("Why did Lunde urge Vesper to lift the tariffs?", "Will Vesper ever lift them?",
     "Will Vesper ever lift the tariffs?"),
])
def test_the_object_pronoun_is_the_noun_phrase_the_previous_question_gave(previous, question, resolved):
    assert resolved_object(question, previous) == resolved


@pytest.mark.parametrize("question", [
    "Did they agree?",  # a pronoun subject, no object
    "Why did Japan withdraw it?",  # no yes/no question
    "Did it work?",  # the pronoun is the subject
    "Did Japan agree to it?",  # after a preposition, not a verb
    "Did Japan's measure hurt its exporters?",  # no object pronoun
])
def test_no_rewrite_without_an_object_pronoun_of_a_yes_no_question(question):
    assert resolved_object(question, "Why did Moon Jae-in urge Japan to withdraw its export measure?") is None


@pytest.mark.parametrize("asked, own", [
    ("Did Japan agree to withdraw its export measure?", True),  # "its" is Japan's: the claim's own subject
    ("Did Vesper lift the rice tariffs?", True),
    ("Did Japan agree to withdraw it?", False),
    ("Did they agree to lift the tariffs?", False),
    ("Did Vesper lift them?", False),
    ("Why did Vesper lift the tariffs?", False),  # no yes/no question
])
def test_a_resolved_yes_no_question_is_a_claim_of_its_own(asked, own):
    assert standalone_polar(asked) is own


def test_the_resolved_follow_up_asks_the_rewritten_question_and_carries_no_reply_names():
    history = [Turn("user", "Why did Moon Jae-in urge Japan to withdraw its export measure?"),
               Turn("assistant", "“The measure is not a subject for consultation and we have no intention of "
                                 "withdrawing it either,” Japanese Chief Cabinet Secretary Yoshihide Suga told a news "
                                 "conference. [1]")]
    resolved = resolve_follow_up("Did Japan agree to withdraw it?", history)
    assert resolved.asked == "Did Japan agree to withdraw its export measure?"
    # asked as the one-shot question is (s37): no words carried after it, none of the reply's names
    assert resolved.context == () and not resolved.from_reply and resolved.said == (), resolved


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("pronoun_object") / "data", DATA)


def _chat(engine, *questions):
    history: list[Turn] = []
    brief = None
    for question in questions:
        brief = engine.write(question, template="answer", history=history)
        history += [Turn("user", question), Turn("assistant", shown_answer(brief))]
    return brief


@pytest.mark.parametrize("first, follow_up, verdict, says", [
    ("Why did Aino Lunde urge Vesper to lift its rice tariffs?", "Did Vesper lift them?", "No.",
     "no intention of lifting them"),
    ("Who asked the Lindholm maritime agency to scrap its port fees?", "Did the agency scrap them?", "Yes.",
     "scrapped its new port fees"),
])
def test_a_follow_up_keeps_its_verdict(engine, first, follow_up, verdict, says):
    brief = _chat(engine, first, follow_up)
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text) == verdict, text
    assert says in text


@pytest.mark.parametrize("first, follow_up, one_shot", [
    ("Why did Aino Lunde urge Vesper to lift its rice tariffs?", "Did Vesper lift them?",
     "Did Vesper lift its rice tariffs?"),
    ("Why did Aino Lunde urge Vesper to lift its rice tariffs?", "Did Vesper agree to lift them?",
     "Did Vesper agree to lift its rice tariffs?"),  # undecided one-shot: the same "do not say whether"
    ("Who asked the Lindholm maritime agency to scrap its port fees?", "Did the agency scrap them?",
     "Did the agency scrap its port fees?"),
])
def test_the_follow_up_opens_as_the_one_shot_question_does(engine, first, follow_up, one_shot):
    alone = engine.write(one_shot, template="answer")
    followed = _chat(engine, first, follow_up)
    assert followed.abstained == alone.abstained
    assert first_sentence(answer_text(followed) or followed.message) == first_sentence(answer_text(alone) or alone.message)
