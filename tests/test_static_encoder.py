"""The static-vector encoder for the support checker (rag/support/static_encoder.py) and the encoder setting
(rag/support/encoders.py)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from tokenizers import Tokenizer

from rag.config import Settings
from rag.embeddings import MINILM_TOKENIZER
from rag.errors import ConfigError
from rag.support import SupportChecker
from rag.support import encoders
from rag.support.static_encoder import FIRST_WORD_ID, StaticEncoder, build_table, cached_table, sif_weights

DIM = 8


class FakeMiniLM:
    """Stands in for MiniLMOnnxEmbedder: the real tokenizer; a token's state is a fixed function of its id and
    position, so the table's rows can be checked."""

    dim = DIM
    graph_sha256 = "f" * 64
    model_id = "fake"

    def __init__(self) -> None:
        self._tokenizer = Tokenizer.from_file(str(MINILM_TOKENIZER))
        self._tokenizer.no_padding()  # as the embedder sets it (the file pads to 128)
        self.runs = 0

    def token_states(self, ids: np.ndarray, mask=None) -> np.ndarray:
        self.runs += 1
        pos = np.arange(ids.shape[1])[None, :, None]
        return np.sin(ids[:, :, None] * 0.001 + pos * 10.0 + np.arange(DIM)[None, None, :]).astype(np.float32)


@pytest.fixture(scope="module")
def fake() -> FakeMiniLM:
    return FakeMiniLM()


@pytest.fixture(scope="module")
def table(fake) -> np.ndarray:
    return build_table(fake)


def test_table_row_is_the_token_positions_state_of_cls_token_sep(fake, table):
    vocab = fake._tokenizer.get_vocab_size()
    assert table.shape == (vocab, DIM) and table.dtype == np.float32
    cls_id, sep_id = fake._tokenizer.token_to_id("[CLS]"), fake._tokenizer.token_to_id("[SEP]")
    for tid in (0, FIRST_WORD_ID, 7592, vocab - 1):
        expected = fake.token_states(np.array([[cls_id, tid, sep_id]], dtype=np.int64))[0, 1]
        assert np.allclose(table[tid], expected)


def test_cached_table_is_built_once_and_hashed(fake, tmp_path):
    first, digest = cached_table(fake, tmp_path)
    runs = fake.runs
    again, digest2 = cached_table(fake, tmp_path)
    assert fake.runs == runs  # read back, not rebuilt
    (path,) = tmp_path.glob("*.npy")
    assert digest == digest2 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert np.array_equal(first, again)


def test_sif_weights_fall_with_frequency_rank():
    w = sif_weights(30_522)
    assert w[FIRST_WORD_ID] < w[FIRST_WORD_ID + 100] < w[FIRST_WORD_ID + 10_000] <= 1.0
    assert np.all(w[:FIRST_WORD_ID] == w[FIRST_WORD_ID])  # markers and characters: rank 1


def test_encoder_gives_unit_vectors_in_input_order(fake, table):
    enc = StaticEncoder(table, fake._tokenizer)
    texts = ["Samsung supplied chips to Huawei.", "", "The ministry approved the export licence."]
    out = enc.embed(texts)
    assert out.shape == (3, DIM) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out[[0, 2]], axis=1), 1.0, atol=1e-5)
    assert not out[1].any()  # no word pieces: zeros
    assert np.allclose(enc.embed(texts[::-1])[::-1], out)
    assert enc.embed([]).shape == (0, DIM)


def test_a_text_is_its_word_pieces_weighted_centred_sum(fake, table):
    enc = StaticEncoder(table, fake._tokenizer)
    ids = fake._tokenizer.encode("export controls", add_special_tokens=False).ids
    centred = table - table[FIRST_WORD_ID:].mean(axis=0)
    v = (centred[ids] * sif_weights(table.shape[0])[ids, None]).sum(axis=0)
    assert np.allclose(enc.embed(["export controls"])[0], v / np.linalg.norm(v), atol=1e-5)
    # word order does not matter to a static encoder; the words do
    assert np.allclose(enc.embed(["controls export"])[0], enc.embed(["export controls"])[0], atol=1e-6)
    assert not np.allclose(enc.embed(["import controls"])[0], enc.embed(["export controls"])[0])


def test_the_setting_defaults_to_minilm_and_accepts_static():
    assert Settings().support.encoder == "minilm"
    assert Settings(support={"encoder": "static"}).support.encoder == "static"
    with pytest.raises(ValueError):
        Settings(support={"encoder": "word2vec"})


def test_minilm_checks_with_the_given_function_and_the_shipped_model():
    def embed(texts):
        return np.ones((len(texts), 4), np.float32) / 2

    checker = encoders.support_checker("minilm", embed)
    assert isinstance(checker, SupportChecker) and checker.embed is embed
    assert encoders.checker_model_path("minilm") == encoders.MODEL_PATH


def test_static_without_its_fitted_model_is_a_configuration_error(monkeypatch, tmp_path):
    monkeypatch.setattr(encoders, "STATIC_MODEL_PATH", tmp_path / "absent.json")
    with pytest.raises(ConfigError, match="fitted on static vectors"):
        encoders.support_checker("static", lambda texts: np.zeros((len(texts), 4)))
    with pytest.raises(ValueError):
        encoders.checker_model_path("word2vec")


def test_the_static_encoder_changes_the_settings_hash_and_the_default_keeps_it():
    default = Settings()
    assert Settings(support={"encoder": "minilm"}).settings_hash() == default.settings_hash()
    assert Settings(support={"encoder": "static"}).settings_hash() != default.settings_hash()


def test_the_static_encoders_model_ships_fitted_on_the_checkers_current_features():
    from rag.support.features import FEATURES
    from rag.support.model import load_model

    shipped = load_model(encoders.STATIC_MODEL_PATH)
    assert tuple(shipped.features) == tuple(FEATURES)  # refit (evals/fit_checker.py --encoder static) when they change
    assert 0 < shipped.threshold < 1
    assert load_model(encoders.MODEL_PATH).version != shipped.version
