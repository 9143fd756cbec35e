"""Support-checker speed on one core: pairs/s on chunk-sized passages and ms per pair on ~1,000-word articles.

    OMP_NUM_THREADS=1 python benchmarks/checker.py [--pairs 200] [--articles 40] [--rounds 2] [--warm 0]
        [--cache none|cold|passages|warm] [--encoder minilm|static|cascade] [--model PATH] [--json]

Pairs come from ``../shared/data/claims-news/dev.jsonl`` (claims and whole articles; read in place, never copied).
Chunk-sized passages: the article's ~120-word window (whole sentences) around the sentence that best matches
the claim, as a retriever's chunk would be. Long articles: the articles of 800-1,300 words as they are. The
embedder runs with one worker thread; each round is a fresh checker (no vector cache carried over), pairs go
through ``check_many`` in batches of 16 as the evaluation does. ``--warm N`` first checks N other rows (chunks
of the rows after the timed ones, untimed) with the same checker, as a long-running process or the pipeline's
persistent embedding cache would have: common words' vectors are then known, the timed pairs' sentences are not.
Before each timed run the in-process caches of the text layer are emptied (``clear_text_caches``), as in a new
process.

``--cache`` runs the timed checkers through the product's persistent embedding cache (the pipeline's embed
function, ``rag.pipeline.Engine._embed_fn``, over a new SQLite file per checker, in a temporary directory):
``cold`` starts from an empty file (what the cache itself costs); ``passages`` first checks every timed passage
with another row's claim (untimed, another checker): the passage's sentences and words are then on disk, the claim
and its own words are not, as for the second claim of a brief citing the same chunk; ``warm`` first checks the
timed pairs themselves (untimed, another checker), as a re-check does (``brief verify`` again, a repair, an
evaluation re-run). The timed checker's in-memory vectors are always empty, so every vector it does not compute
comes from the SQLite file.

Prints date, commit, load average before and after, pairs/s and process-CPU ms per pair for chunks (target
>= 50 pairs/s), p50/p90/p99 wall ms and p50 CPU ms per pair for articles (target <= 200 ms), best round, and the
embedder inputs per pair (texts and word pieces), the share of chunk pairs decided without the embedder (a
claim's number, date, identifier or entity the cited text lacks: the model vetoes it, nothing is embedded; 58 %
of the 200 chunk pairs, 42 % of claims-news dev, far fewer of a brief's mostly faithful claims) and the CPU ms
of a chunk pair that does need it (those pairs alone, one more fresh checker) with what such a pair embeds
(texts and word pieces, and the single words among them). On a shared machine process CPU time is the figure that
transfers: ``1000 / chunk_cpu_ms_per_pair`` is the pairs/s of one idle core.

``--encoder static`` checks with the static token vectors (``rag.support.static_encoder``, the ``support.encoder``
setting) and the model fitted on them (``--model``, by default ``rag.support.encoders.checker_model_path``); it
embeds by a table lookup, never through the persistent cache (``--cache`` then only sets what is prefilled).
``--encoder cascade`` checks through ``rag.support.checker.CascadeChecker`` (the static stage with its model, or
``--model``; the MiniLM stage through ``--cache`` with the shipped model; the band of
``rag/support/data/cascade_band.json``); the embedder inputs counted are the MiniLM stage's, and
``cascade_minilm_share`` is the share of timed pairs that stage checked.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import machine  # noqa: E402

from rag.text.sentences import split_sentences  # noqa: E402

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


class Recording:
    """The embedder, keeping the texts it is asked to embed (counted after the timed run)."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.model_id, self.dim = embedder.model_id, embedder.dim
        self.texts: list[str] = []

    def __call__(self, texts):
        self.texts.extend(texts)
        return self.embedder.embed(texts)

    def embed(self, texts):
        """The same as calling it (``rag.embeddings.Embedder``, for ``embed_cached``)."""
        return self(texts)

    def per_pair(self, pairs: int) -> tuple[float, float]:
        """(texts, word pieces incl. [CLS]/[SEP]) embedded per pair since the last call; resets the record."""
        return self.split_per_pair(pairs)[0]

    def split_per_pair(self, pairs: int) -> tuple[tuple[float, float], tuple[float, float]]:
        """(texts, word pieces) per pair since the last call, all of them and the single words among them (word
        similarity's inputs; the rest are claims, sentences and clause fragments); resets the record."""
        lengths = [len(e.ids) for e in self.embedder._tokenizer.encode_batch(self.texts)] if self.texts else []
        words = [n for t, n in zip(self.texts, lengths) if len(t.split()) == 1]
        out = ((len(lengths) / pairs, sum(lengths) / pairs), (len(words) / pairs, sum(words) / pairs))
        self.texts = []
        return out


