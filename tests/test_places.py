"""Place mentions: longest alias at each word start, acronyms as written, no match inside a word or after a dot."""

from __future__ import annotations

import pytest

from rag.text.places import place_mentions

CASES = [
    ("South Korea and North Korea met in Seoul; the U.S. and the PRC watched.",
     [("South Korea", "south_korea"), ("North Korea", "north_korea"), ("Seoul", "south_korea"),
      ("U.S.", "united_states"), ("PRC", "china")]),
    ("The South Korean won fell while us traders in Tokyo and Beijing waited.",
     [("South Korean", "south_korea"), ("Tokyo", "japan"), ("Beijing", "china")]),
    ("e.g.Korea, x-Japan, ChinaTown and Taiwan.", [("Japan", "japan"), ("Taiwan", "taiwan")]),
    ("No place is named here at all.", []),
    ("", []),
]


@pytest.mark.parametrize("text, want", CASES)
def test_place_mentions_are_found_left_to_right(text, want):
    found = place_mentions(text)
    assert [(m.surface, m.key) for m in found] == want
    assert all(text[m.start : m.end] == m.surface for m in found)


@pytest.mark.parametrize("part", ["England", "Scotland", "Wales", "Northern Ireland"])
def test_a_nation_of_the_united_kingdom_is_in_the_united_kingdom(part):
    from rag.text.places import covers

    from rag.writers.key_terms import place_keys, stems

    (mention,) = place_mentions(f"The monument stands in {part}.")
    assert covers(mention.key, "united_kingdom") and not covers("united_kingdom", mention.key)
    assert "united_kingdom" in place_keys(stems(f"Stonehenge is in Wiltshire, {part}."))
