"""The analyst's page as served (in-process): security headers, no inline script, nothing from outside hosts,
local Swagger UI, package data for a non-editable install, and GET /v1/passages/{chunk_id}.

The browser-level behaviour (streaming, citations, escaping) is tested in test_web_browser.py.
"""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from conftest import CORPUS_DIR, REPO_ROOT, copy_sqlite
from rag.config import Settings

from api.main import create_app
from api.web import STATIC_DIR, TEMPLATES_DIR
from api.web.security import CSP

PAGES = ["/", "/brief", "/library", "/docs"]
ANSWERABLE = "Why did Japan deny cybersecurity approval to Chinese battery makers?"


@pytest.fixture(scope="module")
def client(tmp_path_factory, sample_index):
    from rag.index import open_index
    from rag.ingest import Ingestor

    d = tmp_path_factory.mktemp("web-data")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", d / "embedding-cache.sqlite")
    settings = Settings(data_dir=d)
    report = Ingestor(open_index(settings)).ingest_paths([CORPUS_DIR])
    assert report.added == 5 and not report.failed, report.to_dict()
    with TestClient(create_app(settings, warm_up=False)) as c:
        yield c


class _Collect(HTMLParser):
    """Every tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.script_text.append(data)


def parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    return p


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_with_a_strict_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split("; ")}
    assert directives["script-src"] == ["'self'"], csp
    assert directives["object-src"] == ["'none'"] and directives["default-src"] == ["'self'"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_api_responses_carry_the_csp_too(client):
    for r in (client.get("/healthz"), client.get("/v1/briefs/unknown-id"), client.get("/static/app.css")):
        assert r.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_or_handlers(client, path):
    page = parse(client.get(path).text)
    scripts = [a for t, a in page.tags if t == "script"]
    assert scripts and all(a.get("src", "").startswith("/static/") for a in scripts), scripts
    assert page.script_text == []
    handlers = [(t, name) for t, a in page.tags for name in a if name.lower().startswith("on")]
    assert handlers == []


def _outside(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.scheme not in ("data",)) or bool(parts.netloc)


@pytest.mark.parametrize("path", PAGES)
def test_pages_reference_no_outside_host(client, path):
    html = client.get(path).text
    refs = [v for _, a in parse(html).tags for k, v in a.items() if k in ("src", "href", "action", "data-openapi-url") and v]
    assert refs, "the page links nothing?"
    assert [u for u in refs if _outside(u)] == []
    assert not re.search(r"https?://|//cdn|jsdelivr|unpkg", html, re.I)
    for ref in refs:  # everything the page loads is served here
        if ref.startswith("/static/") or ref == "/openapi.json":
            assert client.get(ref).status_code == 200, ref


def test_own_static_files_name_no_outside_host():
    for f in STATIC_DIR.iterdir():
        assert not re.search(r"https?://|//cdn|jsdelivr|unpkg|@import", f.read_text(encoding="utf-8"), re.I), f.name


def test_docs_use_the_local_swagger_bundle(client):
    page = parse(client.get("/docs").text)
    srcs = [a["src"] for t, a in page.tags if t == "script"]
    assert srcs == ["/static/swagger/swagger-ui-bundle.js", "/static/docs-init.js"]
    bundle = client.get("/static/swagger/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text[:2000]
    assert client.get("/static/swagger/swagger-ui.css").status_code == 200
    assert client.get("/redoc").status_code == 404  # the CDN-only ReDoc page is gone
    assert client.get("/openapi.json").json()["info"]["title"] == "techsec-brief API"


def test_page_routes_are_not_in_the_api_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert not {"/", "/brief", "/library", "/docs"} & set(paths)
    assert "/v1/passages/{chunk_id}" in paths


def test_builder_offers_the_brief_templates_only(client):
    options = [a.get("value") for t, a in parse(client.get("/brief").text).tags if t == "option"]
    assert sorted(options) == ["assessment", "situation"]


def test_package_data_ships_every_template_and_static_file():
    """A non-editable install gets exactly what pyproject's package-data globs match: every file must match."""
    globs = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["api.web"]
    base = TEMPLATES_DIR.parent
    files = [p.relative_to(base).as_posix() for d in (STATIC_DIR, TEMPLATES_DIR) for p in d.rglob("*") if p.is_file()]
    assert files
    assert [f for f in files if not any(fnmatch(f, g) for g in globs)] == []


# --------------------------------------------------------------------------- GET /v1/passages/{chunk_id}


def test_passage_carries_its_document_metadata(client):
    doc = client.get("/v1/documents", params={"limit": 1}).json()["items"][0]
    detail = client.get(f"/v1/documents/{doc['doc_id']}").json()
    chunk = detail["chunks"][1] if len(detail["chunks"]) > 1 else detail["chunks"][0]
    r = client.get(f"/v1/passages/{chunk['chunk_id']}")
    assert r.status_code == 200, r.text
    p = r.json()
    assert (p["chunk_id"], p["doc_id"], p["idx"], p["start"], p["end"], p["text"]) == (
        chunk["chunk_id"], doc["doc_id"], chunk["idx"], chunk["start"], chunk["end"], chunk["text"])
    for key in ("title", "publisher", "published", "url", "source_path", "kind", "story_id"):
        assert p[key] == doc[key], key


def test_every_citation_span_lies_in_its_passage(client):
    """The page highlights text[c.start - p.start : c.end - p.start]; that must be the cited quote."""
    brief = client.post("/v1/ask", json={"question": ANSWERABLE}).json()["brief"]
    citations = [c for claim in brief["sections"][0]["claims"] for c in claim["citations"]]
    assert citations
    for c in citations:
        p = client.get(f"/v1/passages/{c['chunk_id']}").json()
        assert p["doc_id"] == c["doc_id"]
        assert p["text"][c["start"] - p["start"]:c["end"] - p["start"]] == c["quote"]


def test_unknown_passage_is_404_in_the_error_shape(client):
    r = client.get("/v1/passages/no-such-chunk")
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "not_found" and "no-such-chunk" in r.json()["error"]["message"]
