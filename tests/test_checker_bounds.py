"""``rag.support.bounds``: when a fitted model's probability provably never rises with some features, and the least
and greatest log-odds it can give over a box of feature values.

The checker skips word similarity when the novelty features' two extremes decide alike; that is sound only for a
model that never rises with them, so the test is on the model's own parameters, and anything it cannot read is
"not bounded". It skips clause fragments and sentences of never-chosen windows when the model's log-odds over every
value they allow stay on one side of the threshold (``logit_bounds``): every point of the box must score within the
bounds, whatever the model."""

from __future__ import annotations

import numpy as np
import pytest

from rag.support.bounds import logit_bounds, non_increasing
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


# --- logit_bounds: the least and greatest log-odds over a box of feature values ----------------------------------


def random_tree(rng: np.random.Generator, depth: int = 3) -> Tree:
    """A full binary tree of ``depth`` splits on random features and thresholds in 0..1, random leaves."""
    feature, threshold, left, right, value = [], [], [], [], []

    def node(d: int) -> int:
        i = len(feature)
        feature.append(-1), threshold.append(0.0), left.append(-1), right.append(-1), value.append(0.0)
        if d == 0:
            value[i] = float(rng.normal())
            return i
        feature[i], threshold[i] = int(rng.integers(len(FEATURES))), float(rng.random())
        left[i] = node(d - 1)
        right[i] = node(d - 1)
        return i

    node(depth)
    return Tree(tuple(feature), tuple(threshold), tuple(left), tuple(right), tuple(value))


def random_model(rng: np.random.Generator) -> Blend:
    n = len(FEATURES)
    lin = Logistic(rng.random(n), rng.random(n) + 0.5, rng.normal(size=n), float(rng.normal()))
    trees = Boosted(float(rng.normal()), tuple(random_tree(rng) for _ in range(8)))
    return Blend((trees, lin), (0.4, 0.6))


@pytest.mark.parametrize("seed", range(5))
def test_every_point_of_the_box_scores_within_the_bounds(seed):
    rng = np.random.default_rng(seed)
    model = random_model(rng)
    n = len(FEATURES)
    low = rng.random(n)
    high = low.copy()
    free = rng.choice(n, size=6, replace=False)  # most features known, a few within a range (as in the checker)
    high[free] += rng.random(6)
    least, greatest = logit_bounds(model, low, high)
    assert least <= greatest
    for part in (model, *model.parts):
        lo, hi = logit_bounds(part, low, high)
        for _ in range(300):
            x = low + rng.random(n) * (high - low)
            x[free[:2]] = np.where(rng.random(2) < 0.5, low[free[:2]], high[free[:2]])  # corners too
            assert lo - 1e-9 <= part.logit(x) <= hi + 1e-9


def test_a_point_box_gives_the_points_log_odds():
    rng = np.random.default_rng(7)
    model = random_model(rng)
    x = rng.random(len(FEATURES))
    least, greatest = logit_bounds(model, x, x)
    assert least == pytest.approx(model.logit(x), abs=1e-9) and greatest == pytest.approx(model.logit(x), abs=1e-9)


def test_the_bounds_are_reached_at_the_corners_of_a_logistic_model_and_the_reachable_leaves_of_a_tree():
    cos = FEATURES.index("cos_window")
    lin = logistic({cos: 2.0, NOVELTY[0]: -1.0})
    low, high = np.zeros(len(FEATURES)), np.zeros(len(FEATURES))
    high[cos], high[NOVELTY[0]] = 1.0, 1.0
    assert logit_bounds(lin, low, high) == pytest.approx((-1.0, 2.0))
    # x <= 0.5 goes left: a box within 0..0.4 reaches only the left leaf, 0.4..0.9 both, 0.6..0.9 only the right
    tree = Boosted(0.1, (stump(cos, -1.0, 1.0),))
    for lo_c, hi_c, expected in ((0.0, 0.4, (-0.9, -0.9)), (0.4, 0.9, (-0.9, 1.1)), (0.6, 0.9, (1.1, 1.1)),
                                 (0.5, 0.5, (-0.9, -0.9))):
        low[cos], high[cos] = lo_c, hi_c
        assert logit_bounds(tree, low, high) == pytest.approx(expected)


def test_a_negative_blend_weight_swaps_its_parts_bounds_and_an_unknown_scorer_has_none():
    cos = FEATURES.index("cos_window")
    low, high = np.zeros(len(FEATURES)), np.zeros(len(FEATURES))
    high[cos] = 1.0
    assert logit_bounds(Blend((logistic({cos: 1.0}),), (-2.0,)), low, high) == pytest.approx((-2.0, 0.0))

    class Opaque:
        def probability(self, x):
            return 0.5

    assert logit_bounds(Opaque(), low, high) is None
    assert logit_bounds(Blend((logistic({cos: 1.0}), Opaque()), (0.5, 0.5)), low, high) is None  # type: ignore[arg-type]
