"""The fitted ranker: per-candidate features (rag.ranker.passage_features), the model file and its use by
HybridRetriever (ranker="fitted"), and the pairwise training data of evals.fit_ranker."""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pytest

from evals import fit_ranker
from rag.ranker import FEATURES, MODEL_PATH, Pool, RankerModelError, load_model, model_from_dict, model_hash, name_words, passage_features
from rag.ranking import event_day
from rag.retrieve import HybridRetriever, make_filters
from rag.text.asked_period import asked_period

COL = {name: i for i, name in enumerate(FEATURES)}


def _rows() -> dict[str, dict]:
    return {
        "a": {"doc_id": "d1", "idx": 0, "title": "Netflix renews Squid Game", "text": "Netflix said on Sunday ...", "published": "2022-07-10"},
        "b": {"doc_id": "d1", "idx": 3, "title": "Netflix renews Squid Game", "text": "season 2 of Squid Game", "published": "2022-07-10"},
        "c": {"doc_id": "d2", "idx": 1, "title": "", "text": "the squid game cast", "published": None},
    }


def _features(as_of=None, names=("Squid Game", "2")):
    pool = Pool(dense=["a", "b"], similarity={"a": 0.8, "b": 0.6}, lexical=["b", "c", "gone"], bm25={"b": 10.0, "c": 5.0, "gone": 4.0})
    heads = {"d1": {"netflix", "renews", "squid", "game"}, "d2": set()}
    ids, x = passage_features(pool, _rows(), headline_share={"d1": 0.4}, names=name_words(list(names)), headline_words=heads,
                              digest={"d2": True}, as_of=as_of)
    return dict(zip(ids, x))


def test_rank_features_are_fusion_terms_and_zero_for_a_retriever_that_did_not_find_the_passage():
    f = _features()
    assert f["a"][COL["dense_rrf"]] == pytest.approx(60 / 61) and f["a"][COL["dense_top"]] == 1.0
    assert f["a"][COL["bm25_rrf"]] == 0.0 and f["a"][COL["bm25_top"]] == 0.0 and f["a"][COL["bm25_share"]] == 0.0
    assert f["b"][COL["dense_top"]] == 0.5 and f["b"][COL["bm25_top"]] == 1.0 and f["b"][COL["bm25_share"]] == 1.0
    assert f["c"][COL["bm25_share"]] == 0.5 and f["c"][COL["bm25_rrf"]] == pytest.approx(60 / 62)


def test_cosines_are_measured_from_the_query_best_and_a_passage_dense_did_not_find_gets_the_pool_lowest():
    f = _features()
    assert f["a"][COL["dense_cos_gap"]] == 0.0
    assert f["b"][COL["dense_cos_gap"]] == pytest.approx(-0.2) and f["c"][COL["dense_cos_gap"]] == pytest.approx(-0.2)


def test_a_candidate_without_a_catalog_row_is_left_out():
    assert set(_features()) == {"a", "b", "c"}


def test_age_features_exist_only_in_an_as_of_search():
    plain = _features()
    assert all(plain[c][COL[k]] == 0.0 for c in plain for k in ("age_log_days", "age_week", "undated"))
    dated = _features(as_of="2022-07-15")
    assert dated["a"][COL["age_log_days"]] == pytest.approx(math.log1p(5)) and dated["a"][COL["age_week"]] == 1.0
    assert dated["c"][COL["undated"]] == 1.0 and dated["c"][COL["age_week"]] == 0.0  # undated: old, not this week's news
    assert _features(as_of="2022-08-15")["a"][COL["age_week"]] == 0.0


def test_names_count_when_all_their_words_are_there():
    f = _features()
    assert f["b"][COL["names_in_passage"]] == 1.0  # "Squid Game" and "2"
    assert f["a"][COL["names_in_passage"]] == 0.5  # the headline's Squid Game, no 2
    assert f["a"][COL["names_in_headline"]] == 0.5 and f["c"][COL["names_in_headline"]] == 0.0
    assert _features(names=())["b"][COL["names_in_passage"]] == 0.0


def test_article_kind_and_position_features():
    f = _features()
    assert f["a"][COL["headline_match"]] == 0.4 and f["c"][COL["headline_match"]] == 0.0
    assert f["c"][COL["digest"]] == 1.0 and f["a"][COL["digest"]] == 0.0
    assert f["a"][COL["lead_passage"]] == 1.0 and f["b"][COL["lead_passage"]] == 0.0


