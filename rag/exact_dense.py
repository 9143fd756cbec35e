"""Exact dense search within date bounds: every chunk vector of a corpus snapshot, sorted by publication date.

A dated search's nearest neighbours in bounds used to be the in-bounds ones among an approximate (HNSW) unfiltered
top k·m; on the full corpus that missed in-bound passages the exact ranking puts in the top 100 (round 6 of
benchmarks/full_corpus.md: a gold passage at exact rank 54 was absent from HNSW's top 400). Here the rows are kept
in date order, so the chunks meeting a ``since``/``until`` bound are one contiguous slice, and the cosine of every
one of them is a single matrix-vector product (44k × 384 float32 = 68 MB, ≈ 2–3 ms on one core): exact, with no
search-list setting to tune. The matrix is read once from the collection and saved beside the snapshot's BM25 index
(``vectors.npy`` and ``order.npy``, memory-mapped when loaded), so it lives and is pruned with that snapshot.
"""

from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path

import numpy as np

from rag.store import DenseResult
from rag.types import SearchFilters, day_number

#: files of the saved matrix inside a snapshot's BM25 directory
VECTORS_FILE, ORDER_FILE = "vectors.npy", "order.npy"


class ExactDense:
    """Unit vectors of chunks in ascending publication date (``published`` as YYYYMMDD, 0 = undated, first)."""

    def __init__(self, vectors: np.ndarray, chunk_ids: list[str], published: np.ndarray) -> None:
        """``vectors`` (n, dim) float32 unit rows, ``chunk_ids`` and ``published`` (n,) aligned with them, sorted by date."""
        if len(vectors) != len(chunk_ids) or len(published) != len(chunk_ids):
            raise ValueError(f"{len(vectors)} vectors, {len(chunk_ids)} ids and {len(published)} dates must be aligned")
        if len(published) > 1 and np.any(np.diff(published) < 0):
            raise ValueError("rows must be sorted by publication date")
        self.vectors = vectors
        self.chunk_ids = chunk_ids
        self.published = published

    @classmethod
    def from_rows(cls, chunk_ids: list[str], published: np.ndarray, vectors: dict[str, np.ndarray]) -> tuple["ExactDense", np.ndarray]:
        """(index, order): the chunks among ``chunk_ids`` that have a vector, in date order (a stable sort, so equal
        dates keep the given order); ``order`` gives each row's position in ``chunk_ids``. Vectors are normalized."""
        have = np.array([i for i, cid in enumerate(chunk_ids) if cid in vectors], dtype=np.int64)
        order = have[np.argsort(np.asarray(published, dtype=np.int64)[have], kind="stable")] if len(have) else have
        return cls.from_order(chunk_ids, published, order, vectors), order

    @classmethod
    def from_order(cls, chunk_ids: list[str], published: np.ndarray, order: np.ndarray, vectors) -> "ExactDense":
        """The index of rows ``order`` (positions in ``chunk_ids``, date-sorted); ``vectors``: a dict by chunk id, or an
        array aligned with ``order`` (a loaded, possibly memory-mapped matrix)."""
        ids = [chunk_ids[i] for i in order]
        if isinstance(vectors, dict):
            mat = np.stack([np.asarray(vectors[c], dtype=np.float32) for c in ids]) if ids else np.zeros((0, 0), np.float32)
            norms = np.linalg.norm(mat, axis=1, keepdims=True) if len(mat) else 1.0
            mat = mat / np.where(norms > 0, norms, 1.0)
        else:
            mat = vectors
        return cls(mat, ids, np.asarray(published, dtype=np.int64)[order])

    def bounds(self, filters: SearchFilters | None) -> tuple[int, int]:
        """[lo, hi): the dated rows meeting the date bounds (an ``until`` bound excludes undated chunks, as the
        catalog's; a ``dated_since`` bound is a lower bound of these rows)."""
        lo, hi = 0, len(self.chunk_ids)
        if filters is not None and filters.since:
            lo = int(np.searchsorted(self.published, day_number(filters.since), side="left"))
        if filters is not None and filters.dated_since:
            lo = max(lo, int(np.searchsorted(self.published, day_number(filters.dated_since), side="left")))
        if filters is not None and filters.until:
            lo = max(lo, int(np.searchsorted(self.published, 0, side="right")))
            hi = int(np.searchsorted(self.published, day_number(filters.until), side="right"))
        return lo, max(lo, hi)

    def ranges(self, filters: SearchFilters | None) -> list[tuple[int, int]]:
        """The [lo, hi) row ranges meeting the date bounds: ``bounds``, and before it the undated rows (the first
        ones) when only a ``dated_since`` bound is set, which they pass."""
        lo, hi = self.bounds(filters)
        out = [(lo, hi)] if hi > lo else []
        if filters is not None and filters.dated_since and not (filters.since or filters.until):
            undated = min(int(np.searchsorted(self.published, 0, side="right")), lo)
            if undated > 0:
                out.insert(0, (0, undated))
        return out

    def query(self, vector: np.ndarray, *, k: int, filters: SearchFilters | None = None) -> list[DenseResult]:
        """The k chunks of highest cosine similarity to ``vector`` meeting the date bounds of ``filters`` (publishers
        are not filtered here), best first; ties by date order."""
        spans = self.ranges(filters)
        if not spans or k < 1:
            return []
        q = np.asarray(vector, dtype=np.float32)
        q = q / (np.linalg.norm(q) or 1.0)
        rows = np.concatenate([np.arange(a, b) for a, b in spans])
        sims = np.concatenate([self.vectors[a:b] @ q for a, b in spans])
        if k < len(sims):
            top = np.argpartition(-sims, k - 1)[:k]
        else:
            top = np.arange(len(sims))
        top = top[np.lexsort((top, -sims[top]))]
        return [DenseResult(chunk_id=self.chunk_ids[int(rows[i])], similarity=float(sims[i])) for i in top]

    def save(self, path: Path, order: np.ndarray) -> None:
        """Write the matrix and its row order into the directory ``path`` (each file atomically)."""
        for name, arr in ((VECTORS_FILE, np.asarray(self.vectors, dtype=np.float32)), (ORDER_FILE, np.asarray(order, dtype=np.int64))):
            tmp = path / f"{name}.{os.getpid()}-{threading.get_ident()}.tmp"  # concurrent builders never share one
            with open(tmp, "wb") as fh:
                np.save(fh, arr)
            os.replace(tmp, path / name)


