"""A brief's competing hypotheses when a source labels its own (issue 10, items 1 and 5), specified on fresh inputs.

- Each hypothesis a source labels is listed once, as that source's judgement of it (its standing in the source's
  own verdict: "X judges better supported: …", "X judges less supported: …"; "X offers: …" only for one the verdict
  does not judge), with that source's own sentences for and against it and its verdict; the verdict line is never a
  hypothesis, and a hypothesis the source neither weighs nor judges is left out (never a bare offer).
- A structure's sentences (its hypotheses, their evidence, its verdict and what follows it) appear in no other
  section: a hypothesis the source rejects is never the bottom line or the title.
- Another source's sentence is evidence for an explanation only when it is about the same actors and of the same
  time; an essay years older explains another story and offers no competing explanation of this one.
- A news report that mentions "the hypothesis that ..." in passing is quoted as any report is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.brief import Brief, Citation, Claim, Provenance, Section, Source
from rag.render import brief_markdown
from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.attribution import attribution
from rag.writers.base import EvidencePassage
from rag.writers.hypotheses import SOURCE_HYPOTHESIS_ROLES

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def passage(text: str, *, doc: str, n: int = 0, title: str = "", published: str = "2024-04-10", kind: str = "news",
            publisher: str | None = None) -> EvidencePassage:
    meta = {"title": title, "published": published, "publisher": publisher or doc, "kind": kind}
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta)
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


@pytest.fixture(scope="module")
def assessment():
    return TemplateLibrary(PROMPTS).get("assessment")


def section(draft, name):
    return next(s for s in draft.sections if s.name == name).claims


def elsewhere(draft) -> list[str]:
    return [c.text for s in draft.sections if s.name != "hypotheses" for c in s.claims]


TOPIC = "South Korea delays Philippine port deal"
# a generated brief in the analyst format: BLUF, labelled hypotheses with evidence, a verdict rejecting B
GENERATED = passage(
    "Seoul Delays Port Deal With Manila Amid Tariff Dispute\n\n"
    "BLUF: South Korea delayed its port investment deal with the Philippines on Monday amid a tariff dispute. "
    "The delay is likely a negotiating tactic by Seoul to win tariff concessions from Manila.\n\n"
    "Competing Hypotheses\n\n"
    "  • Hypothesis A: South Korea is delaying the port deal to extract tariff concessions from the Philippines. "
    "Supporting evidence includes the timing of the delay right after the Philippine tariff talks stalled. "
    "However, Seoul's negotiating instructions remain unconfirmed.\n"
    "  • Hypothesis B: South Korea is delaying the port deal because a Korean court froze the investment fund. "
    "This is supported by the court injunction against the fund issued on 3 April. "
    "Contradicting this is the finance ministry's statement that the injunction does not cover the port deal.\n"
    "  • Assessment: Hypothesis A is currently better supported given Seoul's past tariff negotiations with Manila. "
    "Key indicators that could shift this judgment include a court ruling on the South Korean fund.\n",
    doc="gen1", title="Seoul Delays Port Deal With Manila Amid Tariff Dispute", kind="generated", publisher="DeskWatch",
)
REPORT = passage(
    "South Korea postponed the signing of its port investment deal with the Philippines on Monday, officials in Seoul said. "
    "The Philippine trade ministry said the delay followed a dispute over tariffs on Korean steel. "
    "Manila's port authority said construction at the Subic Bay terminal would not start before the deal is signed.",
    doc="news1", n=1, title="South Korea postpones Philippine port deal",
)


def test_each_labelled_hypothesis_is_listed_once_with_its_sources_evidence_and_verdict(writer, assessment):
    draft = writer.write(TOPIC, assessment, [GENERATED, REPORT], as_of=None)
    hyps = section(draft, "hypotheses")
    labelled = [c for c in hyps if c.role in SOURCE_HYPOTHESIS_ROLES]
    assert [c.text.split(":")[0] for c in labelled] == ["Hypothesis A", "Hypothesis B"], [c.text for c in hyps]
    a, b = labelled
    assert [c.text for c in a.evidence_for] == ["Supporting evidence includes the timing of the delay right after the Philippine tariff talks stalled."]
    assert [c.text for c in a.evidence_against] == ["However, Seoul's negotiating instructions remain unconfirmed."]
    assert [c.text for c in b.evidence_for] == ["This is supported by the court injunction against the fund issued on 3 April."]
    assert b.evidence_against[0].text.startswith("Contradicting this is the finance ministry's statement")
    # the verdict weighs A against B: given once, after the last of the source's hypotheses, not under each
    assert a.verdict == [] and [c.text[:40] for c in b.verdict] == ["Assessment: Hypothesis A is currently be"]
    for claim in (a, b):
        for c in [claim] + claim.evidence_for + claim.evidence_against + claim.verdict:
            span = c.cites[0]
            assert GENERATED.chunk.text[span.start : span.end] == c.text  # quoted verbatim, cited to its sentence
    assert not any(c.text.startswith("Assessment:") for c in hyps)  # a verdict is never a hypothesis


def test_no_sentence_of_a_sources_structure_appears_in_another_section(writer, assessment):
    draft = writer.write(TOPIC, assessment, [GENERATED, REPORT], as_of=None)
    others = " ".join(elsewhere(draft))
    for fragment in ("Hypothesis B", "Hypothesis A", "Assessment:", "Key indicators that could shift",
                     "Supporting evidence includes", "Contradicting this"):
        assert fragment not in others, (fragment, elsewhere(draft))
    bluf = section(draft, "bluf")
    assert bluf and not any("court froze" in c.text for c in bluf)


def test_the_other_sentences_of_a_structured_source_are_not_more_of_its_hypotheses(writer, assessment):
    draft = writer.write(TOPIC, assessment, [GENERATED, REPORT], as_of=None)
    gen = [c for c in section(draft, "hypotheses") if c.cites[0].chunk_id.startswith("gen1")]
    assert all(c.role in SOURCE_HYPOTHESIS_ROLES for c in gen), [c.text for c in gen]


# the same kind with other label styles and orders
H_STYLE = passage(
    "Competing explanations\n\n"
    "Assessment: H2 is more likely than H1 on the available reporting.\n"
    "H1: Estonia closed the Narva border crossing to stop a wave of Russian migrants. "
    "The Estonian interior ministry's figures are inconsistent with this.\n"
    "H2: Estonia closed the Narva border crossing after Russian jamming disrupted its border systems. "
    "Border guards reported GPS outages at Narva on 2 April, consistent with this.\n",
    doc="gen2", title="Estonia closes Narva crossing", kind="generated", publisher="BalticDesk",
)
H_REPORT = passage(
    "Estonia closed the Narva border crossing with Russia on Thursday, the interior ministry said. "
    "Russia's foreign ministry called the closure of the Narva crossing a provocation.",
    doc="news2", n=1, title="Estonia closes Narva border crossing with Russia",
)


def test_a_verdict_first_brief_with_h_labels(writer, assessment):
    draft = writer.write("Estonia closes Narva border crossing with Russia", assessment, [H_STYLE, H_REPORT], as_of=None)
    labelled = [c for c in section(draft, "hypotheses") if c.role in SOURCE_HYPOTHESIS_ROLES]
    assert [c.text[:2] for c in labelled] == ["H1", "H2"]
    h1, h2 = labelled
    assert (h1.role, h2.role) == ("hypothesis_rejected", "hypothesis_favoured")  # "H2 is more likely than H1"
    assert h1.evidence_against and "inconsistent with this" in h1.evidence_against[0].text and not h1.evidence_for
    assert h2.evidence_for and "GPS outages" in h2.evidence_for[0].text
    assert not h1.verdict and h2.verdict[0].text.startswith("Assessment: H2 is more likely")  # once, after both
    assert "H2 is more likely" not in " ".join(elsewhere(draft))


def test_a_news_report_mentioning_a_hypothesis_in_passing_is_not_read_as_a_structure(writer, assessment):
    news = passage(
        "Investigators in Lyon are still testing the hypothesis that the warehouse fire in Vaise was set deliberately, police said. "
        "The warehouse fire in Vaise destroyed 4,000 square metres of storage on Sunday night, firefighters said. "
        "Police detained a former employee of the warehouse for questioning on Monday.",
        doc="lyon1", title="Lyon warehouse fire investigated as possible arson",
    )
    draft = writer.write("Lyon warehouse fire in Vaise", assessment, [news], as_of=None)
    assert not any(c.role in SOURCE_HYPOTHESIS_ROLES for s in draft.sections for c in s.claims)


# across sources: evidence about the same actors, of the same time
HYPOTHESIS = passage(
    "Japan tightened exports of three chip materials to South Korea on Thursday, the trade ministry said. "
    "Tokyo's move appears to be aimed at pressuring Seoul over the wartime labour rulings, analysts believe.",
    doc="jk1", title="Japan curbs chip material exports to South Korea", published="2019-07-04",
)


def ruling(published: str) -> EvidencePassage:
    """An essay (kept on-topic whatever its date: ``on_topic``) that reports the court ruling."""
    return passage(
        "South Korea's Supreme Court ordered Nippon Steel to compensate wartime labourers over the rulings, angering Tokyo. "
        "Japan's trade ministry said the curbs on chip material exports to South Korea took effect on Thursday.",
        doc=f"ruling{published[:4]}", n=1, title="Court orders Nippon Steel to pay wartime labourers", published=published,
        kind="analysis",
    )


def test_another_sources_evidence_counts_only_when_it_is_of_the_storys_time(writer, assessment):
    topic = "Japan curbs chip material exports to South Korea"
    now = writer.write(topic, assessment, [HYPOTHESIS, ruling("2019-07-05")], as_of=None)
    hyp = next(c for c in section(now, "hypotheses") if "wartime labour rulings" in c.text)
    assert any("Supreme Court" in c.text for c in hyp.evidence_for), [c.text for c in hyp.evidence_for]
    old = writer.write(topic, assessment, [HYPOTHESIS, ruling("2012-05-24")], as_of=None)
    hyp = next(c for c in section(old, "hypotheses") if "wartime labour rulings" in c.text)
    assert not any("Supreme Court" in c.text for c in hyp.evidence_for), [c.text for c in hyp.evidence_for]


def test_the_quick_start_brief_never_leads_with_a_hypothesis_its_source_rejects(cli, sample_index):
    """The README's quick start: the sample corpus's generated brief (003) rejects its Hypothesis B."""
    result = cli(["write", "Japan and China export controls", "--template", "assessment", "-f", "json"],
                 BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert not brief["headline"].startswith(("Hypothesis", "Assessment"))
    sections = {s["name"]: s["claims"] for s in brief["sections"]}
    hyps = sections["hypotheses"]
    labelled = [c["text"].split(":")[0] for c in hyps if c["role"] in SOURCE_HYPOTHESIS_ROLES]
    assert labelled == ["Hypothesis A", "Hypothesis B"], [c["text"] for c in hyps]
    verdicts = [v["text"] for c in hyps if c["role"] in SOURCE_HYPOTHESIS_ROLES for v in c["verdict"]]
    assert len(verdicts) == 1 and verdicts[0].startswith("Assessment: Hypothesis A"), verdicts  # once, not under A and B
    assert [v["text"] for v in [c for c in hyps if c["role"] in SOURCE_HYPOTHESIS_ROLES][-1]["verdict"]] == verdicts  # after B
    # the source's verdict carried with each: A the better supported, B the less (never a bare "offers")
    standing = {c["text"].split(":")[0]: (c["role"], c["attribution"]) for c in hyps if c["role"] in SOURCE_HYPOTHESIS_ROLES}
    assert standing == {
        "Hypothesis A": ("hypothesis_favoured", "WorldWideWatchers (AI-generated brief, 2026) judges better supported"),
        "Hypothesis B": ("hypothesis_rejected", "WorldWideWatchers (AI-generated brief, 2026) judges less supported")}, standing
    a = next(c for c in hyps if c["text"].startswith("Hypothesis A"))
    assert a["evidence_for"][0]["text"].startswith("Supporting evidence includes the timing")
    assert a["evidence_against"][0]["text"].startswith("However, the specific strategic objectives")
    others = " ".join(c["text"] for name, claims in sections.items() if name != "hypotheses" for c in claims)
    for fragment in ("Hypothesis A", "Hypothesis B", "Assessment: Hypothesis", "Key indicators that could shift"):
        assert fragment not in others, fragment
    # an essay of 2020 explains no 2026 move, and is no evidence for one
    weighed = [e for c in hyps for e in c["evidence_for"] + c["evidence_against"]] + hyps
    assert not any("Diet" in c["text"] or "Cold War" in c["text"] for c in weighed)


def test_a_labelled_hypothesis_is_offered_and_its_verdict_rendered():
    gen = Source(index=1, doc_id="g", publisher="DeskWatch", source_type="generated", attributed_as="DeskWatch (AI-generated brief, 2024)")
    news = Source(index=2, doc_id="n", publisher="Yonhap", source_type="news")
    assert attribution("hypothesis", [gen]) == "DeskWatch (AI-generated brief, 2024) offers"
    assert attribution("hypothesis", [news]) is not None  # a report's explanation is never adopted either
    cite = Citation(source=1, chunk_id="g-0000", doc_id="g", start=0, end=10, quote="x")
    verdict_cite = Citation(source=1, chunk_id="g-0000", doc_id="g", start=10, end=20, quote="y")  # another sentence
    verdict = Claim(text="Assessment: Hypothesis A is better supported.", citations=[verdict_cite], verified=True,
                    attribution="DeskWatch (AI-generated brief, 2024) assesses")
    hyp = Claim(text="Hypothesis B: Seoul is waiting for a court ruling.", citations=[cite], verified=True, role="hypothesis",
                attribution="DeskWatch (AI-generated brief, 2024) offers", verdict=[verdict])
    prov = Provenance(template="assessment", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    text = brief_markdown(Brief(template="assessment", topic="t", provenance=prov, sections=[
        Section(name="hypotheses", title="Competing hypotheses", claims=[hyp])]))
    assert "- DeskWatch (AI-generated brief, 2024) offers: “Hypothesis B: Seoul is waiting for a court ruling.” [1]" in text
    assert "No evidence for or against it in the sources." in text
    assert "    - The source's verdict between its hypotheses: DeskWatch (AI-generated brief, 2024) assesses: “Assessment: Hypothesis A is better supported.” [1]" in text


def test_only_the_hypotheses_section_accepts_a_sentence_of_a_sources_structure(assessment):
    from rag.writers.candidates import candidates
    from rag.writers.section_picks import SectionPicking
    from rag.writers.source_structure import mark_structure

    cands, _ = candidates([GENERATED])
    assert mark_structure(cands, [GENERATED]) > 0
    kinds = {c.text[:24]: c.structure for c in cands}
    assert kinds["Hypothesis B: South Kore"] == "hypothesis" and kinds["Assessment: Hypothesis A"] == "verdict"
    # the sentence after the verdict naming what would shift it is the source's indicator, for a signals section
    # only (s34; the assessment has none)
    assert kinds["Key indicators that coul"] == "indicator" and kinds["BLUF: South Korea delaye"] is None
    marked = [c for c in cands if c.structure is not None]
    for c in marked:
        c.role, c.role_probs = "judgement", {"judgement": 1.0}  # a judgement every implication section would take
    for spec in assessment.sections:
        if spec.kind == "claims" and not spec.weigh_evidence:
            assert not any(SectionPicking._accepts(spec, c) for c in marked), spec.name


def test_a_structured_sources_assumptions_are_for_the_gaps_section_only(assessment):
    from rag.writers.candidates import candidates
    from rag.writers.section_picks import SectionPicking
    from rag.writers.source_structure import mark_structure

    listed = passage(GENERATED.chunk.text + "\nKey Assumptions\n  • Assumptions:\n"
                     "    • Seoul's negotiators act on instructions from the presidential office.\n",
                     doc="gen1", kind="generated", publisher="DeskWatch")
    cands, _ = candidates([listed])
    mark_structure(cands, [listed])
    (item,) = [c for c in cands if c.structure == "assumption"]
    assert item.text.startswith("Seoul's negotiators act on instructions")
    # the source's caption decides, whatever the classifier reads (s34: the sample's three "Assumptions" items, typed
    # judgement, never reached the gaps section)
    for role in ("judgement", "gap"):
        item.role, item.role_probs = role, {role: 1.0}
        takers = [s.name for s in assessment.sections if s.kind == "claims" and SectionPicking._accepts(s, item)]
        assert takers == ["assumptions_gaps"], (role, takers)


# a source that labels two hypotheses, weighs one and gives no verdict: the bare one is not listed
UNWEIGHED = passage(
    "Vietnam Suspends Rare Earth Auction\n\n"
    "Competing Hypotheses\n\n"
    "  • Hypothesis A: Vietnam suspended the rare earth auction to renegotiate its mining contract terms with bidders. "
    "This is supported by the industry ministry's call for new contract terms on 2 May.\n"
    "  • Hypothesis B: Vietnam suspended the rare earth auction under pressure from Beijing.\n",
    doc="gen3", title="Vietnam Suspends Rare Earth Auction", kind="generated", publisher="MekongDesk",
)
UNWEIGHED_REPORT = passage(
    "Vietnam suspended its rare earth mining auction on Tuesday, the industry ministry said. "
    "The ministry said it wanted new contract terms for the mines.",
    doc="news3", n=1, title="Vietnam suspends rare earth auction",
)


def test_a_labelled_hypothesis_neither_weighed_nor_judged_by_its_source_is_left_out(writer, assessment):
    draft = writer.write("Vietnam suspends rare earth auction", assessment, [UNWEIGHED, UNWEIGHED_REPORT], as_of=None)
    labelled = [c for c in section(draft, "hypotheses") if c.role in SOURCE_HYPOTHESIS_ROLES]
    assert [c.text.split(":")[0] for c in labelled] == ["Hypothesis A"], [c.text for c in labelled]
    assert labelled[0].role == "hypothesis" and labelled[0].evidence_for  # weighed, not judged: offered with its evidence


def test_a_judged_hypothesis_is_attributed_with_its_standing():
    gen = Source(index=1, doc_id="g", publisher="DeskWatch", source_type="generated", attributed_as="DeskWatch (AI-generated brief, 2024)")
    essay = Source(index=2, doc_id="e", publisher="Hosokawa", source_type="analysis", attributed_as="Hosokawa (2020 essay)")
    assert attribution("hypothesis_favoured", [gen]) == "DeskWatch (AI-generated brief, 2024) judges better supported"
    assert attribution("hypothesis_rejected", [essay]) == "Hosokawa (2020 essay) judges less supported"
