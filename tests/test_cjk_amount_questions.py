"""A Chinese, Japanese or Korean "how much" question ("얼마", "多少", "いくら") asks for an amount: its answer leads with
the sentence that gives the amount (억/조 원, 亿元, 億円), as "How much …?" does in English (``answer_kinds.toml``
[kinds.number], v16)."""

from __future__ import annotations

import pytest

from rag.writers.answer_kind import answer_type
from tests.conftest import answer_lead, engine_over_texts


@pytest.mark.parametrize("question", [
    "한결소재의 연구개발비는 얼마인가?",
    "피해액은 얼마였나?",
    "과징금은 얼마나 부과됐습니까?",
    "罚款金额是多少？",
    "赔偿金额为多少",
    "損失額はいくらですか？",
    "投資額は何億円ですか",
])
def test_a_cjk_how_much_question_asks_for_a_number(question):
    assert answer_type(question) == "number"


@pytest.mark.parametrize("question", [
    "얼마 전 한결소재는 무엇을 발표했나?",  # "a while ago"
    "한결소재는 무엇을 말했나?",
])
def test_a_cjk_question_without_an_amount_asks_for_no_number(question):
    assert answer_type(question) != "number"


TEXTS = {
    "01_ko.txt": ("제목: 한결소재, 2차전지 양극재 공정 유출 피해\n발행: 남해경제\n날짜: 2026년 10월 8일\n\n"
                  "한결소재는 8일 전 직원이 양극재 소성 공정 자료를 해외 경쟁사에 넘겼다고 밝혔다. 한결소재의 대표는 "
                  "재발 방지 대책을 마련하겠다고 말했다.\n"
                  "회사 측은 피해액이 약 2800억 원에 이른다고 추산했다. 경찰은 이 직원을 출국 금지했다.\n"),
    "02_zh.txt": ("标题: 某稀土企业因违规出口被处罚\n来源: 北方财经\n日期: 2026-10-09\n\n"
                  "商务部9日通报，华北镝业违规出口镝产品。华北镝业负责人表示将积极整改。"
                  "商务部对华北镝业处以罚款4200万元。\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("cjk_amounts"), TEXTS)


def test_a_korean_how_much_question_leads_with_the_amount(engine):
    assert "2800억 원" in answer_lead(engine, "한결소재의 피해액은 얼마인가?", "2026-10-20")


def test_a_chinese_how_much_question_leads_with_the_amount(engine):
    assert "4200万元" in answer_lead(engine, "华北镝业的罚款是多少？", "2026-10-20")
