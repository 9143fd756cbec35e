"""The fitted support model over ``features.FEATURES``, applied with numpy from JSON (no scikit-learn at run time).

``rag/support/data/checker_model.json`` is written by ``python -m evals.fit_checker`` (scikit-learn, the ``fit``
extra). Its ``kind`` is ``"logistic"`` (standardisation, coefficients, intercept: :class:`Logistic`),
``"boosted"`` (a sum of small regression trees on the logit scale, from a monotone-constrained gradient-boosted
classifier: :class:`Boosted`) or ``"blend"`` (a weighted sum of the two's log-odds: :class:`Blend`). Either way it holds the feature names, the decision threshold chosen on
cross-validated predictions, the cross-validation metrics, hashes of the training data, and one model per
cross-validation fold with the fold of every training article (by a hash of its text), so an evaluation can score
a training row with the model that did not see it. ``model_hash()`` (sha256 of the file) is part of the settings
hash and every brief's provenance.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "checker_model.json"


class Scorer(Protocol):
    """A fitted model: feature vector (``FEATURES`` order) -> probability that the claim is supported."""

    def probability(self, x: Sequence[float]) -> float: ...


def _sigmoid(z: float) -> float:
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -40, 40))))


@dataclass(frozen=True)
class Logistic:
    """Standardise, then a logistic function: p(supported | x)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def from_dict(cls, d: dict) -> "Logistic":
        """From the JSON shape ``{"mean": [...], "scale": [...], "coef": [...], "intercept": float}``."""
        return cls(np.asarray(d["mean"], float), np.asarray(d["scale"], float), np.asarray(d["coef"], float), float(d["intercept"]))

    def contributions(self, x: Sequence[float]) -> np.ndarray:
        """Per-feature terms of the logit (coef * standardised value)."""
        return self.coef * (np.asarray(x, float) - self.mean) / self.scale

    def logit(self, x: Sequence[float]) -> float:
        """The log-odds of support."""
        return float(self.contributions(x).sum() + self.intercept)

    def probability(self, x: Sequence[float]) -> float:
        """Calibrated probability (0..1) that the claim is supported."""
        return _sigmoid(self.logit(x))


