"""Values bound to the wrong slot: every word of the claim is cited, but a figure sits with another year or name.

"North Korea conducted eight missile tests in 2020 and four in 2021" against "... four tests in 2020 and eight in
2021": both figures, both years and every word are in the window, so overlap, number and date checks pass. What
changed is which figure goes with which year. A figure is an amount or a spelled-out number. Without a parser, a figure is bound to the nearest *anchor* of a
kind (a year; separately, a month or weekday; separately, a word the passage writes as a name) within ``REACH`` tokens on either side, unless a word that separates two
statements lies between them ("and", "while", "compared", "from", "to": ``rag/text/data/binding_separators.txt``);
a figure with anchors at the same distance on both sides is left unbound. The claim swaps a slot when it binds a
figure to an anchor that the window binds to another figure, and the window binds that figure to another anchor;
a year or month also when the window binds the claim's figure to another one and names the claim's anchor elsewhere
("5,074 vehicles in April, down 49% from March" against "5,074 vehicles in March"); for names (looser anchors: a
subject a few words off) only when the claim also binds the other figure the other way round (a two-way swap:
"Smith, 52, and Jones, 45" against "Smith, 45, and Jones, 52").
Amounts are compared as one token each (``edits.aligned_tokens``: "$3bn" is "3 billion dollars").
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from rag.support.edits import EDITED_COPY, aligned_tokens, matched
from rag.support.implied_dates import COMPARISON_BASES
from rag.support.lexicon import NUMBER_WORDS
from rag.support.metonymy import place_key
from rag.text.dates import MONTH_NAMES, MONTHS, WEEKDAYS
from rag.text.lexicon import table, word_set

REACH = 5  # tokens between a figure and its anchor, at most
_SEPARATORS = word_set("binding_separators")
_YEAR_RE = re.compile(r"#(1[89]\d\d|20\d\d)\|\|$")


def _is_year(key: str) -> bool:
    return bool(_YEAR_RE.match(key))


# months and weekdays anchor a figure as a year does ("49% in July" vs "60% in August"); "may" is a modal verb too
_PERIODS = frozenset(m.lower() for m in MONTH_NAMES if m) - {"may"} | frozenset(d.lower() for d in WEEKDAYS)


def _is_period(key: str) -> bool:
    return key in _PERIODS


#: Outcome word -> its class ("wounded" -> "injured"): a count's slot in casualty and arrest reports.
OUTCOMES = {w: cls for cls, forms in table("outcome_words").items() for w in forms}


def _is_outcome(key: str) -> bool:
    return key in OUTCOMES.values()


def _outcome_keys(keys: list[str]) -> list[str]:
    """``keys`` with each outcome word replaced by its class ("hurt" -> "injured")."""
    return [OUTCOMES.get(k, k) for k in keys]


def _is_figure(key: str) -> bool:
    """An amount token other than a year, or a spelled-out number ("eight")."""
    return key.startswith("#") and not _is_year(key) or key in NUMBER_WORDS


#: Public name of ``_is_figure`` for the other binding readers (``act_bindings``).
figure_key = _is_figure


def _bindings(keys: list[str], anchor: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(figure key, anchor key) pairs of a token sequence, anchors being the tokens ``anchor`` accepts."""
    out = []
    for i, t in enumerate(keys):
        if not _is_figure(t):
            continue
        found: list[tuple[int, str]] = []
        for step in (-1, 1):
            for d in range(1, REACH + 1):
                j = i + step * d
                if not 0 <= j < len(keys) or keys[j] in _SEPARATORS or _is_figure(keys[j]):
                    break  # another figure or a separating word ends the reach
                if anchor(keys[j]):
                    found.append((d, keys[j]))
                    break
        if len(found) == 2 and found[0][0] == found[1][0] and found[0][1] != found[1][1]:
            continue  # "2020 eight 2021": no side wins
        if found:
            out.append((t, min(found)[1]))
    return out


def slot_swap(claim: str, window: str, names: frozenset[str] = frozenset()) -> str | None:
    """A reason when the claim binds a figure to a year or name that the window binds to another figure (and the
    window binds the claim's figure elsewhere), else None. ``names``: lower-case words the passage uses as names."""
    ck, cs, wk, ws = aligned_tokens(claim, window)

    def named(key: str) -> bool:  # a place is one token however it is written (metonymy), and a name
        return key in names or place_key(key) is not None

    for anchor, crossed in ((_is_year, False), (_is_period, False), (named, True)):
        found = _swap(set(_bindings(ck, anchor)), set(_bindings(wk, anchor)), crossed, set(wk), dict(zip(ck, cs)),
                      dict(zip(wk, ws)))
        if found:
            return found
    # a count bound to another outcome ("24 people were killed" against "10 ... killed and 24 injured"), outcome
    # words read by class ("hurt" is "injured"); two-way only: the window binds the claim's outcome to another
    # count and the claim's count to another outcome
    co, wo = _outcome_keys(ck), _outcome_keys(wk)
    return _swap(set(_bindings(co, _is_outcome)), set(_bindings(wo, _is_outcome)), False, set(wo),
                 dict(zip(co, cs)), dict(zip(wo, ws)), one_way=False)


