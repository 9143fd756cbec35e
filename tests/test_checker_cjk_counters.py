"""An English claim's count of another kind of thing than the CJK text's counter says is unsupported (s68 user: a
count "34곳" accepted for another noun). A claim across scripts is judged on its numbers alone, so "Customs detected
34 chip equipment shipments" over "업체 34곳을 적발" (34 companies) was supported; the counter after the figure says
what is counted (``rag/support/data/counters.toml``: 명/名/人 people, 곳/社/家 companies or sites, 건/件/起 cases,
대/台 machines, 척/艘 ships, 개국/カ国 countries), and a claim noun of another kind is a number reason
(``cjk_counters.counter_swaps``, read in ``window_verdict.window_features`` for claims across scripts). A noun of
the counter's kind, a noun of no kind and a figure with no counter decide nothing. Uses the bundled offline
MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.cjk_counters import counter_swaps
from rag.support.counted_nouns import claim_counts

GWANSE = "관세청은 지난달 반도체 장비를 불법 수출한 업체 34곳을 적발했다고 3일 밝혔다. 적발된 물품은 모두 120억원 규모다."
GEOMCHAL = "검찰은 배터리 설계도를 중국 경쟁사에 유출한 혐의로 전직 연구원 3명을 구속 기소했다."
KEISANSHO = "経済産業省は、半導体製造装置を無許可で輸出したとして、国内企業5社に行政処分を科したと発表した。対象となった装置は計42台に上る。"
HAIGUAN = "海关总署表示，今年前三个月共查获走私芯片案件27起，涉案企业11家。"
BUSAN = "부산항에서 제재 대상 유조선 4척이 억류됐으며, 선원 60명이 조사를 받고 있다."

OTHER_KIND = [
    ("Customs detected 34 chip equipment shipments.", GWANSE),
    ("34 people were caught exporting chip equipment.", GWANSE),
    ("Customs seized 34 chip tools.", GWANSE),
    ("Prosecutors indicted three companies.", GEOMCHAL),
    ("The trade ministry penalised five engineers.", KEISANSHO),
    ("42 companies were penalised.", KEISANSHO),
    ("Customs uncovered 27 companies smuggling chips.", HAIGUAN),
    ("Four sailors were detained in Busan.", BUSAN),
    ("60 tankers were detained at Busan port.", BUSAN),
]

SAME_KIND = [
    ("Customs caught 34 companies that illegally exported chip equipment.", GWANSE),
    ("Korea Customs Service said it caught 34 firms.", GWANSE),
    ("Prosecutors indicted three former researchers.", GEOMCHAL),
    ("The trade ministry penalised five companies.", KEISANSHO),
    ("The equipment totalled 42 machines.", KEISANSHO),
    ("Customs uncovered 27 chip smuggling cases.", HAIGUAN),
    ("11 companies were involved.", HAIGUAN),
    ("Four sanctioned tankers were held at Busan port.", BUSAN),
    ("60 crew members were questioned.", BUSAN),
]


def test_a_claim_count_is_its_figure_and_counted_noun():
    assert claim_counts("Customs seized 34 chip tools in 2025.") == [("34", 34.0, "tools")]
    assert claim_counts("Prosecutors indicted three former researchers.") == [("three", 3.0, "researchers")]


@pytest.mark.parametrize("claim, passage", OTHER_KIND)
def test_a_count_of_another_kind_than_the_counter_is_a_number_reason(claim, passage):
    reasons = counter_swaps(claim, passage)
    assert reasons and reasons[0].startswith("number: the passage counts")


@pytest.mark.parametrize("claim, passage", SAME_KIND)
def test_a_count_of_the_counter_kind_is_no_reason(claim, passage):
    assert counter_swaps(claim, passage) == []


def test_a_noun_of_no_kind_or_a_figure_without_counter_decides_nothing():
    assert counter_swaps("Customs seized 34 pieces of equipment.", GWANSE) == []  # "pieces": of no kind
    assert counter_swaps("Customs caught 34 companies.", "관세청은 34개 업체를 적발했다.") == []  # 개: a general counter


def test_the_checker_rejects_a_count_of_another_kind_across_scripts(checker):
    rows = [(c, p, False) for c, p in OTHER_KIND] + [(c, p, True) for c, p in SAME_KIND]
    assert not misjudged(checker, rows)
