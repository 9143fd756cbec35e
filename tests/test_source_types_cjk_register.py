"""A government body's own document is an official statement whatever script its publisher is written in, and a
register rule is one by its own form ("AGENCY: …", "ACTION: Final rule.", "SUMMARY: …"), not a news report (s70's
fresh user, F13: a Federal Register rule and a 経済産業省 release were typed "news report")."""

import pytest

from rag.writers.source_types import source_type

NEWS_TEXT = "Officials said on Tuesday that the review of export licences would continue into next year."


@pytest.mark.parametrize("publisher", [
    "経済産業省 貿易経済安全保障局",
    "外務省",
    "防衛装備庁",
    "商务部",
    "海关总署",
    "工业和信息化部",
    "산업통상자원부",
    "관세청",
    "산업통상자원부 무역안보정책관실",
])
def test_a_ministry_publisher_in_cjk_script_is_official(publisher):
    assert source_type({"publisher": publisher}, NEWS_TEXT) == "official"


@pytest.mark.parametrize("publisher", [
    "华东经济日报", "日本経済新聞", "共同通信社", "연합뉴스", "중앙일보", "新华社编辑部", "NHK放送", "한국경제신문",
])
def test_a_newspaper_or_agency_in_cjk_script_stays_news(publisher):
    assert source_type({"publisher": publisher}, NEWS_TEXT) == "news"


RULE = """AGENCY: Bureau of Industry and Security, Commerce.

ACTION: Interim final rule.

SUMMARY: In this rule, the Bureau revises license requirements for high-bandwidth memory exported to Macau.

DATES: This rule is effective December 2, 2026.
"""

NOTICE = """AGENCIES: Office of Foreign Assets Control, Treasury; Bureau of Industry and Security, Commerce.

ACTION: Notice.

SUMMARY: The agencies publish guidance on diversion of semiconductor tools through third countries.
"""

STORY = """The Commerce Department published a final rule on Friday. An agency spokesperson said the action: "final
rule" was expected. In summary: exporters have 30 days to comply, analysts said."""


@pytest.mark.parametrize("text", [RULE, NOTICE])
def test_a_register_document_is_official_by_its_form_labels(text):
    assert source_type({"publisher": "Federal Register", "title": "Revisions to License Requirements"}, text) == "official"


def test_a_news_report_about_a_rule_stays_news():
    assert source_type({"publisher": "Harbour Wire", "title": "US tightens memory rule"}, STORY) == "news"
