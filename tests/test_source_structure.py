"""A source that is itself an analytic brief labels its own hypotheses (issue 10, item 5): reading that structure.

- Each labelled hypothesis ("Hypothesis A:", "H1:", "Scenario 2:", "Alternative explanation:", or prose: "One
  explanation is that ...", "Another explanation is that ...") is one hypothesis, with the sentences after it up to
  the next label, verdict or heading: those that support it ("Supporting evidence includes", "consistent with")
  and those that qualify it ("However, ...", "Contradicting this is ...").
- The source's verdict ("Assessment: Hypothesis A is currently better supported ...", wherever it stands) is never
  a hypothesis; it makes the hypothesis it names favoured and the others rejected.
- A news report that mentions "the hypothesis that ..." in passing has no structure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.writers.source_structure import is_verdict, parse_structure, segments
from rag.types import Chunk
from rag.writers.base import EvidencePassage

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def by_label(structure):
    return {h.label: h for h in structure.hypotheses}


def texts(spans):
    return [s.text for s in spans]


# 003-style: bullets, cues inline, a verdict after the hypotheses, a judgement trailing the verdict
BULLETS = """2. Competing Hypotheses

  • Hypothesis A: Seoul is delaying the port deal to extract better terms from Manila. Supporting evidence includes the timing of the delay after the tariff talks stalled. However, Seoul's motives remain unconfirmed.
  • Hypothesis B: Seoul is delaying the port deal because of a domestic court challenge. This is supported by the court's injunction of 3 May. Contradicting this is the government's statement that the injunction does not apply.
  • Assessment: Hypothesis A is currently better supported given Seoul's past negotiating record. Key indicators that could shift this judgment include a ruling on the injunction.

3. Key Assumptions
  • Assumptions:
    • Seoul's negotiators act on instructions from the presidential office.
"""

# H1/H2 with caption lines announcing the stance of the lines below them, no verdict
H_CAPTIONS = """Competing explanations

H1: The Ministry of Defence cancelled the drone contract over cost overruns.
Evidence for:
The audit office reported a 40 percent overrun in March.
Evidence against:
The ministry's statement made no mention of cost.

H2: The contract was cancelled after a security review of the supplier.
Evidence for:
The supplier was added to a watch list in April.

Outlook
Parliament will question the minister next week.
"""

# scenarios, verdict that rejects one and favours another
SCENARIOS = """Scenario 1: The strike ends within a week after a wage deal. This is consistent with the union's softer tone on Friday.
Scenario 2: The strike spreads to the northern ports. However, the northern unions have not voted.
Scenario 3: The government invokes emergency powers to end the strike.
Overall assessment: Scenario 1 is the most likely, while Scenario 3 is unlikely before the election.
"""

# the verdict comes first
VERDICT_FIRST = """Assessment: H2 is more likely than H1 on the available reporting.
H1: The outage was caused by a cyberattack on the grid operator. The operator's own statement is inconsistent with this.
H2: The outage was caused by a transformer fire at the Dalton substation. Fire crews were seen at the substation, consistent with this.
"""

# hypotheses in prose, the verdict naming one by its ordinal
PROSE = """Analysts offer two readings of the recall. One explanation is that the carmaker found a defect in the brake software. This is consistent with the software update it pushed to dealers in June. Another explanation is that the recall pre-empts a regulator's investigation. However, the regulator has not announced any inquiry. The first explanation is better supported by the dealer notices."""

# a news report that mentions hypotheses in passing
NEWS = """Investigators in Lyon are still testing the hypothesis that the warehouse fire was set deliberately, police said on Tuesday. The hypothesis A team at the university published its water study in May. Firefighters took six hours to bring the blaze under control, and no one was hurt."""


def test_a_bulleted_brief_gives_each_hypothesis_its_own_evidence_and_its_verdict():
    s = parse_structure(BULLETS)
    hyps = by_label(s)
    assert list(hyps) == ["Hypothesis A", "Hypothesis B"]  # the assessment line is not a hypothesis
    a, b = hyps["Hypothesis A"], hyps["Hypothesis B"]
    assert texts(a.support) == ["Supporting evidence includes the timing of the delay after the tariff talks stalled."]
    assert texts(a.against) == ["However, Seoul's motives remain unconfirmed."]
    assert texts(b.support) == ["This is supported by the court's injunction of 3 May."]
    assert texts(b.against) == ["Contradicting this is the government's statement that the injunction does not apply."]
    assert a.standing == "favoured" and b.standing == "rejected"
    assert a.verdict is b.verdict and a.verdict.text.startswith("Assessment: Hypothesis A is currently better supported")
    # the sentence after the verdict naming what would shift it is the source's indicator (a signal), not a note
    assert texts(s.indicators) == ["Key indicators that could shift this judgment include a ruling on the injunction."]
    assert s.trailing == []
    assert s.spans()[(s.indicators[0].start, s.indicators[0].end)] == "indicator"
    # the assumptions below the heading belong to no hypothesis: they are the source's assumptions
    assert texts(s.assumptions) == ["Seoul's negotiators act on instructions from the presidential office."]
    assert s.spans()[(s.assumptions[0].start, s.assumptions[0].end)] == "assumption"


