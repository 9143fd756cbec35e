"""The checker's hard checks: a claim's numbers, identifiers, dates and entities against the whole cited text, the
verdict they force without the embedder (a vetoed fact), and the verdict of a claim across scripts."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.calibration import CROSS_SCRIPT_SCORE, FACT_VETO_SCORE, HARD_FAIL_CAP, SupportResult
from rag.support.clause_subjects import enumerated_count
from rag.support.converse_directions import converse_directions, inverted_relations
from rag.support.facts import Facts, TextIndex, claim_entities, entity_problem
from rag.support.figures import num_match, number_reason
from rag.support.org_names import unnamed_bodies
from rag.support.relative_dates import unplaced_phrase, unplaced_reason
from rag.support.streaks import counted_streak, other_streaks
from rag.support.windows import Window
from rag.support.year_parts import other_parts
from rag.text.dates import MONTH_NAMES, written_month_days
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
    the number of claim numbers cited only outside the window. A year the text lacks that an undated text may give
    relatively ("last year", "yesterday") cannot be placed rather than absent (``relative_dates``)."""
    reasons: list[str] = []
    outside = 0
    for num in facts.numbers:
        if not num_match(num, full.facts.numbers):
            if not (num.currency or num.unit) and enumerated_count(num.value, facts.text, full.facts.text):
                continue  # "one of two defendants" over "Kang and one engineer, Jeon Yu-na, were indicted"
            if not (num.currency or num.unit) and counted_streak(num.value, facts.text, full.facts.text):
                continue  # "six straight quarters" over "a sixth consecutive quarter"
            phrase = _unplaced(full, "year") if _YEAR_RE.fullmatch(num.surface) else None
            reasons.append(unplaced_reason("number", num.surface, phrase) if phrase
                           else number_reason(num, full.facts.numbers))
        elif not num_match(num, window.facts.numbers):
            outside += 1
    for code in sorted(facts.codes):
        if code not in full.facts.codes and code not in full.tokens:
            reasons.append(f"identifier '{code}' not in cited text")
    return reasons, outside


_YEAR_RE = re.compile(r"(?:1[89]|2[01])\d\d")


def _unplaced(full: TextIndex, part: str) -> str | None:
    """The relative phrase of an undated cited text that could name a claim date's ``part`` ("yesterday" for a day),
    which it cannot place without a publication date (``relative_dates.unplaced_phrase``); None for a dated text, and
    when the text writes a date of that part itself: "takes effect on Aug. 28" makes "Sept. 5" another day though
    "on Friday" is in the text too."""
    if full.published or _states(full, part):
        return None
    return unplaced_phrase(full.facts.text, part)


def _states(full: TextIndex, part: str) -> bool:
    """Does the cited text write a date of ``part`` ("day", "weekday", "month", "year") itself?"""
    facts = full.facts
    if part == "day":
        return bool(facts.month_days)
    if part == "weekday":
        return bool(facts.weekdays)
    if part == "month":
        return bool(facts.months)
    return bool(facts.month_years) or any(_YEAR_RE.fullmatch(n.surface) for n in facts.numbers)


