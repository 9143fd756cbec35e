"""API edges: 500s name their request id, oversize bodies are 413 (also chunked), missing packages are 500s,
per-line upload failures keep their line numbers, and a large upload does not block deletes and small uploads."""

from __future__ import annotations

import json
import logging
import threading

import pytest
from fastapi.testclient import TestClient

from rag.config import LimitsSettings, Settings

from api.main import MAX_JSON_BODY, create_app

ARTICLE = "Korea expanded its lithography subsidy for domestic chip fabs, the industry ministry said on Monday. "


@pytest.fixture
def api(tmp_path, sample_index):
    from conftest import copy_sqlite

    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", tmp_path / "embedding-cache.sqlite")
    settings = Settings(data_dir=tmp_path, limits=LimitsSettings(max_text_chars=20_000))
    app = create_app(settings, warm_up=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield app, client


def _upload(client, name: str, data: bytes, **kw):
    return client.post("/v1/documents", files={"file": (name, data)}, **kw)


def test_an_unhandled_error_is_a_500_with_its_request_id_in_body_header_and_log(api, caplog):
    app, client = api

    def boom():
        raise RuntimeError("disk on fire")

    app.add_api_route("/v1/test-boom", boom, methods=["GET"])
    with caplog.at_level(logging.INFO, logger="api"):
        r = client.get("/v1/test-boom", headers={"X-Request-ID": "req-boom-1"})
    assert r.status_code == 500
    assert r.headers["x-request-id"] == "req-boom-1"
    assert r.json()["error"]["request_id"] == "req-boom-1" and "req-boom-1" in r.json()["error"]["message"]
    assert "disk on fire" not in r.text  # internals stay in the log
    errors = [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert errors and all(getattr(rec, "request_id", None) == "req-boom-1" for rec in errors)
    assert any("disk on fire" in (rec.exc_text or "") or rec.exc_info for rec in errors)
    generated = client.get("/v1/test-boom")
    assert generated.json()["error"]["request_id"] == generated.headers["x-request-id"] != ""


def test_a_missing_reader_package_is_a_500_not_an_unsupported_document(api, monkeypatch, caplog):
    import rag.loaders as loaders

    def no_pdf(data):
        raise ImportError("No module named 'pypdf'", name="pypdf")

    monkeypatch.setitem(loaders._READERS, ".pdf", no_pdf)
    _, client = api
    with caplog.at_level(logging.INFO):
        r = _upload(client, "report.pdf", b"%PDF-1.4\n" + ARTICLE.encode(), headers={"X-Request-ID": "req-dep-1"})
    assert r.status_code == 500, r.text
    err = r.json()["error"]
    assert err["type"] == "dependency_missing" and "pypdf" in err["message"] and err["request_id"] == "req-dep-1"
    assert any("pypdf" in rec.getMessage() and rec.levelno >= logging.ERROR for rec in caplog.records)


@pytest.mark.parametrize("path", ["/v1/ask", "/v1/chat/completions", "/v1/briefs"])
def test_an_oversize_chunked_json_body_is_413(api, path):
    _, client = api

    def body():  # a generator: sent chunked, with no Content-Length to check up front
        yield b'{"question": "'
        for _ in range(MAX_JSON_BODY // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'

    r = client.post(path, content=body(), headers={"content-type": "application/json"})
    assert r.status_code == 413, r.text
    assert r.json()["error"]["type"] == "payload_too_large"


def test_a_small_chunked_json_body_still_reaches_the_route(api):
    _, client = api
    r = client.post("/v1/ask", content=iter([b'{"question": "lithography', b' subsidy?"}']), headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    assert "answer" in r.json()


def test_jsonl_upload_failures_keep_their_line_numbers(api):
    _, client = api
    good = lambda i: json.dumps({"title": f"Upload {i}", "text": f"Upload {i}. " + ARTICLE}).encode()  # noqa: E731
    data = b"\n".join([good(1), b'{"title": "nul", "text": "a\x00b"}', good(3), b'{"text": "caf\xe9 \xff"}', good(5)]) + b"\n"
    r = _upload(client, "feed.jsonl", data)
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["documents"]) == 3
    assert [f["path"] for f in body["failed"]] == ["feed.jsonl#L2", "feed.jsonl#L4"]


def test_an_article_over_the_text_limit_is_413_and_a_file_over_it_too(api):
    _, client = api
    r = client.post("/v1/documents", json={"title": "Long", "text": ARTICLE * 400})
    assert r.status_code == 413 and "limits.max_text_chars" in r.json()["error"]["message"], r.text
    r = _upload(client, "long.txt", (ARTICLE * 400).encode())
    assert r.status_code == 413 and "limits.max_text_chars" in r.json()["error"]["message"], r.text


def test_deletes_and_small_uploads_finish_while_a_large_upload_is_embedding(api, monkeypatch):
    """The large upload is held inside its embedding step; the writes it has not reached must not wait for it."""
    import rag.ingest as ingest

    _, client = api
    entered, release = threading.Event(), threading.Event()
    real = ingest.embed_cached

    def held(embedder, texts, cache, **options):
        if any("Hold-marker" in t for t in texts):
            entered.set()
            assert release.wait(120), "test never released the large upload"
        return real(embedder, texts, cache, **options)

    monkeypatch.setattr(ingest, "embed_cached", held)
    victim = client.post("/v1/documents", json={"title": "To delete", "text": "Delete me. " + ARTICLE}).json()["documents"][0]["doc_id"]
    large: dict = {}
    big = threading.Thread(target=lambda: large.update(r=_upload(client, "big.txt", ("Hold-marker. " + ARTICLE * 150).encode())))
    big.start()
    try:
        assert entered.wait(120), "the large upload never reached embedding"
        small: dict = {}

        def others():
            small["upload"] = client.post("/v1/documents", json={"title": "Small", "text": "Small one. " + ARTICLE})
            small["delete"] = client.delete(f"/v1/documents/{victim}")

        worker = threading.Thread(target=others)
        worker.start()
        worker.join(120)  # with the write lock held by the large upload, this would wait for release forever
        assert not worker.is_alive(), "a small upload/delete waited for the large upload"
        assert big.is_alive()  # the large one really was still in progress
        assert small["upload"].status_code == 200 and small["delete"].status_code == 204
    finally:
        release.set()
        big.join(120)
    assert large["r"].status_code == 200, large["r"].text
    listed = {d["title"] for d in client.get("/v1/documents", params={"limit": 100}).json()["items"]}
    assert {"Small"} <= listed and "To delete" not in listed


def test_oversize_uploads_are_413_whether_or_not_the_length_is_declared(tmp_path):
    from rag.config import APISettings

    settings = Settings(data_dir=tmp_path, api=APISettings(max_upload_bytes=4096))
    with TestClient(create_app(settings, warm_up=False), raise_server_exceptions=False) as client:
        article = json.dumps({"title": "Big", "text": ARTICLE * 60}).encode()  # ~6 kB
        declared = client.post("/v1/documents", content=article, headers={"content-type": "application/json"})
        chunked = client.post("/v1/documents", content=iter([article[:3000], article[3000:]]), headers={"content-type": "application/json"})
        upload = _upload(client, "big.txt", (ARTICLE * 60).encode())
        for r in (declared, chunked, upload):
            assert r.status_code == 413 and r.json()["error"]["type"] == "payload_too_large", r.text


def test_a_json_upload_of_a_news_api_response_adds_each_article_and_a_non_json_one_is_415(api):
    _, client = api
    articles = [{"title": f"Upload {i}", "content": f"Upload {i}. " + ARTICLE, "publishedAt": "2024-03-19T06:00:00Z"}
                for i in (1, 2)]
    r = _upload(client, "news.json", json.dumps({"status": "ok", "articles": articles}, indent=2).encode())
    assert r.status_code == 200, r.text
    assert len(r.json()["documents"]) == 2
    r = _upload(client, "notes.json", b"Title: not JSON at all\n\nSome text.")
    assert r.status_code == 415 and "no JSON object or array" in r.json()["error"]["message"], r.text


def test_a_feed_upload_adds_each_item_and_a_file_that_is_no_feed_is_415(api):
    from pathlib import Path

    _, client = api
    feed = (Path(__file__).resolve().parent / "data" / "feeds" / "meti.rss").read_bytes()
    r = _upload(client, "meti.rss", feed)
    assert r.status_code == 200, r.text
    docs = r.json()["documents"]
    assert [d["source_path"].rsplit("#", 1)[1] for d in docs] == ["L7", "L14"]
    assert [client.get(f"/v1/documents/{d['doc_id']}").json()["title"] for d in docs] == [
        "Japan adds cleaning tools to export licence list", "Seoul weighs HBM licence rule"]
    japanese = ('<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>経産省</title><item>'
                "<title>輸出管理</title><description>経済産業省は製造装置を輸出管理の対象に加えると発表した。</description>"
                "</item></channel></rss>").encode("shift_jis")
    r = _upload(client, "meti_ja.xml", japanese)
    assert r.status_code == 200, r.text
    assert client.get(f"/v1/documents/{r.json()['documents'][0]['doc_id']}").json()["title"] == "輸出管理"
    r = _upload(client, "notes.xml", b"Title: not XML at all\n\nSome text.")
    assert r.status_code == 415 and "not an RSS or Atom feed" in r.json()["error"]["message"], r.text
