"""The ship rule's comparison (``evals.fit_checker.compare`` / ``judge``): two fits compared each at its own
threshold, over every split, each figure the mean over the splits, FactCC by its ranking; a refit ships only when
every condition holds."""

from __future__ import annotations

import numpy as np
import pytest

from evals.fit_checker import FEATURES, _split_figures, cached_columns, judge, movement, ship_fails, threshold_rule


def figures(own_f1: float = 0.0, factcc_auc: float = 0.0, ece: float = 0.0, kinds: dict | None = None,
            factcc_ba: float = 0.0) -> tuple:
    """(difference, after) as ``compare`` gives them; ``kinds`` {kind: (F1 after, its change)}."""
    kinds = kinds or {"topic": (0.85, 0.0)}
    difference = {"own_f1": {"mean": own_f1}, "factcc_auc": {"mean": factcc_auc}, "factcc_ba": {"mean": factcc_ba},
                  "factcc_ece": {"mean": ece},
                  **{f"f1_{k}": {"mean": d} for k, (_, d) in kinds.items()}}
    after = {f"f1_{k}": {"mean": v} for k, (v, _) in kinds.items()}
    return difference, after


def test_a_refit_ships_when_nothing_falls():
    assert ship_fails(*figures(own_f1=0.004)) == []


def test_a_null_change_passes_but_a_fall_beyond_the_reshuffle_does_not():
    # a column of random numbers added to main's features moved own F1 by -0.0009 (evals/README.md, h/checker-s30)
    assert ship_fails(*figures(own_f1=0.0)) == []
    assert ship_fails(*figures(own_f1=-0.0009)) == []
    assert ship_fails(*figures(own_f1=-0.003)) == ["own-claims F1 falls (-0.0030)"]


def test_a_fall_smaller_than_the_tolerance_fails_when_its_whole_interval_is_below_zero():
    difference, after = figures(own_f1=-0.002, factcc_auc=-0.002)
    difference["own_f1"].update(low=-0.004, high=-0.0005)
    difference["factcc_auc"].update(low=-0.010, high=0.002)
    assert ship_fails(difference, after) == ["own-claims F1 falls (-0.0020)"]


def test_factcc_is_judged_by_its_ranking_not_by_its_decisions_at_one_threshold():
    assert ship_fails(*figures(own_f1=0.01, factcc_ba=-0.02)) == []  # decisions alone: the threshold's business
    # three null changes moved the AUC by -0.0001, -0.0011, +0.0012 (evals/README.md, h/checker-s35)
    assert ship_fails(*figures(own_f1=0.01, factcc_auc=-0.0011)) == []
    assert ship_fails(*figures(own_f1=0.01, factcc_auc=-0.0025)) == []
    assert ship_fails(*figures(own_f1=0.01, factcc_auc=-0.004)) == ["FactCC ranking falls (AUC -0.0040)"]
    difference, after = figures(own_f1=0.01, factcc_auc=-0.002)
    difference["factcc_auc"].update(low=-0.004, high=-0.0003)
    assert ship_fails(difference, after) == ["FactCC ranking falls (AUC -0.0020)"]


def test_no_kind_may_fall_below_the_floor_and_ece_may_rise_by_a_hundredth():
    fails = ship_fails(*figures(own_f1=0.01, ece=0.012, kinds={"topic": (0.79, -0.03), "role": (0.95, -0.01)}))
    assert fails == ["kinds fallen below 0.80: topic 0.790", "FactCC ECE rises by 0.0120"]


def test_a_kind_below_the_floor_may_rise_towards_it_but_not_fall_further():
    assert ship_fails(*figures(own_f1=0.01, kinds={"topic": (0.72, 0.056), "role": (0.95, 0.0)})) == []
    assert ship_fails(*figures(own_f1=0.01, kinds={"topic": (0.70, -0.03)})) == ["kinds fallen below 0.80: topic 0.700"]


def test_a_kind_below_the_floor_moved_by_the_reshuffle_alone_has_not_fallen():
    # the null change moved modality and topic by -0.003: a tenth of one of their rows
    assert ship_fails(*figures(own_f1=0.0, kinds={"topic": (0.769, -0.0025), "modality": (0.781, -0.0032)})) == []
    # and a null change moved topic by -0.0195 (h/checker-s35, seed 2): less than one of its 36 rows
    assert ship_fails(*figures(own_f1=0.0, kinds={"topic": (0.780, -0.0195)})) == []


