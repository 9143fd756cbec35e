"""Where a support check's CPU goes, phase by phase, and how much of the encoder work a bound could spare.

    OMP_NUM_THREADS=1 python benchmarks/checker_phases.py [--pairs 200] [--articles 40] [--json]

The same chunk pairs as ``benchmarks/checker.py`` (claims-news dev claims against the ~120-word window of their
article around the best-matching sentence; read in place, never copied), checked in batches of 16 through the
pipeline's embed function over an empty SQLite cache, text caches emptied first (``--cache cold`` there). Reports:

* **phases**: process-CPU ms per chunk pair in the encoder (tokeniser and ONNX runs, through the cache), the cited
  text's index (``index_text`` of the whole passage: dates, quantities, places, names), the candidate windows
  (sentence split, lexical ranking), the claim's facts, the chosen window's index, the chosen window's other
  signals (roles, edits, modality, polarity, overlap...), and the rest (bookkeeping, cosines, the model);
* **inputs**: word pieces (incl. ``[CLS]``/``[SEP]``) per pair that reaches the encoder, by kind: the claim, the
  candidate windows' sentences (of them, those only in windows that can never be chosen: several sentences
  without lexical gain, embedded only for ``cos_mean3``), the clause fragments of the best sentence, single words;
* **bounds**: among those pairs, how many the checker decides before embedding its deferred units (clause fragments,
  sentences of never-chosen windows: ``SupportChecker._bounded_verdict``), how many have every eligible window
  vetoed by a window signal (rejected whatever the cosines, so nothing would need embedding), and how often the
  lexically best sentence alone is the chosen window. ``--articles``: the same for
  the 800-1,300-word articles (the inputs only).

Timers wrap the checker's own functions (``rag.support.prepare``, ``rag.support.window_verdict``), so a phase is what the checker asks of it;
phases are exclusive (a nested phase is not counted in its caller's). One fresh checker, one pass: compare
figures of one run, not across machines (process CPU on a shared machine varies about 5 %).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import importlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import machine  # noqa: E402
from checker import BATCH, Recording, bench_pairs, clear_text_caches  # noqa: E402

# phase name -> where its function is looked up: the module that calls it, then (a tree from before the checker was
# split by job, on the path for a "before" run) the checker module itself
_MODULE_PHASES = {
    "passage index": (("rag.support.prepare", "article_index"), ("rag.support.checker", "_index_cached")),
    "candidate windows": (("rag.support.prepare", "candidate_windows"), ("rag.support.checker", "candidate_windows")),
    "claim facts": (("rag.support.prepare", "claim_facts"), ("rag.support.checker", "_claim_facts")),
    "window index": (("rag.support.window_verdict", "window_index"), ("rag.support.checker", "_window_index")),
}
_METHOD_PHASES = {"_prepare": "prepare (other)", "_window_verdict": "window signals"}


class PhaseClock:
    """Exclusive process-CPU seconds per phase: time spent in a nested phase is taken off its caller's."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self._stack: list[list] = []  # [phase, start, time in nested phases]

    def wrap(self, fn, phase: str):
        def timed(*args, **kwargs):
            self._stack.append([phase, time.process_time(), 0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                name, start, nested = self._stack.pop()
                took = time.process_time() - start
                self.spent[name] += took - nested
                if self._stack:
                    self._stack[-1][2] += took
        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        return timed


@contextmanager
def timed_phases(clock: PhaseClock, embedder):
    """Patch the checker's phase functions and the embedder with ``clock``'s timers; restore them on exit."""
    from rag.support import SupportChecker

    saved = []
    for phase, places in _MODULE_PHASES.items():
        for module_name, name in places:
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            if hasattr(module, name):
                saved.append((module, name, getattr(module, name)))
                setattr(module, name, clock.wrap(getattr(module, name), phase))
                break
    for name, phase in _METHOD_PHASES.items():
        saved.append((SupportChecker, name, getattr(SupportChecker, name)))
        setattr(SupportChecker, name, clock.wrap(getattr(SupportChecker, name), phase))
    original_call = type(embedder).__call__
    type(embedder).__call__ = clock.wrap(original_call, "encoder")
    try:
        yield
    finally:
        type(embedder).__call__ = original_call
        for owner, name, fn in saved:
            setattr(owner, name, fn)


def phases(embedder, pairs: list[tuple[str, list[str]]]) -> dict[str, float]:
    """Process-CPU ms per pair by phase (exclusive), checking ``pairs`` cold through the pipeline's cache."""
    from rag.embed_cache import EmbeddingCache
    from rag.pipeline import Engine
    from rag.support import SupportChecker

    recorder = Recording(embedder)
    with tempfile.TemporaryDirectory(prefix="checker-phases-") as tmp:
        embed = Engine._embed_fn(SimpleNamespace(embedder=recorder, cache=EmbeddingCache(Path(tmp) / "cold.sqlite")))
        checker = SupportChecker(embed)
        clear_text_caches()
        clock = PhaseClock()
        with timed_phases(clock, recorder):
            start = time.process_time()
            for b in range(0, len(pairs), BATCH):
                checker.check_many(pairs[b : b + BATCH])
            total = time.process_time() - start
    out = {"total": total, **clock.spent}
    out["rest"] = total - sum(clock.spent.values())
    return {k: round(1000 * v / len(pairs), 2) for k, v in out.items()}


def inputs_and_bounds(embedder, pairs: list[tuple[str, list[str]]]) -> dict[str, float]:
    """Word pieces per embedded pair by kind, and the bound counts (module docstring), over ``pairs``."""
    import rag.support.checker as C
    from rag.support import SupportChecker

    checker = SupportChecker(embedder.embed)
    try:
        from rag.support.window_choice import cosines, pick
        from rag.support.window_verdict import WindowVerdict
    except ImportError:  # a tree from before the checker was split by job: the checker's own methods and class
        cosines, pick, WindowVerdict = getattr(checker, "_cosines", None), getattr(checker, "_pick", None), C._WindowVerdict
    pieces = lambda t: len(embedder._tokenizer.encode(t).ids)  # noqa: E731
    sums: dict[str, float] = defaultdict(float)
    for claim, passages in pairs:
        p = checker._prepare(claim, passages)
        if p.early is not None:
            continue
        sums["pairs"] += 1
        sentences = [u for u in p.units if u not in p.fragment_of]
        eligible = [i for i, w in enumerate(p.windows) if len(w.spans) == 1 or w.gain > 0]
        in_eligible = {s for i in eligible for s in p.windows[i].sentences}
        sums["claim"] += pieces(p.claim)
        sums["sentences"] += sum(map(pieces, sentences))
        sums["sentences only in never-chosen windows"] += sum(pieces(s) for s in sentences if s not in in_eligible)
        sums["clause fragments"] += sum(pieces(f) for f in p.fragment_of)
        vec = checker._vectors([p.claim, *p.units])
        if hasattr(checker, "_bounded_verdict"):
            sums["decided before the deferred units"] += (len(p.first) < len(p.units)
                                                          and checker._bounded_verdict(p, vec) is not None)
            per_window, best_clause = cosines(p, vec)
            choice = pick(p, per_window)
        else:  # a checker from before the deferred units (its tree on the path, for a "before" run)
            units = np.stack([vec(u) for u in p.units])
            choice, per_window, best_clause = checker._choose(p, units @ vec(p.claim), units, vec(p.claim))
        verdict = checker._window_verdict(p, (choice, per_window, best_clause))
        sums["best sentence chosen"] += choice == 0 and len(p.windows[0].spans) == 1
        if not isinstance(verdict, WindowVerdict):
            continue
        sums["chosen window vetoed"] += verdict.vetoed
        sums["every eligible window vetoed"] += all(
            isinstance(v := checker._window_verdict(p, (i, per_window, best_clause)), WindowVerdict) and v.vetoed
            for i in eligible)
    n = sums.pop("pairs", 0) or 1
    counts = {k: int(sums.pop(k)) for k in ("decided before the deferred units", "best sentence chosen",
                                            "chosen window vetoed", "every eligible window vetoed") if k in sums}
    return {"embedded pairs": int(n), **{f"{k} (pieces/pair)": round(v / n, 1) for k, v in sums.items()}, **counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from rag.embeddings import MiniLMOnnxEmbedder
    from rag.support import SupportChecker

    before = machine()
    _, _, chunks, articles = bench_pairs(args.pairs, args.articles)
    embedder = MiniLMOnnxEmbedder(threads=1)
    SupportChecker(embedder.embed).check_many(chunks[:4])  # warm-up: graph load, lexicons
    report = {**{k: before[k] for k in ("date", "commit", "cpu")}, "load_before": before["loadavg"][0],
              "chunk_phases_cpu_ms_per_pair": phases(embedder, chunks),
              "chunk_embedded_pairs": inputs_and_bounds(embedder, chunks)}
    if articles:
        report["article_embedded_pairs"] = inputs_and_bounds(embedder, articles)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    for key, value in report.items():
        if isinstance(value, dict):
            print(key)
            for k, v in value.items():
                print(f"  {k:48} {v}")
        else:
            print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
