"""Specs: technology-leak cases reported in Korean, Japanese and Chinese, asked about in English and in their own
language (s69's new user: a Korean battery-leak report among English ones).

- **English ↔ CJK**: an English question on "the Korean battery leak case" shares no word with a Korean report: the
  glossary (``cross_lingual.toml`` v8) carries a leak case's words (leak 유출/流出/泄露, engineers and researchers
  연구원/研究員/工程师, "charged" as an indictment 기소/起訴/公诉, employees, equipment, display, etching …), and a
  country's own prosecutors' offices and leak laws name the country (수원지방검찰청 and 산업기술보호법 are Korea's,
  横浜地方検察庁 Japan's, 人民检察院 China's), so "the Korean case" is found in a report that never writes 한국.
- **A middle dot inside CJK prose is punctuation** ("방위사업·산업기술범죄수사부"), not a crumb trail: the lede holding it was
  dropped as boilerplate and the question abstained (``sentence_cues``).
- **Korean light verbs**: "기소됐나" and "기소했다고" share the noun 기소 (``cjk_function_words.toml`` v3).
- **A CJK count is of its classifier's noun** (``answer_values.toml`` v13 [count.cjk_classes]): "몇 명이 기소됐나?"
  and "How many people …?" are not answered by "도면 1만여 건" or "約3000件", nor by a day ("5日").
- **A CJK organisation is told by the marks around its name** (``rag/text/cjk_organisations.py``): a legal form,
  a company-name ending, the firm's people or side after it, brackets after a firm's noun; "어느 회사 …?",
  "どの会社 …?", "哪家公司 …?" ask for one (``answer_kinds.toml`` v17).
All articles are written for these specs."""

from __future__ import annotations

import pytest

from rag.text.analyzer import cjk_content_terms
from rag.text.cjk_organisations import cjk_organisations
from rag.text.cross_lingual import bridge_query, english_readings
from rag.writers.answer_value import asked_value, fitting_numbers, quantity_text
from rag.writers.sentence_cues import junk_reason
from tests.conftest import answer_lead, answer_of, engine_over_texts

# --- a middle dot in CJK prose ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "수원지방검찰청 방위사업·산업기술범죄수사부는 20일 전 연구원 4명을 기소했다고 밝혔다.",
    "한·미 양국은 반도체·배터리 공급망 협력을 강화하기로 했다.",
    "美·日两国将加强半导体出口管制合作。",
])
def test_a_middle_dot_inside_cjk_prose_is_no_crumb(sentence):
    assert junk_reason(sentence) is None


def test_a_spaced_crumb_trail_in_cjk_is_still_furniture():
    assert junk_reason("홈 · 뉴스 · 사회 · 법원·검찰 기사 목록입니다.") == "boilerplate"


# --- Korean light verbs and counters ------------------------------------------------------------------------------


@pytest.mark.parametrize("question, passage", [
    ("몇 명이 기소됐나?", "세온텍 전 연구원 4명을 기소했다고 밝혔다."),
    ("어떤 기술이 유출됐나?", "양극재 기술을 유출한 혐의로 체포됐다."),
    ("국가핵심기술로 지정됐나?", "유출된 기술은 국가핵심기술로 지정돼 있다."),
])
def test_a_korean_question_shares_its_light_verbs_noun_with_the_report(question, passage):
    assert set(cjk_content_terms(question)) <= set(cjk_content_terms(passage))


# --- a CJK count is of its classifier's noun -----------------------------------------------------------------------


@pytest.mark.parametrize("question, text, value", [
    ("몇 명이 기소됐나?", "기소된 사람은 협력사 대표와 전 직원 등 모두 5명이다.", "5"),
    ("How many people were indicted?", "起訴されたのは元部長と元技術者の計3人だった。", "3"),
    ("多少人被提起公诉？", "被提起公诉的共有4人。", "4"),
    ("파일 몇 건이 유출됐나?", "이들은 파일 4,800여 건을 외장 저장장치에 옮겼다.", "4,800"),
])
def test_a_cjk_count_of_the_asked_noun_answers(question, text, value):
    # (a number written against a CJK character is one number: "4,800여", not "4," and "800")
    asked = asked_value(question)
    assert [m.group(0) for m in fitting_numbers(asked, quantity_text(text))] == [value]


@pytest.mark.parametrize("question, text", [
    ("몇 명이 기소됐나?", "검찰은 디스플레이 장비 도면 1만여 건을 넘긴 혐의로 협력사 대표 등을 재판에 넘겼다."),
    ("How many people were indicted?", "大阪地方検察庁は5日、製造データ約3000件を漏らしたとして元部長らを起訴した。"),
    ("多少人被提起公诉？", "某光刻胶企业8000余份配方资料被泄露给境外公司。"),
])
def test_a_cjk_count_of_another_noun_or_a_day_does_not_answer(question, text):
    assert list(fitting_numbers(asked_value(question), quantity_text(text))) == []


