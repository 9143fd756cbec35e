"""A two-part topic gathers the reports of each part, in the topic's language and across languages (issue 10,
on-topic; F14 of s65's new user, brief part; h/briefs-s66).

The kind: "drone parts export controls and smuggling" was written from a Chinese report of MOFCOM's controls only;
the English report of a Korean drone-parts smuggling case was left out. Three readings (``rag/writers/on_topic.py``):
- a Chinese or Japanese sentence is embedded as the English gloss of its domain terms, a bag of the topic's own words
  that sits nearer the topic than any English sentence: the relative meaning cut is taken from the documents in the
  topic's language (``topical_documents(glossed=…)``);
- a topic of common nouns joined by "and" has halves (``story_clauses(common=True)``): a report of the smuggling case
  tells the "smuggling" half with the topic's object ("drone"), not a report of gold smuggling;
- each half is its own run of reports: the smuggling case of August and the controls of October are one topic.
Also: sentences read through glosses are compared by their own texts, so one report's sentences are not
near-duplicates of each other (their glosses are).

Reports written for this test (other countries, firms, numbers, a Japanese and a Chinese report), through the real
Engine (offline writer).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

JA_DRONE = "経済産業省、ドローン部品の輸出管理を強化 11月から"
EN_DRONE = "Busan court jails two for smuggling drone cameras and motors to Belarus"
ZH_GALLIUM = "商务部扩大镓出口管制范围 9月15日起施行"
EN_GALLIUM = "Hai Phong customs seize gallium ingots in smuggling case bound for Singapore"
EN_GOLD = "Mumbai customs break gold smuggling ring at the airport"
EN_OTHER = "Seoul files WTO complaint over delayed photoresist export licences"

ARTICLES = [
    ("01_ja_drone.md", "2026-10-20", JA_DRONE,
     "経済産業省は20日、ドローン部品の輸出管理を強化すると発表した。11月1日から、飛行制御装置と赤外線カメラの輸出には"
     "個別の許可が必要になる。\n\n同省によると、2025年のドローン部品の輸出額は420億円だった。\n\n違反した企業には"
     "最大で5億円の罰金が科される。"),
    ("02_en_drone.md", "2026-08-04", EN_DRONE,
     "BUSAN, Aug. 4 — The Busan District Court on Tuesday jailed two executives of a trading firm for smuggling "
     "drone cameras and motors to Belarus, declaring them as spare parts for farm machinery. The court said the pair "
     "shipped 860 drone cameras and 1,900 motors worth 2.1 billion won in 2025.\n\nThe chief executive received "
     "three years; his deputy eighteen months. Their lawyer said they would appeal."),
    ("03_zh_gallium.md", "2026-09-01", ZH_GALLIUM,
     "商务部1日发布公告，决定扩大镓相关物项的出口管制范围，自9月15日起施行。\n\n公告显示，管制物项新增高纯镓和氮化镓外延片。"
     "出口经营者应当向商务部申请许可。\n\n据海关统计，2025年中国镓出口量为48吨。"),
    ("04_en_gallium.md", "2026-06-10", EN_GALLIUM,
     "HAI PHONG, June 10 — Vietnamese customs officers seized 1.4 tonnes of gallium ingots declared as zinc scrap, "
     "in a smuggling case bound for Singapore, the General Department of Customs said on Wednesday. Three employees "
     "of a logistics company were detained.\n\nInvestigators said the gallium was worth about $900,000."),
    ("05_en_gold.md", "2026-09-03", EN_GOLD,
     "MUMBAI, Sept 3 — Customs officers broke up a gold smuggling ring at Mumbai airport and arrested six people, "
     "officials said on Thursday. The ring had smuggled 220 kg of gold bars from Dubai since March.\n\nOfficials "
     "said the smugglers hid the bars in food mixers."),
    ("06_en_other.md", "2026-10-22", EN_OTHER,
     "SEOUL, Oct. 22 — South Korea filed a complaint at the WTO on Thursday over Japan's delayed approval of "
     "photoresist export licences. The trade ministry said 41 licence applications had waited more than 90 days."
     "\n\nJapan said the reviews were routine checks."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("two_part_cross_lingual"), ARTICLES)


def cited_titles(brief) -> set[str]:
    by_doc = {s.doc_id: s.title for s in brief.sources}
    return {by_doc.get(c.doc_id, "") for sec in brief.sections for claim in sec.claims for c in claim.citations}


@pytest.mark.parametrize("topic, cjk, english", [
    ("drone export controls and smuggling", JA_DRONE, EN_DRONE),
    ("gallium export controls and smuggling", ZH_GALLIUM, EN_GALLIUM),
], ids=["japanese-drone", "chinese-gallium"])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_two_part_topic_cites_the_report_of_each_part_in_either_language(engine, topic, cjk, english, template):
    brief = engine.write(topic, template=template)
    assert not brief.abstained, brief.message
    cited = cited_titles(brief)
    assert cjk in cited, cited
    assert english in cited, cited
    assert EN_GOLD not in cited, cited  # smuggling of another object is another story
    assert EN_OTHER not in cited, cited  # an export licence report of another object


@pytest.mark.parametrize("topic, cjk", [
    ("drone export controls and smuggling", JA_DRONE),
    ("gallium export controls and smuggling", ZH_GALLIUM),
])
def test_a_cjk_reports_sentences_are_not_near_duplicates_through_their_glosses(engine, topic, cjk):
    brief = engine.write(topic, template="assessment")
    by_doc = {s.doc_id: s.title for s in brief.sources}
    quoted = {claim.text for sec in brief.sections for claim in sec.claims
              if any(by_doc.get(c.doc_id) == cjk for c in claim.citations)}
    assert len(quoted) >= 2, quoted
