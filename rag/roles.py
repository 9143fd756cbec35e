"""Sentence roles: what a sentence does in a report, from a small fitted model stored as a versioned data file.

Roles (``ROLES``): ``event`` (something happened, with its actor), ``statement`` (what someone said),
``judgement`` (an assessment or interpretation), ``forecast``, ``signal`` (what to watch), ``gap`` (what is
unknown), ``background``, ``furniture`` (captions, bylines, navigation, related-story snippets).

``classify(sentences, positions=..., doc_type=...)`` returns one ``RolePrediction(role, prob, probs)`` per
sentence. The model is multinomial logistic regression over the text-layer features of ``rag.role_features``
(standardised) and the MiniLM sentence embedding, fitted by ``python -m evals.fit_roles`` and applied here with
numpy only from ``rag/assets/role_model.json`` (no download, no scikit-learn at run time). ``model_hash()`` is the
file's sha256, for provenance; ``model_info()`` its version, training-data hash and measured metrics.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from rag.role_features import DOC_TYPES, Position, feature_names, lexical_features, looks_ahead
from rag.text.lexicon import DATA_DIR

ROLES = ("event", "statement", "judgement", "forecast", "signal", "gap", "background", "furniture")
MODEL_PATH = Path(__file__).parent / "assets" / "role_model.json"
MODEL_SCHEMA = "techsec-brief-role-model/1"
CUES_PATH = DATA_DIR / "role_cues.toml"
PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
#: Roles no section quotes: captions, bylines, navigation and related-story snippets are not evidence.
NEVER = frozenset({"furniture"})


class RoleModelError(ValueError):
    """The role model file is missing, malformed, or does not match the features this code computes."""


@dataclass(frozen=True)
class RolePrediction:
    """The most probable role of one sentence, its probability, and every role's probability."""

    role: str
    prob: float
    probs: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class RoleModel:
    """A fitted role model: standardisation, weights (roles x features), bias; see ``load_model``."""

    roles: tuple[str, ...]
    feature_names: tuple[str, ...]
    mean: np.ndarray
    std: np.ndarray
    embedding_model_id: str | None
    embedding_dim: int
    embedding_scale: float
    weights: np.ndarray
    bias: np.ndarray
    meta: dict[str, Any]
    sha256: str

    def design(self, lexical: np.ndarray, embeddings: np.ndarray | None) -> np.ndarray:
        """The model's input rows: standardised lexical features, then the scaled embedding (if the model uses one)."""
        raw = np.asarray(lexical, dtype=np.float64)
        x = (raw - self.mean) / self.std
        # a row of a document type no fitted row had (its column's mean is 0: the roles set holds news reports,
        # analyses and generated briefs, no official statement) gives no evidence of its type: every document-type
        # column is read at its mean, not as "none of the types fitted" (that read a ministry's "MOTIE will hold a
        # briefing …" as furniture once its release was typed an official statement: s65's new user, F18)
        doc = np.array([n.startswith("doc:") for n in self.feature_names])
        unseen = doc & (self.mean == 0.0)
        if unseen.any() and len(x):
            x[np.ix_((raw[:, unseen] > 0).any(axis=1), doc)] = 0.0
        if self.embedding_dim:
            if embeddings is None or embeddings.shape != (len(x), self.embedding_dim):
                raise RoleModelError(f"the role model needs ({len(x)}, {self.embedding_dim}) embeddings")
            x = np.hstack([x, np.asarray(embeddings, dtype=np.float64) * self.embedding_scale])
        return x

    def predict_proba(self, design: np.ndarray) -> np.ndarray:
        """(n, len(roles)) softmax probabilities for design rows."""
        logits = design @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)


def file_sha256(path: Path) -> str:
    """sha256 hex digest of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def model_from_dict(data: dict[str, Any], sha256: str = "") -> RoleModel:
    """A RoleModel from the parsed JSON; raises RoleModelError when its schema, roles or features do not match."""
    try:
        if data["schema"] != MODEL_SCHEMA:
            raise RoleModelError(f"role model schema {data['schema']!r}, expected {MODEL_SCHEMA!r}")
        names = tuple(data["lexical_features"])
        if names != feature_names():
            raise RoleModelError("the role model was fitted on other features than rag.role_features computes; "
                                 "refit with `python -m evals.fit_roles`")
        if data.get("cues_sha256") != file_sha256(CUES_PATH):
            raise RoleModelError("rag/text/data/role_cues.toml changed since the role model was fitted; "
                                 "refit with `python -m evals.fit_roles`")
        emb = data.get("embedding") or {}
        model = RoleModel(
            roles=tuple(data["roles"]), feature_names=names,
            mean=np.asarray(data["standardize"]["mean"], dtype=np.float64),
            std=np.asarray(data["standardize"]["std"], dtype=np.float64),
            embedding_model_id=emb.get("model_id"), embedding_dim=int(emb.get("dim") or 0),
            embedding_scale=float(emb.get("scale") or 0.0),
            weights=np.asarray(data["weights"], dtype=np.float64), bias=np.asarray(data["bias"], dtype=np.float64),
            meta={k: v for k, v in data.items() if k not in ("weights", "bias", "standardize")}, sha256=sha256,
        )
    except (KeyError, TypeError) as exc:
        raise RoleModelError(f"malformed role model: {exc}") from exc
    if set(model.roles) != set(ROLES):
        raise RoleModelError(f"role model roles {model.roles} are not {ROLES}")
    if model.weights.shape != (len(model.roles), len(names) + model.embedding_dim):
        raise RoleModelError(f"role model weights have shape {model.weights.shape}")
    return model


@cache
def load_model(path: Path = MODEL_PATH) -> RoleModel:
    """The role model in ``path`` (default ``rag/assets/role_model.json``), loaded once; RoleModelError if unusable."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise RoleModelError(f"no role model at {path}: {exc}") from exc
    return model_from_dict(json.loads(raw), hashlib.sha256(raw).hexdigest())


