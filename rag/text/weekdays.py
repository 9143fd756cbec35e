"""Weekdays in news text ("on Tuesday", "last Friday", "fired a missile Tuesday") as days, counted from the
article's publication date.

News name the day of a recent event by its weekday: "on Tuesday" in an article of Tuesday 2022-08-02 is that
day, in an article of Thursday 2022-08-04 the Tuesday two days before. ``dateparser`` reads a weekday as the
previous one *strictly* before its reference date, so a same-day report ("landed in Taipei on Tuesday" in a
Tuesday article) came out a week early; the rule here is the newsroom's: the latest such day on or before
publication, except that the day after publication is read as that day, not six days back (a story from East
Asia is stamped with the outlet's earlier date; six days back a reporter writes "last Friday"). "last Friday" is the latest one strictly before, "next Friday" the first one after, "this Friday"
the one in the publication's own week (Monday to Sunday), "until Sunday" (a forward preposition) the first one on or
after publication. A weekday written next to its date ("Monday,
April 18", "Saturday, Nov. 26, 2022") is that date, read by ``rag.text.dates``, not a second mention.

A bare weekday (AP style: "said Tuesday", "Friday's launch", "ended in Beijing Thursday") must be capitalized and
not part of a name: "Black Friday", "Super Tuesday", "Easter Sunday" (a word of ``dates.toml``'s ``named_days``
before it) and "the Sunday Times" (a capitalized word after it) are not dates. Any other name before it is the
place or the outlet the wire-style date follows ("in Seoul Monday", "told CNN Tuesday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Sequence

from rag.text.lexicon import table

__all__ = ["WeekdayMention", "weekday_mentions", "resolve_weekday"]


@dataclass(frozen=True)
class WeekdayMention:
    """``text[start:end]`` names a weekday; ``day`` is the date it denotes (ISO ``YYYY-MM-DD``)."""

    start: int
    end: int
    day: str


@cache
def _pattern() -> re.Pattern[str]:
    names = "|".join(w.capitalize() for w in table("dates")["weekdays"]["en"])
    forward = "|".join(sorted(_forward()))
    # the modifier in any case ("On Monday" opens sentences), the weekday capitalized (running text capitalizes it)
    return re.compile(rf"(?<![\w-])(?:(?P<mod>(?i:on|this|last|past|next|early|late|{forward}))\s+)?"
                      rf"(?P<wd>{names})(?![\w-])")


@cache
def _name_before() -> re.Pattern[str]:
    """A capitalized day-name word just before a weekday: "Black Friday", "Super Tuesday", "Small Business
    Saturday" (lower case is running text: "a good Friday for exporters")."""
    words = "|".join(re.escape(w.title()).replace(r"\ ", r"[ \t]+") for w in table("dates")["named_days"]["en"])
    return re.compile(rf"\b(?:{words})[ \t]+$")


@cache
def _forward() -> frozenset[str]:
    """Prepositions that point a weekday forward ("until Sunday"; ``dates.toml`` ``[forward_weekday]``)."""
    return frozenset(table("dates")["forward_weekday"]["en"])


_NAME_AFTER = re.compile(r"^[ \t]+[A-Z]")  # "Sunday Times", "Monday Night Football"
_HAS_CJK_WEEKDAY = re.compile("[周週期拜曜]|요일")  # every CJK weekday form holds one: a cheap test first


def resolve_weekday(weekday: int, modifier: str | None, published: date, day_after: bool = True) -> date:
    """The day a weekday (0 = Monday) with its modifier ("on", "last", "next", "this", or None) denotes in an
    article published on ``published``: one of the five days before it, that day, or the day after, unless the
    modifier says otherwise: "last" the latest one strictly before, "next" the first one after, "this" the one in
    the publication's week, and a forward preposition ("until", "through": ``dates.toml`` ``[forward_weekday]``) the
    first one on or after publication. ``day_after=False`` (a document that names its stamp's own day,
    ``rag.text.dates.find_dates``): no day after, the latest such day on or before publication."""
    mod = (modifier or "").lower()
    if mod in ("last", "past"):
        return published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    if mod == "next":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if mod == "this":
        return published + timedelta(days=weekday - published.weekday())
    if mod in _forward():  # "until Sunday": the coming one, or the publication's own day
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    back = (published.weekday() - weekday) % 7
    # the publication's next day rather than six days back: the story's local date runs ahead of the outlet's
    # date stamp ("North Korea fired a missile on Tuesday" stamped Monday in New York); six days back would be
    # "last Tuesday"
    return published + timedelta(days=1) if back == 6 and day_after else published - timedelta(days=back)


