"""MiniLM batching: full-length chunks batch ``batch_size`` at a time, short texts (the checker's words and
sentences) many per run, and a text's vector does not depend on the batch it was embedded in."""

from __future__ import annotations

import numpy as np
import pytest

from rag.embeddings import SHORT_BATCH_ROWS, SHORT_BATCH_TOKENS, MiniLMOnnxEmbedder, token_batches


def test_full_length_texts_batch_as_configured():
    assert [len(b) for b in token_batches([256] * 10, 4)] == [4, 4, 2]
    assert [len(b) for b in token_batches([200] * 5, 2)] == [2, 2, 1]


def test_short_texts_share_a_run_up_to_the_token_and_row_limits():
    words = token_batches([3] * 150, 4)
    assert [len(b) for b in words] == [SHORT_BATCH_ROWS, SHORT_BATCH_ROWS, 150 - 2 * SHORT_BATCH_ROWS]
    sentences = token_batches([32] * 20, 4)
    assert all(len(b) * 32 <= SHORT_BATCH_TOKENS for b in sentences) and len(sentences[0]) == SHORT_BATCH_TOKENS // 32


def test_batches_cover_every_index_once_in_order_and_never_pad_beyond_the_limits():
    lengths = sorted([3, 3, 4, 5, 9, 12, 12, 30, 31, 64, 90, 128, 200, 256, 256, 256, 256, 256])
    batches = token_batches(lengths, 4)
    assert [i for b in batches for i in b] == list(range(len(lengths)))
    for b in batches:
        widest = max(lengths[i] for i in b)  # sorted input: the group's padded width
        assert len(b) <= max(4, min(SHORT_BATCH_ROWS, SHORT_BATCH_TOKENS // widest))


def test_empty_input_has_no_batches():
    assert token_batches([], 4) == []


@pytest.fixture(scope="module")
def embedder() -> MiniLMOnnxEmbedder:
    return MiniLMOnnxEmbedder(threads=1)


def test_a_texts_vector_does_not_depend_on_its_batch(embedder):
    words = ["tariff", "semiconductor", "approved", "sanctions", "Seoul", "export", "ban", "yen", "council", "budget"]
    sentences = ["Japan tightened controls on exports of three chemicals to South Korea in July 2019.",
                 "The council approved a £3.4bn budget for the city's transport network on Monday."]
    texts = words * 8 + sentences  # 82 texts: the words run 64 at a time, the sentences on their own
    together = embedder.embed(texts)
    alone = np.stack([embedder.embed([t])[0] for t in words + sentences])
    np.testing.assert_allclose(together[: len(words)], alone[: len(words)], atol=1e-6)
    np.testing.assert_allclose(together[-2:], alone[-2:], atol=1e-6)
    np.testing.assert_allclose(together[len(words) : 2 * len(words)], together[: len(words)], atol=1e-6)
