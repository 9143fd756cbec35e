"""A source's labelled headline states the event, and its labelled parts go whole to the section of their role
(issue 10; fresh user s33, findings 3 and 4).

Seen on the sample corpus (WorldWideWatchers' generated brief, 003): its line "Intelligence Report: Tokyo protests as
China blocks dual-use exports to 20 Japanese companies" was dropped as a heading, so neither China brief said Tokyo
protested and "What happened" held only a pointer to the title; "Key assumptions and information gaps" quoted none
of its three "Assumptions"; "Key signals to watch" quoted its recommendation "Immediate Actions (0–30 days): Monitor …
engage in diplomatic dialogue …" while its indicator sentence "Key indicators that could shift this judgment
include …" was filed as a note on a hypothesis. The kinds and their rules:

1. a headline behind a report label ("Intelligence Report:", "BREAKING:", "EXCLUSIVE-", "Situation Report —"):
   the label is furniture, the clause after it is the story's event with its actor, quoted like a title
   (``source_structure.labelled_headline``, labels in ``rag/text/data/report_labels.toml``; briefs only);
2. a source's labelled parts go to the section of their role, whatever the classifier reads in their words: items
   under "Assumptions:" and "Information Gaps:" to the gaps section (credited "lists as an assumption" / "… an
   information gap"), the sentence after its verdict that names what would shift it to the signals
   (``Structure.indicators``), and its recommendations to no section (``section_roles.toml`` [advice]).

Hand-made sources of other stories, labels and layouts first, then the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.templates import SectionSpec, TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate, candidates
from rag.writers.section_picks import SectionPicking
from rag.writers.source_structure import after_report_label, labelled_headline, parse_structure
from rag.writers.watch_items import ADVICE, heading_role

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"

# -- 1. a report label and the headline after it -----------------------------------------------------------------

HEADLINES = [  # (the line, the headline it states)
    ("Intelligence Report: Tokyo protests as China blocks dual-use exports to 20 Japanese companies",
     "Tokyo protests as China blocks dual-use exports to 20 Japanese companies"),
    ("BREAKING: Kestria protests as Norvia halts refined cobalt exports to 12 Kestrian battery makers",
     "Kestria protests as Norvia halts refined cobalt exports to 12 Kestrian battery makers"),
    ("EXCLUSIVE-Teshima bars drone motor sales to Marovian firms, sources say",
     "Teshima bars drone motor sales to Marovian firms, sources say"),
    ("Situation Report — Pelago caps rice exports to Dunmore at half of last year's volume",
     "Pelago caps rice exports to Dunmore at half of last year's volume"),
    ("UPDATE 2-Ostrava Imposes Ban on Vellmar Wheat Imports After Mould Scare",
     "Ostrava Imposes Ban on Vellmar Wheat Imports After Mould Scare"),
    ("**Flash Alert:** Dunmore recalls its ambassador from Pelago over rice curbs",
     "Dunmore recalls its ambassador from Pelago over rice curbs"),
]
NOT_HEADLINES = [
    "Analysis: Key Judgments and Strategic Outlook",  # a label over a section title
    "Report: Why is China restricting exports to Japanese companies?",  # a question
    "Intelligence Report:",  # the label alone
    "Key Judgments: China is using export curbs as leverage against Tokyo.",  # a section label, no report label
    "Tokyo protests as China blocks dual-use exports to 20 Japanese companies - Image 1",  # a caption, no label
    "BREAKING: Norvia halts exports",  # too short to state who did what to whom
]


@pytest.mark.parametrize("line, headline", HEADLINES, ids=[h[1].split()[0] for h in HEADLINES])
def test_the_clause_after_a_report_label_is_the_headline(line, headline):
    at = labelled_headline(line)
    assert at is not None and line[at:] == headline


@pytest.mark.parametrize("line", NOT_HEADLINES)
def test_a_section_title_a_question_or_a_bare_label_is_no_headline(line):
    assert labelled_headline(line) is None


def test_a_line_without_a_report_label_has_nothing_to_cut():
    assert after_report_label("Tokyo protests as China blocks dual-use exports") == 0
    assert after_report_label("Analysis shows the curbs hurt exporters.") == 0  # a word, not a label


def _ep(text: str, doc: str = "polaris", title: str = "Norvia Halts Cobalt Shipments to Kestria",
        publisher: str = "Polaris Watch", kind: str = "generated brief") -> EvidencePassage:
    meta = {"title": title, "publisher": publisher, "published": "2026-04-20", "kind": kind}
    return EvidencePassage("S1", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


NORVIA = """Norvia Halts Cobalt Shipments to Kestria