def test_caption_lines_give_the_stance_of_the_lines_below_them_and_no_verdict_leaves_hypotheses_open():
    s = parse_structure(H_CAPTIONS)
    hyps = by_label(s)
    assert list(hyps) == ["H1", "H2"]
    assert texts(hyps["H1"].support) == ["The audit office reported a 40 percent overrun in March."]
    assert texts(hyps["H1"].against) == ["The ministry's statement made no mention of cost."]
    assert texts(hyps["H2"].support) == ["The supplier was added to a watch list in April."]
    assert all(h.standing == "open" and h.verdict is None for h in s.hypotheses)
    assert "Parliament will question" not in " ".join(texts(hyps["H2"].support + hyps["H2"].notes))


def test_a_verdict_can_favour_one_scenario_and_reject_another():
    s = parse_structure(SCENARIOS)
    hyps = by_label(s)
    assert list(hyps) == ["Scenario 1", "Scenario 2", "Scenario 3"]
    assert texts(hyps["Scenario 1"].support) == ["This is consistent with the union's softer tone on Friday."]
    assert texts(hyps["Scenario 2"].against) == ["However, the northern unions have not voted."]
    assert hyps["Scenario 1"].standing == "favoured"
    assert hyps["Scenario 2"].standing == "rejected" and hyps["Scenario 3"].standing == "rejected"


def test_a_verdict_before_the_hypotheses_still_judges_them():
    s = parse_structure(VERDICT_FIRST)
    hyps = by_label(s)
    assert hyps["H2"].standing == "favoured" and hyps["H1"].standing == "rejected"
    assert texts(hyps["H1"].against) == ["The operator's own statement is inconsistent with this."]
    assert texts(hyps["H2"].support) == ["Fire crews were seen at the substation, consistent with this."]
    assert hyps["H1"].statement.text.startswith("H1: The outage")


def test_hypotheses_in_prose_are_read_in_order_and_the_verdict_names_them_by_ordinal():
    s = parse_structure(PROSE)
    first, second = s.hypotheses
    assert first.position == 1 and first.statement.text.startswith("One explanation is that the carmaker")
    assert second.position == 2 and second.statement.text.startswith("Another explanation is that the recall")
    assert texts(first.support) == ["This is consistent with the software update it pushed to dealers in June."]
    assert texts(second.against) == ["However, the regulator has not announced any inquiry."]
    assert first.standing == "favoured" and second.standing == "rejected"
    # a verdict naming no label is the source's judgement in its own words: not reserved for the hypotheses
    assert "verdict" not in s.spans().values()


def test_a_news_report_mentioning_a_hypothesis_in_passing_has_no_structure():
    assert parse_structure(NEWS) is None
    assert parse_structure("One explanation is that the bridge was poorly maintained, the mayor said on Monday.") is None


@pytest.mark.parametrize("text,expected", [
    ("Assessment: Hypothesis A is currently better supported due to the geopolitical context.", True),
    ("The most likely hypothesis is that China is leveraging economic measures.", True),
    ("H2 is the most likely explanation.", True),
    ("Hypothesis B: Seoul is delaying the deal, which is better supported by the record.", False),  # a label first
    ("The court's ruling is better known in Seoul than in Manila.", False),
])
def test_what_counts_as_a_verdict(text, expected):
    assert is_verdict(text) is expected


def test_the_sample_generated_brief_rejects_hypothesis_b():
    path = next(CORPUS.glob("003_*.txt"), None)
    if path is None:
        pytest.skip("sample corpus file 003 not present")
    s = parse_structure(path.read_text(encoding="utf-8"))
    hyps = by_label(s)
    assert list(hyps) == ["Hypothesis A", "Hypothesis B"]
    assert hyps["Hypothesis A"].standing == "favoured" and hyps["Hypothesis B"].standing == "rejected"
    assert texts(hyps["Hypothesis A"].support)[0].startswith("Supporting evidence includes the timing")
    assert texts(hyps["Hypothesis A"].against) == ["However, the specific strategic objectives behind China’s actions remain uncertain."]
    assert hyps["Hypothesis A"].verdict.text.startswith("Assessment: Hypothesis A")


def test_a_documents_passages_are_joined_so_a_list_split_across_chunks_is_read_whole():
    text = BULLETS
    cut = text.index("  • Hypothesis B")
    first = Chunk("d-0000", "d", text[: cut + 20], 0, cut + 20, 0, {})
    second = Chunk("d-0001", "d", text[cut:], cut, len(text), 1, {})
    segs = segments([EvidencePassage("S1", second, 1.0), EvidencePassage("S2", first, 0.9)])
    assert len(segs) == 1 and segs[0].text == text and segs[0].start == 0
    s = parse_structure(segs[0].text)
    b = by_label(s)["Hypothesis B"]
    claim = segs[0].claim(b.statement, "hypothesis")
    assert claim is not None and claim.cites[0].chunk_id == "d-0001"
    assert text[claim.cites[0].start : claim.cites[0].end] == b.statement.text


def test_one_hypothesis_label_of_a_list_is_structure_but_a_lone_h_or_scenario_heading_is_not():
    lone = parse_structure("  • Hypothesis B: Seoul is delaying the deal because of a court challenge. "
                           "This is supported by the injunction of 3 May.")
    assert lone is not None and [h.label for h in lone.hypotheses] == ["Hypothesis B"]
    assert lone.hypotheses[0].position == 2
    assert parse_structure("H1: Revenue rose 5 percent on strong chip sales, the company said on Thursday.") is None
    assert parse_structure("Scenario 1: the central bank raises rates by half a point in June, economists said.") is None
