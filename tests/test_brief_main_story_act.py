"""A topic brief is built on the report of the topic's act, not on a report matching only its place and sector
words (issue 10, on-topic; F8 of s64's new user; h/briefs-s65).

The kind: "Taiwan chip smuggling prosecutions" was written from the US Entity List report (it names Taiwan and
chips) while the Hsinchu indictment of four smugglers, the topic itself, was left out; "antimony export controls and
Japan" led with Korea's chip-tool export rule (Japan, export) while MOFCOM's antimony report was not cited. Three
readings (``rag/writers/on_topic.py``):
- a country named only by its city ("Suwon prosecutors", "OSAKA, May 3 —") is that country in the topic check
  (``rag/text/data/cities.toml``, ``places.city_places``);
- a topic's part that names no actor but the act ("antimony export controls" of "… and Japan") is told by a report
  of that act, which need not name the other part's place (``act_clauses``);
- a report may leave out one of the topic's own words only when it is the commonest among the reports (the sector's
  "chip", "battery", "export"), never a rarer one, the act or its object ("smuggling", "leak", "gallium":
  ``topic_words_told``).

Reports written for this test (other countries, firms, numbers), through the real Engine (offline writer).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

ACT_KR = "Suwon prosecutors indict three former engineers over battery technology leak"
PLACE_KR = "South Korea widens battery technology subsidies for electric-car makers"
ACT_GA = "Beijing tightens licences for gallium and germanium exports"
PLACE_GA = "Seoul adds licence checks on exports of chip-making tools"
ACT_JP = "Osaka prosecutors charge two over smuggling of drone parts to Russia"
PLACE_JP = "Japan drone parts exports hit record as makers court Southeast Asian buyers"

ARTICLES = [
    ("01_kr_leak.md", "2026-04-14", ACT_KR,
     "SUWON, April 14 — The Suwon District Prosecutors' Office on Tuesday indicted three former engineers of "
     "Hanul Cell on charges of leaking cathode technology to a rival in Jiangsu. Prosecutors said the engineers "
     "copied 4,200 design files before resigning in 2025. The company said the leak cost it about 90 billion won in "
     "research.\n\nThe three face up to 15 years in prison under the industrial technology protection act."),
    ("02_kr_subsidy.md", "2026-04-16", PLACE_KR,
     "South Korea's industry ministry on Thursday widened subsidies for battery technology used by electric-car "
     "makers, adding 300 billion won to this year's programme. Battery makers including Hanul Cell welcomed the "
     "move, the ministry said.\n\nThe subsidies will cover pilot lines for solid-state cells."),
    ("03_cn_gallium.md", "2026-05-06", ACT_GA,
     "BEIJING, May 6 — China's Ministry of Commerce said on Wednesday that exporters of gallium and germanium must "
     "now name the end user of every shipment, tightening the licences it introduced in 2023. The ministry said "
     "it would refuse licences for military end uses.\n\nGallium prices rose 8 percent in Rotterdam after the notice."),
    ("04_kr_tools.md", "2026-05-08", PLACE_GA,
     "South Korea's trade ministry said on Friday it would add licence checks on exports of chip-making tools to "
     "six countries. Exporters must apply 30 days before shipment, the ministry said.\n\nThe rule takes effect on "
     "July 1."),
    ("05_jp_drone.md", "2026-06-02", ACT_JP,
     "OSAKA, June 2 — Osaka District Public Prosecutors Office on Tuesday charged two trading-company executives "
     "with smuggling drone motors and flight controllers to Russia through Kyrgyzstan. Prosecutors said the pair "
     "shipped parts worth 410 million yen in 14 consignments.\n\nThe executives deny the charges, their lawyer said."),
    ("06_jp_exports.md", "2026-06-04", PLACE_JP,
     "Japan's exports of drone parts rose 37 percent in the year to March, the trade ministry said on Thursday, as "
     "makers courted buyers in Vietnam and Indonesia.\n\nMotor maker Kanto Dynamics said drone parts were now a "
     "fifth of its sales."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("main_story_act"), ARTICLES)


def cited_titles(brief) -> list[str]:
    return [s.title for s in brief.sources]


def lead_titles(brief) -> set[str]:
    first = brief.sections[0]
    by_doc = {s.doc_id: s.title for s in brief.sources}
    return {by_doc.get(c.doc_id, "") for claim in first.claims for c in claim.citations}


@pytest.mark.parametrize("topic, act, place", [
    ("South Korea battery technology leak indictments", ACT_KR, PLACE_KR),
    ("gallium export licences and South Korea", ACT_GA, PLACE_GA),
    ("Japan drone parts smuggling prosecutions", ACT_JP, PLACE_JP),
], ids=["city-named-country", "act-part-without-place", "act-over-sector-words"])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_brief_is_built_on_the_report_of_the_topics_act(engine, topic, act, place, template):
    brief = engine.write(topic, template=template)
    assert not brief.abstained, brief.message
    titles = cited_titles(brief)
    assert act in titles, titles
    assert place not in titles, titles  # the report matching only the place and sector words is another story
    assert lead_titles(brief) == {act}, lead_titles(brief)


# A topic framed as a conflict ("... dispute") names its act and object in its other words: a later report of the
# story that names the permits but not the "dispute" is the story's newest report, not another story (s65's new
# user, F16: the live blog of a licence dispute was left out of its situation brief). Reports written for this test.
DISPUTE_OLD = "Indonesia and the Philippines clash over nickel ore export permits"
DISPUTE_NEW = "Jakarta grants 12 nickel ore export permits to Philippine-owned smelters"
DISPUTE_OFF = "Philippines raises nickel royalty rate for domestic miners"
DISPUTE_ARTICLES = [
    ("11_nickel_old.md", "2026-03-02", DISPUTE_OLD,
     "JAKARTA, March 2 — Indonesia and the Philippines are locked in a dispute over nickel ore export permits after "
     "Jakarta froze 40 permit applications from Philippine-owned smelters in January. Manila's trade department "
     "said the freeze broke a 2024 agreement.\n\nIndonesia's energy ministry said the applications were under review."),
    ("12_nickel_new.md", "2026-03-20", DISPUTE_NEW,
     "JAKARTA, March 20 — Indonesia's energy ministry said on Friday it had granted 12 of the 40 nickel ore export "
     "permits sought by Philippine-owned smelters and would decide the rest by May. Manila's trade department "
     "welcomed the decision.\n\nThe permits cover 3.1 million tonnes of ore this year."),
    ("13_nickel_off.md", "2026-03-12", DISPUTE_OFF,
     "The Philippines will raise the royalty rate on nickel mined by domestic companies to 5 percent from 4 percent, "
     "the finance department said on Thursday.\n\nMiners said the change would cost them about 2 billion pesos a year."),
]


@pytest.fixture(scope="module")
def dispute_engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("main_story_dispute"), DISPUTE_ARTICLES)


@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_later_report_leaving_out_only_the_topics_frame_noun_stays_in_the_brief(dispute_engine, template):
    brief = dispute_engine.write("Indonesia Philippines nickel ore export permit dispute", template=template)
    assert not brief.abstained, brief.message
    titles = cited_titles(brief)
    assert DISPUTE_NEW in titles, titles  # the newest report of the dispute names the permits, not the "dispute"
    assert DISPUTE_OFF not in titles, titles  # the royalty report names nickel and the Philippines only
