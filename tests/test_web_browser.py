"""The analyst's page in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright
against `brief serve` on 127.0.0.1 with the sample corpus and API keys configured (integration).

Skips loudly, with the reason, when Playwright or Chromium is missing: install them with
`apt-get install -y chromium` and `pip install -e ".[browser]"` (never `playwright install`).
Every test fails if the page requests anything from a host other than the server.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from servers import brief_server

from conftest import CORPUS_DIR, copy_sqlite

pytestmark = pytest.mark.integration

CHROMIUM = os.environ.get("BRIEF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
KEY = "web-test-key-7d1c"
ANSWERABLE = "Why did Japan deny cybersecurity approval to Chinese battery makers?"
OFF_TOPIC = "What did Brazil's central bank decide on interest rates?"
HOSTILE = {
    "title": "Hostile <script>window.__pwned = 'title'</script><img src=x onerror=\"window.__pwned='img'\"> dispatch",
    "text": ("Quokkatronics export ledger <script>window.__pwned = 'text'</script> shows the ministry approved "
             "<img src=x onerror=\"window.__pwned='text-img'\"> lithography licences for Quokkatronics on 2026-05-04, "
             "<b onmouseover=\"window.__pwned='b'\">officials</b> said, after a review of dual-use shipments."),
    "publisher": "Evil <i>Press</i>",
    "url": "javascript:window.__pwned='url'",
    "published": "2026-05-04",
}
UPLOAD_TEXT = (
    "Wombatronix opens a packaging line in Kumamoto\n\nPublished: 2026-07-03\n\n"
    "Wombatronix, a chip packaging firm, said on 2026-07-03 that its new advanced packaging line in Kumamoto "
    "will serve automotive customers and will screen orders under Japan's export-control rules for advanced "
    "semiconductor equipment."
)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", *args]


def _headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("BROWSER TESTS SKIPPED: the Python package 'playwright' is not installed (pip install -e '.[browser]')")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM} (apt-get install -y chromium, or set BRIEF_CHROMIUM)")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            pytest.skip(f"BROWSER TESTS SKIPPED: Chromium at {CHROMIUM} did not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_index, browser):
    data = tmp_path_factory.mktemp("web-serve-data")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    env = {**os.environ, "BRIEF_DATA_DIR": str(data),
           "BRIEF_API__API_KEYS_SHA256": json.dumps([hashlib.sha256(KEY.encode()).hexdigest()])}
    done = subprocess.run(_cli("ingest", str(CORPUS_DIR)), env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with brief_server(env, log_path=data / "server.log") as running:
        r = httpx.post(f"{running.url}/v1/documents", json=HOSTILE, headers=_headers(), timeout=300)
        assert r.status_code == 200, r.text
        yield {"base": running.url, "hostile_id": r.json()["documents"][0]["doc_id"]}


def _context(browser, server, *, with_key: bool, **kw):
    ctx = browser.new_context(accept_downloads=True, **kw)
    ctx.set_default_timeout(120_000)
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(server["base"] + "/") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    if with_key:
        ctx.add_init_script(f"sessionStorage.setItem('techsec-brief.api-key', {json.dumps(KEY)});")
    return ctx, outside


@pytest.fixture
def page(browser, server):
    ctx, outside = _context(browser, server, with_key=True)
    pg = ctx.new_page()
    console: list[str] = []
    pg.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    pg.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    pg.console_log = console
    yield pg
    ctx.close()
    assert outside == [], f"the page requested outside hosts: {outside}"
    assert not [m for m in console if "pageerror" in m or "Content Security Policy" in m], console


def api(server, path: str, **kw):
    r = httpx.get(server["base"] + path, headers=_headers(), timeout=120, **kw)
    assert r.status_code == 200, r.text
    return r.json()


def test_ask_streams_a_checked_answer_and_a_citation_opens_the_highlighted_passage(page, server):
    page.goto(server["base"] + "/")
    page.fill("#question", ANSWERABLE)
    page.keyboard.press("Enter")
    answer = page.wait_for_selector(".answer[data-answer-id]")
    assert int(answer.get_attribute("data-draft-chars")) > 0, "no draft text was streamed"
    assert page.query_selector(".draft") is None, "the unverified draft was not replaced by the checked answer"
    brief = api(server, f"/v1/briefs/{answer.get_attribute('data-answer-id')}")
    claim = brief["sections"][0]["claims"][0]
    citation = claim["citations"][0]
    source = next(s for s in brief["sources"] if s["index"] == citation["source"])

    page.focus(".answer .cite >> nth=0")  # keyboard: focus the first [n] and press Enter
    page.keyboard.press("Enter")
    mark = page.wait_for_selector("#passage #cited-span")
    assert mark.text_content() == citation["quote"]
    body = page.inner_text("#passage-body")
    assert source["title"] in page.inner_text(".passage-title")
    assert source["publisher"] in body and f"{citation['support']:.2f}" in body and claim["text"] in body
    page.keyboard.press("Escape")
    assert page.is_hidden("#passage")
    assert page.evaluate("document.activeElement.classList.contains('cite')"), "focus did not return to the citation"

    with page.expect_request("**/v1/ask") as req:  # a follow-up carries the conversation
        page.fill("#question", "When did that happen?")
        page.keyboard.press("Enter")
    sent = json.loads(req.value.post_data)
    assert [t["role"] for t in sent["history"]] == ["user", "assistant"] and sent["history"][0]["content"] == ANSWERABLE
    page.wait_for_function("() => document.querySelectorAll('.answer[data-answer-id]').length === 2")


def test_no_evidence_is_a_clear_state_with_the_closest_sources(page, server):
    page.goto(server["base"] + "/")
    page.fill("#question", OFF_TOPIC)
    page.click("#ask-button")
    answer = page.wait_for_selector(".answer[data-answer-id]")
    brief = api(server, f"/v1/briefs/{answer.get_attribute('data-answer-id')}")
    assert brief["abstained"]
    assert page.inner_text(".no-evidence-title") == "No evidence in the corpus"
    shown = page.eval_on_selector_all(".no-evidence li[data-doc-id]", "els => els.map(e => e.dataset.docId)")
    assert shown == [s["doc_id"] for s in brief["closest_sources"]]


def test_assessment_brief_renders_every_section_and_the_api_sources(page, server):
    page.goto(server["base"] + "/brief")
    page.fill("#topic", "China export controls on Japanese firms")
    page.select_option("#template", "assessment")
    page.click("#brief-button")
    node = page.wait_for_selector(".brief[data-brief-id]")
    brief = api(server, f"/v1/briefs/{node.get_attribute('data-brief-id')}")
    assert brief["template"] == "assessment" and not brief["abstained"]
    for s in brief["sections"]:
        sel = f".brief [data-section='{s['name']}']"
        assert page.inner_text(f"{sel} h3") == s["title"]
        assert page.eval_on_selector_all(f"{sel} .claim", "els => els.length") == len(s["claims"]), s["name"]
        if s["kind"] == "terms":
            assert page.eval_on_selector_all(f"{sel} .terms li", "els => els.map(e => e.textContent)") == s["terms"]
        if s["kind"] == "stat":
            assert page.inner_text(f"{sel} .stat") == s["text"]
    assert page.eval_on_selector_all(".brief > .sources li", "els => els.map(e => e.dataset.docId)") == [s["doc_id"] for s in brief["sources"]]
    assert page.eval_on_selector_all(".brief > .sources li", "els => els.map(e => e.value)") == [s["index"] for s in brief["sources"]]

    page.click("text=Show checker changes")
    assert page.is_visible(".brief .repairs[open]")
    with page.expect_download() as dl:
        page.click("text=Download Markdown")
    markdown = httpx.get(f"{server['base']}/v1/briefs/{brief['id']}", params={"format": "markdown"}, headers=_headers()).text
    assert Path(dl.value.path()).read_text(encoding="utf-8") == markdown
    with page.expect_download() as dl:
        page.click("text=Download JSON")
    assert json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))["id"] == brief["id"]

    page.emulate_media(media="print")  # the print stylesheet: the brief alone
    assert page.is_visible(".brief .headline") and page.is_visible(".brief > .sources")
    for chrome in (".top", "#brief-form", ".toolbar", ".foot"):
        assert page.is_hidden(chrome), chrome


def test_past_briefs_show_provenance_and_what_changed(page, server):
    topic = "Japan cybersecurity approval for Chinese battery makers"
    ids = []
    for until in ("2026-03-01", None):
        r = httpx.post(f"{server['base']}/v1/briefs", json={"topic": topic, "template": "situation", "until": until},
                       headers=_headers(), timeout=300)
        assert r.status_code == 200, r.text
        ids.append(r.json()["id"])
    diff = api(server, f"/v1/briefs/{ids[0]}/diff/{ids[1]}")
    assert diff["added"] or diff["dropped"] or diff["changed"], "the two briefs should differ"

    page.goto(server["base"] + "/library")
    page.wait_for_selector(f"#briefs-table tr[data-brief-id='{ids[1]}']")
    page.click(f"#briefs-table tr[data-brief-id='{ids[1]}'] button")
    page.wait_for_selector(f"#brief-view .brief[data-brief-id='{ids[1]}'] .provenance-box[open]")
    assert "situation" in page.inner_text("#brief-view .provenance")
    stored = api(server, f"/v1/briefs/{ids[1]}")
    assert page.eval_on_selector_all("#brief-view .timeline .claim", "els => els.length") == len(stored["timeline"])
    assert page.eval_on_selector_all("#brief-view .brief > .sources li", "els => els.map(e => e.dataset.docId)") == [
        s["doc_id"] for s in stored["sources"]]

    page.select_option("#diff-base", ids[0])
    page.select_option("#diff-other", ids[1])
    page.click("#diff-form button[type=submit]")
    page.wait_for_selector("#diff-out .diff.added")
    for kind in ("added", "dropped", "changed"):
        assert page.eval_on_selector_all(f"#diff-out .diff.{kind} li", "els => els.length") == len(diff[kind]), kind
    shown_added = page.eval_on_selector_all("#diff-out .diff.added li", "els => els.map(e => e.textContent)")
    assert all(any(c["text"] in t for t in shown_added) for c in diff["added"])


def test_upload_then_find_it_in_search_then_delete_it_with_confirmation(page, server, tmp_path):
    f = tmp_path / "wombatronix.txt"
    f.write_text(UPLOAD_TEXT, encoding="utf-8")
    page.goto(server["base"] + "/library")
    page.wait_for_selector("#docs-table tbody tr")
    page.set_input_files("#upload-file", str(f))
    page.click("#upload-form button[type=submit]")
    page.wait_for_function("() => document.getElementById('upload-status').textContent.includes('added')")
    row = page.wait_for_selector("#docs-table tr:has-text('Wombatronix opens a packaging line')")

    page.fill("#search-q", "Wombatronix advanced packaging line Kumamoto")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-results .hit")
    assert page.inner_text("#search-results .hit >> nth=0 >> .hit-title") == "Wombatronix opens a packaging line in Kumamoto"

    row.query_selector("button.danger").click()
    page.click("#delete-dialog button[value=cancel]")  # cancelling keeps it
    assert page.query_selector("#docs-table tr:has-text('Wombatronix opens a packaging line')") is not None
    row.query_selector("button.danger").click()
    page.click("#delete-confirm")
    page.wait_for_selector("#docs-table tr:has-text('Wombatronix opens a packaging line')", state="detached")
    hits = api(server, "/v1/search", params={"q": "Wombatronix advanced packaging line Kumamoto"})["hits"]
    assert "Wombatronix" not in " ".join(h["title"] for h in hits)


def test_an_article_carrying_script_and_onerror_payloads_renders_inert(page, server):
    page.goto(server["base"] + "/library")
    page.wait_for_selector(f"#docs-table tr[data-doc-id='{server['hostile_id']}']")
    page.fill("#search-q", "Quokkatronics lithography licences")
    page.click("#search-form button[type=submit]")
    hit = page.wait_for_selector(f"#search-results .hit[data-doc-id='{server['hostile_id']}']")
    assert hit.query_selector(".hit-title").text_content() == HOSTILE["title"]
    assert "<script>" in hit.query_selector(".hit-text").text_content()
    row = page.query_selector(f"#docs-table tr[data-doc-id='{server['hostile_id']}']")
    assert row.query_selector(".doc-title").text_content() == HOSTILE["title"]
    assert row.query_selector("a") is None, "a javascript: URL became a link"

    # the cited-passage panel, through the page's own rendering code
    chunk = hit.get_attribute("data-chunk")
    page.evaluate(
        "([chunk]) => openPassage({provenance: {repairs: []}}, {text: 'claim', verified: true},"
        " {chunk_id: chunk, source: 1, start: 0, end: 0, quote: 'Quokkatronics export ledger', support: 0.9}, null)",
        [chunk],
    )
    page.wait_for_selector("#passage #cited-span")
    assert page.inner_text(".passage-title").endswith(HOSTILE["title"])
    assert "<img src=x onerror=" in page.text_content("#passage .passage-text")

    page.mouse.move(5, 5)
    page.hover("#passage .passage-text")
    assert page.evaluate("window.__pwned") is None
    for area in ("#main", "#passage"):
        assert page.eval_on_selector_all(f"{area} script, {area} img, {area} b, {area} i", "els => els.length") == 0


def test_the_api_key_is_asked_once_and_kept_for_the_tab(browser, server):
    ctx, outside = _context(browser, server, with_key=False)
    try:
        pg = ctx.new_page()
        pg.goto(server["base"] + "/library")
        pg.wait_for_selector("#key-dialog[open]")
        pg.fill("#key-input", "wrong-key")
        pg.keyboard.press("Enter")
        pg.wait_for_selector("#key-dialog[open] #key-problem:not([hidden])")
        pg.fill("#key-input", KEY)
        pg.keyboard.press("Enter")
        pg.wait_for_selector("#docs-table tbody tr")
        assert pg.evaluate("sessionStorage.getItem('techsec-brief.api-key')") == KEY
        pg.goto(server["base"] + "/brief")
        pg.fill("#topic", "Japan battery makers cybersecurity approval")
        pg.click("#brief-button")
        pg.wait_for_selector(".brief[data-brief-id]")
        assert not pg.is_visible("#key-dialog"), "asked for the key a second time"
    finally:
        ctx.close()
    assert outside == []


def test_api_errors_are_shown_in_plain_words(page, server):
    page.goto(server["base"] + "/brief")
    page.fill("#topic", "x" * 1999 + " ")  # within the field's maxlength; the filters below are contradictory
    page.fill("input[name=since]", "2026-06-01")
    page.fill("input[name=until]", "2026-01-01")
    page.click("#brief-button")
    page.wait_for_selector("#error:not([hidden])")
    text = page.inner_text("#error")
    assert text.startswith("Some input was not accepted:") and "after until" in text


DISCUSS = "Discuss Japan (No.57), translated from Chuokoron"


def test_a_publisher_whose_name_holds_a_comma_is_one_filter(page, server):
    page.goto(server["base"] + "/")
    page.wait_for_function("() => document.querySelectorAll('#publisher-list option').length > 0")
    offered = page.eval_on_selector_all("#publisher-list option", "els => els.map(e => e.value)")
    assert offered == [p["name"] for p in api(server, "/v1/publishers")["items"]] and DISCUSS in offered
    page.click("details.filters summary")
    page.fill("input[name=publishers]", DISCUSS)  # as the list offers it
    with page.expect_request("**/v1/ask") as req:
        page.fill("#question", "How should Japan avoid technology leaks?")
        page.keyboard.press("Enter")
    assert json.loads(req.value.post_data)["publishers"] == [DISCUSS]
    answer = page.wait_for_selector(".answer[data-answer-id]")
    brief = api(server, f"/v1/briefs/{answer.get_attribute('data-answer-id')}")
    assert {s["publisher"] for s in brief["sources"] + brief["closest_sources"]} == {DISCUSS}
    assert page.is_hidden("#error")


def test_a_refused_question_is_given_back_with_the_reason(page, server):
    page.goto(server["base"] + "/")
    page.click("details.filters summary")
    page.fill("input[name=publishers]", "Reuters")
    page.fill("#question", "What did Japan restrict?")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error").startswith("Some input was not accepted: no publisher 'Reuters' in the corpus")
    assert page.input_value("#question") == "What did Japan restrict?"  # to fix the filter and ask again


def test_a_failed_library_search_leaves_no_earlier_results_behind(page, server):
    page.goto(server["base"] + "/library")
    page.fill("#search-q", "export controls")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-results .hit")
    page.fill("#search-form input[name=publisher]", "Reuters")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert page.query_selector("#search-results .hit") is None


def test_docs_render_from_local_files(page, server):
    page.goto(server["base"] + "/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "techsec-brief API" in page.inner_text(".swagger-ui .info .title")
    assert page.is_visible(".opblock-summary-path[data-path='/v1/passages/{chunk_id}']")


@pytest.mark.parametrize("path", ["/", "/brief", "/library"])
def test_phone_width_needs_no_sideways_scrolling(browser, server, path):
    ctx, outside = _context(browser, server, with_key=True, viewport={"width": 390, "height": 844})
    try:
        pg = ctx.new_page()
        pg.goto(server["base"] + path)
        pg.wait_for_load_state("networkidle")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        ctx.close()
    assert outside == []
