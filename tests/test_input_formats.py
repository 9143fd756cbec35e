"""Real-world input files: news-exporter JSONL, <br>-only HTML pages, permission-only encrypted PDFs, date notations.

Each kind is tested with files in ``tests/data/`` (so a clone covers it) and with the matching case in
``../shared/cases/`` (05, 08, 10, 11) when that folder is present.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_loaders import make_pdf

from conftest import copy_sqlite
from rag.ingest import Ingestor
from rag.loaders import LoadFailure, LoadWarning, load_file
from rag.types import SourceDocument

DATA = Path(__file__).resolve().parent / "data"
CASES = Path(__file__).resolve().parents[1].parent / "shared" / "cases"


def load_all(path: Path) -> tuple[list[SourceDocument], list[LoadFailure], list[LoadWarning]]:
    warnings: list[LoadWarning] = []
    items = list(load_file(path, warnings))
    docs = [i for i in items if isinstance(i, SourceDocument)]
    return docs, [i for i in items if isinstance(i, LoadFailure)], warnings


def case_dir(name: str) -> Path:
    path = CASES / name
    if not path.is_dir():
        pytest.skip(f"shared case {name} not available (expects ../shared/cases next to the repository)")
    return path


def encrypted_pdf(lines: list[str], algorithm: str = "AES-256") -> bytes:
    """A permission-only PDF: empty open password, an owner password restricting copying and printing."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(lines)))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm=algorithm, permissions_flag=0)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --- JSONL from news exporters -----------------------------------------------------------------------------------


def test_exporter_field_aliases_are_read() -> None:
    docs, failures, warnings = load_all(DATA / "jsonl" / "newspaper_layout.jsonl")
    assert failures == [] and warnings == []
    got = [(d.title, d.publisher, d.published, d.language, d.url) for d in docs]
    assert got == [
        # headline/article/pubDate (令和5年)/site_name/link/lang
        ("経産省、半導体製造装置の輸出管理を強化", "Example Shimbun", "2023-12-07", "ja", "https://example.jp/news/1"),
        # pubDate "2023. 12. 8. 오전 9:30"
        ("산업부, 반도체 장비 12종 전략물자 지정", "Example Ilbo", "2023-12-08", "ko", "https://example.kr/a/2"),
        # content, published_at in epoch seconds, source; language detected
        ("Dutch government widens chip tool licence rule", "Example Times", "2023-12-08", "en", "https://example.nl/3"),
        # body, datetime as a Weibo stamp, source_domain
        ("商务部公布镓锗相关物项出口管制", "example.cn", "2023-07-01", "zh", None),
    ]
    assert docs[0].text.startswith("経済産業省は7日")


def test_a_summary_is_the_text_only_when_there_is_no_text_and_ingest_says_so() -> None:
    (doc,), failures, warnings = load_all(DATA / "jsonl" / "summary_only.jsonl")
    assert failures == []
    assert doc.text.startswith("Taiwan's economics ministry added 45 items")
    assert (doc.published, doc.publisher) == ("2023-12-07", "example-wire.com")  # RFC 822 two-digit year; link host
    assert [w.message for w in warnings] == ["no text field; the 'description' summary is used as the text"]


def test_a_line_without_text_or_summary_fails_and_names_the_fields_looked_for(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"title": "Only a title", "date": "2023-01-02"}) + "\n", encoding="utf-8")
    _, (failure,), _ = load_all(path)
    assert failure.path.endswith("x.jsonl#L1")
    assert "no text field" in failure.reason and "'maintext'" in failure.reason


def test_unreadable_or_unused_date_fields_are_reported_per_document() -> None:
    docs, failures, warnings = load_all(DATA / "jsonl" / "date_problems.jsonl")
    assert failures == []
    assert [d.published for d in docs] == [None, "2023-10-20", None, None]
    by_line = {w.path.rsplit("#", 1)[1]: w.message for w in warnings}
    assert set(by_line) == {"L1", "L2", "L4"}  # L3 has no date field at all: it is listed as undated by ingest
    assert "'date'" in by_line["L1"] and "sometime last spring" in by_line["L1"]
    assert "'date_modify' is not used" in by_line["L2"] and "'date_publish'" in by_line["L2"]
    assert "'03/04/2023'" in by_line["L4"] and "ambiguous" in by_line["L4"]


