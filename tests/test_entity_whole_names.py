"""The entities section lists whole names, never the fragments punctuation cuts them into (issue 10, F18: a new
user's brief listed "Ministry", "Trade and Industry" and "the U.S. Commerce" instead of whole names).

Three cuts, each on sentences written for this test:
- an initialism's dot ended the name: "the U.S. Commerce Department" was "U.S." and "Commerce Department";
- a department named by a list of organisation words before its head: "Japan's Economy, Trade and Industry
  Ministry" was "Economy", "Trade" and "Industry Ministry";
- an organisation's head noun alone ("the Ministry said") or a currency's prefix ("NT$3 million") was a name.
"""

from __future__ import annotations

import pytest

from rag.writers.key_terms import names_in
from rag.writers.terms_section import entity_terms


@pytest.mark.parametrize("sentence, name", [
    ("The move follows a request from the U.S. Commerce Department's Bureau of Industry and Security.",
     "U.S. Commerce Department"),
    ("The U.K. Foreign Office summoned the ambassador on Tuesday.", "U.K. Foreign Office"),
    ("A spokesman for the U.S. State Department said the list would grow.", "U.S. State Department"),
    ("Japan's Economy, Trade and Industry Ministry said the curbs were not retaliation.",
     "Economy, Trade and Industry Ministry"),
    ("Seoul's Trade, Industry and Energy Ministry said it would file a complaint.", "Trade, Industry and Energy Ministry"),
])
def test_a_name_cut_by_punctuation_is_one_name(sentence, name):
    names = [n for n, _ in names_in(sentence)]
    assert name in names
    assert not any(n != name and n in name for n in names)  # none of its pieces is a name of its own


@pytest.mark.parametrize("sentence, holder", [
    ("Economy, Trade and Industry Minister Koichi Hagiuda told reporters the curbs were not retaliation.",
     "Koichi Hagiuda"),
    ("The U.S. Trade Representative Katherine Tai said the talks would resume.", "Katherine Tai"),
])
def test_a_titled_holder_after_such_a_name_is_listed_by_name(sentence, holder):
    assert entity_terms([sentence], [], [sentence], 8) == [holder]


@pytest.mark.parametrize("sentence, names", [
    ("Sanctions were imposed by the U.S. China responded on Monday with curbs of its own.",
     ["Sanctions", "U.S.", "China"]),  # a sentence's first word is kept, for the entity list to weigh
    ("The U.S. and Japan agreed to share licensing data.", ["U.S.", "Japan"]),
    ("The Ministry of Economy, Trade and Industry said licences would be needed.",
     ["Ministry of Economy, Trade and Industry"]),
])
def test_names_that_stand_apart_stay_apart(sentence, names):
    assert [n for n, _ in names_in(sentence)] == names


@pytest.mark.parametrize("sentence, fragment", [
    ("Officials at the Ministry said the rules would take effect in March.", "Ministry"),
    ("The curbs were approved by the Agency on Monday.", "Agency"),
    ("Exporters who breach the rules face fines of up to NT$3 million.", "NT"),
    ("The firm was fined HK$2 million by the regulator.", "HK"),
])
def test_a_head_noun_alone_or_a_currency_prefix_is_no_entity(sentence, fragment):
    assert fragment not in entity_terms([sentence], [], [sentence], 8)
