"""The cross-lingual glossary covers the field's core terms in Korean, Japanese and Chinese (``cross_lingual.toml`` v6).

Kind: **glossary coverage** (s67 user's F10: an English question on Korea Customs' strategic-goods cases was answered
from an English indium report, the Korean one, 관세청 … 전략물자, never reached). Audited against the field's reports:
the customs agencies, strategic goods, detection of violations, machine tools, minor metals, HBM, wafers, critical
minerals, memoranda, joint ventures, prosecutors, prison terms, arrests, shipbuilding. An English question then
reaches a report written in another language that says them in its own. Texts written for this file.
"""

from __future__ import annotations

import pytest

from rag.text.cross_lingual import bridge_query, cjk_concepts, english_concepts
from tests.conftest import answer_of, engine_over_texts


@pytest.mark.parametrize("english, cjk", [
    ("Korea Customs Service", "관세청"), ("China's customs administration", "海关总署"),
    ("strategic goods", "전략물자"), ("strategic items", "戦略物資"), ("detected", "적발"), ("uncovered", "查获"),
    ("machine tools", "공작기계"), ("machine tools", "工作機械"), ("tungsten", "钨"), ("indium", "インジウム"),
    ("antimony", "锑"), ("high-bandwidth memory", "고대역폭메모리"), ("wafers", "晶圆"),
    ("critical minerals", "핵심광물"), ("memorandum of understanding", "양해각서"), ("joint venture", "合弁"),
    ("prosecutors", "검찰"), ("prison", "懲役"), ("arrested", "逮捕"), ("shipbuilders", "造船"),
])
def test_a_core_term_has_its_equivalents(english, cjk):
    found = set(english_concepts(english))
    assert found, english
    assert found & set(cjk_concepts(cjk)), (english, cjk)


def test_an_english_question_on_a_korean_agency_bridges_to_its_korean_words():
    bridge = bridge_query("How many strategic goods cases did the Korea Customs Service uncover?")
    for word in ("관세청", "전략물자", "적발"):
        assert word in bridge


TEXTS = {
    "01_ko.txt": ("제목: 관세청, 공작기계 불법 수출 17건 적발\n발행: 동해경제\n날짜: 2026년 5월 12일\n\n"
                  "관세청은 올해 1월부터 4월까지 공작기계 불법 수출 17건을 적발했다고 12일 밝혔다. 목적지는 "
                  "러시아가 9건으로 가장 많았다.\n"),
    "02_zh.txt": ("标题: 海关总署通报铟走私案件\n来源: 滨海财经\n日期: 2026-05-13\n\n"
                  "海关总署13日通报，今年前四个月共查获走私铟案件6起，涉案铟2.3吨。案件主要发生在广东和广西。\n"),
    "03_en.txt": ("Title: Indium prices climb in Rotterdam\nPublisher: Metals Wire\nDate: 2026-05-14\n\n"
                  "Indium prices in Rotterdam rose 8% in May as traders stocked up on material, brokers said on "
                  "Thursday. Tungsten prices were flat.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("glossary_core_terms"), TEXTS)


def test_an_english_question_is_answered_from_the_korean_report(engine):
    assert "17건" in answer_of(engine, "How many illegal machine tool exports did Korea Customs detect?", "2026-05-20")


def test_an_english_question_is_answered_from_the_chinese_report(engine):
    assert "6起" in answer_of(engine, "How many indium smuggling cases did China's customs administration uncover?",
                              "2026-05-20")
