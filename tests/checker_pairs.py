"""Shared helper of the checker's pair specs: which (claim, passage, expected supported) rows a checker misjudges."""

from __future__ import annotations

from typing import Any, Sequence


def misjudged(checker: Any, rows: Sequence[tuple[str, str, bool]]) -> list[tuple[str, float, tuple[str, ...]]]:
    """(claim, score, reasons) of each row whose verdict by ``checker`` (``SupportChecker.check_many``, one passage
    per claim) is not the expected one; empty when every row is judged as expected."""
    results = checker.check_many([(claim, [passage]) for claim, passage, _ in rows])
    return [(claim, r.score, r.reasons) for (claim, _, want), r in zip(rows, results) if r.supported != want]
