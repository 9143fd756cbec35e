"""Specification of rag.llm: the real ``openai`` client against a real scripted HTTP server."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from pydantic import BaseModel, Field

import rag  # noqa: F401  (offline tiktoken)
from rag.config import LLMSettings
from rag.errors import ConfigError, LLMError, LLMTimeoutError, LLMUnavailableError
from rag.llm import OpenAIChatBackend
from rag.llm_messages import ChatMessage, Usage
from rag.llm_structured import extract_json
from rag.packing import count_tokens

try:  # tests/ is a rootdir-less test dir (pytest puts it on sys.path); also works if it becomes a package
    from scripted_llm import ScriptedLLMServer
    from servers import free_port
except ImportError:  # pragma: no cover
    from tests.scripted_llm import ScriptedLLMServer
    from tests.servers import free_port

SECRET = "sk-test-SECRET-abcdef123456"


class Finding(BaseModel):
    claim: str
    source_ids: list[str] = Field(min_length=1)
    confidence: float = Field(ge=0, le=1)


VALID = json.dumps({"claim": "Export controls tightened", "source_ids": ["S1"], "confidence": 0.8})
MESSAGES = [ChatMessage("system", "You write briefs."), ChatMessage("user", "Summarize S1.")]




def make_backend(server: ScriptedLLMServer, **overrides) -> OpenAIChatBackend:
    values = dict(
        backend="openai", base_url=server.base_url, model="scripted-model",
        timeout=1.0, retries=2, repair_attempts=1,
    )
    values.update(overrides)
    api_key = values.pop("api_key", None)
    return OpenAIChatBackend(LLMSettings(**values), api_key=api_key, backoff_base=0.01)


# --------------------------------------------------------------------------- plain completion


def test_complete_returns_text_and_reported_usage(llm):
    llm.enqueue({"content": "Brief text.", "usage": {"prompt_tokens": 42, "completion_tokens": 7}})
    text, usage = make_backend(llm).complete(MESSAGES)

    assert text == "Brief text."
    assert usage == Usage(42, 7)
    body = llm.requests[-1]
    assert body["model"] == "scripted-model"
    assert body["messages"] == [
        {"role": "system", "content": "You write briefs."},
        {"role": "user", "content": "Summarize S1."},
    ]
    assert body["temperature"] == pytest.approx(0.1)
    assert body["max_tokens"] == 1200
    assert "response_format" not in body


def test_local_server_without_key_gets_placeholder_key(llm, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    llm.enqueue("ok")
    make_backend(llm).complete(MESSAGES)
    assert llm.headers[-1]["authorization"] == "Bearer not-needed"


def test_usage_is_counted_with_tiktoken_when_server_omits_it(llm):
    llm.enqueue({"content": "Three small words", "usage": None})
    text, usage = make_backend(llm).complete(MESSAGES)
    assert usage.completion_tokens == count_tokens(text, "scripted-model")
    assert usage.prompt_tokens >= count_tokens("You write briefs.Summarize S1.", "scripted-model")


def test_default_reply_can_be_computed_from_the_request(llm):
    llm.default = lambda request: request["messages"][-1]["content"].upper()
    text, _ = make_backend(llm).complete([ChatMessage("user", "echo me")])
    assert text == "ECHO ME"


# --------------------------------------------------------------------------- streaming


def test_stream_yields_deltas_that_join_to_the_full_text(llm):
    full = "Taiwan's chip export rules changed in June.\nSee S2."
    llm.enqueue(full)
    backend = make_backend(llm)
    deltas = list(backend.stream(MESSAGES))

    assert len(deltas) > 3
    assert "".join(deltas) == full
    assert llm.requests[-1]["stream"] is True
    assert backend.last_usage is not None and backend.last_usage.completion_tokens > 0


def test_stream_uses_explicit_chunks(llm):
    llm.enqueue({"chunks": ["你好", "，世界", " 🌏"]})
    assert list(make_backend(llm).stream(MESSAGES)) == ["你好", "，世界", " 🌏"]


def test_stream_wire_format_is_openai_sse(llm):
    llm.enqueue("a b")
    with httpx.stream(
        "POST", f"{llm.base_url}/chat/completions",
        json={"model": "m", "messages": [], "stream": True, "stream_options": {"include_usage": True}},
    ) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines() if line]
    assert all(line.startswith("data: ") for line in events)
    assert events[-1] == "data: [DONE]"
    payloads = [json.loads(line[6:]) for line in events[:-1]]
    assert {p["object"] for p in payloads} == {"chat.completion.chunk"}
    assert payloads[-1]["choices"] == [] and payloads[-1]["usage"]["completion_tokens"] == 2


# --------------------------------------------------------------------------- structured output


def test_structured_output_parses_valid_json_on_first_attempt(llm):
    llm.enqueue(VALID)
    result, usage, attempts = make_backend(llm).complete_structured(MESSAGES, Finding, schema_name="finding")

    assert result == Finding(claim="Export controls tightened", source_ids=["S1"], confidence=0.8)
    assert attempts == 1
    assert usage.completion_tokens > 0
    rf = llm.requests[-1]["response_format"]
    assert rf["type"] == "json_schema"
    assert rf["json_schema"]["name"] == "finding"
    assert rf["json_schema"]["strict"] is False
    assert rf["json_schema"]["schema"] == Finding.model_json_schema()


def test_structured_output_tolerates_fences_and_prose(llm):
    llm.enqueue(f"<think>S1 says {{so}}</think>Sure! Here it is:\n```json\n{VALID}\n```\nHope that helps.")
    result, _, attempts = make_backend(llm).complete_structured(MESSAGES, Finding)
    assert result.source_ids == ["S1"] and attempts == 1


def test_invalid_json_is_repaired_on_second_attempt_with_the_error_fed_back(llm):
    bad = json.dumps({"claim": "x", "source_ids": [], "confidence": 3})
    llm.enqueue(bad, VALID)
    result, usage, attempts = make_backend(llm).complete_structured(MESSAGES, Finding)

    assert attempts == 2
    assert result.claim == "Export controls tightened"
    repair_request = llm.requests[-1]["messages"]
    assert repair_request[:2] == llm.requests[0]["messages"][:2]
    assert repair_request[-2] == {"role": "assistant", "content": bad}
    repair = repair_request[-1]
    assert repair["role"] == "user"
    assert repair["content"].startswith("Your previous reply was not valid:")
    assert "source_ids" in repair["content"] and "confidence" in repair["content"]
    assert repair["content"].endswith("Reply with JSON only, matching the schema.")
    # usage is summed over both calls (the scripted server reports word counts)
    assert usage.completion_tokens == len(bad.split()) + len(VALID.split())


def test_always_invalid_json_raises_after_bounded_attempts(llm):
    llm.default = "I cannot produce JSON, sorry."
    backend = make_backend(llm, repair_attempts=2)
    with pytest.raises(LLMError, match=r"invalid JSON after 3 attempts: no JSON object"):
        backend.complete_structured(MESSAGES, Finding)
    assert len(llm.requests) == 3


def test_zero_repair_attempts_means_a_single_try(llm):
    llm.enqueue("{not json")
    with pytest.raises(LLMError, match="after 1 attempts"):
        make_backend(llm, repair_attempts=0).complete_structured(MESSAGES, Finding)
    assert len(llm.requests) == 1


def test_server_rejecting_response_format_falls_back_to_schema_instruction(llm):
    llm.enqueue({"status": 400, "error": "response_format not supported"}, VALID, VALID)
    backend = make_backend(llm)
    result, _, attempts = backend.complete_structured(MESSAGES, Finding)

    assert result.confidence == 0.8 and attempts == 1
    assert "response_format" in llm.requests[0]
    fallback = llm.requests[1]
    assert "response_format" not in fallback
    system = fallback["messages"][0]
    assert system["role"] == "system"
    assert system["content"].startswith("You write briefs.")
    assert json.dumps(Finding.model_json_schema()) in system["content"]
    assert [m["role"] for m in fallback["messages"]] == ["system", "user"]  # one system message

    backend.complete_structured(MESSAGES, Finding)  # remembered: no second rejected request
    assert len(llm.requests) == 3 and "response_format" not in llm.requests[2]


def test_llama_cpp_style_500_on_response_format_is_not_retried_but_falls_back(llm):
    """llama.cpp's server answers json_schema response_format with HTTP 500: fall back at once, no retries."""
    llm.enqueue({"status": 500, "error": "Input should be 'text' or 'json_object' (response_format)"}, VALID)
    result, _, _ = make_backend(llm).complete_structured(MESSAGES, Finding)

    assert result.confidence == 0.8
    assert len(llm.requests) == 2 and "response_format" not in llm.requests[1]


