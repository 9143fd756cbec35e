"""SIGKILL at every step of an ingest (``BRIEF_CRASH_AT``, ``rag/crashpoints.py``), then a rerun: the index always
ends consistent, every document exactly once, and embedding work done before a kill is kept.

Each kill runs the real CLI in its own process: forked from ``tests/crash_runner.py`` (which imported everything
once; see there why), plus one test with a plain ``brief ingest`` subprocess. Batches are made small
(``BRIEF_INGEST__BATCH_DOCS=2``, ``BRIEF_INGEST__EMBED_FLUSH=2``) so one ingest of the inputs (the five sample
articles, a JSONL feed of six generated articles and two generated ``.txt`` files) passes every phase several times.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CORPUS_DIR, copy_sqlite

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash runner forks")

TESTS = Path(__file__).resolve().parent
QUERY = "semiconductor export controls"
SMALL_BATCHES = {"BRIEF_INGEST__BATCH_DOCS": "2", "BRIEF_INGEST__EMBED_FLUSH": "2"}


# --------------------------------------------------------------------------- the runner


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


class Runner:
    """Sends jobs to ``crash_runner.py``; each is a forked process running ``brief`` (or a check function)."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.n = 0
        self.proc = subprocess.Popen(
            [sys.executable, str(TESTS / "crash_runner.py")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, **SMALL_BATCHES},
        )
        assert json.loads(self.proc.stdout.readline()) == {"ready": True}

    def job(self, job: dict, data_dir: Path, crash: str | None, extra: dict[str, str] | None) -> Run:
        self.n += 1
        out, err = self.work / f"job{self.n}.out", self.work / f"job{self.n}.err"
        env = {k: v for k, v in os.environ.items() if k != "BRIEF_CRASH_AT"}
        env.update(SMALL_BATCHES, BRIEF_DATA_DIR=str(data_dir), **(extra or {}))
        if crash:
            env["BRIEF_CRASH_AT"] = crash
        job.update(env=env, cwd=str(self.work), stdout=str(out), stderr=str(err))
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        code = json.loads(self.proc.stdout.readline())["returncode"]
        return Run(code, out.read_text(errors="replace"), err.read_text(errors="replace"))

    def brief(self, *args: str, data_dir: Path, crash: str | None = None, **extra: str) -> Run:
        return self.job({"args": list(args)}, data_dir, crash, extra)

    def state(self, data_dir: Path) -> dict:
        run = self.job({"kind": "call", "function": "state", "args": [QUERY]}, data_dir, None, None)
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


# --------------------------------------------------------------------------- inputs and baselines


def _generated_articles(n: int, seed: int) -> list[str]:
    """Distinct articles (no two near-duplicates) made of the sample corpus's words in a seeded random order."""
    words = re.findall(r"[A-Za-z][A-Za-z-]{2,}", " ".join(p.read_text() for p in sorted(CORPUS_DIR.glob("*.txt"))))
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        sentences = [" ".join(rng.sample(words, rng.randint(10, 18))).capitalize() + "." for _ in range(7)]
        out.append(" ".join(sentences))
    return out


def _write_inputs(root: Path) -> Path:
    """corpus/ (5 articles) + feed.jsonl (6 articles: 3 batches of 2) + 2 generated .txt files."""
    root.mkdir(parents=True)
    for path in sorted(CORPUS_DIR.iterdir()):  # the articles and manifest.json (their titles and dates)
        shutil.copyfile(path, root / path.name)
    texts = _generated_articles(8, seed=11)
    with (root / "feed.jsonl").open("w") as fh:
        for i, text in enumerate(texts[:6]):
            record = {"title": f"Generated wire report {i}", "publisher": "Test Wire", "published": f"2024-03-0{i + 1}", "text": text}
            fh.write(json.dumps(record) + "\n")
    for i, text in enumerate(texts[6:]):
        (root / f"generated_{i}.txt").write_text(f"Generated bulletin {i}\n\n{text}\n")
    return root


def _update_inputs(root: Path) -> None:
    """An edit (a new version of one article: the old one is removed) and a deleted file (pruned)."""
    first, second = sorted(root.glob("00*.txt"))[:2]
    first.write_text(first.read_text() + "\nUpdate: the ministry confirmed the figures on Friday.\n")
    second.unlink()


