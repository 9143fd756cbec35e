"""An edited copy that swaps what the sentence is about (issue 9, kind ``topic``; evals/README.md, h/checker-s57).

"The hackers stole the login details of about 1,200 surgeons at the clinic" copies "... of about 1,200 nurses at the
clinic" but for one noun: the frame is the passage's, the people are not. ``noun_swap`` read such swaps all along,
but as a weighed feature the copy's overlap outweighed (the own claims' topic rows "pharmacists" for "physicians",
"nurses" for "doctors" were accepted). ``copied_swap`` counts the swaps of an edited copy (``edits.EDITED_COPY`` of
its tokens aligned) whose claim noun names another thing (``noun_synonyms.OTHER_THING``: another noun of the
replaced one's field, or far from it by the embedder), and the model vetoes it. A synonym put in the copy ("plant"
for "factory", "demonstrators" for "protesters", "assault" for "attack"), one noun the passage writes in two words
("carmakers" for "auto makers") and a reworded claim's swap are not vetoed. A word the copy keeps for its own
counterpart no longer covers the swapped one: "power plants and refineries" for "power plants and factories" is a
swap even though "plants" is a synonym of "factories". Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.facts import index_text
from rag.support.features import FEATURES
from rag.support.noun_swaps import noun_swaps
from rag.support.noun_synonyms import OTHER_THING, copied_swaps, other_of_field

CUSTOMS = "Customs officers in Busan seized 300 smuggled graphics cards from a cargo ship bound for Dalian on Tuesday."
REFINERY = "The fire at the coastal refinery forced 200 workers to leave before dawn, the operator said."
NURSES = "The hackers stole the login details of about 1,200 nurses at the private clinic, investigators said."
PROSECUTORS = "Prosecutors in Taipei questioned the engineer for six hours about the leaked chip designs on Monday."
CONTRACTORS = "The ransomware attack delayed the pay of roughly 3,000 contractors working for the port authority."
PHOTOGRAPHERS = "Two photographers were hurt when police cleared the square outside the ministry, their union said."
TRUCKS = "The carmaker recalled 14,000 trucks after a software flaw disabled their emergency brakes."
SALES = "Sales of the company's memory chips fell 12% in the third quarter as demand from phone makers cooled."
GOVERNOR = ("The governor ordered schools across the county to close for two days after the chemical leak at the "
            "fertiliser plant, officials said on Thursday evening.")
GAS = ("Very high gas prices would push some power plants and factories in Europe and Asia to burn oil instead, "
       "analysts at the bank said in a note.")
BANK = ("The regulator fined the bank $3 million for failing to report suspicious transfers by its customers to "
        "accounts in Cyprus, according to the order published on Wednesday.")

# the first four were accepted before (0.33-0.59); the others were rejected already, by a weaker reading
SWAPPED = [
    (BANK, "The regulator fined the bank $3 million for failing to report suspicious transfers by its employees to "
           "accounts in Cyprus, according to the order published on Wednesday."),
    (GOVERNOR, "The mayor ordered schools across the county to close for two days after the chemical leak at the "
               "fertiliser plant, officials said on Thursday evening."),
    (GAS, "Very high gas prices would push some power plants and refineries in Europe and Asia to burn oil instead, "
          "analysts at the bank said in a note."),
    (CUSTOMS, "Customs officers in Busan seized 300 smuggled graphics cards from a tanker bound for Dalian on "
              "Tuesday."),
    (REFINERY, "The fire at the coastal warehouse forced 200 workers to leave before dawn, the operator said."),
    (NURSES, "The hackers stole the login details of about 1,200 surgeons at the private clinic, investigators said."),
    (PROSECUTORS, "Judges in Taipei questioned the engineer for six hours about the leaked chip designs on Monday."),
    (CONTRACTORS, "The ransomware attack delayed the pay of roughly 3,000 volunteers working for the port authority."),
    (PHOTOGRAPHERS, "Two editors were hurt when police cleared the square outside the ministry, their union said."),
    # a plural the stemmer splits ("buses": "buse")
    (TRUCKS, "The carmaker recalled 14,000 buses after a software flaw disabled their emergency brakes."),
    (SALES, "Prices of the company's memory chips fell 12% in the third quarter as demand from phone makers "
            "cooled."),
]

KUMAMOTO = "The factory in Kumamoto will hire 1,700 workers when it opens next year, the company said."
PROTEST = "Police detained three protesters outside the parliament on Wednesday evening, a spokesman said."
PORT = "Several chipmakers paused shipments to the region after the attack on the port, traders said."
AUTOS = "Auto makers in Japan cut production by 8% in October because of the chip shortage, the ministry said."
RIOT = "The inmates were moved to another prison after the riot, officials said on Sunday."
PROBE = "Investigators said the probe into the data leak at the telecom operator would take months."

SYNONYMS = [
    (KUMAMOTO, "The plant in Kumamoto will hire 1,700 workers when it opens next year, the company said."),
    (PROTEST, "Police detained three demonstrators outside the parliament on Wednesday evening, a spokesman said."),
    (PORT, "Several chipmakers paused shipments to the region after the assault on the port, traders said."),
    (AUTOS, "Carmakers in Japan cut production by 8% in October because of the chip shortage, the ministry said."),
    (RIOT, "The prisoners were moved to another jail after the riot, officials said on Sunday."),
    (PROBE, "Investigators said the inquiry into the data leak at the telecom operator would take months."),
]


@pytest.mark.parametrize("passage, claim", SWAPPED)
def test_an_edited_copy_about_another_thing_is_rejected(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("copied_swap")] >= 1, res.reasons
    assert any(r.startswith("topic: claim says '") for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage, claim", SYNONYMS)
def test_an_edited_copy_that_says_the_same_thing_in_other_words_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("copied_swap")] == 0


def test_a_reworded_claims_swap_is_weighed_not_vetoed(checker):
    # not a copy of the sentence (far below EDITED_COPY aligned): the swap stays the model's weighed noun_swap
    passage = "Now many American manufacturers import the chips that go into cars, phones and medical equipment."
    claim = "Many US producers rely on imported batteries for their cars, phones and medical equipment."
    res = checker.check(claim, [passage])
    assert res.features[FEATURES.index("copied_swap")] == 0


def test_a_word_the_copy_keeps_in_place_does_not_cover_the_swapped_noun():
    claim = SWAPPED[2][1]
    assert noun_swaps(claim, GAS, index_text(GAS), nouns=True) == [("refineries", "factories")]


def test_one_noun_the_passage_writes_in_two_words_is_no_swap():
    assert noun_swaps(SYNONYMS[3][1], AUTOS, index_text(AUTOS)) == []


def test_a_field_knows_its_nouns_plural_the_stemmer_splits():
    # the stemmer leaves "buses" at "buse": the field is keyed by the plural's stem too
    assert other_of_field("buses", ["trucks"]) and other_of_field("bus", ["trucks"])


@pytest.mark.parametrize("weights, edited, count", [
    ([1.0], True, 1.0),
    ([OTHER_THING, 0.5, 1.0], True, 2.0),
    ([0.6], True, 0.0),  # a near synonym the lexicon lacks: weighed, not vetoed
    ([1.0, 1.0], False, 0.0),  # a reworded claim: the model weighs its swaps
    ([], True, 0.0),
])
def test_copied_swaps_counts_the_heavy_swaps_of_an_edited_copy(weights, edited, count):
    assert copied_swaps(weights, edited) == count
