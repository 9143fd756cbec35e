"""A figure one clause gives another party is not the claim's subject's: "Kiso would hold a 51% stake" over "Kiso
would put ¥18 billion into the venture for a 49% stake, and Wuxi Huaxin would hold 51%" is unsupported; each
party's own figure is supported (``clause_subjects.other_clause_figure``, read with the role swaps; s67 fresh user
F5). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.clause_subjects import other_clause_figure

KISO = "Under the plan, Kiso would put ¥18 billion into the venture for a 49% stake, and Wuxi Huaxin would hold 51%."
TATA = ("Tata Electronics will own 40% of the Dholera plant, while Powerchip Semiconductor will hold the remaining 60%, "
        "the companies said.")
FTC = ("The Fair Trade Commission fined Hanwha Aerospace 4.5 billion won; Doosan was fined 12 billion won for the same "
       "bid rigging.")
PETRONAS = "Petronas would take a 25% stake in the Bintulu terminal, while Mitsui would hold 35% and JERA the rest."
SIEMENS = ("Siemens will contribute €800 million to the fund, and the German state of Bavaria will add €1.2 billion "
           "over five years.")

SWAPPED = [
    ("Kiso would hold a 51% stake in the venture.", KISO),
    ("Tata Electronics will own 60% of the plant.", TATA),
    ("Hanwha was fined 12 billion won.", FTC),
    ("Petronas would take a 35% stake in the terminal.", PETRONAS),
    ("Siemens will contribute €1.2 billion to the fund.", SIEMENS),
]

OWN = [
    ("Kiso would hold a 49% stake in the venture.", KISO),
    ("Powerchip Semiconductor will hold 60% of the plant.", TATA),
    ("Doosan was fined 12 billion won.", FTC),
    ("Mitsui would hold 35% of the terminal.", PETRONAS),
    ("Siemens will contribute €800 million to the fund.", SIEMENS),
]


@pytest.mark.parametrize("claim, passage", SWAPPED[:4])
def test_another_partys_figure_is_a_role_reason(claim, passage):
    assert other_clause_figure(claim, passage)


@pytest.mark.parametrize("claim, passage", OWN)
def test_the_partys_own_figure_is_none(claim, passage):
    assert other_clause_figure(claim, passage) is None


def test_the_checker_rejects_another_partys_figure_and_keeps_its_own(checker):
    rows = [(c, p, False) for c, p in SWAPPED] + [(c, p, True) for c, p in OWN]
    assert not misjudged(checker, rows)
