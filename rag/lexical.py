"""BM25 (bm25s) over the catalog's chunks, persisted per corpus snapshot, with filters as a weight mask."""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag import crashpoints
from rag.bm25_postings import Postings, top_k
from rag.text.analyzer import ANALYZER_VERSION, analyze
from rag.text.keys import publisher_key
from rag.types import SearchFilters, day_number

# What ``rows.json`` records about how the index was built; an index saved with another format or analyzer
# (or by a version that recorded none) is stale: ``load`` refuses it and the caller rebuilds.
INDEX_FORMAT = {"format": 2, "analyzer": ANALYZER_VERSION}


class StaleIndexError(Exception):
    """A persisted BM25 index built with another analyzer or format; rebuild it from the catalog."""


def bm25_text(row: dict[str, Any]) -> str:
    """Title plus passage, as the dense side sees it."""
    return f"{row.get('title') or ''}\n{row['text']}"


@dataclass
class LexicalResult:
    chunk_id: str
    score: float


class LexicalIndex:
    """One BM25 index over every indexed chunk; rows are aligned with ``chunk_ids``."""

    def __init__(self, bm25, chunk_ids: list[str], published: np.ndarray, publishers: list[str], *,
                 postings: Postings | None = None) -> None:
        self._bm25 = bm25  # a bm25s.BM25 when built here (saving needs it) or when its method needs bm25s to score
        self._postings = postings or (Postings.of(bm25) if bm25 is not None and chunk_ids else None)
        self.chunk_ids = chunk_ids
        self._published = published
        # keys, not names: older saved indexes hold lower-cased names, which publisher_key maps to the same key
        # (one key per distinct name: 44k rows name a few hundred publishers, and keying every row cost 0.2-0.6 s of load)
        keys = {name: publisher_key(name) for name in set(publishers)}
        self._publishers = np.array([keys[p] for p in publishers], dtype=object)
        self._lock = threading.Lock()
        self._row_of: dict[str, int] | None = None  # chunk id → row, built on first use by ``passes``

    @property
    def published(self) -> np.ndarray:
        """(n,) int64 publication dates as YYYYMMDD (0 = undated), aligned with ``chunk_ids``; read-only use."""
        return self._published

    @classmethod
    def build(cls, rows: list[dict[str, Any]]) -> "LexicalIndex":
        import bm25s

        bm25 = bm25s.BM25()
        if rows:
            # bm25s scores documents with no tokens through an empty token, so an all-stopword chunk is fine
            bm25.index([analyze(bm25_text(r)) for r in rows], show_progress=False)
        return cls(
            bm25,
            [r["chunk_id"] for r in rows],
            np.array([int(r.get("published_int") or 0) for r in rows], dtype=np.int64),
            [r.get("publisher") or "" for r in rows],
        )

    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.chunk_ids:
            if self._bm25 is None:
                raise ValueError("only a built index is saved; a loaded one is already on disk")
            self._bm25.save(str(tmp / "bm25"))
        np.save(tmp / "published.npy", self._published)
        rows = {**INDEX_FORMAT, "chunk_ids": self.chunk_ids, "publishers": list(self._publishers)}
        (tmp / "rows.json").write_text(json.dumps(rows))
        crashpoints.reached("bm25.tmp")
        shutil.rmtree(path, ignore_errors=True)
        tmp.rename(path)
        crashpoints.reached("bm25.saved")

    @classmethod
    def load(cls, path: Path) -> "LexicalIndex":
        """The index saved at ``path``; raises ``StaleIndexError`` when it was built by another analyzer."""
        rows = json.loads((path / "rows.json").read_text())
        built = {key: rows.get(key) for key in INDEX_FORMAT}
        if built != INDEX_FORMAT:
            raise StaleIndexError(f"BM25 index at {path} was built as {built}; this version needs {INDEX_FORMAT}")
        bm25 = postings = None
        if rows["chunk_ids"]:
            # searching reads the saved score matrix without importing bm25s (and with it scipy): see bm25_postings
            postings = Postings.load(path / "bm25")
            if postings is None:
                import bm25s

                bm25 = bm25s.BM25.load(str(path / "bm25"))
        return cls(bm25, rows["chunk_ids"], np.load(path / "published.npy"), rows["publishers"], postings=postings)

    def _mask(self, filters: SearchFilters | None) -> np.ndarray | None:
        if filters is None or filters.is_empty():
            return None
        keep = np.ones(len(self.chunk_ids), dtype=bool)
        if filters.since:
            keep &= self._published >= day_number(filters.since)
        if filters.dated_since:  # undated documents (0) pass a bound of dated ones
            keep &= (self._published >= day_number(filters.dated_since)) | (self._published == 0)
        if filters.until:
            keep &= (self._published <= day_number(filters.until)) & (self._published > 0)
        if filters.publishers:
            wanted = {publisher_key(p) for p in filters.publishers}
            keep &= np.array([p in wanted for p in self._publishers], dtype=bool)
        return keep.astype(np.float32)

    def passes(self, chunk_ids: list[str], filters: SearchFilters | None) -> list[bool]:
        """Whether each chunk meets the filters (date bounds, publishers); a chunk this index does not hold fails."""
        mask = self._mask(filters)
        if self._row_of is None:
            self._row_of = {cid: i for i, cid in enumerate(self.chunk_ids)}
        rows = [self._row_of.get(cid) for cid in chunk_ids]
        if mask is None:
            return [r is not None for r in rows]
        return [r is not None and bool(mask[r]) for r in rows]

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """token → log(1 + N / df) over the indexed chunks, for the analyzed tokens this index knows (others are left
        out); every known token weighs 1.0 when the index keeps no per-token postings (a non-matrix BM25 method)."""
        if not self.chunk_ids:
            return {}
        if self._postings is None:
            vocab = getattr(self._bm25, "vocab_dict", None) or {}
            return {t: 1.0 for t in tokens if t in vocab}
        p = self._postings
        out = {}
        for t in tokens:
            col = p.vocab.get(t)
            if col is not None:
                df = max(1, int(p.indptr[col + 1] - p.indptr[col]))
                out[t] = float(np.log1p(p.num_docs / df))
        return out

    def query(self, text: str, *, k: int, filters: SearchFilters | None = None) -> list[LexicalResult]:
        if not self.chunk_ids:
            return []
        vocab = self._postings.vocab if self._postings is not None else self._bm25.vocab_dict
        query_tokens = [t for t in analyze(text) if t in vocab]
        if not query_tokens:
            return []
        mask = self._mask(filters)
        if mask is not None and not mask.any():
            return []
        # What ``BM25.retrieve`` does for one query (scores × mask, then its top-k selection), without its
        # per-call thread pool, progress bar and argument checks: a third of the BM25 side's CPU per search.
        if self._postings is not None:
            scores = self._postings.scores(query_tokens, mask)
        else:
            with self._lock:
                scores = self._bm25.get_scores(query_tokens, weight_mask=mask)
        return self._best(scores, k)

    def _best(self, scores: np.ndarray, k: int) -> list[LexicalResult]:
        """The k highest-scoring chunks of (num_chunks,) ``scores``, best first, those scoring 0 left out."""
        top_scores, top_idx = top_k(scores, min(k, len(self.chunk_ids)))
        return [LexicalResult(self.chunk_ids[int(i)], float(s)) for i, s in zip(top_idx, top_scores) if s > 0]

    def weighted_query(self, weights: dict[str, float], *, k: int, filters: SearchFilters | None = None) -> list[LexicalResult]:
        """Up to k results of a query whose analysed terms weigh ``weights`` each (a term's BM25 score times its
        weight, summed; what ``query`` does with weight 1 per occurrence): an expanded query (``rag.feedback``).
        Unknown terms are ignored; an index without per-term postings (a non-matrix BM25 method) counts each known
        term once."""
        if not self.chunk_ids:
            return []
        known = {t: w for t, w in weights.items() if w > 0}
        if self._postings is None:
            return self.query(" ".join(known), k=k, filters=filters)
        terms = [t for t in known if t in self._postings.vocab]
        if not terms:
            return []
        mask = self._mask(filters)
        if mask is not None and not mask.any():
            return []
        return self._best(self._postings.scores(terms, mask, weights=[known[t] for t in terms]), k)
