"""Embedding cache keyed by (model, text hash): nothing is embedded twice."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from rag import crashpoints
from rag.embeddings import Embedder

log = logging.getLogger(__name__)


def text_key(model_id: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    """A SQLite table of float32 vectors; safe to share between threads of one process."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        with self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                part = list(keys[start : start + 500])
                rows = self._db.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors(key, vec) VALUES (?, ?)",
                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
            )

    def delete_many(self, keys: Sequence[str]) -> None:
        """Drop these rows (corrupt vectors found by ``brief doctor``)."""
        with self._lock, self._db:
            self._db.executemany("DELETE FROM vectors WHERE key=?", [(k,) for k in keys])

    def close(self) -> None:
        with self._lock:
            self._db.close()


def embed_cached(
    embedder: Embedder, texts: Sequence[str], cache: EmbeddingCache | None, *, flush_every: int = 64
) -> tuple[np.ndarray, int]:
    """Embed texts as an (n, dim) float32 matrix, reusing cached vectors; returns (matrix, number actually computed).

    Missing texts are embedded ``flush_every`` at a time and each sub-batch is written to the cache as soon as it
    is done, so a process killed mid-call keeps what it finished and a rerun embeds only the rest.
    """
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32), 0
    if cache is None:
        return embedder.embed(list(texts)), len(texts)
    keys = [text_key(embedder.model_id, t) for t in texts]
    cached = cache.get_many(keys)
    missing = sorted({k: i for i, k in enumerate(keys) if k not in cached}.values())
    for start in range(0, len(missing), max(1, flush_every)):
        part = missing[start : start + max(1, flush_every)]
        fresh = embedder.embed([texts[i] for i in part])
        new = {keys[i]: fresh[j] for j, i in enumerate(part)}
        crashpoints.reached("embed")
        cache.put_many(new)
        crashpoints.reached("embed.cached")
        cached.update(new)
    return np.stack([cached[k] for k in keys]).astype(np.float32), len(missing)


class CachedEmbed:
    """An embed function ``texts -> (n, dim)`` float32 unit rows that reads and fills a persistent ``EmbeddingCache``.

    What the support checker and the writers take as ``embed`` when vectors should outlive the process: a cited
    chunk's sentences, the claim and its words are embedded once per data dir, and a re-check (``brief verify``
    again, a repair, an evaluation re-run) reads them back (sqlite, keyed by ``text_key``; the vectors are the
    embedder's own bytes, so results are the same as without the cache). ``computed`` counts texts embedded.
    """

    def __init__(self, embedder: Embedder, cache: EmbeddingCache | None) -> None:
        self.embedder = embedder
        self.cache = cache
        self.model_id = embedder.model_id
        self.dim = embedder.dim
        self.computed = 0

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if self.cache is None or not texts:
            vecs, computed = embed_cached(self.embedder, list(texts), self.cache)
            self.computed += computed
            return vecs
        # Unlike embed_cached (ingest: flushed every 64 texts so a killed run keeps its work), every missing text
        # goes to the embedder in one call and is written in one transaction: the embedder sorts one call's texts
        # by length into padded batches, and a check's ~40 short words and ~8 sentences per claim, split into
        # 64-text calls in input order, mixed words with sentences and cost 1.35x the encoder time (benchmarks/
        # README.md, support checker). The vectors are the same whatever the batch (tests/test_embed_batching.py).
        keys = [text_key(self.model_id, t) for t in texts]
        found = self.cache.get_many(keys)
        missing = list({k: i for i, k in enumerate(keys) if k not in found}.values())
        if missing:
            fresh = np.asarray(self.embedder.embed([texts[i] for i in missing]), dtype=np.float32)
            new = {keys[i]: fresh[j] for j, i in enumerate(missing)}
            self.cache.put_many(new)
            found.update(new)
            self.computed += len(missing)
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The same as calling it (the ``Embedder`` protocol)."""
        return self(texts)


CACHE_FILE = "embedding-cache.sqlite"  # in the data dir; rag/index.py opens it there too


def data_dir_embed(embedder: Embedder, data_dir: Path) -> CachedEmbed:
    """``CachedEmbed`` over the data dir's embedding cache (the index's file), for commands that check claims without
    opening the index (``brief verify``); without a cache, with a warning, when the file cannot be opened."""
    try:
        cache: EmbeddingCache | None = EmbeddingCache(data_dir / CACHE_FILE)
    except (OSError, sqlite3.Error) as exc:
        log.warning("embedding cache %s unavailable (%s); embedding without it", data_dir / CACHE_FILE, exc)
        cache = None
    return CachedEmbed(embedder, cache)
