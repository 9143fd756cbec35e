"""An act the passage tells as a light verb and a noun is negated as its verb would be.

"Malaysia has yet to bring any charges" says Malaysia has not charged anyone: "Malaysia has charged several people"
is a polarity flip of it, as "approved" is of "has yet to approve", and "Malaysia has not yet charged anyone" is
faithful to it. So are "stopped short of imposing sanctions" / "sanctioned", "has yet to issue a licence" /
"licensed", "has yet to reach a deal" / "agreed" (``nominal_acts``, ``data/nominal_acts.toml``; ``polarity``).
"""

from __future__ import annotations

import pytest

from rag.support.nominal_acts import NOUN_REACH, act_nouns
from rag.support.polarity import polarity, polarity_conflict, polarity_tokens, predicate_lemma, predicate_lemmas

MALAYSIA = ("Malaysia has yet to bring any charges in the chip smuggling investigation, a person familiar with the "
            "matter said.")
SEOUL = "Seoul stopped short of imposing sanctions on the shipping firms, saying talks would continue."
LICENCE = "The commerce ministry has yet to issue a licence for the shipments of advanced chips."
PATENTS = "The two chipmakers have yet to reach a deal to settle the patent dispute, lawyers for both sides said."
PROBE = "The regulator stopped short of launching a formal investigation into the battery recalls."
FINE = "Vietnam has yet to impose a fine on the telecom operator for the data breach."
TOKYO = "Prosecutors in Tokyo brought charges against three former employees of the lens maker on Tuesday."


# -- reading the act -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, noun, verb", [
    (MALAYSIA, "charges", "charge"),
    (SEOUL, "sanctions", "sanction"),
    (LICENCE, "licence", "license"),
    (PATENTS, "deal", "agree"),
    (PROBE, "investigation", "investigate"),
    ("Police have yet to make an arrest.", "arrest", "arrest"),
    ("The board gave its approval on Friday.", "approval", "approve"),
])
def test_a_noun_after_its_light_verb_is_the_act(text, noun, verb):
    toks = polarity_tokens(text)
    assert [(toks[k], v) for k, (_, v) in act_nouns(toks).items()] == [(noun, verb)]


@pytest.mark.parametrize("text", [
    "The firm brought new phones to the market.",  # no noun of "bring"'s acts
    "Police made the charges public in a statement.",  # "make" tells an arrest, a decision or a payment, not a charge
    "He is in charge of the deal.",  # no light verb
    "Officials will bring the matter, and the charges, to court.",  # punctuation between
])
def test_a_light_verb_without_one_of_its_nouns_tells_no_act(text):
    assert act_nouns(polarity_tokens(text)) == {}


def test_the_noun_is_read_within_reach_of_its_light_verb():
    assert NOUN_REACH == 3
    near = polarity_tokens("Malaysia has yet to bring any new criminal charges.")
    far = polarity_tokens("Malaysia has yet to bring any of the new criminal charges.")
    assert act_nouns(near) and not act_nouns(far)


def test_the_act_noun_has_the_verb_s_lemma_in_its_place_only():
    toks = polarity_tokens(LICENCE)
    lemmas = predicate_lemmas(toks)
    assert lemmas[toks.index("licence")] == predicate_lemma("licensed") != predicate_lemma("licence")
    assert predicate_lemmas(polarity_tokens("The licence expired."))[1] == predicate_lemma("licence")


def test_the_negation_of_the_light_verb_negates_the_act():
    for text, lemma in ((MALAYSIA, "charg"), (SEOUL, "sanction"), (LICENCE, "licens"), (PATENTS, predicate_lemma("agree"))):
        pol = polarity(text)
        assert lemma in pol.scoped and pol.lemma_pol[lemma] == {-1}, text
    assert polarity(TOKYO).lemma_pol["charg"] == {1}  # told as done, the act is positive


# -- the checker's polarity ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("claim, passage", [
    ("Malaysia has charged several people in the chip smuggling case.", MALAYSIA),
    ("Seoul sanctioned the shipping firms.", SEOUL),
    ("The commerce ministry licensed the shipments of advanced chips.", LICENCE),
    ("The two chipmakers agreed to settle the patent dispute, lawyers said.", PATENTS),
    ("The regulator investigated the battery recalls.", PROBE),
    ("Vietnam fined the telecom operator for the data breach.", FINE),
    ("Prosecutors in Tokyo have yet to charge the three former employees of the lens maker.", TOKYO),
])
def test_a_claim_that_the_act_happened_flips_the_passage_s_polarity(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is not None


@pytest.mark.parametrize("claim, passage", [
    ("Malaysia has not yet charged anyone in the chip smuggling investigation, a person familiar with the matter said.",
     MALAYSIA),
    ("Seoul did not impose sanctions on the shipping firms.", SEOUL),
    ("Seoul has not sanctioned the shipping firms, saying talks would continue.", SEOUL),
    ("The commerce ministry has not yet licensed the shipments of advanced chips.", LICENCE),
    ("The two chipmakers have not agreed to settle the patent dispute, lawyers said.", PATENTS),
    ("The regulator did not formally investigate the battery recalls.", PROBE),
    ("Prosecutors in Tokyo charged three former employees of the lens maker on Tuesday.", TOKYO),
])
def test_a_claim_that_keeps_the_negation_is_no_flip(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is None


@pytest.mark.parametrize("claim, passage, lemma, snippet", [
    ("Malaysia has charged several people in the chip smuggling case.", MALAYSIA, "charg", "has yet to bring any charges"),
    ("Seoul sanctioned the shipping firms.", SEOUL, "sanction", "stopped short of imposing sanctions"),
    ("The commerce ministry licensed the shipments of advanced chips.", LICENCE, "licens", "has yet to issue a licence"),
    ("Vietnam fined the telecom operator for the data breach.", FINE, "fine", "has yet to impose a fine"),
])
def test_the_checker_rejects_the_flip_with_a_polarity_reason(checker, claim, passage, lemma, snippet):
    res = checker.check(claim, [passage])
    assert not res.supported
    assert f"negation mismatch on '{lemma}' (passage says '{snippet}')" in res.reasons


@pytest.mark.parametrize("claim, passage", [
    ("Malaysia has not yet charged anyone in the chip smuggling investigation, a person familiar with the matter said.",
     MALAYSIA),
    ("Seoul did not impose sanctions on the shipping firms.", SEOUL),
    ("The commerce ministry has not yet licensed the shipments of advanced chips.", LICENCE),
    ("The regulator did not formally investigate the battery recalls.", PROBE),
    ("Prosecutors in Tokyo charged three former employees of the lens maker on Tuesday.", TOKYO),
])
def test_the_checker_keeps_a_faithful_claim(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, res.reasons
