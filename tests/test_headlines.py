"""Titles are evidence for answers (issue 10, items 4 and 8; fresh user s27: "What did Japan say in response?" after
"Which country restricted dual-use exports to 20 Japanese companies?" answered "none of the sources gives what Japan
said or did in response" while source 003's report title says "Tokyo protests as China blocks …").

A headline that states the asked response answers, cited as the headline ("Headline of [1]: “…”"); one that only
names the topic, or states another country's act or another country's response, does not. End to end through the
real Engine over six short reports written for this test (tests/data/headlines/), whose bodies tell the act and
never the response, and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.headlines import headlines, states_response
from rag.pipeline import Engine
from rag.render import claim_text
from rag.types import Chunk, Turn

DATA = Path(__file__).resolve().parent / "data" / "headlines"


def test_the_headlines_of_an_opening_passage_leave_out_labels_and_heading_marks():
    text = ("# China Imposes Export Restrictions on 20 Japanese Firms\n\nPublished on: 2026-02-25\n\n"
            "Intelligence Report: Tokyo protests as China blocks dual-use exports\n\nThe ministry said it acted.\n")
    got = headlines(Chunk("d-0000", "d", text, 100, 100 + len(text), 0))
    assert [h.text for h in got] == ["China Imposes Export Restrictions on 20 Japanese Firms",
                                     "Tokyo protests as China blocks dual-use exports"]
    assert all(text[h.start - 100:h.end - 100] == h.text for h in got)  # spans in document offsets
    assert headlines(Chunk("d-0001", "d", text, 0, len(text), 1)) == []  # only a document's opening passage


@pytest.mark.parametrize("headline, responder, states", [
    ("Tokyo protests as China blocks dual-use exports to 20 Japanese companies", "japan", True),
    ("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo", "japan", False),
    ("Japan and China: the export dispute", "japan", False),  # names the topic only
    ("Hanoi retaliates as Beijing halts rice imports", "vietnam", True),
    ("Vietnam protests Chinese survey ship as Russia halts coal to Mongolia", "mongolia", False),  # another's response
    ("China blocks Australian barley as Canberra weighs options", "australia", False),  # weighing is no response
])
def test_a_headline_states_a_response_when_the_responder_leads_it_with_a_response(headline, responder, states):
    assert states_response(headline, responder) is states


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("headlines") / "data", DATA)


def follow_up(engine, first: str, second: str):
    before = engine.write(first, template="answer")
    return engine.write(second, template="answer", history=[Turn("user", first), Turn("assistant", answer_text(before))])


@pytest.mark.parametrize("first, second, headline", [
    ("Which country halted rice imports from Vietnam?", "How did Vietnam respond?",
     "Hanoi retaliates as Beijing halts rice imports"),
    ("Which country tightened export controls on chip materials to South Korea?", "How did Seoul react?",
     "Seoul protests as Tokyo tightens chip material curbs"),
    ("Which country seized Philippine fishing boats near Scarborough Shoal?", "How did Manila react?",
     "Manila protests as Beijing seizes Philippine fishing boats"),
])
def test_a_headline_stating_the_response_answers_cited_as_the_headline(engine, first, second, headline):
    brief = follow_up(engine, first, second)
    assert not brief.abstained
    lead = brief.sections[0].claims[0]
    assert lead.text == headline
    assert claim_text(lead).startswith(f"Headline of [{lead.citations[0].source}]: “{headline}”")
    assert any(n.startswith("the headline of ") for n in brief.provenance.notes)


@pytest.mark.parametrize("first, second, not_said", [
    ("Which country closed border crossings to Malaysian trucks?", "How did Malaysia respond?",
     "Thailand and Malaysia: the border trade dispute"),
    ("Which country blocked imports of Australian barley?", "How did Australia respond?",
     "China blocks Australian barley as Canberra weighs options"),
    ("Which country halted coal deliveries to Mongolia?", "What did Mongolia say in response?",
     "Vietnam protests Chinese survey ship"),
])
def test_a_headline_that_only_names_the_topic_or_tells_another_act_does_not_answer(engine, first, second, not_said):
    brief = follow_up(engine, first, second)
    shown = brief.message if brief.abstained else answer_text(brief)
    assert not_said not in shown
    assert not any(n.startswith("the headline of ") for n in brief.provenance.notes)


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_tokyos_protest_is_read_from_the_reports_headline(sample_engine):
    brief = follow_up(sample_engine, "Which country restricted dual-use exports to 20 Japanese companies?",
                      "What did Japan say in response?")
    assert not brief.abstained
    lead = brief.sections[0].claims[0]
    assert lead.text == "Tokyo protests as China blocks dual-use exports to 20 Japanese companies"
    # a generated brief's headline is still that brief's: attributed, then cited as its headline
    assert claim_text(lead).startswith("WorldWideWatchers (AI-generated brief, 2026) reports in the headline of [1]: “Tokyo")
