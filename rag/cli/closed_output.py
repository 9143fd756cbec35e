"""A reader that closes the command's output early (`brief eval items | head`) ends the command quietly, with the exit
code a shell gives any Unix tool stopped that way (141 = 128 + SIGPIPE).

Python ignores SIGPIPE, so a write to a pipe whose reader has gone raises ``BrokenPipeError``. Python's documented
recipe (the ``signal`` module's "Note on SIGPIPE") catches it at the entry point, flushes inside the ``try`` and points
stdout at ``/dev/null`` so the flush at shutdown cannot raise again. Click/Typer would catch it first, as an
``OSError``, and exit 1: the code a partial failure of `brief ingest` or `brief verify` has. So the entry point wraps
stdout and stderr in a stream that turns that error into ``OutputClosed``, which is no ``OSError`` (Click lets it
through) and no ``Exception`` (a command's ``except Exception`` cannot swallow it and go on writing).
Setting SIGPIPE back to its default instead would also kill `brief serve` or an LLM request when a socket closes:
the documentation warns against it.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any, TextIO

#: What a shell reports for a process stopped by SIGPIPE (`seq 1000000 | head -1` under `set -o pipefail`).
CLOSED_OUTPUT_EXIT = 128 + signal.SIGPIPE


class OutputClosed(BaseException):
    """The reader of stdout or stderr went away; raised instead of ``BrokenPipeError`` by ``GuardedStream``."""


class GuardedStream:
    """A text stream (``sys.stdout``) whose ``write``/``writelines``/``flush`` raise ``OutputClosed`` on a broken pipe;
    every other attribute (``encoding``, ``isatty``, ``fileno``, ``buffer``) is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise OutputClosed from None

    def writelines(self, lines: Any) -> None:
        try:
            self._stream.writelines(lines)
        except BrokenPipeError:
            raise OutputClosed from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _silence(stream: TextIO | None) -> None:
    """Point ``stream``'s file descriptor at /dev/null: what is still buffered goes nowhere at shutdown."""
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):  # not a real file (pytest's capture): nothing flushes to a pipe
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def run_until_output_closes(command: Callable[[], object]) -> None:
    """Run ``command`` (the Typer app) with guarded stdout/stderr; when a reader closes either early, exit 141 with
    nothing printed. Other exits (``SystemExit`` from Click) pass through unchanged."""
    stdout, stderr = sys.stdout, sys.stderr
    if stdout is not None:
        sys.stdout = GuardedStream(stdout)  # type: ignore[assignment]
    if stderr is not None:
        sys.stderr = GuardedStream(stderr)  # type: ignore[assignment]
    try:
        try:
            command()
        finally:  # on Click's SystemExit too: a closed pipe shows here, inside the try, not at shutdown
            if sys.stdout is not None:
                sys.stdout.flush()
            if sys.stderr is not None:
                sys.stderr.flush()
    except OutputClosed:
        sys.stdout, sys.stderr = stdout, stderr
        _silence(stdout)
        _silence(stderr)
        sys.exit(CLOSED_OUTPUT_EXIT)
