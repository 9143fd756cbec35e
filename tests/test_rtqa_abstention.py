"""RealTime QA abstention precision and recall (evals/rtqa_answers.py ``abstention_totals``): a question whose
retrieved top-10 passages hold no correct choice's text cannot be answered from the corpus, so ``ask`` should abstain
on it (abstention recall); on the others an abstention is a false one. Report rows written for this test."""

from __future__ import annotations

from evals import rtqa_answers
from evals.rtqa_answers import half

SYSTEM = "techsec-brief hybrid"


def row(qid: str, recall: float | None, abstained: float) -> dict:
    return {"id": qid, "systems": {SYSTEM: {"scores": {"answer_recall@10": recall}}},
            "ask": {"scores": {"abstained": abstained}}}


def ids_of(which: str, n: int) -> list[str]:
    out, k = [], 0
    while len(out) < n:
        if half(f"q{k}") == which:
            out.append(f"q{k}")
        k += 1
    return out


def test_abstention_recall_counts_abstentions_where_the_evidence_holds_no_answer():
    fit, held = ids_of("fit", 4), ids_of("held_out", 2)
    items = [row(fit[0], 0.0, 1.0), row(fit[1], 0.0, 0.0),  # unanswerable: one abstention of two
             row(fit[2], 1.0, 0.0), row(fit[3], 1.0, 1.0),  # answerable: one false abstention of two
             row(held[0], 0.0, 1.0), row(held[1], 1.0, 0.0)]
    t = rtqa_answers.abstention_totals(items, SYSTEM)
    assert (t["abstention_recall"], t["false_abstention_rate"]) == (0.6667, 0.3333)  # rounded to 4 digits
    assert (t["unanswerable"], t["answerable"]) == (3, 3)
    assert (t["abstention_recall_fit"], t["false_abstention_rate_fit"]) == (0.5, 0.5)
    assert (t["abstention_recall_held_out"], t["false_abstention_rate_held_out"]) == (1.0, 0.0)


def test_a_group_without_questions_has_no_rate_and_a_question_not_asked_is_left_out():
    fit = ids_of("fit", 2)
    items = [row(fit[0], 1.0, 0.0), {"id": fit[1], "systems": {SYSTEM: {"scores": {"answer_recall@10": 0.0}}}}]
    t = rtqa_answers.abstention_totals(items, SYSTEM)
    assert t["abstention_recall"] is None and t["unanswerable"] == 0
    assert t["false_abstention_rate"] == 0.0 and t["answerable_held_out"] == 0
