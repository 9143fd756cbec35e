"""Specification of the vector store (rag.store), run twice: embedded Chroma and a real ``chroma run`` server.

The ``http`` variants (marked ``integration``) start ``chroma run --path TMP --host 127.0.0.1 --port P``
once per module, wait for ``/api/v2/heartbeat`` and stop the server at the end. Each test uses its own
collection, so the variants share one server without seeing each other's data.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest
from servers import free_port, wait_until_up

from conftest import FakeEmbedder, assert_consistent
from rag.errors import ConfigError, IndexMismatchError
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever, make_filters
from rag.store import VectorStore
from rag.types import Chunk, SourceDocument

DIM = 8


# --- the server ------------------------------------------------------------------------------------------------------


def chroma_cli() -> str | None:
    beside_python = Path(sys.executable).parent / "chroma"
    return str(beside_python) if beside_python.is_file() else shutil.which("chroma")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    """(host, port) of a Chroma server on a temp dir, up for this module."""
    exe = chroma_cli()
    if exe is None:
        pytest.skip("the chroma CLI (installed with chromadb) is not available")
    root = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log_path = root / "server.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [exe, "run", "--path", str(root / "db"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
    try:
        wait_until_up(proc, f"http://127.0.0.1:{port}/api/v2/heartbeat", log_path=log_path, timeout=60, poll=0.1)
        yield "127.0.0.1", port
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)


MODES = ["embedded", pytest.param("http", marks=pytest.mark.integration)]


@pytest.fixture(params=MODES)
def store_settings(request, settings):
    """Settings for a fresh collection in embedded mode or on the test server."""
    collection = f"t{uuid.uuid4().hex[:12]}"
    if request.param == "http":
        host, port = request.getfixturevalue("chroma_server")
        return settings(chroma={"mode": "http", "host": host, "port": port, "collection": collection})
    return settings(chroma={"collection": collection})


# --- helpers ---------------------------------------------------------------------------------------------------------


def make_chunks(doc_id: str, n: int, *, published: str | None = None, publisher: str | None = None) -> list[Chunk]:
    doc = SourceDocument(doc_id=doc_id, text="x" * 100 * n, source_path=f"/{doc_id}.txt", title=f"Title {doc_id}",
                         publisher=publisher, published=published)
    return [
        Chunk(chunk_id=f"{doc_id}-{i:04d}", doc_id=doc_id, text=f"passage {i} of {doc_id}", start=100 * i,
              end=100 * i + 50, index=i, metadata=doc.metadata())
        for i in range(n)
    ]


def unit_vectors(n: int, seed: int) -> np.ndarray:
    vecs = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def stored_ids(store: VectorStore) -> set[str]:
    return set(store.collection.get(include=[])["ids"])


@pytest.fixture
def store(store_settings) -> VectorStore:
    return VectorStore(store_settings, FakeEmbedder("fake-hash-8", DIM))


# --- the shared store specification -----------------------------------------------------------------------------------


def test_a_new_collection_records_its_embedding_model_and_uses_cosine_space(store):
    meta = store.collection.metadata
    assert (meta["embed_model"], meta["embed_dim"]) == ("fake-hash-8", DIM)
    assert store.collection.configuration["hnsw"]["space"] == "cosine"
    assert store.count() == 0
    assert store.query(unit_vectors(1, 0)[0], k=5) == []


def test_upserted_chunks_are_found_by_vector_with_their_cosine_similarity(store):
    chunks = make_chunks("docA", 3) + make_chunks("docB", 2)
    vecs = unit_vectors(5, seed=1)
    store.upsert(chunks, vecs)
    assert store.count() == 5 and store.doc_ids() == {"docA", "docB"}
    results = store.query(vecs[3], k=5)
    assert results[0].chunk_id == "docB-0000"
    assert results[0].similarity == pytest.approx(1.0, abs=1e-4)
    expected = {c.chunk_id: float(vecs[i] @ vecs[3]) for i, c in enumerate(chunks)}
    for r in results:
        assert r.similarity == pytest.approx(expected[r.chunk_id], abs=1e-3)
    assert [r.similarity for r in results] == sorted((r.similarity for r in results), reverse=True)


def test_chunk_metadata_and_spans_are_stored(store):
    chunks = make_chunks("docA", 2, published="2026-02-25", publisher="Kyodo")
    store.upsert(chunks, unit_vectors(2, seed=2))
    got = store.collection.get(ids=["docA-0001"], include=["metadatas", "documents"])
    meta = got["metadatas"][0]
    assert got["documents"][0] == "passage 1 of docA"
    assert (meta["doc_id"], meta["publisher"], meta["published_int"]) == ("docA", "Kyodo", 20260225)
    assert (meta["span_start"], meta["span_end"], meta["chunk_index"]) == (100, 150, 1)


def test_upserting_a_document_again_replaces_all_its_chunks(store):
    store.upsert(make_chunks("docA", 4) + make_chunks("docB", 2), unit_vectors(6, seed=3))
    store.upsert(make_chunks("docA", 1), unit_vectors(1, seed=4))
    assert stored_ids(store) == {"docA-0000", "docB-0000", "docB-0001"}


def test_deleting_documents_removes_their_chunks_only(store):
    store.upsert(make_chunks("docA", 2) + make_chunks("docB", 2) + make_chunks("docC", 1), unit_vectors(5, seed=5))
    store.delete_documents(["docA", "docC", "never-stored"])
    assert stored_ids(store) == {"docB-0000", "docB-0001"}
    assert store.doc_ids() == {"docB"}


def test_dense_queries_apply_date_and_publisher_filters(store):
    chunks = (
        make_chunks("old", 1, published="2020-03-31", publisher="Chuokoron")
        + make_chunks("new", 1, published="2026-02-25", publisher="WorldWideWatchers")
        + make_chunks("newer", 1, published="2026-06-30", publisher="Intelrift")
        + make_chunks("undated", 1, publisher="Taipei Times")
    )
    store.upsert(chunks, unit_vectors(4, seed=6))
    q = unit_vectors(1, seed=7)[0]

    def docs(**kw) -> set[str]:
        return {r.chunk_id.rsplit("-", 1)[0] for r in store.query(q, k=10, filters=make_filters(**kw))}

    assert docs() == {"old", "new", "newer", "undated"}
    assert docs(since="2026-01-01") == {"new", "newer"}
    assert docs(until="2025-12-31") == {"old"}, "undated articles never pass a date bound"
    assert docs(since="2026-02-25", until="2026-02-25") == {"new"}
    assert docs(publishers=["Intelrift", "Taipei Times"]) == {"newer", "undated"}
    assert docs(since="2026-01-01", publishers=["Chuokoron"]) == set()


def test_reopening_a_collection_with_another_embedding_model_is_refused(store_settings, store):
    store.upsert(make_chunks("docA", 1), unit_vectors(1, seed=8))
    assert VectorStore(store_settings, FakeEmbedder("fake-hash-8", DIM)).count() == 1, "same model reopens fine"
    with pytest.raises(IndexMismatchError, match="fake-hash-8"):
        VectorStore(store_settings, FakeEmbedder("another-model", 16))
    with pytest.raises(IndexMismatchError):
        VectorStore(store_settings, FakeEmbedder("another-model", DIM))


ARTICLES = {
    "gallium.txt": "China restricts gallium exports\n\nBeijing said exports of gallium and germanium will need licences "
    "from August, a move aimed at chipmakers in Japan and the Netherlands.",
    "hynix.txt": "SK Hynix expands memory plant\n\nSK Hynix will build a new high-bandwidth memory packaging line in "
    "Cheongju, the Korean company said on Tuesday.",
    "drones.txt": "Taiwan drone makers court US buyers\n\nTaiwanese drone manufacturers are seeking US defence "
    "contracts as Washington looks for suppliers without Chinese parts.",
}


def test_ingest_and_hybrid_search_work_end_to_end(store_settings, tmp_path):
    """The real embedder, catalog and BM25 over this store: ingest, search, delete, stay consistent."""
    src = tmp_path / "articles"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    index = CorpusIndex(store_settings)
    try:
        report = Ingestor(index).ingest_paths([src])
        assert report.added == 3 and not report.failed
        assert_consistent(index)
        retriever = HybridRetriever(index)
        top = retriever.search("licences for germanium shipments", k=1)[0]
        assert top.chunk.title == "China restricts gallium exports"
        assert retriever.search("HBM packaging in Korea", k=1)[0].chunk.title == "SK Hynix expands memory plant"
        again = Ingestor(index).ingest_paths([src])
        assert (again.unchanged, again.chunks_embedded) == (3, 0)
        assert Ingestor(index).delete_document(top.chunk.doc_id)
        assert top.chunk.doc_id not in index.store.doc_ids()
        assert_consistent(index)
        assert all(h.chunk.doc_id != top.chunk.doc_id for h in retriever.search("gallium germanium licences", k=3))
    finally:
        index.close()


# --- server-only behaviour ----------------------------------------------------------------------------------------------


def test_an_unreachable_chroma_server_is_a_config_error_with_a_hint(settings):
    s = settings(chroma={"mode": "http", "host": "127.0.0.1", "port": free_port()})
    with pytest.raises(ConfigError) as info:
        VectorStore(s, FakeEmbedder())
    assert "Cannot reach the Chroma server" in str(info.value)
    assert "chroma run" in info.value.help_message


@pytest.mark.integration
def test_data_written_through_the_server_is_visible_to_a_new_client(chroma_server, settings):
    host, port = chroma_server
    s = settings(chroma={"mode": "http", "host": host, "port": port, "collection": f"t{uuid.uuid4().hex[:12]}"})
    VectorStore(s, FakeEmbedder("fake-hash-8", DIM)).upsert(make_chunks("docA", 2), unit_vectors(2, seed=9))
    import chromadb

    other = chromadb.HttpClient(host=host, port=port).get_collection(s.chroma.collection)
    assert sorted(other.get(include=[])["ids"]) == ["docA-0000", "docA-0001"]
