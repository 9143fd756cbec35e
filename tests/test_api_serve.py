"""`brief serve` as a real process, used through the official ``openai`` client (integration)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from servers import brief_server, free_port, stop_process

from conftest import CORPUS_DIR, copy_sqlite

pytestmark = pytest.mark.integration

QUESTION = "Why did Japan deny cybersecurity approval to Chinese battery makers?"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_index):
    data = tmp_path_factory.mktemp("serve-data")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    env = {**os.environ, "BRIEF_DATA_DIR": str(data)}
    done = subprocess.run(_cli("ingest", str(CORPUS_DIR)), env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "5 added" in done.stdout, done.stdout

    # meanwhile: a public bind without API keys is refused with a clear message
    refusal = subprocess.Popen(_cli("serve", "--host", "0.0.0.0", "--port", str(free_port())), env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with brief_server(env, log_path=data / "server.log") as server:
            stdout, stderr = refusal.communicate(timeout=300)
            refused = subprocess.CompletedProcess(refusal.args, refusal.returncode, stdout, stderr)
            yield {"base": server.url, "log": server.log_path, "refused": refused}
    finally:
        stop_process(refusal)


@pytest.fixture(scope="module")
def openai_client(server):
    from openai import OpenAI

    return OpenAI(base_url=f"{server['base']}/v1", api_key="unused", timeout=120, max_retries=0)


def test_public_bind_without_keys_is_refused(server):
    refused = server["refused"]
    assert refused.returncode != 0
    assert "API keys are required" in refused.stderr + refused.stdout


def test_models_list(openai_client):
    ids = {m.id for m in openai_client.models.list()}
    assert {"techsec-brief", "extractive", "answer"} <= ids


def test_chat_completion_plain(openai_client):
    out = openai_client.chat.completions.create(model="techsec-brief", messages=[{"role": "user", "content": QUESTION}], temperature=0.2)
    content = out.choices[0].message.content
    assert re.search(r"\[\d+\]", content), content
    assert "\nSources:\n[1] " in content
    assert out.usage is not None and out.usage.total_tokens > 0


def test_chat_completion_stream(openai_client):
    stream = openai_client.chat.completions.create(
        model="answer", messages=[{"role": "user", "content": QUESTION}], stream=True, stream_options={"include_usage": True}
    )
    parts, usage = [], None
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            parts.append(chunk.choices[0].delta.content)
        if chunk.usage is not None:
            usage = chunk.usage
    content = "".join(parts)
    assert re.search(r"\[\d+\]", content), content
    assert "Sources:" in content and usage is not None and usage.completion_tokens > 0


def test_unknown_model_is_an_openai_style_404(openai_client):
    import openai

    with pytest.raises(openai.NotFoundError) as info:
        openai_client.chat.completions.create(model="gpt-9", messages=[{"role": "user", "content": QUESTION}])
    assert "does not exist" in str(info.value)


def test_access_log_is_json_and_never_has_the_key(server, openai_client):
    """The test makes its own request: alone (``-k``) it found no chat completion logged by the tests before it. The
    access line is written as the response ends, so the log is read until it holds the line (at most 10 s)."""
    openai_client.chat.completions.create(model="techsec-brief", messages=[{"role": "user", "content": QUESTION}])
    deadline = time.monotonic() + 10
    text = ""
    while '"path": "/v1/chat/completions"' not in text and time.monotonic() < deadline:
        time.sleep(0.05)
        text = Path(server["log"]).read_text(encoding="utf-8")
    assert '"logger": "api.access"' in text and '"path": "/v1/chat/completions"' in text
    assert "Bearer" not in text and "unused" not in text
