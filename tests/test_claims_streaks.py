"""A streak's length is a number: "fell for the second straight month" where the passage says "the third straight
monthly fall" is unsupported; the same length said by ordinal or by count ("for a third consecutive month", "three
straight months") is supported (``rag/support/streaks.py``, ``data/streaks.toml``; s67 fresh user F6). Uses the
bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.streaks import counted_streak, other_streaks, streaks

GALLIUM = ("China exported 4.2 tonnes of gallium in September, down 18% from August and the fourth straight monthly "
           "decline, customs data showed.")
TSMC = "Taiwan's chip exports rose for a sixth consecutive quarter in the three months to June, the finance ministry said."
RUPEE = "The Indian rupee weakened for the third straight session on Friday, closing at 84.6 to the dollar."
BRENT = "Germany's industrial orders fell for three consecutive years to 2025, the statistics office said."
COBALT = "Congo's cobalt output rose for the fifth month in a row in July, to 21,000 tonnes."

LONGER = [
    ("China's gallium exports fell for the third straight month in September.", GALLIUM),
    ("Taiwan's chip exports rose for a fifth consecutive quarter.", TSMC),
    ("The rupee weakened for a second straight session on Friday.", RUPEE),
    ("German industrial orders fell for four consecutive years to 2025.", BRENT),
    ("Congo's cobalt output rose for the sixth month in a row in July.", COBALT),
]

SAME = [
    ("China's gallium exports fell for the fourth straight month in September.", GALLIUM),
    ("Taiwan's chip exports rose for six straight quarters.", TSMC),
    ("The rupee weakened for three straight sessions.", RUPEE),
    ("Congo's cobalt output rose for a fifth consecutive month in July.", COBALT),
]


@pytest.mark.parametrize("claim, passage", LONGER)
def test_another_streak_length_is_a_number_reason(claim, passage):
    assert other_streaks(claim, passage)


@pytest.mark.parametrize("claim, passage", SAME)
def test_the_same_length_by_ordinal_or_count_is_none(claim, passage):
    assert other_streaks(claim, passage) == []


def test_a_streak_of_another_unit_or_no_streak_is_not_compared():
    assert other_streaks("Exports fell for the second straight month.", BRENT) == []
    assert streaks("It was the third time the court ruled on the second quarter of the case.") == []


def test_the_checker_rejects_another_streak_length_and_keeps_the_same_one(checker):
    rows = [(c, p, False) for c, p in LONGER] + [(c, p, True) for c, p in SAME]
    assert not misjudged(checker, rows)


def test_a_count_said_by_the_passages_ordinal_is_a_stated_number():
    assert counted_streak(6, "Taiwan's chip exports rose for six straight quarters.", TSMC)
    assert not counted_streak(5, "Taiwan's chip exports rose for five straight quarters.", TSMC)
