"""The decision on a feature vector: calibrated probability vs the threshold, vetoes, the reasons when unsupported,
the decision over a box of feature vectors (bounded log-odds) that lets a check stop before embedding more, and
when a cheap checker's decision stands in a cascade (``settled``)."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Sequence

from rag.support.bounds import logit_bounds
from rag.support.calibration import HARD_FAIL_CAP, SupportResult
from rag.support.features import FEATURES, Signals
from rag.support.model import Scorer

BOUND_MARGIN = 1e-6  # a bounded decision keeps this distance from the threshold (rounding of the bounds' sums)


def vetoes(x: Sequence[float], veto: Sequence[str]) -> list[str]:
    """The vetoed features (``veto``) that fire in the feature vector ``x`` (any one rejects the claim)."""
    return [f for f in veto if x[FEATURES.index(f)] > 0]


def passes(scorer: Scorer, x: Sequence[float], veto: Sequence[str], min_support: float) -> bool:
    """``decide``'s decision: the probability reaches the threshold (0..1) and no vetoed feature fires."""
    return scorer.probability(x) >= min_support and not vetoes(x, veto)


def weakest(model: Scorer, x: Sequence[float], min_support: float) -> str:
    """The reason when no signal failed outright: the probability is below the threshold; the two signals
    a reader can check (similarity, share of claim words in the supporting sentence) are named."""
    v = dict(zip(FEATURES, x))
    return (f"weak support: probability {model.probability(x):.2f} below {min_support:.2f} (similarity "
            f"{v['cos_window']:.2f}, claim words in the supporting sentence {v['unigram_recall']:.0%})")


def decide(model: Scorer, x: Sequence[float], concerns: Sequence[str], base: SupportResult, veto: Sequence[str],
           min_support: float) -> SupportResult:
    """The verdict: calibrated probability vs the threshold, vetoes, and the reasons when unsupported (``base``
    with ``supported``, ``score`` rounded to 4 places and ``reasons`` set)."""
    score = model.probability(x)
    vetoed = vetoes(x, veto)
    supported = score >= min_support and not vetoed
    if vetoed:
        score = min(score, HARD_FAIL_CAP, min_support * 0.98)
    reasons: tuple[str, ...] = ()
    if not supported:
        reasons = tuple(concerns) or (weakest(model, x, min_support),)
    return replace(base, supported=supported, score=round(score, 4), reasons=reasons)


def box_decisions(scorers: Sequence[Scorer], vetoed: bool, veto: Sequence[str], lo: dict[str, float],
                  hi: dict[str, float], min_support: float) -> list[bool] | None:
    """The decision of each scorer (the main model, and a training article's fold model) for every feature vector
    between ``lo`` and ``hi`` (feature name -> value), or None when some vector in between could be decided
    otherwise. ``vetoed``: a window signal the model vetoes already fires."""
    x_lo, x_hi = Signals(lo).vector(), Signals(hi).vector()
    veto_possible = vetoed or any(hi.get(f, 0.0) > 0 for f in veto)
    decisions = []
    for scorer in scorers:
        bounds = logit_bounds(scorer, x_lo, x_hi)
        if bounds is None:
            return None
        p_lo, p_hi = (1.0 / (1.0 + math.exp(-min(max(z, -40.0), 40.0))) for z in bounds)
        if vetoed or p_hi < min_support - BOUND_MARGIN:
            decisions.append(False)
        elif not veto_possible and p_lo >= min_support + BOUND_MARGIN:
            decisions.append(True)
        else:
            return None
    return decisions


def settled(score: float, threshold: float, margins: tuple[float, float]) -> bool:
    """Does a cheap checker's calibrated probability ``score`` (0..1) stand in a cascade: at least ``margins[0]``
    log-odds below ``threshold`` or ``margins[1]`` at or above it (the band between goes to the exact checker)?"""
    z = _logit(score) - _logit(threshold)
    return z <= -margins[0] or z >= margins[1]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))
