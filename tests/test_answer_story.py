"""An answer stays with the story asked about, and says what the sources do not give.

Kinds (found by a user on the sample corpus; the inputs here are written for this test, in
``tests/data/answer_story/``: a news report of Vietnam's curbs on gas exports to the Philippines and why, an
AI-generated brief on another story (Canada's curbs on Vietnamese firms) with its own "Hypothesis A/B" lines, an
opinion essay on Vietnam's export controls in general, and a report of unnamed executives held in Mexico):

* a question naming one or two countries is answered, and detailed, from passages about those countries: not from
  an essay about one of them, nor from another story's brief that names one of them;
* "why?" is answered by the sentence that gives the reason the source states ("… was based on a lack of trust"), not
  by the most similar sentence restating what was done (nor by one telling what the measures followed);
* a follow-up to an answer shown with its attribution ("X (AI-generated brief, 2025) assesses: “…”") refers to
  what the quote says, not to its source;
* "which tech executives …?" asks for people: a sentence saying that executives are held names none of them, so
  the answer is partial and says the names are missing; a one-word name after a preposition of place ("shipped
  through Manzanillo") is a place, not a person.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.followup import resolve_follow_up, unframed
from rag.render import answer_with_sources
from rag.types import Turn
from rag.writers.abstention_text import partial_parts
from rag.writers.answer_actor import led_by_another_place
from rag.writers.answer_value import only_place

DATA = Path(__file__).resolve().parent / "data" / "answer_story"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_story") / "data", DATA)


def _cited_titles(brief) -> set[str]:
    return {s.title for s in brief.sources}


@pytest.mark.parametrize("question", [
    "What export controls has Vietnam placed on the Philippines?",
    "How has Vietnam restricted gas exports to the Philippines?",
    "What did Hanoi do about gas exports to Manila?",
])
def test_an_answer_about_two_countries_quotes_only_passages_about_both(engine, question):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    titles = _cited_titles(brief)
    assert titles == {"Vietnam tightens controls on rare gas exports to the Philippines"}, titles
    assert "Canada" not in answer_text(brief) and "compliance teams" not in answer_text(brief)


@pytest.mark.parametrize("question", [
    "Why did Vietnam restrict gas exports to the Philippines?",
    "Why did Vietnam tighten export controls on the Philippines?",
])
def test_why_is_answered_first_by_the_sentence_giving_the_reason(engine, question):
    # the reason the officials state leads; the sentence telling what the measures followed is not the reason
    # (h/answers-s24: before, "… followed court rulings …" led)
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert "based on a lack of trust" in first_sentence(answer_text(brief))


def _converse(engine, questions):
    """Ask ``questions`` in turn as ``brief chat`` does: the history holds each reply as shown, attributions and
    source marks included."""
    history, briefs = [], []
    for q in questions:
        brief = engine.write(q, template="answer", history=list(history))
        briefs.append(brief)
        history += [Turn("user", q), Turn("assistant", answer_with_sources(brief).split("\n\nSources:")[0])]
    return briefs


@pytest.mark.parametrize("first", [
    "What export controls has Vietnam placed on the Philippines?",
    "What export controls has Vietnam imposed?",
])
def test_a_why_follow_up_answers_the_resolved_question_and_adopts_no_other_story(engine, first):
    _, why = _converse(engine, [first, "Why did it do that?"])
    text = answer_text(why)
    assert not why.abstained, why.message
    assert "based on a lack of trust" in first_sentence(text)
    assert "Hypothesis" not in text and "Canada" not in text


def test_another_publications_hypothesis_is_attributed_when_it_is_the_story_asked_about(engine):
    brief = engine.write("Why did Canada restrict dual-use exports to Vietnamese companies?", template="answer")
    assert not brief.abstained, brief.message
    claims = [c for s in brief.sections for c in s.claims]
    assert claims
    # the brief's judgements and labelled hypotheses are its own: never stated as fact
    assert all(c.attribution for c in claims if "Hypothesis" in c.text or "likely aimed" in c.text), \
        [(c.text, c.attribution) for c in claims]


@pytest.mark.parametrize("reply, quote_start", [
    ("Northwind Intelligence Desk (AI-generated brief, 2025) assesses: “Canada's restriction on dual-use exports is "
     "a strategic move.” [1] Vietnam last week tightened …", "Canada's restriction"),
    ("Delta Policy Review (2025 essay) argues: “The Vietnamese government must improve its technology controls.” [1]",
     "The Vietnamese government"),
    ("The sources report: “Police in Mexico are holding several tech executives.” [1]; none gives the names the "
     "question asks for.", "Police in Mexico"),
    ("According to an unnamed report: “Hanoi tightened the licensing of gas shipments.” [1]", "Hanoi tightened"),
])
def test_an_attributed_reply_is_read_for_its_quote(reply, quote_start):
    assert unframed(reply).startswith(quote_start)


@pytest.mark.parametrize("reply", [
    "Vietnam last week tightened the licensing of neon shipments. [1]",
    "Hanoi's trade minister said: “We will not withdraw the controls.” [1]",  # a speaker is part of what was said
])
def test_a_reply_without_an_attribution_frame_is_read_as_it_is(reply):
    assert unframed(reply) == reply


def test_a_pronoun_follow_up_carries_the_quotes_names_not_its_source():
    history = [Turn("user", "What export controls has Vietnam imposed?"),
               Turn("assistant", "Delta Policy Review (2025 essay) argues: “The Vietnamese government must improve "
                                 "its technology controls.” [1] Hanoi tightened gas licensing. [2]")]
    resolved = resolve_follow_up("Why did it do that?", history)
    assert resolved.is_follow_up
    assert "Delta" not in resolved.standalone and "Review" not in resolved.standalone, resolved.standalone
    assert "Vietnamese" in resolved.standalone or "Vietnam" in resolved.standalone


@pytest.mark.parametrize("question", [
    "Which tech executives are being held in Mexico?",
    "Which executives were detained over the chip smuggling case?",
    "Which tech executives did Mexican police detain?",
])
def test_which_people_is_a_partial_answer_when_no_source_names_them(engine, question):
    brief = engine.write(question, template="answer")
    assert brief.abstained
    parts = partial_parts(brief.message or "")
    assert parts is not None, brief.message
    _, quote, missing = parts
    assert "tech executives" in quote
    assert missing.startswith("the names"), missing


@pytest.mark.parametrize("name, text, place", [
    ("Manzanillo", "The chips were shipped through Manzanillo without licences.", True),
    ("Kestrelholm", "Two traders are held in Kestrelholm and one at the port.", True),
    ("Kestrelholm", "Kestrelholm said the traders were held in the port.", False),  # the subject, a speaker
    ("Ruiz", "President Ruiz urged talks in Manila.", False),
    ("Elena Ruiz", "The talks were held in Elena Ruiz's office.", False),  # two words: a person's name
])
def test_a_one_word_name_after_a_preposition_of_place_is_a_place(name, text, place):
    assert only_place(name, text) is place


@pytest.mark.parametrize("text, asked, other", [
    ("Hypothesis A: Canada is using export restrictions as a response to Vietnam's naval posture.", {"vietnam"}, True),
    ("The Chinese government's restriction on exports to 20 Japanese companies is a strategic move.", {"japan"}, True),
    ("Officials in Washington are seeking Tokyo's engagement on export controls.", {"japan"}, True),
    ("Vietnam's trade measures followed Philippine court rulings.", {"vietnam", "philippines"}, False),
    ("Hanoi said on Tuesday that it will not withdraw the controls.", {"vietnam"}, False),
    ("South Korean officials summoned a Japanese diplomat.", {"korea"}, False),  # South Korea is a case of Korea
    # the subject is the point, not the country named later in it
    ("Another important point for the United States to consider is leaks through Japan.", {"japan"}, False),
    ("Prosecutors said the case could widen.", {"mexico"}, False),  # no place: nothing to say
    ("Canada's restriction is a strategic move.", set(), False),  # the question names no place
])
def test_the_actor_of_a_sentence_is_the_place_it_opens_with(text, asked, other):
    assert led_by_another_place(text, asked) is other
