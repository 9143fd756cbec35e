"""Checkable facts of a text: numbers, dates, directions, codes, entities and content words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.support.lexicon import (
    COMMON_STARTERS,
    COMMON_SUFFIXES,
    GENERIC_ACRONYMS,
    HEDGES,
    LIGHT_WORDS,
    ORG_WORDS,
    STOPWORDS,
    TITLES,
    _CODE_RE,
    _DAY_MONTH_RE,
    _DIGIT_CODE_RE,
    _DIRECTION_RE,
    _FOLD_WORD_RE,
    _FRACTION_RE,
    _FRACTIONS,
    _MONTH_DAY_RE,
    _MONTH_RE,
    _MONTH_YEAR_RE,
    NUMBER_VALUES,
    _SCALE_WORDS,
    _SPELLED_RE,
    _WEEKDAY_RE,
)
from rag.support.implied_dates import PERIOD_ORDINALS, implied_dates
from rag.support.relative_dates import placed_dates, relative_mentions
from rag.support.tokens import _syn_groups
from rag.support.mentions import place_mentions, quantities
from rag.support.name_forms import owner_near, place_adjective, place_form
from rag.support.place_owners import place_owner_near
from rag.text.dates import WEEKDAYS, DateMention, find_dates, month_number
from rag.text.lexicon import table as _text_table
from rag.text.initials import initials_of, spells_out
from rag.text.tokens import stem as _stem
from rag.text.tokens import strip_possessive as _strip_possessive
from rag.text.tokens import word_spans as _words
from rag.text.tokens import words as _word_list
from rag.text.numbers import Quantity, describe, glued_suffix, read_suffix
from rag.text.lexicon import word_list, word_set

#: a word of time right before "May" makes it the month ("in May", "by late May", "mid-May"): dates.toml [may_month]
_MAY_AFTER_RE = re.compile(r"\b(?:" + "|".join(_text_table("dates")["may_month"]["after"]) + r")[\s-]+$", re.I)

# --------------------------------------------------------------------------------------------
# Feature extraction
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Num:
    value: float
    surface: str
    hedged: bool
    currency: str | None = None  # ISO code when the text names one ("$", "yen", "億円")
    unit: str | None = None  # "%", "pp", "t", "nm", ... (rag.text.numbers)
    label: str = ""  # how a reason names it ("1.2 trillion yen"); the surface when empty
    day_year: bool = False  # the year of a day the text names relatively ("yesterday"): a date, never a figure

    @property
    def name(self) -> str:
        return self.label or self.surface


DECADE = "decade"  # the unit of a decade ("1970s", "the 1970's"), which no bare year matches
_DECADE_RE = re.compile(r"^\d{3}0['’]?s$")


_RATIO_WORDS = "|".join(w for w in NUMBER_VALUES if NUMBER_VALUES[w] <= 100)
_RATIO_RE = re.compile(rf"(?<![\w.,])(\d{{1,3}}|{_RATIO_WORDS})\s+(?:in|out\s+of)\s+(?:every\s+)?(\d{{1,3}}|{_RATIO_WORDS})"
                       r"(?![\w.,%])(?!\s*(?:percent|per\s*cent))", re.IGNORECASE)


def _ratio_term(word: str) -> float | None:
    """A proportion's term: digits or a number word."""
    return float(word) if word.isdigit() else NUMBER_VALUES.get(word.lower())


def num_kind_ok(a: Num, b: Num) -> bool:
    """Same currency and unit, or one side does not state it ("1.2 trillion" vs "¥1.2tn" is fine, "$" vs "¥" is not)."""
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if (a.unit == DECADE) != (b.unit == DECADE):  # "the late 1970's" is not the year 1970
        return False
    return not (a.unit and b.unit and a.unit != b.unit)


@dataclass
class Facts:
    """Checkable facts of a text (claim or cited text)."""

    text: str
    numbers: list[Num]
    codes: set[str]
    countries: dict[str, str]  # key -> first surface form
    months: set[int]
    weekdays: set[str]
    month_days: set[tuple[int, int]]
    month_years: set[tuple[int, int]]
    directions: set[str]  # compass directions outside country names ("southwest")
    masked: str  # text with numbers/dates/countries/codes blanked out (same length)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = " "


