"""A "how did X respond?" answer quotes X's own acts and words only, not the other side's claim beside them.

s31's fresh user: "How did Seoul respond?" after Japan's 2019 curbs on Korea quoted Moon's countermeasures, then
"Japanese Prime Minister Shinzo Abe and his aides have hinted that there might have been illegal transfers …" (the
claim Seoul responded to, not its response) and a generated brief's judgement on Korea's chip-hub pitch (another
story). The first sentence already had to tell the responder's act (``answering._led_by_responder``); the details
did not. The kind: when a response question's first sentence is the responder's act or words, every detail is too.

End to end through the real Engine over three short reports written for this test (tests/data/ask_response/: each a
measure, the responder's acts, and the acting side's claim against the responder in between), and over the sample
corpus for the case the fresh user met.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.pipeline import Engine
from rag.types import Turn

DATA = Path(__file__).resolve().parent / "data" / "ask_response"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("ask_response") / "data", DATA)


def ask(engine, question, history=()):
    return engine.write(question, template="answer", history=list(history))


CASES = [  # (first question, follow-up, the responder's acts the answer gives, the other side's claim it must not)
    ("Which materials did Canada restrict for export to Mexico?", "How did Mexico respond?",
     ["Mexico's economy minister said Mexico would file a complaint", "Mexico summoned Canada's ambassador"],
     "have hinted that potash shipped to Mexico"),
    ("What did Australia halt?", "How did Vietnam respond?",
     ["Vietnam's agriculture minister said Hanoi would buy", "Vietnam's foreign ministry protested"],
     "Australian officials claimed"),
    ("What did Italy suspend?", "How did Germany respond?",
     ["Germany's agriculture ministry said Berlin had paid", "Germany recalled its ambassador"],
     "Italian ministers accused Germany"),
]


@pytest.mark.parametrize("first, follow_up, acts, claim", CASES, ids=[c[1] for c in CASES])
def test_a_response_follow_up_quotes_the_responders_acts_only(engine, first, follow_up, acts, claim):
    reply = answer_text(ask(engine, first))
    brief = ask(engine, follow_up, [Turn("user", first), Turn("assistant", reply)])
    text = answer_text(brief)
    assert not brief.abstained, brief.message
    assert any(text.startswith(a) for a in acts), text
    assert claim not in text, text


@pytest.mark.parametrize("question, claim", [
    ("How did Mexico respond to Canada's potash curbs?", "have hinted that potash shipped to Mexico"),
    ("How did Vietnam respond to Australia's halt of cattle feed exports?", "Australian officials claimed"),
    ("How did Germany react to Italy's wheat suspension?", "Italian ministers accused Germany"),
])
def test_a_standalone_response_question_leaves_out_the_other_sides_claim(engine, question, claim):
    brief = ask(engine, question)
    assert claim not in answer_text(brief) and claim not in (brief.message or "")


# -- the sample corpus: the fresh user's conversation --------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_seoul_s_response_leaves_out_abes_claim_and_the_chip_hub_judgement(sample_engine):
    first = "Which materials did Japan restrict for export to South Korea?"
    reply = answer_text(ask(sample_engine, first))
    brief = ask(sample_engine, "How did Seoul respond?", [Turn("user", first), Turn("assistant", reply)])
    text = answer_text(brief)
    assert text.startswith("Moon on Monday said that Seoul would be forced to take countermeasures"), text
    assert "illegal transfers" not in text and "chip hub" not in text, text
    assert "file a complaint with the WTO" in text, text
