"""Refit the sentence-role model: ``python -m evals.fit_roles`` (needs scikit-learn: ``pip install -e ".[fit]"``).

Reads the roles set (``evals/datasets/roles.jsonl``, resolved by ``evals.roles_data``), computes the features of
``rag.role_features`` and MiniLM embeddings, chooses the regularisation ``C`` and the embedding weight by grouped
cross-validation over the ``fit`` split (folds by article, so no article is in both train and validation), fits a
multinomial logistic regression on the whole ``fit`` split, and writes ``rag/assets/role_model.json`` (weights,
standardisation, feature names, training-data hash, CV and test metrics). The ``test`` split is scored once, with
the model as written (rounded weights applied by ``rag.roles`` with numpy), and never used for choices.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from evals import roles_data
from evals.roles_metrics import classification_report
from rag.role_features import feature_names, lexical_features
from rag.roles import (CUES_PATH, MODEL_PATH, MODEL_SCHEMA, ROLES, embed, file_sha256, forecast_only_ahead, load_model,
                       model_from_dict)

VERSION = 1
C_GRID = (0.01, 0.03, 0.1)
SCALE_GRID = (0.0, 6.0, 10.0, 16.0)  # embedding weight against unit-variance lexical features (0 = no embedding)
FOLDS = 5
DIGITS = 6  # significant digits kept in the JSON weights


def _round(a: np.ndarray) -> list:
    return [float(f"{x:.{DIGITS}g}") for x in np.asarray(a, dtype=np.float64).ravel()]


def _design(lex: np.ndarray, emb: np.ndarray, mean: np.ndarray, std: np.ndarray, scale: float) -> np.ndarray:
    x = (lex - mean) / std
    return np.hstack([x, emb * scale]) if scale else x


def _standardize(lex: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = lex.mean(axis=0)
    std = lex.std(axis=0)
    return mean, np.where(std > 1e-6, std, 1.0)


def _fit(x: np.ndarray, y: Sequence[str], c: float):
    from sklearn.linear_model import LogisticRegression

    # lbfgs on several classes is the multinomial (softmax) model; balanced weights because macro-F1 is the target
    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, list(y))


def grouped_cv(lex: np.ndarray, emb: np.ndarray, y: list[str], groups: list[str]) -> dict[str, Any]:
    """Macro-F1 of every (C, scale) over article-grouped folds of the fit split; the best pair and its score."""
    from sklearn.model_selection import GroupKFold

    folds = list(GroupKFold(n_splits=FOLDS).split(lex, y, groups))
    grid = []
    for c in C_GRID:
        for scale in SCALE_GRID:
            gold: list[str] = []
            pred: list[str] = []
            for tr, va in folds:
                mean, std = _standardize(lex[tr])
                clf = _fit(_design(lex[tr], emb[tr], mean, std, scale), [y[i] for i in tr], c)
                pred += list(clf.predict(_design(lex[va], emb[va], mean, std, scale)))
                gold += [y[i] for i in va]
            grid.append({"C": c, "embedding_scale": scale, "macro_f1": classification_report(gold, pred)["macro_f1"]})
    best = max(grid, key=lambda g: (g["macro_f1"], -g["C"]))
    return {"folds": FOLDS, "grouped_by": "article", "grid": grid, "best": best}


def cv_with_forecast_rule(realtimeqa: Path = roles_data.REALTIMEQA_CORPUS) -> dict[str, dict[str, Any]]:
    """Grouped CV on the fit split at the shipped model's C and embedding weight, as the model alone predicts and as
    ``rag.roles.classify`` applies it (``forecast_only_ahead`` on each validation row): {"model": report,
    "model + forecast rule": report} (``evals.roles_metrics.classification_report``)."""
    from sklearn.model_selection import GroupKFold

    shipped = load_model()
    c, scale = shipped.meta["training"]["C"], shipped.embedding_scale
    rows = roles_data.load(realtimeqa=realtimeqa).split("fit")
    texts = [r["text"] for r in rows]
    lex = lexical_features(texts, positions=[r["position"] for r in rows], doc_types=[r["doc_type"] for r in rows])
    lex, emb = lex.astype(np.float64), embed(texts).astype(np.float64)
    y = [r["role"] for r in rows]
    gold: list[str] = []
    raw: list[str] = []
    ruled: list[str] = []
    for tr, va in GroupKFold(n_splits=FOLDS).split(lex, y, [r["doc"] for r in rows]):
        mean, std = _standardize(lex[tr])
        clf = _fit(_design(lex[tr], emb[tr], mean, std, scale), [y[i] for i in tr], c)
        classes = list(clf.classes_)
        for i, p in zip(va, clf.predict_proba(_design(lex[va], emb[va], mean, std, scale))):
            gold.append(y[i])
            raw.append(classes[int(p.argmax())])
            ruled.append(classes[int(forecast_only_ahead(texts[i], p, classes).argmax())])
    return {"model": classification_report(gold, raw), "model + forecast rule": classification_report(gold, ruled)}


def fit(out: Path = MODEL_PATH, dataset: Path = roles_data.DATASET, realtimeqa: Path = roles_data.REALTIMEQA_CORPUS,
        log=print) -> dict[str, Any]:
    """Fit on the fit split, score on the test split, write the model JSON to ``out``; returns the JSON dict."""
    import sklearn

    data = roles_data.load(dataset, realtimeqa)
    if data.skipped:
        log(f"skipped {len(data.skipped)} rows, e.g. {data.skipped[0]}")
    fit_rows, test_rows = data.split("fit"), data.split("test")
    if not fit_rows or not test_rows:
        raise SystemExit("the roles set has no fit or no test rows (is ../shared/data/realtimeqa-2022 there?)")

    def features(rows):
        texts = [r["text"] for r in rows]
        lex = lexical_features(texts, positions=[r["position"] for r in rows], doc_types=[r["doc_type"] for r in rows])
        return lex.astype(np.float64), embed(texts).astype(np.float64)

    log(f"features for {len(fit_rows)} fit and {len(test_rows)} test sentences ...")
    lex_fit, emb_fit = features(fit_rows)
    lex_test, emb_test = features(test_rows)
    y_fit = [r["role"] for r in fit_rows]
    cv = grouped_cv(lex_fit, emb_fit, y_fit, [r["doc"] for r in fit_rows])
    c, scale = cv["best"]["C"], cv["best"]["embedding_scale"]
    log(f"grouped CV: best C={c} embedding_scale={scale} macro-F1={cv['best']['macro_f1']:.3f}")
    mean, std = _standardize(lex_fit)
    clf = _fit(_design(lex_fit, emb_fit, mean, std, scale), y_fit, c)
    order = [list(clf.classes_).index(r) for r in ROLES]
    from rag.embeddings import MiniLMOnnxEmbedder

    dim = emb_fit.shape[1] if scale else 0
    model: dict[str, Any] = {
        "schema": MODEL_SCHEMA,
        "version": VERSION,
        "roles": list(ROLES),
        "lexical_features": list(feature_names()),
        "cues_sha256": file_sha256(CUES_PATH),
        "embedding": {"model_id": MiniLMOnnxEmbedder.model_id if dim else None, "dim": dim, "scale": scale},
        "training": {
            "dataset": "evals/datasets/roles.jsonl", "dataset_sha256": file_sha256(dataset),
            "fit_rows": len(fit_rows), "fit_articles": len({r["doc"] for r in fit_rows}),
            "test_rows": len(test_rows), "test_articles": len({r["doc"] for r in test_rows}),
            "skipped": len(data.skipped), "model": "multinomial logistic regression (lbfgs, class_weight=balanced)",
            "C": c, "sklearn": sklearn.__version__,
        },
        "metrics": {"cv": cv},
        "standardize": {"mean": _round(mean), "std": _round(std)},
        "weights": [_round(clf.coef_[k]) for k in order],
        "bias": _round(clf.intercept_[order]),
    }
    shipped = model_from_dict(model)  # the model exactly as rag.roles will apply it (rounded weights)
    probs = shipped.predict_proba(shipped.design(lex_test, emb_test if dim else None))
    pred = [ROLES[k] for k in probs.argmax(axis=1)]
    sk_pred = list(clf.predict(_design(lex_test, emb_test, mean, std, scale)))
    agree = float(np.mean([a == b for a, b in zip(pred, sk_pred)]))
    model["metrics"]["test"] = classification_report([r["role"] for r in test_rows], pred)
    model["metrics"]["test"]["agreement_with_sklearn"] = round(agree, 4)
    Path(out).write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return model


def print_report(model: dict[str, Any], log=print) -> None:
    """Test-split macro-F1 and per-role precision/recall of a fitted model dict."""
    test = model["metrics"]["test"]
    log(f"test macro-F1 {test['macro_f1']:.3f}  accuracy {test['accuracy']:.3f}  (n={test['n']})")
    log(f"{'role':11s} {'prec':>5s} {'rec':>5s} {'f1':>5s} {'n':>4s}")
    for role, m in test["per_role"].items():
        p = "  —  " if m["precision"] is None else f"{m['precision']:.3f}"
        log(f"{role:11s} {p:>5s} {m['recall']:.3f} {m['f1']:.3f} {m['support']:4d}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="model JSON to write (default: the shipped model)")
    ap.add_argument("--realtimeqa", type=Path, default=roles_data.REALTIMEQA_CORPUS, help="RealTime QA corpus.jsonl")
    ap.add_argument("--cv-rule", action="store_true",
                    help="only print grouped CV of the shipped C/weight with and without the forecast rule; write nothing")
    args = ap.parse_args(argv)
    if args.cv_rule:
        for name, rep in cv_with_forecast_rule(args.realtimeqa).items():
            f = rep["per_role"]["forecast"]
            print(f"{name}: grouped CV macro-F1 {rep['macro_f1']:.3f} accuracy {rep['accuracy']:.3f} "
                  f"forecast precision {f['precision']:.3f} recall {f['recall']:.3f}")
        return 0
    model = fit(args.out, realtimeqa=args.realtimeqa, log=lambda m: print(m, file=sys.stderr))
    print_report(model)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
