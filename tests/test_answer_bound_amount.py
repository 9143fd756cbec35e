"""An amount stated as a rule ("the greater of A or B", "up to N", "N times the value") answers a bound question.

* Kind (s65's new user F15): "What is the maximum penalty under the outbound investment rule?" quoted "Penalties rise
  to the greater of $500,000 or twice the value of the transaction." but labelled it partial ("none gives the number
  the question asks for"): the sentence names the penalty, not the rule, which the lede names, so its key-term
  coverage fell short of an answer's.
* ``answer_bound.gives_bound``: a question asking for a bound (``amount_bounds.toml``: maximum, highest, minimum …)
  of an amount it names ("maximum penalty") is answered by a sentence holding that noun and stating an amount as a
  bound or rule; the writer counts such a sentence among those that answer (``_answerable``).
* End to end through ``ask`` over articles written for this test: a full answer, no "none gives"; a report whose
  penalty sentence gives no amount is still partial.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_bound import asked_bound_nouns, gives_bound, states_bound


@pytest.mark.parametrize("question, sentence", [
    ("What is the maximum penalty under the outbound investment rule?",
     "Penalties rise to the greater of $500,000 or twice the value of the transaction."),
    ("What is the highest fine under Vietnam's new chip export decree?",
     "Fines can reach three times the value of the goods shipped."),
    ("What is the maximum prison term for smuggling strategic items?",
     "Offenders face up to seven years in prison."),
    ("What is the minimum fine for an unlicensed shipment?",
     "The fine is set at no less than 20 million won for each unlicensed shipment."),
])
def test_a_sentence_stating_the_asked_amount_as_a_rule_gives_the_bound(question, sentence):
    assert gives_bound(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    # another amount stated as a bound
    ("What is the maximum penalty under the outbound investment rule?",
     "Limited partner investments of up to $2 million in a fund remain exempt."),
    # the penalty without an amount
    ("What is the maximum penalty under the outbound investment rule?",
     "Penalties will be set out in a later notice."),
    # a question asking for no bound
    ("How much was the company fined?", "The company was fined up to 500 million won."),
])
def test_a_sentence_without_the_asked_amount_as_a_rule_gives_no_bound(question, sentence):
    assert not gives_bound(question, sentence)


def test_the_bound_reading_is_of_the_asked_noun_and_a_rule_with_a_figure():
    assert asked_bound_nouns("What is the maximum prison term for leaking chip designs?") == {"prison", "term"}
    assert not asked_bound_nouns("What did the court decide?")
    assert states_bound("Penalties rise to the greater of $500,000 or twice the value of the transaction.")
    assert not states_bound("Penalties rise sharply under the rule.")


ARTICLES = [
    ("01_decree.md", "2026-03-18", "Vietnam tightens chip export decree",
     "HANOI, March 18 - Vietnam's government on Tuesday issued a decree requiring licences for exports of advanced "
     "chips and chip-making tools to 12 countries, effective from May 1.\n\nThe trade ministry will decide each "
     "application within 30 days.\n\nFines can reach three times the value of the goods shipped, the ministry said."),
    ("02_smuggling.md", "2026-07-02", "Malaysia passes strategic trade amendments",
     "KUALA LUMPUR, July 2 - Malaysia's parliament on Wednesday passed amendments to the Strategic Trade Act that "
     "cover transhipments of AI servers through Port Klang.\n\nOffenders face up to seven years in prison, or a "
     "fine of up to 30 million ringgit for a company.\n\nThe amendments take effect in October."),
    ("03_levy.md", "2026-09-09", "Thailand drafts rare-earth export levy",
     "BANGKOK, Sept 9 - Thailand's commerce ministry published a draft levy on exports of rare-earth concentrate, "
     "open for comment until October 15.\n\nPenalties for evading the levy will be set out in a later notice."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("bound_amount"), ARTICLES)


@pytest.mark.parametrize("question, says", [
    ("What is the highest fine under Vietnam's chip export decree?", "three times the value of the goods"),
    ("What is the maximum prison term under Malaysia's Strategic Trade Act amendments?", "up to seven years"),
])
def test_ask_answers_a_bound_question_in_full_with_the_rule(engine, question, says):
    brief = engine.write(question, template="answer")
    answer = answer_text(brief)
    assert says in answer and "none gives" not in (brief.message or "") + answer, (brief.message, answer)


def test_ask_still_says_what_is_missing_when_no_amount_is_given(engine):
    brief = engine.write("What is the maximum penalty under Thailand's rare-earth export levy?", template="answer")
    assert "Penalties for evading the levy will be set out in a later notice." not in answer_text(brief) or \
        "none gives" in (brief.message or ""), (brief.message, answer_text(brief))
