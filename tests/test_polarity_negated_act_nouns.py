"""A negated noun of an act is its verb negated: "sentenced to two years without suspension" denies "sentenced to two
years, suspended for four years", and "closed the plant without consultation" denies "consulted its unions before
closing the plant". The noun's stem ("suspens", "revoc") was not the verb's, so the negation met nothing in the passage and,
the passage's verb being itself negative ("suspended", "revoked"), the claim was accepted (new user s65 F7). Nouns read as verbs by ending rules checked against a verb lexicon
(``rag/support/data/deverbal.toml``), only where a negation governs them."""

from __future__ import annotations

import pytest

from rag.support.deverbal import verb_of_noun
from rag.support.polarity import polarity, polarity_conflict


def conflict(claim: str, passage: str) -> str | None:
    return polarity_conflict(polarity(claim), polarity(passage))


OSAKA = "The Osaka District Court sentenced Tanaka Hiroshi, 61, to two years in prison, suspended for four years."
LYON = "Verdane consulted its unions for three months before closing the Lyon plant in June."
MADRID = "The Madrid court suspended the eviction order for six months."
NAIROBI = "Kenya's aviation authority suspended the cargo licence of Kenya Airways for 30 days."
LIMA = "The Lima court revoked the bail of the former minister on Tuesday."


@pytest.mark.parametrize("passage, claim", [
    (OSAKA, "Tanaka Hiroshi was sentenced to two years in prison without suspension."),
    (MADRID, "The Madrid court upheld the eviction order without suspension."),
    (NAIROBI, "Kenya Airways kept its cargo licence without suspension."),
    (LIMA, "The Lima court let the bail of the former minister stand without revocation."),
    (LYON, "Verdane closed the Lyon plant without consultation with its unions."),
])
def test_a_negated_act_noun_contradicts_the_act_stated(passage, claim):
    assert conflict(claim, passage) is not None


@pytest.mark.parametrize("passage, claim", [
    (OSAKA, "Tanaka Hiroshi received a two-year prison sentence, suspended for four years."),
    (LYON, "Verdane consulted its unions before it closed the Lyon plant."),
    ("The pilot landed without authorization from air traffic control.",
     "The pilot landed without the authorization of air traffic control."),
    ("Kenya's court released the suspect without charge on Monday.", "The suspect was released without being charged."),
    ("The ministry approved the export without conditions.", "The export was approved without any conditions."),
])
def test_the_same_act_on_both_sides_is_no_flip(passage, claim):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("noun, verb", [
    ("suspension", "suspend"), ("consultation", "consult"), ("approval", "approve"), ("notification", "notify"),
    ("permission", "permit"), ("inspection", "inspect"), ("ratification", "ratify"), ("payments", "pay"),
    ("revocation", "revoke"), ("detention", "detain"),
    ("animal", None), ("nature", None), ("deal", None),
])
def test_the_verb_of_a_noun_of_act(noun, verb):
    assert verb_of_noun(noun) == verb