def test_the_refit_after_a_change_uses_the_settings_chosen_before_it():
    pytest.importorskip("sklearn", reason="the fit needs the `fit` extra (scikit-learn)")
    from evals.fit_checker import BOOST_GRID, fit

    rng = np.random.default_rng(0)
    rows = [{"supported": bool(i % 2), "source": "own_claims" if i % 3 else "factcc_cnndm", "group": f"g{i // 2}",
             "kind": "topic" if i % 2 == 0 else "reorder", "passage": f"p{i // 2}", "claim": f"c{i}"} for i in range(120)]
    y = np.array([r["supported"] for r in rows], dtype=float)
    x = rng.random((120, len(FEATURES))) * 0.2
    x[:, FEATURES.index("cos_window")] += y * 0.5  # one informative signal
    given = {"boosted": BOOST_GRID[2], "logistic_c": 3.0, "weight_boosted": 0.7}
    got: list = []
    model = fit(rows, x, oof_out=None, repeat_seeds=(14,), repeats_out=got, settings=given)
    assert model["params"] == given and got[0][2] == given


def test_split_figures_score_each_split_at_the_threshold_given():
    y = np.array([1, 1, 0, 0, 1, 0])
    src = np.array(["factcc_cnndm"] * 4 + ["own_claims"] * 2)
    kind = np.array(["", "", "", "", "reorder", "topic"])
    runs = np.array([[0.9, 0.8, 0.2, 0.6, 0.7, 0.1],    # FactCC: one unsupported row accepted at 0.5
                     [0.9, 0.8, 0.2, 0.4, 0.7, 0.6]])   # own claims: the topic row accepted at 0.5
    got = _split_figures((y, src, kind), runs, np.zeros(6, dtype=bool), 0.5)
    assert got["factcc_ba"].tolist() == [0.75, 1.0]
    assert got["own_f1"].tolist() == [1.0, 0.0]
    assert got["f1_topic"].tolist() == [1.0, 0.0]
    vetoed = _split_figures((y, src, kind), runs, np.array([0, 0, 0, 0, 0, 1], dtype=bool), 0.5)
    assert vetoed["own_f1"].tolist() == [1.0, 1.0]  # a veto rejects whatever the probability


def test_the_threshold_rule_takes_one_veto_mask_per_split():
    y = np.array([1] * 40 + [0] * 40)
    p = np.where(y == 1, 0.9, 0.1)
    runs = np.stack([p, p])
    same = threshold_rule(y, runs, np.zeros(80, dtype=bool), ["own_claims"] * 80)
    masks = np.zeros((2, 80), dtype=bool)
    masks[1, :4] = True  # the second fit vetoes four supported rows
    pooled = threshold_rule(y, runs, masks, ["own_claims"] * 80)
    point = next(q for q in pooled["curve"] if q["threshold"] == 0.5)["own_claims"]
    assert point["supported_recall"] == pytest.approx((1.0 + 0.9) / 2)
    assert next(q for q in same["curve"] if q["threshold"] == 0.5)["own_claims"]["supported_recall"] == 1.0


def test_cached_columns_read_by_name_and_a_missing_feature_reads_zero(tmp_path):
    old = [f for f in FEATURES if f != "noun_swap"]
    x = np.arange(3 * len(old), dtype=float).reshape(3, len(old))
    np.savez(tmp_path / "x.npz", x=x, key=np.array("k"), features=np.array(old))
    got = cached_columns(tmp_path / "x.npz", 3)
    assert got.shape == (3, len(FEATURES))
    assert got[:, FEATURES.index("noun_swap")].tolist() == [0.0, 0.0, 0.0]
    assert got[:, FEATURES.index(old[5])].tolist() == x[:, 5].tolist()
    with pytest.raises(SystemExit):
        cached_columns(tmp_path / "x.npz", 4)


def _two_fits(shift: np.ndarray) -> tuple:
    """Labels, sources and (probabilities, vetoes) of a fit and of a refit whose FactCC predictions move by ``shift``
    (two splits; own rows unchanged; FactCC row 5 vetoed in the refit only)."""
    y = np.array([1, 1, 1, 0, 0, 0, 1, 0])
    src = np.array(["factcc_cnndm"] * 6 + ["own_claims"] * 2)
    p = np.array([[0.9, 0.6, 0.42, 0.38, 0.2, 0.1, 0.8, 0.3], [0.85, 0.55, 0.45, 0.35, 0.25, 0.15, 0.7, 0.2]])
    after = p.copy()
    after[:, :6] += shift
    return y, src, (p, np.zeros(8, bool)), (after, np.arange(8) == 5)


def test_a_refit_that_lifts_every_factcc_row_alike_is_a_level_shift_with_the_same_ranking():
    y, src, before, after = _two_fits(np.full(6, 0.06))
    m = movement(y, src, before, after, threshold=0.4)
    assert m["mean_shift"] == m["mean_abs_shift"] == 0.06
    assert m["auc_before"] == m["auc_after"] == 1.0
    # at a threshold held fixed, the unsupported row at 0.38 / 0.35 (0.44 / 0.41 after) crosses it in both splits: a wrong acceptance
    assert m["changed"] == 1.0 and m["changed_to_right"] == 0.0


