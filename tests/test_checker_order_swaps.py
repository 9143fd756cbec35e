"""An act ordered the other way is a changed claim: "must notify the Minister after selling" against "must obtain the
approval of the Minister before selling" (new user s65 F7), though every word of the order is cited. Order words:
``rag/support/data/order_words.toml``; the act is read as its predicate ("acquiring" and "buying" are one act)."""

from __future__ import annotations

import pytest

from rag.support.order_swaps import order_swap
from tests.checker_pairs import misjudged

CORE = ("A company that owns a national core technology must obtain the approval of the Minister before selling it "
        "abroad or merging with a foreign company.")
FIRB = "Foreign buyers must register with the Foreign Investment Review Board before acquiring Australian farmland."
METI = "Japanese exporters of the listed chemicals must file a declaration with METI prior to shipping the goods."
CFIUS = "Under the new rule, investors must notify CFIUS after closing any deal in the covered sectors."
BUND = "The Bundestag must approve each deployment of the Bundeswehr abroad before sending troops."


@pytest.mark.parametrize("passage, claim", [
    (CORE, "A company must notify the Minister after selling a national core technology abroad."),
    (FIRB, "Foreign buyers must register with the Foreign Investment Review Board after acquiring Australian farmland."),
    (METI, "Japanese exporters must file a declaration with METI following shipping of the listed chemicals."),
    (CFIUS, "Investors must notify CFIUS before closing any deal in the covered sectors."),
    (BUND, "The Bundestag approves each deployment of the Bundeswehr abroad after sending troops."),
])
def test_an_act_ordered_the_other_way_is_a_change(passage, claim):
    reason = order_swap(claim, passage)
    assert reason is not None and reason.startswith("time:")


@pytest.mark.parametrize("passage, claim", [
    (CORE, "Companies must get the Minister's approval before selling a national core technology abroad."),
    (FIRB, "Foreign buyers must register with the board prior to acquiring Australian farmland."),
    (CFIUS, "Investors must notify CFIUS after closing a deal in the covered sectors."),
    (BUND, "Before sending troops abroad, the German government needs the Bundestag's approval."),
    ("She resigned after the vote and left before dawn.", "She left before dawn after resigning."),
])
def test_the_same_order_or_none_is_no_change(passage, claim):
    assert order_swap(claim, passage) is None


def test_the_checker_rejects_an_act_ordered_the_other_way(checker):
    rows = [
        ("A company must notify the Minister after selling a national core technology abroad.", CORE, False),
        ("Foreign buyers must register with the Foreign Investment Review Board after acquiring Australian farmland.",
         FIRB, False),
        ("Investors must notify CFIUS before closing any deal in the covered sectors.", CFIUS, False),
        ("Foreign buyers must register with the Foreign Investment Review Board before acquiring Australian farmland.",
         FIRB, True),
    ]
    assert misjudged(checker, rows) == []
