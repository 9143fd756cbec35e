"""``rag.support.bounds.non_increasing``: when a fitted model's probability provably never rises with some features.

The checker skips word similarity when the novelty features' two extremes decide alike; that is sound only for a
model that never rises with them, so the test is on the model's own parameters, and anything it cannot read is
"not bounded"."""

from __future__ import annotations

import numpy as np

from rag.support.bounds import non_increasing
from rag.support.features import FEATURES
from rag.support.model import Blend, Boosted, Logistic, Tree, load_model

NOVELTY = [FEATURES.index(f) for f in ("novel_share", "novel_count", "addition")]


def logistic(weights: dict[int, float]) -> Logistic:
    n = len(FEATURES)
    coef = np.zeros(n)
    for i, w in weights.items():
        coef[i] = w
    return Logistic(np.zeros(n), np.ones(n), coef, 0.0)


def stump(feature: int, low_side: float, high_side: float) -> Tree:
    """One split: x[feature] <= 0.5 adds ``low_side``, above it ``high_side``."""
    return Tree((feature, -1, -1), (0.5, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, low_side, high_side))


def test_a_logistic_model_is_bounded_when_its_weights_there_are_not_positive():
    assert non_increasing(logistic({NOVELTY[0]: -1.0, NOVELTY[2]: 0.0}), NOVELTY)
    assert not non_increasing(logistic({NOVELTY[1]: 0.3}), NOVELTY)
    assert non_increasing(logistic({NOVELTY[1]: 0.3}), NOVELTY[:1])  # only the features asked about count


def test_trees_are_bounded_when_every_split_on_the_features_lowers_the_larger_side():
    cos = FEATURES.index("cos_window")
    assert non_increasing(Boosted(0.0, (stump(NOVELTY[0], 0.2, -0.4), stump(cos, -1.0, 1.0))), NOVELTY)
    assert not non_increasing(Boosted(0.0, (stump(NOVELTY[0], -0.4, 0.2),)), NOVELTY)
    # a split on the feature below another split: its subtrees' leaves, not only its children, are compared
    deep = Tree((cos, NOVELTY[0], -1, -1, -1), (0.5, 0.5, 0, 0, 0), (1, 3, -1, -1, -1), (2, 4, -1, -1, -1),
                (0.0, 0.0, 0.9, 0.1, 0.3))
    assert not non_increasing(Boosted(0.0, (deep,)), NOVELTY)


def test_a_blend_is_bounded_when_its_parts_are_and_its_weights_are_not_negative():
    down = logistic({NOVELTY[0]: -1.0})
    trees = Boosted(0.0, (stump(NOVELTY[1], 0.1, -0.1),))
    assert non_increasing(Blend((trees, down), (0.3, 0.7)), NOVELTY)
    assert not non_increasing(Blend((trees, down), (0.3, -0.7)), NOVELTY)


def test_an_unknown_scorer_is_not_bounded():
    class Opaque:
        def probability(self, x):
            return 0.5

    assert not non_increasing(Opaque(), NOVELTY)


def test_the_shipped_model_and_its_folds_are_bounded_in_novelty():
    model = load_model()
    assert non_increasing(model.main, NOVELTY)
    assert all(non_increasing(f, NOVELTY) for f in model.folds)
