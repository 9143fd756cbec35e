"""Refit the search ranker: ``python -m evals.fit_ranker --data-dir DIR --collection techsec --data ../shared/data/realtimeqa-2022
--cache /tmp/rank-cands.pkl`` (needs scikit-learn: ``pip install -e ".[fit]"``; the index must hold the corpus).

Training data: the RealTime QA dev questions of the **fit** half only (``evals.rtqa_answers.half``), each searched as
of its quiz date. For a question, the candidates are the dense and BM25 pools ``HybridRetriever.candidates``
fetches (read from ``--cache``, the pickle ``benchmarks/rtqa_ablation.py`` writes, when it matches the index), cut to
the search's own pool size, and described by ``rag.ranker.passage_features``. A passage is positive when its
article is the question's gold article (or a near-duplicate copy); with ``answer_weight`` > 0, the questions
without a gold article in the index add pairs whose positives are the passages holding a correct choice's text.
The model is a pairwise logistic regression (no intercept) on feature differences of (positive, negative) pairs of
one question, each question weighing the same. ``C`` and ``answer_weight`` are chosen by 5-fold cross-validation
grouped by question, scored by MRR@10 of the full search ranking (``HybridRetriever.rank``: story dedup, newest
version, passages per article) on the validation questions. The held-out half is never read here.
Writes ``rag/assets/ranker_model.json`` (weights, standardisation, feature names, the CV grid, the hashes of the
training questions' ids and rows and of the candidates pickle, the corpus snapshot); ``rag.ranker`` applies it with numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from evals import metrics
from evals.realtimeqa import GoldLookup, contains, load_questions, question_date, retrieval_scores
from evals.rtqa_answers import half
from evals.rtqa_systems import TOP_K, retrieved_from_hits
from rag.config import RetrievalSettings, Settings
from rag.index import open_index
from rag.ranker import FEATURES, MODEL_PATH, RankerModel, model_from_dict
from rag.retrieve import Candidates, HybridRetriever
from rag.types import SearchFilters

VERSION = 1
C_GRID = (0.001, 0.003, 0.01, 0.03)
ANSWER_WEIGHT_GRID = (0.0, 0.3)
#: which passages make pairs: every passage ("passage"), or only each article's best one ("article": the ranking is
#: judged by the first passage of each article, so the gold article's off-topic passages teach nothing)
LEVEL_GRID = ("passage", "article")
FOLDS = 5
DIGITS = 6  # significant digits kept in the JSON
CV_METRICS = ("hit@1", "mrr@10", "hit@10", "answer_recall@10", "wrong_recall@10")


def _round(a: np.ndarray) -> list[float]:
    return [float(f"{x:.{DIGITS}g}") for x in np.asarray(a, dtype=np.float64).ravel()]


def rows_hash(questions: Sequence[dict]) -> str:
    """sha256 of the questions' rows as fitted on (canonical JSON, sorted keys, in id order): the training data's
    hash besides the ids' (``questions_sha256``), so a changed label, gold URL or wording shows up as another hash."""
    canon = "\n".join(json.dumps(q, sort_keys=True, ensure_ascii=False) for q in sorted(questions, key=lambda q: q["id"]))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def load_candidates(path: Path | None, index, questions: Sequence[dict], retriever: HybridRetriever, pool: int) -> dict[str, Candidates]:
    """Question id → candidates: from ``path`` (``benchmarks/rtqa_ablation.py``'s pickle) when it was fetched from
    this corpus snapshot for these questions, else fetched now (``pool`` per retriever)."""
    if path and path.is_file():
        saved = pickle.loads(path.read_bytes())
        key, cands = saved["key"], saved["cands"]
        if key[0] == index.snapshot_id() and all(q["id"] in cands for q in questions):
            return cands
        print(f"{path}: another corpus snapshot or other questions; fetching")
    return {q["id"]: retriever.candidates(q["question"].strip(), filters=SearchFilters(until=question_date(q)), n=pool) for q in questions}


def question_rows(retriever: HybridRetriever, cands: Candidates, q: dict, golds: GoldLookup, n: int) -> dict[str, Any] | None:
    """One question's features and labels: {x, gold (bool per row), answer (bool per row), has_gold}; None without candidates."""
    if cands is None:
        return None
    rows = retriever.index.catalog.get_chunks(set(cands.dense[:n]) | set(cands.lexical[:n]))
    ids, x = retriever.features(cands, rows, SearchFilters(until=question_date(q)), n=n)
    gold_stories = {golds.story(d) for d in golds.gold_docs(q)}
    choices, right = q.get("choices") or [], q.get("answer") or []
    gold = np.array([golds.story(rows[c]["doc_id"]) in gold_stories for c in ids], dtype=bool)
    answer = np.array([any(contains(rows[c]["text"], choices[i]) for i in right) for c in ids], dtype=bool)
    return {"id": q["id"], "x": x, "gold": gold, "answer": answer, "has_gold": bool(gold_stories)}


