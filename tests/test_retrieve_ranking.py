"""HybridRetriever's hand ranking settings on the sample corpus: the candidate/rank split, recency within the date
bound, fusion weights and the context window returned with each hit."""

from __future__ import annotations

import pytest

from rag.retrieve import HybridRetriever, make_filters
from rag.text.analyzer import analyze

QUERIES = ["photoresist hydrogen fluoride exports to South Korea", "dual-use exports 20 Japanese companies",
           "semiconductor export controls on China", "technology leaks"]


def retriever(index, **changes) -> HybridRetriever:
    """The hand ranking (``ranker="hand"``, whose settings these tests specify) with ``changes``."""
    return HybridRetriever(index, index.settings.retrieval.model_copy(update={"ranker": "hand", **changes}))


def ids(hits) -> list[str]:
    return [h.chunk.chunk_id for h in hits]


@pytest.mark.parametrize("query", QUERIES)
def test_ranking_stored_candidates_gives_what_search_gives(sample_index, query):
    index = sample_index[1]
    r = retriever(index, article_weight=0.5, recency_half_life_days=7)
    filters = make_filters(until="2026-12-31")
    cands = r.candidates(query, filters=filters, n=200)  # a larger pool is cut to the search's own
    assert ids(r.rank(cands, k=6, filters=filters)) == ids(r.search(query, k=6, filters=filters))


@pytest.mark.parametrize("query", QUERIES)
def test_strong_recency_puts_the_latest_reports_before_the_until_bound_first(sample_index, query):
    index = sample_index[1]
    # reports of 2026-06-30, 2026-02-25 and 2020: a 10-day half-life from 2026-07-01 outweighs any relevance gap
    hits = retriever(index, recency_half_life_days=10, recency_floor=0.0).search(query, k=10, filters=make_filters(until="2026-07-01"))
    dates = [h.chunk.published for h in hits]
    assert len(set(dates)) > 1 and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query", QUERIES)
def test_recency_leaves_a_corpus_older_than_the_reference_in_relevance_order(sample_index, query):
    index = sample_index[1]
    bound = make_filters(until="2040-01-01")
    plain = retriever(index, recency_half_life_days=0).search(query, k=8, filters=bound)
    dated = retriever(index, recency_half_life_days=7, recency_floor=0.5).search(query, k=8, filters=bound)
    assert ids(dated) == ids(plain)  # every report is years before the bound: each keeps ~ the same share


@pytest.mark.parametrize("query", QUERIES)
def test_a_window_with_both_bounds_is_ranked_without_recency(sample_index, query):
    index = sample_index[1]
    window = make_filters(since="2020-01-01", until="2026-07-01")
    plain = retriever(index, recency_half_life_days=0).search(query, k=8, filters=window)
    assert ids(retriever(index, recency_half_life_days=10, recency_floor=0.0).search(query, k=8, filters=window)) == ids(plain)


@pytest.mark.parametrize("query", QUERIES)
def test_without_an_until_bound_recency_changes_nothing(sample_index, query):
    index = sample_index[1]
    plain = retriever(index, recency_half_life_days=0).search(query, k=8)
    assert ids(retriever(index, recency_half_life_days=10, recency_floor=0.0).search(query, k=8)) == ids(plain)
    since = make_filters(since="2019-01-01")
    plain = retriever(index, recency_half_life_days=0).search(query, k=8, filters=since)
    assert ids(retriever(index, recency_half_life_days=10, recency_floor=0.0).search(query, k=8, filters=since)) == ids(plain)


def test_a_zero_weight_leaves_that_retriever_out(sample_index):
    index = sample_index[1]
    query = "dual-use exports 20 Japanese companies"
    plain = {"recency_half_life_days": 0, "title_weight": 0.0, "digest_factor": 1.0}  # the fusion alone
    dense_only = retriever(index, bm25_weight=0.0, **plain).search(query, k=6)
    assert dense_only and all(h.dense_rank is not None for h in dense_only)
    assert [h.dense_rank for h in dense_only] == sorted(h.dense_rank for h in dense_only)
    bm25_only = retriever(index, dense_weight=0.0, **plain).search(query, k=6)
    assert bm25_only and all(h.bm25_rank is not None for h in bm25_only)


