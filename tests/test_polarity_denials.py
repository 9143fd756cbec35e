"""A reported denial restated with another denial verb: "X rejected the claim that Y" and "X disputed claims that Y"
report the same denial. Only "rejected" / "denied" were negative verbs, so a claim with "disputed", "dismissed",
"refuted" or "rebuffed" read Y as asserted against a passage that denies it, a polarity veto (cl-914; evals/README.md,
h/checker-s35). Those verbs now open a negation scope when they govern a claim ("that", or a claim noun:
``rag/support/data/denials.toml``), and only then: "the disputed islands" and "dismissed the coach" deny nothing."""

from __future__ import annotations

import pytest

from rag.support.polarity import polarity, polarity_conflict


def conflict(claim: str, passage: str) -> str | None:
    return polarity_conflict(polarity(claim), polarity(passage))


ANALYST = ("Khodarenok rejected the claim that the Ukrainian armed forces are in crisis and on the verge of a "
           "\u201cmoral collapse\u201d.")
MINISTRY = "The ministry denied reports that it had supplied drones to the rebels."
COMPANY = "The company rejected allegations that its factories used forced labor."
MAYOR = "The mayor denied that the city had run out of money for the program."
CLUB = "The club rejected suggestions that the manager would be sacked before the derby."


@pytest.mark.parametrize("passage, claim", [
    (ANALYST, "Khodarenok disputed claims that Ukraine's armed forces are in crisis and close to a moral collapse."),
    (ANALYST, "Khodarenok dismissed the claim that the Ukrainian army is in crisis."),
    (MINISTRY, "The ministry dismissed reports that it had supplied drones to the rebels."),
    (MINISTRY, "The ministry disputed that it had supplied drones to the rebels."),
    (COMPANY, "The company refuted allegations that its factories used forced labor."),
    (COMPANY, "The company disputed accusations that its factories used forced labor."),
    (MAYOR, "The mayor disputed that the city had run out of money for the program."),
    (CLUB, "The club rebuffed suggestions that the manager would be sacked before the derby."),
])
def test_one_denial_verb_restates_another(passage, claim):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (MINISTRY, "The ministry said it had supplied drones to the rebels."),
    (COMPANY, "The company's factories used forced labor."),
    (MAYOR, "The city had run out of money for the program."),
])
def test_the_denied_claim_stated_as_fact_is_still_a_flip(passage, claim):
    assert conflict(claim, passage) is not None


@pytest.mark.parametrize("text", [
    "China sent coast guard ships to the disputed islands.",
    "The club dismissed the coach after the defeat.",
    "The union contested the election in court.",
    "The government rebuffed the offer of talks.",
])
def test_a_denial_verb_without_a_claim_negates_nothing(text):
    assert not any(-1 in v for v in polarity(text).lemma_pol.values())


# The claim nouns a denial governs are no speech frame: "rejected claims that X" does not say that "rejected" is
# someone saying X (cl-941: "attribution: the passage has 'reject' saying it, not 'abramovich disput'").
@pytest.mark.parametrize("passage, claim", [
    ("Abramovich has always denied being linked to Putin and rejected claims that any of his activities merited "
     "government sanctions.", "Abramovich has disputed claims that any of his activities merited government sanctions."),
    (MINISTRY, "The ministry dismissed the reports that it had supplied drones to the rebels."),
    (COMPANY, "The company disputed the allegations that its factories used forced labor."),
])
def test_a_denied_claim_noun_is_no_speech_frame(passage, claim):
    from rag.support.roles import speaker_mismatch

    assert speaker_mismatch(claim, passage) is None


def test_another_speaker_is_still_another_speaker():
    from rag.support.roles import speaker_mismatch

    assert speaker_mismatch("The ministry denied reports that it had supplied drones, a spokesman said.",
                            "The ministry denied reports that it had supplied drones, the minister said.") is not None


def test_the_denial_verbs_are_one_synonym_group():
    from rag.support.tokens import _syn_groups
    from rag.text.tokens import stem

    shared = set.intersection(*(set(_syn_groups(stem(w))) for w in ("disputed", "rejected", "rebuffed", "denied", "dismissed")))
    assert shared


# A near-copy of a reported denial with its denial verb said another way is no edit of the sentence, whatever the
# adverb or conjoined denial it leaves out (cl-941, cl-946: "changed from the supporting sentence: rebuffed"); a verb
# that admits or repeats what was denied is still one.
ATTORNEYS = "The senator's attorneys have strongly denied the allegations in court filings."
MINISTER = ("The minister has always denied being linked to the contractor and rejected claims that any of his "
            "decisions favoured it.")
ACCUSED = "The league has repeatedly denied accusations of racial bias in its hiring."


@pytest.mark.parametrize("passage, claim", [
    (ATTORNEYS, "The senator's attorneys have rebuffed the allegations in court filings."),
    (ATTORNEYS, "The senator's attorneys have disputed the allegations in court filings."),
    (MINISTER, "The minister has disputed claims that any of his decisions favoured it."),
    (ACCUSED, "The league has dismissed accusations of racial bias in its hiring."),
    (ACCUSED, "The league has rejected accusations of racial bias in its hiring."),
])
def test_a_denial_said_with_another_denial_verb_is_no_edit_of_a_near_copy(passage, claim):
    from rag.support.edits import edited_copy
    assert edited_copy(claim, passage) == []


@pytest.mark.parametrize("passage, claim", [
    (ATTORNEYS, "The senator's attorneys have acknowledged the allegations in court filings."),
    (ACCUSED, "The league has repeated accusations of racial bias in its hiring."),
    (ACCUSED, "The league has confirmed accusations of racial bias in its hiring."),
])
def test_an_admission_in_place_of_the_denial_is_still_an_edit(passage, claim):
    from rag.support.edits import edited_copy
    assert edited_copy(claim, passage)
