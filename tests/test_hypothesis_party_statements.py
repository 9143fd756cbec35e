"""A party to the story stating its own position is that party's claim, not evidence, for or against (issue 10, s32).

Kind: evidence for or against an explanation is reporting of facts independent of the parties to the story (the
places the topic, the explanation, its holder and its denier name: ``rebuttals.parties``). s31 made the holder's own
statement "the holder's side, not evidence", but only for the holder: the fresh user's 2019 brief showed Japanese
officials' words as theirs while South Korea's minister's "an ‘emergency inspection’ found no sign of illegal
transactions" stayed plain "Evidence against" Japan's security reason. The rule is the same for every side: a quote
whose asserting speaker names a party first (``hypothesis_stance.party_statement``) is shown "Stated by … (a party to
the story, not evidence)" (``PARTY_ROLE``) and counted neither way (``evals.hypothesis_metrics.both_ways``); a finding
no one is reported asserting, a report's own fact, or a third party's words (analysts, another government) stay
evidence.

s36 (the s35 fresh user and issue 10's "evidence for/against"): stance is taken from what the sentence says. A
party reporting a *finding* that something was not so ("an ‘emergency inspection’ found no sign of illegal
transactions", ``hypotheses.negates``) gives evidence against, shown with who reports it ("Evidence against (as
South Korean Minister … Sung Yun-mo reports)"), not as that party's position; and a speaker the quote names by name
alone ("what he described as a politically motivated measure": Moon) is of the party their titled mention elsewhere
names ("South Korean President Moon Jae-in": ``hypothesis_stance.party_of``), so their characterisation is their
claim, not evidence for.
"""

from __future__ import annotations

import pytest

from evals.hypothesis_metrics import both_ways
from rag.brief import Citation, Claim
from rag.writers.hypothesis_stance import HOLDER_ROLE, PARTY_ROLE, party_statement, speaker
from rag.writers.rebuttals import parties

KOREA = "Japan's 2019 export curbs on South Korea"
BARLEY = "China's barley tariffs on Australia"
CHIPS = "US chip export controls on China"

PARTY = [
    # (the topic, a quote weighed for or against an explanation of it, the party's speaker)
    (KOREA, "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an “emergency inspection” found "
     "no sign of illegal transactions.", "South Korean Minister of Trade, Industry and Energy Sung Yun-mo"),
    (KOREA, "Seoul said an emergency inspection found no sign of illegal transactions.", "Seoul"),
    (KOREA, "Japan’s trade ministry said the materials had been shipped without proper checks.", "Japan’s trade ministry"),
    (KOREA, "“The measure is not a subject for consultation and we have no intention of withdrawing it either,” "
     "Japanese Chief Cabinet Secretary Yoshihide Suga told a news conference.", "Japanese Chief Cabinet Secretary Yoshihide Suga"),
    (BARLEY, "Australian Trade Minister Simon Birmingham said the industry had not dumped barley.",
     "Australian Trade Minister Simon Birmingham"),
    (BARLEY, "China’s commerce ministry said the duties followed an anti-dumping investigation into Australian barley.",
     "China’s commerce ministry"),
    (CHIPS, "US Commerce Secretary Gina Raimondo said the rules protect national security.", "US Commerce Secretary Gina Raimondo"),
    (CHIPS, "Beijing said the rules were an abuse of export control measures.", "Beijing"),
]

EVIDENCE = [
    # a finding no one is reported asserting, a report's own fact, a third party's words: evidence
    (KOREA, "An emergency inspection found no sign of illegal transactions."),
    (KOREA, "Japan’s trade measures followed South Korean court rulings ordering Japanese firms to compensate South "
     "Korean plaintiffs for forced World War II labor."),
    (KOREA, "Tokyo last week tightened the approval process for Japanese shipments of photoresists."),
    (BARLEY, "Australian barley exports to China fell 90 percent in 2021."),
    (BARLEY, "Analysts at Rabobank said the duties had cut prices paid to growers."),
    (CHIPS, "The rules bar sales of advanced chips to Chinese supercomputer centres, according to the Federal Register notice."),
    (CHIPS, "Dutch officials said they would decide on their own rules for lithography exports."),
]


@pytest.mark.parametrize(("topic", "text", "who"), PARTY)
def test_a_party_stating_its_position_is_that_partys_claim(topic, text, who):
    assert party_statement(text, parties([topic])) == who


@pytest.mark.parametrize(("topic", "text"), EVIDENCE)
def test_reporting_independent_of_the_parties_stays_evidence(topic, text):
    assert party_statement(text, parties([topic])) is None


def test_no_parties_no_party_statements():
    assert party_statement(PARTY[0][1], set()) is None


@pytest.mark.parametrize(("sentence", "who"), [
    # a title whose own commas are a title's is the speaker's
    ("South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that the inspection found nothing.",
     "South Korean Minister of Trade, Industry and Energy Sung Yun-mo"),
    ("The South Korean Ministry of Trade, Industry and Energy said that Seoul plans to file a complaint with the WTO.",
     "the South Korean Ministry of Trade, Industry and Energy"),
    # an opening adverbial is not
    ("In Tokyo, Japanese officials said the curbs would stay in place for now.", "Japanese officials"),
    ("Later, Moon said the curbs were politically motivated.", "Moon"),
])
def test_a_title_with_commas_is_one_speaker(sentence, who):
    assert speaker(sentence)[0] == who


