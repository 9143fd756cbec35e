"""`brief eval run --ids/--limit` selects items; a selection that names nothing real is a usage error, never a 0-item success.

The checks here stop before any index is opened (the selection is validated first), so no ingest is needed;
the one run that goes through uses the claims suite, which needs no index.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from evals.run import EvalError, run_eval, select_items
from rag.cli import app
from rag.config import Settings, get_settings

runner = CliRunner()


@pytest.fixture()
def empty_data(tmp_path, monkeypatch):
    """A fresh, empty BRIEF_DATA_DIR (nothing ingested)."""
    monkeypatch.setenv("BRIEF_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield Settings(data_dir=tmp_path / "data")
    get_settings.cache_clear()


@pytest.mark.parametrize(("suite", "ids", "unknown"), [
    ("seed", "nope", ["'nope'"]),                                 # the one seen: a made-up id
    ("seed", "qa-001,qa-9999", ["'qa-9999'"]),                    # one good id, one bad: nothing runs
    ("seed", "QA-001", ["'QA-001'"]),                             # ids are exact, not case-folded
    ("seed", "qa-001 , nope ,zz", ["'nope'", "'zz'"]),            # spaces around commas; every unknown id named
    ("claims", "qa-001", ["'qa-001'"]),                           # an id of another suite
    ("topics", "topic-001,topic-001,topic-999", ["'topic-999'"]),  # repeats are fine, the unknown one is named
])
def test_an_unknown_id_is_a_usage_error_naming_it_and_how_to_list_the_valid_ones(empty_data, tmp_path, suite, ids, unknown):
    out = tmp_path / "r.json"
    res = runner.invoke(app, ["eval", "run", "--suite", suite, "--ids", ids, "--out", str(out)])
    assert res.exit_code == 2, res.output
    message = " ".join(res.output.split())
    assert "Unknown item id" in message
    for name in unknown:
        assert name in message
    assert f"brief eval items --suite {suite}" in message
    assert not out.exists()  # no report of zero items


def test_an_id_of_another_suite_says_which_suite_it_is_in(empty_data):
    with pytest.raises(EvalError, match=r"'qa-001' is in suite seed") as exc:
        run_eval(empty_data, suites="claims", ids=["qa-001"])
    assert "cl-001" in str(exc.value)  # what the claims ids look like


@pytest.mark.parametrize("ids", [",", " , ", ",,,"])
def test_ids_that_name_no_id_at_all_are_a_usage_error_not_the_whole_suite(empty_data, tmp_path, ids):
    res = runner.invoke(app, ["eval", "run", "--suite", "claims", "--ids", ids, "--out", str(tmp_path / "r.json")])
    assert res.exit_code == 2, res.output
    assert "names no item id" in res.output


def test_a_suite_with_nothing_to_run_never_reports_success():
    with pytest.raises(EvalError, match="roles suite has no items"):
        select_items({"roles": []}, None, None, [])
    with pytest.raises(EvalError, match="seed suite has no items"):
        select_items({"seed": [], "claims": [{"id": "cl-001"}]}, None, 5, [])


def test_ids_spanning_suites_run_only_the_suites_they_belong_to_and_say_so():
    warnings: list[str] = []
    rows = {"seed": [{"id": "qa-001"}, {"id": "qa-002"}], "topics": [{"id": "topic-001"}], "claims": [{"id": "cl-001"}]}
    chosen = select_items(rows, ["qa-002", "cl-001"], None, warnings)
    assert chosen == {"seed": [{"id": "qa-002"}], "claims": [{"id": "cl-001"}]}
    assert warnings == ["topics: none of the --ids is in this suite; it was not run"]


def test_all_with_claims_ids_reports_only_the_claims_suite(empty_data):
    """The seed and topics suites would need an index; with only claims ids they are not run at all."""
    report = run_eval(empty_data, suites="all", ids=["cl-001", "cl-002"])
    assert report["suites"] == ["claims"]
    assert report["selection"]["items"] == {"claims": 2}
    assert [it["id"] for it in report["items"]] == ["cl-001", "cl-002"]


def test_eval_items_lists_every_id_run_accepts(empty_data):
    res = runner.invoke(app, ["eval", "items", "--suite", "seed"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    ids = [line.split("\t")[1] for line in lines]
    assert ids[0] == "qa-001" and len(ids) == len(set(ids)) >= 50
    assert all(line.startswith("seed\t") for line in lines)
    assert "Which outlet first reported" in lines[0]  # the question, to pick items by


def test_eval_items_rejects_an_unknown_suite(empty_data):
    res = runner.invoke(app, ["eval", "items", "--suite", "sed"])
    assert res.exit_code == 2 and "Unknown suite 'sed'" in res.output


def test_an_id_the_suite_holds_but_does_not_run_says_so(empty_data):
    """The roles suite runs the held-out split of roles.jsonl: a training row's id is in its file, not in its run."""
    from evals import roles_suite

    run_ids = {r["id"] for r in roles_suite.dataset_rows()[0]}
    import json
    from evals.run import DATASETS

    train = next(json.loads(line)["id"] for line in (DATASETS / "roles.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip() and json.loads(line)["id"] not in run_ids)
    with pytest.raises(EvalError, match=rf"'{train}' is in the roles dataset but not among the items that suite runs"):
        run_eval(empty_data, suites="roles", ids=[train])


def test_topics_news_runs_the_topics_file_it_is_given_and_a_missing_one_is_an_error(empty_data, tmp_path):
    from evals import topics_news
    from evals.run import suite_rows

    if topics_news.missing_reason(topics_news.data_dir()):
        pytest.skip("RealTime QA corpus absent (../shared)")
    paths, rows = suite_rows(["topics-news"], topics_path=topics_news.HELDOUT)
    assert paths["topics-news"] == topics_news.HELDOUT
    assert [r["id"] for r in rows["topics-news"]][:2] == ["tnh-001", "tnh-002"]
    assert suite_rows(["topics-news"])[1]["topics-news"][0]["id"] == "tn-001"  # the default is the dev set
    res = runner.invoke(app, ["eval", "run", "--suite", "topics-news", "--topics", str(tmp_path / "none.jsonl"),
                              "--out", str(tmp_path / "r.json")])
    assert res.exit_code != 0 and "does not exist" in " ".join(res.output.split()), res.output
    assert not (tmp_path / "r.json").exists()
