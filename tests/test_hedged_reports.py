"""A faithful hedge and a faithful compression (a fresh user's finding, s36): "Abe hinted at illegal transfers ..."
for "Abe and his aides have hinted that there might have been illegal transfers ..." keeps the passage's hedge in
its own verb, and dropping the co-agent ("and his aides") is compression, not a cut. A claim that drops the hedge,
hardens it ("confirmed") or states an ability as done ("could have rejected" -> "rejected") is still a modality
error; a confirmation in place of a denial is an opposite predicate (evals/README.md, h/checker-s37;
``rag/text/data/modality_scope.toml``, ``cut_words.toml``, ``antonym_axes.toml``)."""

from __future__ import annotations

import pytest

from rag.support.cuts import cut_reason
from rag.support.modality import modality_mismatch
from rag.support.polarity import polarity, polarity_conflict

HINT = "Prime Minister Ardern and her ministers have hinted that the border might reopen before the winter."
SUGGEST = "A string of reports in the 1990s suggested that Okafor may have worked for the customs service."
ALLEGE = "In one complaint, a former employee alleged that the manager might have falsified the safety logs."
ABILITY = "Later, the senator claimed that the governor could have stopped the sale of the land."
DENIED = "Lindqvist and her lawyers have firmly denied the allegations."


@pytest.mark.parametrize("passage, claim", [
    (HINT, "Ardern hinted that the border would reopen before the winter."),
    (HINT, "Ardern has hinted at the border reopening before the winter."),
    (SUGGEST, "Reports in the 1990s suggested Okafor worked for the customs service."),
    (ALLEGE, "A former employee alleged that the manager falsified the safety logs."),
])
def test_a_claim_told_through_its_own_hedging_verb_keeps_the_hedge(passage, claim):
    assert modality_mismatch(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (HINT, "The border reopened before the winter."),
    (SUGGEST, "Okafor worked for the customs service in the 1990s."),
    (SUGGEST, "Reports in the 1990s confirmed that Okafor worked for the customs service."),
    (ALLEGE, "The manager falsified the safety logs, according to the complaint's claims."),  # "claims": a noun
    (ABILITY, "Later, the senator claimed that the governor stopped the sale of the land."),  # an ability, no hedge
])
def test_a_hedge_dropped_or_hardened_is_still_a_modality_error(passage, claim):
    assert (modality_mismatch(claim, passage) or "").startswith("modality:")


@pytest.mark.parametrize("passage, claim", [
    (HINT, "Prime Minister Ardern hinted that the border might reopen before the winter."),
    (DENIED, "Lindqvist has firmly denied the allegations."),
    ("Tanaka and two colleagues had filed the appeal on Monday.", "Tanaka filed the appeal on Monday."),
])
def test_a_dropped_co_agent_is_compression_not_a_cut(passage, claim):
    assert cut_reason(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    ("Lee and Kim were injured in the blast on Monday.", "Lee injured in the blast on Monday."),
    ("Sato and his deputy were questioned by police on Friday.", "Sato questioned by police on Friday."),
])
def test_a_co_agent_cut_with_its_passive_is_still_a_cut(passage, claim):
    assert (cut_reason(claim, passage) or "").startswith("cut:")


@pytest.mark.parametrize("claim", [
    "Lindqvist and her lawyers have confirmed the allegations.",
    "Lindqvist has confirmed the allegations.",
])
def test_a_confirmation_for_a_denial_is_an_opposite_predicate(claim):
    assert polarity_conflict(polarity(claim), polarity(DENIED)) is not None


FRAMED = "Both Tanaka and her advisers have suggested they have exhausted their options on the merger."
ABUSED = "During the hearing, Ruiz alleged he was verbally abused by Soto and denied that he had threatened him."


@pytest.mark.parametrize("passage, claim", [
    (FRAMED, "Tanaka and her advisers have exhausted their options on the merger."),
    ("In one filing, Lee alleged that the contractor inflated the invoices.", "The contractor inflated the invoices."),
])
def test_a_hedging_report_frame_dropped_is_a_modality_error(passage, claim):
    assert (modality_mismatch(claim, passage) or "").startswith("modality:")


@pytest.mark.parametrize("passage, claim", [
    (FRAMED, "Tanaka has suggested that she and her advisers have exhausted their options on the merger."),
    (ABUSED, "Ruiz denied that he had threatened Soto."),  # the frame governs "abused", not the denial
    (ABUSED, "Ruiz verbally denied threatening Soto."),  # an adverb is not what the frame governs
])
def test_a_claim_that_keeps_the_frame_or_says_what_it_does_not_govern_is_no_modality_error(passage, claim):
    assert modality_mismatch(claim, passage) is None
