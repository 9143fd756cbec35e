"""`brief eval run --suite claims-news`: the checker on human-labelled news claims, pooled and per source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals import claims_news
from evals.run import EvalError, run_eval

SHARED_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "claims-news" / "dev.jsonl"

PASSAGE_A = ("Shares of the chipmaker rose 5% on Tuesday after it reported record quarterly revenue of $35.1bn. "
             "The company said demand for data-centre processors remained strong.")
PASSAGE_B = ("The council approved a £3.4bn budget for the city's transport network on Monday. "
             "The plan includes new tram lines and the renovation of two railway stations.")


def _rows() -> list[dict]:
    def row(i, claim, passage, supported, source):
        return {"id": f"r{i}", "claim": claim, "passage": passage, "supported": supported, "source_dataset": source, "source_id": str(i)}

    return [
        row(1, "The chipmaker reported record quarterly revenue of $35.1 billion.", PASSAGE_A, True, "factcc_cnndm"),
        row(2, "The chipmaker reported record quarterly revenue of $35.1 million.", PASSAGE_A, False, "factcc_cnndm"),
        row(3, "The council approved a 3.4 billion pound budget for the city's transport network.", PASSAGE_B, True, "aggrefact_xsum_sota"),
        row(4, "The council approved a $3.4bn budget for the city's transport network.", PASSAGE_B, False, "aggrefact_xsum_sota"),
    ]


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_suite_reports_unsupported_class_metrics_pooled_and_per_source(settings, tmp_path):
    report = run_eval(settings(), suites="claims-news", claims_news_path=_write(tmp_path, _rows()))
    totals, stats = report["totals"]["claims-news"], report["stats"]["claims-news"]
    for prefix in ("", "factcc_cnndm.", "aggrefact_xsum_sota."):
        assert totals[prefix + "balanced_accuracy"] == 1.0
        assert totals[prefix + "unsupported_f1"] == 1.0
    assert stats["items"] == 4 and stats["factcc_cnndm.items"] == 2 and stats["pairs_per_s"] > 0
    item = next(it for it in report["items"] if it["id"] == "r2")
    assert set(item["input"]) == {"passage_words", "supported", "source_dataset", "source_id"}  # no external text in reports
    assert item["input"]["passage_words"] > 10
    assert item["output"]["reasons"] == ["number 35.1 million dollars vs 35.1 billion dollars"]


def test_a_missing_data_file_is_a_clear_error(settings, tmp_path):
    with pytest.raises(EvalError, match="claims-news data is not at"):
        run_eval(settings(), suites="claims-news", claims_news_path=tmp_path / "absent.jsonl")


def test_all_means_the_repository_suites_only():
    from evals.run import expand_suites

    assert "claims-news" not in expand_suites("all")
    assert expand_suites("claims-news") == ["claims-news"]


def test_interleaving_spreads_sources_and_labels_so_a_limit_keeps_every_part():
    rows = [{"id": f"a{i}", "source_dataset": "aggrefact_xsum_sota", "supported": i % 2 == 0} for i in range(30)]
    rows += [{"id": f"f{i}", "source_dataset": "factcc_cnndm", "supported": i % 2 == 0} for i in range(10)]
    mixed = claims_news.interleave(rows)
    assert sorted(r["id"] for r in mixed) == sorted(r["id"] for r in rows)
    head = mixed[:8]
    assert {(r["source_dataset"], r["supported"]) for r in head} == {(s, b) for s in ("aggrefact_xsum_sota", "factcc_cnndm") for b in (True, False)}


def test_only_factcc_rows_may_be_fitted():
    assert claims_news.fittable({"source_dataset": "factcc_cnndm"})
    assert not claims_news.fittable({"source_dataset": "aggrefact_xsum_sota"})


@pytest.mark.skipif(not SHARED_DEV.is_file(), reason=f"claims-news data not found at {SHARED_DEV} (../shared beside the repo)")
def test_the_shared_dev_set_runs_end_to_end_on_a_few_whole_articles(settings):
    report = run_eval(settings(), suites="claims-news", limit=6)
    items = report["items"]
    assert len(items) == 6 and {it["input"]["source_dataset"] for it in items} == {"aggrefact_xsum_sota", "factcc_cnndm"}
    assert all(isinstance(it["output"]["supported"], bool) for it in items)
