"""A passive claim's doer is its "by" phrase also when the verb's object or a place stands between ("X was fined 2
billion won by Y", "X were seized at Osaka port by Y") and when the verb's past form is short ("was sued by"):
the passive restatement of the passage's active sentence keeps its roles, and the swapped passive is a role swap
(``roles._late_by``, ``roles._verb_like``; s70 brief, kind (c)). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.roles import argument_swap, roles_at, tokens

FTC = ("The Fair Trade Commission fined Hanwha Aerospace 2 billion won for delaying payments to subcontractors, the "
       "regulator said on Wednesday.")
TEXAS = ("Samsung Electronics sued BOE Technology in a Texas court last month, alleging that the Chinese panel maker had "
         "infringed its OLED patents.")
OSAKA = "Japanese customs officers seized 300 drone motors at Osaka port last week."
KFTC = ("Korea's antitrust regulator fined Qualcomm 1 trillion won in 2016 for abusing its dominance in modem chips, a "
        "penalty upheld by the Supreme Court.")
TOKYO = ("Toshiba's board rejected the buyout offer from CVC Capital on Friday, saying the price undervalued the "
         "company.")
LITHO = ("ASML fired two engineers in Veldhoven last year after an internal audit found they had copied source code.")

KEPT = [  # the passive restatement of the passage's active sentence
    ("Hanwha Aerospace was fined 2 billion won by the Fair Trade Commission.", FTC),
    ("BOE Technology was sued by Samsung Electronics in a Texas court.", TEXAS),
    ("300 drone motors were seized at Osaka port by Japanese customs officers.", OSAKA),
    ("Qualcomm was fined 1 trillion won in 2016 by Korea's antitrust regulator.", KFTC),
    ("The buyout offer from CVC Capital was rejected on Friday by Toshiba's board.", TOKYO),
    ("Two engineers were fired in Veldhoven by ASML last year.", LITHO),
]

SWAPPED = [  # the doer and the one it acted on the other way round
    ("The Fair Trade Commission was fined 2 billion won by Hanwha Aerospace.", FTC),
    ("Samsung Electronics was sued by BOE Technology in a Texas court.", TEXAS),
    ("Korea's antitrust regulator was fined 1 trillion won in 2016 by Qualcomm.", KFTC),
    ("Toshiba's board was rejected on Friday by CVC Capital.", TOKYO),
]


def test_the_doer_of_a_passive_is_its_late_by_phrase():
    toks = tokens("Hanwha Aerospace was fined 2 billion won by the Fair Trade Commission.")
    agent, patient = roles_at(toks, toks.index("fined"))
    assert {"fair", "trade", "commiss"} <= agent or {"fair", "trade"} <= agent
    assert "hanwha" in patient


def test_a_figure_after_by_is_no_doer():
    toks = tokens("The stake was raised to 15% in May by 5 points.")
    agent, _ = roles_at(toks, toks.index("raised"))
    assert not agent


@pytest.mark.parametrize("claim, passage", KEPT)
def test_a_passive_restatement_keeps_the_roles(claim, passage):
    assert argument_swap(claim, passage) is None


@pytest.mark.parametrize("claim, passage", SWAPPED)
def test_a_swapped_passive_is_a_role_swap(claim, passage):
    assert argument_swap(claim, passage)


def test_the_checker_keeps_passive_restatements_and_rejects_swapped_ones(checker):
    rows = [(c, p, True) for c, p in KEPT] + [(c, p, False) for c, p in SWAPPED]
    assert not misjudged(checker, rows)
