"""A misbehaving OpenAI-compatible server is contained: every failure mode, through the CLI and the API, plain and streamed.

Each mode ends in one of four outcomes, never a hang, a traceback or a false "The corpus has no evidence":

- ``answered``: the LLM's answer, checked (transient failures retried within ``llm.retries``);
- ``fallback``: the offline extractive writer's answer, labelled as such (visible note + provenance);
- ``unsupported``: every claim of the model failed citation checking; the reader is told so, with the closest sources;
- ``error``: a clear error (timeouts): CLI exit code != 0, API 504 whose body carries the request id, not the LLM URL.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import copy_sqlite
from rag.brief import NO_EVIDENCE
from rag.config import LLMSettings, Settings
from rag.pipeline import UNSUPPORTED
from servers import free_port

CORPUS_DIR = Path(__file__).resolve().parents[1] / "corpus"
QUESTION = "How did Japan respond to South Korea's appeal on export controls?"
MAX_REPLY_CHARS = 4000
FALLBACK_NOTE = "the LLM writer failed"
EVIDENCE_BLOCK = re.compile(r'<evidence id="(S\d+)"[^>]*>\n(.*?)\n</evidence>', re.S)


def _sid(request: dict, needle: str) -> str:
    users = "\n".join(m["content"] for m in request["messages"] if m["role"] == "user")
    return next(sid for sid, text in EVIDENCE_BLOCK.findall(users) if needle.lower() in text.lower())


def good(request: dict) -> str:
    """A correct, cited answer built from the passages the request carries."""
    return (
        f"Japan said it has no intention of withdrawing the measure [{_sid(request, 'Suga')}]. "
        f"South Korea plans to file a complaint with the WTO [{_sid(request, 'WTO')}]."
    )


TRUNCATED_JSON = '{"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Japan sa'
TRUNCATED_SSE = 'data: {"id": "x", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": "Jap'


def _truncated(request: dict) -> dict:
    if request.get("stream"):
        return {"body": TRUNCATED_SSE, "content_type": "text/event-stream"}
    return {"body": TRUNCATED_JSON}


# mode -> (script for the server, outcome when plain, outcome when streamed)
MODES: dict[str, tuple] = {
    "refused_connection": (None, "fallback", "fallback"),
    "timeout": ({"delay": 4.0, "content": "late"}, "error", "error"),
    "stall_mid_stream": (lambda r: {"content": good(r), "stall_after": 4, "stall": 4.0}, "answered", "error"),
    "429_then_ok": ([{"status": 429, "error": "slow down", "headers": {"retry-after": "0"}}], "answered", "answered"),
    "429_always": ({"status": 429, "error": "slow down", "headers": {"retry-after": "0"}}, "fallback", "fallback"),
    "5xx": ({"status": 503, "error": "overloaded"}, "fallback", "fallback"),
    "200_non_json": ({"body": "<html><body>502 Bad Gateway</body></html>", "content_type": "text/html"}, "fallback", "fallback"),
    "200_truncated_json": (_truncated, "fallback", "fallback"),
    "no_citations": ("Japan lifted all of its export controls on South Korea in March 2025.", "unsupported", "unsupported"),
    "unknown_sources": ("Japan lifted all of its export controls on South Korea in March 2025 [S99][S7b].", "unsupported", "unsupported"),
    "enormous_output": ({"content": "The moon is made of green cheese. ", "repeat": 150_000}, "fallback", "unsupported"),
    "wrong_language": (
        "Le Japon a déclaré qu'il n'avait aucune intention de retirer la mesure et la Corée du Sud porte plainte. [S1]",
        "fallback", "fallback",
    ),
}


# bounded retries: llm.retries=1 → every transient failure is tried exactly twice, then it falls back
RETRIED_TWICE = {"429_always", "5xx", "200_non_json", "200_truncated_json", "timeout"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, sample_index) -> Path:
    from rag.index import open_index
    from rag.ingest import Ingestor

    d = tmp_path_factory.mktemp("containment-data")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", d / "embedding-cache.sqlite")
    report = Ingestor(open_index(Settings(data_dir=d))).ingest_paths([CORPUS_DIR])
    assert not report.failed
    return d


def _script(llm, mode: str) -> str:
    """Set the server up for ``mode``; the base URL the client should use."""
    script = MODES[mode][0]
    llm.reset()
    if mode == "refused_connection":
        return f"http://127.0.0.1:{free_port()}/v1"
    if isinstance(script, list):  # these replies first, then good answers
        llm.enqueue(*script)
        llm.default = good
    else:
        llm.default = script
    return llm.base_url


def _llm_settings(base_url: str) -> LLMSettings:
    return LLMSettings(
        backend="openai", base_url=base_url, model="scripted", timeout=1.0, retries=1, repair_attempts=1,
        max_reply_chars=MAX_REPLY_CHARS,
    )


def _check_outcome(outcome: str, brief: dict, answer: str) -> None:
    backend = brief["provenance"]["backend"]
    assert NO_EVIDENCE not in answer, answer
    if outcome == "answered":
        assert backend == "openai" and not brief["abstained"] and brief["claims_verified"] >= 1, answer
        assert "WTO" in answer
    elif outcome == "fallback":
        assert backend == "extractive", brief["provenance"]["notes"]
        assert FALLBACK_NOTE in answer and "extractive" in answer
        assert any("served by the offline extractive writer" in n for n in brief["provenance"]["notes"])
        assert not brief["abstained"] and brief["claims_verified"] >= 1
    elif outcome == "unsupported":
        assert backend == "openai" and brief["abstained"]
        assert answer.startswith(UNSUPPORTED), answer
        assert brief["closest_sources"] and "Closest sources found:" in answer
    else:
        raise AssertionError(f"unexpected outcome {outcome}")


# --------------------------------------------------------------------------- CLI


@pytest.mark.parametrize("mode", list(MODES))
def test_cli_ask_plain_json(mode, cli, llm, data_dir):
    base_url = _script(llm, mode)
    result = cli(["ask", QUESTION, "-f", "json"], **_cli_env(data_dir, base_url))
    outcome = MODES[mode][1]
    assert "Traceback" not in result.output
    if outcome == "error":
        assert result.exit_code != 0 and "did not answer within 1s" in result.output, result.output
        return
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    from rag.brief import Brief
    from rag.render import answer_with_sources

    _check_outcome(outcome, brief, answer_with_sources(Brief.model_validate(brief)))


@pytest.mark.parametrize("mode", list(MODES))
def test_cli_ask_streamed(mode, cli, llm, data_dir):
    from rag.cli.generate import ANSWER_HEADER, DRAFT_HEADER

    base_url = _script(llm, mode)
    result = cli(["ask", QUESTION], **_cli_env(data_dir, base_url))
    outcome = MODES[mode][2]
    assert "Traceback" not in result.output
    drafted = DRAFT_HEADER in result.stderr
    if outcome == "error":
        assert result.exit_code != 0, result.output
        if mode == "stall_mid_stream":  # a draft was on screen: it is marked discarded before the error
            assert drafted and "draft discarded" in result.stderr
        return
    assert result.exit_code == 0, result.output
    answer = result.stdout
    assert NO_EVIDENCE not in answer
    if drafted:  # the unverified draft is headed as such, and the checked answer comes after its own header
        assert result.stderr.index(DRAFT_HEADER) < result.stderr.index(ANSWER_HEADER)
    if outcome == "answered":
        assert drafted and "WTO" in answer and "Sources:" in answer
    elif outcome == "fallback":
        assert FALLBACK_NOTE in answer
    else:
        assert answer.startswith(UNSUPPORTED) and "Closest sources found:" in answer


def _cli_env(data_dir: Path, base_url: str) -> dict[str, str]:
    return {
        "BRIEF_DATA_DIR": str(data_dir), "BRIEF_LLM__BACKEND": "openai", "BRIEF_LLM__BASE_URL": base_url,
        "BRIEF_LLM__MODEL": "scripted", "BRIEF_LLM__TIMEOUT": "1", "BRIEF_LLM__RETRIES": "1",
        "BRIEF_LLM__MAX_REPLY_CHARS": str(MAX_REPLY_CHARS),
    }


# --------------------------------------------------------------------------- API


def _client(data_dir: Path, base_url: str) -> TestClient:
    from api.main import create_app

    app = create_app(Settings(data_dir=data_dir, llm=_llm_settings(base_url)), warm_up=False)
    return TestClient(app, raise_server_exceptions=False)


def _assert_gateway_error(status: int, body: dict, headers, base_url: str) -> None:
    assert status == 504, body
    rid = body["error"]["request_id"]
    assert rid and rid == headers["x-request-id"]
    assert base_url not in json.dumps(body) and "127.0.0.1" not in json.dumps(body)


@pytest.mark.parametrize("mode", list(MODES))
def test_api_ask_plain(mode, data_dir, llm):
    base_url = _script(llm, mode)
    with _client(data_dir, base_url) as api:
        _api_ask_plain(mode, api, base_url, llm)


def _api_ask_plain(mode: str, api: TestClient, base_url: str, llm) -> None:
    r = api.post("/v1/ask", json={"question": QUESTION})
    outcome = MODES[mode][1]
    if mode in RETRIED_TWICE or mode == "wrong_language":  # wrong language: one re-ask saying so
        assert len(llm.requests) == 2, [m for m in llm.requests]
    if outcome == "error":
        _assert_gateway_error(r.status_code, r.json(), r.headers, base_url)
        return
    assert r.status_code == 200, r.text
    _check_outcome(outcome, r.json()["brief"], r.json()["answer"])
    # the OpenAI-compatible endpoint gives the same answer text
    chat = api.post("/v1/chat/completions", json={"model": "techsec-brief", "messages": [{"role": "user", "content": QUESTION}]})
    assert chat.status_code == 200, chat.text
    assert NO_EVIDENCE not in chat.json()["choices"][0]["message"]["content"]


@pytest.mark.parametrize("mode", list(MODES))
def test_api_ask_streamed(mode, data_dir, llm):
    base_url = _script(llm, mode)
    with _client(data_dir, base_url) as api, api.stream("POST", "/v1/ask", json={"question": QUESTION, "stream": True}) as r:
        assert r.status_code == 200
        events = _sse_events("".join(r.iter_text()))
    names = [e for e, _ in events]
    assert all(json.loads(d)["verified"] is False for e, d in events if e == "delta")
    if mode in RETRIED_TWICE:
        assert len(llm.requests) == 2
    outcome = MODES[mode][2]
    if outcome == "error":
        err = json.loads(events[-1][1])["error"]
        assert names[-1] == "error" and err["status"] == 504 and err["request_id"]
        assert base_url not in events[-1][1]
        if "delta" in names:
            assert "discard" in names and names.index("discard") > max(i for i, n in enumerate(names) if n == "delta") - 1
        return
    assert names[-2:] == ["final", "done"], names
    if "discard" in names:  # deltas before the discard were the failed LLM's draft
        assert names.index("discard") < names.index("final")
    final = json.loads(events[-2][1])
    _check_outcome(outcome, final["brief"], final["answer"])


def _sse_events(text: str) -> list[tuple[str, str]]:
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if data:
            events.append((name, "\n".join(data)))
    return events


def test_api_500_carries_the_request_id_in_body_and_header(data_dir, monkeypatch):
    from rag.pipeline import Engine

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(Engine, "write", boom)
    with _client(data_dir, "http://127.0.0.1:9/v1") as api:
        r = api.post("/v1/ask", json={"question": QUESTION})
    assert r.status_code == 500
    rid = r.json()["error"]["request_id"]
    assert rid and rid == r.headers["x-request-id"] and rid in r.json()["error"]["message"]
