"""Planted secrets (URL credentials in BRIEF_LLM__BASE_URL / BRIEF_EMBEDDING__BASE_URL, an API key in its env var)
never appear in any CLI output, server log, API response or stored file (data dir, briefs.sqlite)."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from servers import brief_server, free_port

from conftest import CORPUS_DIR, copy_sqlite

pytestmark = pytest.mark.integration

URL_SECRET = "PLANTED-url-pass-8c1f"
URL_USER = "planted-user-77aa"
KEY_SECRET = "sk-PLANTED-key-3b9e"
SECRETS = (URL_SECRET, URL_USER, KEY_SECRET)
QUESTION = "Why did Japan deny cybersecurity approval to Chinese battery makers?"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", *args]


def _leaks(text: str | bytes) -> list[str]:
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    return [s for s in SECRETS if s.encode() in data]


def test_mask_url_and_redact_cover_credentials_and_secret_parameters():
    from rag.redact import mask_url, redact

    assert mask_url(f"http://{URL_USER}:{URL_SECRET}@10.1.2.3:8080/v1") == "http://***@10.1.2.3:8080/v1"
    assert mask_url(f"https://h/v1?api_key={URL_SECRET}&model=x") == "https://h/v1?api_key=***&model=x"
    assert mask_url("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1" and mask_url(None) is None
    assert mask_url(f"http://{URL_USER}:{URL_SECRET}@[bad/v1") == "http://***@[bad/v1"  # unparseable, still masked
    line = f"cannot reach http://{URL_USER}:{URL_SECRET}@h:1/v1, retrying."
    assert redact(line) == "cannot reach http://***@h:1/v1, retrying."
    assert redact(line, drop_urls=True) == "cannot reach <url>, retrying."


def test_planted_secrets_reach_no_output_log_response_or_file(tmp_path, sample_index):
    data = tmp_path / "data"
    data.mkdir()
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    dead = free_port()  # nothing listens: every LLM call fails and says where it tried
    env = {
        **os.environ, "BRIEF_DATA_DIR": str(data), "BRIEF_LLM__BACKEND": "openai", "BRIEF_LLM__RETRIES": "0",
        "BRIEF_LLM__TIMEOUT": "5", "BRIEF_LLM__BASE_URL": f"http://{URL_USER}:{URL_SECRET}@127.0.0.1:{dead}/v1",
        "BRIEF_EMBEDDING__BASE_URL": f"http://{URL_USER}:{URL_SECRET}@127.0.0.1:{dead}/v1?api_key={URL_SECRET}",
        "OPENAI_API_KEY": KEY_SECRET, "BRIEF_LOG_LEVEL": "DEBUG",
    }
    outputs: dict[str, str] = {}

    def run(name: str, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(_cli(*args), env=env, capture_output=True, text=True, timeout=600)
        outputs[name] = done.stdout + done.stderr
        return done

    assert run("ingest", "ingest", str(CORPUS_DIR)).returncode == 0, outputs["ingest"]
    shown = run("config", "config", "show")
    assert shown.returncode == 0 and f"127.0.0.1:{dead}" in shown.stdout and "***@" in shown.stdout
    run("ask", "ask", QUESTION)
    run("ask-json", "ask", QUESTION, "-f", "json")
    run("write", "write", "Japan battery makers cybersecurity approval", "-t", "situation", "-o", str(tmp_path / "brief.md"))
    assert f"127.0.0.1:{dead}" in outputs["ask"] + outputs["ask-json"] + outputs["write"]  # the failure was reported...

    log_path = tmp_path / "server.log"
    with brief_server(env, log_path=log_path) as server, httpx.Client(base_url=server.url, timeout=120) as http:
        responses = [
            http.get("/readyz"),
            http.post("/v1/ask", json={"question": QUESTION}),
            http.post("/v1/ask", json={"question": QUESTION, "stream": True}),
            http.post("/v1/briefs", json={"topic": "Japan battery makers", "template": "situation"}),
            http.post("/v1/chat/completions", json={"model": "techsec-brief", "messages": [{"role": "user", "content": QUESTION}]}),
        ]
        for r in responses:
            outputs[f"{r.request.method} {r.request.url.path} {r.status_code}"] = r.text + str(dict(r.headers))
            if r.status_code >= 500:
                assert f"127.0.0.1:{dead}" not in r.text  # 5xx bodies name no internal URL at all
    outputs["server log"] = log_path.read_text(encoding="utf-8", errors="replace")
    assert "api started" in outputs["server log"]

    leaks = {name: _leaks(text) for name, text in outputs.items() if _leaks(text)}
    assert not leaks, {name: outputs[name][:2000] for name in leaks}
    stored = [p for p in [*data.rglob("*"), tmp_path / "brief.md"] if p.is_file()]
    assert any(p.name == "briefs.sqlite" for p in stored) and len(stored) > 5
    leaked_files = [str(p) for p in stored if _leaks(p.read_bytes())]
    assert not leaked_files
