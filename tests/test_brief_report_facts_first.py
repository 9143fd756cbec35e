"""A topic told by one news report and one analysis is written from the report's facts first (issue 10, F14: a new
user's two-article topic cited only the analysis; facts first, judgements attributed).

Kind: **an analysis that echoes the topic's words makes them the story's subject.** A lower-case topic word the
evidence's titles and ledes make their subject is read as an actor every report must name (``actor_names._head``):
an analysis titled and opened with the topic's own words ("Philippine curbs on nickel ore exports signal …", "The
Philippines' curbs on nickel ore exports are …") made "curbs" such an actor, and the report, which says the
department "suspended nickel ore shipments", was set aside as another story. The subject is now read from the news
reports' openings when there are any. Articles written for this spec, through the offline writer (MiniLM).
"""

from __future__ import annotations

import pytest

from conftest import article_evidence

PAIRS = [
    ("Philippine curbs on nickel ore exports",
     ("Manila halts nickel ore shipments to two smelters",
      "MANILA (Luzon Wire) - The Philippines' Department of Environment and Natural Resources on Wednesday suspended "
      "nickel ore shipments from three mines in Surigao to two Chinese-owned smelters in Indonesia.\n\nThe department "
      "said the mines had exceeded their extraction quotas by 1.2 million tonnes. The suspension will last 60 days."
      "\n\nThe smelters' operator, Tsingshan Holding, declined to comment."),
     ("Analysis: Philippine curbs on nickel ore exports signal a resource nationalist turn",
      "The Philippines' curbs on nickel ore exports are the clearest sign yet that Manila wants to copy Indonesia's "
      "playbook. By restricting ore exports, the government hopes to force miners to build smelters at home. Critics "
      "argue the curbs could scare away foreign investors. The Philippine curbs on nickel ore exports will test the "
      "government's resolve.")),
    ("Indonesian restrictions on bauxite exports",
     ("Jakarta stops bauxite cargoes from four West Kalimantan miners",
      "JAKARTA (Nusantara Wire) - Indonesia's energy and mineral resources ministry on Monday revoked the shipping "
      "permits of four bauxite miners in West Kalimantan, halting about 2 million tonnes of cargoes bound for China."
      "\n\nThe ministry said the miners had failed to show progress on alumina refineries they promised to build by "
      "2025.\n\nOne of the miners, Borneo Alumina Resources, said it would challenge the decision in court."),
     ("Analysis: Indonesian restrictions on bauxite exports come at a price",
      "Indonesian restrictions on bauxite exports are meant to push miners into refining. Jakarta's restrictions on "
      "bauxite exports may succeed where its earlier attempts failed. Yet the restrictions could cost the state "
      "billions in lost royalties. Indonesian restrictions on bauxite exports will be watched closely by Chinese "
      "refiners.")),
    ("Malaysian limits on rare earth exports",
     ("Kuala Lumpur freezes rare earth concentrate shipments from Pahang plant",
      "KUALA LUMPUR (Straits Ledger) - Malaysia's investment, trade and industry ministry on Thursday froze export "
      "permits for rare earth concentrate from a processing plant in Pahang run by Gebeng Minerals.\n\nThe ministry "
      "said the plant had shipped 800 tonnes of unprocessed ore disguised as concentrate. Gebeng Minerals said it was "
      "reviewing the order."),
     ("Opinion: Malaysian limits on rare earth exports are a bargaining chip",
      "Malaysian limits on rare earth exports are a bargaining chip in Kuala Lumpur's talks with Beijing. The limits "
      "on rare earth exports could help Malaysia win investment in processing. Still, Malaysian limits on rare earth "
      "exports risk alienating buyers in Japan and Europe.")),
]


@pytest.fixture(scope="module")
def writer(minilm):
    from rag.writers.extractive import ExtractiveWriter

    return ExtractiveWriter(minilm)


def _report_sentences(report: tuple[str, str]) -> list[str]:
    from rag.text.sentences import sentence_texts

    return [" ".join(s.split()) for s in sentence_texts(report[1])]


@pytest.mark.parametrize("template", ["situation", "assessment"])
@pytest.mark.parametrize("topic, report, analysis", PAIRS)
@pytest.mark.parametrize("analysis_first", [True, False])
def test_the_reports_facts_lead_a_brief_beside_an_analysis_that_echoes_the_topic(writer, library, template, topic,
                                                                                 report, analysis, analysis_first):
    order = (analysis, report) if analysis_first else (report, analysis)
    draft = writer.write(topic, library.get(template), article_evidence(*order), as_of="2022-09-10")
    assert not draft.abstain
    facts = _report_sentences(report)
    lead = " ".join(draft.sections[0].claims[0].text.split())
    assert lead in facts  # the report's lede leads: facts first
    quoted = [" ".join(c.text.split()) for s in draft.sections for c in s.claims]
    assert sum(q in facts for q in quoted) >= 2  # and the report's other facts are there
