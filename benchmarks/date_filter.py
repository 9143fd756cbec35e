"""Dense search with a date bound, several ways, on an existing index: in-bound passages missed, and latency.

    python benchmarks/date_filter.py --data-dir DIR [--collection NAME] [--queries 380] [--k 50,100]
        [--overfetch 4,8,16] [--ef-search N] [--no-where] [--hybrid exact,overfetch,filter] [--json OUT]

For each dev question (``until`` = its quiz date; the query vector is computed once, outside the timings) the
dense candidates in bounds are found by:

* ``exact``: the cosine of every chunk in bounds (``rag.exact_dense``, rows in date order: one slice, one
  matrix-vector product) — the reference every other method is scored against;
* ``where``: Chroma's metadata-filtered HNSW query (``published_int`` bounds);
* ``overfetch×m``: HNSW's unfiltered top k·m, kept when the BM25 index's date array says the chunk is in bounds,
  falling back to ``where`` when fewer than k survive (``rag.retrieve.dense_date_filtered``).

For each k: the in-bound passages of the exact top k a method misses (summed over questions), the questions with
a miss, and the method's p50/p95 (two rounds in alternating order, the faster kept per query). Then hybrid
search (k = 10) p50/p95 with each ``retrieval.date_search`` setting, dated (the settings take turns per
question, each search embeds its question), and how many questions' top 10 differ from the exact setting's. Quality is left to ``benchmarks/rtqa_ablation.py`` (fit half only, ``--show fit``).

``--ef-search N`` first changes the collection's HNSW search list (``collection.modify``; it stays changed, so use
a copy of the index) and measures in this process after reopening it.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import time
from pathlib import Path

from benchlib import DEFAULT_DATA, machine, percentiles


def set_ef_search(data_dir: Path, collection: str, ef: int) -> dict:
    """Change the collection's HNSW ``ef_search`` and return its configuration as read back."""
    from rag.config import Settings
    from rag.index import CorpusIndex

    index = CorpusIndex(Settings(data_dir=data_dir), collection=collection)
    index.store.collection.modify(configuration={"hnsw": {"ef_search": ef}})
    conf = index.store.hnsw_configuration()
    index.close()
    return conf


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--collection", default="compare")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--queries", type=int, default=380)
    ap.add_argument("--k", type=lambda s: [int(x) for x in s.split(",")], default=[50, 100])
    ap.add_argument("--overfetch", type=lambda s: [int(x) for x in s.split(",")], default=[4, 8, 16])
    ap.add_argument("--ef-search", type=int, default=None, help="change the collection's ef_search first (a copy!)")
    ap.add_argument("--no-where", action="store_true", help="leave out Chroma's filtered query (seconds a query under load)")
    ap.add_argument("--hybrid", type=lambda s: [x for x in s.split(",") if x], default=["exact", "overfetch", "filter"],
                    help="date_search settings timed in whole hybrid searches (exact is always one)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    if args.ef_search:
        print("collection HNSW configuration now:", set_ef_search(args.data_dir, args.collection, args.ef_search))

    from evals.realtimeqa import question_date
    from evals.run import load_jsonl
    from rag.config import Settings
    from rag.exact_dense import exact_dense
    from rag.index import CorpusIndex
    from rag.retrieve import HybridRetriever, dense_date_filtered
    from rag.text.normalize import embed_form
    from rag.types import SearchFilters

    info = machine()
    settings = Settings(data_dir=args.data_dir)
    # the HNSW methods measured here ask Chroma itself (an undated store query is otherwise exact: chroma.search)
    settings = settings.model_copy(update={"chroma": settings.chroma.model_copy(update={"search": "hnsw"})})
    index = CorpusIndex(settings, collection=args.collection)
    store, lexical = index.store, index.lexical()
    t0 = time.perf_counter()
    exact = exact_dense(index)
    exact_load_ms = round((time.perf_counter() - t0) * 1000, 1)
    questions = load_jsonl(args.data / "questions-dev.jsonl")[: args.queries]
    work = [(q, SearchFilters(until=question_date(q))) for q in questions]
    vecs = index.embedder.embed([embed_form(q["question"]) for q, _ in work])
    store.query(vecs[0], k=10)  # load the HNSW segment
    in_bound = [(lambda lo_hi: lo_hi[1] - lo_hi[0])(exact.bounds(f)) / max(len(exact.chunk_ids), 1) for _, f in work]

    dense: dict[int, dict] = {}
    for k in args.k:
        methods = {"exact": lambda v, f, k=k: exact.query(v, k=k, filters=f)}
        if not args.no_where:
            methods["where"] = lambda v, f, k=k: store.query(v, k=k, filters=f)
        for m in args.overfetch:
            methods[f"overfetch×{m}"] = lambda v, f, m=m, k=k: dense_date_filtered(store, lexical, v, k=k, filters=f, overfetch=m)
        timings: dict[str, list[float]] = {name: [] for name in methods}
        got: dict[str, list[list[str]]] = {name: [] for name in methods}
        for rnd in range(2):  # two rounds, alternating order, keep the faster of the two per query
            for i, ((q, f), v) in enumerate(zip(work, vecs)):
                for name, fn in (methods.items() if rnd == 0 else reversed(list(methods.items()))):
                    t = time.perf_counter()
                    out = fn(v, f)
                    ms = (time.perf_counter() - t) * 1000
                    if rnd == 0:
                        timings[name].append(ms)
                        got[name].append([d.chunk_id for d in out])
                    else:
                        timings[name][i] = min(timings[name][i], ms)
        ref = got["exact"]
        rows = {}
        for name in methods:
            missed = [len(set(b) - set(a)) for a, b in zip(got[name], ref)]
            rows[name] = {**percentiles(timings[name]), "missed": sum(missed), "questions_missing": sum(1 for x in missed if x),
                          "max_missed": max(missed), "of": sum(len(b) for b in ref)}
        dense[k] = rows

    modes = list(dict.fromkeys(["exact", *args.hybrid]))
    retrievers = {m: HybridRetriever(index, settings.retrieval.model_copy(update={"date_search": m})) for m in modes}
    for r in retrievers.values():
        r.search("warm-up", k=10, filters=work[0][1])
    ms: dict[str, list[float]] = {m: [] for m in modes}
    tops: dict[str, list[list[str]]] = {m: [] for m in modes}
    for i, (q, f) in enumerate(work):  # the modes take turns going first: caches one fills (headlines) help the next
        for j in range(len(modes)):
            mode = modes[(i + j) % len(modes)]
            index.query_vectors.clear()  # each search embeds its question, as a new query does
            t = time.perf_counter()
            hits = retrievers[mode].search(q["question"], k=10, filters=f)
            ms[mode].append((time.perf_counter() - t) * 1000)
            tops[mode].append([h.chunk.chunk_id for h in hits])
    hybrid = {m: percentiles(ms[m]) for m in modes}
    for mode in hybrid:
        hybrid[mode]["top10_differs_from_exact"] = sum(1 for x, y in zip(tops[mode], tops["exact"]) if x != y)
    result = {"machine": info, "loadavg_after": [round(x, 2) for x in os.getloadavg()], "chunks": index.catalog.counts()["chunks"],
              "hnsw": store.hnsw_configuration(), "queries": len(work), "exact_load_ms": exact_load_ms,
              "in_bound_share": percentiles([100 * x for x in in_bound]), "dense": dense, "hybrid": hybrid}
    print(f"{info['date']}  commit {info['commit']}  load {info['loadavg']} -> {result['loadavg_after']}  "
          f"{result['chunks']} chunks, {len(work)} dated queries, HNSW {result['hnsw']}; exact index ready in {exact_load_ms} ms; "
          f"in-bound share of the chunks p50 {result['in_bound_share']['p50_ms']} %")
    for k, rows in dense.items():
        print(f"\n| dense top {k}, until = question date | in-bound passages missed (of the exact top {k}) | questions with a miss "
              f"| most missed in one question | p50 ms | p95 ms |")
        print("|---|---|---|---|---|---|")
        for name, r in rows.items():
            print(f"| {name} | {r['missed']} of {r['of']} | {r['questions_missing']}/{len(work)} | {r['max_missed']} | {r['p50_ms']} | {r['p95_ms']} |")
    print("\n| hybrid search, k = 10, until = question date | p50 ms | p95 ms | top 10 differs from exact's |")
    print("|---|---|---|---|")
    for name, r in hybrid.items():
        print(f"| date_search = {name} | {r['p50_ms']} | {r['p95_ms']} | {r['top10_differs_from_exact']}/{len(work)} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    index.close()


if __name__ == "__main__":
    main()
