"""A country's name that opens a sentence is a name, though the passage mentions it nowhere else: "Greenland's
largest ice shelf …" answers "Where is the melting ice shelf?". The typing by kind (``has_answer_kind``) and the
values a detail competes with (``answer_agree.value_groups``) skip a capitalised word that opens its sentence unless
the passage also capitalises it inside a sentence (``answer_kind.named_elsewhere``: "Mudslides cut the road" names
nothing); a country or a known place is a name wherever it stands (``world_places``, ``places``).

RealTime QA's fit half (full index, h/answers-s59): 20220909_8's most relevant sentence opened with the continent the
question asks for and was typed as giving no place, so it was cut from the answer pool (it now enters it; the fitted
selector still prefers another sentence). Sentences written here.
"""

from __future__ import annotations

import pytest

from answer_kind_doubles import candidate, gives

from rag.writers.answer_agree import value_groups
from rag.writers.answer_kind import answer_type, named_elsewhere
from rag.writers.answer_value import asked_value
from rag.writers.key_terms import stems


@pytest.mark.parametrize("question, sentence", [
    ("Which country will host the regional water summit next spring?",
     "Paraguay will host the regional water summit next spring, its foreign ministry said."),
    ("Where was the rare iron meteorite found?",
     "Mongolia's southern desert yielded the rare iron meteorite, geologists said on Monday."),
    ("Which nation was the first to ratify the fishing treaty?",
     "Namibia became the first to ratify the fishing treaty this week."),
    ("Where is the melting ice shelf?",
     "Greenland's largest ice shelf lost a fifth of its area in a decade, the survey found."),
])
def test_a_country_opening_the_sentence_answers(question, sentence):
    assert gives(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    # an ordinary word opening the sentence names nothing
    ("Which river flooded the valley?", "Floodwaters swept through the valley overnight."),
    ("Which country will host the regional water summit next spring?",
     "Officials will host the regional water summit next spring."),
    # a people's or a region's word says whose, not which country
    ("Which country will host the regional water summit next spring?",
     "Asian ministers will host the regional water summit next spring."),
])
def test_an_ordinary_opening_word_does_not(question, sentence):
    assert not gives(question, sentence)


@pytest.mark.parametrize("word, known", [("Uruguay", True), ("Antarctica", True), ("Mudslides", False),
                                         ("Today", False), ("Asian", False)])
def test_a_country_is_named_wherever_it_stands(word, known):
    assert named_elsewhere(word, f"{word} is mentioned once.") is known


def test_a_detail_opening_with_another_country_gives_a_value():
    question = "Which country will host the regional water summit next spring?"
    values = value_groups(answer_type(question), candidate("Uruguay hosted the summit two years ago."), stems(question),
                          asked_value(question))
    assert frozenset({"uruguay"}) in values