@dataclass
class World:
    runner: Runner
    work: Path
    inputs: Path  # unchanged for every fresh-ingest kill
    seed_cache: Path  # embedding cache holding the sample articles' vectors only
    warm_cache: Path  # embedding cache holding every input's vectors
    fresh: dict  # state after one clean ingest of ``inputs``
    mutable: Path  # inputs already updated with _update_inputs
    before_update: Path  # data dir of a clean ingest of ``mutable`` before the update
    updated: dict  # state after a clean ``ingest --prune`` of the updated ``mutable``
    counter: list

    def data_dir(self, like: Path | None = None, *, warm: bool = False) -> Path:
        """A new data dir: a copy of ``like``, or an empty index with the seed (``warm``: the full) embedding cache.

        Empty indexes are copies of one made once: creating a Chroma database runs its migrations (seconds).
        """
        self.counter[0] += 1
        path = self.work / f"data{self.counter[0]}"
        if like is None:
            like = self.work / ("empty-warm" if warm else "empty-seed")
            if not like.exists():
                copy_sqlite(self.warm_cache if warm else self.seed_cache, like / "embedding-cache.sqlite")
                (self.work / "no-files").mkdir(exist_ok=True)
                _ingest_ok(self.runner, str(self.work / "no-files"), data_dir=like)  # creates catalog and collection
        shutil.copytree(like, path)
        return path


def _ingest_ok(runner: Runner, *args: str, data_dir: Path) -> Run:
    run = runner.brief("ingest", *args, data_dir=data_dir)
    assert run.returncode == 0, run.stdout + run.stderr
    return run


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    work = tmp_path_factory.mktemp("crash")
    runner = Runner(work)
    try:
        seed_dir = work / "seed"
        _ingest_ok(runner, str(CORPUS_DIR), data_dir=seed_dir)
        seed_cache = work / "seed-cache.sqlite"
        copy_sqlite(seed_dir / "embedding-cache.sqlite", seed_cache)
        inputs = _write_inputs(work / "inputs")
        world = World(runner, work, inputs, seed_cache, work / "warm-cache.sqlite", {}, work / "mutable", work / "before-update", {}, [0])
        full = world.data_dir()
        _ingest_ok(runner, str(inputs), data_dir=full)
        copy_sqlite(full / "embedding-cache.sqlite", world.warm_cache)
        world.fresh = runner.state(full)
        assert len(world.fresh["documents"]) == 13 and world.fresh["problems"] == []

        _write_inputs(world.mutable)
        copy_sqlite(world.warm_cache, world.before_update / "embedding-cache.sqlite")
        _ingest_ok(runner, str(world.mutable), data_dir=world.before_update)
        _update_inputs(world.mutable)
        done = world.data_dir(like=world.before_update)
        _ingest_ok(runner, "--prune", str(world.mutable), data_dir=done)
        world.updated = runner.state(done)
        assert len(world.updated["documents"]) == 12 and world.updated["problems"] == []
        yield world
    finally:
        runner.close()


def assert_recovered(state: dict, expected: dict) -> None:
    """Doctor clean; the same documents and chunks as a clean run, each once in the catalog, Chroma and BM25."""
    assert state["problems"] == []
    assert state["statuses"] == ["indexed"]
    assert state["documents"] == expected["documents"]
    assert state["chunks"] == expected["chunks"]
    assert state["vectors"] == state["chunks"] and state["vector_count"] == len(state["chunks"])
    assert state["vectors_per_doc"] == state["chunks_per_doc"] == state["n_chunks"]
    assert state["bm25"] is not None and sorted(state["bm25"]) == state["chunks"] and len(state["bm25"]) == len(state["chunks"])
    assert state["bm25_leftovers"] == []
    assert state["hits"] and set(state["hits"]) <= set(expected["documents"])


# --------------------------------------------------------------------------- kills during a fresh ingest

# (phase, n): every phase, at its first arrival and at a later batch or file
FRESH_POINTS = [
    "read:1", "read:6",
    "embed:1", "embed:3", "embed.cached:1", "embed.cached:4",
    "catalog.begin:1", "catalog.begin:6",
    "chroma.deleted:2", "chroma.part:1", "chroma.part:3",
    "chroma:1", "chroma:7",
    "catalog.inside:1", "catalog.inside:8",
    "catalog:2", "catalog:9",
    "file:1", "file:6",
    "bm25:1", "bm25.tmp:1", "bm25.saved:1",
]


