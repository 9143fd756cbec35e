"""Short keyword queries ("chips", "export controls", "Korea") get an answer citing passages when the corpus covers
them, and a clear abstention when it does not ("quantum radar"): a bare keyword's embedding is far from any
sentence's, so coverage is judged by its words (every key term in one quoted sentence), not by the cosine floor."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from rag.followup import resolve_follow_up
from rag.writers.keyword_query import holds_every_term, keyword_core, keyword_query


@pytest.mark.parametrize("text", ["chips", "export controls", "Korea", "chip smuggling in China", " battery  makers "])
def test_a_few_words_naming_a_topic_are_a_keyword_query(text: str) -> None:
    assert keyword_query(text)


# a keyword with closing punctuation or in a frame is the same keyword query
FRAMED = [("chips?", "chips"), ("chips.", "chips"), ("chips!", "chips"), ("What about chips?", "chips"),
          ("what about chips", "chips"), ("And what about Huawei?", "Huawei"), ("How about export controls?", "export controls"),
          ("Tell me about chip smuggling", "chip smuggling"), ("Any news on chip smuggling?", "chip smuggling"),
          ("  export   controls ?", "export controls")]


@pytest.mark.parametrize(("text", "core"), FRAMED)
def test_punctuation_and_a_what_about_frame_leave_the_same_keyword_query(text: str, core: str) -> None:
    assert keyword_query(text)
    assert keyword_core(text) == core


@pytest.mark.parametrize("text", [
    "what chips?", "did Japan ban chips", "who heads the agency", "how many chips", "what about the deal did Japan block?",
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


def test_a_framed_keyword_is_resolved_once_to_its_keyword_and_a_real_follow_up_is_not():
    from rag.types import Turn

    assert resolve_follow_up("What about chips?", []).standalone == "chips"
    assert resolve_follow_up("chips?", []).standalone == "chips"
    assert resolve_follow_up("Which materials did Japan restrict?", []).standalone == "Which materials did Japan restrict?"
    history = [Turn(role="user", content="Which materials did Japan restrict exports of to South Korea?"),
               Turn(role="assistant", content="Fluorinated polyimide, photoresists and hydrogen fluoride.")]
    follow = resolve_follow_up("What about Korea?", history)
    assert follow.standalone != "Korea" and follow.is_follow_up  # with a conversation, "what about" refers back


@pytest.mark.parametrize("query", ["chips?", "chips.", "What about chips?", "what about chips"])
def test_a_framed_keyword_answers_as_the_bare_keyword_does(cli, sample_index, query: str) -> None:
    bare = _ask(cli, sample_index, "chips")
    framed = _ask(cli, sample_index, query)
    assert not framed["abstained"], framed.get("message")
    first = lambda b: [c["text"] for s in b["sections"] for c in s["claims"]][0]  # noqa: E731
    assert first(framed) == first(bare)


@pytest.mark.parametrize("query", ["quantum radar?", "What about quantum radar?", "bananas."])
def test_a_framed_keyword_the_corpus_lacks_still_abstains(cli, sample_index, query: str) -> None:
    assert _ask(cli, sample_index, query)["abstained"]


# --- which sentence leads the answer to a keyword query ------------------------------------------------------------

_LABEL = "The scope of China’s chip smuggling case: targeted nodes, named end-users, and links to violations."
_PROSE = "China’s chip-smuggling case suggests Beijing is policing leakage of advanced know-how."
_OTHER = "Beijing is weighing new rules for foreign investment."


@pytest.mark.parametrize("texts, cov, pool, above, leads", [
    # a watch-list item holding the keyword may not lead when a sentence that says something about it does
    ([_LABEL, _PROSE], [1.0, 1.0], [0], [True, True], [1]),
    ([_PROSE, _LABEL, _OTHER], [1.0, 1.0, 0.0], [0, 1, 2], [True, True, True], [0]),
    # ... and a sentence below the relevance floor does not join
    ([_LABEL, _PROSE], [1.0, 1.0], [0], [True, False], [0]),
    # nothing but labelled items, or no sentence holding every keyword: the pool stays as it was
    ([_LABEL, "Signals to watch: tariffs, quotas and licences."], [1.0, 1.0], [0, 1], [True, True], [0, 1]),
    ([_OTHER, _PROSE], [0.5, 0.5], [0, 1], [True, True], [0, 1]),
])
def test_a_labelled_item_may_follow_but_not_lead_a_keyword_answer(texts, cov, pool, above, leads):
    import numpy as np

    from rag.writers.keyword_query import keyword_leads

    assert keyword_leads(texts, np.array(cov), pool, np.array(above)) == leads


@pytest.mark.parametrize("text, keyword", [
    ("chips", "chips"), ("What about chips?", "chips"), ("export controls.", "export controls"),
    ("did Japan ban chips", None), ("what chips?", None), ("a question of five words or more", None),
])
def test_the_keyword_a_query_names_is_its_core_or_none(text, keyword):
    from rag.writers.keyword_query import keyword_of

    assert keyword_of(text) == keyword
    assert keyword_query(text) is (keyword is not None)