def _month_num(token: str) -> int:
    return month_number(token)


def _spelled_value(phrase: str) -> float | None:
    words = re.split(r"[\s-]+", phrase.lower().replace("fold", " ").strip())
    words = [w for w in words if w and w not in ("and", "a")]
    if not words:
        return None
    if words == ["dozen"] or words == ["one", "dozen"]:
        return 12.0
    total, current = 0.0, 0.0
    for w in words:
        if w in NUMBER_VALUES:
            current += NUMBER_VALUES[w]
        elif w == "hundred":
            current = max(current, 1.0) * 100
        elif w in _SCALE_WORDS:
            total += max(current, 1.0) * _SCALE_WORDS[w]
            current = 0.0
        else:
            return None
    return total + current


def spelled_amounts(text: str) -> list[Quantity]:
    """Amounts written in words with a scale, currency or unit ("five billion dollars", "ten percent", "three
    million"), as ``Quantity`` spans of ``text``; plain counts ("two firms") and parts of names ("One-China")
    are not amounts here. The same reading as the number checks' (``extract_facts``)."""
    out = []
    for m in _SPELLED_RE.finditer(text):
        value = _spelled_value(m.group(0))
        if value is None or re.match(r"-[A-Z]", text[m.end() : m.end() + 2]):
            continue
        currency, unit, factor, end = read_suffix(text, m.end())
        scaled = any(w in _SCALE_WORDS for w in re.split(r"[\s-]+", m.group(0).lower()))
        if currency or unit or scaled:
            out.append(Quantity(m.start(), end, text[m.start() : end], value * factor, currency, unit))
    return out


def _numeric_dates(text: str) -> list[tuple[DateMention, int, int, int | None]]:
    """Dates written with digits (ISO, CJK, Korean; not English month names, read below): (mention, y, m, d)."""
    found = []
    for mention in find_dates(text):
        if mention.precision not in ("day", "month") or any("a" <= ch.lower() <= "z" for ch in mention.text):
            continue
        parts = [int(p) for p in mention.value.split("-")]
        found.append((mention, parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    return found


def _is_hedged(text: str, start: int) -> bool:
    before = re.findall(r"[\w~]+|~", text[max(0, start - 30) : start].lower())
    return any(w in HEDGES for w in before[-3:]) or text[max(0, start - 2) : start].strip().endswith("~")


_RATE_BEFORE_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(word_list("rate_denominators"), key=len, reverse=True))
                             + r")\s*$", re.IGNORECASE)


