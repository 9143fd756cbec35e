"""One reader for dates in metadata and text: ISO ``YYYY-MM-DD`` values, built on ``dateparser``.

``dateparser`` reads most notations (ISO, RFC 2822, English month names, 2019年7月4日, 2019년 7월 4일,
2019. 7. 4. 오후 3:12, relative phrases in en/ja/zh/ko). This module adds what it lacks or gets wrong:
Japanese era years (令和元年 = 2019), Weibo/Twitter ``created_at`` stamps, RFC 2822 two-digit years (it reads
``04 Jul 19`` as 1919), epoch seconds/milliseconds, full-width digits, and it refuses day/month-ambiguous
numeric dates (``07/04/2019``) and any relative date without an explicit reference date: today's date is never
a silent default. Vocabulary (month names, eras, relative phrases) lives in ``data/dates.toml``.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache

from rag.text.clause_tense import clause_tense
from rag.text.lexicon import table
from rag.text.weekdays import WeekdayMention, weekday_mentions

LANGUAGES = ["en", "ja", "zh", "ko"]
_MIN_YEAR, _MAX_YEAR = 1900, 2100
#: how far after its date stamp a yearless day in the past tense may lie (``_parts_yearless``): an updated article
#: keeps its first stamp (``rag.writers.timeline.STALE_DAYS``), and a story's local date runs ahead of the outlet's
_STAMP_LAG_DAYS = 7

_VOCAB = table("dates")
MONTHS: dict[str, int] = dict(_VOCAB["months"])  # lower-case English name or abbreviation -> 1..12
MONTH_NAMES: tuple[str, ...] = ("",) + tuple(
    next(name.capitalize() for name, n in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])) if n == i) for i in range(1, 13)
)
WEEKDAYS: tuple[str, ...] = tuple(_VOCAB["weekdays"]["en"])
_ABBREVIATIONS = sorted((m for m in MONTHS if m.capitalize() not in MONTH_NAMES), key=len, reverse=True)
# Capitalized month names as a regex alternation ("January|...|Sept\.?|Sep\.?"): full names, then abbreviations
# with an optional period. Running text needs the capital letter to tell "May 4" from "may".
MONTH_PATTERN = (
    "(?:" + "|".join(n for n in MONTH_NAMES[1:]) + "|(?:" + "|".join(a.capitalize() for a in _ABBREVIATIONS) + r")\.?)"
)
_ERAS: dict[str, int] = dict(_VOCAB["eras"])


def month_number(token: str) -> int:
    """1..12 for an English month name or abbreviation (any case, trailing period allowed); 0 if it is not one."""
    return MONTHS.get(token.rstrip(".").lower(), 0)


@dataclass(frozen=True)
class DateMention:
    """A date stated in text: ``text[start:end]``; ``value`` is YYYY-MM-DD, YYYY-MM or YYYY by ``precision``.

    ``precision`` is "day", "week" (``value`` is a day inside that week), "month" or "year"; ``relative`` is True
    when the value was computed from the publication date ("yesterday", "on Monday", "July 4" without a year).
    """

    start: int
    end: int
    text: str
    value: str
    precision: str
    relative: bool


# --- character folding (length-preserving, so spans stay valid in the original text) ----------------------------


_WIDTH_FOLDS = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: " "}


def _fold_width(text: str) -> str:
    """Full-width ASCII (０-９, Ａ-Ｚ, ／, ．...) to ASCII and the ideographic space to a space, one char for one."""
    return text.translate(_WIDTH_FOLDS)


def _era_to_gregorian(text: str) -> str:
    """令和元年7月4日 -> 2019年7月4日, 民國108年7月4日 -> 2019年7月4日 (dateparser knows neither Japanese eras nor the
    Minguo calendar)."""
    return _ERA_RE.sub(lambda m: f"{_era_year(m.group('era'), m.group('n'))}年", text)


def _era_year(era: str, n: str) -> int:
    return _ERAS[era] + (0 if n == "元" else int(n) - 1)


_ERA_ALT = "|".join(map(re.escape, sorted(_ERAS, key=len, reverse=True)))
_ERA_N = r"(?P<n>元|\d{1,3})"  # a Minguo year has three digits (民國112年)
_ERA_RE = re.compile(rf"(?P<era>{_ERA_ALT})\s*{_ERA_N}\s*年")


# --- explicit dates in text --------------------------------------------------------------------------------------

_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20|21)\d\d)"
_YEAR_PREPS = "|".join(sorted((re.escape(p) for p in _VOCAB["year_prepositions"]["en"]), key=len, reverse=True))
# (pattern, precision); patterns name their parts y/m/d (numbers), mon (month name) or era/n (Japanese era year).
_EXPLICIT: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![\d\-/.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"), "day"),
    (re.compile(r"(?<![\d.])(?P<y>\d{4})\.\s+(?P<m>\d{1,2})\.\s+(?P<d>\d{1,2})(?:\.|(?!\d))"), "day"),  # 2019. 7. 4.
    (re.compile(rf"(?:(?P<era>{_ERA_ALT})\s*{_ERA_N}|(?<!\d)(?P<y>\d{{4}}))\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]"), "day"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"), "day"),
    (re.compile(rf"\b(?P<mon>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}}){_ORD},?\s+{_YEAR}\b"), "day"),
    (re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{MONTH_PATTERN}),?\s+{_YEAR}\b"), "day"),
    (re.compile(rf"(?:(?P<era>{_ERA_ALT})\s*{_ERA_N}|(?<!\d)(?P<y>\d{{4}}))\s*年\s*(?P<m>\d{{1,2}})\s*月(?!\s*\d)"), "month"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월(?!\s*\d)"), "month"),
    (re.compile(rf"\b(?P<mon>{MONTH_PATTERN})\s+(?:of\s+)?{_YEAR}\b"), "month"),
    (re.compile(rf"\b(?:{_YEAR_PREPS})\s*{_YEAR}\b", re.IGNORECASE), "year"),
    (re.compile(rf"(?:(?P<era>{_ERA_ALT})\s*{_ERA_N}|(?<!\d)(?P<y>\d{{4}}))\s*年(?!\s*\d)"), "year"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})\s*년(?!\s*\d)"), "year"),
]
# A day and month without a year ("on July 4"): its year is the publication's.
_YEARLESS = [
    re.compile(rf"\b(?P<mon>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}}){_ORD}\b(?!\s*(?:%|,?\s*\d|percent|million|billion))"),
    re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),  # 7月4日
    re.compile(r"(?<![\d년]\s)(?<!\d)(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"),  # 7월 4일
]


def _parts(m: re.Match[str]) -> tuple[int, int | None, int | None] | None:
    g = m.groupdict()
    year = _era_year(g["era"], g["n"]) if g.get("era") else int(g["y"])
    month = month_number(g["mon"]) if g.get("mon") else (int(g["m"]) if g.get("m") else None)
    day = int(g["d"]) if g.get("d") else None
    if not _MIN_YEAR <= year <= _MAX_YEAR or month == 0 or day == 0:  # "2026-00-10" is no date (not the year 2026)
        return None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def _iso(year: int, month: int | None, day: int | None) -> str:
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")


def _explicit_mentions(text: str) -> list[DateMention]:
    folded = _fold_width(text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, precision in _EXPLICIT:  # most specific first; a span claimed once is not read again
        for m in pattern.finditer(folded):
            start = m.start("y") if precision == "year" and m.group("y") and not m.groupdict().get("era") else m.start()
            if any(start < e and s < m.end() for s, e in taken):
                continue
            parts = _parts(m)
            if parts is None:
                continue
            taken.append((start, m.end()))
            found.append(DateMention(start, m.end(), text[start : m.end()], _iso(*parts), precision, False))
    return found


# --- relative dates ----------------------------------------------------------------------------------------------

_YEAR_OFFSETS: dict[str, int] = dict(_VOCAB["year_offsets"])
_MONTH_OF_YEAR = re.compile(
    rf"\b(?P<mon>{MONTH_PATTERN})\s+(?:of\s+)?(?P<which>(?i:{'|'.join(_YEAR_OFFSETS)}))\s+year\b"
)  # the month capitalized ("may this year" is a verb), the rest in any case


def _alternation(phrases: list[str]) -> str:
    return "|".join(sorted((f"(?:{p})" for p in phrases), key=len, reverse=True))


# English phrases need word boundaries; Japanese and Chinese have no spaces and Korean attaches particles (어제는).
_RELATIVE_RE = re.compile(
    rf"(?<![\w])(?:{_alternation(_VOCAB['relative']['en'])})(?![\w])|"
    + _alternation([p for lang in LANGUAGES if lang != "en" for p in _VOCAB["relative"].get(lang, [])]),
    re.IGNORECASE,
)
# dateparser reads "this Monday" as the coming one and does not know "earlier this week": news use them for the most
# recent one and for "this week".
_REWRITES = [(re.compile(r"^(?:on|this)\s+(?!(?:week|month|year)\b)", re.I), ""), (re.compile(r"^(?:earlier|later)\s+", re.I), "")]


@cache
def _parser(base: datetime, past: bool) -> object:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=LANGUAGES,
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past" if past else "current_period", "RETURN_AS_TIMEZONE_AWARE": False},
    )


def _resolve_relative(phrase: str, published: date) -> tuple[str, str] | None:
    for pattern, repl in _REWRITES:
        phrase = pattern.sub(repl, phrase)
    data = _parser(datetime(published.year, published.month, published.day), True).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    precision = data.period if data.period in ("day", "week", "month", "year") else "day"
    return _iso(d.year, d.month if precision != "year" else None, d.day if precision in ("day", "week") else None), precision


def find_dates(text: str, *, published: str | None = None, context: str = "") -> list[DateMention]:
    """Dates stated in ``text``, in text order; relative ones ("yesterday", "on Monday", "July 4") only when
    ``published`` (ISO date) is given to resolve them against (weekdays by ``rag.text.weekdays``).

    ``context``: the rest of the same document, when ``text`` is one passage of it (a quote and the document's other
    cited passages). The document's own words settle what one passage leaves open: a month-day it writes with its
    year elsewhere ("by June 30" in a headline, "by June 30, 2027" in the body) takes that year; a document that
    names its stamp's own day (``_names_publication_day``) gets no day of grace after it for a weekday."""
    mentions = _explicit_mentions(text)
    base = date.fromisoformat(published[:10]) if published else None
    if base is not None:
        taken = [(m.start, m.end) for m in mentions]
        folded = _fold_width(text)
        document = folded + "\n" + _fold_width(context) if context else folded
        years = _written_years(document)
        day_after = not _names_publication_day(document, base)
        # a written date before a weekday: "Sunday, July 24" is read as July 24 and then the weekday skipped; a
        # weekday before a relative phrase: 上周四 is last Thursday, not 上周 ("last week") and a stray 四
        candidates = [m for p in (*_YEARLESS, _MONTH_OF_YEAR) for m in p.finditer(folded)]
        written = [(m.start, m.end) for m in mentions] + [c.span() for c in candidates]
        candidates += [w for w in weekday_mentions(folded, base, written, day_after=day_after)
                       if not any(w.start < e and s < w.end for s, e in written)]
        candidates += list(_RELATIVE_RE.finditer(folded))
        for m in candidates:
            if isinstance(m, WeekdayMention):
                if not any(m.start < e and s < m.end for s, e in taken):
                    taken.append((m.start, m.end))
                    mentions.append(DateMention(m.start, m.end, text[m.start : m.end], m.day, "day", True))
                continue
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if m.re is _MONTH_OF_YEAR:
                year = base.year + _YEAR_OFFSETS[m.group("which").lower()]
                resolved = (_iso(year, month_number(m.group("mon")), None), "month")
            elif m.re is not _RELATIVE_RE:
                parts = _parts_yearless(m, base, _yearless_tense(folded, m), years)
                resolved = (_iso(*parts), "day") if parts else None
            else:
                resolved = _resolve_relative(m.group(0), base)
            if resolved:
                taken.append((m.start(), m.end()))
                mentions.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], resolved[0], resolved[1], True))
    return sorted(mentions, key=lambda m: m.start)


