"""A response question's responder acts are read once per candidate list and question (s33 integrator's last read).

``QuestionAnswering._responded`` (the responder's act or words in a passage telling the asked event) was computed in
``_beyond_places`` and again for the answerability check, over the same candidates: it now sits behind
``_per_candidates``' memo as ``_held`` does, keyed by the question too (the comparison sides and a follow-up's asked
words read the same candidates with another question). Same answers as before: the response specs of
tests/test_ask_response_unworded.py run over the same articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

import rag.writers.answering as answering
from evals.rtqa_answers import answer_text

DATA = Path(__file__).resolve().parent / "data" / "ask_response_unworded"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("responded_once") / "data", DATA)


@pytest.mark.parametrize("question, opens", [
    ("How did Thailand respond to India's shrimp export curbs?", "Thailand's"),
    ("How did Manila react to Indonesia's halt of nickel ore exports?", "The Philippine"),
])
def test_the_responders_acts_are_read_once_per_candidates_and_question(engine, monkeypatch, question, opens):
    calls = []
    real = answering.responded_in_story

    def counted(led, terms, passages):
        calls.append((None if led is None else tuple(led.tolist()), frozenset(terms),
                      tuple(frozenset(p) for p in passages)))
        return real(led, terms, passages)

    monkeypatch.setattr(answering, "responded_in_story", counted)
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert answer_text(brief).startswith(opens) or opens in answer_text(brief)
    assert calls, "a response question reads the responder's acts"
    assert len(calls) == len(set(calls)), "the same candidates and question were read twice"