Published on: 2026-04-20

BREAKING: Kestria protests as Norvia halts refined cobalt exports to 12 Kestrian battery makers

1. Key Judgments

Norvia's halt of refined cobalt exports to Kestrian battery makers is likely a response to Kestria's new tariffs on Norvian steel. The move deepens a trade dispute that began in March.

2. Competing Hypotheses

  • Hypothesis A: Norvia is retaliating for Kestria's steel tariffs imposed in March. Supporting evidence includes the timing of the halt two days after the tariffs took effect.
  • Hypothesis B: Norvia is conserving cobalt for its own battery industry. This is supported by Norvia's stated rationale of securing domestic supply.
  • Assessment: Hypothesis A is currently better supported given the timing of the halt. Signs that would alter this assessment include a Norvian offer to resume sales or new tariffs from Kestria.

3. Key Assumptions and Red Flags

  • Analytic assumptions:
    • Norvia's trade ministry controls cobalt export licensing directly.
    • Kestrian battery makers hold less than two months of cobalt stock.
  • Information Gaps:
    • The volume of cobalt shipments affected by the halt.
    • Whether Norvia has told other buyers of new limits.

4. Recommendations

  • Immediate Actions (0–30 days): Monitor Norvian customs data on cobalt and engage Norvian trade officials to seek an exemption.
  • Medium-Term Posture (1–12 months): Diversify cobalt sourcing toward other suppliers and build strategic stocks.
"""

TESHIMA = """Teshima Restricts Drone Motor Sales to Marovia

Situation Report — Marovia summons Teshima's envoy as Teshima bars drone motor sales to Marovian firms

Analysis

H1: Teshima acts on concern about Marovia's military drone programme. This is supported by the defence ministry's statement on end users.
H2: Teshima is shielding its own motor makers from Marovian competition. However, Marovian firms buy few Teshiman motors.
Assessment: H1 is more strongly supported by the ministry's statement. Key indicators to watch include licence approvals for civilian buyers and any Marovian countermeasure.

Unknowns:
  • Which Marovian firms are named in the licence order.
  • Whether the order covers motor parts as well as finished motors.

Policy recommendations
  • Brief exporters on the licence rules and seek clarification from Teshima's trade ministry.
