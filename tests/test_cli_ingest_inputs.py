"""`brief ingest PATH...` checks every command-line input before it opens the index: one it cannot read is one line,
`error: cannot ingest PATH: why`, exit 2 (an input error, as a usage error), and nothing is ingested, not even the
readable inputs beside it — fix the path and run again; never a raw "[Errno 2] …" or a partial run (exit 1 is for
files inside a folder, or JSONL lines, that fail while the others are ingested)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from rag.cli.corpus import check_input

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Japan tightened export controls on chip materials in 2026."
KINDS = ".atom .htm .html .json .jsonl .markdown .md .pdf .rss .txt .xml"


def _unix_socket(d: Path) -> Path:
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(d / "s.txt"))  # the socket file stays after close
    return d / "s.txt"


def _fifo(d: Path) -> Path:
    os.mkfifo(d / "p.txt")  # opening it to read would block
    return d / "p.txt"


def _broken_link(d: Path) -> Path:
    (d / "link.txt").symlink_to(d / "gone.txt")
    return d / "link.txt"


def _written(relative: str):
    def make(d: Path) -> Path:
        (d / relative).parent.mkdir(parents=True, exist_ok=True)
        (d / relative).write_text("x")
        return d / relative.split("/")[0]
    return make


# each kind of input brief cannot read, with how it is made and the reason it must be given
UNREADABLE = {
    "missing file": (lambda d: d / "no-such.txt", "no such file or directory"),
    "missing folder": (lambda d: d / "no" / "such", "no such file or directory"),
    "broken symbolic link": (_broken_link, "a broken symbolic link"),
    "file of another type": (_written("notes.docx"), f"not a type of file brief reads ({KINDS})"),
    "folder of other types": (_written("f/t.csv"), f"no file brief reads ({KINDS}); 1 other file: t.csv"),
    "a socket": (_unix_socket, "not a file or a folder"),
    "a named pipe": (_fifo, "not a file or a folder"),
}


@pytest.mark.parametrize("kind", list(UNREADABLE))
def test_an_unreadable_input_is_one_line_naming_it_and_nothing_is_ingested(cli, tmp_path: Path, kind: str) -> None:
    make, why = UNREADABLE[kind]
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = make(inputs)
    good = inputs / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = cli(["ingest", str(good), str(bad)], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: cannot ingest {bad}: {why}"]
    assert result.stdout == "" and not (tmp_path / "data").exists()


def test_every_unreadable_input_is_listed(cli, tmp_path: Path) -> None:
    result = cli(["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.md")], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 2


@pytest.mark.parametrize("inputs", [{"a.txt": ARTICLE}, {"a.md": ARTICLE, "b.csv": "x"}, {}], ids=["file", "mixed", "empty"])
def test_what_brief_can_read_passes_the_check(tmp_path: Path, inputs: dict) -> None:
    for name, text in inputs.items():
        (tmp_path / name).write_text(text)
    assert check_input(tmp_path)[0] is None
    for name in inputs:
        if name.endswith((".txt", ".md")):
            assert check_input(tmp_path / name) == (None, None)


def _without_root_powers() -> list[str]:
    """A command prefix that runs a process without permission to bypass file modes: none for a normal user; for root,
    `setpriv` dropping the capabilities that let root read any file (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: root reads any file")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def test_a_file_or_folder_without_read_permission_is_an_input_error(tmp_path: Path) -> None:
    locked_file, locked_dir = tmp_path / "a.txt", tmp_path / "d"
    locked_file.write_text(ARTICLE)
    locked_dir.mkdir()
    (locked_dir / "b.txt").write_text(ARTICLE)
    locked_file.chmod(0)
    locked_dir.chmod(0)
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEF_DATA_DIR": str(tmp_path / "data")}
        run = subprocess.run([*_without_root_powers(), sys.executable, "-m", "rag.cli", "ingest", str(locked_file), str(locked_dir)],
                             capture_output=True, text=True, env=env, timeout=120)
    finally:
        locked_dir.chmod(0o700)
    assert run.returncode == 2, run.stderr
    assert run.stderr.splitlines() == [f"error: cannot ingest {locked_file}: permission denied",
                                       f"error: cannot ingest {locked_dir}: cannot list the folder: permission denied"]
