"""A brief's event sections agree with what the brief itself quotes, and a quote joining a report and the source's
judgement of it is credited as both (issue 10; fresh user s33).

Seen on the sample corpus: "China's export restrictions on Japanese firms" (situation) was titled with the
WorldWideWatchers headline that reports the restrictions, yet "What happened" read "No evidence in the corpus for
what happened."; the battery assessment's bottom line quoted "Japan has reportedly denied … The decision, reported
… by Nikkei Asia, signals …" credited "assesses" and "Key developments" read "No evidence in the corpus for key
developments." The kinds: (1) an event section left empty because its one report was quoted first elsewhere says
"no evidence" (``quoted_once.reported_elsewhere`` now points to the quote); (2) a quote of a reported sentence and the
judgement that leans on it takes the judgement's verb for both (``attribution.joined_views`` now gives each sentence
its own credit, the rule answers use: ``answer_credit.credit_answer``). Written inputs of four source types, then
every topic of the sample corpus in both brief templates.
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim, Source
from rag.pipeline import Engine
from rag.types import Chunk
from rag.writers.answer_credit import credit_answer
from rag.writers.attribution import attribute_claims, joined_views

JOINED = [  # (source type, how it is named, a report, the judgement that leans on it, the verbs expected in order)
    ("generated", "Polaris Watch (AI-generated brief, 2026)", "Norvia halted exports of refined cobalt to Kestria on Monday.",
     "The decision signals that Norvia now treats cobalt as a strategic asset rather than a commodity.",
     ["reports", "assesses"]),
    ("generated", "Harbor Lens Intelligence (AI-generated brief, 2026)",
     "Teshima restricted sales of drone motors to Marovian companies on Friday.",
     "This move likely reflects growing concern in Teshima about its neighbour's military ambitions.",
     ["reports", "assesses"]),
    ("analysis", "Tomas Reyes (2026 essay)", "Ostrava banned wheat imports from Vellmar on Tuesday.",
     # a sentence an essay only writes gives way to its view's verb: one verb, not "writes and argues" (s66, F19)
     "It seems clear that the ban is more about politics than about mould.", ["argues"]),
    ("generated", "Archipelago Risk Desk (AI-generated brief, 2026)",
     "Pelago capped rice exports to Dunmore at half of last year's volume on Monday.",
     "The cap suggests Pelago is leveraging food exports to exert political pressure on Dunmore.",
     ["reports", "assesses"]),
]
KINDS = {"generated": "generated brief", "analysis": "policy essay", "news": "news article"}


def _joined(kind: str, name: str, *sentences: str, role: str = "judgement") -> tuple[Claim, Source, Chunk]:
    text = " ".join(sentences)
    chunk = Chunk(chunk_id="doc-0001", doc_id="doc", text=text, start=0, end=len(text), index=1,
                  metadata={"published": "2026-04-20", "kind": KINDS[kind]})
    claim = Claim(text=text, role=role, citations=[Citation(source=1, chunk_id="doc-0001", doc_id="doc", start=0,
                                                            end=len(text), quote=text)])
    return claim, Source(index=1, doc_id="doc", publisher=name, published="2026-04-20", source_type=kind,
                         attributed_as=name), chunk


@pytest.mark.parametrize("kind, name, report, judgement, verbs", JOINED, ids=[j[2].split()[0] for j in JOINED])
def test_a_report_quoted_with_its_judgement_keeps_its_own_verb_first(kind, name, report, judgement, verbs):
    claim, source, chunk = _joined(kind, name, report, judgement)
    attribute_claims([claim], {1: source})  # as the brief path does: the writer's role gives the whole one verb
    assert claim.attribution == f"{name} {verbs[-1]}"
    credit_answer(joined_views([claim]), {1: source}, {chunk.chunk_id: chunk})
    assert claim.attribution == f"{name} {' and '.join(verbs)}"


def test_only_a_view_of_more_than_one_sentence_is_credited_again():
    report, judgement = JOINED[0][2], JOINED[0][3]
    name = JOINED[0][1]
    one, source, _ = _joined("generated", name, judgement)
    event, _, _ = _joined("generated", name, report, judgement, role="event")
    offered, _, _ = _joined("generated", name, report, judgement, role="hypothesis")
    view, _, _ = _joined("generated", name, report, judgement)
    attribute_claims([one, event, offered, view], {1: source})
    assert joined_views([one, event, offered, view]) == [view]


# -- the sample corpus: every topic, both brief templates ---------------------------------------------------------

TOPICS = ["China's export restrictions on Japanese firms", "Japan denies cybersecurity approval to Chinese battery makers",
          "Japan's export restrictions on South Korea", "technology leaks from Japan to China"]
EVENT_SECTIONS = {"summary", "developments"}


@pytest.fixture(scope="module")
def briefs(sample_index):
    engine = Engine.from_settings(sample_index[0])
    return {(t, k): engine.write(t, template=k) for t in TOPICS for k in ("situation", "assessment")}


def test_an_event_section_never_says_no_evidence_beside_a_quoted_report(briefs):
    from rag.roles import classify
    from rag.text.sentences import sentence_texts

    for (topic, kind), brief in briefs.items():
        for section in brief.sections:
            if section.name not in EVENT_SECTIONS or section.claims:
                continue
            others = [c for s in brief.sections if s.name != section.name for c in s.claims]
            sentences = [x for c in others for x in sentence_texts(c.text)]
            reported = [c for c in others if c.role in ("event", "statement")] + [
                s for s, p in zip(sentences, classify(sentences)) if p.role in ("event", "statement")]
            says_none = (section.text or "").startswith("No evidence in the corpus")
            assert not (says_none and reported), (topic, kind, section.text, reported[:1])


def test_the_users_two_briefs_point_to_the_report_they_quote(briefs):
    china = next(s for s in briefs[(TOPICS[0], "situation")].sections if s.name == "summary")
    battery = next(s for s in briefs[(TOPICS[1], "assessment")].sections if s.name == "developments")
    assert china.claims or "China Imposes Export Restrictions on 20 Japanese Firms" in (china.text or "")
    assert battery.claims or "Japan has reportedly denied cybersecurity approval" in (battery.text or "")


def test_the_battery_bottom_line_credits_the_report_and_the_judgement(briefs):
    bluf = next(s for s in briefs[(TOPICS[1], "assessment")].sections if s.name == "bluf")
    denied = [c for c in bluf.claims if c.text.startswith("Japan has reportedly denied")]
    assert denied, [c.text[:60] for c in bluf.claims]
    for claim in denied:  # the report's verb first; the judgement's, when the quote carries it, after
        verbs = claim.attribution.rsplit(", ", 1)[-1]
        assert verbs.split(" and ")[0] == "reports", claim.attribution
        if "signals" in claim.text:
            assert verbs == "reports and assesses", claim.attribution