def test_article_aggregates_are_shared_by_its_passages_and_one_passage_is_its_best():
    f = _features()
    for cid in ("a", "b"):
        assert f[cid][COL["doc_dense_passages"]] == pytest.approx(math.log1p(2))
        assert f[cid][COL["doc_bm25_passages"]] == pytest.approx(math.log1p(1))
        assert f[cid][COL["doc_best_cos_gap"]] == 0.0 and f[cid][COL["doc_best_bm25_share"]] == 1.0
    assert f["a"][COL["doc_best_passage"]] + f["b"][COL["doc_best_passage"]] == 1.0
    assert f["b"][COL["doc_best_passage"]] == 1.0  # found by both retrievers: the larger fused score
    assert f["c"][COL["doc_best_passage"]] == 1.0


def _dated_rows() -> dict[str, dict]:
    """Three reports of one export-control story, a week apart, and an undated explainer (made-up text)."""
    return {
        "old": {"doc_id": "r1", "idx": 0, "title": "Japan weighs curbs on chip-material exports", "text": "Tokyo said on Monday ...",
                "published": "2022-07-04"},
        "mon": {"doc_id": "r2", "idx": 0, "title": "Japan adds 23 chip tools to its export list", "text": "announced Monday",
                "published": "2022-07-11"},
        "thu": {"doc_id": "r3", "idx": 0, "title": "Live updates: Japan's export rule takes effect", "text": "Thursday ...",
                "published": "2022-07-14"},
        "und": {"doc_id": "r4", "idx": 0, "title": "What export controls are", "text": "an explainer", "published": None},
    }


def _dated_features(*, as_of="2022-07-15", period_since=None, event_day=None, live=None):
    rows = _dated_rows()
    pool = Pool(dense=list(rows), similarity={c: 0.5 for c in rows}, lexical=[], bm25={})
    ids, x = passage_features(pool, rows, headline_share={}, names=[], headline_words={}, digest={}, as_of=as_of,
                              live_blog=live, period_since=period_since, event_day=event_day)
    return dict(zip(ids, x))


def test_a_report_dated_within_the_period_the_question_names_is_flagged_and_an_undated_or_older_one_is_not():
    f = _dated_features(period_since="2022-07-09")  # "... this week?" asked on 2022-07-15
    assert [f[c][COL["in_asked_period"]] for c in ("old", "mon", "thu", "und")] == [0.0, 1.0, 1.0, 0.0]


def test_a_report_dated_before_the_weekday_the_question_names_is_flagged():
    f = _dated_features(event_day="2022-07-14")  # "... took effect Thursday?" asked on Friday 2022-07-15
    assert [f[c][COL["before_event_day"]] for c in ("old", "mon", "thu", "und")] == [1.0, 1.0, 0.0, 0.0]


def test_question_time_features_are_zero_for_every_candidate_without_such_words_or_outside_an_as_of_search():
    for f in (_dated_features(), _dated_features(as_of=None, period_since="2022-07-09", event_day="2022-07-14")):
        assert all(f[c][COL[k]] == 0.0 for c in f for k in ("in_asked_period", "before_event_day"))


def test_a_live_blog_is_flagged_by_its_article():
    f = _dated_features(live={"r3": True})
    assert f["thu"][COL["live_blog"]] == 1.0 and f["mon"][COL["live_blog"]] == 0.0
    assert _dated_features()["thu"][COL["live_blog"]] == 0.0  # no kinds given: none


@pytest.mark.parametrize("query", [
    "Which semiconductor export controls did Japan discuss this week?",
    "Which semiconductor export controls did Japan discuss on Thursday?",
    "Which semiconductor export controls did Japan discuss?",
])
def test_the_retriever_reads_the_question_time_features_from_the_query(sample_index, query):
    """HybridRetriever.features flags the candidates dated within the query's (hard) asked period and before the
    day of its weekday, as of the search's ``until``; a query naming neither flags none."""
    index = sample_index[1]
    r = HybridRetriever(index, index.settings.retrieval)
    until = "2026-02-27"  # a Friday, two days after the sample's dated report
    filters = make_filters(until=until)
    cands = r.candidates(query, filters=filters, n=20)
    rows = index.catalog.get_chunks(set(cands.dense) | set(cands.lexical))
    ids, x = r.features(cands, rows, filters, n=20)
    published = [(rows[c].get("published") or "")[:10] for c in ids]
    assert any(published)
    period, day = asked_period(query, until), event_day(query, until)
    since = period.since if period and not period.soft else None
    assert x[:, COL["in_asked_period"]].tolist() == [float(bool(p and since and p >= since)) for p in published]
    assert x[:, COL["before_event_day"]].tolist() == [float(bool(p and day and p < day)) for p in published]
    assert ("this week" in query) == bool(since) and ("Thursday" in query) == bool(day)


