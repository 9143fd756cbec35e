"""A yes/no answer tells a hinted or suspected act from an intended or announced one.

Kind (s37's fresh user, issue 10 answers 8): "Did Japan confirm that sensitive materials were illegally transferred to
North Korea?" answered that the sources report it "only as intended or announced" over "Japanese Prime Minister Shinzo
Abe and his aides have hinted that there might have been illegal transfers …": a hint, a suspicion, "might have",
"could have", "did not rule out" tell a possibility, not an intention. ``intent_kind`` reads "possible" when every cue
governing the act is a possibility (the checker's possibility cues, ``modality_strength.toml``, less deliberations;
``polar_questions.toml`` [intent] `possibility`), "planned" when one tells an intent; the answer says "They report it
only as possible (hinted or suspected), not as done".
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine
from rag.writers.abstention_text import partial_message
from rag.writers.answer_verdict import INTENDED, POSSIBLE, intent_kind, intent_only

TRANSFERRED = "Japan confirmed that sensitive materials were illegally transferred to North Korea"


@pytest.mark.parametrize("claim, sentence", [
    (TRANSFERRED, "Japanese Prime Minister Shinzo Abe and his aides have hinted that there might have been illegal "
                  "transfers of sensitive materials from South Korea to North Korea."),
    ("Vesper recalled its ambassador", "Vesper may have recalled its ambassador, diplomats said."),
    ("the militia attacked the convoy", "Officials said the militia could have attacked the convoy."),
    ("Kestrel Lines smuggled the chips", "Kestrel Lines is suspected of smuggling the chips through Singapore."),
    ("Norland imposed duties on wine", "Norland did not rule out imposing duties on Vesper's wine."),
    ("Seoul leaked the materials", "Tokyo has hinted at leaked materials, officials said."),
    ("the agency fined the firm", "The agency possibly fined the firm last year, a report said."),
])
def test_a_hint_or_suspicion_tells_the_act_only_as_possible(claim, sentence):
    assert intent_kind(claim, sentence) == "possible"
    assert intent_only(claim, sentence)


@pytest.mark.parametrize("claim, sentence", [
    ("Seoul filed a complaint with the WTO", "Seoul plans to file a complaint with the WTO."),
    ("Seoul filed a complaint with the WTO", "Seoul vowed to file a complaint with the WTO."),
    ("Seoul filed a complaint with the WTO", "Seoul is considering filing a complaint with the WTO."),  # a deliberation
    ("Seoul filed a complaint with the WTO", "Seoul will file a complaint with the WTO."),
    ("Norland imposed duties on wine", "Norland threatened to impose duties on wine and may act within weeks."),
])
def test_a_plan_vow_or_deliberation_stays_planned(claim, sentence):
    assert intent_kind(claim, sentence) == "planned"


@pytest.mark.parametrize("claim, sentence", [
    ("Seoul filed a complaint with the WTO", "Seoul filed a complaint with the WTO on Monday."),  # done
    ("Kestrel Lines smuggled the chips", "Prosecutors found that Kestrel Lines smuggled the chips."),
    ("Vesper recalled its ambassador", "Vesper, which had hinted it might recall its ambassador, recalled him."),
    ("Seoul filed a complaint with the WTO", "Seoul may file a complaint with the WTO."),  # possible, but of the future:
])
def test_an_act_told_done_is_neither(claim, sentence):
    kind = intent_kind(claim, sentence)
    if sentence.startswith("Seoul may"):
        assert kind == "possible"  # "may file" allows it, no more: still no "Yes."
    else:
        assert kind is None


def test_the_undecided_answer_says_the_act_is_reported_only_as_possible():
    quote = "Abe and his aides have hinted that there might have been illegal transfers."
    message = partial_message(quote, f"whether {TRANSFERRED}{POSSIBLE}")
    assert message == (f"The sources do not say whether {TRANSFERRED}. They report it only as possible (hinted or "
                       f"suspected), not as done: “{quote}” [1]")
    said_by = "Coastline Courier (report, 2023) reports"
    assert partial_message(quote, f"whether {TRANSFERRED}{POSSIBLE}", said_by).endswith(
        "[1] — told only as possible (hinted or suspected), not as done.")
    assert "intended or announced" in partial_message(quote, f"whether {TRANSFERRED}{INTENDED}")


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_ask_over_the_sample_corpus_reads_abes_hint_as_possible(sample_engine):
    brief = sample_engine.write(f"Did {TRANSFERRED}?".replace("Japan confirmed", "Japan confirm"), template="answer")
    assert brief.abstained
    assert "only as possible (hinted or suspected)" in brief.message and "hinted" in brief.message, brief.message
    assert "intended or announced" not in brief.message
