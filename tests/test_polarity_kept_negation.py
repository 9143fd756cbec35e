"""A claim that keeps the passage's negation, worded otherwise, is no polarity flip.

Three ways a faithful claim keeps a negation the polarity check read as flipped:
- *The negation's scope*: "does not expect hikes of this size to be common" negates the expecting, and through it
  the hikes; when the passage negates the same verb ("I do not expect moves of this size to be common"), the claim
  keeps its negation, whatever the passage says of hikes elsewhere ("… Powell said of Wednesday's hike"). A claim
  that states the expected thing as so ("the Fed will make moves of this size common") still contradicts it.
- *A privative verb or phrase*: "lacks a newspaper" is "has no newspaper", "sold out of wiper fluid" is "had no wiper
  fluid left", "ran out of fuel" is "had no fuel": the lacked thing is negated as by "no".
- *A negative prefix*: "asymptomatic" is "no symptoms", "unvaccinated" is "not vaccinated", "unharmed" is "without
  harming": a prefixed word whose rest is the other text's negated word agrees with it.
The same claims with the negation dropped ("developed symptoms", "had been trained", "has a newspaper") still
contradict their passages.
"""

from __future__ import annotations

import pytest

from rag.support.polarity import polarity, polarity_conflict


def conflict(claim: str, passage: str) -> str | None:
    return polarity_conflict(polarity(claim), polarity(passage))


POWELL = "\"I do not expect moves of this size to be common,\" Fed Chair Jerome Powell said of Wednesday's hike."
BANK = "The central bank does not expect cuts this year, its governor said after Thursday's cut."
COUNTY = "The county also lacks a newspaper or television station to help tell its story."
PILOTS = "The pilots lacked training to avoid the aerodynamic stall and were fatigued, the investigation found."
STORE = "The hardware store in Rock Port sold out of windshield wiper fluid after the mayflies arrived."
HUNTERS = "The hunters ran out of fuel on their way back and had to call other residents."
SENATOR = "The senator tested positive on Thursday but remained asymptomatic, his office said."
PLAYER = "He has said he is unvaccinated, which means he will miss Sunday's game."
TREES = "The low-intensity fires cleared brush and allowed the sequoias to remain unharmed."
PELOSI = "Pelosi, who is asymptomatic, tested positive on Thursday."


@pytest.mark.parametrize("claim, passage", [
    ("Powell said he does not expect hikes of this size to be common.", POWELL),
    ("The governor said the central bank does not expect cuts this year.", BANK),
    ("The company does not want layoffs, its chief said after Monday's layoffs.",
     "Its chief said the company does not want layoffs, after Monday's layoffs."),
])
def test_a_negated_verb_keeps_its_negation_off_its_object(claim, passage):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("claim, passage", [
    ("The county has no newspaper or television station to help tell its story.", COUNTY),
    ("The county does not have a newspaper or television station.", COUNTY),
    ("The investigation found the pilots had not been trained to avoid the aerodynamic stall.", PILOTS),
    ("The hardware store in Rock Port had no windshield wiper fluid left after the mayflies arrived.", STORE),
    ("The hunters had no fuel left on their way back.", HUNTERS),
    ("The village lacks clean water.", "The village has no clean water."),
])
def test_a_privative_verb_agrees_with_the_negation_said_with_no(claim, passage):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("claim, passage", [
    ("The senator tested positive on Thursday but had no symptoms, his office said.", SENATOR),
    ("The senator tested positive on Thursday and never showed symptoms.", SENATOR),
    ("He has said he has not been vaccinated, so he will miss Sunday's game.", PLAYER),
    ("The low-intensity fires cleared brush without harming the sequoias.", TREES),
    ("Pelosi, who has no symptoms, tested positive on Thursday.", PELOSI),
    ("Most of the patients were asymptomatic.", "Most of the patients had no symptoms."),
])
def test_a_negative_prefix_agrees_with_the_negation_said_with_a_word(claim, passage):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("claim, passage", [
    ("Powell said he expects hikes of this size to be common.", POWELL),
    ("The county has its own newspaper and television station.", COUNTY),
    ("The investigation found the pilots had been trained to avoid the aerodynamic stall.", PILOTS),
    ("The hardware store in Rock Port still had windshield wiper fluid after the mayflies arrived.", STORE),
    ("The senator tested positive on Thursday and developed symptoms.", SENATOR),
    ("He has said he is vaccinated, but he will miss Sunday's game.", PLAYER),
    ("The low-intensity fires harmed the sequoias.", TREES),
    ("The village has clean water.", "The village lacks clean water."),
])
def test_the_same_claims_without_the_negation_still_contradict(claim, passage):
    assert conflict(claim, passage) is not None


def test_a_control_verb_still_passes_its_negation_on():
    assert {"plan", "retract"} <= polarity("The paper did not plan to retract the story.").scoped
    assert conflict("The paper retracted the story.", "The paper did not plan to retract the story.") is not None
    assert polarity("He does not expect hikes of this size.").governed == {"hike": "expect"}
    assert conflict("Powell said the Fed will make moves of this size common.", POWELL) is not None


def test_a_prefix_that_is_no_negation_reads_nothing():
    # "understand" is no negated "derstand", "unveiled" no negated "veiled": only a prefixed word whose rest is the
    # other text's negated word is read as its negation
    assert conflict("The minister did not understand the plan.", "The minister understood the plan.") is not None
    assert conflict("The company unveiled its plan.", "The company unveiled its plan.") is None
