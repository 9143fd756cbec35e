"""Digests and live blogs (rag.doc_kind): articles gathering the day's unrelated stories, and one subject's running
coverage of a day, told from headline and URL patterns (the examples are made up)."""

from __future__ import annotations

import pytest

from rag.doc_kind import is_digest, is_live_blog


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("5 things to know for July 14: Covid-19, Biden in Israel, Jan. 6 ...", "https://www.cnn.com/2022/07/14/us/five-things-july-14-trnd"),
        ("5 things to know on May 8, 2022: Start your week smart: Ukraine ...", ""),
        ("Gun control law, Yosemite fire, heat dome: 5 things to know Monday", ""),
        ("Ten Things You Need to Know Today: 25 July 2022 | The Week UK", ""),
        ("Daily Briefing: First protester executed by Iran", ""),
        ("Vladimir Putin, Fed hike, Hurricane Fiona: Daily Briefing", ""),
        ("Morning Briefing - rates, rail strike and the royal tour", ""),
        ("Quiz of the week: 20 – 26 August | The Week UK", ""),
        ("Premarket stocks: Netflix finally told investors what they want to hear", ""),
        # the headline of a newsletter issue is its lead story's; the URL says what it is
        ("Prince William takes on a crucial new role in Wales | CNN", "https://www.cnn.com/2022/09/30/uk/royal-news-newsletter-09-30-22-scli-gbr-cmd-intl/index.html"),
        ("Are we in a recession? Yes. No. Maybe. | CNN Business", "https://www.cnn.com/2022/07/28/business/nightcap-recession-jetblue-spirit/index.html"),
        ("", "https://e.newsletters.cnn.com/click?abc"),
    ],
)
def test_digests_briefings_newsletters_and_market_columns_are_digests(title, url):
    assert is_digest(title, url)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Sri Lanka is in chaos and its president has fled. Here's what we know", "https://www.cnn.com/2022/07/14/asia/sri-lanka-crisis-rajapaksa-explainer-intl-hnk/index.html"),
        ("5 things to know about the 'Rogue One: A Star Wars Story' trailer", ""),  # one subject
        ("Paul Pelosi attack: What we know about the assault on the House Speaker's husband", ""),
        ("Ukraine live updates: Mariupol fighters 'fulfilled' mission at plant", ""),  # a live blog of one subject
        ("China's lockdown protests: What you need to know | CNN", ""),
        ("Average US gas price hits $5 for first time - CNN", "https://www.cnn.com/2022/06/11/business/gas-prices-five-dollars-national-june/index.html"),
        ("Biden, Xi, Putin: the week's summit in Bali", ""),
        ("", ""),
        (None, None),
    ],
)
def test_single_topic_reports_explainers_and_live_blogs_are_not(title, url):
    assert not is_digest(title, url)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Storm Zelda live updates: power cut to 40,000 homes on the coast", ""),
        ("Harbor bridge collapse: latest news and live updates", ""),
        ("Port strike live blog: dockers walk out at dawn", ""),
        # a closed live blog is labelled a recap, after the headline or before it
        ("Wildfire near Redwood Falls grows; evacuations ordered: Recap", ""),
        ("Council budget vote - recap", ""),
        ("Budget hearing recap: Mayor Lin defends transit cuts", ""),
        # the address says what the headline does not
        ("Storm Zelda nears the coast", "https://news.example.com/story/2031/03/02/storm-zelda-live-updates/123456/"),
        ("Storm Zelda: what happened on Tuesday", "https://www.example.com/weather/live-news/storm-zelda-03-02-31/index.html"),
    ],
)
def test_running_coverage_of_one_subject_is_a_live_blog(title, url):
    assert is_live_blog(title, url) and not is_digest(title, url)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Storm Zelda cuts power to 40,000 homes", "https://news.example.com/2031/03/02/storm-zelda-power/index.html"),
        ("How to watch the council's budget vote live", ""),
        ("Live Aid at 40: the concert that changed charity", ""),
        ("Recap of a decade: how the harbor bridge was built", ""),  # a look back, not a closed live blog
        ("Storm Zelda: what we know about the week's worst storm", ""),
        # a digest that names a live blog is a digest (scored once, as a digest)
        ("5 things to know for March 2: Storm Zelda live updates, budget vote", "https://news.example.com/2031/03/02/five-things-march-2"),
        ("", ""),
        (None, None),
    ],
)
def test_reports_explainers_look_backs_and_digests_are_not_live_blogs(title, url):
    assert not is_live_blog(title, url)
