"""`brief eval realtimeqa --questions FILE`: any question file in the dev schema, over a corpus.jsonl.

Uses the hand-written, fictional articles and questions in tests/data/realtimeqa-mini (no shared data).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals import realtimeqa as rtqa
from evals.run import EvalError
from rag.config import Settings

MINI = Path(__file__).resolve().parent / "data" / "realtimeqa-mini"


def test_eval_realtimeqa_reads_the_given_question_file(cli, tmp_path):
    out = tmp_path / "reports" / "mini.json"
    res = cli(["eval", "realtimeqa", "--data", str(MINI), "--questions", str(MINI / "questions.jsonl"), "--no-baseline",
               "--out", str(out)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert res.exit_code == 0, res.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["questions_file"] == str(MINI / "questions.jsonl")
    assert [it["id"] for it in report["items"]] == ["mini_0", "mini_1", "mini_2"]
    assert report["corpus_counts"]["documents"] == 4
    # gold URLs written with/without www., scheme, trailing slash, query and fragment still find their article
    assert report["questions_gold_in_index"] == 2
    ours = report["totals"][rtqa.HybridSystem.name]
    assert ours["questions"] == 3 and ours["questions_with_gold"] == 2 and ours["hit@1"] == 1.0
    by_id = {it["id"]: it["systems"][rtqa.HybridSystem.name] for it in report["items"]}
    # the plant's later 80-megawatt article is dated after mini_0's date: never retrieved for it
    assert "mini-tidal-2" not in {d.split(":")[-1] for d in by_id["mini_0"]["retrieved_docs"]}
    assert by_id["mini_0"]["reader_pick"] == 1 and by_id["mini_2"]["reader_pick"] == 1
    assert (out.with_suffix(".md")).is_file()


def test_default_question_file_is_the_dev_file_and_its_absence_is_a_clear_error(cli, tmp_path):
    res = cli(["eval", "realtimeqa", "--data", str(MINI), "--no-baseline", "--out", str(tmp_path / "r.json")],
              BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert res.exit_code == 2
    assert "questions-dev.jsonl" in res.output and "--questions" in res.output


@pytest.mark.parametrize("row, problem", [
    ({"id": "x", "question": "Who?", "choices": ["A", "B"], "answer": [0]}, "'date'"),
    ({"id": "x", "date": "2022/05/01", "question": "", "choices": ["A", "B"], "answer": [0]}, "'question'"),
    ({"id": "x", "date": "not a date at all", "question": "Who?"}, "cannot read the date"),
    ({"id": "x", "date": "2022/05/01", "question": "Who?", "choices": ["A", "B"], "answer": [2]}, "'answer'"),
    ({"id": "x", "date": "2022/05/01", "question": "Who?", "choices": "A or B"}, "'choices'"),
    ({"id": "x", "date": "2022/05/01", "question": "Who?", "gold_urls": "https://example.org/a"}, "'gold_urls'"),
    (["not", "an", "object"], "not a JSON object"),
])
def test_a_malformed_question_is_named_with_its_line(tmp_path, row, problem):
    good = {"id": "ok", "date": "2022/05/01", "question": "Who runs the seed bank?", "choices": ["A", "B"], "answer": [1]}
    path = tmp_path / "qs.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(EvalError) as exc:
        rtqa.prepare_dataset(Settings(data_dir=tmp_path / "data"), MINI, limit=None, gold_only=False, max_articles=None, questions=path)
    assert "question 2" in str(exc.value) and problem in str(exc.value)
