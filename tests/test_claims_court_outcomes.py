"""A court's outcome said the other way is unsupported: "convicted" where the passage says "acquitted", "found guilty"
where it says "cleared ... of all charges", "acquitted" where it says "convicted"; the same outcome restated is
supported (the [verdict] axis of ``rag/support/data/act_antonyms.toml``; s67 fresh user F4). "cleared" judges only
with its "of" ("cleared the way", "cleared customs" are no verdicts). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.polarity import polarity, polarity_conflict

OSAKA = ("The Osaka District Court on Friday convicted Hiroshi Tanaka, a former engineer at Kairo Motors, of leaking "
         "battery designs and sentenced him to three years.")
MUNICH = ("A Munich regional court acquitted two managers of Weber Optik on Tuesday of breaching export rules, saying "
          "prosecutors had not shown they knew the lenses were bound for Russia.")
TUCSON = "A federal jury in Tucson cleared Daniel Ramos of all charges of smuggling rifle scopes to Mexico."
SEOUL = ("The Seoul Central District Court convicted Park Min-ho, a former Hanjin Display researcher, of selling OLED "
         "process data and sentenced him to 30 months.")

REVERSED = [
    ("The Osaka District Court acquitted Tanaka of leaking the designs.", OSAKA),
    ("A Munich court convicted the two managers of breaching export rules.", MUNICH),
    ("The jury found Ramos guilty of smuggling rifle scopes to Mexico.", TUCSON),
    ("The Seoul Central District Court cleared Park of the charges.", SEOUL),
    ("Lee, a broker, was convicted.", "A fourth defendant, a broker surnamed Lee, was acquitted for lack of evidence."),
]

KEPT = [
    ("Two Weber Optik managers were acquitted of breaching export rules.", MUNICH),
    ("Ramos was acquitted of smuggling rifle scopes.", TUCSON),
    ("Park Min-ho, a former researcher, was convicted of selling OLED process data.", SEOUL),
]


@pytest.mark.parametrize("claim, passage", REVERSED)
def test_the_opposite_outcome_is_a_polarity_conflict(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is not None


@pytest.mark.parametrize("claim, passage", KEPT)
def test_the_same_outcome_is_no_conflict(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is None


@pytest.mark.parametrize("text", [
    "The ruling cleared the way for the merger.",
    "The shipment cleared customs in Busan on Monday.",
])
def test_cleared_without_its_of_judges_nothing(text):
    assert "verdict" not in polarity(text).axes


def test_the_checker_rejects_the_opposite_outcome_and_keeps_the_same_one(checker):
    rows = [(c, p, False) for c, p in REVERSED] + [(c, p, True) for c, p in KEPT]
    assert not misjudged(checker, rows)