def fact_checks(claim: str, facts: Facts, full: TextIndex, window: TextIndex) -> tuple[list[str], int]:
    """Reasons from dates, directions and entities of ``claim`` (its ``facts``) against the whole cited text, and
    the number of countries cited only outside the window. A claim date the text lacks is "not in cited text",
    unless the text is undated, writes no date of that part itself and names a day, week, month or year relatively
    that could be it ("yesterday" for "October 7"): that date "cannot be placed" (``relative_dates.unplaced_reason``;
    the same date feature, so the same verdict, but a reason no reader takes for a contrary date)."""
    cf = facts
    reasons: list[str] = []
    outside = 0

    def absent(kind: str, value: str, part: str) -> str:
        phrase = _unplaced(full, part)
        return unplaced_reason(kind, value, phrase) if phrase else f"{kind} '{value}' not in cited text"

    for mo, d in sorted(cf.month_days):
        if (mo, d) not in full.facts.month_days:
            reasons.append(absent("date", f"{MONTH_NAMES[mo]} {d}", "day"))
    for mo, y in sorted(cf.month_years):
        if (mo, y) not in full.facts.month_years:
            # the year is what is open when the passage gives the month ("October 7" with no year), else the month
            reasons.append(absent("date", f"{MONTH_NAMES[mo]} {y}", "year" if mo in full.facts.months else "month"))
    for mo in sorted(cf.months - {m for m, _ in cf.month_days} - {m for m, _ in cf.month_years}):
        if mo not in full.facts.months:
            reasons.append(absent("month", MONTH_NAMES[mo], "month"))
    # "the second half of 2027" where the text names the first half (and never the second): another period
    reasons.extend(other_parts(claim, full.facts.text))
    # "the second straight month" where the text counts the third: another streak length
    reasons.extend(other_streaks(claim, full.facts.text))
    missing = cf.directions - full.facts.directions
    for direction in sorted(missing - converse_directions(claim, full.facts.text) if missing else missing):
        reasons.append(f"direction '{direction}' not in cited text")
    if cf.directions:
        reasons.extend(inverted_relations(claim, full.facts.text))
    for wd in sorted(cf.weekdays):
        if wd not in full.facts.weekdays:
            reasons.append(absent("weekday", wd.capitalize(), "weekday"))
    for key, surface in cf.countries.items():
        if not any(covers(found, key) for found in full.facts.countries):
            reasons.append(f"entity '{surface}' not in cited text")
        elif not any(covers(found, key) for found in window.facts.countries):
            outside += 1
    for ent in claim_entities(claim, cf.masked):
        problem = entity_problem(ent, full)
        if problem:
            reasons.append(f"entity '{problem}' not in cited text")
    # a name of generic words only ("the Ministry of Finance"), which the entity reading above leaves soft
    for body in unnamed_bodies(claim, full.lower_text, full.acronyms):
        reasons.append(f"entity '{body}' not in cited text")
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


def _cross_script_dates(facts: Facts, written: frozenset[tuple[int, int | None]]) -> list[str]:
    """Reasons for the claim's months and month-days against the (month, day) the cited text writes (any script)."""
    out = []
    for mo in sorted(facts.months):
        days = sorted(d for m, d in facts.month_days if m == mo)
        if not written:
            out.append(f"month '{MONTH_NAMES[mo]}' cannot be checked across scripts")
        elif days:
            out += [f"date '{MONTH_NAMES[mo]} {d}' not in cited text" for d in days if (mo, d) not in written]
        elif not any(m == mo for m, _ in written):
            out.append(f"month '{MONTH_NAMES[mo]}' not in cited text")
    return out


def cross_script_verdict(facts: Facts, reasons: list[str], similarity: float, window: Window,
                         min_support: float, cited: str = "") -> SupportResult:
    """A claim and a cited text in different scripts (English claim, Chinese article): the embedder (English
    MiniLM) and the word and name checks cannot compare the wording, so the verdict rests on what is
    language-independent: every number of the claim must be cited with its currency and unit, and there
    must be at least one. The score is what matched numbers say of support among the fittable rows
    (``CROSS_SCRIPT_SCORE``, at least the threshold), or below the threshold when a check fails.
    ``reasons``: the number checks' reasons (extended in place). A claim's month and day are compared with the
    dates the ``cited`` text writes in its own script ("11월 3일", "11月5日": ``dates.written_month_days``); when
    it writes none, they cannot be checked."""
    if not facts.numbers:
        reasons.append("claim and cited text are in different scripts and the claim has no number to check")
    reasons.extend(_cross_script_dates(facts, written_month_days(cited) if cited else frozenset()))
    score = min(HARD_FAIL_CAP, min_support * 0.98) if reasons else max(CROSS_SCRIPT_SCORE, min_support)
    return SupportResult(not reasons, round(score, 4), round(similarity, 4), tuple(reasons), window.text, window.spans)
