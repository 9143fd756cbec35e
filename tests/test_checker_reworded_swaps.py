"""A noun swapped in a reworded claim, and a swap weighed by the two words' cosine.

``reworded_swaps`` pairs a noun of a reworded claim that the sentence does not cover with a noun of the sentence
the claim does not cover when they share a neighbour on the same side ("imported _" / "import the _"); token order
does not pair them, so a near-copy is left to ``noun_swaps``. ``weighed_noun_swaps`` weighs a swap by the claim
word's cosine to the words it replaced when the checker has both vectors. ``word_class`` reads a noun-or-verb form
after a preposition, or a plural after "to", as a noun.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.support.facts import index_text
from rag.support.features import passage_names
from rag.support.noun_swaps import noun_swaps
from rag.support.noun_synonyms import pair_similarity, weighed_noun_swaps
from rag.support.reworded_swaps import reworded_swaps, swapped_nouns
from rag.support.word_class import NOUN, VERB, word_class

CHIPS = "Now, many American manufacturers import the chips that are essential to the production of cars and phones."
KITS = "The firm manufactures and distributes a wide variety of testing kits and related products worldwide."


def _reworded(claim: str, passage: str) -> list[tuple[str, str]]:
    return reworded_swaps(claim, passage, index_text(passage), passage_names(passage))


@pytest.mark.parametrize("claim, passage, pair", [
    ("Many US producers now rely on imported batteries, which are essential for making cars and phones.", CHIPS,
     ("batteries", "chips")),  # "imported _" / "import the _"
    ("The company makes and sells many kinds of vaccines and related goods around the world.", KITS,
     ("vaccines", "kits")),  # "_ and related"
])
def test_a_reworded_claim_that_changes_the_passage_noun_pairs_it_by_its_neighbours(claim, passage, pair):
    assert _reworded(claim, passage) == [pair]


def test_a_reworded_claim_that_keeps_the_passage_noun_pairs_nothing():
    claim = "Many US producers now rely on imported chips, which are essential for making cars and phones."
    assert _reworded(claim, CHIPS) == []


def test_nouns_with_no_shared_neighbour_are_not_paired():
    claim = "Batteries are now something many US producers have to buy abroad."
    assert _reworded(claim, CHIPS) == []


def test_a_near_copy_is_left_to_the_token_order_reading():
    claim = "Now, many American manufacturers import the batteries that are essential to the production of cars and phones."
    assert _reworded(claim, CHIPS) == []
    assert noun_swaps(claim, CHIPS, index_text(CHIPS)) == [("batteries", "chips")]
    assert swapped_nouns(claim, CHIPS, index_text(CHIPS)) == [("batteries", "chips")]


def test_a_name_the_claim_capitalises_is_no_swapped_noun():
    passage = "Germany currently has no terminals to receive direct shipments of gas from abroad."
    claim = "Germany lacks a way to receive Qatari gas directly, so it plans terminals."
    assert all(c != "qatari" for c, _ in _reworded(claim, passage))


@pytest.mark.parametrize("sentence, word, tag", [
    ("almost 20% of guards in the jails", "guards", NOUN),  # after a preposition
    ("sent emails to guards on monday", "guards", NOUN),  # a plural after "to": no infinitive takes it
    ("plans to guard the border", "guard", VERB),
    ("a way of guarding the border", "guarding", VERB),
])
def test_a_noun_or_verb_form_after_a_preposition_or_a_plural_after_to_is_a_noun(sentence, word, tag):
    words = sentence.split()
    assert word_class(words, words.index(word), guess=False) == tag


def test_compass_words_are_left_to_the_direction_checks():
    passage = "The town lies about 25 miles north of the city, officials said on Monday."
    claim = "The town lies about 25 miles south of the city, officials said on Monday."
    assert noun_swaps(claim, passage, index_text(passage)) == []


ARMS = "The ministry said the shipment held the weapons bound for the northern front, officials said on Monday."
# "munitions" for "weapons": a pair the noun lexicon (noun_synonyms.toml) does not decide, so the cosine weighs it
ARMS_CLAIM = "The ministry said the shipment held the munitions bound for the northern front, officials said on Monday."


def _vectors(cos: float):
    """Unit vectors with cos("munitions", "weapons") = ``cos``; "front" orthogonal to both."""
    table = {"munitions": np.array([1.0, 0.0, 0.0]), "weapons": np.array([cos, np.sqrt(1 - cos * cos), 0.0]),
             "front": np.array([0.0, 0.0, 1.0])}
    return table.__getitem__


@pytest.mark.parametrize("cos, value", [(0.7, 0.0), (0.5, 0.5), (0.3, 1.0)])
def test_a_swapped_noun_weighs_by_its_cosine_to_the_word_it_replaced(cos, value):
    similarity = pair_similarity(_vectors(cos), {"munitions", "weapons", "front"})
    # the nearest window word says nothing here: its novelty (0) is overruled by the pair's cosine
    got = weighed_noun_swaps(ARMS_CLAIM, ARMS, (ARMS,), ARMS, {"munitions": 0.0}, ("munitions",), similarity)
    assert got == pytest.approx(value)


def test_without_the_pair_s_vectors_the_novelty_weighs():
    similarity = pair_similarity(_vectors(0.9), {"front"})  # "munitions" and "weapons" were not embedded
    assert weighed_noun_swaps(ARMS_CLAIM, ARMS, (ARMS,), ARMS, {"munitions": 0.4}, ("munitions",), similarity) == 0.4


def test_only_the_swapped_nouns_of_a_span_are_weighed():
    passage = "A computer chip shortage limited production of new vehicles, leading to inventory too low to meet demand."
    claim = "A computer chip shortage limited production of new trucks, leaving inventory too low to meet demand."
    assert noun_swaps(claim, passage, index_text(passage)) == [("trucks leaving", "vehicles leading to")]
    assert noun_swaps(claim, passage, index_text(passage), nouns=True) == [("trucks", "vehicles")]
    table = {"trucks": np.array([1.0, 0.0]), "vehicles": np.array([0.8, 0.6]), "leaving": np.array([0.0, -1.0]),
             "leading": np.array([0.0, 1.0])}
    similarity = pair_similarity(table.__getitem__, set(table))
    novelty = {"trucks": 0.0, "leaving": 1.0}
    got = weighed_noun_swaps(claim, passage, (passage,), passage, novelty, ("trucks", "leaving"), similarity)
    assert got == 0.0  # "trucks" sits at cosine 0.8 from "vehicles"; the verb "leaving" is not weighed


FIREFIGHTERS = "Five federal agencies and 10 states have sent 21 firefighters to Australia, the paper reported Tuesday."


@pytest.mark.parametrize("claim, pairs", [
    # the sending restated from its receiver's end: "21 _" is the neighbour both nouns keep
    ("Australia has received 21 paramedics from the agencies, a newspaper said on Tuesday.",
     [("paramedics", "firefighters")]),
    ("Australia has received 21 firefighters from the agencies, a newspaper said on Tuesday.", []),
])
def test_a_reworded_claim_pairs_the_nouns_a_count_keeps(claim, pairs):
    assert _reworded(claim, FIREFIGHTERS) == pairs
