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
