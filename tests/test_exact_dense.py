"""A dated search's dense candidates are the exact nearest neighbours in bounds, whatever the HNSW graph.

The index below is built so that approximate search struggles: a poorly connected HNSW graph (two neighbours per
node, a search list of one) and the in-bound passages far down the unfiltered ranking, below a few hundred newer
passages closer to the query. An exact search over the in-bound rows (``rag.exact_dense``) must return every one
of the exact top k; HNSW over-fetch-then-filter (the ``date_search = "overfetch"`` setting, the default before)
misses some.
"""

from __future__ import annotations

import numpy as np
import pytest

from planted_vectors import PlantedEmbedder
from rag.exact_dense import ExactDense
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever, make_filters
from rag.types import SearchFilters, SourceDocument

DIM = 16
QUERY = "probe question"
UNTIL = "2022-03-31"


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _planted(n_new: int = 300, n_old: int = 200, seed: int = 7):
    """(embedder, documents, in-bound ids): ``n_new`` passages after UNTIL at cosine 0.75–0.99 to the query, and
    ``n_old`` before it at 0.05–0.7, so every in-bound passage ranks below every newer one."""
    rng = np.random.default_rng(seed)
    probe = _unit(np.eye(DIM)[0])
    cos = np.concatenate([rng.uniform(0.75, 0.99, n_new), rng.uniform(0.05, 0.7, n_old)])
    side = _unit(np.concatenate([np.zeros((len(cos), 1)), rng.normal(size=(len(cos), DIM - 1))], axis=1))
    table = _unit(cos[:, None] * probe + np.sqrt(1 - cos[:, None] ** 2) * side)
    words = [f"w{i}" for i in range(400)]
    docs, old = [], set()
    for i in range(len(cos)):
        published = f"2022-{5 + i % 6:02d}-{1 + i % 28:02d}" if i < n_new else f"2022-{1 + i % 3:02d}-{1 + i % 28:02d}"
        text = f"item-{i} " + " ".join(rng.choice(words, 40))
        docs.append(SourceDocument(doc_id=f"d{i:04d}", text=text, source_path=f"planted/{i}", title=None, published=published))
        if i >= n_new:
            old.add(f"d{i:04d}")
    return PlantedEmbedder(table, probe), docs, old


@pytest.fixture(scope="module")
def planted_index(tmp_path_factory):
    from rag.config import Settings

    embedder, docs, old = _planted()
    s = Settings(data_dir=tmp_path_factory.mktemp("planted"))
    index = CorpusIndex(s, embedder=embedder, hnsw={"ef_search": 1, "ef_construction": 2, "max_neighbors": 2})
    report = Ingestor(index).ingest_documents(docs, source_key="planted")
    assert report.added == len(docs), report.to_dict()
    yield index, old
    index.close()


def _exact_in_bounds(index: CorpusIndex, old: set[str], k: int) -> list[str]:
    """The exact top k in bounds, computed here from the collection's own vectors (independent of rag.exact_dense)."""
    got = index.store.collection.get(include=["embeddings", "metadatas"])
    q = index.embedder.embed([QUERY])[0]
    rows = [(float(np.dot(v, q) / np.linalg.norm(v)), cid) for cid, v, m in zip(got["ids"], got["embeddings"], got["metadatas"])
            if m["doc_id"] in old]
    return [cid for _, cid in sorted(rows, key=lambda r: -r[0])[:k]]


@pytest.mark.parametrize("k", [5, 20])
def test_a_dated_search_returns_every_in_bound_passage_an_exact_search_ranks_in_its_top_k(planted_index, k):
    index, old = planted_index
    cands = HybridRetriever(index).candidates(QUERY, filters=make_filters(until=UNTIL), n=k)
    assert cands.dense == _exact_in_bounds(index, old, k)


def test_the_approximate_over_fetch_misses_some_of_them_on_this_index(planted_index):
    """Why the default changed: on a graph this poor HNSW's candidates are not the exact ones (the old default)."""
    index, old = planted_index
    settings = index.settings.retrieval.model_copy(update={"date_search": "overfetch", "date_overfetch": 4})
    cands = HybridRetriever(index, settings).candidates(QUERY, filters=make_filters(until=UNTIL), n=20)
    assert set(_exact_in_bounds(index, old, 20)) - set(cands.dense)


def test_the_exact_top_k_keeps_the_bounds_and_orders_by_cosine():
    rng = np.random.default_rng(1)
    vecs = _unit(rng.normal(size=(50, 8)))
    published = np.sort(rng.choice([0, 20220101, 20220301, 20220601, 20221201], size=50))
    ids = [f"c{i}" for i in range(50)]
    exact = ExactDense(vecs, ids, published)
    q = vecs[3] + 0.1 * vecs[40]
    cases = [SearchFilters(), SearchFilters(until="2022-03-01"), SearchFilters(since="2022-03-01"),
             SearchFilters(since="2022-02-01", until="2022-06-30"), SearchFilters(since="2023-01-01")]
    for f in cases:
        keep = np.ones(50, dtype=bool)
        if f.since:
            keep &= published >= int(f.since.replace("-", ""))
        if f.until:
            keep &= (published <= int(f.until.replace("-", ""))) & (published > 0)
        sims = vecs @ (q / np.linalg.norm(q))
        want = [ids[i] for i in sorted(np.flatnonzero(keep), key=lambda i: -sims[i])[:7]]
        got = exact.query(q, k=7, filters=f)
        assert [d.chunk_id for d in got] == want, f
        assert all(abs(d.similarity - sims[int(d.chunk_id[1:])]) < 1e-5 for d in got)


