"""Retrieval ablations on RealTime QA: each ranking setting's effect on one set of search candidates.

    python benchmarks/rtqa_ablation.py --data-dir /tmp/scale-full --collection techsec [--pool 100] [--json OUT]

The index must already hold the corpus (``brief eval realtimeqa`` or ``benchmarks/ingest.py`` built it; this
script never ingests). For every dev question (``until`` = its quiz date) the dense and BM25 candidates are
fetched once (``HybridRetriever.candidates``, ``--pool`` of each); every row of the table then ranks those
candidates with its own ``retrieval`` settings through ``HybridRetriever.rank`` — the code ``brief search``
runs — so a row differs from the next only in ranking. Reported per row and per question half (``fit`` /
``held_out`` as in ``evals.rtqa_answers.half``: settings are chosen on ``fit``, ``held_out`` is the figure):
gold hit@1, MRR@10, hit@10 (questions with a gold article in the index), answer and wrong-choice recall@10
(all questions), and search p50 and p95 over questions of candidate time + this row's ranking time; and the
same two recalls over the evidence ``ask`` receives (``evidence_recall``, ``evidence_wrong_recall``: the passages of
``search(k=generation.evidence_k, max_per_doc=3)`` as ``rag.pipeline`` asks for them, their text without windows;
a row may set ``"evidence_k"``, ``"evidence_per_doc"`` and ``"evidence_context": true`` to measure other evidence). A row with
``"ranker": "fitted"`` ranks with the fitted model (``rag/ranker.py``); the other rows name ``"ranker": "hand"``.

``--rows FILE`` reads rows from a JSON list of ``{"name": ..., "settings": {retrieval field: value}}`` (and, for a
fitted-ranker row, optionally ``"model": PATH``, a model file other than the shipped one); the
default rows are ``DEFAULT_ROWS``, each a change against the first (today's defaults) or the previous row.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import pickle
import time
from pathlib import Path

import numpy as np

from benchlib import DEFAULT_DATA, machine
from evals import metrics
from evals.realtimeqa import GoldLookup, contains, load_questions, question_date, retrieval_scores
from evals.rtqa_answers import half
from evals.rtqa_systems import TOP_K, retrieved_from_hits
from rag.config import RetrievalSettings, Settings
from rag.index import open_index
from rag.ranker import load_model
from rag.retrieve import Candidates, HybridRetriever
from rag.types import SearchFilters

#: the ranking before the full-corpus work (h/scale-s16): no recency, equal weights, passage-level, no context window
BEFORE = {"dense_weight": 1.0, "bm25_weight": 1.0, "recency_half_life_days": 0.0, "article_weight": 0.0, "context_chunks": 0,
          "name_copies": 0, "candidates": 50, "rrf_k": 60, "max_per_doc": 2, "digest_factor": 1.0, "title_weight": 0.0,
          "strip_scaffolding": False, "ranker": "hand"}
#: the recency chosen on the fit half (best MRR@10 tier with the mildest floor)
RECENCY = {**BEFORE, "recency_half_life_days": 60.0, "recency_floor": 0.2}
#: the previous defaults (main before h/retrieval-s17): the chosen recency and a ±1-passage context window
PREVIOUS = {**RECENCY, "context_chunks": 1}
#: the defaults chosen on the fit half in h/retrieval-s17: digests keep 0.7 of their score, headline (or lede) match 0.5
CHOSEN = {**PREVIOUS, "digest_factor": 0.7, "title_weight": 0.5}
#: the fitted ranker (h/rank-s18: rag/ranker.py, rag/assets/ranker_model.json) on the same candidates and pool
FITTED = {**CHOSEN, "ranker": "fitted"}

DEFAULT_ROWS = [
    {"name": "before: RRF 1:1, passage-level, no recency, no window", "settings": BEFORE},
    {"name": "article-level scoring 0.5 (no recency)", "settings": {**BEFORE, "article_weight": 0.5}},
    {"name": "recency: half-life 7 d, floor 0.5", "settings": {**BEFORE, "recency_half_life_days": 7.0, "recency_floor": 0.5}},
    {"name": "recency: half-life 30 d, floor 0.1", "settings": {**BEFORE, "recency_half_life_days": 30.0, "recency_floor": 0.1}},
    {"name": "recency: half-life 60 d, floor 0.2 (chosen)", "settings": RECENCY},
    {"name": "chosen recency + fusion dense:BM25 1:1.5", "settings": {**RECENCY, "bm25_weight": 1.5}},
    {"name": "chosen recency + article-level scoring 0.1", "settings": {**RECENCY, "article_weight": 0.1}},
    {"name": "chosen recency + names/numbers x2 in BM25 query", "settings": {**RECENCY, "name_copies": 1}},
    {"name": "chosen recency + 100 candidates per retriever", "settings": {**RECENCY, "candidates": 100}},
    {"name": "chosen recency + context window ±1 passage (previous defaults)", "settings": PREVIOUS},
    {"name": "previous + digests keep 0.7", "settings": {**PREVIOUS, "digest_factor": 0.7}},
    {"name": "previous + digests keep 0.5", "settings": {**PREVIOUS, "digest_factor": 0.5}},
    {"name": "previous + headline/lede match 0.25", "settings": {**PREVIOUS, "title_weight": 0.25}},
    {"name": "previous + headline/lede match 0.5", "settings": {**PREVIOUS, "title_weight": 0.5}},
    {"name": "previous + headline/lede match 1.0", "settings": {**PREVIOUS, "title_weight": 1.0}},
    {"name": "previous + question scaffolding dropped", "settings": {**PREVIOUS, "strip_scaffolding": True}},
    {"name": "previous + digests 0.7 + headline 0.5 (new defaults)", "settings": CHOSEN},
    {"name": "new defaults + recency half-life 14 d", "settings": {**CHOSEN, "recency_half_life_days": 14.0}},
    {"name": "new defaults + recency half-life 30 d", "settings": {**CHOSEN, "recency_half_life_days": 30.0}},
    {"name": "new defaults + article-level scoring 0.05", "settings": {**CHOSEN, "article_weight": 0.05}},
    {"name": "new defaults + names/numbers x2 in BM25 query", "settings": {**CHOSEN, "name_copies": 1}},
    {"name": "new defaults + RRF k 30", "settings": {**CHOSEN, "rrf_k": 30}},
    {"name": "new defaults + 100 candidates per retriever", "settings": {**CHOSEN, "candidates": 100}},
    {"name": "new defaults + question scaffolding dropped", "settings": {**CHOSEN, "strip_scaffolding": True}},
    {"name": "fitted ranker (pairwise logistic, fit half)", "settings": FITTED},
    {"name": "fitted ranker + 100 candidates per retriever", "settings": {**FITTED, "candidates": 100}},
]

METRICS = ("hit@1", "mrr@10", "hit@10", "answer_recall@10", "wrong_recall@10", "evidence_recall", "evidence_wrong_recall")

#: what ``ask`` retrieves as evidence (``rag.pipeline.Engine._run``): ``generation.evidence_k`` passages, at most this
#: many per article, the passages' own text (an answer asks for no context windows)
ASK_MAX_PER_DOC = 3


def evidence_scores(hits, q: dict) -> dict[str, float | None]:
    """Answer and wrong-choice recall of one question's evidence passages (``evals.realtimeqa.contains`` over the
    text ``ask`` reads: each passage's window when the hits carry one, else the passage)."""
    text = " ".join(h.context[0] if h.context else h.chunk.text for h in hits)
    choices = q.get("choices") or []
    right = set(q.get("answer") or [])
    wrong = [c for i, c in enumerate(choices) if i not in right]
    return {"evidence_recall": float(any(contains(text, choices[i]) for i in right)) if right else None,
            "evidence_wrong_recall": metrics.mean(float(contains(text, c)) for c in wrong) if wrong else None}


