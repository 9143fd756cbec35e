"""The story's own list of what a measure covers answers "which <things> did X restrict?" below the cosine floor.

Kind (s37/s38 "seen and left alone"): "Which materials did Japan restrict?" led with "Japanese officials have said that
those chemicals are sensitive materials that could be used in fighter jets, radars and chemical weapons …" (a list of
uses, not of what the curbs cover), while "What materials did Japan restrict exports of?" named the three materials.
The sentence that answers, "The export restrictions cover fluorinated polyimides, … as well as photoresist and hydrogen
fluoride …", is worded unlike the short question (cosine 0.27 under the pool floor of 0.30), so it never joined the
answer's candidates. In the story's own article a sentence listing contents that holds, with its neighbour, every key
term of the question joins them whatever its cosine. A list question about another actor is not answered by it.
End to end over the sample corpus.
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", [
    "Which materials did Japan restrict?",
    "Which chemicals did Japan restrict?",
    "What materials did Japan restrict exports of?",
])
def test_the_storys_list_of_contents_leads(sample_engine, question):
    brief = sample_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0].text
    assert "fluorinated polyimides" in lead and "hydrogen fluoride" in lead, lead


@pytest.mark.parametrize("question", ["Which materials did China restrict?", "Which materials did South Korea restrict?"])
def test_another_actors_list_question_is_not_answered_by_it(sample_engine, question):
    brief = sample_engine.write(question, template="answer")
    assert brief.abstained or "fluorinated polyimides" not in brief.sections[0].claims[0].text
