"""Test-only fault injection: ``BRIEF_CRASH_AT="<phase>:<n>"`` SIGKILLs the process the n-th time a phase is reached.

Crash-consistency tests (``tests/test_crash_points.py``) set it on a ``brief ingest`` or ``brief serve`` process to
kill it at an exact step, then check that a rerun (and ``brief doctor``) ends consistent. The variable is read once,
at import; when it is unset ``reached`` returns at its first comparison. SIGKILL, not an exception: nothing
(no ``finally``, no SQLite rollback hook, no atexit) runs, as when the machine loses power or the OOM killer strikes.

Phases (where ``reached`` is called):

========================  ============================================================================================
``read``                  a file was loaded into documents (nothing of it written yet)
``embed``                 an embedding sub-batch was computed, before its vectors reach the embedding cache
``embed.cached``          an embedding sub-batch was written to the embedding cache
``catalog.begin``         a batch's documents were written ``pending`` to the catalog, before Chroma
``chroma.deleted``        a batch's documents' old vectors were deleted from Chroma, before the new ones are added
``chroma.part``           the first half of a batch's vectors were added to Chroma (mid-batch)
``chroma``                all of a batch's vectors were added to Chroma, before the catalog commit
``catalog.inside``        inside the catalog commit transaction (chunks written, not committed)
``catalog``               the catalog commit of a batch is durable
``file``                  every batch of a file is committed, before the file itself is recorded as ingested
``delete``                documents' vectors were deleted from Chroma, before their catalog rows
``bm25``                  the BM25 index was built in memory, before it is written
``bm25.tmp``              the BM25 index was written to its temporary directory, before the atomic rename
``bm25.saved``            the BM25 index was renamed into place
========================  ============================================================================================
"""

from __future__ import annotations

import os
import signal

ENV = "BRIEF_CRASH_AT"
PHASES = frozenset({
    "read", "embed", "embed.cached", "catalog.begin", "chroma.deleted", "chroma.part", "chroma", "catalog.inside",
    "catalog", "file", "delete", "bm25", "bm25.tmp", "bm25.saved",
})


def _parse(spec: str | None) -> tuple[str, int] | None:
    if not spec:
        return None
    phase, _, nth = spec.strip().rpartition(":")
    if phase not in PHASES or not nth.isdigit() or int(nth) < 1:
        raise ValueError(f"{ENV}={spec!r}: expected '<phase>:<n>' with n >= 1 and a phase of {sorted(PHASES)}")
    return phase, int(nth)


_TARGET = _parse(os.environ.get(ENV))
_counts: dict[str, int] = {}


def arm(spec: str | None) -> None:
    """Set the kill point from a ``"<phase>:<n>"`` spec (None disarms) and reset the counts: for a test process
    forked from a warmed-up parent, which imported this module before ``BRIEF_CRASH_AT`` was set."""
    global _TARGET
    _TARGET = _parse(spec)
    _counts.clear()


def reached(phase: str) -> None:
    """Count one arrival at ``phase``; SIGKILL this process if it is the arrival ``BRIEF_CRASH_AT`` names."""
    if _TARGET is None:
        return
    count = _counts.get(phase, 0) + 1
    _counts[phase] = count
    if (phase, count) == _TARGET:
        os.kill(os.getpid(), signal.SIGKILL)