def _ev(text: str, role: str = "event") -> Claim:
    return Claim(text=text, citations=[Citation(source=1, chunk_id="d-0", doc_id="d", start=0, end=5, quote="x")],
                 role=role, verified=True)


def test_a_party_statement_counts_neither_way():
    explanation = Claim(text="x", statement="x", held_by="Japanese officials",
                        evidence_for=[_ev(EVIDENCE[2][1])], evidence_against=[_ev(PARTY[0][1], PARTY_ROLE)])
    assert not both_ways(explanation)
    explanation.evidence_against.append(_ev(EVIDENCE[0][1]))
    assert both_ways(explanation)
    explanation.evidence_for = [_ev(PARTY[5][1], PARTY_ROLE)]  # for it, too: a party's claim is no evidence
    assert not both_ways(explanation)


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_2019_brief_weighs_both_parties_alike(sample_engine):
    from rag.render import brief_markdown

    brief = sample_engine.write(KOREA, template="assessment")
    listed = next(s for s in brief.sections if s.name == "hypotheses").claims
    story = parties([KOREA])
    for claim in listed:
        for ev in claim.evidence_for + claim.evidence_against:
            if ev.role not in (HOLDER_ROLE, PARTY_ROLE, "rebuttal") and not ev.held_by:  # held_by: a party's finding
                assert party_statement(ev.text, story | parties([claim.held_by, claim.denied_by]), ev.statement) is None, ev.text
    md = brief_markdown(brief)
    # the minister reports a finding: evidence against, with who reports it (s36), never his side's mere position
    assert ("Evidence against (as South Korean Minister of Trade, Industry and Energy Sung Yun-mo reports): the passage "
            "quoted under “Key developments” (“an ‘emergency inspection’ found no sign of illegal transactions”)") in md
    assert "Stated by South Korean Minister of Trade, Industry and Energy Sung Yun-mo (a party" not in md
    assert "Stated by Japanese officials (the holder's side, not evidence)" in md
    # Moon's characterisation ("what he described as a politically motivated measure") is South Korea's claim
    assert "Stated by Moon Jae-in (a party to the story, not evidence)" in md
    assert "Evidence for: the passage quoted under “Key developments” (“He was responding to Moon’s appeal" not in md


TITLED = [  # a speaker named by name alone, the sources' titled mention of them, the party's place key
    ("Moon", ["South Korean President Moon Jae-in urged that the issue be resolved through diplomacy."], "south_korea"),
    ("Sung Yun-mo", ["South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that the inspection found nothing."],
     "south_korea"),
    ("Suga", ["“We have no intention of withdrawing it,” Japanese Chief Cabinet Secretary Yoshihide Suga told reporters."], "japan"),
    ("Birmingham", ["Australian Trade Minister Simon Birmingham said the industry had not dumped barley."], "australia"),
    ("Wu", ["Taiwanese Foreign Minister Joseph Wu said the drills were a rehearsal for an invasion."], "taiwan"),
    ("Peskov", ["Kremlin spokesman Dmitry Peskov called it an attack on Russian business."], None),  # no place in the title
    ("Cole", ["J. Michael Cole, a Taipei-based senior fellow, said Beijing would respond."], None),  # a title after the name
    ("Raimondo", [], None),  # never named in full
    ("Japanese officials", [], "japan"),  # their own words name the party
]


@pytest.mark.parametrize(("who", "texts", "key"), TITLED)
def test_a_speaker_named_alone_is_of_the_party_their_title_names(who, texts, key):
    from rag.writers.hypothesis_stance import party_of

    assert party_of(who, texts) == key


def test_a_characterisation_by_a_party_named_alone_is_that_partys_claim():
    text = ("He was responding to Moon’s appeal for a diplomatic solution, urging Tokyo to withdraw what he described "
            "as a politically motivated measure.")
    titled = ["South Korean President Moon Jae-in urged that the issue be resolved through diplomacy."]
    assert party_statement(text, parties([KOREA]), "what he described as a politically motivated measure", titled) == "Moon"
    assert party_statement(text, parties([KOREA]), "what he described as a politically motivated measure") is None


@pytest.mark.parametrize("finding", [
    "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an “emergency inspection” found no sign of illegal transactions.",
    "Australia’s agriculture department said its review found no evidence that growers had dumped barley.",
    "Beijing said an investigation had found no evidence of forced labour in the Xinjiang cotton supply chain.",
])
def test_a_finding_a_party_reports_is_evidence_against_with_who_reports_it(finding):
    from rag.quoted_once import QuoteLedger
    from rag.render import _weighed
    from rag.writers.hypotheses import negates

    assert negates(finding)
    found = _ev(finding)
    found.held_by = "the party's speaker"
    explanation = Claim(text="x", statement="x", held_by="the other side", evidence_against=[found])
    assert both_ways(Claim(text="x", statement="x", evidence_for=[_ev(EVIDENCE[1][1])], evidence_against=[found]))
    lines = _weighed(explanation, QuoteLedger(), "hypotheses")
    assert lines[0].startswith("    - Evidence against (as the party's speaker reports): ")
