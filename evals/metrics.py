"""Pure, deterministic evaluation metrics for retrieval, citations, answers, briefs and the checker.

Conventions:

* A metric that is *undefined* for its input (no gold documents, no claims, no citations, no facts,
  a zero denominator) returns ``None`` rather than a misleading 0.0 or 1.0.
* The aggregation helpers (``mean``, ``mean_std``, ``percentile``, ``summarize``) skip ``None``.
* Ranked lists may contain duplicates; they are de-duplicated keeping the first occurrence
  before scoring, so a document is never counted twice.
* ``k`` must be >= 1 (``ValueError`` otherwise); a ``k`` larger than the list is fine.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from rag.text.normalize import match_form

__all__ = [
    "CitedClaim",
    "SupportsFn",
    "hit_at_k",
    "recall_at_k",
    "mrr_at_k",
    "ndcg_at_k",
    "citation_recall",
    "citation_precision",
    "uncited_rate",
    "groundedness",
    "repair_removed",
    "normalize_text",
    "fact_coverage",
    "abstention_correct",
    "abstention_accuracy",
    "abstention_prf",
    "section_completeness",
    "distinct_sources",
    "binary_classification",
    "mean",
    "mean_std",
    "percentile",
    "summarize",
]


# --------------------------------------------------------------------------------------------
# Retrieval
# --------------------------------------------------------------------------------------------


def _dedupe(items: Iterable[str]) -> list[str]:
    """Return ``items`` without repeats, keeping the first occurrence of each."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _check_k(k: int) -> None:
    """Raise ``ValueError`` unless ``k`` is a positive integer."""
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")


def _top_k(ranked: Sequence[str], k: int) -> list[str]:
    """Validate ``k`` and return the de-duplicated top-``k`` of ``ranked``."""
    _check_k(k)
    return _dedupe(ranked)[:k]


def hit_at_k(ranked: Sequence[str], gold: Iterable[str], k: int) -> float | None:
    """1.0 if any gold id is in the de-duplicated top ``k``, else 0.0; None if ``gold`` is empty."""
    gold_set = set(gold)
    top = _top_k(ranked, k)
    if not gold_set:
        return None
    return 1.0 if any(doc in gold_set for doc in top) else 0.0


def recall_at_k(ranked: Sequence[str], gold: Iterable[str], k: int) -> float | None:
    """Share of gold ids found in the de-duplicated top ``k``; None if ``gold`` is empty."""
    gold_set = set(gold)
    top = _top_k(ranked, k)
    if not gold_set:
        return None
    return sum(1 for doc in top if doc in gold_set) / len(gold_set)


def mrr_at_k(ranked: Sequence[str], gold: Iterable[str], k: int = 10) -> float | None:
    """Reciprocal rank of the first gold id in the de-duplicated top ``k`` (0.0 if none); None if no gold."""
    gold_set = set(gold)
    top = _top_k(ranked, k)
    if not gold_set:
        return None
    for rank, doc in enumerate(top, start=1):
        if doc in gold_set:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[str], gold: Iterable[str], k: int = 10) -> float | None:
    """Binary-relevance nDCG@k (gain 1/log2(rank+1), ideal DCG over min(|gold|, k) hits); None if no gold."""
    gold_set = set(gold)
    top = _top_k(ranked, k)
    if not gold_set:
        return None
    dcg = math.fsum(1.0 / math.log2(rank + 1) for rank, doc in enumerate(top, start=1) if doc in gold_set)
    idcg = math.fsum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold_set), k) + 1))
    return dcg / idcg


# --------------------------------------------------------------------------------------------
# Citations (ALCE: Gao et al., 2023, "Enabling Large Language Models to Generate Text with Citations")
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitedClaim:
    """One claim (sentence) of an answer and the ids of the passages it cites."""

    text: str
    citations: tuple[str, ...]


SupportsFn = Callable[[str, Sequence[str]], bool]
"""Judge: does the concatenation of the given (non-empty) cited passages support the claim text?"""


def _claim_citations(claim: CitedClaim) -> tuple[str, ...]:
    """The claim's citation ids with repeats removed (a repeated marker is the same citation)."""
    return tuple(_dedupe(claim.citations))


def citation_recall(claims: Sequence[CitedClaim], supports: SupportsFn) -> float | None:
    """Share of claims whose full citation set supports them (uncited claims count as unsupported); None if no claims.

    ALCE citation recall: a statement gets recall 1 iff it has at least one citation and the
    concatenation of all its cited passages entails it. ``supports`` is never called with no ids.
    """
    if not claims:
        return None
    supported = 0
    for claim in claims:
        cites = _claim_citations(claim)
        if cites and supports(claim.text, cites):
            supported += 1
    return supported / len(claims)


