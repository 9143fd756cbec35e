"""A question that asks two things is split into the questions it asks (issue 10 items 8 and 9, s44).

s44's fresh user: "Which materials did Japan restrict, and how did South Korea respond?" got the materials only, and
nothing said the response went unanswered. The kind: a coordinated question — two or more wh-clauses joined by ", and",
"and", ";", or asked one after another ("Who won? By how much?"), a later one possibly elided to its wh-phrase ("What
did Japan restrict and when?"). Each part is answered as a question of its own (``Engine._run_parts``); an elided part
is said with the first part's clause when that clause is inverted ("When did Japan restrict?"), else left to the
conversation of the parts before it ("By how much?" after "Who won?"). Not split: one clause with a coordinated
subject, object or list, a pair ("between …"), a comparison, a yes/no question, a wh-word opening a clause inside the
question. Unit level: ``question_parts``; end to end: ``tests/test_compound_answer.py``.
"""

from __future__ import annotations

import pytest

from rag.question_parts import question_parts


def _asked(question: str) -> list[str]:
    return [p.asked for p in question_parts(question)]


def _standalone(question: str) -> list[str]:
    return [p.standalone for p in question_parts(question)]


@pytest.mark.parametrize("question, parts", [
    # two full wh-clauses joined by ", and" / "and"
    ("Which materials did Japan restrict, and how did South Korea respond?",
     ["Which materials did Japan restrict?", "How did South Korea respond?"]),
    ("Who asked Japan to investigate the shipments, and who received the request?",
     ["Who asked Japan to investigate the shipments?", "Who received the request?"]),
    ("When did Japan impose the curbs and which companies were hit?",
     ["When did Japan impose the curbs?", "Which companies were hit?"]),
    ("Why did the Netherlands restrict ASML's exports and how did Beijing react?",
     ["Why did the Netherlands restrict ASML's exports?", "How did Beijing react?"]),
    ("Who is Lee Jae-myung and what did he pitch in the southwest?",
     ["Who is Lee Jae-myung?", "What did he pitch in the southwest?"]),
    ("Which company makes the chips, and where is it based?", ["Which company makes the chips?", "Where is it based?"]),
    ("How many firms did China blacklist and why did it blacklist them?",
     ["How many firms did China blacklist?", "Why did it blacklist them?"]),
    ("What did Kestrel Lines suspend and what did the port authority say?",
     ["What did Kestrel Lines suspend?", "What did the port authority say?"]),
    ("Whose shipments were halted, and when will they resume?",
     ["Whose shipments were halted?", "When will they resume?"]),
    ("What's the new rule and who's affected by it?", ["What's the new rule?", "Who's affected by it?"]),
    ("Why did Japan restrict exports and what happened next?", ["Why did Japan restrict exports?", "What happened next?"]),
    # joined by ";" or asked one after another
    ("What did Japan restrict; how did Korea respond?", ["What did Japan restrict?", "How did Korea respond?"]),
    ("Who won the tender? Who lost it?", ["Who won the tender?", "Who lost it?"]),
    ("Which chips were banned? And why were they banned?", ["Which chips were banned?", "Why were they banned?"]),
    # three parts
    ("Who imposed the ban, when did it start, and how long will it last?",
     ["Who imposed the ban?", "When did it start?", "How long will it last?"]),
    # a wh-phrase led by a preposition
    ("What did the Fed raise, and by how much did it raise it?", ["What did the Fed raise?", "By how much did it raise it?"]),
    ("Which port raised its fees and to what extent did shipping lines object?",
     ["Which port raised its fees?", "To what extent did shipping lines object?"]),
    # background sentences before the questions lead every part with a clause of its own
    ("Japan tightened rules last week. Which materials did it restrict, and how did Seoul respond?",
     ["Japan tightened rules last week. Which materials did it restrict?",
      "Japan tightened rules last week. How did Seoul respond?"]),
    # a quoted title holding "and" is no joiner; the question after it is
    ("What is “Fire and Fury” and who wrote it?", ["What is “Fire and Fury”?", "Who wrote it?"]),
    # "between … and …" closed before the joiner
    ("What happened between Japan and Korea and why?", ["What happened between Japan and Korea?", "Why?"]),
])
def test_a_compound_question_is_split_into_its_questions(question, parts):
    assert _asked(question) == parts
    assert all(not p.elided for p in question_parts(question)[:1])


