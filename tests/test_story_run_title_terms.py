"""A brief's story is anchored on the report whose title names the topic best (issue 10, on-topic first; s59).

Kind: **the story's own report names its subject by an institution, not by the country.** A brief on "Japan
chip-tool export controls and China's response" over a report titled "METI to widen chip-tool export controls" (the
story: the ministry adds tool types, Beijing protests) and an earlier one titled "Chinese firms' imports of chipmaking
tools from Japan rose sharply" was written wholly from the earlier report: the story's run was anchored on a report
whose title names the topic's subject ("Japan"), and the ministry's title names it as "METI". The anchor is now the
title naming the most of the topic's distinctive words and its subject (``on_topic.titled_reports``).

The reports were written for this spec (after a fresh-user helper's bilingual report of s58), not taken from any data
set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts
from rag.writers.on_topic import titled_reports

METI = (
    "---\ntitle: \"経産省、半導体製造装置の輸出管理を強化 / METI to widen chip-tool export controls\"\n"
    "publisher: Kanto Business Wire\ndate: 2026-10-14\n---\n\n"
    "TOKYO — The Ministry of Economy, Trade and Industry said on Tuesday it would add nine kinds of chip-making "
    "tools, among them etching and wafer-bonding machines, to the goods that need an export licence from March 1.\n\n"
    "Shipments of the tools to countries outside a list of 42 partners will need a licence for each buyer, the "
    "ministry said, and comments from industry will be taken until November 20.\n\n"
    "Trade minister Akira Honda said the step was \"not aimed at any one country\".\n\n"
    "China's commerce ministry said it \"firmly opposes\" the export controls and that Beijing would \"take the "
    "measures needed\" to protect Chinese chipmakers.\n\n"
    "経済産業省は、先端半導体の製造装置の輸出管理を強める。\n")
IMPORTS = (
    "---\ntitle: Chinese firms' imports of chipmaking tools from Japan rose sharply\npublisher: Harbour Trade Review\n"
    "date: 2026-07-02\n---\n\n"
    "TOKYO — Chinese companies bought 2.1 trillion yen of chip-making tools from Japan in the first five months of "
    "the year, 61 percent more than a year earlier, according to customs figures.\n\n"
    "Traders said Chinese buyers were stocking up on deposition and etching machines before Japan tightens its "
    "export controls on chip tools, which Beijing has said it opposes.\n\n"
    "Japan's chip-tool makers sold more to China than to any other market in the period.\n")

DRONES = (
    "---\ntitle: Defence ministry bars Chinese-made drones from military bases\npublisher: Seoul Security Desk\n"
    "date: 2026-05-19\n---\n\n"
    "SEOUL — The Ministry of National Defense said on Monday that drones made in China may no longer be flown or "
    "bought for use on any military base, citing the risk that flight data could be sent abroad.\n\n"
    "Units must hand in the 1,200 Chinese-made drones they hold by the end of June, the ministry said, and will get "
    "locally made models instead.\n\n"
    "China's embassy in Seoul said the drone ban was \"based on groundless suspicion\".\n")
DRONE_IMPORTS = (
    "---\ntitle: South Korea's drone imports from China doubled last year\npublisher: Han River Economic Daily\n"
    "date: 2026-01-08\n---\n\n"
    "SEOUL — South Korea imported 310 million dollars of drones from China last year, twice the year before, "
    "trade data showed, as farms, builders and the military bought more of them.\n\n"
    "South Korean lawmakers have asked whether Chinese-made drones used by the military could send data to China.\n\n"
    "Chinese makers hold about 80 percent of the South Korean drone market.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("title_terms"),
                             {"10_meti.md": METI, "08_imports.md": IMPORTS,
                              "21_drone_ban.md": DRONES, "20_drone_imports.md": DRONE_IMPORTS})


@pytest.mark.parametrize("topic, story, other", [
    ("Japan chip-tool export controls and China's response", "METI to widen", "imports of chipmaking tools"),
    ("South Korea's military ban on Chinese-made drones", "Defence ministry bars", "drone imports from China"),
])
def test_a_brief_is_written_from_the_report_whose_title_names_its_story(engine, topic, story, other):
    brief = engine.write(topic, template="situation")
    cited = {s.title for s in brief.sources}
    assert any(story in t for t in cited), cited
    assert not any(other in t for t in cited), cited  # months earlier: another story of the same actors


def test_the_title_naming_the_most_of_the_topics_words_and_subject_anchors():
    topic = "Japan chip-tool export controls and China's response"
    titles = {"meti": "METI to widen chip-tool export controls",
              "imports": "Chinese firms' imports of chipmaking tools from Japan rose sharply",
              "cabinet": "Japan's cabinet approves budget for chips"}
    assert titled_reports(topic, frozenset({"japan"}), titles) == {"meti"}
    # the subject counts as one word of the topic: a title naming it and one word ties with two words
    assert titled_reports(topic, frozenset({"japan"}), {"a": "Japan widens chip curbs", "b": "Export curbs on chips"}) \
        == {"a", "b"}


def test_no_title_naming_the_topic_anchors_nothing():
    assert titled_reports("Japan chip-tool export controls", frozenset({"japan"}),
                          {"x": "Weather turns cold in Hokkaido"}) == set()
    assert titled_reports("Japan chip-tool export controls", frozenset({"japan"}), {}) == set()
