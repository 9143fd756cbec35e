"""Calibration constants of the support checker (measured with all-MiniLM-L6-v2 on corpus sentences)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from rag.support.windows import Span

EmbedFn = Callable[[Sequence[str]], np.ndarray]

# Cosine -> score calibration for all-MiniLM-L6-v2 (piecewise linear). Measured on corpus sentences:
# a faithful paraphrase scores 0.6-0.95 (near-verbatim > 0.9), a claim about something unrelated
# < 0.3, a vague or partial restatement 0.45-0.6. Claims that reuse the passage's words for a
# different fact also reach 0.5-0.7, which is why the lexical checks below exist.
SIM_POINTS: tuple[tuple[float, float], ...] = ((0.15, 0.0), (0.45, 0.5), (0.72, 1.0))
HARD_FAIL_CAP = 0.49  # score ceiling when any hard check fails
# Score of a claim whose number, identifier, date or entity the whole cited text lacks (a vetoed signal): such a
# claim is decided without the embedder (rag/support/fact_checks.py, fact_veto). The share of supported rows among
# the fittable rows where one of these checks fails: 18 of 129 (own claims 17 of 128, FactCC 1 of 1; 2026-11-30).
FACT_VETO_SCORE = 0.14
# Score of a claim across scripts whose every number the cited text gives with its currency, unit and scale (the
# only evidence then: rag/support/fact_checks.py, cross_script_verdict): the share of supported rows among the
# fittable rows whose claim has a number and no month, every number matched in the passage: 144 of 257 (own claims
# 107 of 191, FactCC 37 of 66; 2026-11-30, h/checker-s24). It was the threshold itself, a verdict without margin.
CROSS_SCRIPT_SCORE = 0.56
NOVELTY_WEIGHT = 0.8  # score *= 1 - weight * (weighted) share of novel content words
NOVEL_FAIL_SHARE = 0.5  # more than this share of novel content words fails the claim
CLAUSE_FAIL_SHARE = 0.6  # a clause with at least this share of novel words fails the claim (an addition)
MIN_NOVEL_WORDS = 1.5  # (weighted) novel words needed before novelty alone fails a claim or clause
OUTSIDE_WINDOW_PENALTY = 0.95  # a number/country only found outside the best-matching window
# Word-level similarity (same embedder) credits paraphrases the lexicon misses: a claim word whose best
# cosine with a cited word is >= FULL counts as covered, <= NONE as novel, linear in between.
WORD_SIM_FULL = 0.6
WORD_SIM_NONE = 0.4
MAX_PASSAGE_WORDS = 3000


@dataclass(frozen=True)
class SupportResult:
    """Whether a claim is supported by its cited passages, why not, and where the support is."""

    supported: bool
    score: float  # calibrated probability (0..1) that the claim is supported; see rag/support/model.py
    similarity: float  # cosine between the claim and the chosen support window (0 when decided without the embedder)
    reasons: tuple[str, ...]  # why it failed (empty when supported), the failing signal first
    best_sentence: str | None  # the cited sentence(s) that best support the claim (the window's text)
    spans: tuple[Span, ...] = ()  # where those sentences are: passages[span.passage][span.start:span.end]
    features: tuple[float, ...] = ()  # the model's inputs (features.FEATURES order); empty for early verdicts
    concerns: tuple[str, ...] = ()  # every signal that argues against support, failing or not (for re-scoring)
