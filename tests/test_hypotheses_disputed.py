"""An explanation the sources state in order to deny it (issue 10, item 5), specified on stories other than the one a
user saw.

Seen on the sample corpus (Japan's 2019 curbs on South Korea): "They have rejected suggestions that the move was
driven by worsening ties ... related to historical issues" states a rival explanation in order to deny it, and the
brief said "The sources offer one explanation; none competes with it." A first fix (h/hyp-s25) listed every such
denial as its own hypothesis and was reverted: a denial naming an explanation already listed must stay that
explanation's evidence against (``tests/test_on_topic.py``). Both hold:

- a denial ("rejected suggestions that X was driven by Y", "denied that the move was retaliation for Y", "dismissed
  claims it was linked to Y") whose explanation says the same as one listed (an analyst's, an official's, the one
  critics allege) is that explanation's evidence against, and is not listed itself;
- a denial whose explanation nobody else gives is a competing hypothesis, attributed, whatever role the classifier
  gives the denial, with the denial (attributed) as its evidence against, and against no other explanation;
- a denial of a fact that gives no reason ("denied that any shipments had been diverted") is no explanation.
"""

from __future__ import annotations

import pytest

from rag.writers.hypotheses import denied, explains
from tests.test_hypotheses_reported import assessment, hypotheses, passage  # noqa: F401 (assessment: a fixture)


@pytest.mark.parametrize("text, what", [
    ("Beijing has rejected suggestions that the gallium curbs were driven by anger over the Dutch chip rules.",
     "the gallium curbs were driven by anger"),
    ("The ministry denied that the port inspections were retaliation for Canberra's call for a virus inquiry.",
     "the port inspections were retaliation"),
    ("Officials dismissed claims that the fishing ban was linked to the dispute over the Senkaku islands.",
     "the fishing ban was linked"),
    ("Seoul has rejected accusations that the antitrust probe was motivated by the coming election.",
     "the antitrust probe was motivated"),
    ("Manila disputed reports that the visa freeze was a response to Beijing's coast guard manoeuvres.",
     "the visa freeze was a response"),
    ("Ottawa rebuffed allegations that the student visa cap was imposed in retaliation for India's expulsions.",
     "the student visa cap was imposed in retaliation"),
    ("Hanoi dismissed claims it was linked to the rare-earth smuggling ring.", "it was linked"),
    ("The agency has denied that the audit was revenge for the company's donations.", "the audit was revenge"),
])
def test_what_a_denial_denies_is_the_explanation_after_it(text, what):
    assert what in (denied(text) or ""), denied(text)


@pytest.mark.parametrize("text", [
    # a denial of a fact: no reason is given
    "The ministry denied that any photoresist shipments had been diverted to North Korea.",
    "Samsung dismissed reports that it would move memory production out of South Korea.",
    "The company denied the allegations of chip smuggling through Singapore.",
    # a refusal of a request, no reason
    "Beijing rejected the EU's request to lift the licence requirement on rare-earth magnets.",
    # an explanation that nobody denies
    "Tokyo said the curbs were based on security concerns about sensitive materials.",
    # a disputed prescription is advice
    "Officials rejected claims that Jakarta should lift the nickel ban because smelters depend on stable rules.",
    # the reason is given before the denial, for the denial itself
    "Because of the holiday, the ministry denied reports of a delay.",
])
def test_a_denial_that_gives_no_reason_denies_no_explanation(text):
    assert denied(text) is None


@pytest.mark.parametrize("text", [
    "Critics say the new data-transfer licence is politically motivated.",
    "Opponents argued the raid was linked to the senator's criticism of the chip subsidy.",
])
def test_a_motive_critics_allege_is_an_explanation(text):
    assert explains(text) and denied(text) is None


def test_hackers_linked_to_a_state_explain_nothing():
    assert not explains("Hackers linked to the state breached the grid operator's network in March.")


