"""A brief uses the follow-up report of its story, not only the first report (issue 10; s69's new user, F4).

Kind: **evidence selection narrows to one "main story" document and drops same-story updates.** A follow-up report
(two more defendants, a revised damage figure, an arrest after a seizure) restates the topic in one clause and
spends the rest on the new turn, so its meaning (``on_topic.topical_documents``: the mean of its closest half of
sentences) falls under the relative cut set by the first report, which restates the whole topic. The brief was then
written from one report ("1 source", Low confidence) with the old figures as the current state. A near report (the
topic's actors and words, meaning within the relaxed cut) that names the story's own names as an on-topic report
does (``on_topic.report_names``: "Hanul Materials", "Qingyuan"; at least ``SAME_STORY_NAMES`` of them, none of them
the topic's words) is that story's report and is on-topic. A report of another case of the same actors (an OLED
leak in Korea) shares none of the story's names and stays out.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from rag.writers.on_topic import SAME_STORY_NAMES, report_names

ARTICLES = {
    "01_separator.txt": (
        "Seoul prosecutors indict four over leak of battery separator technology to Chinese rival",
        "Han River Business Daily", "2026-05-06",
        "SEOUL - South Korean prosecutors on Wednesday indicted four people on charges of leaking battery separator "
        "technology from Hanul Materials to a Chinese competitor, Qingyuan New Energy.\n\n"
        "Prosecutors said the main suspect, a former Hanul Materials coating engineer surnamed Baek, copied 3,400 "
        "files on ceramic-coated separator production to a personal cloud account before joining Qingyuan New "
        "Energy in 2025.\n\n"
        "Hanul Materials estimated the damage from the battery technology leak at 120 billion won.\n\n"
        "The Ministry of Trade, Industry and Energy said the separator process is designated a national core "
        "technology under South Korea's industrial technology protection law."),
    "02_separator_followup.txt": (
        "Two more charged as Hanul Materials case grows; damage estimate put at 310 billion won",
        "Korea Ledger", "2026-06-18",
        "Prosecutors in Seoul charged two more people on Thursday in the case over the leak of battery separator "
        "technology from Hanul Materials, bringing the number of defendants to six.\n\n"
        "The new defendants are a former Hanul Materials purchasing manager and a broker who prosecutors say "
        "arranged payments of 900 million won from Qingyuan New Energy through a Macau consultancy.\n\n"
        "An outside assessment ordered by the court raised the estimated damage to 310 billion won, from the 120 "
        "billion won first cited in May.\n\n"
        "Baek's lawyer said his client would contest the charges. The first hearing at the Seoul Central District "
        "Court is set for August."),
    "03_oled.txt": (
        "South Korea charges ex-engineer over OLED display know-how sent to China",
        "Han River Business Daily", "2026-05-20",
        "SEOUL - South Korean prosecutors charged a former display engineer at Daeseong Display on Tuesday with "
        "passing OLED panel deposition know-how to a company in Hefei.\n\n"
        "The engineer is accused of emailing 210 design files to himself before resigning last year, prosecutors "
        "said.\n\nDaeseong Display put the potential loss at 45 billion won."),
    "04_drone_seizure.txt": (
        "Vietnam customs seize drone flight controllers bound for Russia via Hai Phong",
        "Mekong Trade Report", "2026-09-03",
        "HANOI - Vietnamese customs officers seized 1,800 drone flight controllers and 600 thermal camera modules at "
        "Hai Phong port, declared as toy parts and bound for Russia, the General Department of Vietnam Customs said "
        "on Thursday.\n\n"
        "The shipment was consigned by Lotus Bridge Logistics, a Hanoi freight forwarder, and had arrived from "
        "Shenzhen two weeks earlier, officials said.\n\n"
        "Customs said it was the largest seizure of drone parts smuggled through Vietnam this year."),
    "05_drone_followup.txt": (
        "Lotus Bridge director arrested; Hai Phong shipment found to hold 2,500 controllers",
        "Saigon Evening Wire", "2026-09-24",
        "Police in Hai Phong arrested the director of Lotus Bridge Logistics and two employees on Wednesday, three "
        "weeks after Vietnamese customs stopped the consignment of smuggled drone parts at the port.\n\n"
        "A recount by investigators found 2,500 flight controllers in the containers, not the 1,800 first "
        "reported, and documents tying the order to a buyer in Novosibirsk.\n\n"
        "Investigators said the firm had made at least four earlier shipments on the same route since March."),
    "06_drone_rules.txt": (
        "Vietnam tightens export checks on dual-use electronics", "Mekong Trade Report", "2026-10-01",
        "HANOI - Vietnam's Ministry of Industry and Trade said on Wednesday that exporters of drone components, "
        "thermal imaging modules and radio transceivers must file end-user certificates from November 1.\n\n"
        "The ministry said the rule responds to recent cases of drone parts smuggled through Vietnamese ports."),
    "07_subsidy.txt": (
        "Japan approves new subsidy round for power chip plants", "Kanto Business Wire", "2026-06-02",
        "TOKYO - Japan's industry ministry approved 90 billion yen in subsidies for three silicon carbide power chip "
        "plants on Tuesday, part of its plan to double domestic chip output by 2030."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("story_followup"), ARTICLES)


def _cited(brief) -> set[str]:
    return {s.title for s in brief.sources}


def test_a_brief_on_a_leak_case_uses_its_follow_up_report(engine):
    brief = engine.write("South Korea battery separator technology leak case", template="situation")
    cited = _cited(brief)
    assert any("Hanul Materials case grows" in t for t in cited), cited
    assert any("battery separator technology" in t for t in cited), cited
    assert not any("OLED" in t or "subsidy" in t for t in cited), cited  # another case of the same country
    assert brief.confidence.independent_sources >= 2, brief.confidence


def test_a_brief_on_a_smuggling_route_uses_the_seizures_follow_up(engine):
    brief = engine.write("drone parts smuggling through Vietnam", template="situation")
    cited = _cited(brief)
    assert any("Lotus Bridge director arrested" in t for t in cited), cited
    assert any("seize drone flight controllers" in t for t in cited), cited
    assert not any("subsidy" in t or "OLED" in t for t in cited), cited
    assert brief.confidence.independent_sources >= 2, brief.confidence


@pytest.mark.parametrize("text, shared", [
    # the follow-up repeats the story's firms: at least SAME_STORY_NAMES names in common
    ("Prosecutors charged two more people in the Hanul Materials case over payments from Qingyuan New Energy.", True),
    # another case of the same country shares none of them (the topic's own words are not the story's names)
    ("South Korean prosecutors charged an engineer at Daeseong Display over OLED know-how sent to Hefei.", False),
])
def test_story_names_are_the_names_a_follow_up_repeats(text, shared):
    topic = "South Korea battery separator technology leak case"
    first = report_names(topic, ARTICLES["01_separator.txt"][3])
    assert (len(report_names(topic, text) & first) >= SAME_STORY_NAMES) is shared


def test_story_names_leave_out_the_topics_words_and_general_vocabulary():
    names = report_names("battery separator leak", "Prosecutors said the Battery Separator leak at Hanul Materials grew.")
    assert "hanul" in names
    assert not names & {"batteri", "separ", "leak", "prosecutor", "said"}
