"""HTTP API (in-process, TestClient): every endpoint, every error mapping, persistence and migrations.

The sample corpus is ingested once per module into a temp data dir (embedding cache copied from the
session's ``sample_index``, so no passage is embedded twice). Apps are built with ``create_app(settings)``;
no test relies on the process-wide settings.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import CORPUS_DIR, copy_sqlite
from rag.brief import NO_EVIDENCE, Brief
from rag.config import APISettings, LLMSettings, Settings
from rag.diff import ClaimRef, diff_briefs, diff_claims
from rag.errors import ConfigError, IndexMismatchError
from scripted_llm import ScriptedLLMServer
from servers import free_port

from api.logging import JsonFormatter
from api.main import create_app
from api.store import SCHEMA_VERSION, BriefStore

ANSWERABLE = "Why did Japan deny cybersecurity approval to Chinese battery makers?"
TOPIC_A = "Japan denies cybersecurity approval to Chinese battery makers"
TOPIC_B = "China export restrictions on Japanese firms"
KEY = "test-key-4f9a0c1e"  # sent by clients; only its digest is configured
KEY_DIGEST = hashlib.sha256(KEY.encode()).hexdigest()
NEW_ARTICLE = (
    "Seoul unveils Yongin semiconductor cluster incentives\n\n"
    "Published: 2026-07-02\n\n"
    "South Korea's trade ministry announced on 2026-07-02 a package of tax credits for foreign chipmakers that "
    "build fabrication plants in the Yongin semiconductor cluster. Officials said the incentives are meant to "
    "attract equipment suppliers from the Netherlands and Japan. The ministry expects the first fab to open in 2028, "
    "and said export-control compliance offices will be set up inside the cluster to screen shipments of advanced "
    "lithography tools."
)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, sample_index) -> Path:
    """A data dir with the sample corpus ingested once (through the same open_index the app uses)."""
    from rag.index import open_index
    from rag.ingest import Ingestor

    d = tmp_path_factory.mktemp("api-data")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", d / "embedding-cache.sqlite")
    report = Ingestor(open_index(Settings(data_dir=d))).ingest_paths([CORPUS_DIR])
    assert report.added == 5 and not report.failed, report.to_dict()
    return d


@pytest.fixture(scope="module")
def api_settings(data_dir) -> Settings:
    return Settings(data_dir=data_dir)


@pytest.fixture(scope="module")
def client(api_settings):
    with TestClient(create_app(api_settings, warm_up=False)) as c:
        yield c


def make_client(settings: Settings, **kw) -> TestClient:
    return TestClient(create_app(settings, warm_up=False), **kw)


@pytest.fixture(scope="module")
def brief_a(client) -> dict:
    r = client.post("/v1/briefs", json={"topic": TOPIC_A, "template": "situation"})
    assert r.status_code == 200, r.text
    return r.json()


def assert_error(r, status: int, type_: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}, body
    assert {"type", "message", "help"} <= set(body["error"]), body
    assert body["error"]["message"]
    if type_:
        assert body["error"]["type"] == type_, body
    return body["error"]


def sse_events(text: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a text/event-stream body (comments and pings skipped)."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].removeprefix(" "))
        if data:
            events.append((name, "\n".join(data)))
    return events


# --------------------------------------------------------------------------- health, ids, logs


def test_healthz_and_request_ids(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}
    assert len(r.headers["x-request-id"]) >= 16
    assert client.get("/healthz", headers={"X-Request-ID": "trace-42"}).headers["x-request-id"] == "trace-42"
    assert client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"}).headers["x-request-id"] != "bad id\twith spaces"


def test_readyz_reports_store_embedder_and_no_llm(client):
    r = client.get("/readyz")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "ready"
    assert body["checks"]["store"]["ok"] and body["checks"]["store"]["schema_version"] == SCHEMA_VERSION
    assert body["checks"]["embedder"]["ok"]
    assert "not configured" in body["checks"]["llm"]["detail"]


def test_unknown_route_and_method_use_the_error_shape(client):
    assert_error(client.get("/v1/nope"), 404, "not_found")
    assert_error(client.put("/v1/search"), 405, "method_not_allowed")


def test_access_log_is_one_json_line_per_request_without_secrets(api_settings, caplog):
    s = api_settings.model_copy(update={"api": APISettings(api_keys_sha256=[KEY_DIGEST])})
    caplog.set_level(logging.INFO, logger="api.access")
    with make_client(s) as c:
        c.get("/v1/models", headers={"Authorization": f"Bearer {KEY}", "X-Request-ID": "log-check-1"})
        c.get("/v1/models", headers={"Authorization": "Bearer wrong-key-value"})
    records = [r for r in caplog.records if r.name == "api.access"]
    assert len(records) == 2
    lines = [JsonFormatter().format(r) for r in records]
    first = json.loads(lines[0])
    assert first["request_id"] == "log-check-1"
    assert {"method", "path", "status", "duration_ms"} <= set(first)
    assert first["path"] == "/v1/models" and first["status"] == 200
    assert json.loads(lines[1])["status"] == 401
    everything = "\n".join(lines) + caplog.text
    assert KEY not in everything and "wrong-key-value" not in everything and "Bearer" not in everything


# --------------------------------------------------------------------------- auth


def test_keys_are_enforced_when_configured(api_settings, tmp_path):
    s = api_settings.model_copy(update={"api": APISettings(api_keys_sha256=[KEY_DIGEST])})
    with make_client(s) as c:
        assert c.get("/healthz").status_code == 200  # always open
        r = c.get("/v1/briefs")
        err = assert_error(r, 401, "unauthorized")
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert "Missing" in err["message"]
        r = c.get("/v1/briefs", headers={"Authorization": "Bearer nope"})
        assert_error(r, 401, "unauthorized")
        assert 'error="invalid_token"' in r.headers["www-authenticate"]
        assert_error(c.get("/v1/briefs", headers={"Authorization": f"Basic {KEY}"}), 401)
        assert c.get("/v1/briefs", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
        assert_error(c.get("/readyz"), 401)

    keys_file = tmp_path / "keys.txt"
    keys_file.write_text(f"# rotated 2026-11\n{hashlib.sha256(b'file-key').hexdigest()}\n", encoding="utf-8")
    s2 = api_settings.model_copy(update={"api": APISettings(keys_file=keys_file)})
    with make_client(s2) as c:
        assert c.get("/v1/models", headers={"Authorization": "Bearer file-key"}).status_code == 200
        assert_error(c.get("/v1/models", headers={"Authorization": f"Bearer {KEY}"}), 401)


def test_non_loopback_bind_requires_keys(api_settings):
    with pytest.raises(ConfigError, match="API keys are required"):
        create_app(api_settings, bind_host="0.0.0.0")
    with pytest.raises(ConfigError):
        create_app(api_settings, bind_host="192.168.1.20")
    s = api_settings.model_copy(update={"api": APISettings(api_keys_sha256=[KEY_DIGEST])})
    app = create_app(s, bind_host="0.0.0.0", warm_up=False)  # keys configured: starts
    app.state.services.close()
    with pytest.raises(ConfigError, match="sha256"):
        create_app(api_settings.model_copy(update={"api": APISettings(api_keys_sha256=["not-a-digest"])}))


def test_keyless_server_refuses_requests_arriving_on_a_public_interface(api_settings):
    # e.g. `uvicorn --host 0.0.0.0` started by hand (create_app was told loopback): the local address decides
    with make_client(api_settings, base_url="http://10.1.2.3:8000") as c:
        assert c.get("/healthz").status_code == 200
        assert_error(c.get("/v1/models"), 401, "unauthorized")


# --------------------------------------------------------------------------- search


def test_search_returns_hits_with_filters(client):
    r = client.get("/v1/search", params={"q": "battery makers cybersecurity approval", "k": 3})
    assert r.status_code == 200, r.text
    hits = r.json()["hits"]
    assert 1 <= len(hits) <= 3
    assert {"rank", "score", "chunk_id", "doc_id", "span", "text"} <= set(hits[0])
    assert "battery" in " ".join(h["text"] for h in hits).lower()
    r = client.get("/v1/search", params={"q": "battery", "publisher": "Intelrift Intelligence Desk", "since": "2026-01-01"})
    assert r.status_code == 200 and all(h["publisher"] == "Intelrift Intelligence Desk" for h in r.json()["hits"])
    r = client.get("/v1/search", params={"q": "battery", "until": "1999-01-01"})
    assert r.status_code == 200 and r.json()["hits"] == []


def test_a_search_hit_is_named_as_the_brief_and_the_cli_name_it(client):
    """A hit carries ``name``, the one display name (``rag.source_names``): the title when there is one, else where the
    untitled document is — the sample corpus's 001 and 002 have no headline, so they are "untitled file 00N_….txt", not ""
    or a hash."""
    hits = client.get("/v1/search", params={"q": "export controls Korea Japan", "k": 10}).json()["hits"]
    untitled = [h for h in hits if not h["title"]]
    titled = [h for h in hits if h["title"]]
    assert untitled and titled, hits
    assert all(h["name"] == "untitled file " + h["source_path"].rsplit("/", 1)[-1] for h in untitled), untitled
    assert "untitled file 001_19717e54740cd5a9.txt" in {h["name"] for h in untitled}
    assert all(h["name"] == h["title"] for h in titled)


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"q": "x", "k": 0}, "k"),
        ({"q": "x", "k": 51}, "k"),
        ({"q": "x", "k": "many"}, "k"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "empty"),
        ({"q": "x" * 2001}, "limit is 2000"),
        ({"q": "x", "since": "not a date"}, "date"),
        ({"q": "x", "since": "2026-05-01", "until": "2026-01-01"}, "after"),
        ({}, "q"),
    ],
)
def test_search_validation(client, params, fragment):
    err = assert_error(client.get("/v1/search", params=params), 422)
    assert fragment in err["message"], err


def test_search_too_many_publishers(client):
    r = client.get("/v1/search", params=[("q", "x")] + [("publisher", f"p{i}") for i in range(21)])
    assert_error(r, 422, "validation_error")


# --------------------------------------------------------------------------- briefs


def test_brief_is_generated_stored_and_fetchable(client, brief_a):
    b = Brief.model_validate(brief_a)
    assert b.kind == "brief" and b.template == "situation" and b.id
    assert not b.abstained and b.sources and b.claims_verified > 0
    assert {"retrieve", "write", "verify"} <= set(b.provenance.timings)
    r = client.get(f"/v1/briefs/{b.id}")
    assert r.status_code == 200 and r.json() == brief_a
    r = client.get(f"/v1/briefs/{b.id}", params={"format": "markdown"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")
    assert r.headers["x-brief-id"] == b.id and "## Sources" in r.text and "[1]" in r.text
    listing = client.get("/v1/briefs", params={"template": "situation", "topic": "battery MAKERS"}).json()
    assert b.id in [i["id"] for i in listing["items"]]
    assert client.get("/v1/briefs", params={"topic": "no such topic anywhere"}).json() == {"items": [], "total": 0, "offset": 0, "limit": 20}


def test_brief_list_is_paged_newest_first(client, brief_a):
    r = client.post("/v1/briefs", json={"topic": TOPIC_B, "template": "assessment", "format": "markdown"})
    assert r.status_code == 200, r.text
    md = r.json()
    assert set(md) == {"id", "markdown"} and md["markdown"].startswith("# ")
    page = client.get("/v1/briefs", params={"limit": 1}).json()
    assert page["total"] >= 2 and len(page["items"]) == 1 and page["items"][0]["id"] == md["id"]
    page2 = client.get("/v1/briefs", params={"limit": 1, "offset": 1}).json()
    assert page2["items"][0]["id"] != md["id"]
    only = client.get("/v1/briefs", params={"template": "assessment"}).json()
    assert [i["id"] for i in only["items"]] == [md["id"]]
    assert_error(client.get("/v1/briefs", params={"limit": 0}), 422)
    assert_error(client.get("/v1/briefs", params={"limit": 101}), 422)
    assert_error(client.get("/v1/briefs", params={"offset": -1}), 422)


def test_async_brief_job(client):
    r = client.post("/v1/briefs", json={"topic": TOPIC_B, "template": "situation", "async": True})
    assert r.status_code == 202, r.text
    job_id = r.json()["job_id"]
    assert r.headers["location"] == f"/v1/jobs/{job_id}"
    deadline = time.monotonic() + 120
    while True:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert job["status"] == "done", job
    brief = client.get(f"/v1/briefs/{job['brief_id']}").json()
    assert brief["topic"] == TOPIC_B
    assert_error(client.get("/v1/jobs/does-not-exist"), 404, "not_found")


def test_async_job_that_abstains_is_done(client):
    r = client.post("/v1/briefs", json={"topic": "battery makers", "template": "situation", "async": True, "since": "2099-01-01"})
    job_id = r.json()["job_id"]
    client.app.state.services.jobs.wait(job_id, timeout=60)
    job = client.get(f"/v1/jobs/{job_id}").json()
    # nothing published after 2099: the engine abstains, which is a result, not an error
    assert job["status"] == "done"
    assert client.get(f"/v1/briefs/{job['brief_id']}").json()["abstained"] is True


@pytest.mark.parametrize(
    "body, status, fragment",
    [
        ({"topic": ""}, 422, "topic"),
        ({"topic": "   \n "}, 422, "empty"),
        ({"topic": "x" * 2001}, 422, "limit is 2000"),
        ({"topic": "x" * 20001}, 422, "topic"),
        ({"topic": "chips", "template": "nonexistent"}, 422, "Unknown template"),
        ({"topic": "chips", "template": "../etc/passwd"}, 422, "template"),
        ({"topic": "chips", "since": "the day before yesterday"}, 422, "date"),
        ({"topic": "chips", "since": "2026-05-01", "until": "2026-01-01"}, 422, "after"),
        ({"topic": "chips", "publishers": [f"p{i}" for i in range(21)]}, 422, "publishers"),
        ({"topic": "chips", "format": "pdf"}, 422, "format"),
        ({"topic": "chips", "surprise": 1}, 422, "surprise"),
        ({}, 422, "topic"),
    ],
)
def test_brief_validation(client, body, status, fragment):
    err = assert_error(client.post("/v1/briefs", json=body), status)
    assert fragment in err["message"], err


def test_malformed_and_oversized_json(client):
    r = client.post("/v1/briefs", content=b"{not json", headers={"content-type": "application/json"})
    assert_error(r, 422, "validation_error")
    r = client.post("/v1/ask", content=b'{"question": "' + b"x" * 1_100_000 + b'"}', headers={"content-type": "application/json"})
    assert_error(r, 413, "payload_too_large")


def test_unknown_brief_ids_are_404(client, brief_a):
    assert_error(client.get("/v1/briefs/0000000000000000"), 404, "not_found")
    assert_error(client.get(f"/v1/briefs/{brief_a['id']}/diff/ffffffffffffffff"), 404, "not_found")
    assert_error(client.get(f"/v1/briefs/ffffffffffffffff/diff/{brief_a['id']}"), 404, "not_found")


def test_diff_endpoint(client, brief_a):
    same = client.get(f"/v1/briefs/{brief_a['id']}/diff/{brief_a['id']}").json()
    n = len(Brief.model_validate(brief_a).all_claims())
    assert same["added"] == same["dropped"] == same["changed"] == [] and same["unchanged"] == n
    other = client.get("/v1/briefs", params={"topic": TOPIC_B, "limit": 1}).json()["items"]
    if not other:
        other = [client.post("/v1/briefs", json={"topic": TOPIC_B}).json()]
    d = client.get(f"/v1/briefs/{brief_a['id']}/diff/{other[0]['id']}").json()
    assert d["base_id"] == brief_a["id"] and d["other_id"] == other[0]["id"]
    assert d["added"] or d["dropped"] or d["changed"]
    assert_error(client.get(f"/v1/briefs/{brief_a['id']}/diff/{brief_a['id']}", params={"threshold": 2}), 422)


def test_briefs_survive_a_new_app_instance(api_settings, brief_a):
    with make_client(api_settings) as c:
        r = c.get(f"/v1/briefs/{brief_a['id']}")
        assert r.status_code == 200 and r.json()["topic"] == TOPIC_A


# --------------------------------------------------------------------------- diff (pure)


def _refs(*texts: str) -> list[ClaimRef]:
    return [ClaimRef("key_points", i, t) for i, t in enumerate(texts)]


def test_diff_claims_added_dropped_changed():
    old = _refs(
        "Japan denied cybersecurity approval to Chinese battery makers.",
        "China prosecuted chip smugglers in Shenzhen.",
        "Korea pitched a new chip hub.",
    )
    new = _refs(
        "Korea pitched a new chip hub.",
        "Japan denied cybersecurity approvals to several Chinese battery makers.",
        "Taiwan tightened export rules for lithography tools.",
    )
    d = diff_claims(old, new)
    assert [c.text for c in d.dropped] == ["China prosecuted chip smugglers in Shenzhen."]
    assert [c.text for c in d.added] == ["Taiwan tightened export rules for lithography tools."]
    assert len(d.changed) == 1 and d.changed[0].before.position == 0 and d.changed[0].after.position == 1
    assert 0.6 <= d.changed[0].ratio < 1
    assert len(d.unchanged) == 1
    strict = diff_claims(old, new, threshold=0.99)
    assert not strict.changed and len(strict.added) == 2 and len(strict.dropped) == 2
    with pytest.raises(ValueError):
        diff_claims(old, new, threshold=0)


def test_diff_briefs_of_stored_brief_with_itself(brief_a):
    b = Brief.model_validate(brief_a)
    d = diff_briefs(b, b)
    assert not (d.added or d.dropped or d.changed) and d.to_dict()["unchanged"] == len(b.all_claims())


# --------------------------------------------------------------------------- ask


def test_ask_with_a_lone_surrogate_escaped_in_the_json_is_a_clear_validation_error(client):
    body = ('{"question": "%s \\ud800"}' % ANSWERABLE).encode("utf-8")  # valid JSON, not valid Unicode text
    err = assert_error(client.post("/v1/ask", content=body, headers={"content-type": "application/json"}), 422)
    assert "question" in err["message"] and "unicode" in err["message"]


def test_ask_returns_a_cited_answer_and_stores_it(client):
    r = client.post("/v1/ask", json={"question": ANSWERABLE})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "[1]" in body["answer"] and "Sources:" in body["answer"]
    assert body["brief"]["kind"] == "answer" and body["sources"] and body["citations"]
    assert all(c["sources"] for c in body["citations"])
    stored = client.get(f"/v1/briefs/{body['id']}").json()
    assert stored["kind"] == "answer" and stored["topic"] == ANSWERABLE
    assert body["id"] in [i["id"] for i in client.get("/v1/briefs", params={"kind": "answer"}).json()["items"]]


def test_ask_abstains_outside_the_corpus(client):
    r = client.post("/v1/ask", json={"question": "What did Brazil's central bank decide on interest rates?", "until": "2001-01-01"})
    assert r.status_code == 200
    assert r.json()["answer"].startswith(NO_EVIDENCE)


@pytest.mark.parametrize(
    "body, fragment",
    [
        ({"question": ""}, "question"),
        ({"question": " "}, "empty"),
        ({"question": "x" * 2001}, "limit is 2000"),
        ({"question": "q", "history": [{"role": "user", "content": "hi"}] * 21}, "history"),
        ({"question": "q", "history": [{"role": "user", "content": "x" * 4001}]}, "history"),
        ({"question": "q", "history": [{"role": "system", "content": "obey"}]}, "role"),
        ({"question": "q", "until": "someday"}, "date"),
    ],
)
def test_ask_validation(client, body, fragment):
    err = assert_error(client.post("/v1/ask", json=body), 422)
    assert fragment in err["message"], err


def test_ask_stream_sends_deltas_final_and_done(client):
    with client.stream("POST", "/v1/ask", json={"question": ANSWERABLE, "stream": True}) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        text = "".join(r.iter_text())
    events = sse_events(text)
    names = [e for e, _ in events]
    assert names[-2:] == ["final", "done"], names
    assert set(names[:-2]) <= {"delta"}
    final = json.loads(events[-2][1])
    assert "[1]" in final["answer"] and final["brief"]["kind"] == "answer" and final["sources"]
    assert json.loads(events[-1][1]) == {"id": final["id"]}
    assert client.get(f"/v1/briefs/{final['id']}").status_code == 200


# --------------------------------------------------------------------------- LLM failures


@pytest.fixture(scope="module")
def scripted_llm():
    with ScriptedLLMServer() as server:
        yield server


def test_llm_timeout_is_504(api_settings, scripted_llm):
    s = api_settings.model_copy(update={"llm": LLMSettings(backend="openai", base_url=scripted_llm.base_url, timeout=0.5, retries=0)})
    scripted_llm.reset()
    scripted_llm.enqueue(*[{"delay": 5.0, "content": "too late"}] * 3)
    with make_client(s) as c:
        err = assert_error(c.post("/v1/ask", json={"question": ANSWERABLE}), 504, "llm_timeout")
        assert "0.5" in err["message"] and err["help"]
        # streaming: the failure arrives as an `error` event
        with c.stream("POST", "/v1/ask", json={"question": ANSWERABLE, "stream": True}) as r:
            assert r.status_code == 200
            events = sse_events("".join(r.iter_text()))
        assert events[-1][0] == "error", events
        payload = json.loads(events[-1][1])
        assert payload["error"]["type"] == "llm_timeout" and payload["error"]["status"] == 504
        # an async job records the failure
        job_id = c.post("/v1/briefs", json={"topic": TOPIC_A, "async": True}).json()["job_id"]
        c.app.state.services.jobs.wait(job_id, timeout=60)
        job = c.get(f"/v1/jobs/{job_id}").json()
        assert job["status"] == "failed" and job["brief_id"] is None
        assert job["error"]["type"] == "llm_timeout" and "0.5" in job["error"]["message"]


def test_dead_llm_falls_back_to_the_offline_writer(api_settings):
    dead = f"http://127.0.0.1:{free_port()}/v1"
    s = api_settings.model_copy(update={"llm": LLMSettings(backend="openai", base_url=dead, timeout=2, retries=0)})
    with make_client(s) as c:
        r = c.post("/v1/ask", json={"question": ANSWERABLE})
        assert r.status_code == 200, r.text
        prov = r.json()["brief"]["provenance"]
        assert prov["backend"] == "extractive"
        assert any("unavailable" in n and "extractive" in n for n in prov["notes"]), prov["notes"]
        ready = c.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["llm"]["ok"] is False


# --------------------------------------------------------------------------- OpenAI-compatible chat


def test_chat_completion_plain(client):
    body = {
        "model": "techsec-brief", "temperature": 0.7, "max_tokens": 50,
        "messages": [
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": "Tell me about Japan and Chinese batteries."},
            {"role": "assistant", "content": "Japan blocked them. [1]\n\nSources:\n[1] x"},
            {"role": "user", "content": ANSWERABLE},
        ],
    }
    r = client.post("/v1/chat/completions", json=body)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["object"] == "chat.completion" and out["model"] == "techsec-brief"
    content = out["choices"][0]["message"]["content"]
    assert out["choices"][0]["message"]["role"] == "assistant" and out["choices"][0]["finish_reason"] == "stop"
    assert "[1]" in content and "\nSources:\n[1] " in content
    u = out["usage"]
    assert u["prompt_tokens"] > 0 and u["completion_tokens"] > 0 and u["total_tokens"] == u["prompt_tokens"] + u["completion_tokens"]


def test_chat_completion_stream(client):
    body = {"model": "answer", "stream": True, "stream_options": {"include_usage": True},
            "messages": [{"role": "user", "content": ANSWERABLE}]}
    with client.stream("POST", "/v1/chat/completions", json=body) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        text = "".join(r.iter_text())
    data = [d for _, d in sse_events(text)]
    assert data[-1] == "[DONE]"
    chunks = [json.loads(d) for d in data[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    content = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert "[1]" in content and "Sources:" in content
    assert any(c["choices"] and c["choices"][0]["finish_reason"] == "stop" for c in chunks)
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["total_tokens"] > 0


def test_chat_errors(client):
    msgs = [{"role": "user", "content": "hi"}]
    err = assert_error(client.post("/v1/chat/completions", json={"model": "gpt-17", "messages": msgs}), 404, "model_not_found")
    assert "techsec-brief" in err["message"]
    assert_error(client.post("/v1/chat/completions", json={"messages": []}), 422)
    assert_error(client.post("/v1/chat/completions", json={"messages": [{"role": "assistant", "content": "hi"}]}), 422)
    assert_error(client.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "x" * 2001}]}), 422)


def test_models_list(client):
    ids = [m["id"] for m in client.get("/v1/models").json()["data"]]
    assert {"techsec-brief", "extractive", "openai", "answer", "situation", "assessment"} <= set(ids)
    assert "system" not in ids


# --------------------------------------------------------------------------- documents


def test_document_round_trip_upload_search_brief_diff_delete(client, brief_a, data_dir):
    r = client.post("/v1/documents", files={"file": ("yongin.txt", NEW_ARTICLE.encode(), "text/plain")})
    assert r.status_code == 200, r.text
    docs = r.json()["documents"]
    assert len(docs) == 1 and docs[0]["status"] == "added"
    doc_id = docs[0]["doc_id"]
    stored = list((data_dir / "uploads").glob("*.txt"))
    assert len(stored) == 1 and len(stored[0].stem) == 32
    again = client.post("/v1/documents", files={"file": ("copy.txt", NEW_ARTICLE.encode(), "text/plain")}).json()
    assert again["documents"] == [{"doc_id": doc_id, "status": "duplicate", "source_path": f"uploads/{stored[0].name}", "story_id": None, "version_of": None}]

    hits = client.get("/v1/search", params={"q": "Yongin semiconductor cluster tax credits", "k": 3}).json()["hits"]
    assert hits[0]["doc_id"] == doc_id
    detail = client.get(f"/v1/documents/{doc_id}").json()
    assert detail["title"] == "Seoul unveils Yongin semiconductor cluster incentives" and detail["published"] == "2026-07-02"
    assert detail["chunks"] and detail["n_chunks"] == len(detail["chunks"]) and "text" not in detail
    listing = client.get("/v1/documents", params={"limit": 100}).json()
    assert doc_id in [d["doc_id"] for d in listing["items"]] and listing["total"] == 6

    brief = client.post("/v1/briefs", json={"topic": "Yongin semiconductor cluster incentives for foreign chipmakers"}).json()
    assert doc_id in [s["doc_id"] for s in brief["sources"]], brief["sources"]
    fetched = client.get(f"/v1/briefs/{brief['id']}").json()
    assert fetched == brief
    d = client.get(f"/v1/briefs/{brief_a['id']}/diff/{brief['id']}").json()
    assert d["added"] and any(doc_id in c["sources"] for c in d["added"])

    assert client.delete(f"/v1/documents/{doc_id}").status_code == 204
    assert_error(client.get(f"/v1/documents/{doc_id}"), 404, "not_found")
    assert_error(client.delete(f"/v1/documents/{doc_id}"), 404, "not_found")
    assert doc_id not in [h["doc_id"] for h in client.get("/v1/search", params={"q": "Yongin semiconductor cluster"}).json()["hits"]]
    assert not list((data_dir / "uploads").glob("*.txt"))  # the stored upload went with its only document
    # deleted, then uploaded again: it comes back
    back = client.post("/v1/documents", files={"file": ("yongin.txt", NEW_ARTICLE.encode(), "text/plain")}).json()
    assert back["documents"][0]["status"] == "added"
    assert client.delete(f"/v1/documents/{doc_id}").status_code == 204


def test_json_article_upload(client):
    article = {"title": "Taiwan screens lithography exports", "publisher": "Example Wire", "published": "2026-08-01",
               "url": "https://example.org/tw-litho", "authors": ["A. Reporter"],
               "text": "Taiwan's economics ministry said on 2026-08-01 that exports of used lithography tools to mainland "
                       "China now need a licence, citing the risk that refurbished scanners reach military users."}
    r = client.post("/v1/documents", json=article)
    assert r.status_code == 200, r.text
    out = r.json()["documents"][0]
    assert out["status"] == "added" and out["source_path"].startswith("upload:")
    detail = client.get(f"/v1/documents/{out['doc_id']}").json()
    assert detail["publisher"] == "Example Wire" and detail["published"] == "2026-08-01" and detail["authors"] == ["A. Reporter"]
    assert client.post("/v1/documents", json=article).json()["documents"][0]["status"] == "duplicate"
    assert client.delete(f"/v1/documents/{out['doc_id']}").status_code == 204
    assert_error(client.post("/v1/documents", json={"title": "t", "text": "   "}), 422, "validation_error")
    assert_error(client.post("/v1/documents", json={"title": "t", "text": "x", "published": "whenever"}), 422)
    assert_error(client.post("/v1/documents", json={"text": "no title"}), 422)


def test_an_article_or_file_that_holds_only_a_page_wall_is_refused_with_its_reason(client):
    """A consent notice sent as an article, or a saved paywall page, is no article: 422 ``no_article_text``, the
    reason naming the kind of wall, no server path in it, nothing indexed."""
    before = client.get("/v1/documents", params={"limit": 1}).json()["total"]
    wall = {"title": "Chip tools join export list", "published": "2026-08-01",
            "text": "We value your privacy\n\nWe and our partners use cookies to personalise content and ads.\n\n"
                    "Accept all\n\nReject all\n\nManage options"}
    err = assert_error(client.post("/v1/documents", json=wall), 422, "no_article_text")
    assert "consent" in err["message"] and ".toml" not in err["message"] and "paywall" in err["help"]
    page = ("<html><head><title>Chip tools join export list</title></head><body><main><p>Subscribe now to continue "
            "reading.</p><p>Already a subscriber? Sign in</p></main></body></html>")
    err = assert_error(client.post("/v1/documents", files={"file": ("story.html", page.encode(), "text/html")}),
                       422, "no_article_text")
    assert "paywall" in err["message"]
    assert client.get("/v1/documents", params={"limit": 1}).json()["total"] == before


def test_jsonl_upload_reports_unreadable_dates_and_counts_undated_documents(client):
    lines = [
        {"headline": "Seoul lists chip tools", "maintext": "Seoul added twelve chip tools to its strategic items list on Friday.",
         "date_publish": "2023-10-20 09:00:00", "source_domain": "example-news.kr"},
        {"title": "Wire item without a usable date", "text": "Exporters must apply for a permit before shipping listed machine tools.",
         "published": "07/04/2019"},
    ]
    payload = "\n".join(json.dumps(line) for line in lines).encode()
    r = client.post("/v1/documents", files={"file": ("export.jsonl", payload, "application/octet-stream")})
    assert r.status_code == 200, r.text
    out = r.json()
    assert [d["status"] for d in out["documents"]] == ["added", "added"]
    assert out["undated"] == {"count": 1, "documents": ["export.jsonl#L2"]}  # as `brief ingest --json` gives it
    (warning,) = out["warnings"]
    assert warning["path"] == "export.jsonl#L2" and "07/04/2019" in warning["message"]
    for d in out["documents"]:
        assert client.delete(f"/v1/documents/{d['doc_id']}").status_code == 204


@pytest.mark.parametrize(
    "name, payload, fragment",
    [
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"IHDRxxxx" * 40, "PNG"),
        ("fake.pdf", b"This is plain text pretending to be a PDF.\n" * 5, "not a PDF"),
        ("notes.html", b"Just words, no markup at all, in a file named html.\n" * 5, "HTML"),
        ("program.exe", b"MZ\x90\x00\x03", "unsupported"),
        ("data.jsonl", b"title,text\nfoo,bar\n", "JSON"),
        ("empty.md", b"   \n\n ", "empty"),
    ],
)
def test_upload_type_is_checked_by_content(client, data_dir, name, payload, fragment):
    err = assert_error(client.post("/v1/documents", files={"file": (name, payload, "application/octet-stream")}), 415, "unsupported_document")
    assert fragment in err["message"], err
    assert not [p for p in (data_dir / "uploads").rglob("*") if p.is_file() and p.suffix in (".txt", ".pdf", ".html", ".jsonl", ".md", ".exe")]
    assert not list((data_dir / "uploads" / ".incoming").glob("*"))


def test_unreadable_pdf_with_a_valid_header_is_415(client):
    err = assert_error(client.post("/v1/documents", files={"file": ("broken.pdf", b"%PDF-1.7\n garbage that is no pdf", "application/pdf")}), 415)
    assert "PDF" in err["message"]


def test_oversize_upload_is_413_while_streaming(api_settings, data_dir):
    s = api_settings.model_copy(update={"api": APISettings(max_upload_bytes=2048)})
    with make_client(s) as c:
        small_over = ("big.txt", b"word " * 1000, "text/plain")  # 5 kB: within the header slack, caught while streaming
        assert_error(c.post("/v1/documents", files={"file": small_over}), 413, "payload_too_large")
        huge = ("huge.txt", b"word " * 40_000, "text/plain")  # 200 kB: refused from Content-Length
        assert_error(c.post("/v1/documents", files={"file": huge}), 413, "payload_too_large")
        assert_error(c.post("/v1/documents", json={"title": "t", "text": "x" * 5000}), 413)
    assert not list((data_dir / "uploads" / ".incoming").glob("*"))


def test_upload_without_file_or_with_wrong_content_type(client):
    assert_error(client.post("/v1/documents", data={"note": "no file"}, files={"other": (None, "x")}), 422)
    assert_error(client.post("/v1/documents", content=b"abc", headers={"content-type": "text/plain"}), 415)


def test_unknown_documents_are_404(client):
    assert_error(client.get("/v1/documents/ffffffffffffffff"), 404, "not_found")
    assert_error(client.delete("/v1/documents/ffffffffffffffff"), 404, "not_found")
    page = client.get("/v1/documents", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["total"] >= 5


def test_searches_keep_working_while_an_ingest_runs(client):
    articles = [
        {"title": f"Concurrent article {i}", "published": f"2026-09-0{i + 1}",
         "text": f"Article number {i} about semiconductor export screening in port {i} of Busan and Kaohsiung. "
                 f"Inspectors reported {i + 3} seized shipments of wafer-cleaning equipment bound for unlicensed buyers."}
        for i in range(3)
    ]
    results: dict[str, list] = {"ingest": [], "search": []}
    errors: list[BaseException] = []

    def ingest() -> None:
        try:
            for a in articles:
                results["ingest"].append(client.post("/v1/documents", json=a))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=ingest)
    t.start()
    while t.is_alive() or len(results["search"]) < 3:
        results["search"].append(client.get("/v1/search", params={"q": "export controls on chips", "k": 5}))
    t.join()
    assert not errors
    assert [r.status_code for r in results["ingest"]] == [200, 200, 200]
    assert all(r.status_code == 200 for r in results["search"]), [r.text for r in results["search"] if r.status_code != 200]
    assert all(r.json()["hits"] for r in results["search"])
    for r in results["ingest"]:
        assert client.delete(f"/v1/documents/{r.json()['documents'][0]['doc_id']}").status_code == 204


# --------------------------------------------------------------------------- store migrations


def _v1_database(path: Path, brief: Brief) -> None:
    db = sqlite3.connect(str(path))
    db.execute("CREATE TABLE briefs (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, template TEXT NOT NULL, "
               "topic TEXT NOT NULL, kind TEXT NOT NULL, brief_json TEXT NOT NULL)")
    db.execute("INSERT INTO briefs VALUES (?, ?, ?, ?, ?, ?)",
               (brief.id, brief.provenance.created_at, brief.template, brief.topic, brief.kind, brief.model_dump_json()))
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def test_store_migrates_a_v1_database(tmp_path, brief_a):
    brief = Brief.model_validate(brief_a)
    path = tmp_path / "briefs.sqlite"
    _v1_database(path, brief)
    store = BriefStore(path)
    try:
        assert store.migrated_from == 1 and store.version == SCHEMA_VERSION
        items, total = store.list()
        assert total == 1
        assert items[0]["headline"] == brief.headline and items[0]["backend"] == "extractive"
        assert items[0]["corpus_snapshot"] == brief.provenance.corpus_snapshot
        assert store.get(brief.id) == brief
        job = store.create_job({"topic": "x"})  # v3 table exists
        assert store.get_job(job.id).status == "queued"
    finally:
        store.close()
    cols = {r[1] for r in sqlite3.connect(str(path)).execute("PRAGMA table_info(briefs)")}
    assert {"headline", "abstained", "backend", "corpus_snapshot"} <= cols


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "briefs.sqlite"
    db = sqlite3.connect(str(path))
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(IndexMismatchError):
        BriefStore(path)


def test_jobs_of_a_dead_process_are_marked_failed(tmp_path):
    path = tmp_path / "briefs.sqlite"
    store = BriefStore(path)
    job = store.create_job({"topic": "x"})
    with sqlite3.connect(str(path)) as db:
        db.execute("UPDATE jobs SET owner=? WHERE id=?", (f"{__import__('socket').gethostname()}:999999999", job.id))
    store.close()
    reopened = BriefStore(path)
    try:
        got = reopened.get_job(job.id)
        assert got.status == "failed" and got.error["type"] == "interrupted"
    finally:
        reopened.close()


# --------------------------------------------------------------------------- error mapping


@pytest.mark.parametrize(
    "exc, status, type_",
    [
        ("QueryError", 422, "invalid_query"),
        ("DocumentError", 415, "unsupported_document"),
        ("NotFoundError", 404, "not_found"),
        ("IndexMismatchError", 409, "index_mismatch"),
        ("LLMTimeoutError", 504, "llm_timeout"),
        ("LLMUnavailableError", 503, "llm_unavailable"),
        ("LLMError", 502, "llm_error"),
    ],
)
def test_rag_errors_map_to_their_status(exc, status, type_):
    import rag.errors
    from api.errors import brief_error

    got_status, body = brief_error(getattr(rag.errors, exc)("what happened", help_message="how to fix"))
    assert got_status == status
    assert body == {"error": {"type": type_, "message": "what happened", "help": "how to fix"}}


def test_index_built_with_another_embedder_is_409(tmp_path):
    from rag.catalog import Catalog

    s = Settings(data_dir=tmp_path / "other")
    catalog = Catalog(s.data_dir / "collections" / s.chroma.collection / "catalog.sqlite")
    catalog.set_meta("embed_model", "some-other-embedding-model")
    catalog.close()
    with make_client(s) as c:
        err = assert_error(c.get("/v1/search", params={"q": "chips"}), 409, "index_mismatch")
        assert "some-other-embedding-model" in err["message"] and err["help"]


def test_keys_never_reach_stored_briefs(api_settings, data_dir):
    s = api_settings.model_copy(update={"api": APISettings(api_keys_sha256=[KEY_DIGEST])})
    with make_client(s) as c:
        r = c.post("/v1/ask", json={"question": "What did Korea pitch as a new chip hub?"}, headers={"Authorization": f"Bearer {KEY}"})
        assert r.status_code == 200, r.text
    raw = b"".join(p.read_bytes() for p in data_dir.glob("briefs.sqlite*"))
    assert r.json()["id"].encode() in raw
    assert KEY.encode() not in raw and KEY_DIGEST.encode() not in raw
