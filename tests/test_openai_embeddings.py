"""Embeddings from an OpenAI-compatible /v1/embeddings endpoint are one setting away from the default.

A real HTTP server on loopback (tests/scripted_llm.py) serves deterministic bag-of-words vectors; the
real `openai` client talks to it; ingest and search run on real Chroma in a temp dir.
"""

from __future__ import annotations

import pytest

from conftest import CORPUS_DIR
from rag.config import EmbeddingSettings, Settings
from rag.embeddings import OpenAIEmbedder, get_embedder
from rag.errors import IndexMismatchError
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever
from scripted_llm import EMBED_DIM


def _settings(tmp_path, server) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        embedding=EmbeddingSettings(backend="openai", model="scripted-embed", base_url=server.base_url, batch_size=16),
    )


def test_the_openai_embedder_batches_normalises_and_keeps_order(server):
    embedder = OpenAIEmbedder(model="scripted-embed", base_url=server.base_url, api_key=None, batch_size=2)
    vecs = embedder.embed(["export controls on chips", "banana bread recipe", "chip export controls"])
    assert embedder.dim == EMBED_DIM and embedder.model_id == "openai:scripted-embed"
    assert vecs.shape == (3, EMBED_DIM)
    assert vecs[0] @ vecs[2] > vecs[0] @ vecs[1]
    assert len(server.embedding_requests) >= 2  # the probe + batches of 2


def test_ingest_and_search_with_the_endpoint_and_refuse_mixing_models(server, tmp_path):
    settings = _settings(tmp_path, server)
    index = CorpusIndex(settings, embedder=get_embedder(settings.embedding))
    report = Ingestor(index).ingest_paths([CORPUS_DIR])
    assert report.added == 5 and report.chunks_embedded > 0
    hits = HybridRetriever(index).search("photoresist exports to South Korea", k=3)
    assert hits and hits[0].chunk.doc_id
    assert index.store.collection.metadata["embed_model"] == "openai:scripted-embed"
    index.close()

    with pytest.raises(IndexMismatchError, match="scripted-embed"):
        CorpusIndex(Settings(data_dir=settings.data_dir))  # the default MiniLM on the same data dir
