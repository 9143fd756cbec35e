"""Regenerate docs/screenshots/{ask,brief,library}.png: one screenshot per main view of the page.

Starts `brief serve` on a free loopback port with a fresh data dir holding the sample corpus (or uses
--base URL of a running server), drives Debian's headless Chromium with Playwright (pip install -e
".[browser]"; apt-get install chromium; never `playwright install`) and writes small PNGs.

    python docs/screenshots.py [--base http://127.0.0.1:8000] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1100, "height": 720}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def sample_server():
    """`brief serve` on a fresh data dir with corpus/ ingested; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="brief-shots-") as data:
        env = {**os.environ, "BRIEF_DATA_DIR": data}
        cli = [sys.executable, "-m", "rag.cli"]
        subprocess.run([*cli, "ingest", str(REPO / "corpus")], env=env, check=True, capture_output=True)
        port = _free_port()
        proc = subprocess.Popen([*cli, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 240
            while True:
                try:
                    if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"brief serve did not come up on {base}")
                time.sleep(0.5)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def shoot(base: str, chromium: str) -> list[Path]:
    """Take the three screenshots against ``base``; returns the files written."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        page.set_default_timeout(180_000)

        page.goto(f"{base}/")
        page.fill("#question", "Why did Japan deny cybersecurity approval to Chinese battery makers?")
        page.keyboard.press("Enter")
        page.wait_for_selector(".answer[data-answer-id]")
        page.click(".answer .cite >> nth=0")
        page.wait_for_selector("#cited-span")
        written.append(OUT / "ask.png")
        page.screenshot(path=written[-1])

        page.goto(f"{base}/brief")
        page.fill("#topic", "China export controls on Japanese firms")
        page.select_option("#template", "assessment")
        page.click("#brief-button")
        page.wait_for_selector(".brief")
        page.evaluate("() => document.querySelector('#brief-out').scrollIntoView()")
        written.append(OUT / "brief.png")
        page.screenshot(path=written[-1])

        page.goto(f"{base}/library")
        page.wait_for_selector("#docs-table tbody tr")
        page.fill("#search-q", "chip smuggling prosecutions")
        page.click("#search-form button[type=submit]")
        page.wait_for_selector("#search-results .hit")
        written.append(OUT / "library.png")
        page.screenshot(path=written[-1])
        browser.close()
    return written


def shrink(path: Path, colors: int = 64) -> None:
    """Re-save as a palette PNG (about a third of the size) when Pillow is installed; otherwise leave it."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as img:
        small = img.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", help="URL of a running `brief serve` (default: start one on the sample corpus)")
    ap.add_argument("--chromium", default=os.environ.get("BRIEF_CHROMIUM", "/usr/bin/chromium"))
    args = ap.parse_args()
    if args.base:
        files = shoot(args.base.rstrip("/"), args.chromium)
    else:
        with sample_server() as base:
            files = shoot(base, args.chromium)
    for f in files:
        shrink(f)
        print(f"{f.relative_to(REPO)}  {f.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