def model_hash() -> str:
    """sha256 of the shipped role model file (record it in provenance next to the settings hash)."""
    return load_model().sha256


def model_info() -> dict[str, Any]:
    """The model's version, training-data hash, feature names and measured metrics (everything but the weights)."""
    return dict(load_model().meta)


@cache
def _default_embedder():
    from rag.config import EmbeddingSettings
    from rag.embeddings import get_embedder

    return get_embedder(EmbeddingSettings())


def embed(texts: Sequence[str], embedder=None) -> np.ndarray:
    """(n, dim) unit vectors of ``texts`` from ``embedder`` (default: the bundled MiniLM), one batched call."""
    emb = embedder or _default_embedder()
    return emb.embed([" ".join(t.split()) for t in texts])


def classify(sentences: Sequence[str], *, positions: Sequence[Position | None] | None = None,
             doc_type: str | Sequence[str | None] | None = None, embedder=None,
             embeddings: np.ndarray | None = None) -> list[RolePrediction]:
    """One RolePrediction per sentence, in order.

    ``positions``: (index, sentence count) of each sentence in its document, or None; ``doc_type``: one of
    ``DOC_TYPES`` for all sentences, or one per sentence, or None; ``embeddings``: precomputed (n, 384) MiniLM
    vectors, else they are computed with ``embedder`` (default: the bundled MiniLM). Raises RoleModelError when
    the model file is unusable, ValueError on misaligned arguments or an unknown doc type.
    """
    texts = list(sentences)
    if not texts:
        return []
    types = [doc_type] * len(texts) if doc_type is None or isinstance(doc_type, str) else list(doc_type)
    model = load_model()
    lex = lexical_features(texts, positions=positions, doc_types=types)
    if model.embedding_dim and embeddings is None:
        if embedder is not None and getattr(embedder, "model_id", None) != model.embedding_model_id:
            raise RoleModelError(f"the role model needs {model.embedding_model_id} embeddings, "
                                 f"not {getattr(embedder, 'model_id', embedder)}")
        embeddings = embed(texts, embedder)
    probs = model.predict_proba(model.design(lex, embeddings))
    out = []
    for text, row in zip(texts, probs):
        row = forecast_only_ahead(text, row, model.roles)
        k = int(row.argmax())
        out.append(RolePrediction(model.roles[k], float(row[k]), {r: float(p) for r, p in zip(model.roles, row)}))
    return out


def forecast_only_ahead(text: str, row: np.ndarray, roles: Sequence[str] = ROLES) -> np.ndarray:
    """The role probabilities of ``text`` (``row``, aligned with ``roles``) with "forecast" ruled out when the sentence
    does not look ahead in its own main clause (``role_features.looks_ahead``): its share goes to the other roles in
    proportion, so the next most probable role stands and no section takes it as a forecast by summed probability.
    A forecast says what will or may happen; the model also types reported expectations, prescriptions and
    sentences with a modal in a subordinate clause "forecast" (``forecast_markers.toml``)."""
    k = list(roles).index("forecast")
    if row[k] == 0.0 or looks_ahead(text):
        return row
    out = np.array(row, dtype=np.float64)
    out[k] = 0.0
    rest = out.sum()
    return out / rest if rest > 0 else out


def section_roles(prompts_dir: Path | None = None) -> dict[str, dict[str, frozenset[str]]]:
    """template -> claims section -> accepted roles, read from the templates' ``roles`` front matter (the one place
    the map is declared) in ``prompts_dir`` (default: the repository's ``prompts/``); ``NEVER`` removed.

    A section that declares no roles accepts every role but ``NEVER``. Raises RoleModelError when a template names
    a role that is not in ``ROLES``; TemplateError when a template cannot be read.
    """
    return _section_map(Path(prompts_dir) if prompts_dir else PROMPTS_DIR)


def accepted_roles(template: str, section: str, prompts_dir: Path | None = None) -> frozenset[str]:
    """The roles a template section accepts; a template or section not in ``prompts_dir`` accepts all but ``NEVER``."""
    listed = section_roles(prompts_dir).get(template, {}).get(section)
    return listed if listed is not None else frozenset(ROLES) - NEVER


@cache
def _section_map(directory: Path) -> dict[str, dict[str, frozenset[str]]]:
    from rag.templates import TemplateLibrary  # templates are plain files; imported late to keep this module light

    library = TemplateLibrary(directory)
    out: dict[str, dict[str, frozenset[str]]] = {}
    for name in library.names():
        out[name] = {}
        for spec in library.get(name).sections:
            if spec.kind != "claims":
                continue
            unknown = set(spec.roles) - set(ROLES)
            if unknown:
                raise RoleModelError(f"template {name}: section {spec.name} names unknown roles {sorted(unknown)}")
            out[name][spec.name] = frozenset(spec.roles or ROLES) - NEVER
    return out


__all__ = ["DOC_TYPES", "NEVER", "ROLES", "RoleModel", "RoleModelError", "RolePrediction", "accepted_roles", "classify",
           "embed", "forecast_only_ahead", "file_sha256", "load_model", "model_from_dict", "model_hash", "model_info", "section_roles"]
