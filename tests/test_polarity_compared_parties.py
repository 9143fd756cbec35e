"""A claim that likens its subject to a party the passage sets it apart from is a polarity change: "Like Micron,
Arvenna was barred" against "Unlike Micron, Arvenna was not barred" (new user s65 F6), and the reverse. Openers:
``rag/support/data/comparisons.toml``; "like" only at a clause's start."""

from __future__ import annotations

import pytest

from rag.support.comparisons import compared_parties, comparison_conflict

SAMSUNG = "Unlike Samsung, LG Electronics was not fined by the Korea Fair Trade Commission."
POLAND = "Lithuania, like Poland, closed two border crossings with Belarus on Friday."
FRANCE = "In contrast to Germany, France supplied Leclerc tanks to Ukraine in the spring."
RIO = "As with Vale, Rio Tinto was ordered to pay compensation for the dam collapse."


@pytest.mark.parametrize("passage, claim", [
    (SAMSUNG, "Like Samsung, LG Electronics was fined by the Korea Fair Trade Commission."),
    (POLAND, "Unlike Poland, Lithuania closed two border crossings with Belarus."),
    (FRANCE, "Similar to Germany, France supplied Leclerc tanks to Ukraine."),
    (RIO, "Rio Tinto, unlike Vale, was ordered to pay compensation for the dam collapse."),
])
def test_likened_against_set_apart_is_a_change(passage, claim):
    reason = comparison_conflict(claim, passage)
    assert reason is not None and reason.startswith("negation mismatch")


@pytest.mark.parametrize("passage, claim", [
    (SAMSUNG, "LG Electronics, unlike Samsung, was not fined by the commission."),
    (POLAND, "Like Poland, Lithuania closed border crossings with Belarus."),
    (FRANCE, "France supplied Leclerc tanks to Ukraine, unlike Germany."),
    (RIO, "Like Vale, Rio Tinto must pay compensation for the dam collapse."),
    ("Analysts like Samsung's new chips.", "Analysts said they liked Samsung's new chips."),
])
def test_the_same_comparison_or_none_is_no_change(passage, claim):
    assert comparison_conflict(claim, passage) is None


def test_like_inside_a_clause_compares_nothing():
    assert compared_parties("Investors like Micron's results and Samsung's outlook.") == {}
