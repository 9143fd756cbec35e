"""Load test of the HTTP API: N concurrent clients mixing search, ask, brief, upload and delete requests.

Loopback only, bounded (clients <= 32, duration <= 600 s, a request cap) and self-stopping. Either starts
``brief serve`` as a subprocess on a free 127.0.0.1 port for a data directory (optionally ingesting a corpus
first), or uses a running server given by ``--url``.

    python benchmarks/api_load.py --data-dir /tmp/bench-data --ingest corpus --clients 16 --duration 120 --min-requests 1000
    python benchmarks/api_load.py --url http://127.0.0.1:8000 --clients 2 --duration 30 --server-pid 12345

Uploads are small generated JSON articles (each with a unique marker word); deletes remove earlier uploads of
the same run. Reports throughput, p50/p95/p99 latency per endpoint, the error count (non-2xx or transport
errors), the server's RSS sampled every second, its growth between the end of warm-up and the end of the run
(with a least-squares slope per 1,000 requests), and consistency afterwards: surviving uploads listed, deleted
ones gone, then, with ``--data-dir``, after the server stopped, ``brief doctor --json``. Exit status 1 on any
error, a failed check or memory over the tolerance.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import rss_bytes  # noqa: E402
from load_checks import api_consistency, memory_verdict, offline_consistency  # noqa: E402

MAX_CLIENTS = 32
MAX_DURATION = 600.0
ENDPOINTS = ("search", "ask", "brief", "upload", "delete")

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
# Parts of generated upload articles: random combinations, so no two uploads are (near-)duplicates.
FIRMS = ["Norvale Semiconductor", "Kestrel Optics", "Baltic Lithography", "Aranda Memory", "Suncrest Foundry",
         "Meridian Wafer", "Halden Photonics", "Tarsis Microsystems"]
PLACES = ["Gdansk", "Porto", "Tartu", "Brno", "Valencia", "Oulu", "Ljubljana", "Cork"]
THINGS = ["etching tools", "photomasks", "wafer steppers", "clean-room filters", "test probes", "ion implanters"]
VERBS = ["halted shipments of", "expanded production of", "recalled", "licensed the design of", "stockpiled"]


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
    timeline: list[tuple[float, int, int]] = field(default_factory=list)  # (seconds, requests done, RSS bytes)
    live: list[str] = field(default_factory=list)  # doc ids of this run's uploads not deleted yet
    deleted: list[str] = field(default_factory=list)
    uploads_not_added: list[str] = field(default_factory=list)  # statuses other than "added"
    n_uploads: int = 0

    def add(self, s: Sample) -> None:
        with self.lock:
            self.samples.append(s)

    def take_upload(self, rng: random.Random) -> str | None:
        with self.lock:
            return self.live.pop(rng.randrange(len(self.live))) if self.live else None

    def next_upload(self) -> int:
        with self.lock:
            self.n_uploads += 1
            return self.n_uploads


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_loopback_url(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def note(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def start_server(data_dir: Path, ingest: list[Path], log_path: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "BRIEF_DATA_DIR": str(data_dir)}
    if ingest:
        note(f"ingesting {', '.join(map(str, ingest))} into {data_dir} ...")
        subprocess.run([sys.executable, "-m", "rag.cli", "ingest", *map(str, ingest)], env=env, check=True, timeout=1800)
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


def article(tag: str, n: int, rng: random.Random) -> dict:
    """A small generated news article; ``tag`` + ``n`` make a marker word unique to this upload."""
    sentences = []
    for _ in range(rng.randint(4, 7)):
        sentences.append(f"{rng.choice(FIRMS)} {rng.choice(VERBS)} {rng.randint(2, 9000)} {rng.choice(THINGS)} "
                         f"at its {rng.choice(PLACES)} site on {rng.randint(1, 28)} March 2026.")
    marker = f"loadmark{tag}x{n}"
    return {"title": f"{rng.choice(FIRMS)} and {rng.choice(THINGS)}: report {marker}",
            "text": " ".join(sentences) + f" The filing reference was {marker}.",
            "published": f"2026-03-{rng.randint(1, 28):02d}", "publisher": "Load Test Wire"}


def request_for(endpoint: str, rng: random.Random, run: Run, tag: str) -> tuple[str, str, str, dict]:
    """(endpoint actually used, method, path, httpx keyword arguments); a delete with nothing to delete uploads."""
    if endpoint == "search":
        return endpoint, "GET", "/v1/search", {"params": {"q": rng.choice(SEARCHES), "k": 8}}
    if endpoint == "ask":
        return endpoint, "POST", "/v1/ask", {"json": {"question": rng.choice(QUESTIONS)}}
    if endpoint == "brief":
        return endpoint, "POST", "/v1/briefs", {"json": {"topic": rng.choice(TOPICS), "template": "situation"}}
    if endpoint == "delete":
        doc_id = run.take_upload(rng)
        if doc_id is not None:
            return endpoint, "DELETE", f"/v1/documents/{doc_id}", {}
        endpoint = "upload"
    if endpoint == "upload":
        return endpoint, "POST", "/v1/documents", {"json": article(tag, run.next_upload(), rng)}
    raise ValueError(endpoint)


def record(run: Run, endpoint: str, path: str, r: httpx.Response) -> None:
    """Track this run's uploads (live after 'added') and deletes, for the consistency checks."""
    if endpoint == "upload" and r.is_success:
        for d in r.json().get("documents", []):
            with run.lock:
                (run.live if d["status"] == "added" else run.uploads_not_added).append(d["doc_id"])
    elif endpoint == "delete" and r.status_code == 204:
        with run.lock:
            run.deleted.append(path.rsplit("/", 1)[1])