def extract_facts(text: str, *, claim: bool) -> Facts:
    """Numbers, codes, places, dates and directions of ``text`` (a claim's numbers may be hedged), plus the
    text with all of them blanked out (same length)."""
    chars = list(text)
    numbers: list[Num] = []
    codes: set[str] = set()
    months: set[int] = set()
    weekdays: set[str] = set()
    month_days: set[tuple[int, int]] = set()
    month_years: set[tuple[int, int]] = set()
    countries: dict[str, str] = {}

    def masked() -> str:
        return "".join(chars)

    # Numeric dates (2019-07-04, 2019年7月4日, 2019년 7월 4일, 令和元年7月): month/day pair, month, and the year
    # as a number.
    for mention, y, mo, d in _numeric_dates(text):
        if d is not None:
            month_days.add((mo, d))
        month_years.add((mo, y))
        months.add(mo)
        numbers.append(Num(float(y), str(y), False))
        if not claim:
            if d is not None:
                numbers.append(Num(float(d), str(d), False))
            numbers.append(Num(float(mo), str(mo), False))
        _blank(chars, mention.start, mention.end)
    cur = masked()
    for m in _MONTH_YEAR_RE.finditer(cur):
        mo = _month_num(m.group("m1") or m.group("m2"))
        if mo:
            month_years.add((mo, int(m.group("y"))))
    for m in _MONTH_DAY_RE.finditer(cur):
        mo, d = _month_num(m.group(1)), int(m.group(2))
        if mo and 1 <= d <= 31:
            month_days.add((mo, d))
            if claim:
                _blank(chars, m.start(2), m.end())
    cur = masked()
    for m in _DAY_MONTH_RE.finditer(cur):
        d, mo = int(m.group(1)), _month_num(m.group(2))
        if mo and 1 <= d <= 31:
            month_days.add((mo, d))
            if claim:
                _blank(chars, m.start(1), m.start(2))
    cur = masked()
    for m in _MONTH_RE.finditer(cur):
        tok = m.group(1)
        if tok == "May":  # "May" is a month only next to a day or year, or after a word of time ("in May")
            ctx = cur[m.end() : m.end() + 6]
            ctx_before = cur[max(0, m.start() - 4) : m.start()]
            if not re.match(r"\s+\d", ctx) and not re.search(r"\d\s*$", ctx_before) \
                    and not _MAY_AFTER_RE.search(cur, 0, m.start()):
                continue
        if tok.rstrip(".").lower() in ("mar", "dec", "jun", "jan", "oct", "sep") and not re.match(r"\.?\s*\d", cur[m.end() : m.end() + 4]):
            if not tok.endswith("."):
                continue
        months.add(_month_num(tok))
        _blank(chars, m.start(), m.end())
    for m in _WEEKDAY_RE.finditer(masked()):
        weekdays.add(m.group(1).lower())
        _blank(chars, m.start(), m.end())

    # Alphanumeric codes (C919, F-35, COVID-19, 5G) must match as a whole.
    cur = masked()
    for m in _CODE_RE.finditer(cur):
        codes.add(m.group(0).lower().replace("-", ""))
        _blank(chars, m.start(), m.end())
    cur = masked()
    for m in _DIGIT_CODE_RE.finditer(cur):
        suffix = m.group(1).lower()
        if glued_suffix(suffix):  # "2bn", "7nm", "5pp", "1st": quantities, read below
            continue
        codes.add(m.group(0).lower())
        _blank(chars, m.start(), m.end())

    # Proportions ("3 in 10 adults", "one out of every five"): the share in percent, as "30%" states it.
    cur = masked()
    for m in _RATIO_RE.finditer(cur):
        n, d = (_ratio_term(m.group(k)) for k in (1, 2))
        if n is None or not d or n > d:
            continue
        numbers.append(Num(100.0 * n / d, m.group(0), claim and _is_hedged(cur, m.start()), None, "%"))
        if not claim:
            numbers.append(Num(n / d, m.group(0), False))
        _blank(chars, m.start(), m.end())

    # Quantities: digits with scale, currency and unit ("$1.2tn", "4,760億円", "5 percentage points"), and fractions
    # of a magnitude word ("half a trillion dollars", "a quarter of a million"), read before "half of" below.
    cur = masked()
    for q in quantities(cur):
        if claim and q.value == 1 and q.currency and _RATE_BEFORE_RE.search(cur, 0, q.start):
            _blank(chars, q.start, q.end)  # "6.78 yuan per US$1": the rate's unit, "per US dollar" in a passage
            continue
        label = describe(q) if q.currency or q.unit or q.scaled else ""  # plain numbers: as written ("150th")
        unit = DECADE if not q.unit and not q.currency and _DECADE_RE.match(q.text.strip()) else q.unit
        numbers.append(Num(q.value, q.text.strip(), claim and q.approx, q.currency, unit, label))
        if not claim and q.scaled:  # the cited "2.63m" also stands for a claim's bare "2.63"
            numbers.append(Num(q.mantissa, q.text.strip(), False))
        if not claim and q.unit == "%":  # and "40%" for a claim's fraction 0.4
            numbers.append(Num(q.value / 100, q.text.strip(), False))
        _blank(chars, q.start, q.end)

    # Fractions ("more than half of", "two-thirds of"); compared with percentages too.
    cur = masked()
    for m in _FRACTION_RE.finditer(cur):
        before = cur[max(0, m.start() - 20) : m.start()].split()[-1:]
        if not m.group(1) and before and before[0].lower() in PERIOD_ORDINALS:
            continue  # "the first quarter of 2022", "the second half of the year": a period, not a fraction
        num = NUMBER_VALUES.get((m.group(1) or "one").lower(), 1) if (m.group(1) or "").lower() not in ("a", "an") else 1
        den = _FRACTIONS[m.group(2).lower()]
        value = num / den
        hedged = claim and _is_hedged(cur, m.start())
        numbers.append(Num(value, m.group(0)[:-3].strip(), hedged))
        if not claim:
            numbers.append(Num(value * 100, m.group(0), False))
        _blank(chars, m.start(), m.end() - 3)

    # Spelled-out numbers ("twenty", "ten-fold", "a dozen", "five million").
    cur = masked()
    for m in _FOLD_WORD_RE.finditer(cur):
        numbers.append(Num(float(NUMBER_VALUES[m.group(1).lower()]), m.group(0), claim and _is_hedged(cur, m.start())))
        _blank(chars, m.start(), m.end())
    cur = masked()
    for m in _SPELLED_RE.finditer(cur):
        phrase = m.group(0)
        value = _spelled_value(phrase)
        if value is None:
            continue
        low = phrase.lower().strip()
        if re.match(r"-[A-Z]", cur[m.end() : m.end() + 2]):  # part of a name: "zero-Covid", "One-China"
            continue
        if claim and low == "one":  # "one of the ...", "no one": too ambiguous to require
            continue
        if claim and low in ("dozen", "a dozen", "one dozen"):
            continue
        currency, unit, factor, end = read_suffix(cur, m.end())  # "five million dollars", "ten percent"
        value *= factor
        label = describe(Quantity(m.start(), end, cur[m.start() : end], value, currency, unit)) if end > m.end() else ""
        numbers.append(Num(value, phrase, claim and _is_hedged(cur, m.start()), currency, unit, label))
        _blank(chars, m.start(), end)

    # Countries (demonyms and capitals normalised to a country key).
    cur = masked()
    for mention in place_mentions(cur):
        countries.setdefault(mention.key, mention.surface)
        _blank(chars, mention.start, mention.end)
    directions = {
        (m.group(1) + (m.group(2) or "")).lower() for m in _DIRECTION_RE.finditer(masked())
    }
    return Facts(text, numbers, codes, countries, months, weekdays, month_days, month_years, directions, masked())


