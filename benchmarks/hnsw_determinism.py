"""Is Chroma's HNSW index the same after two ingests of the same data? Determinism and ingest cost per build setting.

    python benchmarks/hnsw_determinism.py --articles SLICE.jsonl --cache-from /tmp/full [--json OUT]

For each HNSW configuration (``CONFIGS``: ``rag.store.HNSW_CONFIG`` updated by the row's keys) the slice is
ingested twice, into two new collections of one scratch data dir (a copy of ``--cache-from``'s embedding cache
is put there first, so the ingests time the catalog, BM25 and Chroma writes, not the embedder, which is the
same for every row). Then every dev question (no date filter) is searched on both: the dense top 10 (the
store's nearest neighbours) and the hybrid top 10 (``HybridRetriever.search``). Reported per row: the share of
questions whose top 10 is identical (same ids, same order) on the two ingests, the mean overlap of the two top
10s, the dense top 10's recall against exact nearest neighbours (brute-force cosine over the collection's own
vectors), and the ingest's chunks/s (the mean of the two ingests).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from benchlib import DEFAULT_DATA, machine
from evals.realtimeqa import load_questions
from rag.config import Settings
from rag.embed_cache import CACHE_FILE
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever
from rag.store import HNSW_CONFIG
from rag.text.normalize import embed_form
from rag.types import SearchFilters

#: rows: a name and the HNSW keys changed against rag.store.HNSW_CONFIG (None drops a key: Chroma's default, e.g.
#: ef_search 100 and num_threads = cpu_count)
CONFIGS = [
    {"name": "Chroma defaults (ef_construction 100, ef_search 100, threads = cores)", "hnsw": {"ef_search": None}},
    {"name": "num_threads 1", "hnsw": {"ef_search": None, "num_threads": 1}},
    {"name": "ef_search 400 (shipped)", "hnsw": {}},
    {"name": "ef_construction 400, ef_search 100", "hnsw": {"ef_search": None, "ef_construction": 400}},
]
TOP = 10


def hnsw_of(row: dict) -> dict:
    """The configuration a row creates its collections with (a None value drops the key: Chroma's default)."""
    conf = {**HNSW_CONFIG, **row["hnsw"]}
    return {k: v for k, v in conf.items() if v is not None}


def ingest(settings: Settings, name: str, hnsw: dict, articles: Path) -> tuple[CorpusIndex, dict]:
    index = CorpusIndex(settings, collection=name, hnsw=hnsw)
    t0 = time.perf_counter()
    report = Ingestor(index).ingest_paths([articles])
    secs = time.perf_counter() - t0
    return index, {"seconds": round(secs, 2), "chunks": report.chunks_added, "embedded": report.chunks_embedded,
                   "chunks_per_s": round(report.chunks_added / secs, 1) if secs else None}


def exact_top(index: CorpusIndex, vecs: np.ndarray) -> list[list[str]]:
    """Exact cosine top-TOP chunk ids of each query vector over the collection's stored vectors."""
    got = index.store.collection.get(include=["embeddings"])
    ids = got["ids"]
    mat = np.asarray(got["embeddings"], dtype=np.float32)
    mat /= np.linalg.norm(mat, axis=1, keepdims=True)
    sims = vecs @ mat.T
    return [[ids[j] for j in np.argsort(-row, kind="stable")[:TOP]] for row in sims]


def compare(a: list[list[str]], b: list[list[str]]) -> dict:
    same = sum(1 for x, y in zip(a, b) if x == y)
    overlap = float(np.mean([len(set(x) & set(y)) / TOP for x, y in zip(a, b)]))
    return {"identical": round(same / len(a), 3), "mean_overlap": round(overlap, 3)}


def recall(found: list[list[str]], exact: list[list[str]]) -> float:
    return round(float(np.mean([len(set(f) & set(e)) / TOP for f, e in zip(found, exact)])), 3)


def run_row(settings: Settings, row: dict, n: int, articles: Path, queries: list[str], vecs: np.ndarray) -> dict:
    hnsw = hnsw_of(row)
    runs, dense, hybrid, exact = [], [], [], None
    for copy in ("a", "b"):
        index, rep = ingest(settings, f"det-{n}-{copy}", hnsw, articles)
        runs.append(rep)
        dense.append([[d.chunk_id for d in index.store.query(v, k=TOP)] for v in vecs])
        retriever = HybridRetriever(index)
        hybrid.append([[h.chunk.chunk_id for h in retriever.search(q, k=TOP, filters=SearchFilters())] for q in queries])
        if exact is None:
            exact = exact_top(index, vecs)
        stored = index.store.hnsw_configuration()
        index.close()
    return {
        "name": row["name"], "hnsw": hnsw, "stored_configuration": stored, "ingests": runs,
        "chunks_per_s": round(float(np.mean([r["chunks_per_s"] for r in runs])), 1),
        "dense_top10": compare(*dense), "hybrid_top10": compare(*hybrid),
        "dense_recall_vs_exact": [recall(d, exact) for d in dense],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", required=True, type=Path, help=".jsonl slice (<= 300 articles)")
    ap.add_argument("--cache-from", type=Path, default=None, help="data dir whose embedding cache is copied first")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with questions-dev.jsonl (the queries)")
    ap.add_argument("--rows", default=None, help="comma-separated row numbers of CONFIGS to run (default all)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="hnsw-det-"))
    try:
        if args.cache_from and (args.cache_from / CACHE_FILE).is_file():
            shutil.copy2(args.cache_from / CACHE_FILE, scratch / CACHE_FILE)
        settings = Settings(data_dir=scratch)
        queries = [q["question"].strip() for q in load_questions(args.data, limit=None, gold_only=False)]
        picked = [int(x) for x in args.rows.split(",")] if args.rows else range(len(CONFIGS))
        results = []
        vecs = None
        for n in picked:
            if vecs is None:
                probe = CorpusIndex(settings, collection="det-probe")
                vecs = np.stack([probe.query_vectors.get(embed_form(q)) for q in queries])
                probe.close()
            results.append(run_row(settings, CONFIGS[n], n, args.articles, queries, vecs))
            r = results[-1]
            print(f"{r['name']}: dense identical {r['dense_top10']['identical']:.3f} overlap {r['dense_top10']['mean_overlap']:.3f} | "
                  f"hybrid identical {r['hybrid_top10']['identical']:.3f} overlap {r['hybrid_top10']['mean_overlap']:.3f} | "
                  f"recall vs exact {r['dense_recall_vs_exact']} | {r['chunks_per_s']} chunks/s {r['ingests']}", flush=True)
        report = {"machine": machine(), "articles": str(args.articles), "queries": len(queries), "rows": results}
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
