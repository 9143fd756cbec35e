"""Dates and language guess for loading (normalization, titles and content identity live in ``rag.text.normalize``)."""

from __future__ import annotations

import re
from datetime import date

# --- dates -------------------------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = [
    # 2026-06-30, 2022/02/07, 2020.03.31, optionally followed by a time (2026-06-30T12:00:00Z)
    re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
    # 2020年3月31日
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    # March 31, 2020 / Mar. 31 2020 / Tuesday, June 30, 2026 at 09:42 PM
    re.compile(rf"(?<![a-z]){_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE),
    # 31 March 2020 / 30 Jun 2026 12:00:00 GMT
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE),
]
_COMPACT_DATE = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"].lower()[:3]]
    year = int(groups["y"])
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, int(groups["d"])).isoformat()
    except ValueError:
        return None


def _find_date(text: str) -> str | None:
    """The earliest explicit, valid day-month-year date in ``text``."""
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def parse_date(value: str | int | None) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from common written forms; None when empty, partial, ambiguous or impossible."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text:
        return None
    compact = _COMPACT_DATE.fullmatch(text)
    if compact:
        return _to_iso(compact)
    return _find_date(text)


_DATE_LABEL = re.compile(r"^\W*(?:published|posted|dated?|release date|publication date)(?:\s+on)?\s*[:\-–—]?\s*(?P<rest>.+)$", re.IGNORECASE)
_DATE_HEAD_CHARS = 600
_DATELINE_MAX_CHARS = 150


def derive_date(text: str) -> str | None:
    """A publication date stated near the top ("Published on: ...", or a short dateline); None if nothing explicit."""
    lines = [line.strip() for line in text[:_DATE_HEAD_CHARS].splitlines() if line.strip()]
    for line in lines:
        label = _DATE_LABEL.match(line)
        if label:
            iso = parse_date(label.group("rest"))
            if iso:
                return iso
    for line in lines:
        # a dateline is a short line, not a sentence of body text that happens to mention a date
        if len(line) <= _DATELINE_MAX_CHARS and not line.endswith((".", "!", "?")):
            iso = parse_date(line)
            if iso:
                return iso
    return None


# --- language ----------------------------------------------------------------------------------------------------

_LANG_SAMPLE_CHARS = 4000
_EN_STOPWORDS = frozenset(
    "the and of to is was that with for from this by are were has have it its which been not will said their they would be at".split()
)
_WORD = re.compile(r"[a-z]+")


def detect_language(text: str) -> str | None:
    """Cheap script/stopword guess: "ko", "ja", "zh", "en" or None when unsure."""
    sample = text[:_LANG_SAMPLE_CHARS]
    hangul = kana = han = latin = 0
    for ch in sample:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            hangul += 1
        elif 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
            kana += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
            han += 1
        elif ch.isascii() and ch.isalpha() or "\u00c0" <= ch <= "\u024f":
            latin += 1
    cjk = hangul + kana + han
    if cjk and cjk * 3 >= latin:  # one CJK character carries roughly a word's worth of Latin letters
        if hangul >= 0.3 * cjk:
            return "ko"
        if kana >= 0.05 * cjk:
            return "ja"
        if han:
            return "zh"
    words = _WORD.findall(sample.lower())
    hits = sum(word in _EN_STOPWORDS for word in words)
    if hits >= 2 and hits >= 0.12 * len(words):
        return "en"
    return None
