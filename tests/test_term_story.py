""""What is it called?", "What is the rule known as?", "What is the nickname of …?" ask for the name a story gives
what the question describes. The story's sentence naming it ("The Fair Tenancy Act, approved by the upper house last
month, …") repeats less of the question than its lede restating the question ("Vellmar's parliament passed historic
legislation on Thursday that will protect renters …"), so it falls outside the most relevant sentences; the answer
must still lead with it, not with the restatement, which names nothing.

Seen on RealTime QA (fit half): "The House passed historic legislation this week that would federally protect
same-sex and interracial marriage rights. What is it called?" led with "The House passed historic legislation
Thursday …" while the same report says "The Respect for Marriage Act, passed by the Senate last week, …"; "What is
the policy known as?" (Title 42) and "What is the nickname of … Morocco?" (Atlas Lions) are the kind's other two.
Three invented articles (tests/data/term_story/), one per wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_of, engine_over

from evals.rtqa_answers import first_sentence
from rag.writers.answer_kind import names_designation
from rag.writers.key_terms import stems

DATA = Path(__file__).resolve().parent / "data" / "term_story"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("term_story") / "data", DATA)


@pytest.mark.parametrize("question, until, term", [
    ("Vellmar's parliament passed historic legislation this week that will protect renters from sudden evictions. "
     "What is it called?", "2026-06-13", "Fair Tenancy Act"),
    ("A pandemic-era rule letting border guards quickly turn back asylum seekers on health grounds was set to expire "
     "this week. What is the rule known as?", "2026-05-27", "Order 19"),
    ("Norvia's national football team reached the World Cup semi-finals for the first time. What is the team's "
     "nickname?", "2026-07-09", "Snow Foxes"),
])
def test_the_first_sentence_gives_the_storys_name_for_it(engine, question, until, term):
    answer = answer_of(engine, question, until)
    assert term in first_sentence(answer), answer


@pytest.mark.parametrize("sentence, question, designates", [
    ("The Respect for Marriage Act, passed by the Senate last week, guarantees recognition.", "What is it called?", True),
    ("The termination of the Title 42 policy is expected to raise crossings.", "What is the policy known as?", True),
    ("Fans of the Snow Foxes filled the square.", "What is the team's nickname?", True),
    ("Oxford picked “goblin mode” as its word of the year.", "What is the word of the year?", True),
    ("The team is known as the Atlas Lions at home.", "What is Morocco's nickname?", True),
    # a one-word name, a score, a date, a name the question holds, "called for": no designation
    ("On Saturday, Morocco went one better, beating Portugal 1-0 in the quarterfinals.", "What is Morocco's nickname?", False),
    ("The vote is set for March 14 in the capital.", "What is the law called?", False),
    ("The House passed the legislation in a major win for LGBTQ-rights advocates.", "What is it called?", False),
    ("The World Cup quarter-finalists trained on Monday.", "What is the nickname of World Cup quarter-finalists Morocco?", False),
    ("Aid groups have long called for it to be lifted.", "What is the rule known as?", False),
    ("The legislation now heads to President Joe Biden's desk.", "What is it called?", False),
    ("House Speaker Nancy Pelosi said she supports the bill.", "What is it called?", False),
])
def test_a_designation_is_a_term_or_a_name_of_more_than_one_word(sentence, question, designates):
    assert names_designation(sentence, stems(question)) is designates