# --- organisations by the marks around their names ----------------------------------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("세온텍 측은 피해 규모가 약 2,000억 원에 이를 것으로 추산했다.", "세온텍"),
    ("검찰은 한결에너지 전 연구원 3명을 구속 기소했다.", "한결에너지"),
    ("㈜다온은 이번 사건과 무관하다고 밝혔다.", "다온"),
    ("누리온 측은 혐의를 부인했다.", "누리온"),
    ("검찰은 누리온 직원들이 도면을 빼돌렸다고 밝혔다.", "누리온"),
    ("装置メーカー「光和テクノ」の元社員2人を起訴した。", "光和テクノ"),
    ("株式会社ミナトの元社員が逮捕された。", "ミナト"),
    ("已对江苏华芯微电子有限公司的2名前工程师提起公诉。", "江苏华芯微电子"),
])
def test_a_cjk_organisation_is_told_by_the_marks_around_its_name(sentence, name):
    assert name in cjk_organisations(sentence)


@pytest.mark.parametrize("sentence", [
    "회사 측은 연구개발비로 약 900억 원을 투입했다고 설명했다.",
    "중국 업체로부터 연봉의 3배가 넘는 보수를 약속받았다.",
    "同社の元部長らを起訴した。",
    "已对某晶圆检测设备企业的3名前员工提起公诉，并将资料提供给一家境外公司。",
    "석유화학과 신재생에너지 업계는 시스템반도체 투자를 늘렸다.",
    "변호인 측은 혐의를 부인했다.",
])
def test_a_firms_kind_or_an_unnamed_firm_is_no_organisation(sentence):
    assert cjk_organisations(sentence) == []


# --- the glossary's leak-case words --------------------------------------------------------------------------------


def test_an_english_leak_case_question_is_carried_into_korean_japanese_and_chinese():
    bridge = bridge_query("How many engineers were charged in the Korean battery leak case?").split()
    assert {"연구원", "기소", "유출", "배터리", "起訴", "公诉", "泄露", "工程师"} <= set(bridge)


@pytest.mark.parametrize("sentence, country", [
    ("수원지방검찰청은 산업기술보호법 위반 혐의로 전 연구원들을 기소했다.", "South Korea"),
    ("横浜地方検察庁は不正競争防止法違反の罪で元社員を起訴した。", "Japan"),
    ("苏州市人民检察院已对3名前员工提起公诉。", "China"),
])
def test_a_countrys_prosecutors_office_names_its_country(sentence, country):
    assert country in english_readings(sentence)


# --- end to end: ingest and ask -------------------------------------------------------------------------------------

