"""Support-checker speed on one core: pairs/s on chunk-sized passages and ms per pair on ~1,000-word articles.

    OMP_NUM_THREADS=1 python benchmarks/checker.py [--pairs 200] [--articles 40] [--rounds 2] [--json]

Pairs come from ``../shared/data/claims-news/dev.jsonl`` (claims and whole articles; read in place, never copied).
Chunk-sized passages: the article's ~120-word window (whole sentences) around the sentence that best matches
the claim, as a retriever's chunk would be. Long articles: the articles of 800-1,300 words as they are. The
embedder runs with one worker thread; each round is a fresh checker (no word-vector cache carried over), pairs
go through ``check_many`` in batches of 16 as the evaluation does. Prints pairs/s for chunks (target >= 50)
and p50/p90/p99 ms per pair for articles (target <= 200 ms), best round, and the machine's load average.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

from rag.text.sentences import split_sentences

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT.parent / "shared" / "data" / "claims-news" / "dev.jsonl"
CHUNK_WORDS = 120
BATCH = 16


def chunk_around(claim: str, article: str, words: int = CHUNK_WORDS) -> str:
    """Whole sentences of ``article`` (about ``words`` words) around the one sharing most words with ``claim``."""
    sents = [s.flat for s in split_sentences(article)] or [article]
    cw = set(claim.lower().split())
    best = max(range(len(sents)), key=lambda i: len(cw & set(sents[i].lower().split())))
    lo = hi = best
    while sum(len(s.split()) for s in sents[lo : hi + 1]) < words and (lo > 0 or hi < len(sents) - 1):
        lo, hi = max(0, lo - 1), min(len(sents) - 1, hi + 1)
    return " ".join(sents[lo : hi + 1])


def _timed(checker_factory, pairs: list[tuple[str, list[str]]]) -> float:
    checker = checker_factory()
    t0 = time.perf_counter()
    for b in range(0, len(pairs), BATCH):
        checker.check_many(pairs[b : b + BATCH])
    return time.perf_counter() - t0


def _per_pair_ms(checker_factory, pairs: list[tuple[str, list[str]]]) -> list[float]:
    checker = checker_factory()
    out = []
    for p in pairs:
        t0 = time.perf_counter()
        checker.check_many([p])
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=200, help="chunk-sized pairs")
    ap.add_argument("--articles", type=int, default=40, help="~1,000-word article pairs")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-word-similarity", action="store_true",
                    help="lexical novelty only (the checker's word_similarity=False; the shipped model assumes it on)")
    args = ap.parse_args()
    from rag.embeddings import MiniLMOnnxEmbedder
    from rag.support import SupportChecker

    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    chunks = [(r["claim"], [chunk_around(r["claim"], r["passage"])]) for r in rows[: args.pairs]]
    long_rows = [r for r in rows if 800 <= len(r["passage"].split()) <= 1300][: args.articles]
    articles = [(r["claim"], [r["passage"]]) for r in long_rows]
    embedder = MiniLMOnnxEmbedder(threads=1)

    def factory() -> SupportChecker:
        return SupportChecker(embedder.embed, word_similarity=not args.no_word_similarity)

    factory().check_many(chunks[:4])  # warm-up: graph load, caches of the text layer
    chunk_rates, article_ms = [], []
    for _ in range(args.rounds):
        chunk_rates.append(len(chunks) / _timed(factory, chunks))
        article_ms.append(_per_pair_ms(factory, articles))
    best = int(np.argmin([np.median(m) for m in article_ms]))
    ms = np.asarray(article_ms[best])
    report = {
        "chunk_pairs": len(chunks), "chunk_words_mean": round(float(np.mean([len(p[0].split()) for _, p in chunks])), 1),
        "chunk_pairs_per_s": round(max(chunk_rates), 1),
        "article_pairs": len(articles), "article_words_mean": round(float(np.mean([len(r["passage"].split()) for r in long_rows])), 1),
        "article_ms_p50": round(float(np.percentile(ms, 50)), 1), "article_ms_p90": round(float(np.percentile(ms, 90)), 1),
        "article_ms_p99": round(float(np.percentile(ms, 99)), 1), "load_average": os.getloadavg()[0],
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "word_similarity": not args.no_word_similarity,
    }
    if args.json:
        print(json.dumps(report, indent=1))
        return
    for k, v in report.items():
        print(f"{k:22} {v}")
    print(f"targets: chunk pairs/s >= 50 ({'met' if report['chunk_pairs_per_s'] >= 50 else 'NOT met'}), "
          f"article p50 <= 200 ms ({'met' if report['article_ms_p50'] <= 200 else 'NOT met'})")


if __name__ == "__main__":
    main()
