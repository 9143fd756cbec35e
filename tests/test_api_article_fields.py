"""``POST /v1/documents`` reads a JSON article under the field names JSONL ingest reads (one mapping,
``rag/text/data/jsonl_fields.toml`` through ``rag.jsonl_records``): a news exporter's record sent to the API becomes the
document the same record on a ``.jsonl`` line becomes; what it cannot use is said, and a name no exporter uses is still
refused with the fields the route takes."""

from __future__ import annotations

import pytest

from rag.jsonl_records import map_record
from rag.loaders import build_document

#: One record per exporter shape, each a different story (chip bans, sanctions, tariffs, a cyber attribution)
RECORDS = [
    pytest.param({"headline": "Netherlands widens ASML export curbs", "body": "The Dutch government said on 2023-06-30 that "
                  "exports of some deep-ultraviolet lithography systems will need a licence from September, citing national security.",
                  "date": "2023-06-30", "source": "Example Wire", "author": "J. de Vries", "link": "https://example.org/asml"},
                 id="headline-body-date"),
    pytest.param({"title": "EU adds Bank Rossiya executives to sanctions list", "maintext": "The European Union froze the assets "
                  "of three Bank Rossiya executives on Thursday, officials said, widening sanctions over the war in Ukraine.",
                  "date_publish": "2022-03-10 08:15:00", "source_domain": "news.example.com", "authors": ["A. Writer", "B. Writer"],
                  "language": "en"}, id="news-please"),
    pytest.param({"Headline": "China lifts barley tariffs on Australia", "Content": "Beijing said it would remove the 80.5% "
                  "anti-dumping duties on Australian barley from Saturday after a review, the commerce ministry said.",
                  "pubDate": "Fri, 04 Aug 2023 09:00:00 GMT", "outlet": "Example Times", "byline": "C. Reporter"},
                 id="any-case-rss"),
    pytest.param({"headline": "FBI ties Ronin bridge hack to Lazarus Group", "description": "The FBI said North Korea's Lazarus "
                  "Group was behind the theft of $620 million in cryptocurrency from the Ronin bridge.",
                  "published_at": "2022-04-14", "site_name": "Example Daily", "kind": "news report"}, id="summary-as-text"),
    # an unreadable first date field and a readable later one: the later one, as JSONL ingest takes it (s30; the API
    # took the first present one and refused the record)
    pytest.param({"headline": "Seoul files WTO complaint over Japan's curbs", "body": "South Korea said it would file "
                  "a complaint with the WTO over Japan's export curbs.", "date": "07/04/2019",
                  "published_at": "2019-07-04", "source": "Example Wire"}, id="bad-date-then-good"),
    pytest.param({"title": "China drills around Taiwan", "text": "China's military began drills around Taiwan after "
                  "Pelosi's visit.", "pubDate": "yesterday", "created_at": "2022-08-04"}, id="relative-date-then-iso"),
]


@pytest.fixture(scope="module")
def client(sample_api):
    return sample_api


def _as_jsonl_ingest_reads_it(record: dict) -> dict:
    mapped = map_record(record)
    doc = build_document(mapped.text, "line", mapped.meta)
    return {"doc_id": doc.doc_id, "title": doc.title, "published": doc.published, "publisher": doc.publisher,
            "url": doc.url, "authors": list(doc.authors), "language": doc.language, "kind": doc.kind}


@pytest.mark.parametrize("record", RECORDS)
def test_an_exporter_record_becomes_the_document_jsonl_ingest_makes_of_it(client, record) -> None:
    r = client.post("/v1/documents", json=record)
    assert r.status_code == 200, r.text
    outcome = r.json()["documents"][0]
    detail = client.get(f"/v1/documents/{outcome['doc_id']}").json()
    try:
        assert {k: detail.get(k) for k in _as_jsonl_ingest_reads_it(record)} == _as_jsonl_ingest_reads_it(record)
    finally:
        assert client.delete(f"/v1/documents/{outcome['doc_id']}").status_code == 204


def test_what_the_record_sends_and_is_not_used_is_said() -> None:
    from api.schemas import ArticleIn

    article = ArticleIn.model_validate({"title": "Japan tightens chip-material exports", "headline": "Tokyo curbs exports",
                                        "summary": "A summary the exporter copied from the lede.",
                                        "text": "Tokyo tightened the approval process for photoresists."})
    assert (article.title, article.text) == ("Japan tightens chip-material exports", "Tokyo tightened the approval process for photoresists.")
    assert article.notes == ["field 'headline' is not used ('title' gives the title)"]  # a summary beside a text is ignored, as in JSONL
    only_summary = ArticleIn.model_validate({"headline": "Seoul files WTO complaint", "abstract": "Seoul said it would file a WTO complaint."})
    assert only_summary.text == "Seoul said it would file a WTO complaint."
    assert only_summary.notes == ["no text field; the 'abstract' summary is used as the text"]


def test_the_notes_come_back_as_the_upload_s_warnings(client) -> None:
    record = {"title": "Taiwan screens used lithography tools", "headline": "Taiwan export screening",
              "text": "Taiwan's economics ministry said exports of used lithography tools to China now need a licence."}
    body = client.post("/v1/documents", json=record).json()
    try:
        assert [w["message"] for w in body["warnings"]] == ["field 'headline' is not used ('title' gives the title)"]
    finally:
        client.delete(f"/v1/documents/{body['documents'][0]['doc_id']}")


def test_a_name_no_exporter_uses_is_refused_with_the_fields_the_route_takes(client) -> None:
    r = client.post("/v1/documents", json={"heading": "h", "copy": "b"})
    assert r.status_code == 422
    said = r.json()["error"]["help"]
    assert "heading, copy are not fields here" in said and "title (required)" in said and "text (required)" in said


def test_an_unreadable_date_under_an_exporter_name_is_refused_as_the_published_field(client) -> None:
    r = client.post("/v1/documents", json={"headline": "h", "body": "Seoul said it would file a complaint.", "date": "07/04/2019"})
    assert r.status_code == 422
    assert "published: Publication day" in r.json()["error"]["help"]


def test_the_schema_names_the_other_names_a_field_is_read_from() -> None:
    from api.schemas import ArticleIn

    props = ArticleIn.model_json_schema()["properties"]
    assert "headline" in props["title"]["description"] and "body" in props["text"]["description"]
    assert "date_publish" in props["published"]["description"] and "byline" in props["authors"]["description"]


def test_an_unreadable_first_date_is_said_and_the_readable_one_used() -> None:
    from api.schemas import ArticleIn

    article = ArticleIn.model_validate({"headline": "h", "body": "Seoul said it would file a complaint.",
                                        "date": "07/04/2019", "published_at": "2019-07-04"})
    assert article.published == "2019-07-04"
    assert any("'date'" in n and "07/04/2019" in n for n in article.notes), article.notes
