"""Specification: a page that holds only what stood in front of its story (a consent notice, a paywall, a video
player's ad-feedback form, a bot check, an error page) is no article; it is not indexed, and the ingest says why.

Real news exports hold such pages under real headlines and dates (a scraped page whose story did not load): indexed,
each is a "source" that says nothing of its story. The inputs below are written for these specifications, by kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.loaders import LoadFailure, load_file
from rag.text.normalize import normalize_text
from rag.text.page_walls import wall_kind
from rag.types import SourceDocument

WALLS = {
    "a video player's ad-feedback form": [
        "1. How relevant is this ad to you?\n\nVideo player was slow to load content Video content never loaded Ad "
        "froze or did not finish loading Video content did not start after ad Audio on ad was too loud Other issues",
        "How relevant is this ad to you?\n\nAd froze or did not finish loading\n\nOther issues",
        "This video is no longer available.",
        "Advertisement\n\nVideo Ad Feedback\n\nHow relevant is this ad to you?\n\nAudio on ad was too loud\n\n"
        "Other issues\n\nCancel Submit\n\nThank You! Your effort and contribution in providing this feedback is "
        "much appreciated.\n\nClose",
    ],
    "a consent or registration notice": [
        "We will use the details you have shared to manage your registration. You agree to the processing, storage, "
        "sharing and use of this information as described in our Privacy Policy.\n\nWould you like to receive our "
        "morning newsletter?\n\nThe Daybreak newsletter provides you with a daily digest of news.\n\nIf you wish to "
        "object to the use of your data in this way, please tick here.\n\n'We' includes Daybreak Media brands.",
        "We and our partners use cookies to personalise content and ads.\n\nBy clicking Accept, you agree to the "
        "storing of cookies on your device.\n\nAccept all cookies\n\nManage cookie preferences",
        "We value your privacy\n\nWe and our 615 vendors store and process personal data such as unique identifiers "
        "for ads and content measurement.\nAccept all\nReject all\nManage options",
        "This website uses cookies to give you the best experience.\n\nAgree and continue",
        "当サイトはクッキーの使用に同意いただいた上でご利用いただけます。\n\n利用規約およびプライバシーポリシーに同意する",
    ],
    "a paywall or sign-in prompt": [
        "A free account gives you:\n\nUnlimited access to all content on the site\n\nEarly access to commenting on "
        "select articles",
        "This article is only available to subscribers.\n\nSubscribe now to continue reading.\n\nAlready a "
        "subscriber? Sign in",
        "Subscribe to keep reading\n\nGet unlimited digital access for $2 a month. Cancel anytime.\n\nLog in",
        "この記事は有料会員限定です。\n\n続きを読むには会員登録が必要です。",
        "本文为付费内容，订阅后即可阅读全文。\n\n立即订阅\n\n已是会员？立即登录",
    ],
    "a browser or bot check": [
        "Please enable JavaScript to view this page.\n\nYour browser is out of date.",
        "Are you a robot?\n\nPress & Hold to confirm you are a human (and not a bot).",
        "Checking your browser before accessing the site.\n\nComplete the security check to access.",
        "Verifying you are human. This may take a few seconds.\n\nWe need to make sure you are not a robot.",
        "このサイトではJavaScriptを有効にしてください。\n\nお使いのブラウザはサポートされていません。",
    ],
    "an error page": [
        "404 - Page not found\n\nThe page you requested could not be found.",
        "403 Forbidden\n\nAccess Denied: you don't have permission to access this page on this server.",
        "Page not found (404)\n\nSorry, the page you are looking for doesn't exist or has moved.\n\nReturn to homepage",
        "抱歉，您访问的页面不存在。\n\n404\n\n返回首页",
    ],
}

STORY = (
    "Tokyo, May 19 — Japan's trade ministry on Friday added 23 types of chipmaking equipment to its export control "
    "list, a move that follows similar US restrictions on sales to China. The rules take effect in July. Beijing "
    "called the decision a misuse of export control measures and said it would take resolute steps to protect its "
    "companies' interests."
)
ARTICLES = [
    # a story with a newsletter prompt above it and a consent line below it keeps its story
    "Sign up for our morning newsletter and get the day's headlines.\n\n" + STORY + "\n\nWe use cookies to improve "
    "your experience. Accept all cookies",
    # a news item about a privacy policy, cookies or a paywall is news: it names them without the notices' words
    "Meta changed its privacy policy on Monday, the company said, after regulators in Seoul fined it for collecting "
    "data without consent.",
    "Girl Scouts raised the price of their cookies by a dollar this year, citing inflation in flour and packaging.",
    "The Nikkei said it would put more of its articles behind a paywall for subscribers from April.",
    # one-paragraph news that quotes a notice's words: it does not open with them
    "France's data regulator fined a search company 150 million euros on Thursday because its 'Accept all cookies' "
    "button took one click while refusing took several, the regulator said.",
    "Ticket touts used software to get past pages that asked visitors to verify you are human, police in Busan said "
    "on Wednesday, arresting four people.",
    "Readers who are already a subscriber to the print edition will get the app free from April, the paper said.",
    "The commission said the app's sign-up page, which told users that by clicking Next you agree to share location "
    "data, broke consumer law, and fined the firm 1.2 billion won.",
    "Access denied: South Korea barred Chinese graduate students from three university chip labs on Monday, citing "
    "a new technology protection law.",
    "Exporters could not file licence applications on Monday after the customs portal returned 404 errors and a "
    "'please enable JavaScript' message, the agency said.",
    # news that opens with a notice's or a control's words, and says who said so
    "Press and hold the side button for ten seconds to restart the phone, the company said on Friday.",
    "Cancel anytime: the streaming service said subscribers can now pause their plans for three months.",
    "This may take a few seconds longer than expected, the software maker warned users of its update.",
    "404 Not Found errors greeted visitors to the tax agency's website on Tuesday after a failed update.",
    "Page not found, a debut novel by a Seoul author, tops the bestseller list this week.",
    "Apple unveils a new phone\n\nThe phone lets users press and hold the side button to call for help.",
    "腾讯周三表示，微信用户必须在下月前同意新的隐私政策。",
    # a short article, and one with a heading line
    "China banned exports of gallium to the United States.",
    "Briefly\n\nSamsung said it would invest $17 billion in a Texas chip plant.",
    # a CJK article
    "経済産業省は23品目の半導体製造装置を輸出管理の対象に加えると発表した。中国政府は強く反発している。",
    # an article whose one error line is about its subject, not the page
    "The site went dark on Tuesday. Visitors saw a 404 page not found message for six hours while the ministry's "
    "export licence portal was offline, officials said, and exporters could not file applications for chip tools.",
]


@pytest.mark.parametrize(
    ("label", "text"), [(label, text) for label, texts in WALLS.items() for text in texts],
    ids=[f"{label.split()[1]}-{i}" for label, texts in WALLS.items() for i in range(len(texts))],
)
def test_a_page_of_only_a_notice_is_a_wall_of_its_kind(label: str, text: str) -> None:
    assert wall_kind(normalize_text(text)) == label


@pytest.mark.parametrize("text", ARTICLES, ids=range(len(ARTICLES)))
def test_an_article_is_no_wall_whatever_furniture_stands_beside_it(text: str) -> None:
    assert wall_kind(normalize_text(text)) is None


def test_a_notice_under_a_story_of_a_few_words_is_still_a_wall() -> None:
    text = "Daybreak Media\n\n" + WALLS["a paywall or sign-in prompt"][1]
    assert wall_kind(normalize_text(text)) == "a paywall or sign-in prompt"


def test_a_wall_record_in_a_jsonl_file_fails_alone_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    rows = [
        {"title": "Japan adds chip tools to export list", "published": "2023-05-19", "text": STORY, "url": "https://example.com/a"},
        {"title": "Billionaire ranking slips", "published": "2022-02-04", "text": WALLS["a video player's ad-feedback form"][0], "url": "https://example.com/b"},
        {"title": "Party leader's next move", "published": "2022-06-01", "text": WALLS["a consent or registration notice"][0], "url": "https://example.com/c"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = list(load_file(path))
    docs = [i for i in items if isinstance(i, SourceDocument)]
    failures = [i for i in items if isinstance(i, LoadFailure)]
    assert [d.title for d in docs] == ["Japan adds chip tools to export list"]
    assert [f.path.rsplit("#", 1)[1] for f in failures] == ["L2", "L3"]
    assert "no article text" in failures[0].reason and "ad-feedback form" in failures[0].reason
    assert "consent or registration notice" in failures[1].reason


def test_a_saved_html_page_of_a_paywall_is_reported_not_indexed(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(
        "<html><head><title>Chip tools join export list</title></head><body><main><p>This article is only "
        "available to subscribers.</p><p>Subscribe now to continue reading.</p><p>Already a subscriber? "
        "Sign in</p></main></body></html>", encoding="utf-8")
    items = list(load_file(path))
    assert len(items) == 1 and isinstance(items[0], LoadFailure)
    assert items[0].reason.startswith("no article text") and "paywall" in items[0].reason
