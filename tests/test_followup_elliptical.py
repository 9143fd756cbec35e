"""A short follow-up that ends on its verb leaves its object to the conversation: "Did Japan agree?", "Who is
affected?", "Who benefits?", "Has Seoul responded?" ask about the previous question's story.

Kind (s32 fresh user, finding 7): after an answer about Japan's curbs (or the US request to Japan), "Did Japan
agree?" and "Who is affected?" were answered as bare questions ("The corpus has no evidence on the question “Did
Japan agree?”"): they hold a content word ("agree", "affected"), name nothing new, and carry no pronoun or cue, so
``rag.followup`` read them as standalone. Now such a question (an auxiliary, a subject of up to three words, the
verb; or a wh-word, an optional form of "be"/"have", the verb: ``elliptical_followups.toml``) is a follow-up within a
conversation when every name it holds was named before, and it stays on the story the previous answer said. A
polar one with a named subject is read for a verdict against that story ("The sources do not say whether Japan
agreed. …").
"""

from __future__ import annotations

import pytest

from rag.followup import elliptical_polar, resolve_follow_up
from rag.types import Turn

US_ASK = ("What did the US ask Japan to do?",
          "According to an unnamed roundup citing Kyodo News: “US authorities have asked the Japanese government to join "
          "efforts aimed at curbing China’s progress in semiconductor development.” [1]")
CURBS = ("Which materials did Japan restrict for export to South Korea?",
         "The export restrictions cover fluorinated polyimides, which are used in organic light-emitting diode screens "
         "for TVs and smartphones, as well as photoresist and hydrogen fluoride, used for making semiconductors. [1]")
BATTERY = ("What did Japan deny Chinese battery makers?",
           "Intelrift Intelligence Desk (AI-generated brief, 2026) reports: “Japan has reportedly denied cybersecurity "
           "approval for Chinese storage battery makers, tightening scrutiny on cross-border hardware.” [1]")


def _history(pair):
    return [Turn("user", pair[0]), Turn("assistant", pair[1])]


@pytest.mark.parametrize("before, question", [
    (US_ASK, "Did Japan agree?"),
    (CURBS, "Who is affected?"),
    (CURBS, "Did Seoul object?"),
    (CURBS, "Has Seoul responded?"),
    (CURBS, "Was it approved?"),
    (BATTERY, "Who benefits?"),
    (BATTERY, "Will China retaliate?"),
    (BATTERY, "What was denied?"),
])
def test_a_question_ending_on_its_verb_follows_up_on_the_story(before, question):
    resolved = resolve_follow_up(question, _history(before))
    assert resolved.is_follow_up, resolved
    assert resolved.asked == question
    assert resolved.said, "the evidence stays on the story the previous answer said"


@pytest.mark.parametrize("before, question", [
    (CURBS, "Did SMIC agree?"),  # names something the conversation did not
    (CURBS, "What happened?"),  # a light verb asks anew
    (CURBS, "Who is Suga?"),  # ends on a name, not a verb
    (CURBS, "Did Japan restrict hydrogen fluoride?"),  # the verb has its object
])
def test_a_question_with_its_own_object_or_a_new_name_stands_alone(before, question):
    resolved = resolve_follow_up(question, _history(before))
    assert not resolved.said
    assert question != "Did SMIC agree?" or not resolved.is_follow_up


def test_without_a_conversation_it_is_a_question_of_its_own():
    assert not resolve_follow_up("Did Japan agree?", []).is_follow_up


@pytest.mark.parametrize("asked, polar", [
    ("Did Japan agree?", True),
    ("Has Seoul responded?", True),
    ("Did South Korea object?", True),
    ("Did they agree?", False),  # the claim would name no one
    ("Did it work?", False),
    ("Who is affected?", False),  # not polar
    ("Did Japan restrict hydrogen fluoride?", False),  # not elliptical: a question of its own
])
def test_an_elliptical_polar_follow_up_with_a_named_subject_is_read_for_a_verdict(asked, polar):
    assert elliptical_polar(asked) is polar


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_did_japan_agree_is_asked_of_the_us_request(sample_engine):
    from evals.rtqa_answers import answer_text

    first = sample_engine.write(US_ASK[0], template="answer")
    history = [Turn("user", US_ASK[0]), Turn("assistant", answer_text(first))]
    brief = sample_engine.write("Did Japan agree?", template="answer", history=history)
    shown = answer_text(brief) if not brief.abstained else brief.message
    assert "no evidence on the question" not in shown, shown
    assert shown.startswith("The sources do not say whether Japan agreed."), shown
    # the request, in either of the roundup's sentences that tell it ("US authorities have asked the Japanese
    # government …", "Officials in Washington are seeking Tokyo’s engagement …")
    assert any(w in shown for w in ("request", "Japanese government", "seeking Tokyo")), shown


def test_who_is_affected_is_asked_of_the_previous_story(sample_engine):
    from evals.rtqa_answers import answer_text

    first = sample_engine.write(CURBS[0], template="answer")
    history = [Turn("user", CURBS[0]), Turn("assistant", answer_text(first))]
    brief = sample_engine.write("Who is affected?", template="answer", history=history)
    assert not brief.abstained, brief.message
    assert "South Korean" in answer_text(brief)