def collect(retriever: HybridRetriever, questions: list[dict], pool: int) -> tuple[dict, dict]:
    """Per question id: its candidates and the seconds fetching them took."""
    cands, seconds = {}, {}
    for n, q in enumerate(questions):
        t0 = time.perf_counter()
        cands[q["id"]] = retriever.candidates(q["question"].strip(), filters=SearchFilters(until=question_date(q)), n=pool)
        seconds[q["id"]] = time.perf_counter() - t0
        if n % 50 == 0:
            print(f"candidates {n + 1}/{len(questions)}", flush=True)
    return cands, seconds


#: candidates fetched in this process, by the key ``cached_candidates`` checks (rows that change the query share them)
_FETCHED: dict[tuple, tuple[dict, dict]] = {}


#: retrieval settings that change the candidates themselves (the query searched, how dense candidates in dates are
#: found): a row changing one fetches its own candidates
CANDIDATE_SETTINGS = ("strip_scaffolding", "date_search", "date_overfetch")
#: retrieval settings that change only the keyword (BM25) query: a row changing one re-runs BM25 on the cached dense side
KEYWORD_SETTINGS = ("name_copies", "feedback_terms", "feedback_docs", "feedback_original_weight")


def cached_candidates(path: Path | None, index, base: RetrievalSettings, questions: list[dict], pool: int) -> tuple[dict, dict]:
    """``collect`` once per (corpus snapshot, pool, question ids, keyword query and candidate settings); later runs
    read the pickle. The collection's HNSW ``ef_search`` is not in the key: give another ``--cache`` after changing it."""
    key = (index.snapshot_id(), pool, tuple(q["id"] for q in questions), base.name_copies,
           *(getattr(base, f) for f in CANDIDATE_SETTINGS))
    if key in _FETCHED:
        return _FETCHED[key]
    if path and path.is_file():
        saved = pickle.loads(path.read_bytes())
        if saved["key"] == key:
            return saved["cands"], saved["seconds"]
    cands, secs = collect(HybridRetriever(index, base.model_copy(update={"candidates": pool})), questions, pool)
    if path:
        path.write_bytes(pickle.dumps({"key": key, "cands": cands, "seconds": secs}))
    _FETCHED[key] = (cands, secs)
    return cands, secs


