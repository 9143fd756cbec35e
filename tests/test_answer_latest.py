"""A question with no date of its own is led by the most recent report of an event that answers it, not by an older
essay's or column's background or opinion, which may follow, dated and attributed ("Ilse Marrow (2021 essay) writes:
…"). Decided by mechanism: the source's type (news report vs analysis/opinion, from the manifest's ``kind``), its
date, and whether the sentence reports an event (its role). A question asked as of a date keeps the report nearest
that date (``answer_lead.nearest_report``; RealTime QA asks every question so).

End to end through the real Engine over seven short articles written for this test (tests/data/answer_latest/):
gallium curbs reported in 2026 beside a 2021 essay on the same control list; docking fees reported in 2026 beside a
2022 column; two bans reported in 2025 and 2026 beside a 2024 essay. Unit checks of ``answer_lead.latest_event`` and
``older_views`` on candidates written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.types import Chunk, SearchFilters
from rag.writers.answer_lead import latest_event, lead_date, nearest_report, older_views, without_older_views
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate

DATA = Path(__file__).resolve().parent / "data" / "answer_latest"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_latest") / "data", DATA)


def answer(engine, question: str, until: str | None = None):
    brief = engine.write(question, template="answer", filters=SearchFilters(until=until))
    assert not brief.abstained, brief.message
    return [c for s in brief.sections for c in s.claims]


@pytest.mark.parametrize("question, value", [
    ("What has Kestria restricted?", "gallium"),
    ("What did Kestria's trade ministry restrict?", "gallium"),
    ("Which shipments has Kestria restricted?", "gallium"),
    ("Which fees did Pellan's port authority raise?", "900 euros"),
    ("Which fees has Pellan's port authority raised?", "900 euros"),
    ("What did Pellan's port authority increase?", "900 euros"),
    ("What did Morvia ban?", "Morvia banned"),
    ("What has Morvia banned?", "disposable vapes"),
])
def test_an_undated_question_is_led_by_the_latest_report_of_the_event(engine, question, value):
    claims = answer(engine, question)
    assert value in claims[0].text, claims[0].text
    # the lead is a report of the event, not an older essay's or column's sentence put in its author's name
    assert claims[0].attribution is None, claims[0].attribution


def test_an_older_essay_may_follow_the_lead_dated_and_attributed(engine):
    claims = answer(engine, "What did Kestria restrict?")
    essay = [c for c in claims[1:] if "control list" in c.text]
    for claim in essay:
        assert claim.attribution and "2021 essay" in claim.attribution


def test_an_essay_leads_when_no_report_of_an_event_answers(engine):
    claims = answer(engine, "What should Kestria coordinate with its neighbours?")
    assert "coordinate" in claims[0].text


# --- units: the date preference and the views passed over ------------------------------------------------------------


def cand(text: str, role: str, kind: str, published: str | None, doc: str) -> Candidate:
    chunk = Chunk(chunk_id=f"{doc}:0", doc_id=doc, text=text, start=0, end=len(text), index=1,
                  metadata={"title": doc, "published": published, "kind": kind})
    return Candidate(passage=EvidencePassage(sid="S1", chunk=chunk, score=1.0), rank=0, local_start=0,
                     local_end=len(text), text=text, role=role)


REPORT_2026 = cand("Kestria restricted exports of gallium on Monday.", "event", "news article", "2026-03-10", "a")
REPORT_2025 = cand("Kestria restricted exports of tin on Monday.", "event", "news article", "2026-01-10", "b")
ESSAY_EVENT = cand("Kestria restricts exports to foreign firms.", "event", "policy essay", "2021-09-14", "c")
ESSAY_VIEW = cand("Kestria should coordinate its restrictions.", "judgement", "policy essay", "2021-09-14", "d")
JUDGED_2026 = cand("The curbs are likely retaliation.", "judgement", "news article", "2026-03-10", "e")
UNDATED = cand("Kestria restricted exports of nickel.", "event", "news article", None, "f")


def test_latest_event_prefers_the_newest_event_report_and_gives_views_nothing():
    cands = [REPORT_2026, REPORT_2025, ESSAY_EVENT, ESSAY_VIEW, JUDGED_2026, UNDATED]
    assert list(latest_event(cands)) == [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    # among the sentences marked (on topic) only: the newest of those leads
    assert list(latest_event(cands, [False, True, True, True, True, True])) == [0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
    assert not latest_event([ESSAY_EVENT, ESSAY_VIEW, UNDATED]).any()


def test_older_views_are_the_analysis_sentences_before_the_latest_event_report():
    cands = [REPORT_2026, ESSAY_EVENT, ESSAY_VIEW, JUDGED_2026]
    assert older_views(cands, [0, 1, 2, 3]) == {1, 2}
    assert older_views(cands, [1, 2, 3]) == set()  # no event report in the pool: the essay may lead


def test_a_question_asked_as_of_a_date_keeps_the_report_nearest_that_date():
    # RealTime QA asks every question as of a date: there the newest report gets no preference of its own
    cands = [REPORT_2026, REPORT_2025, ESSAY_EVENT]
    assert list(lead_date(cands, "2026-01-12")) == list(nearest_report(cands, "2026-01-12"))
    assert list(lead_date(cands, "2026-01-12")) != list(latest_event(cands))
    assert list(lead_date(cands, None)) == list(latest_event(cands))


def test_the_essay_gives_way_only_to_an_event_report():
    cands = [ESSAY_EVENT, REPORT_2026, JUDGED_2026]
    # the report leads once the essay is passed over: the essay goes
    assert without_older_views(cands, [0, 1, 2], [0.9, 0.8, 0.7]) == [1, 2]
    # another source's judgement would lead instead: the essay stays ("How do the sources describe …?")
    assert without_older_views(cands, [0, 1, 2], [0.9, 0.7, 0.8]) == [0, 1, 2]


def test_a_report_quoted_with_its_next_sentence_is_still_the_event_report():
    # "Kestria restricted … The decision signals …": the joined quote tells the event as its first sentence does,
    # so it keeps the newest report's preference (an answer that quotes the event with its reason stays whole)
    text = "Kestria restricted exports of gallium on Monday. The decision signals a security turn."
    event = cand(text[:48], "event", "news article", "2026-03-10", "g")
    joined = cand(text, "judgement", "news article", "2026-03-10", "g")
    joined.with_context = True
    alone = cand(text, "judgement", "news article", "2026-03-10", "g")  # not joined: a judgement of its own
    assert list(latest_event([event, joined, alone])) == [1.0, 1.0, 0.0]


def test_a_judgement_quoted_with_the_headline_after_it_is_no_event_report():
    # "The restriction is a strategic move … China Imposes Export Restrictions …": the quote opens with the judgement
    text = "The curbs are a strategic move likely aimed at Pellan. Kestria Restricts Gallium Exports"
    headline = cand(text, "event", "news article", "2026-03-10", "h")
    headline.local_start = 55
    joined = cand(text, "judgement", "news article", "2026-03-10", "h")
    joined.with_context = True
    assert list(latest_event([headline, joined])) == [1.0, 0.0]
