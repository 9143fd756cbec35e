"""How a collection's HNSW index is configured (rag.store.HNSW_CONFIG): set when the collection is created, kept
by an existing collection, and a search list wide enough that two ingests of the same data find the same
neighbours (benchmarks/hnsw_determinism.py measures that; these tests specify the configuration)."""

from __future__ import annotations

from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.store import HNSW_CONFIG
from tests.conftest import CORPUS_DIR


def test_a_new_collection_is_created_with_the_shipped_hnsw_configuration(fresh_index):
    stored = fresh_index().store.hnsw_configuration()
    assert stored["space"] == "cosine" and stored["ef_search"] == HNSW_CONFIG["ef_search"] >= 400


def test_an_existing_collection_keeps_the_configuration_it_was_made_with_and_stays_searchable(fresh_index):
    old = fresh_index("old")
    Ingestor(old).ingest_paths([CORPUS_DIR])
    old.store.collection.modify(configuration={"hnsw": {"ef_search": 100}})  # as collections made before this setting
    vec = old.query_vectors.get("semiconductor export controls")
    before = [d.chunk_id for d in old.store.query(vec, k=5)]
    old.close()
    reopened = CorpusIndex(old.settings, embedder=old.embedder)
    try:
        assert reopened.store.hnsw_configuration()["ef_search"] == 100
        assert [d.chunk_id for d in reopened.store.query(vec, k=5)] == before and before
    finally:
        reopened.close()


def test_a_benchmark_can_create_a_collection_with_other_hnsw_settings(fresh_index):
    index = fresh_index()
    other = CorpusIndex(index.settings, collection="hnsw-other", embedder=index.embedder, hnsw={"ef_search": 150})
    try:
        assert other.store.hnsw_configuration()["ef_search"] == 150
        assert index.store.hnsw_configuration()["ef_search"] == HNSW_CONFIG["ef_search"]
    finally:
        other.close()


def _made_with(fresh_index, ef_search: int) -> CorpusIndex:
    """An empty collection created with ``ef_search`` (as collections made before HNSW_CONFIG was set: 100)."""
    index = fresh_index("made")
    return CorpusIndex(index.settings, collection="made-before", embedder=index.embedder, hnsw={"ef_search": ef_search})


def _reopened_ef_search(index: CorpusIndex) -> int:
    index.close()
    reopened = CorpusIndex(index.settings, collection=index.collection, embedder=index.embedder)
    try:
        return reopened.store.hnsw_configuration()["ef_search"]
    finally:
        reopened.close()


def test_an_ingest_into_a_collection_made_with_a_narrower_search_list_widens_it(fresh_index):
    old = _made_with(fresh_index, 100)
    assert old.store.hnsw_configuration()["ef_search"] == 100
    Ingestor(old).ingest_paths([CORPUS_DIR])  # a write
    assert _reopened_ef_search(old) == HNSW_CONFIG["ef_search"]


def test_an_ingest_that_finds_nothing_new_still_widens_it(fresh_index):
    index = fresh_index()
    Ingestor(index).ingest_paths([CORPUS_DIR])
    index.store.collection.modify(configuration={"hnsw": {"ef_search": 100}})  # as collections made before it
    index.close()
    reopened = CorpusIndex(index.settings, embedder=index.embedder)
    report = Ingestor(reopened).ingest_paths([CORPUS_DIR])
    assert report.added == 0 and report.updated == 0  # nothing written but the setting
    assert _reopened_ef_search(reopened) == HNSW_CONFIG["ef_search"]


def test_deleting_a_document_is_a_write_that_widens_it_too(fresh_index):
    index = fresh_index()
    Ingestor(index).ingest_paths([CORPUS_DIR])
    index.store.collection.modify(configuration={"hnsw": {"ef_search": 100}})
    index.close()
    reopened = CorpusIndex(index.settings, embedder=index.embedder)
    doc = sorted(reopened.store.doc_ids())[0]
    assert Ingestor(reopened).delete_document(doc)
    assert _reopened_ef_search(reopened) == HNSW_CONFIG["ef_search"]


def test_searching_never_changes_the_search_list(fresh_index):
    old = _made_with(fresh_index, 100)
    Ingestor(old).ingest_paths([CORPUS_DIR])
    old.store.collection.modify(configuration={"hnsw": {"ef_search": 100}})  # back to the old value after the ingest
    old.close()
    reader = CorpusIndex(old.settings, collection=old.collection, embedder=old.embedder)
    assert reader.store.query(reader.query_vectors.get("semiconductor export controls"), k=5)
    assert _reopened_ef_search(reader) == 100


def test_a_wider_search_list_than_the_shipped_one_is_kept(fresh_index):
    wide = _made_with(fresh_index, 800)
    Ingestor(wide).ingest_paths([CORPUS_DIR])
    assert _reopened_ef_search(wide) == 800
