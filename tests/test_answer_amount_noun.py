"""An amount question names what is measured ("How much was Dara Quill's *bond*?", "How much is the governor's
*salary*?", "How much *bail* was set …?"): the answer is the amount the report attaches to that noun ("… was released
on a $500,000 bond"), not the person's age or another figure of the sentence that names them.

From s64's new user (F3: "How much was <person>'s bail/bond/fine/salary?" answered with the person's age or home
town). A "how much …?" question read no measure unless a verb of money followed ("how much did it cost") or it said
"what is the <money noun>", so any number answered it ("Quill, 34, of Harlow …"). Now "how much" / "the amount of"
before a money noun (``[measure].money_nouns`` and ``amount_nouns`` of rag/text/data/answer_values.toml) asks money
(``answer_value.asked_value``), and the noun it names (``AskedValue.amount_of``) must be the one the amount is given
for, when the report gives it for one (``answer_value.attached_money_noun``: "a $500,000 bond" gives no salary).
The questions, sentences and reports are written for this test. Left: a report giving the amount in a sentence
that names the person by a pronoun only ("She was later released on a $500,000 bond") still loses to a sentence
naming her without an amount (the sentence leaning on the one before it, another kind).
"""

from __future__ import annotations

import pytest

from answer_kind_doubles import gives
from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_value import asked_value, attached_money_noun


@pytest.mark.parametrize("question, noun", [
    ("How much was Dara Quill's bond?", "bond"),
    ("How much is the governor's salary?", "salari"),
    ("How much bail was set for the two dockworkers?", "bail"),
    ("How much is the budget for the new Lisbon stadium?", "budget"),
    ("What was the amount of the settlement Orrin Foods agreed to?", "settlement"),
    ("How much was the Kestrel Air bailout package?", "packag"),
    ("How much is the reward for information about the missing painting?", "reward"),
])
def test_how_much_before_a_money_noun_asks_that_amount(question, noun):
    asked = asked_value(question)
    assert asked.measure == "money"
    assert noun in asked.amount_of


@pytest.mark.parametrize("question", [
    "What is the aid package called?", "How much rain fell in Manila on Sunday?", "How much of the forest burned?",
])
def test_a_question_naming_no_amount_asks_none(question):
    assert asked_value(question).measure != "money"


@pytest.mark.parametrize("sentence, noun", [
    ("She was released on a $500,000 bond.", "bond"),
    ("The jury awarded $2 million in damages to the family.", "damag"),
    ("Bail was set at €40,000 for each of the men.", "bail"),
    ("Her salary is ¥18 million a year, the filing shows.", "salari"),
    ("The company paid $4 million to settle.", None),
])
def test_the_amount_is_given_for_the_money_noun_beside_it(sentence, noun):
    start = sentence.index(next(c for c in sentence if c in "$€¥"))
    end = start + len(sentence[start:].split()[0].rstrip(".,"))
    assert attached_money_noun(sentence, start, end) == noun


@pytest.mark.parametrize("question, sentence", [
    ("How much was Dara Quill's bond?", "Quill, 34, of Harlow, was released on a $500,000 bond on Friday."),
    ("How much was Dara Quill's bond?", "A judge set bond at $1.2 million for Quill."),
    ("How much is the governor's salary?", "Governor Ines Halloway, 58, earns a salary of $210,000 a year."),
    ("How much bail was set for the two dockworkers?", "Bail of €40,000 was set for each of the dockworkers."),
    ("How much was the fine imposed on Velmora Bank?", "Velmora Bank, founded in 1921 with 40 branches, was fined "
                                                       "£12.5 million on Tuesday."),
])
def test_the_amount_of_the_asked_thing_answers(question, sentence):
    assert gives(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    ("How much was Dara Quill's bond?", "Quill, 34, of Harlow, was charged with fraud on Friday."),
    ("How much was Dara Quill's bond?", "Quill, who earns a salary of $210,000, was charged on Friday."),
    ("How much is the governor's salary?", "Governor Ines Halloway, 58, was released on a $500,000 bond."),
    ("How much bail was set for the two dockworkers?", "The two dockworkers, aged 29 and 41, live in Rotterdam."),
])
def test_an_age_or_another_amount_does_not(question, sentence):
    assert not gives(question, sentence)


ARTICLES = [
    ("01_quill.md", "2026-06-12", "Harlow accountant charged in pension fraud",
     "Dara Quill, 34, of Harlow, was charged on Thursday with defrauding a council pension fund. "
     "Quill appeared at Chelmsford Crown Court, where prosecutors said the losses ran to years of savings. "
     "Quill was later released on a $500,000 bond and ordered to surrender her passport."),
    ("02_halloway.md", "2026-06-14", "Governor's pay rise approved",
     "Governor Ines Halloway, 58, will serve a second term after Tuesday's vote in Carrow County. "
     "The county board approved a rise that takes her salary to $210,000 a year from July."),
    ("03_dock.md", "2026-06-15", "Dockworkers held after port raid",
     "Two dockworkers, aged 29 and 41, were arrested in Rotterdam after police found 300 kilograms of cocaine. "
     "A magistrate set bail of €40,000 for each of the men on Saturday."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("amount_noun"), ARTICLES)


@pytest.mark.parametrize("question, amount", [
    ("How much was Dara Quill's bond?", "$500,000"),
    ("How much is Governor Ines Halloway's salary?", "$210,000"),
    ("How much bail was set for the two dockworkers arrested in Rotterdam?", "€40,000"),
])
def test_the_answer_opens_with_the_amount_of_the_asked_thing(engine, question, amount):
    assert amount in lead(engine, question, "2026-06-20")
