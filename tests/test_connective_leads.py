"""An answer's first sentence never opens with a connective or an example marker (issue 10, item 4; seed qa-062 led
with "For example, the media reported … ASML …").

Another sentence of the pool leads when one stands alone (``answer_context.standalone_leads``); when none does, the
lead drops a connective a comma sets off ("For example, customs officers … held 14 …" -> "Customs officers … held 14
…": the clause's span is cited, its first letter capitalized), or, for a marker that is part of the clause ("Another
notable example is …", "One such case is …"), it is quoted with the sentence it leans on. End to end through the
real Engine over eight short reports written for this test (tests/data/connective_leads/: each a general sentence
and the one that answers, opening with "For example,", "For instance,", "In other words,", "Accordingly,", "Another
notable example is", "One such case is", "In fact," or "As such,"), and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.pipeline import Engine
from rag.types import Chunk
from rag.writers.answer_context import (EXAMPLE_RE, opening_on_its_own, standalone_leads, with_sentence_before,
                                       without_opener)
from rag.writers.base import EvidencePassage
from rag.writers.candidates import CONNECTIVE_RE

DATA = Path(__file__).resolve().parent / "data" / "connective_leads"


def sentence_of(passage: str, sentence: str):
    from rag.writers.candidates import Candidate

    chunk = Chunk(chunk_id="d-0000", doc_id="d", text=passage, start=0, end=len(passage), index=0)
    at = passage.index(sentence)
    return Candidate(passage=EvidencePassage("S1", chunk, 1.0), rank=0, local_start=at, local_end=at + len(sentence),
                     text=sentence)


@pytest.mark.parametrize("sentence, clause", [
    ("For example, customs officers held 14 ships.", "Customs officers held 14 ships."),
    ("For instance, the ministry refused 37 visas.", "The ministry refused 37 visas."),
    ("In other words, utilities may no longer install them.", "Utilities may no longer install them."),
    ("Accordingly, Lumatek moved its factory to Arden.", "Lumatek moved its factory to Arden."),
    ("In fact, police fined 112 drone pilots.", "Police fined 112 drone pilots."),
    ("Indeed, the port stayed closed for a week.", "The port stayed closed for a week."),  # set off by its comma
    ("As such, Etchwell stopped shipping parts.", "Etchwell stopped shipping parts."),
    ("In particular, two smelters lost their licences.", "Two smelters lost their licences."),
])
def test_a_connective_set_off_by_a_comma_is_dropped_and_the_clause_cited(sentence, clause):
    passage = f"The rules were tightened in January. {sentence} Exporters complained."
    cut = without_opener(sentence_of(passage, sentence))
    assert cut.text == clause
    assert passage[cut.local_start : cut.local_end].lower() == clause.lower()  # the cited span is the clause


@pytest.mark.parametrize("sentence", [
    "Another notable example is the trawler Seabird, which was towed to port.",  # the marker is the clause's subject
    "One such case is the cancelled shipment of rice to Dunmore.",
    "So the ministry acted.",  # no comma sets it off
    "Customs officers held 14 ships.",  # no connective
])
def test_a_marker_that_is_part_of_the_clause_is_not_dropped(sentence):
    assert without_opener(sentence_of(f"The rules were tightened. {sentence}", sentence)) is None


def test_an_example_is_quoted_with_the_sentence_it_leans_on():
    passage = "Teshima's coast guard has seized foreign boats this summer. Another notable example is the trawler Seabird."
    joined = opening_on_its_own(sentence_of(passage, "Another notable example is the trawler Seabird."))
    assert joined.text == passage and joined.with_context and joined.local_start == 0


def test_no_sentence_to_lean_on_leaves_nothing_to_join():
    passage = "Another notable example is the trawler Seabird."
    assert with_sentence_before(sentence_of(passage, passage)) is None
    leaning = "It was towed to port. Another notable example is the trawler Seabird."  # the one before leans too
    assert with_sentence_before(sentence_of(leaning, "Another notable example is the trawler Seabird.")) is None


def test_a_sentence_that_stands_alone_leads_before_a_connective_one():
    passage = "For example, the media reported that ASML halted shipments. US authorities asked Japan to join the curbs."
    cands = [sentence_of(passage, "For example, the media reported that ASML halted shipments."),
             sentence_of(passage, "US authorities asked Japan to join the curbs.")]
    assert standalone_leads(cands, [0, 1]) == [1]
    assert standalone_leads(cands, [0]) == [0]  # none stands alone: the lead is mended instead


# -- end to end -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("connective_leads") / "data", DATA)


@pytest.mark.parametrize("question, lead", [
    ("How many container ships from Ostrava did customs officers in Tessport hold?",
     "Customs officers in Tessport held 14 container ships"),
    ("How many Kestrian physicists were refused Norvian research visas?",
     "The interior ministry refused visas to 37 Kestrian physicists"),
    ("Whose inverters may utilities in Calder no longer install?",
     "Utilities in Calder may no longer install inverters made by Brenmark's"),
    ("Where did Lumatek move its planned chip factory?", "The foundry company Lumatek moved its planned factory"),
    ("Which Marovian trawler did Teshima's coast guard tow to its main port?",
     "Teshima's coast guard has seized foreign fishing boats inside its waters this summer. Another notable example"),
    ("How much rice was in the cancelled shipment to Dunmore?",
     "Pelago has limited rice exports to protect domestic prices. One such case is"),
    ("How many drone pilots did police in Marle fine near the Corvel air base?", "Police in Marle fined 112"),
    ("Which Sarnian foundry did Etchwell stop shipping spare parts to?",
     "The toolmaker Etchwell stopped shipping spare parts to the Sarnian foundry Corra Semiconductor"),
])
def test_the_lead_stands_alone_and_keeps_the_answer(engine, question, lead):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    first = [c for s in brief.sections for c in s.claims][0]
    assert first.text.startswith(lead), first.text
    assert not CONNECTIVE_RE.match(first.text) and not EXAMPLE_RE.match(first.text)
    assert first.citations and first.verified


def test_seed_qa062_does_not_lead_with_for_example(sample_index):
    brief = Engine.from_settings(sample_index[0]).write(
        "Which Japanese semiconductor equipment makers did Washington ask to stop selling to China?", template="answer")
    first = [c for s in brief.sections for c in s.claims][0]
    assert not CONNECTIVE_RE.match(first.text) and not EXAMPLE_RE.match(first.text), first.text
    assert not answer_text(brief).startswith("For example")
