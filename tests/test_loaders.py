"""Specification of document loading (rag.loaders) and text normalization (rag.text.normalize)."""

from __future__ import annotations

import io
import json
import logging
import random
import unicodedata
from pathlib import Path

import pytest

import pdfs

from rag.loaders import SUPPORTED_SUFFIXES, LoadFailure, iter_files, load_file, load_manifest
from rag.text.normalize import content_hash, derive_title, doc_id_for, normalize_text
from rag.types import SourceDocument

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


# --- helpers -----------------------------------------------------------------------------------------------------


def load_one(path: Path) -> SourceDocument | LoadFailure:
    items = list(load_file(path))
    assert len(items) == 1, items
    return items[0]


def load_doc(path: Path) -> SourceDocument:
    item = load_one(path)
    assert isinstance(item, SourceDocument), item
    return item


def load_failure(path: Path) -> LoadFailure:
    item = load_one(path)
    assert isinstance(item, LoadFailure), item
    assert item.path == str(path.absolute())
    assert item.reason.strip()
    return item


def corpus_file(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A minimal valid one-page PDF with these text lines (see ``tests/pdfs.py``)."""
    return pdfs.make_pdf([lines], title)


ARTICLE_HTML = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Japan Tightens Chip Equipment Export Controls | Example News</title>
<meta property="og:title" content="Japan Tightens Chip Equipment Export Controls">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<link rel="canonical" href="https://news.example.com/2024/chips">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/tech">Tech</a></li></ul></nav>
<article>
<h1>Japan Tightens Chip Equipment Export Controls</h1>
<p>Japan tightened export controls on 23 types of semiconductor manufacturing equipment on Thursday, officials at the
trade ministry said, in a move that aligns Tokyo with restrictions announced earlier by the United States.</p>
<p>The measures cover lithography, etching and deposition tools and take effect in July, according to the ministry,
which said the rules do not target any specific country.</p>
</article>
<div class="comments"><h3>Comments</h3><p>First! This is a reader comment that must not be kept.</p></div>
<footer><p>Copyright 2024 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

NAV_ONLY_HTML = """<html><head><title>Menu</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<footer>&copy; 2024 Example</footer></body></html>"""


# --- normalize_text ----------------------------------------------------------------------------------------------


class TestNormalizeText:
    def test_composes_to_nfc(self) -> None:
        assert normalize_text("cafe\u0301") == "caf\u00e9"
        assert unicodedata.is_normalized("NFC", normalize_text("Ame\u0301lie\u0300"))

    def test_drops_control_zero_width_and_bom(self) -> None:
        assert normalize_text("\ufeffchip\u200bset\x07 ex\u200dport\x00s") == "chipset exports"

    def test_unifies_newlines_and_spaces(self) -> None:
        raw = "  Title\t\u00a0here \r\nline\u3000two\rthree  \u2003 words  "
        assert normalize_text(raw) == "Title here\nline two\nthree words"

    def test_strips_lines_and_keeps_at_most_one_blank_line(self) -> None:
        assert normalize_text("\n\n a \n\n\n\n   \n b\n\nc \n\n") == "a\n\nb\n\nc"

    def test_empty_and_whitespace_only(self) -> None:
        assert normalize_text("") == ""
        assert normalize_text(" \t\n\u00a0\u200b\n ") == ""

    @pytest.mark.parametrize(
        "raw",
        [
            "e\u200b\u0301 x",  # removing a zero-width char must not leave a composable pair behind
            "a \u0301\n\n\n\u0301b",
            "\t\t\r\n\r\n\r\n x\u2028y\u2029z\x0c",
            "\u2000lead\u2001 and trail\u00a0",
        ],
    )
    def test_is_idempotent_on_tricky_input(self, raw: str) -> None:
        once = normalize_text(raw)
        assert normalize_text(once) == once

    def test_is_idempotent_on_random_input(self) -> None:
        alphabet = "ab e\u0301\u0300\u00e9\t\n\r\u00a0\u2003\u3000\u200b\u200d\ufeff\x00\x07\x0c\u2028\u1100\u1161\uac00\u65e5"
        rng = random.Random(1234)
        for _ in range(2000):
            raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            once = normalize_text(raw)
            assert normalize_text(once) == once, repr(raw)

    def test_is_idempotent_on_corpus(self) -> None:
        for path in CORPUS.glob("*.txt"):
            once = normalize_text(path.read_text(encoding="utf-8"))
            assert normalize_text(once) == once


# --- derive_title ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("001", None),
        ("002", None),
        ("003", "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo"),
    ],
)
def test_derive_title_on_corpus(prefix: str, expected: str | None) -> None:
    text = normalize_text(corpus_file(prefix).read_text(encoding="utf-8"))
    assert derive_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\n\nChip Export Controls Tighten\n\nBody text.", "Chip Export Controls Tighten"),
        ("# Markdown Heading Title\n\nBody.", "Markdown Heading Title"),
        ("Japan said it would not retract the controls.\nMore.", None),  # a sentence
        ("Breaking news\nBody.", None),  # fewer than three words
        ("Tokyo protests, Beijing responds, talks stall,\nBody.", None),
        ("word " * 60 + "\nBody.", None),  # too long
        ("", None),
    ],
)
def test_derive_title(text: str, expected: str | None) -> None:
    assert derive_title(text) == expected


# --- identity ----------------------------------------------------------------------------------------------------


def test_doc_id_is_stable_hex_and_ignores_whitespace_differences() -> None:
    a = "Japan tightens export controls.\n\nChips are affected."
    b = "  Japan  tightens\texport controls.\r\n\r\n\r\n\r\nChips are affected.  \n"
    assert doc_id_for(a) == doc_id_for(b) == content_hash(a)[:20]
    assert len(doc_id_for(a)) == 20 and int(doc_id_for(a), 16) >= 0
    assert len(content_hash(a)) == 64
    assert doc_id_for(a) == "9e004bdddd606118db0b"  # pinned: ids must not change between releases
    assert doc_id_for(a) != doc_id_for(a.replace("Chips", "Batteries"))


def test_doc_id_equals_hash_of_loaded_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some  article\r\ntext here.", encoding="utf-8")
    doc = load_doc(path)
    assert doc.text == "Some article\ntext here."
    assert doc.doc_id == doc_id_for(doc.text) == doc_id_for("Some article\ntext here.")


# --- iter_files --------------------------------------------------------------------------------------------------


def test_iter_files_expands_directories_sorted_and_filters(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.pdf", "e.jsonl", "f.docx", "manifest.json",
                ".hidden.txt", ".git/config.txt", "G.TXT"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert found == ["G.TXT", "a.md", "b.txt", "e.jsonl", "sub/c.html", "sub/deeper/d.pdf"]
    assert iter_files([tmp_path]) == iter_files([tmp_path])


def test_iter_files_keeps_explicit_files_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    explicit = tmp_path / "notes.docx"
    found = iter_files([tmp_path / "a.txt", tmp_path, explicit])
    assert found == [tmp_path / "a.txt", explicit]  # load_file will report the unsupported/missing file


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl", ".json", ".rss", ".atom", ".xml"}


# --- corpus + manifest -------------------------------------------------------------------------------------------


def test_corpus_loads_with_manifest_metadata() -> None:
    docs = {Path(d.source_path).name[:3]: d for p in iter_files([CORPUS]) for d in load_file(p)}
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    assert all(isinstance(d, SourceDocument) for d in docs.values())

    d000 = docs["000"]
    assert d000.publisher == "Intelrift Intelligence Desk"
    assert d000.published == "2026-06-30"
    assert d000.title and d000.title.startswith("Japan blocks Chinese battery makers")
    assert d000.kind == "generated intelligence brief (multi-article cluster)"
    assert d000.source_path == str(corpus_file("000").absolute())
    assert d000.language == "en"

    d001 = docs["001"]
    assert d001.title is None  # manifest says unknown and the first line is a body sentence
    assert d001.published is None
    assert d001.publisher == "Taipei Times (page with related-story snippets appended)"

    assert docs["002"].publisher is None and docs["002"].published is None
    assert docs["003"].published == "2026-02-25"
    assert docs["004"].authors == ("Hosokawa Masahiko",)
    assert docs["004"].title == "How Japan should avoid becoming a loophole for technology leaks to China"
    for d in docs.values():
        assert d.doc_id == doc_id_for(d.text)
        assert d.url is None


def test_load_manifest_keys_entries_by_file_name() -> None:
    manifest = load_manifest(CORPUS)
    assert len(manifest) == 5
    assert manifest[corpus_file("000").name]["publisher"] == "Intelrift Intelligence Desk"
    assert load_manifest(CORPUS / "does-not-exist") == {}


def test_manifest_beats_embedded_metadata_and_nulls_fall_through(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": [{"file": "a.html", "title": "Manifest Title Wins", "publisher": None, "published": None}]}),
        encoding="utf-8",
    )
    doc = load_doc(tmp_path / "a.html")
    assert doc.title == "Manifest Title Wins"
    assert doc.publisher == "Example News"  # null in the manifest: embedded value is used
    assert doc.published == "2024-05-02"


def test_manifest_changes_are_picked_up(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some Headline Here\n\nBody text.", encoding="utf-8")
    assert load_doc(path).publisher is None
    (tmp_path / "manifest.json").write_text(json.dumps({"articles": [{"file": "a.txt", "publisher": "Desk"}]}), encoding="utf-8")
    assert load_doc(path).publisher == "Desk"


@pytest.mark.parametrize("content", ["{not json", '["not", "entries"]', '{"articles": 3}', "\x00\x01"])
def test_malformed_manifest_is_ignored_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture, content: str) -> None:
    (tmp_path / "manifest.json").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some Headline Here\n\nPublished: 2021-01-02\n\nBody text.", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="rag.loaders"):
        doc = load_doc(tmp_path / "a.txt")
    assert doc.title == "Some Headline Here" and doc.published == "2021-01-02"  # derived from the text
    assert any("manifest" in r.getMessage() for r in caplog.records)


# --- formats -----------------------------------------------------------------------------------------------------


def test_txt_and_markdown_load_with_derived_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Chip Export Controls Tighten\n\nPublished on: 2024-05-02\n\nJapan said that the rules are in force.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Battery Makers Blocked Again\n\nThe ministry said that it was not approving them.", encoding="utf-8")
    a, b = load_doc(tmp_path / "a.txt"), load_doc(tmp_path / "b.md")
    assert (a.title, a.published, a.language, a.source_path) == (
        "Chip Export Controls Tighten", "2024-05-02", "en", str((tmp_path / "a.txt").absolute()))
    assert b.title == "Battery Makers Blocked Again" and b.text.startswith("# Battery Makers")
    assert b.published is None and b.publisher is None and b.authors == ()


def test_cp1252_text_decodes_correctly(tmp_path: Path) -> None:
    text = "Le café “naïve” — it’s the owner’s favourite résumé."
    for name, payload in {"short.txt": "Café “quoted”", "long.txt": text}.items():
        (tmp_path / name).write_bytes(payload.encode("cp1252"))
        assert load_doc(tmp_path / name).text == payload


def test_latin1_text_decodes_correctly(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Die Straße führt über die Brücke zum Café.".encode("latin-1"))
    assert load_doc(path).text == "Die Straße führt über die Brücke zum Café."


def test_utf8_bom_and_utf16_text_decode(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffHello café world".encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes("Hello café world".encode("utf-16"))
    assert load_doc(tmp_path / "bom.txt").text == "Hello café world"
    assert load_doc(tmp_path / "u16.txt").text == "Hello café world"


def test_legacy_east_asian_encoding_is_detected(tmp_path: Path) -> None:
    text = "日本政府は半導体製造装置の輸出規制を強化した。経済産業省が発表した。対象は二十三品目である。"
    path = tmp_path / "sjis.txt"
    path.write_bytes(text.encode("shift_jis"))
    doc = load_doc(path)
    assert doc.text == text and doc.language == "ja"


def test_html_main_text_and_embedded_metadata(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    doc = load_doc(path)
    assert "23 types of semiconductor manufacturing equipment" in doc.text
    assert "reader comment" not in doc.text and "Privacy policy" not in doc.text and "Home" not in doc.text
    assert doc.title == "Japan Tightens Chip Equipment Export Controls"
    assert doc.publisher == "Example News"
    assert doc.published == "2024-05-02"
    assert doc.url == "https://news.example.com/2024/chips"
    assert doc.authors == ("Jane Doe",)
    assert doc.language == "en"


def test_html_fragment_without_html_or_body_tags_loads(tmp_path: Path) -> None:
    path = tmp_path / "fragment.htm"
    path.write_text("<p>Japan said that the export rules for chips were tightened on Thursday by the ministry.</p>", encoding="utf-8")
    assert load_doc(path).text == "Japan said that the export rules for chips were tightened on Thursday by the ministry."


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    body = "日本政府は半導体製造装置の輸出規制を強化したと経済産業省が発表した。" * 3
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>輸出規制</title></head><body><article><p>{body}</p></article></body></html>'
    path = tmp_path / "ja.htm"
    path.write_bytes(html.encode("shift_jis"))
    doc = load_doc(path)
    assert body in doc.text and doc.language == "ja"


def test_pdf_text_and_title(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["Export controls on chips", "Japan tightened the rules today."], title="Chip Controls Report"))
    doc = load_doc(path)
    assert doc.text == "Export controls on chips\nJapan tightened the rules today."
    assert doc.title == "Chip Controls Report"


def test_pdf_without_title_metadata_uses_derived_title(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["Export Controls On Chips", "Japan tightened the rules today."]))
    assert load_doc(path).title == "Export Controls On Chips"


def test_pdf_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(["Export controls on chips"])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "open.pdf").write_bytes(buffer.getvalue())
    assert load_doc(tmp_path / "open.pdf").text == "Export controls on chips"


def test_jsonl_one_document_per_line_and_bad_lines_fail_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "x1", "title": "First Story Title", "url": "https://a.example/1", "published": "Mar. 31, 2020",
                    "publisher": "Kyodo", "authors": ["A. Writer", " B. Writer "], "text": "Japan said that the controls stay."}),
        "{this is not json",
        json.dumps({"title": "No text here"}),
        "",
        json.dumps({"source": "Nikkei Asia", "authors": "C. Writer; D. Writer", "published": 20220207, "text": "Korea said that it was not consulted."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   \n "}),
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(load_file(path))
    docs = [i for i in items if isinstance(i, SourceDocument)]
    failures = [i for i in items if isinstance(i, LoadFailure)]
    base = str(path.absolute())
    assert [d.source_path for d in docs] == [f"{base}#L1", f"{base}#L5"]
    assert [f.path for f in failures] == [f"{base}#L2", f"{base}#L3", f"{base}#L6", f"{base}#L7"]
    assert all(f.reason for f in failures)
    first, second = docs
    assert (first.title, first.url, first.published, first.publisher, first.authors) == (
        "First Story Title", "https://a.example/1", "2020-03-31", "Kyodo", ("A. Writer", "B. Writer"))
    assert first.doc_id == doc_id_for("Japan said that the controls stay.")
    assert (second.publisher, second.authors, second.published, second.title) == (
        "Nikkei Asia", ("C. Writer", "D. Writer"), "2022-02-07", None)


# --- failures ----------------------------------------------------------------------------------------------------


def test_binary_garbage_fails(tmp_path: Path) -> None:
    rng = random.Random(7)
    (tmp_path / "garbage.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (tmp_path / "controls.md").write_bytes(bytes(range(1, 32)) * 20 + b"some text")  # no NULs, still not text
    assert "binary" in load_failure(tmp_path / "garbage.txt").reason
    assert "text" in load_failure(tmp_path / "controls.md").reason


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u00a0\u200b\n".encode("utf-8")])
def test_empty_or_whitespace_only_fails(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in load_failure(path).reason


@pytest.mark.parametrize("cut", [40, 200, -30])
def test_truncated_pdf_fails(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(make_pdf(["Export controls on chips"])[:cut])
    assert "PDF" in load_failure(path).reason


def test_garbage_pdf_fails(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(random.Random(3).randrange(256) for _ in range(2000)))
    assert "PDF" in load_failure(path).reason


def test_password_protected_pdf_fails(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(["Secret"])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "locked.pdf").write_bytes(buffer.getvalue())
    assert "encrypted" in load_failure(tmp_path / "locked.pdf").reason


MIXED_BODY_HTML = """<html><head><title>Netherlands expands ASML export curbs</title></head><body>
<nav><a href="/">Home</a> | <a href="/tech">Tech</a> | <a href="/world">World</a></nav>
<article><h1>Netherlands expands ASML export curbs</h1>
<p>The Dutch government said on Friday it would require ASML to apply for licences to export two more models of its
immersion DUV lithography systems, the NXT:1970i and NXT:1980i, starting September 7.</p>
<div>The move takes over licensing from the United States for those machines.<br><br>ASML said the rules would have
no impact on its 2024 outlook.</div>
<aside><h3>Related</h3><ul><li><a href="/a">China retaliates</a></li></ul></aside>
<p>Dutch officials said exporters had been told of the change earlier in the week by the trade ministry.</p>
</article></body></html>"""


def test_body_text_written_straight_into_a_div_between_paragraphs_is_kept(tmp_path: Path) -> None:
    """The precise extraction drops a short bare-text <div> among <p> paragraphs; its prose lines come back in
    their place, and the lines that are no prose (menus, "Related") stay out."""
    path = tmp_path / "mixed.html"
    path.write_text(MIXED_BODY_HTML, encoding="utf-8")
    text = load_doc(path).text
    flat = " ".join(text.split())
    move = "The move takes over licensing from the United States for those machines."
    assert move in text.splitlines()
    assert flat.index("two more models") < flat.index(move) < flat.index("ASML said the rules would have no impact")
    assert not any(line.strip() in ("Home", "Related", "China retaliates") for line in text.splitlines())


@pytest.mark.parametrize("hide", ['style="display: none"', 'style="visibility:hidden"', "hidden", 'aria-hidden="true"'])
def test_text_a_browser_does_not_show_is_no_part_of_the_document(tmp_path: Path, hide: str) -> None:
    planted = "Exporters were told that every licence for the NXT:1980i had been revoked by the Dutch government."
    path = tmp_path / "hidden.html"
    path.write_text(MIXED_BODY_HTML.replace("</article>", f"<div {hide}>{planted}</div></article>"), encoding="utf-8")
    text = load_doc(path).text
    assert planted not in text and "two more models" in text


def test_html_with_only_navigation_fails(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text(NAV_ONLY_HTML, encoding="utf-8")
    assert "main text" in load_failure(path).reason


def test_missing_and_unsupported_files_fail(tmp_path: Path) -> None:
    assert "cannot read" in load_failure(tmp_path / "missing.txt").reason
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    assert "unsupported" in load_failure(tmp_path / "notes.docx").reason
    (tmp_path / "dir.txt").mkdir()
    assert "cannot read" in load_failure(tmp_path / "dir.txt").reason


def test_bad_files_do_not_stop_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A good article that says the rules are in force.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nav.html").write_text(NAV_ONLY_HTML, encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj")
    (tmp_path / "good.html").write_text(ARTICLE_HTML, encoding="utf-8")
    items = [item for path in iter_files([tmp_path]) for item in load_file(path)]
    loaded = sorted(Path(i.source_path).name for i in items if isinstance(i, SourceDocument))
    failed = sorted(Path(i.path).name for i in items if isinstance(i, LoadFailure))
    assert loaded == ["good.html", "good.txt"]
    assert failed == ["broken.pdf", "empty.txt", "nav.html"]


@pytest.mark.parametrize(
    ("title", "publisher"),
    [
        ("Netherlands expands ASML export curbs | Tech Desk", "Tech Desk"),
        ("Netherlands expands ASML export curbs - Nikkei Asia", "Nikkei Asia"),
        ("Netherlands expands ASML export curbs — The Korea Herald", "The Korea Herald"),
        ("Netherlands expands ASML export curbs - a long-running fight over lithography and who controls it", None),
        ("Netherlands expands ASML export curbs", None),
    ],
)
def test_a_page_without_a_site_name_is_published_by_the_site_its_title_names(tmp_path: Path, title, publisher) -> None:
    path = tmp_path / "site.html"
    path.write_text(MIXED_BODY_HTML.replace("<title>Netherlands expands ASML export curbs</title>", f"<title>{title}</title>"),
                    encoding="utf-8")
    doc = load_doc(path)
    assert doc.publisher == publisher
    assert doc.title.startswith("Netherlands expands ASML export curbs")


@pytest.mark.parametrize(("title", "publisher"), [("Netherlands expands ASML export curbs | Tech Desk", "Tech Desk"),
                                                  ("Netherlands expands ASML export curbs", "example.com")])
def test_a_page_known_only_by_its_address_is_published_by_the_site_its_title_names(tmp_path: Path, title, publisher):
    """trafilatura names a page without a site name by its URL's host; the title's own name says more."""
    html = MIXED_BODY_HTML.replace("<title>Netherlands expands ASML export curbs</title>",
                                   f'<title>{title}</title><link rel="canonical" href="https://www.example.com/2023/05/23/asml/">')
    path = tmp_path / "canonical.html"
    path.write_text(html, encoding="utf-8")
    assert load_doc(path).publisher == publisher


def test_the_site_name_of_the_page_metadata_wins_over_its_title(tmp_path: Path) -> None:
    html = MIXED_BODY_HTML.replace("<title>Netherlands expands ASML export curbs</title>",
                                   '<title>Netherlands expands ASML export curbs | Tech</title>'
                                   '<meta property="og:site_name" content="Tech Desk Weekly">')
    path = tmp_path / "og.html"
    path.write_text(html, encoding="utf-8")
    assert load_doc(path).publisher == "Tech Desk Weekly"


def _jsonl_docs(tmp_path: Path, *records: dict) -> list[SourceDocument]:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return [d for d in load_file(path) if isinstance(d, SourceDocument)]


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("<p>Japan's trade ministry said on Friday it would add 23 types of chipmaking equipment.</p>"
         "<p>The rules take effect in July, the ministry said.</p>",
         "Japan's trade ministry said on Friday it would add 23 types of chipmaking equipment.\n\n"
         "The rules take effect in July, the ministry said."),
        ("Seoul said it would add 12 types of equipment.<br/>The change takes effect on Dec. 1.<script>track()</script>",
         "Seoul said it would add 12 types of equipment.\nThe change takes effect on Dec. 1."),
        ("Seoul said it would add 12 types of equipment.&nbsp;The change &amp; its list take effect on Dec. 1.",
         "Seoul said it would add 12 types of equipment. The change & its list take effect on Dec. 1."),
        ("Exports fell &lt;5% and the ratio <= 3 stayed, the ministry said in Seoul on Friday.",
         "Exports fell <5% and the ratio <= 3 stayed, the ministry said in Seoul on Friday."),
    ],
)
def test_a_record_field_that_keeps_the_pages_markup_is_read_as_its_text(tmp_path: Path, field: str, text: str) -> None:
    (doc,) = _jsonl_docs(tmp_path, {"title": "Chip curbs", "content": field})
    assert doc.text == text


def test_a_record_names_its_publisher_and_authors_by_object(tmp_path: Path) -> None:
    (doc,) = _jsonl_docs(tmp_path, {"headline": "Korea adds strategic items", "text": "Seoul said it would add 12 types.",
                                    "publisher": {"@type": "Organization", "name": "Example Wire"},
                                    "authors": [{"@type": "Person", "name": "A. Lin"}, {"name": "B. Wu"}]})
    assert doc.publisher == "Example Wire" and doc.authors == ("A. Lin", "B. Wu")
