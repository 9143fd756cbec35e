"""A source's own labelled section decides the role of its items (issue 10, s31).

Kind: an analytic source lays its judgements out under its own headings ("4. Implications and Strategic Risks",
"Scenario Outlook:", "Information Gaps:", "Key Signals", "Background"). The item under such a heading is what the
heading says it is, whatever the sentence classifier reads in its wording: the fresh user's assessment brief on the
sample corpus filed WorldWideWatchers' "Cyber / Information Space: Potential for increased cyber espionage …"
(under "4. Implications and Strategic Risks") as a forecast in Outlook, and its cyber implications section then
said "No source in the corpus assesses these implications" before quoting that very item. Two rules:

- ``watch_items.heading_role``: the nearest heading line above an item, read in full against
  ``section_roles.toml`` (a heading of mixed or other kind leaves the classifier's role);
- ``dimensions.implication_note``: an empty implications line never says "not assessed" of a quote the brief
  credits as its source's judgement, forecast or signal.
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim
from rag.render import quoted
from rag.writers.dimensions import implication_note
from rag.writers.watch_items import heading_role

ITEM = "@@"  # where the item under test starts


CASES = [
    # (the source text with the item marked, the role its section gives it)
    ("4. Implications and Strategic Risks\n\nThis development could lead to heightened tensions.\n\n"
     "  • Political / Geopolitical: Potential escalation in diplomatic hostilities.\n"
     "  • @@Cyber / Information Space: Potential for increased cyber espionage activities targeting Japanese defense "
     "entities.\n", "judgement"),
    ("4. Implications and Strategic Risks\n\n@@This development could lead to heightened tensions between Japan and "
     "China.\n", "judgement"),
    ("Geopolitical Implications\n\n  • 01\n\n    @@East Asia is converging on a security-first industrial policy "
     "model.\n", "judgement"),
    ("## Key Judgments\n- @@Beijing will likely widen the ban to gallium exports.\n", "judgement"),
    ("## Outlook\n\nTalks stalled in May.\n\n@@Seoul is expected to file a WTO complaint within weeks.\n", "forecast"),
    ("5. Recommendations and Outlook\n\n  • Scenario Outlook:\n    • @@Most Likely: Prolonged diplomatic standoff "
     "with intermittent confrontations.\n", "forecast"),
    ("Scenarios\n1. @@Best case: the licences resume by the end of the quarter.\n", "forecast"),
    ("Information Gaps:\n  • @@Details on the specific dual-use items restricted.\n", "gap"),
    ("Key unknowns\n- @@Whether the Commerce Department will extend the rule to subsidiaries.\n", "gap"),
    ("Background\n\n@@The curbs followed court rulings ordering Japanese firms to compensate wartime labourers.\n",
     "background"),
    ("Historical context:\n@@Japan removed South Korea from its white list in August 2019.\n", "background"),
    ("Key Signals\n\n  • @@Whether Japan publishes criteria or expands denials to more battery makers.\n", "signal"),
    # a source's recommendations are advice: no section of a brief quotes them (s34: "Key signals to watch" quoted it)
    ("5. Recommendations and Outlook\n\n  • @@Immediate Actions (0–30 days): Monitor Chinese government "
     "communications.\n", "advice"),
]

LEFT = [
    # a heading of mixed kind or of another kind, prose without headings: the classifier's role stands
    ("  • Bias & Deception Risks:\n    • @@Potential bias in interpreting China’s actions as purely retaliatory.\n", None),
    ("6. Key Individuals and Entities\n\n  • @@Mitsubishi Heavy Industries\n", None),
    ("SEOUL (AP) — South Korea summoned a Japanese diplomat on Monday.\n\n@@The ministry said it would respond "
     "firmly.\n", None),
    ("Implications\n\nThe ban may hurt exporters.\n\nKey Individuals\n  • @@Sato Kei, deputy chief cabinet "
     "secretary\n", None),
    ("@@Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", None),
]


@pytest.mark.parametrize(("text", "role"), CASES + LEFT)
def test_an_items_role_is_its_sources_section(text, role):
    start = text.index(ITEM)
    text = text.replace(ITEM, "")
    assert heading_role(text, start) == role


def _claim(text: str, role: str) -> Claim:
    return Claim(text=text, citations=[Citation(source=2, chunk_id="d2-0000", doc_id="d2", start=0, end=9, quote="x")],
                 role=role, verified=True)


@pytest.mark.parametrize(("title", "role", "called"), [
    ("Outlook", "forecast", "the source's forecast"),
    ("Bottom line up front", "judgement", "the source's judgement"),
    ("Key signals to watch", "signal", "a signal the source says to watch"),
])
def test_an_empty_implications_line_never_calls_an_assessment_unassessed(title, role, called):
    item = _claim("Cyber / Information Space: Potential for increased cyber espionage activities.", role)
    note = implication_note([(title, item)], "No evidence.", quoted)
    assert "not assessed" not in note and "No source in the corpus assesses" not in note
    assert f"({title}, {called}) [2]" in note


def test_reported_quotes_are_still_named_reported():
    moon = _claim("Moon on Monday said that Seoul would be forced to take countermeasures.", "statement")
    note = implication_note([("Key developments", moon)], "No evidence.", quoted)
    assert note.startswith("No source in the corpus assesses these implications. Reported above")
    assert "(Key developments) [2]" in note


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_sample_assessment_files_the_cyber_implication_under_implications(sample_engine):
    """The fresh user's case: the sample corpus's WorldWideWatchers brief, asked about China's restrictions."""
    from rag.render import brief_markdown

    brief = sample_engine.write("China's export restrictions on Japanese firms", template="assessment")
    by_name = {s.name: s for s in brief.sections}
    assert any("cyber espionage" in c.text for c in by_name["implications_cyber"].claims)
    assert not any("cyber espionage" in c.text for c in by_name["outlook"].claims)
    for block in brief_markdown(brief).split("\n## ")[1:]:
        if block.startswith("Implications") and "not assessed" in block:
            judged = [c.text for s in brief.sections for c in s.claims if c.role in ("judgement", "forecast", "signal")]
            assert not any(t.split()[0] in block and t[:30] in block for t in judged), block
