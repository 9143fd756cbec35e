"""Pseudo-relevance feedback on the keyword side: RM3 weights (rag.feedback) and the weighted BM25 query they run
(rag.lexical.LexicalIndex.weighted_query), off by default (retrieval.feedback_terms = 0)."""

from __future__ import annotations

import pytest

from rag.config import RetrievalSettings
from rag.feedback import rm3_weights
from rag.lexical import LexicalIndex
from rag.text.analyzer import analyze


def _rows(*texts: str) -> list[dict]:
    return [{"chunk_id": f"c{i}", "title": "", "text": t, "published_int": 20220701 + i, "publisher": ""} for i, t in enumerate(texts)]


def test_every_original_term_stays_and_the_weights_sum_to_one():
    w = rm3_weights(["spirit", "airlin", "buy"], [(["jetblu", "spirit", "deal", "deal"], 4.0), (["frontier", "merger"], 1.0)],
                    terms=2, original_weight=0.6)
    assert {"spirit", "airlin", "buy"} <= set(w)
    assert sum(w.values()) == pytest.approx(1.0)
    assert all(w[t] >= 0.6 / 3 for t in ("spirit", "airlin", "buy"))


def test_the_feedback_terms_are_those_of_the_best_scored_passages():
    w = rm3_weights(["spirit"], [(["jetblu", "deal"], 9.0), (["frontier", "merger"], 1.0)], terms=2, original_weight=0.5)
    assert "jetblu" in w and "deal" in w
    assert "frontier" not in w and "merger" not in w


def test_no_feedback_terms_or_passages_leave_the_original_query():
    original = {"spirit": 0.5, "airlin": 0.5}
    assert rm3_weights(["spirit", "airlin"], [(["jetblu"], 3.0)], terms=0, original_weight=0.5) == original
    assert rm3_weights(["spirit", "airlin"], [], terms=10, original_weight=0.5) == original
    assert rm3_weights([], [(["jetblu"], 3.0)], terms=10, original_weight=0.5) == {}


def test_a_known_vocabulary_keeps_unknown_words_out_of_the_feedback_model():
    w = rm3_weights(["spirit"], [(["jetblu", "zzz"], 1.0)], terms=5, original_weight=0.5, known={"jetblu": 1.0})
    assert "zzz" not in w and "jetblu" in w


def test_a_weighted_query_with_equal_weights_ranks_as_the_plain_query():
    index = LexicalIndex.build(_rows("JetBlue buys Spirit Airlines", "Spirit of the games", "Airlines raise fares", "markets fall"))
    plain = index.query("Spirit Airlines", k=4)
    weighted = index.weighted_query({t: 1.0 for t in analyze("Spirit Airlines")}, k=4)
    assert [r.chunk_id for r in weighted] == [r.chunk_id for r in plain]
    assert [r.score for r in weighted] == pytest.approx([r.score for r in plain])


def test_a_heavier_term_decides_the_order_and_filters_still_apply():
    from rag.types import SearchFilters

    index = LexicalIndex.build(_rows("Spirit of the games", "Airlines raise fares", "Spirit Airlines fares"))
    spirit_first = index.weighted_query({"spirit": 5.0, "airlin": 0.1}, k=3)
    airlines_first = index.weighted_query({"spirit": 0.1, "airlin": 5.0}, k=3)
    assert spirit_first[-1].chunk_id == "c1" and airlines_first[-1].chunk_id == "c0"
    dated = index.weighted_query({"spirit": 1.0, "airlin": 1.0}, k=3, filters=SearchFilters(until="2022-07-02"))
    assert {r.chunk_id for r in dated} == {"c0", "c1"}
    assert index.weighted_query({"atlantis": 1.0}, k=3) == []


def test_feedback_is_off_by_default():
    assert RetrievalSettings().feedback_terms == 0


def test_a_search_with_feedback_finds_passages_sharing_the_top_passages_words_within_the_filters(sample_index):
    from rag.retrieve import HybridRetriever, make_filters

    index = sample_index[1]
    plain = HybridRetriever(index, index.settings.retrieval.model_copy(update={"ranker": "hand"}))
    expanded = HybridRetriever(index, plain.settings.model_copy(update={"feedback_terms": 10, "feedback_docs": 3}))
    query, filters = "photoresist hydrogen fluoride exports to South Korea", make_filters(until="2026-12-31")
    first = plain.keyword_results(query, filters=filters, n=20)
    again = expanded.keyword_results(query, filters=filters, n=20)
    assert again and first[0].chunk_id in {r.chunk_id for r in again[:3]}  # the query's own best match stays near the top
    assert all(index.lexical().passes([r.chunk_id for r in again], filters))
    assert len(again) >= len(first)  # added terms can only match more passages