def bench_pairs(n_pairs: int, n_articles: int) -> tuple[list[dict], list[dict], list, list]:
    """(all rows, the long rows, chunk pairs, article pairs) of the benchmark: the first ``n_pairs`` rows' claims
    against a chunk-sized window of their article (``chunk_around``), and ``n_articles`` claims against a whole
    article of 800-1,300 words; a pair is (claim, [passage])."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    chunks = [(r["claim"], [chunk_around(r["claim"], r["passage"])]) for r in rows[:n_pairs]]
    long_rows = [r for r in rows if 800 <= len(r["passage"].split()) <= 1300][:n_articles]
    articles = [(r["claim"], [r["passage"]]) for r in long_rows]
    return rows, long_rows, chunks, articles


def clear_text_caches() -> None:
    """Empty the text layer's in-process caches (sentence splits, article and window indexes, names...) of every
    loaded ``rag`` module, so a timed checker starts as in a new process: what it does not recompute comes from the
    persistent cache (``--cache``), not from this process's memory."""
    for name, module in list(sys.modules.items()):
        if name == "rag" or name.startswith("rag."):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", None) == name:
                    obj.cache_clear()


def _timed(checker, pairs: list[tuple[str, list[str]]]) -> tuple[float, float, float]:
    """(wall s, process CPU s) to check ``pairs`` in batches of ``BATCH``, and the share of pairs decided without
    the embedder (no features: a claim fact the cited text lacks, a vetoed signal)."""
    t0, c0 = time.perf_counter(), time.process_time()
    results = []
    for b in range(0, len(pairs), BATCH):
        results += checker.check_many(pairs[b : b + BATCH])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return wall, cpu, sum(not r.features for r in results) / max(1, len(results))