@pytest.mark.parametrize("value", ["07/04/2019", "3/4/23", "11.12.2020", "2026-13-01", "2026/02/30", "sometime last spring"])
def test_an_unreadable_date_is_warned_about_in_the_words_a_since_bound_is_refused_in(tmp_path: Path, value: str) -> None:
    """Ingest's warning and the CLI/API refusal of ``--since VALUE`` are one message ("the day/month order of
    '07/04/2019' is ambiguous: write 2019-07-04 for 4 July 2019 (month first) or 2019-04-07 for …"), for a JSONL
    record's date field and for a plain file's manifest date alike."""
    from rag.date_bounds import read_day
    from rag.errors import QueryError

    with pytest.raises(QueryError) as refused:
        read_day(value)
    said = refused.value.args[0]
    (tmp_path / "feed.jsonl").write_text(json.dumps({"title": "T", "text": "Exporters need a permit.", "date": value}) + "\n")
    (tmp_path / "a.txt").write_text("Exporters need a permit for the listed tools.\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"articles": [{"file": "a.txt", "title": "A", "published": value}]}))
    for path in (tmp_path / "feed.jsonl", tmp_path / "a.txt"):
        _, _, warnings = load_all(path)
        assert [w.message for w in warnings if said in w.message], (path.name, [w.message for w in warnings], said)


def test_ingest_counts_and_lists_every_undated_document_and_every_warning(fresh_index) -> None:
    report = Ingestor(fresh_index()).ingest_paths([DATA / "jsonl" / "date_problems.jsonl"])
    out = report.to_dict()
    assert out["added"] == 4 and out["failed"] == []
    assert out["undated"]["count"] == 3
    assert sorted(p.rsplit("#", 1)[1] for p in out["undated"]["documents"]) == ["L1", "L3", "L4"]
    assert len(out["warnings"]) == 3


# --- HTML --------------------------------------------------------------------------------------------------------


def test_br_only_html_page_keeps_every_paragraph_and_drops_navigation_and_copyright() -> None:
    (doc,), _, warnings = load_all(DATA / "html" / "br_page.html")
    assert (doc.title, doc.publisher, doc.published) == (
        "Tokyo widens review of chip equipment exports", "Example Herald", "2023-05-23")
    paragraphs = doc.text.split("\n")
    assert len(paragraphs) == 4
    assert "need an export licence from July." in paragraphs[0]  # the <nobr> words stay in their sentence
    assert paragraphs[-1].startswith("Industry groups said")
    assert not any(word in doc.text for word in ("Subscribe", "Copyright", "All rights reserved"))
    assert warnings == []


# --- PDF ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128"])
def test_permission_only_aes_pdf_is_read(tmp_path: Path, algorithm: str) -> None:
    path = tmp_path / "permission_only.pdf"
    path.write_bytes(encrypted_pdf(["Officials confirmed that 23 types of chipmaking equipment", "will require an export licence."], algorithm))
    (doc,), failures, _ = load_all(path)
    assert failures == []
    assert "23 types of chipmaking equipment" in doc.text


def test_a_missing_crypto_package_is_named_not_called_a_malformed_pdf(tmp_path: Path, monkeypatch) -> None:
    from pypdf.errors import DependencyError

    import pypdf

    def no_crypto(*args, **kwargs):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pypdf, "PdfReader", no_crypto)
    path = tmp_path / "permission_only.pdf"
    path.write_bytes(encrypted_pdf(["Export controls on chips"]))
    _, (failure,), _ = load_all(path)
    assert failure.reason.startswith("missing dependency")
    assert "cryptography" in failure.reason and "pypdf[crypto]" in failure.reason
    assert "malformed" not in failure.reason


def ingest_and_search(cli, data_dir: Path, path: Path, query: str, *search_args: str) -> tuple[dict, list[dict]]:
    """``brief ingest PATH --json`` then ``brief search QUERY ... --json`` in a fresh data dir: (report, hits)."""
    env = {"BRIEF_DATA_DIR": str(data_dir)}
    report = json.loads(cli(["ingest", str(path), "--json"], **env).stdout)
    hits = json.loads(cli(["search", query, *search_args, "--json"], **env).stdout)
    return report, hits


# --- the shared cases --------------------------------------------------------------------------------------------


@pytest.mark.shared
def test_case_05_feed_dates_in_east_asian_and_feed_notations() -> None:
    docs, failures, warnings = load_all(case_dir("05-date-formats") / "feed.jsonl")
    assert failures == []
    published = {d.title.split(":")[0].removeprefix("Item "): d.published for d in docs}
    assert published == {
        "weibo": "2019-07-20", "rfc822_2digit": "2019-07-04", "rfc822_dayfirst_comma": "2019-07-04",
        "korean": "2019-07-04", "korean_dot": "2019-07-04", "japanese_era": "2019-07-04",
        "chinese_fullwidth": "2019-07-04", "epoch_ms": "2019-07-04", "iso_z": "2019-07-04", "us_slash": None,
    }
    (warning,) = warnings  # the ambiguous one is reported, not dropped silently
    assert "07/04/2019" in warning.message


