"""Nouns the word embedder misjudges, decided by a lexicon; nouns a compound or a sentence's start hides.

``noun_synonyms.toml``'s synonym groups are paraphrase-lexicon groups: "plants" covers "factories", so a claim that
says it is no swap. Its fields hold different kinds of one thing: a noun put in place of another of its field weighs
1 whatever the cosine ("nurses" for "doctors", "pharmacists" for "physicians", which MiniLM puts at 0.62).
``word_class`` reads a base form after a singular noun as the next noun of a compound ("its benchmark mortgage
rate") and a plural as a sentence's first word as a noun ("Prices of existing homes fell").
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.support.facts import index_text, word_covered
from rag.support.noun_swaps import noun_swaps
from rag.support.noun_synonyms import other_of_field, pair_similarity, weighed_noun_swaps
from rag.support.word_class import NOUN, word_class

DOCTORS = "The agency has also sent out emails to doctors announcing the availability of testing at five labs."


@pytest.mark.parametrize("claim_word, text", [
    ("plants", "Without these materials, those factories cannot deliver in time."),
    ("scarcity", "Experts say there is an acute shortage of testing kits."),
    ("physicians", DOCTORS),
    ("legislators", "A mob stormed the Capitol and sent lawmakers scrambling."),
])
def test_a_noun_synonym_of_the_lexicon_is_covered_by_the_cited_text(claim_word, text):
    assert word_covered(claim_word, index_text(text))


def test_a_claim_that_says_a_noun_with_its_synonym_has_no_swapped_noun():
    claim = "The agency has also sent out emails to physicians announcing the availability of testing at five labs."
    assert noun_swaps(claim, DOCTORS, index_text(DOCTORS)) == []


@pytest.mark.parametrize("word, replaced, other", [
    ("nurses", ["doctors"], True),
    ("pharmacists", ["physicians"], True),
    ("contractors", ["employees"], True),
    ("physicians", ["doctors"], False),  # one synonym group: the same people
    ("senators", ["lawmakers"], False),  # a narrower word is no other kind of its broader word
    ("reporters", ["lawmakers"], False),  # no field holds both: the cosine decides
])
def test_another_noun_of_a_field_is_another_kind_of_thing(word, replaced, other):
    assert other_of_field(word, replaced) is other


def test_a_noun_of_the_same_field_weighs_one_however_near_the_embedder_puts_it():
    claim = "The agency has also sent out emails to nurses announcing the availability of testing at five labs."
    assert noun_swaps(claim, DOCTORS, index_text(DOCTORS), nouns=True) == [("nurses", "doctors")]
    table = {"nurses": np.array([1.0, 0.0]), "doctors": np.array([0.8, 0.6])}  # cosine 0.8: "a synonym" to MiniLM
    similarity = pair_similarity(table.__getitem__, set(table))
    assert weighed_noun_swaps(claim, DOCTORS, (DOCTORS,), DOCTORS, {"nurses": 0.0}, ("nurses",), similarity) == 1.0


@pytest.mark.parametrize("sentence, word, noun", [
    ("the fed raised its benchmark mortgage rate", "mortgage", True),  # after "benchmark", a noun after "its"
    ("the state fuel tax on utilities", "fuel", True),
    ("prices of existing homes fell", "prices", True),  # a sentence's first word, plural
    ("the bank cut rates on monday", "cut", False),  # a past tense too: a verb after its subject
    ("the people vote on monday", "vote", False),  # a plural collective is a subject
])
def test_a_noun_or_verb_form_in_a_compound_or_first_in_a_sentence(sentence, word, noun):
    words = sentence.split()
    assert (word_class(words, words.index(word), guess=False) == NOUN) is noun


def test_a_noun_swapped_inside_a_compound_is_read():
    passage = "The Fed raised its benchmark interest rate by three-quarters of a percentage point last week."
    claim = "The Fed raised its benchmark mortgage rate by three-quarters of a percentage point last week."
    assert noun_swaps(claim, passage, index_text(passage), nouns=True) == [("mortgage", "interest")]
