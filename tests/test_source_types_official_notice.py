"""Specs: a government notice or announcement (a ministry's numbered announcement, a 公告, a 告示, a 고시 with its
numbered articles, its formula of entry into force) is an official statement by its own form, in English, Chinese,
Japanese and Korean (``source_types.toml`` [text_cues] official_notice, v6); a news report about such a notice stays a
news report."""

import pytest

from rag.writers.source_types import source_type, type_from_text

EN_NOTICE = (
    "Ministry of Industry Public Notice No. 14 of 2026 on Licensing of High-Purity Silicon Carbide Wafers\n\n"
    "Pursuant to the Export Control Law, the following provisions are hereby announced.\n\n"
    "Article 1 Silicon carbide wafers of 150 mm or more in diameter shall be subject to export licensing.\n"
    "Article 2 Applicants shall submit the end-user and end-use statements to the licensing office.\n"
    "Article 3 This notice shall take effect on March 1, 2027.\n"
)
EN_ORDER = (
    "Order No. 7 of the Trade Control Board\n\n"
    "Article 1. Transfers of lithography software updates to listed entities require prior approval.\n"
    "Article 2. Approvals are valid for twelve months.\n"
)
ZH_NOTICE = (
    "商务部 海关总署公告2026年第52号 关于对部分碳化硅材料实施出口管制的公告\n\n"
    "根据《中华人民共和国出口管制法》有关规定，现将有关事项公告如下：\n"
    "第一条 出口直径150毫米以上的碳化硅晶片，应当申请出口许可。\n"
    "第二条 出口经营者应当提交最终用户和最终用途说明。\n"
    "第三条 本公告自2027年3月1日起正式实施。\n"
    "特此公告。\n"
)
JA_NOTICE = (
    "経済産業省告示第88号\n\n"
    "輸出貿易管理令の運用について、次のとおり告示する。\n"
    "第1条 炭化ケイ素ウェハーの輸出には許可を要する。\n"
    "第2条 申請者は最終需要者の誓約書を提出する。\n"
    "附則 この告示は、2027年3月1日から施行する。\n"
)
KO_NOTICE = (
    "산업통상자원부 고시 제2026-31호\n\n"
    "전략물자 수출입고시 일부를 다음과 같이 고시합니다.\n"
    "제1조 탄화규소 웨이퍼를 수출하려는 자는 허가를 받아야 한다.\n"
    "제2조 신청인은 최종사용자 서약서를 제출하여야 한다.\n"
    "부칙 이 고시는 2027년 3월 1일부터 시행한다.\n"
)

# reports about a notice: one quoted formula or one number label is not the notice's own form
EN_REPORT = (
    "China's commerce ministry on Thursday announced export licensing for silicon carbide wafers, its latest move on "
    "chip materials. The rules will take effect on March 1, the ministry said in Announcement No. 52, adding that "
    "exporters would have to name end users. Analysts said the curbs would hit Japanese buyers first."
)
KO_REPORT = (
    "산업통상자원부는 탄화규소 웨이퍼를 전략물자로 지정하는 고시 개정안을 11일 발표했다. 개정안은 내년 3월 1일부터 "
    "시행된다. 업계는 수출 절차가 길어질 것이라고 우려했다."
)


@pytest.mark.parametrize("text", [EN_NOTICE, EN_ORDER, ZH_NOTICE, JA_NOTICE, KO_NOTICE],
                         ids=["en-notice", "en-order", "zh-announcement", "ja-kokuji", "ko-gosi"])
def test_a_numbered_notice_is_an_official_statement(text):
    assert type_from_text(text) == "official"
    assert source_type({"title": text.splitlines()[0], "publisher": "Trade Daily"}, text) == "official"


@pytest.mark.parametrize("text", [EN_REPORT, KO_REPORT], ids=["en-report", "ko-report"])
def test_a_report_about_a_notice_stays_news(text):
    assert type_from_text(text) == "news"
