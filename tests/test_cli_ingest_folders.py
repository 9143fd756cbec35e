"""Nothing silent: `brief ingest DIR` on a folder with nothing it reads is an input error (exit 2, before anything is
ingested) naming what is there, and files of other types beside readable ones are listed as left out, never dropped
without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.cli.corpus import directory_contents


def _folder(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    return root


# kinds of folder whose files brief cannot read, each with what the message must name
NOTHING_TO_READ = {
    "office files": ({"brief.docx": "x", "table.xlsx": "x"}, "2 other files: brief.docx, table.xlsx"),
    "csv in a subfolder": ({"data/rows.csv": "a,b"}, "1 other file: data/rows.csv"),
    "a spreadsheet beside the manifest": ({"manifest.json": "{}", "list.ods": "x"}, "1 other file: list.ods"),
}


@pytest.mark.parametrize("kind", list(NOTHING_TO_READ))
def test_a_folder_whose_files_brief_cannot_read_is_an_input_error_that_says_what_is_there(cli, tmp_path: Path, kind: str) -> None:
    files, said = NOTHING_TO_READ[kind]
    folder = _folder(tmp_path / "in", files)
    result = cli(["ingest", str(folder)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert message.startswith(f"error: cannot ingest {folder}: no file brief reads (") and said in message
    assert result.stdout == "" and not (tmp_path / "data").exists()  # checked before the index is opened


# an empty folder is how a script creates an empty index: a warning, not a failure, but never silent
@pytest.mark.parametrize("files", [{}, {".DS_Store": "x", ".notes.txt": "x"}, {"manifest.json": "{}"}],
                         ids=["empty", "hidden files only", "a manifest only"])
def test_an_empty_folder_says_there_was_nothing_to_ingest_and_succeeds(cli, tmp_path: Path, files: dict) -> None:
    folder = _folder(tmp_path / "in", files)
    result = cli(["ingest", str(folder)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    assert f"warning {folder}: nothing to ingest: the folder has no files" in " ".join(result.stderr.split())
    assert "0 failed" in result.stdout


def test_with_json_too_the_folder_is_an_input_error_and_a_readable_one_beside_it_waits(cli, tmp_path: Path) -> None:
    good = _folder(tmp_path / "good", {"a.txt": "Japan tightened export controls on chip materials in 2026."})
    folder = _folder(tmp_path / "in", {"a.docx": "x"})
    result = cli(["ingest", "--json", str(good), str(folder)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: cannot ingest {folder}: no file brief reads (.atom .htm .html .json .jsonl .markdown .md .pdf .rss .txt .xml); 1 other file: a.docx"]


def test_files_of_other_types_beside_readable_ones_are_listed_as_left_out(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", {"a.txt": "Japan tightened export controls on chip materials in 2026.",
                                       "b.csv": "x", "c.docx": "x", ".hidden": "x"})
    result = cli(["ingest", str(folder)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    message = " ".join(result.stderr.split())
    assert "2 files of a type brief does not read" in message and "left out: b.csv, c.docx" in message
    assert ".hidden" not in message
    assert "1 added" in result.stdout and "0 failed" in result.stdout


def test_directory_contents_counts_readable_files_and_names_the_others(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", {f"f{i}.txt": "x" for i in range(3)} | {"x.csv": "", "sub/y.doc": "", ".git/z": ""})
    assert directory_contents(folder) == (3, ["x.csv", "sub/y.doc"])
