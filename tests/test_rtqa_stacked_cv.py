"""Specs of the stacked ranker's cross-validation (benchmarks/rtqa_stacked_cv.py): the hand score as an unpenalised
column, so strong regularisation gives back the hand ranking instead of no ranking; the pairs hit@1 is decided by
(the gold article's best passage against the best passage of each article ranked near it)."""

import numpy as np
import pytest

from benchmark_modules import benchmark_module


@pytest.fixture(scope="module")
def stacked():
    return benchmark_module("rtqa_stacked_cv")


def test_hand_log_is_zero_for_the_best_and_falls_with_the_score(stacked):
    h = stacked.hand_log({"a": 0.02, "b": 0.01, "c": 0.005}, ["b", "a", "c", "gone"])
    assert h[1] == 0.0
    assert h[0] == pytest.approx(np.log(0.5))
    assert h[2] == pytest.approx(np.log(0.25))
    assert h[3] == stacked.FLOOR < h[2]


def test_hand_log_of_a_pool_nothing_scored(stacked):
    assert list(stacked.hand_log({}, ["a", "b"])) == [stacked.FLOOR, stacked.FLOOR]


def test_top_pairs_take_each_article_once_in_hand_order(stacked):
    # rows: two passages of article A (the gold), two of B, one each of C and D
    h = np.array([-0.5, -0.1, 0.0, -0.2, -0.3, -2.0])
    docs = ["A", "A", "B", "B", "C", "D"]
    gold = np.array([True, True, False, False, False, False])
    pos, neg = stacked.top_pairs(h, gold, docs, m=2)
    assert pos == [1]            # the gold article's better passage
    assert neg == [2, 4]         # B's better passage, then C's; D is past the first two other articles


def test_top_pairs_without_a_gold_row(stacked):
    assert stacked.top_pairs(np.array([0.0, -1.0]), np.array([False, False]), ["A", "B"], m=5) == ([], [])


def synthetic_pairs(rng, n=400):
    """Differences whose sign is told by column 1 alone; column 0 (the 'hand' column) is noise."""
    d = rng.normal(size=(n, 2))
    d[:, 1] = np.abs(d[:, 1]) + 0.5
    return d, np.ones(n)


def test_strong_regularisation_leaves_only_the_free_column(stacked):
    d, w = synthetic_pairs(np.random.default_rng(3))
    d[:, 0] = np.abs(d[:, 0]) + 0.1   # the free column also orders the pairs
    b = stacked.fit_pairs(d, w, 1e-6, free=(0,))
    assert b[0] > 0.5
    assert abs(b[1]) < 1e-3


def test_weak_regularisation_lets_an_informative_column_in(stacked):
    d, w = synthetic_pairs(np.random.default_rng(4))
    b = stacked.fit_pairs(d, w, 10.0, free=(0,))
    assert b[1] > 1.0
    assert abs(b[1]) > 5 * abs(b[0])


def test_every_column_penalised_shrinks_the_free_one_too(stacked):
    d, w = synthetic_pairs(np.random.default_rng(5))
    d[:, 0] = np.abs(d[:, 0]) + 0.1
    assert abs(stacked.fit_pairs(d, w, 1e-6, free=())[0]) < 1e-3
    assert stacked.fit_pairs(d, w, 1e-6, free=(0,))[0] > 0.5


def test_pair_matrix_weighs_each_question_one(stacked):
    x1 = np.array([[0.0, 1.0], [-1.0, 0.0], [-2.0, 5.0]])    # hand_log first; row 0 gold
    x2 = np.array([[-1.0, 2.0], [0.0, 0.0]])                 # row 0 gold
    items = [{"x": x1, "gold": np.array([True, False, False]), "docs": ["G", "B", "C"]},
             {"x": x2, "gold": np.array([True, False]), "docs": ["G", "B"]}]
    d, w = stacked.pair_matrix(items, "top", m=10)
    assert d.shape == (3, 2)
    assert w.sum() == pytest.approx(2.0)
    assert d[0].tolist() == [1.0, 1.0]      # gold row 0 minus B's row
    with pytest.raises(ValueError):
        stacked.pair_matrix([{"x": x2, "gold": np.array([False, False]), "docs": ["G", "B"]}], "top", m=10)


def test_model_scores_the_best_candidate_one(stacked):
    m = stacked.Model(np.array([2.0, -1.0]), np.zeros(2), np.ones(2))
    s = m.score(np.array([[0.0, 0.0], [-1.0, 0.0], [0.0, 1.0]]))
    assert s[0] == pytest.approx(1.0)
    assert s[1] == pytest.approx(np.exp(-2.0))
    assert s[2] == pytest.approx(np.exp(-1.0))
