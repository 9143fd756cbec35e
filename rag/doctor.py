"""`brief doctor`: check, and repair, that the catalog, Chroma, the embedding cache and the BM25 index agree.

The catalog (SQLite) is the source of truth: an ``indexed`` document owns exactly its chunk rows, each chunk has
one vector in Chroma under its id, and the BM25 index of the current snapshot holds exactly the catalog's
chunks. Ingest keeps this true across kills by itself (``Ingestor.recover``); the doctor checks every invariant
and repairs what any interruption, bug or hand edit left behind. Read-only SQL runs on its own connections; writes
go through the Catalog, VectorStore and EmbeddingCache APIs except two row deletions the catalog has no method for.
Run ``--repair`` while no ingest or server writes to the same data directory.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from rag.catalog import SCHEMA_VERSION as CATALOG_SCHEMA
from rag.catalog import file_key
from rag.chunking import embedding_text
from rag.config import Settings
from rag.embed_cache import embed_cached
from rag.errors import IndexMismatchError
from rag.index import CorpusIndex
from rag.lexical import INDEX_FORMAT
from rag.types import Chunk, SourceDocument

_KEY = re.compile(r"[0-9a-f]{64}")
_EXAMPLES = 5

# kind → what it means; the order is the order of repair (documents first, then vectors, then derived indexes).
KINDS = {
    "schema_mismatch": "data built by another schema or embedding model (not repairable: re-ingest into a new data dir)",
    "catalog_corrupt": "the catalog database fails SQLite's integrity check (not repairable: re-ingest)",
    "pending_documents": "documents a killed write left half-committed (status pending)",
    "unsourced_documents": "indexed documents no source file or upload yields",
    "chunk_count_mismatch": "indexed documents whose chunk rows disagree with their recorded chunk count",
    "stray_chunk_rows": "catalog chunk rows whose document is not indexed",
    "dangling_sources": "source rows naming documents the catalog does not hold",
    "missing_vectors": "catalog chunks without a vector in Chroma",
    "misfiled_vectors": "vectors whose doc_id metadata names another document than the catalog",
    "orphan_vectors": "Chroma vectors no indexed catalog chunk owns",
    "cache_corrupt_file": "the embedding cache fails SQLite's integrity check",
    "cache_corrupt_rows": "embedding cache rows that are not a finite vector (wrong size, NaN, zero, bad key)",
    "bm25_stale": "the BM25 index of the current snapshot disagrees with the catalog or was built by another format",
}


@dataclass
class Problem:
    """One kind of inconsistency: how many items, a few examples, and whether ``--repair`` can fix it."""

    kind: str
    count: int
    description: str
    examples: list[str] = field(default_factory=list)
    repairable: bool = True


@dataclass
class DoctorReport:
    """What ``check`` found (and ``repair`` did); ``problems`` is empty when everything agrees."""

    data_dir: str
    collection: str
    counts: dict[str, int] = field(default_factory=dict)  # documents, chunks, vectors, cache_rows, bm25_chunks
    snapshot: str = ""
    bm25: str = "absent"  # current | absent (built on the first search) | stale | unreadable
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # harmless findings (old BM25 snapshots, v1 collection)
    repaired: dict[str, int] = field(default_factory=dict)  # kind → items fixed by --repair

    @property
    def clean(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {**asdict(self), "clean": self.clean}

    def add(self, kind: str, items: list[str] | int, *, repairable: bool = True) -> None:
        items_list = [] if isinstance(items, int) else sorted(items)
        count = items if isinstance(items, int) else len(items_list)
        if count:
            self.problems.append(Problem(kind, count, KINDS[kind], items_list[:_EXAMPLES], repairable))


def diagnose(settings: Settings, *, collection: str | None = None, repair: bool = False) -> DoctorReport:
    """Check one collection of ``settings.data_dir``; with ``repair``, fix what is repairable and check again."""
    from rag.index import open_index

    name = collection or settings.chroma.collection
    if not (settings.data_dir / "collections" / name / "catalog.sqlite").is_file():
        # nothing to check; opening would create an empty index as a side effect of looking
        return DoctorReport(str(settings.data_dir), name, notes=[f"no index for collection {name!r} in this data directory yet"])
    try:
        index = open_index(settings, collection=name)
    except IndexMismatchError as exc:
        report = DoctorReport(str(settings.data_dir), name)
        report.problems.append(Problem("schema_mismatch", 1, KINDS["schema_mismatch"], [str(exc)], repairable=False))
        return report
    report = check(index)
    tidy = report.bm25 != "current" or report.counts.get("bm25_leftover_dirs", 0) > 0
    if repair and (any(p.repairable for p in report.problems) or tidy):
        with index.write_lock:
            done = repair_index(index, report)
        report = check(index)
        report.repaired = done
    return report


# --------------------------------------------------------------------------- checks


def check(index: CorpusIndex) -> DoctorReport:
    """Every invariant between catalog, Chroma, embedding cache and BM25 of an open index; changes nothing."""
    report = DoctorReport(str(index.settings.data_dir), index.collection)
    with _connect(index.catalog.path) as db:
        if _integrity(db) != "ok":
            report.add("catalog_corrupt", 1, repairable=False)
            return report
        version = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if version is None or int(version[0]) != CATALOG_SCHEMA:
            report.add("schema_mismatch", [f"catalog schema v{version[0] if version else '?'}, expected v{CATALOG_SCHEMA}"],
                       repairable=False)
        report.add("pending_documents", _column(db, "SELECT doc_id FROM documents WHERE status='pending'"))
        report.add("unsourced_documents", _column(
            db, "SELECT doc_id FROM documents WHERE status='indexed' AND doc_id NOT IN (SELECT doc_id FROM sources)"))
        report.add("chunk_count_mismatch", _column(
            db, "SELECT d.doc_id FROM documents d LEFT JOIN (SELECT doc_id, COUNT(*) AS n FROM chunks GROUP BY doc_id) c "
                "ON c.doc_id = d.doc_id WHERE d.status='indexed' AND COALESCE(c.n, 0) != d.n_chunks"))
        report.add("stray_chunk_rows", _column(
            db, "SELECT chunk_id FROM chunks WHERE doc_id NOT IN (SELECT doc_id FROM documents WHERE status='indexed')"))
        report.add("dangling_sources", _column(
            db, "SELECT source_path || ' -> ' || doc_id FROM sources WHERE doc_id NOT IN (SELECT doc_id FROM documents)"))
        catalog_chunks = dict(db.execute(
            "SELECT c.chunk_id, c.doc_id FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE d.status='indexed'"
        ).fetchall())
        report.counts["documents"] = db.execute("SELECT COUNT(*) FROM documents WHERE status='indexed'").fetchone()[0]
    report.counts["chunks"] = len(catalog_chunks)
    report.snapshot = index.snapshot_id()

    vectors = index.store.chunk_documents()
    report.counts["vectors"] = len(vectors)
    report.add("missing_vectors", [c for c in catalog_chunks if c not in vectors])
    report.add("orphan_vectors", [c for c in vectors if c not in catalog_chunks])
    report.add("misfiled_vectors", [c for c, d in vectors.items() if c in catalog_chunks and d != catalog_chunks[c]])
    if not index.store.keyed:
        report.notes.append("the Chroma collection is schema v1 (publisher filters match stored names); re-ingest to upgrade")

    _check_cache(index, report)
    _check_bm25(index, report, sorted(catalog_chunks))
    return report


def _check_cache(index: CorpusIndex, report: DoctorReport) -> None:
    with _connect(index.cache.path) as db:
        if _integrity(db) != "ok":
            report.add("cache_corrupt_file", 1)
            return
        bad, rows = [], 0
        for key, blob in db.execute("SELECT key, vec FROM vectors"):
            rows += 1
            if not _valid_vector(key, blob):
                bad.append(str(key))
    report.counts["cache_rows"] = rows
    report.add("cache_corrupt_rows", bad)


def _valid_vector(key: object, blob: object) -> bool:
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        return False
    if not isinstance(blob, bytes) or not blob or len(blob) % 4:
        return False
    vec = np.frombuffer(blob, dtype=np.float32)
    norm = float(np.linalg.norm(vec))
    return math.isfinite(norm) and norm > 0


def _check_bm25(index: CorpusIndex, report: DoctorReport, chunk_ids: list[str]) -> None:
    base = index.root / "bm25"
    current = index.bm25_path(report.snapshot)
    others = [p.name for p in base.iterdir() if p != current] if base.is_dir() else []
    report.counts["bm25_leftover_dirs"] = len(others)
    if others:
        report.notes.append(f"{len(others)} BM25 director{'y' if len(others) == 1 else 'ies'} of earlier snapshots or "
                            "interrupted writes (never searched; removed by the next rebuild or --repair)")
    if not (current / "rows.json").is_file():
        report.bm25 = "absent"
        report.notes.append("no BM25 index for the current snapshot yet (built on the first search)")
        return
    try:
        rows = json.loads((current / "rows.json").read_text())
        built = {key: rows.get(key) for key in INDEX_FORMAT}
        indexed = list(rows["chunk_ids"])
        if indexed and not (current / "bm25").is_dir():
            raise ValueError("bm25 matrices missing")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        report.bm25 = "unreadable"
        report.add("bm25_stale", [f"{current.name}: unreadable ({exc})"])
        return
    report.counts["bm25_chunks"] = len(indexed)
    wrong = sorted(set(indexed) ^ set(chunk_ids))
    if built != INDEX_FORMAT:
        report.bm25 = "stale"
        report.add("bm25_stale", [f"{current.name}: built as {built}, this version needs {INDEX_FORMAT}"])
    elif wrong or len(indexed) != len(chunk_ids):
        report.bm25 = "stale"
        report.add("bm25_stale", [f"{current.name}: {len(wrong)} chunk ids differ from the catalog (e.g. {wrong[:3]})"])
    else:
        report.bm25 = "current"


# --------------------------------------------------------------------------- repair


def repair_index(index: CorpusIndex, report: DoctorReport) -> dict[str, int]:
    """Fix the repairable problems of ``report`` (call under ``index.write_lock``); returns kind → items fixed.

    Half-written, unsourced and miscounted documents are deleted and their files marked stale (the next ingest
    reads them again, embedding from the cache); missing or misfiled vectors are re-written from the catalog's
    chunks (vectors from the cache, else the embedder); orphans and corrupt cache rows are dropped; BM25 is rebuilt.
    """
    kinds = {p.kind: p for p in report.problems if p.repairable}
    done: dict[str, int] = {}
    catalog, store = index.catalog, index.store
    with _connect(catalog.path) as db:
        bad_docs = set(_column(db, "SELECT doc_id FROM documents WHERE status='pending'"))
        bad_docs |= set(_column(db, "SELECT doc_id FROM documents WHERE status='indexed' AND doc_id NOT IN (SELECT doc_id FROM sources)"))
        bad_docs |= set(_column(
            db, "SELECT d.doc_id FROM documents d LEFT JOIN (SELECT doc_id, COUNT(*) AS n FROM chunks GROUP BY doc_id) c "
                "ON c.doc_id = d.doc_id WHERE d.status='indexed' AND COALESCE(c.n, 0) != d.n_chunks"))
    if bad_docs:
        files = set().union(*(catalog.files_of(d) for d in bad_docs))
        files |= {file_key(doc["source_path"] or "") for d in bad_docs if (doc := catalog.get_document(d))} - {""}
        catalog.mark_files_stale(files)  # the next ingest reads these files again and re-adds their documents
        store.delete_documents(sorted(bad_docs))
        catalog.delete_documents(sorted(bad_docs))
        index.writes += 1
        for kind in ("pending_documents", "unsourced_documents", "chunk_count_mismatch"):
            if kind in kinds:
                done[kind] = kinds[kind].count
    if "stray_chunk_rows" in kinds or "dangling_sources" in kinds:
        with _connect(catalog.path, write=True) as db, db:
            stale_files = _column(db, "SELECT DISTINCT source_path FROM sources WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
            done["stray_chunk_rows"] = db.execute(
                "DELETE FROM chunks WHERE doc_id NOT IN (SELECT doc_id FROM documents WHERE status='indexed')").rowcount
            done["dangling_sources"] = db.execute(
                "DELETE FROM sources WHERE doc_id NOT IN (SELECT doc_id FROM documents)").rowcount
        catalog.mark_files_stale({file_key(p) for p in stale_files})
    if "cache_corrupt_file" in kinds:
        done["cache_corrupt_file"] = _replace_cache(index)
    elif "cache_corrupt_rows" in kinds:
        with _connect(index.cache.path) as db:
            bad = [k for k, blob in db.execute("SELECT key, vec FROM vectors") if not _valid_vector(k, blob)]
        index.cache.delete_many(bad)
        done["cache_corrupt_rows"] = len(bad)
    # vectors: recomputed after the document repairs above, which changed the catalog
    with _connect(catalog.path) as db:
        catalog_chunks = dict(db.execute(
            "SELECT c.chunk_id, c.doc_id FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE d.status='indexed'"
        ).fetchall())
    vectors = store.chunk_documents()
    orphans = sorted(c for c in vectors if c not in catalog_chunks)
    if orphans:
        store.delete_ids(orphans)
        done["orphan_vectors"] = len(orphans)
    rewrite = {d for c, d in catalog_chunks.items() if vectors.get(c) != d}
    if rewrite:
        done["missing_vectors"] = _rewrite_vectors(index, sorted(rewrite))
    # last: the catalog may have changed above; one rebuild also drops stale, leftover and earlier-snapshot indexes
    index.rebuild_lexical()
    if "bm25_stale" in kinds:
        done["bm25_stale"] = kinds["bm25_stale"].count
    return {kind: n for kind, n in done.items() if n}


def _rewrite_vectors(index: CorpusIndex, doc_ids: list[str]) -> int:
    """Upsert every chunk of these documents from the catalog; returns the number of vectors written."""
    written = 0
    for doc_id in doc_ids:
        row = index.catalog.get_document(doc_id)
        if row is None:
            continue
        doc = SourceDocument(
            doc_id=doc_id, text=row["text"], source_path=row.get("source_path") or "", title=row.get("title"),
            publisher=row.get("publisher"), published=row.get("published"), url=row.get("url"),
            language=row.get("language"), authors=tuple(row.get("authors") or ()), kind=row.get("kind"),
        )
        meta = doc.metadata()
        chunks = [Chunk(r["chunk_id"], doc_id, r["text"], r["start"], r["end"], r["idx"], meta) for r in index.catalog.chunks_for(doc_id)]
        vectors, _ = embed_cached(index.embedder, [embedding_text(c) for c in chunks], index.cache,
                                  flush_every=index.settings.ingest.embed_flush)
        index.store.upsert(chunks, vectors)
        written += len(chunks)
    return written


def _replace_cache(index: CorpusIndex) -> int:
    """Move a damaged cache file aside and start an empty one (it is only a cache); returns 1."""
    from rag.embed_cache import EmbeddingCache

    path = index.cache.path
    index.cache.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.replace(path.with_name(path.name + ".corrupt"))
    index.cache = EmbeddingCache(path)
    return 1


# --------------------------------------------------------------------------- helpers


@contextmanager
def _connect(path: Path, *, write: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection of the doctor's own (read-only unless ``write``), closed on exit."""
    db = sqlite3.connect(f"file:{path}" + ("" if write else "?mode=ro"), uri=True, timeout=30)
    try:
        yield db
    finally:
        db.close()


def _integrity(db: sqlite3.Connection) -> str:
    try:
        return str(db.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)


def _column(db: sqlite3.Connection, sql: str) -> list[str]:
    return [str(r[0]) for r in db.execute(sql).fetchall()]