TEXTS = {
    "01_ko.txt": (
        "제목: 전고체 배터리 공정 유출…한결에너지 전 연구원 3명 재판에\n발행: 동남경제신문\n날짜: 2026년 10월 14일\n\n"
        "대전지방검찰청 첨단기술범죄수사부는 14일 전고체 배터리 전해질 공정 자료를 중국 경쟁사에 넘긴 혐의로 한결에너지 "
        "전 연구원 3명을 구속 기소했다고 밝혔다.\n"
        "검찰에 따르면 이들은 퇴사 직전 공정 도면과 시험 데이터 등 파일 4,800여 건을 외장 저장장치에 옮긴 뒤 중국 "
        "저장성의 소재 업체에 넘긴 것으로 드러났다.\n"
        "한결에너지는 충남 천안에 본사를 둔 배터리 소재 기업으로, 유출된 전해질 기술은 국가핵심기술로 지정돼 있다.\n"
        "회사 측은 연구개발비로 약 900억 원을 투입했다고 설명했다.\n"),
    "02_ja.txt": (
        "タイトル: 半導体洗浄装置の技術流出、元社員2人を起訴\n発行: 北陸経済新報\n日付: 2026年10月20日\n\n"
        "横浜地方検察庁は20日、半導体洗浄装置の設計データを中国企業に漏らしたとして、装置メーカー「光和テクノ」の元社員"
        "2人を不正競争防止法違反の罪で起訴した。\n"
        "2人は退職前に設計図面など約1万2千件のファイルを私用のクラウドに保存していたという。\n"
        "光和テクノは、被害額が少なくとも30億円に上るとみている。\n"),
    "03_zh.txt": (
        "标题: 涉嫌窃取晶圆检测技术 三名前员工被提起公诉\n来源: 华东科技报\n日期: 2026-10-22\n\n"
        "苏州市人民检察院22日表示，已以涉嫌侵犯商业秘密罪对某晶圆检测设备企业的3名前员工提起公诉。\n"
        "检方指控，三人离职前复制了200余份设计图纸，并将其提供给一家境外公司。\n该企业称，损失金额约为1.5亿元。\n"),
    "04_en.txt": (
        "Title: Battery material prices ease as lithium supply grows\nPublisher: Metals Desk\nDate: 2026-10-15\n\n"
        "Prices of battery materials in South Korea and Japan eased in October as lithium supply grew, traders said.\n"
        "Two Korean cell makers said they expected cathode costs to fall further in the first quarter.\n"),
    "05_en.txt": (
        "Title: US charges five in scheme to ship chipmaking tools to China\nPublisher: Capitol Tech Wire\n"
        "Date: 2026-10-18\n\n"
        "US prosecutors charged five people with conspiring to export chipmaking equipment to China without a licence.\n"
        "The indictment says the group shipped 14 machines through Malaysia between 2023 and 2025.\n"),
    "06_en.txt": (
        "Title: Taiwan court jails engineer over TSMC secrets\nPublisher: Island Tech Daily\nDate: 2026-10-09\n\n"
        "A Taiwan court sentenced a former engineer to four years in prison for taking photos of TSMC process "
        "documents.\nThe engineer had photographed 12 documents before joining a Japanese equipment supplier, the court "
        "said.\n"),
    "07_ko.txt": (
        "제목: 디스플레이 장비 도면 1만여 건 중국으로…협력사 대표 등 재판행\n발행: 서울산업일보\n날짜: 2026년 11월 3일\n\n"
        "수원지방검찰청은 3일 디스플레이 증착 장비 도면 1만여 건을 중국 업체에 넘긴 혐의로 장비 협력사 대표 등을 재판에 "
        "넘겼다고 밝혔다.\n"
        "기소된 사람은 협력사 대표와 전 직원 등 모두 5명이며, 이 가운데 2명은 구속 상태로 재판을 받는다.\n"
        "검찰은 이들이 받은 대가가 약 40억 원이라고 설명했다.\n"),
    "08_ja.txt": (
        "タイトル: 電池材料の製造データ3000件流出、元部長ら起訴\n発行: 中部産業新聞\n日付: 2026年11月5日\n\n"
        "大阪地方検察庁は5日、電池材料メーカーの製造データ約3000件を台湾企業に漏らしたとして、同社の元部長らを起訴した。\n"
        "起訴されたのは元部長と元技術者の計3人で、いずれも起訴内容を認めているという。\n"),
    "09_zh.txt": (
        "标题: 泄露8000份光刻胶配方资料 一家材料企业多名员工被诉\n来源: 岭南财经\n日期: 2026-11-06\n\n"
        "深圳市人民检察院6日通报，某光刻胶企业8000余份配方资料被泄露给境外公司，检察机关已对相关人员提起公诉。\n"
        "被提起公诉的共有4人，其中包括该企业1名前副总经理。\n"),
    "10_zh.txt": (
        "标题: 两名前工程师涉嫌泄露刻蚀工艺 被提起公诉\n来源: 江南科技日报\n日期: 2026-11-12\n\n"
        "无锡市人民检察院12日表示，已对江苏华芯微电子有限公司的2名前工程师提起公诉，二人涉嫌将刻蚀工艺参数提供给一家境外企业。\n"
        "检方称，二人共拷贝了约600份技术文件。\n"),
}

AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("cjk_leak_cases"), TEXTS)


@pytest.mark.parametrize("question, value", [
    ("How many engineers were charged in the Korean battery leak case?", "3명"),
    ("How many people were charged in the Korean display equipment leak case?", "5명"),
    ("How many former employees were indicted in the Japanese chip equipment leak case?", "2人"),
    ("How many people were indicted in the Japanese battery materials data leak?", "3人"),
    ("How many former employees were charged in the Chinese wafer inspection trade secrets case?", "3名"),
    ("How many people were charged in the Chinese photoresist leak case?", "4人"),
    ("How many former engineers were charged in the Chinese etching process leak case?", "2名"),
])
def test_an_english_count_question_leads_with_the_cjk_reports_count(engine, question, value):
    assert value in answer_lead(engine, question, AS_OF)


@pytest.mark.parametrize("question, value", [
    ("한결에너지 전 연구원 몇 명이 기소됐나?", "3명"),
    ("디스플레이 장비 도면 유출 사건으로 몇 명이 기소됐나?", "5명"),
    ("파일 몇 건이 유출됐나?", "4,800여 건"),
    ("電池材料のデータ流出事件で何人が起訴されたか？", "3人"),
    ("光刻胶配方泄露案有多少人被提起公诉？", "4人"),
])
def test_a_native_count_question_leads_with_the_count_of_its_noun(engine, question, value):
    assert value in answer_lead(engine, question, AS_OF)


@pytest.mark.parametrize("question, name", [
    ("어느 회사 전 연구원들이 기소됐나?", "한결에너지"),
    ("半導体洗浄装置の設計データを漏らしたのはどの会社の元社員か？", "光和テクノ"),
    ("哪家公司的前工程师被提起公诉？", "华芯微电子"),
])
def test_a_native_which_company_question_leads_with_the_named_firm(engine, question, name):
    assert name in answer_lead(engine, question, AS_OF)


def test_an_english_search_for_the_korean_case_ranks_the_korean_report_first(engine):
    hits = engine.retriever.search("Korean battery leak engineers charged", k=3)
    assert "한결에너지" in hits[0].chunk.text


def test_the_korean_answer_quotes_the_report_as_written(engine):
    answer = answer_of(engine, "How many engineers were charged in the Korean battery leak case?", AS_OF)
    assert "한결에너지 전 연구원 3명을 구속 기소했다고 밝혔다." in answer
