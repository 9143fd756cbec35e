"""An acronym the question gives is mentioned by the words it stands for (issue 10, abstention; s59).

Kind: **an answer abstains over a name its sources do spell, in full.** The check for names no source mentions
(``rag.writers.unmentioned``) read an acronym's trailing "S" as a plural's and looked up "BIS", "NIS" and "KCS" as
"bi", "ni" and "kc" (found by luck when the capitalised run did not begin with "The"), and never matched an acronym
of common nouns to its lower-case spelling ("GPU" for "graphics processing units"): "Who was booked over the GPU
smuggling case?" answered "The corpus has no evidence … None of the passages found mentions “GPU”." over a report
of the seizure of 1,240 graphics processing units. Found by s59's fresh-user helper; the texts here were written for
this spec.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles
from rag.writers.unmentioned import unmentioned_names


@pytest.mark.parametrize("question, texts, missing", [
    # an acronym ending in a word's "S" is no plural
    ("What did BIS announce?", ["The Bureau of Industry and Security added 27 firms."], []),
    ("What did the NIS say about the hackers?", ["The National Intelligence Service said the hackers struck."], []),
    ("Did the KCS book anyone?", ["The Korea Customs Service booked two men."], []),
    ("What did the NIS say about the hackers?", ["The spy agency said the hackers struck."], ["NIS"]),
    # a plural's lower-case "s" is still dropped
    ("How many NPUs did the lab buy?", ["The lab bought 40 Nano Processing Units."], []),
    # an acronym of three or more letters is spelled out by lower-case words, with spaces or hyphens
    ("Who was booked over the GPU smuggling case?", ["Customs seized 1,240 graphics processing units."], []),
    ("How many GPUs were seized?", ["Customs seized 1,240 graphics processing units."], []),
    ("Which firms make HBM chips?", ["SK hynix and Samsung make high-bandwidth memory."], []),
    ("Who was booked over the GPU smuggling case?", ["Customs seized 1,240 graphics cards."], ["GPU"]),
    ("Who was booked over the GPU smuggling case?", ["The graphics units were seized."], ["GPU"]),  # not consecutive
    ("Which firms make HBM chips?", ["The hub's big machines run all day."], ["HBM"]),  # a word's inside is no initial
])
def test_an_acronym_is_mentioned_by_the_words_it_stands_for(question, texts, missing):
    assert unmentioned_names(question, texts) == missing


ARTICLES = [
    ("01_seizure.md", "2026-05-12", "Customs seize smuggled AI chips at Busan port",
     "BUSAN — The Korea Customs Service said on Tuesday it had seized 860 high-end graphics processing units hidden "
     "in boxes of toys bound for China.\n\nIn the smuggling case the agency booked Jeong Min-ho, the head of a Busan "
     "trading company, on charges of violating the Foreign Trade Act.\n\nThe seized chips are worth about 30 "
     "billion won, customs said."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("acronyms"), ARTICLES)


@pytest.mark.parametrize("question", ["Who was booked in the GPU smuggling case?",
                                      "How many GPUs did customs seize in the smuggling case?"])
def test_a_question_naming_an_acronym_its_source_spells_out_is_answered(engine, question):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert "None of the passages found mentions" not in (brief.message or "")
