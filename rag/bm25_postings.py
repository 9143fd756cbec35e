"""Query-time BM25 over the score matrix bm25s precomputes and saves: the same scores and top-k, without bm25s.

bm25s builds and saves the index (``rag.lexical``); searching only needs its matrix — for each vocabulary
token, the rows (chunks) it occurs in and their precomputed scores (CSC ``data``/``indices``/``indptr``) —
summed over the query's tokens. Importing bm25s imports scipy.sparse, half a second of CPU that every
`brief search` in a new process paid only to read three arrays. The arithmetic below is bm25s 0.3's own
(``BM25._compute_relevance_from_scores``, ``selection._topk_numpy``), so scores and their order are
identical, ties included (``tests/test_search_data_access.py`` checks it against ``BM25.retrieve``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

#: bm25s methods whose scores are the matrix alone; BM25L and BM25+ add a per-token non-occurrence term
_MATRIX_ONLY_METHODS = {"robertson", "lucene", "atire"}


class Postings:
    """The precomputed BM25 score matrix of ``num_docs`` rows and its vocabulary (token → column)."""

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, num_docs: int,
                 vocab: dict[str, int], dtype: str = "float32") -> None:
        self.data, self.indices, self.indptr = data, indices, indptr
        self.num_docs = int(num_docs)
        self.vocab = vocab
        self.dtype = np.dtype(dtype)

    @classmethod
    def of(cls, bm25) -> "Postings | None":
        """The matrix of an indexed ``bm25s.BM25`` (shared, not copied); None for a method it cannot score."""
        if bm25.method not in _MATRIX_ONLY_METHODS or getattr(bm25, "nonoccurrence_array", None) is not None:
            return None
        s = bm25.scores
        return cls(s["data"], s["indices"], s["indptr"], s["num_docs"], bm25.vocab_dict, bm25.dtype)

    @classmethod
    def load(cls, directory: Path) -> "Postings | None":
        """The matrix ``BM25.save`` wrote to ``directory`` (its arrays memory-mapped, read-only); None when its
        method needs bm25s itself."""
        params = json.loads((directory / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method") not in _MATRIX_ONLY_METHODS:
            return None
        vocab = json.loads((directory / "vocab.index.json").read_text(encoding="utf-8"))
        # memory-mapped: a search reads the columns of its few query tokens, not the whole 35 MB matrix (44k chunks)
        arrays = [np.load(directory / f"{name}.csc.index.npy", allow_pickle=False, mmap_mode="r")
                  for name in ("data", "indices", "indptr")]
        return cls(*arrays, params["num_docs"], vocab, params.get("dtype", "float32"))

    def scores(self, tokens: list[str], weight_mask: np.ndarray | None = None, *,
               weights: list[float] | None = None) -> np.ndarray:
        """(num_docs,) BM25 scores of the query tokens (unknown tokens ignored; a token given twice counts twice), each
        token's scores times its weight in ``weights`` (aligned with ``tokens``; 1 when None), summed, times
        ``weight_mask`` if given."""
        known = [(self.vocab[t], 1.0 if weights is None else weights[i]) for i, t in enumerate(tokens) if t in self.vocab]
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        for col, w in known:
            start, end = self.indptr[col], self.indptr[col + 1]
            data = self.data[start:end]
            np.add.at(scores, self.indices[start:end], data if weights is None else self.dtype.type(w) * data)
        if weight_mask is not None:
            scores *= weight_mask
        return scores


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, row indices) of the k highest scores, highest first; 1 ≤ k ≤ len(scores)."""
    part = np.argpartition(scores, -k).take(indices=range(-k, 0))
    part_scores = np.take(scores, part)
    order = np.flip(np.argsort(part_scores))
    return part_scores[order], part[order]
