"""What a search reads per query: catalog rows (cached per database change), versions by index, vectors without a
count, BM25 top-k and query embeddings (cached) — each giving exactly what the plain lookup gives."""

from __future__ import annotations

import sqlite3

import bm25s
import numpy as np
import pytest

from conftest import FakeEmbedder
from rag.catalog import Catalog, DocumentRow
from rag.index import QueryVectors
from rag.lexical import LexicalIndex, bm25_text
from rag.store import VectorStore
from rag.text.analyzer import analyze
from rag.types import Chunk, SearchFilters, SourceDocument

TOPICS = [
    "chip export controls tighten on advanced lithography",
    "ransomware gang leaks hospital records after payment refused",
    "central bank raises rates to fight inflation",
    "satellite launch delayed by engine anomaly",
    "chip makers warn of memory price slump",
]


def document(n: int, *, title: str | None = None, thread: str | None = None, published: str = "2022-06-01") -> DocumentRow:
    doc_id = f"doc{n}"
    text = f"{TOPICS[n % len(TOPICS)]}. " * 4 + f"Report number {n}."
    doc = SourceDocument(doc_id=doc_id, text=text, source_path=f"/in/{doc_id}.txt", title=title or f"Title {n}",
                         publisher="cnn.com" if n % 2 else "usatoday.com", published=published)
    return DocumentRow(doc=doc, story_id=doc_id, thread_id=thread)


def chunks_of(row: DocumentRow, size: int = 60) -> list[Chunk]:
    doc = row.doc
    return [
        Chunk(chunk_id=f"{doc.doc_id}-{i:04d}", doc_id=doc.doc_id, text=doc.text[a : a + size], start=a,
              end=min(a + size, len(doc.text)), index=i, metadata=doc.metadata())
        for i, a in enumerate(range(0, len(doc.text), size))
    ]


def fill(catalog: Catalog, rows: list[DocumentRow]) -> None:
    catalog.begin_documents(rows)
    catalog.commit_documents({r.doc.doc_id: chunks_of(r) for r in rows})


@pytest.fixture
def catalog(tmp_path) -> Catalog:
    cat = Catalog(tmp_path / "catalog.sqlite")
    fill(cat, [document(n) for n in range(6)])
    yield cat
    cat.close()


# --- catalog ---------------------------------------------------------------------------------------------------------


def joined_rows(path, chunk_ids: list[str]) -> dict[str, dict]:
    """The plain lookup: each chunk joined with its document row."""
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    rows = db.execute(
        "SELECT c.chunk_id, c.doc_id, c.idx, c.start, c.end, c.text, d.title, d.publisher, d.published, "
        "d.published_int, d.url, d.source_path, d.language, d.authors, d.kind, d.story_id, d.added_at, "
        "COALESCE(d.thread_id, d.story_id) AS thread_id, d.source_map "
        f"FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE c.chunk_id IN ({','.join('?' * len(chunk_ids))})",
        chunk_ids,
    ).fetchall()
    db.close()
    return {r["chunk_id"]: dict(r) for r in rows}


def test_chunks_come_with_their_documents_metadata_as_a_join_gives_them(catalog):
    ids = [c["chunk_id"] for c in catalog.all_chunks()][::2] + ["no-such-chunk"]
    assert catalog.get_chunks(ids) == joined_rows(catalog.path, ids)
    assert catalog.get_chunks(ids) == joined_rows(catalog.path, ids), "the second read, from the cache, is the same"


def test_a_document_changed_by_this_or_another_connection_is_read_fresh(catalog):
    ids = [c["chunk_id"] for c in catalog.all_chunks() if c["doc_id"] in ("doc1", "doc2")]
    assert {r["title"] for r in catalog.get_chunks(ids).values()} == {"Title 1", "Title 2"}

    fill(catalog, [document(1, title="Corrected title 1")])  # this connection
    assert {r["title"] for r in catalog.get_chunks(ids).values()} == {"Corrected title 1", "Title 2"}

    other = sqlite3.connect(catalog.path)  # another process, e.g. `brief ingest` beside the server
    with other:
        other.execute("UPDATE documents SET title='Retitled 2', publisher='bbc.co.uk' WHERE doc_id='doc2'")
    other.close()
    rows = catalog.get_chunks(ids).values()
    assert {(r["title"], r["publisher"]) for r in rows if r["doc_id"] == "doc2"} == {("Retitled 2", "bbc.co.uk")}

    catalog.delete_documents(["doc1"])
    assert {r["doc_id"] for r in catalog.get_chunks(ids).values()} == {"doc2"}


