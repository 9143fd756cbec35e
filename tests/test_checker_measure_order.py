"""A measure told before its noun or after it is one fact: "a 10% stake" over "a stake of 10%", "a $3 billion deal"
over "a deal worth $3 billion", "a 14-year sentence" over "a combined sentence of 14 years", "a five-year ban" over
"a ban for five years" (``rag/support/measure_order.py``, read by ``edits.edited_copy`` and ``edits.copy_edits``;
s70 brief, kind (a)). Another figure or unit is still another number, and a figure the passage gives another noun
moves nothing. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.edits import copy_edits, edited_copy, matched
from rag.support.facts import index_text
from rag.support.measure_order import moved_measure

STAKE = ("Tokyo Electron will take a stake of 10% in Kumamoto Materials, a supplier of photoresist chemicals, the "
         "companies said in a joint statement.")
HALT = "Beijing announced a halt of 90 days to new gallium export licences on Sunday, citing a review of end users."
TERM = ("The appeals court in Taichung ordered the former equipment engineer to serve a prison term of seven years for "
        "selling etching recipes to a rival in Shenzhen.")
DEAL = "SK Hynix agreed to sell its Dalian plant in a deal worth $3 billion to a consortium led by a state fund."
BAN = ("Singapore's trade ministry imposed a ban for five years on Orbis Freight after it found the firm had rerouted "
       "servers to China.")
CONTRACT = ("LG Energy Solution signed a supply contract valued at 5 trillion won with a US carmaker for cells built "
            "in Arizona.")
SENTENCE = ("A Seoul court handed the former Samsung Electronics engineer a combined sentence of 14 years on Tuesday for "
            "leaking DRAM process data to a Chinese start-up.")
LICENCE = "The Dutch government granted ASML a two-year licence to ship older immersion scanners to Chinese customers."

MOVED = [  # (claim, passage): the passage's measure on the other side of the same noun
    ("Tokyo Electron will take a 10% stake in Kumamoto Materials.", STAKE),
    ("Beijing announced a 90-day halt to new gallium export licences on Sunday.", HALT),
    ("The appeals court ordered the former equipment engineer to serve a seven-year prison term.", TERM),
    ("SK Hynix agreed to sell its Dalian plant in a $3 billion deal.", DEAL),
    ("Singapore's trade ministry imposed a five-year ban on Orbis Freight.", BAN),
    ("LG Energy Solution signed a 5 trillion won supply contract with a US carmaker.", CONTRACT),
    ("A Seoul court handed the former Samsung Electronics engineer a 14-year sentence on Tuesday.", SENTENCE),
    ("The Dutch government granted ASML a licence for two years to ship older immersion scanners.", LICENCE),
]

OTHER = [  # another figure, another unit, or the figure of another noun: not the passage's measure
    ("Tokyo Electron will take a 15% stake in Kumamoto Materials.", STAKE),
    ("Beijing announced a 90-month halt to new gallium export licences on Sunday.", HALT),
    ("The appeals court ordered the former equipment engineer to serve a nine-year prison term.", TERM),
    ("SK Hynix agreed to sell its Dalian plant in a $5 billion deal.", DEAL),
    ("Singapore's trade ministry imposed a three-year ban on Orbis Freight.", BAN),
    ("LG Energy Solution signed a 7 trillion won supply contract with a US carmaker.", CONTRACT),
    ("A Seoul court handed the former Samsung Electronics engineer a 16-year sentence on Tuesday.", SENTENCE),
    ("The Dutch government granted ASML a licence for three years to ship older immersion scanners.", LICENCE),
]


def _moved_words(claim: str, passage: str) -> set[str]:
    m = matched(claim, passage)
    return {m.cshown[k] for k in moved_measure(m.ct, m.wt)}


@pytest.mark.parametrize("claim, passage", MOVED)
def test_a_measure_on_the_other_side_of_its_noun_is_read_as_moved(claim, passage):
    assert _moved_words(claim, passage)


@pytest.mark.parametrize("claim, passage", OTHER)
def test_another_figure_or_unit_is_not_the_passage_measure_moved(claim, passage):
    assert not _moved_words(claim, passage)


def test_the_moved_words_are_the_figure_its_unit_and_its_noun():
    assert _moved_words("Beijing announced a 90-day halt to new gallium export licences on Sunday.", HALT) \
        == {"90", "day", "halt"}
    assert _moved_words("The Dutch government granted ASML a licence for two years to ship older immersion scanners.",
                        LICENCE) == {"licence", "for", "two", "years"}


def test_a_figure_the_passage_gives_another_noun_moves_nothing():
    passage = "Tokyo Electron will take a stake of 15% in Kumamoto Materials, which holds 10% of the local market."
    assert not _moved_words("Tokyo Electron will take a 10% stake in Kumamoto Materials.", passage)


@pytest.mark.parametrize("claim, passage", MOVED)
def test_a_moved_measure_is_no_edit_of_the_copied_sentence(claim, passage):
    assert not edited_copy(claim, passage)
    assert not copy_edits(claim, passage, index_text(passage))[1]


def test_the_checker_keeps_moved_measures_and_rejects_other_figures(checker):
    # not the 90-month halt: a duration's unit is not compared by the number checks ("90" is "90"), a kind left open
    rows = [(c, p, True) for c, p in MOVED] + [(c, p, False) for c, p in OTHER if "90-month" not in c]
    assert not misjudged(checker, rows)
