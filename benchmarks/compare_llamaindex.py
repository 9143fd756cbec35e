"""Ours vs plain llama-index defaults on the same RealTime QA slice and questions, in one run: a ratio table.

    python benchmarks/compare_llamaindex.py --others 150 [--questions FILE] [--limit-questions N] [--json OUT]

The slice is the gold articles of the questions plus the first ``--others`` other articles of ``corpus.jsonl``
(written to a temp dir, never into the repository). Each system runs in its own child process with a fresh
data dir, so peak RSS and ingest time are its own: ours (``Ingestor`` + hybrid retrieval, BM25 built once
after the ingest and counted in it) and llama-index (``VectorStoreIndex`` over its own Chroma collection,
default ``SentenceSplitter`` 1,024 tokens / 200 overlap, the same offline MiniLM embedder,
``as_retriever(similarity_top_k=10)``), both from ``evals/rtqa_systems.py`` — the code `brief eval realtimeqa`
measures. Every question is asked with its date as the ``until`` bound, top 10 passages; quality is scored in
the parent with ``evals.realtimeqa.retrieval_scores`` (gold stories from our catalog, near-duplicates count).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import DEFAULT_DATA, dir_size, machine, peak_rss_mib, percentiles

SYSTEMS = ("ours", "llamaindex")
QUALITY = ("hit@1", "mrr@10", "hit@10", "answer_recall@10", "wrong_recall@10")


def write_slice(data: Path, questions: list[dict], others: int, workdir: Path) -> tuple[Path, dict]:
    """Gold articles of ``questions`` + the first ``others`` other articles as a .jsonl in ``workdir``."""
    from evals.realtimeqa import normalize_url

    gold = {normalize_url(u) for q in questions for u in q.get("gold_urls") or []}
    keep, rest = [], []
    with (data / "corpus.jsonl").open(encoding="utf-8") as src:
        for line in src:
            if not line.strip():
                continue
            if normalize_url(json.loads(line).get("url")) in gold:
                keep.append(line)
            elif len(rest) < others:
                rest.append(line)
    path = workdir / f"slice-{len(keep)}-gold-{len(rest)}-others.jsonl"
    path.write_text("".join(l if l.endswith("\n") else l + "\n" for l in keep + rest), encoding="utf-8")
    return path, {"gold_articles": len(keep), "other_articles": len(rest), "articles": len(keep) + len(rest)}


def worker(system: str, slice_path: Path, questions_path: Path, data_dir: Path) -> dict:
    """Build one system's index over the slice, ask every question; timings, sizes, RSS and what was retrieved."""
    from evals.realtimeqa import question_date
    from evals.rtqa_systems import HybridSystem, LlamaIndexBaseline
    from evals.run import load_jsonl
    from rag.config import Settings
    from rag.index import CorpusIndex
    from rag.ingest import Ingestor
    from rag.loaders import load_file

    settings = Settings(data_dir=data_dir)
    questions = load_jsonl(questions_path)
    out: dict = {"system": system}
    t0 = time.perf_counter()
    if system == "ours":
        index = CorpusIndex(settings, collection="compare")
        report = Ingestor(index).ingest_paths([slice_path])
        index.lexical()  # BM25 is part of building the index
        out["ingest_s"] = time.perf_counter() - t0
        out["chunks"] = index.catalog.counts()["chunks"]
        out["documents"] = index.catalog.counts()["documents"]
        out["chunks_embedded"] = report.chunks_embedded
        docs, _ = index.catalog.list_documents(limit=10**9)
        out["docs"] = {d["doc_id"]: {"url": d.get("url") or "", "story": d.get("story_id") or d["doc_id"]} for d in docs}
        out["index_bytes"] = dir_size(data_dir / "chroma") + dir_size(index.root)
        out["cache_bytes"] = dir_size(data_dir / "embedding-cache.sqlite")
        sys_ = HybridSystem(index)
    else:
        from rag.embeddings import get_embedder

        embedder = get_embedder(settings.embedding)
        li = LlamaIndexBaseline(settings, embedder, "compare")
        docs = {}
        for d in load_file(slice_path):
            if hasattr(d, "doc_id"):
                docs.setdefault(d.doc_id, d)
        build = li.build(list(docs.values()))
        out["ingest_s"] = time.perf_counter() - t0
        out["chunks"] = build["nodes_total"]
        out["documents"] = build["documents"]
        out["index_bytes"] = dir_size(li.root)
        out["cache_bytes"] = 0
        sys_ = li
    sys_.retrieve("warm-up question about the news", None)  # loads HNSW segments / BM25 before timing
    results = []
    for q in questions:
        r = sys_.retrieve(q["question"], question_date(q))
        results.append({"id": q["id"], "doc_ids": r.doc_ids, "texts": [p.text for p in r.passages], "ms": r.seconds * 1000})
    out["search"] = percentiles([r["ms"] for r in results])
    out["results"] = results
    out["peak_rss_mib"] = round(peak_rss_mib(), 1)
    return out


