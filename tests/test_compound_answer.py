"""A question that asks two things gets both answered, or is told which went unanswered (issue 10 items 8 and 9, s44).

s44's fresh user: ``brief ask "Which materials did Japan restrict, and how did South Korea respond?"`` quoted the
materials and nothing of the response, and nothing said the response went unanswered. The kind: a coordinated
question (``question_parts``, ``tests/test_question_parts.py``). The engine answers each part through the answer
path (``Engine._run_parts``: the CLI's ``brief ask`` and ``brief write -t answer`` and the API's ``/v1/ask`` all
call it) and joins the answers (``answer_parts.joined_answer``): one source list numbered by first citation, a
provenance listing every part's evidence, and a part the corpus does not answer said with its own abstention. When
no part is answered the question abstains as one question does. End to end over the sample corpus and two short
articles written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.brief import NO_EVIDENCE
from rag.pipeline import Engine
from rag.render import answer_with_sources, shown_answer

MATERIALS_AND_RESPONSE = "Which materials did Japan restrict, and how did South Korea respond?"

WRITTEN = {
    "01_port_fees.md": (
        "# Rotterdam raises port fees\n\nPublished: 2024-03-04\n\n"
        "The Port of Rotterdam raised its fees for container ships by 12 percent on Monday, the port authority said. "
        "The authority said the money would pay for deeper berths.\n\n"
        "Kestrel Lines said on Tuesday that it would suspend two weekly sailings to Rotterdam in protest against the "
        "fees. The shipping line said it would move the sailings to Antwerp.\n"),
    "02_chip_hub.md": (
        "# Seoul names chip suppliers for new hub\n\nPublished: 2024-02-12\n\n"
        "Seoul named 12 companies, including Hanwha and Doosan, as suppliers for its new chip hub on Tuesday. The "
        "industry ministry said the suppliers would receive tax credits.\n"),
}


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("compound"), WRITTEN)


def _cites_listed_sources(brief) -> None:
    """Every citation's number is a listed source of the same document whose cited spans hold the quote's."""
    by_index = {s.index: s for s in brief.sources}
    assert sorted(by_index) == list(range(1, len(brief.sources) + 1))
    for section in brief.sections:
        for claim in section.claims:
            for cit in claim.citations:
                src = by_index[cit.source]
                assert src.doc_id == cit.doc_id and (cit.start, cit.end) in src.spans and cit.chunk_id in src.chunk_ids


def test_both_parts_of_the_sample_question_are_answered(sample_engine):
    brief = sample_engine.write(MATERIALS_AND_RESPONSE, template="answer")
    shown = shown_answer(brief)
    assert not brief.abstained, brief.message
    assert "fluorinated polyimides" in shown, shown  # the materials
    assert "WTO" in shown or "summoned a Japanese embassy official" in shown, shown  # South Korea's response
    assert shown.index("fluorinated polyimides") < shown.index("WTO" if "WTO" in shown else "summoned"), shown
    assert brief.section("answer_2").title == "How did South Korea respond?"
    _cites_listed_sources(brief)
    assert brief.provenance.notes[0] == ("compound question answered in 2 parts: “Which materials did Japan "
                                         "restrict?”; “How did South Korea respond?”")
    assert brief.provenance.query == MATERIALS_AND_RESPONSE and brief.topic == MATERIALS_AND_RESPONSE


def test_a_part_the_corpus_does_not_answer_is_said(written_engine):
    question = "Which port raised its fees, and how did the dockworkers' union respond?"
    brief = written_engine.write(question, template="answer")
    text = answer_with_sources(brief)
    assert not brief.abstained, brief.message
    assert "Port of Rotterdam raised its fees" in text, text
    assert f"{NO_EVIDENCE} the question “How did the dockworkers' union respond?”" in text, text
    _cites_listed_sources(brief)


def test_two_answered_parts_share_one_numbered_source(written_engine):
    brief = written_engine.write("Which port raised its fees, and how did Kestrel Lines respond?", template="answer")
    shown = shown_answer(brief)
    assert "raised its fees" in shown and "suspend two weekly sailings" in shown, shown
    assert not brief.message, brief.message  # nothing went unanswered
    assert [s.index for s in brief.sources] == [1]  # one article, listed once, both quotes' spans in it
    assert len(brief.sources[0].spans) == 2
    _cites_listed_sources(brief)
    # the provenance lists every part's evidence
    assert set(brief.provenance.evidence) >= {c.chunk_id for s in brief.sections for cl in s.claims for c in cl.citations}


def test_an_elided_part_is_answered_with_the_first_parts_clause(written_engine):
    brief = written_engine.write("Which port raised its fees, and by how much?", template="answer")
    shown = shown_answer(brief)
    assert "12 percent" in shown, shown
    assert "“By how much did the port raise its fees?”" not in brief.provenance.notes[0]  # not borrowed: "Which port"
    assert brief.provenance.notes[0].startswith("compound question answered in 2 parts")


def test_no_part_answered_abstains_as_one_question(written_engine):
    question = "Who founded the Lunar chess club, and when did it close?"
    brief = written_engine.write(question, template="answer")
    assert brief.abstained
    assert brief.message == f"{NO_EVIDENCE} the question “{question}”"
    assert brief.provenance.notes[-1].endswith("none answered")


def test_the_stream_ends_with_the_joined_answer(written_engine):
    items = list(written_engine.stream("Which port raised its fees, and how did the dockworkers' union respond?"))
    final = items[-1]
    assert final.sections and "How did the dockworkers' union respond?" in shown_answer(final)
    assert all(isinstance(i, str) or i is final for i in items)


def test_a_question_asking_one_thing_is_answered_as_before(written_engine):
    brief = written_engine.write("How did Kestrel Lines and the port authority respond?", template="answer")
    assert not brief.provenance.notes or not brief.provenance.notes[0].startswith("compound question")


def test_the_api_says_every_part(written_engine):
    """``/v1/ask`` answers through the same engine path: both parts, the unanswered one said in its answer text."""
    from fastapi.testclient import TestClient

    from api.main import create_app

    question = "Which port raised its fees, and how did the dockworkers' union respond?"
    with TestClient(create_app(written_engine.settings, warm_up=False)) as client:
        r = client.post("/v1/ask", json={"question": question})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "Port of Rotterdam raised its fees" in body["answer"], body["answer"]
    assert f"{NO_EVIDENCE} the question “How did the dockworkers' union respond?”" in body["answer"], body["answer"]
    assert body["brief"]["topic"] == question and [s["index"] for s in body["sources"]] == [1]
