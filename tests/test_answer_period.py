""""How soon / how quickly / within what period …?" asks a time limit after an event, not the date of an event:
"within 45 days after closing the deal", "no later than five working days after …", "by March 31, 2027", 30日以内.
Such a question was read as a "when" question, so a sentence giving "within 30 days" was no answer of its kind and the
reply said "none gives the date of the event itself" after quoting it. The kind "period" (``answer_kinds.toml``
v11) is answered by a length of time (``answer_period.gives_period``) or, as "when" is, by a time ("by March 31").

From s65's new user (F15: "How soon must investors notify Treasury after a notifiable transaction?"); the reports
below are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, answer_of, engine_over_articles

from rag.writers.answer_kind import answer_type
from rag.writers.answer_period import gives_period

ARTICLES = [
    ("01_screening.md", "2026-05-12", "Seoul tightens screening of foreign chip deals",
     "South Korea's Ministry of Trade, Industry and Energy on Tuesday expanded the screening of foreign acquisitions of "
     "domestic chip designers. Buyers must report an acquisition to the ministry within 45 days after closing the "
     "deal. The ministry screened 31 acquisitions in 2025 and blocked two of them."),
    ("02_licence.md", "2026-08-03", "Japan sets reporting rule for lost export licences",
     "Japan's trade ministry said exporters who lose an export licence for semiconductor equipment must notify "
     "customs no later than five working days after the loss. Exporters lost 14 licences in 2025, the ministry said, "
     "and customs fined three of them."),
    ("03_plans.md", "2026-09-21", "Taiwan orders chipmakers to file compliance plans",
     "Taiwan's Ministry of Economic Affairs ordered chipmakers on Monday to submit export compliance plans. "
     "Chipmakers must submit their compliance plans by March 31, 2027. The ministry reviewed 120 plans in 2024."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("period"), ARTICLES)


@pytest.mark.parametrize("question", [
    "How soon must investors notify Treasury after a notifiable transaction?",
    "How quickly must exporters tell customs about a lost licence?",
    "Within what period must buyers report an acquisition?",
    "How soon will the rules be enforced?",
])
def test_how_soon_asks_a_period(question):
    assert answer_type(question) == "period"


@pytest.mark.parametrize("question, until, period", [
    ("How soon must buyers report an acquisition of a Korean chip designer to the ministry?", "2026-05-13",
     "within 45 days"),
    ("How quickly must Japanese exporters notify customs after losing an export licence?", "2026-08-04",
     "five working days"),
    ("Within what period must buyers report an acquisition of a chip designer to the Korean ministry?", "2026-05-13",
     "within 45 days"),
    ("How soon must Taiwan's chipmakers submit their compliance plans?", "2026-09-22", "March 31, 2027"),
])
def test_the_time_limit_leads(engine, question, until, period):
    assert period in lead(engine, question, until)


def test_a_time_limit_is_a_full_answer(engine):
    text = answer_of(engine, "How soon must buyers report an acquisition of a Korean chip designer to the ministry?",
                     "2026-05-13")
    assert "none gives" not in text


@pytest.mark.parametrize("text", [
    "Buyers must report the deal within 45 days after closing it.",
    "Exporters must notify customs no later than five working days after the loss.",
    "The filing is due within a month of the transaction.",
    "Applicants must file within two business days.",
    "買収後30日以内に届け出なければならない。",
    "交易完成后15个工作日内向商务部报告。",
    "거래 후 30일 이내에 신고해야 한다.",
])
def test_a_length_of_time_is_a_period(text):
    assert gives_period(text)


@pytest.mark.parametrize("text", [
    "The ministry screened 31 acquisitions in 2025.",
    "Exporters lost 14 licences, the ministry said.",
    "The rule was announced on 30 May.",
    "规定自2027年1月1日起施行。",
])
def test_another_figure_or_a_date_is_none(text):
    assert not gives_period(text)
