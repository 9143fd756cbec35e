"""Specs of the answer-recall miss reader (benchmarks/rtqa_answer_misses.py): a question whose correct choice is not
in its top 10 is filed under the first place its text is found — a candidate the ranking put low, a top-10 article
outside the passage's window, the gold article that was never a candidate, only other stories, or no passage."""

import pytest

from benchmark_modules import benchmark_module


@pytest.fixture(scope="module")
def miss_kind():
    return benchmark_module("rtqa_answer_misses").miss_kind


def holds_nissan(text: str) -> bool:
    return "Nissan" in text


@pytest.mark.parametrize("where, kind", [
    ({"candidates": ["Nissan recalled 200,000 trucks"]}, "candidate_ranked_out"),
    ({"top_articles": ["Recall news. Later: Nissan said the fix is free."]}, "outside_window"),
    ({"gold_articles": ["Nissan recalls pickups"]}, "gold_not_candidate"),
    ({"dated_texts": ["Nissan's new EV launched in Tokyo"]}, "elsewhere_only"),
    ({}, "in_no_passage"),
])
def test_a_miss_is_filed_where_the_choice_text_is_found(miss_kind, where, kind):
    places = {"candidates": ["Ford recalled trucks"], "top_articles": ["Ford said ..."], "gold_articles": [],
              "dated_texts": ["unrelated text"]}
    for key, texts in where.items():
        places[key] = places[key] + texts
    assert miss_kind(holds_nissan, **places) == kind


def test_the_first_place_wins_when_the_text_is_in_several(miss_kind):
    everywhere = ["Nissan recalled trucks"]
    assert miss_kind(holds_nissan, candidates=everywhere, top_articles=everywhere, gold_articles=everywhere,
                     dated_texts=everywhere) == "candidate_ranked_out"
    assert miss_kind(holds_nissan, candidates=[], top_articles=[], gold_articles=everywhere,
                     dated_texts=everywhere) == "gold_not_candidate"


def test_the_dated_texts_may_be_a_one_pass_iterator(miss_kind):
    assert miss_kind(holds_nissan, candidates=[], top_articles=[], gold_articles=[],
                     dated_texts=(t for t in ["x", "Nissan"])) == "elsewhere_only"
