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
from servers import BriefServer, brief_server, log_tail

pytestmark = pytest.mark.integration

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


def _env(data: Path, crash: str | None = None) -> dict[str, str]:
    """The environment of a `brief` process on ``data``, with the kill point ``crash`` armed (or none)."""
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_CRASH_AT"}
    env["BRIEF_DATA_DIR"] = str(data)
    if crash:
        env["BRIEF_CRASH_AT"] = crash
    return env


def _serve(data: Path, crash: str | None = None):
    """`brief serve` on ``data``, optionally with a kill point; its log is ``server-<crash or clean>.log``."""
    return brief_server(_env(data, crash), log_path=data / f"server-{crash or 'clean'}.log")


def _request(server: BriefServer, method: str, path: str, **kw) -> httpx.Response:
    return httpx.request(method, server.url + path, timeout=300, **kw)


def _dies_on(server: BriefServer, method: str, path: str, **kw) -> None:
    """The request kills the server: no response, and the process ended by SIGKILL."""
    with pytest.raises(httpx.TransportError):
        _request(server, method, path, **kw)
    assert server.process.wait(timeout=60) == -9, log_tail(server.log_path, 2000)


def _upload(server: BriefServer, name: str, text: str) -> httpx.Response:
    return _request(server, "POST", "/v1/documents", files={"file": (name, text.encode(), "text/plain")})


def _doctor(data: Path) -> dict:
    done = subprocess.run(_cli("doctor", "--json"), env=_env(data), capture_output=True, text=True, timeout=600)
    report = json.loads(done.stdout)
    assert done.returncode == (0 if report["clean"] else 1), done.stderr
    return report


def _listed(server: BriefServer) -> list[str]:
    page = _request(server, "GET", "/v1/documents", params={"limit": 100}).json()
    return [d["doc_id"] for d in page["items"]]


def test_server_killed_during_upload_and_delete(tmp_path: Path):
    data = tmp_path / "data"

    # 1. killed between Chroma's add and the catalog commit of an upload
    with _serve(data, crash="chroma:1") as server:
        _dies_on(server, "POST", "/v1/documents", files={"file": ("kept.txt", KEPT.encode(), "text/plain")})
    found = _doctor(data)
    assert {p["kind"] for p in found["problems"]} == {"pending_documents", "orphan_vectors"}

    # 2. restarted: the same upload again is indexed once; a second document is added for step 3
    with _serve(data) as server:
        first = _upload(server, "kept.txt", KEPT)
        assert first.status_code == 200, first.text
        kept = [d["doc_id"] for d in first.json()["documents"]]
        assert [d["status"] for d in first.json()["documents"]] == ["added"]
        second = _upload(server, "deleted.txt", DELETED)
        assert second.status_code == 200, second.text
        (gone,) = [d["doc_id"] for d in second.json()["documents"]]
        assert sorted(_listed(server)) == sorted(kept + [gone])

    # 3. killed between the delete's Chroma step and its catalog step
    with _serve(data, crash="delete:1") as server:
        _dies_on(server, "DELETE", f"/v1/documents/{gone}")
    assert {p["kind"] for p in _doctor(data)["problems"]} == {"missing_vectors"}  # the catalog still holds it

    # 4. restarted: the delete again finishes it
    with _serve(data) as server:
        assert _request(server, "DELETE", f"/v1/documents/{gone}").status_code == 204
        assert _request(server, "GET", f"/v1/documents/{gone}").status_code == 404
        assert _listed(server) == kept
        hits = _request(server, "GET", "/v1/search", params={"q": "memory chip exports to Vietnam"}).json()
        assert hits["hits"] and {h["doc_id"] for h in hits["hits"]} == set(kept), hits

    report = _doctor(data)
    assert report["clean"] and report["counts"]["documents"] == 1 and report["counts"]["vectors"] == report["counts"]["chunks"]
