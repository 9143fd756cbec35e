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
