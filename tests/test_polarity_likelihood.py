"""An inverted judgement of likelihood: "Taiwan will almost certainly face a blockade" or "Germany is likely to join"
for a passage that judges it unlikely, and "a recession is unlikely" for one that judges it likely, say the opposite
of the passage and are unsupported; the judgement kept ("unlikely" for "unlikely", "probably" for "likely") is no
conflict (``rag/support/data/act_antonyms.toml`` [likelihood]). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.polarity import polarity, polarity_conflict

INVERTED = [
    ("Taiwan will almost certainly face a Chinese blockade in 2027.",
     "Analysts judge it unlikely that Beijing will impose a blockade on Taiwan in 2027, given the costs to its own "
     "economy."),
    ("Germany is likely to join the export regime next year.",
     "Officials said it was highly unlikely that Germany would join the export regime next year."),
    ("A recession in Chile is unlikely this year.",
     "Economists at the central bank said a recession in Chile was likely this year."),
    ("Nvidia will definitely lose its licence for H20 sales to China.",
     "It is improbable that Nvidia will lose its licence for H20 sales to China before the summit, two officials said."),
    ("The strike at the Ulsan plant will probably end this week.",
     "Union leaders said it was unlikely the strike at the Ulsan plant would end this week."),
]

KEPT = [
    ("Beijing is unlikely to impose a blockade on Taiwan in 2027.", INVERTED[0][1]),
    ("A recession in Chile is probably coming this year.", INVERTED[2][1]),
    ("Germany would probably not join the export regime next year, officials said.",
     "Officials said Germany would probably not join the export regime next year."),
]


@pytest.mark.parametrize("claim, passage", INVERTED)
def test_an_inverted_likelihood_is_a_polarity_conflict(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) == "negation mismatch: opposite likelihood predicate"


@pytest.mark.parametrize("claim, passage", KEPT)
def test_the_same_judgement_is_no_conflict(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is None


def test_the_checker_rejects_the_inverted_judgement(checker):
    assert not misjudged(checker, [(c, p, False) for c, p in INVERTED])