_DEADLINE = table("dates")["deadline_words"]
_DEADLINE_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
    _DEADLINE["before_date"], key=len, reverse=True)) + r")\s+$", re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"^\s*(?:" + "|".join(map(re.escape, sorted(_DEADLINE["after_date"], key=len, reverse=True)))
                             + ")")


def _yearless_tense(text: str, m: re.Match[str]) -> str | None:
    """The tense a yearless month-day ``m`` of ``text`` is read in: its clause's (``clause_tense``), and "future"
    for a deadline ("by June 30", 6月30日までに: ``dates.toml`` ``[deadline_words]``) in a clause that is not past."""
    tense = clause_tense(text, m.start(), m.end())
    if tense is None and (_DEADLINE_BEFORE.search(text[max(0, m.start() - 20):m.start()])
                          or _DEADLINE_AFTER.match(text[m.end():m.end() + 4])):
        return "future"
    return tense


def _written_years(text: str) -> dict[tuple[int, int], int]:
    """(month, day) -> year for each day ``text`` writes with its year ("June 30, 2027", "2027年6月30日"), when it
    writes that month-day with one year only."""
    seen: dict[tuple[int, int], set[int]] = {}
    for m in _explicit_mentions(text):
        if m.precision == "day":
            y, mo, d = map(int, m.value.split("-"))
            seen.setdefault((mo, d), set()).add(y)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _month_day(m: re.Match[str]) -> tuple[int, int]:
    """(month, day) of a ``_YEARLESS`` match ("July 4", 7月4日, 7월 4일)."""
    return (month_number(m.group("mon")) if m.groupdict().get("mon") else int(m.group("m"))), int(m.group("d"))


