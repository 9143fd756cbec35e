"""Known-answer tests for evals.metrics: retrieval, citations (ALCE), answers, briefs, checker, aggregation."""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pytest

from evals.metrics import (
    CitedClaim,
    abstention_accuracy,
    abstention_correct,
    abstention_prf,
    binary_classification,
    citation_precision,
    citation_recall,
    distinct_sources,
    fact_coverage,
    groundedness,
    hit_at_k,
    mean,
    mean_std,
    mrr_at_k,
    ndcg_at_k,
    normalize_text,
    percentile,
    recall_at_k,
    repair_removed,
    section_completeness,
    summarize,
    uncited_rate,
)

approx = pytest.approx
LOG2_3 = math.log2(3)  # 1.5849625...; 1/LOG2_3 = 0.6309298
LOG2_5 = math.log2(5)  # 2.3219281...; 1/LOG2_5 = 0.4306766


# --------------------------------------------------------------------------- retrieval


class TestHitAtK:
    def test_hit_within_k(self):
        assert hit_at_k(["a", "b", "c"], {"c"}, 3) == 1.0

    def test_miss_beyond_k(self):
        assert hit_at_k(["a", "b", "c"], {"c"}, 2) == 0.0

    def test_empty_ranked(self):
        assert hit_at_k([], {"a"}, 5) == 0.0

    def test_empty_gold_is_undefined(self):
        assert hit_at_k(["a"], set(), 5) is None
        assert hit_at_k([], [], 5) is None

    def test_duplicates_do_not_take_slots(self):
        # dedupe -> [a, b]: b is within the top 2
        assert hit_at_k(["a", "a", "b"], {"b"}, 2) == 1.0

    def test_k_larger_than_list(self):
        assert hit_at_k(["a", "b"], {"b"}, 100) == 1.0

    @pytest.mark.parametrize("k", [0, -1, 1.5, True])
    def test_invalid_k(self, k):
        with pytest.raises(ValueError):
            hit_at_k(["a"], {"a"}, k)


class TestRecallAtK:
    def test_partial(self):
        assert recall_at_k(["a", "x", "b", "c"], {"a", "b", "c", "d"}, 3) == approx(2 / 4)

    def test_full(self):
        assert recall_at_k(["b", "a"], ["a", "b"], 2) == 1.0

    def test_empty_ranked(self):
        assert recall_at_k([], {"a", "b"}, 10) == 0.0

    def test_empty_gold(self):
        assert recall_at_k(["a"], [], 10) is None

    def test_duplicates_counted_once(self):
        # without dedupe, [a, a] would claim 2 hits for |gold| = 2; dedupe -> [a, x]: 1 of 2
        assert recall_at_k(["a", "a", "x", "b"], {"a", "b"}, 2) == approx(0.5)

    def test_duplicate_gold_ids_are_a_set(self):
        assert recall_at_k(["a"], ["a", "a", "b"], 5) == approx(0.5)

    def test_k_larger_than_list(self):
        assert recall_at_k(["a", "b"], {"a", "b", "c"}, 50) == approx(2 / 3)


class TestMrrAtK:
    def test_first_rank(self):
        assert mrr_at_k(["g", "x"], {"g"}) == 1.0

    def test_third_rank(self):
        assert mrr_at_k(["x", "y", "g", "g2"], {"g", "g2"}) == approx(1 / 3)

    def test_beyond_k(self):
        assert mrr_at_k(["x", "y", "g"], {"g"}, k=2) == 0.0

    def test_default_k_is_10(self):
        ranked = [f"x{i}" for i in range(10)] + ["g"]
        assert mrr_at_k(ranked, {"g"}) == 0.0
        assert mrr_at_k(ranked, {"g"}, k=11) == approx(1 / 11)

    def test_duplicates(self):
        # [x, x, g] -> [x, g]: rank 2
        assert mrr_at_k(["x", "x", "g"], {"g"}) == approx(0.5)

    def test_empty_ranked_and_gold(self):
        assert mrr_at_k([], {"g"}) == 0.0
        assert mrr_at_k(["g"], set()) is None


