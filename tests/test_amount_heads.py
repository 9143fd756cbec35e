"""An amount the passage gives as the measure of one noun ("a ¥280 billion plant": the plant's cost) is not the
amount the sentence's verb moves ("provide up to ¥95 billion ... toward a ¥280 billion plant"): a claim that gives
the noun's amount to the verb ("give up to ¥280 billion for a plant") swaps amounts within the sentence
(``rag/text/numbers.measured_noun`` reads the noun an amount measures; ``rag/support/amount_heads.py`` compares).
The amount as the verb's, the noun's amount said of the noun ("the ¥280 billion plant", "the plant will cost ¥280
billion") are supported. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.amount_heads import amount_swap
from rag.text.numbers import find_quantities, measured_noun

PASSAGE_KR = ("The Ministry of Trade said it would lend 1.2 trillion won to Daehan Battery for a 4.5 trillion won "
              "cathode factory in Gumi.")
PASSAGE_DE = ("Berlin will grant Nordhafen Chips €900 million toward a €3.1 billion wafer fab in Dresden, the economy "
              "ministry said.")
PASSAGE_IN = ("The state-run lender SBI approved a loan of Rs 2,400 crore to Kaveri Steel for its Rs 9,000 crore "
              "blast furnace project in Odisha.")
PASSAGE_US = ("The Commerce Department awarded Lumen Photonics $310 million in grants to help fund a $1.4 billion "
              "laser-diode plant in Arizona.")

PASSAGE_TW = ("Taiwan's Investment Commission fined Hsinchu Optics NT$3 million over its NT$45 million investment in "
              "a Shenzhen lens maker.")

SWAPPED = [
    ("The Ministry of Trade will lend Daehan Battery 4.5 trillion won for a factory in Gumi.", PASSAGE_KR),
    ("Berlin will give Nordhafen Chips €3.1 billion for a wafer fab in Dresden.", PASSAGE_DE),
    ("SBI approved a loan of Rs 9,000 crore to Kaveri Steel for a project in Odisha.", PASSAGE_IN),
    ("The Commerce Department awarded Lumen Photonics $1.4 billion in grants for a plant in Arizona.", PASSAGE_US),
    ("Taiwan's Investment Commission fined Hsinchu Optics NT$45 million over the deal.", PASSAGE_TW),
]

KEPT = [
    ("The Ministry of Trade will lend Daehan Battery 1.2 trillion won for a factory in Gumi.", PASSAGE_KR),
    ("Berlin will grant Nordhafen Chips €900 million toward a €3.1 billion fab in Dresden.", PASSAGE_DE),
    ("Kaveri Steel's blast furnace project in Odisha will cost Rs 9,000 crore.", PASSAGE_IN),
    ("Lumen Photonics got $310 million in grants for a $1.4 billion plant in Arizona.", PASSAGE_US),
    ("Hsinchu Optics put NT$45 million into a Shenzhen lens maker.", PASSAGE_TW),
    ("Taiwan's Investment Commission fined Hsinchu Optics NT$3 million over the deal.", PASSAGE_TW),
]


def test_the_noun_an_amount_measures_is_read_after_it():
    text = "toward a ¥280 billion SiC wafer and device plant in Kagoshima, and up to ¥95 billion to the firm"
    found = {q.text: measured_noun(text, q) for q in find_quantities(text)}
    assert found["¥280 billion"] == "plant"
    assert found["¥95 billion"] is None


@pytest.mark.parametrize("claim, passage", SWAPPED)
def test_a_nouns_amount_given_to_the_verb_is_an_amount_swap(claim, passage):
    reason = amount_swap(claim, passage)
    assert reason is not None and reason.startswith("number ")


@pytest.mark.parametrize("claim, passage", KEPT)
def test_the_verbs_amount_or_the_nouns_amount_said_of_the_noun_is_kept(claim, passage):
    assert amount_swap(claim, passage) is None


def test_the_checker_rejects_the_swapped_amount_and_keeps_the_verbs_amount(checker):
    rows = [(c, p, False) for c, p in SWAPPED] + [(c, p, True) for c, p in KEPT[:2]]
    assert not misjudged(checker, rows)
