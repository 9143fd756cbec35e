"""A fitted linear model over standardized features, stored as a versioned JSON file: the form the retrieval ranker
(``rag/ranker.py``) and the answer selector (``rag/writers/answer_model.py``) share.

The file holds ``schema``, ``features`` (names, in order), ``standardize`` (``mean`` and ``std`` per feature),
``weights`` and free metadata (how it was fitted); score = ((x - mean) / std) · weights, applied with numpy (no
scikit-learn at run time). A file whose schema or feature list differs from the code's is refused, so a model
fitted on other features can never be applied silently.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import numpy as np

__all__ = ["LinearModel", "parse_linear", "read_model_file", "widened"]

_CORE = ("schema", "features", "standardize", "weights")


@dataclass(frozen=True)
class LinearModel:
    """A linear model over standardized ``features``: score = ((x - mean) / std) · weights (vectors of shape
    (len(features),)); ``sha256`` is its file's hash, ``meta`` the rest of its JSON form."""

    schema: str
    features: tuple[str, ...]
    mean: np.ndarray
    std: np.ndarray
    weights: np.ndarray
    sha256: str = ""
    meta: dict = field(default_factory=dict)

    def score(self, x: np.ndarray) -> np.ndarray:
        """Scores of rows of ``x`` (shape (n, len(features))); higher first. Shape (n,)."""
        if x.size == 0:
            return np.zeros(len(x))
        return ((x - self.mean) / self.std) @ self.weights

    def to_dict(self, **extra: Any) -> dict[str, Any]:
        """The JSON form (without the file hash); ``extra`` fields follow the metadata."""
        return {"schema": self.schema, **self.meta, **extra, "features": list(self.features),
                "standardize": {"mean": [float(v) for v in self.mean], "std": [float(v) for v in self.std]},
                "weights": [float(v) for v in self.weights]}


def parse_linear(data: Mapping[str, Any], *, schema: str, features: tuple[str, ...], what: str, refit: str,
                 error: type[Exception], sha256: str = "", keep: tuple[str, ...] = ()) -> LinearModel:
    """A LinearModel from its JSON form. ``what`` names the model in messages ("ranker model"), ``refit`` is the
    command that refits it, ``keep`` are fields the caller reads itself (left out of ``meta``). Raises ``error``
    when the schema or the feature list differs from ``schema``/``features``, or the vectors are malformed."""
    if data.get("schema") != schema:
        raise error(f"not a{'n' if what[:1] in 'aeiou' else ''} {what} (schema {data.get('schema')!r})")
    feats = tuple(data.get("features") or ())
    if feats != features:
        raise error(f"the {what} was fitted on other features ({len(feats)}); refit: {refit}")
    try:
        mean = np.asarray(data["standardize"]["mean"], dtype=np.float64)
        std = np.asarray(data["standardize"]["std"], dtype=np.float64)
        weights = np.asarray(data["weights"], dtype=np.float64)
    except (KeyError, TypeError, ValueError) as e:
        raise error(f"malformed {what}: {e}") from e
    if not (mean.shape == std.shape == weights.shape == (len(features),)) or not np.all(std > 0):
        raise error(f"malformed {what}: vectors of the wrong length or a non-positive std")
    meta = {k: v for k, v in data.items() if k not in _CORE and k not in keep}
    return LinearModel(schema, feats, mean, std, weights, sha256, meta)


def widened(data: Mapping[str, Any], features: tuple[str, ...]) -> Mapping[str, Any]:
    """The JSON form of a model fitted on some of ``features`` (named in their order) rewritten for vectors of all
    of them: a feature the fit did not have gets weight 0, mean 0 and std 1, so a feature added after the fit
    leaves the model's scores as they were until it is refitted; the added names are listed in ``unweighted``.
    ``data`` itself when it names every feature, or when it is not such a subset (``parse_linear`` then refuses it:
    a name the code does not compute, another order, or malformed vectors). The same rule as the checker's
    ``rag.support.model.aligned``."""
    names = tuple(data.get("features") or ())
    std = (data.get("standardize") or {}).get("std")
    if (names == features or not names or [f for f in features if f in names] != list(names)
            or not isinstance(std, list) or not isinstance(data.get("weights"), list)):
        return data
    try:
        mean = dict(zip(names, data["standardize"]["mean"], strict=True))
        scale = dict(zip(names, std, strict=True))
        weight = dict(zip(names, data["weights"], strict=True))
    except (KeyError, TypeError, ValueError):
        return data
    return {**data, "features": list(features), "unweighted": [f for f in features if f not in names],
            "standardize": {"mean": [mean.get(f, 0.0) for f in features], "std": [scale.get(f, 1.0) for f in features]},
            "weights": [weight.get(f, 0.0) for f in features]}


def read_model_file(path: Path, *, what: str, error: type[Exception]) -> tuple[dict[str, Any], str]:
    """(JSON object, sha256 of the file's bytes) of a model file; ``error`` when it cannot be read or parsed."""
    try:
        raw = Path(path).read_bytes()
        data = json.loads(raw)
    except (OSError, ValueError) as e:
        raise error(f"cannot read the {what} {path}: {e}") from e
    return data, hashlib.sha256(raw).hexdigest()