class TestNdcgAtK:
    def test_perfect(self):
        assert ndcg_at_k(["a", "b", "x"], {"a", "b"}) == approx(1.0)

    def test_two_of_four(self):
        # DCG  = 1/log2(3) + 1/log2(5) = 0.6309298 + 0.4306766 = 1.0616064  (hits at ranks 2 and 4)
        # IDCG = 1/log2(2) + 1/log2(3) = 1 + 0.6309298          = 1.6309298  (|gold| = 2)
        # nDCG = 1.0616064 / 1.6309298 = 0.6509209
        value = ndcg_at_k(["d1", "d2", "d3", "d4"], {"d2", "d4"}, k=4)
        assert value == approx((1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3))
        assert value == approx(0.6509209, abs=1e-6)

    def test_duplicates_deduped_first(self):
        # [d1, d1, d2] -> [d1, d2]; top 2 has d2 at rank 2
        # DCG = 1/log2(3) = 0.6309298; IDCG = 1 (|gold| = 1) -> 0.6309298
        assert ndcg_at_k(["d1", "d1", "d2"], {"d2"}, k=2) == approx(0.6309298, abs=1e-6)

    def test_ideal_capped_at_k(self):
        # |gold| = 5 but k = 2: IDCG = 1 + 1/log2(3) = DCG of two hits at ranks 1, 2 -> 1.0
        assert ndcg_at_k(["a", "b", "c"], {"a", "b", "c", "d", "e"}, k=2) == approx(1.0)

    def test_k_larger_than_list(self):
        # hit only at rank 2: DCG = 0.6309298; IDCG (|gold| = 2, k = 10) = 1.6309298 -> 0.3868528
        assert ndcg_at_k(["x", "g1"], {"g1", "g2"}, k=10) == approx(0.3868528, abs=1e-6)

    def test_single_hit_at_rank_one_of_two_gold(self):
        # DCG = 1; IDCG = 1.6309298 -> 0.6131472
        assert ndcg_at_k(["g1", "x"], {"g1", "g2"}) == approx(0.6131472, abs=1e-6)

    def test_miss_and_empty(self):
        assert ndcg_at_k(["x", "y"], {"g"}) == 0.0
        assert ndcg_at_k([], {"g"}) == 0.0
        assert ndcg_at_k(["g"], set()) is None

    def test_invalid_k(self):
        with pytest.raises(ValueError):
            ndcg_at_k(["g"], {"g"}, k=0)


# --------------------------------------------------------------------------- citations (ALCE)

# A toy judge: each passage states some atomic facts; a claim needs a set of facts; a set of cited
# passages supports a claim iff together they state all the claim's facts.
PASSAGES: dict[str, frozenset[str]] = {
    "p_x": frozenset({"x"}),
    "p_x2": frozenset({"x"}),  # a second passage that alone states x
    "p_y": frozenset({"y"}),
    "p_xy": frozenset({"x", "y"}),
    "p_irr": frozenset({"z"}),
}
NEEDS: dict[str, frozenset[str]] = {
    "claim x": frozenset({"x"}),
    "claim xy": frozenset({"x", "y"}),
    "claim w": frozenset({"w"}),  # nothing supports it
}


