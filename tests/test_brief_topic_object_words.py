"""A topic brief quotes and counts only reports of the topic's object, not reports sharing its generic words (issue
10, s66's new user, F13: "Chinese heavy rare earth export licensing" quoted the Entity List's quantum listing and
Malaysia's AI-chip permits and said "High: three independent on-topic reports" when one report was of rare earths).

Kind: **a topic's distinctive words.** A topic's object is often two general words news seldom puts together ("rare
earth", "machine tool", "hard drive"): each word alone is general vocabulary, the pair is not
(``general_pairs.txt``), so the pair is one distinctive term (``on_topic.distinctive_terms``). And on a topic whose
only actors are countries, a word every report tells ("export") tells none apart: the rarer words must be told
(``on_topic.topic_words_told``); the confidence line counts the on-topic reports so decided.

Articles written for this spec (Indian, Vietnamese and Thai stories; none from any data set).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts
from rag.writers.on_topic import distinctive_terms

ARTICLES = [
    ("in_tools.md", "2026-08-04", "India curbs exports of CNC machine tools to Russia",
     "NEW DELHI — India's Directorate General of Foreign Trade on Monday required exporters to obtain a licence before "
     "shipping computer-controlled machine tools to Russia. The rule covers lathes and milling machines with a "
     "positioning accuracy finer than 6 microns. Officials said 212 machine tools worth $38 million were exported to "
     "Russia last year."),
    ("in_drones.md", "2026-08-11", "India adds drone engines to its export control list",
     "NEW DELHI — India on Tuesday added small turbine engines for drones to its SCOMET export control list, "
     "requiring a licence for every shipment abroad. The commerce ministry said exporters would have 30 days to "
     "apply for licences for goods already contracted."),
    ("in_sats.md", "2026-08-20", "India grants export licences for satellite parts to U.S. buyers",
     "BENGALURU — India granted 14 export licences for satellite reaction wheels and star trackers to American "
     "buyers in July, the Department of Space said on Thursday. The licences cover $9 million of components."),
    ("vn_ree.md", "2026-09-02", "Vietnam suspends rare earth export permits for Lai Chau mine",
     "HANOI — Vietnam's trade ministry on Wednesday suspended export permits for rare earth concentrate from the "
     "Dong Pao mine in Lai Chau province, pending an audit of its output. The mine shipped 1,800 tonnes of rare earth "
     "concentrate abroad last year, the ministry said."),
    ("vn_gpu.md", "2026-09-09", "Vietnam tightens export permits for AI servers",
     "HANOI — Vietnam will require export permits for servers holding advanced AI processors from October, the "
     "industry ministry said on Tuesday. Exporters must name the end user of every server shipped abroad."),
    ("vn_fish.md", "2026-09-15", "Vietnam customs seize drones declared as toys for export",
     "HAIPHONG — Vietnamese customs officers seized 340 military-grade drones declared as toys in an export "
     "consignment bound for Cambodia, the General Department of Customs said on Monday. The exporter had no permit."),
    ("th_hdd.md", "2026-10-05", "Thai hard drive exports to China jump 40%",
     "BANGKOK — Thailand's exports of hard drives to China rose 40% in September to 9.2 million units, the commerce "
     "ministry said on Monday. Seagate and Western Digital assemble most of the hard drives made in Thailand."),
    ("th_rice.md", "2026-10-12", "Thailand requires export licences for drone parts",
     "BANGKOK — Thailand will require export licences for drone flight controllers and motors bound for China from "
     "November, the commerce ministry said on Friday. Exporters to China must register each buyer."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    # each report from its own publisher: the confidence counts one publisher's reports once
    texts = {name: f"# {title}\n\nPublished: {day} · Publisher: {name.split('.')[0].title()} Daily\n\n{body}\n"
             for name, day, title, body in ARTICLES}
    return engine_over_texts(tmp_path_factory.mktemp("topic_object_words"), texts)


@pytest.mark.parametrize("topic, object_term", [
    ("Chinese heavy rare earth export licensing", "rare-earth"),
    ("Indian machine tool export controls", "machin-tool"),
    ("Thai hard drive exports", "hard-drive"),
    ("German heavy water shipments", "heavi-water"),
])
def test_two_general_words_seldom_together_are_one_distinctive_term(topic, object_term):
    assert object_term in distinctive_terms(topic)


@pytest.mark.parametrize("topic", ["semiconductor supply chain security", "prime minister visit to Seoul"])
def test_a_general_pair_is_no_distinctive_term(topic):
    assert not any("-" in t for t in distinctive_terms(topic)), distinctive_terms(topic)


@pytest.mark.parametrize("topic, own, others", [
    ("Indian machine tool export controls", "CNC machine tools", ("drone engines", "satellite parts")),
    ("Vietnamese rare earth export permits", "rare earth export permits", ("AI servers", "drones declared")),
    ("Thai hard drive exports", "hard drive exports", ("drone parts",)),
])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_brief_quotes_and_counts_only_reports_of_its_object(engine, topic, own, others, template):
    brief = engine.write(topic, template=template)
    assert not brief.abstained, brief.message
    cited = {s.title for s in brief.sources if any(c.doc_id == s.doc_id for cl in
                                                   [c for sec in brief.sections for c in sec.claims]
                                                   for c in cl.citations)}
    assert any(own in t for t in cited), cited
    assert not any(o in t for t in cited for o in others), cited
    assert brief.confidence.level == "low" and "one independent on-topic report" in brief.confidence.reason, \
        brief.confidence
