"""A partial answer (the corpus covers the question's topic but not the fact asked for) attributes its quote as a
brief would: an opinion piece's view or a judgement is said to be its source's ("“…” (analysis, 2026) expects: …"),
not "The sources report"; a news report's account of what happened stays "The sources report: …".

End to end through the real Engine over three short articles written for this test (tests/data/partial_attribution/:
an opinion piece, two news reports); unit checks of the message's form, which the followups suite reads back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals import followups
from rag.writers.abstention_text import partial_message, partial_parts

DATA = Path(__file__).resolve().parent / "data" / "partial_attribution"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("partial_attribution") / "data", DATA)


@pytest.mark.parametrize("question, gap", [
    ("When will Norvia raise the port fees at Vellmar?", "the date"),
    ("How much will the port fees at Vellmar rise?", "the number"),
])
def test_a_partial_answer_quoting_an_opinion_piece_names_it(engine, question, gap):
    brief = engine.write(question, template="answer")
    assert brief.abstained
    parts = partial_parts(brief.message)
    assert parts is not None, brief.message
    who, quote, missing = parts
    assert "Vellmar" in quote
    # named as the opinion piece its title labels it ("Opinion: …"; s57: the title's label names its kind)
    assert who != "The sources report" and "opinion piece" in who, who
    assert missing.startswith(gap)
    assert brief.closest_sources[0].source_type == "analysis"


def test_a_partial_answer_quoting_a_news_report_of_an_event_stays_reporting(engine):
    brief = engine.write("How many cracks were found in the Kestrel bridge?", template="answer")
    assert brief.abstained
    who, quote, missing = partial_parts(brief.message)
    assert who == "The sources report"
    assert "Kestrel bridge" in quote and missing.startswith("the number")


@pytest.mark.parametrize("said_by", [None, "Harbour Ledger (opinion piece, 2026) argues", "According to an unnamed report"])
@pytest.mark.parametrize("quote, missing", [
    ("Lee made a chip hub pitch in the southwest.", "the date the question asks for"),
    ("The plan: cut fees, then reopen.", "the list of items the question asks for"),
])
def test_the_partial_form_reads_back(said_by, quote, missing):
    message = partial_message(quote, missing, said_by)
    assert partial_parts(message) == (said_by or "The sources report", quote, missing)
    assert message.startswith("The sources report: “") if said_by is None else message.startswith(said_by + ": “")


@pytest.mark.parametrize("said_by", [None, "Harbour Ledger (opinion piece, 2026) argues"])
@pytest.mark.parametrize("quote, shown", [
    ("“The fees are not a blockade,” the minister said.", "‘The fees are not a blockade,’ the minister said."),
    ('Officials called the plan "a stopgap" and "unfinished".', "Officials called the plan ‘a stopgap’ and ‘unfinished’."),
    ("The port’s operator said nothing.", "The port’s operator said nothing."),
])
def test_a_quotation_inside_the_partial_quote_takes_single_marks(said_by, quote, shown):
    message = partial_message(quote, "the date the question asks for", said_by)
    assert f"“{shown}” [1]" in message and "““" not in message and "”” " not in message
    assert partial_parts(message) == (said_by or "The sources report", shown, "the date the question asks for")


@pytest.mark.parametrize("says, counted", [
    (["“The fees are not a blockade,” the minister"], 1.0), (["not a blockade"], 1.0), (["minister"], 1.0), (["“a stopgap”"], 0.0),
])
def test_the_followups_suite_reads_a_nested_quotation_as_shown(says, counted):
    turn = {"question": "When will it open?", "answerable": False, "says": says, "missing": ["date"]}
    message = partial_message("“The fees are not a blockade,” the minister said.", "the date the question asks for")
    assert followups.turn_scores(turn, 1, "", message, True, [])["partial_correct"] == counted


@pytest.mark.parametrize("message", [
    "The corpus has no evidence on when it opens.",
    "The model's claims were not supported by the sources (all 3 removed by citation checking).",
    "",
])
def test_other_abstentions_are_not_partial_answers(message):
    assert partial_parts(message) is None


def test_the_followups_suite_counts_an_attributed_partial_answer():
    turn = {"question": "When will it open?", "answerable": False, "says": ["chip hub"], "missing": ["date"]}
    message = partial_message("Lee made a chip hub pitch.", "the date the question asks for",
                              "WorldWideWatchers (AI-generated brief, 2026) assesses")
    assert followups.turn_scores(turn, 1, "", message, True, [])["partial_correct"] == 1.0
    assert followups.turn_scores(turn, 1, "", "The corpus has no evidence on it.", True, [])["partial_correct"] == 0.0