_RANGE_RE = re.compile(r"\d-\d")  # an amount key's value part holding a range ("#3e+09-5e+09")


def copied_figure_swap(claim: str, sentence: str) -> str | None:
    """A reason when the claim copies ``sentence`` (``edits.EDITED_COPY`` or more of its tokens aligned in order)
    but for one figure put in place of another ("licences for 34 additional types" against "licences for 11
    additional types … brings the number … to 34": the claim's figure is the passage's, said of another thing), else
    None. Read on the claim's cached alignment with the sentence (``edits.matched``, as the copy signals read it):
    amounts are one token each (``aligned_tokens``), so "$3bn" for "3 billion dollars" is no swap; a figure
    replaced together with other words ("more than 1,200" for "1,296"), a year (``date_window``, ``time_shift``),
    a spelled-out number and a figure the claim dates to another month than the sentence dates its own are not read
    here."""
    m = matched(claim, sentence)
    if m.share < EDITED_COPY:
        return None
    ck, cs, wk, ws = m.ct, m.cshown, m.wt, m.wshown
    for op, i1, i2, j1, j2 in m.opcodes:
        # amounts only: a spelled-out number's key is its word ("eight" for "8" is the same figure); and no range
        # ("$5 billion … at most" for "$3-5bn": the range's end, which the scope and hedge readers judge)
        if op == "replace" and i2 - i1 == 1 and j2 - j1 == 1 and all(
                k.startswith("#") and _is_figure(k) and not _RANGE_RE.search(k.split("|")[0]) for k in (ck[i1], wk[j1])):
            # another month's figure ("15.8 tonnes in August" over "9.4 tonnes ... in October"): another fact of a
            # monthly series, which the month and slot checks judge, not a figure swapped into the copy
            month = figure_month(claim, cs[i1])
            if month and (figure_month(sentence, ws[j1]) not in (None, month)
                          or figure_month(sentence, cs[i1]) == month):
                continue
            return f"figure {cs[i1]} where the sentence it copies has {ws[j1]}"
    return None


def sentences_slot_swap(claim: str, sentences: Sequence[str]) -> str | None:
    """``slot_swap`` by year, month or weekday over several passage sentences, each bound on its own (a figure
    is not bound across a sentence end): for a claim whose figures the supporting window does not hold ("11% had
    layoffs in 2021" against "3% had layoffs in 2021. That's down from 18% in 2020 and 11% in 2019."). Two-way
    only (the window binds the claim's year to another figure): a figure one sentence leaves unbound may be bound
    to another year in the next."""
    aligned = [aligned_tokens(claim, s) for s in sentences]
    for anchor in (_is_year, _is_period):
        claim_pairs = {p for ck, _, _, _ in aligned for p in _bindings(ck, anchor)}
        window_pairs = {p for _, _, wk, _ in aligned for p in _bindings(wk, anchor)}
        keys = {k for _, _, wk, _ in aligned for k in wk}
        shown_c = {k: w for ck, cs, _, _ in aligned for k, w in zip(ck, cs)}
        shown_w = {k: w for _, _, wk, ws in aligned for k, w in zip(wk, ws)}
        found = _swap(claim_pairs, window_pairs, False, keys, shown_c, shown_w, one_way=False)
        if found:
            return found
    return None


def _swap(claim_pairs: set[tuple[str, str]], window_pairs: set[tuple[str, str]], crossed: bool, window_keys: set[str],
          shown_c: dict[str, str], shown_w: dict[str, str], one_way: bool = True) -> str | None:
    """The reason of the first claim (figure, anchor) pair that the window's pairs contradict (see the module;
    ``one_way``: also a figure the window binds only to another year or month)."""
    by_value: dict[str, set[str]] = {}
    by_anchor: dict[str, set[str]] = {}
    for v, a in window_pairs:
        by_value.setdefault(v, set()).add(a)
        by_anchor.setdefault(a, set()).add(v)
    for v, a in sorted(claim_pairs):
        others = by_anchor.get(a, set()) - {v}
        if one_way and not crossed and not others and by_value.get(v) and a not in by_value[v] and a in window_keys:
            # one way: the window dates this figure to another year or month and names the claim's elsewhere
            # ("5,074 vehicles in April, down 49% from March" does not support "5,074 vehicles in March")
            moved = sorted(by_value[v])[0]
            return (f"binding: the passage gives {shown_w.get(v, v)} for {shown_w.get(moved, moved)} "
                    f"(the claim for {shown_c.get(a, a)})")
        if not others or v in by_anchor[a] or not by_value.get(v) or a in by_value[v]:
            continue
        # a name is a looser anchor than a year (a subject several words off): only a two-way swap counts
        if crossed and not any((o, a2) in claim_pairs for o in others for a2 in by_value[v]):
            continue
        other = sorted(others)[0]
        return (f"binding: the passage gives {shown_w.get(other, other)} for {shown_w.get(a, a)} "
                f"(the claim {shown_c.get(v, v)})")
    return None


