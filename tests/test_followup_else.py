"""A follow-up asking for more of a kind ("Who else was sentenced?", "What else …?") is answered with members not
already given, not with the previous answer's sentence.

The kind (s64's fresh user, F18; new texts written for s65): after "How much was <company> fined?" answered by the
fine sentence, "Who else was sentenced?" got the same fine sentence again, no person. A follow-up for a name kept the
sentences already said as candidates (they may hold the name asked), and the sentence naming the others repeated
too little of the carried context (the first answer's names) to pass the answerability gate. Now a follow-up holding
a word of ``asks_for_more.txt`` drops the sentences already said whatever its kind (``extractive``), and a most
relevant sentence holding every key term of its own words answers it (``answering._more_of_the_kind``).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.types import Turn
from rag.writers.answer_kind import asks_for_more

ARTICLES = [
    ("01_rotterdam.md", "2026-04-16", "Rotterdam court fines broker Veldhuis Maritime over sanctions breach",
     "ROTTERDAM, April 16 - A Rotterdam court on Wednesday fined shipping broker Veldhuis Maritime 2.4 million euros "
     "for arranging oil cargoes in breach of EU sanctions.\n\nThe court sentenced the firm's former director, Pieter "
     "Smit, 61, to 18 months in prison. Two brokers, Anouk de Vries and Lars Bakker, were sentenced to community "
     "service."),
    ("02_osaka.md", "2026-09-03", "Osaka court fines machine tool maker for unlicensed exports",
     "OSAKA, Sept 3 - The Osaka District Court fined machine tool maker Kitaura Seiki 30 million yen on Thursday for "
     "exporting five-axis lathes to Iran without a licence.\n\nThe court gave the company's former sales chief, "
     "Hideo Mori, a suspended sentence of two years. A trading house employee, Ken Abe, was sentenced to ten "
     "months."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("followup_else"), ARTICLES)


@pytest.mark.parametrize("question", ["Who else was sentenced?", "What other people were charged?",
                                      "Which companies besides Tencent were named?"])
def test_else_other_besides_ask_for_more(question):
    assert asks_for_more(question)


@pytest.mark.parametrize("question", ["Who was sentenced?", "How much was the fine?"])
def test_a_plain_follow_up_asks_for_no_more(question):
    assert not asks_for_more(question)


@pytest.mark.parametrize("first, fine, then, person", [
    ("How much was Veldhuis Maritime fined?", "2.4 million euros", "Who else was sentenced?", "Pieter Smit"),
    ("How much was Kitaura Seiki fined?", "30 million yen", "Who else was sentenced?", "Hideo Mori"),
])
def test_who_else_gives_the_others(engine, first, fine, then, person):
    reply = answer_text(engine.write(first, template="answer"))
    assert fine in reply, reply
    history = [Turn("user", first), Turn("assistant", reply)]
    answer = answer_text(engine.write(then, template="answer", history=history))
    assert person in answer, answer
    assert fine not in answer.split(". ")[0], answer  # the previous answer's sentence does not lead again
