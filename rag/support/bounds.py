"""Bounds on a fitted checker model's verdict: whether it can only fall as some features rise, and the least and
greatest log-odds it gives over a box of feature values.

The checker's novelty features (``novel_share``, ``novel_count``, ``addition``) rise with every claim word the
cited text lacks; word similarity can only lower them, from their lexical value (every such word novel) towards 0.
When the model's probability never rises with them, the verdict at those two ends bounds the verdict at any
value between: if both ends decide the same, comparing the words cannot change the decision (rag/support/checker.py,
rag/support/decision.py).
Likewise the units a check embeds last (clause fragments, sentences of never-chosen windows) only move the cosine
features within known ranges: when the model's log-odds over that whole box stay on one side of the threshold
(``logit_bounds``), they need not be embedded.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from rag.support.model import Blend, Boosted, Logistic, Scorer, Tree


def non_increasing(scorer: Scorer, features: Sequence[int]) -> bool:
    """True when ``scorer``'s probability provably never rises as any feature (column index) in ``features``
    rises, the others held: a logistic part's weights are <= 0 there, a tree's every split on them sends the larger
    value to leaves no higher than the smaller value's, a blend's weights are >= 0. False for anything else."""
    if isinstance(scorer, Logistic):
        return all(float(scorer.coef[i]) <= 0.0 for i in features)
    if isinstance(scorer, Boosted):
        return all(_tree_non_increasing(t, frozenset(features)) for t in scorer.trees)
    if isinstance(scorer, Blend):
        return all(w >= 0.0 for w in scorer.weights) and all(non_increasing(p, features) for p in scorer.parts)
    return False


def _tree_non_increasing(tree: Tree, features: frozenset[int]) -> bool:
    """Every split on ``features``: the lowest leaf on its ``<=`` side is >= the highest on its ``>`` side (how a
    monotone-constrained tree is built, and sufficient for the tree to be non-increasing in them)."""
    lo: dict[int, float] = {}
    hi: dict[int, float] = {}

    def walk(i: int) -> None:
        if tree.left[i] < 0:
            lo[i] = hi[i] = tree.value[i]
            return
        walk(tree.left[i])
        walk(tree.right[i])
        lo[i] = min(lo[tree.left[i]], lo[tree.right[i]])
        hi[i] = max(hi[tree.left[i]], hi[tree.right[i]])

    walk(0)
    return all(lo[tree.left[i]] >= hi[tree.right[i]]
               for i in range(len(tree.left)) if tree.left[i] >= 0 and tree.feature[i] in features)


def logit_bounds(scorer: Scorer, low: Sequence[float], high: Sequence[float]) -> tuple[float, float] | None:
    """(least, greatest) log-odds of ``scorer`` over every x with ``low <= x <= high`` feature by feature (both in
    ``FEATURES`` order; a feature known exactly has ``low == high``), or None for a scorer it cannot read. Sound,
    not always tight: a tree's bound is its extreme leaf reachable in the box, a logistic part's its extreme
    corner, a blend the weighted sum of its parts' bounds."""
    lo, hi = np.asarray(low, float), np.asarray(high, float)
    if isinstance(scorer, Logistic):
        a = scorer.coef * (lo - scorer.mean) / scorer.scale
        b = scorer.coef * (hi - scorer.mean) / scorer.scale
        return float(np.minimum(a, b).sum() + scorer.intercept), float(np.maximum(a, b).sum() + scorer.intercept)
    if isinstance(scorer, Boosted):
        least = greatest = scorer.baseline
        for tree in scorer.trees:
            t_lo, t_hi = _tree_range(tree, lo, hi)
            least, greatest = least + t_lo, greatest + t_hi
        return least, greatest
    if isinstance(scorer, Blend):
        least = greatest = 0.0
        for w, part in zip(scorer.weights, scorer.parts):
            b = logit_bounds(part, lo, hi)
            if b is None:
                return None
            least, greatest = least + min(w * b[0], w * b[1]), greatest + max(w * b[0], w * b[1])
        return least, greatest
    return None


def _tree_range(tree: Tree, lo: np.ndarray, hi: np.ndarray) -> tuple[float, float]:
    """The least and greatest leaf values of ``tree`` an x in the box [lo, hi] can reach (``Tree.leaf_value``:
    x <= threshold goes left)."""
    least, greatest = np.inf, -np.inf
    stack = [0]
    while stack:
        i = stack.pop()
        if tree.left[i] < 0:
            least, greatest = min(least, tree.value[i]), max(greatest, tree.value[i])
            continue
        f, t = tree.feature[i], tree.threshold[i]
        if lo[f] <= t:
            stack.append(tree.left[i])
        if hi[f] > t:
            stack.append(tree.right[i])
    return float(least), float(greatest)
