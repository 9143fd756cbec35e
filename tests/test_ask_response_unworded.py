"""A standalone "how did X respond to Y?" is answered by X's acts, though they do not repeat Y's words (issue 10, s33).

s33's fresh user: ``brief ask "How did Seoul respond to Japan's export curbs?"`` and "How did South Korea respond to
Japan's export restrictions?" abstained ("… none gives what South Korea said or did in response") while the Taipei
Times report holds Moon's countermeasures threat, the WTO complaint and the summoned embassy official; as a chat
follow-up ("How did Seoul respond?") it was answered. Two filters of the answerability check dropped the responder's
acts: the place filter (a sentence sharing only the question's places is another story there; a WTO complaint shares
no "export" or "curbs") and the pool of the most relevant sentences (the sentences restating the measure outrank
the response). The kind: a response is another act than the one asked about, so the responder's reported act or
words answer when their passage tells of the asked event (``answer_response.responded_in_story``); another story in
the responder's country (a port opening) still does not.

End to end through the real Engine over short reports written for this test (tests/data/ask_response_unworded/: a
measure restated three times, then the responder's acts in words of their own; and an unrelated story of the
responder's country), and over the sample corpus for the fresh user's questions.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.pipeline import Engine
from rag.writers.answer_response import responded_in_story

DATA = Path(__file__).resolve().parent / "data" / "ask_response_unworded"


def test_a_responders_act_counts_only_in_a_passage_telling_the_asked_event():
    led = np.array([True, True, False])
    passages = [{"shrimp", "export", "summon"}, {"laem", "termin"}, {"shrimp", "export"}]
    assert responded_in_story(led, {"export", "curb"}, passages).tolist() == [True, False, False]
    # a question asking for no response, or naming nothing but places, lets no sentence through here
    assert responded_in_story(None, {"export"}, passages).tolist() == [False, False, False]
    assert responded_in_story(led, set(), passages).tolist() == [False, False, False]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("ask_response_unworded") / "data", DATA)


ACTS = {
    "Thailand": ["Thailand's foreign ministry summoned India's ambassador", "Thai Prime Minister Anong Srisuk said",
                 "Thailand's commerce ministry said Bangkok would file a complaint"],
    "the Philippines": ["The Philippines recalled its ambassador from Jakarta",
                        "The Philippine trade secretary said Manila would buy"],
}


@pytest.mark.parametrize("question, responder", [
    ("How did Thailand respond to India's shrimp export curbs?", "Thailand"),
    ("How did Bangkok react to India's shrimp export restrictions?", "Thailand"),
    ("What did Thailand do in response to India's shrimp export restrictions?", "Thailand"),
    ("How did the Philippines respond to Indonesia's nickel ore export halt?", "the Philippines"),
    ("How did Manila react to Indonesia's halt of nickel ore exports?", "the Philippines"),
])
def test_the_responders_acts_answer_a_standalone_response_question(engine, question, responder):
    brief = engine.write(question, template="answer")
    text = answer_text(brief)
    assert not brief.abstained, brief.message
    assert "none gives what" not in text, text
    assert any(text.startswith(a) for a in ACTS[responder]), text
    assert "Laem Chabang" not in text, text  # another story in the responder's country


# -- the sample corpus: the fresh user's questions -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", [
    "How did Seoul respond to Japan's export curbs?",
    "How did South Korea respond to Japan's export restrictions?",
    "What did South Korea do in response to Japan's export controls?",
])
def test_seouls_response_to_the_2019_curbs_is_answered_standing_alone(sample_engine, question):
    text = answer_text(sample_engine.write(question, template="answer"))
    assert "none gives what" not in text, text
    assert any(a in text for a in ("countermeasures", "complaint with the WTO", "summoned a Japanese embassy")), text
    assert "hub" not in text, text  # Korea's chip-hub pitch is another story
