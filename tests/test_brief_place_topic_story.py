"""A topic naming only a country is told by its own word, not by the country (issue 10, on-topic; F1 of s65's new user;
h/briefs-s66).

The kind: "lithography servicing restrictions on China" quoted the CAC's review of a U.S. memory maker and a Chinese
drone-parts report beside the one report of the servicing rules, in its bottom line, developments, gaps and
implications, and its confidence said "High: three independent on-topic reports". The other reports share only
generic words with the topic (China, rules, review, U.S.). A country is named by every story of it: when a topic's
only actors are places, its one own word (its act's object: "lithography", "graphite", "turbine") must be told by a
report (``on_topic.topic_words_told``), in every section and so in the confidence's count.

Reports written for this test (other countries, firms, numbers), through the real Engine (offline writer).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

ACT_IN = "India requires licences for graphite exports to protect battery makers"
OTHER_IN_1 = "India tightens licensing rules for cobalt imports by battery makers"
OTHER_IN_2 = "India reviews rules on lithium battery recycling after U.S. pressure"
ACT_IR = "Germany bars servicing of gas turbines at Iranian power plants"
OTHER_IR_1 = "Iran says new EU restrictions on servicing Airbus jets breach the nuclear deal"
OTHER_IR_2 = "Iran faces U.S. rules restricting repairs of its oil tankers at foreign yards"

ARTICLES = [
    ("01_in_graphite.md", "2026-03-03", ACT_IN,
     "NEW DELHI, March 3 — India's commerce ministry on Tuesday said exporters of natural and synthetic graphite "
     "must obtain a licence for every shipment from April 1, to keep supplies for domestic battery makers. The rule "
     "covers flake graphite and spherical graphite used in anodes.\n\nOfficials said exports of graphite reached "
     "410,000 tonnes last year, a third of them to Japan."),
    ("02_in_cobalt.md", "2026-03-05", OTHER_IN_1,
     "NEW DELHI, March 5 — India on Thursday tightened its licensing rules for cobalt imports by battery makers, "
     "requiring importers to register every refinery they buy from. The ministry said the rules would apply from "
     "May 1.\n\nBattery makers said the licensing rules could delay 14 pending cell plants."),
    ("03_in_recycling.md", "2026-02-27", OTHER_IN_2,
     "NEW DELHI, Feb 27 — India's environment ministry said on Friday it would review its rules on lithium battery "
     "recycling after U.S. officials raised concerns about exports of black mass to China.\n\nThe review will "
     "report by June, the ministry said."),
    ("04_ir_turbines.md", "2026-05-12", ACT_IR,
     "BERLIN, May 12 — Germany's economy ministry on Tuesday barred companies from servicing gas turbines installed "
     "at Iranian power plants, closing a gap in the rules that had allowed spare parts and repairs. Siemens Energy "
     "said 23 turbines in Iran had been serviced under older contracts.\n\nTehran said the restrictions breached "
     "earlier commitments and would not stop its turbine programme."),
    ("05_ir_airbus.md", "2026-05-14", OTHER_IR_1,
     "TEHRAN, May 14 — Iran said on Thursday that new EU restrictions on servicing Airbus jets flown by Iran Air "
     "breach the nuclear deal. The restrictions bar European firms from supplying spare parts and maintenance for "
     "the airline's 16 Airbus aircraft.\n\nIran's foreign ministry said it would take necessary measures."),
    ("06_ir_tankers.md", "2026-05-08", OTHER_IR_2,
     "Iran faces new U.S. rules restricting repairs of its oil tankers at foreign yards, the Treasury said on "
     "Friday. Shipyards in Dubai and Singapore that service Iranian tankers face sanctions.\n\nShipping analysts "
     "said the restrictions could idle 30 tankers."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("place_topic_story"), ARTICLES)


def cited_by_section(brief) -> dict[str, set[str]]:
    by_doc = {s.doc_id: s.title for s in brief.sources}
    return {sec.name: {by_doc.get(c.doc_id, "") for claim in sec.claims for c in claim.citations}
            for sec in brief.sections}


@pytest.mark.parametrize("topic, act, others", [
    ("graphite licensing rules for India", ACT_IN, (OTHER_IN_1, OTHER_IN_2)),
    ("turbine servicing restrictions on Iran", ACT_IR, (OTHER_IR_1, OTHER_IR_2)),
], ids=["graphite-india", "turbines-iran"])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_no_section_quotes_a_report_sharing_only_the_country_and_generic_words(engine, topic, act, others, template):
    brief = engine.write(topic, template=template)
    assert not brief.abstained, brief.message
    titles = [s.title for s in brief.sources]
    assert act in titles, titles
    for heading, cited in cited_by_section(brief).items():
        assert not cited & set(others), (heading, cited)


@pytest.mark.parametrize("topic", ["graphite licensing rules for India", "turbine servicing restrictions on Iran"])
def test_the_confidence_counts_only_the_reports_of_the_topics_story(engine, topic):
    brief = engine.write(topic, template="assessment")
    assert brief.confidence is not None
    assert brief.confidence.level == "low", brief.confidence
    assert "one independent on-topic report" in brief.confidence.reason, brief.confidence.reason
