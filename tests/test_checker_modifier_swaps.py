"""A modifier swapped before the noun it modifies, and a grading word put for another (issue 9, kind ``topic``;
evals/README.md, h/checker-s60).

"The ministry approved three offshore solar farms" copies "three offshore wind farms" but for the kind of farm: the
claim keeps the head noun ("farms") and changes the word that says which farms. ``noun_swaps`` read nouns only, and
a classifying modifier is often an adjective ("electric" buses) or a noun the part-of-speech reading could not
decide ("wind" before "farms"), so such a copy was weighed by its overlap and accepted. A one-word span for a
one-word span right before a copied head noun is now read as that head's modifier on each side
(``word_class.classifies``), one of the two a noun put before a noun (two adjectives are as often graded words put
for each other: "strong" for "robust"), neither hyphened to its head ("short-term" for "near-term" rewords one
compound).

The mirror: a grading modifier ("key", "main", "top": ``data/word_class.toml``'s ``grading_modifiers``) says which
rate or route no more than "benchmark" or "main" does; "key" after "its" was read as a noun and swapped for
"benchmark", so "its key interest rate" was rejected. A grading word before a noun is no swapped word
(``word_class.grades``). Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.facts import index_text
from rag.support.features import FEATURES, passage_names
from rag.support.noun_swaps import noun_swaps
from rag.support.word_class import classifies, grades

BUSES = "The city transit agency will buy 40 electric buses from a Swedish maker next year, officials said on Tuesday."
FARMS = "The ministry approved a plan to build three offshore wind farms along the northern coast by 2030."
CABLES = "Police arrested two men suspected of stealing copper cables from the railway depot on Sunday night."
CHIPS = "The chipmaker said demand for logic chips used in phones weakened sharply in the second quarter."
RATE = ("The central bank raised its benchmark interest rate by half a percentage point on Thursday, the fourth "
        "increase this year.")
ROUTES = "The regulator fined the airline over delays on its main domestic routes during the summer, the agency said."
TERMINAL = "The union called a strike at the port's principal container terminal starting on Monday, organisers said."
PROFIT = "Investors expect near-term pressure on the bank's profit as loan defaults rise, the report said."
GROWTH = "Officials said the robust economic growth of the region drew record investment last year."

# the second and third were accepted on 00c8a16 (0.31, 0.32); the others rejected there by the weighed novelty
SWAPPED = [
    (BUSES, "The city transit agency will buy 40 hydrogen buses from a Swedish maker next year, officials said on "
            "Tuesday.", ("hydrogen", "electric")),
    (FARMS, "The ministry approved a plan to build three offshore solar farms along the northern coast by 2030.",
     ("solar", "wind")),
    (CABLES, "Police arrested two men suspected of stealing fiber cables from the railway depot on Sunday night.",
     ("fiber", "copper")),
    (CHIPS, "The chipmaker said demand for memory chips used in phones weakened sharply in the second quarter.",
     ("memory", "logic")),
]

# the first two were rejected on 00c8a16 (0.15, 0.28: "key" read as a noun put for "benchmark", "main")
FAITHFUL = [
    (RATE, "The central bank raised its key interest rate by half a percentage point on Thursday, the fourth "
           "increase this year."),
    (ROUTES, "The regulator fined the airline over delays on its key domestic routes during the summer, the agency "
             "said."),
    (TERMINAL, "The union called a strike at the port's main container terminal starting on Monday, organisers "
               "said."),
    (PROFIT, "Investors expect short-term pressure on the bank's profit as loan defaults rise, the report said."),
    (GROWTH, "Officials said the strong economic growth of the region drew record investment last year."),
    (BUSES, "The city transit agency will purchase 40 battery-powered buses from a Swedish maker next year, "
            "officials said."),
]


@pytest.mark.parametrize("passage,claim,pair", SWAPPED)
def test_a_copy_with_another_modifier_before_its_noun_is_rejected(checker, passage, claim, pair):
    res = checker.check(claim, [passage])
    assert not res.supported, (claim, res.score)
    assert res.features[FEATURES.index("copied_swap")] >= 1
    assert any(r.startswith("topic: ") and f"claim says '{pair[0]}', the passage '{pair[1]}'" in r
               for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage,claim,pair", SWAPPED)
def test_the_modifier_pair_is_read(passage, claim, pair):
    assert noun_swaps(claim, passage, index_text(passage), passage_names(passage), nouns=True) == [pair]


@pytest.mark.parametrize("passage,claim", FAITHFUL)
def test_a_grading_word_or_a_reworded_modifier_is_no_swap(checker, passage, claim):
    assert noun_swaps(claim, passage, index_text(passage), passage_names(passage)) == []
    res = checker.check(claim, [passage])
    assert res.supported, (claim, res.score, res.reasons)
    assert not any(r.startswith("topic: ") for r in res.reasons), res.reasons


@pytest.mark.parametrize("sentence, at, grading, classifying", [
    ("its key interest rate".split(), 1, True, False),
    ("the main domestic routes".split(), 1, True, False),
    ("40 electric buses".split(), 1, False, True),  # an adjective before a noun
    ("three offshore wind farms".split(), 2, False, True),  # a noun-or-verb form before a noun
    ("the key to the deal".split(), 1, False, False),  # "key" as a noun, not before one
    ("the airline cancelled flights".split(), 1, False, False),  # before a verb
])
def test_grading_and_classifying_modifiers(sentence, at, grading, classifying):
    assert grades(sentence, at) is grading
    assert classifies(sentence, at) is classifying
