"""An amount written in words is the same amount in digits when the alignment compares a claim with its window.

"five billion dollars" and "$5bn", "ten percent" and "10%", "three million" and "3m" align as one token
(``facts.spelled_amounts`` read as the number checks read them); another amount, currency or scale written in
words stays a changed token. Plain counts ("two firms") are words, not amounts.
"""

from __future__ import annotations

import pytest

from rag.support.edits import alignment, copy_edits
from rag.support.facts import index_text, spelled_amounts

SAME = [
    ("The chipmaker will invest $5bn in the plant.", "The chipmaker will invest five billion dollars in the plant."),
    ("The chipmaker will invest five billion dollars in the plant.", "The chipmaker will invest $5bn in the plant."),
    ("The company cut costs by 10% last year.", "The company cut costs by ten percent last year."),
    ("The company cut costs by ten per cent last year.", "The company cut costs by 10% last year."),
    ("The floods displaced 3 million people.", "The floods displaced three million people."),
    ("The fund raised 1.5 billion euros.", "The fund raised one and a half billion euros."),
]

OTHER = [
    ("The chipmaker will invest $5bn in the plant.", "The chipmaker will invest five billion yen in the plant."),
    ("The chipmaker will invest $5bn in the plant.", "The chipmaker will invest five million dollars in the plant."),
    ("The company cut costs by 12% last year.", "The company cut costs by ten percent last year."),
    ("The floods displaced 3 million people.", "The floods displaced three thousand people."),
]


@pytest.mark.parametrize("claim, window", SAME)
def test_an_amount_in_words_aligns_with_the_same_amount_in_digits(claim, window):
    assert alignment(claim, window).share == 1.0


@pytest.mark.parametrize("claim, window", OTHER)
def test_another_amount_currency_or_scale_in_words_does_not_align(claim, window):
    assert alignment(claim, window).share < 1.0


def test_a_changed_amount_in_words_is_left_to_the_number_checks():
    # an amount token is never a copy edit's content word: the number checks give the reason
    assert copy_edits(*OTHER[0], index_text(OTHER[0][1]))[1] == []


@pytest.mark.parametrize("text, value, currency, unit", [
    ("invest five billion dollars in", 5e9, "USD", None),
    ("cut costs by ten percent.", 10.0, None, "%"),
    ("some three million people", 3e6, None, None),
    ("a rise of twenty-five per cent", 25.0, None, "%"),
])
def test_spelled_amounts_are_read_with_scale_currency_and_unit(text, value, currency, unit):
    (q,) = spelled_amounts(text)
    assert (q.value, q.currency, q.unit) == (value, currency, unit)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("text", ["two firms merged", "the One-China policy", "one of the largest", "No amounts here."])
def test_counts_and_names_are_not_spelled_amounts(text):
    assert spelled_amounts(text) == []
