"""A "who did X?" question over sources where nobody does X: the answer must not quote a sentence naming other people.

The kind (RealTime QA fit half, h/abstain-s68): "Who most recently agreed to meet with the House committee investigating
the Jan. 6 attack …?" was answered with "The January 6 committee … plans to draw attention today to former President
Donald Trump's effort …": the story is held (the committee), the sentence names people, but nobody in it agrees to
meet. A "who"-question presupposes no actor (``answer_premise.premise`` is None for it), so the writer's
premise check does not read its act, and the key-term coverage of the story's words lets the sentence through.

Open on main (strict xfail): a gate requiring the asked act to be told was not measured on the fit half by the deadline
(the asked act is often paraphrased: h/answers-s26 lost 6 of 68 answers requiring it of the answer sentence). The
controls below (a who-question whose act a sentence tells, and one already abstained on) pass and must stay so.
"""

from __future__ import annotations

import pytest

from conftest import answer_of, engine_over_articles

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters

ARTICLES = [
    ("01_selden.md", "2022-09-01", "Harbour committee to hear from former transport chief",
     "The parliamentary committee investigating the Port Selden contracts plans to draw attention today to Premier "
     "Aldo Venn's effort to use the transport ministry to steer the deal. Committee chair Ines Roth blasted opposition "
     "leader Karl Mott for refusing to cooperate. Former transport chief Lena Ahl testified before the committee in "
     "June."),
    ("02_brightwater.md", "2022-09-12", "Brightwater Mining board to review chief executive's pay",
     "The board of Brightwater Mining said on Monday it would review the pay package of chief executive Tomas Reyes "
     "after shareholders complained. Chair Alma Ortiz said the review would finish in May."),
    ("03_lund.md", "2022-09-09", "Lund leaves Berg out of Nordic Cup squad",
     "Coach Pia Lund named her squad for the Nordic Cup on Friday, leaving out veteran striker Ana Berg. Lund said Berg "
     "was injured and would miss two months."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("act-untold"), ARTICLES)


def _ask(engine, question: str, until: str):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


@pytest.mark.xfail(strict=True, reason="open kind: a who-question's act told by no sentence (h/abstain-s68)")
@pytest.mark.parametrize("question, until", [
    ("Who most recently agreed to meet with the parliamentary committee investigating the Port Selden contracts?",
     "2022-09-23"),
    ("Who resigned from the Brightwater Mining board this week?", "2022-09-16"),
])
def test_nobody_doing_the_asked_act_is_no_answer(engine, question, until):
    brief = _ask(engine, question, until)
    assert brief.abstained, answer_text(brief)


@pytest.mark.parametrize("question, until, name", [
    ("Who chairs the board of Brightwater Mining?", "2022-09-16", "Alma Ortiz"),
    ("Which veteran striker did coach Pia Lund leave out of her Nordic Cup squad?", "2022-09-16", "Ana Berg"),
])
def test_a_sentence_telling_the_act_answers(engine, question, until, name):
    assert name in answer_of(engine, question, until)


def test_an_act_of_another_story_is_still_abstained_on(engine):
    brief = _ask(engine, "Who was appointed captain of the national team for the Nordic Cup?", "2022-09-16")
    assert brief.abstained, answer_text(brief)
