"""A short load run of a real `brief serve` (benchmarks/api_load.py, 4 clients × 10 s on loopback): every
request of the search / ask / brief / upload / delete mix succeeds and the index is consistent afterwards.

Timing and memory are not asserted here (the machine may be shared); the long run (16 clients, >= 1,000
requests, RSS growth) is `scripts/reliability_long.sh`, figures in docs/reliability.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.integration


def test_short_mixed_load_has_no_errors_and_leaves_a_consistent_index(tmp_path, sample_index):
    from conftest import copy_sqlite

    data = tmp_path / "data"
    # The sample corpus's embeddings are reused (the cache is keyed by text), so the run's ingest embeds nothing.
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    out = tmp_path / "report.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "api_load.py"), "--data-dir", str(data), "--ingest", str(ROOT / "corpus"),
         "--clients", "4", "--duration", "10", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert out.is_file(), f"no report (exit {run.returncode}):\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["errors"] == 0, json.dumps(report["endpoints"], indent=1)
    assert set(report["endpoints"]) <= {"search", "ask", "brief", "upload", "delete"} and "search" in report["endpoints"]
    assert report["uploads"]["added"] >= 2 and report["uploads"]["deleted"] >= 1  # the warm-up uploads, then deletes one
    assert report["api_consistency"]["ok"], report["api_consistency"]
    assert report["consistency"]["ok"], report["consistency"]
    assert report["memory"]["ok"] is not False, report["memory"]
    assert run.returncode == 0, run.stdout[-3000:]
