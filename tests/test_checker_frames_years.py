"""Attribution frames moved to "according to", a dropped possessor, speakers written as acronyms and figures dated
by a relative year: cuts.py, roles.py, facts.with_years and bindings.py. Inputs written by hand, several per kind,
faithful counterparts alongside."""

import pytest

from rag.support.cuts import cut_reason
from rag.support.facts import index_text
from rag.support.roles import speaker_mismatch


# -- an attribution frame moved to "according to" is no cut -------------------------------------------------------

@pytest.mark.parametrize("claim, sentence", [
    ("According to the ministry, 12,400 permits have been issued under the scheme.",
     "The ministry said a total of 12,400 permits have been issued under the scheme."),
    ("According to police, at least 30 cars were damaged in the storm.",
     "Police said that at least 30 cars were damaged in the storm."),
    # a possessor dropped after "the" keeps the head noun
    ("The Family Reunion Scheme has received 9,000 applications.",
     "The government's Family Reunion Scheme has received 9,000 applications."),
])
def test_a_moved_frame_or_a_dropped_possessor_is_no_cut(claim, sentence):
    assert cut_reason(claim, sentence) is None


def test_a_cut_that_is_no_frame_is_still_read():
    # the same skipped stretch without an "according to" in the claim still joins "office" to the figure
    assert cut_reason("The ministry 12,400 permits have been issued under the scheme.",
                      "The ministry said a total of 12,400 permits have been issued under the scheme.") is not None


# -- a speaker written as an acronym on one side ------------------------------------------------------------------

@pytest.mark.parametrize("claim, window", [
    ("According to the UN, Poland has taken in 1.2 million refugees.",
     "Poland has taken in 1.2 million refugees, according to the United Nations."),
    ("According to the IMF, growth slowed to 2% last year.",
     "Growth slowed to 2% last year, according to the International Monetary Fund."),
    ("The World Health Organization said cases fell by a third.",
     "Cases fell by a third, the WHO said."),
])
def test_an_acronym_speaker_is_the_same_speaker(claim, window):
    assert speaker_mismatch(claim, window) is None


@pytest.mark.parametrize("claim, window", [
    ("According to the IMF, growth slowed to 2% last year.",
     "Growth slowed to 2% last year, according to the World Bank."),
    ("According to the UN, Poland has taken in 1.2 million refugees.",
     "Poland has taken in 1.2 million refugees, according to the European Union."),
])
def test_another_speaker_stays_another_speaker(claim, window):
    assert speaker_mismatch(claim, window) is not None


# -- a figure dated by a relative year binds to that year --------------------------------------------------------

from rag.support.bindings import slot_swap  # noqa: E402
from rag.support.facts import with_years  # noqa: E402

_SALES = "Sales reached 4.1 million units last year, and the company expects 5 million this year."


def test_relative_years_are_written_as_the_years_they_name():
    assert with_years(_SALES, index_text(_SALES, "2023-03-01")) == \
        "Sales reached 4.1 million units 2022, and the company expects 5 million 2023."
    assert with_years(_SALES, index_text(_SALES)) == _SALES  # no date, no year guessed


@pytest.mark.parametrize("claim, swapped", [
    ("Sales reached 4.1 million units in 2023.", True),
    ("The company expects 4.1 million units in 2023.", True),
    ("Sales reached 4.1 million units in 2022.", False),
    ("The company expects 5 million in 2023.", False),
])
def test_a_figure_moved_to_another_relative_year_is_a_slot_swap(claim, swapped):
    dated = with_years(_SALES, index_text(_SALES, "2023-03-01"))
    assert (slot_swap(claim, dated) is not None) is swapped


# -- a pronoun speaker may be the claim's named one -------------------------------------------------------------

from rag.support.roles import other_speaker  # noqa: E402


@pytest.mark.parametrize("claim, window, other", [
    ("The chipmaker reported record quarterly revenue of $35.1 billion.",
     "Shares of the chipmaker rose 5% on Tuesday after it reported record quarterly revenue of $35.1bn.", False),
    ("The ministry announced new curbs on exports.",
     "Officials were surprised when it announced new curbs on exports, analysts said.", False),
    # another named speaker and no pronoun frame of the same verb: still another speaker
    ("Supporters say the measure will cut costs.",
     "Supporters of the measure described it as overdue, while opponents warned it will cut costs.", True),
])
def test_a_pronoun_frame_of_the_same_verb_is_no_other_speaker(claim, window, other):
    assert (other_speaker(claim, window) is not None) is other
