"""A follow-up's pronoun stands for the ones the previous answer named; "What about <thing>?" asks the previous
question of that thing.

* Kind (s67 new user's F8, F9; s66's F8; s65's F9): "Who was sentenced in the Hanbada LNG case?" → "Will they
  appeal?" was rewritten "Will sentenced in the Hanbada LNG appeal?" (the previous question's "subject" cut from its
  words, though its wh-word is its subject); "How much indium did China export in October?" → "What about
  tungsten?" kept the indium question's words and answered with the indium figure again; after a turn the corpus
  had no evidence for, "When was he arrested?" pointed at nothing.
* ``followup.answered_undergoer``: a wh-subject passive question's pronoun follow-up is asked of the ones the
  answer's first sentence gave the act ("… sentenced two executives of Baltik Avionics to prison" → "Will two
  executives of Baltik Avionics appeal?"; "Kang Min-seok, 54, …, was arrested" → Kang Min-seok).
  ``followup.swapped_thing``: "What about <thing>?" is the previous question with its asked thing swapped, its ask
  and act kept (not a name: that swaps a party; not a time: "What about next year?"). ``resolve_follow_up`` skips
  a turn answered "The corpus has no evidence on …" when resolving the next one. ``followup.read_as``: the chat
  shows the rewritten question.
"""

from __future__ import annotations

import pytest

from test_followup import conversation

from rag.followup import answered_undergoer, read_as, resolve_follow_up, swapped_thing


SENTENCED_Q = "Who was sentenced in the Baltik Avionics drone case?"
SENTENCED_A = ("A Vilnius court on Thursday sentenced two executives of Baltik Avionics to prison for exporting drone "
               "flight controllers to Belarus. [1] *(‘on Thursday’: 2026-08-06 — by the source's date, 2026-08-07)*")


@pytest.mark.parametrize("previous, reply, ones", [
    (SENTENCED_Q, SENTENCED_A, "two executives of Baltik Avionics"),
    ("Who was charged in the Gdansk sonar leak case?",
     "Prosecutors in Gdansk on Monday charged four former staff of Baltic Sonar Systems with passing designs to a "
     "Chinese buyer. [1]", "four former staff of Baltic Sonar Systems"),
    ("Who was arrested in the OLED technology leak case?",
     "The alleged ringleader, Kang Min-seok, 54, a former vice president of Mirae Vacuum Systems, was arrested in "
     "August. [1]", "Kang Min-seok"),
    ("Which firms were fined by the competition office?",
     "The competition office fined Norda Freight and Kesko Lines a total of 3 million euros. [1]", "Norda Freight"),
])
def test_the_ones_the_answer_gave_the_act(previous, reply, ones):
    assert answered_undergoer(previous, reply) == ones


@pytest.mark.parametrize("previous, reply", [
    ("What did Japanese officials say about the curbs?", "Officials said the curbs were routine. [1]"),
    ("Who sentenced the executives?", "A Vilnius court sentenced them. [1]"),  # the wh-word is the agent
    (SENTENCED_Q, "The sources report nothing of a sentence. [1]"),  # the answer tells no sentencing
])
def test_no_ones_without_a_wh_subject_passive_told(previous, reply):
    assert answered_undergoer(previous, reply) is None


@pytest.mark.parametrize("history, question, asked", [
    (conversation(SENTENCED_Q, SENTENCED_A), "Will they appeal?", "Will two executives of Baltik Avionics appeal?"),
    (conversation("Who was charged in the Gdansk sonar leak case?",
                  "Prosecutors in Gdansk on Monday charged four former staff of Baltic Sonar Systems with passing "
                  "designs to a Chinese buyer. [1]"),
     "Have they pleaded guilty?", "Have four former staff of Baltic Sonar Systems pleaded guilty?"),
    # the previous question's own subject still stands for "they" ("What did Japanese officials say …?")
    (conversation("What did Japanese officials say about the export curbs?", "Officials said … [1]"),
     "Have they denied that the curbs were retaliation?", "Have Japanese officials denied that the curbs were "
                                                          "retaliation?"),
])
def test_a_pronoun_follow_up_is_asked_of_the_ones_named(history, question, asked):
    assert resolve_follow_up(question, history).asked == asked


@pytest.mark.parametrize("previous, question, asked", [
    ("How much indium did China export in October?", "What about tungsten?",
     "How much tungsten did China export in October?"),
    ("How many tonnes of gallium did China export in October?", "And what about germanium?",
     "How many tonnes of germanium did China export in October?"),
    ("Which fabs are covered by the Dutch servicing rules?", "What about spare parts?",
     "Which spare parts are covered by the Dutch servicing rules?"),
    ("How much cobalt did Congo ship to Finland last year?", "How about copper?",
     "How much copper did Congo ship to Finland last year?"),
])
def test_what_about_a_thing_asks_the_previous_question_of_it(previous, question, asked):
    assert swapped_thing(question, previous) == asked
    assert resolve_follow_up(question, conversation(previous, "It exported … [1]")).asked == asked


@pytest.mark.parametrize("previous, question", [
    ("Which fabs are covered by the Dutch servicing rules?", "What about Japan?"),  # a party: swapped as a name
    ("How much indium did China export in October?", "What about next year?"),  # a time
    ("Which firms were fined?", "What about the others?"),  # the rest of the set
    ("What did China export in October?", "What about tungsten?"),  # no asked thing to swap
    ("How much indium did China export in October?", "What about indium oxide?"),  # names the previous question's word
])
def test_no_thing_swapped(previous, question):
    assert swapped_thing(question, previous) is None


def test_a_turn_with_no_evidence_is_skipped_for_the_next_pronoun():
    history = conversation(SENTENCED_Q, SENTENCED_A, "Will they appeal?",
                           "The corpus has no evidence on the question “Will they appeal?”")
    assert resolve_follow_up("When was he arrested?", history) == resolve_follow_up(
        "When was he arrested?", conversation(SENTENCED_Q, SENTENCED_A))


@pytest.mark.parametrize("question, notes, shown", [
    ("Will they appeal?", ["follow-up resolved as: Will two executives of Baltik Avionics appeal?"],
     "Will two executives of Baltik Avionics appeal?"),
    ("When was he arrested?", ["follow-up resolved as: When was he arrested? (Baltik Avionics sentenced)"], None),
    ("Who was sentenced?", ["extractive: 12 candidate sentences"], None),
])
def test_the_chat_shows_the_rewritten_question(question, notes, shown):
    assert read_as(question, notes) == shown
