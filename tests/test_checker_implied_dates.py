"""Years a dated passage implies without writing them, and a figure's year that the claim moves.

A 2022-05-19 report's "The median price of a home in April was a record $391,200, rising 14.8% from a year ago"
supports "a record $391,200 in April 2022, up 14.8% on April 2021" and not "a record $391,200 in April 2021"; a
2022 article's "so far this year, more than 32,000 migrants ..." does not support "... 32,000 migrants ... in
2021" though no year stands within reach of the figure (``facts.index_text``, ``implied_dates``,
``bindings.year_shift``).
"""

from __future__ import annotations

import pytest

from rag.support.bindings import own_years, year_shift
from rag.support.edits import aligned_tokens
from rag.support.facts import extract_facts, index_text, relative_years, with_years
from rag.support.implied_dates import a_for_one, implied_dates

HOMES = ("The median price of a home in April was a record $391,200, rising 14.8% from a year ago, according to a "
         "report from the National Association of Realtors.")
BYD = ("BYD, a Chinese electric vehicle maker, reported a 313% jump in sales across its electric vehicles and plug-in "
       "hybrids in April compared with last year.")
GAS = "The average price of a gallon of gas was $4.42 one month ago and $3.08 a year ago."
CARS = ("Volkswagen Group sold more than 99,000 electric vehicles globally in the first quarter, up 65% from the same "
        "period last year.")
MIGRANTS = ("So far this year, more than 32,000 migrants have come through the center, a nearly 40% increase over "
            "last year's total, according to the center's director of operations.")


def test_a_bare_month_or_quarter_is_the_most_recent_one_by_the_publication_date():
    assert [(y, m, stated) for y, m, _, stated in implied_dates(HOMES, "2022-05-19")] == [(2022, 4, True)]
    assert [(y, m) for y, m, _, _ in implied_dates(CARS, "2022-05-09")] == [(2022, None)]  # the first quarter
    assert [(y, m) for y, m, _, _ in implied_dates(CARS, "2022-02-01")] == [(2022, None)]
    assert [(y, m) for y, m, _, _ in implied_dates("Sales fell in the fourth quarter.", "2022-02-01")] == [(2021, None)]
    assert [(y, m) for y, m, _, _ in implied_dates("Prices rose in December.", "2022-02-01")] == [(2021, 12)]
    assert [(y, m) for y, m, _, _ in implied_dates("The vote is due in July.", "2022-05-01")] == [(2022, 7)]
    # too far either way to tell last year's from the coming one; a written year or day is not implied
    assert implied_dates("Elections are in November.", "2022-05-19") == []
    assert implied_dates("Sales fell in April 2021 and on April 3.", "2022-05-19") == []
    assert implied_dates(HOMES, None) == []  # never guessed without a date


def test_a_month_compared_with_the_year_before_is_that_month_of_that_year_too():
    year_back = frozenset({BYD.index("last year")})
    assert [(y, m, stated) for y, m, _, stated in implied_dates(BYD, "2022-05-09", year_back)] == [
        (2022, 4, True), (2021, 4, False)]
    dated = index_text(BYD, "2022-05-09")
    assert {(4, 2022), (4, 2021)} <= dated.facts.month_years
    assert 2022.0 in {n.value for n in dated.facts.numbers}  # "April" is April 2022
    assert (4, 2021) not in index_text("Sales jumped in April. Last year they fell.", "2022-05-09").facts.month_years


def test_a_year_ago_is_one_year_ago():
    assert a_for_one("$3.08 a year ago and A month ago") == "$3.08 1 year ago and 1 month ago"
    assert relative_years(GAS, "2022-06-13") == [(2022, 5, "one month ago"), (2021, 6, "a year ago")]


def test_the_first_quarter_of_a_year_is_a_period_not_a_fraction():
    values = {n.value for n in extract_facts("In the first quarter of 2022 sales topped 99,000.", claim=True).numbers}
    assert 0.25 not in values and 2022.0 in values
    assert 0.25 in {n.value for n in extract_facts("A quarter of the staff left.", claim=True).numbers}


def test_a_year_after_a_comparison_word_is_the_base_not_the_statement_s_year():
    keys = aligned_tokens("Sales rose 313% in 2022 compared with 2021.", "x")[0]
    assert own_years(keys) == {k for k in keys if "2022" in k}
    keys = aligned_tokens("Over 99,000 cars were sold in 2021.", "x")[0]  # "over" a figure: not a comparison
    assert own_years(keys) == {k for k in keys if "2021" in k}


def _dated(window: str, published: str) -> str:
    return with_years(window, index_text(window, published))


@pytest.mark.parametrize("claim, window, published", [
    ("More than 32,000 migrants came through the center in 2021.", MIGRANTS, "2022-09-10"),
    ("BYD said its electric and plug-in hybrid sales rose 313% in April 2021 from a year earlier.", BYD, "2022-05-09"),
    ("Volkswagen sold over 99,000 electric vehicles worldwide in the first quarter of 2021.", CARS, "2022-05-09"),
])
def test_a_figure_moved_to_another_year_is_a_time_shift(claim, window, published):
    reason = year_shift(claim, _dated(window, published))
    assert reason and reason.startswith("time:") and "2021" in reason


@pytest.mark.parametrize("claim, window, published", [
    ("More than 32,000 migrants came through the center in 2022.", MIGRANTS, "2022-09-10"),
    ("BYD's April 2022 sales of electric vehicles and plug-in hybrids were 313% higher than in April 2021.", BYD,
     "2022-05-09"),
    ("In the first quarter of 2022 Volkswagen sold over 99,000 electric vehicles, 65% more than a year before.", CARS,
     "2022-05-09"),
])
def test_the_figure_s_own_year_is_no_shift(claim, window, published):
    assert year_shift(claim, _dated(window, published)) is None


@pytest.mark.parametrize("claim, passage, published", [
    ("The National Association of Realtors reported a record median home price of $391,200 for April 2022, up 14.8% "
     "on April 2021.", HOMES, "2022-05-19"),
    ("The average gallon of gas cost $4.42 in mid-May 2022 and $3.08 in June 2021.", GAS, "2022-06-13"),
])
def test_years_the_passage_implies_are_support(checker, claim, passage, published):
    assert checker.check(claim, [passage], published=published).supported
    assert not checker.check(claim, [passage]).supported  # without the date no year is implied


@pytest.mark.parametrize("claim, passage, published", [
    ("According to the National Association of Realtors, the median home price hit a record $391,200 in April 2021.",
     HOMES, "2022-05-19"),
    ("More than 32,000 migrants came through the center in 2021.", MIGRANTS, "2022-09-10"),
    ("A gallon of gas cost $3.08 on average in June 2020.", GAS, "2022-06-13"),
])
def test_other_years_are_still_rejected(checker, claim, passage, published):
    assert not checker.check(claim, [passage], published=published).supported
