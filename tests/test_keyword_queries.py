"""Short keyword queries ("chips", "export controls", "Korea") get an answer citing passages when the corpus covers
them, and a clear abstention when it does not ("quantum radar"): a bare keyword's embedding is far from any
sentence's, so coverage is judged by its words (every key term in one quoted sentence), not by the cosine floor."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from rag.writers.keyword_query import holds_every_term, keyword_query


@pytest.mark.parametrize("text", ["chips", "export controls", "Korea", "chip smuggling in China", " battery  makers "])
def test_a_few_words_naming_a_topic_are_a_keyword_query(text: str) -> None:
    assert keyword_query(text)


@pytest.mark.parametrize("text", [
    "chips?", "What about chips?", "did Japan ban chips", "who heads the agency", "how many chips",
    "export controls on chips in South Korea",  # five words: a phrase, judged as before
    "", "   ",
])
def test_a_question_or_a_longer_phrase_is_not_a_keyword_query(text: str) -> None:
    assert not keyword_query(text)


def test_every_key_term_must_be_in_one_sentence_and_the_query_must_have_some() -> None:
    assert holds_every_term("chips", np.array([0.2, 1.0, 0.0]))
    assert not holds_every_term("quantum radar", np.array([0.5, 0.53, 0.0]))  # "radars" alone
    assert not holds_every_term("chips", np.array([]))
    assert not holds_every_term("the", np.array([1.0, 1.0]))  # no key term: coverage is 1.0 by convention, not evidence


def _ask(cli, sample_index, query: str) -> dict:
    result = cli(["ask", query, "-f", "json"], BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# (query, a stem every answer must show: the answer quotes a sentence about it)
COVERED = [("chips", "chip"), ("export controls", "export control"), ("smuggling", "smuggl"), ("Korea", "korea"),
           ("photoresist", "photoresist")]


@pytest.mark.parametrize(("query", "stem"), COVERED)
def test_a_keyword_the_corpus_covers_is_answered_with_cited_passages(cli, sample_index, query: str, stem: str) -> None:
    brief = _ask(cli, sample_index, query)
    assert not brief["abstained"], brief.get("message")
    claims = [c for s in brief["sections"] for c in s["claims"]]
    assert claims and all(c["citations"] for c in claims)
    assert any(re.search(stem, c["text"], re.I) for c in claims)


@pytest.mark.parametrize("query", ["quantum radar", "bananas", "hypersonic missiles", "Brexit", "gallium"])
def test_a_keyword_the_corpus_lacks_gets_a_clear_abstention(cli, sample_index, query: str) -> None:
    brief = _ask(cli, sample_index, query)
    assert brief["abstained"]
    assert brief["message"] == f"The corpus has no evidence on {query}."


def test_the_brief_writer_takes_a_keyword_topic_the_same_way(cli, sample_index) -> None:
    result = cli(["write", "chips", "-f", "json"], BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 0, result.output
    assert not json.loads(result.stdout)["abstained"]
