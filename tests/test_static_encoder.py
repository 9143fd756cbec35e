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
from rag.support import static_encoder
from rag.support.static_encoder import (FIRST_WORD_ID, StaticEncoder, build_table, cached_table, minilm_tokenizer,
                                        sif_weights, table_path, weighted_rows)

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


def test_cached_table_is_built_once_with_a_note_then_mapped_read_only(fake, table, tmp_path, capsys):
    path = tmp_path / "t.npy"
    made = []
    first = cached_table(path, lambda: made.append(1) or fake)
    assert "building the static token table" in capsys.readouterr().err  # a first run says why it takes ~25 s
    again = cached_table(path, lambda: made.append(1) or fake)
    assert made == [1] and capsys.readouterr().err == ""  # read back: no MiniLM made, no note
    assert isinstance(again, np.memmap) and not again.flags.writeable
    assert np.array_equal(first, again) and np.array_equal(again, weighted_rows(table))  # the rows a text sums


def test_the_table_is_named_by_the_wheel_hash_derivation_and_table_version(tmp_path):
    from rag.embeddings import MINILM_SHA256
    from rag.minilm_graph import DERIVATION_VERSION

    name = table_path(tmp_path).name
    assert name == f"minilm-static-v{static_encoder.TABLE_VERSION}-d{DERIVATION_VERSION}-{MINILM_SHA256[:16]}.npy"


def test_a_cached_table_starts_without_a_minilm_session(fake, tmp_path, monkeypatch):
    import rag.embeddings

    cached_table(table_path(tmp_path), lambda: fake)

    class NoSession(rag.embeddings.MiniLMOnnxEmbedder):
        def __init__(self, *a, **k):
            raise AssertionError("a MiniLM session was made for a cached table")

    monkeypatch.setattr(rag.embeddings, "MiniLMOnnxEmbedder", NoSession)
    enc = StaticEncoder.from_minilm(cache_dir=tmp_path)
    assert enc.embed(["export controls"]).shape == (1, DIM)
    assert enc.table_sha256 == hashlib.sha256(table_path(tmp_path).read_bytes()).hexdigest()


def test_sif_weights_fall_with_frequency_rank():
    w = sif_weights(30_522)
    assert w[FIRST_WORD_ID] < w[FIRST_WORD_ID + 100] < w[FIRST_WORD_ID + 10_000] <= 1.0
    assert np.all(w[:FIRST_WORD_ID] == w[FIRST_WORD_ID])  # markers and characters: rank 1


def test_encoder_gives_unit_vectors_in_input_order(fake, table):
    enc = StaticEncoder(weighted_rows(table), fake._tokenizer)
    texts = ["Samsung supplied chips to Huawei.", "", "The ministry approved the export licence."]
    out = enc.embed(texts)
    assert out.shape == (3, DIM) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out[[0, 2]], axis=1), 1.0, atol=1e-5)
    assert not out[1].any()  # no word pieces: zeros
    assert np.allclose(enc.embed(texts[::-1])[::-1], out)
    assert enc.embed([]).shape == (0, DIM)


def test_a_text_is_its_word_pieces_weighted_centred_sum(fake, table):
    enc = StaticEncoder(weighted_rows(table), fake._tokenizer)
    ids = fake._tokenizer.encode("export controls", add_special_tokens=False).ids
    centred = table - table[FIRST_WORD_ID:].mean(axis=0)
    v = (centred[ids] * sif_weights(table.shape[0])[ids, None]).sum(axis=0)
    assert np.allclose(enc.embed(["export controls"])[0], v / np.linalg.norm(v), atol=1e-5)
    # word order does not matter to a static encoder; the words do
    assert np.allclose(enc.embed(["controls export"])[0], enc.embed(["export controls"])[0], atol=1e-6)
    assert not np.allclose(enc.embed(["import controls"])[0], enc.embed(["export controls"])[0])


def test_the_tokenizer_truncates_as_the_embedder_does():
    tok = minilm_tokenizer()
    assert len(tok.encode("word " * 600, add_special_tokens=False).ids) == static_encoder.MAX_PIECES


def test_the_setting_defaults_to_minilm_and_accepts_static_and_cascade():
    assert Settings().support.encoder == "minilm"
    assert Settings(support={"encoder": "static"}).support.encoder == "static"
    assert Settings(support={"encoder": "cascade"}).support.encoder == "cascade"
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
