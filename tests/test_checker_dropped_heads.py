"""A copied phrase that keeps a noun modifier and drops its head (h/checker-s66, issue 9; FactCC's "malaysian bomb
known as marwan" for "the Malaysian bomb maker known as Marwan" and "no power after a decade" for "after a 'once in
a decade' storm", both accepted).

``cuts.cut_reason`` (``_dropped_head``) reads a claim that copies a sentence, stops at a lower-case noun the sentence
uses as the modifier of the noun after it, and skips that head (then resumes, or ends): the kept words name
another thing ("the reservoir" for "the reservoir manager"). Specs on new news-like pairs; guards: a body's classifier
("police [department]"), a unit, a place's classifier, and a verb after a noun.
"""

import pytest

from rag.support.cuts import cut_reason

DROPPED_HEADS = [
    ("Residents blamed the flood on the reservoir that opened the gates too late.",
     "Residents blamed the flood on the reservoir manager that opened the gates too late, the local council said."),
    ("The ministry fined the wind farm 3 million euros for breaching noise limits.",
     "The ministry fined the wind farm developer 3 million euros for breaching noise limits in Jutland."),
    ("Prosecutors charged the alleged ransomware gang known as Wizard in Bucharest on Monday.",
     "Prosecutors charged the alleged ransomware gang leader known as Wizard in Bucharest on Monday."),
    ("The court in Piraeus fined the shipping company 200,000 euros.",
     "The court in Piraeus fined the shipping company owner 200,000 euros for the oil spill."),
    ("Police in Cali arrested the suspected drug cartel known as El Flaco on Friday.",
     "Police in Cali arrested the suspected drug cartel accountant known as El Flaco on Friday."),
]


@pytest.mark.parametrize("claim, passage", DROPPED_HEADS)
def test_a_kept_modifier_without_its_head_is_a_cut(checker, claim, passage):
    assert cut_reason(claim, passage) is not None
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)


KEPT = [
    ("The Seoul police said the suspect had fled to Busan.",
     "The Seoul police department said the suspect had fled to Busan on Sunday."),
    ("Inflation in Turkey rose to 17 in March.", "Inflation in Turkey rose to 17 percent in March."),
    ("The earthquake struck off Miyagi at dawn.", "The earthquake struck off Miyagi prefecture at dawn."),
    ("Under the new bill, teachers may not discuss the vote.",
     "Under the new bill, teachers may not discuss the vote in class, the union said."),
    ("The ministry fined the wind farm developer 3 million euros.", DROPPED_HEADS[1][1]),
]


@pytest.mark.parametrize("claim, passage", KEPT)
def test_a_classifier_a_unit_or_a_kept_head_is_no_head_cut(claim, passage):
    reason = cut_reason(claim, passage)
    assert reason is None or "modifier of" not in reason, reason