"""


def test_a_labelled_headline_is_a_briefs_event_quoted_without_its_label():
    ep = _ep(NORVIA)
    cands, _ = candidates([ep], connectives=True, paragraphs=True)
    head = [c for c in cands if c.text.startswith("Kestria protests")]
    assert len(head) == 1, [c.text[:40] for c in cands]
    c = head[0]
    assert c.text == "Kestria protests as Norvia halts refined cobalt exports to 12 Kestrian battery makers"
    assert ep.chunk.text[c.local_start:c.local_end] == c.text  # the quote's span leaves the label out
    assert c.is_title and c.role == "event"
    assert not any("BREAKING" in c.text for c in cands)


def test_an_answer_quotes_the_labelled_headline_as_a_title_and_no_other_heading():
    # s35 (h/chat-s35): "Who protested …?" is answered by the headline's event, so an answer's candidates hold it too,
    # typed as a title (capped by its article's body), the label left out; its other headings are still not quoted
    ep = _ep(NORVIA)
    cands, _ = candidates([ep])
    head = [c for c in cands if c.text.startswith("Kestria protests")]
    assert [c.text for c in head] == ["Kestria protests as Norvia halts refined cobalt exports to 12 Kestrian battery "
                                      "makers"]
    assert head[0].is_title and ep.chunk.text[head[0].local_start:head[0].local_end] == head[0].text
    assert not any(c.text in ("Analysis", "Policy recommendations") or "BREAKING" in c.text for c in cands)


# -- 2. labelled parts go whole to the section of their role ------------------------------------------------------

@pytest.mark.parametrize("heading", ["5. Recommendations and Outlook", "4. Recommendations", "Policy recommendations",
                                     "## Recommended actions", "Key Recommendations:"])
def test_an_item_under_a_recommendations_heading_is_advice(heading):
    text = f"{heading}\n\n  • Immediate Actions: Monitor customs data and engage trade officials.\n"
    assert heading_role(text, text.index("Immediate")) == ADVICE


def test_a_scenario_caption_under_recommendations_still_gives_forecasts():
    text = "5. Recommendations and Outlook\n\n  • Scenario Outlook:\n    • Best Case: The curbs are lifted.\n"
    assert heading_role(text, text.index("Best Case")) == "forecast"


@pytest.mark.parametrize("text, indicator, assumptions, gaps", [
    (NORVIA, "Signs that would alter this assessment include a Norvian offer to resume sales or new tariffs from Kestria.",
     ["Norvia's trade ministry controls cobalt export licensing directly.",
      "Kestrian battery makers hold less than two months of cobalt stock."],
     ["The volume of cobalt shipments affected by the halt.", "Whether Norvia has told other buyers of new limits."]),
    (TESHIMA, "Key indicators to watch include licence approvals for civilian buyers and any Marovian countermeasure.", [],
     ["Which Marovian firms are named in the licence order.", "Whether the order covers motor parts as well as finished motors."]),
])
def test_a_structures_indicator_assumptions_and_gaps_are_told_apart(text, indicator, assumptions, gaps):
    s = parse_structure(text)
    assert [x.text for x in s.indicators] == [indicator]
    assert indicator not in [x.text for x in s.trailing]
    assert [x.text for x in s.assumptions] == assumptions
    assert [x.text for x in s.gaps] == gaps
    kinds = s.spans()
    assert {kinds[(x.start, x.end)] for x in s.gaps} == {"gap"}


def test_a_verdicts_plain_note_stays_a_note():
    text = TESHIMA.replace("Key indicators to watch include licence approvals for civilian buyers and any Marovian "
                           "countermeasure.", "The ministry has not published the order in full.")
    s = parse_structure(text)
    assert s.indicators == [] and [x.text for x in s.trailing] == ["The ministry has not published the order in full."]


def _spec(name: str, roles: list[str], **kw) -> SectionSpec:
    return SectionSpec(name=name, title=name, description="", roles=tuple(roles), **kw)


def _cand(text: str, *, role: str | None = "judgement", structure: str | None = None, own: str | None = None) -> Candidate:
    ep = _ep(text)
    return Candidate(ep, 0, 0, len(text), text, role=role, role_probs={role: 0.9} if role else {}, structure=structure,
                     own_section=own)


GAPS, SIGNALS = _spec("assumptions_gaps", ["gap"]), _spec("signals", ["signal"])
OTHERS = [_spec("summary", ["event", "statement"]), _spec("implications", ["judgement", "forecast"]),
          _spec("hypotheses", ["judgement"], weigh_evidence=True), _spec("background", ["background"])]


@pytest.mark.parametrize("structure, home, role", [("assumption", GAPS, "assumption"), ("gap", GAPS, "gap"),
                                                   ("indicator", SIGNALS, "signal")])
def test_a_labelled_part_goes_to_its_roles_section_only(structure, home, role):
    c = _cand("Norvia's trade ministry controls cobalt export licensing directly.", structure=structure)
    assert SectionPicking._accepts(home, c)  # whatever the classifier read ("judgement")
    for spec in [s for s in [GAPS, SIGNALS, *OTHERS] if s is not home]:
        assert not SectionPicking._accepts(spec, c), spec.name
    assert c.claim().role == role


def test_a_recommendation_is_no_signal_whatever_the_classifier_reads():
    c = _cand("Immediate Actions: Monitor Norvian customs data and engage trade officials.", role="signal",
              own=ADVICE)
    for spec in [GAPS, SIGNALS, *OTHERS]:
        assert not SectionPicking._accepts(spec, c), spec.name
    assert SectionPicking._accepts(SIGNALS, _cand("Customs data on cobalt shipments.", role="signal"))


# -- the briefs: hand-made sources, then the sample corpus ------------------------------------------------------

def _template(name: str):
    return TemplateLibrary(PROMPTS).get(name)


def _section(draft, name: str) -> list:
    return next(s for s in draft.sections if s.name == name).claims


@pytest.fixture(scope="module")
def norvia(writer):
    ep = _ep(NORVIA)
    return {k: writer.write("Norvia's cobalt export halt to Kestria", _template(k), [ep], as_of=None)
            for k in ("situation", "assessment")}


def test_the_headline_behind_a_label_is_what_happened(norvia):
    draft = norvia["situation"]
    said = [c.text for name in ("headline", "summary") for c in _section(draft, name)]
    assert "Kestria protests as Norvia halts refined cobalt exports to 12 Kestrian battery makers" in said, said


def test_signals_hold_the_sources_indicators_and_none_of_its_advice(norvia):
    signals = [c.text for c in _section(norvia["situation"], "signals")]
    assert any(t.startswith("Signs that would alter this assessment") for t in signals), signals
    assert not any("Monitor Norvian customs" in t or "Diversify cobalt" in t for t in signals), signals


def test_the_assumptions_and_gaps_are_quoted_whole_in_the_sources_order(norvia):
    claims = _section(norvia["assessment"], "assumptions_gaps")
    assert [(c.text, c.role) for c in claims] == [
        ("Norvia's trade ministry controls cobalt export licensing directly.", "assumption"),
        ("Kestrian battery makers hold less than two months of cobalt stock.", "assumption"),
        ("The volume of cobalt shipments affected by the halt.", "gap"),
        ("Whether Norvia has told other buyers of new limits.", "gap")]


@pytest.fixture(scope="module")
def china(sample_index):
    from rag.pipeline import Engine

    engine = Engine.from_settings(sample_index[0])
    return {k: engine.write("China's export restrictions on Japanese firms", template=k) for k in ("situation", "assessment")}


def _brief_section(brief, name: str) -> list:
    return next(s for s in brief.sections if s.name == name).claims


def test_the_china_briefs_say_tokyo_protested(china):
    situation = [c.text for c in _brief_section(china["situation"], "summary")]
    developments = [c.text for c in _brief_section(china["assessment"], "developments")]
    protest = "Tokyo protests as China blocks dual-use exports to 20 Japanese companies"
    assert protest in situation and protest in developments, (situation, developments)


def test_the_china_signals_are_its_indicator_not_its_recommendations(china):
    signals = [c.text for c in _brief_section(china["situation"], "signals")]
    assert any(t.startswith("Key indicators that could shift this judgment") for t in signals), signals
    assert not any(t.startswith(("Immediate Actions", "Medium-Term Posture")) for t in signals), signals


def test_the_china_assessment_quotes_its_three_assumptions(china):
    claims = _brief_section(china["assessment"], "assumptions_gaps")
    assumed = [c.text for c in claims if c.role == "assumption"]
    assert len(assumed) == 3 and assumed[0].startswith("China’s actions are primarily driven"), assumed
    assert all(c.attribution and "lists as an assumption" in c.attribution for c in claims if c.role == "assumption")


# -- 3. the full list of a measure's items is a key fact of what happened ----------------------------------------

CURBS = """Norvia tightened export controls on battery materials to Kestria on Monday, the trade ministry said.
Norvian exporters must now apply for a licence for each shipment to Kestrian companies, officials said.
The trade ministry said the tighter controls on battery materials would take effect immediately.
Kestria's government said the Norvian export controls were unjustified and urged Norvia to withdraw them.
Kestrian battery makers said the Norvian controls could delay shipments of battery materials by weeks.
The Kestrian trade minister said Kestria would file a complaint with the WTO over the Norvian export controls.
Norvia's trade minister said the export controls on battery materials were not subject to negotiation.
Kestria summoned Norvia's ambassador on Tuesday to protest the export controls on battery materials.
Analysts said the Norvian export controls could disrupt battery supply chains across the region.
The Norvian controls on battery materials follow a dispute over Kestrian steel tariffs imposed in March.
The export controls cover refined cobalt, which is used in electric-vehicle batteries, as well as lithium hydroxide and nickel sulphate.
"""


@pytest.mark.parametrize("sentence, items", [
    ("The export controls cover refined cobalt, which is used in electric-vehicle batteries, as well as lithium "
     "hydroxide and nickel sulphate.", ["refined cobalt", "lithium hydroxide", "nickel sulphate"]),
    ("The sanctions include steel, aluminium and copper.", ["steel", "aluminium", "copper"]),
    ("The ban covers gallium and germanium.", ["gallium", "germanium"]),
])
def test_a_sentence_listing_a_measures_items_is_read(sentence, items):
    from rag.writers.measure_terms import covered_items

    assert covered_items([sentence]) == items


def test_what_happened_quotes_the_list_of_items_the_measure_covers(writer):
    ep = _ep(CURBS, doc="wire", title="Norvia tightens battery material exports to Kestria", publisher="Wire",
             kind="news article")
    draft = writer.write("Norvia's export controls on battery materials to Kestria", _template("situation"), [ep],
                         as_of=None)
    happened = [c.text for c in _section(draft, "summary")]
    assert len(happened) <= 8
    assert any(t.startswith("The export controls cover refined cobalt") for t in happened), happened


def test_the_2019_situation_brief_names_the_three_materials(sample_index):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write("Japan's 2019 export curbs on South Korea", template="situation")
    happened = [c.text for c in _brief_section(brief, "summary")]
    assert any("fluorinated polyimides" in t and "hydrogen fluoride" in t for t in happened), happened