@cache
def _cjk_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    """(A weekday written in Chinese, Japanese or Korean with the word before it that says which one, day character
    → weekday number), from ``dates.toml``'s ``[cjk_weekdays]`` and ``[cjk_weekday_modifiers]``."""
    data = table("dates")
    number: dict[str, int] = {}
    forms = []
    for lang in data["cjk_weekdays"].values():
        for k, chars in enumerate(lang["days"]):
            number.update({c: k for c in chars.split("|")})
        forms.append(lang["pattern"].replace("{day}", f"(?P<d_{len(forms)}>{'|'.join(lang['days'])})"))
    alt = "|".join(re.escape(m) for m in sorted(_cjk_modifiers(), key=len, reverse=True))
    return re.compile(rf"(?:(?P<mod>{alt})\s?)?(?:{'|'.join(forms)})"), number


@cache
def _cjk_modifiers() -> dict[str, str]:
    """Word before a CJK weekday → "last", "next", "this" or "habitual" (``[cjk_weekday_modifiers]``)."""
    return {m: which for which, words in table("dates")["cjk_weekday_modifiers"].items() for m in words}


def _cjk_weekdays(text: str, published: date, dated_spans: Sequence[tuple[int, int]],
                  day_after: bool = True) -> list[WeekdayMention]:
    """The weekdays ``text`` names in Chinese, Japanese or Korean (周四, 上周四, 木曜日, 목요일), resolved as English
    ones are; one in brackets right after a date in ``dated_spans`` ("6月1日（周四）") is left to that date, and a
    habitual one (每周一, "every Monday") names no day."""
    pattern, number = _cjk_pattern()
    mods = _cjk_modifiers()
    ends = {e for _, e in dated_spans}
    found = []
    for m in pattern.finditer(text):
        which = mods.get(m.group("mod") or "")
        if which == "habitual":
            continue
        if any(m.start() - k in ends and re.fullmatch(r"[\s(（]*", text[m.start() - k:m.start()]) for k in range(4)):
            continue  # "6月1日（周四）": the date says which Thursday
        day_char = next(v for k, v in m.groupdict().items() if k.startswith("d_") and v)
        day = resolve_weekday(number[day_char], which, published, day_after)
        found.append(WeekdayMention(m.start(), m.end(), day.isoformat()))
    return found


def weekday_mentions(text: str, published: date, dated_spans: Sequence[tuple[int, int]] = (), *,
                     day_after: bool = True) -> list[WeekdayMention]:
    """The weekdays ``text`` names, resolved against ``published`` (``resolve_weekday``, ``day_after`` passed on); a
    weekday immediately followed by a date in ``dated_spans`` ("Monday, April 18") is left to that date. Chinese,
    Japanese and Korean ones too (``_cjk_weekdays``)."""
    starts = {s for s, _ in dated_spans}
    days = [w.lower() for w in table("dates")["weekdays"]["en"]]
    found = _cjk_weekdays(text, published, dated_spans, day_after) if _HAS_CJK_WEEKDAY.search(text) else []
    for m in _pattern().finditer(text):
        gap = re.match(r"[ \t]*,?[ \t]*", text[m.end():])
        if m.end() + gap.end() in starts:
            continue  # "Sunday, July 24": the date says which Sunday
        if m.group("mod") is None and (_name_before().search(text[max(0, m.start() - 40):m.start()])
                                       or _NAME_AFTER.match(text[m.end():m.end() + 3])):
            continue
        day = resolve_weekday(days.index(m.group("wd").lower()), m.group("mod"), published, day_after)
        found.append(WeekdayMention(m.start(), m.end(), day.isoformat()))
    return sorted(found, key=lambda w: w.start)