def _model_dict(weights: dict[str, float]) -> dict:
    return {"schema": "techsec-brief/ranker", "features": list(FEATURES),
            "standardize": {"mean": [0.0] * len(FEATURES), "std": [1.0] * len(FEATURES)},
            "weights": [weights.get(f, 0.0) for f in FEATURES]}


def test_a_model_scores_standardized_features_and_refuses_other_features_or_a_bad_file():
    data = _model_dict({"dense_top": 2.0})
    data["standardize"]["mean"][COL["dense_top"]] = 0.5
    data["standardize"]["std"][COL["dense_top"]] = 0.25
    x = np.zeros((2, len(FEATURES)))
    x[:, COL["dense_top"]] = [1.0, 0.5]
    assert model_from_dict(data).score(x).tolist() == [4.0, 0.0]
    with pytest.raises(RankerModelError):  # a feature the code does not compute
        model_from_dict({**data, "features": [*FEATURES[:-1], "no_such_feature"]})
    with pytest.raises(RankerModelError):  # the right names in another order
        model_from_dict({**data, "features": [FEATURES[1], FEATURES[0], *FEATURES[2:]]})
    with pytest.raises(RankerModelError):
        model_from_dict({**data, "schema": "techsec-brief-role-model/1"})
    with pytest.raises(RankerModelError):
        model_from_dict({**data, "standardize": {"mean": data["standardize"]["mean"], "std": [0.0] * len(FEATURES)}})


def test_a_model_fitted_before_a_feature_was_added_gives_it_no_weight_and_scores_as_it_was_fitted():
    older = [f for f in FEATURES if f not in ("live_blog", "in_asked_period")]
    data = {"schema": "techsec-brief/ranker", "features": older, "standardize": {"mean": [0.5] * len(older), "std": [2.0] * len(older)},
            "weights": [1.0] * len(older)}
    model = model_from_dict(data)
    assert model.features == FEATURES and model.meta["unweighted"] == ["live_blog", "in_asked_period"]
    x = np.random.default_rng(3).normal(size=(5, len(FEATURES)))
    kept = [COL[f] for f in older]
    assert np.allclose(model.score(x), ((x[:, kept] - 0.5) / 2.0).sum(axis=1))
    with pytest.raises(RankerModelError):  # a subset whose vectors do not match its names
        model_from_dict({**data, "weights": [1.0] * (len(older) - 1)})


def test_the_shipped_model_loads_and_its_hash_is_the_file_sha256():
    model = load_model()
    assert model.features == FEATURES and np.all(np.isfinite(model.weights))
    assert model_hash() == hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()
    assert model.meta["training"]["questions"].startswith("RealTime QA dev, fit half")


def _fitted(index, weights: dict[str, float]) -> HybridRetriever:
    settings = index.settings.retrieval.model_copy(update={"ranker": "fitted"})
    return HybridRetriever(index, settings, model=model_from_dict(_model_dict(weights)))


@pytest.mark.parametrize("query", ["photoresist hydrogen fluoride exports to South Korea", "semiconductor export controls on China"])
def test_a_model_weighing_one_retriever_rank_puts_that_retriever_first_passage_first(sample_index, query):
    index = sample_index[1]
    filters = make_filters()
    cands = _fitted(index, {}).candidates(query, filters=filters, n=50)
    assert cands.dense and cands.lexical and set(cands.bm25) == set(cands.lexical)
    assert _fitted(index, {"dense_top": 1.0}).rank(cands, k=5, filters=filters)[0].chunk.chunk_id == cands.dense[0]
    assert _fitted(index, {"bm25_top": 1.0}).rank(cands, k=5, filters=filters)[0].chunk.chunk_id == cands.lexical[0]


