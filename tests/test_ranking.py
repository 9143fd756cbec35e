"""Ranking of fused candidates (rag.ranking): weighted fusion, recency within the date bound, article-level order."""

from __future__ import annotations

import pytest

from rag.ranking import (article_order, convex_fusion, event_day, keyword_query, names_and_numbers, question_core,
                         recency_factor, title_match, weighted_rrf)


def test_weighted_rrf_with_equal_weights_is_plain_reciprocal_rank_fusion():
    fused = weighted_rrf([(["a", "b"], 1.0), (["b", "c"], 1.0)], k=60)
    assert fused == pytest.approx({"a": 1 / 61, "b": 1 / 62 + 1 / 61, "c": 1 / 62})


def test_weighted_rrf_weight_decides_which_retriever_leads():
    dense, bm25 = ["d1", "d2"], ["b1", "b2"]
    assert max(weighted_rrf([(dense, 2.0), (bm25, 1.0)]).items(), key=lambda kv: kv[1])[0] == "d1"
    assert max(weighted_rrf([(dense, 1.0), (bm25, 2.0)]).items(), key=lambda kv: kv[1])[0] == "b1"
    assert set(weighted_rrf([(dense, 0.0), (bm25, 1.0)])) == {"b1", "b2"}  # weight 0 leaves a retriever out


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2022-06-16", 1.0), ("2022-06-09", 0.75), ("2022-06-02", 0.625), ("2021-06-16", 0.5), ("2022-06-20", 1.0)],
)
def test_recency_halves_the_decaying_share_every_half_life_down_to_the_floor(published, expected):
    got = recency_factor(published, "2022-06-16", half_life_days=7, floor=0.5)
    assert got == pytest.approx(expected, abs=1e-6)


def test_recency_off_or_without_a_reference_changes_nothing():
    assert recency_factor("2001-01-01", "2022-06-16", half_life_days=0, floor=0.1) == 1.0
    assert recency_factor("2001-01-01", None, half_life_days=7, floor=0.1) == 1.0


def test_an_undated_report_counts_as_old_under_recency():
    assert recency_factor(None, "2022-06-16", half_life_days=7, floor=0.2) == 0.2
    assert recency_factor("not a date", "2022-06-16", half_life_days=7, floor=0.2) == 0.2


def test_article_with_several_matching_passages_outranks_one_lucky_passage():
    scores = {"a-0": 0.030, "b-0": 0.028, "b-1": 0.020, "b-2": 0.015}
    docs = {"a-0": "a", "b-0": "b", "b-1": "b", "b-2": "b"}
    assert article_order(scores, docs, weight=0.0)[0] == "a-0"  # passage-level: the single best passage
    order = article_order(scores, docs, weight=0.5)
    assert order[0] == "b-0"
    assert order.index("b-1") > order.index("a-0")  # the article's other passages keep their own score


def test_article_order_counts_only_the_next_passages_up_to_depth():
    scores = {"a-0": 0.030, "b-0": 0.020, **{f"b-{i}": 0.004 for i in range(1, 9)}}
    docs = {c: c.split("-")[0] for c in scores}
    assert article_order(scores, docs, weight=1.0, depth=3)[0] == "a-0"  # 0.020 + 2 x 0.004 < 0.030
    assert article_order(scores, docs, weight=1.0, depth=9)[0] == "b-0"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Which show did Netflix renew for a second season of “Squid Game”?", ["Squid Game", "Netflix", "Squid", "Game"]),
        ("Which company said it would cut 11,000 jobs, 13% of its staff?", ["11,000", "13"]),
        ("What did the U.S. Federal Reserve raise by 0.75 points in June?", ["U.S", "Federal", "Reserve", "0.75", "June"]),
        ("Who won?", []),
    ],
)
def test_names_numbers_and_quoted_phrases_are_found_but_not_the_first_word(question, names):
    assert names_and_numbers(question) == names


def test_the_keyword_query_repeats_names_and_numbers_only_when_asked():
    q = "Which company said it would cut 11,000 jobs at Meta?"
    assert keyword_query(q, name_copies=0) == q
    assert keyword_query(q, name_copies=2) == q + " 11,000 Meta 11,000 Meta"
    assert keyword_query("who won the vote?", name_copies=2) == "who won the vote?"


def test_title_match_is_the_share_of_query_weight_in_the_headline():
    weights = {"sri": 3.0, "lanka": 3.0, "leader": 1.0, "flee": 1.0}
    assert title_match(weights, frozenset({"sri", "lanka", "chao"})) == pytest.approx(0.75)
    assert title_match(weights, frozenset({"leader"})) == pytest.approx(0.125)  # a common word weighs little
    assert title_match(weights, frozenset()) == 0.0
    assert title_match({}, frozenset({"sri"})) == 0.0


