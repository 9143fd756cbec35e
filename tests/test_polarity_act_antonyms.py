"""Opposite acts on one object: a claim that says "removed from" where its passage says "added to", "released" where
it says "detained", "lifted" where it says "imposed" reverses the act and is unsupported; the act said the same way
is supported. "added" as a speech verb ("the ministry added that ...", "..., he added.") is no listing
(``rag/support/data/act_antonyms.toml``). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.polarity import polarity, polarity_conflict

REVERSED = [
    ("The Commerce Department removed nine Chinese firms from the Entity List.",
     "The Commerce Department on Tuesday added nine Chinese firms to the Entity List over their support for Russia's "
     "military."),
    ("Treasury added the Dubai-based shipping company to its sanctions list.",
     "The Treasury Department removed the Dubai-based shipping company from its sanctions list on Friday after it "
     "changed ownership."),
    ("Seoul added Hanwha's subsidiary to the export blacklist.",
     "After a six-month review, Seoul removed Hanwha's subsidiary from the export blacklist, officials told reporters."),
    ("Vietnamese authorities released the two Australian engineers.",
     "Vietnamese authorities detained the two Australian engineers on suspicion of spying, their employer said."),
    ("Police in Karachi detained the journalist on Monday.",
     "Police in Karachi released the journalist on Monday after 48 hours of questioning."),
    ("Chinese police freed the Japanese pharmaceutical executive in March.",
     "In March, Chinese police arrested the Japanese pharmaceutical executive on espionage charges, Tokyo said."),
    ("Tokyo lifted export curbs on three chemicals used in chipmaking.",
     "Tokyo imposed export curbs on three chemicals used in chipmaking, citing a breakdown of trust with Seoul."),
    ("The Dutch government eased its rules on exports of lithography tools.",
     "The Dutch government tightened its rules on exports of lithography tools on Friday."),
]

KEPT = [
    ("The Commerce Department added nine Chinese firms to the Entity List.", REVERSED[0][1]),
    ("Vietnamese authorities detained the two Australian engineers.", REVERSED[3][1]),
    ("Police in Karachi released the journalist on Monday.", REVERSED[4][1]),
    ("Five companies were removed from the list.", "Five companies were taken off the list, the ministry added."),
    ("The ministry removed five firms from the list.",
     "The ministry added that it had removed five firms from the list in August."),
]


@pytest.mark.parametrize("claim, passage", REVERSED)
def test_the_opposite_act_is_a_polarity_conflict(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is not None


@pytest.mark.parametrize("claim, passage", KEPT)
def test_the_same_act_and_added_as_speech_are_no_conflict(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is None


def test_the_checker_rejects_the_reversed_act_and_keeps_the_same_one(checker):
    rows = [(c, p, False) for c, p in REVERSED] + [(c, p, True) for c, p in KEPT[:3]]
    assert not misjudged(checker, rows)


@pytest.mark.parametrize("text", [
    "The EU added new tariffs on Chinese electric vehicles.",
    "The ministry added that five firms had been fined.",
    "Officials said the list would grow, the spokesman added.",
])
def test_added_without_its_to_is_no_listing(text):
    assert "listing" not in polarity(text).axes
