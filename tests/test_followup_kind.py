"""An elliptical follow-up asks for what the question before it asked for; "who said so?" asks about the answer.

Unit level, no LLM: ``resolve_follow_up`` resolves the follow-up once, and ``answer_type`` reads the kind of answer
from its standalone form. The conversations are our own, not the followups suite's.
"""

from __future__ import annotations

import pytest

from rag.followup import is_follow_up, resolve_follow_up
from rag.types import Turn
from rag.writers.answer_kind import answer_type, asked_kind_phrase


def conversation(*turns: str) -> list[Turn]:
    """Alternating user/assistant turns, user first."""
    return [Turn("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]


NUMBER_QUESTIONS = [
    "How many semiconductors did Japan ship to South Korea in 2020?",
    "How much did the government budget for shipbuilding subsidies last year?",
    "What share of the world's rare earths does China refine?",
]
LIST_QUESTIONS = [
    "Which foundational technologies does Japan's economic security strategy name?",
    "What materials did Beijing restrict in its export ban?",
    "What kinds of chips did the rules restrict?",
    "Which items does the new ban cover?",
]
DATE_QUESTIONS = [
    "When did Japan tighten export curbs on South Korea?",
    "When did the ministry announce the battery ruling?",
]
ELLIPTICAL = ["And the year before?", "And in 2021?", "What about Korea?", "How about Taiwan?", "And the Philippines?",
              "Taiwan?", "But in 2019?", "Same for Vietnam?"]


@pytest.mark.parametrize("previous", NUMBER_QUESTIONS)
@pytest.mark.parametrize("follow_up", ELLIPTICAL)
def test_an_elliptical_follow_up_to_a_number_question_asks_for_a_number(previous, follow_up):
    assert answer_type(previous) == "number"
    resolved = resolve_follow_up(follow_up, conversation(previous, "The figure was 4.2 billion, the ministry said."))
    assert answer_type(resolved.standalone) == "number"


@pytest.mark.parametrize("previous", LIST_QUESTIONS)
@pytest.mark.parametrize("follow_up", ELLIPTICAL)
def test_an_elliptical_follow_up_to_a_list_question_asks_for_a_list(previous, follow_up):
    assert answer_type(previous) == "list"
    resolved = resolve_follow_up(follow_up, conversation(previous, "They include gallium and germanium."))
    assert answer_type(resolved.standalone) == "list"


@pytest.mark.parametrize("previous", DATE_QUESTIONS)
@pytest.mark.parametrize("follow_up", ["What about Korea?", "And China?", "And the second round?"])
def test_an_elliptical_follow_up_to_a_when_question_asks_when(previous, follow_up):
    resolved = resolve_follow_up(follow_up, conversation(previous, "In July 2019."))
    assert answer_type(resolved.standalone) == "when"


@pytest.mark.parametrize(
    ("follow_up", "kind"),
    [("And why?", "reason"), ("And who announced it?", "name"), ("And on what date?", "date"),
     ("And what did they do in response?", "action"), ("And when?", "when")],
)
def test_a_follow_up_that_asks_for_a_kind_itself_keeps_its_own(follow_up, kind):
    resolved = resolve_follow_up(follow_up, conversation(NUMBER_QUESTIONS[0], "About 4.2 billion chips."))
    assert answer_type(resolved.standalone) == kind


@pytest.mark.parametrize("follow_up", ["And what else?", "Tell me more", "Anything else?",
                                       "Go on", "And any others?"])
def test_a_follow_up_asking_for_more_does_not_inherit_the_kind(follow_up):
    resolved = resolve_follow_up(follow_up, conversation(NUMBER_QUESTIONS[0], "About 4.2 billion chips."))
    assert resolved.is_follow_up
    assert answer_type(resolved.standalone) is None


def test_the_kind_is_inherited_down_a_chain_of_follow_ups():
    history = conversation(NUMBER_QUESTIONS[0], "About 4.2 billion chips.", "And in 2021?", "About 4.6 billion.",
                           "And in 2022?", "About 3.9 billion.")
    resolved = resolve_follow_up("What about Taiwan?", history)
    assert answer_type(resolved.standalone) == "number"
    assert "semiconductors" in resolved.context


def test_the_inherited_asking_words_are_carried_once():
    resolved = resolve_follow_up("And in 2021?", conversation(LIST_QUESTIONS[0], "AI and quantum technology."))
    words = " ".join(resolved.context).lower().split()
    assert words.count("foundational") == 1 and words.count("technologies") == 1


def test_a_standalone_question_is_unchanged():
    assert answer_type("Is the curb still in force?") is None
    assert resolve_follow_up("Which materials did Japan restrict?", []).context == ()


@pytest.mark.parametrize(
    ("question", "phrase"),
    [("How many troops did Russia deploy?", "how many"), ("Who leads the ministry?", "who"),
     ("Is the curb still in force?", None)],
)
def test_asked_kind_phrase_gives_the_words_that_ask(question, phrase):
    got = asked_kind_phrase(question)
    assert (got.lower() if got else None) == phrase


# --- a new year replaces the year, not the names ---------------------------------------------------------------------


@pytest.mark.parametrize("follow_up", ["And in 2021?", "And 2018?", "But in 2023?"])
def test_a_new_year_replaces_the_year_and_keeps_the_names(follow_up):
    resolved = resolve_follow_up(follow_up, conversation(NUMBER_QUESTIONS[0], "About 4.2 billion chips."))
    assert {"Japan", "South", "Korea"} <= set(resolved.context)
    assert "2020" not in resolved.context


def test_a_new_name_replaces_the_names_and_keeps_the_year():
    resolved = resolve_follow_up("What about Taiwan?", conversation(NUMBER_QUESTIONS[0], "About 4.2 billion."))
    assert "Japan" not in resolved.context and "2020" in resolved.context


# --- follow-ups about the previous answer ------------------------------------------------------------------------------

ABOUT_THE_ANSWER = ["Who said so?", "Who said that?", "Says who?", "According to whom?", "Why?",
                    "When was that?", "Who says so?", "Why so?", "How so?"]


@pytest.mark.parametrize("question", ABOUT_THE_ANSWER)
def test_questions_about_the_previous_answer_are_follow_ups(question):
    assert is_follow_up(question)


@pytest.mark.parametrize("question", ["Who said so?", "Who said that?", "Says who?", "According to whom?",
                                      "When was that?", "Who says so?"])
def test_a_question_about_the_answer_carries_the_answer_s_names(question):
    history = conversation("What did Japan decide about the battery units?",
                           "Japan's industry ministry denied approval to CATL and BYD, METI said.")
    resolved = resolve_follow_up(question, history)
    assert {"CATL", "BYD"} <= set(resolved.from_reply)
    assert {"battery", "units"} <= set(resolved.context)


@pytest.mark.parametrize(("question", "kind"), [("Who said so?", "name"), ("Says who?", "name"),
                                                ("According to whom?", "name"), ("Why?", "reason"),
                                                ("When was that?", "when")])
def test_a_question_about_the_answer_keeps_its_own_kind(question, kind):
    resolved = resolve_follow_up(question, conversation(NUMBER_QUESTIONS[0], "About 4.2 billion, METI said."))
    assert answer_type(resolved.standalone) == kind


@pytest.mark.parametrize("question", ["Who said the yen would fall?", "Why did Japan curb exports to Korea?",
                                      "Who says the treaty is void?"])
def test_a_full_question_with_a_speaker_is_not_a_follow_up(question):
    assert not is_follow_up(question)