@dataclass
class TextIndex:
    """Lookup structures for a cited text."""

    facts: Facts
    tokens: set[str]  # lower-case word tokens (possessives stripped, hyphen parts added)
    stems: set[str]
    groups: set[int]
    phrases: list[frozenset[str]]  # capitalised runs ("South Korean President Moon Jae-in")
    lower_text: str
    acronyms: set[str]  # lower-cased all-caps tokens (WTO, NSB)
    published: str | None = None  # the publication date (ISO) its relative dates were read against, when known


def relative_years(text: str, published: str | None) -> list[tuple[int, int | None, str]]:
    """(year, month or None, phrase) of each calendar year or month ``text`` names relative to its publication
    date ``published`` (ISO): "last year" in a 2022 article is 2021, "November of last year" 2021-11, "earlier
    this month" the publication month (``rag.text.dates.find_dates``), "a year ago" the publication month a year
    back (``implied_dates.a_for_one``). Empty without ``published``: a relative year is never guessed. "The past
    year" (the twelve months back) is no calendar year and is left out."""
    return [(y, mo, phrase) for y, mo, phrase, _ in _relative_mentions(text, published)]


def _relative_mentions(text: str, published: str | None) -> list[tuple[int, int | None, str, int]]:
    """``relative_years`` with each phrase's character offset."""
    if not published:
        return []
    out = []
    for m in relative_mentions(text, published):
        if m.precision not in ("year", "month"):
            continue
        if re.search(r"\bthe\s+$", text[max(0, m.start - 5) : m.start], re.IGNORECASE):
            continue  # "over the past year", "in the last year": a span of time, not a calendar year
        parts = [int(p) for p in m.value.split("-")]
        month = parts[1] if len(parts) > 1 else None
        if month is None and m.text.endswith("ago"):  # "a year ago": the publication month, a year back
            month = int(published[5:7])
        out.append((parts[0], month, text[m.start : m.end], m.start))
    return out


