"""Evidence for an explanation bears on why the act happened, not on the act itself; an explanation no one in its
own quote holds is held by whoever its evidence for quotes asserting it (issue 10, item 5), on stories other than
the one a user saw.

Seen on the sample corpus (``brief write "Japan's 2019 export curbs on South Korea" --template assessment``):

- the security explanation ("the decision to tighten controls was based on a lack of trust that posed a risk to
  national security") had as evidence for "Tokyo last week tightened the approval process for Japanese shipments of
  photoresists and other sensitive materials to South Korean companies": the measure being explained, which says
  nothing of why (``hypotheses.reports_act``);
- who a piece of evidence reports asserting what it says (``hypothesis_stance.asserted_by``): the holder of the
  explanation only when what they assert restates it (``hypotheses.held_through_evidence``; Moon's "politically
  motivated measure" does not restate "worsening ties … historical issues": ``tests/test_hypothesis_holder_states.py``).
"""

from __future__ import annotations

import pytest

from rag.writers.hypotheses import full_name, reports_act
from rag.writers.hypothesis_stance import antecedent, asserted_by
from tests.test_hypotheses_reported import assessment, hypotheses, passage  # noqa: F401 (assessment: a fixture)


@pytest.mark.parametrize("text", [
    "Tokyo last week tightened the approval process for Japanese shipments of photoresists and other sensitive "
    "materials to South Korean companies.",
    "Washington added 28 Chinese surveillance and supercomputer firms to its entity list on Monday.",
    "China banned exports of gallium and germanium, two metals used in military radars, from August 1.",
    "Beijing imposed tariffs of up to 80.5 percent on Australian barley in May.",
    "The Netherlands restricted shipments of ASML's most advanced lithography tools to China.",
    "The EU froze the assets of Bank Rossiya and barred its chairman from entering the bloc.",
    "Seoul suspended imports of Japanese seafood from eight prefectures near the plant.",
    "Japan denied cybersecurity approval to three Chinese storage battery makers.",
])
def test_a_sentence_that_only_reports_the_measure_is_no_evidence_of_why(text):
    assert reports_act(text)


@pytest.mark.parametrize("text", [
    # the measure with its stated premise
    "China added the 20 firms to its export control list, citing national security.",
    "The US restricted the sales to prevent diversion of the chips to military end users.",
    "Beijing imposed the duties over dumping concerns raised by its grain traders.",
    # someone asserting the premise
    "Such materials can only be exported to trustworthy trading partners, Japanese officials have said, hinting at "
    "security risks without citing specific cases.",
    "The FBI said the Lazarus Group, a hacking unit tied to North Korean intelligence, was behind the theft.",
    # what came before, and findings
    "Japan's trade measures followed South Korean court rulings ordering Japanese firms to compensate South Korean "
    "plaintiffs for forced World War II labor.",
    "Investigators found that gallium bought by two traders had been diverted to a missile maker.",
    "A customs audit found no sign of diverted machines at Chinese fabs.",
])
def test_a_sentence_that_bears_on_why_is_not_the_act(text):
    assert not reports_act(text)


@pytest.mark.parametrize("text, who", [
    ("He was responding to Moon's appeal for a diplomatic solution, urging Tokyo to withdraw what he described as a "
     "politically motivated measure.", "Moon"),
    ("Beijing imposed anti-dumping duties on Australian barley in May, in what Canberra called retaliation for its "
     "call for an inquiry into the pandemic.", "Canberra"),
    ("Japanese Prime Minister Shinzo Abe and his aides have hinted that there might have been illegal transfers of "
     "sensitive materials to North Korea.", "Japanese Prime Minister Shinzo Abe and his aides"),
    ("The FBI said the Lazarus Group, a hacking unit tied to North Korean intelligence, was behind the theft.", "the FBI"),
    ("Such materials can only be exported to trustworthy partners, Japanese officials have said, hinting at security "
     "risks.", "Japanese officials"),
    ("The levies punish Lithuania for hosting a Taiwanese office, Lithuanian Foreign Minister Gabrielius "
     "Landsbergis said.", "Lithuanian Foreign Minister Gabrielius Landsbergis"),
    ("Goldman Sachs analysts said the yen's fall was driven by the widening gap in interest rates.", "Goldman Sachs analysts"),
])
def test_who_a_piece_of_evidence_reports_as_asserting_it(text, who):
    assert asserted_by(text) == who


@pytest.mark.parametrize("text", [
    "Tokyo last week tightened the approval process for shipments of photoresists to South Korean companies.",
    "Japan's trade measures followed South Korean court rulings on forced World War II labor.",
    "Gallium exports fell to zero in August.",
])
def test_a_report_s_own_sentence_names_no_asserter(text):
    assert asserted_by(text) is None


