"""A topic naming two things of one act ("Chinese graphite and antimony export controls") is one story: a brief on it
quotes the reports of that act, not every report of the same country's export controls, and its confidence counts
only those reports (s70's new user, F6: "Chinese gallium and germanium export controls" over a small corpus was
padded with Malaysia's freight-forwarder probe, the Dutch-Japanese lithography talks, a rare-earth review and a US
Entity List rule, and its confidence read "High: four independent on-topic reports" when one report told the topic).

Two mechanisms (``rag/writers/on_topic.py``):
- ``topic_words_told`` split such a topic at "and" into "Chinese graphite" and "antimony export controls" and let a
  report tell either half: any China export-control report told the second half's "export" as fully as the best report
  less one. The halves of a story name an actor each (``story_clauses``: "South Korea memory tool export licences and
  China's polysilicon probe"); a topic without an actor per half is told as a whole.
- ``topical_documents`` counted the topic's own words from the English reports only: a report in Chinese tells
  "gallium" by 镓 through its glossary readings (``cross_lingual.english_readings``), so it is the best-told report and
  an English export-control report naming neither metal is another story.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from rag.writers.on_topic import distinctive_terms, story_actors, topic_words_told

ARTICLES = {
    # the story: China's graphite and antimony controls, in two English reports
    "s1.txt": ("China tightens export licensing for graphite and antimony", "Pacific Trade Wire", "2026-10-09",
               "China's commerce ministry said on Thursday that exporters of spherical graphite and antimony ingots "
               "must apply for a licence for each shipment from December 1.\n\n"
               "The ministry said the graphite and antimony rules protect national security and meet "
               "non-proliferation obligations.\n\n"
               "China refines most of the world's battery graphite."),
    "s2.txt": ("Battery makers scramble as graphite and antimony licences take effect", "Harbour Business Daily",
               "2026-12-03",
               "Korean and Japanese battery makers said on Wednesday that the first graphite licences under China's "
               "new rules had taken three weeks to arrive.\n\n"
               "Antimony traders in Rotterdam said export prices rose 12 percent since the rules were announced."),
    # other China export-control stories of the same months
    "p1.txt": ("China adds drone engines to its export control list", "Pacific Trade Wire", "2026-10-20",
               "China's commerce ministry said on Monday it had added drone engines and infrared cameras to its "
               "export control list, effective November 15.\n\n"
               "The ministry said the controls were not aimed at any country."),
    "p2.txt": ("China opens review of US chip-tool makers' export practices", "Capital Markets Ledger", "2026-11-04",
               "China's commerce ministry opened a review on Tuesday into whether two US chip-tool makers had "
               "complied with Chinese export control law when servicing machines in Wuxi.\n\n"
               "The review could last six months, the ministry said."),
    "p3.txt": ("Chinese customs seize rare earth magnets bound for Vietnam", "Southern Port News", "2026-11-18",
               "Customs officers in Shenzhen seized 4 tonnes of rare earth magnets declared as toys, China's customs "
               "administration said on Monday, in a case of suspected evasion of export controls."),
}

# the same kind in a Chinese report: germanium and gallium told only in Chinese (镓, 锗), padding in English
ZH = {
    "z1.txt": ("商务部对镓锗物项出口管制作出调整", "华南经贸报", "2026-10-28",
               "商务部28日发布公告，自2026年12月1日起对镓、锗相关物项的出口管制作出调整。\n\n"
               "出口经营者须向商务部申请许可。"),
    "q1.txt": ("China adds drone engines to its export control list", "Pacific Trade Wire", "2026-10-20",
               "China's commerce ministry said on Monday it had added drone engines and infrared cameras to its "
               "export control list, effective November 15.\n\n"
               "The ministry said the controls were not aimed at any country."),
    "q2.txt": ("China opens review of US chip-tool makers' export practices", "Capital Markets Ledger", "2026-11-04",
               "China's commerce ministry opened a review on Tuesday into whether two US chip-tool makers had "
               "complied with Chinese export control law when servicing machines in Wuxi."),
}

TOPIC = "Chinese graphite and antimony export controls"
ZH_TOPIC = "Chinese gallium and germanium export controls"


@pytest.mark.parametrize("topic", [TOPIC, ZH_TOPIC, "Japanese photoresist and fluorine gas export licences"])
def test_two_things_of_one_act_are_told_together_not_as_two_halves(topic):
    actors = story_actors(topic)[0]
    things = sorted(w for w in distinctive_terms(topic) if w not in set().union(*actors) and w != "export")
    doc_stems = {"story": set(things) | {"export", "control", "licenc"}, "other": {"export", "control", "licenc"}}
    assert topic_words_told(topic, actors, doc_stems, set(doc_stems)) == {"story": True, "other": False}


def test_a_story_of_two_halves_with_an_actor_each_is_still_told_half_by_half():
    topic = "South Korea memory tool export licences and China's polysilicon probe"
    actors = story_actors(topic)[0]
    doc_stems = {"seoul": {"memori", "tool", "export", "licenc", "korea"}, "beijing": {"polysilicon", "probe", "china"}}
    assert topic_words_told(topic, actors, doc_stems, set(doc_stems)) == {"seoul": True, "beijing": True}


def _cited(brief) -> set[str]:
    return {s.source_path.rsplit("/", 1)[-1] for s in brief.sources if s.source_path}


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("coordinated"), ARTICLES).write(TOPIC, template="situation")


@pytest.fixture(scope="module")
def zh_brief(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("coordinated_zh"), ZH).write(ZH_TOPIC, template="situation")


def test_the_brief_quotes_the_storys_reports_and_no_other_export_control_story(brief):
    cited = _cited(brief)
    assert "s1.txt" in cited, cited
    assert not {"p1.txt", "p2.txt", "p3.txt"} & cited, cited


def test_the_confidence_counts_only_the_reports_of_the_topic(brief):
    assert brief.confidence.independent_sources <= 2, brief.confidence.reason
    assert brief.confidence.level != "high", brief.confidence.reason


def test_a_chinese_report_tells_the_topics_things_and_english_padding_is_left_out(zh_brief):
    cited = _cited(zh_brief)
    assert "z1.txt" in cited, cited
    assert not {"q1.txt", "q2.txt"} & cited, cited
    assert zh_brief.confidence.level == "low" and zh_brief.confidence.independent_sources == 1, zh_brief.confidence.reason
