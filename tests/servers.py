"""Real server processes started by tests: `brief serve` on a free loopback port, waiting until a server answers,
and stopping it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest

STARTUP_SECONDS = 180.0  # importing chromadb/llama-index/onnxruntime is slow on a loaded 2-core machine


class BriefServer(NamedTuple):
    """A running `brief serve`: its base URL (``http://127.0.0.1:<port>``), process and log file."""

    url: str
    process: subprocess.Popen
    log_path: Path


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago on ``host`` (also for 'nothing listens here' tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def log_tail(log_path: Path, chars: int = 3000) -> str:
    """The last ``chars`` characters of a server log ('' when it does not exist)."""
    try:
        return log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
    except FileNotFoundError:
        return ""


def wait_until_up(proc: subprocess.Popen, url: str, *, log_path: Path, timeout: float, poll: float = 0.2) -> None:
    """Poll ``url`` until it answers 200; fail the test with the log tail if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            pytest.fail(f"{url}: server exited with {proc.returncode}:\n{log_tail(log_path)}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not answer within {timeout:.0f} s:\n{log_tail(log_path)}")
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


@contextmanager
def brief_server(env: Mapping[str, str], *, log_path: Path, timeout: float = STARTUP_SECONDS) -> Iterator[BriefServer]:
    """`brief serve` on a free 127.0.0.1 port with exactly ``env`` (its ``BRIEF_DATA_DIR`` is the data dir).

    Output is appended to ``log_path``. Yields once ``/healthz`` answers 200 (the test fails with the log tail
    if the server exits or is not up within ``timeout`` s); the server is stopped on leaving the block, and a
    failure inside the block prints the log tail to stderr (pytest shows it with the failure).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("a", encoding="utf-8") as log:
        proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                                env=dict(env), stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_up(proc, f"{url}/healthz", log_path=log_path, timeout=timeout, poll=0.5)
        try:
            yield BriefServer(url, proc, log_path)
        except GeneratorExit:
            raise
        except BaseException:  # noqa: BLE001 - pytest's own failures are BaseExceptions; re-raised unchanged
            print(f"\n--- last lines of {log_path} ---\n{log_tail(log_path)}", file=sys.stderr)
            raise
    finally:
        stop_process(proc, timeout=30)