def with_keyword_query(retriever: HybridRetriever, base: RetrievalSettings, questions: list[dict], cands: dict, cand_s: dict,
                       pool: int) -> tuple[dict, dict]:
    """The candidates with BM25 re-run when the row changes the keyword query (``KEYWORD_SETTINGS``); the time of a
    question's BM25 query replaces the base one's (measured both, on the same pool)."""
    if all(getattr(retriever.settings, f) == getattr(base, f) for f in KEYWORD_SETTINGS):
        return cands, cand_s
    base_r = HybridRetriever(retriever.index, base)
    out, secs = {}, {}
    for q in questions:
        c = cands[q["id"]]
        if c is None:
            out[q["id"]], secs[q["id"]] = None, cand_s[q["id"]]
            continue
        filters, n = SearchFilters(until=question_date(q)), pool
        t0 = time.perf_counter()
        base_r.keyword_results(q["question"].strip(), filters=filters, n=n)
        t1 = time.perf_counter()
        lexical = retriever.keyword_results(q["question"].strip(), filters=filters, n=n)
        t2 = time.perf_counter()
        out[q["id"]] = Candidates(c.dense, c.similarity, [r.chunk_id for r in lexical], c.query, {r.chunk_id: r.score for r in lexical})
        secs[q["id"]] = cand_s[q["id"]] - (t1 - t0) + (t2 - t1)
    return out, secs


def run_row(index, base: RetrievalSettings, row: dict, questions: list[dict], cands: dict, cand_s: dict, golds: GoldLookup,
            pool: int, cache: Path | None = None, evidence_k: int = 12) -> dict:
    """One row: the metrics per half and over all questions, and the search p50 in ms. A row that changes a
    ``CANDIDATE_SETTINGS`` field (the query searched, how dated dense candidates are found) fetches its own
    candidates."""
    settings = base.model_copy(update=row["settings"])
    retriever = HybridRetriever(index, settings, model=load_model(Path(row["model"])) if row.get("model") else None)
    changed = {f: getattr(settings, f) for f in CANDIDATE_SETTINGS if getattr(settings, f) != getattr(base, f)}
    if changed:
        other = base.model_copy(update=changed)
        tag = ".".join(f"{f}-{v}" for f, v in changed.items())
        path = cache.with_name(f"{cache.stem}.{tag}{cache.suffix}") if cache else None
        cands, cand_s = cached_candidates(path, index, other, questions, pool)
        base = other
    cands, cand_s = with_keyword_query(retriever, base, questions, cands, cand_s, pool)
    per: dict[str, list[dict]] = {"fit": [], "held_out": [], "all": []}
    gold_rank: dict[str, int | None] = {}  # question id → rank of its gold article's story (None: not in the top 10)
    ms, ev_ms = [], []
    ev_k, ev_per_doc = row.get("evidence_k", evidence_k), row.get("evidence_per_doc", ASK_MAX_PER_DOC)
    for q in questions:
        until = question_date(q)
        t0 = time.perf_counter()
        hits = retriever.rank(cands[q["id"]], k=TOP_K, filters=SearchFilters(until=until), context=True) if cands[q["id"]] else []
        secs = time.perf_counter() - t0
        ms.append(1000 * (secs + cand_s[q["id"]]))
        retrieved = retrieved_from_hits(hits, secs)
        scores = retrieval_scores(retrieved, golds.gold_docs(q), golds.story, q)
        t0 = time.perf_counter()
        evidence = retriever.rank(cands[q["id"]], k=ev_k, filters=SearchFilters(until=until), max_per_doc=ev_per_doc,
                                  context=bool(row.get("evidence_context"))) if cands[q["id"]] else []
        ev_ms.append(1000 * (time.perf_counter() - t0 + cand_s[q["id"]]))
        scores |= evidence_scores(evidence, q)
        if golds.gold_docs(q):
            stories = list(dict.fromkeys(golds.story(d) for d in retrieved.doc_ids))
            gold = {golds.story(d) for d in golds.gold_docs(q)}
            gold_rank[q["id"]] = next((i + 1 for i, st in enumerate(stories) if st in gold), None)
        per[half(q["id"])].append(scores)
        per["all"].append(scores)
    out = {name: {m: metrics.summarize(rows).get(m) for m in METRICS} | {"questions": len(rows),
                                                                          "with_gold": sum(1 for r in rows if r["hit@1"] is not None)}
           for name, rows in per.items()}
    return {"name": row["name"], "settings": row["settings"], "halves": out, "search_p50_ms": round(float(np.percentile(ms, 50)), 1),
            "search_p95_ms": round(float(np.percentile(ms, 95)), 1), "evidence_search_p50_ms": round(float(np.percentile(ev_ms, 50)), 1),
            "evidence_search_p95_ms": round(float(np.percentile(ev_ms, 95)), 1), "gold_rank": gold_rank}


