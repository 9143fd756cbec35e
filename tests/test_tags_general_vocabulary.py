"""A one-word thematic tag names a theme of its story, not the vocabulary every news story shares (issue 10 polish:
"measure" and "approach" were tags of the sample corpus's briefs; "government", "business", "equipment" too).

The general vocabulary is data (``rag/text/data/general_vocabulary.txt``, written by ``evals/general_vocabulary.py``
from the words found in 3% or more of 4,973 news articles); a phrase holding one of its words may still be a tag.
"""

from __future__ import annotations

import pytest

from rag.writers.terms_section import GENERAL_VOCABULARY, keyword_terms

# three stories, each returning to one generic word and one word of its own domain
STORIES = {
    "export curbs": (["The measure is not a subject for consultation, Suga said.", "Seoul called the measure politically motivated.",
                      "The measure covers photoresists used in semiconductors.", "Photoresists and hydrogen fluoride are needed for semiconductors.",
                      "Exports of photoresists fell in July."],
                     "measure", "photoresists"),
    "battery approval": (["This approach no longer seems to be effective, the ministry said.", "Japan's approach can steer procurement.",
                          "A coordinated approach to cybersecurity is needed.", "Cybersecurity approval was denied to battery makers.",
                          "Cybersecurity reviews of battery makers will widen."],
                         "approach", "cybersecurity"),
    "drone strikes": (["The government said drones hit a power plant.", "The government denied the drones were its own.",
                       "Officials of the government said drones flew at night.", "Drones were shot down near the border."],
                      "government", "drones"),
}


@pytest.mark.parametrize("story", list(STORIES))
def test_a_generic_word_is_no_one_word_tag_but_a_domain_word_is(story):
    texts, generic, own = STORIES[story]
    tags = [t.lower() for t in keyword_terms(texts, texts, texts, 8)]
    assert generic not in tags, tags
    assert own in tags, tags


def test_the_list_holds_general_words_and_not_domain_words():
    for word in ("measure", "approach", "government", "business", "equipment", "officials", "issue"):
        assert word in GENERAL_VOCABULARY, word
    for word in ("semiconductor", "cyberattacks", "cybersecurity", "photoresists", "espionage", "drones", "yuan"):
        assert word not in GENERAL_VOCABULARY, word


def test_a_phrase_with_a_general_word_may_still_be_a_tag():
    texts = ["Japan's trade measures followed the court rulings.", "The trade measures cover three chemicals.",
             "Seoul said the trade measures broke WTO rules.", "Trade measures were widened on Friday."]
    assert "trade measures" in [t.lower() for t in keyword_terms(texts, texts, texts, 8)]