#: a month written alone in CJK ("11월 중", "11月に", "10月份"): a figure before 월/月 not followed by a day; not a
#: duration ("3개월", "3か月", "3个月": a counter stands between)
_CJK_MONTH = re.compile(r"(?<![\d年년])(?<![\d년]\s)(?P<m>\d{1,2})\s*[월月](?!\s*\d)")


def written_month_days(text: str) -> frozenset[tuple[int, int | None]]:
    """(month, day or None) of every date ``text`` writes with a month, whatever its script and with or without a
    year: "November 3" and "11월 3일" give (11, 3), "2026年11月" and "11월 중" give (11, None). What a claim in one
    script is compared with in a text of another (``rag.support.fact_checks.cross_script_verdict``)."""
    folded = _fold_width(text)
    out: set[tuple[int, int | None]] = set()
    for m in _explicit_mentions(text):
        if m.precision in ("day", "month"):
            parts = [int(x) for x in m.value.split("-")]
            out.add((parts[1], parts[2] if len(parts) > 2 else None))
    for p in _YEARLESS:
        out |= {_month_day(m) for m in p.finditer(folded)}
    out |= {(int(m.group("m")), None) for m in _CJK_MONTH.finditer(folded)}
    return frozenset((mo, d) for mo, d in out if 1 <= mo <= 12)


