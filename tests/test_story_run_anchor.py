"""A brief's story is anchored on a report whose title names the topic's actors (issue 10, on-topic first; s57).

Kind: **a report of another event that names the topic's actor in passing sets the story's time.** A brief on
"Japan's controls on chipmaking tool exports" over two reports, Japan's own ("Japan adds quantum computers and
advanced chip tools to export control list", November) and China's rare-earth licences (April, whose "Japanese
carmakers have stockpiles of about six months" names Japan), was written wholly from China's licences: the story's
run of reports is anchored on the report nearest the topic in meaning (``on_topic.story_run``), China's here (its
export-licence words), and Japan's own report, seven months away, fell outside the run as "another story of the
same actors". The anchor is now the nearest report whose title names the topic's actors, when one does.

The texts were written for the project by a fresh-user helper (s55), not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts
from rag.writers.on_topic import story_run

JAPAN = (
    "---\ntitle: Japan adds quantum computers and advanced chip tools to export control list\n"
    "publisher: Tokyo Trade Monitor\ndate: 2025-11-04\nauthor: Hiroshi Tanabe\n---\n\n"
    "# Japan adds quantum computers and advanced chip tools to export control list\n\n"
    "**TOKYO** — Japan's Ministry of Economy, Trade and Industry (METI) said on **Tuesday** it would add 23 items to "
    "the list of goods that require an export licence, including quantum computers with more than 34 qubits, "
    "cryogenic probers and equipment for gate-all-around transistor production.\n\n"
    "The revised order takes effect on *January 15, 2026*, after a 30-day public comment period, METI said. "
    "Exporters shipping the items to any destination outside a group of 42 partner countries will need a licence, "
    "which METI said it aims to process within 90 days.\n\n"
    "Trade minister Yoji Muto said the move was \"not aimed at any specific country\" and was taken to keep pace with "
    "the Wassenaar Arrangement, where talks have stalled.\n\n"
    "China's Ministry of Commerce said on Wednesday it \"firmly opposes\" the measure and would \"take necessary "
    "measures to safeguard the legitimate rights of Chinese companies.\"\n\n"
    "Tokyo Electron shares fell 2.1% in Tokyo trading after the announcement. Analysts at Mizuho estimated the rule "
    "could affect about ¥120 billion ($800 million) of annual sales to China.\n")
CHINA = (
    "Title: China launches licence regime for rare-earth magnet exports\nPublisher: Asia Commodities Daily\n"
    "Date: 2025-04-07\nAuthor: Zhou Min\n\n"
    "BEIJING, April 7 - China's Ministry of Commerce said on Friday that exporters of seven medium and heavy rare "
    "earths, including dysprosium and terbium, and magnets that contain them, must apply for a licence for every "
    "shipment, starting immediately.\n\n"
    "The ministry said licence applications would be decided within 45 working days. Exporters must name the end "
    "user and state how the material will be used.\n\n"
    "Industry group the China Rare Earth Industry Association said about 90% of the world's processed heavy rare "
    "earths are refined in China.\n\n"
    "Japanese carmakers have stockpiles of about six months, according to a report by the Japan Automobile "
    "Manufacturers Association published last month.\n\n"
    "\"We are not banning anything; we are regulating exports of dual-use items in line with international "
    "practice,\" ministry spokesperson He Yadong said.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("story_anchor"),
                             {"02_japan_export_list.md": JAPAN, "05_china_rare_earth.txt": CHINA})


@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_brief_on_japans_controls_is_written_from_japans_report(engine, template):
    brief = engine.write("Japan's controls on chipmaking tool exports", template=template)
    cited = {s.title for s in brief.sources}
    assert any("Japan adds quantum computers" in t for t in cited), cited
    assert not any("rare-earth" in t for t in cited), cited  # China's licences are another story


def test_the_run_is_anchored_on_a_preferred_report_when_one_is_dated():
    published = {"china": "2025-04-07", "japan": "2025-11-04"}
    meaning = {"china": 0.53, "japan": 0.51}
    assert story_run(published, meaning) == story_run({"china": "2025-04-07"}, meaning)  # nearest in meaning
    japan_run = story_run(published, meaning, prefer={"japan"})
    assert japan_run is not None and japan_run[0].isoformat() == "2025-11-04"
    # a preferred document that is not dated anchors nothing: the nearest dated one does
    assert story_run(published, meaning, prefer={"undated"}) == story_run(published, meaning)
