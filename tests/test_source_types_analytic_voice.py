"""Specs: an analysis desk's estimative first person types a document as analysis, so its judgements are
attributed ("… (2026 analysis) argues: …"), not quoted as reporting; the same words quoted in a news report are the
quoted speaker's, and the report stays news."""

import pytest

from rag.writers.source_types import source_type, type_from_text

THINK_TANK = (
    "Analysis by Mirela Stanek and Cho Dae-ho, Harbour Strategy Centre\n\n"
    "Key findings\n"
    "We assess with moderate confidence that Beijing's licensing of rare-earth magnets aims to reward compliant "
    "buyers rather than to starve Korean automakers of supply.\n"
    "In our view, the first effect will be longer waits for new contracts."
)
RESEARCH_NOTE = (
    "Tokyo's subsidy for legacy-node fabs will mostly help two incumbents. We estimate that 70 percent of the "
    "money will go to firms already building plants, and we judge it unlikely that new entrants apply before 2027. "
    "Our interviews with six procurement managers support this."
)
POLICY_BRIEF = (
    "Seoul's new screening law for outbound chip investment is narrower than Washington's. "
    "We conclude that Korean memory makers will be able to keep expanding in Xi'an. "
    "This policy brief draws on court filings and ministry guidance; we hold low confidence in the timing."
)
# the same estimative phrases, but in the mouths of people a reporter quotes
QUOTING_REPORT = (
    'Shares of Daesan Materials fell 6 percent on Tuesday after Beijing tightened licences for graphite. '
    '"We assess the impact as limited," the company said in a filing. '
    '"In our view, the rule targets military buyers, and we judge supply to Korea safe for now," said Park Ye-jin, '
    'an analyst at Hanul Securities.'
)
# one analyst's phrase outside quotation marks is one cue, not a voice
ONE_PHRASE_REPORT = (
    "Japan's trade ministry said on Friday it would add 12 items to its export screening list. In our view the "
    "list is overdue, an analyst at Mizuho wrote in a note to clients. The rule takes effect in July."
)


@pytest.mark.parametrize("text", [THINK_TANK, RESEARCH_NOTE, POLICY_BRIEF], ids=["think-tank", "research-note", "policy-brief"])
def test_an_analysis_desks_estimative_we_types_the_document_as_analysis(text):
    assert type_from_text(text) == "analysis"
    assert source_type({"title": "What the magnet licences mean", "publisher": "Harbour Strategy Centre"}, text) == "analysis"


@pytest.mark.parametrize("text", [QUOTING_REPORT, ONE_PHRASE_REPORT], ids=["quoted-speech", "one-phrase"])
def test_a_report_quoting_estimative_words_stays_news(text):
    assert type_from_text(text) == "news"


def test_an_essayists_cues_inside_quotes_are_the_quoted_persons():
    report = ('"I believe the alliance is drifting," the former minister said. "We must rethink how export controls '
              'are coordinated," she added, before leaving for Seoul.')
    assert type_from_text(report) == "news"
