"""Embedder throughput: the shipped int8 MiniLM graph against the derived fp32 graph, in one run.

    python benchmarks/embedder.py [--passages 240] [--rounds 3] [--batch-size 4] [--threads 0] [--sweep] [--json]

Passages are consecutive 256-token windows (MiniLM word pieces, [CLS]/[SEP] included) of the first articles of
``../shared/data/realtimeqa-2022/corpus.jsonl``. Both embedders run in alternating rounds (so machine load hits
both alike) through ``MiniLMOnnxEmbedder.embed`` (tokenisation, batching, pooling included); the table gives the
best round's passages/s, CPU-seconds per passage, p50/p95 batch latency, the derived/shipped ratio and the
cosine agreement of the two graphs' vectors. ``--sweep`` also times raw onnxruntime sessions on the derived graph
over pre-tokenised batches: intra-op threads 1 vs 2, one vs two concurrent batches, batch sizes.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import platform
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from rag.embeddings import MINILM_TOKENIZER, MiniLMOnnxEmbedder, available_cores

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT.parent / "shared" / "data" / "realtimeqa-2022" / "corpus.jsonl"
WINDOW = 256


def load_passages(path: Path, count: int, window: int = WINDOW) -> list[str]:
    """``count`` passages of exactly ``window`` word pieces cut from the corpus's first articles, in order."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(MINILM_TOKENIZER))
    tok.no_truncation()
    tok.no_padding()
    passages: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            offsets = tok.encode(text, add_special_tokens=False).offsets
            body = window - 2  # [CLS] and [SEP]
            for start in range(0, len(offsets) - body + 1, body):
                passages.append(text[offsets[start][0] : offsets[start + body - 1][1]])
                if len(passages) >= count:
                    return passages
    return passages


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), platform.processor())
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "unknown"
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cores_available": available_cores(),
        "cpu": cpu,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "commit": commit,
    }


class BatchTimer:
    """Wraps an embedder's per-batch function to record wall-clock latency of every batch."""

    def __init__(self, embedder: MiniLMOnnxEmbedder) -> None:
        self.ms: list[float] = []
        inner = embedder._embed_batch  # noqa: SLF001 - instrumenting the one method that runs the graph

        def timed(encodings):
            t0 = time.perf_counter()
            out = inner(encodings)
            self.ms.append((time.perf_counter() - t0) * 1000)
            return out

        embedder._embed_batch = timed  # type: ignore[method-assign]


def measure(embedders: dict[str, MiniLMOnnxEmbedder], passages: list[str], rounds: int) -> dict:
    timers = {name: BatchTimer(e) for name, e in embedders.items()}
    for e in embedders.values():  # warm-up: first-run allocations
        e.embed(passages[: e.batch_size * max(1, e.workers)])
    best: dict[str, dict] = {}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(rounds):
        for name, e in embedders.items():
            timers[name].ms.clear()
            w0, c0 = time.perf_counter(), time.process_time()
            vectors[name] = e.embed(passages)
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            rate = len(passages) / wall
            if rate > best.get(name, {}).get("passages_per_s", 0):
                ms = np.asarray(timers[name].ms)
                best[name] = {
                    "passages_per_s": round(rate, 2),
                    "cpu_ms_per_passage": round(cpu * 1000 / len(passages), 1),
                    "batch_p50_ms": round(float(np.percentile(ms, 50)), 1),
                    "batch_p95_ms": round(float(np.percentile(ms, 95)), 1),
                }
    return {"best": best, "vectors": vectors}


