"""The asked number or date may come in the sentence after the one stating the asked fact: "Most babies in Vellmar
were born to unmarried parents last year … According to the statistics office, … – 52.6% of the total." answers
"What percentage of babies …?"; the answer gives the value, not "none gives the percentage" (a false statement that
the sources lack it). ``candidates.link_value_continuations`` makes the value sentence the fact sentence's
continuation.

Seen on RealTime QA (fit half): "What percentage of babies in the UK were born out of wedlock last year?" answered
"The sources report: “The majority of babies were born out of wedlock last year …”; none gives the percentage", with
51.3% in the next sentence. These articles (tests/data/value_continuation/) are written for this test: a percentage,
a start date and a count, each in the sentence after the one that repeats the question.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.candidates import link_value_continuations

DATA = Path(__file__).resolve().parent / "data" / "value_continuation"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("value_continuation") / "data", DATA)


@pytest.mark.parametrize("question, value", [
    ("What percentage of babies in Vellmar were born to unmarried parents last year?", "52.6%"),
    ("From when will Lindmark court interpreters walk out indefinitely?", "14 July"),
    ("How many people were detained after the Amsel fuel price rally?", "312"),
])
def test_the_value_in_the_next_sentence_answers_first(engine, question, value):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert value in first_sentence(answer_text(brief)), answer_text(brief)


def test_a_sentence_already_giving_the_value_gets_no_continuation():
    class C:  # the two fields adjacent_pairs reads, two sentences of one passage
        def __init__(self, start):
            self.chunk_id, self.local_start, self.local_end = "c", start, start + 10
    cands = [C(0), C(11), C(22)]
    neighbours: list[list[int]] = [[], [], []]
    link_value_continuations(cands, neighbours, np.array([1.0, 1.0, 0.0]))
    assert neighbours == [[], [], []]  # the first gives it; the third gives nothing to follow with
    link_value_continuations(cands, neighbours, np.array([0.0, 1.0, 0.0]))
    assert neighbours == [[1], [], []]
