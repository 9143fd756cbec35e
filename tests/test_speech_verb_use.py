"""A speaker is read only from a verb of saying used as one.

* Kind (s57, issue 10 "Answers"): the writers' speaker readers matched a verb of saying after a name without regard
  to case or use: "held by the United States since 1946" read "States" as "states" (speaker "held by the United"),
  and "… added 12 …" read an act with a counted object as speech. ``rag.text.speech_use.used_as_speech`` now says
  whether a match is speech (a lower-case verb; an act-with-object verb, ``speech_use.toml``, not before a quantity),
  and ``hypothesis_stance.speaker``, ``asked_speaker.says`` and ``answer_value.speaks`` read through it. A question
  "Who added patrol boats …?" asks for an actor, not a speaker (``asks_speech``).
* "What did <full name> say …?" is answered by the sentence in which the person speaks under their last name
  ("Keating said …"), not by the one where the full name stands before an act verb.
* End to end over short news articles written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.text.speech_use import asks_speech, used_as_speech
from rag.writers.answer_value import speaks
from rag.writers.asked_speaker import says
from rag.writers.hypothesis_stance import speaker


@pytest.mark.parametrize("sentence", [
    "The reef, held by the United States since 1958, shelters a weather station.",
    "Ownership of the cable passed to the United States in 2019 after a long dispute.",
    "The committee of the Harbour Board Notes Office met on Friday to plan the dredging.",
    "Transport minister Ilsa Maren added 14 buses to the night network in March.",
    "The Green League claimed three seats in the northern district.",
    "The inspectors cited 27 breaches of the fire code at the depot.",
])
def test_no_speaker_without_a_verb_of_saying_used_as_one(sentence):
    assert speaker(sentence)[0] is None


@pytest.mark.parametrize("sentence, who", [
    ("Police said 9 people were hurt when the bridge collapsed.", "Police"),  # "said" before a figure is speech
    ("Ilsa Maren added that the buses would run until 2 a.m.", "Ilsa Maren"),
    ("The fares will rise, the minister added, by 10 percent.", "the minister"),
    ("The United States says the reef is a protected area.", "the United States"),
])
def test_a_verb_of_saying_used_as_one_still_frames_speech(sentence, who):
    assert speaker(sentence)[0] == who


@pytest.mark.parametrize("text, verb, used", [
    ("held by the United States since 1958", "States", False),
    ("Maren added 14 buses", "added", False),
    ("the league claimed three seats", "claimed", False),
    ("Maren added that the buses would run", "added", True),
    ("Police said 9 people were hurt", "said", True),
])
def test_used_as_speech(text, verb, used):
    at = text.index(verb)
    assert used_as_speech(text, at, at + len(verb)) is used


@pytest.mark.parametrize("question, verb, asks", [
    ("who added buses to the night network?", "added", False),
    ("who claimed the seats in the north?", "claimed", False),
    ("who added that the buses would run late?", "added", True),
    ("who said the buses would run late?", "said", True),
])
def test_a_question_asks_for_a_speaker_only_with_a_verb_of_saying(question, verb, asks):
    at = question.index(verb)
    assert asks_speech(question, at, at + len(verb)) is asks


@pytest.mark.parametrize("name, text, spoken", [
    ("Ilsa Maren", "Transport minister Ilsa Maren added 14 buses to the night network in March.", False),
    ("Ilsa Maren", "Maren said the buses would run until 2 a.m. on weekends.", True),
    ("Ilsa Maren", "Transport minister Maren told reporters the fares would not change.", True),
    ("South Korea", "North Korea said the drills were a provocation.", False),
])
def test_says_needs_speech_and_knows_a_last_name(name, text, spoken):
    assert says(name, text) is spoken


def test_speaks_needs_speech():
    assert not speaks("Ilsa Maren", "Transport minister Ilsa Maren added 14 buses to the night network.")
    assert speaks("Ilsa Maren", "Ilsa Maren added that the buses would run late.")


ARTICLES = [
    ("01_buses.md", "2026-04-02", "Night buses return to Caldera",
     "Transport minister Ilsa Maren added 14 buses to the night network in March.\n"
     "Maren said the buses would run until 2 a.m. on weekends to serve shift workers.\n"
     "Bus drivers' unions asked for more staff on the late routes."),
    ("02_reef.md", "2026-05-11", "Scientists return to Korrin Reef",
     "Korrin Reef, held by the United States since 1958, shelters a weather station and a small harbour.\n"
     "Marine biologists from three universities arrived on Monday to count coral colonies.\n"
     "The station's director said storms had damaged the harbour wall last winter."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("speech_verb_use"), ARTICLES)


def test_what_someone_said_leads_with_their_words(engine):
    said = answer_text(engine.write("What did Ilsa Maren say about the night buses?", template="answer"))
    assert first_sentence(said).startswith("Maren said"), said


def test_who_did_an_act_named_by_a_speech_verb(engine):
    said = answer_text(engine.write("Who added buses to the night network?", template="answer"))
    assert "Ilsa Maren" in first_sentence(said), said


def test_a_name_word_is_no_speaker(engine):
    said = answer_text(engine.write("Who said storms had damaged the harbour wall?", template="answer"))
    assert "held by the United" not in said and "director" in first_sentence(said), said