@dataclass(frozen=True)
class Tree:
    """One regression tree in flat arrays: node i splits on ``feature[i]`` (x <= ``threshold[i]`` goes to
    ``left[i]``, else ``right[i]``); a leaf has ``left[i] == -1`` and adds ``value[i]`` to the logit."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf_value(self, x: Sequence[float]) -> float:
        """The value of the leaf ``x`` falls into."""
        i = 0
        while self.left[i] >= 0:
            i = self.left[i] if x[self.feature[i]] <= self.threshold[i] else self.right[i]
        return self.value[i]


@dataclass(frozen=True)
class Boosted:
    """Gradient-boosted trees: p(supported | x) = sigmoid(baseline + sum of the trees' leaf values)."""

    baseline: float
    trees: tuple[Tree, ...]

    @classmethod
    def from_dict(cls, d: dict) -> "Boosted":
        """From ``{"baseline": float, "trees": [{"feature", "threshold", "left", "right", "value"}, ...]}``."""
        trees = tuple(Tree(tuple(int(v) for v in t["feature"]), tuple(float(v) for v in t["threshold"]),
                           tuple(int(v) for v in t["left"]), tuple(int(v) for v in t["right"]),
                           tuple(float(v) for v in t["value"])) for t in d["trees"])
        for t in trees:
            n = len(t.left)
            if not n or any(len(a) != n for a in (t.feature, t.threshold, t.right, t.value)):
                raise ValueError("a tree's arrays differ in length")
        return cls(float(d["baseline"]), trees)

    def logit(self, x: Sequence[float]) -> float:
        """The summed log-odds of support."""
        xs = [float(v) for v in x]
        return self.baseline + sum(t.leaf_value(xs) for t in self.trees)

    def probability(self, x: Sequence[float]) -> float:
        """Calibrated probability (0..1) that the claim is supported."""
        return _sigmoid(self.logit(x))


@dataclass(frozen=True)
class Blend:
    """A weighted sum of its parts' log-odds: p = sigmoid(sum w_i * logit_i(x)) (trees and a logistic regression)."""

    parts: tuple[Logistic | Boosted, ...]
    weights: tuple[float, ...]

    def logit(self, x: Sequence[float]) -> float:
        """The blended log-odds of support."""
        return sum(w * p.logit(x) for w, p in zip(self.weights, self.parts))

    def probability(self, x: Sequence[float]) -> float:
        """Calibrated probability (0..1) that the claim is supported."""
        return _sigmoid(self.logit(x))


def scorer_from_dict(d: dict, kind: str) -> Scorer:
    """A :class:`Logistic`, :class:`Boosted` or :class:`Blend` (``{"parts": [{"kind": ..., ...}], "weights": [...]}``)
    from its JSON dict; ValueError on an unknown ``kind`` or a blend whose parts and weights differ in number."""
    if kind == "logistic":
        return Logistic.from_dict(d)
    if kind == "boosted":
        return Boosted.from_dict(d)
    if kind == "blend":
        parts = tuple(scorer_from_dict(p, p["kind"]) for p in d["parts"])
        if len(parts) != len(d["weights"]) or any(isinstance(p, Blend) for p in parts):
            raise ValueError("a blend needs one weight per part, and no blend inside")
        return Blend(parts, tuple(float(w) for w in d["weights"]))  # type: ignore[arg-type]
    raise ValueError(f"unknown checker model kind {kind!r}")


@dataclass(frozen=True)
class CheckerModel:
    """The fitted model plus its threshold, vetoes and the per-fold models for held-out scoring."""

    features: tuple[str, ...]
    main: Scorer
    threshold: float
    veto: tuple[str, ...]  # features whose non-zero value rejects a claim whatever the probability
    version: str
    folds: tuple[Scorer, ...]
    fold_of: dict[str, int]  # text_key(passage) -> fold
    unweighted: frozenset[str] = frozenset()  # features the file was fitted without (no weight: ``aligned``)

    def held_out(self, passage: str) -> Scorer | None:
        """The fold model that did not see ``passage``'s article, or None when it was not training data."""
        k = self.fold_of.get(text_key(passage))
        return self.folds[k] if k is not None and k < len(self.folds) else None


def text_key(text: str) -> str:
    """Short stable key of a passage's text (whitespace-normalised sha256), for the fold map."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def aligned(d: dict, kind: str, names: Sequence[str], features: Sequence[str]) -> dict:
    """The JSON dict of a model fitted on the features ``names`` rewritten for vectors in ``features`` order: a
    feature the fit did not have gets no weight (coefficient 0, mean 0, scale 1; no tree splits on it), so a signal
    added after the fit leaves the model's decisions as they were until the next fit. ValueError when the model
    names a feature ``features`` lacks."""
    if tuple(names) == tuple(features):
        return d
    missing = [n for n in names if n not in features]
    if missing:
        raise ValueError(f"the checker model needs features the checker does not compute: {missing}")
    at = [list(features).index(n) for n in names]
    if kind == "logistic":
        out = {**d, "mean": [0.0] * len(features), "scale": [1.0] * len(features), "coef": [0.0] * len(features)}
        for i, j in enumerate(at):
            out["mean"][j], out["scale"][j], out["coef"][j] = d["mean"][i], d["scale"][i], d["coef"][i]
        return out
    if kind == "boosted":
        return {**d, "trees": [{**t, "feature": [at[int(f)] if int(l) >= 0 else 0 for f, l in zip(t["feature"], t["left"])]}
                               for t in d["trees"]]}
    if kind == "blend":
        return {**d, "parts": [aligned(p, p["kind"], names, features) for p in d["parts"]]}
    return d


@cache
def load_model(path: Path = MODEL_PATH) -> CheckerModel:
    """The model in ``path``, its inputs read in ``features.FEATURES`` order (``aligned``). Errors:
    FileNotFoundError, KeyError/ValueError on a malformed file or one that needs a feature the checker lacks."""
    from rag.support.features import FEATURES  # the checker's feature list (features does not import this module)

    d = json.loads(path.read_text(encoding="utf-8"))
    kind = d.get("kind", "logistic")
    names = tuple(d["features"])

    def scorer(part: dict) -> Scorer:
        return scorer_from_dict(aligned(part, kind, names, FEATURES), kind)

    return CheckerModel(
        tuple(FEATURES), scorer(d), float(d["threshold"]), tuple(d.get("veto", ())), str(d["version"]),
        tuple(scorer(f) for f in d.get("folds", {}).get("models", [])),
        dict(d.get("folds", {}).get("fold_of", {})), frozenset(FEATURES) - frozenset(names),
    )


@cache
def model_hash(path: Path = MODEL_PATH) -> str:
    """sha256 hex digest of the model file ('' when it is absent)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