def client_loop(i: int, url: str, headers: dict, mix: list[str], deadline: float, stop_at: tuple[int, int, float],
                run: Run, seed: int, tag: str) -> None:
    """Requests until the deadline (extended until ``min_requests`` ran, at most to the hard deadline) or the cap."""
    min_requests, max_requests, hard_deadline = stop_at
    rng = random.Random(seed + i)
    with httpx.Client(base_url=url, headers=headers, timeout=300) as http:
        while True:
            now = time.monotonic()
            with run.lock:
                done = len(run.samples)
            if done >= max_requests or now >= hard_deadline or (now >= deadline and done >= min_requests):
                return
            endpoint, method, path, kw = request_for(rng.choice(mix), rng, run, tag)
            t0 = time.perf_counter()
            try:
                r = http.request(method, path, **kw)
                status, err = r.status_code, ("" if r.is_success else r.text[:200])
                record(run, endpoint, path, r)
            except httpx.HTTPError as exc:
                status, err = 0, f"{type(exc).__name__}: {exc}"
            run.add(Sample(endpoint, status, time.perf_counter() - t0, err))


def sample_rss(pid: int | None, stop: threading.Event, run: Run, started: float) -> None:
    while pid and not stop.wait(1.0):
        value = rss_bytes(pid)
        if value:
            with run.lock:
                run.timeline.append((round(time.monotonic() - started, 1), len(run.samples), value))


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
    peak = max((r[2] for r in run.timeline), default=0)
    out["server_rss_mib"] = {
        "before": round(rss_before / mib, 1) if rss_before else None,
        "peak": round(peak / mib, 1) if peak else None,
        "after": round(rss_after / mib, 1) if rss_after else None,
        "timeline": [[t, n, round(v / mib, 1)] for t, n, v in run.timeline],
    }
    out["uploads"] = {"added": len(run.live) + len(run.deleted), "deleted": len(run.deleted),
                      "not_added": len(run.uploads_not_added)}
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
    step = max(1, len(r["timeline"]) // 12)
    print("  RSS over time (s, requests, MiB): " + ", ".join(f"{t:.0f}s/{n}/{v}" for t, n, v in r["timeline"][::step]))
    m = report.get("memory", {})
    if m:
        verdict = {True: "OK", False: "GROWS", None: "not judged"}[m.get("ok")]
        print(f"memory {verdict}: baseline {m.get('baseline_mib')} MiB after {m['warmup_requests']} warm-up requests, "
              f"end {m.get('end_mib')} MiB, growth {m.get('growth_mib')} MiB (tolerance {m['tolerance_mib']}), "
              f"slope {m.get('slope_mib_per_1000_requests')} MiB/1,000 requests over {m['requests_after_warmup']} "
              f"requests ({m.get('slope_second_half_mib_per_1000_requests')} over the second half of them)"
              f"{' - ' + m['reason'] if m.get('reason') else ''}")
    u = report["uploads"]
    print(f"uploads: {u['added']} added, {u['deleted']} deleted, {u['not_added']} not added")
    for key in ("api_consistency", "consistency"):
        c = report.get(key)
        if c:
            print(f"{key}: {'OK' if c.get('ok') else 'FAILED'} {json.dumps({k: v for k, v in c.items() if k != 'ok'})[:600]}")


def parse_mix(text: str) -> list[str]:
    mix: list[str] = []
    for part in text.split(","):
        name, _, weight = part.partition("=")
        name = name.strip()
        if name not in ENDPOINTS:
            raise SystemExit(f"unknown endpoint in --mix: {name!r} (one of {', '.join(ENDPOINTS)})")
        mix += [name] * max(0, int(weight or 1))
    if not mix:
        raise SystemExit("--mix selects nothing")
    return mix


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--url", help="A running server (loopback only), e.g. http://127.0.0.1:8000")
    src.add_argument("--data-dir", type=Path, help="Start `brief serve` on this data dir (free loopback port).")
    ap.add_argument("--ingest", type=Path, action="append", default=[], help="With --data-dir: ingest this path first (repeatable).")
    ap.add_argument("--server-pid", type=int, help="With --url: PID of the server, for RSS.")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--duration", type=float, default=30.0, help="Seconds of load (after the one-request-per-endpoint warm-up).")
    ap.add_argument("--min-requests", type=int, default=0,
                    help=f"Keep going past --duration until this many requests ran (never past {MAX_DURATION:.0f} s).")
    ap.add_argument("--max-requests", type=int, default=20_000, help="Stop after this many requests in total.")
    ap.add_argument("--mix", default="search=5,ask=2,brief=1,upload=2,delete=1", help="Endpoint weights.")
    ap.add_argument("--warmup-requests", type=int, default=200,
                    help="Requests before the memory baseline is taken (caches, BM25 rebuilds, arenas).")
    ap.add_argument("--memory-min-requests", type=int, default=1000,
                    help="Judge memory growth only with at least this many requests after warm-up.")
    ap.add_argument("--rss-tolerance-mib", type=float, default=64.0,
                    help="Allowed RSS growth between the end of warm-up and the end of the run.")
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
    tag = f"{os.getpid()}{int(time.time()) % 100000}"

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
        note(f"waiting for {url}/readyz (loads the embedder) ...")
        wait_ready(url, headers, proc)
        note("warm-up: one request per endpoint ...")
        run = Run()
        with httpx.Client(base_url=url, headers=headers, timeout=300) as http:  # warm-up, not measured
            rng = random.Random(args.seed)
            for endpoint in [e for e in ENDPOINTS if e in mix]:  # upload before delete: a real delete
                endpoint, method, path, kw = request_for(endpoint, rng, run, tag)
                r = http.request(method, path, **kw)
                if not r.is_success:
                    raise SystemExit(f"warm-up {endpoint} failed: {r.status_code} {r.text[:300]}")
                record(run, endpoint, path, r)
        rss_before = rss_bytes(pid) if pid else None
        stop = threading.Event()
        started = time.monotonic()
        sampler = threading.Thread(target=sample_rss, args=(pid, stop, run, started), daemon=True)
        sampler.start()
        note(f"load: {args.clients} clients, {args.duration:.0f} s (at least {args.min_requests} requests) ...")
        stop_at = (args.min_requests, args.max_requests, started + MAX_DURATION)
        threads = [threading.Thread(target=client_loop,
                                    args=(i, url, headers, mix, started + args.duration, stop_at, run, args.seed, tag))
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - started
        stop.set()
        sampler.join(timeout=3)
        report = summarize(run, wall, args.clients, rss_before, rss_bytes(pid) if pid else None)
        report["memory"] = memory_verdict(run.timeline, warmup_requests=args.warmup_requests,
                                          min_requests=args.memory_min_requests, tolerance_mib=args.rss_tolerance_mib)
        note("checking uploads and deletes through the API ...")
        with httpx.Client(base_url=url, headers=headers, timeout=300) as http:
            report["api_consistency"] = api_consistency(http, run.live, run.deleted)
        report.update({"url": url, "mix": args.mix, "date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(),
                       "loadavg_after": [round(x, 2) for x in os.getloadavg()]})
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
    if args.data_dir is not None:
        note("server stopped; checking the data dir ...")
        report["consistency"] = offline_consistency(args.data_dir)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    failed = (report["errors"] or report["memory"].get("ok") is False or not report["api_consistency"]["ok"]
              or not report.get("consistency", {"ok": True})["ok"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
