"""An answer never passes an analytic brief's judgement off as a finding (fresh user s29: "Why?" after "What did
China restrict?" opened with WorldWideWatchers' "Hypothesis B: China is primarily motivated by internal security
concerns …", which the same brief rejects: "Hypothesis A is currently better supported").

The sentences of a source's competing hypotheses are judgements under test (``answer_structure``): a hypothesis the
source rejects, the evidence it lists for or against one, and its assumptions are not quoted; the one it favours
never leads and is quoted with its verdict, credited as offered; a red-flag item ("Risk of deception in …") is no
reason. Over eight generated briefs written for this test (tests/data/analytic_briefs/: eight stories, the verdict
favouring Hypothesis A in four and B in four) and over the sample corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import engine_over

from rag.pipeline import Engine
from rag.types import Chunk
from rag.writers.answer_structure import (analytic_heading, held_in_structure, is_caveat, leads_not,
                                          under_analytic_heading, unquotable)
from rag.writers.base import EvidencePassage

DATA = Path(__file__).resolve().parent / "data" / "analytic_briefs"
BRIEFS = sorted(DATA.glob("*_brief.md"))


def _passage(path: Path) -> tuple[str, EvidencePassage]:
    text = path.read_text()
    chunk = Chunk(chunk_id=f"{path.stem}-0000", doc_id=path.stem, text=text, start=0, end=len(text), index=0, metadata={})
    return text, EvidencePassage("S1", chunk, 1.0)


def _line(text: str, opener: str) -> tuple[int, int]:
    """The span of the sentence of ``text`` that opens with ``opener`` (to its first full stop)."""
    at = text.index(opener)
    return at, text.index(". ", at) + 1 if ". " in text[at:] else len(text)


def _favoured(text: str) -> str:
    return re.search(r"Assessment: Hypothesis ([AB])", text).group(1)


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_what_each_sentence_of_a_brief_s_hypotheses_may_be_in_an_answer(path):
    text, ep = _passage(path)
    fav = _favoured(text)
    other = "B" if fav == "A" else "A"
    spans = {name: _line(text, opener) for name, opener in [
        ("favoured", f"Hypothesis {fav}:"), ("rejected", f"Hypothesis {other}:"),
        ("for", "Supporting evidence includes"), ("supported", "This is supported by"),
        ("against", "Contradicting this is"), ("verdict", f"Hypothesis {fav} is currently better supported"),
        ("bluf", "The most likely hypothesis is")]}
    held = dict(zip(spans, held_in_structure([(path.stem, a, b) for a, b in spans.values()], [ep])))
    assert held["favoured"].what == "hypothesis" and held["favoured"].standing == "favoured"
    assert held["rejected"].standing == "rejected" and unquotable(held["rejected"])
    assert all(unquotable(held[k]) for k in ("for", "supported", "against"))  # evidence lines of a hypothesis
    assert not unquotable(held["favoured"]) and leads_not(held["favoured"])
    assert held["verdict"].what == "verdict" and leads_not(held["verdict"]) and not unquotable(held["verdict"])
    # the favoured hypothesis and its verdict point at each other
    def overlaps(partner, span):
        return partner is not None and partner[1] < span[1] and span[0] < partner[2]

    assert overlaps(held["favoured"].partner, spans["verdict"]) and overlaps(held["verdict"].partner, spans["favoured"])
    # the BLUF's own "most likely hypothesis" sentence is the brief's judgement, not part of the list
    assert held["bluf"] is None


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_red_flags_assumptions_and_implications_are_read_under_their_headings(path):
    text = path.read_text()
    assert under_analytic_heading(text, text.index("Risk of deception"))
    assert under_analytic_heading(text, text.index("Political / Geopolitical:"))
    assert not under_analytic_heading(text, text.index("The most likely hypothesis"))  # under the BLUF
    assert not under_analytic_heading(text, text.index("AI-powered OSINT brief"))
    # a caveat needs its heading named to be quoted; an implication is the brief's judgement, quoted attributed
    assert is_caveat(analytic_heading(text, text.index("Risk of deception")))
    assert is_caveat(analytic_heading(text, text.index("political considerations")))  # an assumption
    assert not is_caveat(analytic_heading(text, text.index("Political / Geopolitical:")))


# -- end to end -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("analytic_briefs") / "data", DATA)


def _question(path: Path) -> tuple[str, str, str, str]:
    """(the "why" question, the favoured hypothesis' label line opener, the rejected one's, the actor)."""
    text = path.read_text()
    report = re.search(r"Intelligence Report: \w+ protests as (\w+) (.+)", text)
    actor, act = report.group(1), report.group(2).strip()
    verb = {"halted": "halt", "banned": "ban", "restricted": "restrict", "suspended": "suspend", "cut": "cut",
            "blocked": "block", "capped": "cap"}[act.split()[0]]
    fav = _favoured(text)
    return f"Why did {actor} {verb} {' '.join(act.split()[1:])}?", f"Hypothesis {fav}:", \
        f"Hypothesis {'B' if fav == 'A' else 'A'}:", actor


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_a_why_answer_over_an_analytic_brief_passes_no_judgement_under_test_off_as_the_reason(engine, path):
    question, favoured, rejected, actor = _question(path)
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    claims = [c for s in brief.sections for c in s.claims]
    texts = [c.text for c in claims]
    assert not any(rejected in t for t in texts), texts  # a hypothesis the source rejects is never quoted
    assert not texts[0].startswith("Hypothesis") and "better supported" not in texts[0]  # none leads
    assert not any(t.startswith(("Supporting evidence", "This is supported", "Contradicting this")) for t in texts)
    assert not any("Risk of deception" in t for t in texts)  # a red flag is no reason
    for k, c in enumerate(claims):
        if c.text.startswith(favoured):  # the favoured one comes offered, with the brief's own verdict after it
            assert c.attribution and c.attribution.endswith("offers"), c.attribution
            assert k + 1 < len(claims) and "better supported" in claims[k + 1].text
    assert all(c.attribution for c in claims)  # every quote of a generated brief is credited to it


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_why_after_what_did_china_restrict_quotes_no_rejected_hypothesis(sample_engine):
    from rag.render import answer_with_sources
    from rag.types import Turn

    first = sample_engine.write("What did China restrict?", template="answer")
    reply = answer_with_sources(first).split("\n\nSources:")[0]
    history = [Turn("user", "What did China restrict?"), Turn("assistant", reply)]
    for brief in (first, sample_engine.write("Why?", template="answer", history=history)):
        texts = [c.text for s in brief.sections for c in s.claims]
        assert not any("Hypothesis B" in t for t in texts), texts
        assert not any(t.startswith("Supporting evidence includes") for t in texts)
        assert not any("Risk of deception" in t for t in texts)


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_a_favoured_hypothesis_and_its_verdict_are_quoted_together_or_not_at_all(path):
    from rag.writers.answer_structure import with_verdicts

    text, ep = _passage(path)
    fav = _favoured(text)
    spans = [(path.stem, *_line(text, opener)) for opener in (
        "The most likely hypothesis is", f"Hypothesis {fav}:", f"Hypothesis {'B' if fav == 'A' else 'A'}:",
        "Assessment:")]
    held = held_in_structure(spans, [ep])
    bluf, favoured, rejected, verdict = range(4)
    allowed = [True] * 4
    assert with_verdicts([bluf, favoured], held, spans, allowed) == [bluf, favoured, verdict]
    assert with_verdicts([verdict, bluf], held, spans, allowed) == [favoured, verdict, bluf]
    assert with_verdicts([rejected, bluf], held, spans, allowed) == [bluf]  # no verdict of its own: not quoted
    # a verdict whose hypothesis cannot be quoted ("Hypothesis A is better supported" says nothing alone): left out
    assert with_verdicts([verdict], held, spans, [True, False, True, True]) == []
