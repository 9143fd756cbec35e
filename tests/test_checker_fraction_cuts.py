"""A measure cut short: the claim keeps the unit and drops its fraction tail (h/checker-s66, issue 9; FactCC's
"... fifth major assault in kenya in the past year" for "... in the past year and a half", accepted at 0.80).

``cuts.cut_reason`` reads a copied run that ends where the sentence goes on with a fraction tail (``cut_words.toml``
fraction_tails: "and a half", "and a quarter", ...) that the claim does not give: "the past year" is another span
than "the past year and a half". Specs on new news-like pairs; guards: the tail kept, and an "and" that opens
another clause or list item.
"""

import pytest

from rag.support.cuts import cut_reason

DROPPED = [
    ("Russia's central bank has raised rates five times in the past year.",
     "Russia's central bank has raised rates five times in the past year and a half, its governor told lawmakers on "
     "Tuesday."),
    ("The strike at the Antwerp port lasted a month before the union accepted the offer.",
     "The strike at the Antwerp port lasted a month and a half before the union accepted the offer."),
    ("Vietnam's exports to the US grew 12% over the past year, the ministry said.",
     "Vietnam's exports to the US grew 12% over the past year and a half, the ministry said on Monday."),
    ("The talks in Geneva ran for an hour before the ministers left.",
     "The talks in Geneva ran for an hour and a quarter before the ministers left without a statement."),
    ("Kenya has been without a permanent auditor general for a year.",
     "Kenya has been without a permanent auditor general for a year and a half, a parliamentary committee said."),
]


@pytest.mark.parametrize("claim, passage", DROPPED)
def test_a_measure_without_its_fraction_tail_is_unsupported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert any(r.startswith("cut:") for r in res.reasons), res.reasons


KEPT = [
    ("The strike at the Antwerp port lasted a month and a half.", DROPPED[1][1]),
    ("Vietnam's exports to the US grew 12% over the past year.",
     "Vietnam's exports to the US grew 12% over the past year and imports fell 3%, the ministry said."),
    ("Chile's copper output fell for a year.",
     "Chile's copper output fell for a year and a mine strike in May made it worse, the agency said."),
    ("The talks in Geneva ran for an hour and a quarter.", DROPPED[3][1]),
]


@pytest.mark.parametrize("claim, passage", KEPT)
def test_a_kept_tail_or_another_clause_is_no_cut(checker, claim, passage):
    assert cut_reason(claim, passage) is None
    assert checker.check(claim, [passage]).supported
