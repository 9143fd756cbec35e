"""Follow-up questions are resolved once, in the pipeline, and answered with what is new.

Unit level: ``resolve_follow_up`` on several conversations. End to end: multi-turn conversations over a small
corpus of our own (tests/data/followup/), through the real Engine (Chroma, MiniLM, extractive writer).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.followup import is_follow_up, resolve_follow_up
from rag.types import Turn

DATA = Path(__file__).resolve().parent / "data" / "followup"

BATTERIES = "Which Chinese battery makers did Japan deny cybersecurity approval?"
BATTERY_ANSWER = "Japan's industry ministry denied cybersecurity approval to the storage battery units of CATL and BYD."
SUBSIDIES = "How much did Japan pledge in chip subsidies for Rapidus?"


def conversation(*turns: str) -> list[Turn]:
    """Alternating user/assistant turns, user first."""
    return [Turn("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]


# --- the resolver -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["And what did they do in response?", "What did he find?", "When did it take effect?", "Why did that happen?",
     "What about Korea?", "How about Taiwan?", "Korea?", "Why?", "How many?", "Tell me more", "And the date?"],
)
def test_questions_that_refer_back_are_follow_ups(question):
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    ["Who leads TSMC?", "What is SMIC?", "Which company said that exports of lithography tools fell in March?",
     "How much did South Korea pledge for chips?", "When did Japan restrict photoresist exports?"],
)
def test_questions_that_name_their_own_subject_stand_alone(question):
    assert not is_follow_up(question)
    assert resolve_follow_up(question, conversation(BATTERIES, BATTERY_ANSWER)).standalone == question


def test_a_pronoun_follow_up_keeps_its_words_first_and_carries_the_topic_and_the_answers_names():
    resolved = resolve_follow_up("And what did they do in response?", conversation(BATTERIES, BATTERY_ANSWER))
    assert resolved.asked == "And what did they do in response?"
    assert resolved.standalone.startswith("And what did they do in response? (")
    assert {"CATL", "BYD", "battery", "cybersecurity", "approval"} <= set(resolved.context)
    assert "Which" not in resolved.context and "did" not in resolved.context


def test_an_elliptical_question_with_a_new_name_replaces_the_old_name():
    resolved = resolve_follow_up("What about Korea?", conversation(SUBSIDIES, "Japan pledged 920 billion yen."))
    assert "Japan" not in resolved.context and "Rapidus" not in resolved.context
    assert {"chip", "subsidies"} <= set(resolved.context)
    assert resolved.standalone.startswith("What about Korea?")


def test_an_elliptical_question_does_not_borrow_names_from_the_answer():
    resolved = resolve_follow_up("What about Korea?", conversation(BATTERIES, BATTERY_ANSWER))
    assert not {"CATL", "BYD", "Japan"} & set(resolved.context)


def test_a_chain_of_follow_ups_inherits_the_first_topic():
    history = conversation(SUBSIDIES, "Japan pledged 920 billion yen.", "What about Korea?", "South Korea announced 26 trillion won.")
    resolved = resolve_follow_up("When was it announced?", history)
    assert "Korea" in resolved.context and "subsidies" in resolved.context
    assert "Japan" not in resolved.context  # replaced by Korea one turn earlier


def test_without_a_previous_question_nothing_is_carried_over():
    assert not resolve_follow_up("What did they do?", []).is_follow_up
    assert not resolve_follow_up("What did they do?", [Turn("assistant", "Hello.")]).is_follow_up


def test_a_history_that_already_ends_with_the_question_is_not_resolved_against_itself():
    history = conversation(SUBSIDIES, "Japan pledged 920 billion yen.") + [Turn("user", "What about Korea?")]
    assert resolve_follow_up("What about Korea?", history) == resolve_follow_up("What about Korea?", history[:-1])


# --- end to end: the pipeline resolves, the writer answers what is new --------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("followup") / "data", DATA)


def chat(engine, *questions: str):
    """Ask each question with the conversation so far (the answer's first sentence as the assistant turn)."""
    history: list[Turn] = []
    answers = []
    for q in questions:
        brief = engine.write(q, template="answer", history=history)
        answers.append(brief)
        history += [Turn("user", q), Turn("assistant", "" if brief.abstained else first_sentence(brief))]
    return answers


def first_sentence(brief) -> str:
    return brief.sections[0].claims[0].text


def cited_titles(brief) -> set[str]:
    return {s.title for s in brief.sources}


def follow_up_notes(brief) -> list[str]:
    return [n for n in brief.provenance.notes if n.startswith("follow-up resolved as:")]


def test_a_pronoun_follow_up_answers_the_new_question_not_the_previous_one(engine):
    first, second = chat(engine, BATTERIES, "And what did they do in response?")
    assert "CATL and BYD" in first_sentence(first)
    assert not second.abstained
    assert first_sentence(second) != first_sentence(first)
    assert "appeal" in first_sentence(second)
    assert "CATL and BYD to appeal Japan's battery decision" in cited_titles(second)
    assert second.topic == "And what did they do in response?"  # the brief shows what was asked
    assert follow_up_notes(second) and "CATL" in follow_up_notes(second)[0]


def test_an_elliptical_follow_up_answers_for_the_new_country(engine):
    first, second, third = chat(engine, SUBSIDIES, "What about Korea?", "When was it announced?")
    assert "920 billion yen" in first_sentence(first)
    assert "26 trillion won" in first_sentence(second)
    assert "Japan" not in first_sentence(second)
    assert "May 15, 2026" in first_sentence(third)  # a date follow-up may repeat the sentence that holds the date


def test_a_short_question_on_a_new_subject_is_not_treated_as_a_follow_up(engine):
    _, second = chat(engine, BATTERIES, "Who leads TSMC?")
    assert "C.C. Wei" in first_sentence(second)
    assert not follow_up_notes(second)
    assert cited_titles(second) <= {"TSMC chief executive C.C. Wei outlines Arizona plans"}


@pytest.mark.parametrize("previous, question, replaced, kept", [
    ("What is the worst case in the scenario outlook for the tariffs?", "And the best case?", "worst", "outlook"),
    ("How many ships entered the strait last year?", "And the year before?", "last", "ships"),
    ("What did the short-term plan say about subsidies?", "And the long-term plan?", "short-term", "subsidies"),
])
def test_an_elliptical_question_replaces_the_word_it_gives_anew(previous, question, replaced, kept):
    resolved = resolve_follow_up(question, [Turn("user", previous), Turn("assistant", "Something.")])
    assert replaced not in resolved.context
    assert kept in resolved.context
