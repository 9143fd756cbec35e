"""A place relation restated from its other end.

"Chicago is 25 miles south of Highland Park" states "Highland Park is 25 miles north of Chicago" again: the two
ends swap and the direction turns to its converse. The same direction with the ends swapped is the opposite fact.
``converse_directions`` reads the first (no missing direction), ``inverted_relations`` the second (a wrong
direction, counted with the dates, directions and weekdays the cited text lacks).
"""

from __future__ import annotations

import pytest

from rag.support.converse_directions import (converse, converse_directions, inverted_relations, relations,
                                             restated_relation)
from rag.support.facts import extract_facts, index_text
from rag.support.fact_checks import fact_checks, reason_feature

TOWN = "Ashby is located about 25 miles north of Carlton, the county seat."
PLANT = "The firm employed 900 workers at its Riverside Works plant, roughly 6 miles southeast of Belford."
STATE = "The institute sits in Dalton, New Hampshire, approximately 75 miles south of Lowell."
PEAK = "Mount Ardee's summit is about 21 miles west of Corra, a smaller volcano that has been erupting since May."


@pytest.mark.parametrize("direction, other", [("north", "south"), ("east", "west"), ("northwest", "southeast"),
                                              ("southwest", "northeast")])
def test_the_converse_swaps_each_part_of_a_direction(direction, other):
    assert converse(direction) == other and converse(other) == direction


def test_a_relation_is_said_of_the_nearest_name_before_it():
    (rel,) = relations(PLANT)
    assert rel.located_text == "Riverside Works" and rel.direction == "southeast" and rel.reference_text == "Belford"
    (town,) = relations(STATE)
    assert town.located_text == "Dalton, New Hampshire"  # a town and its state are one end


@pytest.mark.parametrize("claim, passage, direction", [
    ("Carlton is about 25 miles south of Ashby.", TOWN, "south"),
    ("Belford lies roughly 6 miles northwest of the firm's Riverside Works plant.", PLANT, "northwest"),
    ("Lowell is approximately 75 miles north of Dalton, where the institute sits.", STATE, "north"),
    ("Corra, a smaller volcano, is about 21 miles east of Mount Ardee's summit.", PEAK, "east"),
])
def test_the_converse_direction_from_the_other_end_is_the_same_fact(claim, passage, direction):
    assert converse_directions(claim, passage) == {direction}
    assert inverted_relations(claim, passage) == []
    reasons, _ = fact_checks(claim, extract_facts(claim, claim=True), index_text(passage), index_text(passage))
    assert not any(r.startswith("direction") for r in reasons)


@pytest.mark.parametrize("claim, passage", [
    ("Carlton is about 25 miles north of Ashby.", TOWN),
    ("Belford lies roughly 6 miles southeast of the firm's Riverside Works plant.", PLANT),
])
def test_the_same_direction_from_the_other_end_is_a_wrong_direction(claim, passage):
    assert converse_directions(claim, passage) == set()
    (reason,) = inverted_relations(claim, passage)
    assert reason_feature(reason) == "date_fail"
    reasons, _ = fact_checks(claim, extract_facts(claim, claim=True), index_text(passage), index_text(passage))
    assert reason in reasons


@pytest.mark.parametrize("claim, passage", [
    ("Ashby is about 25 miles south of Carlton.", TOWN),  # the same ends, another direction: not a restatement
    ("Carlton is about 25 miles south of Melton.", TOWN),  # another place
])
def test_a_relation_that_does_not_swap_the_ends_is_no_restatement(claim, passage):
    assert converse_directions(claim, passage) == set() and inverted_relations(claim, passage) == []
    reasons, _ = fact_checks(claim, extract_facts(claim, claim=True), index_text(passage), index_text(passage))
    assert "direction 'south' not in cited text" in reasons


def test_only_a_stated_relation_swaps_its_ends_by_design():
    passage = "Ashby, roughly 25 miles north of Carlton, has almost 47,000 residents."
    assert restated_relation("Carlton is about 25 miles south of Ashby.", passage)
    # said in passing, the relation is right but what the claim says of its subject belongs to the other end
    moved = "The city of Carlton, some 25 miles south of Ashby, has nearly 47,000 residents."
    assert converse_directions(moved, passage) == {"south"} and not restated_relation(moved, passage)
