"""Sections filled by what they promise (issue 10, s36; the s35 fresh user's brief findings).

The battery assessment said "No evidence" for its security implications while its source's own implication 01 is
"East Asia is converging on a 'security-first' industrial policy model where cybersecurity approval and supply-chain
provenance determine market access"; the Korea situation said "No evidence" for Implications and Key signals while
its source reports Seoul's threatened countermeasures and its plan to file a WTO complaint. Kinds:

- a section of one dimension that no sentence says the most about takes, once every section has had its pick, an
  on-topic sentence that speaks to its dimension at all (``section_picks._pick_section(weakly=True)``);
- an empty signals section names the steps still to come that the brief reports elsewhere (a forward cue and a
  signal cue: a plan, a threat, a condition; ``dimensions.pending_steps``), and an empty implications section of no
  one dimension the quotes bearing on any (``dimensions.bearing_on_any``); with nothing of the kind it still says
  "No evidence in the corpus for …".
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim
from rag.render import quoted
from rag.writers.dimensions import bearing_on_any, pending_steps, signal_note


def _c(text: str, role: str = "statement") -> Claim:
    return Claim(text=text, citations=[Citation(source=1, chunk_id="d-0", doc_id="d", start=0, end=5, quote="x")], role=role)


PENDING = [  # (a reported sentence, whether it reports a step still to come)
    ("The South Korean Ministry of Trade, Industry and Energy said that Seoul plans to file a complaint with the WTO.", True),
    ("Moon on Monday said that Seoul would be forced to take countermeasures if the restrictions cause damage to South "
     "Korean companies.", True),
    ("Canberra said it would take the barley duties to the WTO if talks failed.", True),
    ("Taipei will decide next week whether to extend the chip export curbs to Russia.", True),
    ("The EU plans to open negotiations on an investment screening pact.", True),
    ("Tokyo last week tightened the approval process for shipments of photoresists.", False),  # done, not to come
    ("The sanctions will take effect on Friday.", False),  # to come, but nothing to watch
    ("Seoul filed a complaint with the WTO in September.", False),  # a complaint made
    ("", False),
]


@pytest.mark.parametrize(("text", "pending"), PENDING)
def test_a_step_still_to_come_is_a_plan_threat_or_condition(text, pending):
    assert bool(pending_steps([("What happened", _c(text))])) is pending


def test_an_empty_signals_section_names_the_steps_to_come_reported_elsewhere_else_no_evidence():
    empty = "No evidence in the corpus for key signals to watch."
    steps = pending_steps([("What happened", _c(PENDING[0][0])), ("What happened", _c(PENDING[5][0]))])
    note = signal_note(steps, empty, quoted)
    assert note.startswith("No source in the corpus names signals to watch. Reported above, steps still to come: ")
    assert "Seoul plans to" in note and "(What happened) [1]" in note and "photoresists" not in note
    assert signal_note([], empty, quoted) == empty


def test_an_empty_implications_section_of_no_dimension_points_to_quotes_bearing_on_any():
    claims = [
        ("What happened", _c("Moon said Seoul would take countermeasures if the curbs cause damage to South Korean "
                             "companies, as they raised concern over disruptions for manufacturers and global supply chains.")),
        ("What happened", _c("Tokyo tightened the approval process.")),
        ("What happened", _c("Officials said the chemicals could be used in fighter jets, radars and chemical weapons, "
                             "a risk to national security.")),
    ]
    got = [c.text for _, c in bearing_on_any(claims, ())]
    assert len(got) == 2 and "Tokyo tightened the approval process." not in got
    assert bearing_on_any([claims[1]], ()) == []


@pytest.fixture(scope="module")
def engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_battery_assessment_has_a_security_implication_and_keeps_its_economic_one(engine):
    brief = engine.write("Japan's cybersecurity approval denial for Chinese battery makers", template="assessment")
    security = brief.section("implications_security").claims
    assert security and "security" in security[0].text.lower()
    assert brief.section("implications_economic").claims  # the second round never takes another section's pick
    texts = [c.text for s in brief.sections for c in s.claims]
    assert len(texts) == len(set(texts))


def test_the_korea_situation_points_to_its_implications_and_pending_steps(engine):
    from rag.render import brief_markdown

    md = brief_markdown(engine.write("Japan's 2019 export curbs on South Korea", template="situation"))
    implications = md.split("## Implications\n", 1)[1].split("\n## ", 1)[0]
    signals = md.split("## Key signals to watch\n", 1)[1].split("\n## ", 1)[0]
    assert implications.startswith("No source in the corpus assesses these implications. Reported above")
    assert "countermeasures" in implications
    assert signals.startswith("No source in the corpus names signals to watch. Reported above, steps still to come:")
    assert "Seoul plans to" in signals
