"""Words a question quotes are its story's own words (issue 10, abstention; h/abstain-s60).

Two kinds read on RealTime QA's fit half, each with cases written for this test:

* **A quote no passage mentions** (an unanswerable question answered from another story): "Which ruling did the
  president call “<his words>” this week?" was answered with the week before's ruling by the same court, which the
  president criticised in other words. The quoted words are the asked story's own, as a name is: when no evidence
  passage mentions them, the answer abstains and says which (``unmentioned.unmentioned_quotes``, beside
  ``unmentioned_names``).
* **A quote a passage gives word for word** (a false abstention): "… is looking for someone with “<words>” to fill
  which role?" abstained because the fitted story model (``answer_story_held``) read the one report that quotes those
  words as covering too few of the question's other words ("citizen", "vital role", "in order to"). A passage giving
  the quote word for word tells the question's story.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers import answering
from rag.writers.unmentioned import (gives_quote, mentions_quote, question_quotes, unmentioned_names,
                                     unmentioned_quotes)


@pytest.mark.parametrize("question, quotes", [
    ("Which ruling did Senator Vale call “a reckless gamble with our rivers” on Friday?",
     ["a reckless gamble with our rivers"]),
    ("Which players are suing the league over what they call ‘a betrayal of fans’?", ["a betrayal of fans"]),
    ('The minister praised the plan as "bold and overdue." Which plan?', ["bold and overdue"]),
    ("What did the board call 'an unworkable timetable' in its letter?", ["an unworkable timetable"]),
    # a title in quotes, its closing stop dropped
    ("Which actor starred in “Harbour Lights.” last year?", ["Harbour Lights"]),
])
def test_a_quote_of_two_or_more_content_words_is_read(question, quotes):
    assert question_quotes(question) == quotes


@pytest.mark.parametrize("question", [
    "Why did the envoy call the visit “friendly”?",  # one word: scare quotes
    "What is the “heatflation” the bank warned about?",  # a coined label
    "Which of the league’s clubs don't play on Sundays?",  # apostrophes are no quotes
    "What did the mayor's office say about the owners' plan?",
    "Which town held the festival?",
])
def test_scare_quotes_labels_and_apostrophes_are_no_such_quote(question):
    assert question_quotes(question) == []


@pytest.mark.parametrize("quote, text, mentioned, given", [
    ("a reckless gamble with our rivers", "Vale said the dam was “a reckless gamble with our rivers”.", True, True),
    # every word in another form or order mentions it; only the same words in order give it
    ("a betrayal of fans", "Fans felt the move betrayed them.", True, False),
    ("a betrayal of fans", "The fans called it a betrayal.", True, False),
    ("a betrayal of fans", "The players felt betrayed.", False, False),
    ("an unworkable timetable", "The board called the timetable unworkable.", True, False),
    ("bold and overdue", "The plan is BOLD — and overdue, he said.", True, True),
    ("a reckless gamble with our rivers", "Vale called the ruling a gamble.", False, False),
])
def test_a_quote_is_mentioned_by_its_words_and_given_by_them_in_order(quote, text, mentioned, given):
    assert mentions_quote(quote, text) is mentioned
    assert gives_quote(quote, text) is given


def test_the_quotes_no_text_mentions_are_listed_as_written():
    question = "Which ruling did Senator Vale call “a reckless gamble with our rivers” and ‘a betrayal of fans’?"
    texts = ["Vale called the dam ruling a reckless gamble with our rivers.", "Fans applauded."]
    assert unmentioned_quotes(question, texts) == ["a betrayal of fans"]
    assert unmentioned_quotes("Which ruling did Vale criticise?", texts) == []
    assert unmentioned_names(question, texts) == []  # the names are mentioned: only the quote is missing


# ------------------------------------------------------------------------------------------------------------------
# End to end through the real Engine over short reports written for this test

ARTICLES = [
    ("01_vale_dam.md", "2026-05-04", "Senator Vale attacks high court's dam ruling",
     "Senator Ada Vale on Monday criticised the high court's ruling that allowed the Brennock dam to go ahead, saying "
     "the court had ignored the farmers downstream. Vale said the ruling was a grave error that the legislature "
     "would have to correct."),
    ("02_vale_budget.md", "2026-05-05", "Vale backs river clean-up budget",
     "Senator Ada Vale said on Tuesday she would vote for the river clean-up budget, which adds 40 million crowns "
     "for water treatment plants."),
    ("03_rat_czar.md", "2026-05-06", "Harlow wants a fearless pigeon chief",
     "Mayor Tessa Orm is hunting for someone with “a keen nose for trouble” to lead the city's war on pigeons, her "
     "office said on Wednesday. The new pigeon control director will earn 90,000 crowns a year."),
    ("04_harlow_bus.md", "2026-05-06", "Harlow mayor opens new bus depot",
     "Mayor Tessa Orm opened Harlow's new bus depot on Wednesday, saying the city would buy 30 electric buses."),
    ("05_harlow_parks.md", "2026-05-03", "Harlow parks get new benches",
     "Harlow's parks department installed 200 new benches, Mayor Tessa Orm's office said, after residents asked "
     "for more seating."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("question_quotes"), ARTICLES)


def ask(engine, question, until="2026-05-08"):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


#: the asked remark is the senator's, but no report quotes it: the dam ruling she criticised in other words is
#: another story
UNQUOTED = [
    ("Which court ruling did Senator Ada Vale describe as “a reckless gamble with our rivers” this week?",
     "a reckless gamble with our rivers"),
    ("Senator Ada Vale called which court decision ‘an insult to every farmer’?", "an insult to every farmer"),
]


@pytest.mark.parametrize("question, quote", UNQUOTED)
def test_a_question_quoting_words_no_passage_mentions_abstains_and_names_them(engine, question, quote):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    assert f"None of the passages found mentions “{quote}”." in brief.message


@pytest.mark.parametrize("question, quote", UNQUOTED)
def test_without_reading_the_quote_the_other_ruling_answers(engine, monkeypatch, question, quote):
    from rag import pipeline

    monkeypatch.setattr(pipeline, "unmentioned_quotes", lambda q, texts: [])
    brief = ask(engine, question)
    assert not brief.abstained and "dam" in answer_text(brief), brief.message


def test_a_quote_the_passages_mention_in_other_words_does_not_stop_the_answer(engine):
    brief = ask(engine, "Which ruling did Senator Ada Vale call “a grave error”?")
    assert not brief.abstained, brief.message
    assert "dam" in answer_text(brief)


ROLE = ("Harlow mayor Tessa Orm is looking for a resident with “a keen nose for trouble” in order to fill which vital "
        "municipal vacancy?")


def test_a_passage_giving_the_quote_word_for_word_tells_the_story(engine):
    brief = ask(engine, ROLE)
    assert not brief.abstained, brief.message
    assert "pigeons" in answer_text(brief)


def test_without_the_quote_the_story_model_reads_the_role_as_untold(engine, monkeypatch):
    monkeypatch.setattr(answering, "question_quotes", lambda q: [])
    brief = ask(engine, ROLE)
    assert brief.abstained, answer_text(brief)
