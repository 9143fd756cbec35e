"""A "why" answer's sentences are reasons of the act's own time and kind (fresh user s28: "Why did Tokyo say it
tightened the controls?" ended with a 2020 essay's "Japan must step up its efforts regarding risk management …").

The answer leads with a sentence that tells a reason, and advice is none ("To protect its own security interests,
Japan must step up …" says what ought to be done, not why anything was: ``stated_reason.tells_reason``); a later
sentence from another article is a reason of the act's time (``stated_reason.of_the_reason``): it tells one, is no
forecast or watch item, is not set in another era, and its source is dated within a year of the answer's own. End
to end through the real Engine over eight stories written for this test (tests/data/why_details/: a dated news
report giving the act and the actor's stated reason, and an opinion essay two or three years later advising what to
do, worded with the story's terms and a purpose cue), and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.pipeline import Engine
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate
from rag.writers.stated_reason import of_the_reason, tells_reason

DATA = Path(__file__).resolve().parent / "data" / "why_details"


@pytest.mark.parametrize("text, tells", [
    ("Japanese officials have said the decision was based on a lack of trust.", True),
    ("Calder officials said the suspension was due to an outbreak of fish lice at Brenmark farms.", True),
    ("The rules were tightened to protect the grid from cyberattacks, the agency said.", True),
    ("To protect its own security interests, Japan must step up its efforts regarding risk management.", False),
    ("To keep domestic rice prices stable, Pelago must build grain reserves rather than cap rice exports.", False),
    ("To stop drone motors from reaching Marovia, Teshima needs to extend its restrictions to brokers.", False),
    ("Ostrava should end the ban because its mills need wheat.", False),  # a reason for advice is still advice
    ("It is essential that exporters screen buyers to prevent diversion.", False),
    ("Japan's trade measures followed South Korean court rulings.", False),  # what came before, not why
    ("Tokyo last week tightened the approval process.", False),
])
def test_a_reason_is_stated_and_is_no_advice(text, tells):
    assert tells_reason(text) is tells


def cand(text: str, doc: str, published: str | None, role: str | None = "judgement") -> Candidate:
    chunk = Chunk(chunk_id=f"{doc}-0000", doc_id=doc, text=text, start=0, end=len(text), index=0,
                  metadata={"published": published} if published else {})
    return Candidate(passage=EvidencePassage("S1", chunk, 1.0), rank=0, local_start=0, local_end=len(text), text=text,
                     role=role)


LEAD = cand("Norvian officials said the halt was based on evidence of resales to sanctioned firms.", "news",
            "2026-04-14", "statement")


@pytest.mark.parametrize("text, doc, published, role, follows", [
    # the lead's own article: the story's context, whatever it says
    ("Norvia halted exports of refined cobalt to Kestria on Monday.", "news", "2026-04-14", "event", True),
    ("Kestria's trade office said it would ask for talks.", "news", "2026-04-14", "statement", True),
    # another article of the act's time telling a reason: another party's explanation, attributed when quoted
    ("Analysts said the halt was driven by pressure from Norvia's allies.", "wire", "2026-04-20", "judgement", True),
    ("Traders said the halt came because buyers had missed payments.", "wire", None, "statement", True),  # undated
    # advice, of any date
    ("To protect its own security interests, Norvia must step up its controls on cobalt.", "essay", "2026-05-01",
     "judgement", False),
    ("Norvia should widen the halt to protect its smelters.", "wire", "2026-04-20", "judgement", False),
    # no reason at all
    ("Together, the two developments frame a coordinated tightening of controls.", "brief", "2026-04-20",
     "judgement", False),
    # a forecast or watch item, though it holds a cue
    ("The halt is likely to widen because stockpiles are low.", "wire", "2026-04-20", "forecast", False),
    ("Watch whether Kestria retaliates because of the halt.", "wire", "2026-04-20", "signal", False),
    # another period: another era, or a source years apart
    ("During the Cold War, Norvia halted cobalt sales because of embargoes.", "history", "2026-04-20", "background",
     False),
    ("Norvia halted cobalt exports because of a strike at its refinery.", "old", "2019-03-02", "event", False),
    ("Norvia's halt was driven by resales to sanctioned firms, the review found.", "later", "2028-02-10",
     "judgement", False),
])
def test_a_later_sentence_is_the_storys_context_or_a_reason_of_its_time(text, doc, published, role, follows):
    assert of_the_reason(cand(text, doc, published, role), LEAD) is follows


# -- end to end -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("why_details") / "data", DATA)


STORIES = [  # (the act in the question's words, the actor, the actor's stated reason or None when no cue is read)
    ("Norvia", "halted cobalt exports to Kestria", "halt", "resold the metal"),
    ("Ostrava", "banned wheat imports from Vellmar", "ban", "found mould"),
    ("Teshima", "restricted drone motor sales to Marovia", "restrict", "reaching Marovia's armed forces"),
    ("Calder", "suspended salmon imports from Brenmark", "suspend", "fish lice"),
    ("Soria", "cut gas deliveries to Velta", "cut", "unpaid gas bills"),
    ("Marle", "suspended research visas for Corvan scientists", "suspend", "copied laboratory data"),
    # "was intended to" / "was meant to": purpose cues answer_kinds.toml does not list yet; no advice leads instead
    ("Lumera", "blocked chip tool exports to Sarnia", "block", None),
    ("Pelago", "capped rice exports to Dunmore", "cap", None),
]


def questions():
    for actor, act, verb, reason in STORIES:
        yield f"Why did {actor} say it {act}?", reason
        bare = act.replace(act.split()[0], verb, 1)
        yield f"Why did {actor} {bare}?", reason


@pytest.mark.parametrize("question, reason", list(questions()))
def test_no_sentence_of_a_why_answer_is_a_later_essays_advice(engine, question, reason):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    claims = [c for s in brief.sections for c in s.claims]
    cited = {s.index: s for s in brief.sources}
    for c in claims:
        assert not any(cited[x.source].published[:4] in ("2027", "2028", "2029") for x in c.citations), c.text
    if reason is not None:
        assert reason in claims[0].text and claims[0].attribution is None


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_tokyos_stated_reason_without_the_2020_essays_advice(sample_engine):
    brief = sample_engine.write("Why did Tokyo say it tightened the controls?", template="answer")
    claims = [c for s in brief.sections for c in s.claims]
    assert "based on a lack of trust" in claims[0].text
    assert not any("must step up its efforts" in c.text for c in claims)
    assert not any(c.attribution and "2020 essay" in c.attribution for c in claims)