_WORD_RE = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*%?")
_BARE_YEAR_RE = re.compile(r"(?:1[89]|20|21)\d\d")


def figure_year(text: str, surface: str) -> str | None:
    """The year ``text`` binds the figure written ``surface`` to (the nearest year within ``REACH`` words, no
    separating word or other figure between, as ``slot_swap`` binds), or None: "four tests in 2020" -> "2020"."""
    return _figure_anchor(text, surface, lambda w: w if _BARE_YEAR_RE.fullmatch(w) else None)


def figure_month(text: str, surface: str) -> int | None:
    """The month (1..12) ``text`` binds the figure written ``surface`` to, read as ``figure_year`` reads a year, or
    None: "Exports in August had been 15.8 tonnes" -> 8 (``rag.text.dates.MONTHS``: names and abbreviations)."""
    month = _figure_anchor(text, surface, lambda w: str(MONTHS[w]) if w in MONTHS else None)
    return int(month) if month else None


def _figure_anchor(text: str, surface: str, anchor: Callable[[str], str | None]) -> str | None:
    """The nearest word on either side of the figure ``surface`` in ``text`` that ``anchor`` reads (its reading),
    within ``REACH`` words with no separating word or other figure between; None when none or two at one distance
    read differently."""
    m = re.search(r"(?<![\w.,])" + re.escape(surface) + r"(?!\w)", text)
    if m is None:
        return None
    before = [w.lower() for w in _WORD_RE.findall(text[: m.start()])][::-1]
    after = [w.lower() for w in _WORD_RE.findall(text[m.end() :])]
    found: list[tuple[int, str]] = []
    for side in (before, after):
        for d, w in enumerate(side[:REACH], start=1):
            if w in _SEPARATORS or (w[:1].isdigit() and not _BARE_YEAR_RE.fullmatch(w)) or w in NUMBER_WORDS:
                break
            read = anchor(w)
            if read:
                found.append((d, read))
                break
    if len(found) == 2 and found[0][0] == found[1][0] and found[0][1] != found[1][1]:
        return None
    return min(found)[1] if found else None


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")


def own_years(keys: list[str]) -> set[str]:
    """The year keys of a token sequence that date its statement, not a comparison: a year with a comparison word
    at most ``REACH`` tokens before it and no figure between ("compared with 2021", "up 65% from the same period
    2021", "an increase over 2021's total"; ``COMPARISON_BASES``) is the base of a change, not when the figure was
    ("over 99,000 cars in 2021" dates the cars)."""
    out = set()
    for i, k in enumerate(keys):
        if not _is_year(k):
            continue
        before = keys[max(0, i - REACH) : i]
        cut = max((j for j, t in enumerate(before) if _is_figure(t)), default=-1)
        if not any(t in COMPARISON_BASES for t in before[cut + 1 :]):
            out.add(k)
    return out


def year_shift(claim: str, window: str) -> str | None:
    """A reason when the claim dates its statement to one year and the window sentence that holds the claim's
    figure dates it to another, the figure bound to neither by distance ("More than 32,000 migrants came through
    the center in 2021" against a 2022 article's "so far this year, more than 32,000 migrants have come through";
    ``window`` with its relative and implied years written out: ``facts.with_years``). Both sides must give one
    year of their own (``own_years``); a figure the window binds to the claim's year within ``REACH`` is left
    to ``slot_swap``."""
    if not _BARE_YEAR_RE.search(claim) or not _BARE_YEAR_RE.search(window):
        return None  # most claims name no year: nothing to shift
    ck, cs, _, _ = aligned_tokens(claim, window)
    years = own_years(ck)
    if len(years) != 1:
        return None
    (year,) = years
    for sentence in _SENTENCE_END_RE.split(window):
        ck, cs, wk, ws = aligned_tokens(claim, sentence)
        shared = [k for k in dict.fromkeys(ck) if _is_figure(k) and k.startswith("#") and k in wk]
        theirs = own_years(wk)
        if not shared or len(theirs) != 1 or year in theirs:
            continue
        if any((k, year) in set(_bindings(wk, _is_year)) for k in shared):
            continue
        shown = dict(zip(wk, ws))
        (other,) = theirs
        return (f"time: the passage dates {shown.get(shared[0], shared[0])} to {shown.get(other, other)}, "
                f"the claim to {dict(zip(ck, cs)).get(year, year)}")
    return None