@pytest.mark.parametrize("question, standalone", [
    # an elided part takes the first part's inverted clause
    ("What did Japan restrict and when?", ["What did Japan restrict?", "When did Japan restrict?"]),
    ("What did X ban and why?", ["What did X ban?", "Why did X ban?"]),
    ("What companies did Japan restrict and why?", ["What companies did Japan restrict?", "Why did Japan restrict?"]),
    ("What did Japan restrict, when, and why?",
     ["What did Japan restrict?", "When did Japan restrict?", "Why did Japan restrict?"]),
    ("What did Japan restrict and which companies?",
     ["What did Japan restrict?", "Which companies did Japan restrict?"]),
    ("How many companies did China restrict and which ones?",
     ["How many companies did China restrict?", "Which ones did China restrict?"]),
    ("Where did the summit take place, and when?", ["Where did the summit take place?", "When did the summit take place?"]),
    ("How much did prices rise, and where?", ["How much did prices rise?", "Where did prices rise?"]),
    ("What has the EU sanctioned and since when?", ["What has the EU sanctioned?", "Since when has the EU sanctioned?"]),
    # words after a comma closing the last, elided part are every part's (seed qa-020)
    ("Where has Jack Ma reportedly been living, and for how long, according to Financial Times coverage?",
     ["Where has Jack Ma reportedly been living, according to Financial Times coverage?",
      "For how long has Jack Ma reportedly been living, according to Financial Times coverage?"]),
    # ... or is left to the conversation when the first part has no inverted clause to lend
    ("Who won, and by how much?", ["Who won?", "By how much?"]),
    ("Who won? By how much?", ["Who won?", "By how much?"]),
    ("What happened to the shipments and why?", ["What happened to the shipments?", "Why?"]),
    ("What was decided and by whom?", ["What was decided?", "By whom?"]),  # the wh-word is the clause's subject
    ("Who was arrested, where, and when?", ["Who was arrested?", "Where?", "When?"]),
    ("What do Japan and Korea export, and to whom?", ["What do Japan and Korea export?", "To whom do Japan and Korea export?"]),
])
def test_an_elided_part_is_said_with_the_first_parts_clause(question, standalone):
    parts = question_parts(question)
    assert [p.standalone for p in parts] == standalone
    assert [p.elided for p in parts] == [False] + [True] * (len(parts) - 1)


@pytest.mark.parametrize("question", [
    # one clause: a coordinated subject, object or verb
    "Which companies did Japan and the US sanction?",
    "How did Japan and Korea respond?",
    "Why did Japan restrict exports and imports?",
    "What did Japan restrict and Korea protest?",
    "What are the risks and benefits of the new rules?",
    # a list of names
    "Who are Moon Jae-in, Shinzo Abe and Yoshihide Suga?",
    "Which of Samsung, SK Hynix and LG were hit?",
    # a pair: "between", "both", "whether"
    "What is the difference between what Japan restricted and what Korea restricted?",
    "Did the sources say whether Japan acted and why?",
    # a comparison (``answer_premise.compared`` answers it)
    "Compare what Japan banned and what China banned",
    "Compare Japan's 2019 export curbs with China's 2026 restrictions: what was targeted in each case?",
    # yes/no questions with "and" inside, or before a wh-word
    "Did Japan and Korea agree on anything?",
    "Did Japan restrict exports and why?",
    "Is it true that Japan restricted photoresists and hydrogen fluoride?",
    # wh-words sharing one clause
    "Which materials and which companies did Japan restrict?",
    "How and why did Japan restrict exports?",
    "Where and when will the summit be held?",
    # a wh-word opening a clause inside the question, not a question of its own
    "What did Japan say about its rules and how they work?",
    "Who decides what is restricted and what is not?",
    "What did Japan say about what it restricted and what did Korea say?",
    # one question, no joiner before a wh-word
    "Which materials did Japan restrict?",
    "What did the report say about the company which makes chips?",
    # a statement after the question, a question that is no part
    "Who won? Apple?",
    # CJK
    "日本は何を規制し、韓国はどう対応したか？",
])
def test_a_question_asking_one_thing_is_not_split(question):
    assert question_parts(question) == ()
