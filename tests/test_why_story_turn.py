"""A "why" answer comes from the story asked about, and says so when that story gives no reason (issue 10; s34 fresh
user, finding 1).

``brief ask "Why did Japan deny cybersecurity approval to Chinese battery makers?"`` was answered only by the next
sentence of the same digest paragraph, another story: "In parallel, a separate report from Taipei Times the same day
says tech executives are being held in China in connection with a chip smuggling case." It borrowed the question's
words from the battery sentence before it and its "in connection with" read as a reason. The kinds:

- a sentence that opens by turning to another story ("In parallel, a separate report …", "Meanwhile, …",
  "Elsewhere, …", "Separately, …": ``story_turn.turns_away``) lends no words to, and borrows none from, the
  sentences of the story before it (``story_turn.with_story_neighbours``, ``story_turn.turn_view``); it still answers
  a question about its own story;
- when no sentence the answer may quote states a reason, a "why" answer quotes what the sources say of the act and
  their reading of it, and says first that they give no reason (``stated_reason.states_no_reason``,
  ``UNSTATED_LEAD``); a stated reason is quoted without that note;
- "What happens next?" after such an answer is a follow-up on its story (``followup_cues.txt``), asks what to watch
  (``watch_list.toml``), and is no "which one of a class" question (``answer_kinds.toml`` ``not_a_class``).

End to end through the real Engine over four documents written for this test (tests/data/why_turn/: three digests of
two stories each, turning with "In parallel, a separate report", "Meanwhile," and "Elsewhere,", and a news report
whose official reason is given before a "Separately," turn), and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import engine_over

from rag.followup import is_follow_up
from rag.types import Chunk, Turn
from rag.writers.answer_kind import answer_type
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate
from rag.writers.stated_reason import UNSTATED_LEAD, states_no_reason, without_lead
from rag.writers.story_turn import turns_away, with_story_neighbours
from rag.writers.watch_items import asks_to_watch

DATA = Path(__file__).resolve().parent / "data" / "why_turn"


@pytest.mark.parametrize("text, turns", [
    ("In parallel, a separate report from Taipei Times the same day says tech executives are being held in China.", True),
    ("Meanwhile, Vellmar police are questioning six port officials over missing customs records.", True),
    ("Elsewhere, Marovia's trade minister toured three coastal provinces.", True),
    ("Separately, Brenmark fishermen staged a protest over fuel prices.", True),
    ("In related news, the ministry named a new spokesman.", True),
    ("A separate report says the port reopened.", True),
    ("The halt, reported on 2026-05-01 by the Baltic Ledger, signals that Norvia is treating cobalt as a security asset.", False),
    ("Calder officials said the suspension was due to an outbreak of fish lice.", False),
    ("In the meantime, the ministry will review the ban.", False),  # a time, not another story
    ("Parallel imports of cobalt rose in May.", False),
])
def test_a_sentence_that_turns_to_another_story(text, turns):
    assert turns_away(text) is turns


def _cands(texts: list[str]) -> list[Candidate]:
    body = " ".join(texts)
    chunk = Chunk(chunk_id="d-0000", doc_id="d", text=body, start=0, end=len(body), index=0, metadata={})
    out, at = [], 0
    for t in texts:
        out.append(Candidate(passage=EvidencePassage("S1", chunk, 1.0), rank=0, local_start=at, local_end=at + len(t),
                             text=t))
        at += len(t) + 1
    return out


def test_neighbours_lend_their_words_within_a_story_not_across_a_turn():
    cands = _cands(["Norvia has halted cobalt shipments to Kestria.",
                    "The halt signals a new security posture.",
                    "In parallel, a separate report says two executives are held in Kestria.",
                    "They are accused of bribery."])
    own = np.array([True, False, False, False])
    assert with_story_neighbours(own, cands).tolist() == [True, True, False, False]
    # the turning sentence's own words reach the sentence that goes on with its story, not the one before it
    own = np.array([False, False, True, False])
    assert with_story_neighbours(own, cands).tolist() == [False, False, True, True]


@pytest.mark.parametrize("question, lead, typed, note", [
    ("Why did Japan deny cybersecurity approval to Chinese battery makers?",
     "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers. The decision signals that "
     "Tokyo is treating battery supply chains as a security domain.", False, True),
    ("Why did Norvia halt cobalt shipments?", "Norvia has halted refined cobalt shipments to Kestria.", False, True),
    # a reason stated, typed or told, or the actor's own word on its act: no note
    ("Why did Calder suspend salmon imports?", "Calder officials said the suspension was due to an outbreak of fish lice.",
     True, False),
    ("Why did Calder suspend salmon imports?", "The rules were tightened to protect the farms, the agency said.", False, False),
    ("Why did Japan tighten the controls?", "Such materials can only be exported to trustworthy trading partners, "
     "Japanese officials have said.", False, False),
    # not a "why" question
    ("What did Norvia halt?", "Norvia has halted refined cobalt shipments to Kestria.", False, False),
])
def test_a_why_answer_says_when_no_reason_is_stated(question, lead, typed, note):
    assert states_no_reason(question, lead, typed) is note


def test_the_lead_is_the_products_words_not_the_quote():
    assert without_lead(UNSTATED_LEAD + "Norvia has halted …") == "Norvia has halted …"
    assert without_lead("Norvia has halted …") == "Norvia has halted …"


@pytest.mark.parametrize("question", ["What happens next?", "What will happen next?", "What comes next?", "What next?",
                                      "What's next?", "What should we watch for next?"])
def test_what_next_is_a_follow_up_asking_what_to_watch(question):
    assert is_follow_up(question)
    assert asks_to_watch(question)
    assert answer_type(question) is None  # not "which one of a class"


@pytest.mark.parametrize("question, kind", [("What happened next?", "action"), ("What country comes next?", "name"),
                                            ("Which show comes next?", "thing")])
def test_a_class_asked_before_next_is_still_asked(question, kind):
    assert answer_type(question) == kind


# -- end to end -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("why_turn") / "data", DATA)


def _text(brief) -> str:
    return " ".join(c.text for s in brief.sections for c in s.claims)


WHY = [  # (question, a word of the asked act's sentence, words of the other story that must not answer, the watch item)
    ("Why did Norvia halt cobalt shipments to Kestria?", "security asset", "executives", "nickel"),
    ("Why did Ostrava bar wheat imports from Vellmar?", "state control", "police", "barley"),
    ("Why did Teshima block drone motor sales to Marovia?", "security rules", "investors", "drone batteries"),
]


@pytest.mark.parametrize("question, reading, other, _", WHY)
def test_why_is_answered_from_the_asked_story_and_says_no_reason_is_given(engine, question, reading, other, _):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = _text(brief)
    assert other not in text
    assert text.startswith(UNSTATED_LEAD)
    assert reading in text


def test_a_stated_reason_is_quoted_without_the_note_and_the_turn_is_not_its_context(engine):
    brief = engine.write("Why did Calder suspend salmon imports from Brenmark?", template="answer")
    text = _text(brief)
    assert "fish lice" in text
    assert not text.startswith(UNSTATED_LEAD)
    assert "fuel prices" not in text


def test_a_turning_sentence_still_answers_about_its_own_story(engine):
    brief = engine.write("Why are two mining executives being held in Kestria?", template="answer")
    assert not brief.abstained, brief.message
    assert "bribery" in _text(brief)


@pytest.mark.parametrize("question, _, other, watch", WHY)
def test_what_happens_next_after_a_why_takes_the_storys_watch_item(engine, question, _, other, watch):
    first = engine.write(question, template="answer")
    history = [Turn("user", question), Turn("assistant", _text(first))]
    brief = engine.write("What happens next?", template="answer", history=history)
    assert not brief.abstained, brief.message
    assert watch in _text(brief)


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_fresh_users_battery_question_and_its_what_next(sample_engine):
    question = "Why did Japan deny cybersecurity approval to Chinese battery makers?"
    brief = sample_engine.write(question, template="answer")
    text = _text(brief)
    assert "chip smuggling" not in text
    assert text.startswith(UNSTATED_LEAD) and "security domain" in text
    nxt = sample_engine.write("What happens next?", template="answer",
                              history=[Turn("user", question), Turn("assistant", text)])
    assert "denial list" in _text(nxt)

