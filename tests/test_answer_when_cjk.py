"""An English "when does … take effect?" over a report written in Chinese, Japanese or Korean: the lede's own date
(2027年3月1日, 令和9年4月1日, 2027년 1월 1일, a yearless 12月15日) answers it, not another sentence of the report that
gives some other year ("据海关统计，2025年…").

The dates were read (``rag.text.dates.find_dates``); what kept the lede out was the question's words: "take effect"
and "drone" were no term of the cross-lingual glossary, so the lede held too few of the question's key terms to
answer, and it told no word of the asked event (``asked_event``). ``data/cross_lingual.toml`` v3 lists the entry into
force (施行, 生效, 発効, 시행, 발효) and the drone (无人机, ドローン, 드론) with their English readings.

From s65's new user (F14: "When does China's drone parts export control take effect?" over a Chinese report whose
lede says "自2026年12月1日起正式施行"); the reports below are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_headed

from rag.writers.asked_event import asked_event
from rag.writers.answer_kind import answer_type
from rag.writers.key_terms import stems

ARTICLES = {
    "01_gallium.txt": (
        "商务部对镓相关物项实施出口管制", "华东财经", "2027-01-20",
        "新华社北京1月20日电 商务部20日发布公告，决定对镓相关物项实施出口管制，自2027年3月1日起施行。\n\n"
        "据海关统计，2025年中国镓出口量达到72吨，其中约四成出口至日本。\n\n"
        "出口经营者应当向商务部申请许可。"),
    "02_meti.txt": (
        "経産省、半導体製造装置の輸出管理を強化", "東都経済新聞", "2027-02-10",
        "経済産業省は10日、半導体製造装置の輸出管理を強化する省令改正を公布した。改正省令は令和9年4月1日から施行される。\n\n"
        "2024年の半導体製造装置の輸出額は4兆円を超えた。\n\n"
        "対象は23品目で、輸出には経済産業大臣の許可が必要になる。"),
    "03_graphite.txt": (
        "산업부, 흑연 수출 제한 도입", "한강경제", "2026-11-18",
        "산업통상자원부는 18일 흑연 수출 제한을 도입한다고 밝혔다. 새 규정은 2027년 1월 1일부터 시행된다.\n\n"
        "2025년 한국의 흑연 수출은 3만 톤이었다.\n\n"
        "수출업체는 산업부에 허가를 신청해야 한다."),
    "04_drone.txt": (
        "无人机出口管制扩围", "岭南科技报", "2026-10-30",
        "商务部30日宣布对部分无人机实施出口管制，自12月15日起生效。\n\n"
        "2025年中国无人机出口额达到48亿美元。\n\n"
        "管制物项包括续航超过两小时的无人机。"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("when_cjk"), ARTICLES)


@pytest.mark.parametrize("question, until, date", [
    ("When do China's gallium export controls take effect?", "2027-01-21", "2027年3月1日"),
    ("When does Japan's export control on chipmaking equipment take effect?", "2027-02-11", "令和9年4月1日"),
    ("When will South Korea's graphite export restrictions take effect?", "2026-11-19", "2027년 1월 1일"),
    ("When does China's drone export control take effect?", "2026-10-31", "12月15日"),
])
def test_the_date_of_entry_into_force_in_the_report_language_leads(engine, question, until, date):
    assert date in lead(engine, question, until)


@pytest.mark.parametrize("sentence", [
    "改正省令は令和9年4月1日から施行される。",
    "自2027年3月1日起施行。",
    "새 규정은 2027년 1월 1일부터 시행된다.",
    "协定自明年起生效。",
    "協定は来年発効する。",
])
def test_a_cjk_sentence_of_entry_into_force_tells_the_asked_event(sentence):
    question = "When does the rule take effect?"
    event = asked_event(question, answer_type(question))
    assert event.fit(stems(sentence))[0] > 0


def test_a_cjk_sentence_of_mere_implementation_does_not():
    # 实施 ("carry out": 实施出口管制 imposes controls) is not the entry into force
    question = "When does the rule take effect?"
    event = asked_event(question, answer_type(question))
    assert event.fit(stems("商务部决定实施出口管制。"))[0] == 0