def with_years(text: str, index: TextIndex) -> str:
    """``text`` with each year it gives relatively, as ``index`` (its ``index_text`` with a publication date)
    counted it, written as that year: "so far this year, 32,000" -> "so far 2022, 32,000" (a 2022 article), so a
    figure binds to its year as to a stated one; ``text`` unchanged without such years."""
    for n in index.facts.numbers:
        if n.label == f"{n.value:.0f} ({n.surface})" and n.surface in text:
            text = text.replace(n.surface, f"{n.value:.0f}", 1)
    return text


def index_text(text: str, published: str | None = None) -> TextIndex:
    """Lookup structures (facts, tokens, stems, synonym groups, name phrases) for a cited text; with its
    publication date ``published`` (ISO), the years and months it gives relatively ("last year") count as
    stated (``relative_years``), and so do those it implies ("in April", "the first quarter": ``implied_dates``;
    a month compared with the year before, "in April ... from a year ago", as that month of that year too) and the
    days and weeks it names relatively ("yesterday", "on Monday", "today", "last week": ``_add_placed_days``).
    Without ``published`` none of them is read (``TextIndex.published`` is then None). Its durations are read in
    other units too ("three years and six months" as 3.5 and 42: ``durations``), with or without it."""
    facts = extract_facts(text, claim=False)
    from rag.support.durations import duration_readings  # here: durations reads this module's Num

    facts.numbers += [n for n in duration_readings(text) if not any(n.value == c.value for c in facts.numbers)]
    relative = _relative_mentions(text, published)
    year_back = frozenset(at for year, _, _, at in relative if published and year == int(published[:4]) - 1)
    implied = implied_dates(text, published, year_back)
    for year, month, phrase, stated in [(y, mo, p, True) for y, mo, p, _ in relative] + implied:
        if stated:
            facts.numbers.append(Num(float(year), phrase, False, label=f"{year} ({phrase})"))
        if month is not None:
            facts.months.add(month)
            facts.month_years.add((month, year))
    _add_placed_days(facts, text, published)
    tokens, stems, groups = _word_sets(text)
    phrases = _capitalized_runs(text)
    acronyms = {m.group(0).lower() for m in _ACRONYM_RE.finditer(text)}
    return TextIndex(facts, tokens, stems, groups, phrases, text.lower(), acronyms, published)


def _add_placed_days(facts: Facts, text: str, published: str | None) -> None:
    """The days and weeks ``text`` names relative to its publication date (``relative_dates.placed_dates``:
    "yesterday", "on Monday", "today", "last week") added to ``facts`` as stated dates: a day as its month and day,
    month and year, weekday and year; a week as the months and years of its days (no single day). The year is a
    ``Num.day_year`` (no figure: ``figures.outdated_figure``), and its label is not "2026 (yesterday)":
    ``with_years`` rewrites only a year phrase ("this year") as its year."""
    for placed in placed_dates(text, published):
        for day in placed.days:
            facts.months.add(day.month)
            facts.month_years.add((day.month, day.year))
            if placed.precision == "day":
                facts.month_days.add((day.month, day.day))
                facts.weekdays.add(WEEKDAYS[day.weekday()])
        for year in sorted({day.year for day in placed.days}):
            facts.numbers.append(Num(float(year), placed.phrase, False, label=f"{year} ('{placed.phrase}')", day_year=True))


_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z&]{1,9}s?\b")
_WORD_PARTS_RE = re.compile(r"[-']")


@dataclass(frozen=True)
class WordIndex:
    """The word lookups of a text, what ``word_covered`` reads (a ``TextIndex`` without facts and names)."""

    tokens: set[str]
    stems: set[str]
    groups: set[int]
    lower_text: str


