"""A reason a source gives with a finite verb of giving reasons ("He cited tighter export controls", "blamed the delay
on …", "attributed the fall to …") is a stated reason, as "citing <a reason>" already was.

The kind (s54's fresh user, own articles): "Why did Tokyo Electron expect its China sales share to fall?" was
answered "The sources give no stated reason; Asia Markets Wire reports: “… Chief Financial Officer Hiroshi Kawamoto
said … He cited tighter export controls by Japan and the United States …”" — the quote gives the company's reason,
and the lead denied it. Only the participle "citing" was read as a reason cue. A verb that names where a report
comes from ("cited sources", "cited by Nikkei", "cited Kyodo News as saying", "a statement attributed to the
ministry") gives no reason, nor does one denied ("did not cite any cases").

Unit specs of ``answer_kind.states_reason`` over sentences written for this test, then end to end through the real
Engine over three short articles written here, each giving its reason only by such a verb.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.writers.answer_kind import states_reason


@pytest.mark.parametrize("text", [
    "He cited tighter export controls by Japan and the United States on advanced chipmaking equipment.",
    "The company cited weak demand from Chinese foundries for the drop in orders.",
    "Kawamoto cites slowing orders from Chinese memory makers.",
    "Officials blamed the delay on a shortage of licensed inspectors.",
    "The ministry attributed the fall in gallium exports to stricter licensing.",
])
def test_a_finite_verb_of_giving_reasons_states_a_reason(text):
    assert states_reason(text), text


@pytest.mark.parametrize("text", [
    "The figures were cited by Nikkei Asia on Friday.",
    "The report cited sources familiar with the matter.",
    "He cited Kyodo News as saying the talks had stalled.",
    "A statement attributed to the ministry said the talks would resume.",
    "The minister did not cite any specific cases.",
    "The export figures, cited in a customs report, were released on Monday.",
    # a reading of the evidence, not a reason anyone gave
    "While details are scarce, the pattern points to enforcement pressure on mining licences.",
])
def test_a_verb_naming_where_a_report_comes_from_states_no_reason(text):
    assert not states_reason(text), text


ARTICLES = {
    "01_tel.md": (
        "# Tokyo Electron sees China share of sales falling to 30%\n\n"
        "Published: 2026-08-07 · Publisher: Harbour Wire\n\n"
        "Tokyo Electron expects China to account for about 30% of its sales in the year to March 2027, down from "
        "44% a year earlier, Chief Financial Officer Hiroshi Kawamoto said on Thursday. He cited tighter export "
        "controls by Japan and the United States on advanced chipmaking equipment. The company raised its profit "
        "forecast.\n"),
    "02_port.md": (
        "# Busan customs clearance of chip cargo delayed\n\n"
        "Published: 2026-09-14 · Publisher: Harbour Wire\n\n"
        "Clearance of semiconductor cargo at Busan port was delayed by up to nine days in August, the Korea "
        "Customs Service said. Officials blamed the delay on a shortage of inspectors trained in the new "
        "strategic-goods checks. Shippers said the backlog had eased this month.\n"),
    "03_gallium.md": (
        "# Chinese gallium exports fall 40% in July\n\n"
        "Published: 2026-08-20 · Publisher: Harbour Wire\n\n"
        "China's exports of gallium fell 40% in July from a year earlier, customs data showed on Tuesday. The "
        "commerce ministry attributed the fall to stricter licensing of dual-use metals. Buyers in Japan and "
        "South Korea have turned to stockpiles.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("reason_verbs"), ARTICLES)


@pytest.mark.parametrize("question, reason", [
    ("Why did Tokyo Electron expect its China sales share to fall?", "tighter export controls"),
    ("Why was clearance of chip cargo at Busan delayed?", "shortage of inspectors"),
    ("Why did China's gallium exports fall in July?", "stricter licensing"),
])
def test_a_why_question_answered_by_such_a_verb_is_not_told_no_reason_was_given(engine, question, reason):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    text = " ".join(c.text for s in brief.sections for c in s.claims)
    assert "no stated reason" not in text, text
    assert reason in text, text
