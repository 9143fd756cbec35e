"""Competing hypotheses from what the sources report (issue 10, item 5), specified on fresh stories.

- When the sources label no hypotheses of their own, the brief lists the explanations they report in prose (an
  official's stated reason, the motive critics allege), each attributed ("<outlet> reports the explanation: …"),
  with evidence for and against where the sources give it; never as the brief's own finding.
- A prescription ("Japan should ...", "the government must ...") explains nothing that happened: never listed.
- A watch-list item or a forecast with a causal word ("in response to") is no explanation.
- When no source gives a reason, the section says plainly that the sources offer no competing explanation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.hypotheses import explains, prescribes

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def passage(text: str, *, doc: str, n: int = 0, title: str = "", published: str = "2024-04-10", kind: str = "news") -> EvidencePassage:
    meta = {"title": title, "published": published, "publisher": doc, "kind": kind}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


@pytest.fixture(scope="module")
def assessment():
    return TemplateLibrary(PROMPTS).get("assessment")


def hypotheses(draft):
    return next(s for s in draft.sections if s.name == "hypotheses").claims


@pytest.mark.parametrize("text", [
    "Officials said the decision to halt the exports was based on a shortage of smelting capacity.",
    "Critics said the ban was driven by a dispute with the European Union over palm oil.",
    "Seoul urged Tokyo to withdraw what it described as a politically motivated measure.",
    "The curbs were imposed in retaliation for the court rulings, diplomats said.",
    "The ministry said it suspended the licences because of repeated safety violations.",
])
def test_a_sentence_that_gives_a_reason_explains(text):
    assert explains(text) and not prescribes(text)


@pytest.mark.parametrize("text", [
    "There's probably no reason for any actions to be taken, a White House spokesman said of the drills.",
    "The announcement followed talks between the two ministers in Hanoi.",
    "Ministers met in order to review the list of restricted items.",
])
def test_a_sentence_that_gives_no_reason_does_not_explain(text):
    assert not explains(text)


@pytest.mark.parametrize("text", [
    "Japan should tighten its export controls because China's rise changes the balance.",
    "The government must improve its technology controls, including investment controls, for security reasons.",
    "It is essential that allies coordinate their curbs in response to Beijing's moves.",
    "Manila needs to diversify its suppliers due to the risk of disruption.",
])
def test_a_prescription_explains_nothing(text):
    assert prescribes(text) and not explains(text)


NICKEL = "Indonesia bans nickel ore exports"
REPORT = passage(
    "Indonesia banned exports of nickel ore from January, the energy ministry said on Monday. "
    "Officials said the decision to halt nickel ore exports was based on the need to process the ore in domestic smelters. "
    "European Union diplomats said the nickel ban was driven by a dispute over EU curbs on Indonesian palm oil. "
    "The ministry said 13 new smelters had opened on Sulawesi since 2020. "
    "Indonesian officials denied that the palm oil dispute played any part in the nickel ban.",
    doc="jakartapost", title="Indonesia bans nickel ore exports",
)
ESSAY = passage(
    "Indonesia should reconsider the nickel ore ban because smelter investment depends on stable rules. "
    "Jakarta must give miners time to adapt to the nickel ore export ban.",
    doc="essay", n=1, title="Indonesia's nickel ban needs a rethink", kind="opinion essay",
)


def test_the_explanations_a_report_gives_are_listed_attributed_with_their_evidence(writer, assessment):
    draft = writer.write(NICKEL, assessment, [REPORT, ESSAY], as_of=None)
    hyps = hypotheses(draft)
    texts = [c.text for c in hyps]
    assert any("based on the need to process the ore" in t for t in texts), texts
    assert any("driven by a dispute over EU curbs" in t for t in texts), texts
    assert all(c.role in ("hypothesis", "judgement") for c in hyps)  # offered or assessed, never stated as fact
    dispute = next(c for c in hyps if "driven by a dispute" in c.text)
    assert any("denied" in e.text for e in dispute.evidence_against), [e.text for e in dispute.evidence_against]


def test_a_prescription_is_never_listed_as_an_explanation(writer, assessment):
    draft = writer.write(NICKEL, assessment, [REPORT, ESSAY], as_of=None)
    assert not any("should" in c.text or "must" in c.text for c in hypotheses(draft)), [c.text for c in hypotheses(draft)]


#: (topic, the report, a fragment no listed explanation may hold): a sentence with a causal word that says no why
NOT_EXPLANATIONS = {
    # a watch-list item
    "watch item": ("Vietnam expels Chinese survey ships", passage(
        "Vietnam's coast guard expelled two Chinese survey ships from Vanguard Bank on Tuesday, the foreign ministry said. "
        "The foreign ministry said the survey ships entered Vietnam's exclusive economic zone on Sunday. "
        "What to watch: any reciprocal patrols by Chinese coast guard vessels in response to the expulsion.",
        doc="vnexpress", title="Vietnam expels Chinese survey ships from Vanguard Bank"), "in response to"),
    # an event with its purpose: what was done, not why
    "event's purpose": ("US asks Netherlands to curb chip tool sales to China", passage(
        "US officials asked the Dutch government on Tuesday to join efforts aimed at curbing China's chipmaking progress. "
        "The request was made by the commerce secretary during a visit to The Hague on Tuesday. "
        "Dutch officials said on Wednesday that they would study the request.",
        doc="reuters", title="US asks Netherlands to curb chip tool sales to China"), "aimed at curbing"),
    # a reason for an aside that names none of the topic's terms
    "aside": ("China's push for a security pact with Pacific island nations", passage(
        "China's foreign minister proposed a security pact to ten Pacific island nations on Monday, officials said. "
        "With borders closed across the region because of the pandemic, most ministers attended the Fiji meeting by video link. "
        "Samoa's prime minister said on Tuesday that the island nations would not sign the security pact yet.",
        doc="abc", title="Pacific nations hold off on China security pact"), "video link"),
}


@pytest.mark.parametrize("kind", list(NOT_EXPLANATIONS))
def test_a_causal_word_that_says_no_why_is_no_explanation(writer, assessment, kind):
    topic, report, fragment = NOT_EXPLANATIONS[kind]
    draft = writer.write(topic, assessment, [report], as_of=None)
    assert not any(fragment in c.text for c in hypotheses(draft)), [c.text for c in hypotheses(draft)]


def test_when_no_source_gives_a_reason_the_section_says_so(writer, assessment):
    plain = passage(
        "Kenya's central bank raised its benchmark rate to 9.5 percent on Tuesday, the bank said. "
        "The bank's monetary policy committee met in Nairobi on Monday and Tuesday. "
        "The shilling traded at 121 to the dollar on Tuesday.",
        doc="nation", title="Kenya raises benchmark rate to 9.5 percent",
    )
    draft = writer.write("Kenya raises benchmark rate", assessment, [plain], as_of=None)
    assert hypotheses(draft) == []
    assert "no competing explanation" in assessment.section("hypotheses").empty_text()
