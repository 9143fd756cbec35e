"""Competing hypotheses an analyst could sign (issue 10, item 5), on inputs written for this file.

Read on the tn-004 brief (China's drills after the Pelosi visit): the section held one analysis's judgement, as if it
were one of several, and its "evidence" was two sentences of the same analysis that shared only how they were said
with it: "There's no reason for any actions to be taken" (the explanation's "for strategic reasons") for it, and
'"We shouldn't be ... intimidated ..." But in a new statement on Monday, Zhang Jun ... warned again ...' (its own
"warnings"; a "But" that answers the quote before it) against it.

- When the sources give one explanation, the brief says so plainly; with two or more, each is listed with its
  evidence.
- What an explanation is about excludes the words that only frame it (reporting, causal, hedging, contrasting and
  forward-looking cue words): evidence shares what it is about.
- Evidence against states a contrast within itself; a "But"/"However" that only opens a sentence answers the
  sentence before it.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.hypotheses import contradicts, frame_stems


@pytest.mark.parametrize("text, framing, subject", [
    ("It became politically implausible, for strategic reasons, for her to bend to the warnings.", {"reason"}, {"strateg", "warn"}),
    ("Tokyo imposed the curbs because of the court rulings on wartime labour.", {"because"}, {"court", "labour"}),
    ("The drills were likely motivated by anger over the visit, analysts said.", {"like", "motiv", "said"}, {"anger"}),
    ("Seoul may have acted in response to pressure from Washington.", {"may", "respons"}, {"pressur", "washington"}),
    ("However, the ban could be aimed at protecting domestic chipmakers.", {"howev", "could", "aim"}, {"chipmak", "domest"}),
])
def test_the_words_that_frame_an_explanation_are_not_what_it_is_about(text, framing, subject):
    from rag.writers.key_terms import stem

    found = frame_stems(text)
    assert {stem(w) for w in framing} <= found or framing <= found, found
    assert not {stem(w) for w in subject} & found and not subject & found, found


@pytest.mark.parametrize("text, against", [
    ('"We should not be intimidated by that rhetoric." But in a new statement on Monday, the envoy warned again.', False),
    ("But the ministry said on Friday that the drills would continue.", False),
    ("However, officials said the curbs took effect in July.", False),
    ("Beijing denied that the drills were a rehearsal for a blockade.", True),
    ("The talks went ahead despite the warnings from Beijing.", True),
    ("Tokyo said the curbs were about security, but Seoul rejected that.", True),
    ("However, Tokyo denied that the curbs were retaliation.", True),
    ("Although the ministry called the drills routine, they were the largest in a decade.", True),
])
def test_evidence_against_states_a_contrast_within_itself(text, against):
    assert contradicts(text) is against


def _passage(text: str, *, doc: str, n: int = 0, kind: str | None = None) -> EvidencePassage:
    meta = {"title": "", "published": "2023-08-03", "publisher": doc}
    if kind:
        meta["kind"] = kind
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta)
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


# one analysis explains the visit; its other sentences share only cue words ("reasons", "warnings") with it
ONE_ANALYSIS = [
    _passage("China launched military drills around Taiwan on Thursday after the speaker's visit, the defence ministry "
             "said. The drills involved missiles fired into waters east of Taiwan.", doc="news1"),
    _passage("China held military drills around Taiwan for a second day on Friday after the speaker's visit. "
             "China probably staged the military drills around Taiwan because it wanted to punish the visit and deter "
             "future trips by American lawmakers, for strategic reasons. "
             "There's probably no reason for any actions to be taken, a White House spokesman said of the drills around "
             'Taiwan. "We should not be intimidated by that rhetoric." But on Monday, China\'s envoy warned again that '
             "future trips to Taiwan by American lawmakers would be punished.", doc="news2", n=1),
]


def test_evidence_that_shares_only_how_it_is_said_is_no_evidence(writer, library):
    draft = writer.write("China's military drills around Taiwan after the speaker's visit", library.get("assessment"),
                         ONE_ANALYSIS, as_of=None)
    hyps = next(s for s in draft.sections if s.name == "hypotheses").claims
    assert len(hyps) == 1 and "staged the military drills" in hyps[0].text, [c.text for c in hyps]
    support, against = [c.text for c in hyps[0].evidence_for], [c.text for c in hyps[0].evidence_against]
    # "probably" and "reason" frame both sentences: the spokesman's line is about nothing the explanation says
    assert not any("no reason for any actions" in t for t in support + against), (support, against)
    # the envoy's warning that future trips would be punished bears on the explanation, and its opening "But"
    # answers the quote before it: it is not evidence against
    assert not any("would be punished" in t for t in against), against
    assert any("would be punished" in t for t in support), support


def _brief(n: int):
    from rag.brief import Brief, Citation, Claim, Provenance, Section

    cite = Citation(source=1, chunk_id="d1-0000", doc_id="d1", start=0, end=10, quote="x")
    claims = [Claim(text=t, citations=[cite], verified=True, role="judgement") for t in
              ("Beijing staged the drills to deter future visits.", "The drills were planned long before the visit.")[:n]]
    prov = Provenance(template="assessment", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    return Brief(template="assessment", topic="t", provenance=prov,
                 sections=[Section(name="hypotheses", title="Competing hypotheses", claims=claims)])


def test_one_explanation_is_said_to_be_one_and_competing_ones_are_listed_each_with_its_evidence():
    from rag.render import ONE_EXPLANATION, brief_markdown

    one = brief_markdown(_brief(1))
    assert ONE_EXPLANATION in one and one.index(ONE_EXPLANATION) < one.index("Beijing staged")
    assert "No evidence for or against it in the sources." in one
    two = brief_markdown(_brief(2))
    assert ONE_EXPLANATION not in two
    assert two.count("No evidence for or against it in the sources.") == 2


def test_an_explanation_the_bluf_quotes_is_still_listed_as_the_sources_explanation(writer, library):
    draft = writer.write("China's military drills around Taiwan after the speaker's visit", library.get("assessment"),
                         ONE_ANALYSIS, as_of=None)
    bluf = [c.text for c in next(s for s in draft.sections if s.name == "bluf").claims]
    hyps = [c.text for c in next(s for s in draft.sections if s.name == "hypotheses").claims]
    explanation = [t for t in hyps if "staged the military drills" in t]
    # the section never says "the sources offer no explanation" while the BLUF quotes one
    assert explanation, (bluf, hyps)
