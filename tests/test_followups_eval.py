"""The followups suite's scores (evals/followups.py): what counts as a right follow-up, a new answer and a partial
answer. Pure functions over answer texts; the suite itself runs with `brief eval run --suite followups`."""

from __future__ import annotations

import json

from evals import followups
from evals.run import DATASETS

TURN = {"question": "And for 2025?", "expect": ["70%"]}
PARTIAL = {"question": "When will it open?", "answerable": False, "says": ["chip hub"], "missing": ["date"]}


def test_a_follow_up_is_right_when_every_expected_entry_is_in_the_answer_and_the_first_names_the_first():
    s = followups.turn_scores({"question": "q", "expect": ["Raymond", "Nishimura|METI"]}, 1,
                              "The request went from Gene Raymond to Yasutoshi Nishimura.", "", False, ["x"])
    assert s["answer_correct"] == 1.0 and s["first_sentence_correct"] == 1.0
    missing_one = followups.turn_scores({"question": "q", "expect": ["Raymond", "Nishimura"]}, 1,
                                        "It went to Gene Raymond. Then on.", "", False, ["x"])
    assert missing_one["answer_correct"] == 0.0


def test_numbers_match_whole_tokens_only():
    assert followups.turn_scores(TURN, 1, "The target is 170% by 2025.", "", False, [])["answer_correct"] == 0.0
    assert followups.turn_scores(TURN, 1, "The target is 70% by 2025.", "", False, [])["answer_correct"] == 1.0


def test_repeating_the_previous_answer_is_not_new_content_unless_that_answer_already_held_the_fact():
    prev = "China aims for 40% by 2020."
    s = followups.turn_scores(TURN, 1, prev, "", False, [prev], [prev])
    assert s["new_content"] == 0.0 and s["answer_correct"] == 0.0
    both = "China aims for 40% by 2020 and 70% by 2025."
    assert followups.turn_scores(TURN, 1, both, "", False, [both], [both])["new_content"] is None


def test_an_abstention_on_an_answerable_turn_is_wrong():
    s = followups.turn_scores(TURN, 1, "", "The corpus has no evidence on it.", True, [])
    assert s["answer_correct"] == 0.0 and s["first_sentence_correct"] == 0.0


def test_a_partial_answer_must_quote_what_the_sources_say_and_name_what_is_missing():
    good = "The sources report: “Lee made a chip hub pitch in the southwest.” [1]; none gives the date the question asks for."
    assert followups.turn_scores(PARTIAL, 2, "", good, True, [])["partial_correct"] == 1.0
    wrong_gap = good.replace("the date", "the number")
    assert followups.turn_scores(PARTIAL, 2, "", wrong_gap, True, [])["partial_correct"] == 0.0
    plain = "The corpus has no evidence on When will it open."
    assert followups.turn_scores(PARTIAL, 2, "", plain, True, [])["partial_correct"] == 0.0
    answered = followups.turn_scores(PARTIAL, 2, "It opens soon.", "", False, [])
    assert answered["partial_correct"] == 0.0


def test_the_dataset_has_multi_turn_conversations_and_partial_items():
    rows = [json.loads(line) for line in (DATASETS / "followups.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(1 for r in rows if len(r["turns"]) > 1) >= 30
    partial = [t for r in rows for t in r["turns"] if t.get("answerable") is False]
    assert len(partial) >= 15 and all(t["says"] and t["missing"] for t in partial)
    for r in rows:
        for t in r["turns"]:
            assert t.get("expect") or t.get("answerable") is False, r["id"]


# -- the reader reads the answer as shown, frame included (issue 10, s37: fu-085#2 and fu-092#2's count "three" sat
# in the claim's frame, which the reader of bare claim texts did not see) ------------------------------------------


def _brief(*claims, abstained=False, message=None):
    from types import SimpleNamespace as NS

    return NS(abstained=abstained, message=message, sections=[NS(kind="claims", claims=[
        NS(text=text, attribution=frame) for frame, text in claims])])


def test_the_reader_sees_a_count_in_the_answer_frame():
    from evals.followups import _reply, turn_scores

    brief = _brief(("The sources name three: fluorinated polyimides, photoresist and hydrogen fluoride (a count of "
                    "the items named; none states the number)",
                    "The export restrictions cover fluorinated polyimides, as well as photoresist and hydrogen fluoride."))
    answer, message = _reply(brief)
    assert answer.startswith("The sources name three:") and "“The export restrictions cover" in answer
    scores = turn_scores({"question": "How many?", "expect": ["three", "hydrogen fluoride"]}, 1, answer, message,
                         False, [])
    assert scores["answer_correct"] == 1.0 and scores["first_sentence_correct"] == 1.0


def test_the_reader_keeps_a_verdict_first_and_a_plain_claim_as_it_is():
    from evals.followups import _reply

    framed = _brief(("Japanese Chief Cabinet Secretary Yoshihide Suga", "No. We have no intention of withdrawing it."))
    assert _reply(framed)[0].startswith("No. Japanese Chief Cabinet Secretary Yoshihide Suga: “We have no")
    assert _reply(_brief((None, "Tokyo last week tightened the approval process.")))[0] == (
        "Tokyo last week tightened the approval process.")
    assert _reply(_brief(abstained=True, message="The corpus has no evidence.")) == ("", "The corpus has no evidence.")
