"""Specs of the hand ranking's cross-validation (benchmarks/rtqa_cv.py): each question is scored by the settings
chosen without it (5 folds or leave-one-question-out), ties go to the combination with fewer mechanisms on, and a
mechanism's ablation counts the questions whose hit@1 it decides."""

import numpy as np
import pytest

from benchmark_modules import benchmark_module


@pytest.fixture(scope="module")
def cv():
    return benchmark_module("rtqa_cv")


def table_of(rows):
    """(combinations, questions, METRICS) from per-combination lists of hit@1 (MRR@10 = hit@1, hit@10 = 1)."""
    return np.array([[[h, h, 1.0] for h in row] for row in rows], dtype=float)


def test_leave_one_question_out_gives_each_question_its_own_fold(cv):
    folds = cv.loqo_folds(4)
    assert folds == [[0], [1], [2], [3]]


def test_a_setting_that_only_one_question_wants_is_not_chosen_for_that_question(cv):
    # the mechanism (combination 1) wins question 0 only and loses nothing; left out, question 0 cannot choose it
    off = {"period_factor": 1.0}
    on = {"period_factor": 0.3}
    table = table_of([[0, 1, 1, 0], [1, 1, 1, 0]])
    got = cv.cross_validate(table, [off, on], cv.loqo_folds(4))
    assert got["chosen"][0] == off          # chosen on questions 1-3, where both tie: the simpler one
    assert got["means"]["hit@1"] == 0.5     # in sample the mechanism has 0.75: the one question it wins is not counted


def test_a_setting_that_wins_on_several_questions_is_chosen_without_any_one_of_them(cv):
    off = {"title_weight": 0.0}
    on = {"title_weight": 0.5}
    table = table_of([[0, 0, 0, 1], [1, 1, 1, 1]])
    got = cv.cross_validate(table, [off, on], cv.loqo_folds(4))
    assert all(c == on for c in got["chosen"])
    assert got["means"]["hit@1"] == 1.0


def test_questions_without_a_gold_article_are_not_counted(cv):
    table = table_of([[1, 0, 1]])
    table[0, 1] = np.nan
    got = cv.cross_validate(table, [{"rrf_k": 60}], cv.loqo_folds(3))
    assert got["means"]["hit@1"] == 1.0


def test_flips_count_the_questions_a_mechanism_decides_both_ways(cv):
    on = table_of([[1, 0, 1, 1, np.nan]])[0]
    off = table_of([[0, 1, 1, 0, 1]])[0]
    assert cv.flips(on, off) == {"won": 2, "lost": 1}


def test_every_mechanism_of_the_grid_has_an_off_value_among_its_tried_values(cv):
    assert set(cv.OFF) == set(cv.GRID)
    assert all(cv.OFF[k] in cv.GRID[k] for k in cv.GRID)


def test_a_simpler_ranking_is_the_grid_with_some_settings_held(cv):
    grid = [{"rrf_k": 30, "period_factor": 0.3}, {"rrf_k": 60, "period_factor": 0.3},
            {"rrf_k": 30, "period_factor": 1.0}, {"rrf_k": 60, "period_factor": 1.0}]
    assert cv.restricted(grid, {"period_factor": 1.0}) == [2, 3]
    assert cv.restricted(grid, {"period_factor": 1.0, "rrf_k": 60}) == [3]


def test_every_simpler_ranking_holds_settings_of_the_grid_at_tried_values(cv):
    for fixed in cv.SIMPLER.values():
        assert all(k in cv.GRID and v in cv.GRID[k] for k, v in fixed.items())
        assert cv.restricted(cv.combos(cv.GRID), fixed)


def test_cv_summary_of_a_single_combination_is_its_own_figures(cv):
    table = table_of([[1, 0, 1, 1]])
    got = cv.cv_summary(table, [{"rrf_k": 60}], ["a", "b", "c", "d"])
    assert got["cv_loqo"]["hit@1"] == 0.75
    assert all(s["hit@1"] == 0.75 for s in got["cv_by_seed"])
    assert got["best_in_sample"]["hit@1"] == 0.75
