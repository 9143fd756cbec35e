"""Refit the answer-sentence selector: ``python -m evals.fit_answers --data-dir DIR --collection techsec --data
../shared/data/realtimeqa-2022 --cache /tmp/answer-cands.pkl`` (needs scikit-learn: ``pip install -e ".[fit]"``;
the index must hold the corpus).

Training data: the RealTime QA dev questions of the **fit** half only (``evals.rtqa_answers.half``), each asked
through the real ``ask`` path as of its quiz date, its first-sentence choice kept (``QuestionAnswering.choose_first``):
for each question, the candidate first sentences with their ``rag.writers.answer_model.sentence_features``, the hand
rule's pool and choice, and the sentences above the relevance floor. The recorded candidates are pickled to
``--cache`` (reused when the corpus snapshot, the features and the questions match), so a refit runs in seconds.
A sentence is positive when it contains a correct choice's text and no wrong choice's (``evals.realtimeqa.contains``).

The model is a logistic regression, pointwise (each question's sentences weigh 1 in total) or pairwise (feature
differences of (positive, negative) pairs of one question, no intercept); the form, the pool it chooses among
("hand": the hand rule's pool, the default; "floor": every sentence above the relevance floor, ``--pools``) and ``C`` are chosen by 5-fold
cross-validation grouped by question, scored by the share of questions whose best-scored sentence is positive
(the first-sentence accuracy of the choice, before the value-first swap). The held-out half is never read here.
Writes ``rag/assets/answer_model.json``; ``rag.writers.answer_model`` applies it with numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from evals.realtimeqa import contains, load_questions, question_date
from evals.rtqa_answers import answer_question, half
from rag.writers.answer_model import FEATURES, MODEL_PATH, AnswerModel, model_from_dict

VERSION = 1
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
FORMS = ("pointwise", "pairwise")
#: the pools the model may choose among. "floor" (every sentence above the relevance floor) scored best in the fit
#: half's CV (top-1 0.403 vs 0.390 for "hand", two questions of 154) but led three follow-ups suite turns with a less
#: relevant sentence (first-sentence accuracy 0.792 -> 0.750): the default keeps the model inside the hand rule's pool
POOLS = ("hand", "floor")
DEFAULT_POOLS = ("hand",)
FOLDS = 5
DIGITS = 6  # significant digits kept in the JSON


def _round(a: np.ndarray) -> list[float]:
    return [float(f"{x:.{DIGITS}g}") for x in np.asarray(a, dtype=np.float64).ravel()]


def record(engine, questions: Sequence[dict]) -> dict[str, dict[str, Any]]:
    """Question id → {x, texts, hand_pool, floor, hand_pick, ask}: each question asked through ``engine`` (as of its
    quiz date) with the writer's ``choose_first`` wrapped to keep its main first-sentence choice
    (``answer_choice.FirstChoice``); questions the writer abstains on record no candidates (x None)."""
    writer = engine.writer
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, Any] = {}
    choose = writer.choose_first

    def recording(choice):
        if choice.main:  # the answer's own first sentence, not the look-up of the sentence it continues
            seen.update(x=choice.features, texts=[c.text for c in choice.scored.cands], hand_pool=choice.hand_pool,
                        floor=choice.floor, hand_pick=choice.hand_pick)
        return choose(choice)

    writer.choose_first = recording
    try:
        for n, q in enumerate(questions):
            seen.clear()
            ask = answer_question(engine, q, question_date(q))
            out[q["id"]] = {"x": seen.get("x"), "texts": seen.get("texts"), "hand_pool": seen.get("hand_pool"),
                            "floor": seen.get("floor"), "hand_pick": seen.get("hand_pick"), "ask": ask["scores"]}
            if n % 20 == 0:
                print(f"recorded {n + 1}/{len(questions)}", flush=True)
    finally:
        del writer.choose_first  # the class's method again
    return out


def labels(texts: Sequence[str], q: dict) -> np.ndarray:
    """Per sentence: it contains a correct choice's text and no wrong choice's."""
    choices, right = q.get("choices") or [], set(q.get("answer") or [])
    return np.array([any(contains(t, choices[i]) for i in right)
                     and not any(contains(t, c) for i, c in enumerate(choices) if i not in right) for t in texts], dtype=bool)


def items_of(recorded: dict[str, dict], questions: Sequence[dict]) -> list[dict]:
    """The recorded questions with candidates, each with its labels ``y``."""
    out = []
    for q in questions:
        r = recorded.get(q["id"])
        if r is None or r["x"] is None or not len(r["x"]):
            continue
        out.append({**r, "id": q["id"], "y": labels(r["texts"], q)})
    return out


def _rows(it: dict, pool: str) -> np.ndarray:
    return np.asarray(it["hand_pool"] if pool == "hand" else it["floor"], dtype=bool)


def fit_model(items: Sequence[dict], form: str, pool: str, c: float, meta: dict | None = None) -> AnswerModel:
    """An AnswerModel fitted on ``items`` (standardized features; ``form`` pointwise or pairwise logistic regression
    with inverse regularisation ``c`` over the sentences of ``pool``), rounded as it is written to JSON."""
    from sklearn.linear_model import LogisticRegression

    allx = np.vstack([it["x"][_rows(it, pool)] for it in items])
    mean, std = allx.mean(axis=0), allx.std(axis=0)
    std = np.where(std > 1e-9, std, 1.0)
    xs, ys, ws = [], [], []
    for it in items:
        keep = _rows(it, pool)
        x, y = (it["x"][keep] - mean) / std, it["y"][keep]
        if not y.any() or y.all():
            continue  # nothing to tell apart in this question
        if form == "pointwise":
            xs.append(x)
            ys.append(np.where(y, 1.0, -1.0))
            # positives and negatives of a question weigh 1/2 each, so a question with many sentences counts once
            ws.append(np.where(y, 0.5 / y.sum(), 0.5 / (~y).sum()))
        else:
            d = (x[y][:, None, :] - x[~y][None, :, :]).reshape(-1, x.shape[1])
            xs += [d, -d]
            ys += [np.ones(len(d)), -np.ones(len(d))]
            ws += [np.full(len(d), 0.5 / len(d))] * 2
    if not xs:
        raise SystemExit("no training data: no fit question has both a positive and a negative sentence")
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    clf = LogisticRegression(C=c, fit_intercept=form == "pointwise", max_iter=5000)
    clf.fit(x, y, sample_weight=w * len(w) / w.sum())  # weights average 1 so C means the same whatever the size
    data = {"schema": "techsec-brief/answer-selector", **(meta or {}), "pool": pool, "features": list(FEATURES),
            "standardize": {"mean": _round(mean), "std": _round(std)}, "weights": _round(clf.coef_[0])}
    return model_from_dict(data)


def top1(model: AnswerModel | None, items: Sequence[dict]) -> float:
    """Share of ``items`` whose chosen sentence is positive: the model's best of its pool, or the hand rule's choice
    when ``model`` is None (ties: the first candidate, as the writer breaks them by position)."""
    if not items:
        return 0.0
    hits = 0
    for it in items:
        if model is None:
            pick = it["hand_pick"]
        else:
            idx = np.flatnonzero(_rows(it, model.pool))
            s = model.score(it["x"][idx])
            pick = int(idx[int(np.argmax(np.round(s, 9)))])
        hits += bool(it["y"][pick])
    return hits / len(items)


def grouped_cv(items: list[dict], pools: Sequence[str] = DEFAULT_POOLS) -> dict[str, Any]:
    """Every (form, pool of ``pools``, C) scored over question-grouped folds of the fit half; the best by top-1, then the
    stronger regularisation."""
    from sklearn.model_selection import GroupKFold

    ids = [it["id"] for it in items]
    folds = list(GroupKFold(n_splits=FOLDS).split(np.zeros(len(ids)), groups=ids))
    hand = float(np.mean([top1(None, [items[i] for i in va]) for _, va in folds]))
    grid = []
    for form in FORMS:
        for pool in pools:
            for c in C_GRID:
                hits = 0.0
                for tr, va in folds:
                    m = fit_model([items[i] for i in tr], form, pool, c)
                    hits += top1(m, [items[i] for i in va]) * len(va)
                grid.append({"form": form, "pool": pool, "C": c, "top1": round(hits / len(items), 4)})
                print(f"CV form={form} pool={pool} C={c}: top1={grid[-1]['top1']:.3f} (hand {top1(None, items):.3f})", flush=True)
    best = max(grid, key=lambda g: (g["top1"], -g["C"]))
    return {"folds": FOLDS, "grouped_by": "question", "scored_by": "share of questions whose chosen sentence is positive",
            "hand_top1": round(top1(None, items), 4), "hand_top1_fold_mean": round(hand, 4), "grid": grid, "best": best}


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True, type=Path, help="data dir holding the ingested corpus (read only)")
    ap.add_argument("--collection", default=None)
    ap.add_argument("--data", required=True, type=Path, help="folder with questions-dev.jsonl")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the recorded candidates (read when it matches, else written)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--pools", nargs="+", choices=POOLS, default=list(DEFAULT_POOLS), help="pools the CV may choose")
    args = ap.parse_args(argv)

    import sklearn

    from rag.config import Settings
    from rag.pipeline import Engine

    questions = [q for q in load_questions(args.data, limit=None, gold_only=False) if half(q["id"]) == "fit"]
    engine = Engine.from_settings(Settings(data_dir=args.data_dir), collection=args.collection, backend="extractive")
    key = (engine.index.snapshot_id(), FEATURES, tuple(q["id"] for q in questions))
    recorded = None
    if args.cache and args.cache.is_file():
        saved = pickle.loads(args.cache.read_bytes())
        if saved.get("key") == key:
            recorded = saved["recorded"]
        else:
            print(f"{args.cache}: another corpus snapshot, features or questions; recording")
    if recorded is None:
        recorded = record(engine, questions)
        if args.cache:
            args.cache.write_bytes(pickle.dumps({"key": key, "recorded": recorded}))
    items = items_of(recorded, questions)
    print(f"fit half: {len(questions)} questions, {len(items)} answered with candidates, "
          f"{sum(bool(it['y'].any()) for it in items)} with a positive sentence, "
          f"{sum(len(it['x']) for it in items)} candidate sentences", flush=True)
    cv = grouped_cv(items, args.pools)
    form, pool, c = cv["best"]["form"], cv["best"]["pool"], cv["best"]["C"]
    ids_hash = hashlib.sha256("\n".join(sorted(it["id"] for it in items)).encode()).hexdigest()
    meta = {
        "version": VERSION,
        "training": {
            "questions": "RealTime QA dev, fit half (evals.rtqa_answers.half)", "questions_sha256": ids_hash,
            "n_questions": len(items), "n_with_positive": sum(bool(it["y"].any()) for it in items),
            "n_sentences": int(sum(len(it["x"]) for it in items)), "corpus_snapshot": engine.index.snapshot_id(),
            "label": "the sentence contains a correct choice's text and no wrong choice's",
            "model": f"{form} logistic regression (lbfgs), each question weighs 1", "form": form, "C": c,
            "pools_tried": list(args.pools),
            "sklearn": sklearn.__version__,
        },
        "metrics": {"cv": cv},
    }
    model = fit_model(items, form, pool, c, meta)
    model.meta["metrics"]["fit_half_in_sample_top1"] = round(top1(model, items), 4)
    args.out.write_text(json.dumps(model.to_dict(), indent=1) + "\n")
    print(f"wrote {args.out}: form={form} pool={pool} C={c}; in-sample top1 {top1(model, items):.3f}, hand {top1(None, items):.3f}")
    for name, w in sorted(zip(FEATURES, model.weights), key=lambda t: -abs(t[1])):
        print(f"  {name:20s} {w:+.3f}")


if __name__ == "__main__":
    main()
