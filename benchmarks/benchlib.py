"""What the benchmark scripts share: the machine/commit/load record, percentiles, sizes on disk, peak RSS."""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "realtimeqa-2022"


def machine() -> dict:
    """Date (UTC), commit (+ "-dirty"), CPU model, nproc and the 1/5/15-min load average right now."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), platform.processor())
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT, capture_output=True, text=True).stdout.strip()
        commit += "-dirty" if dirty else ""
    except OSError:
        commit = "unknown"
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu, "nproc": os.cpu_count(), "commit": commit,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def percentiles(ms: list[float]) -> dict:
    """n, mean, p50, p95, p99 and max of latencies in milliseconds (rounded to 0.1 ms)."""
    arr = np.asarray(ms, dtype=float)
    if arr.size == 0:
        return {"n": 0}
    return {"n": int(arr.size), "mean_ms": round(float(arr.mean()), 1), "p50_ms": round(float(np.percentile(arr, 50)), 1),
            "p95_ms": round(float(np.percentile(arr, 95)), 1), "p99_ms": round(float(np.percentile(arr, 99)), 1),
            "max_ms": round(float(arr.max()), 1)}


def dir_size(path: Path) -> int:
    """Bytes of all files under ``path``, or of the file ``path`` itself (0 when it does not exist)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, MiB."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20


def rss_bytes(pid: int) -> int | None:
    """Current resident set size of process ``pid`` in bytes (psutil if installed, else /proc); None when gone."""
    try:
        import psutil  # type: ignore

        return int(psutil.Process(pid).memory_info().rss)
    except ImportError:
        pass
    except Exception:  # noqa: BLE001 - process gone
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None
