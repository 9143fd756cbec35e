"""A .txt/.md article that carries its own metadata at its top is read with that metadata, and its header lines
are not indexed as text (rag.text.file_headers, read by rag.loaders._read_plain).

Two header kinds: YAML (---) or TOML (+++) front matter, and a plain block of "Key: value" lines ending at the first
blank line. Precedence: the manifest, then the file's own header, then what the text suggests. A top that is not a
header (a story's first line, a horizontal rule, bad front matter) stays text; bad front matter is a load warning.
Citations still point into the file: a quote of the body maps to its offsets in the original, header included.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rag.loaders import LoadFailure, LoadWarning, load_file
from rag.text.align import SourceMap
from rag.text.file_headers import FRONT_MATTER_LIMIT, read_header
from rag.types import SourceDocument

BODY = "TOKYO -- Japan added 23 items to its export control list on Tuesday.\n"

YAML_MD = (
    "---\ntitle: Japan tightens chip tool exports\npublisher: Nikkei Asia\ndate: 2023-05-23\nauthor: Jane Roe\n"
    "url: https://asia.nikkei.com/x\n---\n\n# Japan tightens chip tool exports\n\n" + BODY
)
PLAIN_TXT = (
    "Title: Korea probes chip leak\nPublisher: Yonhap\nDate: March 3, 2024\nAuthor: Kim Lee\n\n"
    "SEOUL -- Prosecutors indicted a former Samsung engineer on Monday.\n"
)


def load(path: Path, warnings: list[LoadWarning] | None = None) -> SourceDocument:
    (doc,) = list(load_file(path, warnings))
    assert isinstance(doc, SourceDocument), doc
    return doc


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


# --- front matter ------------------------------------------------------------------------------------------------


def test_yaml_front_matter_is_the_documents_metadata_and_is_not_its_text(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "a.md", YAML_MD))
    assert (doc.title, doc.publisher, doc.published, doc.authors, doc.url) == (
        "Japan tightens chip tool exports", "Nikkei Asia", "2023-05-23", ("Jane Roe",), "https://asia.nikkei.com/x"
    )
    assert doc.text.startswith("# Japan tightens chip tool exports")
    assert "publisher:" not in doc.text and "---" not in doc.text


def test_toml_front_matter_is_read_too(tmp_path: Path) -> None:
    text = ('+++\ntitle = "Taiwan curbs chip talent poaching"\nsource = "Focus Taiwan"\ndate = 2024-02-01T08:00:00+08:00\n'
            'authors = ["Lin Mei", "Chen Wu"]\nlanguage = "en-US"\nkind = "news"\n+++\n\n' + BODY)
    doc = load(write(tmp_path, "a.md", text))
    assert (doc.title, doc.publisher, doc.published, doc.authors, doc.language, doc.kind) == (
        "Taiwan curbs chip talent poaching", "Focus Taiwan", "2024-02-01", ("Lin Mei", "Chen Wu"), "en", "news"
    )
    assert doc.text == BODY.strip()


def test_front_matter_keys_are_matched_by_alias_and_case_and_unknown_keys_go_with_the_block(tmp_path: Path) -> None:
    text = "---\nHeadline: Seoul widens export rules\nSite_Name: Korea Herald\nlayout: post\ntags: [chips]\n---\n" + BODY
    doc = load(write(tmp_path, "a.txt", text))
    assert (doc.title, doc.publisher) == ("Seoul widens export rules", "Korea Herald")
    assert doc.text == BODY.strip()


@pytest.mark.parametrize(
    ("top", "why"),
    [
        ("---\ntitle: [unclosed\n---\n", "not valid YAML"),
        ("---\n- one\n- two\n---\n", "no YAML mapping"),
        ("---\nThe ministry said on Monday it would act.\n---\n", "no YAML mapping"),  # a rule above a paragraph
        ("---\nlayout: post\n---\n", "no known metadata key"),
        ("---\ntitle: a\x07b\n---\n", "not valid YAML"),  # control characters
        ("+++\ntitle = \n+++\n", "not valid TOML"),
        ("---\n" + "note: x\n" * (FRONT_MATTER_LIMIT // 8 + 1) + "---\n", "longer than 64 KB"),
    ],
)
def test_front_matter_that_cannot_be_read_leaves_the_file_as_text_with_a_warning(tmp_path: Path, top: str, why: str) -> None:
    warnings: list[LoadWarning] = []
    doc = load(write(tmp_path, "a.md", top + "\n" + BODY), warnings)
    # the block's lines stay text (a "---" line of a Markdown file is a rule, a mark, not a word of it)
    assert doc.publisher is None and top.split("\n")[1][:5] in doc.text
    assert BODY.strip() in doc.text
    assert [w.path for w in warnings] == [str((tmp_path / "a.md").absolute())]
    assert why in warnings[0].message and "read as text" in warnings[0].message


def test_a_ten_megabyte_front_matter_block_is_text_and_quick(tmp_path: Path) -> None:
    body = "---\n" + "key: value of a line\n" * 480_000 + "---\n\n" + BODY
    notes: list[str] = []
    text, meta, offset = read_header(body, notes)
    assert (text, meta, offset) == (body, {}, 0)
    assert notes and "longer than 64 KB" in notes[0]


def test_a_horizontal_rule_at_the_top_with_no_closing_rule_is_a_rule_without_a_warning(tmp_path: Path) -> None:
    warnings: list[LoadWarning] = []
    doc = load(write(tmp_path, "a.md", "---\n\n" + BODY), warnings)
    assert doc.text == BODY.strip() and warnings == []  # a Markdown rule is a mark, not text


# --- plain "Key: value" block ------------------------------------------------------------------------------------


def test_a_key_value_block_is_the_documents_metadata_and_is_not_its_text(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "b.txt", PLAIN_TXT))
    assert (doc.title, doc.publisher, doc.published, doc.authors) == (
        "Korea probes chip leak", "Yonhap", "2024-03-03", ("Kim Lee",)
    )
    assert doc.text == "SEOUL -- Prosecutors indicted a former Samsung engineer on Monday."


def test_keys_are_case_insensitive_and_authors_split_on_and_commas_and_semicolons(tmp_path: Path) -> None:
    text = ("HEADLINE: Chip probe widens\nsource: Korea JoongAng Daily\nPublished on: 2024-03-04\n"
            "By: Kim Lee, Park Min and Choi Ji\nLink: https://example.com/a\n\n" + BODY)
    doc = load(write(tmp_path, "b.txt", text))
    assert (doc.title, doc.publisher, doc.published, doc.url) == (
        "Chip probe widens", "Korea JoongAng Daily", "2024-03-04", "https://example.com/a"
    )
    assert doc.authors == ("Kim Lee", "Park Min", "Choi Ji")
    semicolons = load(write(tmp_path, "c.txt", "Title: T one\nAuthors: Roe, Jane; Doe, John\n\n" + BODY))
    assert semicolons.authors == ("Roe, Jane", "Doe, John")  # with semicolons, commas are inside names
    listed = load(write(tmp_path, "d.md", '---\ntitle: T one\nauthors: ["Roe, Jane", "By John Doe"]\n---\n' + BODY))
    assert listed.authors == ("Roe, Jane", "John Doe")  # a list holds one name per item


@pytest.mark.parametrize(
    "top",
    [
        "Update: Japan added two firms on Friday.",
        "Warning: the list may widen, officials said.",
        "Note: the ministry said the rules take effect in July.",
        "Source: officials said the ban would widen soon after.",  # a publisher key, but a sentence
        "Date: Monday",  # a date alone could be a memo's line
        "By Jane Roe",  # no colon
        "Title: Chip rules\nUpdate: two firms added",  # one unknown key spoils the block
        "Title: Chip rules\nPublisher: Nikkei",  # no blank line and no body after: the whole file
    ],
)
def test_lines_that_are_not_all_metadata_stay_text(tmp_path: Path, top: str) -> None:
    text = top if top.endswith("Nikkei") else top + "\n\n" + BODY
    body, meta, offset = read_header(text)
    assert (body, meta, offset) == (text, {}, 0)
    doc = load(write(tmp_path, "a.txt", text))
    assert doc.text.startswith(top.split("\n")[0])


@pytest.mark.parametrize(
    ("top", "field", "value"),
    [
        ("Source: Reuters", "publisher", "Reuters"),
        ("Title: Korea probes chip leak", "title", "Korea probes chip leak"),
        ("URL: https://www.yna.co.kr/view/AKR1", "url", "https://www.yna.co.kr/view/AKR1"),
    ],
)
def test_one_line_is_a_header_when_it_can_only_be_metadata(top: str, field: str, value: str) -> None:
    body, meta, offset = read_header(top + "\n\n" + BODY)
    assert meta == {field: value} and body == "\n" + BODY


# --- precedence --------------------------------------------------------------------------------------------------


def test_the_manifest_beats_the_files_header_which_beats_the_text(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", PLAIN_TXT)
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": [{"file": "b.txt", "publisher": "Yonhap News Agency", "title": None}]}), encoding="utf-8"
    )
    doc = load(tmp_path / "b.txt")
    assert doc.publisher == "Yonhap News Agency"  # the manifest
    assert doc.title == "Korea probes chip leak"  # null in the manifest: the header
    assert doc.published == "2024-03-03"


def test_an_unreadable_header_date_is_a_warning_and_the_text_has_none(tmp_path: Path) -> None:
    warnings: list[LoadWarning] = []
    doc = load(write(tmp_path, "a.txt", "Title: T\nDate: sometime soon\n\n" + BODY), warnings)
    assert doc.published is None and doc.title == "T"
    assert any("publication date" in w.message for w in warnings)


# --- encodings, line endings, scripts ------------------------------------------------------------------------------


def test_windows_line_endings_and_a_utf8_bom(tmp_path: Path) -> None:
    for name, text in (("a.txt", PLAIN_TXT), ("a.md", YAML_MD)):
        data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
        doc = load(write(tmp_path, name, data))
        assert doc.publisher in ("Yonhap", "Nikkei Asia") and doc.published in ("2024-03-03", "2023-05-23")
        assert not any(key in doc.text for key in ("Publisher", "publisher", "Title:", "title:"))


def test_chinese_japanese_and_korean_keys(tmp_path: Path) -> None:
    zh = "标题：芯片出口管制升级\n来源：新华社\n发布时间：2024年3月3日\n作者：张三、李四\n\n新华社北京3月3日电 商务部宣布新的出口管制措施。\n"
    ja = "タイトル: 半導体製造装置の輸出規制\n出典: 日本経済新聞\n日付: 2023年5月23日\n\n経済産業省は23品目を輸出管理の対象に加えた。\n"
    ko = "제목: 반도체 기술 유출 수사\n출처: 연합뉴스\n날짜: 2024년 3월 3일\n기자: 김이\n\n검찰은 전 삼성전자 엔지니어를 기소했다.\n"
    got = [load(write(tmp_path, f"{lang}.txt", text)) for lang, text in (("zh", zh), ("ja", ja), ("ko", ko))]
    assert [(d.title, d.publisher, d.published) for d in got] == [
        ("芯片出口管制升级", "新华社", "2024-03-03"),
        ("半導体製造装置の輸出規制", "日本経済新聞", "2023-05-23"),
        ("반도체 기술 유출 수사", "연합뉴스", "2024-03-03"),
    ]
    assert got[0].authors == ("张三", "李四") and got[2].authors == ("김이",)
    assert [d.text.splitlines()[0][:4] for d in got] == ["新华社北", "経済産業", "검찰은 "]


def test_a_shift_jis_file_with_a_header(tmp_path: Path) -> None:
    text = ("タイトル: 半導体製造装置の輸出規制を強化\n出典: 日本経済新聞\n日付: 2023年5月23日\n\n"
            "経済産業省は二十三日、半導体製造装置など二十三品目を輸出管理の対象に加えると発表した。"
            "先端半導体の製造に使う装置の輸出には、経済産業相の許可が必要になる。\n")
    doc = load(write(tmp_path, "sjis.txt", text.encode("shift_jis")))
    assert (doc.title, doc.publisher, doc.published) == ("半導体製造装置の輸出規制を強化", "日本経済新聞", "2023-05-23")
    assert doc.text.startswith("経済産業省は")


# --- citations point into the file ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), [("a.md", YAML_MD), ("b.txt", PLAIN_TXT), ("c.txt", PLAIN_TXT.replace("\n", "\r\n"))])
def test_a_quote_of_the_body_maps_to_its_offsets_in_the_original_file(tmp_path: Path, name: str, text: str) -> None:
    doc = load(write(tmp_path, name, text))
    assert doc.origin is not None and doc.origin.text == text  # the whole decoded file, header included
    smap = SourceMap.from_bytes(SourceMap.build(doc.text, doc.origin).to_bytes())
    assert smap.found == 1.0
    quote = "Japan added 23 items" if name == "a.md" else "indicted a former Samsung engineer"
    start = doc.text.index(quote)
    where = smap.locate(start, start + len(quote))
    assert where is not None
    a, b = where["span"]
    assert text[a:b] == quote and (a, b) == (text.index(quote), text.index(quote) + len(quote))
    assert where["line"] == text[:a].count("\n") + 1  # the line in the file, counted over the header too


def test_a_title_repeated_in_the_body_maps_to_the_body_not_the_front_matter(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "a.md", YAML_MD))
    smap = SourceMap.build(doc.text, doc.origin)
    quote = "Japan tightens chip tool exports"
    start = doc.text.index(quote)
    a, _ = smap.locate(start, start + len(quote))["span"]
    assert a == YAML_MD.index("# Japan tightens") + 2


# --- end to end --------------------------------------------------------------------------------------------------


def test_brief_ingest_stores_the_headers_publisher_and_indexes_no_header_line(cli, tmp_path: Path) -> None:
    src = tmp_path / "articles"
    src.mkdir()
    write(src, "a.md", YAML_MD)
    write(src, "b.txt", PLAIN_TXT)
    data = tmp_path / "data"
    result = cli(["ingest", str(src), "--json"], BRIEF_DATA_DIR=str(data))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 2
    (catalog,) = data.rglob("catalog.sqlite")
    db = sqlite3.connect(catalog)
    try:
        docs = dict(db.execute("SELECT title, publisher FROM documents WHERE status='indexed'").fetchall())
        chunks = [row[0] for row in db.execute("SELECT text FROM chunks")]
    finally:
        db.close()
    assert docs == {"Japan tightens chip tool exports": "Nikkei Asia", "Korea probes chip leak": "Yonhap"}
    assert chunks and not any(key in chunk for chunk in chunks for key in ("publisher:", "Publisher:", "url:", "Date:"))
    assert any("Japan added 23 items" in chunk for chunk in chunks)


def test_no_header_changes_nothing(tmp_path: Path) -> None:
    text = "Japan tightens chip tool exports\n\n" + BODY
    (doc,) = list(load_file(write(tmp_path, "a.txt", text)))
    assert not isinstance(doc, LoadFailure)
    assert doc.origin.region is None and doc.title == "Japan tightens chip tool exports"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["---", "+++", "title: x", "Title: A", "Source: B", "date = 2024-01-01", "- a",
                                 "key: [", "\r", "", "Body text.", "\ufeff", "标题：甲", "\x07", ":", "a: b: c"]),
                max_size=12).map("\n".join))
def test_any_text_reads_without_raising_and_the_body_is_its_tail(text: str) -> None:
    body, meta, offset = read_header(text, [])
    assert body == text[offset:] and isinstance(meta, dict)
    assert set(meta) <= {"title", "publisher", "published", "authors", "url", "language", "kind"}
