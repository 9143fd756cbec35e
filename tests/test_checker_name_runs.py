"""A name never runs over a sentence's end (h/checker-s67, issue 9): ``name_cuts`` read a run of capitalised words
across a period, so a sentence ending in a compass word or a region ("... across the Middle East. Jordan's central
bank ...") made the next sentence's first name the tail of a longer name ("Middle East Jordan"), and a claim naming
it was cut ("name: the passage has 'Middle East Jordan', the claim 'Jordan'"). A run now ends at a sentence's final
period; initials ("U.S.", "J.") and a short abbreviation before a capital ("St. Louis") still join.
Specs on new news-like pairs; guards: the cuts ``name_cut`` exists for.
"""

import pytest

from rag.support.name_cuts import name_cut

ACROSS = [
    ("Jordan's central bank cut its main rate by a quarter point.",
     "Demand for credit has collapsed across the Middle East. Jordan's central bank cut its main rate by a quarter "
     "point on Sunday."),
    ("Virginia officials said petrol stocks were running low.",
     "Prices rose fastest in the West. Virginia officials said petrol stocks were running low."),
    ("Sudan has closed its border crossings with Chad.",
     "Fighting spread to towns in the South. Sudan has closed its border crossings with Chad, the army said."),
    ("Korea Zinc said output would resume in June.",
     "Smelters were shut across the North. Korea Zinc said output would resume in June."),
]


@pytest.mark.parametrize("claim, passage", ACROSS)
def test_a_name_opening_a_sentence_is_no_tail_of_the_last_sentence(claim, passage):
    assert name_cut(claim, passage) is None


CUT = [
    ("Joe Manchin of Virginia voted against the bill.", "Joe Manchin of West Virginia voted against the bill."),
    ("The storm is forecast to reach Mexico by Friday.",
     "The storm is forecast to reach the eastern Gulf of Mexico by Friday."),
    ("Pennsylvania estimated the cost at $2bn.", "The U.S. University of Pennsylvania estimated the cost at $2bn."),
]


@pytest.mark.parametrize("claim, passage", CUT)
def test_a_name_cut_out_of_a_longer_one_is_still_a_cut(claim, passage):
    assert name_cut(claim, passage) is not None


def test_initials_and_abbreviations_still_join_a_run():
    assert name_cut("Louis officials said the river rose.", "St. Louis officials said the river rose.") is None
    assert name_cut("The Department of Energy said so.", "The U.S. Department of Energy said so.") is None
