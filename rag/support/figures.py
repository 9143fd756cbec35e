"""A claim's figures against a cited text's: the same amount, why one differs, and figures given as outdated."""

from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

from rag.support.bindings import figure_month, figure_year
from rag.support.facts import Num, num_kind_ok
from rag.support.features import earlier_figure
from rag.text.numbers import clock_spans


def sig_digits(value: float) -> int:
    """Significant digits of a number as written: 2.6e6 -> 2, 2.63e6 -> 3, 200 -> 1, 203 -> 3."""
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return max(1, len(digits))


def num_match(num: Num, cands: Iterable[Num]) -> bool:
    """Does a cited number state the claim's amount: the same value (or a hedged rounding), currency and unit?"""
    for c in cands:
        if not num_kind_ok(num, c):
            continue
        v = c.value
        if math.isclose(num.value, v, rel_tol=1e-9, abs_tol=1e-9):
            return True
        # "about 2.6 million" for 2.63 million: a hedged claim may round, but only to a rounder number, and a
        # figure that states its measure rounds only a figure of that measure ("about 14%" is no rounding of the
        # bare 13.5 read from "¥13.5 billion")
        if (num.hedged and v and abs(num.value - v) / abs(v) <= 0.1 and sig_digits(num.value) < sig_digits(v)
                and (not (num.currency or num.unit) or _measure(num) == _measure(c))):
            return True
    return False


def number_reason(num: Num, cands: Sequence[Num]) -> str:
    """Why a claim's number failed, naming the nearest cited number: the same amount in another currency or
    unit, or the same currency at another power of ten ("number 1.2 trillion dollars vs 1.2 trillion yen")."""
    for c in cands:
        if math.isclose(num.value, c.value, rel_tol=1e-9) and not num_kind_ok(num, c):
            return f"number {num.name} vs {c.name}"
    for c in cands:
        if c.value and num.value and (c.currency or c.unit) and num_kind_ok(num, c):
            ratio = math.log10(abs(num.value / c.value))
            if abs(ratio - round(ratio)) < 1e-9 and round(ratio) != 0:
                return f"number {num.name} vs {c.name}"
    return f"number {num.name} not in cited text"


def outdated_figure(nums: Sequence[Num], window_nums: Sequence[Num], window: str, claim: str = "") -> str | None:
    """A reason when a claim figure is one the window gives as an earlier value and the window has another
    figure of the same kind (the current one): "imports rose to 5%, up from 3%" does not support "3%"."""
    for num in nums:
        if not (num.unit or num.currency) and float(num.value).is_integer() and 1800 <= num.value <= 2199:
            continue  # a year is a date, not a figure that goes out of date ("from 2006 to 2007, then 2012")
        # the current figure is another figure of the window: not another reading of the one the claim states
        # ("2.1%" read as 0.021 too), nor a day's year ("Wednesday"'s 2022)
        same = {c.surface for c in window_nums if num_match(num, [c])}
        clocks = {window[a:b] for a, b in clock_spans(window)}
        others = [c for c in window_nums if num_kind_ok(num, c) and not c.day_year and c.surface not in same
                  and not math.isclose(num.value, c.value, rel_tol=1e-9)
                  and not any(c.surface in clock for clock in clocks)]  # "15:40" is a time, not a figure
        if not others:
            continue
        for c in window_nums:
            if not (num_match(num, [c]) and earlier_figure(window, c.surface)):
                continue
            # "four tests in 2020" is the 2020 figure, not an outdated one, when the claim dates it alike
            year = figure_year(window, c.surface) if claim else None
            if year and year == figure_year(claim, num.surface):
                continue
            # "Exports in August had been 15.8 tonnes" is August's figure when the claim dates it August too: a
            # monthly series' months are different facts, not versions of one
            month = figure_month(window, c.surface) if claim else None
            if not (month and month == figure_month(claim, num.surface)):
                current = _current_figure(c, others, window)
                return f"outdated: the passage gives {c.name} as the earlier figure (now {current.name})"
    return None


def _measure(n: Num) -> tuple[str | None, str | None]:
    return n.currency, n.unit


def _current_figure(earlier: Num, others: Sequence[Num], window: str) -> Num:
    """The figure that replaced ``earlier`` among ``others`` (non-empty), the nearest to it in ``window``: one of its
    measure (a yen amount for a yen amount, not a share beside it: "cut to ¥11.2 billion from ¥13.5 billion", not
    the "¥96 billion" of revenue before) when there is one, else any other; a bare year (a date) or another reading
    of the earlier figure's value ("72.8" and "72.8 years") only when nothing else is left. A figure after "to" (what
    a change reached) goes before a nearer one."""
    def figure(o: Num) -> bool:
        year = not (o.unit or o.currency) and o.surface.isdigit() and len(o.surface) == 4 and 1800 <= o.value <= 2199
        return not year and not math.isclose(o.value, earlier.value, rel_tol=1e-9)

    at = window.find(earlier.surface)

    def rank(o: Num) -> tuple[bool, int]:  # a figure a change reached ("revised the count *to* 410") first
        pos = window.find(o.surface)
        return _REACHED_RE.search(window[max(0, pos - 12) : pos]) is None, abs(pos - at)

    pools = ([o for o in others if figure(o) and _measure(o) == _measure(earlier)], [o for o in others if figure(o)])
    return min(next((p for p in pools if p), others), key=rank)


_REACHED_RE = re.compile(r"\bto\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", re.IGNORECASE)
