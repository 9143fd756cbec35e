"""Does any feature of the fitted ranker add to the hand ranking on questions not looked at? A ranker stacked on
the hand ranking's score, cross-validated on RealTime QA's fit half.

    python benchmarks/rtqa_stacked_cv.py --data-dir DIR --collection techsec --cache C.pkl [--json OUT]

``evals.fit_ranker`` fits ``rag.ranker.FEATURES`` from nothing: its L2 penalty shrinks every weight towards a
model that ranks nothing, so the stronger the regularisation, the further it lies from the hand ranking (its CV
falls as ``C`` falls). Here each candidate passage also carries ``hand_log`` = ln(its hand score / the query's
best), the score ``HybridRetriever.prioritize`` gives it (recency, headline match, digests, live blogs, the weekday
and asked-period rules: what ``brief search`` ranks by), and that column's weight is **not** penalised: as ``C``
falls the model becomes the hand ranking, and a larger ``C`` lets the other features move it. Cross-validating
``C`` (question folds of ``benchmarks/rtqa_cv.folds_of``, every seed of ``--seeds``) says whether they move it the
right way on a fold the model was not fitted on. ``--plain`` also fits with every weight penalised (the fitted
ranker's own kind of fit, with ``hand_log`` as one more feature).

Pairs (``top_pairs``): per question, the gold article's best passage by hand score against the best passage of
each of the ``--negatives`` other articles the hand ranking puts first (hit@1 is decided among those, not among the
hundred passages every article beats); ``--pairs passage`` uses every (gold, other) passage pair instead. A
question's pairs weigh 1 in all. The ranked list is ``HybridRetriever.rank`` (top ``TOP_K``, story dedup, newest
version, passages per article) with the model's score exp(w · z) in place of the fused score.

Only fit-half questions are read (``evals.rtqa_answers.half``); the held-out half is never ranked here.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import json
import math
import sys
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rtqa_cv import folds_of, index_arguments, open_with_candidates  # noqa: E402

from benchlib import machine  # noqa: E402
from evals import metrics  # noqa: E402
from evals.realtimeqa import GoldLookup, load_questions, question_date, retrieval_scores  # noqa: E402
from evals.rtqa_answers import half  # noqa: E402
from evals.rtqa_systems import TOP_K, retrieved_from_hits  # noqa: E402
from rag.ranker import FEATURES  # noqa: E402
from rag.retrieve import Candidates, HybridRetriever  # noqa: E402
from rag.types import SearchFilters  # noqa: E402

COLUMNS = ("hand_log", *FEATURES)
C_GRID = (0.001, 0.01, 0.1, 1.0)
NEGATIVES = 10
SEEDS = (0, 1, 2)
METRICS = ("hit@1", "mrr@10", "hit@10")
#: hand_log of a candidate the hand ranking scored 0 (or did not score): far below any scored one
FLOOR = math.log(1e-12)


def hand_log(hand: Mapping[str, float], ids: Sequence[str]) -> np.ndarray:
    """ln(hand score / the best hand score among ``ids``) per id (0 for the best; ``FLOOR`` for an unscored one)."""
    best = max((hand.get(c, 0.0) for c in ids), default=0.0)
    if best <= 0:
        return np.full(len(ids), FLOOR)
    return np.array([math.log(hand[c] / best) if hand.get(c, 0.0) > 0 else FLOOR for c in ids])


def top_pairs(h: np.ndarray, gold: np.ndarray, docs: Sequence[str], m: int) -> tuple[list[int], list[int]]:
    """(positive rows, negative rows): the gold article's best row by ``h`` (hand_log), and the best row of each of
    the first ``m`` other articles in ``h`` order; ([], []) without a gold row."""
    seen: set[str] = set()
    pos: list[int] = []
    neg: list[int] = []
    for i in np.argsort(-h, kind="stable"):
        if docs[i] in seen:
            continue
        seen.add(docs[i])
        if gold[i]:
            pos = pos or [int(i)]
        elif len(neg) < m:
            neg.append(int(i))
    return (pos, neg) if pos else ([], [])


def pair_matrix(items: Sequence[dict], level: str, m: int) -> tuple[np.ndarray, np.ndarray]:
    """(positive − negative feature differences, each pair's weight): a question's pairs weigh 1 in all."""
    ds, ws = [], []
    for it in items:
        if level == "top":
            p, n = top_pairs(it["x"][:, 0], it["gold"], it["docs"], m)
        else:
            p, n = list(np.flatnonzero(it["gold"])), list(np.flatnonzero(~it["gold"]))
        if not p or not n:
            continue
        d = (it["x"][p][:, None, :] - it["x"][n][None, :, :]).reshape(-1, it["x"].shape[1])
        ds.append(d)
        ws.append(np.full(len(d), 1.0 / len(d)))
    if not ds:
        raise ValueError("no pairs: no question has a gold passage and another article among its candidates")
    return np.vstack(ds), np.concatenate(ws)


def fit_pairs(d: np.ndarray, w: np.ndarray, c: float, *, free: Sequence[int] = (0,)) -> np.ndarray:
    """Weights of a pairwise logistic model (no intercept) on differences ``d`` (positive − negative), pair
    weights ``w`` scaled to average 1, each pair counted in both orders as ``evals.fit_ranker.pairs`` does (so ``c``
    means what its ``C`` means), L2 penalty ``|b|² / 2c`` on every column but ``free`` (unpenalised)."""
    from scipy.optimize import minimize

    sw = 2.0 * w * len(w) / w.sum()  # both orders: (d, +1) and (-d, -1) have the same margin
    pen = np.ones(d.shape[1])
    pen[list(free)] = 0.0

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        margin = d @ b
        grad_margin = -sw * 0.5 * (1.0 - np.tanh(margin / 2.0))  # d/dm of ln(1 + e^-m), weighted
        return float(np.sum(sw * np.logaddexp(0.0, -margin)) + 0.5 * np.sum(pen * b * b) / c), d.T @ grad_margin + pen * b / c

    b0 = np.zeros(d.shape[1])
    b0[list(free)] = 1.0
    return minimize(loss, b0, jac=True, method="L-BFGS-B").x


class Model:
    """Standardized columns and their weights; ``score`` = exp(w · z − max), so the best candidate scores 1."""

    def __init__(self, weights: np.ndarray, mean: np.ndarray, std: np.ndarray):
        self.weights, self.mean, self.std = weights, mean, std

    def score(self, x: np.ndarray) -> np.ndarray:
        s = ((x - self.mean) / self.std) @ self.weights
        return np.exp(s - s.max()) if len(s) else s


def fit(items: Sequence[dict], c: float, *, level: str, m: int, plain: bool) -> Model:
    allx = np.vstack([it["x"] for it in items])
    mean, std = allx.mean(axis=0), allx.std(axis=0)
    std = np.where(std > 1e-9, std, 1.0)
    d, w = pair_matrix(items, level, m)
    return Model(fit_pairs(d / std, w, c, free=() if plain else (0,)), mean, std)


class _Recorder(HybridRetriever):
    """The hand ranking, keeping the last scores ``prioritize`` gave and the rows they were given for."""

    last: tuple[dict, dict] | None = None

    def prioritize(self, fused, rows, filters, *, query="", recency=True):
        out = super().prioritize(fused, rows, filters, query=query, recency=recency)
        if recency:
            self.last = (out, rows)
        return out


class _Stacked(HybridRetriever):
    """``HybridRetriever.rank`` with the model's score of the question's precomputed rows as the passage score."""

    model: Model | None = None
    current: dict | None = None

    def fitted_scores(self, cands: Candidates, rows, filters, *, n: int) -> dict[str, float]:
        return dict(zip(self.current["ids"], (float(v) for v in self.model.score(self.current["x"]))))


def question_item(recorder: _Recorder, cands: Candidates, q: dict, golds: GoldLookup) -> dict[str, Any]:
    """One question's rows: ids, the matrix of ``COLUMNS``, gold flags, article of each row."""
    s = recorder.settings
    n = max(s.candidates, TOP_K * 4)
    filters = SearchFilters(until=question_date(q))
    recorder.rank(cands, k=TOP_K, filters=filters)
    hand, rows = recorder.last
    ids, x = recorder.features(cands, rows, filters, n=n)
    gold_stories = {golds.story(d) for d in golds.gold_docs(q)}
    return {"q": q, "cands": cands, "ids": ids, "x": np.column_stack([hand_log(hand, ids), x]),
            "gold": np.array([golds.story(rows[c]["doc_id"]) in gold_stories for c in ids], dtype=bool),
            "docs": [rows[c]["doc_id"] for c in ids]}


def scores_of(ranker: _Stacked, model: Model, items: Sequence[dict], golds: GoldLookup) -> list[dict]:
    ranker.model = model
    out = []
    for it in items:
        ranker.current = it
        q = it["q"]
        hits = ranker.rank(it["cands"], k=TOP_K, filters=SearchFilters(until=question_date(q)))
        out.append(retrieval_scores(retrieved_from_hits(hits, 0.0), golds.gold_docs(q), golds.story, q))
    return out


def mean_of(rows: Sequence[dict]) -> dict[str, float]:
    tot = metrics.summarize(list(rows))
    return {k: round(tot[k], 4) for k in METRICS}


def main(argv: Sequence[str] | None = None) -> None:
    ap = index_arguments(__doc__)
    ap.add_argument("--questions", type=Path, default=None, help="question file in the dev schema (fit-half rows are used)")
    ap.add_argument("--pairs", choices=("top", "passage"), default="top")
    ap.add_argument("--negatives", type=int, default=NEGATIVES, help="with --pairs top: other articles per question")
    ap.add_argument("--seeds", default=",".join(map(str, SEEDS)))
    ap.add_argument("--plain", action="store_true", help="also fit with hand_log penalised like every other weight")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    settings, index, cands = open_with_candidates(args.data_dir, args.collection, args.cache)
    golds = GoldLookup.of(index)
    fit_half = [q for q in load_questions(args.data, limit=None, gold_only=False, questions=args.questions)
                if half(q["id"]) == "fit" and golds.gold_docs(q) and cands.get(q["id"])]
    base = settings.retrieval.model_copy(update={"ranker": "hand", "context_chunks": 0})
    index.lexical()
    recorder = _Recorder(index, base)
    items = [question_item(recorder, cands[q["id"]], q, golds) for q in fit_half]
    ranker = _Stacked(index, base.model_copy(update={"ranker": "fitted"}))
    seeds = [int(s) for s in args.seeds.split(",") if s]
    hand = mean_of(scores_of(ranker, Model(np.array([1.0]), np.zeros(1), np.ones(1)), [dict(it, x=it["x"][:, :1]) for it in items], golds))
    print(f"fit half: {len(items)} questions with a gold article; hand ranking in sample {hand}", flush=True)
    report: dict[str, Any] = {"machine": machine(), "corpus_counts": index.catalog.counts(), "questions": len(items),
                              "pairs": args.pairs, "negatives": args.negatives, "seeds": seeds, "hand_in_sample": hand, "rows": []}
    for plain in (False, True) if args.plain else (False,):
        for c in C_GRID:
            per_seed = []
            for seed in seeds:
                rows: list[dict] = []
                for va in folds_of([it["q"]["id"] for it in items], seed=seed):
                    held = set(va)
                    model = fit([it for i, it in enumerate(items) if i not in held], c, level=args.pairs, m=args.negatives, plain=plain)
                    rows += scores_of(ranker, model, [items[i] for i in va], golds)
                per_seed.append(mean_of(rows))
            full = fit(items, c, level=args.pairs, m=args.negatives, plain=plain)
            row = {"hand_log_penalised": plain, "C": c,
                   "cv": {k: round(float(np.mean([s[k] for s in per_seed])), 4) for k in METRICS}, "cv_by_seed": per_seed,
                   "in_sample": mean_of(scores_of(ranker, full, items, golds)),
                   "weights": {n: round(float(v), 3) for n, v in zip(COLUMNS, full.weights)}}
            report["rows"].append(row)
            top = sorted(row["weights"].items(), key=lambda t: -abs(t[1]))[:6]
            print(f"penalised hand_log={plain} C={c}: CV {row['cv']} in sample {row['in_sample']} weights {top}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
