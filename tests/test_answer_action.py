"""A "which country restricted ...?" question is answered by a name of who did that act, not by a sentence that
names a country doing something else ("… carved out exceptions only for Australia, Canada and the United Kingdom",
"Germany debuted …"). A sentence that tells the act in the passive or as a noun ("restrictions imposed by Brazil on
…") still answers; when none tells it, the answer is partial and says what is missing (``rag.writers.answer_action``;
fresh-user finding of h/answers-s26 on the sample corpus).

The act is read off the question and the sentences directly, then end to end through the real Engine over three
short articles (tests/data/answer_action/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.answer_action import asked_action, states_action
from rag.writers.key_terms import place_keys, stems

DATA = Path(__file__).resolve().parent / "data" / "answer_action"


@pytest.mark.parametrize("question, word, passive", [
    ("Which country restricted dual-use exports to 20 Japanese companies?", "restricted", False),
    ("Which nation has banned exports of gallium?", "banned", False),
    ("What country imposed tariffs on Korean steel?", "imposed", False),
    ("Who won the Stanley Cup?", "won", False),
    ("Which Japanese chip maker announced layoffs this week?", "announced", False),
    ("Which companies were fined for smuggling?", "fined", True),
    ("Which United Nations agency warned of famine?", "warned", False),
    ("And which government sanctioned the shipping firm?", "sanctioned", False),
])
def test_the_asked_act_is_the_verb_after_the_subject_asked_for(question, word, passive):
    act = asked_action(question)
    assert act is not None and act.word == word and act.passive is passive


@pytest.mark.parametrize("question", [
    "Which country did Japan sanction?",  # the object is asked
    "Which country is the largest exporter of rare earths?",  # a copula
    "What are the new rules?",
    "Why did Japan tighten export controls?",
    "How many firms were listed?",
])
def test_a_question_asking_no_doer_of_an_act_has_none(question):
    assert asked_action(question) is None


def _states(question: str, sentence: str) -> bool:
    qstems = stems(question)
    return states_action(sentence, asked_action(question), qstems, place_keys(qstems))


RESTRICT = "Which country restricted dual-use exports to 20 Japanese companies?"
BAN = "Which country banned exports of tidal turbines?"


@pytest.mark.parametrize("question, sentence", [
    (RESTRICT, "China restricted dual-use exports to 20 Japanese companies on Tuesday."),
    (RESTRICT, "Beijing on Tuesday restricted exports of dual-use items to 20 Japanese firms."),
    (RESTRICT, "Restrictions imposed by Beijing on 20 Japanese firms took effect."),  # a noun, its agent after "by"
    (RESTRICT, "China's new export curbs target 20 Japanese companies."),  # a synonym, possessive agent
    (RESTRICT, "Dual-use exports to 20 Japanese companies were restricted by China."),  # passive
    (BAN, "Canada banned the export of tidal turbines this week."),
    (BAN, "A ban imposed by Norway on tidal turbine exports began on Monday."),
    (BAN, "Brazil prohibited exports of tidal turbines."),  # the verb class ban = prohibit
    ("Which companies were fined for smuggling?", "Customs fined Arlo Freight and Bexel Marine for smuggling."),
    ("Who won the Stanley Cup?", "The Colorado Avalanche won the Stanley Cup on Sunday."),
])
def test_a_sentence_telling_the_act_with_its_doer_answers(question, sentence):
    assert _states(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    (RESTRICT, "CFIUS has carved out exceptions only for Australia, Canada and the UK due to their intelligence ties."),
    (RESTRICT, "Germany debuted its first hydrogen train this week."),
    (RESTRICT, "Furthermore, Japan must step up its export controls extensively."),  # the question's own country
    (RESTRICT, "Export controls are key for the United States to consider when developing its strategy."),
    (RESTRICT, "Canada was hit by export restrictions last year."),  # the undergoer, not the doer
    (RESTRICT, "The ministry placed restrictions on Canada's exports."),  # the object of "on"
    (BAN, "Canada switched on the world's first floating tidal farm this week."),
    (BAN, "Officials said tidal turbine exports rose by a third."),  # no act of banning
    ("Who won the Stanley Cup?", "The Colorado Avalanche lost the final game in Tampa."),
    ("Which companies were fined for smuggling?", "Arlo Freight and Bexel Marine deny smuggling."),
])
def test_a_sentence_naming_a_country_doing_another_act_does_not(question, sentence):
    assert not _states(question, sentence)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_action") / "data", DATA)


def ask(engine, question, until="2026-05-01"):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


@pytest.mark.parametrize("question", [
    "Which country restricted exports of dual-use technology to Ruritania?",
    "Which country has banned technology exports to Ruritania?",
])
def test_a_report_of_other_acts_gives_no_name_and_says_what_is_missing(engine, question):
    brief = ask(engine, question)
    text = answer_text(brief)
    first = first_sentence(text) if text else ""
    assert not any(name in first for name in ("Australia", "Canada", "United Kingdom", "Germany")), text
    message = brief.message or ""
    assert brief.abstained or "none of the sources gives the name of the country that" in message, message


@pytest.mark.parametrize("question, name", [
    ("Which country restricted 12 Vellonian drone makers?", "Brazil"),  # "Restrictions imposed by Brazil"
    ("Which country imposed curbs on Vellonian drone makers?", "Brazil"),
    ("Which country fined the Kestrel Lines port operator?", "Mexico"),
])
def test_a_report_telling_the_act_as_a_noun_or_passive_answers(engine, question, name):
    brief = ask(engine, question)
    assert not brief.abstained, brief.message
    assert name in first_sentence(answer_text(brief))


# --- the window a question's own time set is shown with the answer (tests/data/answer_window/) ---

WINDOW = Path(__file__).resolve().parent / "data" / "answer_window"


@pytest.fixture(scope="module")
def window_engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_window") / "data", WINDOW)


def test_an_answer_bounded_by_this_week_says_the_window_it_searched(window_engine):
    from rag.render import answer_with_sources

    brief = window_engine.write("Which country banned tidal turbine exports to 14 Vellonian firms this week?",
                                template="answer", filters=SearchFilters(until="2026-06-12"))
    assert not brief.abstained, brief.message
    assert brief.message == ("Searched sources published 2026-06-05 to 2026-06-12 (the question's “this week” as of "
                             "2026-06-12).")
    assert answer_with_sources(brief).startswith("Searched sources published 2026-06-05 to 2026-06-12")


def test_without_a_relative_time_no_window_is_shown(window_engine):
    brief = window_engine.write("Which country banned tidal turbine exports to 14 Vellonian firms?", template="answer",
                                filters=SearchFilters(until="2026-06-12"))
    assert not brief.abstained and not brief.message


def test_a_place_in_england_answers_a_question_about_the_united_kingdom(engine):
    # places.toml: England (as Scotland, Wales, Northern Ireland) is in the United Kingdom, so the passage is about
    # the country the question names (before, "the most relevant sentences are about other countries")
    brief = ask(engine, "When did the stone circle in the United Kingdom reopen to visitors after repairs?", "2026-05-10")
    assert not brief.abstained, brief.message
    assert "3 May 2026" in first_sentence(answer_text(brief))
