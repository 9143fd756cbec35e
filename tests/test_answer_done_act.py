"""A question asking what was done is answered by a report of the done act, not by a source's view of it nor by
advice (issue 10; s33 fresh user: the README's own example "What did Japan restrict?" was led by a 2020 essay's
"The Japanese government most improve its technology controls, including investment and export controls", while
"Tokyo last week tightened the approval process for … photoresists …" came later):

- a view (a judgement or forecast) leads only when no report of the act in the answer's pool is nearly as
  relevant (``answering.REPORT_GAP``), as for a name, number or date (``_report_first``);
- advice ("X should restrict …", "X ought to ban …", ``hypotheses.prescribes``) tells nothing done, whatever role
  the sentence classifier gives it and however many of the question's words it repeats: any on-topic report of the
  act leads before it, even when the advice lists items and the report does not;
- the report is an event (what was done), not a statement about it (what someone said of it).

End to end over four short articles written for this test (tests/data/done_act/: an essay advising Seoul and a
report of Seoul's ban; the same for the Netherlands) and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.writers.hypotheses import prescribes

DATA = Path(__file__).resolve().parent / "data" / "done_act"


@pytest.mark.parametrize("text, advice", [
    ("The South Korean government should restrict exports of advanced memory chips, including HBM.", True),
    ("The Dutch government ought to ban exports of older lithography tools.", True),
    ("Japan must comprehensively examine the variety of responses.", True),
    ("Seoul on Monday barred shipments of high-bandwidth memory chips to three Russian distributors.", False),
    ("The Netherlands on Thursday banned exports of deep ultraviolet immersion scanners.", False),
])
def test_advice_is_told_apart_from_a_done_act(text, advice):
    assert prescribes(text) is advice


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("done_act") / "data", DATA)


def _answer(engine, question: str) -> str:
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    return " ".join(c.text for s in brief.sections for c in s.claims)


@pytest.mark.parametrize("question, lead, advice", [
    ("What did South Korea restrict?", "Seoul on Monday barred shipments", "should restrict"),
    ("What did Seoul restrict?", "Seoul on Monday barred shipments", "should restrict"),
    ("What did the Netherlands ban?", "The Netherlands on Thursday banned", "ought to ban"),
    ("What did the Dutch government ban?", "The Netherlands on Thursday banned", "ought to ban"),
])
def test_the_report_of_the_done_act_leads_before_advice(engine, question, lead, advice):
    answer = _answer(engine, question)
    assert answer.startswith(lead), answer
    assert answer.find(advice) == -1 or answer.find(advice) > answer.find(lead)


def test_the_readme_example_is_led_by_japans_own_act(sample_index):
    """`brief ask "What did Japan restrict?"` on the sample corpus: Tokyo's tightening of the approval process for
    Korea-bound materials leads, not the 2020 essay's advice, nor China's restrictions on Japanese firms."""
    from rag.pipeline import Engine

    answer = _answer(Engine.from_settings(sample_index[0]), "What did Japan restrict?")
    assert answer.startswith("Tokyo last week tightened the approval process"), answer
