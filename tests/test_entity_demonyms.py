"""A country named only by its demonym is an actor of the brief (s37 fresh user: the battery assessment's entities
went "Japan · China" → "Japan" once the sentence that named "China" was no longer quoted, while every quote says
"Chinese storage battery makers").

Kind: a one-word demonym of ``places.toml`` ("Chinese", "Japanese", "Taiwanese", "Koreans") in a quoted sentence
names its country as an entity ("China", "Japan", "Taiwan", "Korea"), counted as the country's own name is; a
capital ("Tokyo said", "Beijing protested") is still no entity of its own, and a demonym does not name its country
twice when the country is also named.

The inputs are written for this test: briefs' sentences about stories not in the sample corpus.
"""

from __future__ import annotations

import pytest

from rag.writers.terms_section import entity_terms

STORIES = [
    (["Japan has denied cybersecurity approval for Chinese storage battery makers.",
      "Japanese officials said the decision followed a review by METI.",
      "Industry groups said Chinese suppliers would challenge the ruling."],
     ["Japan", "China", "METI"], ["Chinese", "Japanese"]),
    (["Taiwanese prosecutors charged three engineers with leaking chip designs to a Chinese firm.",
      "The engineers worked for TSMC in Hsinchu, prosecutors said."],
     ["Taiwan", "China", "TSMC"], ["Taiwanese", "Chinese"]),
    (["Seoul said Japanese export curbs hurt Samsung Electronics.",
      "Tokyo said the curbs were a matter of national security.",
      "South Korean officials filed a complaint at the WTO."],
     ["Japan", "Samsung Electronics", "WTO"], ["Seoul", "Tokyo", "Japanese"]),
]


@pytest.mark.parametrize(("texts", "actors", "absent"), STORIES)
def test_a_country_named_by_its_demonym_is_an_entity_and_the_demonym_is_not(texts, actors, absent):
    names = entity_terms(texts, texts, texts, 10)
    for actor in actors:
        assert actor in names, names
    for word in absent:
        assert word not in names, names


def test_a_demonym_and_its_country_name_one_entity():
    texts = ["China restricted exports to 20 Japanese firms.", "Chinese officials cited national security.",
             "Japan protested the Chinese measures."]
    names = entity_terms(texts, texts, texts, 10)
    assert names.count("China") == 1 and names.count("Japan") == 1, names