def test_other_bad_requests_are_not_mistaken_for_response_format_rejection(llm):
    llm.enqueue({"status": 400, "error": "context length exceeded"})
    with pytest.raises(LLMError, match="HTTP 400: context length exceeded") as info:
        make_backend(llm).complete_structured(MESSAGES, Finding)
    assert len(llm.requests) == 1
    assert not isinstance(info.value, (LLMTimeoutError, LLMUnavailableError))
    assert info.value.retryable is False


# --------------------------------------------------------------------------- failures and retries


def test_reply_slower_than_timeout_raises_llm_timeout_error(llm):
    llm.enqueue({"delay": 3.0, "content": "too late"})
    backend = make_backend(llm, timeout=0.5, retries=0)
    started = time.monotonic()
    with pytest.raises(LLMTimeoutError, match=r"did not answer within 0.5s"):
        backend.complete(MESSAGES)
    assert time.monotonic() - started < 2.5


def test_timeout_is_retried_like_other_transient_failures(llm):
    llm.enqueue({"delay": 2.0, "content": "too late"}, "on time")
    text, _ = make_backend(llm, timeout=0.5, retries=1).complete(MESSAGES)
    assert text == "on time"


def test_unreachable_endpoint_raises_unavailable_without_leaking_the_key():
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    backend = OpenAIChatBackend(
        LLMSettings(backend="openai", base_url=base_url, timeout=1.0, retries=1), api_key=SECRET, backoff_base=0.01
    )
    with pytest.raises(LLMUnavailableError) as info:
        backend.complete(MESSAGES)
    message = str(info.value)
    assert base_url in message
    assert SECRET not in message and SECRET not in repr(info.value)
    assert SECRET not in repr(backend) and SECRET not in str(vars(backend))
    with pytest.raises(LLMUnavailableError):
        list(backend.stream(MESSAGES))


