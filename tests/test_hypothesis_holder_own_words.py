"""A party's own statement of its explanation is the claim, not evidence for it (issue 10, s31).

Kind: an explanation is held by someone (``Claim.held_by``); evidence for it is reporting of facts independent of
that holder. The fresh user's 2019 brief listed Japanese officials' own "Such materials can only be exported to
trustworthy trading partners, Japanese officials have said …" and Abe's "there might have been illegal transfers …"
as "Evidence for" the security reason Japanese officials give, and Moon's "what he described as a politically
motivated measure" as "Evidence for" the political explanation he holds. Those are the holders' statements: shown as
"Stated by … (the holder's side, not evidence)" (``HOLDER_ROLE``), never counted as evidence for
(``evals.hypothesis_metrics.both_ways``); a finding ("an emergency inspection found no sign …"), a report's own fact
("… followed South Korean court rulings …") or another party's words stay evidence.
"""

from __future__ import annotations

import pytest

from evals.hypothesis_metrics import both_ways
from rag.brief import Citation, Claim
from rag.writers.hypothesis_stance import HOLDER_ROLE, holders_own, same_party

OWN = [
    # (the holder, a quote weighed as evidence for its explanation, who states it)
    ("Japanese officials", "Such materials can only be exported to trustworthy trading partners, Japanese officials "
     "have said, hinting at security risks without citing specific cases.", "Japanese officials"),
    ("Japanese officials", "Japanese Prime Minister Shinzo Abe and his aides have hinted that there might have been "
     "illegal transfers of sensitive materials from South Korea to North Korea.",
     "Japanese Prime Minister Shinzo Abe and his aides"),
    ("Moon Jae-in", "He was responding to Moon’s appeal for a diplomatic solution through bilateral discussions, "
     "urging Tokyo to withdraw what he described as a politically motivated measure.", "Moon"),
    ("Chinese officials", "Beijing said the curbs were needed to safeguard national security and fulfil "
     "non-proliferation obligations.", "Beijing"),
    ("Lithuanian Foreign Minister Gabrielius Landsbergis", "Landsbergis said the block was retaliation for the "
     "Taiwanese Representative Office in Vilnius.", "Landsbergis"),
]

NOT_OWN = [
    ("Japanese officials", "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an “emergency "
     "inspection” found no sign of illegal transactions."),
    ("Moon Jae-in", "Japan’s trade measures followed South Korean court rulings ordering Japanese firms to "
     "compensate South Korean plaintiffs for forced World War II labor."),
    ("Gabrielius Landsbergis", "Analysts at Rhodium Group said Chinese customs had removed Lithuania from its "
     "list of origin countries in December."),
    ("Trade Minister Simon Birmingham", "China’s commerce ministry said the duties followed an anti-dumping "
     "investigation into Australian barley."),
    ("Treasury officials", "The Treasury froze the assets of Bank Rossiya on Thursday."),
    (None, "Japanese officials have said the decision was based on a lack of trust."),
]


@pytest.mark.parametrize(("holder", "text", "who"), OWN)
def test_the_holders_own_statement_is_theirs(holder, text, who):
    assert holders_own(text, holder) == who


@pytest.mark.parametrize(("holder", "text"), NOT_OWN)
def test_independent_reporting_and_other_parties_stay_evidence(holder, text):
    assert holders_own(text, holder) is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Moon", "Moon Jae-in", True),
    ("South Korean President Moon Jae-in", "Moon Jae-in", True),
    ("Japanese officials", "Tokyo", True),
    ("Japanese officials", "Japanese Prime Minister Shinzo Abe and his aides", True),
    ("Prime Minister Fumio Kishida", "Prime Minister Anthony Albanese", False),  # a shared title is no shared name
    ("Foreign Ministry spokesman Wang Wenbin", "South Korean Ministry of Foreign Affairs spokesman Kim In-chul", False),
    ("South Korea", "Japanese officials", False),
])
def test_one_party(a, b, same):
    assert same_party(a, b) is same


def _ev(text: str, role: str = "event") -> Claim:
    return Claim(text=text, citations=[Citation(source=1, chunk_id="d-0", doc_id="d", start=0, end=5, quote="x")],
                 role=role, verified=True)


def test_a_holders_statement_is_not_counted_as_evidence_for():
    own = _ev(OWN[0][1], HOLDER_ROLE)
    against = _ev(NOT_OWN[0][1])
    explanation = Claim(text="x", statement="x", held_by="Japanese officials", evidence_for=[own], evidence_against=[against])
    assert not both_ways(explanation)
    explanation.evidence_for.append(_ev(NOT_OWN[1][1]))
    assert both_ways(explanation)


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_2019_brief_shows_the_holders_statements_as_theirs(sample_engine):
    from rag.render import brief_markdown

    brief = sample_engine.write("Japan's 2019 export curbs on South Korea", template="assessment")
    listed = next(s for s in brief.sections if s.name == "hypotheses").claims
    for claim in listed:
        for ev in claim.evidence_for:
            if ev.role != HOLDER_ROLE:
                assert holders_own(ev.text, claim.held_by, ev.statement) is None, (claim.held_by, ev.text)
    md = brief_markdown(brief)
    assert "Evidence for: the passage quoted under “Bottom line up front” (“Such materials" not in md
    assert "Stated by Japanese officials (the holder's side, not evidence)" in md
