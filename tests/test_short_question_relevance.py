"""A short question whose every key term one sentence holds is not "no evidence" (issue 10, answers 8).

Kind (s39, hand-written follow-up fu-114): "What did Abe and his aides hint?" got "The corpus has no evidence on the
question" though the sample corpus says "Japanese Prime Minister Shinzo Abe and his aides have hinted that there might
have been illegal transfers …": a question of a few words has a MiniLM vector as far from the sentence answering it
as a keyword's (0.33 under the floor of 0.35), which ``keyword_query.holds_every_term`` already excused for keyword
queries only. ``covered_by_terms`` excuses a question of at least two key terms when one candidate sentence, with its
neighbour, holds every one of them; a question naming something no sentence holds still abstains. End to end over the
sample corpus.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.pipeline import Engine
from rag.writers.keyword_query import covered_by_terms

FULL, PART = np.array([0.2, 1.0]), np.array([0.2, 0.6])


@pytest.mark.parametrize("query, coverage, covered", [
    ("What did Abe hint?", FULL, True),
    ("Who did Seoul summon?", FULL, True),
    ("What did Abe hint?", PART, False),  # no sentence holds every term
    ("What happened?", FULL, False),  # no key term: nothing to hold
    ("Why?", FULL, False),
    ("chip smuggling", FULL, True),  # a keyword query, as before
    ("chip smuggling", PART, False),
])
def test_a_question_is_covered_when_one_sentence_holds_every_key_term(query, coverage, covered):
    assert covered_by_terms(query, coverage) is covered


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", ["What did Abe and his aides hint?", "What did Abe hint?"])
def test_a_short_question_over_the_sample_corpus_is_answered(sample_engine, question):
    brief = sample_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert "hinted that there might have been illegal transfers" in brief.sections[0].claims[0].text


@pytest.mark.parametrize("question", ["What did Abe say about Taiwan?", "What did Putin hint?"])
def test_a_short_question_naming_what_no_sentence_holds_still_abstains(sample_engine, question):
    assert sample_engine.write(question, template="answer").abstained
