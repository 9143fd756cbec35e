"""Waiting for a real server process started by a test to answer on loopback."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest


def wait_until_up(proc: subprocess.Popen, url: str, *, log_path: Path, timeout: float, poll: float = 0.2) -> None:
    """Poll ``url`` until it answers 200; fail the test with the log tail if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            pytest.fail(f"{url}: server exited with {proc.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not answer within {timeout:.0f} s:\n{log_path.read_text(errors='replace')[-3000:]}")
        time.sleep(poll)
