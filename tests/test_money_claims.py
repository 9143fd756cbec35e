"""Money and units in the support checker: the same amount in every spelling is supported; another amount,
scale, currency or unit is not, and the reason names both numbers. Uses the bundled offline MiniLM."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.support.calibration import CROSS_SCRIPT_SCORE

PAIRS = Path(__file__).resolve().parent / "data" / "money_pairs.jsonl"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASE_06 = SHARED / "cases" / "06-money-units" / "pairs.jsonl"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_pairs_cover_every_kind_both_ways():
    rows = _rows(PAIRS)
    assert len(rows) >= 30
    kinds = {r["kind"] for r in rows}
    assert {"currency", "cjk-scale", "scale", "percent", "approx", "range"} <= kinds
    for kind in kinds:
        assert {r["expected_supported"] for r in rows if r["kind"] == kind} == {True, False}, kind


def test_money_pairs_are_judged_by_amount_currency_and_unit(checker):
    rows = _rows(PAIRS)
    results = checker.check_many([(r["claim"], [r["passage"]]) for r in rows])
    wrong = [(r["note"], r["claim"], res.reasons) for r, res in zip(rows, results) if res.supported != r["expected_supported"]]
    assert not wrong
    for r, res in zip(rows, results):
        if not r["expected_supported"]:
            assert any(x.startswith("number ") for x in res.reasons), (r["note"], res.reasons)


def test_a_currency_swap_is_reported_with_both_amounts(checker):
    r = checker.check("The government earmarked $1.2 trillion for the chip subsidy programme.",
                      ["The government earmarked ¥1.2tn for the chip subsidy programme in the supplementary budget."])
    assert not r.supported
    assert "number 1.2 trillion dollars vs 1.2 trillion yen" in r.reasons


def test_an_english_claim_on_a_chinese_passage_rests_on_its_numbers(checker):
    passage = "中国商务部表示，涉案金额达1.2亿美元。"
    same = checker.check("China's commerce ministry said the case involved $120 million.", [passage])
    other = checker.check("China's commerce ministry said the case involved $1.2 billion.", [passage])
    no_number = checker.check("China's commerce ministry opened a case.", [passage])
    # decided by its numbers with a margin: the fit rows' supported share when every number matches (not the threshold)
    assert same.supported and same.score == max(CROSS_SCRIPT_SCORE, checker.min_support) > checker.min_support
    assert not other.supported and "number 1.2 billion dollars vs 120 million dollars" in other.reasons
    assert not no_number.supported


@pytest.mark.skipif(not CASE_06.is_file(), reason=f"shared cases not found at {CASE_06.parent} (../shared beside the repo)")
def test_case_06_brief_verify_gives_the_expected_verdict_on_every_line(cli):
    result = cli(["verify", "--json", str(CASE_06)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 10
    assert [(r["note"], r["supported"]) for r in rows] == [(r["note"], r["expected_supported"]) for r in rows]
