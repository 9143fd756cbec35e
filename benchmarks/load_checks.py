"""Verdicts for a load run (used by ``api_load.py``): server memory growth and index consistency afterwards."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import httpx

MIB = 1024 * 1024

def memory_verdict(timeline: list[tuple[float, int, int]], *, warmup_requests: int, min_requests: int,
                   tolerance_mib: float, window: int = 10) -> dict:
    """Server RSS growth from ``timeline`` rows (seconds, requests done, RSS bytes).

    The baseline is the median RSS of the ``window`` samples once ``warmup_requests`` were done, the end the
    median of the last ``window`` samples; the slope (MiB per 1,000 requests) is a least-squares fit over the
    samples after warm-up. ``ok`` is None (not judged) when fewer than ``min_requests`` ran after warm-up.
    """
    after = [row for row in timeline if row[1] >= warmup_requests]
    out: dict = {"warmup_requests": warmup_requests, "tolerance_mib": tolerance_mib, "samples": len(timeline),
                 "requests_after_warmup": (after[-1][1] - after[0][1]) if after else 0}
    if len(after) < 2 * window:
        out.update(ok=None, reason=f"only {len(after)} RSS samples after warm-up (need {2 * window})")
        return out
    base = statistics.median(r[2] for r in after[:window]) / MIB
    end = statistics.median(r[2] for r in after[-window:]) / MIB
    half = after[len(after) // 2:]
    out.update(baseline_mib=round(base, 1), end_mib=round(end, 1), growth_mib=round(end - base, 1),
               slope_mib_per_1000_requests=round(_slope(after), 2),
               slope_second_half_mib_per_1000_requests=round(_slope(half), 2),
               peak_mib=round(max(r[2] for r in after) / MIB, 1))
    if out["requests_after_warmup"] < min_requests:
        out.update(ok=None, reason=f"{out['requests_after_warmup']} requests after warm-up (need {min_requests})")
    else:
        out["ok"] = end - base <= tolerance_mib
    return out


def _slope(rows: list[tuple[float, int, int]]) -> float:
    """Least-squares slope of RSS (MiB) over requests done (thousands)."""
    xs = [r[1] / 1000 for r in rows]
    ys = [r[2] / MIB for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0


def api_consistency(http: httpx.Client, live: list[str], deleted: list[str]) -> dict:
    """While the server runs: every surviving upload is listed (200), every deleted one is gone (404), and the
    document list's total equals the catalog count /readyz reports."""
    missing = [d for d in live if http.get(f"/v1/documents/{d}").status_code != 200]
    revived = [d for d in deleted if http.get(f"/v1/documents/{d}").status_code != 404]
    listed = http.get("/v1/documents", params={"limit": 1}).json()["total"]
    ready = http.get("/readyz").json()["checks"].get("index", {})
    out = {"live_uploads": len(live), "deleted_uploads": len(deleted), "live_missing": missing[:10],
           "deleted_still_there": revived[:10], "listed_total": listed, "ready_documents": ready.get("documents")}
    out["ok"] = not missing and not revived and listed == ready.get("documents")
    return out


def offline_consistency(data_dir: Path) -> dict:
    """After the server stopped: ``brief doctor --json`` on ``data_dir`` (``ok`` when it exits 0, i.e. clean)."""
    env = {**os.environ, "BRIEF_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-m", "rag.cli", "doctor", "--json"], env=env,
                          capture_output=True, text=True, timeout=1800)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        report = {"stdout": done.stdout[-2000:]}
    return {"method": "brief doctor --json", "exit": done.returncode, "report": report,
            "stderr": done.stderr[-2000:], "ok": done.returncode == 0}