def test_a_he_refers_to_the_person_named_before_it_not_a_place():
    assert antecedent("He was responding to Moon's appeal, urging Tokyo to withdraw what ") == "Moon"
    assert antecedent("Officials in Tokyo and Seoul said ") is None


#: (topic, reports, the explanation's fragment, the act that is never its evidence for, a premise that is)
ACTS = {
    "chip ban": ("The Netherlands' 2023 curbs on ASML lithography exports", [passage(
        "The Netherlands restricted exports of ASML's immersion lithography machines to Chinese fabs on June 30. "
        "Dutch officials said the ASML restrictions were based on national security and the risk of military end use. "
        "Dutch investigators found that two ASML lithography machines sold to Chinese fabs had been diverted to a "
        "military end user.",
        doc="nos", title="Dutch curb ASML exports", published="2023-07-01")],
        "based on national security", "restricted exports of ASML", "diverted to a military end user"),
    "tariffs": ("China's 2020 tariffs on Australian barley", [passage(
        "China imposed tariffs of 80.5 percent on Australian barley imports on May 18. "
        "Chinese officials said the decision to impose the barley tariffs was based on evidence of dumping. "
        "The barley investigation found that Australian barley imports were sold in China below their cost of production.",
        doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19")],
        "evidence of dumping", "imposed tariffs of 80.5 percent", "below their cost of production"),
    "sanctions": ("EU sanctions on Bank Rossiya in 2022", [passage(
        "The EU froze the assets of Bank Rossiya and its chairman on February 23. "
        "EU officials said the Bank Rossiya sanctions were imposed in response to the recognition of the separatist regions. "
        "EU officials said Bank Rossiya financed the recognition campaign of the separatist regions in response to "
        "instructions from the Kremlin.",
        doc="dw", title="EU sanctions Bank Rossiya", published="2022-02-24")],
        "in response to the recognition", "froze the assets", "financed the recognition campaign"),
}


@pytest.mark.parametrize("story", list(ACTS))
def test_the_measure_itself_is_not_evidence_for_its_explanation(writer, assessment, story):
    topic, reports, fragment, act, premise = ACTS[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    h = next((c for c in hyps if fragment in c.text), None)
    assert h is not None, [c.text for c in hyps]
    fors = [e.text for c in hyps for e in c.evidence_for]
    assert not any(act in t and len(t) < len(act) + 120 for t in fors), fors
    assert any(premise in t for t in [e.text for e in h.evidence_for]), [e.text for e in h.evidence_for]


#: (topic, reports, the explanation's fragment, who holds it by way of its evidence for)
HELD = {
    "tariffs": ("China's 2020 tariffs on Australian barley", [passage(
        "China imposed tariffs of 80.5 percent on Australian barley on May 18, the commerce ministry said. "
        "The commerce ministry has rejected suggestions that the barley tariffs were driven by retaliation for "
        "Canberra's call for a virus inquiry. "
        "Australian Trade Minister Simon Birmingham said the barley tariffs looked like punishment for Canberra's "
        "call for an inquiry.",
        doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19")],
        "driven by retaliation", "Australian Trade Minister Simon Birmingham"),
    "cyber": ("The 2022 hack of the Ronin crypto bridge", [passage(
        "Hackers stole 600 million dollars from the Ronin crypto bridge on March 23, Sky Mavis said. "
        "North Korea has rejected claims that the Ronin bridge hack was linked to its military intelligence. "
        "The Ronin bridge malware reused a backdoor of the Lazarus group, in what the FBI described as a "
        "state-sponsored theft by Pyongyang's military intelligence.",
        doc="coindesk", title="Ronin bridge hacked", published="2022-04-15")],
        "linked to its military intelligence", "the FBI"),
}


@pytest.mark.parametrize("story", list(HELD))
def test_an_explanation_is_held_by_who_its_evidence_quotes_asserting_it(writer, assessment, story):
    topic, reports, fragment, who = HELD[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    h = next((c for c in hyps if fragment in c.text), None)
    assert h is not None, [c.text for c in hyps]
    assert h.held_by == who, (h.held_by, [e.text for e in h.evidence_for])


@pytest.mark.parametrize("text, who", [
    ("Putin cited Ukraine's aspirations to join NATO as one of the reasons for launching his special operation.", "Putin"),
    ("The ministry cited security concerns as the reason for suspending the licences.", "the ministry"),
])
def test_who_cites_a_reason_holds_it(text, who):
    assert asserted_by(text) == who


def test_a_holder_named_by_one_word_is_given_as_the_sources_name_them():
    texts = ["Japan said so, a day after South Korean President Moon Jae-in urged that the issue be resolved.",
             "He was responding to Moon's appeal for a diplomatic solution."]
    assert full_name("Moon", texts) == "Moon Jae-in"
    assert full_name("Canberra", texts) == "Canberra"  # nothing extends it
    assert full_name("the FBI", texts) == "the FBI"
