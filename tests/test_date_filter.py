"""Dense search with date bounds: over-fetch-then-filter returns what Chroma's metadata filter returns.

``rag.retrieve.dense_date_filtered`` asks Chroma for k·m unfiltered neighbours and keeps the in-bounds ones (the
BM25 index knows every chunk's date); with fewer than k survivors it runs the filtered query instead. On an index
as small as the sample corpus HNSW is exact, so every ``retrieval.date_search`` way gives the same hits (the
default, exact search over the rows in bounds, is specified in tests/test_exact_dense.py).
"""

from __future__ import annotations

import pytest

from rag.retrieve import HybridRetriever, dense_date_filtered, make_filters
from rag.store import DenseResult
from rag.text.normalize import embed_form

QUERIES = ["photoresist export licences", "dual-use items list", "semiconductor equipment controls", "chip subsidies"]
BOUNDS = [dict(until="2025-12-31"), dict(since="2026-01-01"), dict(since="2026-02-25", until="2026-02-25"),
          dict(until="2026-12-31"), dict(since="2020-01-01", until="2020-12-31")]


@pytest.mark.parametrize("bounds", BOUNDS)
@pytest.mark.parametrize("overfetch", [2, 4])
@pytest.mark.parametrize("k", [3, 8])
def test_over_fetching_gives_the_filtered_neighbours(sample_index, bounds, overfetch, k):
    _, index = sample_index
    filters = make_filters(**bounds)
    for query in QUERIES:
        vec = index.embedder.embed([embed_form(query)])[0]
        want = [d.chunk_id for d in index.store.query(vec, k=k, filters=filters)]
        got = [d.chunk_id for d in dense_date_filtered(index.store, index.lexical(), vec, k=k, filters=filters, overfetch=overfetch)]
        assert got == want, (query, bounds)


def test_hybrid_search_is_the_same_with_every_date_search_on_an_exact_graph(sample_index):
    _, index = sample_index
    base = index.settings.retrieval
    exact, where, overfetch = (HybridRetriever(index, base.model_copy(update=u)) for u in
                               ({"date_search": "exact"}, {"date_search": "filter"}, {"date_search": "overfetch", "date_overfetch": 2}))
    for bounds in BOUNDS:
        for query in QUERIES:
            a = [h.chunk.chunk_id for h in where.search(query, k=5, filters=make_filters(**bounds))]
            b = [h.chunk.chunk_id for h in overfetch.search(query, k=5, filters=make_filters(**bounds))]
            c = [h.chunk.chunk_id for h in exact.search(query, k=5, filters=make_filters(**bounds))]
            assert a == b == c, (query, bounds)


class _Store:
    """Nearest chunks in a fixed order; records how it was asked."""

    def __init__(self, ids: list[str]) -> None:
        self.ids, self.calls = ids, []

    def query(self, vec, *, k, filters=None):
        self.calls.append((k, filters is not None))
        return [DenseResult(i, 1.0) for i in self.ids[:k]]


class _Dates:
    def __init__(self, in_bounds: set[str]) -> None:
        self.in_bounds = in_bounds

    def passes(self, chunk_ids, filters):
        return [c in self.in_bounds for c in chunk_ids]


def test_enough_survivors_need_no_filtered_query_and_too_few_fall_back_to_it():
    ids = [f"c{i}" for i in range(100)]
    f = make_filters(until="2022-01-01")
    store = _Store(ids)
    got = dense_date_filtered(store, _Dates({f"c{i}" for i in range(0, 100, 2)}), None, k=5, filters=f, overfetch=4)
    assert [d.chunk_id for d in got] == ["c0", "c2", "c4", "c6", "c8"] and store.calls == [(20, False)]
    store = _Store(ids)
    dense_date_filtered(store, _Dates({"c1", "c50"}), None, k=5, filters=f, overfetch=4)
    assert store.calls == [(20, False), (5, True)]  # 1 of 20 survived: Chroma's filter decides
    store = _Store(ids[:12])  # the whole collection came back: the survivors are all there is
    got = dense_date_filtered(store, _Dates({"c3"}), None, k=5, filters=f, overfetch=4)
    assert [d.chunk_id for d in got] == ["c3"] and store.calls == [(20, False)]
    store = _Store(ids)
    dense_date_filtered(store, _Dates(set(ids)), None, k=5, filters=f, overfetch=1)
    assert store.calls == [(5, True)]