def score(ours: dict, other: dict, questions: list[dict]) -> dict:
    """Mean quality metrics per system (gold metrics over questions whose gold article is in the slice)."""
    from evals import metrics
    from evals.realtimeqa import normalize_url, retrieval_scores
    from evals.rtqa_systems import Retrieved

    by_url: dict[str, set[str]] = {}
    for doc_id, d in ours["docs"].items():
        if d["url"]:
            by_url.setdefault(normalize_url(d["url"]), set()).add(doc_id)

    def story(doc_id: str) -> str:
        return ours["docs"].get(doc_id, {}).get("story", doc_id)

    class _P:
        def __init__(self, text: str) -> None:
            self.text = text

    totals = {}
    for run in (ours, other):
        per = []
        for q, r in zip(questions, run["results"]):
            gold = set().union(*[by_url.get(normalize_url(u), set()) for u in q.get("gold_urls") or []]) if q.get("gold_urls") else set()
            per.append(retrieval_scores(Retrieved(r["doc_ids"], [_P(t) for t in r["texts"]], r["ms"] / 1000), gold, story, q))
        totals[run["system"]] = {k: v for k, v in metrics.summarize(per).items() if k in QUALITY}
        totals[run["system"]]["questions_with_gold"] = sum(1 for p in per if p.get("hit@10") is not None)
    return totals


def run_worker_process(system: str, slice_path: Path, questions_path: Path, workdir: Path) -> dict:
    out = workdir / f"{system}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", system, "--slice", str(slice_path),
           "--questions", str(questions_path), "--data-dir", str(workdir / f"data-{system}"), "--json", str(out)]
    subprocess.run(cmd, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b in (None, 0) else f"{a / b:.2f}×"


def table(result: dict) -> str:
    o, l = result["ours"], result["llamaindex"]
    rows = [(m.replace("wrong_recall", "wrong-choice recall"), o["quality"][m], l["quality"][m], 3) for m in QUALITY]
    rows += [
        ("ingest chunks/s", o["chunks"] / o["ingest_s"], l["chunks"] / l["ingest_s"], 2),
        ("ingest seconds", o["ingest_s"], l["ingest_s"], 0),
        ("chunks (nodes)", o["chunks"], l["chunks"], 0),
        ("search p50 ms", o["search"]["p50_ms"], l["search"]["p50_ms"], 1),
        ("search p95 ms", o["search"]["p95_ms"], l["search"]["p95_ms"], 1),
        ("peak RSS MiB", o["peak_rss_mib"], l["peak_rss_mib"], 0),
        ("index on disk MiB", o["index_bytes"] / 2**20, l["index_bytes"] / 2**20, 1),
    ]
    lines = ["| measure | ours (hybrid) | llama-index defaults | ours / llama-index |", "|---|---|---|---|"]
    for name, a, b, digits in rows:
        fmt = f"{{:,.{digits}f}}"
        lines.append(f"| {name} | {fmt.format(a)} | {fmt.format(b)} | {ratio(a, b)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="holds corpus.jsonl and questions-dev.jsonl")
    ap.add_argument("--questions", type=Path, help="question file in the dev schema (default DATA/questions-dev.jsonl)")
    ap.add_argument("--others", type=int, default=150, help="articles besides the gold ones")
    ap.add_argument("--limit-questions", type=int)
    ap.add_argument("--workdir", type=Path, help="kept (default: a temp dir, deleted)")
    ap.add_argument("--json", type=Path, help="write the result here")
    ap.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    ap.add_argument("--slice", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        args.json.write_text(json.dumps(worker(args.worker, args.slice, args.questions, args.data_dir)), encoding="utf-8")
        return

    from evals.realtimeqa import load_questions

    questions = load_questions(args.data, limit=args.limit_questions, gold_only=False, questions=args.questions)
    tmp = None if args.workdir else tempfile.TemporaryDirectory(prefix="compare-llamaindex-")
    workdir = args.workdir or Path(tmp.name)
    workdir.mkdir(parents=True, exist_ok=True)
    qpath = workdir / "questions.jsonl"
    qpath.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    slice_path, slice_info = write_slice(args.data, questions, args.others, workdir)
    info = machine()
    started = time.perf_counter()
    runs = {s: run_worker_process(s, slice_path, qpath, workdir) for s in SYSTEMS}
    quality = score(runs["ours"], runs["llamaindex"], questions)
    result = {"machine": info, "loadavg_after": [round(x, 2) for x in os.getloadavg()], "slice": slice_info,
              "questions": len(questions), "seconds": round(time.perf_counter() - started, 1)}
    for s in SYSTEMS:
        r = {k: v for k, v in runs[s].items() if k not in ("results", "docs")}
        r["quality"] = quality[s]
        result[s] = r
    print(f"{info['date']}  commit {info['commit']}  {info['cpu']}  nproc {info['nproc']}  "
          f"load {info['loadavg']} -> {result['loadavg_after']}")
    print(f"slice: {slice_info['gold_articles']} gold + {slice_info['other_articles']} other articles → "
          f"{runs['ours']['documents']} documents indexed; {len(questions)} questions, "
          f"{quality['ours']['questions_with_gold']} with a gold article in the slice; {result['seconds']:.0f} s in all")
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
