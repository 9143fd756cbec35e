"""An event stated only in a labelled headline answers a who/what question (issue 10, s35).

Kind (s34 fresh user's finding 3; closing note s34, h/briefs-s34): "Who protested China's export restrictions on
behalf of Japan?" named nobody. The only line saying so is WorldWideWatchers' "Intelligence Report: Tokyo protests as
China blocks dual-use exports to 20 Japanese companies": a report label, then a headline stating the event with its
actor. Briefs read it (``source_structure.labelled_headline``); an answer's candidates dropped it as a heading, and a
"BREAKING — …" label was cut as if it were a dateline, leaving a bare heading.

* ``candidates.candidates``: on the answer path too, a labelled headline is a candidate (the label cut, the headline
  typed as a title: capped by its article's body, as any title is); a line opening with a report label is not read
  for a dateline.
* End to end over two short articles written for this test (tests/data/labelled_headline/) and the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.pipeline import Engine
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates

DATA = Path(__file__).resolve().parent / "data" / "labelled_headline"


def _passage(text: str) -> EvidencePassage:
    chunk = Chunk(chunk_id="d-0000", doc_id="d", text=text, start=0, end=len(text), index=0,
                  metadata={"title": "Nordic diplomatic row deepens"})
    return EvidencePassage(sid="S1", chunk=chunk, score=1.0)


@pytest.mark.parametrize("line, headline", [
    ("Intelligence Report: Tokyo protests as China blocks dual-use exports to 20 Japanese companies",
     "Tokyo protests as China blocks dual-use exports to 20 Japanese companies"),
    ("BREAKING — Oslo recalls envoy as Reykjavik expels two Norwegian diplomats",
     "Oslo recalls envoy as Reykjavik expels two Norwegian diplomats"),
    ("Situation Report: Manila protests as Beijing halts fishing permits for 40 Philippine boats",
     "Manila protests as Beijing halts fishing permits for 40 Philippine boats"),
    ("EXCLUSIVE-Kestrel Lines wins ferry contract for the Lindholm islands",
     "Kestrel Lines wins ferry contract for the Lindholm islands"),
])
def test_an_answer_quotes_the_headline_after_its_report_label(line, headline):
    text = f"{line}\n\nThe dispute over quotas has lasted months, officials said on Sunday in the capital."
    cands, _ = candidates([_passage(text)])
    titles = [c for c in cands if c.is_title]
    assert [c.text for c in titles] == [headline], [c.text for c in cands]


@pytest.mark.parametrize("line", [
    "Analysis: Key Judgments and Strategic Outlook",  # a section's title after a label, no event
    "Report: What Next?",
])
def test_a_label_before_a_section_title_gives_no_headline(line):
    cands, _ = candidates([_passage(f"{line}\n\nThe dispute over quotas has lasted months, officials said.")])
    assert not any(c.is_title for c in cands), [c.text for c in cands]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("labelled_headline") / "data", DATA)


@pytest.mark.parametrize("question, actor", [
    ("Who protested Beijing's halt of fishing permits?", "Manila"),
    ("Which country protested the halt of fishing permits for Philippine boats?", "Manila"),
    ("What did Manila do after Beijing halted the fishing permits?", "Manila protests"),
    ("Which country recalled its envoy from Iceland?", "Oslo"),
])
def test_the_headline_answers_who_acted(engine, question, actor):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert actor in first_sentence(text), text


def test_a_headline_event_the_body_never_states_is_in_the_answer(engine):
    # the body tells only the expulsion: the recall is in the headline alone (it does not lead yet: its title cap
    # ties it with the body's expulsion sentence, which comes first)
    brief = engine.write("Who recalled an envoy after Reykjavik expelled two Norwegian diplomats?", template="answer")
    assert "Oslo recalls envoy" in answer_text(brief), brief.message


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", [
    "Who protested China's export restrictions on behalf of Japan?",
    "Who protested China's export restrictions?",
    "Which country protested China's dual-use export ban?",
])
def test_tokyo_protested_per_the_reports_headline(sample_engine, question):
    brief = sample_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    first = first_sentence(answer_text(brief))
    assert "Tokyo protests as China blocks dual-use exports to 20 Japanese companies" in first, first