def test_the_fitted_ranking_of_stored_candidates_is_what_search_gives_and_describe_names_the_model(sample_index):
    index = sample_index[1]
    r = HybridRetriever(index, index.settings.retrieval.model_copy(update={"ranker": "fitted"}))
    filters = make_filters(until="2026-07-01")
    query = "dual-use exports 20 Japanese companies"
    hits = r.search(query, k=6, filters=filters)
    assert hits and all(0.0 < h.score < 1.0 for h in hits)
    assert [h.chunk.chunk_id for h in r.rank(r.candidates(query, filters=filters, n=200), k=6, filters=filters)] == \
        [h.chunk.chunk_id for h in hits]
    assert r.describe()["ranker"] == "fitted" and r.describe()["ranker_model"] == model_hash()


def _item(qid: str, x: list[list[float]], gold: list[bool], answer: list[bool], has_gold: bool) -> dict:
    return {"id": qid, "x": np.array(x, dtype=float), "gold": np.array(gold), "answer": np.array(answer), "has_gold": has_gold}


def test_training_pairs_weigh_each_question_the_same_and_answer_labels_only_where_no_gold_article_is_indexed():
    items = [
        _item("q1", [[3.0], [1.0], [0.0]], [True, False, False], [False, True, False], True),  # 2 pairs
        _item("q2", [[5.0], [4.0], [2.0], [1.0]], [True, True, False, False], [True] * 4, True),  # 4 pairs
        _item("q3", [[2.0], [0.0]], [False, False], [True, False], False),  # answer pairs only
        _item("q4", [[1.0]], [True], [True], True),  # no negative: no pair
    ]
    d, y, w = fit_ranker.pairs(items, answer_weight=0.0)
    assert len(d) == 2 * (2 + 4) and set(y.tolist()) == {1.0, -1.0}
    assert w.sum() == pytest.approx(2 * 2)  # two questions, both orders
    assert np.all(d[y == 1] > 0)  # positives minus negatives
    d, y, w = fit_ranker.pairs(items, answer_weight=0.3)
    assert len(d) == 2 * (2 + 4 + 1) and w.sum() == pytest.approx(2 * 2.3)


def _synthetic_items(seed: int, shift: dict[str, float]) -> list[dict]:
    """20 questions of 30 random candidates; the 3 gold ones have each feature of ``shift`` raised by its value."""
    rng = np.random.default_rng(seed)
    items = []
    for q in range(20):
        x = rng.normal(size=(30, len(FEATURES)))
        gold = np.zeros(30, dtype=bool)
        gold[:3] = True
        for name, by in shift.items():
            x[gold, COL[name]] += by
        items.append({"id": f"q{q}", "x": x, "gold": gold, "answer": gold, "has_gold": True})
    return items


def test_fitting_learns_the_feature_that_tells_the_gold_passages():
    pytest.importorskip("sklearn")
    items = _synthetic_items(0, {"headline_match": 2.0})
    model = fit_ranker.fit_model(items, 1.0, 0.0)
    assert int(np.argmax(np.abs(model.weights))) == COL["headline_match"] and model.weights[COL["headline_match"]] > 0


def test_a_feature_held_at_zero_gets_weight_zero_and_the_others_are_still_learned():
    pytest.importorskip("sklearn")
    items = _synthetic_items(1, {"headline_match": 2.0, "age_week": 1.0})
    fit_ranker.hold_at_zero(items, ["headline_match"])
    model = fit_ranker.fit_model(items, 1.0, 0.0)
    assert model.weights[COL["headline_match"]] == 0.0
    assert int(np.argmax(np.abs(model.weights))) == COL["age_week"] and model.weights[COL["age_week"]] > 0
    with pytest.raises(ValueError):
        fit_ranker.hold_at_zero(items, ["no_such_feature"])


def test_the_training_rows_hash_is_order_free_and_changes_with_any_field_of_a_row():
    rows = [{"id": "20220701_1", "question": "Which chip maker ...?", "answer": [0], "gold_urls": ["https://e.x/a"]},
            {"id": "20220617_0", "question": "Which ministry ...?", "answer": [2], "gold_urls": []}]
    h = fit_ranker.rows_hash(rows)
    assert len(h) == 64 and fit_ranker.rows_hash(list(reversed(rows))) == h
    assert fit_ranker.rows_hash([{**rows[0], "answer": [1]}, rows[1]]) != h
    assert fit_ranker.rows_hash([rows[0], {**rows[1], "gold_urls": ["https://e.x/b"]}]) != h
