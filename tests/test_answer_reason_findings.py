"""A reason a source gives as the actor's finding ("said it found that …", "after finding …") or as a hold until a
condition is met ("pending a review") is a stated reason (s58, h/fresh-s58).

The kind (a fresh analyst's own articles, none from the shared data): "Why did KISA withhold the certification?" was
answered "The sources give no stated reason; The Korea Internet & Security Agency … has withheld a security
certification …" while the next sentence says "KISA said it found that the cameras sent diagnostic data to servers in
mainland China by default": a regulator's finding is the ground of its act, and "revoked … after finding hidden
remote-access functions" and "withheld … pending a source-code review" give one too. Only causal cues, purpose
phrases and "citing <a reason>" were read (``answer_kinds.toml`` [reason] stated_cues).

Unit specs of ``answer_kind.states_reason``, then end to end through the Engine over articles written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.writers.answer_kind import states_reason


@pytest.mark.parametrize("text", [
    "The regulator said it found that the routers forwarded login data to servers abroad.",
    "Customs said it had found forged end-user certificates in the broker's files.",
    "The ministry revoked the licence after finding that the tools had been resold to a military institute.",
    "Seoul suspended the contract after discovering undeclared modems in the turbines.",
    "The agency froze the approval pending a review of the firm's ownership.",
    "Shipments were held at the port pending further checks by inspectors.",
])
def test_a_finding_or_a_pending_condition_states_a_reason(text):
    assert states_reason(text), text


@pytest.mark.parametrize("text", [
    "The amendment is still pending in the National Assembly.",
    "A survey of 300 firms was published on Monday.",
    "The pending case will be heard in March.",
    "The ministry found space for two new laboratories in Sejong.",
])
def test_a_pending_bill_or_a_plain_report_states_no_reason(text):
    assert not states_reason(text), text


ARTICLES = {
    "01_routers.md": (
        "# Regulator halts sales of Chinese routers to ministries\n\n"
        "Published: 2026-09-14 · Publisher: Han River Tech\n\n"
        "South Korea's communications regulator has halted sales of Qiantang Networks routers to government "
        "ministries, the regulator said on Monday. The regulator said it found that the routers forwarded "
        "administrator passwords to servers in Hangzhou. Qiantang said it would issue a software update.\n"),
    "02_licence.md": (
        "# Tokyo revokes a broker's export licence\n\n"
        "Published: 2026-10-05 · Publisher: Harbour Wire\n\n"
        "Japan's trade ministry revoked the export licence of Osaka broker Minato Precision on Thursday after "
        "finding that it had resold two etching tools to a university linked to China's military. The broker "
        "declined to comment.\n"),
    "04_cameras.md": (
        "# Agency withholds a camera maker's certificate\n\n"
        "Published: 2026-10-21 · Publisher: Han River Tech\n\n"
        "South Korea's internet security agency has withheld a certificate for Baima Optics' network cameras, the "
        "agency said on Tuesday. The agency said it found that the cameras opened a remote maintenance port without "
        "a password. In 2024, the agency revoked certificates for two other camera makers after finding hidden "
        "recording functions.\n"),
    "03_permit.md": (
        "# Taipei freezes a Chinese investor's permit\n\n"
        "Published: 2026-11-02 · Publisher: Formosa Policy Desk\n\n"
        "Taiwan's investment commission froze a permit for Shenhe Capital to buy a stake in a Hsinchu testing firm "
        "on Friday. The permit is frozen pending a review of Shenhe's ties to state-owned funds. The testing firm "
        "said it would wait for the review.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("reason_findings"), ARTICLES)


@pytest.mark.parametrize("question, reason", [
    ("Why did the regulator halt sales of Qiantang Networks routers?", "administrator passwords"),
    ("Why did Japan revoke Minato Precision's export licence?", "resold two etching tools"),
    ("Why did Taiwan freeze Shenhe Capital's permit?", "pending a review"),
])
def test_a_why_question_answered_by_a_finding_is_not_told_no_reason_was_given(engine, question, reason):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    text = " ".join(c.text for s in brief.sections for c in s.claims)
    assert "no stated reason" not in text, text
    assert reason in text, text


def test_the_finding_behind_the_reported_act_leads_not_one_the_report_recalls_from_another_year(engine):
    # the first cut of this stop answered "Why did KISA withhold …?" with "In 2025, KISA revoked certifications for two
    # other … makers after finding …": a reason of another act, a year before the report, now after the report's own
    from conftest import answer_lead

    lead = answer_lead(engine, "Why did the agency withhold Baima Optics' certificate?", "2026-12-01")
    assert "remote maintenance port" in lead, lead
