"""Search latency benchmark: the RealTime QA 2022 dev questions against an index built by benchmarks/ingest.py.

    python benchmarks/ingest.py --limit 300 --data-dir /tmp/techsec-bench
    python benchmarks/search.py --data-dir /tmp/techsec-bench [--json]

Reports the cold path (opening the index incl. the embedding model; the first query with the BM25 index
built from the catalog; the first query of a newly opened index with BM25 loaded from disk; one
``brief search`` in a new process, imports included) and warm
p50/p95/p99 latency of hybrid search over every dev question, without a filter and with ``until`` = the
question's quiz date (only news up to that day can answer it; the first dated query is timed apart, when the exact
dense search reads its vectors, ``rag.exact_dense``), in wall time and in this process's CPU time
(the figure that transfers from a shared, loaded machine); the dated series once more with each hit's context
window (``search(..., context=True)``, what the RealTime QA reader asks for; plain searches skip it). With ``--answers N`` it also times the offline
``ask`` path (``Engine.write(question, template="answer")``, retrieval + extractive writer + support checking)
for the first N questions, dated. The process's RSS after the warm runs and its peak are recorded: the
serving footprint of an index of this size. Retrieval settings come from the environment as in ``brief``
(e.g. ``BRIEF_RETRIEVAL__DATE_SEARCH=overfetch`` times the HNSW over-fetch instead of the exact dated search).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from rag.config import Settings
from rag.index import CorpusIndex
from rag.retrieve import HybridRetriever, make_filters

from benchlib import DEFAULT_DATA, machine, peak_rss_mib, percentiles, rss_bytes


def load_questions(path: Path, limit: int | None) -> list[dict]:
    questions = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return questions[:limit] if limit else questions


def timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def timed_both(fn) -> tuple[float, float, object]:
    """(wall ms, process CPU ms, result): CPU time counts every thread of this process (ONNX, Chroma)."""
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000, out


def series(questions: list[dict], fn, index: CorpusIndex | None = None) -> tuple[dict, dict, int]:
    """Wall and CPU percentiles of ``fn(question)`` over the questions, and how many returned nothing.

    ``index``: its cache of query embeddings is emptied first, so every question is embedded as a new query is.
    """
    if index is not None and hasattr(index, "query_vectors"):
        index.query_vectors.clear()
    wall, cpu, empty = [], [], 0
    for q in questions:
        w, c, out = timed_both(lambda: fn(q))
        wall.append(w)
        cpu.append(c)
        empty += not out
    return percentiles(wall), percentiles(cpu), empty


def run(args: argparse.Namespace) -> dict:
    started = machine()  # the load average when the run starts; loadavg_end is taken at its end
    settings = Settings(data_dir=Path(args.data_dir))
    questions = load_questions(Path(args.data) / "questions-dev.jsonl", args.limit_questions)
    if not questions:
        raise SystemExit("no questions")

    open_ms, index = timed(lambda: CorpusIndex(settings))
    counts = index.catalog.counts()
    if counts["chunks"] == 0:
        raise SystemExit(f"the index in {settings.data_dir} is empty: run benchmarks/ingest.py --data-dir {settings.data_dir} first")
    shutil.rmtree(index.root / "bm25", ignore_errors=True)  # force the BM25 build on the first query
    first_q = questions[0]["question"]
    cold_build_ms, _ = timed(lambda: HybridRetriever(index).search(first_q, k=args.k))

    first_dated = make_filters(until=questions[0]["date"])
    # the first dated search reads the exact search's vectors from the collection and saves them (rag.exact_dense)
    cold_dated_build_ms, _ = timed(lambda: HybridRetriever(index).search(first_q, k=args.k, filters=first_dated))

    reopened = CorpusIndex(settings)  # same process: model loaded, BM25 and the exact search's vectors from disk
    cold_load_ms, _ = timed(lambda: HybridRetriever(reopened).search(first_q, k=args.k))
    cold_dated_load_ms, _ = timed(lambda: HybridRetriever(reopened).search(first_q, k=args.k, filters=first_dated))
    retriever = HybridRetriever(reopened)

    unfiltered, unfiltered_cpu, _ = series(questions, lambda q: retriever.search(q["question"], k=args.k), reopened)
    filtered, filtered_cpu, empty_filtered = series(
        questions, lambda q: retriever.search(q["question"], k=args.k, filters=make_filters(until=q["date"])), reopened)
    windowed, windowed_cpu, _ = series(
        questions, lambda q: retriever.search(q["question"], k=args.k, filters=make_filters(until=q["date"]), context=True), reopened)
    answers = None
    if args.answers:
        from rag.pipeline import Engine

        engine = Engine.from_settings(settings)
        asked = questions[: args.answers]
        engine.write(asked[0]["question"], template="answer", filters=make_filters(until=asked[0]["date"]))  # warm-up
        wall, cpu, _ = series(asked, lambda q: engine.write(q["question"], template="answer", filters=make_filters(until=q["date"])), engine.index)
        answers = {"wall": wall, "cpu": cpu}
        engine.index.close()
    rss_after_warm = (rss_bytes(os.getpid()) or 0) / 2**20
    index.close()
    reopened.close()

    # A new process: imports, model load, BM25 from disk, one query (what `brief search` costs from a shell).
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEF_")} | {"BRIEF_DATA_DIR": str(settings.data_dir)}
    cli_ms, proc = timed(
        lambda: subprocess.run(
            [sys.executable, "-m", "rag.cli", "search", first_q, "--json", "-k", str(args.k)],
            env=env, capture_output=True, text=True, check=False,
        )
    )
    if proc.returncode != 0:
        raise SystemExit(f"brief search failed: {proc.stderr}")
    return {
        **started,
        "data_dir": str(settings.data_dir),
        "index": counts,
        "k": args.k,
        "questions": len(questions),
        "cold": {
            "open_index_incl_model_ms": round(open_ms, 1),
            "first_query_bm25_build_ms": round(cold_build_ms, 1),
            "first_query_bm25_from_disk_ms": round(cold_load_ms, 1),
            "first_dated_query_vectors_read_ms": round(cold_dated_build_ms, 1),
            "first_dated_query_vectors_from_disk_ms": round(cold_dated_load_ms, 1),
            "cli_new_process_one_query_ms": round(cli_ms, 1),
        },
        "warm_unfiltered": unfiltered,
        "warm_unfiltered_cpu": unfiltered_cpu,
        "warm_until_quiz_date": {**filtered, "queries_with_no_hits": empty_filtered},
        "warm_until_quiz_date_cpu": filtered_cpu,
        "warm_until_quiz_date_with_context": windowed,
        "warm_until_quiz_date_with_context_cpu": windowed_cpu,
        "answers_offline": answers,
        "rss_mib_after_warm": round(rss_after_warm, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "loadavg_end": [round(x, 2) for x in os.getloadavg()],
    }


def show(result: dict, console: Console) -> None:
    cold = result["cold"]
    table = Table(
        title=f"search benchmark · {result['questions']} questions · k={result['k']} · "
        f"{result['index']['documents']} docs / {result['index']['chunks']} chunks · {result['date']} · "
        f"commit {result['commit']} · load {result['loadavg'][0]} → {result['loadavg_end'][0]}"
    )
    for col in ("measure", "n", "mean", "p50", "p95", "p99", "max"):
        table.add_column(col, justify="right" if col != "measure" else "left")
    table.add_row("open index (incl. embedding model)", "1", f"{cold['open_index_incl_model_ms']:.0f} ms", "", "", "", "")
    table.add_row("cold first query (BM25 built)", "1", f"{cold['first_query_bm25_build_ms']:.0f} ms", "", "", "", "")
    table.add_row("cold first query (BM25 from disk)", "1", f"{cold['first_query_bm25_from_disk_ms']:.0f} ms", "", "", "", "")
    if "first_dated_query_vectors_read_ms" in cold:
        table.add_row("first dated query (exact search's vectors read from Chroma)", "1", f"{cold['first_dated_query_vectors_read_ms']:.0f} ms", "", "", "", "")
        table.add_row("first dated query (vectors from disk)", "1", f"{cold['first_dated_query_vectors_from_disk_ms']:.0f} ms", "", "", "", "")
    table.add_row("`brief search` in a new process", "1", f"{cold['cli_new_process_one_query_ms']:.0f} ms", "", "", "", "")
    rows = [("warm, no filter", result["warm_unfiltered"]), ("  CPU", result["warm_unfiltered_cpu"]),
            ("warm, until = quiz date", result["warm_until_quiz_date"]), ("  CPU", result["warm_until_quiz_date_cpu"]),
            ("warm, until = quiz date, with context windows", result["warm_until_quiz_date_with_context"]),
            ("  CPU", result["warm_until_quiz_date_with_context_cpu"])]
    if result.get("answers_offline"):
        rows += [("offline answer (ask path), dated", result["answers_offline"]["wall"]), ("  CPU", result["answers_offline"]["cpu"])]
    for label, p in rows:
        table.add_row(label, str(p["n"]), *(f"{p[m]:.1f} ms" for m in ("mean_ms", "p50_ms", "p95_ms", "p99_ms", "max_ms")))
    console.print(table)
    console.print(f"RSS after the warm runs {result['rss_mib_after_warm']:.0f} MiB · peak {result['peak_rss_mib']:.0f} MiB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", required=True, help="index data dir built by benchmarks/ingest.py")
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="directory with questions-dev.jsonl (default: %(default)s)")
    parser.add_argument("--limit-questions", type=int, default=None, help="use only the first N questions")
    parser.add_argument("-k", type=int, default=8, help="passages per query (default: %(default)s)")
    parser.add_argument("--answers", type=int, default=0, metavar="N", help="also time the offline ask path on the first N questions")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        show(result, Console())


if __name__ == "__main__":
    main()
