"""A damaged PDF is reported once, by the loader's own reason: pypdf's warnings do not reach a CLI user's stderr."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from rag.loaders import load_file

DAMAGED = [b"%PDF-1.4\n garbage", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", b"%PDF-1.4\n" + b"\x00" * 64]

# a process with no logging configured, as the CLI is (pytest installs its own handlers, so it runs apart)
LOAD = ("import sys; from rag.loaders import load_file, LoadFailure; r = list(load_file(sys.argv[1])); "
        "assert len(r) == 1 and isinstance(r[0], LoadFailure), r; print(r[0].reason)")


@pytest.mark.parametrize("content", DAMAGED)
def test_a_damaged_pdf_is_one_reason_and_no_library_warning_on_stderr(tmp_path, content):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    run = subprocess.run([sys.executable, "-c", LOAD, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "PDF" in run.stdout and run.stderr == ""


def test_an_application_that_configures_logging_still_receives_the_library_warnings(tmp_path, caplog):
    path = tmp_path / "bad.pdf"
    path.write_bytes(DAMAGED[0])
    with caplog.at_level(logging.WARNING):
        list(load_file(path))
    assert any(r.name.startswith("pypdf") for r in caplog.records)
