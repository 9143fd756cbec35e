"""Pseudo-relevance feedback for the keyword (BM25) query: RM3 expansion from the top passages of a first search.

RM3 (Abdul-Jaleel et al., "UMass at TREC 2004: Novelty and HARD", TREC 2004; as in Anserini's ``Rm3``): the
feedback model weighs each term by the sum over the first search's top passages of its share of the passage's
terms times the passage's share of the top passages' BM25 score (RM1); its ``terms`` heaviest terms are kept and
renormalised; the expanded query is ``original_weight`` × the original query's term distribution + (1 −
``original_weight``) × the feedback model. Every term of the original query (its names and numbers included)
stays in the expanded query, with at least ``original_weight`` times its original share.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping


def rm3_weights(query_terms: list[str], feedback: Iterable[tuple[list[str], float]], *, terms: int,
                original_weight: float, known: Mapping[str, float] | None = None) -> dict[str, float]:
    """Term → weight of the expanded query (weights sum to 1; an empty dict for an empty query).

    ``query_terms``: the original query's analysed terms (repeats count); ``feedback``: (analysed terms, BM25
    score > 0) of each feedback passage, best first; ``terms``: how many feedback terms are kept (0: the original
    query's distribution alone); ``original_weight`` in [0, 1]; ``known``: when given, only its terms (those the
    index holds) enter the feedback model."""
    if not query_terms:
        return {}
    counts = Counter(query_terms)
    original = {t: c / len(query_terms) for t, c in counts.items()}
    docs = [(Counter(ts), s) for ts, s in feedback if ts and s > 0]
    total = sum(s for _, s in docs)
    if terms <= 0 or not docs or total <= 0:
        return original
    model: Counter[str] = Counter()
    for tf, s in docs:
        length = sum(tf.values())
        for t, c in tf.items():
            if known is None or t in known:
                model[t] += (c / length) * (s / total)
    top = model.most_common(terms)
    mass = sum(w for _, w in top)
    if mass <= 0:
        return original
    out = {t: original_weight * w for t, w in original.items()}
    for t, w in top:
        out[t] = out.get(t, 0.0) + (1.0 - original_weight) * w / mass
    return out
