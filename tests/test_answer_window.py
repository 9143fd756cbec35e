"""An answer whose question's own "this week" bounded the search says the window it searched, before its text
(``AskedPeriod.searched``, shown as the brief's message); and a place in England is in the United Kingdom
(``places.toml``), so a passage naming England answers a question about the United Kingdom. End to end through the
real Engine over three short articles (tests/data/answer_window/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters

WINDOW = Path(__file__).resolve().parent / "data" / "answer_window"


@pytest.fixture(scope="module")
def window_engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_window") / "data", WINDOW)


def test_an_answer_bounded_by_this_week_says_the_window_it_searched(window_engine):
    from rag.render import answer_with_sources

    brief = window_engine.write("Which country banned tidal turbine exports to 14 Vellonian firms this week?",
                                template="answer", filters=SearchFilters(until="2026-06-12"))
    assert not brief.abstained, brief.message
    assert brief.message == ("Searched sources published 2026-06-05 to 2026-06-12 (the question's “this week” as of "
                             "2026-06-12).")
    assert answer_with_sources(brief).startswith("Searched sources published 2026-06-05 to 2026-06-12")


def test_without_a_relative_time_no_window_is_shown(window_engine):
    brief = window_engine.write("Which country banned tidal turbine exports to 14 Vellonian firms?", template="answer",
                                filters=SearchFilters(until="2026-06-12"))
    assert not brief.abstained and not brief.message


def test_a_place_in_england_answers_a_question_about_the_united_kingdom(window_engine):
    # before, "the most relevant sentences are about other countries than the question"
    brief = window_engine.write("When did the stone circle in the United Kingdom reopen to visitors after repairs?",
                                template="answer", filters=SearchFilters(until="2026-05-10"))
    assert not brief.abstained, brief.message
    assert "3 May 2026" in first_sentence(answer_text(brief))
