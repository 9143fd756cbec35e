"""A "Key: value" header block with a key the data file does not list is still the article's header
(rag.text.file_headers._plain_block, data/file_headers.toml v2).

A fresh user's Japanese article opened with "タイトル: …", "発行元: …", "日付: …"; "発行元" (publisher) was not a
listed key, so the whole block was read as body text with no warning: the title became "タイトル: …", the publisher
was empty and the header lines were indexed. Two things change: common CJK words for the publisher, title and date
are listed (publisher: "発行元", "発行者", "发布者", "出版社", "발행처" …), and a block that is clearly a header (every
line "Key: value", known keys naming two fields or more and at least half of the lines) is read for the keys it knows,
each unknown key's line left out with a load warning naming the key. A block of mostly unknown keys, of one known
field, or with a line that reads as a sentence stays text, as before. The articles below are written for this file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.loaders import LoadWarning, load_file
from rag.text.file_headers import read_header
from rag.types import SourceDocument


def load(path: Path, warnings: list[LoadWarning] | None = None) -> SourceDocument:
    (doc,) = list(load_file(path, warnings))
    assert isinstance(doc, SourceDocument), doc
    return doc


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


# --- CJK words for the publisher, title and date ------------------------------------------------------------------

LISTED = [
    ("ja_hakkomoto.txt",
     "タイトル: 名古屋港、半導体部品の輸出検査を拡大\n発行元: 中部港湾新聞\n日付: 2026年2月19日\n\n"
     "名古屋港管理組合は十九日、中古の露光装置部品を積んだコンテナの検査を三月から全量に広げると発表した。\n",
     ("名古屋港、半導体部品の輸出検査を拡大", "中部港湾新聞", "2026-02-19")),
    ("ja_hakkosha.md",
     "表題: 九州の新工場、補助金の上限を引き上げ\n発行者: 西日本産業通信\n投稿日: 2026年3月4日\n\n"
     "経済産業省は四日、九州で建設中のパワー半導体工場への補助金の上限を引き上げると明らかにした。\n",
     ("九州の新工場、補助金の上限を引き上げ", "西日本産業通信", "2026-03-04")),
    ("zh_fabuzhe.txt",
     "标题：厦门海关查获伪报光刻机零件\n发布者：海峡商贸报\n发表日期：2026年2月20日\n\n"
     "厦门海关20日表示，在一批申报为相机玻璃的货物中查获14箱光刻机镜头。\n",
     ("厦门海关查获伪报光刻机零件", "海峡商贸报", "2026-02-20")),
    ("zh_hant_chubanshe.txt",
     "標題：高雄港擴大查驗二手半導體設備\n出版社：南台灣經貿週刊\n日期：2026年2月21日\n\n"
     "高雄港務分公司21日表示，將全面查驗運往第三國的二手曝光機零件貨櫃。\n",
     ("高雄港擴大查驗二手半導體設備", "南台灣經貿週刊", "2026-02-21")),
    ("ko_balhaengcheo.txt",
     "제목: 부산 법원, 디스플레이 공정 유출 엔지니어에 실형\n발행처: 남부산업일보\n등록일: 2026년 2월 17일\n\n"
     "부산지방법원은 17일 유기발광다이오드 증착 공정 파일을 경쟁사에 넘긴 전직 엔지니어 두 명에게 실형을 선고했다.\n",
     ("부산 법원, 디스플레이 공정 유출 엔지니어에 실형", "남부산업일보", "2026-02-17")),
]


@pytest.mark.parametrize(("name", "text", "expected"), LISTED, ids=[n for n, _, _ in LISTED])
def test_cjk_publisher_title_and_date_words_are_header_keys(tmp_path: Path, name: str, text: str, expected) -> None:
    warnings: list[LoadWarning] = []
    doc = load(write(tmp_path, name, text), warnings)
    assert (doc.title, doc.publisher, doc.published) == expected
    assert doc.text == text.split("\n\n", 1)[1].strip()
    assert warnings == []


# --- a header with a key no list holds ------------------------------------------------------------------------------

UNKNOWN = [
    ("en_section.txt",
     "Title: Kaohsiung to inspect lithography part shipments\nPublisher: Harbour Ledger\nSection: Trade and customs\n"
     "Date: 2026-02-19\n\nThe port authority said on Thursday it would open every crate of used scanner parts.\n",
     ("Kaohsiung to inspect lithography part shipments", "Harbour Ledger", "2026-02-19"), ["Section"]),
    ("ja_category.txt",
     "タイトル: 名古屋港、検査を拡大\nカテゴリ: 経済\n日付: 2026年2月19日\n\n"
     "名古屋港管理組合は十九日、検査を広げると発表した。\n",
     ("名古屋港、検査を拡大", None, "2026-02-19"), ["カテゴリ"]),
    ("ko_category_tags.md",
     "제목: 부산 법원, 공정 유출에 실형\n분류: 사회\n출처: 남부산업일보\n태그: 반도체, 기술유출\n날짜: 2026-02-17\n\n"
     "부산지방법원은 17일 전직 엔지니어 두 명에게 실형을 선고했다.\n",
     ("부산 법원, 공정 유출에 실형", "남부산업일보", "2026-02-17"), ["분류", "태그"]),
    ("en_two_unknown.txt",
     "Headline: Busan court jails two engineers\nSlug: busan-oled-leak\nOutlet: Southern Industry Daily\n"
     "Word count: 412\n\nA Busan court sentenced two former engineers on Tuesday.\n",
     ("Busan court jails two engineers", "Southern Industry Daily", None), ["Slug", "Word count"]),
]


@pytest.mark.parametrize(("name", "text", "expected", "keys"), UNKNOWN, ids=[n for n, *_ in UNKNOWN])
def test_a_header_with_an_unknown_key_is_read_for_its_known_keys_with_a_warning_naming_it(
    tmp_path: Path, name: str, text: str, expected, keys: list[str]
) -> None:
    warnings: list[LoadWarning] = []
    path = write(tmp_path, name, text)
    doc = load(path, warnings)
    assert (doc.title, doc.publisher, doc.published) == expected
    assert doc.text == text.split("\n\n", 1)[1].strip()  # no header line is indexed
    assert [w.path for w in warnings] == [str(path.absolute())] * len(keys)
    for warning, key in zip(warnings, keys):
        assert f'header key "{key}"' in warning.message and "not a known metadata key" in warning.message


@pytest.mark.parametrize(
    "top",
    [
        "Title: Port checks widen\nSection: Trade\nTags: chips, customs",  # one known field among unknown keys
        "Title: Port checks widen\nDate: 2026-02-19\nSlug: port-checks\nSection: Trade\nTags: chips",  # mostly unknown
        "Title: Port checks widen\nDate: 2026-02-19\nThe officials said: the checks begin in March.",  # a sentence
        "Title: Port checks widen\nPublisher: Harbour Ledger\nOfficials at the port told us: checks widen in March",  # a clause
    ],
    ids=["one known field", "mostly unknown keys", "a sentence line", "a clause for a key"],
)
def test_a_block_that_is_not_clearly_a_header_stays_text_without_a_warning(tmp_path: Path, top: str) -> None:
    text = top + "\n\nThe port authority said on Thursday it would open every crate of used scanner parts.\n"
    notes: list[str] = []
    assert read_header(text, notes) == (text, {}, 0) and notes == []
    doc = load(write(tmp_path, "a.txt", text))
    assert doc.text.startswith(top.split("\n")[0])


def test_brief_ingest_warns_about_the_unknown_key_and_stores_the_known_ones(cli, tmp_path: Path) -> None:
    src = tmp_path / "articles"
    src.mkdir()
    name, text, (title, publisher, published), _ = UNKNOWN[0]
    path = write(src, name, text)
    result = cli(["ingest", str(src), "--json"], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["added"] == 1
    (warning,) = report["warnings"]
    assert warning["path"] == str(path.absolute()) and 'header key "Section"' in warning["message"]
    search = cli(["search", "scanner parts crate", "-k", "1", "--json", "--publisher", publisher],
                 BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert search.exit_code == 0, search.output
    (hit,) = json.loads(search.stdout)
    assert (hit["title"], hit["publisher"], hit["published"]) == (title, publisher, published)
    assert "Section" not in hit["text"] and "Title:" not in hit["text"]