def citation_precision(claims: Sequence[CitedClaim], supports: SupportsFn) -> float | None:
    """Share of all citations that are precise, per ALCE (Gao et al., 2023, Sec. 2.2); None if no citations.

    Following the paper and its reference implementation (princeton-nlp/ALCE ``eval.py``), precision is
    only credited when the claim's full citation set supports it (citation recall 1); then a citation is
    *irrelevant* (imprecise) iff (a) it alone does not support the claim AND (b) the claim is still
    supported by the remaining citations without it. Every citation of a claim whose full set does not
    support it is imprecise. A claim's repeated citation ids count once. The denominator is the total
    number of (de-duplicated) citations over all claims, pooled (micro-averaged).
    """
    total = 0
    precise = 0
    for claim in claims:
        cites = _claim_citations(claim)
        if not cites:
            continue
        total += len(cites)
        if not supports(claim.text, cites):
            continue  # ALCE: no precision credit when the citation set does not support the claim
        if len(cites) == 1:
            precise += 1  # it alone supports the claim: condition (a) fails, so it is precise
            continue
        for cid in cites:
            alone = supports(claim.text, (cid,))
            if alone:
                precise += 1
                continue
            rest = tuple(c for c in cites if c != cid)
            if not supports(claim.text, rest):
                precise += 1  # needed: without it the rest no longer supports the claim
    if total == 0:
        return None
    return precise / total


def uncited_rate(claims: Sequence[CitedClaim]) -> float | None:
    """Share of claims with no citations; None if no claims."""
    if not claims:
        return None
    return sum(1 for claim in claims if not claim.citations) / len(claims)


# --------------------------------------------------------------------------------------------
# Groundedness
# --------------------------------------------------------------------------------------------


def groundedness(verified_flags: Sequence[bool]) -> float | None:
    """Share of claims the checker verified as supported; None if there are no claims."""
    if not verified_flags:
        return None
    return sum(1 for flag in verified_flags if flag) / len(verified_flags)


def repair_removed(n_before: int, n_after: int) -> int:
    """Number of claims removed by repair (``n_before - n_after``); ValueError if negative or ``n_after > n_before``."""
    if n_before < 0 or n_after < 0:
        raise ValueError(f"claim counts must be >= 0, got {n_before}, {n_after}")
    if n_after > n_before:
        raise ValueError(f"repair cannot add claims: {n_before} before, {n_after} after")
    return n_before - n_after


# --------------------------------------------------------------------------------------------
# Answer quality
# --------------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_NUMERIC_FACT = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
# Numeric token guards: no digit (or digit + decimal/thousands separator) may touch a number's edge.
_NUM_BEFORE = r"(?<!\d)(?<!\d[.,])"
_NUM_AFTER = r"(?![.,]?\d)"
_ALNUM_BEFORE = r"(?<![0-9a-z])"
_ALNUM_AFTER = r"(?![0-9a-z])"


def normalize_text(text: str) -> str:
    """The matching form (``rag.text.normalize.match_form``: NFKC, straight quotes, casefold) with whitespace
    collapsed."""
    return _WS.sub(" ", match_form(text)).strip()


def _fact_pattern(fact: str) -> re.Pattern[str]:
    """Regex for a normalized fact: whole-token for purely numeric facts, digit-guarded edges otherwise."""
    body = re.escape(fact)
    if _NUMERIC_FACT.fullmatch(fact):
        return re.compile(_ALNUM_BEFORE + _NUM_BEFORE + body + _NUM_AFTER + _ALNUM_AFTER)
    before = _NUM_BEFORE if fact[0].isdigit() else ""
    after = _NUM_AFTER if fact[-1].isdigit() else ""
    return re.compile(before + body + after)


def fact_coverage(answer_text: str, facts: Sequence[str]) -> float | None:
    """Share of facts found in the answer (normalized substring match); None if no non-empty facts.

    Both sides go through ``normalize_text``. A purely numeric fact ("20", "3.5", "1,200") must match
    a whole token: "20" does not match "2026", "120", "20.5", "20,000" or "20th". A fact that starts
    or ends with a digit never matches inside a longer number either ("20 percent" does not match
    "120 percent"). Facts that are empty after normalization are ignored.
    """
    norm_facts = [f for f in (normalize_text(fact) for fact in facts) if f]
    if not norm_facts:
        return None
    answer = normalize_text(answer_text)
    found = sum(1 for fact in norm_facts if _fact_pattern(fact).search(answer))
    return found / len(norm_facts)


def abstention_correct(abstained: bool, answerable: bool) -> bool:
    """True iff the system abstained exactly when the question was unanswerable."""
    return bool(abstained) != bool(answerable)


def abstention_accuracy(pairs: Sequence[tuple[bool, bool]]) -> float | None:
    """Share of ``(abstained, answerable)`` pairs handled correctly; None if there are no pairs."""
    if not pairs:
        return None
    return sum(1 for abstained, answerable in pairs if abstention_correct(abstained, answerable)) / len(pairs)


