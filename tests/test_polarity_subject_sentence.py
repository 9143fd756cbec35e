"""A claim's polarity is read against the window sentence about its subject when the window's sentences disagree:
"the regulator barred operators from buying products of Micron. Unlike Micron, Arvenna was not barred" holds "barred"
both ways, and "Arvenna was barred" restates the second sentence, not the first (new user s65 F6)."""

from __future__ import annotations

import pytest

from rag.support.subject_sentence import subject_sentence_conflict

ARVENNA = ("The regulator barred operators of critical information infrastructure from buying products of Micron "
           "Technology in 2023.", "Unlike Micron, Arvenna was not barred from any buyer.")
DUTCH = ("The Dutch government barred ASML from shipping its DUV machines to China.",
         "Nikon was not barred from any sales there.")
ORTEGA = ("The Managua court convicted Ortega of fraud in May.", "His brother, Luis Ortega, was not convicted.")
BANKS = ("Regulators fined Barclays £40 million over the reporting failures in 2021.",
         "HSBC, which reported the same failures itself, was not fined.")
PARTIES = ("Kenya's electoral commission disqualified the Jubilee candidate in Nakuru.",
           "The ODM candidate was not disqualified and will stand in March.")


@pytest.mark.parametrize("sentences, claim", [
    (ARVENNA, "Like Micron, Arvenna was barred from selling to critical infrastructure operators."),
    (DUTCH, "Nikon was barred from shipping to China."),
    (ORTEGA, "Luis Ortega was convicted of fraud."),
    (BANKS, "HSBC was fined over the reporting failures."),
    (PARTIES, "The ODM candidate in Nakuru was disqualified by Kenya's electoral commission."),
])
def test_the_subjects_own_sentence_negates_the_claim(sentences, claim):
    assert subject_sentence_conflict(claim, sentences) is not None


@pytest.mark.parametrize("sentences, claim", [
    (ARVENNA, "The regulator barred operators from buying products of Micron Technology."),
    (ARVENNA, "Arvenna, unlike Micron, was not barred from any buyer."),
    (DUTCH, "ASML was barred from shipping its DUV machines to China."),
    (ORTEGA, "Ortega was convicted of fraud in May."),
    (BANKS, "Barclays was fined £40 million over the reporting failures."),
    (PARTIES, "The Jubilee candidate in Nakuru was disqualified by Kenya's electoral commission."),
])
def test_the_sentence_about_the_subject_agrees(sentences, claim):
    assert subject_sentence_conflict(claim, sentences) is None


def test_one_sentence_is_left_to_the_window_reading():
    assert subject_sentence_conflict("Nikon was barred.", DUTCH[1:]) is None
