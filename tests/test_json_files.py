"""A .json file of news is read as articles: one article per file (news-please's layout), an array of them, or a
news API's response holding them under "articles"/"items"/…; each record keeps its metadata and is named by where it
starts in the file; JSON that holds no article is a clear failure, not a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.config import LimitsSettings
from rag.ingest import Ingestor
from rag.loaders import LoadFailure, iter_files, load_file
from rag.retrieve import HybridRetriever, make_filters

CURBS = {
    "title": "Japan adds 23 chip tools to its export control list",
    "maintext": "Japan's trade ministry said on Friday it would add 23 types of semiconductor manufacturing equipment "
                "to its export control list.\nThe curbs take effect in July, officials said in Tokyo.",
    "date_publish": "2023-03-31 08:00:00",
    "date_modify": "2023-04-01 09:00:00",
    "source_domain": "reuters.com",
    "url": "https://www.reuters.com/technology/japan-chip-curbs",
    "language": "en",
}
HBM = {
    "title": "SK Hynix starts HBM3E mass production",
    "content": "SK Hynix began mass production of HBM3E memory chips in March, the company said on Tuesday in Seoul.",
    "publishedAt": "2024-03-19T06:00:00Z",
    "source": {"id": None, "name": "Yonhap"},
    "url": "https://en.yna.co.kr/view/hbm",
}


def docs_of(path: Path, **limits) -> tuple[list, list[LoadFailure]]:
    items = list(load_file(path, [], LimitsSettings(**limits) if limits else None))
    return [d for d in items if not isinstance(d, LoadFailure)], [f for f in items if isinstance(f, LoadFailure)]


def test_a_news_please_article_file_is_one_document_with_its_date_and_publisher(tmp_path):
    path = tmp_path / "a1b2c3.json"
    path.write_text(json.dumps(CURBS, indent=4), encoding="utf-8")
    (doc,), failures = docs_of(path)
    assert not failures
    assert doc.source_path == str(path), "a file of one article is named by its path alone"
    assert (doc.published, doc.publisher, doc.title) == ("2023-03-31", "reuters.com", CURBS["title"])
    assert doc.text.startswith("Japan's trade ministry said on Friday")


def test_a_news_api_response_gives_each_article_named_by_the_line_it_starts_on(tmp_path):
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps({"status": "ok", "totalResults": 2, "articles": [CURBS, HBM]}, indent=2), encoding="utf-8")
    docs, failures = docs_of(path)
    assert not failures and len(docs) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    for doc, title in zip(docs, (CURBS["title"], HBM["title"])):
        number = int(doc.source_path.rsplit("#L", 1)[1])
        assert lines[number - 1].strip() == "{", "the record's own first line"
        assert doc.title == title
    assert (docs[1].published, docs[1].publisher) == ("2024-03-19", "Yonhap"), "NewsAPI's publishedAt and source.name"


def test_a_minified_array_gives_every_article(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([CURBS, HBM]), encoding="utf-8")
    docs, failures = docs_of(path)
    assert not failures
    assert [d.source_path for d in docs] == [f"{path}#L1", f"{path}#L1"]
    assert [d.published for d in docs] == ["2023-03-31", "2024-03-19"]


@pytest.mark.parametrize(
    "content, reason",
    [
        ('[{"title": "cut off", "text": "abc"', "invalid JSON"),
        ('{"status": "ok", "totalResults": 0}', "holds no list of articles"),
        ("42", "neither an article object nor a list"),
        ('{"text": "one"} {"text": "two"}', "invalid JSON"),
    ],
)
def test_json_that_holds_no_article_is_a_failure_with_its_reason(tmp_path, content, reason):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    docs, failures = docs_of(path)
    assert not docs and len(failures) == 1 and reason in failures[0].reason, failures


def test_a_bad_record_fails_alone_and_the_others_load(tmp_path):
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([CURBS, "not an article", {"title": "no text"}, HBM], indent=1), encoding="utf-8")
    docs, failures = docs_of(path)
    assert [d.title for d in docs] == [CURBS["title"], HBM["title"]]
    assert len(failures) == 2 and "#L" in failures[0].path and "not a JSON object" in failures[0].reason


def test_the_documents_limit_stops_a_long_array(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{**CURBS, "maintext": f"Article {i}: " + CURBS["maintext"]} for i in range(5)], indent=1))
    docs, failures = docs_of(path, max_documents_per_request=3)
    assert len(docs) == 3 and len(failures) == 1 and failures[0].kind == "limit"


def test_a_folder_of_json_articles_is_ingested_and_its_manifest_is_not_an_article(fresh_index, tmp_path):
    src = tmp_path / "feed"
    src.mkdir()
    (src / "curbs.json").write_text(json.dumps(CURBS, indent=2), encoding="utf-8")
    (src / "api.json").write_text(json.dumps({"articles": [HBM]}), encoding="utf-8")
    (src / "manifest.json").write_text(json.dumps({"articles": [{"file": "curbs.json", "publisher": "Reuters"}]}))
    assert [p.name for p in iter_files([src])] == ["api.json", "curbs.json"]
    index = fresh_index()
    report = Ingestor(index).ingest_paths([src])
    assert report.added == 2 and not report.failed
    hits = HybridRetriever(index).search("SK Hynix HBM3E mass production", k=2, filters=make_filters(since="2024-01-01"))
    assert hits and hits[0].to_dict()["source_path"] == f"{src / 'api.json'}#L1"


def test_a_line_nested_past_the_parser_fails_alone_and_the_lines_after_it_are_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    deep = '{"a": ' * 100_000 + "1" + "}" * 100_000
    path.write_text("\n".join([json.dumps(CURBS), deep, json.dumps(HBM)]) + "\n", encoding="utf-8")
    docs, failures = docs_of(path)
    assert [d.title for d in docs] == [CURBS["title"], HBM["title"]]
    assert [f.path for f in failures] == [f"{path}#L2"] and "nested deeper" in failures[0].reason


def test_a_json_file_nested_past_the_parser_is_a_clear_failure(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    docs, failures = docs_of(path)
    assert not docs and len(failures) == 1 and "nested deeper" in failures[0].reason


def test_newsapis_truncation_marker_is_no_text_and_ingest_says_the_text_was_cut(tmp_path):
    cut = {**HBM, "content": HBM["content"] + " Production will double next year… [+3412 chars]"}
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps({"status": "ok", "articles": [cut]}, indent=2), encoding="utf-8")
    warnings: list = []
    (doc,) = [d for d in load_file(path, warnings) if not isinstance(d, LoadFailure)]
    assert doc.text.endswith("Production will double next year") and "chars]" not in doc.text
    assert any("cut short by its exporter" in w.message and "[+3412 chars]" in w.message for w in warnings), warnings


def test_a_text_field_holding_only_the_marker_is_a_failure(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"title": "x", "content": "[+3412 chars]"}) + "\n", encoding="utf-8")
    docs, failures = docs_of(path)
    assert not docs and "only its exporter's truncation marker" in failures[0].reason


def test_a_cited_passage_of_a_json_list_points_at_its_own_place_in_the_file(fresh_index, tmp_path):
    src = tmp_path / "feed"
    src.mkdir()
    path = src / "api.json"
    path.write_text(json.dumps({"status": "ok", "articles": [CURBS, HBM]}, indent=2), encoding="utf-8")
    index = fresh_index()
    Ingestor(index).ingest_paths([src])
    (hit,) = HybridRetriever(index).search("SK Hynix HBM3E mass production", k=1)
    place = hit.to_dict()
    a, b = place["source_span"]
    content = path.read_text(encoding="utf-8")
    assert content[a:b].startswith("SK Hynix began mass production"), (place, content[a:b])
    assert content.splitlines()[place["source_line"] - 1].lstrip().startswith('"content": "SK Hynix')