def _names_publication_day(text: str, published: date) -> bool:
    """Whether ``text`` dates something to its stamp's own day: that day written ("Nov. 18, 2026", a dateline
    "BEIJING, Nov 18"), or the stamp's weekday read as that day ("released on Wednesday" in a Wednesday report). Such
    a document's local date is its stamp's: none of its weekdays is the day after (``weekdays.resolve_weekday``)."""
    if any(m.precision == "day" and m.value == published.isoformat() for m in _explicit_mentions(text)):
        return True
    for p in _YEARLESS:
        for m in p.finditer(text):
            if _month_day(m) == (published.month, published.day):
                return True
    return any(w.day == published.isoformat() for w in weekday_mentions(text, published))


def _parts_yearless(m: re.Match[str], published: date, tense: str | None = None,
                    years: dict[tuple[int, int], int] | None = None) -> tuple[int, int, int] | None:
    """The day nearest the publication date: "Jan. 5" in a Dec. 28 article is next January, "Dec. 20" in a
    Jan. 3 article last December. A clause in the past tense (``rag.text.clause_tense``: "launched on February 24")
    names a day on or before publication (or up to ``_STAMP_LAG_DAYS`` after it: an updated article keeps its first
    stamp; a story's local date in East Asia runs ahead of the outlet's), one in the future ("will take effect on
    March 1") a day on or after it: the nearest such one. A month-day the document writes with its year elsewhere
    (``years``: (month, day) -> year, ``_written_years``) is that year's."""
    month, day_of_month = _month_day(m)
    written = (years or {}).get((month, day_of_month))
    if written is not None:
        return written, month, day_of_month
    days = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            days.append(date(year, month, int(m.group("d"))))
        except ValueError:
            continue
    if tense == "past":
        days = [d for d in days if (d - published).days <= _STAMP_LAG_DAYS] or days
    elif tense == "future":
        days = [d for d in days if d >= published] or days
    if not days:
        return None
    d = min(days, key=lambda day: abs((day - published).days))
    return d.year, d.month, d.day


