"""A hostile corpus renders inert everywhere: rich markup, ANSI/OSC escapes, C1 controls, bidi overrides and
zero-width characters in titles, body text, metadata and file names reach no terminal, JSON body, SSE stream
or page raw. JSON keeps the exact text (escaped as ``\\uXXXX``), the CLI shows it as visible escapes.

The corpus is generated per test module (file names with control characters are not committed to git)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ESC, BEL = "\x1b", "\x07"
MARKUP = "[bold]Bold[/] claim [/] [link=https://evil.example]click[/link]"
ANSI = f"{ESC}[31mred{ESC}[0m {ESC}[2J"
OSC8 = f"{ESC}]8;;https://evil.example{BEL}hyperlink{ESC}]8;;{BEL} {ESC}]8;;https://evil.example{ESC}\\st{ESC}]8;;{ESC}\\"
TITLE_SEQ = f"{ESC}]0;pwned title{BEL}"
BIDI = "report\u202efdp.exe \u2066iso\u2069 \u2067rtl\u2069 \u2068first\u2069"
ZERO_WIDTH = "S\u200bY\u200cS\u200dT\u2060E\ufeffM"
C1 = "csi\x9b31m nel-free"
HOSTILE = f"{MARKUP} {ANSI} {OSC8} {TITLE_SEQ} {BIDI} {ZERO_WIDTH} {C1}"

# Characters that must never reach a terminal or a byte stream raw: C0 except newline/tab/CR, DEL, C1,
# bidi embeddings/overrides/isolates. (Zero-width characters are checked separately: they are dropped from
# stored text and shown escaped in file names.)
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ZW = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

FACT = "Japan tightened export licences for lithography tools on 3 March 2026, the trade ministry said."
FACT2 = "Korea expanded its lithography subsidy for domestic chip fabs on 4 March 2026, the industry ministry said."
QUESTION = "What did Japan do about export licences for lithography tools?"


def write_corpus(root: Path) -> list[str]:
    """The hostile corpus in ``root``: Markdown, text, HTML and JSONL, hostile names and fields; returns the file names."""
    root.mkdir(parents=True, exist_ok=True)
    names = {
        "md": f"wire{ESC}[2J{ESC}]0;t{BEL}[bold]\u202egpj.md",
        "txt": f"notes\u2066\u200b{ESC}[31m\x9b.txt",
        "html": f"page[red]\u202d{ESC}]8;;x{BEL}.html",
        "jsonl": f"feed\u2068{ESC}[1m.jsonl",
    }
    (root / names["md"]).write_text(f"# Lithography curbs {MARKUP} {ANSI} {BIDI} {ZERO_WIDTH}\n\n{FACT} {HOSTILE}\n", encoding="utf-8")
    (root / names["txt"]).write_text(f"{FACT2} {HOSTILE}\n\nThe subsidy covers {OSC8} photoresist lines.\n", encoding="utf-8")
    (root / names["html"]).write_text(
        f"<html><head><title>Export licences {MARKUP} {TITLE_SEQ} {BIDI}</title></head><body><article>"
        f"<h1>Export licences</h1><p>{FACT} {ANSI} {OSC8} {C1}</p><p>Officials said licences for lithography "
        f"tools would be reviewed {ZERO_WIDTH} monthly. {MARKUP}</p></article></body></html>",
        encoding="utf-8",
    )
    record = {"title": f"Licences {HOSTILE}", "text": f"{FACT} Exporters of lithography tools now need licences. {HOSTILE}",
              "publisher": f"Wire {MARKUP} {ANSI} {BIDI}", "published": "2026-03-05", "url": "https://example.org/a",
              "authors": [f"A{ZERO_WIDTH} {ANSI}"]}
    (root / names["jsonl"]).write_text(json.dumps(record) + "\n", encoding="utf-8")
    return list(names.values())


def assert_inert(text: str, where: str) -> None:
    """No raw control or bidi character in ``text`` (what a terminal or a client would receive)."""
    bad = sorted({f"U+{ord(m.group()):04X}" for m in RAW_CONTROL.finditer(text)})
    assert not bad, f"{where}: raw {', '.join(bad)} in output:\n{text[:2000]!r}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("inert")
    names = write_corpus(root / "in")
    return root, names


@pytest.fixture(scope="module")
def ingested(hostile):
    from typer.testing import CliRunner

    from rag.cli import app
    from rag.config import get_settings
    from rag.index import close_all

    root, names = hostile
    env = {"BRIEF_DATA_DIR": str(root / "data")}
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["ingest", str(root / "in")], env=env, catch_exceptions=False)
    get_settings.cache_clear()
    close_all()
    return root, names, env, result


def test_ingest_reads_every_hostile_file_and_prints_nothing_raw(ingested, cli) -> None:
    root, names, env, result = ingested
    assert result.exit_code == 0, result.output
    assert_inert(result.output, "brief ingest")
    again = cli(["ingest", "--json", str(root / "in")], **env)
    assert again.exit_code == 0, again.output
    assert_inert(again.output, "brief ingest --json")


def test_search_shows_markup_literally_and_escapes_controls(ingested, cli) -> None:
    root, names, env, _ = ingested
    found = cli(["search", "lithography export licences subsidy", "-k", "8"], **env)
    assert found.exit_code == 0, found.output
    assert_inert(found.output, "brief search")
    assert "[/]" in found.output and "[bold]" in found.output  # brackets are text, not markup
    assert not ZW.search(found.output), "zero-width characters reach the terminal"
    as_json = cli(["search", "lithography export licences subsidy", "-k", "8", "--json"], **env)
    assert as_json.exit_code == 0, as_json.output
    assert_inert(as_json.output, "brief search --json")
    hits = json.loads(as_json.output)
    paths = {Path(h["source_path"]).name for h in hits if h.get("source_path")}
    assert paths & set(names), "JSON keeps the exact file names (escaped, not altered)"


@pytest.mark.parametrize("args", [["ask", QUESTION], ["ask", QUESTION, "-f", "json"],
                                  ["write", "export licences for lithography tools"],
                                  ["write", "export licences for lithography tools", "-f", "json"]])
def test_ask_and_write_print_nothing_raw(ingested, cli, args) -> None:
    root, names, env, _ = ingested
    result = cli([*args, "--backend", "extractive"], **env)
    assert result.exit_code == 0, result.output
    assert_inert(result.output, "brief " + " ".join(args))
    assert "licences" in result.output
    if "json" in args:
        json.loads(result.output)


@pytest.fixture(scope="module")
def api(ingested):
    from fastapi.testclient import TestClient

    from rag.config import Settings
    from rag.index import close_all

    from api.main import create_app

    root, names, env, _ = ingested
    app = create_app(Settings(data_dir=root / "data"), warm_up=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, names
    close_all()


@pytest.mark.parametrize(("method", "path", "kw"), [
    ("GET", "/v1/search", {"params": {"q": "lithography export licences", "k": 8}}),
    ("GET", "/v1/documents", {"params": {"limit": 50}}),
    ("POST", "/v1/ask", {"json": {"question": QUESTION}}),
    ("POST", "/v1/briefs", {"json": {"topic": "export licences for lithography tools", "template": "situation"}}),
    ("POST", "/v1/chat/completions", {"json": {"messages": [{"role": "user", "content": QUESTION}]}}),
])
def test_api_json_bodies_carry_the_text_escaped(api, method, path, kw) -> None:
    client, names = api
    r = client.request(method, path, **kw)
    assert r.status_code == 200, r.text
    assert_inert(r.content.decode("utf-8"), f"{method} {path}")
    r.json()  # still valid JSON: the text is escaped, not lost


def test_api_documents_keep_the_exact_file_names(api) -> None:
    client, names = api
    listed = client.get("/v1/documents", params={"limit": 50}).json()["items"]
    assert {Path(d["source_path"]).name for d in listed if d.get("source_path")} & set(names)


def test_api_markdown_export_shows_controls_as_escapes(api) -> None:
    client, _ = api
    made = client.post("/v1/briefs", json={"topic": "export licences for lithography tools", "template": "situation"})
    assert made.status_code == 200, made.text
    md = client.get(f"/v1/briefs/{made.json()['id']}", params={"format": "markdown"})
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert_inert(md.text, "GET /v1/briefs/{id}?format=markdown")


@pytest.mark.parametrize(("path", "body"), [
    ("/v1/ask", {"question": QUESTION, "stream": True}),
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": QUESTION}], "stream": True}),
])
def test_api_streams_carry_the_text_escaped(api, path, body) -> None:
    client, _ = api
    with client.stream("POST", path, json=body) as r:
        assert r.status_code == 200
        raw = b"".join(r.iter_bytes()).decode("utf-8")
    assert "data:" in raw
    assert_inert(raw, f"stream {path}")


@pytest.mark.parametrize("page", ["/", "/library", "/brief"])
def test_pages_hold_no_corpus_text_and_no_raw_controls(api, page) -> None:
    client, _ = api
    r = client.get(page)
    assert r.status_code == 200
    assert_inert(r.text, page)
    assert "evil.example" not in r.text and "pwned" not in r.text  # the shells carry no corpus data


def test_page_scripts_insert_corpus_text_as_text_never_as_html() -> None:
    from api.web.paths import STATIC_DIR

    for script in Path(STATIC_DIR).glob("*.js"):
        source = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            assert sink not in source, f"{script.name} uses {sink}: corpus text could become markup"
