"""The own claims set (evals/datasets/claims.jsonl) is well formed and every passage is real article text.

Format only: this test never runs the support checker (the set is a blind test set, see its README).
RealTime QA rows hold offsets into ../shared (evaluation-only data, never copied into the repo); the
checks that need the articles skip with a reason when ../shared is absent.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from evals import claims_data

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "evals" / "datasets" / "claims.jsonl"
SAMPLE = ROOT / "corpus"
RTQA = ROOT.parent / "shared" / "data" / "realtimeqa-2022" / "corpus.jsonl"
NEGATIVE_KINDS = {"number", "date", "entity", "role", "negation", "modality", "quantifier", "addition",
                  "attribution", "outdated", "topic"}
POSITIVE_KINDS = {"verbatim", "reorder", "synonym", "nominalisation", "compression", "synthesis",
                  "negation", "number", "outdated"}
needs_shared = pytest.mark.skipif(not RTQA.is_file(), reason=f"RealTime QA corpus not found at {RTQA}")


def _rows() -> list[dict]:
    return [json.loads(line) for line in CLAIMS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_row_has_the_fields_of_its_source_and_a_unique_id():
    rows = _rows()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for r in rows:
        assert {"id", "claim", "doc", "supported", "kind", "source"} <= r.keys(), r["id"]
        assert isinstance(r["supported"], bool) and r["claim"].strip(), r["id"]
        assert r["source"] in ("sample", "realtimeqa"), r["id"]
        if r["source"] == "sample":
            assert r["passage"].strip() and "passage_start" not in r, r["id"]
        else:
            # the article text stays in ../shared: offsets and a digest only, no passage
            assert "passage" not in r, r["id"]
            assert 0 <= r["passage_start"] < r["passage_end"], r["id"]
            assert len(r["passage_sha256"]) == 16, r["id"]


def test_kinds_come_from_the_documented_vocabulary_and_each_has_enough_rows():
    rows = _rows()
    readme = (ROOT / "evals" / "datasets" / "README.md").read_text(encoding="utf-8")
    for r in rows:
        allowed = POSITIVE_KINDS if r["supported"] else NEGATIVE_KINDS
        assert r["kind"] in allowed, (r["id"], r["kind"], r["supported"])
        assert f"`{r['kind']}`" in readme, f"kind {r['kind']} is not documented in evals/datasets/README.md"
    counts = Counter((r["kind"], r["supported"]) for r in rows)
    for kind in NEGATIVE_KINDS:
        assert counts[(kind, False)] >= 15, (kind, "unsupported", counts[(kind, False)])
    for kind in POSITIVE_KINDS - {"outdated"}:
        assert counts[(kind, True)] >= 15, (kind, "supported", counts[(kind, True)])
    share = sum(r["supported"] for r in rows) / len(rows)
    assert 0.45 <= share <= 0.55, share
    assert len(rows) >= 300 and len({r["doc"] for r in rows}) >= 40


def test_sample_passages_are_excerpts_of_their_corpus_file():
    texts = {p.stem: claims_data.normalize_space(p.read_text(encoding="utf-8")) for p in SAMPLE.glob("*.txt")}
    for r in _rows():
        if r["source"] == "sample":
            assert r["doc"] in texts, r["id"]
            assert claims_data.normalize_space(r["passage"]) in texts[r["doc"]], r["id"]


@pytest.mark.shared
@needs_shared
def test_realtimeqa_offsets_resolve_to_the_recorded_passage():
    rows, skipped = claims_data.load_claims(CLAIMS, RTQA)
    assert skipped == []
    external = [r for r in rows if r["source"] == "realtimeqa"]
    assert external
    for r in external:
        assert r["passage"] and r["passage"] == r["passage"].strip(), r["id"]
        assert claims_data.passage_digest(r["passage"]) == r["passage_sha256"], r["id"]
    long_rows = [r for r in rows if r.get("long")]
    assert long_rows and all(len(r["passage"].split()) >= 100 for r in long_rows)


def test_realtimeqa_rows_are_skipped_with_a_reason_when_the_corpus_is_absent(tmp_path):
    rows, skipped = claims_data.load_claims(CLAIMS, tmp_path / "missing.jsonl")
    assert all(r["source"] == "sample" and r["passage"] for r in rows)
    assert skipped and all("not found" in reason for _, reason in skipped)
    assert len(rows) + len(skipped) == len(_rows())


def test_a_changed_article_is_reported_not_silently_used(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    text = "First sentence here. The second sentence says something."
    corpus.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    start = text.index("The second")
    good = {"id": "x1", "doc": "a1", "passage_start": start, "passage_end": len(text),
            "passage_sha256": claims_data.passage_digest(text[start:])}
    stale = {**good, "id": "x2", "passage_sha256": "0" * 16}
    missing = {**good, "id": "x3", "doc": "nope"}
    rows, skipped = claims_data.resolve_passages([good, stale, missing], corpus)
    assert [r["passage"] for r in rows] == ["The second sentence says something."]
    assert [i for i, _ in skipped] == ["x2", "x3"]
    assert "passage_sha256" in skipped[0][1] and "not in" in skipped[1][1]


def test_a_report_shows_realtimeqa_rows_by_offsets_and_sample_rows_with_their_passage():
    base = {"claim": "c", "doc": "d", "supported": True, "kind": "synonym"}
    external = claims_data.report_input({**base, "source": "realtimeqa", "passage": "Article words here.",
                                         "passage_start": 5, "passage_end": 24, "long": True})
    assert "passage" not in external
    assert (external["passage_start"], external["passage_end"], external["passage_words"], external["long"]) == (5, 24, 3, True)
    sample = claims_data.report_input({**base, "source": "sample", "passage": "Sample text."})
    assert sample["passage"] == "Sample text." and "passage_start" not in sample


def test_the_claims_suite_runs_without_the_corpus_and_says_which_rows_it_skipped(tmp_path, monkeypatch):
    from evals.run import run_eval
    from rag.config import Settings

    monkeypatch.setenv(claims_data.ENV_VAR, str(tmp_path / "absent" / "corpus.jsonl"))
    report = run_eval(Settings(data_dir=tmp_path / "data"), suites="claims", ids=["cl-001"])
    external = sum(1 for r in _rows() if r["source"] == "realtimeqa")
    assert [it["id"] for it in report["items"]] == ["cl-001"]
    assert any(f"claims: {external} row(s) skipped" in w and "not found" in w for w in report["warnings"])
