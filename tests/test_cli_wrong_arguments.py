"""Bad input gets a clear error: each command of README's "Commands" table, given a wrong argument — a file that
does not exist, a date that is not a day, an empty string, a 10 MB line — ends in a one-line `error: …` or a usage
error naming the argument (exit 2), never a traceback, and never quietly does something else (`brief ingest ""`
does not ingest the current directory)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TEN_MB = "chips " * (10_000_000 // 6)


def _clean_failure(result, code: int = 2) -> str:
    """The output of a run that must have failed cleanly with ``code``; returned whitespace-collapsed."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize("args", [
    ["ingest", ""],
    ["verify", ""],
    ["write", "chips", "-o", ""],
    ["verify", "x.jsonl", "-o", ""],
    ["eval", "compare", "", "b.json"],
    ["eval", "accept", ""],
    ["eval", "run", "--out", ""],
    ["eval", "realtimeqa", "--questions", "", "--no-baseline"],
])
def test_an_empty_path_is_a_usage_error_not_the_current_directory(cli, tmp_path: Path, args: list[str]) -> None:
    said = _clean_failure(cli(args, BRIEF_DATA_DIR=str(tmp_path)))
    assert "invalid value" in said and "an empty path" in said


@pytest.mark.parametrize("args", [
    ["search", "chips", "--collection", ""],
    ["ask", "chips", "--collection", " "],
    ["doctor", "--collection", ""],
    ["ingest", "corpus", "--collection", ""],
    ["eval", "run", "--out", "r.json", "--ids", ""],
    ["serve", "--host", ""],
])
def test_an_empty_name_is_a_usage_error_not_the_default(cli, tmp_path: Path, args: list[str]) -> None:
    said = _clean_failure(cli(args, BRIEF_DATA_DIR=str(tmp_path)))
    assert "invalid value" in said and "an empty value" in said


@pytest.mark.parametrize("args", [
    ["search", ""], ["ask", "  "], ["write", ""],
    ["search", TEN_MB], ["ask", TEN_MB], ["write", TEN_MB],
])
def test_an_empty_or_10_mb_query_is_a_one_line_error(cli, tmp_path: Path, args: list[str]) -> None:
    said = _clean_failure(cli(args, BRIEF_DATA_DIR=str(tmp_path)))
    assert said.startswith("error:") and ("empty" in said or "characters long" in said)


def test_chat_reports_a_10_mb_line_and_goes_on(cli, tmp_path: Path) -> None:
    result = cli(["chat"], input=TEN_MB + "\n/quit\n", BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "error:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("make", [
    lambda d: d / "missing.json",  # no such file
    lambda d: d,  # a directory
    lambda d: (d / "big.json").write_text(json.dumps({"x": TEN_MB}) + "\n" + "{", encoding="utf-8") and d / "big.json",
])
@pytest.mark.parametrize("command", [["eval", "compare"], ["eval", "accept"]])
def test_an_unreadable_report_is_a_one_line_error(cli, tmp_path: Path, make, command: list[str]) -> None:
    report = make(tmp_path)
    args = [*command, str(report), str(report)] if command[1] == "compare" else [*command, str(report), "--to", str(tmp_path / "b.json")]
    said = _clean_failure(cli(args, BRIEF_DATA_DIR=str(tmp_path / "data")))
    assert said.startswith("error:")


def test_a_report_or_brief_written_where_it_cannot_be_is_a_one_line_error(cli, tmp_path: Path, sample_index) -> None:
    env = {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}
    for target in (tmp_path / "no-such-folder" / "brief.md", tmp_path):
        said = _clean_failure(cli(["write", "export controls", "-o", str(target)], **env))
        assert said.startswith("error: cannot write")
    baseline = Path(__file__).resolve().parents[1] / "evals" / "baselines" / "seed.json"
    (tmp_path / "a-file").write_text("x")
    said = _clean_failure(cli(["eval", "compare", str(baseline), str(baseline), "--md", str(tmp_path / "a-file" / "x.md")], **env))
    assert "error: " in said and "a-file" in said  # mkdir of the --md folder fails: File exists
    said = _clean_failure(cli(["eval", "compare", str(baseline), str(baseline), "--md", "x\0.md"], **env))
    assert "invalid value for '--md': a path with a NUL character" in said


def test_an_eval_report_path_that_is_a_folder_is_a_one_line_error(cli, tmp_path: Path) -> None:
    baseline = Path(__file__).resolve().parents[1] / "evals" / "baselines" / "seed.json"
    said = _clean_failure(cli(["eval", "accept", str(baseline), "--to", str(tmp_path)], BRIEF_DATA_DIR=str(tmp_path / "d")))
    assert said.startswith("error:")


@pytest.mark.parametrize("level", ["nope", "", "INFO!"])
def test_an_unknown_log_level_is_a_usage_error_listing_the_levels(cli, tmp_path: Path, level: str) -> None:
    said = _clean_failure(cli(["serve", "--log-level", level], BRIEF_DATA_DIR=str(tmp_path)))
    assert "invalid value for '--log-level'" in said and all(v in said for v in ("critical", "debug", "trace"))


def test_a_missing_input_of_ingest_is_an_input_error_naming_it(cli, tmp_path: Path) -> None:
    said = _clean_failure(cli(["ingest", "/no/such/file.txt"], BRIEF_DATA_DIR=str(tmp_path)), code=2)
    assert said == "error: cannot ingest /no/such/file.txt: no such file or directory"  # not "[Errno 2] …"


def test_an_ingested_jsonl_line_of_10_mb_fails_alone(cli, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"title": "Big", "text": TEN_MB}) + "\n", encoding="utf-8")
    said = _clean_failure(cli(["ingest", str(path)], BRIEF_DATA_DIR=str(tmp_path / "data")), code=1)
    assert "exceeds limits.max_text_chars" in said


@pytest.mark.parametrize("command", [["write", "export controls"], ["verify", "PAIRS"]])
def test_an_output_that_cannot_be_written_is_an_error_before_any_work(cli, tmp_path: Path, command: list[str]) -> None:
    """A brief or a verification is not computed and then lost: `-o` in a missing folder fails before anything opens."""
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"claim": "Japan tightened controls.", "passage": "Japan tightened controls."}) + "\n")
    target = tmp_path / "no-such-folder" / "out.md"
    args = [str(pairs) if a == "PAIRS" else a for a in command]
    result = cli([*args, "-o", str(target)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"error: cannot write {target}: no such file or directory ({target.parent})\n"
    assert not (tmp_path / "data").exists()  # no index opened, no model loaded
