"""Real server processes started by tests: waiting until one answers on loopback, and stopping it."""

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


def stop_process(proc: subprocess.Popen, *, timeout: float = 20.0) -> None:
    """Terminate ``proc``; kill it if it has not exited within ``timeout`` seconds (a test never leaves one behind)."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
