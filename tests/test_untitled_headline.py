"""An article saved without a headline is matched on its URL's slug as well as its lede.

News archives save some reports with no title (RealTime QA's 2022 corpus: 77 CNN reports, among them gold articles
of the dev questions), while the address still carries the headline's words ("…/sport/harbor-league-final-…/").
Matched on its lede alone, such a report loses the headline lift (``retrieval.title_weight``) to a titled report
of the same event whose headline holds the question's words. The articles below are invented.
"""

from __future__ import annotations

import json

import pytest

from rag.ingest import Ingestor
from rag.ranking import url_slug
from rag.retrieve import HybridRetriever, make_filters
from rag.text.analyzer import analyze

UNTITLED_URL = "https://news.example.com/2022/09/18/sport/harbor-league-final-otters-champions/index.html"
ARTICLES = [
    # untitled: the lede (first 40 words) names neither the league nor the final
    {"url": UNTITLED_URL, "title": None, "published": "2022/09/18",
     "text": "NEWS —\n\nThe Lakeside Otters beat the Bay City Gulls 78-71 on Sunday night to capture the first trophy in "
             "the club's short history, ending a season in which the team lost only three games and drew record crowds "
             "to its waterfront arena every weekend.\n\nThe Harbor League final was decided in the last minute, when "
             "guard Mara Quinn hit two free throws. Quinn scored 20 points and was named the final's best player."},
    # titled: a preview of the same final, published the day before
    {"url": "https://daily.example.org/story/sports/2022/09/17/preview-weekend/123456789/",
     "title": "Harbor League final preview: what to watch this weekend", "published": "2022/09/17",
     "text": "The Harbor League final tips off on Sunday. The Lakeside Otters face the Bay City Gulls in a game both "
             "coaches called the biggest of their careers. Tickets sold out within an hour."},
    {"url": "https://daily.example.org/story/money/2022/09/16/markets-week/987654321/",
     "title": "Market notes for the week", "published": "2022/09/16",
     "text": "Shares rose on Friday as traders weighed the central bank's next move and the price of oil fell."},
]
QUERY = "Which team won the Harbor League final?"


@pytest.fixture
def news_index(fresh_index, tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    index = fresh_index(warm=False)
    Ingestor(index).ingest_paths([src])
    return index


def _doc(index, url: str) -> dict:
    docs, _ = index.catalog.list_documents(limit=10)
    return next(d for d in docs if d["url"] == url)


@pytest.mark.parametrize("url, words", [
    ("https://www.cnn.com/2022/09/18/sport/wnba-final-las-vegas-aces/index.html", "wnba final las vegas aces"),
    ("https://www.cnn.com/2022/10/24/uk/profile-rishi-sunak-uk-politics-intl-gbr", "profile rishi sunak uk politics intl gbr"),
    ("https://www.usatoday.com/story/travel/2021/11/08/us-travel-ban-rules/6303811001/", "us travel ban rules"),
    ("https://www.cnn.com/europe/live-news/ukraine-war-news-07-12-22/h_c164ac931cc8414108b8", "ukraine war news 07 12 22"),
    ("https://example.com/2022/01/01/lake-ice-melts.html?utm_source=mail-daily", "lake ice melts"),
    ("https://news.example.com/a4f9-bc9e-77d1/", ""),  # an id, not words
    ("https://www.cnn.com/", ""),
    ("https://example.com/story/12345/", ""),
    (None, ""),
])
def test_a_url_slug_is_the_headline_words_in_the_address(url, words):
    assert url_slug(url) == words


def test_an_untitled_article_is_matched_on_its_url_slug_and_its_lede(news_index):
    untitled = _doc(news_index, UNTITLED_URL)
    assert untitled["title"] is None
    first = news_index.catalog.chunks_for(untitled["doc_id"])[0]
    rows = {first["chunk_id"]: {"doc_id": untitled["doc_id"], "title": None, "url": UNTITLED_URL}}
    heads = HybridRetriever(news_index).headlines(rows)[untitled["doc_id"]]
    assert frozenset(analyze("harbor league final otters champions")) <= heads  # the slug
    assert frozenset(analyze("Lakeside Otters beat the Bay City Gulls")) <= heads  # the lede


def test_a_titled_article_is_matched_on_its_headline_not_its_url(news_index):
    url = ARTICLES[2]["url"]
    doc = _doc(news_index, url)
    rows = {"c": {"doc_id": doc["doc_id"], "title": doc["title"], "url": url}}
    assert HybridRetriever(news_index).headlines(rows)[doc["doc_id"]] == frozenset(analyze("Market notes for the week"))


def test_an_untitled_report_whose_address_names_the_event_is_lifted_like_a_titled_one(news_index):
    untitled, preview = _doc(news_index, UNTITLED_URL), _doc(news_index, ARTICLES[1]["url"])
    rows = {"c0": {"doc_id": preview["doc_id"], "title": preview["title"], "url": ARTICLES[1]["url"], "published": "2022-09-17"},
            "c1": {"doc_id": untitled["doc_id"], "title": None, "url": UNTITLED_URL, "published": "2022-09-18"}}
    fused = {"c0": 1 / 31, "c1": 1 / 32}  # the preview one rank ahead in the fusion
    ranker = HybridRetriever(news_index, news_index.settings.retrieval.model_copy(update={"title_weight": 0.5}))
    scores = ranker.prioritize(fused, rows, make_filters(), query=QUERY)
    assert scores["c1"] > scores["c0"]
    # both headlines hold the question's event words: the lift is the same share for each
    plain = HybridRetriever(news_index, news_index.settings.retrieval.model_copy(update={"title_weight": 0.0}))
    base = plain.prioritize(fused, rows, make_filters(), query=QUERY)
    assert scores["c1"] / base["c1"] >= scores["c0"] / base["c0"]
