"""A wire photo's caption is never quoted as an answer (issue 10, abstention; h/abstain-s65).

The kind: a caption ("Dockworkers hold placards during a rally …, in Rotterdam, Netherlands, March 3, 2026.")
repeats its story's names and places, so it holds many of a question's key terms, but it tells what a picture shows,
not the act asked about. Quoted as the answer it answers another question. The reports below are written for this
test (no RealTime QA text).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers.answer_caption import wire_caption

CAPTIONS = [
    "Dockworkers hold placards during a rally outside the port authority building in Rotterdam, Netherlands, "
    "March 3, 2026.",
    "Finance Minister Anna Berg speaks to reporters at the ministry in Oslo, Norway, 14 May 2026.",
    "Members of the Senate Budget Committee listen to testimony during a hearing on Capitol Hill in Washington, "
    "U.S., February 10, 2026.",
    "Firefighters battle a blaze at a warehouse on the outskirts of Valencia, Spain, Aug. 2, 2026.",
    "Farmers drive tractors past the parliament building during a protest in Warsaw, Poland, January 22, 2026.",
]

PROSE = [
    "The ban takes effect on December 1, 2026.",
    "The union agreed to meet the port authority on March 3, 2026.",
    "Firefighters battled the blaze for six hours before it was contained, the city said on Aug. 2, 2026.",
    "Prime Minister Lena Holm will visit Warsaw on January 22, 2026.",
    "The hearing, which runs through Friday, is the committee's third since January 2026.",
]


@pytest.mark.parametrize("sentence", CAPTIONS)
def test_a_present_tense_scene_closed_by_its_full_date_is_a_caption(sentence):
    assert wire_caption(sentence, "2026-12-01")


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_telling_when_is_no_caption(sentence):
    assert not wire_caption(sentence, "2026-12-01")


ARTICLES = [
    ("01_rotterdam.md", "2026-03-04", "Rotterdam dockworkers rally over automation",
     "Hundreds of dockworkers rallied in Rotterdam on Tuesday against plans to automate two more container terminals. "
     "Dockworkers from the FNV union hold placards during a rally outside the port authority building over terminal "
     "automation plans in Rotterdam, Netherlands, March 3, 2026. The union said the plans would cost 800 jobs."),
    ("02_valencia.md", "2026-08-03", "Warehouse fire forces evacuations near Valencia",
     "A fire at a logistics warehouse near Valencia forced the evacuation of 300 homes on Sunday. Firefighters from "
     "three towns battle a blaze at a chemicals warehouse on the outskirts of Valencia, Spain, Aug. 2, 2026. The "
     "regional government said no one was hurt."),
    ("03_warsaw.md", "2026-01-23", "Polish farmers protest grain imports",
     "Thousands of farmers blocked roads across Poland on Thursday to protest against grain imports. Farmers from "
     "the Solidarity union drive tractors past the parliament building during a grain import protest in Warsaw, "
     "Poland, January 22, 2026. The agriculture ministry said talks would continue."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("answer_caption"), ARTICLES)


def ask(engine, question):
    return engine.write(question, template="answer", filters=SearchFilters(until="2026-12-31"))


@pytest.mark.parametrize("question, caption", [
    # the caption holds the question's names and places; no prose sentence tells the asked act
    ("Which union's dockworkers agreed to meet the Rotterdam port authority over terminal automation plans?",
     "hold placards"),
    ("Which towns' firefighters were sent to the chemicals warehouse on the outskirts of Valencia?", "battle a blaze"),
    ("Which union's farmers drove tractors to the parliament building in Warsaw to deliver their grain import "
     "demands?", "drive tractors"),
])
def test_an_answer_never_quotes_a_caption(engine, question, caption):
    brief = ask(engine, question)
    assert caption not in answer_text(brief), answer_text(brief)
    assert caption not in (brief.message or ""), brief.message


def test_a_prose_sentence_beside_a_caption_still_answers(engine):
    brief = ask(engine, "How many jobs would the Rotterdam automation plans cost?")
    assert not brief.abstained, brief.message
    assert "800" in answer_text(brief)
