"""A "why" question is answered first by the reason a source states, not by what the act followed.

Kind (found by a user on the sample corpus: "Why did Japan tighten export controls on South Korea?" led with
"Japan's trade measures followed South Korean court rulings …" while the report gives the officials' reason, "the
decision … was based on a lack of trust that posed a risk to national security"). A sentence whose only causal cue
tells what came before or what something is linked to ("followed", "came after", "in connection with": ``[reason]
sequence_cues`` of answer_kinds.toml) is a sequence, not a stated reason; when a source states one, it leads, and
the sequence may follow. When no source states a reason, the sequence still answers.

The inputs are written for this test (``tests/data/answer_reason/``): a suspension of lithium exports with the
ministry's reason ("necessary to protect …") beside what it followed; a grounded fleet with the airline's reason
("because inspectors found …") beside what it came after; a port closure told only by what it followed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.answer_kind import gives_reason, states_reason

DATA = Path(__file__).resolve().parent / "data" / "answer_reason"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_reason") / "data", DATA)


@pytest.mark.parametrize("text, states", [
    ("The decision to tighten controls was based on a lack of trust that posed a risk to national security.", True),
    ("The airline said it grounded the fleet because inspectors found cracked blades.", True),
    ("The ministry said the suspension was necessary to protect domestic battery plants.", True),
    ("The ban was lifted on the grounds that the plant had passed its inspection.", True),
    ("The move, aimed at curbing leaks, followed a review.", True),  # a stated aim beside a sequence
    ("The trade measures followed court rulings ordering firms to compensate plaintiffs.", False),
    ("The grounding came after an engine fire on a flight last week.", False),
    ("Executives are held in connection with a chip smuggling case.", False),
    ("The closure followed a strike by crane operators.", False),
])
def test_a_stated_reason_is_told_from_a_sequence(text, states):
    assert gives_reason(text)  # both tell why or what came before: a "why" question may quote either
    assert states_reason(text) is states


def test_a_sentence_with_no_causal_cue_gives_no_reason():
    assert not gives_reason("Norvia suspended licences for lithium exports on Monday.")
    assert not states_reason("Norvia suspended licences for lithium exports on Monday.")


@pytest.mark.parametrize("question, reason", [
    ("Why did Norvia suspend lithium exports to Estland?", "necessary to protect domestic battery plants"),
    ("Why did Norvia halt lithium hydroxide exports?", "necessary to protect domestic battery plants"),
    ("What was the reason for Norvia's suspension of lithium exports?", "necessary to protect domestic battery plants"),
    ("Why did Kestrel Air ground its turboprop fleet?", "because inspectors found cracked turbine blades"),
    ("Why were Kestrel Air's turboprops grounded?", "because inspectors found cracked turbine blades"),
])
def test_why_leads_with_the_reason_the_source_states(engine, question, reason):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert reason in first_sentence(answer_text(brief)), answer_text(brief)


def test_a_sequence_answers_why_when_no_source_states_a_reason(engine):
    brief = engine.write("Why did the Port of Halden close its container terminal?", template="answer")
    assert not brief.abstained, brief.message
    assert "followed a strike by crane operators" in first_sentence(answer_text(brief)), answer_text(brief)
