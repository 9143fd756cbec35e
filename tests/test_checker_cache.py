"""The support checker's vectors and text caches: reusing them never changes a verdict.

A cited chunk's sentences, a claim and its words are embedded once and read back (in memory within a process,
from the persistent embedding cache across processes: ``rag.embed_cache.CachedEmbed``); a claim's facts and a
window's index are kept within a process. Whatever was checked before, a pair gets the same decision, score,
reasons, spans and features as a fresh checker on the bare embedder gives it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from rag.embed_cache import CachedEmbed, EmbeddingCache
from rag.support import SupportChecker

from benchmark_modules import benchmark_module

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (REPO / "corpus" / "001_19717e54740cd5a9.txt").read_text(encoding="utf-8")
CHUNK = " ".join(ARTICLE.splitlines()[:3])
PAIRS = [
    ("Tokyo tightened the approval process for shipments of photoresists to South Korean companies.", [CHUNK]),
    ("Tokyo loosened the approval process for shipments of photoresists to South Korean companies.", [CHUNK]),
    ("Japan said it plans to retract its controls on high-tech exports to South Korea.", [CHUNK]),
    ("Seoul plans to file a complaint with the WTO over the export restrictions.", [ARTICLE]),
    ("Seoul plans to file a complaint with the IMF over the export restrictions.", [ARTICLE]),
    ("Japan's trade measures followed court rulings ordering Japanese firms to compensate plaintiffs.", [ARTICLE]),
    ("Suga said the measure is open to consultation.", [ARTICLE]),
    ("Photoresist and hydrogen fluoride are used for making semiconductors, the restrictions cover them.", [ARTICLE]),
]


@pytest.fixture(scope="module")
def embedder():
    from rag.embeddings import MiniLMOnnxEmbedder

    return MiniLMOnnxEmbedder(threads=1)


def _clear_text_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name == "rag" or name.startswith("rag."):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", None) == name:
                    obj.cache_clear()


def _same(a, b) -> None:
    assert (a.supported, a.reasons, a.best_sentence, a.spans, a.concerns) == (b.supported, b.reasons, b.best_sentence, b.spans, b.concerns)
    assert a.score == pytest.approx(b.score, abs=1e-6) and a.similarity == pytest.approx(b.similarity, abs=1e-6)
    np.testing.assert_allclose(a.features, b.features, atol=1e-6)


@pytest.fixture(scope="module")
def reference(embedder):
    _clear_text_caches()
    return [SupportChecker(embedder.embed).check(c, p) for c, p in PAIRS]


def test_persistent_cache_gives_the_same_verdicts_cold_and_warm(embedder, reference, tmp_path):
    path = tmp_path / "cache.sqlite"
    cold = CachedEmbed(embedder, EmbeddingCache(path))
    first = SupportChecker(cold).check_many(PAIRS)
    assert cold.computed > 0
    warm = CachedEmbed(embedder, EmbeddingCache(path))  # another process's view of the same file
    _clear_text_caches()
    second = SupportChecker(warm).check_many(PAIRS)
    assert warm.computed == 0, "every vector of a re-check comes from the cache"
    for a, b, ref in zip(first, second, reference):
        _same(a, ref)
        _same(b, ref)


def test_a_verdict_does_not_depend_on_what_was_checked_before(embedder, reference):
    checker = SupportChecker(embedder.embed)
    # the same claims against other texts first: their facts, windows and vectors are then cached
    for claim, _ in PAIRS:
        checker.check(claim, [ARTICLE.splitlines()[5]])
    later = checker.check_many(list(reversed(PAIRS)))
    for a, ref in zip(reversed(later), reference):
        _same(a, ref)
    again = [checker.check(c, p) for c, p in PAIRS]  # one at a time, everything cached
    for a, ref in zip(again, reference):
        _same(a, ref)


def test_cached_embed_without_a_cache_embeds_every_text(embedder):
    embed = CachedEmbed(embedder, None)
    vecs = embed(["export controls", "photoresists"])
    assert vecs.shape == (2, embedder.dim) and embed.computed == 2
    np.testing.assert_array_equal(vecs, embedder.embed(["export controls", "photoresists"]))
    assert embed.embed([]).shape == (0, embedder.dim)


def test_equality_script_compares_numbers_to_the_tolerance_and_everything_else_exactly():
    differences = benchmark_module("checker_equality").differences
    rec = {"main": {"supported": True, "score": 0.5, "reasons": [], "spans": [[0, 1, 9]], "features": [0.1, 1.0]}}
    near = {"main": {"supported": True, "score": 0.5000004, "reasons": [], "spans": [[0, 1, 9]], "features": [0.1, 1.0]}}
    assert differences(rec, near, 1e-6) == []
    far = {"main": {**near["main"], "score": 0.502}}
    assert differences(rec, far, 1e-6) == ["main.score: 0.5 != 0.502"]
    assert differences(rec, {"main": {**rec["main"], "supported": False}}, 1e-6) == ["main.supported: True != False"]
    assert differences(rec, {"main": {**rec["main"], "spans": [[0, 1, 10]]}}, 1e-6) == ["main.spans[0][2]: 9 != 10"]
    assert differences(rec, {"main": {**rec["main"], "features": [0.1]}}, 1e-6) == ["main.features: length 2 != 1"]
    assert differences(rec, {"main": {**rec["main"], "reasons": ["weak"]}}, 1e-6) == ["main.reasons: length 0 != 1"]


def test_brief_verify_keeps_vectors_in_the_data_dir_and_gives_the_same_output_again(cli, tmp_path):
    import json
    import sqlite3

    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps({"claim": c, "passage": p[0]}) + "\n" for c, p in PAIRS[:3]))
    env = {"BRIEF_DATA_DIR": str(tmp_path / "data")}
    first = cli(["verify", "--json", str(pairs)], **env)
    assert first.exit_code == 0, first.output
    db = tmp_path / "data" / "embedding-cache.sqlite"
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    assert stored > 3  # the claims, the chunk's sentences and words
    second = cli(["verify", "--json", str(pairs)], **env)
    assert second.exit_code == 0 and second.stdout == first.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == stored  # nothing new to embed


def test_verify_without_a_writable_data_dir_still_checks(embedder, tmp_path):
    from rag.embed_cache import data_dir_embed

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    embed = data_dir_embed(embedder, blocker / "data")  # cannot be created: no cache, same vectors
    assert embed.cache is None
    np.testing.assert_array_equal(embed(["export controls"]), embedder.embed(["export controls"]))
