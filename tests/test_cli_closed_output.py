"""Every command that prints may be piped into a reader that stops early (`brief eval items | head`): the command stops
quietly and exits 141, the code a shell gives any Unix tool stopped by a closed pipe, never 1 (a partial failure's
code) and never a traceback or "Exception ignored ... BrokenPipeError".

Each test runs the real `brief` entry point (`python -m rag.cli`) in a new process, its stdout a pipe.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys

import pytest

from conftest import REPO_ROOT

CLOSED_PIPE = 141  # 128 + SIGPIPE


def _env(data_dir) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEF_")}
    env.update(BRIEF_DATA_DIR=str(data_dir), BRIEF_CONFIG_FILE=str(data_dir / "none.toml"))
    return env


def _run_with_reader_gone(args: list[str], data_dir) -> subprocess.CompletedProcess:
    """Run `brief ARGS` with a stdout pipe whose only reader is closed before the command writes anything."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # `brief ... | true`: nobody will ever read
    try:
        return subprocess.run([sys.executable, "-m", "rag.cli", *args], stdout=write_end, stderr=subprocess.PIPE,
                              env=_env(data_dir), cwd=REPO_ROOT, timeout=300)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", [
    ["--help"],
    ["eval", "items"],
    ["eval", "items", "--suite", "all"],
    ["config", "show"],
    ["search", "export controls on chips", "-k", "3"],
    ["search", "export controls on chips", "-k", "3", "--json"],
], ids=lambda a: " ".join(a))
def test_a_command_whose_reader_is_gone_exits_141_and_prints_nothing(args, sample_index, tmp_path):
    settings, _ = sample_index
    done = _run_with_reader_gone(args, settings.data_dir if args[0] == "search" else tmp_path)
    assert done.stderr.decode() == ""
    assert done.returncode == CLOSED_PIPE


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux's F_SETPIPE_SZ to make the pipe small")
def test_a_reader_that_takes_one_line_and_closes_stops_the_command_quietly(tmp_path):
    # `brief eval items --suite all | head -1`: a one-page pipe, so the output (~65 KB) cannot all fit in it before the
    # reader closes; the command is writing when the pipe breaks
    read_end, write_end = os.pipe()
    fcntl.fcntl(read_end, fcntl.F_SETPIPE_SZ, 4096)
    proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "eval", "items", "--suite", "all"], stdout=write_end,
                            stderr=subprocess.PIPE, env=_env(tmp_path), cwd=REPO_ROOT)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        first = reader.readline()
    _, stderr = proc.communicate(timeout=300)
    assert first.startswith(b"seed\t")
    assert stderr.decode() == ""
    assert proc.returncode == CLOSED_PIPE


def test_a_reader_that_reads_everything_still_gets_exit_0_and_a_usage_error_still_gets_2(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "rag.cli", "eval", "items"], capture_output=True, env=_env(tmp_path),
                        cwd=REPO_ROOT, timeout=300)
    assert ok.returncode == 0 and ok.stdout.count(b"\n") > 10
    bad = subprocess.run([sys.executable, "-m", "rag.cli", "eval", "items", "--suite", "nonsense"], capture_output=True,
                         env=_env(tmp_path), cwd=REPO_ROOT, timeout=300)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
