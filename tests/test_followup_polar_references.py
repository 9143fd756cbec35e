"""A yes/no follow-up's subject pronoun, and "so" after a "No.", resolved from the conversation (issue 10, answers 8).

Kinds (s39, hand-written follow-ups fu-110 and fu-113 over the sample corpus):

* "What did Japanese officials say about the export curbs?" then "Have they denied that the curbs were driven by
  historical issues?" answered about battery makers: a yes/no follow-up whose subject is "they", "he" or "she" had no
  claim of its own, so no verdict. The previous question's subject stands for the pronoun (``resolved_subject``);
  with no other pronoun left the follow-up is asked as a question of its own.
* "Did South Korea find illegal transfers …?" → "No. Sung Yun-mo said that an inspection found no sign …", then
  "Who said so?" abstained: "so" was read as the question's claim, which the sources deny. After a negative verdict,
  what a follow-up points back to is what the answer led with (``_contrary_lead``), its names left out (they may be
  what is asked).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.followup import resolve_follow_up, resolved_subject
from rag.types import Turn

DATA = Path(__file__).resolve().parent / "data" / "settled_after_caption"


@pytest.mark.parametrize("previous, question, expected", [
    ("What did Japanese officials say about the export curbs on South Korea?",
     "Have they denied that the curbs were driven by historical issues?",
     "Have Japanese officials denied that the curbs were driven by historical issues?"),
    ("Why did Prime Minister Kishida visit Seoul?", "Did he meet President Yoon?",
     "Did Prime Minister Kishida meet President Yoon?"),
    ("How did Canadian officials defend the tariff?", "Did they deny that it targets Chinese steel?",
     "Did Canadian officials deny that it targets Chinese steel?"),
    ("Did Vesper's fisheries ministry cut Norland's quota?", "Has she explained why?",
     "Has Vesper's fisheries ministry explained why?"),
])
def test_a_subject_pronoun_stands_for_the_previous_questions_subject(previous, question, expected):
    assert resolved_subject(question, previous) == expected


@pytest.mark.parametrize("previous, question", [
    ("Who protested the curbs?", "Did they withdraw them?"),  # the previous question's subject is what it asked
    ("What did the Diet vote on?", "Did it pass?"),  # "it" leans on the act, not an actor
    ("What did Japanese officials say?", "Did Japan deny it?"),  # no subject pronoun
    ("What did Japanese officials say?", "Why did they say it?"),  # no yes/no question
    ("What did they say next?", "Did they deny it?"),  # the previous subject is itself a pronoun
])
def test_no_subject_to_stand_for_the_pronoun_leaves_the_question_as_it_is(previous, question):
    assert resolved_subject(question, previous) is None


def _history(question: str, reply: str) -> list[Turn]:
    return [Turn("user", question), Turn("assistant", reply)]


def test_after_a_no_so_points_at_what_the_answer_led_with():
    reply = ("No. South Korean Minister Sung Yun-mo said that an “emergency inspection” found no sign of illegal "
             "transactions. [1]")
    resolved = resolve_follow_up("Who said so?", _history(
        "Did South Korea find illegal transfers of sensitive materials to North Korea?", reply))
    context = {w.lower() for w in resolved.context}
    assert {"inspection", "transactions"} <= context and not context & {"transfers", "sung", "yun-mo"}, context


def test_after_a_yes_so_points_at_the_question_as_before():
    reply = "Yes. Canadian officials dismissed claims that the tariff was aimed at Chinese steel producers. [1]"
    resolved = resolve_follow_up("Who said so?", _history(
        "Did Canada deny that the tariff was aimed at Chinese steel producers?", reply))
    assert "tariff" in {w.lower() for w in resolved.context}, resolved


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("followup_polar") / "data", DATA)


def test_a_pronoun_subject_follow_up_gets_its_own_verdict(engine):
    first = engine.write("How did Canadian officials explain the tariff on steel wire?", template="answer")
    history = _history("How did Canadian officials explain the tariff on steel wire?", answer_text(first))
    brief = engine.write("Have they denied that the tariff was aimed at Chinese steel producers?", template="answer",
                         history=history)
    text = answer_text(brief)
    assert first_sentence(text) == "Yes." and "dismissed claims" in text, text