def _prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; None where a denominator is zero (F1 0.0 if P = R = 0)."""
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if precision is None or recall is None:
        f1 = None
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def abstention_prf(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float | None]:
    """Precision/recall/F1 of abstaining (positive) on unanswerable questions over ``(abstained, answerable)`` pairs.

    precision = share of abstentions that were on unanswerable questions (None if no abstentions);
    recall = share of unanswerable questions abstained on (None if none unanswerable);
    f1 = None if either is None, 0.0 if both are 0.
    """
    tp = sum(1 for a, ans in pairs if a and not ans)
    fp = sum(1 for a, ans in pairs if a and ans)
    fn = sum(1 for a, ans in pairs if not a and not ans)
    precision, recall, f1 = _prf(tp, fp, fn)
    return {"precision": precision, "recall": recall, "f1": f1}


# --------------------------------------------------------------------------------------------
# Brief structure
# --------------------------------------------------------------------------------------------


def section_completeness(sections: Mapping[str, int], required: Sequence[str]) -> float | None:
    """Share of (distinct) required sections present in ``sections`` with >= 1 item; None if none required."""
    names = _dedupe(required)
    if not names:
        return None
    return sum(1 for name in names if sections.get(name, 0) >= 1) / len(names)


def distinct_sources(citation_doc_ids: Iterable[str]) -> int:
    """Number of distinct document ids cited (0 for none)."""
    return len(set(citation_doc_ids))


# --------------------------------------------------------------------------------------------
# Checker quality ("unsupported" is the positive class)
# --------------------------------------------------------------------------------------------


def binary_classification(
    y_true_supported: Sequence[bool], y_pred_supported: Sequence[bool]
) -> dict[str, float | int | None]:
    """Precision/recall/F1 for detecting *unsupported* claims, plus accuracy, balanced accuracy and counts.

    precision: None if nothing was predicted unsupported; recall: None if nothing is truly
    unsupported; f1: None if either is None (0.0 if both are 0); accuracy: None if empty;
    balanced_accuracy: mean of recall on unsupported and on supported, None unless both classes occur
    in ``y_true_supported``. Counts ``tp``, ``fp``, ``fn``, ``tn`` are included. ValueError on length mismatch.
    """
    if len(y_true_supported) != len(y_pred_supported):
        raise ValueError(f"length mismatch: {len(y_true_supported)} labels vs {len(y_pred_supported)} predictions")
    tp = fp = fn = tn = 0
    for true_sup, pred_sup in zip(y_true_supported, y_pred_supported):
        true_pos, pred_pos = not true_sup, not pred_sup
        if true_pos and pred_pos:
            tp += 1
        elif pred_pos:
            fp += 1
        elif true_pos:
            fn += 1
        else:
            tn += 1
    precision, recall, f1 = _prf(tp, fp, fn)
    n = tp + fp + fn + tn
    accuracy = (tp + tn) / n if n else None
    specificity = tn / (tn + fp) if tn + fp else None
    balanced = (recall + specificity) / 2 if recall is not None and specificity is not None else None
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": accuracy,
        "balanced_accuracy": balanced,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


# --------------------------------------------------------------------------------------------
# Aggregation and statistics
# --------------------------------------------------------------------------------------------


def expected_calibration_error(labels: Sequence[bool], probs: Sequence[float], bins: int = 10) -> float | None:
    """ECE of probabilities that ``labels`` are true: the item-weighted |mean probability - observed rate| over
    ``bins`` equal-width bins of 0..1 (None for no items)."""
    if not labels:
        return None
    groups: dict[int, list[tuple[float, float]]] = {}
    for y, p in zip(labels, probs):
        groups.setdefault(min(int(float(p) * bins), bins - 1), []).append((float(p), 1.0 if y else 0.0))
    return sum(abs(sum(p for p, _ in g) / len(g) - sum(y for _, y in g) / len(g)) * len(g) for g in groups.values()) / len(labels)


def _present(values: Iterable[float | None]) -> list[float]:
    """The non-None values as floats."""
    return [float(v) for v in values if v is not None]


def mean(values: Iterable[float | None]) -> float | None:
    """Arithmetic mean of the non-None values; None if there are none."""
    xs = _present(values)
    if not xs:
        return None
    return math.fsum(xs) / len(xs)


def mean_std(values: Iterable[float | None]) -> tuple[float | None, float | None]:
    """(mean, population std) of the non-None values; (None, None) if none, std 0.0 for one value."""
    xs = _present(values)
    if not xs:
        return None, None
    m = math.fsum(xs) / len(xs)
    return m, math.sqrt(math.fsum((x - m) ** 2 for x in xs) / len(xs))


def percentile(values: Iterable[float | None], p: float) -> float | None:
    """p-th percentile (0..100) of the non-None values with linear interpolation (numpy's default); None if none."""
    if not 0 <= p <= 100:
        raise ValueError(f"p must be within [0, 100], got {p!r}")
    xs = sorted(_present(values))
    if not xs:
        return None
    pos = (len(xs) - 1) * p / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def summarize(items: Sequence[Mapping[str, float | None]]) -> dict[str, float | None]:
    """Per metric key (first-seen order), the mean over items skipping None and missing values."""
    keys = _dedupe(key for item in items for key in item)
    return {key: mean(item.get(key) for item in items) for key in keys}
