"""Whether a fitted checker model can only fall as some features rise (so their extremes bound its verdict).

The checker's novelty features (``novel_share``, ``novel_count``, ``addition``) rise with every claim word the
cited text lacks; word similarity can only lower them, from their lexical value (every such word novel) towards 0.
When the model's probability never rises with them, the verdict at those two ends bounds the verdict at any
value between: if both ends decide the same, comparing the words cannot change the decision (rag/support/checker.py).
"""

from __future__ import annotations

from typing import Sequence

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