@pytest.mark.parametrize("n", [1, 2])
def test_the_context_window_is_the_document_text_from_the_first_to_the_last_neighbour(sample_index, n):
    index = sample_index[1]
    hits = retriever(index, context_chunks=n).search("semiconductor export controls on China", k=6, context=True)
    assert hits
    for h in hits:
        text, start, end = h.context
        chunks = index.catalog.chunks_for(h.chunk.doc_id)
        lo, hi = max(0, h.chunk.index - n), min(len(chunks) - 1, h.chunk.index + n)
        assert (start, end) == (chunks[lo]["start"], chunks[hi]["end"])
        assert text == index.catalog.get_document(h.chunk.doc_id)["text"][start:end]
        assert h.chunk.text in text


def test_without_a_window_a_hit_has_no_context(sample_index):
    hits = retriever(sample_index[1], context_chunks=0).search("technology leaks", k=3, context=True)
    assert hits and all(h.context is None for h in hits)


def test_the_context_window_is_computed_only_when_asked_for_and_changes_no_ranking(sample_index):
    r = retriever(sample_index[1], context_chunks=1)
    plain = r.search("semiconductor export controls on China", k=6)
    windowed = r.search("semiconductor export controls on China", k=6, context=True)
    assert plain and all(h.context is None for h in plain)
    assert all(h.context is not None for h in windowed)
    assert ids(plain) == ids(windowed) and [h.score for h in plain] == [h.score for h in windowed]


def _rows(*titles: str) -> dict[str, dict]:
    return {f"c{i}": {"doc_id": f"d{i}", "title": t, "url": "", "published": "2022-07-14"} for i, t in enumerate(titles)}


def test_a_digest_gives_way_to_a_single_topic_report_that_matches_nearly_as_well(sample_index):
    rows = _rows("5 things to know for July 14: Covid-19, Biden in Israel, Sri Lanka", "Sri Lanka is in chaos and its president has fled")
    fused = {"c0": 1 / 61, "c1": 1 / 62}  # the digest's passage first by one rank
    plain = retriever(sample_index[1], digest_factor=1.0).prioritize(fused, rows, make_filters())
    scaled = retriever(sample_index[1], digest_factor=0.5).prioritize(fused, rows, make_filters())
    assert max(plain, key=plain.get) == "c0" and max(scaled, key=scaled.get) == "c1"
    assert scaled["c1"] == plain["c1"]  # a single-topic report keeps its score


def test_a_digest_that_alone_matches_keeps_its_order_among_its_kind(sample_index):
    rows = _rows("5 things to know for July 14: Sri Lanka", "Ten Things You Need to Know Today: 14 July 2022")
    fused = {"c0": 1 / 61, "c1": 1 / 70}
    scaled = retriever(sample_index[1], digest_factor=0.5).prioritize(fused, rows, make_filters())
    assert scaled["c0"] > scaled["c1"] > 0


def test_a_live_blog_gives_way_to_the_report_of_the_asked_development_that_matches_nearly_as_well(sample_index):
    rows = _rows("Storm Zelda live updates: power cut, schools shut, ferry halted", "Storm Zelda halts the island ferry")
    fused = {"c0": 1 / 61, "c1": 1 / 62}  # the live blog's passage first by one rank
    plain = retriever(sample_index[1], live_blog_factor=1.0).prioritize(fused, rows, make_filters())
    scaled = retriever(sample_index[1], live_blog_factor=0.7).prioritize(fused, rows, make_filters())
    assert plain == fused and max(scaled, key=scaled.get) == "c1"
    assert scaled["c1"] == plain["c1"]  # the report keeps its score


def test_a_live_blog_that_alone_matches_stays_first_among_its_kind(sample_index):
    rows = _rows("Storm Zelda live updates: ferry halted", "Harbor bridge vote - recap")
    fused = {"c0": 1 / 61, "c1": 1 / 70}
    scaled = retriever(sample_index[1], live_blog_factor=0.7).prioritize(fused, rows, make_filters())
    assert scaled["c0"] > scaled["c1"] > 0 and scaled["c0"] == pytest.approx(0.7 / 61)


