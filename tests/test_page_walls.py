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
from rag.text.page_walls import rules, wall_kind
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
        # a consent platform's own wording, and its buttons run together on one line
        "We care about your privacy. With your consent, we and our 1,412 vendors use cookies and similar technologies "
        "to store and access information on your device for personalised advertising and content, ad and content "
        "measurement, audience research and service development. List of vendors: Google Advertising Products, "
        "Criteo SA, The Trade Desk. You can change your choices at any time via Manage preferences. Accept all  "
        "Reject all  Manage options",
        "Your privacy is important to us\n\nWith your permission, we and our partners use precise geolocation data "
        "and process personal data such as browsing data.\n\nI accept\n\nCustomise",
        "Store and/or access information on a device. Use precise geolocation data. Actively scan device "
        "characteristics for identification. Personalised advertising and content, advertising and content "
        "measurement, audience research and service development.\n\nAccept all Reject all Manage options",
        "By entering this site you agree to our Terms of Use and Privacy Policy.\n\nAllow all cookies\n\n"
        "Necessary cookies only",
    ],
    "a paywall or sign-in prompt": [
        "A free account gives you:\n\nUnlimited access to all content on the site\n\nEarly access to commenting on "
        "select articles",
        "This article is only available to subscribers.\n\nSubscribe now to continue reading.\n\nAlready a "
        "subscriber? Sign in",
        "Subscribe to keep reading\n\nGet unlimited digital access for $2 a month. Cancel anytime.\n\nLog in",
        "この記事は有料会員限定です。\n\n続きを読むには会員登録が必要です。",
        "本文为付费内容，订阅后即可阅读全文。\n\n立即订阅\n\n已是会员？立即登录",
        # an article meter: the free articles are used up, or counted down
        "You've reached your free article limit. You have read 5 of 5 free articles this month. Subscribe now for "
        "unlimited access to award-winning journalism, starting at $2.99 a month. Already a subscriber? Log in.",
        "You have 2 free articles remaining this month.\n\nSubscribe for unlimited access.\n\nSign in",
        "This is your last free article.\n\nTo keep reading, become a member for $5 a month.\n\nSubscribe",
        "You've used all of your free stories this month. Become a subscriber to keep reading.\n\nAlready a member? "
        "Log in",
        "You have reached your monthly limit of free articles. Register for free to read three more, or subscribe "
        "for full access.",
        # a saved page's paywall offer
        "Subscribe to keep reading\nThis article is for subscribers only. Get unlimited access to The Example Times "
        "for just $1 for your first month.\nSubscribe now\nAlready a subscriber? Sign in",
        # Korean, Japanese and Chinese paywalls: a short subject may come first ("이 기사는"), the buttons run together
        "이 기사는 유료회원 전용 콘텐츠입니다. 구독하시면 전체 기사를 보실 수 있습니다. 지금 구독하기 이미 회원이신가요? 로그인",
        "이 기사는 유료 회원 전용 기사입니다.\n\n로그인\n\n구독하기",
        "프리미엄 회원 전용 콘텐츠입니다. 로그인 후 이용하실 수 있습니다.\n\n회원가입",
        "この記事は有料会員限定です。\n\n有料会員になると続きをお読みいただけます。\n\nログイン\n\n会員登録",
        "ここから先は有料会員限定の記事です。\n\n残り1234文字\n\n今すぐ登録",
        "该文章仅限会员阅读。\n\n开通会员\n\n请登录",
        "本文為付費內容，訂閱後即可閱讀全文。\n\n立即訂閱\n\n登入",
    ],
    "an age check": [
        "You must be 18 or older to view this content. Please enter your date of birth to continue. Month Day Year. "
        "Enter. By entering this site you agree to our Terms of Use and Privacy Policy.",
        "Are you over 18?\n\nThis website contains age-restricted material.\n\nYes, I am over 18\n\nNo, take me "
        "back",
        "Please confirm your age\n\nYou must be of legal drinking age to enter this site.\n\nI am 21 or older\n\n"
        "Exit",
        "Age verification\n\nThis video may be inappropriate for some users. Sign in to confirm your age.",
        "이 정보내용은 청소년유해매체물로서 19세 미만의 청소년이 이용할 수 없습니다.\n\n성인인증",
        "あなたは18歳以上ですか？\n\nはい\n\nいいえ",
        "18歳未満の方はご利用いただけません。\n\n年齢確認",
    ],
    "a regional block notice": [
        "This content is not available in your region. We are sorry, but due to legal restrictions this page cannot "
        "be accessed from your current location. If you believe this is an error, please contact support.",
        "We're sorry, this service is unavailable in your country.\n\nLearn more",
        "Sorry, this video isn't available in your location due to rights restrictions.",
        "Unfortunately, our website is currently unavailable in most European countries. We are engaged on the issue "
        "and committed to looking at options that support our full range of digital offerings to the EU market.",
        "451 Unavailable For Legal Reasons\n\nThis page cannot be accessed from your country.",
        "この動画はお住まいの地域では視聴できません。",
        "抱歉，该内容在您所在的地区不可用。",
        "현재 계신 지역에서는 이용할 수 없는 콘텐츠입니다.",
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

# News that reports on a wall of each kind the rule knows, in its words: it does not open with the notice, or it
# quotes it ('…' is …), or it says who said so.
REPORTS_ON_WALLS = {
    "age checks": [
        "You must be 18 or older to enter, Japanese gaming sites will have to tell visitors under new rules published "
        "on Wednesday by the Consumer Affairs Agency, which also require a verified date of birth rather than a "
        "checkbox.",
        "'You must be 18 or older to view this content' is all that British visitors to several adult sites now see, "
        "after Ofcom's age verification rules came into force on Friday.",
        "Please confirm your age: Britain's Online Safety Act makes adult sites ask every visitor, and from Friday a "
        "tick box is no longer enough.",
        "Age verification laws now cover 19 US states. Louisiana was first, requiring sites with adult content to "
        "check that visitors are 18 or older; one large site has blocked users in most of the others rather than "
        "comply.",
        "Are you over 18? Platforms will have to ask more than that from July, when an EU rule requires them to check "
        "a user's age with an identity app.",
    ],
    "regional blocks": [
        "Not available in your region: that message greeted viewers in Southeast Asia on Friday after a Korean "
        "broadcaster pulled its dramas from a regional streaming platform in a licensing dispute, the broadcaster "
        "said.",
        "This service is unavailable in your country, Russian users of the streaming platform were told on Friday as "
        "it withdrew from the market.",
        "\"This content is not available in your region\" is the message Netflix subscribers in Russia have seen "
        "since March, when the company suspended its service there.",
        "Geo-blocking of streaming services will end for EU travellers from April: subscribers who go abroad within "
        "the bloc will see their home catalogue instead of a message that the content is not available in their "
        "region.",
    ],
    "article meters": [
        "Free article limits are coming to the Yomiuri Shimbun's website from April, the publisher said on Monday, "
        "capping non-subscribers at ten stories a month as it seeks to lift digital revenue after print circulation "
        "fell 8% last year.",
        "You've reached your free article limit is a message more readers will see from Monday as Guardian "
        "Australia introduces a meter, the publisher said.",
        "Readers of the Asahi Shimbun's website will get five free articles a month from July instead of ten, after "
        "which a notice tells them they have reached their free article limit.",
        "'Subscribe to keep reading' prompts cost the paper readers, its editor wrote, and the meter was dropped.",
        "Get unlimited access to the Games: the broadcaster will stream every event free for the first time, with no "
        "subscription or sign-in needed.",
    ],
    "consent banners": [
        "European data regulators said on Thursday they would examine consent pop-ups that list more than 1,000 "
        "advertising vendors, after complaints that users who click 'Accept all' cannot see which partners receive "
        "their data.",
        "Consent banners that hide a 'Reject all' button behind a second screen break EU law, the European Data "
        "Protection Board said in guidance on Tuesday.",
        "\"With your consent, we and our partners use cookies\": that phrase opens the banners on most big news "
        "sites, yet a study of 10,000 of them found that nine in ten record data before a reader clicks anything.",
        "We care about your privacy, Meta told European users in a notice on Monday, asking them to choose between a "
        "paid plan and consent to personalised ads.",
    ],
    "Korean, Japanese and Chinese paywalls": [
        "유료회원 전용 콘텐츠가 늘고 있다고 한국언론진흥재단이 화요일 밝혔다. 재단 조사에 따르면 주요 일간지 12곳 중 7곳이 올해 구독하기 "
        "버튼과 함께 일부 기사를 유료로 전환했다.",
        "'이 기사는 유료회원 전용입니다'라는 안내가 붙은 기사가 지난해보다 두 배 늘었다고 한국언론진흥재단은 밝혔다.",
        "이 기사는 유료회원 전용 서비스 확대를 두고 언론사들이 고민하는 이유를 짚었다.",
        "日本経済新聞社は、有料会員限定の記事を4月から増やすと発表した。",
        "「この記事は有料会員限定です」との表示に読者の不満が高まっていると、朝日新聞が報じた。",
        "财新传媒周二表示，付费内容订阅用户已突破100万。",
        "“本文为付费内容”的提示越来越多，多家报社今年推出了付费墙。",
    ],
}


@pytest.mark.parametrize(
    ("label", "text"), [(label, text) for label, texts in WALLS.items() for text in texts],
    ids=[f"{label.split()[1]}-{i}" for label, texts in WALLS.items() for i in range(len(texts))],
)
def test_a_page_of_only_a_notice_is_a_wall_of_its_kind(label: str, text: str) -> None:
    assert wall_kind(normalize_text(text)) == label


@pytest.mark.parametrize("text", ARTICLES, ids=range(len(ARTICLES)))
def test_an_article_is_no_wall_whatever_furniture_stands_beside_it(text: str) -> None:
    assert wall_kind(normalize_text(text)) is None


@pytest.mark.parametrize(
    "text", [text for texts in REPORTS_ON_WALLS.values() for text in texts],
    ids=[f"{topic.split()[0].rstrip(',')}-{i}" for topic, texts in REPORTS_ON_WALLS.items() for i in range(len(texts))],
)
def test_news_that_reports_on_a_wall_in_its_words_is_no_wall(text: str) -> None:
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


PAYWALL_PAGE = """<!doctype html><html><head><title>Japan and Netherlands join US chip curbs | The Example Times</title>
<meta property="og:site_name" content="The Example Times"><meta name="date" content="2023-01-28"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><h1>Japan and Netherlands join US chip curbs</h1>
<div class="paywall"><h2>Subscribe to keep reading</h2>
<p>This article is for subscribers only. Get unlimited access to The Example Times for just $1 for your first month.</p>
<p><a href="/subscribe">Subscribe now</a></p><p>Already a subscriber? <a href="/login">Sign in</a></p></div></main>
<footer>© 2023 The Example Times. All rights reserved. Privacy Policy · Cookie settings</footer></body></html>"""

REAL_PAGE = """<!doctype html><html><head><title>Japan and Netherlands join US chip curbs | The Example Times</title>
<meta property="og:site_name" content="The Example Times"><meta name="date" content="2023-01-28"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><h1>Japan and Netherlands join US chip curbs</h1>
<p>WASHINGTON -- Japan and the Netherlands agreed on Friday to join the United States in restricting exports of
advanced chipmaking machinery to China, people familiar with the talks said.</p>
<p>The agreement, reached after weeks of negotiations in Washington, would extend some of the controls the US adopted
in October to companies such as ASML and Tokyo Electron.</p></main>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<footer>© 2023 The Example Times. Privacy Policy</footer></body></html>"""


def test_a_saved_page_whose_paywall_offers_unlimited_access_is_reported_and_its_story_page_is_indexed(
        tmp_path: Path) -> None:
    (tmp_path / "paywall.html").write_text(PAYWALL_PAGE, encoding="utf-8")
    (tmp_path / "real.html").write_text(REAL_PAGE, encoding="utf-8")
    walled = list(load_file(tmp_path / "paywall.html"))
    assert len(walled) == 1 and isinstance(walled[0], LoadFailure) and walled[0].kind == "no_article"
    assert "paywall" in walled[0].reason
    real = list(load_file(tmp_path / "real.html"))
    assert len(real) == 1 and isinstance(real[0], SourceDocument)


# A list item quoting a notice is read as the same line unnumbered: news that quotes a wall phrase, not the wall.
QUOTED_NOTICE = "'Subscribe to keep reading' prompts appear on every page."
LIST_MARKS = ["1. ", "1) ", "(2) ", "1 ", "1: ", "#1 ", "1.1 ", "1 - ", "12. "]


@pytest.mark.parametrize("mark", LIST_MARKS)
def test_a_numbered_line_quoting_a_notice_is_news_not_a_wall(mark: str) -> None:
    line = mark + QUOTED_NOTICE
    assert wall_kind(normalize_text(line)) is None
    assert not any(kind.holds(line) for kind in rules().kinds)


@pytest.mark.parametrize("line, label", [
    # the notice itself, numbered: no quotation, so a wall
    ("1. Subscribe to keep reading", "a paywall or sign-in prompt"),
    ("2 Subscribe to keep reading", "a paywall or sign-in prompt"),
    # a quoted control with nothing after it quotes nothing: a wall
    ('1. "Accept all"', "a consent or registration notice"),
    ('1 "Accept all"', "a consent or registration notice"),
])
def test_a_numbered_notice_that_quotes_nothing_is_still_a_wall(line: str, label: str) -> None:
    assert wall_kind(normalize_text(line)) == label
