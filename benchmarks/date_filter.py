"""Dense search with a date bound, three ways, on an existing index: latency and agreement with Chroma's filter.

    python benchmarks/date_filter.py --data-dir DIR [--collection NAME] [--queries 200] [--overfetch 2,4,8] [--json OUT]

For each dev question (``until`` = its date; the query vector is computed once, outside the timings):

* ``where``: Chroma's metadata-filtered query (``published_int`` bounds), 50 candidates;
* ``overfetch×m``: the unfiltered Chroma query for 50·m, kept when the BM25 index's date array says the chunk is
  in bounds, falling back to ``where`` when fewer than 50 survive (``rag.retrieve.dense_date_filtered``);
* ``ids``: pre-filter on the BM25 side: the in-bounds chunk ids (from the BM25 date array) passed to Chroma's
  query as ``ids``.

Agreement is the share of ``where``'s 50 candidates each method also returns (1.0 = the same candidates).
Then full hybrid search (k = 10) p50/p95 and RealTime QA quality (gold-article hit@1, MRR@10, hit@10 over the
questions whose gold article is in the index; answer and wrong-choice recall@10) with ``where`` and with the
default over-fetch, and how many questions get a different top-10.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import os
import time
from pathlib import Path

from benchlib import DEFAULT_DATA, machine, percentiles

CANDIDATES = 50


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--collection", default="compare")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--overfetch", type=lambda s: [int(x) for x in s.split(",")], default=[2, 4, 8])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    from evals.realtimeqa import question_date
    from evals.run import load_jsonl
    from rag.config import Settings
    from rag.index import CorpusIndex
    from rag.retrieve import DATE_OVERFETCH, HybridRetriever, dense_date_filtered
    from rag.text.normalize import embed_form
    from rag.types import SearchFilters

    info = machine()
    index = CorpusIndex(Settings(data_dir=args.data_dir), collection=args.collection)
    store, lexical = index.store, index.lexical()
    questions = load_jsonl(args.data / "questions-dev.jsonl")[: args.queries]
    work = [(q, SearchFilters(until=question_date(q))) for q in questions]
    vecs = index.embedder.embed([embed_form(q["question"]) for q, _ in work])
    store.query(vecs[0], k=CANDIDATES)  # load the HNSW segment

    def in_bounds(f: SearchFilters) -> list[str]:
        return [cid for cid, ok in zip(lexical.chunk_ids, lexical.passes(lexical.chunk_ids, f)) if ok]

    methods = {"where": lambda v, f: store.query(v, k=CANDIDATES, filters=f)}
    for m in args.overfetch:
        methods[f"overfetch×{m}"] = lambda v, f, m=m: dense_date_filtered(store, lexical, v, k=CANDIDATES, filters=f, overfetch=m)

    def by_ids(v, f):
        ids = in_bounds(f)
        if not ids:
            return []
        res = store.collection.query(query_embeddings=[v], ids=ids, n_results=min(CANDIDATES, len(ids)), include=["distances"])
        return res["ids"][0]

    methods["ids (BM25-side pre-filter)"] = by_ids
    timings: dict[str, list[float]] = {name: [] for name in methods}
    got: dict[str, list[list[str]]] = {name: [] for name in methods}
    for rnd in range(2):  # two rounds, alternating order, keep the faster of the two per query
        for i, ((q, f), v) in enumerate(zip(work, vecs)):
            for name, fn in (methods.items() if rnd == 0 else reversed(list(methods.items()))):
                t0 = time.perf_counter()
                out = fn(v, f)
                ms = (time.perf_counter() - t0) * 1000
                ids = [d if isinstance(d, str) else d.chunk_id for d in out]
                if rnd == 0:
                    timings[name].append(ms)
                    got[name].append(ids)
                else:
                    timings[name][i] = min(timings[name][i], ms)
    ref = got["where"]
    rows = {}
    for name in methods:
        agree = [len(set(a) & set(b)) / max(len(b), 1) for a, b in zip(got[name], ref)]
        rows[name] = {**percentiles(timings[name]), "agreement": round(sum(agree) / len(agree), 4),
                      "identical_lists": sum(1 for a, b in zip(got[name], ref) if a == b)}
    from evals import metrics
    from evals.realtimeqa import normalize_url, retrieval_scores
    from evals.rtqa_systems import Retrieved

    docs, _ = index.catalog.list_documents(limit=10**9)
    story = {d["doc_id"]: d.get("story_id") or d["doc_id"] for d in docs}
    by_url: dict[str, set[str]] = {}
    for d in docs:
        if d.get("url"):
            by_url.setdefault(normalize_url(d["url"]), set()).add(d["doc_id"])
    hybrid = {}
    tops = {}
    for label, overfetch in (("hybrid, where", 0), (f"hybrid, overfetch×{DATE_OVERFETCH} (default)", DATE_OVERFETCH)):
        r = HybridRetriever(index, date_overfetch=overfetch)
        r.search("warm-up", k=10, filters=work[0][1])
        ms, top, per = [], [], []
        for q, f in work:
            t0 = time.perf_counter()
            hits = r.search(q["question"], k=10, filters=f)
            ms.append((time.perf_counter() - t0) * 1000)
            top.append([h.chunk.chunk_id for h in hits])
            gold = set().union(*[by_url.get(normalize_url(u), set()) for u in q.get("gold_urls") or []]) if q.get("gold_urls") else set()
            got = Retrieved(list(dict.fromkeys(h.chunk.doc_id for h in hits)), [h.chunk for h in hits], 0.0)
            per.append(retrieval_scores(got, gold, lambda d: story.get(d, d), q))
        hybrid[label] = {**percentiles(ms), **{k: round(v, 4) for k, v in metrics.summarize(per).items()
                                               if k in ("hit@1", "mrr@10", "hit@10", "answer_recall@10", "wrong_recall@10")}}
        tops[label] = top
    a, b = tops.values()
    result = {"machine": info, "loadavg_after": [round(x, 2) for x in os.getloadavg()], "chunks": index.catalog.counts()["chunks"],
              "queries": len(work), "dense": rows, "hybrid": hybrid,
              "hybrid_top10_differs": sum(1 for x, y in zip(a, b) if x != y)}
    print(f"{info['date']}  commit {info['commit']}  load {info['loadavg']} -> {result['loadavg_after']}  "
          f"{result['chunks']} chunks, {len(work)} dated queries")
    print("| dense candidates (50), until = question date | p50 ms | p95 ms | agreement with `where` | identical lists |")
    print("|---|---|---|---|---|")
    for name, r in rows.items():
        print(f"| {name} | {r['p50_ms']} | {r['p95_ms']} | {r['agreement']:.3f} | {r['identical_lists']}/{len(work)} |")
    print("\n| hybrid search, k = 10, until | p50 ms | p95 ms | hit@1 | MRR@10 | hit@10 | answer recall@10 | wrong-choice recall@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in hybrid.items():
        print(f"| {name} | {r['p50_ms']} | {r['p95_ms']} | {r.get('hit@1')} | {r.get('mrr@10')} | {r.get('hit@10')} | "
              f"{r.get('answer_recall@10')} | {r.get('wrong_recall@10')} |")
    print(f"\nquestions whose hybrid top-10 differs between the two: {result['hybrid_top10_differs']}/{len(work)}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    index.close()


if __name__ == "__main__":
    main()