@lru_cache(maxsize=4096)
def word_index(text: str) -> WordIndex:
    """``WordIndex`` of ``text``: the tokens, stems and synonym groups ``index_text`` gives it, and its lower case."""
    return WordIndex(*_word_sets(text), text.lower())


def _word_sets(text: str) -> tuple[set[str], set[str], set[int]]:
    """(tokens, stems, synonym groups) of ``text``'s words (``_word_keys`` of each)."""
    tokens: set[str] = set()
    stems: set[str] = set()
    for w in _word_list(text):
        word_tokens, word_stems = _word_keys(w)
        tokens.update(word_tokens)
        stems.update(word_stems)
    groups: set[int] = set()
    for s in stems:
        groups |= _syn_groups(s)
    return tokens, stems, groups


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tokens, stems) one written word adds to an index: the word lower-cased without its possessive, and for a
    word of several hyphen or apostrophe parts also the parts and their join ("Sino-US" -> "sino-us", "sino", "us",
    "sinous"); the stems of the word and of each part."""
    w = _strip_possessive(word).lower()
    parts = [p for p in _WORD_PARTS_RE.split(w) if p]
    tokens = (w, *parts, "".join(parts)) if len(parts) > 1 else (w,)
    return tokens, tuple(_stem(p) for p in [w] + parts)


_CONNECTORS = frozenset(["of", "and", "for", "the", "de", "on", "&"])
#: Titles written short with a period before a name ("Sen.", "Gov.", "Gen."): rag/text/data/entity_titles.txt.
_SHORT_TITLES = word_set("entity_titles")


_RUN_BREAKS = frozenset(".;:!?()\"\n")  # a capitalised run does not go on across them


def _capitalized_runs(text: str) -> list[frozenset[str]]:
    runs: list[frozenset[str]] = []
    current: list[str] = []
    pending: list[str] = []
    prev_end = 0
    for m in _words(text):
        w = m.group(0)
        gap = text[prev_end : m.start()]
        prev_end = m.end()
        is_cap = w[:1].isupper() or (w[:1].isalpha() and not w[1:].islower() and any(c.isupper() for c in w[1:]))
        breaks = not _RUN_BREAKS.isdisjoint(gap)
        if current and breaks:
            runs.append(frozenset(current))
            current, pending = [], []
        if is_cap:
            if current and pending:
                current.extend(pending)
            pending = []
            current.append(_strip_possessive(w).lower())
        elif current and w.lower() in _CONNECTORS and not pending:
            pending = [w.lower()]
        else:
            if current:
                runs.append(frozenset(current))
            current, pending = [], []
    if current:
        runs.append(frozenset(current))
    return runs


def _token_present(token: str, index: TextIndex | WordIndex) -> bool:
    t = token.lower()
    if t in index.tokens:
        return True
    # a plural or singular of the same name ("iPhone" / "iPhones", "Olympics" / "Olympic")
    if len(t) > 3 and ((t.endswith("s") and t[:-1] in index.tokens) or t + "s" in index.tokens):
        return True
    parts = [p for p in re.split(r"[-']", t) if p]
    if len(parts) > 1 and (all(p in index.tokens for p in parts) or "".join(parts) in index.tokens):
        return True
    return False


def _looks_common(word: str) -> bool:
    low = word.lower()
    if low in STOPWORDS or low in COMMON_STARTERS or low in LIGHT_WORDS or low in HEDGES:
        return True
    if word.isupper() and len(word) > 1:
        return False
    if place_adjective(word):  # "Welsh striker Kieffer Moore": a place's adjective, not the verb "to welsh"
        return False
    return low.endswith(COMMON_SUFFIXES) or _dictionary_word(low)


@lru_cache(maxsize=4096)
def _dictionary_word(low: str) -> bool:
    """Whether a sentence's capitalised first word is a common word, not a name: an English adjective, adverb or
    verb with no noun reading ("Big global firms", "Early voting"), or a hyphenated word of English words and
    stopwords ("Would-be gun owners", "Existing-home sales"); lemminflect's lemma tables. A word with a noun reading
    ("China", "Apple", "Rose"), a month ("May") or one the tables lack ("Hua", "Rolls-Royce") may be a name."""
    from lemminflect import getAllLemmas  # the tables load once (~0.3 s), on the first call

    parts = [p for p in low.split("-") if p]
    if len(parts) > 1:
        return all(p in STOPWORDS or getAllLemmas(p) for p in parts)
    readings = getAllLemmas(low)
    return bool(readings) and not {"NOUN", "PROPN"} & set(readings) and not month_number(low)


_NEXT_NAME_RE = re.compile(r" ([A-Z][a-z]+(?:[-'’][A-Za-z]+)*)")


def _given_name(word: str, rest: str) -> bool:
    """Whether a sentence's first word that reads as a common word is a given name: a verb in its base form and
    nothing else ("Peter", "Rob", "Sue", "Wade": ``_dictionary_word`` reads them as verbs) right before a
    capitalised word that is no common word itself ("Peter Hallam pleaded guilty"; ``rest``: the claim after it).
    An adjective ("Strong Apple sales"), an inflected verb ("Rising Chinese demand") or a word with a noun reading
    stays as it was read."""
    from lemminflect import getAllLemmas

    low = word.lower()
    nxt = _NEXT_NAME_RE.match(rest)
    if nxt is None or low in STOPWORDS or low in COMMON_STARTERS or low in LIGHT_WORDS or low in HEDGES:
        return False
    after = nxt.group(1).lower()
    return getAllLemmas(low) == {"VERB": (low,)} and after not in STOPWORDS and not _dictionary_word(after)


@dataclass
class _Entity:
    phrase: str
    hard: list[str]  # name tokens that must be in the cited text
    org: list[str]  # generic organisation words attached to a name (Mitsubishi *Electric*)
    tokens: list[str]  # all capitalised tokens of the phrase
    owner: tuple[str, ...] = ()  # the words of a name written right before it with a possessive ("HBO's")
    owned: tuple[str, ...] = ()  # with an owner: the hard tokens of every name it owns ("Game of Thrones")


def entity_problem(ent: _Entity, full: TextIndex) -> str | None:
    """None when the cited text names this entity, else the part that is missing."""
    # A spelled-out name whose acronym the text uses ("World Trade Organization" for "WTO").
    initials = initials_of(t for t in ent.tokens if t[:1].isupper()).lower()
    if len(initials) >= 2 and initials in full.acronyms:
        return None
    # An acronym the text spells out ("ICBM" for "intercontinental ballistic missile").
    if len(ent.tokens) == 1 and ent.phrase.isupper() and spells_out(ent.phrase, full.lower_text):
        return None
    # a place said in its other form ("Qatari" for "Qatar", "Peru" for "Peruvian": name_forms)
    missing = [w for w in ent.hard if not _token_present(w, full) and not place_form(w, full.tokens)]
    if missing:
        return " ".join(missing)
    if any(not _token_present(w, full) for w in ent.org):
        return ent.phrase
    hard = {_singular_name(w.lower()) for w in ent.hard}  # "Winter Olympic" in "the Winter Olympics"
    if len(hard) >= 2 and not any(hard <= {_singular_name(w) for w in run} for run in full.phrases):
        return ent.phrase
    if ent.owner and not owner_near([w.lower() for w in ent.owner], [w.lower() for w in ent.owned or ent.hard],
                                    full.facts.text) \
            and not place_owner_near(ent.owner, ent.owned or ent.hard, full.facts.text):  # "Belfast's Antrim Road"
        return f"{' '.join(ent.owner)}'s {ent.phrase}"  # "Twitter's John Tye": the passage never puts them together
    return None


def _singular_name(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def claim_entities(claim_text: str, masked: str) -> list[_Entity]:
    """Capitalised name phrases in the claim (countries, dates and numbers are already masked). A possessive ends
    a name: "HBO's House of the Dragon" is "HBO" and "House of the Dragon", the second owned by the first
    (``_Entity.owner``), as "Xi's zero-Covid policy" is "Xi" and "zero-Covid"."""
    entities: list[_Entity] = []
    current: list[tuple[str, str]] = []  # (word, kind) kind in hard/org/title/soft
    prev_end = 0
    owner: tuple[str, ...] = ()  # the words of a name that ended on a possessive, while its owned names go on
    chain: list[int] = []  # indices in ``entities`` of the names ``owner`` owns

    def flush() -> None:
        if current:
            hard = [w for w, k in current if k == "hard"]
            org = [w for w, k in current if k == "org"]
            if hard:
                entities.append(_Entity(" ".join(w for w, _ in current), hard, org, [w for w, _ in current], owner))
                if owner:
                    chain.append(len(entities) - 1)
        current.clear()

    def end_chain() -> None:
        nonlocal owner
        owned = tuple(w for i in chain for w in entities[i].hard)
        for i in chain:
            entities[i].owned = owned
        owner = ()
        chain.clear()

    for m in _words(masked):
        w = _strip_possessive(m.group(0))
        gap = masked[prev_end : m.start()]
        prev_end = m.end()
        if re.search(r"[^\s\-]", gap) or (gap.count(" ") > 1 and current):
            flush()
            end_chain()
        possessive = w != m.group(0) and m.group(0)[len(w):].lower() in ("'s", "’s")
        first = w[:1]
        if not (first.isupper() or (first.isalpha() and any(c.isupper() for c in w[1:]))):
            flush()
            if w.lower() not in _CONNECTORS:  # "HBO's Game of Thrones spinoff": the owned names end at "spinoff"
                end_chain()
            continue
        low = w.lower()
        before = claim_text[: m.start()].rstrip()
        initial = before == "" or before[-1] in ".!?:;\"'([-"
        if low in STOPWORDS and not w.isupper():
            flush()
            continue
        if low in GENERIC_ACRONYMS:
            flush()
            continue
        if low in TITLES or (low in _SHORT_TITLES and masked[m.end() : m.end() + 1] == "."):  # "West Virginia Sen."
            current.append((w, "title"))
        elif low in ORG_WORDS:
            current.append((w, "org"))
        elif initial and _looks_common(w) and not _given_name(w, masked[m.end():]):
            flush()
            end_chain()
            if possessive:  # "Twitter's John Tye": a first word that owns a name is read as its owner
                owner = (w,)
            continue
        else:
            current.append((w, "hard"))
        if possessive and current:
            words_of = tuple(x for x, k in current if k == "hard") or tuple(x for x, _ in current)
            flush()
            end_chain()
            owner = words_of
    flush()
    end_chain()
    return entities


def content_words(masked: str) -> list[str]:
    """Content words of a (masked) text, lower-case, possessives stripped."""
    out = []
    for m in _words(masked):
        w = _strip_possessive(m.group(0)).lower()
        if len(w) < 2 or w in STOPWORDS or w in LIGHT_WORDS or w in TITLES:
            continue
        out.append(w)
    return out


def _stem_covered(word: str, index: TextIndex | WordIndex) -> bool:
    s = _stem(word)
    if s in index.stems:
        return True
    if len(s) >= 6 and any(t.startswith(s[:6]) for t in index.stems if len(t) >= 6):
        return True  # tighter / tightened, withdraw / withdrew
    g = _syn_groups(s)
    return bool(g and g & index.groups)


def word_covered(word: str, index: TextIndex | WordIndex) -> bool:
    """Is a claim content word in the cited text: literally, by stem, by prefix or via the paraphrase lexicon?"""
    if _token_present(word, index):
        return True
    if word in GENERIC_ACRONYMS and any(exp in index.lower_text for exp in GENERIC_ACRONYMS[word]):
        return True
    if _stem_covered(word, index):
        return True
    parts = [p for p in re.split(r"[-']", word) if p and p not in STOPWORDS]
    return len(parts) > 1 and all(_stem_covered(p, index) for p in parts)
