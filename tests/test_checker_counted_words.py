"""A count written as a word, or a percentage, said of another thing (issue 9, kind ``topic``; evals/README.md,
h/checker-s61).

``counted_nouns.counted_swaps`` (h/checker-s60) read only counts written in digits, so "the airline called off nine
cargo deliveries" against "cancel nine flights" was weighed by its overlap and accepted. A figure spelled out
("two" to "ninety": ``lexicon.NUMBER_WORDS``, not "one", which is as often no count) is now a count
(``counted_nouns.count_key``), read against the same figure in digits too ("nine" and "9" are one count). A
percentage is a share of the noun after its "of" (``counted_nouns._share_of``: "60% of Norway's salmon" is a share
of salmon), and a claim giving the passage's share of another thing ("60% of Norway's timber") is read the same
way. Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.counted_nouns import count_key, counted_swaps
from rag.support.features import FEATURES, passage_names
from rag.support.text_cache import sentences_of

SNOW = ("Heavy snow forced the airline to cancel nine flights out of Sapporo on Tuesday, stranding hundreds of "
        "passengers at the terminal.")
BLUEPRINTS = ("Prosecutors questioned seven engineers from the supplier this week over the leaked blueprints of the "
              "new etching machine.")
JEJU = ("The coast guard said it had rescued twelve fishermen after their boat capsized in rough seas off Jeju island "
        "late on Saturday.")
SNOW_DIGITS = SNOW.replace("nine flights", "9 flights")
BLAST = "Officials said two people were taken to hospital after the blast at the chemical plant on Thursday."
SALMON = ("About 60% of Norway's salmon is sold to buyers in the European Union, the seafood council said on "
          "Thursday.")
RICE = "Nearly 70% of the country's rice is grown in the two river deltas, according to the farm ministry."

# all three were accepted on c02fb77 (0.39-0.75)
SWAPPED = [
    (SNOW, "Because of the heavy snow, the airline called off nine cargo deliveries from Sapporo on Tuesday.",
     ("nine", "deliveries", "flights")),
    (BLUEPRINTS, "Seven executives of the supplier were questioned by prosecutors this week about the leaked "
                 "blueprints.", ("seven", "executives", "engineers")),
    (JEJU, "Twelve tourists were pulled from rough seas off Jeju island by the coast guard after their boat capsized "
           "on Saturday.", ("twelve", "tourists", "fishermen")),
    # the passage writes the figure in digits
    (SNOW_DIGITS, "Because of the heavy snow, the airline called off nine cargo deliveries from Sapporo on Tuesday.",
     ("nine", "deliveries", "flights")),
    # a share of another thing (both accepted on c02fb77, 0.54 / 0.58)
    (SALMON, "Buyers in the European Union take about 60% of Norway's timber, the seafood council said on Thursday.",
     ("60%", "timber", "salmon")),
    (RICE, "The two river deltas grow nearly 70% of the country's coffee, according to the farm ministry.",
     ("70%", "coffee", "rice")),
]

FAITHFUL = [
    (SNOW_DIGITS, "Because of the heavy snow, the airline called off nine flights from Sapporo on Tuesday."),
    (BLUEPRINTS, "Seven of the supplier's engineers were questioned by prosecutors this week about the leaked "
                 "blueprints."),
    (JEJU, "Twelve fishermen were pulled from rough seas off Jeju island by the coast guard after their boat capsized "
           "on Saturday."),
    (BLAST, "Two workers were taken to hospital after Thursday's blast at the chemical plant, officials said."),
    (SALMON, "Buyers in the European Union take about 60% of Norway's salmon, the seafood council said on Thursday."),
    (RICE, "According to the farm ministry, the two river deltas grow nearly 70 percent of the nation's rice."),
]


def _sentences(passage: str) -> list[str]:
    return [s.text for s in sentences_of(passage)]


@pytest.mark.parametrize("passage, claim, swap", SWAPPED)
def test_a_count_in_words_said_of_another_thing_is_rejected(checker, passage, claim, swap):
    assert counted_swaps(claim, _sentences(passage), passage_names(passage)) == [swap]
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("counted_swap")] >= 1, res.reasons


@pytest.mark.parametrize("passage, claim", FAITHFUL)
def test_a_count_in_words_of_the_same_thing_is_supported(checker, passage, claim):
    assert counted_swaps(claim, _sentences(passage), passage_names(passage)) == []
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)


@pytest.mark.parametrize("key, count", [
    ("#9||", "#9||"), ("nine", "#9||"), ("twelve", "#12||"), ("forty", "#40||"),
    ("one", None),  # "one of the", "one official": no count
    ("#9|usd|", None),  # money is the number checks'
    ("flights", None),
])
def test_count_key(key, count):
    assert count_key(key) == count


def test_a_percentage_without_of_shares_nothing():
    passage = "Sales of the chips rose 60% in March, the company said."
    claim = "The company said its exports of timber rose 60% in March."
    assert counted_swaps(claim, _sentences(passage), passage_names(passage)) == []


def test_one_is_no_count():
    passage = "One official said the airline would cancel flights out of Sapporo on Tuesday."
    claim = "One engineer said the airline would cancel flights out of Sapporo on Tuesday."
    assert counted_swaps(claim, _sentences(passage), passage_names(passage)) == []
