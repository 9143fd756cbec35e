"""A request told the wrong way round: "asked", "urged", "pressed", "called on" go from the one who asks to the one
asked, and "received a request / a call from" names the same two the other way about. "The US received a request
from Japan" against "US authorities have asked the Japanese government to join ..." swaps them (a fresh user's
finding, s36); "Japan was asked by US authorities" and "Japan received a request from the US" do not (evals/README.md,
h/checker-s37; verb classes and particles in ``rag/support/data/transfers.toml``, ``[direction]``)."""

from __future__ import annotations

import pytest

from rag.support.features import role_swap
from rag.support.transfer_directions import reversed_transfer, transfer_way, transfers

ASKED = "Canadian officials have asked the Mexican government to share data on the outbreak before the summit."
URGED = "Senator Okafor, the chair of the banking committee, urged Lindqvist to delay the vote."
CALLED = "The Foreign Ministry has called on Norway to release the detained crew."
PRESSED = "Two weeks after the flood, the Governor pressed the Mayor to reopen the shelters."
SECOND = "The EU joined Canada in criticising the tests on Monday and called on Iran to resume talks."
ITSELF = "Pfizer said it has asked the EMA to approve a second booster for people over 60."
NAMING = "Moreno called the decision of certain donors who were not consulted 'reckless' and called on Fiji to act."


@pytest.mark.parametrize("passage, claim", [
    (ASKED, "Canada received a request from Mexico to share data on the outbreak."),
    (ASKED, "The Mexican government asked Canadian officials to share data on the outbreak."),
    (URGED, "Lindqvist urged Senator Okafor to delay the vote."),
    (URGED, "Senator Okafor was urged by Lindqvist to delay the vote."),
    (CALLED, "Norway has called on the Foreign Ministry to release the detained crew."),
    (CALLED, "The Foreign Ministry received a request from Norway to release the crew."),
    (PRESSED, "The Mayor pressed the Governor to reopen the shelters."),
    (PRESSED, "The Governor received a request from the Mayor to reopen the shelters."),
    (SECOND, "Iran called on the EU to resume talks."),
    (ITSELF, "Pfizer said the EMA has asked it to approve a second booster."),
    (NAMING, "Fiji called on Moreno to act."),
])
def test_a_request_told_the_wrong_way_round_is_a_role_error(passage, claim):
    assert reversed_transfer(claim, passage) is not None
    assert (role_swap(claim, passage, frozenset()) or "").startswith("role:")


@pytest.mark.parametrize("passage, claim", [
    (ASKED, "Mexico received a request from Canada to share data on the outbreak."),
    (ASKED, "The Mexican government was asked by Canadian officials to share outbreak data."),
    (URGED, "Lindqvist was urged by Senator Okafor to delay the vote."),
    (URGED, "Lindqvist received a request from Senator Okafor to delay the vote."),
    (CALLED, "Norway received a call from the Foreign Ministry to release the crew."),
    (PRESSED, "The Mayor was pressed by the Governor to reopen the shelters."),
    (SECOND, "Iran was urged by the EU to resume talks."),
    (ITSELF, "The EMA received a request from Pfizer to approve a second booster."),
    (NAMING, "Moreno urged Fiji to act."),
])
def test_a_request_told_its_own_way_is_agreed(passage, claim):
    reason, agreed = transfer_way(claim, passage)
    assert reason is None and agreed


@pytest.mark.parametrize("sentence", [
    "Moreno called the decision reckless.",  # "call" asks only with its particle
    "The court appealed the ruling last week.",
    "The press asked no questions.",  # nobody named is asked
])
def test_a_call_without_its_particle_or_a_named_party_is_no_request(sentence):
    assert transfers(sentence) == ()
