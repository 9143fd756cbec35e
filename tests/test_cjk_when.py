"""A "when" question in Chinese, Japanese or Korean is answered by the sentence that gives the asked event's time.

A Chinese "什么时候量产" was answered with the sentence reporting the day of the announcement (周四), not the one
saying production starts next year (明年): the question was typed as no kind at all (the answer kinds knew English
wordings only) and the writer's time reader knew no CJK date (2024年, 6月1日, 明年, 来月, 내년) or weekday (周四,
木曜日, 목요일). Articles in ``data/cjk_when`` each open with the announcement's day and give the asked time later.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.text.dates import find_dates
from rag.writers.answer_kind import answer_type
from test_cases_cjk import Corpus, assert_answers_from

DOCS = Path(__file__).resolve().parent / "data" / "cjk_when"


@pytest.mark.parametrize(
    "question, kind",
    [
        ("新电池什么时候量产？", "when"),
        ("出口管制何時生效？", "when"),
        ("新しい規制はいつから適用されますか？", "when"),
        ("새 공장은 언제 가동되나?", "when"),
        ("扩建工程哪一年完工？", "date"),
        ("规定从哪天起生效？", "date"),
        ("공장은 몇 년에 완공되나?", "date"),
        ("台积电在亚利桑那州投资多少？", "number"),  # not a time: an amount (answer_kinds v16)
    ],
)
def test_a_cjk_question_asking_when_is_typed_as_asking_for_a_time(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize(
    "text, said, value",
    [
        ("宁德时代周四发布了新电池。", "周四", "2024-04-25"),  # the publication's own Thursday
        ("经济部上周四宣布新规。", "上周四", "2024-04-18"),
        ("經濟部國際貿易署週二宣布新規。", "週二", "2024-04-23"),
        ("会议定于星期天举行。", "星期天", "2024-04-21"),
        ("経済産業省は先週の木曜日に発表した。", "先週の木曜日", "2024-04-18"),
        ("政府は月曜日に発表した。", "月曜日", "2024-04-22"),
        ("정부는 지난 목요일 발표했다.", "지난 목요일", "2024-04-18"),
        ("회의는 다음 주 화요일에 열린다.", "다음 주 화요일", "2024-04-30"),
    ],
)
def test_a_cjk_weekday_is_the_day_it_names_from_the_publication_date(text, said, value):
    (m,) = find_dates(text, published="2024-04-25")  # a Thursday
    assert (m.text, m.value, m.precision) == (said, value, "day")


@pytest.mark.parametrize(
    "text",
    ["他每周一开会。", "毎週月曜に会議を開く。", "매주 월요일 회의를 연다.", "周边国家表示关注。", "纪念成立一周年。"],
)
def test_a_habitual_weekday_and_words_with_the_week_character_name_no_day(text):
    assert find_dates(text, published="2024-04-25") == []


def test_a_weekday_in_brackets_after_its_date_is_that_date_not_a_second_one():
    (m,) = find_dates("管制措施將於6月1日（週六）生效。", published="2024-05-14")
    assert (m.text, m.value) == ("6月1日", "2024-06-01")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    c = Corpus(tmp_path_factory.mktemp("cjk-when"), sorted(DOCS.glob("*.txt")))
    yield c
    c.close()


@pytest.mark.parametrize(
    "question, file_name, time",
    [
        ("宁德时代的新电池什么时候量产？", "zh_battery.txt", "明年"),
        ("高階晶片出口管制的新規定何時生效？", "tw_export.txt", "6月1日"),
        ("半導体製造装置の新たな輸出規制はいつから適用されますか？", "ja_rules.txt", "来月"),
        ("삼성전자 평택 새 공장은 언제 가동되나?", "ko_plant.txt", "2026년"),
        ("中芯国际上海工厂的扩建工程什么时候完工？", "zh_fab.txt", "2025年3月"),
        ("中芯国际上海工厂的扩建工程哪一年完工？", "zh_fab.txt", "2025年"),
        # a month without its year or day ("from October"), as English "in October" is a time
        ("半導体工場の補助金の新制度はいつから運用されますか？", "ja_subsidy.txt", "10月"),
        ("반도체 장비 수출 심사 제도는 언제부터 시행되나?", "ko_rule.txt", "9월"),
    ],
)
def test_a_cjk_when_question_is_answered_by_the_sentence_giving_the_asked_events_time(corpus, question, file_name, time):
    assert_answers_from(corpus.ask(question), file_name, corpus, time)
