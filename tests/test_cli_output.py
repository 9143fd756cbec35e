"""What the CLI prints from the corpus is shown, never interpreted: rich markup, ANSI and bidi controls are escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.cli.common import safe

ESC = "\x1b"
RLO = "\u202e"  # right-to-left override: "gpj.exe" shown as "exe.jpg"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Chip curbs [/] and [bold]fabs[/bold]", "Chip curbs [/] and [bold]fabs[/bold]"),
        (f"red{ESC}[31malert{ESC}[0m", "red\\x1b[31malert\\x1b[0m"),
        (f"title{ESC}]0;pwned\x07", "title\\x1b]0;pwned\\x07"),
        (f"report{RLO}fdp.exe", "report\\u202efdp.exe"),
        ("C1 \x9b31m control", "C1 \\x9b31m control"),
        ("bell\x07 and backspace\x08", "bell\\x07 and backspace\\x08"),
        ("Arabic \u0645\u200f marks stay", "Arabic \u0645\u200f marks stay"),
    ],
)
def test_safe_text_prints_literally_through_rich(raw: str, shown: str) -> None:
    from rich.console import Console

    console = Console(record=True, width=200, color_system=None)
    console.print(safe(raw))
    assert console.export_text().rstrip("\n") == shown


def test_line_breaks_survive_in_passages_but_not_in_titles_and_file_names() -> None:
    assert safe("one\ntwo\tthree", markup=False) == "one\ntwo\tthree"
    assert safe("one\ntwo\tthree", markup=False, newlines=False) == "one\\x0atwo\\x09three"


def test_without_markup_only_controls_are_escaped() -> None:
    assert safe(f"a [/] b{ESC}", markup=False) == "a [/] b\\x1b"


def _unwrapped(output: str) -> str:
    """The output without the spaces, table borders and line breaks rich adds to fit the terminal."""
    return "".join(ch for ch in output if not ch.isspace() and ch not in "│┃┏┓┗┛┡┩└┘┌┐├┤┼━─═╇╈╋┳┻┠┨┯┷")


def test_search_and_ingest_show_hostile_titles_and_file_names(tmp_path: Path, cli) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "markup.md").write_text(
        "# Lithography curbs [/] tighten [bold]again\n\n"
        "Japan tightened export licences for lithography tools on 3 March 2026, the trade ministry said.\n",
        encoding="utf-8",
    )
    (src / f"wire{ESC}[2J{RLO}txt.md").write_text(
        "Korea expanded its lithography subsidy for domestic chip fabs, the industry ministry said on Monday.\n",
        encoding="utf-8",
    )
    (src / f"broken{ESC}[31m.pdf").write_bytes(b"not a pdf")
    env = {"BRIEF_DATA_DIR": str(tmp_path / "data")}

    ingested = cli(["ingest", str(src)], **env)
    assert ingested.exit_code == 1, ingested.output  # the broken PDF failed: reported, and the exit code says so
    assert ESC not in ingested.output and RLO not in ingested.output
    assert "broken\\x1b[31m.pdf" in _unwrapped(ingested.output)  # the skipped file is named, its escape visible

    found = cli(["search", "lithography export licences subsidy", "-k", "5"], **env)
    assert found.exit_code == 0, found.output
    assert ESC not in found.output and RLO not in found.output
    shown = _unwrapped(found.output)
    assert "[/]" in found.output and "[bold]again" in shown  # the title's brackets are text, not markup
    assert "wire\\x1b[2J\\u202etxt.md" in shown  # untitled file: its name stands in, escaped
