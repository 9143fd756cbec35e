"""The checker's hard checks: a claim's numbers, identifiers, dates and entities against the whole cited text, the
verdict they force without the embedder (a vetoed fact), and the verdict of a claim across scripts."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.calibration import CROSS_SCRIPT_SCORE, FACT_VETO_SCORE, HARD_FAIL_CAP, SupportResult
from rag.support.converse_directions import converse_directions, inverted_relations
from rag.support.facts import Facts, TextIndex, claim_entities, entity_problem
from rag.support.figures import num_match, number_reason
from rag.support.windows import Window
from rag.text.dates import MONTH_NAMES
from rag.text.places import covers

_LATIN_RE = re.compile(r"[A-Za-z]")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Hard-check reasons, by the feature that counts them (the reason's first word).
REASON_FEATURE = {"number": "number_fail", "identifier": "entity_fail", "entity": "entity_fail", "date": "date_fail",
                  "month": "date_fail", "weekday": "date_fail", "direction": "date_fail", "negation": "polarity"}


def reason_feature(reason: str) -> str | None:
    """The feature that counts a hard-check reason (by its first word, e.g. "number ..." -> "number_fail"), or None."""
    return REASON_FEATURE.get(reason.split(" ", 1)[0].split(":")[0])


@lru_cache(maxsize=256)
def cjk_share(text: str) -> float:
    """Share of CJK characters (Han, kana, Hangul) among the letters of a text (0 when it has none)."""
    cjk = len(_CJK_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    return cjk / (cjk + latin) if cjk + latin else 0.0


def cross_scripts(claim: str, cited: str) -> bool:
    """Is one of the two texts mostly CJK and the other not (an English claim on a Chinese article)?"""
    return (cjk_share(claim) >= 0.5) != (cjk_share(cited) >= 0.5)  # each text's share read once


def hard_checks(facts: Facts, full: TextIndex, window: TextIndex) -> tuple[list[str], int]:
    """Reasons from the claim's numbers and identifiers (``facts``) against the whole cited text (``full``), and
    the number of claim numbers cited only outside the window."""
    reasons: list[str] = []
    outside = 0
    for num in facts.numbers:
        if not num_match(num, full.facts.numbers):
            reasons.append(number_reason(num, full.facts.numbers))
        elif not num_match(num, window.facts.numbers):
            outside += 1
    for code in sorted(facts.codes):
        if code not in full.facts.codes and code not in full.tokens:
            reasons.append(f"identifier '{code}' not in cited text")
    return reasons, outside


def fact_checks(claim: str, facts: Facts, full: TextIndex, window: TextIndex) -> tuple[list[str], int]:
    """Reasons from dates, directions and entities of ``claim`` (its ``facts``) against the whole cited text, and
    the number of countries cited only outside the window."""
    cf = facts
    reasons: list[str] = []
    outside = 0
    for mo, d in sorted(cf.month_days):
        if (mo, d) not in full.facts.month_days:
            reasons.append(f"date '{MONTH_NAMES[mo]} {d}' not in cited text")
    for mo, y in sorted(cf.month_years):
        if (mo, y) not in full.facts.month_years:
            reasons.append(f"date '{MONTH_NAMES[mo]} {y}' not in cited text")
    for mo in sorted(cf.months - {m for m, _ in cf.month_days} - {m for m, _ in cf.month_years}):
        if mo not in full.facts.months:
            reasons.append(f"month '{MONTH_NAMES[mo]}' not in cited text")
    missing = cf.directions - full.facts.directions
    for direction in sorted(missing - converse_directions(claim, full.facts.text) if missing else missing):
        reasons.append(f"direction '{direction}' not in cited text")
    if cf.directions:
        reasons.extend(inverted_relations(claim, full.facts.text))
    for wd in sorted(cf.weekdays):
        if wd not in full.facts.weekdays:
            reasons.append(f"weekday '{wd.capitalize()}' not in cited text")
    for key, surface in cf.countries.items():
        if not any(covers(found, key) for found in full.facts.countries):
            reasons.append(f"entity '{surface}' not in cited text")
        elif not any(covers(found, key) for found in window.facts.countries):
            outside += 1
    for ent in claim_entities(claim, cf.masked):
        problem = entity_problem(ent, full)
        if problem:
            reasons.append(f"entity '{problem}' not in cited text")
    return reasons, outside


def fact_veto(claim: str, full: TextIndex, facts: Facts, window: Window, veto: tuple[str, ...] | frozenset[str],
              min_support: float) -> SupportResult | None:
    """The verdict without the embedder when a claim's number, identifier, date or entity is not in the whole
    cited text and the model vetoes that signal (``veto``: the model's vetoed features): no window or probability
    can then make the claim supported, so its sentences are not embedded. ``None`` otherwise, and for claims across
    scripts (decided apart). The window shown is the best lexical match (no cosine: ``similarity`` 0); the score is
    the measured share of supported claims among such fact failures (``FACT_VETO_SCORE``), below the threshold."""
    vetoes = {f for r, f in REASON_FEATURE.items() if f in veto and f != "polarity"}
    if not vetoes or cross_scripts(claim, full.lower_text):
        return None
    reasons = hard_checks(facts, full, full)[0] + fact_checks(claim, facts, full, full)[0]
    if not any(reason_feature(r) in vetoes for r in reasons):
        return None
    score = min(FACT_VETO_SCORE, HARD_FAIL_CAP, min_support * 0.98)
    return SupportResult(False, round(score, 4), 0.0, tuple(reasons), window.text, window.spans, (), tuple(reasons))


def cross_script_verdict(facts: Facts, reasons: list[str], similarity: float, window: Window,
                         min_support: float) -> SupportResult:
    """A claim and a cited text in different scripts (English claim, Chinese article): the embedder (English
    MiniLM) and the word and name checks cannot compare the wording, so the verdict rests on what is
    language-independent: every number of the claim must be cited with its currency and unit, and there
    must be at least one. The score is what matched numbers say of support among the fittable rows
    (``CROSS_SCRIPT_SCORE``, at least the threshold), or below the threshold when a check fails.
    ``reasons``: the number checks' reasons (extended in place)."""
    if not facts.numbers:
        reasons.append("claim and cited text are in different scripts and the claim has no number to check")
    for mo in sorted(facts.months):  # CJK dates are not compared with English month names yet
        reasons.append(f"month '{MONTH_NAMES[mo]}' cannot be checked across scripts")
    score = min(HARD_FAIL_CAP, min_support * 0.98) if reasons else max(CROSS_SCRIPT_SCORE, min_support)
    return SupportResult(not reasons, round(score, 4), round(similarity, 4), tuple(reasons), window.text, window.spans)
