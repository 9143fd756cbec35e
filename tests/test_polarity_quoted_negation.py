"""A negated object in quotes negates the verb before it: 'the review found "no major security risks"' says the review
did not find risks, as 'found no major risks' does. The quote mark stopped the object negator's reach back to its
verb, so a claim that restates the negation ("found no major security risks") read as a flip on "find", and a claim
that drops it ("found serious security risks") as no flip (new user s65 F6, F8)."""

from __future__ import annotations

import pytest

from rag.support.polarity import polarity, polarity_conflict


def conflict(claim: str, passage: str) -> str | None:
    return polarity_conflict(polarity(claim), polarity(passage))


AUDIT = 'The state audit said inspectors found "no evidence of tampering" with the ballots in Maricopa County.'
BSI = "Germany's BSI said its laboratory test found \"no backdoor\" in the Huawei routers it examined."
BANK = 'Brazil\'s central bank reported "no significant losses" from the payments outage on Friday.'
NIST = 'NIST said the second review had identified "no practical attack" on the candidate algorithm.'


@pytest.mark.parametrize("passage, claim", [
    (AUDIT, "Inspectors found no evidence of tampering with the ballots in Maricopa County."),
    (BSI, "The BSI's laboratory test found no backdoor in the Huawei routers."),
    (BANK, "Brazil's central bank reported no significant losses from the payments outage."),
    (NIST, "The second NIST review identified no practical attack on the candidate algorithm."),
])
def test_a_negation_on_both_sides_is_no_flip(passage, claim):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (AUDIT, "Inspectors found evidence of tampering with the ballots in Maricopa County."),
    (BSI, "The BSI's laboratory test found a backdoor in the Huawei routers."),
    (BANK, "Brazil's central bank reported significant losses from the payments outage."),
    (NIST, "The second NIST review identified a practical attack on the candidate algorithm."),
])
def test_the_quoted_negation_dropped_is_a_flip(passage, claim):
    assert conflict(claim, passage) is not None
