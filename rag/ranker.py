"""The fitted ranker: interpretable features of each search candidate combined by a linear (pairwise logistic)
model fitted on RealTime QA's fit half (``python -m evals.fit_ranker``), applied with numpy from
``rag/assets/ranker_model.json`` (no scikit-learn at run time). ``model_hash()`` is that file's sha256, recorded
in the retrieval fingerprint and in ``HybridRetriever.describe()``.

Features are computed per query over its candidate pool (the dense and BM25 candidates ``HybridRetriever``
fetched), so they are relative where a raw value means nothing across queries (a cosine's distance to the
query's best cosine, a BM25 score's share of the best one). A feature equal for every candidate of a query
(the age features of a search without an "as of" date) cannot change its order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from rag.linear_model import LinearModel, parse_linear, read_model_file, widened

MODEL_PATH = Path(__file__).parent / "assets" / "ranker_model.json"
MODEL_SCHEMA = "techsec-brief/ranker"

#: the features, in the model's column order; each is documented in ``passage_features``
FEATURES = (
    "dense_rrf", "dense_top", "dense_cos_gap", "bm25_rrf", "bm25_top", "bm25_share",
    "age_log_days", "age_week", "undated",
    "headline_match", "names_in_headline", "names_in_passage", "digest", "lead_passage",
    "doc_dense_passages", "doc_bm25_passages", "doc_best_cos_gap", "doc_best_bm25_share", "doc_best_passage",
    "live_blog", "in_asked_period", "before_event_day",
)

#: the RRF constant of the rank features, as the model in ``rag/assets/ranker_model.json`` was fitted (the hand
#: ranking's default until s36; the hand ranking now reads ``retrieval.rrf_k``, 30): changing it needs a refit
RRF_K = 60
#: age given to an undated report in an "as of" search (a year: old news), besides its ``undated`` flag
UNDATED_AGE_DAYS = 365
_WORD = re.compile(r"[0-9a-z]+")


class RankerModelError(RuntimeError):
    """The ranker model file is missing, malformed or fitted on other features."""


@dataclass(frozen=True)
class Pool:
    """One query's candidates: dense and BM25 ids best first (already cut to the search's pool size), the dense
    cosines and BM25 scores by chunk id."""

    dense: Sequence[str]
    similarity: Mapping[str, float]
    lexical: Sequence[str]
    bm25: Mapping[str, float] = field(default_factory=dict)

    def ids(self) -> list[str]:
        """Every candidate once: dense order, then BM25-only ones."""
        return list(dict.fromkeys([*self.dense, *self.lexical]))


def words(text: str | None) -> set[str]:
    """Lower-cased alphanumeric words of a text (what name coverage compares)."""
    return set(_WORD.findall((text or "").lower()))


def name_words(names: Sequence[str]) -> list[set[str]]:
    """Each name or number of a query (``rag.ranking.names_and_numbers``) as its set of words; empty ones dropped."""
    return [w for w in (words(n) for n in names) if w]


def _share(names: list[set[str]], have: set[str]) -> float:
    return sum(1 for n in names if n <= have) / len(names) if names else 0.0


def _share_in_text(patterns: list[list[tuple[str, re.Pattern[str]]]], text: str) -> float:
    # word-bounded searches in the lower-cased text: a passage's whole word set costs ~10x more to build
    return sum(1 for pats in patterns if all(w in text and p.search(text) for w, p in pats)) / len(patterns) if patterns else 0.0


def _age_days(published: str | None, until: str) -> float | None:
    try:
        pub = date.fromisoformat(published[:10]) if published else None
        ref = date.fromisoformat(until[:10])
    except ValueError:
        return None
    return None if pub is None else float(max(0, (ref - pub).days))


def passage_features(pool: Pool, rows: Mapping[str, Mapping[str, Any]], *, headline_share: Mapping[str, float],
                     names: Sequence[set[str]], headline_words: Mapping[str, set[str]], digest: Mapping[str, bool],
                     as_of: str | None, live_blog: Mapping[str, bool] | None = None, period_since: str | None = None,
                     event_day: str | None = None) -> tuple[list[str], np.ndarray]:
    """(candidate ids, matrix of shape (ids, len(FEATURES))) for the candidates that have a catalog row.

    Per candidate: ``dense_rrf``/``bm25_rrf`` = RRF_K / (RRF_K + rank) in that retriever (0 when absent),
    ``dense_top``/``bm25_top`` = 1 / rank (0 absent), ``dense_cos_gap`` = cosine minus the query's best (the pool's
    lowest when absent), ``bm25_share`` = BM25 score over the query's best (0 absent); in an "as of" search
    (``as_of`` = the ``until`` date, None otherwise: then all three are 0) ``age_log_days`` = ln(1 + days before
    it), ``age_week`` = published within 7 days of it, ``undated``; ``headline_match`` = share of the query's IDF
    weight in the article's headline or lede (``headline_share`` by doc id), ``names_in_headline`` /
    ``names_in_passage`` = share of the query's names and numbers all of whose words are in the headline / the
    passage; ``digest`` and ``live_blog`` (``rag.doc_kind``, by doc id), ``lead_passage`` (the article's first passage);
    in an "as of" search whose query names a period before it (``period_since``, the ISO first day of
    ``rag.text.asked_period.asked_period``'s window: "… this week?"), ``in_asked_period`` = the report is dated on or
    after that day, and whose query names one weekday (``event_day``, ISO: ``rag.ranking.event_day``),
    ``before_event_day`` = the report is dated before that day (an undated one is neither); and per article,
    ln(1 + its passages among the dense / BM25 candidates), its best cosine gap and best BM25 share, and whether
    this passage is its best by ``dense_rrf + bm25_rrf``."""
    ids = [cid for cid in pool.ids() if cid in rows]
    dense_rank = {cid: i + 1 for i, cid in enumerate(pool.dense)}
    lex_rank = {cid: i + 1 for i, cid in enumerate(pool.lexical)}
    sims = [pool.similarity[c] for c in pool.dense if c in pool.similarity]
    best_sim = max(sims) if sims else 0.0
    low_sim = min(sims) if sims else 0.0
    scores = [pool.bm25[c] for c in pool.lexical if c in pool.bm25]
    best_bm25 = max(scores) if scores and max(scores) > 0 else 1.0

    x = np.zeros((len(ids), len(FEATURES)), dtype=np.float64)
    col = {name: i for i, name in enumerate(FEATURES)}
    doc_of = [rows[cid]["doc_id"] for cid in ids]
    name_list = list(names)
    patterns = [[(w, re.compile(rf"\b{re.escape(w)}\b")) for w in sorted(n)] for n in name_list]
    for r, cid in enumerate(ids):
        row = rows[cid]
        d, b = dense_rank.get(cid), lex_rank.get(cid)
        x[r, col["dense_rrf"]] = RRF_K / (RRF_K + d) if d else 0.0
        x[r, col["dense_top"]] = 1.0 / d if d else 0.0
        x[r, col["dense_cos_gap"]] = pool.similarity.get(cid, low_sim) - best_sim
        x[r, col["bm25_rrf"]] = RRF_K / (RRF_K + b) if b else 0.0
        x[r, col["bm25_top"]] = 1.0 / b if b else 0.0
        x[r, col["bm25_share"]] = pool.bm25.get(cid, 0.0) / best_bm25
        if as_of:
            age = _age_days(row.get("published"), as_of)
            x[r, col["undated"]] = float(age is None)
            age = UNDATED_AGE_DAYS if age is None else age
            x[r, col["age_log_days"]] = math.log1p(age)
            x[r, col["age_week"]] = float(age <= 7)
        doc = row["doc_id"]
        x[r, col["headline_match"]] = headline_share.get(doc, 0.0)
        x[r, col["names_in_headline"]] = _share(name_list, headline_words.get(doc, set()))
        if patterns:
            x[r, col["names_in_passage"]] = _share_in_text(patterns, f"{row.get('title') or ''}\n{row.get('text') or ''}".lower())
        x[r, col["digest"]] = float(bool(digest.get(doc)))
        x[r, col["lead_passage"]] = float(row.get("idx") == 0)
        x[r, col["live_blog"]] = float(bool((live_blog or {}).get(doc)))
        published = (row.get("published") or "")[:10]
        if as_of and published:
            x[r, col["in_asked_period"]] = float(bool(period_since) and published >= period_since)
            x[r, col["before_event_day"]] = float(bool(event_day) and published < event_day)

    by_doc: dict[str, list[int]] = {}
    for r, doc in enumerate(doc_of):
        by_doc.setdefault(doc, []).append(r)
    fused = x[:, col["dense_rrf"]] + x[:, col["bm25_rrf"]]
    for members in by_doc.values():
        m = np.asarray(members)
        x[m, col["doc_dense_passages"]] = math.log1p(int((x[m, col["dense_rrf"]] > 0).sum()))
        x[m, col["doc_bm25_passages"]] = math.log1p(int((x[m, col["bm25_rrf"]] > 0).sum()))
        x[m, col["doc_best_cos_gap"]] = x[m, col["dense_cos_gap"]].max()
        x[m, col["doc_best_bm25_share"]] = x[m, col["bm25_share"]].max()
        x[m[int(np.argmax(fused[m]))], col["doc_best_passage"]] = 1.0
    return ids, x


#: The ranker's model: a linear model over standardized ``FEATURES`` (``rag.linear_model``).
RankerModel = LinearModel


def model_from_dict(data: Mapping[str, Any], sha256: str = "") -> RankerModel:
    """A RankerModel from its JSON form; RankerModelError when the schema differs or the file names a feature
    ``FEATURES`` lacks (or in another order). A model fitted before a feature was added (its features a subset of
    ``FEATURES``, in order) gives that feature weight 0 (``rag.linear_model.widened``): it ranks as it was fitted
    until ``python -m evals.fit_ranker`` refits it."""
    return parse_linear(widened(data, FEATURES), schema=MODEL_SCHEMA, features=FEATURES, what="ranker model",
                        refit="python -m evals.fit_ranker", error=RankerModelError, sha256=sha256)


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> RankerModel:
    """The ranker model in ``path`` (default ``rag/assets/ranker_model.json``), read once; RankerModelError if unusable."""
    data, sha256 = read_model_file(path, what="ranker model", error=RankerModelError)
    return model_from_dict(data, sha256)


def model_hash() -> str:
    """sha256 of the shipped ranker model file ('' when it is absent)."""
    try:
        return load_model().sha256
    except RankerModelError:
        return ""
