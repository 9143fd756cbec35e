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