def test_a_digest_naming_a_live_blog_is_scored_down_once_as_a_digest(sample_index):
    rows = _rows("5 things to know for July 14: Storm Zelda live updates, budget vote")
    fused = {"c0": 1 / 61}
    scaled = retriever(sample_index[1], digest_factor=0.5, live_blog_factor=0.7).prioritize(fused, rows, make_filters())
    assert scaled["c0"] == pytest.approx(0.5 / 61)


def test_a_headline_holding_the_query_rare_names_lifts_its_passages(sample_index):
    query = "Which country restricted photoresist exports to South Korea?"  # terms of the sample corpus (IDF known)
    rows = _rows("Market notes for the week", "Japan restricts photoresist exports to South Korea")
    fused = {"c0": 1 / 61, "c1": 1 / 63}
    plain = retriever(sample_index[1], title_weight=0.0).prioritize(fused, rows, make_filters(), query=query)
    lifted = retriever(sample_index[1], title_weight=0.5).prioritize(fused, rows, make_filters(), query=query)
    assert plain == fused and max(lifted, key=lifted.get) == "c1"
    assert lifted["c0"] == fused["c0"]  # no query term in its headline: unchanged


def test_an_untitled_article_is_matched_on_its_lede(sample_index):
    index = sample_index[1]
    docs, _ = index.catalog.list_documents(limit=10)
    first = index.catalog.chunks_for(docs[0]["doc_id"])[0]
    lede = first["text"].split()[:12]  # words the article leads with
    rows = {"c0": {"doc_id": "other", "title": "Market notes for the week", "url": ""},
            "c1": {"doc_id": docs[0]["doc_id"], "title": None, "url": ""}}
    r = retriever(index, title_weight=0.5)
    heads = r.headlines(rows)
    assert heads[docs[0]["doc_id"]] and heads["other"] == frozenset(analyze("Market notes for the week"))
    fused = {"c0": 1 / 61, "c1": 1 / 63}
    lifted = r.prioritize(fused, rows, make_filters(), query=" ".join(lede))
    assert max(lifted, key=lifted.get) == "c1"


def _dated(*published: str) -> dict[str, dict]:
    return {f"c{i}": {"doc_id": f"d{i}", "title": "Flooding report", "url": "", "published": p} for i, p in enumerate(published)}


def _retriever(index, event_day_factor: float) -> HybridRetriever:
    return HybridRetriever(index, index.settings.retrieval.model_copy(update={"event_day_factor": event_day_factor}))


QUESTION = "Dozens of people were unaccounted for early Thursday after severe flooding in which state?"


@pytest.mark.parametrize("published", [("2022-07-13", "2022-07-14"), ("2022-07-12", "2022-07-14"), ("2022-07-13", "2022-07-15")])
def test_a_report_from_before_the_question_weekday_gives_way_to_one_from_that_day_on(sample_index, published):
    rows = _dated(*published)  # c0: before Thursday 2022-07-14, c1: on or after it (the search is as of 07-15)
    fused = {"c0": 1 / 61, "c1": 1 / 65}  # the earlier report first by four ranks, more than its days of recency cost it
    as_of = make_filters(until="2022-07-15")
    plain = _retriever(sample_index[1], 1.0).prioritize(fused, rows, as_of, query=QUESTION)
    scaled = _retriever(sample_index[1], 0.5).prioritize(fused, rows, as_of, query=QUESTION)
    assert max(plain, key=plain.get) == "c0" and max(scaled, key=scaled.get) == "c1"
    assert scaled["c1"] == plain["c1"]  # a report from the event day on keeps its score


