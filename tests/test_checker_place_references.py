"""A thing moved into the place the passage names only as a reference point (a slot swap by place).

"A station in Gorda, about 140 miles south of San Francisco, charged $7.59" does not support "a station in San
Francisco charged $7.59": ``place_references.place_shift`` reads the places a sentence names only after a
distance or compass word ("25 miles northwest of Detroit", "north of Lisbon", "outside Chicago") and rejects a
claim that puts something "in" or "at" one of them without a reference of its own.
"""

from __future__ import annotations

import pytest

from rag.support.place_references import place_shift, reference_places

QUAKE = "The quake struck near the town of Aldergrove, about 30 miles east of Vancouver, damaging 40 homes."
PLANT = "The company will build its $2 billion battery plant outside Dresden, creating 1,200 jobs."
FLOOD = "Floodwater reached the village of Kelso, 12 km north of Hawick, where 60 people were evacuated."
TWO = "Prices in Hawick rose 3%. Floodwater reached Kelso, 12 km north of Hawick, where 60 people were evacuated."


@pytest.mark.parametrize("text, places", [
    (QUAKE, {"Vancouver"}), (PLANT, {"Dresden"}), (FLOOD, {"Hawick"}),
    (TWO, set()),  # "in Hawick" too: not only a reference point
])
def test_a_place_named_only_after_a_distance_or_compass_word_is_a_reference(text, places):
    assert reference_places(text) == places


@pytest.mark.parametrize("claim, passage, place", [
    ("The quake damaged 40 homes in Vancouver.", QUAKE, "Vancouver"),
    ("The company will build its $2 billion battery plant in Dresden, creating 1,200 jobs.", PLANT, "Dresden"),
    ("Sixty people were evacuated in Hawick after floodwater reached it.", FLOOD, "Hawick"),
])
def test_a_thing_put_in_the_reference_place_is_moved(claim, passage, place):
    reason = place_shift(claim, passage)
    assert reason and reason.startswith("place:") and place in reason


@pytest.mark.parametrize("claim, passage", [
    ("The quake damaged 40 homes in Aldergrove, some 30 miles east of Vancouver.", QUAKE),  # the passage's reading
    ("Near Dresden, the company will build a $2 billion battery plant.", PLANT),  # no "in"
    ("Sixty people were evacuated in Kelso, north of Hawick.", FLOOD),
])
def test_the_place_itself_or_the_reference_kept_is_no_move(claim, passage):
    assert place_shift(claim, passage) is None