@pytest.mark.parametrize(
    ("question", "core"),
    [
        ("Which automaker recalled 2.9 million vehicles this week?", "Which automaker recalled 2.9 million vehicles?"),
        ("True or false: An American tourist was injured at Mount Vesuvius?", "An American tourist was injured at Mount Vesuvius?"),
        ("Which of these celebs was not invited to the Academy this week?", "celebs was not invited to the Academy?"),
        ("Which island nation plunged into chaos in recent days, prompting its leader to flee?",
         "Which island nation plunged into chaos, prompting its leader to flee?"),
        ("This week’s GCSE results day revealed that pass grades fell from 79% to how much?",
         "GCSE results day revealed that pass grades fell from 79% to how much?"),
        ("What percentage of trainee GPs plan to work part-time, according to a new study?",
         "What percentage of trainee GPs plan to work part-time?"),
        ("Which WNBA team recently won its first championship title?", "Which WNBA team won its first championship title?"),
        ("Who won the 2022 NHL Stanley Cup Finals?", "Who won the 2022 NHL Stanley Cup Finals?"),  # nothing to drop
        ("This week", "This week"),  # nothing would remain: searched as written
    ],
)
def test_question_core_drops_how_the_question_asks_and_keeps_names_and_numbers(question, core):
    assert question_core(question) == core


@pytest.mark.parametrize("question, asked_on, day", [
    ("Dozens of people were unaccounted for early Thursday after severe flooding in which state?", "2022-07-14", "2022-07-14"),
    ("Queen Elizabeth II, Britain's longest-serving monarch, died Thursday. When did she ascend to the throne?", "2022-09-09", "2022-09-08"),
    ("Which Lionesses player scored a hat-trick on Monday night?", "2022-07-15", "2022-07-11"),
    ("A volcano erupted on which Japanese island on Sunday?", "2022-07-29", "2022-07-24"),
    ("What did the company announce last Friday?", "2022-07-29", "2022-07-22"),
])
def test_the_event_day_is_the_latest_such_weekday_on_or_before_the_search_date(question, asked_on, day):
    assert event_day(question, asked_on) == day


@pytest.mark.parametrize("question, asked_on", [
    ("Which airline announced a deal this week to buy Spirit Airlines?", "2022-07-28"),  # no weekday
    ("Which retailer reported record Black Friday sales?", "2022-11-28"),  # a named day, not a weekday
    ("Who spoke on Monday and who answered on Friday?", "2022-07-15"),  # two days: no single event day
    ("What happened on Tuesday?", None),  # no date to count back from
])
def test_no_event_day_without_exactly_one_weekday_and_a_reference(question, asked_on):
    assert event_day(question, asked_on) is None


# Score fusion (retrieval.fusion = "convex"): each list's scores min-max normalised, weighted, summed.

def test_convex_fusion_keeps_how_far_apart_the_scores_are_where_rrf_keeps_only_ranks():
    dense = (["a", "b", "c"], {"a": 0.90, "b": 0.89, "c": 0.10}, 1.0)  # a and b nearly tied, c far behind
    bm25 = (["c", "b", "a"], {"c": 30.0, "b": 29.0, "a": 1.0}, 1.0)
    fused = convex_fusion([dense, bm25])
    assert max(fused, key=fused.get) == "b"  # close second in both lists beats first in one and last in the other
    rrf = weighted_rrf([(dense[0], 1.0), (bm25[0], 1.0)])
    assert rrf["b"] < rrf["a"] == pytest.approx(rrf["c"])  # by ranks alone the two second places come last


def test_convex_fusion_normalises_each_list_to_its_own_best_and_last():
    fused = convex_fusion([(["a", "b"], {"a": 0.8, "b": 0.4}, 1.0), (["b", "x"], {"b": 12.0, "x": 2.0}, 2.0)])
    assert fused == pytest.approx({"a": 1.0, "b": 2.0, "x": 0.0})  # b: dense 0 (its list's last) + BM25 2 × 1


@pytest.mark.parametrize("rankings, expected", [
    ([(["a", "b"], {"a": 0.5, "b": 0.5}, 1.0)], {"a": 1.0, "b": 1.0}),  # all scores equal: every item its weight
    ([(["a"], {"a": 0.5}, 0.0), (["b"], {"b": 3.0}, 1.0)], {"b": 1.0}),  # a weight of 0 leaves its list out
    ([([], {}, 1.0)], {}),  # an empty list adds nothing
    ([(["a", "b", "c"], {"a": 2.0, "b": 1.0}, 1.0)], {"a": 1.0, "b": 0.0, "c": 0.0}),  # an id without a score counts as the list's lowest
])
def test_convex_fusion_edge_cases(rankings, expected):
    assert convex_fusion(rankings) == pytest.approx(expected)

