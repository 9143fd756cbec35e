"""`brief doctor`: every kind of inconsistency between catalog, Chroma, embedding cache and BM25 is found, counted
and repaired; exit codes 0 (clean), 1 (problems), 0 after a successful --repair."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from conftest import CORPUS_DIR, assert_consistent, copy_sqlite
from rag.doctor import check, diagnose, repair_index
from rag.ingest import Ingestor
from rag.lexical import LexicalIndex


@pytest.fixture
def index(fresh_index):
    """The sample corpus ingested into a new data dir (vectors from the warm cache), BM25 built."""
    idx = fresh_index()
    Ingestor(idx).ingest_paths([CORPUS_DIR])
    idx.refresh_lexical()
    return idx


def _kinds(report) -> dict[str, int]:
    return {p.kind: p.count for p in report.problems}


def _repair(index):
    with index.write_lock:
        done = repair_index(index, check(index))
    after = check(index)
    assert after.clean, after.problems
    assert_consistent(index)
    return done


def test_a_fresh_index_is_clean(index):
    report = check(index)
    assert report.clean and report.bm25 == "current"
    assert report.counts["documents"] == 5 and report.counts["chunks"] == report.counts["vectors"] == report.counts["bm25_chunks"]


def test_missing_vectors_are_rewritten_from_the_cache(index):
    doc_ids = sorted(index.store.doc_ids())[:2]
    lost = sum(len(index.catalog.chunks_for(d)) for d in doc_ids)
    index.store.delete_documents(doc_ids)
    assert _kinds(check(index)) == {"missing_vectors": lost}
    before = index.store.collection.get(include=[])["ids"]
    assert _repair(index) == {"missing_vectors": lost}
    assert index.store.count() == len(before) + lost


def test_orphan_and_misfiled_vectors(index):
    chunk = index.catalog.all_chunks()[0]
    vec = index.store.collection.get(ids=[chunk["chunk_id"]], include=["embeddings"])["embeddings"][0]
    index.store.collection.add(ids=["ghost-0000", "ghost-0001"], embeddings=[vec, vec], metadatas=[{"doc_id": "ghost"}] * 2)
    index.store.collection.update(ids=[chunk["chunk_id"]], metadatas=[{"doc_id": "someone-else"}])
    assert _kinds(check(index)) == {"orphan_vectors": 2, "misfiled_vectors": 1}
    done = _repair(index)
    assert done["orphan_vectors"] == 2 and done["missing_vectors"] == len(index.catalog.chunks_for(chunk["doc_id"]))


def test_half_committed_and_unsourced_documents_are_removed_and_their_files_read_again(index):
    docs = sorted(index.store.doc_ids())
    db = sqlite3.connect(index.catalog.path)
    with db:
        db.execute("UPDATE documents SET status='pending' WHERE doc_id=?", (docs[0],))
        db.execute("DELETE FROM sources WHERE doc_id=?", (docs[1],))
        db.execute("DELETE FROM chunks WHERE chunk_id=(SELECT MAX(chunk_id) FROM chunks WHERE doc_id=?)", (docs[2],))
    db.close()
    found = _kinds(check(index))
    assert {"pending_documents": 1, "unsourced_documents": 1, "chunk_count_mismatch": 1}.items() <= found.items()
    _repair(index)
    assert index.catalog.counts()["documents"] == 2
    report = Ingestor(index).ingest_paths([CORPUS_DIR])  # the files were marked stale: the next ingest restores them
    assert report.added == 3 and report.chunks_embedded == 0
    assert check(index).clean  # (BM25 of the new snapshot is built on the first search: absent is not a problem)
    assert_consistent(index)


def test_stray_chunk_rows_and_dangling_sources(index):
    db = sqlite3.connect(index.catalog.path)
    with db:
        db.execute("INSERT INTO chunks VALUES ('nobody-0000', 'nobody', 0, 0, 4, 'text')")
        db.execute("INSERT INTO sources VALUES ('/gone/file.txt', 'nobody', 'abc')")
    db.close()
    assert _kinds(check(index)) == {"stray_chunk_rows": 1, "dangling_sources": 1}
    assert _repair(index) == {"stray_chunk_rows": 1, "dangling_sources": 1}


@pytest.mark.parametrize("damage", ["subset", "format", "garbage"])
def test_stale_or_damaged_bm25_is_rebuilt(index, damage):
    path = index.bm25_path()
    rows = json.loads((path / "rows.json").read_text())
    if damage == "subset":  # an index missing chunks and holding a deleted one
        LexicalIndex.build(index.catalog.all_chunks()[1:] + [{**index.catalog.all_chunks()[0], "chunk_id": "deleted-0000"}]).save(path)
    elif damage == "format":
        (path / "rows.json").write_text(json.dumps({**rows, "analyzer": "v0"}))
    else:
        (path / "rows.json").write_text("{not json")
    report = check(index)
    assert _kinds(report) == {"bm25_stale": 1} and report.bm25 in {"stale", "unreadable"}
    _repair(index)
    assert sorted(LexicalIndex.load(index.bm25_path()).chunk_ids) == sorted(c["chunk_id"] for c in index.catalog.all_chunks())


def test_corrupt_embedding_cache_rows_are_dropped(index):
    db = sqlite3.connect(index.cache.path)
    with db:
        db.executemany("INSERT INTO vectors VALUES (?, ?)", [
            ("a" * 64, b"\x00\x01\x02"),  # not whole floats
            ("b" * 64, np.full(384, np.nan, dtype=np.float32).tobytes()),
            ("c" * 64, np.zeros(384, dtype=np.float32).tobytes()),
            ("short-key", np.ones(384, dtype=np.float32).tobytes()),
            ("d" * 64, b""),
        ])
    db.close()
    rows = check(index).counts["cache_rows"]
    assert _kinds(check(index)) == {"cache_corrupt_rows": 5}
    assert _repair(index) == {"cache_corrupt_rows": 5}
    assert check(index).counts["cache_rows"] == rows - 5


def test_an_index_of_another_embedding_model_is_reported_not_repaired(settings, sample_index):
    s = settings("other")
    copy_sqlite(sample_index[0].data_dir / "collections" / "techsec" / "catalog.sqlite", s.data_dir / "collections" / "techsec" / "catalog.sqlite")
    db = sqlite3.connect(s.data_dir / "collections" / "techsec" / "catalog.sqlite")
    with db:
        db.execute("UPDATE meta SET value='another-model' WHERE key='embed_model'")
    db.close()
    report = diagnose(s, repair=True)
    assert [(p.kind, p.repairable) for p in report.problems] == [("schema_mismatch", False)]
    assert "another-model" in report.problems[0].examples[0] and not report.repaired


def test_cli_exit_codes_and_json(cli, tmp_path, sample_index):
    data = tmp_path / "cli-data"
    nothing = cli(["doctor"], BRIEF_DATA_DIR=str(data))
    assert nothing.exit_code == 0 and "no index" in nothing.stdout and not data.exists()
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    env = {"BRIEF_DATA_DIR": str(data)}
    assert cli(["ingest", str(CORPUS_DIR)], **env).exit_code == 0
    clean = cli(["doctor"], **env)
    assert clean.exit_code == 0 and "ok:" in clean.stdout and "BM25 current" in clean.stdout

    db = sqlite3.connect(data / "collections" / "techsec" / "catalog.sqlite")
    with db:
        db.execute("UPDATE documents SET status='pending' WHERE doc_id=(SELECT MIN(doc_id) FROM documents)")
    db.close()
    found = cli(["doctor", "--json"], **env)
    assert found.exit_code == 1
    report = json.loads(found.stdout)
    # a pending document (here: one that had been indexed) and, beside it, its chunk rows and vectors
    assert not report["clean"] and [p["kind"] for p in report["problems"]] == ["pending_documents", "stray_chunk_rows", "orphan_vectors"]
    assert report["problems"][0]["count"] == 1 and all(p["repairable"] for p in report["problems"])

    text = cli(["doctor"], **env)
    assert text.exit_code == 1 and "pending_documents: 1" in text.stderr and "--repair" in text.stderr
    repaired = cli(["doctor", "--repair", "--json"], **env)
    assert repaired.exit_code == 0
    assert json.loads(repaired.stdout)["repaired"] == {"pending_documents": 1}  # deleting it removed its rows and vectors
    assert cli(["doctor"], **env).exit_code == 0