def markdown(results: list[dict], scope: str) -> str:
    head = "| row | " + " | ".join(METRICS) + " | search p50 | search p95 |"
    lines = [head, "|" + "---|" * (len(METRICS) + 3)]
    for r in results:
        vals = r["halves"][scope]
        lines.append(f"| {r['name']} | " + " | ".join("—" if vals[m] is None else f"{vals[m]:.3f}" for m in METRICS)
                     + f" | {r['search_p50_ms']:.0f} ms | {r.get('search_p95_ms', float('nan')):.0f} ms |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True, type=Path, help="data dir holding the ingested corpus (read only)")
    ap.add_argument("--collection", default=None, help="collection name (default: the settings' collection)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with questions-dev.jsonl")
    ap.add_argument("--questions", type=Path, default=None, help="question file in the dev schema")
    ap.add_argument("--pool", type=int, default=100, help="dense and BM25 candidates fetched per question")
    ap.add_argument("--rows", type=Path, default=None, help="JSON list of rows (default: DEFAULT_ROWS)")
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the candidates (reused when snapshot, pool and questions match)")
    ap.add_argument("--show", default="held_out,fit,all",
                    help="comma-separated scopes to print (e.g. fit: choose settings without seeing the held-out half)")
    args = ap.parse_args()

    settings = Settings(data_dir=args.data_dir)
    index = open_index(settings, collection=args.collection)
    counts = index.catalog.counts()
    if not counts.get("documents"):
        raise SystemExit(f"collection {index.collection!r} in {args.data_dir} holds no documents")
    questions = load_questions(args.data, limit=None, gold_only=False, questions=args.questions)
    golds = GoldLookup.of(index)
    rows = json.loads(args.rows.read_text()) if args.rows else DEFAULT_ROWS
    shown = [s for s in args.show.split(",") if s]
    base = settings.retrieval
    index.lexical()  # load BM25 before timing
    cands, cand_s = cached_candidates(args.cache, index, base, questions, args.pool)
    results = []
    for row in rows:
        results.append(run_row(index, base, row, questions, cands, cand_s, golds, args.pool, args.cache,
                               evidence_k=settings.generation.evidence_k))
        r = results[-1]["halves"]
        print(f"{row['name']}: " + " | ".join(f"{scope} " + " ".join(f"{m}={r[scope][m]:.3f}" for m in METRICS if r[scope][m] is not None)
                                             for scope in shown), flush=True)
    report = {"machine": machine(), "collection": index.collection, "corpus_counts": counts, "questions": len(questions),
              "pool": args.pool, "candidate_p50_ms": round(1000 * float(np.percentile(list(cand_s.values()), 50)), 1),
              "rows": results}
    for scope in shown:
        print(f"\n{scope}:\n" + markdown(results, scope))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