def collection_vectors(collection, *, page: int = 5000) -> dict[str, np.ndarray]:
    """chunk id → vector of every record in a Chroma collection, read in pages (≈ 4 s for 44k × 384)."""
    out: dict[str, np.ndarray] = {}
    offset = 0
    while True:
        got = collection.get(include=["embeddings"], limit=page, offset=offset)
        ids = got["ids"] or []
        embs = got.get("embeddings")
        for cid, vec in zip(ids, embs if embs is not None else []):
            out[cid] = np.asarray(vec, dtype=np.float32)
        if len(ids) < page:
            return out
        offset += page


_LOADED: "weakref.WeakKeyDictionary[object, ExactDense]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def exact_dense(index) -> ExactDense:
    """The exact date-ordered searcher of a ``rag.index.CorpusIndex``'s current snapshot: kept per BM25 index
    object (one per snapshot), loaded from the snapshot's directory, or read from the collection and saved there."""
    lexical = index.lexical()
    with _LOCK:
        got = _LOADED.get(lexical)
        if got is not None:
            return got
        path = index.bm25_path()
        got = _load(path, lexical, dim=index.embedder.dim)
        if got is None:
            got, order = ExactDense.from_rows(lexical.chunk_ids, lexical.published, collection_vectors(index.store.collection))
            try:
                if path.is_dir():
                    got.save(path, order)
            except OSError:  # a snapshot pruned meanwhile, or a read-only data dir: search from memory
                pass
        _LOADED[lexical] = got
        return got


def _load(path: Path, lexical, *, dim: int) -> ExactDense | None:
    """The matrix saved in ``path`` for ``lexical``'s rows; None when it is missing, damaged or not ``dim`` wide
    (then it is read again from the collection, whose open checks the embedding model)."""
    try:
        order = np.load(path / ORDER_FILE)
        vectors = np.load(path / VECTORS_FILE, mmap_mode="r")
    except (OSError, ValueError):
        return None
    n = len(lexical.chunk_ids)
    if vectors.ndim != 2 or (len(vectors) and vectors.shape[1] != dim):
        return None
    if order.ndim != 1 or len(order) != len(vectors) or (len(order) and (order.min() < 0 or order.max() >= n)):
        return None
    try:
        return ExactDense.from_order(lexical.chunk_ids, lexical.published, order, vectors)
    except ValueError:
        return None
