"""A government body's own publication is an official statement, not a news report (issue 10, attribution; F18 of
s65's new user; h/briefs-s66).

The kind: a ministry's press release (a PDF whose author and publisher are the ministry, its text opening "Press
release: Korea designates …") was typed "news report". Two cues (``rag/text/data/source_types.toml`` v5):
- a publisher or author that is a government body ([publisher_cues]: "Ministry of …", "… Department of …", "Cabinet
  Office", "Agency for …"), from a PDF's metadata or a text file's front matter (.md, .txt, .html);
- a press-release opener followed by its title ("Press release: …", "News release — …"), not only a line of its own.
A news agency of the state (Xinhua, Yonhap) is a news outlet, and a report quoting a ministry's press release stays
news. New texts of our own (other countries, ministries, wordings).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts
from rag.writers.source_types import source_type, type_from_text

BODY = ("The ministry on Monday added three technologies to its list of controlled exports, raising the total to 41. "
        "Exporters must apply for a licence 30 days before shipment.")


@pytest.mark.parametrize("meta", [
    {"title": "Japan adds three technologies to export list", "authors": ["Ministry of Economy, Trade and Industry"],
     "publisher": "Ministry of Economy, Trade and Industry"},  # a PDF's /Author, taken as its publisher
    {"title": "Commerce tightens chip rule", "publisher": "U.S. Department of Commerce"},
    {"title": "Cabinet approves economic security plan", "publisher": "Japan's Cabinet Office"},
    {"title": "New rare-earth quota", "authors": ["Ministry of Industry and Trade of Vietnam"]},
    {"title": "Licence guidance for exporters", "publisher": "Agency for Natural Resources and Energy"},
], ids=["pdf-author-meti", "us-commerce", "cabinet-office", "vietnam-author-only", "agency-for"])
def test_a_government_body_as_publisher_or_author_makes_an_official_statement(meta):
    assert source_type(meta, BODY) == "official"


@pytest.mark.parametrize("publisher", ["Xinhua", "Yonhap", "Korea JoongAng Daily", "Rhine-Delta Industry News",
                                       "The Diplomat"])
def test_a_news_outlet_stays_news(publisher):
    assert source_type({"title": "Ministry adds three technologies", "publisher": publisher}, BODY) == "news"


@pytest.mark.parametrize("opening", [
    "Press release: Vietnam sets rare-earth export quota for 2027\nHanoi, 3 March 2027\n",
    "PRESS RELEASE — Taiwan tightens checks on server exports\n",
    "News release: Philippine nickel ore export permits suspended\n",
    "Media release | Australia lists critical minerals for review\n",
], ids=["press-release-colon", "press-release-dash", "news-release", "media-release"])
def test_a_press_release_opener_with_its_title_makes_an_official_statement(opening):
    assert type_from_text(opening + BODY) == "official"


@pytest.mark.parametrize("text", [
    "SEOUL, March 3 — The trade ministry said in a press release: exporters must apply 30 days ahead.\n" + BODY,
    "The ministry's press release was issued on Monday.\n" + BODY,
])
def test_a_report_quoting_a_press_release_stays_news(text):
    assert type_from_text(text) == "news"


FRONT = {
    "01_release.md": "---\ntitle: \"Vietnam sets rare-earth export quota\"\npublisher: Ministry of Industry and Trade\n"
                     "date: 2027-03-03\n---\n\nThe Ministry of Industry and Trade on Wednesday set the 2027 export quota "
                     "for rare-earth oxides at 12,000 tonnes, down from 15,000 tonnes. Exporters must apply by April 1.\n",
    "02_release.txt": "Title: Philippine nickel ore export permits suspended\nPublisher: Department of Trade and Industry\n"
                      "Date: 2027-03-04\n\nThe Department of Trade and Industry on Thursday suspended new nickel ore "
                      "export permits for 90 days. Smelters in Sulawesi said they would seek other suppliers.\n",
    "03_release.html": "<html><head><title>Cabinet Office lists critical minerals</title>"
                       "<meta name=\"author\" content=\"Cabinet Office\"><meta name=\"date\" content=\"2027-03-05\">"
                       "</head><body><p>Press release: Cabinet Office lists critical minerals</p><p>The Cabinet Office on "
                       "Friday listed 14 critical minerals for stockpiling, including gallium and graphite export "
                       "supplies.</p></body></html>",
    "04_report.md": "---\ntitle: \"Vietnam cuts rare-earth export quota\"\npublisher: Hanoi Business Wire\ndate: 2027-03-04\n"
                    "---\n\nVietnam cut its rare-earth export quota for 2027 to 12,000 tonnes, the Ministry of Industry "
                    "and Trade said in a press release on Wednesday.\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("government_body"), FRONT)


@pytest.mark.parametrize("question, title, label", [
    ("What export quota did Vietnam set for rare-earth oxides?", "Vietnam sets rare-earth export quota", "official statement"),
    ("How long are Philippine nickel ore export permits suspended?", "Philippine nickel ore export permits suspended",
     "official statement"),
    ("What export quota did Vietnam set for rare-earth oxides?", "Vietnam cuts rare-earth export quota", "news report"),
    ("How many critical minerals did the Cabinet Office list for stockpiling?", "Cabinet Office lists critical minerals",
     "official statement"),
], ids=["md-front-matter", "txt-header", "news-report-of-it", "html-author"])
def test_the_sources_name_a_ministrys_release_an_official_statement(engine, question, title, label):
    brief = engine.write(question, template="answer")
    by_title = {s.title: s.type_label for s in [*brief.sources, *(brief.closest_sources or [])]}
    assert title in by_title, by_title
    assert by_title[title] == label, by_title
