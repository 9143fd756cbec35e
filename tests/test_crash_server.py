"""`brief serve` SIGKILLed during an upload and during a delete (``BRIEF_CRASH_AT`` in the server's environment):
after a restart, repeating the request leaves the index consistent (`brief doctor` clean), the upload indexed
exactly once and the deleted document gone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from servers import stop_process, wait_until_up

from scripted_llm import free_port

pytestmark = pytest.mark.integration

STARTUP_SECONDS = 180  # importing chromadb/llama-index/onnxruntime is slow on a loaded 2-core machine
KEPT = (
    "Seoul, 3 March. South Korea's trade ministry said on Monday that exports of memory chips to Vietnam rose "
    "for a fourth month, while shipments of lithography parts from the Netherlands were delayed by new licence "
    "checks. Officials expect the licence backlog to clear before the summer.\n"
)
DELETED = (
    "Taipei, 9 April. A Taiwanese court fined a machine-tool exporter for shipping grinding equipment to a "
    "sanctioned buyer through a Malaysian intermediary. Prosecutors said the equipment could make drone engine "
    "parts; the company plans to appeal the ruling.\n"
)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", *args]


class Server:
    """One `brief serve` process on a data dir, optionally with a kill point."""

    def __init__(self, data: Path, crash: str | None = None) -> None:
        self.base = f"http://127.0.0.1:{free_port()}"
        env = {k: v for k, v in os.environ.items() if k != "BRIEF_CRASH_AT"}
        env["BRIEF_DATA_DIR"] = str(data)
        if crash:
            env["BRIEF_CRASH_AT"] = crash
        self.log_path = data / f"server-{crash or 'clean'}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("a", encoding="utf-8")
        port = self.base.rsplit(":", 1)[1]
        self.proc = subprocess.Popen(_cli("serve", "--port", port), env=env, stdout=self._log, stderr=subprocess.STDOUT)
        wait_until_up(self.proc, f"{self.base}/healthz", log_path=self.log_path, timeout=STARTUP_SECONDS, poll=0.5)

    def request(self, method: str, path: str, **kw) -> httpx.Response:
        return httpx.request(method, self.base + path, timeout=300, **kw)

    def dies_on(self, method: str, path: str, **kw) -> None:
        """The request kills the server: no response, and the process ended by SIGKILL."""
        with pytest.raises(httpx.TransportError):
            self.request(method, path, **kw)
        assert self.proc.wait(timeout=60) == -9, self.log_path.read_text()[-2000:]
        self._log.close()

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()


def _upload(server: Server, name: str, text: str) -> httpx.Response:
    return server.request("POST", "/v1/documents", files={"file": (name, text.encode(), "text/plain")})


def _doctor(data: Path) -> dict:
    env = {**os.environ, "BRIEF_DATA_DIR": str(data)}
    env.pop("BRIEF_CRASH_AT", None)
    done = subprocess.run(_cli("doctor", "--json"), env=env, capture_output=True, text=True, timeout=600)
    report = json.loads(done.stdout)
    assert done.returncode == (0 if report["clean"] else 1), done.stderr
    return report


def _listed(server: Server) -> list[str]:
    page = server.request("GET", "/v1/documents", params={"limit": 100}).json()
    return [d["doc_id"] for d in page["items"]]


def test_server_killed_during_upload_and_delete(tmp_path: Path):
    data = tmp_path / "data"

    # 1. killed between Chroma's add and the catalog commit of an upload
    Server(data, crash="chroma:1").dies_on("POST", "/v1/documents", files={"file": ("kept.txt", KEPT.encode(), "text/plain")})
    found = _doctor(data)
    assert {p["kind"] for p in found["problems"]} == {"pending_documents", "orphan_vectors"}

    # 2. restarted: the same upload again is indexed once; a second document is added for step 3
    server = Server(data)
    try:
        first = _upload(server, "kept.txt", KEPT)
        assert first.status_code == 200, first.text
        kept = [d["doc_id"] for d in first.json()["documents"]]
        assert [d["status"] for d in first.json()["documents"]] == ["added"]
        second = _upload(server, "deleted.txt", DELETED)
        assert second.status_code == 200, second.text
        (gone,) = [d["doc_id"] for d in second.json()["documents"]]
        assert sorted(_listed(server)) == sorted(kept + [gone])
    finally:
        server.stop()

    # 3. killed between the delete's Chroma step and its catalog step
    Server(data, crash="delete:1").dies_on("DELETE", f"/v1/documents/{gone}")
    assert {p["kind"] for p in _doctor(data)["problems"]} == {"missing_vectors"}  # the catalog still holds it

    # 4. restarted: the delete again finishes it
    server = Server(data)
    try:
        assert server.request("DELETE", f"/v1/documents/{gone}").status_code == 204
        assert server.request("GET", f"/v1/documents/{gone}").status_code == 404
        assert _listed(server) == kept
        hits = server.request("GET", "/v1/search", params={"q": "memory chip exports to Vietnam"}).json()
        assert hits["hits"] and {h["doc_id"] for h in hits["hits"]} == set(kept), hits
    finally:
        server.stop()

    report = _doctor(data)
    assert report["clean"] and report["counts"]["documents"] == 1 and report["counts"]["vectors"] == report["counts"]["chunks"]
