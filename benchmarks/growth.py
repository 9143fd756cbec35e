"""Growth run: ingest time and hybrid search latency at 1×, 2× and 4× a base slice of RealTime QA.

    python benchmarks/growth.py --base 60 [--factors 1,2,4] [--queries 150] [--png benchmarks/growth.png] [--json OUT]

The base slice is the first ``--base`` articles of ``corpus.jsonl``. Copy k ≥ 1 of an article gets a new id,
URL and title and lightly perturbed text (seeded by article and copy: about 5% of adjacent word pairs swapped,
about 10% of sentences dropped, never the first), so it is a distinct document and story to the deduplicator
(MinHash Jaccard < 0.8) while keeping the corpus's vocabulary, lengths and dates. The index grows in place:
step 2× ingests copy 1, step 4× copies 2 and 3, so each step's ingest time is for the chunks it adds (linear
growth means equal seconds per chunk). After each step BM25 is rebuilt (counted as ingest) and the first
``--queries`` dev questions are searched warm (hybrid, k = 10), without a filter and with ``until`` = the
question's date. Slices live in a temp dir, never in the repository. Needs matplotlib for the PNG
(``pip install -e ".[bench]"``).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import random
import re
import tempfile
import time
from pathlib import Path

from benchlib import DEFAULT_DATA, dir_size, machine, peak_rss_mib, percentiles

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def perturb(text: str, rng: random.Random, *, swap: float = 0.05, drop: float = 0.10) -> str:
    """Text with some sentences dropped (never the first) and some adjacent word pairs swapped; deterministic per ``rng``."""
    out_paragraphs = []
    first = True
    for para in text.split("\n"):
        sentences = [s for s in _SENTENCE_END.split(para) if s]
        kept = []
        for s in sentences:
            if not first and rng.random() < drop:
                continue
            first = False
            words = s.split(" ")
            i = 0
            while i < len(words) - 1:
                if rng.random() < swap:
                    words[i], words[i + 1] = words[i + 1], words[i]
                    i += 2
                else:
                    i += 1
            kept.append(" ".join(words))
        out_paragraphs.append(" ".join(kept))
    return "\n".join(out_paragraphs)


def copy_record(rec: dict, k: int, seed: int) -> dict:
    """Copy ``k`` (≥ 1) of a corpus record: new id, URL and title, perturbed text, same date and authors."""
    rng = random.Random(f"{seed}:{rec.get('id')}:{k}")
    new = dict(rec)
    new["id"] = f"{rec.get('id')}-copy{k}"
    if rec.get("url"):
        new["url"] = rec["url"].rstrip("/") + f"/copy-{k}"
    if rec.get("title"):
        new["title"] = f"{rec['title']} ({k})"
    new["text"] = perturb(rec.get("text") or "", rng)
    return new


def write_copies(base: list[dict], copies: range, seed: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for k in copies:
            for rec in base:
                f.write(json.dumps(rec if k == 0 else copy_record(rec, k, seed), ensure_ascii=False) + "\n")
    return path


def search_latencies(retriever, questions: list[dict], *, dated: bool) -> dict:
    from evals.realtimeqa import question_date
    from rag.types import SearchFilters

    ms, cpu = [], []
    for q in questions:
        filters = SearchFilters(until=question_date(q)) if dated else None
        t0, c0 = time.perf_counter(), time.process_time()
        retriever.search(q["question"], k=10, filters=filters)
        ms.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    # process CPU time moves far less than wall time with other jobs' load on a shared machine
    return {**percentiles(ms), "cpu": percentiles(cpu)}


def run(args: argparse.Namespace, workdir: Path) -> dict:
    from evals.run import load_jsonl
    from rag.config import Settings
    from rag.index import CorpusIndex
    from rag.ingest import Ingestor
    from rag.retrieve import HybridRetriever

    base = []
    with (args.data / "corpus.jsonl").open(encoding="utf-8") as src:
        for line in src:
            if line.strip():
                base.append(json.loads(line))
            if len(base) >= args.base:
                break
    questions = load_jsonl(args.data / "questions-dev.jsonl")[: args.queries]
    data_dir = workdir / "data"
    index = CorpusIndex(Settings(data_dir=data_dir), collection="growth")
    retriever = HybridRetriever(index)
    steps = []
    have = 0
    for factor in args.factors:
        path = write_copies(base, range(have, factor), args.seed, workdir / f"copies-{have}-{factor}.jsonl")
        chunks_before = index.catalog.counts()["chunks"]
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        report = Ingestor(index).ingest_paths([path])
        index.lexical()
        ingest_s = time.perf_counter() - t0
        ingest_cpu = time.process_time() - cpu0
        have = factor
        counts = index.catalog.counts()
        added = counts["chunks"] - chunks_before
        retriever.search("warm-up question about the news", k=10)
        step = {
            "factor": factor, "documents": counts["documents"], "stories": counts["stories"], "chunks": counts["chunks"],
            "chunks_added": added, "near_duplicates": report.near_duplicates, "duplicates": report.duplicates,
            "ingest_s": round(ingest_s, 1), "ingest_cpu_s": round(ingest_cpu, 1),
            "ingest_ms_per_chunk": round(1000 * ingest_s / max(added, 1), 1),
            "ingest_cpu_ms_per_chunk": round(1000 * ingest_cpu / max(added, 1), 1),
            "search": search_latencies(retriever, questions, dated=False),
            "search_until": search_latencies(retriever, questions, dated=True),
            "index_mib": round((dir_size(data_dir / "chroma") + dir_size(index.root)) / 2**20, 1),
            "peak_rss_mib": round(peak_rss_mib(), 1), "loadavg": [round(x, 2) for x in os.getloadavg()],
        }
        steps.append(step)
        print(f"{factor}×: {step['documents']} docs, {step['chunks']} chunks (+{added}, {step['near_duplicates']} near-dup) · "
              f"ingest {step['ingest_s']} s = {step['ingest_ms_per_chunk']} ms/chunk (CPU {step['ingest_cpu_ms_per_chunk']}) · "
              f"search p50/p95 {step['search']['p50_ms']}/{step['search']['p95_ms']} ms (CPU {step['search']['cpu']['p50_ms']}/"
              f"{step['search']['cpu']['p95_ms']}), with until {step['search_until']['p50_ms']}/{step['search_until']['p95_ms']} ms "
              f"(CPU {step['search_until']['cpu']['p50_ms']}/{step['search_until']['cpu']['p95_ms']}) · load {step['loadavg']}", flush=True)
    index.close()
    return {"base_articles": len(base), "queries": len(questions), "seed": args.seed, "steps": steps}


def plot(result: dict, png: Path) -> None:
    """Two panels: ingest time per added chunk, and search p50/p95 (± date filter), against the corpus size."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps = result["steps"]
    chunks = [s["chunks"] for s in steps]
    labels = [f"{s['factor']}×\n{s['chunks']:,} chunks" for s in steps]
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(15, 4.2))
    a.bar(range(len(steps)), [s["ingest_ms_per_chunk"] for s in steps], color="#4c78a8", label="wall")
    a.plot(range(len(steps)), [s["ingest_cpu_ms_per_chunk"] for s in steps], "o-", color="#f58518", label="process CPU")
    a.set_xticks(range(len(steps)), labels)
    a.set_ylabel("ingest ms per added chunk")
    a.set_title("Ingest: time per chunk (flat = linear)")
    a.legend()
    for key, style, name in (("search", "-", "no filter"), ("search_until", "--", "until = question date")):
        b.plot(chunks, [s[key]["p50_ms"] for s in steps], "o" + style, color="#4c78a8", label=f"p50, {name}")
        b.plot(chunks, [s[key]["p95_ms"] for s in steps], "s" + style, color="#e45756", label=f"p95, {name}")
    b.set_xlabel("chunks in the index")
    b.set_ylabel("hybrid search ms (warm, k = 10)")
    b.set_ylim(bottom=0)
    b.set_title("Search wall time vs corpus size")
    b.legend(fontsize=8)
    for key, style, name in (("search", "-", "no filter"), ("search_until", "--", "until = question date")):
        c.plot(chunks, [s[key]["cpu"]["p50_ms"] for s in steps], "o" + style, color="#4c78a8", label=f"p50, {name}")
        c.plot(chunks, [s[key]["cpu"]["p95_ms"] for s in steps], "s" + style, color="#e45756", label=f"p95, {name}")
    c.set_xlabel("chunks in the index")
    c.set_ylabel("hybrid search process CPU ms")
    c.set_ylim(bottom=0)
    c.set_title("Search CPU time vs corpus size")
    c.legend(fontsize=8)
    m = result["machine"]
    fig.suptitle(f"growth run {m['date']} · commit {m['commit']} · {m['nproc']} cores · load {m['loadavg'][0]}–"
                 f"{result['loadavg_after'][0]} · base {result['base_articles']} RealTime QA articles", fontsize=9)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=110)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--base", type=int, default=60, help="articles in the 1× slice")
    ap.add_argument("--factors", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2, 4])
    ap.add_argument("--queries", type=int, default=150, help="first N dev questions as queries")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--png", type=Path, help="plot here (needs matplotlib)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--workdir", type=Path, help="kept (default: a temp dir, deleted)")
    args = ap.parse_args(argv)
    if args.factors != sorted(set(args.factors)) or args.factors[0] < 1:
        ap.error("--factors must be increasing whole numbers ≥ 1")
    info = machine()
    tmp = None if args.workdir else tempfile.TemporaryDirectory(prefix="growth-")
    workdir = args.workdir or Path(tmp.name)
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"{info['date']}  commit {info['commit']}  {info['cpu']}  nproc {info['nproc']}  load {info['loadavg']}", flush=True)
    result = {"machine": info, **run(args, workdir), "loadavg_after": [round(x, 2) for x in os.getloadavg()]}
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.png:
        plot(result, args.png)
        print(f"wrote {args.png}")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
