"""A figure moved to the neighbouring item of a list is rejected (issue 9, kind ``number bound to another head``;
evals/README.md, claims s68; the user's F4 of fresh68: "a 41-year-old Vietnamese director and a 36-year-old Chinese
national" accepted "A 36-year-old Vietnamese director was detained").

``counted_nouns.counted_swaps`` read a count as said of another thing only when the claim's counted noun was nowhere
in the sentence that gives the figure; in a list of items each with its figure the noun is there, counted by its own
figure. The sentence's counts now tell that: the claim's noun counted by another figure, and never by the claim's,
is the neighbouring item's figure. Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.counted_nouns import counted_swaps

# (passage, false claim: the neighbour's figure, true claim: the item's own figure)
PAIRS = [
    ("Police detained a 52-year-old Kenyan pilot and a 29-year-old French engineer at the airport in Mombasa on Friday.",
     "A 29-year-old Kenyan pilot was detained at the airport in Mombasa on Friday.",
     "A 52-year-old Kenyan pilot was detained at the airport in Mombasa on Friday."),
    ("The company hired 40 engineers and 12 lawyers for its new office in Warsaw this year.",
     "The company hired 12 engineers for its new office in Warsaw this year.",
     "The company hired 40 engineers for its new office in Warsaw this year."),
    ("The fleet includes 18 tankers and 7 icebreakers, the Canadian coast guard said on Tuesday.",
     "The fleet includes 7 tankers, the Canadian coast guard said on Tuesday.",
     "The fleet includes 18 tankers, the Canadian coast guard said on Tuesday."),
    ("Samsung will build three fabs in Texas and two research centres in Arizona by 2030, the company said.",
     "Samsung will build two fabs in Texas by 2030, the company said.",
     "Samsung will build three fabs in Texas by 2030, the company said."),
    ("The court in Nairobi sentenced a 45-year-old banker and a 33-year-old broker over the fraud at the lender.",
     "The court in Nairobi sentenced a 33-year-old banker over the fraud at the lender.",
     "The court in Nairobi sentenced a 45-year-old banker over the fraud at the lender."),
]


@pytest.mark.parametrize("passage, false_claim, true_claim", PAIRS)
def test_the_neighbouring_items_figure_is_rejected(checker, passage, false_claim, true_claim):
    res = checker.check(false_claim, [passage])
    assert not res.supported, (res.score, res.reasons)


@pytest.mark.parametrize("passage, false_claim, true_claim", PAIRS)
def test_the_items_own_figure_is_supported(checker, passage, false_claim, true_claim):
    res = checker.check(true_claim, [passage])
    assert res.supported, (res.score, res.reasons)


def test_the_reader_names_the_noun_the_figure_counts_in_the_passage():
    passage = "The company hired 40 engineers and 12 lawyers for its new office in Warsaw this year."
    assert counted_swaps("The company hired 12 engineers for its new office.", [passage]) == [("12", "engineers", "lawyers")]
    assert counted_swaps("The company hired 40 engineers for its new office.", [passage]) == []


def test_a_noun_counted_by_the_claims_figure_too_is_no_swap():
    # "12 engineers" is also said of the engineers (a second count of them): no neighbour's figure
    passage = "The firm hired 40 engineers in May and 12 engineers and 12 lawyers in June in Warsaw."
    assert counted_swaps("The firm hired 12 engineers in June.", [passage]) == []
