"""A passage's relative years ("last year", "so far this year") read by its publication date, never guessed.

A claim that writes the year a passage gives relatively ("in 2021" for "last year" in a 2022 article) is
supported when the caller passes the publication date, and still rejected for any other year; without a date
the checker does not guess the year.
"""

from __future__ import annotations

import pytest

from rag.support.facts import index_text, relative_years
from rag.text.dates import find_dates

CARS = ("A third of last year's inflation was due to higher car prices, he said. Biden said the pandemic disrupted "
        "global supply chains and in turn boosted inflation.")
MIGRANTS = ("So far this year, more than 32,000 migrants have come through the center, a nearly 40% increase over "
            "last year's total, according to the center's director of operations.")
SHIPMENTS = "The media reported in November of last year that ASML was halting shipments to the chipmaker."


def test_relative_years_need_a_publication_date():
    assert relative_years(CARS, None) == []
    assert relative_years(CARS, "2022-01-20") == [(2021, None, "last year")]
    assert [(y, m) for y, m, _ in relative_years(MIGRANTS, "2022-09-10")] == [(2022, None), (2021, None)]
    assert [(y, m) for y, m, _ in relative_years(SHIPMENTS, "2022-03-01")] == [(2021, 11)]


def test_a_span_of_twelve_months_is_no_calendar_year():
    text = "Prices rose 8% over the past year and in the last year wages fell; last year was the worst since 2008."
    assert [y for y, _, _ in relative_years(text, "2022-06-01")] == [2021]
    assert len(relative_years(text, "2022-06-01")) == 1


def test_plain_this_year_and_this_month_are_dates():
    assert [(m.value, m.precision) for m in find_dates("So far this year, sales fell.", published="2022-09-10")] == [
        ("2022", "year")]
    assert [(m.value, m.precision) for m in find_dates("Earnings rose this month.", published="2022-09-10")] == [
        ("2022-09", "month")]


def test_index_counts_resolved_years_and_months_as_stated():
    plain, dated = index_text(SHIPMENTS), index_text(SHIPMENTS, "2022-03-01")
    assert 2021.0 not in {n.value for n in plain.facts.numbers}
    assert 2021.0 in {n.value for n in dated.facts.numbers}
    assert (11, 2021) in dated.facts.month_years and (11, 2021) not in plain.facts.month_years


@pytest.mark.parametrize("claim, passage, published", [
    ("Biden said higher car prices caused about a third of inflation in 2021.", CARS, "2022-01-20"),
    ("Over 32,000 migrants have passed through the center so far in 2022, almost 40% more than in 2021.", MIGRANTS,
     "2022-09-10"),
])
def test_the_year_a_passage_gives_relatively_is_support(checker, claim, passage, published):
    assert checker.check(claim, [passage], published=published).supported
    without = checker.check(claim, [passage])  # no date: the year is not guessed
    assert not without.supported and any("2021" in r or "2022" in r for r in without.reasons)


@pytest.mark.parametrize("claim, passage, published, year", [
    ("Biden said higher car prices caused about a third of inflation in 2020.", CARS, "2022-01-20", "2020"),
    ("Over 32,000 migrants have passed through the center so far in 2020.", MIGRANTS, "2022-09-10", "2020"),
    ("The media reported in November 2020 that ASML was halting shipments to the chipmaker.", SHIPMENTS,
     "2022-03-01", "2020"),
])
def test_another_year_is_still_rejected(checker, claim, passage, published, year):
    result = checker.check(claim, [passage], published=published)
    assert not result.supported and any(year in r for r in result.reasons)


def test_check_many_takes_one_date_per_pair(checker):
    claim = "Biden said higher car prices caused about a third of inflation in 2021."
    dated, undated = checker.check_many([(claim, [CARS]), (claim, [CARS])], published=["2022-01-20", None])
    assert dated.supported and not undated.supported
    with pytest.raises(ValueError):
        checker.check_many([(claim, [CARS])], published=[])
