"""Reading the evaluation datasets: one JSONL reader for every suite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_jsonl(path: Path | str) -> list[dict[str, Any]]:
    """The JSON objects of a .jsonl file (blank lines skipped); ValueError naming ``path:line`` on bad JSON."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: invalid JSON: {exc}") from exc
    return rows
