"""A claim's month and day checked against the dates a Korean, Japanese or Chinese text writes (s68 user: a Korean
clause restated in English in part rejected). An English claim on a CJK text is judged on its numbers, and every
month it named was "cannot be checked across scripts", so "On November 3, customs said it caught 34 companies"
over "관세청은 11월 3일 … 업체 34곳을 적발했다고 밝혔다" was rejected. The text layer reads the month-days a text
writes in any script (``rag.text.dates.written_month_days``: "11월 3일", "11月5日", "2026年11月", "11월 중"; not a
duration, "3개월"), and ``fact_checks.cross_script_verdict`` compares the claim's with them: another day or month is
"not in cited text"; a text that writes no date leaves them unchecked, as before. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.text.dates import written_month_days

GWANSE = "관세청은 11월 3일 반도체 장비를 불법 수출한 업체 34곳을 적발했다고 밝혔다. 적발된 물품은 모두 120억원 규모다."
METI = "経済産業省は11月5日、半導体製造装置を無許可で輸出したとして、国内企業5社に行政処分を科したと発表した。"
HAIGUAN = "海关总署10月12日表示，今年前三个月共查获走私芯片案件27起。"
SANEOP = "산업통상자원부는 2026년 12월 반도체 수출 통제 대상 기업 12곳을 새로 지정할 계획이다."


@pytest.mark.parametrize("text, written", [
    ("관세청은 11월 3일 업체 34곳을 적발했다", {(11, 3)}),
    ("経済産業省は11月5日、5社に処分", {(11, 5)}),
    ("海关总署10月12日表示", {(10, 12)}),
    ("2026年11月に発表", {(11, None)}),
    ("11월 중 발표 예정", {(11, None)}),
    ("3개월 동안 3か月 3个月", set()),
    ("November 3, 2026 and May 2025", {(11, 3), (5, None)}),
])
def test_the_month_days_a_text_writes_in_any_script(text, written):
    assert written_month_days(text) == written


RIGHT = [
    ("On November 3, customs said it caught 34 companies.", GWANSE),
    ("In November, customs caught 34 companies exporting chip equipment illegally.", GWANSE),
    ("On November 5, the trade ministry penalised five companies.", METI),
    ("On October 12, China's customs said it had uncovered 27 chip smuggling cases.", HAIGUAN),
    ("The trade ministry plans to designate 12 companies in December 2026.", SANEOP),
]

WRONG = [
    ("On November 4, customs said it caught 34 companies.", GWANSE),
    ("In October, customs caught 34 companies.", GWANSE),
    ("In December, the trade ministry penalised five companies.", METI),
    ("On October 21, China's customs said it had uncovered 27 chip smuggling cases.", HAIGUAN),
]


def test_the_checker_compares_a_claim_date_with_the_cjk_text_dates(checker):
    rows = [(c, p, True) for c, p in RIGHT] + [(c, p, False) for c, p in WRONG]
    assert not misjudged(checker, rows)


def test_another_date_is_not_in_the_cited_text(checker):
    result = checker.check("On November 4, customs said it caught 34 companies.", [GWANSE])
    assert "date 'November 4' not in cited text" in result.reasons