def test_rows_out_of_date_order_are_refused():
    with pytest.raises(ValueError):
        ExactDense(np.zeros((2, 4), np.float32), ["a", "b"], np.array([20220102, 20220101]))


def test_an_ingest_leaves_the_date_ordered_vectors_on_disk_so_the_first_dated_search_does_not_read_them(tmp_path):
    from rag.config import Settings
    from rag.exact_dense import ORDER_FILE, VECTORS_FILE

    embedder, docs, _ = _planted(n_new=20, n_old=10)
    index = CorpusIndex(Settings(data_dir=tmp_path), embedder=embedder)
    try:
        Ingestor(index).ingest_documents(docs, source_key="planted")
        index.refresh_lexical()  # what `brief ingest` runs after adding documents
        snap_dir = index.bm25_path()
        vectors = np.load(snap_dir / VECTORS_FILE)
        assert vectors.shape == (len(docs), DIM)
        assert sorted(np.load(snap_dir / ORDER_FILE).tolist()) == list(range(len(docs)))
    finally:
        index.close()
    (snap_dir / VECTORS_FILE).unlink()  # a snapshot saved before the vectors were kept (an older install)
    again = CorpusIndex(Settings(data_dir=tmp_path), embedder=embedder)  # a later `brief ingest`, a new process
    try:
        again.refresh_lexical()
        assert np.array_equal(np.load(snap_dir / VECTORS_FILE), vectors)
    finally:
        again.close()


def _exact_top(index: CorpusIndex, k: int) -> list[tuple[str, float]]:
    """(chunk id, cosine) of the exact unfiltered top k, computed here from the collection's own vectors."""
    got = index.store.collection.get(include=["embeddings"])
    q = index.embedder.embed([QUERY])[0]
    rows = [(cid, float(np.dot(v, q) / np.linalg.norm(v))) for cid, v in zip(got["ids"], got["embeddings"])]
    return sorted(rows, key=lambda r: -r[1])[:k]


@pytest.mark.parametrize("k", [5, 20])
def test_an_undated_search_returns_the_exact_top_k_of_the_whole_corpus(planted_index, k):
    index, _ = planted_index
    index.refresh_lexical()  # the matrix on disk, as `brief ingest` leaves it
    cands = HybridRetriever(index).candidates(QUERY, filters=SearchFilters(), n=k)
    want = _exact_top(index, k)
    assert cands.dense == [cid for cid, _ in want]
    assert all(abs(cands.similarity[cid] - cos) < 1e-5 for cid, cos in want)


def test_the_hnsw_setting_asks_chroma_and_never_the_exact_matrix(planted_index, monkeypatch):
    """``chroma.search = "hnsw"`` is Chroma's approximate answer: the candidates are what Chroma's HNSW query returns
    for the query vector, and the exact matrix is not consulted. (Whether that graph misses some of the exact top 20
    depends on how its nodes were linked, which is not deterministic, so it is not asserted here.)"""
    from rag import exact_dense as exact_module

    index, _ = planted_index
    hnsw = CorpusIndex(index.settings.model_copy(update={"chroma": index.settings.chroma.model_copy(update={"search": "hnsw"})}),
                       embedder=index.embedder)

    def refuse(*_a, **_k):
        raise AssertionError("the hnsw setting consulted the exact matrix")

    monkeypatch.setattr(exact_module.ExactDense, "query", refuse)
    try:
        assert hnsw.exact_searcher() is None
        cands = HybridRetriever(hnsw).candidates(QUERY, filters=SearchFilters(), n=20)
        chroma = hnsw.store.hnsw_query(hnsw.embedder.embed([QUERY])[0], k=20)
    finally:
        hnsw.close()
    assert cands.dense and cands.dense == [d.chunk_id for d in chroma]


def test_an_index_saved_without_the_matrix_gets_it_from_its_first_undated_search(tmp_path):
    """An index saved before the matrix was kept: the first undated search of a new process reads the vectors from
    the collection once and saves them, and is exact already."""
    from rag.config import Settings
    from rag.exact_dense import VECTORS_FILE

    embedder, docs, _ = _planted(n_new=20, n_old=10)
    index = CorpusIndex(Settings(data_dir=tmp_path), embedder=embedder)
    try:
        Ingestor(index).ingest_documents(docs, source_key="planted")
        index.refresh_lexical()
        snap_dir = index.bm25_path()
        want = [cid for cid, _ in _exact_top(index, 5)]
    finally:
        index.close()
    (snap_dir / VECTORS_FILE).unlink()  # an older install's snapshot
    again = CorpusIndex(Settings(data_dir=tmp_path), embedder=embedder)  # a new process
    try:
        assert HybridRetriever(again).candidates(QUERY, filters=SearchFilters(), n=5).dense == want
        assert (snap_dir / VECTORS_FILE).is_file()
    finally:
        again.close()
