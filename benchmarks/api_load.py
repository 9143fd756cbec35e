"""Load test of the HTTP API: N concurrent clients mixing search, ask and brief requests.

Loopback only, bounded (clients <= 32, duration <= 600 s, optional request cap) and self-stopping.
Either starts ``brief serve`` as a subprocess on a free 127.0.0.1 port for a data directory (optionally
ingesting a corpus first), or uses a running server given by ``--url``.

    python benchmarks/api_load.py --data-dir /tmp/bench-data --ingest corpus --clients 4 --duration 60
    python benchmarks/api_load.py --url http://127.0.0.1:8000 --clients 2 --duration 30 --server-pid 12345

Reports throughput, p50/p95/p99 latency per endpoint, the error count (non-2xx or transport errors;
the exit status is 1 if any) and the server's resident memory (psutil if installed, else /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx

MAX_CLIENTS = 32
MAX_DURATION = 600.0

SEARCHES = [
    "battery makers cybersecurity approval",
    "chip smuggling prosecution",
    "export restrictions Japanese firms",
    "photoresist hydrogen fluoride exports South Korea",
    "technology leaks to China",
]
QUESTIONS = [
    "Why did Japan deny cybersecurity approval to Chinese battery makers?",
    "Which Japanese firms did China put under export restrictions?",
    "What did Korea pitch as a new chip hub?",
]
TOPICS = [
    "Japan's restrictions on Chinese battery makers",
    "China export controls on Japanese companies",
]


@dataclass
class Sample:
    endpoint: str
    status: int
    seconds: float
    error: str = ""


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    rss_peak: int = 0
    rss_samples: list[int] = field(default_factory=list)

    def add(self, s: Sample) -> None:
        with self.lock:
            self.samples.append(s)


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_loopback_url(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def rss_bytes(pid: int) -> int | None:
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


def start_server(data_dir: Path, ingest: Path | None, log_path: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "BRIEF_DATA_DIR": str(data_dir)}
    if ingest is not None:
        print(f"ingesting {ingest} into {data_dir} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "rag.cli", "ingest", str(ingest)], env=env, check=True, timeout=1800)
    port = free_port()
    log = log_path.open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    return proc, f"http://127.0.0.1:{port}"


def wait_ready(url: str, headers: dict[str, str], proc: subprocess.Popen | None, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"server exited with status {proc.returncode}")
        try:
            if httpx.get(f"{url}/readyz", headers=headers, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"server at {url} not ready after {timeout:.0f}s")


# --------------------------------------------------------------------------- clients


def request_for(endpoint: str, rng: random.Random) -> tuple[str, str, dict]:
    if endpoint == "search":
        return "GET", "/v1/search", {"params": {"q": rng.choice(SEARCHES), "k": 8}}
    if endpoint == "ask":
        return "POST", "/v1/ask", {"json": {"question": rng.choice(QUESTIONS)}}
    if endpoint == "brief":
        return "POST", "/v1/briefs", {"json": {"topic": rng.choice(TOPICS), "template": "situation"}}
    raise ValueError(endpoint)


def client_loop(i: int, url: str, headers: dict, mix: list[str], deadline: float, budget: list[int], run: Run, seed: int) -> None:
    rng = random.Random(seed + i)
    with httpx.Client(base_url=url, headers=headers, timeout=300) as http:
        while time.monotonic() < deadline:
            with run.lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            endpoint = rng.choice(mix)
            method, path, kw = request_for(endpoint, rng)
            t0 = time.perf_counter()
            try:
                r = http.request(method, path, **kw)
                status, err = r.status_code, ("" if r.is_success else r.text[:200])
            except httpx.HTTPError as exc:
                status, err = 0, f"{type(exc).__name__}: {exc}"
            run.add(Sample(endpoint, status, time.perf_counter() - t0, err))


def sample_rss(pid: int | None, stop: threading.Event, run: Run) -> None:
    while pid and not stop.wait(0.5):
        value = rss_bytes(pid)
        if value:
            run.rss_samples.append(value)
            run.rss_peak = max(run.rss_peak, value)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summarize(run: Run, wall: float, clients: int, rss_before: int | None, rss_after: int | None) -> dict:
    out: dict = {"clients": clients, "seconds": round(wall, 2), "requests": len(run.samples),
                 "errors": sum(1 for s in run.samples if not 200 <= s.status < 300),
                 "throughput_rps": round(len(run.samples) / wall, 3) if wall else 0.0, "endpoints": {}}
    for name in sorted({s.endpoint for s in run.samples}):
        lat = [s.seconds * 1000 for s in run.samples if s.endpoint == name]
        errs = [s for s in run.samples if s.endpoint == name and not 200 <= s.status < 300]
        out["endpoints"][name] = {
            "requests": len(lat), "errors": len(errs), "rps": round(len(lat) / wall, 3),
            "p50_ms": round(percentile(lat, 50), 1), "p95_ms": round(percentile(lat, 95), 1),
            "p99_ms": round(percentile(lat, 99), 1), "mean_ms": round(statistics.fmean(lat), 1),
            "first_errors": [f"{e.status} {e.error}" for e in errs[:3]],
        }
    mib = 1024 * 1024
    out["server_rss_mib"] = {
        "before": round(rss_before / mib, 1) if rss_before else None,
        "peak": round(run.rss_peak / mib, 1) if run.rss_peak else None,
        "after": round(rss_after / mib, 1) if rss_after else None,
    }
    return out


def print_report(report: dict) -> None:
    print(f"\n{report['requests']} requests in {report['seconds']} s from {report['clients']} clients: "
          f"{report['throughput_rps']} req/s, {report['errors']} errors")
    print(f"{'endpoint':<8} {'n':>5} {'req/s':>7} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9} {'errors':>7}")
    for name, e in report["endpoints"].items():
        print(f"{name:<8} {e['requests']:>5} {e['rps']:>7} {e['p50_ms']:>9} {e['p95_ms']:>9} {e['p99_ms']:>9} {e['errors']:>7}")
        for line in e["first_errors"]:
            print(f"    {line}")
    r = report["server_rss_mib"]
    print(f"server RSS MiB: before {r['before']}, peak {r['peak']}, after {r['after']}")


def parse_mix(text: str) -> list[str]:
    mix: list[str] = []
    for part in text.split(","):
        name, _, weight = part.partition("=")
        name = name.strip()
        if name not in ("search", "ask", "brief"):
            raise SystemExit(f"unknown endpoint in --mix: {name!r}")
        mix += [name] * max(0, int(weight or 1))
    if not mix:
        raise SystemExit("--mix selects nothing")
    return mix


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--url", help="A running server (loopback only), e.g. http://127.0.0.1:8000")
    src.add_argument("--data-dir", type=Path, help="Start `brief serve` on this data dir (free loopback port).")
    ap.add_argument("--ingest", type=Path, help="With --data-dir: ingest this path first.")
    ap.add_argument("--server-pid", type=int, help="With --url: PID of the server, for RSS.")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--duration", type=float, default=30.0, help="Seconds of load (after warm-up).")
    ap.add_argument("--max-requests", type=int, default=10_000, help="Stop after this many requests in total.")
    ap.add_argument("--mix", default="search=6,ask=3,brief=1", help="Endpoint weights.")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--api-key", default=os.environ.get("BRIEF_API_KEY"), help="Bearer key (default $BRIEF_API_KEY).")
    ap.add_argument("--json", type=Path, help="Also write the report here.")
    args = ap.parse_args(argv)

    if not 1 <= args.clients <= MAX_CLIENTS:
        raise SystemExit(f"--clients must be 1..{MAX_CLIENTS}")
    if not 0 < args.duration <= MAX_DURATION:
        raise SystemExit(f"--duration must be in (0, {MAX_DURATION:.0f}]")
    mix = parse_mix(args.mix)
    headers = {"Authorization": f"Bearer {args.api_key}"} if args.api_key else {}

    proc = None
    pid = args.server_pid
    if args.url:
        if not is_loopback_url(args.url):
            raise SystemExit("refusing to load-test a non-loopback URL")
        url = args.url.rstrip("/")
    else:
        args.data_dir.mkdir(parents=True, exist_ok=True)
        proc, url = start_server(args.data_dir, args.ingest, args.data_dir / "api-load-server.log")
        pid = proc.pid
    try:
        wait_ready(url, headers, proc)
        with httpx.Client(base_url=url, headers=headers, timeout=300) as http:  # warm-up, not measured
            rng = random.Random(args.seed)
            for endpoint in sorted(set(mix)):
                method, path, kw = request_for(endpoint, rng)
                r = http.request(method, path, **kw)
                if not r.is_success:
                    raise SystemExit(f"warm-up {endpoint} failed: {r.status_code} {r.text[:300]}")
        run = Run()
        rss_before = rss_bytes(pid) if pid else None
        stop = threading.Event()
        sampler = threading.Thread(target=sample_rss, args=(pid, stop, run), daemon=True)
        sampler.start()
        budget = [args.max_requests]
        started = time.monotonic()
        deadline = started + args.duration
        threads = [threading.Thread(target=client_loop, args=(i, url, headers, mix, deadline, budget, run, args.seed))
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - started
        stop.set()
        sampler.join(timeout=2)
        report = summarize(run, wall, args.clients, rss_before, rss_bytes(pid) if pid else None)
        report.update({"url": url, "mix": args.mix, "date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count()})
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