def test_server_error_then_success_is_retried(llm):
    llm.enqueue({"status": 500, "error": "boom"}, "recovered")
    assert make_backend(llm).complete(MESSAGES)[0] == "recovered"
    assert len(llm.requests) == 2


def test_rate_limit_is_retried_honouring_retry_after(llm):
    llm.enqueue({"status": 429, "error": "slow down", "headers": {"retry-after": "0"}}, "ok")
    sleeps: list[float] = []
    backend = OpenAIChatBackend(
        LLMSettings(backend="openai", base_url=llm.base_url, timeout=1.0, retries=2),
        backoff_base=0.01, sleep=sleeps.append,
    )
    assert backend.complete(MESSAGES)[0] == "ok"
    assert len(sleeps) == 1 and sleeps[0] < 0.1


def test_backoff_grows_exponentially_and_retries_are_bounded(llm):
    llm.default = {"status": 503, "error": "overloaded"}
    sleeps: list[float] = []
    backend = OpenAIChatBackend(
        LLMSettings(backend="openai", base_url=llm.base_url, timeout=1.0, retries=3),
        backoff_base=0.5, sleep=sleeps.append,
    )
    with pytest.raises(LLMError, match="HTTP 503: overloaded") as info:
        backend.complete(MESSAGES)
    assert len(llm.requests) == 4  # 1 + retries
    assert [round(s, 1) for s in sleeps] == pytest.approx([0.5, 1.0, 2.0], abs=0.21)
    assert info.value.retryable is True


def test_ping(llm):
    assert make_backend(llm).ping() is True
    assert llm.models_requests == 1
    dead = OpenAIChatBackend(LLMSettings(backend="openai", base_url=f"http://127.0.0.1:{free_port()}/v1"))
    started = time.monotonic()
    assert dead.ping() is False
    assert time.monotonic() - started < 3


# --------------------------------------------------------------------------- configuration


def test_openai_without_key_is_a_config_error_naming_the_env_var(monkeypatch):
    monkeypatch.delenv("MY_LLM_KEY", raising=False)
    with pytest.raises(ConfigError, match="MY_LLM_KEY"):
        OpenAIChatBackend(LLMSettings(backend="openai", api_key_env="MY_LLM_KEY"))


def test_key_is_read_from_the_configured_env_var_and_never_shown(monkeypatch, llm):
    monkeypatch.setenv("MY_LLM_KEY", SECRET)
    llm.enqueue("ok")
    backend = OpenAIChatBackend(LLMSettings(backend="openai", base_url=llm.base_url, api_key_env="MY_LLM_KEY"))
    backend.complete(MESSAGES)
    assert llm.headers[-1]["authorization"] == f"Bearer {SECRET}"
    assert SECRET not in repr(backend)
    assert backend.model == "gpt-4o-mini" and backend.name == "openai"


# --------------------------------------------------------------------------- helpers


def test_count_tokens_uses_model_encoding_and_falls_back_for_unknown_models():
    import tiktoken

    text = "Semiconductor export controls — 半導體出口管制"
    assert count_tokens(text, "gpt-4o-mini") == len(tiktoken.get_encoding("o200k_base").encode(text))
    assert count_tokens(text, "gemma") == len(tiktoken.get_encoding("cl100k_base").encode(text))
    assert count_tokens("<|endoftext|>", "gemma") > 1  # special tokens counted as text, never rejected
    assert count_tokens("", "gpt-4o-mini") == 0


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ('{"a": 1}', {"a": 1}),
        ('```json\n{"a": {"b": "}"}}\n```', {"a": {"b": "}"}}),
        ('Note {not json} then {"a": [1, 2]} trailing', {"a": [1, 2]}),
        ('<think>{"draft": true}</think>{"a": 2}', {"a": 2}),
    ],
)
def test_extract_json_takes_the_outermost_object(reply, expected):
    assert extract_json(reply) == expected


def test_extract_json_reports_why_it_failed():
    with pytest.raises(ValueError, match="no JSON object"):
        extract_json("plain prose")
    with pytest.raises(ValueError, match="invalid JSON"):
        extract_json('{"a": 1,, }')


# --------------------------------------------------------------------------- the test server itself


def test_scripted_server_stops_cleanly_even_with_a_pending_delayed_reply():
    before = {t.name for t in threading.enumerate()}
    srv = ScriptedLLMServer().start()
    srv.enqueue({"delay": 30.0, "content": "never"})
    backend = make_backend(srv, timeout=0.3, retries=0)
    with pytest.raises(LLMTimeoutError):
        backend.complete(MESSAGES)
    started = time.monotonic()
    srv.stop()
    assert time.monotonic() - started < 5
    assert not srv.running
    assert {t.name for t in threading.enumerate()} - before == set()