class Judge:
    """Records calls; refuses an empty passage set (the metrics must never ask about one)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    def __call__(self, claim_text: str, passage_ids: Sequence[str]) -> bool:
        assert len(passage_ids) > 0, "supports() called with no passages"
        self.calls.append((claim_text, tuple(passage_ids)))
        stated = frozenset().union(*(PASSAGES[pid] for pid in passage_ids))
        return NEEDS[claim_text] <= stated


def claim(text: str, *cites: str) -> CitedClaim:
    return CitedClaim(text=text, citations=tuple(cites))


class TestCitationRecall:
    def test_all_supported(self):
        claims = [claim("claim x", "p_x"), claim("claim xy", "p_x", "p_y")]
        assert citation_recall(claims, Judge()) == 1.0

    def test_uncited_claim_counts_as_unsupported(self):
        judge = Judge()
        claims = [claim("claim x", "p_x"), claim("claim x")]
        assert citation_recall(claims, judge) == approx(0.5)
        assert judge.calls == [("claim x", ("p_x",))]  # the uncited claim never reaches the judge

    def test_unsupported(self):
        assert citation_recall([claim("claim w", "p_x", "p_y")], Judge()) == 0.0

    def test_joint_support_counts(self):
        assert citation_recall([claim("claim xy", "p_x", "p_y")], Judge()) == 1.0

    def test_no_claims(self):
        assert citation_recall([], Judge()) is None


class TestCitationPrecision:
    def test_single_supporting_citation(self):
        assert citation_precision([claim("claim x", "p_x")], Judge()) == 1.0

    def test_irrelevant_extra_citation(self):
        # p_x supports alone -> precise; p_irr: alone no, and p_x without it still supports -> irrelevant
        claims = [claim("claim x", "p_x", "p_irr")]
        assert citation_recall(claims, Judge()) == 1.0
        assert citation_precision(claims, Judge()) == approx(0.5)

    def test_joint_support_both_precise(self):
        # neither p_x nor p_y supports alone, and neither can be dropped -> both precise
        claims = [claim("claim xy", "p_x", "p_y")]
        assert citation_precision(claims, Judge()) == 1.0

    def test_redundant_citations_each_supporting_are_precise(self):
        # condition (a) fails for both: each alone supports the claim
        assert citation_precision([claim("claim x", "p_x", "p_x2")], Judge()) == 1.0

    def test_unsupported_claim_citations_all_imprecise(self):
        # ALCE: no precision credit unless the full citation set supports the claim
        judge = Judge()
        assert citation_precision([claim("claim w", "p_x", "p_irr")], judge) == 0.0
        assert judge.calls == [("claim w", ("p_x", "p_irr"))]

    def test_single_unsupporting_citation_imprecise(self):
        assert citation_precision([claim("claim x", "p_y")], Judge()) == 0.0

    def test_alce_quirk_with_a_superset_passage(self):
        # needs {x, y}; cites p_x, p_y, p_xy. p_x: alone no, rest {p_y, p_xy} supports -> irrelevant;
        # p_y likewise -> irrelevant; p_xy alone supports -> precise. 1 / 3.
        assert citation_precision([claim("claim xy", "p_x", "p_y", "p_xy")], Judge()) == approx(1 / 3)

    def test_pooled_over_claims(self):
        claims = [
            claim("claim x", "p_x", "p_irr"),  # 1 of 2 precise
            claim("claim xy", "p_x", "p_y"),  # 2 of 2
            claim("claim w", "p_y"),  # 0 of 1
            claim("claim x"),  # no citations: not in the denominator
        ]
        assert citation_precision(claims, Judge()) == approx(3 / 5)
        assert citation_recall(claims, Judge()) == approx(2 / 4)

    def test_repeated_citation_id_counts_once(self):
        assert citation_precision([claim("claim x", "p_x", "p_x", "p_irr")], Judge()) == approx(0.5)

    def test_no_citations_is_undefined(self):
        assert citation_precision([claim("claim x"), claim("claim w")], Judge()) is None
        assert citation_precision([], Judge()) is None

    def test_judge_never_called_with_empty_set(self):
        judge = Judge()
        claims = [claim("claim x", "p_x"), claim("claim x"), claim("claim w", "p_irr"), claim("claim xy", "p_x", "p_y")]
        citation_precision(claims, judge)
        citation_recall(claims, judge)
        assert all(ids for _, ids in judge.calls)

    def test_cited_claim_is_frozen(self):
        c = claim("claim x", "p_x")
        with pytest.raises(AttributeError):
            c.text = "other"  # type: ignore[misc]


class TestUncitedRate:
    def test_rate(self):
        assert uncited_rate([claim("a", "p"), claim("b"), claim("c"), claim("d", "p", "q")]) == approx(0.5)

    def test_none_uncited(self):
        assert uncited_rate([claim("a", "p")]) == 0.0

    def test_no_claims(self):
        assert uncited_rate([]) is None


# --------------------------------------------------------------------------- groundedness


class TestGroundedness:
    def test_share(self):
        assert groundedness([True, False, True, True]) == approx(0.75)

    def test_all_and_none(self):
        assert groundedness([True]) == 1.0
        assert groundedness([False, False]) == 0.0

    def test_empty(self):
        assert groundedness([]) is None


class TestRepairRemoved:
    def test_removed(self):
        assert repair_removed(7, 5) == 2
        assert repair_removed(3, 3) == 0
        assert repair_removed(0, 0) == 0

    @pytest.mark.parametrize("before,after", [(2, 3), (-1, 0), (3, -1)])
    def test_invalid(self, before, after):
        with pytest.raises(ValueError):
            repair_removed(before, after)


# --------------------------------------------------------------------------- answer quality


class TestNormalizeText:
    def test_quotes_case_whitespace_nfkc(self):
        assert normalize_text("  “Hello”\u00a0\n ‘World’  ＡＢＣ１２ ") == "\"hello\" 'world' abc12"


class TestFactCoverage:
    def test_case_insensitive_substring(self):
        answer = "The Ministry of Economy, Trade and Industry (METI) added 23 items."
        assert fact_coverage(answer, ["meti", "Trade and Industry", "Huawei"]) == approx(2 / 3)

    def test_numeric_fact_whole_token(self):
        assert fact_coverage("Exports fell in 2026.", ["20"]) == 0.0
        assert fact_coverage("Exports fell by 120 units.", ["20"]) == 0.0
        assert fact_coverage("Exports fell by 20 units.", ["20"]) == 1.0
        assert fact_coverage("It rose 20%.", ["20"]) == 1.0
        assert fact_coverage("It cost $20, up from $15.", ["20", "15"]) == 1.0
        assert fact_coverage("At the end: 20", ["20"]) == 1.0
        assert fact_coverage("(20)", ["20"]) == 1.0

    def test_numeric_fact_not_inside_decimals_or_thousands(self):
        assert fact_coverage("Growth was 20.5 percent.", ["20"]) == 0.0
        assert fact_coverage("It hired 20,000 staff.", ["20"]) == 0.0
        assert fact_coverage("Share was 1.20 percent.", ["20"]) == 0.0
        assert fact_coverage("It hired 20,000 staff.", ["20,000"]) == 1.0
        assert fact_coverage("Growth was 3.5%.", ["3.5"]) == 1.0
        assert fact_coverage("Growth was 13.5%.", ["3.5"]) == 0.0

    def test_numeric_fact_not_inside_words(self):
        assert fact_coverage("Held on the 20th.", ["20"]) == 0.0
        assert fact_coverage("Node N20 shipped.", ["20"]) == 0.0

    def test_fact_with_digit_edges(self):
        assert fact_coverage("About 120 percent of quota.", ["20 percent"]) == 0.0
        assert fact_coverage("About 20 percent of quota.", ["20 percent"]) == 1.0
        assert fact_coverage("In May 2026 it changed.", ["May 202"]) == 0.0
        assert fact_coverage("In May 2026 it changed.", ["May 2026"]) == 1.0

    def test_non_numeric_facts_are_substrings(self):
        assert fact_coverage("Semiconductors matter.", ["semiconductor"]) == 1.0

    def test_curly_quotes_and_whitespace(self):
        answer = "Officials called it a “whole-of-government”   approach and Japan’s\npriority."
        assert fact_coverage(answer, ['"whole-of-government" approach', "Japan's priority"]) == 1.0
        assert fact_coverage("Japan's priority", ["Japan’s   priority"]) == 1.0

    def test_nfkc_fullwidth(self):
        assert fact_coverage("ＴＳＭＣ invested ２０ billion.", ["tsmc", "20"]) == 1.0

    def test_no_facts(self):
        assert fact_coverage("anything", []) is None
        assert fact_coverage("anything", ["", "   "]) is None

    def test_blank_facts_ignored(self):
        assert fact_coverage("alpha", ["alpha", " "]) == 1.0


class TestAbstention:
    @pytest.mark.parametrize(
        "abstained,answerable,expected",
        [(True, False, True), (False, True, True), (True, True, False), (False, False, False)],
    )
    def test_correct(self, abstained, answerable, expected):
        assert abstention_correct(abstained, answerable) is expected

    def test_accuracy(self):
        pairs = [(True, False), (False, True), (True, True), (False, False)]
        assert abstention_accuracy(pairs) == approx(0.5)
        assert abstention_accuracy([]) is None

    def test_prf(self):
        # (abstained, answerable): tp = 2 (abstain on unanswerable), fp = 1, fn = 1, plus one true negative
        pairs = [(True, False), (True, False), (True, True), (False, False), (False, True)]
        out = abstention_prf(pairs)
        assert out["precision"] == approx(2 / 3)
        assert out["recall"] == approx(2 / 3)
        assert out["f1"] == approx(2 / 3)

    def test_prf_never_abstains(self):
        out = abstention_prf([(False, True), (False, False)])
        assert out == {"precision": None, "recall": 0.0, "f1": None}

    def test_prf_all_answerable(self):
        out = abstention_prf([(True, True), (False, True)])
        assert out == {"precision": 0.0, "recall": None, "f1": None}

    def test_prf_zero_both(self):
        # abstained on an answerable one, answered the unanswerable one: P = R = 0 -> F1 = 0
        assert abstention_prf([(True, True), (False, False)]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}

    def test_prf_empty(self):
        assert abstention_prf([]) == {"precision": None, "recall": None, "f1": None}


# --------------------------------------------------------------------------- brief structure


class TestSectionCompleteness:
    def test_share(self):
        sections = {"summary": 1, "key_developments": 3, "risks": 0, "extra": 2}
        required = ["summary", "key_developments", "risks", "outlook"]
        assert section_completeness(sections, required) == approx(2 / 4)

    def test_complete(self):
        assert section_completeness({"a": 1, "b": 5}, ["a", "b"]) == 1.0

    def test_duplicate_required_counted_once(self):
        assert section_completeness({"a": 1}, ["a", "a", "b"]) == approx(0.5)

    def test_nothing_required(self):
        assert section_completeness({"a": 1}, []) is None

    def test_empty_sections(self):
        assert section_completeness({}, ["a"]) == 0.0


class TestDistinctSources:
    def test_counts(self):
        assert distinct_sources(["d1", "d2", "d1", "d3", "d2"]) == 3
        assert distinct_sources([]) == 0
        assert distinct_sources(iter(["d1"])) == 1


# --------------------------------------------------------------------------- checker quality


class TestBinaryClassification:
    def test_known_counts(self):
        # positive = unsupported.  true: [S, S, U, U, U]  pred: [S, U, U, U, S]
        # tp = 2 (idx 2, 3), fp = 1 (idx 1), fn = 1 (idx 4), tn = 1 (idx 0)
        out = binary_classification([True, True, False, False, False], [True, False, False, False, True])
        assert (out["tp"], out["fp"], out["fn"], out["tn"]) == (2, 1, 1, 1)
        assert out["precision"] == approx(2 / 3)
        assert out["recall"] == approx(2 / 3)
        assert out["f1"] == approx(2 / 3)
        assert out["accuracy"] == approx(3 / 5)
        # TPR = 2/3, TNR = 1/2 -> (2/3 + 1/2) / 2 = 7/12
        assert out["balanced_accuracy"] == approx(7 / 12)

    def test_perfect(self):
        out = binary_classification([True, False], [True, False])
        assert out["precision"] == out["recall"] == out["f1"] == out["accuracy"] == out["balanced_accuracy"] == 1.0

    def test_never_flags(self):
        # no predicted positives -> precision undefined; recall 0
        out = binary_classification([True, False], [True, True])
        assert out["precision"] is None
        assert out["recall"] == 0.0
        assert out["f1"] is None
        assert out["accuracy"] == approx(0.5)
        assert out["balanced_accuracy"] == approx(0.5)

    def test_no_true_unsupported(self):
        out = binary_classification([True, True], [False, True])
        assert out["precision"] == 0.0
        assert out["recall"] is None
        assert out["f1"] is None
        assert out["accuracy"] == approx(0.5)
        assert out["balanced_accuracy"] is None  # only one class in the gold labels

    def test_precision_recall_zero(self):
        out = binary_classification([False, True], [True, False])
        assert out["precision"] == 0.0 and out["recall"] == 0.0 and out["f1"] == 0.0
        assert out["balanced_accuracy"] == 0.0

    def test_empty(self):
        out = binary_classification([], [])
        assert out["accuracy"] is None and out["balanced_accuracy"] is None
        assert out["precision"] is None and out["recall"] is None and out["f1"] is None

    def test_length_mismatch(self):
        with pytest.raises(ValueError):
            binary_classification([True], [True, False])


# --------------------------------------------------------------------------- aggregation


class TestMean:
    def test_skips_none(self):
        assert mean([1.0, None, 2.0, 3.0]) == approx(2.0)

    def test_all_none_and_empty(self):
        assert mean([None, None]) is None
        assert mean([]) is None

    def test_generator_and_zero(self):
        assert mean(x for x in [0.0, None]) == 0.0


class TestMeanStd:
    def test_population_std(self):
        # mean 5; squared deviations 9,1,1,1,0,0,4,16 -> 32/8 = 4 -> std 2
        m, s = mean_std([2, 4, 4, 4, 5, 5, 7, 9, None])
        assert m == approx(5.0)
        assert s == approx(2.0)

    def test_single_value(self):
        assert mean_std([0.7, None]) == (approx(0.7), 0.0)

    def test_all_none(self):
        assert mean_std([None]) == (None, None)
        assert mean_std([]) == (None, None)


class TestPercentile:
    def test_linear_interpolation(self):
        xs = [4.0, 1.0, 3.0, 2.0]
        assert percentile(xs, 50) == approx(2.5)
        assert percentile(xs, 25) == approx(1.75)
        assert percentile(xs, 0) == 1.0
        assert percentile(xs, 100) == 4.0
        assert percentile(xs, 90) == approx(3.7)

    @pytest.mark.parametrize("p", [0, 5, 33.3, 50, 95, 99, 100])
    def test_matches_numpy_default(self, p):
        xs = [0.3, 7.0, 1.5, 2.25, 9.1, 4.0, 4.0]
        assert percentile(xs, p) == approx(float(np.percentile(xs, p)))

    def test_skips_none_single_and_empty(self):
        assert percentile([None, 5.0, None], 37) == 5.0
        assert percentile([None], 50) is None
        assert percentile([], 50) is None

    @pytest.mark.parametrize("p", [-1, 100.5])
    def test_invalid_p(self, p):
        with pytest.raises(ValueError):
            percentile([1.0], p)


class TestSummarize:
    def test_per_key_mean_skipping_none_and_missing(self):
        items = [
            {"recall@5": 1.0, "ndcg@10": 0.5, "citation_precision": None},
            {"recall@5": 0.0, "ndcg@10": None, "citation_precision": None},
            {"recall@5": 0.5, "fact_coverage": 0.25},
        ]
        out = summarize(items)
        assert list(out) == ["recall@5", "ndcg@10", "citation_precision", "fact_coverage"]
        assert out["recall@5"] == approx(0.5)
        assert out["ndcg@10"] == approx(0.5)
        assert out["citation_precision"] is None  # all None
        assert out["fact_coverage"] == approx(0.25)

    def test_empty(self):
        assert summarize([]) == {}
