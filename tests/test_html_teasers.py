"""Links to other stories inside or beside an HTML article's body are page furniture, not its text.

A "Read more: <headline>" or "Related: <headline>" line between two paragraphs, a "Most read" or "Recommended" box
over a list of headlines: the stored text holds none of them (``rag.text.teasers``, pruned through trafilatura's
``prune_xpath``), while the story's own paragraphs, including one that mentions "related" matters or links a
source, stay. Pages written for this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.loaders import load_file
from rag.writers.sentence_cues import is_boilerplate


def _text(path: Path) -> str:
    (doc,) = list(load_file(path))
    return doc.text


def _page(body: str, aside: str = "") -> str:
    return (f"<html><head><title>Story</title></head><body>{aside}<article><h1>Story</h1>{body}</article>"
            "</body></html>")


P1 = ("<p>Vietnamese customs officers detained a shipment of 2,300 graphics cards declared as office printers at "
      "Hai Phong port on Tuesday, the General Department of Customs said.</p>")
P2 = ("<p>The cards, worth about 41 billion dong, were bound for a trading company in Guangxi, the department "
      "said in a statement on its website.</p>")
P3 = ("<p>Under Vietnam's foreign trade law, false declarations of controlled goods carry fines of up to "
      "200 million dong and the goods can be seized.</p>")

TEASERS = [
    # (teaser markup between paragraphs, words that must not stay)
    ('<p>Read more: <a href="/a/9">Why GPUs became a smuggling target in Southeast Asia</a></p>',
     "smuggling target"),
    ('<p><strong>Related:</strong> <a href="/a/8">Malaysia tightens permits for AI data centre chips</a></p>',
     "Malaysia tightens"),
    ('<p>ALSO READ: <a href="/b/2">Thai police raid server warehouse near Bangkok</a></p>', "server warehouse"),
    ('<div class="inline">See also: <a href="/c/3">Singapore charges three over Nvidia servers</a></div>',
     "charges three"),
    ("<p>Editor’s picks: <a href='/d/1'>Inside Shenzhen’s grey market for export-controlled chips.</a></p>",
     "grey market"),
    ('<h3>Most read</h3><ul><li><a href="/m/1">Taiwan fines broker over lithography parts</a></li>'
     '<li><a href="/m/2">Dutch ministry widens DUV licence rule</a></li></ul>', "lithography parts"),
    ('<h4>Recommended for you</h4><ol><li><a href="/r/1">Korea indicts engineer over OLED design leak.</a></li>'
     '</ol>', "OLED design leak"),
]


@pytest.mark.parametrize("teaser,gone", TEASERS)
def test_a_teaser_inside_the_article_is_not_stored_text(tmp_path: Path, teaser: str, gone: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(P1 + P2 + teaser + P3), encoding="utf-8")
    text = _text(path)
    assert gone not in text
    assert "Hai Phong port" in text and "bound for a trading company" in text and "foreign trade law" in text


PROSE_WITH_LINKS = [
    # the story's own sentences that name related matters or link a source stay
    ('<p>Related charges against two brokers were filed in Hanoi, <a href="/court">court records</a> show, and '
     'a hearing is set for March.</p>', "Related charges against two brokers"),
    ('<p>Read the full statement on <a href="https://customs.gov.vn">the department\'s website</a>, a spokesman '
     'told reporters on Wednesday.</p>', "Read the full statement"),
    ('<h3>Recommended penalties</h3><p>The ministry recommended fines of 50 million dong for first offences.</p>',
     "recommended fines of 50 million dong"),
]


@pytest.mark.parametrize("markup,kept", PROSE_WITH_LINKS)
def test_the_storys_own_paragraphs_with_links_stay(tmp_path: Path, markup: str, kept: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(P1 + markup + P2 + P3), encoding="utf-8")
    assert kept in _text(path)


def test_a_wrapper_that_opens_with_a_teaser_keeps_the_story(tmp_path: Path) -> None:
    # a wrapper <div> whose first line is a teaser is not itself a teaser: only the line goes
    body = ('<div class="content"><p>Read more: <a href="/x">Another story about chips</a></p>' + P1 + P2 + P3
            + "</div>")
    path = tmp_path / "page.html"
    path.write_text(_page(body), encoding="utf-8")
    text = _text(path)
    assert "Another story about chips" not in text
    assert "Hai Phong port" in text and "foreign trade law" in text


@pytest.mark.parametrize("sentence", [
    "Read more: Why GPUs became a smuggling target in Southeast Asia",
    "Most popular: Taiwan fines broker over lithography parts.",
    "Editor’s picks: Inside Shenzhen’s grey market for export-controlled chips.",
    "Don't miss: Korea indicts engineer over OLED design leak.",
    "More from Nikkei Asia: Japan widens chip-tool curbs.",
])
def test_a_teaser_sentence_in_plain_text_is_furniture(sentence: str) -> None:
    assert is_boilerplate(sentence)


@pytest.mark.parametrize("sentence", [
    "Related charges against two brokers were filed in Hanoi on Monday.",
    "Trending prices for memory chips rose 12% in the quarter, the agency said.",
    "The ministry recommended fines of 50 million dong for first offences.",
])
def test_a_sentence_opening_with_a_label_word_is_not_furniture(sentence: str) -> None:
    assert not is_boilerplate(sentence)


def test_two_copies_of_a_story_are_compared_without_their_teaser_lines():
    # the near-duplicate reader reads the same labels: a copy differing only in its teasers is the same story body
    from rag.dedup import story_body

    body = "Vietnam detained 2,300 graphics cards at Hai Phong port.\nThe cards were bound for Guangxi."
    with_teasers = ("Vietnam detained 2,300 graphics cards at Hai Phong port.\nMost popular: Taiwan fines broker\n"
                    "The cards were bound for Guangxi.\nDon't miss: Korea indicts engineer")
    assert story_body(with_teasers) == story_body(body)
