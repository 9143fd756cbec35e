"""Before/after equality of the support checker: every decision, score, reason, span and feature, row by row.

    # with the old code (e.g. PYTHONPATH=/tmp/old-checkout), record its verdicts:
    OMP_NUM_THREADS=1 python benchmarks/checker_equality.py record --out /tmp/checker-before.jsonl
    # with the new code, check again and compare (exit status 1 on any difference; --out keeps the new verdicts):
    OMP_NUM_THREADS=1 python benchmarks/checker_equality.py compare --before /tmp/checker-before.jsonl [--out /tmp/after.jsonl]
    # ... through a persistent embedding cache, cold then warm (twice into the same SQLite file):
    python benchmarks/checker_equality.py compare --before /tmp/checker-before.jsonl --cache /tmp/eq-cache.sqlite --passes 2

Rows: the project's own claims (``evals/datasets/claims.jsonl``, 402) and the external news claims
(``../shared/data/claims-news/dev.jsonl``, 861; read in place, never copied), each checked as
``check_many([(claim, [passage])])`` in batches of 16 as the evaluations do. For every row the record holds the
main model's verdict (supported, score, similarity, reasons, supporting sentence, spans, the features, the
concerns) and the cross-validation fold model's verdict (``held_out``, what the evaluations report on fittable
rows). Strings, booleans and spans must be equal; numbers equal to ``--tol`` (1e-6). ``--cache`` checks through
``rag.embed_cache.CachedEmbed`` (the product's persistent cache) instead of the bare embedder; ``--passes 2``
runs every row a second time in a fresh checker over the same cache file (the warm path) and compares that too.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import math
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OWN = REPO_ROOT / "evals" / "datasets" / "claims.jsonl"
SHARED = REPO_ROOT.parent / "shared"
BATCH = 16


def load_rows(shared: Path, limit: int | None = None) -> list[dict]:
    """(set, id, claim, passage) of the own claims (RealTime QA passages resolved from ``shared``) then the news
    claims (``limit`` of each when given). Exits when a row cannot be read: the proof needs all of them."""
    from evals.claims_data import load_claims

    own, skipped = load_claims(OWN, shared / "data" / "realtimeqa-2022" / "corpus.jsonl")
    if skipped:
        sys.exit(f"{len(skipped)} own claims skipped: {skipped[:3]}")
    news_path = shared / "data" / "claims-news" / "dev.jsonl"
    if not news_path.exists():
        sys.exit(f"missing {news_path}")
    news = [json.loads(line) for line in news_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"set": name, "id": r["id"], "claim": r["claim"], "passage": r["passage"]}
            for name, part in (("own", own), ("news", news)) for r in part[:limit]]


def _result(res) -> dict:
    return {
        "supported": bool(res.supported), "score": float(res.score), "similarity": float(res.similarity),
        "reasons": list(res.reasons), "best_sentence": res.best_sentence,
        "spans": [[s.passage, s.start, s.end] for s in res.spans], "features": [float(x) for x in res.features],
        "concerns": list(res.concerns),
    }


def check_rows(checker, rows: list[dict]) -> list[dict]:
    """One record per row: the main verdict and the held-out (fold model) verdict."""
    out = []
    for b in range(0, len(rows), BATCH):
        batch = rows[b : b + BATCH]
        results = checker.check_many([(r["claim"], [r["passage"]]) for r in batch])
        for r, res in zip(batch, results):
            held = checker.held_out(res, [r["passage"]])
            out.append({"set": r["set"], "id": r["id"], "main": _result(res), "held_out": _result(held)})
    return out


def differences(a, b, tol: float, path: str = "") -> list[str]:
    """Where two records differ (numbers beyond ``tol``, anything else when not equal)."""
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(set(a) | set(b))
        return [d for k in keys for d in differences(a.get(k), b.get(k), tol, f"{path}.{k}" if path else str(k))]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: length {len(a)} != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, tol, f"{path}[{i}]")]
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
            return [] if a == b else [f"{path}: {a!r} != {b!r}"]
        return [] if math.isclose(float(a), float(b), rel_tol=0.0, abs_tol=tol) else [f"{path}: {a!r} != {b!r}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def make_checker(cache_path: Path | None):
    """A fresh checker on the bundled MiniLM (one thread), through the persistent cache when ``cache_path``."""
    from rag.embeddings import MiniLMOnnxEmbedder
    from rag.support import SupportChecker

    embedder = MiniLMOnnxEmbedder(threads=1)
    if cache_path is None:
        return SupportChecker(embedder.embed)
    from rag.embed_cache import CachedEmbed, EmbeddingCache

    return SupportChecker(CachedEmbed(embedder, EmbeddingCache(cache_path)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["record", "compare"])
    ap.add_argument("--out", type=Path, help="where to write the verdicts (JSON lines; compare: of the last pass)")
    ap.add_argument("--before", type=Path, help="compare: the recorded verdicts")
    ap.add_argument("--cache", type=Path, help="check through this persistent embedding cache (SQLite file)")
    ap.add_argument("--passes", type=int, default=1, help="compare: passes over the rows, each with a fresh checker")
    ap.add_argument("--limit", type=int, help="only the first N rows of each set (a quick look; not the proof)")
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (default: ../shared)")
    args = ap.parse_args()
    rows = load_rows(args.shared, args.limit)
    if args.mode == "record":
        if args.out is None:
            ap.error("record needs --out")
        t0 = time.process_time()
        records = check_rows(make_checker(args.cache), rows)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"recorded {len(records)} rows to {args.out} ({time.process_time() - t0:.1f} s CPU)")
        return
    if args.before is None:
        ap.error("compare needs --before")
    before = {(r["set"], r["id"]): r for r in map(json.loads, args.before.read_text(encoding="utf-8").splitlines())}
    failed = False
    for n in range(1, max(1, args.passes) + 1):
        t0 = time.process_time()
        after = check_rows(make_checker(args.cache), rows)
        cpu = time.process_time() - t0
        if args.out is not None:
            args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in after), encoding="utf-8")
        diffs: dict[tuple[str, str], list[str]] = {}
        for r in after:
            key = (r["set"], r["id"])
            d = differences(before.get(key), r, args.tol) if key in before else ["not in the record"]
            if d:
                diffs[key] = d
        decisions = sum(1 for r in after if (r["set"], r["id"]) in before
                        and r["main"]["supported"] != before[(r["set"], r["id"])]["main"]["supported"])
        per_set = {s: sum(1 for r in after if r["set"] == s) for s in ("own", "news")}
        print(f"pass {n}: {len(after)} rows ({per_set['own']} own, {per_set['news']} news), {cpu:.1f} s CPU; "
              f"{len(diffs)} rows differ ({decisions} decisions)")
        for key, d in list(diffs.items())[:20]:
            print(f"  {key[0]}/{key[1]}: " + "; ".join(d[:4]))
        failed |= bool(diffs)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
