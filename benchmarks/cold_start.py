"""Cold start: `brief --help` and `brief search` each in a new process, median of N runs (wall and CPU).

    python benchmarks/cold_start.py --data-dir DIR [--runs 5] [--query "..."] [--src OTHER_CHECKOUT] [--json]
    python benchmarks/cold_start.py --data-dir DIR --importtime [--top 15]     # where a cold `brief search` imports

DIR holds an index (e.g. `BRIEF_DATA_DIR=DIR brief ingest corpus`). ``--src`` runs another checkout's
``rag`` package (an exported older commit: ``git archive COMMIT | tar -x -C /tmp/old``) with this
environment's dependencies, for before/after figures in the same minute. CPU time (user + sys of the child)
moves far less with the machine's load than wall time; both are printed with the load average.
``--importtime`` runs one `brief search` under ``python -X importtime`` and prints the import time by top-level
package (self time summed, so nothing is counted twice) and the slowest single imports with their cumulative time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchlib import REPO_ROOT, machine


def one_run(argv: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall s, child CPU s) of one process; raises when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(argv: list[str], env: dict, runs: int, cwd: Path) -> dict:
    """Median and spread of wall and CPU seconds over ``runs`` runs (after one untimed warm-up of the file cache)."""
    one_run(argv, env, cwd)
    walls, cpus = zip(*(one_run(argv, env, cwd) for _ in range(runs)))
    return {"runs": runs, "wall_median_s": round(statistics.median(walls), 2), "wall_min_s": round(min(walls), 2),
            "cpu_median_s": round(statistics.median(cpus), 2), "cpu_min_s": round(min(cpus), 2)}


def import_times(argv: list[str], env: dict, cwd: Path) -> list[tuple[str, int, int, int]]:
    """(module, self µs, cumulative µs, depth) of every import of one run of ``argv`` under ``-X importtime``."""
    done = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], env=env, cwd=cwd, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((m[4], int(m[1]), int(m[2]), len(m[3]) // 2))
    return rows


def print_import_times(rows: list[tuple[str, int, int, int]], top: int) -> None:
    by_package: dict[str, int] = {}
    for module, self_us, _, _ in rows:
        by_package[module.split(".")[0]] = by_package.get(module.split(".")[0], 0) + self_us
    total = sum(by_package.values())
    print(f"imports: {len(rows)} modules, {total / 1e6:.2f} s of self time (wall, this machine's load included)")
    print("by top-level package (self time):")
    for name, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {name:<28} {us / 1e3:8.0f} ms  {100 * us / total:5.1f} %")
    print("slowest imports (cumulative: with what they import):")
    for module, _, cum, depth in sorted(rows, key=lambda r: -r[2])[:top]:
        print(f"  {module:<50} {cum / 1e3:8.0f} ms  depth {depth}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--query", default="export controls on advanced chips")
    ap.add_argument("--src", type=Path, help="another checkout whose rag package to run")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--importtime", action="store_true", help="one `brief search` under -X importtime, summarized")
    ap.add_argument("--top", type=int, default=15, help="rows of the --importtime summary")
    args = ap.parse_args(argv)
    env = dict(os.environ, BRIEF_DATA_DIR=str(args.data_dir))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install has bytecode; compiling every run is not start-up
    cwd = REPO_ROOT
    if args.src:  # `python -m` puts the working directory first on sys.path, before PYTHONPATH
        cwd = args.src.resolve()
        env["PYTHONPATH"] = str(cwd)
    cli = [sys.executable, "-m", "rag.cli"]
    if args.importtime:
        one_run(cli + ["search", args.query, "-k", "5"], env, cwd)  # warm the file cache and the bytecode
        print_import_times(import_times(cli + ["search", args.query, "-k", "5"], env, cwd), args.top)
        return
    info = machine()
    result = {
        "machine": info,
        "help": measure(cli + ["--help"], env, args.runs, cwd),
        "search": measure(cli + ["search", args.query, "-k", "5"], env, args.runs, cwd),
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "src": str(args.src) if args.src else "this checkout",
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{info['date']}  commit {info['commit']}  {info['cpu']}  nproc {info['nproc']}  "
          f"load {info['loadavg']} -> {result['loadavg_after']}  src {result['src']}")
    for name in ("help", "search"):
        r = result[name]
        print(f"brief {name:<6} wall median {r['wall_median_s']:.2f} s (min {r['wall_min_s']:.2f})  "
              f"CPU median {r['cpu_median_s']:.2f} s (min {r['cpu_min_s']:.2f})  over {r['runs']} runs")


if __name__ == "__main__":
    main()
