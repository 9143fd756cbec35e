"""The project embedder as a Chroma EmbeddingFunction (registered as ``techsec-brief``), without llama-index.

Kept apart from ``rag.embedding_adapters`` so that opening a collection for search does not import
llama-index (about a second of a new process's start-up).
"""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from rag.embeddings import Embedder


@register_embedding_function
class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma view of a project embedder, so Chroma never falls back to its downloading default."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(self._embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return "techsec-brief"

    def get_config(self) -> dict[str, Any]:
        return {"model_id": self._embedder.model_id, "dim": self._embedder.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "ChromaEmbeddingFunction":
        """Rebuild from a collection's stored config (Chroma does this when it opens a collection)."""
        from rag.config import EmbeddingSettings
        from rag.embeddings import MiniLMOnnxEmbedder, get_embedder

        if config.get("model_id") == MiniLMOnnxEmbedder.model_id:
            return ChromaEmbeddingFunction(get_embedder(EmbeddingSettings()))
        # Other models need the caller's settings (endpoint, key): this process always embeds itself.
        return ChromaEmbeddingFunction(UnavailableEmbedder(config.get("model_id", "unknown"), int(config.get("dim", 0))))

    def is_legacy(self) -> bool:
        return False


class UnavailableEmbedder:
    """Stands in for an embedder this process was not configured with; refuses to embed (ConfigError)."""

    def __init__(self, model_id: str, dim: int) -> None:
        self.model_id = model_id
        self.dim = dim

    def embed(self, texts):  # noqa: ANN001
        from rag.errors import ConfigError

        raise ConfigError(f"Embedding model {self.model_id!r} is not configured in this process.")