def test_a_refit_that_reorders_the_factcc_rows_lowers_their_ranking_whatever_the_threshold():
    y, src, before, after = _two_fits(np.array([0.0, -0.3, -0.1, 0.1, 0.0, 0.0]))
    m = movement(y, src, before, after, threshold=0.4)
    assert m["mean_shift"] == pytest.approx(-0.06)
    assert m["auc_before"] == 1.0 and m["auc_after"] < 1.0
    assert m["changed"] == 3.0 and m["changed_to_right"] == 0.0


def test_rows_a_veto_rejects_in_either_fit_and_other_sources_do_not_count():
    y, src, before, after = _two_fits(np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.5]))
    assert movement(y, src, before, after, threshold=0.4)["max_abs_shift"] == 0.0


def _fit_rows(n_factcc: int = 120, n_own: int = 240) -> tuple[list[dict], np.ndarray]:
    """Rows (each its own article) and two splits of out-of-fold probabilities that rank most supported rows above
    most unsupported ones, on the 0.0005 + thousandths grid (no probability equals a threshold, 0.01 apart)."""
    rng = np.random.default_rng(3)
    rows, p = [], []
    for source, n in (("factcc_cnndm", n_factcc), ("own_claims", n_own)):
        for i in range(n):
            supported = i % 2 == 0
            rows.append({"supported": supported, "source": source, "group": f"{source}{i}",
                         "kind": "" if source == "factcc_cnndm" else ("topic", "reorder")[i % 4 // 2]})
            p.append(rng.uniform(0.35, 0.8) if supported else rng.uniform(0.1, 0.5))
    p = np.array(p)
    runs = np.stack([p, np.clip(p + rng.normal(0, 0.02, len(p)), 0.02, 0.88)])
    return rows, np.round(runs, 3) + 0.0005


def test_a_refit_that_shifts_every_probability_one_way_ships_with_its_threshold_moved_alike():
    rows, runs = _fit_rows()
    none = np.zeros(runs.shape[1], dtype=bool)
    got = judge(rows, [(runs, none), (runs + 0.05, none)], resamples=50)
    assert got["thresholds"][1] == pytest.approx(got["thresholds"][0] + 0.05)
    # every decision and the ranking as before; only the calibration moves (ECE has its own condition)
    assert all(v["mean"] == 0.0 for k, v in got["difference"].items() if k != "factcc_ece")
    assert got["ship"] and got["fails"] == []
    # held at one threshold (the rule until s33), the same refit reads as a loss of decisions it did not make worse
    common = got["common"]
    assert common["after"]["own_f1"]["mean"] < common["before"]["own_f1"]["mean"] - 0.05
    assert common["after"]["factcc_ba"]["mean"] < common["before"]["factcc_ba"]["mean"] - 0.02
    assert common["factcc_movement"]["mean_shift"] == pytest.approx(0.05)


def test_a_refit_that_lifts_only_the_factcc_rows_alike_keeps_their_ranking_and_ships():
    rows, runs = _fit_rows()
    factcc = np.array([r["source"] == "factcc_cnndm" for r in rows])
    none = np.zeros(runs.shape[1], dtype=bool)
    got = judge(rows, [(runs, none), (runs + 0.03 * factcc, none)], resamples=50)
    assert got["difference"]["factcc_auc"]["mean"] == 0.0
    assert got["ship"], got["fails"]


def test_a_refit_that_reorders_the_factcc_rows_fails_whatever_its_threshold():
    rows, runs = _fit_rows()
    none = np.zeros(runs.shape[1], dtype=bool)
    after = runs.copy()
    y = np.array([r["supported"] for r in rows])
    factcc = np.array([r["source"] == "factcc_cnndm" for r in rows])
    # a tenth of FactCC's supported rows swap probabilities with as many unsupported ones: same values, other order
    sup, uns = np.flatnonzero(factcc & y)[:6], np.flatnonzero(factcc & ~y)[:6]
    after[:, sup], after[:, uns] = runs[:, uns], runs[:, sup]
    got = judge(rows, [(runs, none), (after, none)], resamples=200)
    assert got["difference"]["factcc_auc"]["mean"] < -0.005
    assert any(f.startswith("FactCC ranking falls") for f in got["fails"]) and not got["ship"]


def test_a_row_a_veto_rejects_ranks_below_every_other_in_the_factcc_auc():
    y = np.array([1, 1, 0, 0])
    src = np.array(["factcc_cnndm"] * 4)
    runs = np.array([[0.9, 0.8, 0.3, 0.2]])
    kinds = np.array([""] * 4)
    assert _split_figures((y, src, kinds), runs, np.zeros(4, dtype=bool), 0.5)["factcc_auc"].tolist() == [1.0]
    vetoed = _split_figures((y, src, kinds), runs, np.array([False, True, False, False]), 0.5)
    assert vetoed["factcc_auc"].tolist() == [0.5]  # the vetoed supported row now below both unsupported ones