@pytest.mark.parametrize("query, filters", [
    ("Dozens of people were unaccounted for after severe flooding in which state?", make_filters(until="2022-07-15")),  # no weekday
    (QUESTION, make_filters()),  # not "as of" a day: no reference to count back from
    (QUESTION, make_filters(since="2022-07-01", until="2022-07-15")),  # a period asked for as a whole
])
def test_without_a_weekday_in_an_as_of_search_the_report_date_changes_nothing_more(sample_index, query, filters):
    rows = _dated("2022-07-13", "2022-07-14")
    fused = {"c0": 1 / 61, "c1": 1 / 63}
    plain = _retriever(sample_index[1], 1.0).prioritize(fused, rows, filters, query=query)
    assert _retriever(sample_index[1], 0.5).prioritize(fused, rows, filters, query=query) == plain


def test_an_undated_report_is_not_taken_for_one_before_the_event_day(sample_index):
    rows = {"c0": {"doc_id": "d0", "title": "Flooding report", "url": "", "published": None}}
    fused = {"c0": 1 / 61}
    as_of = make_filters(until="2022-07-15")
    plain = _retriever(sample_index[1], 1.0).prioritize(fused, rows, as_of, query=QUESTION)
    assert _retriever(sample_index[1], 0.5).prioritize(fused, rows, as_of, query=QUESTION) == plain


WEEK_QUESTION = "Which automaker recalled more than 200,000 pickup trucks this week?"


def _period(index, factor: float) -> HybridRetriever:
    return HybridRetriever(index, index.settings.retrieval.model_copy(update={"period_factor": factor}))


@pytest.mark.parametrize("older", ["2022-09-15", "2022-09-01"])
def test_a_report_from_before_the_asked_week_gives_way_to_one_from_that_week(sample_index, older):
    # "this week" as of Friday 2022-09-23 is the window `ask` bounds an answer to: from 2022-09-16 on
    rows = _dated(older, "2022-09-16")  # c0: before it, c1: its first day
    fused = {"c0": 1 / 61, "c1": 1 / 64}
    as_of = make_filters(until="2022-09-23")
    plain = _period(sample_index[1], 1.0).prioritize(fused, rows, as_of, query=WEEK_QUESTION)
    scaled = _period(sample_index[1], 0.3).prioritize(fused, rows, as_of, query=WEEK_QUESTION)
    assert scaled["c1"] == plain["c1"] and scaled["c0"] == pytest.approx(0.3 * plain["c0"])
    assert max(scaled, key=scaled.get) == "c1"


@pytest.mark.parametrize("query, filters, recency", [
    ("Which automaker recalled more than 200,000 pickup trucks?", make_filters(until="2022-09-23"), True),  # no period
    ("Which automaker recalled more than 200,000 pickup trucks last year?", make_filters(until="2022-09-23"), True),  # a year sets none
    (WEEK_QUESTION, make_filters(), True),  # not "as of" a day
    (WEEK_QUESTION, make_filters(since="2022-09-01", until="2022-09-23"), True),  # a period asked for as a whole
    (WEEK_QUESTION, make_filters(until="2022-09-23"), False),  # the background list ranks without the date rules
])
def test_the_period_rule_applies_only_to_a_named_period_in_an_as_of_ranking_with_recency(sample_index, query, filters, recency):
    rows = _dated("2022-09-01", "2022-09-20")
    fused = {"c0": 1 / 61, "c1": 1 / 63}
    plain = _period(sample_index[1], 1.0).prioritize(fused, rows, filters, query=query, recency=recency)
    assert _period(sample_index[1], 0.3).prioritize(fused, rows, filters, query=query, recency=recency) == plain


@pytest.mark.parametrize("query", QUERIES)
def test_score_fusion_ranks_the_same_candidates_search_finds(sample_index, query):
    index = sample_index[1]
    r = retriever(index, fusion="convex")
    filters = make_filters(until="2026-12-31")
    cands = r.candidates(query, filters=filters, n=50)
    hits = r.rank(cands, k=6, filters=filters)
    assert ids(hits) == ids(r.search(query, k=6, filters=filters))
    assert {h.chunk.chunk_id for h in hits} <= set(cands.dense) | set(cands.lexical)
    assert r.describe()["mode"] == "hybrid-convex"
