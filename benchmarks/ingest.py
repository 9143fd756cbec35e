"""Ingestion benchmark over RealTime QA 2022 news articles (evaluation data, read from ../shared, never copied here).

    python benchmarks/ingest.py --limit 300 --data-dir /tmp/techsec-bench   # first 300 articles
    python benchmarks/ingest.py --json                                       # all 4,973 (about an hour on 2 cores)

Measures a cold ingest (documents/s, chunks/s, chunks embedded), peak RSS, the index size on disk and an
incremental re-ingest of the same input (which should embed nothing). ``--limit N`` writes the first N
articles to a temp .jsonl outside the repository. Without ``--data-dir`` the index goes to a temp dir that
is deleted afterwards unless ``--keep`` is given.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from rag.config import Settings
from rag.index import CorpusIndex
from rag.ingest import Ingestor

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "realtimeqa-2022"


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def peak_rss_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20


def slice_corpus(corpus: Path, limit: int, workdir: Path) -> Path:
    """The first ``limit`` articles as a .jsonl in ``workdir`` (outside the repository)."""
    out = workdir / f"realtimeqa-first-{limit}.jsonl"
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return out


def run(args: argparse.Namespace) -> dict:
    corpus = Path(args.data) / "corpus.jsonl"
    if not corpus.is_file():
        raise SystemExit(f"no corpus at {corpus} (pass --data DIR containing corpus.jsonl)")
    scratch = Path(tempfile.mkdtemp(prefix="techsec-bench-input-"))
    data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="techsec-bench-index-"))
    try:
        source = slice_corpus(corpus, args.limit, scratch) if args.limit else corpus
        n_lines = sum(1 for line in source.open(encoding="utf-8") if line.strip())
        settings = Settings(data_dir=data_dir)

        t0 = time.perf_counter()
        index = CorpusIndex(settings)
        ingestor = Ingestor(index)
        open_s = time.perf_counter() - t0
        cpu0 = time.process_time()
        first = ingestor.ingest_paths([source])
        cpu_s = time.process_time() - cpu0
        second = Ingestor(index).ingest_paths([source])
        counts = index.catalog.counts()
        index.close()

        indexed = first.added + first.updated
        return {
            "date": date.today().isoformat(),
            "machine": f"{platform.machine()}, {platform.system()} {platform.release()}",
            "articles_in_input": n_lines,
            "data_dir": str(data_dir),
            "settings": {
                "embedding": settings.embedding.model_dump(),
                "chunking": settings.chunking.model_dump(),
            },
            "open_seconds": round(open_s, 2),
            "ingest": {
                "seconds": round(first.seconds, 2),
                "documents_indexed": indexed,
                "duplicates": first.duplicates,
                "near_duplicates": first.near_duplicates,
                "failed": len(first.failed),
                "chunks_written": first.chunks_added,
                "chunks_embedded": first.chunks_embedded,
                "documents_per_s": round(indexed / first.seconds, 2) if first.seconds else None,
                "chunks_per_s": round(first.chunks_added / first.seconds, 2) if first.seconds else None,
                "ms_per_chunk": round(1000 * first.seconds / first.chunks_added, 1) if first.chunks_added else None,
                "cpu_seconds": round(cpu_s, 1),
                "cpu_ms_per_chunk": round(1000 * cpu_s / first.chunks_added, 1) if first.chunks_added else None,
            },
            "reingest": {
                "seconds": round(second.seconds, 2),
                "unchanged": second.unchanged,
                "chunks_embedded": second.chunks_embedded,
                "chunks_written": second.chunks_added,
            },
            "index": {
                "documents": counts["documents"],
                "stories": counts["stories"],
                "chunks": counts["chunks"],
                "disk_mib_total": round(dir_size(data_dir) / 2**20, 1),
                "disk_mib_chroma": round(dir_size(data_dir / "chroma") / 2**20, 1),
                "disk_mib_catalog": round(dir_size(data_dir / "collections") / 2**20, 1),
                "disk_mib_embedding_cache": round(
                    sum(p.stat().st_size for p in data_dir.glob("embedding-cache.sqlite*")) / 2**20, 1
                ),
            },
            "peak_rss_mib": round(peak_rss_mib(), 1),
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if not args.data_dir and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


def show(result: dict, console: Console) -> None:
    ing, re_, idx = result["ingest"], result["reingest"], result["index"]
    table = Table(title=f"ingest benchmark · {result['articles_in_input']} articles · {result['date']}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = [
        ("documents indexed (dup / near-dup / failed)", f"{ing['documents_indexed']} ({ing['duplicates']} / {ing['near_duplicates']} / {ing['failed']})"),
        ("chunks written / embedded", f"{ing['chunks_written']} / {ing['chunks_embedded']}"),
        ("cold ingest time", f"{ing['seconds']:.1f} s"),
        ("documents / s", f"{ing['documents_per_s']}"),
        ("chunks / s", f"{ing['chunks_per_s']}  ({ing['ms_per_chunk']} ms / chunk)"),
        ("process CPU time (all threads)", f"{ing['cpu_seconds']} s  ({ing['cpu_ms_per_chunk']} ms / chunk)"),
        ("re-ingest time (unchanged input)", f"{re_['seconds']:.2f} s"),
        ("re-ingest: unchanged / chunks embedded", f"{re_['unchanged']} / {re_['chunks_embedded']}"),
        ("index: documents / stories / chunks", f"{idx['documents']} / {idx['stories']} / {idx['chunks']}"),
        ("index size on disk (total)", f"{idx['disk_mib_total']} MiB"),
        ("  chroma / catalog / embedding cache", f"{idx['disk_mib_chroma']} / {idx['disk_mib_catalog']} / {idx['disk_mib_embedding_cache']} MiB"),
        ("peak RSS", f"{result['peak_rss_mib']} MiB"),
        ("opening the index (incl. model load)", f"{result['open_seconds']} s"),
    ]
    for row in rows:
        table.add_row(*row)
    console.print(table)
    console.print(f"data dir: {result['data_dir']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="directory with corpus.jsonl (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N articles")
    parser.add_argument("--data-dir", default=None, help="index data dir (kept); default: a temp dir")
    parser.add_argument("--keep", action="store_true", help="keep the temp data dir")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        show(result, Console())


if __name__ == "__main__":
    main()
