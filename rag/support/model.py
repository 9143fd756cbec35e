"""The fitted support model: a logistic regression over ``features.FEATURES``, applied with numpy from JSON.

``rag/support/data/checker_model.json`` is written by ``python -m evals.fit_checker`` (scikit-learn, the ``fit``
extra); reading and applying it needs only numpy. It holds the feature names, the standardisation (mean, scale),
coefficients and intercept, the decision threshold chosen on cross-validated predictions, the cross-validation
metrics, hashes of the training data, and one model per cross-validation fold with the fold of every training
article (by a hash of its text), so an evaluation can score a training row with the model that did not see it.
``model_hash()`` (sha256 of the file) is part of the settings hash and every brief's provenance.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "checker_model.json"


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

    def probability(self, x: Sequence[float]) -> float:
        """Calibrated probability (0..1) that the claim is supported."""
        z = float(self.contributions(x).sum() + self.intercept)
        return float(1.0 / (1.0 + np.exp(-np.clip(z, -40, 40))))


@dataclass(frozen=True)
class CheckerModel:
    """The fitted model plus its threshold, vetoes and the per-fold models for held-out scoring."""

    features: tuple[str, ...]
    main: Logistic
    threshold: float
    veto: tuple[str, ...]  # features whose non-zero value rejects a claim whatever the probability
    version: str
    folds: tuple[Logistic, ...]
    fold_of: dict[str, int]  # text_key(passage) -> fold

    def held_out(self, passage: str) -> Logistic | None:
        """The fold model that did not see ``passage``'s article, or None when it was not training data."""
        k = self.fold_of.get(text_key(passage))
        return self.folds[k] if k is not None and k < len(self.folds) else None


def text_key(text: str) -> str:
    """Short stable key of a passage's text (whitespace-normalised sha256), for the fold map."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@cache
def load_model(path: Path = MODEL_PATH) -> CheckerModel:
    """The model in ``path``. Errors: FileNotFoundError, KeyError/ValueError on a malformed file."""
    d = json.loads(path.read_text(encoding="utf-8"))
    return CheckerModel(
        tuple(d["features"]), Logistic.from_dict(d), float(d["threshold"]), tuple(d.get("veto", ())), str(d["version"]),
        tuple(Logistic.from_dict(f) for f in d.get("folds", {}).get("models", [])),
        dict(d.get("folds", {}).get("fold_of", {})),
    )


@cache
def model_hash(path: Path = MODEL_PATH) -> str:
    """sha256 hex digest of the model file ('' when it is absent)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