def pairs(items: Sequence[dict], answer_weight: float, level: str = "passage") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(feature differences, ±1 labels, sample weights) of every (positive, negative) pair within each question
    (``level`` "article": among each article's best passage only); a question's pairs weigh 1 in total
    (``answer_weight`` for answer-labelled ones), both orders included."""
    xs, ws = [], []
    best = FEATURES.index("doc_best_passage")
    for it in items:
        if it["has_gold"]:
            pos, w = it["gold"], 1.0
        elif answer_weight > 0:
            pos, w = it["answer"], answer_weight
        else:
            continue
        keep = it["x"][:, best] > 0 if level == "article" else np.ones(len(pos), dtype=bool)
        p, n = it["x"][pos & keep], it["x"][~pos & keep]
        if not len(p) or not len(n):
            continue
        d = (p[:, None, :] - n[None, :, :]).reshape(-1, it["x"].shape[1])
        xs.append(d)
        ws.append(np.full(len(d), w / len(d)))
    if not xs:
        raise SystemExit("no training pairs: no fit question has a labelled passage among its candidates")
    d, w = np.vstack(xs), np.concatenate(ws)
    return np.vstack([d, -d]), np.concatenate([np.ones(len(d)), -np.ones(len(d))]), np.concatenate([w, w])


def hold_at_zero(items: Sequence[dict], names: Sequence[str]) -> None:
    """Set the named ``FEATURES`` to 0 in every item's matrix, in place: a model fitted on them gives those
    features weight 0 (a zero column has no gradient under L2), so it ranks as if they did not exist — the
    feature ablation of ``--without``. ValueError for a name that is not a feature."""
    if unknown := sorted(set(names) - set(FEATURES)):
        raise ValueError(f"not features: {', '.join(unknown)}")
    cols = [FEATURES.index(f) for f in names]
    for it in items:
        it["x"][:, cols] = 0.0


def fit_model(items: Sequence[dict], c: float, answer_weight: float, meta: dict | None = None, level: str = "passage") -> RankerModel:
    """A RankerModel fitted on ``items`` (standardized features, pairwise logistic regression with inverse
    regularisation ``c``), rounded as it is written to JSON."""
    from sklearn.linear_model import LogisticRegression

    allx = np.vstack([it["x"] for it in items])
    mean, std = allx.mean(axis=0), allx.std(axis=0)
    std = np.where(std > 1e-9, std, 1.0)
    d, y, w = pairs(items, answer_weight, level)
    clf = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    # sample weights average 1 so C means the same whatever the number of pairs
    clf.fit(d / std, y, sample_weight=w * len(w) / w.sum())
    data = {"schema": "techsec-brief/ranker", **(meta or {}), "features": list(FEATURES),
            "standardize": {"mean": _round(mean), "std": _round(std)}, "weights": _round(clf.coef_[0])}
    return model_from_dict(data)


def question_scores(index, base: RetrievalSettings, model: RankerModel | None, questions: Sequence[dict], cands: dict,
                    golds: GoldLookup) -> list[dict]:
    """Per question, the gold and answer metrics (``evals.realtimeqa.retrieval_scores``) of the full search ranking
    (top ``TOP_K``, as of its quiz date, with the context window): with ``model`` (fitted ranker) or, when None,
    the hand ranking."""
    r = HybridRetriever(index, base.model_copy(update={"ranker": "fitted" if model else "hand"}), model=model)
    rows = []
    for q in questions:
        c = cands.get(q["id"])
        hits = r.rank(c, k=TOP_K, filters=SearchFilters(until=question_date(q)), context=True) if c else []
        rows.append(retrieval_scores(retrieved_from_hits(hits, 0.0), golds.gold_docs(q), golds.story, q))
    return rows


def summary(rows: Sequence[dict]) -> dict[str, float | None]:
    """Means of ``CV_METRICS`` over per-question scores (gold metrics over the questions that have a gold article)."""
    tot = metrics.summarize(rows)
    return {m: None if tot.get(m) is None else round(tot[m], 4) for m in CV_METRICS}


def grouped_cv(index, base: RetrievalSettings, items: list[dict], questions: list[dict], cands: dict, golds: GoldLookup) -> dict[str, Any]:
    """Every (C, answer_weight) scored over question-grouped folds of the fit half; the best by MRR@10, then answer
    recall@10, then the stronger regularisation."""
    from sklearn.model_selection import GroupKFold

    ids = [it["id"] for it in items]
    folds = list(GroupKFold(n_splits=FOLDS).split(np.zeros(len(ids)), groups=ids))
    by_id = {q["id"]: q for q in questions}
    grid = []
    for level in LEVEL_GRID:
        for c in C_GRID:
            for aw in ANSWER_WEIGHT_GRID:
                per: list[dict] = []
                for tr, va in folds:
                    m = fit_model([items[i] for i in tr], c, aw, level=level)
                    per += question_scores(index, base, m, [by_id[items[i]["id"]] for i in va], cands, golds)
                mean = summary(per)
                grid.append({"level": level, "C": c, "answer_weight": aw, **mean})
                print(f"CV level={level} C={c} answer_weight={aw}: " + " ".join(f"{k}={mean[k]:.3f}" for k in CV_METRICS), flush=True)
    best = max(grid, key=lambda g: (g["mrr@10"], g["answer_recall@10"], -g["C"]))
    return {"folds": FOLDS, "grouped_by": "question", "scored_by": "mrr@10 of HybridRetriever.rank on the fold's questions",
            "grid": grid, "best": best}


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True, type=Path, help="data dir holding the ingested corpus (read only)")
    ap.add_argument("--collection", default=None)
    ap.add_argument("--data", required=True, type=Path, help="folder with questions-dev.jsonl")
    ap.add_argument("--cache", type=Path, default=None, help="candidates pickle of benchmarks/rtqa_ablation.py")
    ap.add_argument("--pool", type=int, default=100, help="candidates fetched per retriever when there is no cache")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--without", default="", help="comma-separated FEATURES held at 0 in training (an ablation: their "
                                                  "weights come out 0, so the model ranks as if they did not exist)")
    args = ap.parse_args(argv)
    without = [f for f in args.without.split(",") if f]
    if unknown := sorted(set(without) - set(FEATURES)):  # before the slow part
        raise SystemExit(f"--without: not features: {', '.join(unknown)}")

    import sklearn

    settings = Settings(data_dir=args.data_dir)
    index = open_index(settings, collection=args.collection)
    golds = GoldLookup.of(index)
    questions = [q for q in load_questions(args.data, limit=None, gold_only=False) if half(q["id"]) == "fit"]
    base = settings.retrieval.model_copy(update={"ranker": "hand"})
    retriever = HybridRetriever(index, base)
    index.lexical()
    cands = load_candidates(args.cache, index, questions, retriever, args.pool)
    n = max(base.candidates, TOP_K * 4)  # the pool a top-10 search ranks (HybridRetriever.rank)
    items = [it for q in questions if (it := question_rows(retriever, cands.get(q["id"]), q, golds, n)) is not None]
    hold_at_zero(items, without)
    print(f"fit half: {len(questions)} questions, {sum(it['has_gold'] for it in items)} with a gold article, "
          f"{sum(len(it['x']) for it in items)} candidate passages", flush=True)
    hand = summary(question_scores(index, base, None, questions, cands, golds))
    print("hand ranking on the fit half: " + " ".join(f"{k}={v:.3f}" for k, v in hand.items()), flush=True)
    cv = grouped_cv(index, base, items, questions, cands, golds)
    c, aw, level = cv["best"]["C"], cv["best"]["answer_weight"], cv["best"]["level"]
    ids_hash = hashlib.sha256("\n".join(sorted(it["id"] for it in items)).encode()).hexdigest()
    meta = {
        "version": VERSION,
        "training": {
            "questions": "RealTime QA dev, fit half (evals.rtqa_answers.half)", "questions_sha256": ids_hash,
            "question_rows_sha256": rows_hash(questions),
            "candidates_sha256": hashlib.sha256(args.cache.read_bytes()).hexdigest() if args.cache and args.cache.is_file() else None,
            "n_questions": len(items), "n_with_gold": sum(it["has_gold"] for it in items),
            "n_passages": int(sum(len(it["x"]) for it in items)), "pool": n, "corpus_snapshot": index.snapshot_id(),
            "model": "pairwise logistic regression (lbfgs, no intercept), each question's pairs weigh 1",
            "C": c, "answer_weight": aw, "pairs": level, "sklearn": sklearn.__version__, "without": without,
        },
        "metrics": {"hand_fit_half": hand, "cv": cv},
    }
    model = fit_model(items, c, aw, meta, level=level)
    model.meta["metrics"]["fit_half_in_sample"] = summary(question_scores(index, base, model, questions, cands, golds))
    args.out.write_text(json.dumps(model.to_dict(), indent=1) + "\n")
    print(f"wrote {args.out}: pairs={level} C={c} answer_weight={aw}")
    for name, w in sorted(zip(FEATURES, model.weights), key=lambda t: -abs(t[1])):
        print(f"  {name:22s} {w:+.3f}")


if __name__ == "__main__":
    main()
