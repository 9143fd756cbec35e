"""Every error the API returns says how to fix it: one shape, ``{"error": {"type", "message", "help"}}``, with ``help``
a sentence a client can act on: the documented form of the field it got wrong ("k: Number of passages; an integer
from 1 to 50"), the fields a body takes, a JSON object to send, where the ids of a thing are listed, the methods a path
takes. Never ``"help": null``."""

from __future__ import annotations

import hashlib

import pytest

from api.field_help import SCHEMA_HELP

ARTICLE = {"title": "T", "text": "Exporters need a permit."}


@pytest.fixture(scope="module")
def client(sample_api):
    return sample_api


def _help(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and {"type", "message", "help"} <= set(body["error"]), body
    help_ = body["error"]["help"]
    assert isinstance(help_, str) and len(help_) > 15, body
    return help_


#: (method, path, request, status, words the help must hold): a bad value of each kind, on each route that takes one
FIELD_ERRORS = [
    ("get", "/v1/search", {}, ["q (required): What to look for", "a string of 1 to"]),
    ("get", "/v1/search", {"params": {"q": ""}}, ["q: What to look for"]),
    ("get", "/v1/search", {"params": {"q": "chips", "k": "0"}}, ["k: Number of passages; an integer from 1 to 50"]),
    ("get", "/v1/search", {"params": {"q": "chips", "k": "many"}}, ["k: Number of passages; an integer from 1 to 50"]),
    ("get", "/v1/search", {"params": {"q": "chips", "until": "07/04/2019"}}, ["until: Only evidence published on/before", "YYYY-MM-DD"]),
    ("get", "/v1/briefs", {"params": {"limit": "0"}}, ["limit: an integer from 1 to 100"]),
    ("get", "/v1/briefs", {"params": {"kind": "memo"}}, ["kind: Only briefs or only answers; one of 'brief', 'answer'"]),
    ("get", "/v1/briefs/a/diff/b", {"params": {"threshold": "5"}}, ["threshold: ", "a number from 0.1 to 1"]),
    ("post", "/v1/ask", {"json": {}}, ["question (required): The question"]),
    ("post", "/v1/ask", {"json": {"question": 5}}, ["question: The question", "a string of 1 to"]),
    ("post", "/v1/ask", {"json": {"question": "x", "stream": "maybe"}}, ["stream: ", "true or false"]),
    ("post", "/v1/ask", {"json": {"question": "x", "history": [{"role": "bot", "content": "hi"}]}},
     ["history.0.role: one of 'user', 'assistant'"]),
    ("post", "/v1/ask", {"json": {"question": "x", "history": "earlier"}}, ["history: Earlier turns", "a list of at most 20 objects with the fields role, content"]),
    ("post", "/v1/ask", {"json": {"question": "x", "since": "07/04/2019"}}, ["since: Only evidence published on/after", "YYYY-MM-DD"]),
    ("post", "/v1/ask", {"json": {"question": "x", "publishers": "cnn"}}, ["publishers: Only these publishers", "a list of at most 20 strings"]),
    ("post", "/v1/ask", {"json": {"question": "x", "topic": "y"}}, ["topic is not a field here; the fields are", "question", "history"]),
    ("post", "/v1/briefs", {"json": {"topic": "x", "format": "pdf"}}, ["format: ", "one of 'json', 'markdown'"]),
    ("post", "/v1/briefs", {"json": {"topic": "x", "template": "no such"}}, ["template: A brief template", "matching"]),
    ("post", "/v1/briefs", {"json": {"topic": "x", "template": "nosuch"}}, ['"template" as one of answer, assessment, situation']),
    ("post", "/v1/documents", {"json": {"title": "T"}}, ["text (required): The article's body"]),
    ("post", "/v1/documents", {"json": {**ARTICLE, "published": "07/04/2019"}}, ["published: Publication day: YYYY-MM-DD"]),
    ("post", "/v1/chat/completions", {"json": {"messages": []}}, ["messages: a list of at most 100 objects with the fields role, content"]),
    ("post", "/v1/chat/completions", {"json": {"messages": [{"role": "robot", "content": "x"}]}}, ["messages.0.role: one of"]),
]


@pytest.mark.parametrize(("method", "path", "request_", "words"), FIELD_ERRORS)
def test_a_refused_field_is_answered_with_its_documented_form(client, method: str, path: str, request_: dict, words: list[str]) -> None:
    help_ = _help(getattr(client, method)(path, **request_), 422)
    assert help_ != SCHEMA_HELP and all(w in help_ for w in words), help_


@pytest.mark.parametrize("body", [b"", b"notjson", b"[1, 2]", b'"a question"', b"{"])
@pytest.mark.parametrize("path", ["/v1/ask", "/v1/briefs"])
def test_a_body_that_is_no_json_object_is_answered_with_one_to_send(client, path: str, body: bytes) -> None:
    help_ = _help(client.post(path, content=body, headers={"content-type": "application/json"}), 422)
    assert help_.startswith("send a JSON object (Content-Type: application/json), e.g. {"), help_


@pytest.mark.parametrize(("path", "words"), [
    ("/v1/briefs/0123abcd", "GET /v1/briefs lists"),
    ("/v1/jobs/0123abcd", 'POST /v1/briefs with "async": true'),
    ("/v1/documents/0123abcd", "GET /v1/documents lists"),
    ("/v1/passages/0123abcd", "chunk_id"),
    ("/v1/briefs/0123abcd/diff/4567", "GET /v1/briefs lists"),
    ("/v1/no-such-route", "the routes are listed at /docs"),
])
def test_an_unknown_id_or_route_says_where_the_known_ones_are_listed(client, path: str, words: str) -> None:
    assert words in _help(client.get(path), 404)


@pytest.mark.parametrize(("method", "path", "allowed"), [("put", "/v1/ask", "POST"), ("post", "/v1/publishers", "GET"),
                                                          ("patch", "/v1/documents/x", "GET")])
def test_a_method_a_path_does_not_take_is_answered_with_the_ones_it_does(client, method: str, path: str, allowed: str) -> None:
    help_ = _help(getattr(client, method)(path), 405)
    assert help_.startswith(f"{path} takes ") and allowed in help_ and method.upper() in help_


@pytest.mark.parametrize(("request_", "status", "words"), [
    ({"content": b"text", "headers": {"content-type": "text/plain"}}, 415, "a part named 'file'"),
    ({"files": {"file": ("a.docx", b"hello")}}, 415, ".pdf"),
    ({"files": {"note": (None, "no file here")}}, 422, "a part named 'file'"),
])
def test_a_document_upload_it_cannot_take_says_how_to_send_one(client, request_: dict, status: int, words: str) -> None:
    assert words in _help(client.post("/v1/documents", **request_), status)


def test_an_unknown_model_or_a_conversation_without_a_question_says_what_to_send(client) -> None:
    said = _help(client.post("/v1/chat/completions", json={"model": "gpt-9", "messages": [{"role": "user", "content": "x"}]}), 404)
    assert '"model" as one of techsec-brief' in said
    said = _help(client.post("/v1/chat/completions", json={"messages": [{"role": "assistant", "content": "x"}]}), 422)
    assert '{"role": "user", "content":' in said


def test_a_body_over_the_limit_says_how_large_one_may_be(client) -> None:
    assert "at most 1,000,000 bytes" in _help(client.post("/v1/ask", content=b"{" + b" " * 1_000_001 + b"}"), 413)


def test_a_missing_or_wrong_api_key_says_how_to_send_one(sample_index, tmp_path) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app
    from rag.config import APISettings, Settings

    settings = Settings(data_dir=tmp_path, api=APISettings(api_keys_sha256=[hashlib.sha256(b"k3y-value").hexdigest()]))
    with TestClient(create_app(settings, warm_up=False)) as c:
        for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
            assert "Authorization: Bearer <key>" in _help(c.get("/v1/briefs", headers=headers), 401)


def test_the_fields_a_body_does_not_take_are_named_together_once(client) -> None:
    said = _help(client.post("/v1/documents", json={"heading": "h", "copy": "b", "when": "2020-01-01"}), 422)
    assert "heading, copy, when are not fields here; the fields are title, text, url, published, publisher, authors, language, kind" in said
    assert said.count("the fields are") == 1 and "more" not in said  # every problem's help fits: nothing cut
    assert "title (required)" in said and "text (required)" in said
