"""A figure of something else is no answer to "how many …?", and a speaker who said nothing is said to have said
nothing (issue 10, abstention; h/abstain-s62).

Kinds found by s61's fresh user over their own articles, each with cases written for this test:

* **A number of another material in the asked unit** (the most harmful: a confident, cited, wrong figure): "How many
  tonnes of <material A> did X export?" was answered by "X exported 19.6 tonnes of <material B> …": number type,
  unit and period matched, the asked material was in neither the sentence nor its report. A number "of" a material
  other than the one the question measures does not answer it (``answer_value.measures_other_material``), nor does a
  percentage ("down 41%") answer a count of tonnes or kilometres; the answer then says the sources give no such
  figure, naming it ("none gives the number of tonnes of <material A> …": ``answer_value.counted_phrase``).
* **A difference read as the count**: "How many licence examiners does the ministry employ?" was answered by a
  columnist's "at least 200 more licence examiners than the ministry has today". A number opening a comparison
  ("N more/fewer X than …") gives a difference (``answer_value.is_difference``), which answers only a question asking
  for one ("how many more …?").
* **A speaker who said nothing**: "What did <company> say about the rule?" was answered by sentences about the rule
  in which the company says nothing (it was named only for its share price). When no passage has the asked speaker
  say something or decline to comment, and no piece is theirs, the answer says "No source reports a statement by
  <speaker>" before what the sources do say (``QuestionAnswering._unsaid_speaker``).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers.answer_missing import missing_noun
from rag.writers.answer_value import (asked_value, counted_phrase, is_difference, measures_other_material,
                                      number_fits)


def fits(question: str, text: str, number: str) -> bool:
    at = text.index(number)
    return number_fits(asked_value(question), text, at, at + len(number))


COBALT = "How many tonnes of cobalt ore did Zambia ship to Korea last year?"


@pytest.mark.parametrize("text, number, fit", [
    ("Zambia shipped 3,400 tonnes of copper cathode to Korea last year.", "3,400", False),
    ("Port data show 820 tonnes of refined zinc left for Busan in the year.", "820", False),
    ("Zambia shipped 4,100 tonnes of cobalt ore to Korea last year.", "4,100", True),
    ("Zambia shipped 4,100 tonnes of ore to Korea last year.", "4,100", True),  # one of the material's words
    ("Zambia shipped 4,100 tonnes of the ore to Korea.", "4,100", True),  # a reference back is not read
    ("Zambia shipped 4,100 tonnes to Korea last year.", "4,100", True),  # no material named: nothing to tell
    ("Shipments to Korea fell 12% last year.", "12", False),  # a share is no weight
])
def test_a_number_of_another_material_does_not_answer_the_asked_one(text, number, fit):
    assert fits(COBALT, text, number) is fit


def test_the_material_is_read_for_units_of_weight_and_length_only():
    assert asked_value(COBALT).material == {"cobalt", "ore"}
    assert fits("How many kilometres of fibre cable did the operator lay?", "The operator laid 80 kilometres of road.",
                "80") is False
    # a count of members of a class is not a unit measuring a material: "members of the assembly" stays a count
    assert asked_value("How many members of the assembly voted against?").material == frozenset()
    assert not measures_other_material(asked_value("How many members of the assembly voted against?"),
                                       "Some 41 members of parliament voted against.", 7)


@pytest.mark.parametrize("question, text, number, fit", [
    ("How many customs inspectors does the agency employ?",
     "The report says the agency should hire 150 more customs inspectors than it has now.", "150", False),
    ("How many customs inspectors does the agency employ?",
     "The agency needs 30 fewer desk officers and 150 more customs inspectors than it has now.", "150", False),
    ("How many customs inspectors does the agency employ?", "The agency employs 1,200 customs inspectors.", "1,200",
     True),
    # an increase told without a comparison still counts the inspectors it adds
    ("How many customs inspectors did the agency hire this year?", "The agency hired 40 more customs inspectors in "
     "March.", "40", True),
    # the question asking for the difference is answered by it
    ("How many more customs inspectors should the agency hire, according to the report?",
     "The report says the agency should hire 150 more customs inspectors than it has now.", "150", True),
])
def test_a_difference_answers_only_a_question_asking_for_one(question, text, number, fit):
    assert fits(question, text, number) is fit


def test_a_difference_is_a_comparative_then_than_within_the_clause():
    text = "It wants 60 more examiners than today, and 20 more offices."
    assert is_difference(text, text.index("60") + 2)
    assert not is_difference(text, text.index("20") + 2)  # "than" is in the clause before
    assert not is_difference("It wants more than 60 examiners.", len("It wants more than 60"))


@pytest.mark.parametrize("question, missing", [
    (COBALT, "the number of tonnes of cobalt ore"),
    ("How many customs inspectors does the agency employ?", "the number of customs inspectors"),
    ("How many more customs inspectors should it hire?", "the number of more customs inspectors"),
    ("What penalty did the court impose?", "the penalty"),  # the question's own quantity noun, as before
    ("What was the value of the deal?", None),  # nothing counted: "the number" stands
])
def test_what_is_missing_is_named_by_what_the_question_counts(question, missing):
    assert missing_noun(question, "number") == missing


def test_the_counted_words_are_the_questions_own():
    assert counted_phrase("How many kilometres of fibre cable did the operator lay?") == "kilometres of fibre cable"
    assert counted_phrase("How many were killed?") is None
    assert counted_phrase("When did it start?") is None


# ------------------------------------------------------------------------------------------------------------------
# End to end through the real Engine over short reports written for this test

ARTICLES = [
    ("01_zinc.md", "2026-03-10", "Chile trims zinc export quotas for smelters",
     "Chile's trade office said on Monday it would cut zinc export quotas by a fifth from April. Customs figures "
     "show that Chile exported 7,300 tonnes of refined zinc to Peru in the first quarter, down 18% from a year "
     "earlier. Smelters said the cut would hit small buyers first."),
    ("02_column.md", "2026-03-12", "Chile's licensing office is too small",
     "By Ilse Brandt, columnist\n\nChile's export office cannot keep up with licence requests. The government should "
     "fund at least 120 more licence officers than the office employs now, and publish every refusal. Delays cost "
     "exporters orders they never win back."),
    ("03_scanner_rule.md", "2026-03-11", "Chile adds airport scanners to its export control list",
     "Chile's trade office said on Wednesday that exporters will need a licence to ship six kinds of airport "
     "security scanners from June 1. Trade minister Oda Falk told reporters the rule was about end users, not "
     "countries. Shares of Veldt Systems fell 3.1% after the announcement, and Kormak Imaging closed 0.8% lower."),
    ("04_kormak_plant.md", "2026-02-02", "Kormak Imaging opens scanner plant",
     "Kormak Imaging opened a scanner assembly plant in Halden on Monday. The company said the plant would employ "
     "400 people by the end of the year."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("abstain_other_figure"), ARTICLES)


def ask(engine, question, until="2026-03-20"):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


@pytest.mark.parametrize("question, missing", [
    ("How many tonnes of nickel did Chile export to Peru in the first quarter?",
     "the number of tonnes of nickel"),
    ("How many tonnes of tin concentrate did Chile ship to Peru in the first quarter?",
     "the number of tonnes of tin concentrate"),
])
def test_another_materials_tonnage_is_no_answer_and_the_missing_figure_is_named(engine, question, missing):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    assert missing in (brief.message or ""), brief.message


def test_the_asked_materials_own_tonnage_still_answers(engine):
    brief = ask(engine, "How many tonnes of refined zinc did Chile export to Peru in the first quarter?")
    assert not brief.abstained, brief.message
    assert "7,300" in answer_text(brief)


def test_a_columnists_difference_is_not_the_number_employed(engine):
    brief = ask(engine, "How many licence officers does Chile's export office employ now?")
    assert brief.abstained, answer_text(brief)
    assert "the number of licence officers" in (brief.message or ""), brief.message


@pytest.mark.parametrize("question, speaker", [
    ("What did Veldt Systems say about the scanner export rule?", "Veldt Systems"),
    ("What did Kormak Imaging say about the new export licences for scanners?", "Kormak Imaging"),
])
def test_a_speaker_who_said_nothing_is_said_to_have_said_nothing(engine, question, speaker):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    assert f"No source reports a statement by {speaker}" in (brief.message or ""), brief.message


def test_a_speaker_who_did_speak_still_answers(engine):
    brief = ask(engine, "What did Oda Falk say about the scanner rule?")
    assert not brief.abstained, brief.message
    assert "end users" in answer_text(brief)


def test_a_place_speaks_through_its_officials(engine):
    """"What did Chile say …?" is answered by its trade office's words: a place is no named speaker."""
    brief = ask(engine, "What did Chile say about the scanner export rule?")
    assert "No source reports a statement by" not in (brief.message or "")


@pytest.mark.parametrize("speaker, text, may", [
    # an appositive between the officer's title and the verb: the lead's ``says`` reads no frame, but it may be theirs
    ("Ines Ruiz", "Veldt Systems' chief executive, Ines Ruiz, told reporters the firm would appeal.", True),
    ("Veldt Systems", "Shares of Veldt Systems fell 3.1% after the announcement.", False),  # named, says nothing
    ("Veldt Systems", "Trade minister Oda Falk told reporters the rule was about end users.", False),  # not named
])
def test_a_speaker_may_speak_where_it_is_named_beside_a_verb_of_saying(speaker, text, may):
    from rag.writers.asked_speaker import may_speak

    assert may_speak(speaker, text) is may
