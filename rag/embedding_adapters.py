"""A project Embedder as a llama-index BaseEmbedding (ingest writes, the eval baseline); re-exports the Chroma adapter."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.chroma_embedding import ChromaEmbeddingFunction
from rag.embeddings import Embedder

__all__ = ["ChromaEmbeddingFunction", "LlamaIndexEmbedding"]  # the Chroma adapter lives in rag.chroma_embedding (no llama-index)


class LlamaIndexEmbedding(BaseEmbedding):
    """llama-index view of a project embedder (used by llama-index indexes and the eval baseline)."""

    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: Any) -> None:
        super().__init__(model_name=embedder.model_id, embed_batch_size=getattr(embedder, "batch_size", 32), **kwargs)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "TechsecEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed([query])[0].tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.embed([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed(texts).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)
