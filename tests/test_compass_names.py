"""A capitalised compass word alone ("the South", "the Northeast", "the West") stands for a region named elsewhere; it
is no member a "which city / company / team" question asks for, so a sentence whose only new name is one does not
give the name asked for (``answer_kind.has_answer_kind``). Inside a name it is part of it ("North Korea", "West Ham").

Seen on RealTime QA (fit half): "Rents in the US recently hit a record high … Which of the following US cities saw
the biggest increase compared to a year ago?" led with "The South and Northeast have seen the largest rent
increases." above "Miami, where rents were up 26.2% from a year ago, saw the biggest increase …". Sentences written
for this test.
"""

from __future__ import annotations

import pytest

from answer_kind_doubles import gives


@pytest.mark.parametrize("question, sentence", [
    ("Which of the following US cities saw the biggest increase in rents?", "The South and Northeast have seen the largest rent increases."),
    ("Which carmaker sold the most electric cars last year?", "Sales of electric cars rose fastest in the West."),
    ("Which team won the regional final on Sunday?", "Fans across the North celebrated the win on Sunday."),
    ("Which port handled the most containers in May?", "Container traffic in the Southeast rose by 8% in May."),
])
def test_a_compass_word_alone_names_no_member(question, sentence):
    assert not gives(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    ("Which of the following US cities saw the biggest increase in rents?", "Rents rose most in Miami, up 26.2% from a year ago."),
    ("Which country fired a missile over Japan this week?", "On Tuesday North Korea fired a missile over Japan."),
    ("Which team won the regional final on Sunday?", "On Sunday West Ham won the regional final."),
])
def test_a_name_holding_a_compass_word_still_names_the_member(question, sentence):
    assert gives(question, sentence)
