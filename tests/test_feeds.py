"""RSS and Atom feeds are read one article per item (``rag.feeds``), with the item's own headline, link, date and
author, its HTML turned into text, and citations that point into the item's element of the file.

Feeds (``.rss``, ``.atom``, ``.xml``) were refused as an unsupported file type, though analysts follow ministries and
outlets through them. Inputs in ``data/feeds``: RSS 2.0 with entity-escaped HTML, CDATA and a script, an item with no
text; Atom with an HTML title; a sitemap that is no feed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.config import LimitsSettings
from rag.loaders import LoadFailure, load_file
from rag.text.align import SourceMap
from test_cases_cjk import Corpus

DOCS = Path(__file__).resolve().parent / "data" / "feeds"


def _docs(path: Path, limits: LimitsSettings | None = None):
    items = list(load_file(path, limits=limits))
    return [d for d in items if not isinstance(d, LoadFailure)], [d for d in items if isinstance(d, LoadFailure)]


def test_each_rss_item_is_an_article_with_its_own_metadata_and_the_feed_as_publisher():
    docs, failed = _docs(DOCS / "meti.rss")
    assert [(d.title, d.published, d.publisher, d.url, tuple(d.authors)) for d in docs] == [
        ("Japan adds cleaning tools to export licence list", "2024-03-05", "Trade Policy Wire",
         "https://tradewire.example.com/2024/03/05/cleaning-tools", ("Aiko Tanaka",)),
        ("Seoul weighs HBM licence rule", "2024-03-07", "Trade Policy Wire",
         "https://tradewire.example.com/2024/03/07/hbm-rule", ()),
    ]
    assert docs[0].text.startswith("Japan’s trade ministry on Tuesday added two kinds")  # escaped HTML decoded
    assert "alert" not in docs[1].text and "<p>" not in docs[1].text  # CDATA markup read, the script dropped
    assert "A decision is expected by June." in docs[1].text  # the full content, not the one-line description
    assert [d.source_path.rsplit("#", 1)[1] for d in docs] == ["L7", "L14"]  # the line each <item> starts on
    (empty,) = failed
    assert empty.path.endswith("#L21") and "no text" in empty.reason


def test_an_atom_entry_with_an_html_title_and_content():
    (doc,), failed = _docs(DOCS / "chips.atom")
    assert not failed
    assert (doc.title, doc.published, doc.publisher, tuple(doc.authors)) == (
        "Taiwan widens entity list for chip exports", "2024-05-14", "Taipei Chip Monitor", ("Chen Wei",))
    assert "added 20 foreign companies" in doc.text


@pytest.mark.parametrize("name, quote", [
    ("meti.rss", "The ministry said the rule takes effect on April 1."),
    ("meti.rss", "A decision is expected by June."),
    ("chips.atom", "Exporters must obtain a permit before shipping advanced chips"),
])
def test_a_quote_is_located_in_its_items_element_of_the_file(name, quote):
    path = DOCS / name
    raw = path.read_text(encoding="utf-8")
    docs, _ = _docs(path)
    doc = next(d for d in docs if quote in d.text)
    start = doc.text.index(quote)
    where = SourceMap.build(doc.text, doc.origin).locate(start, start + len(quote))
    assert raw[where["span"][0]:where["span"][1]] == quote


def test_xml_that_is_no_feed_fails_with_that_reason():
    docs, (failure,) = _docs(DOCS / "sitemap.xml")
    assert not docs and failure.reason.startswith("not an RSS or Atom feed")


def test_a_feed_in_shift_jis_is_decoded_by_its_declaration(tmp_path):
    text = ('<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>経産省ニュース</title>'
            "<item><title>輸出管理を強化</title><pubDate>Fri, 22 Mar 2024 10:00:00 +0900</pubDate>"
            "<description>経済産業省は先端半導体の製造装置を輸出管理の対象に加えると発表した。</description></item>"
            "</channel></rss>")
    path = tmp_path / "meti_ja.xml"
    path.write_bytes(text.encode("shift_jis"))
    (doc,), _ = _docs(path)
    assert (doc.title, doc.publisher, doc.published) == ("輸出管理を強化", "経産省ニュース", "2024-03-22")
    assert doc.text.startswith("経済産業省は")


def test_entities_are_not_expanded_into_a_huge_text(tmp_path):
    """A "billion laughs" document type: the XML parser refuses to expand it; the file fails or its items stay small."""
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    text = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]><rss version="2.0"><channel><title>x'
            "</title><item><title>t</title><description>&l9;</description></item></channel></rss>")
    path = tmp_path / "lol.rss"
    path.write_text(text, encoding="utf-8")
    docs, failed = _docs(path)
    assert all(len(d.text) < 100_000 for d in docs) and (docs or failed)


def test_more_items_than_the_limit_fail_from_the_first_one_past_it(tmp_path):
    items = "".join(f"<item><title>Story {k}</title><description>Story number {k} about export licences in Japan."
                    "</description></item>" for k in range(5))
    path = tmp_path / "many.rss"
    path.write_text(f'<rss version="2.0"><channel><title>W</title>{items}</channel></rss>', encoding="utf-8")
    docs, failed = _docs(path, LimitsSettings(max_documents_per_request=3))
    assert len(docs) == 3 and len(failed) == 1 and failed[0].kind == "limit"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    c = Corpus.__new__(Corpus)  # a folder of feeds: one file yields several documents, one item fails
    from rag.config import Settings
    from rag.index import CorpusIndex
    from rag.ingest import Ingestor
    from rag.retrieve import HybridRetriever

    c.settings = Settings(data_dir=tmp_path_factory.mktemp("feeds"))
    c.index = CorpusIndex(c.settings)
    report = Ingestor(c.index).ingest_paths(sorted(p for p in DOCS.iterdir() if p.suffix != ".md"))
    assert report.added == 3 and len(report.failed) == 2, report.to_dict()
    c.retriever = HybridRetriever(c.index)
    c._engine = None
    yield c
    c.close()


def test_a_question_is_answered_from_a_feed_item_and_cited_at_its_line(corpus):
    brief = corpus.ask("When does Japan's licence rule for wafer cleaning equipment take effect?")
    assert not brief.abstained, brief.message
    first = brief.all_claims()[0]
    assert "April 1" in first.text
    (source,) = [s for s in brief.sources if s.index == first.citations[0].source]
    assert source.title == "Japan adds cleaning tools to export licence list" and source.publisher == "Trade Policy Wire"
    assert first.citations[0].source_ref.endswith("meti.rss:12")
