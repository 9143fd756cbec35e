"""Fit the search ranker on questions made from the corpus itself, not on RealTime QA's dev questions:
``python -m evals.selfsup_ranker --data-dir DIR --collection techsec --data ../shared/data/realtimeqa-2022
--cache /tmp/selfsup.pkl --out MODEL.json`` (needs scikit-learn: ``pip install -e ".[fit]"``).

**The self-supervised set.** ``--queries`` dated, single-story articles (not digests, ``rag.doc_kind``) are drawn
with a fixed seed; each gives one query, its article the gold (its story: near-duplicate copies count):

- a *sentence* query (2 in 3): one sentence of 8–45 words from the article's first three passages (where a news
  quiz's event is told), or a *headline* query (1 in 3): the headline;
- the "answer" masked: one of its names or numbers (``rag.ranking.names_and_numbers``) removed, as a quiz question
  leaves out what it asks for;
- paraphrase simulated by dropping words: each other word is dropped with probability 0.35, a name with 0.15;
- searched "as of" a date 0–6 days after the article's publication (uniform): the quiz asks about the past week.

What the set assumes is only that last line (a news quiz asks about the week before it) and that questions are
told in the words of their report; nothing in it is read from the dev questions. Candidates are
``HybridRetriever.candidates`` (``--pool`` per retriever), features ``rag.ranker.passage_features``, the model
``evals.fit_ranker.fit_model`` (pairwise logistic regression). ``C`` and the pair level are chosen by 5-fold CV
over the self-supervised queries (scored by their MRR@10 of ``HybridRetriever.rank``). The written model is then
scored on the dev questions' **fit** half (``--halves fit``) beside the hand ranking; ``--halves fit,held_out``
also scores the held-out half (run it once).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from evals.fit_ranker import C_GRID, FOLDS, LEVEL_GRID, fit_model, question_scores, summary
from evals.realtimeqa import GoldLookup, load_questions, question_date
from evals.rtqa_answers import half
from evals.rtqa_systems import TOP_K
from rag.config import RetrievalSettings, Settings
from rag.doc_kind import is_digest
from rag.index import open_index
from rag.ranker import FEATURES
from rag.ranking import names_and_numbers
from rag.retrieve import Candidates, HybridRetriever
from rag.text.sentences import sentence_texts
from rag.types import SearchFilters

VERSION = 1
SEED = 13
HEADLINE_SHARE = 1 / 3
DROP_WORD, DROP_NAME = 0.35, 0.15
MAX_AGE_DAYS = 6
SENTENCE_WORDS = (8, 45)
LEAD_PASSAGES = 3


def _mask(text: str, rng: random.Random, drop: float = DROP_WORD) -> str | None:
    """The text with one name or number removed and other words dropped at random (each with probability ``drop``,
    a name with ``DROP_NAME``); None when under 4 words remain."""
    names = names_and_numbers(text)
    if names:
        answer = rng.choice(names)
        text = text.replace(answer, " ", 1)
    keep = set(w.lower() for n in names_and_numbers(text) for w in n.split())
    out = [w for w in text.split() if rng.random() >= (DROP_NAME if w.strip(".,;:!?\"'“”’()").lower() in keep else drop)]
    return " ".join(out) if len(out) >= 4 else None


def build_queries(index, n: int, seed: int = SEED, drop: float = DROP_WORD) -> list[dict[str, Any]]:
    """``n`` self-supervised queries: {id, question, until (ISO day), gold_doc, kind}, drawn with ``seed``; each
    ordinary word dropped with probability ``drop``."""
    docs, _ = index.catalog.list_documents(limit=10**9)
    pool = sorted((d for d in docs if d.get("published") and d.get("title") and not is_digest(d.get("title"), d.get("url"))),
                  key=lambda d: d["doc_id"])
    rng = random.Random(seed)
    rng.shuffle(pool)
    out: list[dict[str, Any]] = []
    for d in pool:
        if len(out) >= n:
            break
        try:
            pub = date.fromisoformat(d["published"][:10])
        except ValueError:
            continue
        if rng.random() < HEADLINE_SHARE:
            kind, source = "headline", d["title"]
        else:
            sents = [s.strip() for c in index.catalog.chunks_for(d["doc_id"])[:LEAD_PASSAGES] for s in sentence_texts(c["text"])]
            sents = [re.sub(r"\s+", " ", s) for s in sents if SENTENCE_WORDS[0] <= len(s.split()) <= SENTENCE_WORDS[1]]
            if not sents:
                continue
            kind, source = "sentence", rng.choice(sents)
        q = _mask(source, rng, drop)
        if not q:
            continue
        until = (pub + timedelta(days=rng.randint(0, MAX_AGE_DAYS))).isoformat()
        out.append({"id": f"ss-{len(out):04d}", "question": q, "until": until, "gold_doc": d["doc_id"], "kind": kind})
    return out


def fetch(retriever: HybridRetriever, queries: Sequence[dict], pool: int, when) -> dict[str, Candidates | None]:
    return {q["id"]: retriever.candidates(q["question"].strip(), filters=SearchFilters(until=when(q)), n=pool) for q in queries}


def items_of(retriever: HybridRetriever, queries: Sequence[dict], cands: dict, golds: GoldLookup, n: int) -> list[dict]:
    """Per query: {id, x, gold, answer (all False), has_gold} as ``evals.fit_ranker.pairs`` reads them."""
    out = []
    for q in queries:
        c = cands.get(q["id"])
        if c is None:
            continue
        rows = retriever.index.catalog.get_chunks(set(c.dense[:n]) | set(c.lexical[:n]))
        ids, x = retriever.features(c, rows, SearchFilters(until=q["until"]), n=n)
        story = golds.story(q["gold_doc"])
        gold = np.array([golds.story(rows[cid]["doc_id"]) == story for cid in ids], dtype=bool)
        out.append({"id": q["id"], "x": x, "gold": gold, "answer": np.zeros(len(ids), dtype=bool), "has_gold": bool(gold.any())})
    return out


def selfsup_scores(index, base: RetrievalSettings, model, queries: Sequence[dict], cands: dict, golds: GoldLookup) -> dict[str, float]:
    """hit@1 / MRR@10 / hit@10 of the full search ranking (top ``TOP_K``) on self-supervised queries (gold = the
    query's article's story); the hand ranking when ``model`` is None."""
    r = HybridRetriever(index, base.model_copy(update={"ranker": "fitted" if model else "hand"}), model=model)
    h1 = mrr = h10 = 0.0
    for q in queries:
        c = cands.get(q["id"])
        hits = r.rank(c, k=TOP_K, filters=SearchFilters(until=q["until"])) if c else []
        ranked = list(dict.fromkeys(golds.story(h.chunk.doc_id) for h in hits))
        story = golds.story(q["gold_doc"])
        pos = ranked.index(story) + 1 if story in ranked else None
        h1 += pos == 1
        h10 += pos is not None and pos <= 10
        mrr += 1.0 / pos if pos and pos <= 10 else 0.0
    n = max(1, len(queries))
    return {"hit@1": round(h1 / n, 4), "mrr@10": round(mrr / n, 4), "hit@10": round(h10 / n, 4), "n": len(queries)}


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True, type=Path, help="data dir holding the ingested corpus (read only)")
    ap.add_argument("--collection", default=None)
    ap.add_argument("--data", required=True, type=Path, help="folder with questions-dev.jsonl (scoring only)")
    ap.add_argument("--queries", type=int, default=600, help="self-supervised queries to make")
    ap.add_argument("--drop", type=float, default=DROP_WORD, help="probability an ordinary word of the source is dropped")
    ap.add_argument("--c", type=float, default=None, help="fit with this C (and --level) instead of choosing both by CV")
    ap.add_argument("--level", choices=LEVEL_GRID, default="article")
    ap.add_argument("--pool", type=int, default=100, help="candidates fetched per retriever")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the queries' and dev questions' candidates")
    ap.add_argument("--halves", default="fit", help="dev halves to score the model on: fit, or fit,held_out (once)")
    ap.add_argument("--out", type=Path, required=True, help="where to write the model JSON")
    args = ap.parse_args(argv)

    import sklearn
    from sklearn.model_selection import KFold

    settings = Settings(data_dir=args.data_dir)
    index = open_index(settings, collection=args.collection)
    golds = GoldLookup.of(index)
    base = settings.retrieval.model_copy(update={"ranker": "hand"})
    retriever = HybridRetriever(index, base)
    index.lexical()
    halves = [h for h in args.halves.split(",") if h]
    dev = [q for q in load_questions(args.data, limit=None, gold_only=False) if half(q["id"]) in halves]
    queries = build_queries(index, args.queries, drop=args.drop)
    key = (index.snapshot_id(), hashlib.sha256(json.dumps(queries, sort_keys=True).encode()).hexdigest(), args.pool)
    saved = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.is_file() else {}
    if saved.get("key") != key:
        saved = {"key": key, "cands": fetch(retriever, queries, args.pool, lambda q: q["until"]), "dev": {}}
    missing = [q for q in dev if q["id"] not in saved["dev"]]
    saved["dev"].update(fetch(retriever, missing, args.pool, question_date))
    if args.cache:
        args.cache.write_bytes(pickle.dumps(saved))
    cands, dev_cands = saved["cands"], saved["dev"]
    n = max(base.candidates, TOP_K * 4)
    items = [it for it in items_of(retriever, queries, cands, golds, n) if it["has_gold"]]
    kinds = {k: sum(q["kind"] == k for q in queries) for k in ("sentence", "headline")}
    print(f"self-supervised: {len(queries)} queries {kinds}, {len(items)} with the gold article among the candidates", flush=True)
    by_id = {q["id"]: q for q in queries}
    hand_ss = selfsup_scores(index, base, None, queries, cands, golds)
    print(f"hand ranking on the self-supervised queries: {hand_ss}", flush=True)

    folds = list(KFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(np.zeros(len(items))))
    grid = []
    for level in (args.level,) if args.c else LEVEL_GRID:
        for c in (args.c,) if args.c else C_GRID:
            tot = {"hit@1": 0.0, "mrr@10": 0.0, "hit@10": 0.0}
            for tr, va in folds:
                m = fit_model([items[i] for i in tr], c, 0.0, level=level)
                s = selfsup_scores(index, base, m, [by_id[items[i]["id"]] for i in va], cands, golds)
                for k in tot:
                    tot[k] += s[k] * len(va) / len(items)
            row = {"level": level, "C": c, **{k: round(v, 4) for k, v in tot.items()}}
            grid.append(row)
            print(f"CV {row}", flush=True)
    best = max(grid, key=lambda g: (g["mrr@10"], g["hit@1"], -g["C"]))
    meta = {
        "version": VERSION,
        "training": {
            "questions": "self-supervised from the corpus (evals.selfsup_ranker): masked, word-dropped sentences and "
                         "headlines of dated articles, as of 0-6 days after publication", "seed": SEED, "drop": args.drop,
            "queries_sha256": key[1], "n_questions": len(items), "pool": n, "corpus_snapshot": index.snapshot_id(),
            "model": "pairwise logistic regression (lbfgs, no intercept), each query's pairs weigh 1",
            "C": best["C"], "answer_weight": 0.0, "pairs": best["level"], "sklearn": sklearn.__version__, "without": [],
        },
        "metrics": {"hand_selfsup": hand_ss, "cv": {"folds": FOLDS, "grouped_by": "query", "grid": grid, "best": best}},
    }
    model = fit_model(items, best["C"], 0.0, meta, level=best["level"])
    for h in halves:
        qs = [q for q in dev if half(q["id"]) == h]
        model.meta["metrics"][f"dev_{h}"] = {"fitted": summary(question_scores(index, base, model, qs, dev_cands, golds)),
                                             "hand": summary(question_scores(index, base, None, qs, dev_cands, golds))}
        print(f"dev {h}: {model.meta['metrics'][f'dev_{h}']}", flush=True)
    args.out.write_text(json.dumps(model.to_dict(), indent=1) + "\n")
    print(f"wrote {args.out}: pairs={best['level']} C={best['C']}")
    for name, w in sorted(zip(FEATURES, model.weights), key=lambda t: -abs(t[1])):
        print(f"  {name:22s} {w:+.3f}")


if __name__ == "__main__":
    main()
