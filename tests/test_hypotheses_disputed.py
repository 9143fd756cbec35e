"""A rejected explanation is a competing hypothesis (issue 10, item 5), specified on stories other than the one a user
saw.

Seen on the sample corpus (Japan's 2019 curbs on South Korea): "They have rejected suggestions that the move was
driven by worsening ties ... related to historical issues" states a rival explanation in order to deny it, and the
brief said "The sources offer one explanation; none competes with it."

- A sentence that states an explanation to reject, deny or dispute it ("rejected suggestions that X was driven by
  Y", "denied that the move was retaliation for Y", "dismissed claims it was linked to Y", "critics say it is
  politically motivated") is an explanation the sources report: listed as a competing hypothesis, whatever role the
  classifier gives the denial, with the denial (attributed) as its evidence against.
- A denial of a fact that gives no reason ("denied that any shipments had been diverted") is no explanation.
"""

from __future__ import annotations

import pytest

from rag.writers.hypotheses import disputes
from tests.test_hypotheses_reported import assessment, hypotheses, passage  # noqa: F401 (assessment: a fixture)


@pytest.mark.parametrize("text", [
    "Beijing has rejected suggestions that the gallium curbs were driven by anger over the Dutch chip rules.",
    "The ministry denied that the port inspections were retaliation for Canberra's call for a virus inquiry.",
    "Officials dismissed claims that the fishing ban was linked to the dispute over the Senkaku islands.",
    "Critics say the new data-transfer licence is politically motivated.",
    "Seoul has rejected accusations that the antitrust probe was motivated by the coming election.",
    "Manila disputed reports that the visa freeze was a response to Beijing's coast guard manoeuvres.",
    "Ottawa rebuffed allegations that the student visa cap was imposed in retaliation for India's expulsions.",
])
def test_an_explanation_stated_to_be_denied_is_disputed(text):
    assert disputes(text)


@pytest.mark.parametrize("text", [
    # a denial of a fact: no reason is given
    "The ministry denied that any photoresist shipments had been diverted to North Korea.",
    "Samsung dismissed reports that it would move memory production out of South Korea.",
    "The company denied the allegations of chip smuggling through Singapore.",
    # a refusal of a request, no reason
    "Beijing rejected the EU's request to lift the licence requirement on rare-earth magnets.",
    # an explanation that nobody disputes
    "Tokyo said the curbs were based on security concerns about sensitive materials.",
    # a disputed prescription is advice
    "Critics say Jakarta should lift the nickel ban because smelters depend on stable rules.",
])
def test_a_denial_that_gives_no_reason_is_not_a_disputed_explanation(text):
    assert not disputes(text)


#: (topic, the report, a fragment of the disputed explanation, a fragment of the explanation the source states or None)
STORIES = {
    "gallium": ("China's 2023 gallium export curbs", passage(
        "China imposed export licences on gallium and germanium from August 1, the commerce ministry said on Monday. "
        "The commerce ministry said the gallium licences were based on national security and the metals' military uses. "
        "Chinese officials have rejected suggestions that the gallium curbs were driven by anger over Dutch chip-tool rules. "
        "Gallium exports fell to zero in August, customs data showed.",
        doc="scmp", title="China curbs gallium and germanium exports", published="2023-09-20"),
     "rejected suggestions", "based on national security"),
    "barley": ("China's 2020 tariffs on Australian barley", passage(
        "China imposed tariffs of 80.5 percent on Australian barley on May 18, the commerce ministry said. "
        "Chinese officials said the decision to impose the barley tariffs was based on evidence of dumping. "
        "The commerce ministry denied that the barley tariffs were retaliation for Canberra's call for a virus inquiry. "
        "Australian barley growers shipped 2.5 million tonnes to China last year.",
        doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19"),
     # the stated reason is typed an event in this short report (a reported event is never listed): the denied one
     # is listed alone
     "denied that the barley tariffs", None),
    # the denial depends on the sentence before ("They ..."): quoted with it, what is denied is the dependent sentence
    "timber": ("China's 2021 suspension of Lithuanian timber imports", passage(
        "China suspended imports of Lithuanian timber on Tuesday, the customs agency said. "
        "Chinese officials said the decision to suspend Lithuanian timber imports was based on pests found in shipments. "
        "Chinese customs officials said on Wednesday that inspectors had checked 40 Lithuanian timber cargoes. "
        "They have rejected suggestions that the timber suspension was driven by anger over the Taiwanese office in Vilnius. "
        "Lithuanian sawmills shipped timber worth 20 million euros to China last year.",
        doc="lrt", title="China suspends Lithuanian timber imports", published="2021-12-15"),
     "rejected suggestions that the timber", None),
}


@pytest.mark.parametrize("story", list(STORIES))
def test_a_disputed_explanation_competes_with_the_denial_against_it(writer, assessment, story):
    topic, report, disputed, stated = STORIES[story]
    hyps = hypotheses(writer.write(topic, assessment, [report], as_of=None))
    texts = [c.text for c in hyps]
    assert stated is None or any(stated in t for t in texts), texts
    rival = next((c for c in hyps if disputed in c.text), None)
    assert rival is not None, texts
    assert rival.role in ("hypothesis", "judgement")  # attributed, never the brief's finding
    assert any(disputed in e.text for e in rival.evidence_against), [e.text for e in rival.evidence_against]
    # the denial is against the explanation it denies, not against the one the source states
    assert not any(disputed in e.text for c in hyps if c is not rival for e in c.evidence_against), texts


def test_a_denial_of_a_fact_is_not_listed(writer, assessment):
    report = passage(
        "Japan tightened export approvals for photoresists bound for South Korea on July 4, the trade ministry said. "
        "The trade ministry said the photoresist approvals were based on a lack of trust over export management. "
        "South Korea's trade ministry denied that any photoresist shipments had been diverted to North Korea. "
        "Samsung said on Friday that its photoresist stocks would last three months.",
        doc="yonhap", title="Japan tightens photoresist approvals", published="2019-07-12")
    hyps = hypotheses(writer.write("Japan's 2019 photoresist curbs on South Korea", assessment, [report], as_of=None))
    assert not any("denied that any photoresist" in c.text for c in hyps), [c.text for c in hyps]
