"""A count per period the sources do not give, of a thing they report, is a partial answer also when the question's
best sentence sits under the relevance floor (issue 10, abstention; h/abstain-s64).

The kind: "How many wafers a month will the plant make?" over a report of the plant that gives its chips and its
subsidy but no output. The counted words ("wafers") and the period ("a month") are in no sentence, so the question's
vector sits just under the writer's relevance floor (cosine 0.35 < 0.35) and the answer abstained with a bare "The
corpus has no evidence on …" before ``QuestionAnswering._subject_told`` (h/abstain-s63) could read that the sources
do tell the thing counted. At the floor, the same reading now decides the message
(``QuestionAnswering.count_partial_at_floor``): what the sources report of the thing, then the missing count. It
still abstains; a question about a thing no source tells stays a bare abstention.

End to end through the real Engine over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.brief import NO_EVIDENCE
from rag.types import SearchFilters

ARTICLES = [
    ("01_battery.md", "2026-03-11", "Korean battery maker opens Vietnam plant",
     "Seongjin Energy opened a battery cell plant in Bac Ninh province on Wednesday. The plant is the company's first "
     "in Vietnam and cost 1.1 billion dollars. Vietnam's deputy prime minister attended the opening."),
    ("02_terminal.md", "2026-03-14", "Kaohsiung opens a deep-water container terminal",
     "Kaohsiung port opened its seventh container terminal on Saturday after six years of construction. The terminal "
     "has 18 automated cranes and is run by a joint venture of two Taiwanese shipping lines."),
    ("03_shipyard.md", "2026-03-18", "Philippine shipyard reopens under new owner",
     "The former Hanjin shipyard in Subic Bay reopened on Monday under a US investment firm. The yard will build "
     "offshore patrol vessels for the Philippine navy, the firm said."),
    ("04_fab.md", "2026-03-20", "Hokkaido fab starts test runs",
     "Kitami Semiconductor began test runs at its Chitose fab in Hokkaido on Friday. The plant will make 2-nanometre "
     "logic chips and is backed by 920 billion yen in government subsidies."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("abstain_count_floor"), ARTICLES)


def ask(engine, question):
    return engine.write(question, template="answer", filters=SearchFilters(until="2026-04-30"))


@pytest.mark.parametrize("question, missing", [
    # under the floor (cosine 0.31-0.34 with the offline embedder)
    ("How many wafers a month will the fab make?", "the number of wafers"),
    ("How many cells a day will the plant make?", "the number of cells"),
    ("How many hulls a year will the yard turn out?", "the number of hulls"),
    ("How many boats a year will the new owner build?", "the number of boats"),
    # over it: the same message as before
    ("How many battery cells a day will the Bac Ninh plant turn out?", "the number of battery cells"),
    ("How many patrol vessels a year will the yard deliver?", "the number of patrol vessels"),
])
def test_a_count_per_period_of_a_reported_thing_is_a_partial_answer(engine, question, missing):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    message = brief.message or ""
    assert not message.startswith(NO_EVIDENCE), message  # the sources do report the thing counted
    assert missing in message, message
    assert "[1]" in message, message  # what they report of it, cited


@pytest.mark.parametrize("question", [
    "How many satellites a year will the space agency launch?",
    "How many tourists a month visit the Osaka casino?",
])
def test_a_count_of_a_thing_no_source_tells_stays_a_bare_abstention(engine, question):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    assert (brief.message or "").startswith(NO_EVIDENCE), brief.message


def test_a_count_a_sentence_gives_still_answers(engine):
    brief = ask(engine, "How many automated cranes does the new Kaohsiung terminal have?")
    assert not brief.abstained, brief.message
    assert "18" in answer_text(brief)