@pytest.mark.parametrize("point", FRESH_POINTS)
def test_kill_during_ingest_then_rerun(world: World, point: str):
    data = world.data_dir(warm=not point.startswith("embed"))  # a cold cache only where the embedder must run
    killed = world.runner.brief("ingest", str(world.inputs), data_dir=data, crash=point)
    assert killed.returncode == -9, f"{point} was never reached:\n{killed.stdout}{killed.stderr}"
    _ingest_ok(world.runner, str(world.inputs), data_dir=data)
    assert_recovered(world.runner.state(data), world.fresh)


# --------------------------------------------------------------------------- kills during an update with --prune

UPDATE_POINTS = ["delete:1", "delete:2", "chroma:1", "catalog.inside:1", "file:1", "bm25.tmp:1"]


@pytest.mark.parametrize("point", UPDATE_POINTS)
def test_kill_during_update_and_prune_then_rerun(world: World, point: str):
    data = world.data_dir(like=world.before_update)
    killed = world.runner.brief("ingest", "--prune", str(world.mutable), data_dir=data, crash=point)
    assert killed.returncode == -9, f"{point} was never reached:\n{killed.stdout}{killed.stderr}"
    _ingest_ok(world.runner, "--prune", str(world.mutable), data_dir=data)
    assert_recovered(world.runner.state(data), world.updated)


def test_all_phases_are_covered():
    from rag.crashpoints import PHASES

    points = FRESH_POINTS + UPDATE_POINTS
    assert {p.rsplit(":", 1)[0] for p in points} == PHASES
    assert len(set(points)) >= 20


# --------------------------------------------------------------------------- embedding work survives kills


def _cache_rows(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "embedding-cache.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]


def test_repeated_kills_during_embedding_still_make_progress(world: World):
    data = world.data_dir()
    start = rows = _cache_rows(data)
    missing = len(world.fresh["chunks"]) - start  # vectors of the generated articles, not in the seed cache
    assert missing >= 7
    for _ in range(3):  # each run stores one more sub-batch of two vectors before it is killed
        killed = world.runner.brief("ingest", str(world.inputs), data_dir=data, crash="embed.cached:1")
        assert killed.returncode == -9
        assert _cache_rows(data) == rows + 2, "the finished sub-batch was not kept"
        rows += 2
    # killed after computing a sub-batch, before storing it: that sub-batch is all that is lost
    killed = world.runner.brief("ingest", str(world.inputs), data_dir=data, crash="embed:1")
    assert killed.returncode == -9 and _cache_rows(data) == rows
    final = _ingest_ok(world.runner, str(world.inputs), data_dir=data)
    embedded = int(re.search(r"(\d+) embedded", final.stdout).group(1))
    assert embedded == missing - 6, "the rerun embeds only what the killed runs had not stored"
    assert _cache_rows(data) == start + missing
    assert_recovered(world.runner.state(data), world.fresh)


# --------------------------------------------------------------------------- a plain `brief` process


def test_plain_brief_process_killed_between_chroma_and_catalog(world: World):
    """The same, without the runner: `python -m rag.cli ingest` killed after Chroma's add, rerun, `brief doctor`."""
    data = world.data_dir()
    env = {**os.environ, **SMALL_BATCHES, "BRIEF_DATA_DIR": str(data)}
    cli = [sys.executable, "-m", "rag.cli"]
    killed = subprocess.run([*cli, "ingest", str(world.inputs)], env={**env, "BRIEF_CRASH_AT": "chroma:3"},
                            capture_output=True, text=True, timeout=600)
    assert killed.returncode == -9, killed.stderr
    # the half-written batch is visible to the doctor: pending documents whose vectors are in Chroma
    before = subprocess.run([*cli, "doctor", "--json"], env=env, capture_output=True, text=True, timeout=600)
    assert before.returncode == 1
    kinds = {p["kind"] for p in json.loads(before.stdout)["problems"]}
    assert {"pending_documents", "orphan_vectors"} <= kinds
    rerun = subprocess.run([*cli, "ingest", str(world.inputs)], env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    after = subprocess.run([*cli, "doctor", "--json"], env=env, capture_output=True, text=True, timeout=600)
    assert after.returncode == 0, after.stdout + after.stderr
    report = json.loads(after.stdout)
    assert report["clean"] and report["counts"]["documents"] == len(world.fresh["documents"])
    assert report["bm25"] == "current" and report["snapshot"]
