"""Measure what each kill point leaves behind and what the rerun redoes: the table in docs/reliability.md.

    python benchmarks/crash_points.py            # every point of tests/test_crash_points.py (7 min on the loaded shared 2-core machine)

For each point: a fresh ingest killed there, then `brief doctor`'s findings (before any rerun), then a rerun of
`brief ingest` (chunks written and embedded again) and the doctor again. Uses the crash tests' runner and inputs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

os.environ.pop("BRIEF_CRASH_AT", None)
for key in [k for k in os.environ if k.startswith("BRIEF_")]:
    del os.environ[key]

from conftest import CORPUS_DIR, copy_sqlite  # noqa: E402
from test_crash_points import FRESH_POINTS, UPDATE_POINTS, Runner, _update_inputs, _write_inputs  # noqa: E402


def _summary(stdout: str) -> tuple[int, int]:
    m = re.search(r"chunks: (\d+) written, (\d+) embedded", stdout)
    return (int(m.group(1)), int(m.group(2))) if m else (-1, -1)


def _call(runner: Runner, data: Path, function: str) -> dict:
    run = runner.job({"kind": "call", "function": function}, data, None, None)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="crash-points-"))
    os.environ["BRIEF_CONFIG_FILE"] = str(work / "no-such-brief.toml")
    runner = Runner(work)
    try:
        seed = work / "seed"
        assert runner.brief("ingest", str(CORPUS_DIR), data_dir=seed).returncode == 0
        inputs = _write_inputs(work / "inputs")
        full = work / "full"
        copy_sqlite(seed / "embedding-cache.sqlite", full / "embedding-cache.sqlite")
        assert runner.brief("ingest", str(inputs), data_dir=full).returncode == 0
        mutable = _write_inputs(work / "mutable")
        before = work / "before"
        copy_sqlite(full / "embedding-cache.sqlite", before / "embedding-cache.sqlite")
        assert runner.brief("ingest", str(mutable), data_dir=before).returncode == 0
        _update_inputs(mutable)

        print("| Kill point | Left behind (doctor, before any rerun) | Rerun | Lost |")
        print("|---|---|---|---|")
        for scenario, points in (("ingest", FRESH_POINTS), ("update", UPDATE_POINTS)):
            for point in points:
                data = work / f"{scenario}-{point}"
                if scenario == "update":
                    shutil.copytree(before, data)
                    args = ["ingest", "--prune", str(mutable)]
                else:
                    cache = seed if point.startswith("embed") else full
                    copy_sqlite(cache / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
                    args = ["ingest", str(inputs)]
                killed = runner.brief(*args, data_dir=data, crash=point)
                assert killed.returncode == -9, (point, killed.stderr)
                left = _call(runner, data, "problems")
                rerun = runner.brief(*args, data_dir=data)
                written, embedded = _summary(rerun.stdout)
                after = _call(runner, data, "problems")
                found = ", ".join(f"{k} {v}" for k, v in left["problems"].items()) or "nothing"
                status = "clean" if not after["problems"] and rerun.returncode == 0 else f"NOT CLEAN: {after['problems']}"
                label = f"`{point}`" + (" (update + prune)" if scenario == "update" else "")
                print(f"| {label} | {found} | exit {rerun.returncode}, {written} chunks written, {embedded} embedded; doctor {status} | "
                      f"{'nothing' if status == 'clean' else 'see left'} |", flush=True)
    finally:
        runner.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