def sweep(graph: Path, passages: list[str], rounds: int) -> list[dict]:
    """Raw sessions on the derived graph: intra-op threads x concurrent batches x batch size (pre-tokenised)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(MINILM_TOKENIZER))
    tok.enable_truncation(max_length=WINDOW)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    enc = tok.encode_batch(passages)
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    sessions = {}
    for intra in (1, 2):
        opts = ort.SessionOptions()
        opts.intra_op_num_threads, opts.inter_op_num_threads, opts.log_severity_level = intra, 1, 3
        sessions[intra] = ort.InferenceSession(str(graph), sess_options=opts, providers=["CPUExecutionProvider"])
    configs = [(1, 1, 4), (1, 2, 4), (2, 1, 4), (1, 2, 8), (2, 1, 8), (1, 2, 16), (2, 1, 16)]
    best: dict[tuple, float] = {}
    for _ in range(rounds):
        for intra, workers, bs in configs:
            session = sessions[intra]
            starts = list(range(0, len(ids), bs))

            def run(a: int) -> None:
                feeds = {"input_ids": ids[a : a + bs], "attention_mask": mask[a : a + bs]}
                session.run(None, {**feeds, "token_type_ids": np.zeros_like(feeds["input_ids"])})

            t0 = time.perf_counter()
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(run, starts))
            rate = len(ids) / (time.perf_counter() - t0)
            best[(intra, workers, bs)] = max(best.get((intra, workers, bs), 0.0), rate)
    return [{"intra_op_threads": k[0], "concurrent_batches": k[1], "batch_size": k[2], "passages_per_s": round(v, 2)} for k, v in best.items()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--passages", type=int, default=240)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=4)
    ap.add_argument("--threads", type=int, default=0, help="concurrent batches (0 = all cores)")
    ap.add_argument("--sweep", action="store_true", help="also time thread / batch configurations on raw sessions")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    info = machine()
    passages = load_passages(args.corpus, args.passages)
    common = {"batch_size": args.batch_size, "threads": args.threads}
    embedders = {"shipped int8": MiniLMOnnxEmbedder(derived=False, **common), "derived fp32": MiniLMOnnxEmbedder(**common)}
    result = measure(embedders, passages, args.rounds)
    a, b = result["vectors"]["shipped int8"], result["vectors"]["derived fp32"]
    cos = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    best = result["best"]
    report = {
        **info,
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "passages": len(passages),
        "tokens_per_passage": WINDOW,
        "batch_size": args.batch_size,
        "concurrent_batches": embedders["derived fp32"].workers,
        "rounds": args.rounds,
        "graph_sha256": embedders["derived fp32"].graph_sha256,
        "results": best,
        "ratio_derived_over_shipped": round(best["derived fp32"]["passages_per_s"] / best["shipped int8"]["passages_per_s"], 2),
        "cpu_ratio_shipped_over_derived": round(best["shipped int8"]["cpu_ms_per_passage"] / best["derived fp32"]["cpu_ms_per_passage"], 2),
        "cosine_min": round(float(cos.min()), 8),
        "cosine_mean": round(float(cos.mean()), 8),
    }
    if args.sweep:
        report["sweep"] = sweep(embedders["derived fp32"].graph_path, passages, args.rounds)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{info['date']}  commit {info['commit']}  {info['cpu']}  nproc {info['nproc']}  load {info['loadavg']} -> {report['loadavg_after']}")
    print(f"{len(passages)} passages x {WINDOW} tokens, batch {args.batch_size}, {report['concurrent_batches']} concurrent batches, best of {args.rounds} rounds")
    print(f"{'graph':14s} {'passages/s':>10s} {'CPU ms/passage':>15s} {'batch p50 ms':>13s} {'batch p95 ms':>13s}")
    for name, r in best.items():
        print(f"{name:14s} {r['passages_per_s']:>10.2f} {r['cpu_ms_per_passage']:>15.1f} {r['batch_p50_ms']:>13.1f} {r['batch_p95_ms']:>13.1f}")
    print(f"derived/shipped throughput ratio {report['ratio_derived_over_shipped']}  CPU-time ratio {report['cpu_ratio_shipped_over_derived']}")
    print(f"cosine(shipped, derived): min {report['cosine_min']:.7f}  mean {report['cosine_mean']:.7f}  (1 - min = {1 - report['cosine_min']:.1e})")
    for row in report.get("sweep", []):
        print(f"sweep: intra-op {row['intra_op_threads']}  concurrent {row['concurrent_batches']}  batch {row['batch_size']:>2d}: {row['passages_per_s']:.2f} passages/s")


if __name__ == "__main__":
    main()