def _per_pair_ms(checker, pairs: list[tuple[str, list[str]]]) -> tuple[list[float], list[float]]:
    """Wall and process-CPU ms of each pair checked alone."""
    wall, cpu = [], []
    for p in pairs:
        t0, c0 = time.perf_counter(), time.process_time()
        checker.check_many([p])
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=200, help="chunk-sized pairs")
    ap.add_argument("--articles", type=int, default=40, help="~1,000-word article pairs")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--warm", type=int, default=0, help="untimed pairs (other rows) each fresh checker sees first")
    ap.add_argument("--cache", choices=["none", "cold", "passages", "warm"], default="none",
                    help="timed checkers embed through a persistent cache: empty, holding the passages, holding the pairs")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-word-similarity", action="store_true",
                    help="lexical novelty only (the checker's word_similarity=False; the shipped model assumes it on)")
    ap.add_argument("--encoder", choices=["minilm", "static", "cascade"], default="minilm",
                    help="the checker's vectors (support.encoder); static: a table lookup, never through --cache; "
                         "cascade: static first, MiniLM (through --cache) for the pairs inside the band")
    ap.add_argument("--model", type=Path, default=None,
                    help="checker model file (default: the one fitted on --encoder's vectors, rag.support.encoders)")
    args = ap.parse_args()
    from rag.embed_cache import EmbeddingCache
    from rag.pipeline import Engine
    from rag.embeddings import MiniLMOnnxEmbedder
    from rag.support import SupportChecker
    from rag.support.model import load_model
    from rag.text.normalize import embed_form

    before = machine()
    rows, long_rows, chunks, articles = bench_pairs(args.pairs, args.articles)
    timed_articles = {r["passage"] for r in rows[: args.pairs] + long_rows}  # no sentence of theirs is warmed
    warm_rows = [r for r in rows[args.pairs :] if r["passage"] not in timed_articles][: args.warm]
    warm = [(r["claim"], [chunk_around(r["claim"], r["passage"])]) for r in warm_rows]
    embedder = MiniLMOnnxEmbedder(threads=1)
    model_path = args.model
    cascade = None
    if args.encoder == "cascade":  # the recorder counts the MiniLM stage's inputs; --model is the static stage's
        from rag.support.checker import CascadeChecker
        from rag.support.encoders import cascade_margins, checker_model_path
        from rag.support.static_encoder import StaticEncoder

        static = StaticEncoder.from_minilm(embedder)
        static_model = load_model(model_path or checker_model_path("static"))

        def cascade(exact: SupportChecker) -> CascadeChecker:
            fast = SupportChecker(lambda texts: static.embed([embed_form(t) for t in texts]), model=static_model,
                                  word_similarity=not args.no_word_similarity)
            return CascadeChecker(fast, exact, cascade_margins())

        model_path = None
    if args.encoder == "static":  # imported here: the minilm path runs with an older tree on the path too
        from rag.support.encoders import checker_model_path
        from rag.support.static_encoder import StaticEncoder

        embedder = StaticEncoder.from_minilm(embedder)
        model_path = model_path or checker_model_path(args.encoder)
    recorder = Recording(embedder)
    model = load_model(model_path) if model_path else load_model()

    tmp = Path(tempfile.mkdtemp(prefix="checker-bench-"))
    files = iter(range(10**6))
    decided: list[dict[str, int]] = []  # the cascade's counts per fresh checker

    def prefill(timed: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
        """What the persistent cache has seen before the timed run (``--cache``)."""
        if args.cache == "warm":
            return timed
        if args.cache == "passages":  # each passage with the next pair's claim
            return [(timed[(i + 1) % len(timed)][0], p) for i, (_, p) in enumerate(timed)]
        return []

    def fresh(timed: list[tuple[str, list[str]]]):
        embed = recorder
        if args.encoder == "static":  # as rag.support.encoders checks with it: no persistent cache
            embed = lambda texts: recorder([embed_form(t) for t in texts])  # noqa: E731
        elif args.cache != "none":  # the pipeline's embed function (what eval, briefs and repairs check with)
            embed = Engine._embed_fn(SimpleNamespace(embedder=recorder, cache=EmbeddingCache(tmp / f"{next(files)}.sqlite")))
        checker = SupportChecker(embed, model=model, word_similarity=not args.no_word_similarity)
        if cascade is not None:
            checker = cascade(checker)
            decided.append(checker.decided)
        for b in range(0, len(warm), BATCH):
            checker.check_many(warm[b : b + BATCH])
        before = prefill(timed)
        other = SupportChecker(embed, model=model, word_similarity=not args.no_word_similarity)  # its in-memory vectors stay its own
        for b in range(0, len(before), BATCH):
            other.check_many(before[b : b + BATCH])
        recorder.per_pair(1)
        clear_text_caches()
        return checker

    SupportChecker(embedder.embed, model=model).check_many(chunks[:4])  # warm-up: graph load, caches of the text layer
    chunk_runs, article_runs = [], []
    inputs: dict[str, float] = {}
    for _ in range(args.rounds):
        chunk_runs.append(_timed(fresh(chunks), chunks))
        texts, pieces = recorder.per_pair(len(chunks))
        inputs = {"chunk_texts_per_pair": texts, "chunk_pieces_per_pair": pieces}
        article_runs.append(_per_pair_ms(fresh(articles), articles))
        texts, pieces = recorder.per_pair(len(articles))
        inputs.update({"article_texts_per_pair": texts, "article_pieces_per_pair": pieces})
    wall_s, cpu_s, unembedded = min(chunk_runs)
    # the pairs the facts do not decide, timed alone (one round): what a pair that needs the embedder costs
    probe = SupportChecker(embedder.embed, model=model).check_many
    undecided = [p for p in chunks if probe([p])[0].features]
    _, undecided_cpu_s, _ = _timed(fresh(undecided), undecided) if undecided else (0.0, 0.0, 0.0)
    (emb_texts, emb_pieces), (word_texts, word_pieces) = recorder.split_per_pair(max(1, len(undecided)))
    shutil.rmtree(tmp, ignore_errors=True)
    best = int(np.argmin([np.median(w) for w, _ in article_runs]))
    ms, cpu_ms = np.asarray(article_runs[best][0]), np.asarray(article_runs[best][1])
    report = {
        **{k: before[k] for k in ("date", "commit", "cpu", "nproc")},
        "load_before": before["loadavg"][0], "load_after": round(os.getloadavg()[0], 2),
        "chunk_pairs": len(chunks), "chunk_words_mean": round(float(np.mean([len(p[0].split()) for _, p in chunks])), 1),
        "chunk_pairs_per_s": round(len(chunks) / wall_s, 1),
        "chunk_cpu_ms_per_pair": round(1000 * cpu_s / len(chunks), 1),
        "chunk_pairs_per_cpu_s": round(len(chunks) / cpu_s, 1),
        "chunk_decided_without_embedder": round(unembedded, 3),
        "chunk_cpu_ms_per_embedded_pair": round(1000 * undecided_cpu_s / max(1, len(undecided)), 1),
        # what such a pair embeds: texts and word pieces, of which single words (word similarity)
        "embedded_pair_texts": round(emb_texts, 1), "embedded_pair_pieces": round(emb_pieces, 1),
        "embedded_pair_word_texts": round(word_texts, 1), "embedded_pair_word_pieces": round(word_pieces, 1),
        "article_pairs": len(articles), "article_words_mean": round(float(np.mean([len(r["passage"].split()) for r in long_rows])), 1),
        "article_ms_p50": round(float(np.percentile(ms, 50)), 1), "article_ms_p90": round(float(np.percentile(ms, 90)), 1),
        "article_ms_p99": round(float(np.percentile(ms, 99)), 1),
        "article_cpu_ms_p50": round(float(np.percentile(cpu_ms, 50)), 1),
        "article_cpu_ms_p90": round(float(np.percentile(cpu_ms, 90)), 1),
        "article_cpu_ms_mean": round(float(cpu_ms.mean()), 1),
        **{k: round(v, 1) for k, v in inputs.items()},
        "warm_pairs": len(warm), "cache": args.cache, "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
        "word_similarity": not args.no_word_similarity, "encoder": args.encoder,
        "model": model_path.name if model_path else "checker_model.json",
    }
    if cascade is not None:  # the share of pairs the MiniLM stage checked, over every timed checker
        report["cascade_margins_logit"] = list(cascade_margins())
        report["cascade_minilm_share"] = round(sum(d["minilm"] for d in decided) / max(1, sum(d["minilm"] + d["static"] for d in decided)), 3)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    for k, v in report.items():
        print(f"{k:24} {v}")
    print(f"targets (one idle core = process CPU): chunk pairs per CPU-second >= 50 "
          f"({'met' if report['chunk_pairs_per_cpu_s'] >= 50 else 'NOT met'}), article CPU ms p50 <= 200 "
          f"({'met' if report['article_cpu_ms_p50'] <= 200 else 'NOT met'})")


if __name__ == "__main__":
    main()