def most_specific_date(text: str, *, published: str | None = None) -> str | None:
    """The value of the most precise date ``find_dates`` sees (day > month > year, then earliest); or None.

    A week ("last week") is left out: its value is a day inside it, which would claim a precision it lacks.
    """
    rank = {"day": 0, "month": 2, "year": 3}
    mentions = [m for m in find_dates(text, published=published) if m.precision in rank]
    return min(mentions, key=lambda m: (rank[m.precision], m.start)).value if mentions else None


# --- metadata values ---------------------------------------------------------------------------------------------

_EPOCH_DIGITS = re.compile(r"\d{9,13}(?:\.\d+)?")
_COMPACT_DATE = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_YEAR_FIRST = re.compile(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})")
_WEIBO = re.compile(r"[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}")
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+)?")
_NUMERIC_DMY = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})(?:[ T].*)?")
_REQUIRE = ["day", "month", "year"]


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds: 1e11 s is the year 5138
        seconds /= 1000
    try:
        d = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
    return d.isoformat() if 1990 <= d.year <= _MAX_YEAR else None


def _checked(d: date | datetime | None) -> str | None:
    if d is None or not _MIN_YEAR <= d.year <= _MAX_YEAR:
        return None
    return (d.date() if isinstance(d, datetime) else d).isoformat()


