"""The fit's threshold rule (``evals.fit_checker.threshold_rule``) picks the centre of a plateau, not a point.

Every case is one source of 200 supported and 200 unsupported rows whose out-of-fold probabilities are placed so
that the trade curve has a chosen shape. An unsupported row placed just below threshold t is rejected from t on
(+1/400 balanced accuracy); a supported row placed there is rejected from t on (-1/400, and -1/200 supported
recall); every other row sits at 0.99, accepted at every threshold. No veto fires.
"""

from __future__ import annotations

import numpy as np
import pytest

from evals.fit_checker import threshold_rule

N = 200


def curve_data(unsupported_from: dict[float, int], supported_from: dict[float, int]) -> tuple:
    """(y, oof, blocked, sources): ``unsupported_from[t]`` unsupported rows, ``supported_from[t]`` supported rows
    rejected from threshold t on; the rest of each class accepted at every threshold."""
    y, p = [], []
    for label, flips in ((0, unsupported_from), (1, supported_from)):
        placed = [t - 0.005 for t, n in flips.items() for _ in range(n)]
        p += placed + [0.99] * (N - len(placed))
        y += [label] * N
    return np.array(y), np.array(p), np.zeros(2 * N, dtype=bool), ["own_claims"] * (2 * N)


RAMP = {0.10: 12, 0.14: 12, 0.18: 12}  # balanced accuracy climbs to 0.59 by 0.18


def ba(rule: dict, t: float) -> float:
    return next(p["own_claims"]["balanced_accuracy"] for p in rule["curve"] if abs(p["threshold"] - t) < 1e-9)


def test_a_flat_plateau_gives_its_centre_not_its_lowest_point():
    # 0.59 from 0.18 to 0.71; ten faithful rows lost at 0.72 (still feasible), forty more at 0.80 (not)
    rule = threshold_rule(*curve_data(RAMP, {0.72: 10, 0.80: 40}))
    assert ba(rule, 0.18) == ba(rule, 0.45) == ba(rule, 0.71) == pytest.approx(0.59)
    assert 0.40 <= rule["threshold"] <= 0.50
    assert rule["plateau"][0] <= 0.21 and rule["plateau"][1] >= 0.69


def test_a_one_row_bump_on_a_plateau_does_not_decide():
    # the plateau of the test above, with one more unsupported row caught from 0.66 and one faithful row lost at 0.67
    rule = threshold_rule(*curve_data(RAMP | {0.66: 1}, {0.67: 1, 0.72: 10, 0.80: 40}))
    assert ba(rule, 0.66) > ba(rule, 0.65)  # the raw curve's single best point
    assert 0.40 <= rule["threshold"] <= 0.50


def test_a_spike_at_the_edge_of_the_feasible_range_does_not_decide():
    # flat at 0.59 from 0.18; eight more unsupported rows caught at 0.50 (+0.02), then twenty faithful rows lost at
    # 0.51: supported recall 0.90 < 0.95, so 0.50 is the last feasible threshold and the raw curve's best
    rule = threshold_rule(*curve_data(RAMP | {0.50: 8}, {0.51: 20, 0.80: 40}))
    feasible = [p["threshold"] for p in rule["curve"] if p["own_claims"]["unvetoed_supported_recall"] >= 0.95]
    assert max(feasible) == 0.50 and ba(rule, 0.50) == max(ba(rule, t) for t in feasible)
    assert 0.30 <= rule["threshold"] <= 0.40
    assert rule["plateau"][1] < 0.50


def test_a_moved_edge_moves_the_threshold_by_at_most_half_as_much():
    # a flat curve whose best point (one more unsupported row caught) is the last feasible threshold, 0.40 in one
    # sample and 0.50 in another (twenty faithful rows lost just after it): the point rule follows the edge by 0.10
    low = threshold_rule(*curve_data(RAMP | {0.40: 1}, {0.41: 20, 0.80: 40}))
    high = threshold_rule(*curve_data(RAMP | {0.50: 1}, {0.51: 20, 0.80: 40}))
    assert round(high["threshold"] - low["threshold"], 2) <= 0.05
    assert low["threshold"] <= 0.32 and high["threshold"] <= 0.37


def test_repeated_splits_are_averaged():
    y, p, blocked, src = curve_data(RAMP, {0.72: 10, 0.80: 40})
    one = threshold_rule(y, p, blocked, src)
    twice = threshold_rule(y, np.stack([p, p]), blocked, src)
    assert twice["threshold"] == one["threshold"] and twice["repeats"] == 2
    # a second split that catches nothing: every balanced accuracy is the mean of the two splits'
    none = np.full_like(p, 0.99)
    mixed = threshold_rule(y, np.stack([p, none]), blocked, src)
    assert ba(mixed, 0.45) == pytest.approx((0.59 + 0.5) / 2)


def test_no_feasible_threshold_gives_the_lowest():
    rule = threshold_rule(*curve_data(RAMP, {0.05: 40}))  # a fifth of the faithful rows below every threshold
    assert rule["qualifying"] == 0 and rule["threshold"] == 0.05