#: (topic, reports, a fragment of the denied explanation, a fragment of the explanation listed beside it or None)
NEW_RIVALS = {
    "gallium": ("China's 2023 gallium export curbs", [passage(
        "China imposed export licences on gallium and germanium from August 1, the commerce ministry said on Monday. "
        "The commerce ministry said the gallium licences were based on national security and the metals' military uses. "
        "Chinese officials have rejected suggestions that the gallium curbs were driven by anger over Dutch chip-tool rules. "
        "Gallium exports fell to zero in August, customs data showed.",
        doc="scmp", title="China curbs gallium and germanium exports", published="2023-09-20")],
        "rejected suggestions", "based on national security"),
    "barley": ("China's 2020 tariffs on Australian barley", [passage(
        "China imposed tariffs of 80.5 percent on Australian barley on May 18, the commerce ministry said. "
        "Chinese officials said the decision to impose the barley tariffs was based on evidence of dumping. "
        "The commerce ministry denied that the barley tariffs were retaliation for Canberra's call for a virus inquiry. "
        "Australian barley growers shipped 2.5 million tonnes to China last year.",
        doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19")],
        "denied that the barley tariffs", None),
    # the denial depends on the sentence before ("They ..."): quoted with it, what is denied is the dependent sentence
    "timber": ("China's 2021 suspension of Lithuanian timber imports", [passage(
        "China suspended imports of Lithuanian timber on Tuesday, the customs agency said. "
        "Chinese officials said the decision to suspend Lithuanian timber imports was based on pests found in shipments. "
        "Chinese customs officials said on Wednesday that inspectors had checked 40 Lithuanian timber cargoes. "
        "They have rejected suggestions that the timber suspension was driven by anger over the Taiwanese office in Vilnius. "
        "Lithuanian sawmills shipped timber worth 20 million euros to China last year.",
        doc="lrt", title="China suspends Lithuanian timber imports", published="2021-12-15")],
        "rejected suggestions that the timber", None),
    "fishing": ("Manila's 2024 ban on Chinese fishing trawlers", [passage(
        "The Philippines banned Chinese trawlers from fishing off Palawan on March 3, the fisheries bureau said. "
        "The fisheries bureau said the trawler ban was based on surveys showing collapsing sardine stocks. "
        "Philippine officials dismissed claims that the trawler ban was linked to the standoff at Second Thomas Shoal. "
        "Fishermen in Palawan said catches had fallen by half since 2020.",
        doc="inquirer", title="Manila bans Chinese trawlers off Palawan", published="2024-03-05")],
        "dismissed claims that the trawler ban", None),
}


def _denied_in(hyps, fragment):
    return next((c for c in hyps if fragment in c.text), None)


@pytest.mark.parametrize("story", list(NEW_RIVALS))
def test_a_denied_explanation_nobody_gives_competes_with_the_denial_against_it(writer, assessment, story):
    topic, reports, fragment, stated = NEW_RIVALS[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    texts = [c.text for c in hyps]
    assert stated is None or any(stated in t for t in texts), texts
    rival = _denied_in(hyps, fragment)
    assert rival is not None, texts
    assert rival.role in ("hypothesis", "judgement")  # attributed, never the brief's finding
    assert any(fragment in e.text for e in rival.evidence_against), [e.text for e in rival.evidence_against]
    # the denial is against the explanation it denies, not against the one the source states
    assert not any(fragment in e.text for c in hyps if c is not rival for e in c.evidence_against), texts


#: (topic, reports, the listed explanation's fragment, the denial's fragment): the denial says the same as the
#: listed explanation, so it is that one's evidence against and not a hypothesis of its own
LISTED = {
    # a critics' allegation, and the ministry's denial of it in another report
    "licence": ("Beijing's 2024 data-transfer licence for foreign carmakers", [
        passage("China required foreign carmakers to obtain a licence before sending driving data abroad, the "
                "cyberspace regulator said on Friday. Critics say the new data-transfer licence is politically "
                "motivated and aimed at Tesla.",
                doc="reuters", title="China requires licence for carmakers' data transfers", published="2024-06-14"),
        passage("China's cyberspace regulator denied that the data-transfer licence for foreign carmakers was "
                "politically motivated or aimed at Tesla, saying it applied to all carmakers. Tesla said on Saturday it "
                "would apply for the licence to send driving data from its Shanghai factory abroad.",
                doc="caixin", n=1, title="Regulator defends data-transfer licence", published="2024-06-15")],
        "politically motivated and aimed", "denied that the data-transfer licence"),
    # an analysts' judgement, and the ministry's dismissal of the same link in the same report
    "nickel": ("Indonesia's 2024 nickel ore export ban", [
        passage("Indonesia halted exports of nickel ore on January 1, the energy ministry said. "
                "The nickel ore ban is probably motivated by Jakarta's push to build domestic battery smelters, "
                "analysts said. "
                "Energy ministry officials dismissed claims that the nickel ore ban was motivated by the push for "
                "battery smelters, saying it protected reserves. "
                "Nickel ore prices in the Philippines rose 12 percent in January.",
                doc="jakpost", title="Indonesia halts nickel ore exports", published="2024-01-20")],
        "analysts said", "dismissed claims that the nickel ore ban"),
}


@pytest.mark.parametrize("story", list(LISTED))
def test_a_denial_of_a_listed_explanation_is_its_evidence_against(writer, assessment, story):
    topic, reports, listed, denial = LISTED[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    texts = [c.text for c in hyps]
    explanation = next((c for c in hyps if listed in c.text), None)
    assert explanation is not None, texts
    assert any(denial in e.text for e in explanation.evidence_against), [e.text for e in explanation.evidence_against]
    assert not any(denial in t for t in texts), texts  # not a hypothesis of its own


def test_a_denial_of_a_fact_is_not_listed(writer, assessment):
    report = passage(
        "Japan tightened export approvals for photoresists bound for South Korea on July 4, the trade ministry said. "
        "The trade ministry said the photoresist approvals were based on a lack of trust over export management. "
        "South Korea's trade ministry denied that any photoresist shipments had been diverted to North Korea. "
        "Samsung said on Friday that its photoresist stocks would last three months.",
        doc="yonhap", title="Japan tightens photoresist approvals", published="2019-07-12")
    hyps = hypotheses(writer.write("Japan's 2019 photoresist curbs on South Korea", assessment, [report], as_of=None))
    assert not any("denied that any photoresist" in c.text for c in hyps), [c.text for c in hyps]


def test_a_rendered_denied_explanation_quotes_the_denial_once():
    from rag.brief import Brief, Citation, Claim, Provenance, Section
    from rag.render import DENIED_ABOVE, brief_markdown

    cite = Citation(source=1, chunk_id="d1-0000", doc_id="d1", start=0, end=10, quote="x")
    text = "The ministry denied that the port inspections were retaliation for Canberra's call for a virus inquiry."
    denial = Claim(text=text, citations=[cite], verified=True, role="hypothesis",
                   evidence_against=[Claim(text=text, citations=[cite], verified=True)])
    prov = Provenance(template="assessment", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    brief = Brief(template="assessment", topic="t", provenance=prov, sections=[
        Section(name="hypotheses", title="Competing hypotheses", claims=[denial])])
    rendered = brief_markdown(brief)
    assert rendered.count("denied that the port inspections") == 1
    assert f"Evidence against: {DENIED_ABOVE}" in rendered
