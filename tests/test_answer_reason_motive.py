"""What an act answered is its stated reason: "the designation *responded to* 'the rapid expansion of Chinese SiC
capacity'", "the ban *was a response to* …", "tightened the rules *amid concerns* over …".

The kind (s66's fresh user, F18): "Why did Japan designate SiC power chips as critical technology?" was answered "The
sources give no stated reason; …" while the article says the minister "told reporters the designation responded to
'the rapid expansion of Chinese SiC capacity …'". Only causal cues ("because", "in response to"), grounds and
purpose phrases and "citing <a reason>" were read; a finite "responded to" and "amid <a concern>" were not. A reply
to a reporter ("did not respond to requests for comment") and "amid talks" (a time) still give no reason.

Unit specs of ``answer_kind.states_reason`` (the one reader of ``[reason] motive_cues``) over sentences written for
this test, then end to end through the real Engine over three short articles written here, each giving its reason
only by such a cue.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.writers.answer_kind import states_reason


@pytest.mark.parametrize("text", [
    "The trade minister told reporters the listing responded to \"a surge in diversion through third countries\".",
    "Officials said the quota cut responds to falling domestic reserves of antimony.",
    "The audit was a response to complaints from two Dutch integrators.",
    "Seoul tightened the screening rules amid concerns that battery know-how was leaking abroad.",
    "The regulator froze the licences amid mounting pressure from lawmakers in Canberra.",
    "Warsaw paused the tender amid allegations of bid rigging.",
])
def test_what_an_act_answered_states_a_reason(text):
    assert states_reason(text), text


@pytest.mark.parametrize("text", [
    "The ministry did not respond to requests for comment.",
    "The spokeswoman did not immediately respond to a request for comment on Tuesday.",
    "The company responded to written questions from reporters on Friday.",
    "The agreement was signed amid talks in Hanoi on Thursday.",
    "The rules take effect on December 1.",
])
def test_a_reply_to_reporters_or_a_time_states_no_reason(text):
    assert not states_reason(text), text


ARTICLES = {
    "01_gallium.md": (
        "# Canberra lists gallium refining as a sovereign capability\n\n"
        "Published: 2026-05-12 · Publisher: Southern Minerals Wire\n\n"
        "Australia's Department of Industry on Tuesday listed gallium refining as a sovereign critical capability, "
        "opening a A$300 million grant round to domestic refiners. Industry minister Clare Holloway told reporters "
        "the listing responded to \"a near-total dependence on a single foreign supplier for a metal our radar "
        "makers cannot do without.\" Two refineries in Western Australia are expected to apply.\n"),
    "02_tender.md": (
        "# Poland pauses 5G core tender\n\n"
        "Published: 2026-06-03 · Publisher: Vistula Business Daily\n\n"
        "Poland's digital ministry paused its tender for a national 5G core network on Monday amid allegations of "
        "bid rigging by two bidders. Five companies had submitted offers. The ministry expects to restart the "
        "process in September.\n"),
    "03_audit.md": (
        "# Dutch regulator audits Chinese inverter makers\n\n"
        "Published: 2026-09-21 · Publisher: Lowlands Energy Post\n\n"
        "The Dutch energy regulator opened an audit of remote-access functions in solar inverters from three "
        "Chinese makers on Monday. The audit was a response to complaints from grid operators that inverters had "
        "received unannounced firmware updates. Results are due in early 2027.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("reason_motive"), ARTICLES)


@pytest.mark.parametrize("question, reason", [
    ("Why did Australia list gallium refining as a sovereign critical capability?", "single foreign supplier"),
    ("Why did Poland pause its 5G core tender?", "bid rigging"),
    ("Why did the Dutch energy regulator audit Chinese inverter makers?", "unannounced firmware updates"),
])
def test_a_why_question_answered_by_what_the_act_answered_is_not_told_no_reason_was_given(engine, question, reason):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    text = " ".join(c.text for s in brief.sections for c in s.claims)
    assert "no stated reason" not in text, text
    assert reason in text, text
