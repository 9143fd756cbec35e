"""The fitted answer-sentence selector: interpretable features of each candidate first sentence of an answer,
combined by a linear logistic model fitted on RealTime QA's fit half (``python -m evals.fit_answers``) and applied
with numpy from ``rag/assets/answer_model.json`` (no scikit-learn at run time). ``model_hash()`` is that file's
sha256, inside ``Settings.settings_hash`` when the selector is on.

Features are computed per question over the sentences the selector chooses among, relative where a raw value means
nothing across questions (a cosine's distance to the question's best one, the hand lead score's distance to its
best). A feature equal for every candidate of a question cannot change its choice.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from rag.linear_model import LinearModel, parse_linear, read_model_file
from rag.text.dates import iso_day
from rag.writers.answer_act import ACT_FEATURES, act_features
from rag.writers.candidates import Candidate, Scored
from rag.writers.key_terms import stems as text_stems

MODEL_PATH = Path(__file__).resolve().parent.parent / "assets" / "answer_model.json"
MODEL_SCHEMA = "techsec-brief/answer-selector"

#: the features, in the model's column order; each is documented in ``sentence_features``
FEATURES = (
    "hand_gap", "hand_top", "rel_gap", "cos_gap", "cos", "cov", "window_cov", "on_topic", "hand_pool",
    "typed", "enumeration", "label", "new_names", "new_numbers",
    "passage_top", "article_top", "top_article", "story_article", "article_sentences",
    "nearest", "age_log_days", "undated", "headline_match", "lede", "title", "early", "with_context",
    "role_event", "role_statement", "role_judgement", "role_background", "centrality", "length",
) + ACT_FEATURES

#: age given to an undated report (a year: old news), besides its ``undated`` flag
UNDATED_AGE_DAYS = 365
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")


class AnswerModelError(RuntimeError):
    """The answer-selector model file is missing, malformed or fitted on other features."""


@dataclass(frozen=True)
class Signals:
    """What the answering code already computed for one question, per candidate sentence (arrays of length n)."""

    hand: np.ndarray  # the hand lead score (``QuestionAnswering._answer_value`` with ``lead``)
    typed: np.ndarray  # 1.0: gives the kind of answer asked for (the asked value present)
    enumeration: np.ndarray  # 1.0: lists items when a list is asked for
    label: np.ndarray  # 1.0: a labelled item the question names
    on_topic: np.ndarray  # 1.0: within the answer's relevance gap of the most relevant sentence
    hand_pool: np.ndarray  # 1.0: among the sentences the hand rule chooses from
    story: np.ndarray  # 1.0: from the article of the most relevant sentence
    top_article: np.ndarray  # 1.0: from the article retrieval ranked first
    nearest: np.ndarray  # [0, 1]: the report dated nearest the question's date


def _article_ranks(cands: Sequence[Candidate]) -> dict[str, int]:
    """doc id → 0-based rank of the article by its best evidence passage."""
    best: dict[str, int] = {}
    for c in cands:
        best[c.doc_id] = min(best.get(c.doc_id, c.rank), c.rank)
    return {d: r for r, d in enumerate(sorted(best, key=lambda d: (best[d], d)))}


def sentence_features(question: str, scored: Scored, signals: Signals, as_of: str | None,
                      embed: Callable[[Sequence[str]], np.ndarray] | None = None) -> np.ndarray:
    """Matrix (len(scored.cands), len(FEATURES)) of one question's candidate sentences.

    ``hand_gap`` = hand lead score minus the question's best, ``hand_top`` = it is the hand rule's choice among
    ``hand_pool``; ``rel_gap``/``cos_gap`` = relevance / cosine minus the best, ``cos``, ``cov`` and ``window_cov``
    (key-term coverage of the sentence, with a neighbour), ``on_topic``, ``hand_pool``, ``typed``, ``enumeration``,
    ``label`` (``Signals``); ``new_names``/``new_numbers`` = ln(1 + capitalised words / numbers the question does not
    contain); ``passage_top``/``article_top`` = 1 / (1 + 0-based evidence rank of the passage / of its article),
    ``top_article``, ``story_article``, ``article_sentences`` = ln(1 + its article's candidate sentences); ``nearest``,
    ``age_log_days`` = ln(1 + days before ``as_of``; 0 without it), ``undated``; ``headline_match`` = share of the
    question's stems in the article's headline; ``lede``, ``title``, ``early`` = among the article's first three
    sentences, ``with_context``; the role classifier's probabilities of event, statement, judgement, background;
    ``centrality``; ``length`` = ln(characters); then the asked act's match (``answer_act.act_features``, its
    clause cosines with ``embed``, the writer's embedder)."""
    cands = scored.cands
    n = len(cands)
    x = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if n == 0:
        return x
    col = {name: i for i, name in enumerate(FEATURES)}
    qstems = text_stems(question)
    qwords = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    ref = iso_day(as_of)
    arank = _article_ranks(cands)
    per_doc: dict[str, int] = {}
    for c in cands:
        per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
    head_share: dict[str, float] = {}
    hand_pool = signals.hand_pool > 0
    top = -1
    if hand_pool.any():
        idx = np.flatnonzero(hand_pool)
        top = int(idx[np.argmax(signals.hand[idx])])
    for i, c in enumerate(cands):
        row = x[i]
        row[col["hand_top"]] = float(i == top)
        names = {m.group(0).lower() for m in _NAME.finditer(c.text)} - qwords
        numbers = {m.group(0) for m in _NUMBER.finditer(c.text)} - qwords
        row[col["new_names"]] = math.log1p(len(names))
        row[col["new_numbers"]] = math.log1p(len(numbers))
        row[col["passage_top"]] = 1.0 / (1 + c.rank)
        row[col["article_top"]] = 1.0 / (1 + arank[c.doc_id])
        row[col["article_sentences"]] = math.log1p(per_doc[c.doc_id])
        if ref is not None:
            d = iso_day(c.passage.chunk.published)
            row[col["undated"]] = float(d is None)
            row[col["age_log_days"]] = math.log1p(UNDATED_AGE_DAYS if d is None else max(0, (ref - d).days))
        if c.doc_id not in head_share:
            title = text_stems(c.passage.chunk.title or "")
            head_share[c.doc_id] = len(title & qstems) / len(qstems) if qstems else 0.0
        row[col["headline_match"]] = head_share[c.doc_id]
        row[col["lede"]] = float(c.is_lede)
        row[col["title"]] = float(c.is_title)
        row[col["early"]] = float(c.position is not None and c.position[0] < 3)
        row[col["with_context"]] = float(c.with_context)
        for role in ("event", "statement", "judgement", "background"):
            row[col[f"role_{role}"]] = float(c.role_probs.get(role, 1.0 if c.role == role else 0.0))
        row[col["length"]] = math.log(max(len(c.text), 1))
    x[:, col["hand_gap"]] = signals.hand - signals.hand.max()
    x[:, col["rel_gap"]] = scored.rel - scored.rel.max()
    x[:, col["cos_gap"]] = scored.cos - scored.cos.max()
    x[:, col["cos"]] = scored.cos
    x[:, col["cov"]] = scored.cov
    x[:, col["window_cov"]] = scored.window_cov
    x[:, col["centrality"]] = scored.cent
    for name in ("typed", "enumeration", "label", "on_topic", "hand_pool", "top_article", "nearest"):
        x[:, col[name]] = getattr(signals, name)
    x[:, col["story_article"]] = signals.story
    x[:, col[ACT_FEATURES[0]]:] = act_features(question, [c.text for c in cands], embed)
    return x


@dataclass(frozen=True)
class AnswerModel(LinearModel):
    """A linear model over standardized ``FEATURES`` (``rag.linear_model``); ``pool`` says which sentences it
    chooses among ("hand": the hand rule's pool, "floor": every sentence above the relevance floor)."""

    pool: str = "hand"

    def to_dict(self, **extra: Any) -> dict[str, Any]:
        """The JSON form (without the file hash)."""
        return super().to_dict(pool=self.pool, **extra)


def model_from_dict(data: Mapping[str, Any], sha256: str = "") -> AnswerModel:
    """An AnswerModel from its JSON form; AnswerModelError when the schema or the feature list differs from ``FEATURES``."""
    base = parse_linear(data, schema=MODEL_SCHEMA, features=FEATURES, what="answer-selector model",
                        refit="python -m evals.fit_answers", error=AnswerModelError, sha256=sha256, keep=("pool",))
    if data.get("pool") not in ("hand", "floor"):
        raise AnswerModelError(f"malformed answer model: pool {data.get('pool')!r}")
    return AnswerModel(**{f.name: getattr(base, f.name) for f in fields(LinearModel)}, pool=data["pool"])


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> AnswerModel:
    """The answer model in ``path`` (default ``rag/assets/answer_model.json``), read once; AnswerModelError if unusable."""
    data, sha256 = read_model_file(path, what="answer model", error=AnswerModelError)
    return model_from_dict(data, sha256)


def model_hash() -> str:
    """sha256 of the shipped answer model file ('' when it is absent)."""
    try:
        return load_model().sha256
    except AnswerModelError:
        return ""