@cache
def _absolute_parser() -> object:
    from dateparser.date import DateDataParser

    # Without a reference date only absolute notations are read: no relative-time parser, and every part
    # (day, month, year) must be written, so nothing is filled in from today's date.
    return DateDataParser(
        languages=LANGUAGES,
        settings={"PARSERS": ["custom-formats", "absolute-time"], "REQUIRE_PARTS": _REQUIRE, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"},
    )


def iso_day(value: str | None) -> date | None:
    """The calendar day of a stored ISO date or timestamp ("2022-07-01", "2022-07-01T12:00:00Z"); None when empty or
    unreadable (metadata dates are already ISO: this reads them, ``parse_date`` reads what users and files write)."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def parse_date(value: str | int | float | None, *, relative_to: date | None = None) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from a metadata value (string or epoch number); None when empty, partial,
    ambiguous (07/04/2019), impossible, or relative ("yesterday") without ``relative_to``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not value.is_integer():
        return _from_epoch(value)
    if isinstance(value, (int, float)):
        value = str(int(value))  # 20220207 is a compact date; 1562198400 and 1562198400000 are epoch stamps
    text = " ".join(_fold_width(str(value)).split())
    if not text:
        return None
    if _EPOCH_DIGITS.fullmatch(text):
        return _from_epoch(float(text))
    compact = _COMPACT_DATE.fullmatch(text)
    if compact:
        return _checked(_safe_date(int(compact["y"]), int(compact["m"]), int(compact["d"])))
    year_first = _YEAR_FIRST.fullmatch(text)
    if year_first:  # 2022-06-16, 2022/06/16: read as dateparser reads them, without its 3 ms per call
        # an impossible one (2022/13/01, 2026-00-10) is refused, not read year-day-month as dateparser would:
        # no source writes dates that way, and the CLI's --since/--until refuse the same strings
        return _checked(_safe_date(int(year_first["y"]), int(year_first["m"]), int(year_first["d"])))
    if _WEIBO.fullmatch(text):  # the publisher's local date, as written
        return _checked(datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y"))
    if _RFC2822.fullmatch(text):
        try:  # the email module applies RFC 2822's rule for two-digit years (19 -> 2019)
            return _checked(email.utils.parsedate_to_datetime(text))
        except (TypeError, ValueError):
            pass
    numeric = _NUMERIC_DMY.fullmatch(text)
    if numeric:
        return _numeric_dmy(int(numeric["a"]), int(numeric["b"]), numeric["y"])
    text = _era_to_gregorian(text)
    if relative_to is not None:
        base = datetime(relative_to.year, relative_to.month, relative_to.day)
        data = _parser(base, True).get_date_data(text)
        if data is not None and data.date_obj is not None and data.period == "day":
            return _checked(data.date_obj)
    data = _absolute_parser().get_date_data(text)
    if data is not None and data.date_obj is not None:
        return _checked(data.date_obj)
    # A longer string that states a date somewhere ("Updated: Tuesday, June 30, 2026 at 09:42 PM ET").
    days = [m for m in _explicit_mentions(text) if m.precision == "day"]
    return days[0].value if days else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def day_month_readings(value: str) -> tuple[str, str] | None:
    """The two ISO days a numeric date whose day/month order cannot be known stands for, month first then day first
    ("07/04/2019" → ("2019-07-04", "2019-04-07")); None for any other value (``parse_date`` reads "13/04/2019" and
    "04/04/2019", refuses this one)."""
    numeric = _NUMERIC_DMY.fullmatch(" ".join(_fold_width(str(value)).split()))
    if not numeric:
        return None
    a, b, y = int(numeric["a"]), int(numeric["b"]), _full_year(numeric["y"])
    if a == b or a > 12 or b > 12:
        return None
    month_first, day_first = _checked(_safe_date(y, a, b)), _checked(_safe_date(y, b, a))
    return (month_first, day_first) if month_first and day_first else None


def _full_year(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)


def _numeric_dmy(a: int, b: int, year: str) -> str | None:
    """03/31/2020 or 31.03.2020 read only when one side cannot be a month (or both sides are equal)."""
    y = _full_year(year)
    if a > 12 >= b:
        return _checked(_safe_date(y, b, a))
    if b > 12 >= a or a == b:
        return _checked(_safe_date(y, a, b))
    return None  # 07/04/2019: July 4 in the US, 7 April elsewhere


def _labels(name: str) -> str:
    """An alternation of ``dates.toml`` [name]'s labels in every language, longest first."""
    return "|".join(map(re.escape, sorted((w for words in _VOCAB[name].values() for w in words), key=len, reverse=True)))


# a label, then "on", a colon (ASCII or full-width) or a dash, or just a space before the date
_DATE_LABEL = re.compile(rf"^\W*(?:{_labels('publication_labels')})(?:\s+on)?\s*[:：\-–—]?\s*(?P<rest>.+)$", re.IGNORECASE)
# closing quotes or brackets may follow a sentence's final mark ("… said.”", "…発表した。」")
_SENTENCE_END = re.compile("[" + re.escape("".join(_VOCAB["sentence_final"]["marks"])) + r"][\"'”’」』)）\]]*$")
_REVISION = re.compile(rf"^\W*(?:{_labels('revision_labels')})", re.IGNORECASE)
_DATE_HEAD_CHARS = 600
_DATELINE_MAX_CHARS = 150


def derive_date(text: str) -> str | None:
    """A publication date stated near the top (a label of ``dates.toml`` [publication_labels]: "Published on: ...",
    "発行日：…", "입력 2019.08.12"; or a short dateline that is no sentence and no revision's label); None if nothing
    explicit. Returns an ISO date (YYYY-MM-DD)."""
    lines = [line.strip() for line in text[:_DATE_HEAD_CHARS].splitlines() if line.strip()]
    for line in lines:
        label = _DATE_LABEL.match(line)
        if label:
            iso = parse_date(label.group("rest"))
            if iso:
                return iso
    for line in lines:
        # a dateline is a short line, not a sentence of body text that happens to mention a date
        if len(line) <= _DATELINE_MAX_CHARS and not _SENTENCE_END.search(line) and not _REVISION.match(line):
            days = [m for m in _explicit_mentions(line) if m.precision == "day"]
            if days:
                return days[0].value
    return None
