"""A reason a source gives by a phrase of grounds or purpose ("in light of concerns over …", "over concerns that …",
"out of concern that …", "in a bid to …", "designed to …") or by "citing <an actor's> <rule>" is a stated reason.

The kind (s57's fresh user, own articles): "Why did Taiwan add Huawei and SMIC to its entity list?" was answered
"The sources give no stated reason; The Ministry of Economic Affairs announces that … Huawei … and SMIC … have been
added …" while the same statement says "The decision was taken to uphold international non-proliferation
obligations and in light of concerns over the development of weapons of mass destruction." Only causal cues
("because", "due to"), a few purpose infinitives ("to protect") and "citing <a lower-case reason>" were read; a
capitalised possessor after "citing" was always read as a source ("citing Nikkei Asia"), so "…, citing China's
National Intelligence Law" gave no reason either. A source's report after "citing" ("citing Nikkei's report",
"citing Reuters' own reporting") still gives none.

Unit specs of ``answer_kind.states_reason`` over sentences written for this test, then end to end through the real
Engine over three short articles written here, each giving its reason only by such a phrase.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.writers.answer_kind import states_reason


@pytest.mark.parametrize("text", [
    "The decision was taken to uphold export-control obligations and in light of concerns over missile programmes.",
    "The agency suspended the licence in light of repeated violations by the distributor.",
    "Seoul blocked the sale over concerns that core battery technology would leak abroad.",
    "Tokyo acted out of concern that the etching tools could end up in weapons programmes.",
    "The ministry tightened the rules in a bid to stop re-exports through third countries.",
    "The curbs were designed to keep advanced lithography out of reach of weapons makers.",
    "Officials delayed the shipment for fear that the accelerators would be diverted.",
    "The licence was revoked with the aim of closing a loophole used by brokers.",
    "The firm was listed in view of its ties to the People's Liberation Army.",
    "Lawmakers urged the regulator to reject the bid, citing China's National Intelligence Law.",
    "The regulator barred the app, citing Beijing's data-access rules.",
])
def test_a_phrase_of_grounds_or_purpose_states_a_reason(text):
    assert states_reason(text), text


@pytest.mark.parametrize("text", [
    "The exporter, citing Nikkei's report, denied any wrongdoing.",
    "The broker shipped the modules in May, citing Reuters' own reporting.",
    "The ministry published the list on Friday, citing Kyodo News.",
    "The rules take effect on December 1.",
])
def test_a_source_after_citing_or_no_such_phrase_states_no_reason(text):
    assert not states_reason(text), text


ARTICLES = {
    "01_listing.md": (
        "# Taipei adds two Chinese chip designers to its export entity list\n\n"
        "Published: 2026-07-02 · Publisher: Formosa Policy Desk\n\n"
        "Taiwan's Ministry of Economic Affairs added two Chinese chip designers, Qinghe Micro and Lanting Logic, to "
        "its strategic high-tech commodities entity list on Wednesday. The ministry said the two designers were "
        "listed in light of concerns over the development of hypersonic missiles. Taiwanese firms now need a "
        "permit to ship goods to the two companies.\n"),
    "02_cloud.md": (
        "# Seoul lawmakers object to Chinese cloud bid\n\n"
        "Published: 2026-08-11 · Publisher: Han River Tech\n\n"
        "The security agency approved Yunhai Cloud's application for a public-sector cloud certificate on Monday. "
        "Opposition lawmakers had urged the agency to reject the bid, citing China's National Intelligence Law. The "
        "certificate covers only systems without personal data.\n"),
    "03_tools.md": (
        "# Tokyo widens licence rule for etching tools\n\n"
        "Published: 2026-09-03 · Publisher: Harbour Wire\n\n"
        "Japan will require export licences for four more types of etching tools from October, the trade ministry "
        "said on Tuesday. The change is designed to keep advanced etching equipment out of reach of weapons makers. "
        "Equipment makers said they expected a small effect on sales.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("reason_grounds"), ARTICLES)


@pytest.mark.parametrize("question, reason", [
    ("Why did Taiwan add Qinghe Micro and Lanting Logic to its entity list?", "hypersonic missiles"),
    ("Why did opposition lawmakers urge the agency to reject Yunhai Cloud's bid?", "National Intelligence Law"),
    ("Why did Japan widen the licence rule for etching tools?", "out of reach of weapons makers"),
])
def test_a_why_question_answered_by_such_a_phrase_is_not_told_no_reason_was_given(engine, question, reason):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    text = " ".join(c.text for s in brief.sections for c in s.claims)
    assert "no stated reason" not in text, text
    assert reason in text, text
