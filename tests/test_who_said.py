""""Who said / called / described X?" is answered by the holder of that view, first (issue 10; s34 fresh user, finding
6).

``brief ask "Who said Japan's measure was politically motivated?"`` gave Suga's quote with the Moon sentence after it
("He was responding to Moon’s appeal …, urging Tokyo to withdraw what he described as a politically motivated
measure") and then an unrelated China judgement: the answer never said "Moon". The kind: a question asking who held a
view (``answer_who.asked_view``; ``view_verbs.toml``) is answered by the sentence that puts that view by a frame
("what he described as …", "X said …", "Y called …": ``answer_who.view_holder``); when the frame's subject is a
pronoun, the holder is the person named before it in the frame's own sentence (a titled name before a bare word that
may be a city; never a known place: "Tokyo"), and the answer names them first, as its document writes them in full
(``answer_who.full_name``: "South Korean President Moon Jae-in"), before the quote; a frame that names the holder
itself needs no such lead. Its details are other sentences putting the same view, not another story's judgement.

End to end over three reports written for this test (tests/data/who_said/: a pronoun frame after an appeal naming
the holder with a title and a capital the place list lacks, a named frame, and a pronoun frame in a sentence that
also quotes the holder), and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import first_sentence
from rag.writers.answer_who import asked_view, full_name, holder_lead, view_holder, without_holder
from rag.writers.answer_verdict import without_verdict

DATA = Path(__file__).resolve().parent / "data" / "who_said"

MOON = ("He was responding to Moon’s appeal for a diplomatic solution thorough “sincere” bilateral discussions, urging "
        "Tokyo to withdraw what he described as a politically motivated measure.")


@pytest.mark.parametrize("question, view", [
    ("Who said Japan's measure was politically motivated?", "Japan's measure was politically motivated"),
    ("Who called the curbs discriminatory?", "the curbs discriminatory"),
    ("Who described the toll as a tax on transit?", "the toll as a tax on transit"),
    ("Who is Sato Kei?", None),
    ("Who restricted exports to Japan?", None),
    ("What did Moon say about the measure?", None),
])
def test_the_view_a_question_asks_the_holder_of(question, view):
    assert asked_view(question) == view


@pytest.mark.parametrize("question, sentence, holder", [
    ("Who said Japan's measure was politically motivated?", MOON, ("Moon", "he described")),
    ("Who called the curbs discriminatory?", "Beijing called the curbs discriminatory and vowed to respond.",
     ("Beijing", "Beijing called")),
    ("Who called Peru's copper levy discriminatory?", "She was answering an appeal by Chilean President Mateo Vidal "
     "for talks, urging Lima to scrap what he called a discriminatory levy.", ("Chilean President Mateo Vidal", "he called")),
    # the view's words are not all there, or no frame puts them, or no one is named before the pronoun
    ("Who said Japan's measure was politically motivated?", "Japan's measure was widely criticised.", None),
    ("Who called the curbs discriminatory?", "The curbs were called discriminatory.", None),
    ("Who described the toll as a tax on transit?", "She described the toll as a tax on transit.", None),
])
def test_who_holds_the_view_a_sentence_puts(question, sentence, holder):
    assert view_holder(question, sentence) == holder


def test_the_holder_is_named_in_full_and_the_lead_is_not_the_quote():
    text = ("Japan yesterday said …, a day after South Korean President Moon Jae-in urged that the issue be resolved. "
            + MOON)
    assert full_name("Moon", text) == "South Korean President Moon Jae-in"
    assert full_name("Nowak", "No other form here.") == "Nowak"
    lead = holder_lead("South Korean President Moon Jae-in", "he described")
    assert without_holder(lead + "“The measure …”") == "“The measure …”"
    assert without_verdict(lead + "He was responding …") == "He was responding …"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("who_said") / "data", DATA)


def _text(brief) -> str:
    return " ".join(c.text for s in brief.sections for c in s.claims)


@pytest.mark.parametrize("question, holder, absent", [
    ("Who called Peru's copper levy discriminatory?", "Mateo Vidal", "mining association"),
    ("Who said Vietnam's rice halt was a breach of a supply pact?", "Jose Cruz", "temporary"),
    ("Who described Germany's transit toll as a tax on Polish transit?", "Piotr Nowak", "road repairs"),
])
def test_the_holder_leads_the_answer(engine, question, holder, absent):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = _text(brief)
    assert holder in first_sentence(text)
    assert absent not in text


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_fresh_users_question_is_answered_moon(sample_engine):
    brief = sample_engine.write("Who said Japan's measure was politically motivated?", template="answer")
    text = _text(brief)
    assert first_sentence(text).startswith("South Korean President Moon Jae-in")
    assert "China" not in text  # not the unrelated judgement on China's restrictions