def test_versions_are_looked_up_through_an_index_not_a_scan_of_every_document(catalog):
    fill(catalog, [document(10, thread="doc0"), document(11, thread="doc0")])
    statements: list[str] = []
    probe = sqlite3.connect(catalog.path)
    catalog._db.set_trace_callback(statements.append)  # the statement thread_versions runs, as SQLite sees it
    try:
        threads = catalog.thread_versions(["doc0", "doc3"])
    finally:
        catalog._db.set_trace_callback(None)
    assert {d["doc_id"] for d in threads["doc0"]} == {"doc0", "doc10", "doc11"} and "doc3" not in threads
    (lookup,) = [s for s in statements if "FROM documents" in s]
    plan = " | ".join(row[3] for row in probe.execute("EXPLAIN QUERY PLAN " + lookup))
    probe.close()
    assert "USING INDEX documents_thread" in plan and "SCAN documents" not in plan, plan


# --- vectors -----------------------------------------------------------------------------------------------------------


def test_asking_for_more_neighbours_than_the_collection_holds_gives_all_of_them_and_none_when_empty(settings):
    store = VectorStore(settings("vectors"), FakeEmbedder("fake-hash-8", 8))
    probe = np.ones(8, dtype=np.float32) / np.sqrt(8)
    assert store.query(probe, k=10) == []
    rows = [document(n) for n in range(3)]
    chunks = [c for r in rows for c in chunks_of(r)]
    vecs = FakeEmbedder("fake-hash-8", 8).embed([c.text for c in chunks])
    store.upsert(chunks, vecs)
    got = store.query(probe, k=len(chunks) + 50)
    assert sorted(d.chunk_id for d in got) == sorted(c.chunk_id for c in chunks)
    sims = [d.similarity for d in got]
    assert sims == sorted(sims, reverse=True)
    assert [d.chunk_id for d in store.query(probe, k=3)] == [d.chunk_id for d in got[:3]]
    dated = store.query(probe, k=100, filters=SearchFilters(since="2030-01-01"))
    assert dated == []


# --- BM25 ----------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["chip prices", "hospital ransomware records", "rates inflation bank", "engine"])
@pytest.mark.parametrize("filters", [None, SearchFilters(until="2022-06-03"), SearchFilters(publishers=("cnn.com",))])
@pytest.mark.parametrize("saved", [False, True], ids=["built", "loaded"])
def test_bm25_top_k_is_what_bm25s_retrieve_returns(query, filters, saved, tmp_path):
    rows = [
        {"chunk_id": c.chunk_id, "title": c.metadata["title"], "text": c.text, "publisher": c.metadata["publisher"],
         "published_int": 20220600 + n}
        for n in range(12) for c in chunks_of(document(n))
    ]
    lexical = LexicalIndex.build(rows)
    if saved:  # read back from disk without bm25s, as a new process searching does
        lexical.save(tmp_path / "bm25")
        lexical = LexicalIndex.load(tmp_path / "bm25")
    reference = bm25s.BM25()
    reference.index([analyze(bm25_text(r)) for r in rows], show_progress=False)
    mask = lexical.passes([r["chunk_id"] for r in rows], filters)
    tokens = [t for t in analyze(query) if t in reference.vocab_dict]
    for k in (1, 5, len(rows)):
        idx, scores = reference.retrieve([tokens], k=k, weight_mask=np.array(mask, dtype=np.float32), show_progress=False)
        expected = [(rows[int(i)]["chunk_id"], float(s)) for i, s in zip(idx[0], scores[0]) if s > 0]
        assert [(r.chunk_id, r.score) for r in lexical.query(query, k=k, filters=filters)] == expected
        assert expected, "every query matches something"


# --- query embeddings ----------------------------------------------------------------------------------------------------


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        return super().embed(texts)


def test_a_repeated_query_reuses_its_embedding_and_old_queries_are_forgotten():
    embedder = CountingEmbedder()
    vectors = QueryVectors(embedder, size=2)
    first = vectors.get("chip export controls")
    assert np.array_equal(first, FakeEmbedder().embed(["chip export controls"])[0])
    assert vectors.get("chip export controls") is first and embedder.calls == 1
    with pytest.raises(ValueError):
        first[0] = 0.0  # shared between searches: nobody may change it
    vectors.get("rates")
    vectors.get("chip export controls")  # used again: now the most recent
    vectors.get("satellites")  # evicts "rates", the least recently used
    assert embedder.calls == 3
    vectors.get("chip export controls")
    assert embedder.calls == 3
    vectors.get("rates")
    assert embedder.calls == 4
    vectors.clear()
    vectors.get("chip export controls")
    assert embedder.calls == 5
