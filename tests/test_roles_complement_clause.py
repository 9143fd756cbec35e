"""A clause that is the object of "found", "ruled", "determined" … with no "that" has its own subject.

"… after the EPA found the ranch dumped waste into the river": the EPA is the one who found, the ranch the one who
dumped. Reading the nearest name before "dumped" (the EPA) as its subject made ``roles.subject_swap`` see the claim
"The EPA fined a Nevada ranch for dumping waste …" with its roles swapped, so the checker withheld its support and a
"True or false" question the source states outright was answered "the sources do not say" (issue 10: a false
abstention). The verbs are data (``rag/text/data/argument_cues.toml`` complement_verbs).
"""

from __future__ import annotations

import pytest

from rag.support.roles import subject_swap
from rag.writers.answer_verdict import judge, polar_question

# the claim as a quiz states it, and a report telling it with the finding verb before the act
COMPLEMENT_CASES = [
    ("The EPA fined a Nevada ranch for dumping waste into the river.",
     "Nevada-based Silver Creek Ranch was hit with a $90,000 penalty after the EPA found the ranch dumped waste into "
     "the river."),
    ("The FAA grounded a Texas airline for skipping engine checks.",
     "Texas-based Lone Star Air was grounded on Friday after the FAA determined the carrier skipped engine checks."),
    ("A Quebec judge ordered Montreal to repay the fees it overcharged.",
     "Montreal must repay the fees, after a Quebec judge ruled the city overcharged residents."),
]


@pytest.mark.parametrize("claim, window", COMPLEMENT_CASES)
def test_the_finder_is_not_the_subject_of_the_act_it_found(claim, window):
    assert subject_swap(claim, window) is None


@pytest.mark.parametrize("claim, window", [
    # the clause's subject is a name itself, and the two names are the other way round: still a swap
    ("The EPA said Nevada dumped waste into the river.", "Nevada said the EPA dumped waste into the river."),
    ("Quebec ruled Montreal overcharged residents on water.", "Montreal ruled Quebec overcharged residents on water."),
    ("Siemens said Alstom had offered to buy the unit.", "Alstom said Siemens had offered to buy the unit."),
])
def test_names_swapped_around_a_finding_verb_are_still_named(claim, window):
    assert (subject_swap(claim, window) or "").startswith("role: passage has"), claim


def test_a_true_or_false_claim_a_report_states_with_a_finding_verb_is_true(checker):
    polar = polar_question("True or false: The EPA fined a Nevada ranch for dumping waste into the river.")
    assert polar is not None
    assert judge(polar.claim, [COMPLEMENT_CASES[0][1]], checker, act=polar.act).outcome == "supported"


@pytest.mark.parametrize("question", [
    "True or false: The EPA fined an Idaho ranch for dumping waste into the river.",  # another state
    "True or false: The EPA fined a Nevada ranch for dumping waste into the river in 1995.",  # another year
])
def test_a_close_claim_the_report_does_not_state_is_not_true(checker, question):
    polar = polar_question(question)
    assert polar is not None
    assert judge(polar.claim, [COMPLEMENT_CASES[0][1]], checker, act=polar.act).outcome != "supported"
