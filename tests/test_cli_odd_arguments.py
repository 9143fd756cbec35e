"""What a new user meets trying README's commands with odd arguments: a mistyped collection on any command that
opens one is a usage error that creates nothing; an error, warning or "skipped" line stays one line however long
(a script reads stderr line by line; rich wrapped it at 80 columns when stderr was not a terminal); a binary file
given to `brief verify` is an error naming the file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest


def _lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]


@pytest.mark.parametrize("args", [
    ["doctor", "--collection", "techsek"],
    ["doctor", "--collection", "techsek", "--repair"],
    ["eval", "run", "--out", "{tmp}/r.json", "--collection", "techsek", "--limit", "1"],
    ["search", "chips", "--collection", "techsek"],
])
def test_a_mistyped_collection_is_a_usage_error_that_creates_nothing(cli, sample_index, tmp_path: Path, args):
    settings, _ = sample_index
    before = sorted(p.name for p in (settings.data_dir / "collections").iterdir())
    result = cli([a.replace("{tmp}", str(tmp_path)) for a in args], BRIEF_DATA_DIR=str(settings.data_dir))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "no collection 'techsek'" in result.output and "techsec" in result.output
    assert sorted(p.name for p in (settings.data_dir / "collections").iterdir()) == before


def test_a_long_error_line_is_one_line(cli, sample_index):
    settings, _ = sample_index
    result = cli(["write", "export controls", "-t", "no-such-template"], BRIEF_DATA_DIR=str(settings.data_dir))
    assert result.exit_code == 2
    errors = [line for line in _lines(result) if line.startswith("error:")]
    assert len(errors) == 1 and len(errors[0]) > 80 and "no-such-template" in errors[0] and "assessment" in errors[0]
    assert len(_lines(result)) == 1


def test_a_skipped_input_with_a_long_path_is_one_line(cli, tmp_path: Path):
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "empty-article-with-a-long-name.txt"
    deep.parent.mkdir()
    deep.write_text("")  # read, but no text: skipped (a missing one is an input error: test_cli_ingest_inputs.py)
    result = cli(["ingest", str(deep)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 1
    skipped = [line for line in _lines(result) if line.startswith("skipped")]
    assert len(skipped) == 1 and str(deep) in skipped[0]


@pytest.mark.parametrize("content", [bytes(range(256)) * 400, random.Random(0).randbytes(300_000)],
                         ids=["every byte value", "random bytes"])
def test_a_binary_pairs_file_is_one_error_naming_it_not_a_line_per_line(cli, tmp_path: Path, content: bytes):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_bytes(content)
    result = cli(["verify", str(pairs)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = _lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"error: no claim/passage pairs in {pairs}: it is not text")
    assert "more unreadable lines" in lines[0]


def test_a_pairs_file_with_some_text_lines_still_lists_each_bad_line(cli, tmp_path: Path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_bytes(b'{"claim": "Japan tightened controls.", "passage": "Japan tightened export controls."}\n\x00\x01\n')
    result = cli(["verify", str(pairs)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 1 and "line 2 skipped: binary content" in result.output
