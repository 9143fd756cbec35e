"""A topic joining two objects ("China gallium and germanium exports") is told by its rare words, not its common one.

* Kind (s67's new user, F19): in a brief on "China indium and tungsten exports", a Korean customs report ("목적지는
  중국이 29건으로 가장 많았고 …": strategic-goods violations, most bound for China) filled "Implications" and was
  counted as a second independent on-topic report. Its glossed words (중국 -> China, 수출 -> export) name the topic's
  country and its generic word "export", and a report told the part "tungsten exports" by naming one of its two words
  (the best report less one). The same holds in English: a report of China's car exports names "China" and "exports".
* ``on_topic.topic_words_told`` (one mechanism, extended): a report may leave out a part's commonest word among the
  evidence's reports, never its rarer one (the rule it already kept for a topic of one part, ``leaves_common``): the
  rare word is the story's object. A report of the story itself, naming the rare word without the common one,
  still tells it.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

ARTICLES = [
    ("01_gallium.md", "2026-10-20", "China's gallium exports fall for third month as licences slow",
     "BEIJING, Oct 20 - China exported 3.1 tonnes of gallium in September, down 31% from August, customs data showed "
     "on Tuesday, as licences for the metal, used in power chips and radar, were granted more slowly.\n\n"
     "Germanium exports rose to 5.4 tonnes from 4.2 tonnes, with most shipments going to Belgium and Japan.\n\n"
     "Traders in Rotterdam said gallium prices outside China had risen to $720 per kilogram.\n\n"
     "Gallium and germanium have required an export licence since August 2023."),
    ("02_ko_customs.md", "2026-10-22", "관세청, 전략물자 불법 수출 38건 적발",
     "관세청은 올해 1월부터 9월까지 전략물자 불법 수출 38건을 적발했다고 22일 밝혔다.\n\n"
     "적발된 품목 가운데 반도체 장비가 17건으로 가장 많았고, 드론 부품이 9건이었다.\n\n"
     "목적지는 중국이 21건으로 가장 많았고 러시아가 8건이었다."),
    ("03_cars.md", "2026-10-21", "China's car exports hit record as EV makers push into Europe",
     "SHANGHAI, Oct 21 - China exported a record 640,000 cars in September, up 24% from a year earlier, an industry "
     "association said on Wednesday.\n\n"
     "Electric vehicles made up 38% of the exports, led by shipments to Belgium and the United Kingdom.\n\n"
     "Export volumes to Russia fell for a fourth month."),
    ("04_zh_drones.md", "2026-10-23", "中国无人机出口同比增长",
     "海关总署数据显示，9月中国无人机出口额同比增长12%。\n\n"
     "出口目的地主要为美国、德国和阿联酋。"),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("rare_part_word"), ARTICLES)


@pytest.mark.parametrize("topic", [
    "China gallium and germanium exports",
    "China germanium and gallium export data",
])
def test_reports_naming_only_the_country_and_exports_are_not_the_storys(engine, topic):
    brief = engine.write(topic, template="situation")
    cited = {c.doc_id for s in brief.sections for claim in s.claims for c in claim.citations}
    titles = {s.doc_id: s.title for s in brief.sources} if hasattr(brief, "sources") else {}
    quoted = [claim.text for s in brief.sections for claim in s.claims]
    assert not any(w in q for q in quoted for w in ("목적지", "관세청", "无人机", "640,000", "Electric vehicles")), quoted
    assert any("gallium" in q.lower() or "germanium" in q.lower() for q in quoted), quoted
    assert len(cited) == 1, (cited, titles)