@pytest.mark.shared
def test_case_05_july_search_finds_every_dated_item(cli, tmp_path: Path) -> None:
    ingest, hits = ingest_and_search(cli, tmp_path / "data", case_dir("05-date-formats") / "feed.jsonl",
                                     "Japan chip materials Korea licences", "--since", "2019-07-01", "--until", "2019-07-31", "-k", "10")
    assert ingest["added"] == 10 and ingest["failed"] == []
    assert ingest["undated"]["count"] == 1 and ingest["undated"]["documents"][0].endswith("#L10")
    items = {h["title"].split(":")[0].removeprefix("Item ") for h in hits}
    assert items == {"weibo", "rfc822_2digit", "rfc822_dayfirst_comma", "korean", "korean_dot", "japanese_era",
                     "chinese_fullwidth", "epoch_ms", "iso_z"}


@pytest.mark.shared
def test_case_05_korean_only_item() -> None:
    (doc,), _, _ = load_all(case_dir("05-date-formats") / "korean_only.jsonl")
    assert doc.published == "2019-07-04"


@pytest.mark.shared
def test_case_08_br_nobr_page(cli, tmp_path: Path) -> None:
    ingest, hits = ingest_and_search(cli, tmp_path / "data", case_dir("08-html-br-nobr") / "docs",
                                     "Seoul strategic items semiconductor equipment Wassenaar", "-k", "4")
    assert ingest["failed"] == [] and ingest["added"] == 2
    page = next(h for h in hits if h["title"] == "Seoul adds chip tools to strategic items list")
    assert (page["publisher"], page["published"]) == ("Example Wire", "2023-10-20")
    text = page["text"]
    assert "in line with commitments under the Wassenaar Arrangement." in text
    assert "Exporters of the listed tools" in text and "The change takes effect on Dec. 1" in text
    assert text.rstrip().endswith("before finalizing the list.")
    assert not any(word in text for word in ("Home", "Login", "Politics", "(c) Example Wire", "rights reserved"))


@pytest.mark.shared
def test_case_10_permission_only_aes_pdf(cli, tmp_path: Path) -> None:
    ingest, hits = ingest_and_search(cli, tmp_path / "data", case_dir("10-aes-pdf-owner-password") / "docs",
                                     "types of chipmaking equipment export licence", "-k", "3")
    assert ingest["failed"] == [] and ingest["added"] == 2
    assert any("23 types of chipmaking equipment" in h["text"] for h in hits)


@pytest.mark.shared
@pytest.mark.parametrize("name", ["newsplease_export.jsonl", "text_key_only.jsonl"])
@pytest.mark.shared
def test_case_11_news_crawler_jsonl(cli, tmp_path: Path, name: str) -> None:
    ingest, hits = ingest_and_search(cli, tmp_path / "data", case_dir("11-newsplease-jsonl") / name,
                                     "Taiwan export control Russia Belarus", "--since", "2023-01-01", "-k", "5")
    assert ingest["failed"] == [] and ingest["undated"]["count"] == 0
    found = {(h["publisher"], h["published"]) for h in hits}
    expected = {("example-wire.com", "2023-11-02")}
    if name == "newsplease_export.jsonl":
        expected.add(("example-news.tw", "2023-12-07"))
    assert found == expected


# --- every supported file type through the installed CLI -----------------------------------------------------------


def _installed_brief() -> str:
    script = Path(sys.executable).parent / ("brief.exe" if os.name == "nt" else "brief")
    found = str(script) if script.exists() else shutil.which("brief")
    if not found:
        pytest.fail("the 'brief' console script is not installed (pip install -e .)")
    return found


def test_the_installed_cli_ingests_every_supported_file_type(tmp_path: Path, sample_index) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in [DATA / "formats" / "wire.txt", DATA / "formats" / "brief.md", DATA / "html" / "br_page.html",
                   DATA / "jsonl" / "newspaper_layout.jsonl"]:
        shutil.copyfile(source, docs / source.name)
    shutil.copyfile(DATA / "html" / "br_page.html", docs / "page.htm")
    shutil.copyfile(DATA / "formats" / "brief.md", docs / "notes.markdown")
    (docs / "permission_only.pdf").write_bytes(encrypted_pdf(["Japan requires an export licence for 23 types", "of chipmaking equipment."]))
    data = tmp_path / "data"
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    env = {**os.environ, "BRIEF_DATA_DIR": str(data)}
    done = subprocess.run([_installed_brief(), "ingest", str(docs), "--json"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["failed"] == [], report["failed"]  # a reader whose package cannot load fails here
    ingested = {Path(d["source_path"].split("#")[0]).suffix for d in report["documents"]}
    assert ingested == {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl"}
