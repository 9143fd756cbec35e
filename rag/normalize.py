"""Pure text helpers for loading: normalization, dates, titles, language guess and content identity."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

# Invisible characters that carry no text: zero-width spaces/joiners, word joiner, BOM, soft hyphen, bidi controls.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
    None,
)
# Everything Python treats as a line break (\v, \f, file/group/record separators, NEL, LS, PS) becomes \n.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace except newline: tabs, NBSP, en/em/ideographic spaces...
_MANY_NEWLINES = re.compile(r"\n{3,}")


def _keep_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat == "Cc":
        return ch in "\n\t"
    return cat != "Cs"  # lone surrogates (e.g. from surrogateescape) cannot be encoded


def normalize_text(text: str) -> str:
    """NFC, drop controls/zero-width chars, unify newlines and spaces, strip lines, keep at most one blank line."""
    text = _LINE_BREAKS.sub("\n", text).translate(_INVISIBLE)
    text = "".join(ch for ch in text if _keep_char(ch))
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


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


# --- titles ------------------------------------------------------------------------------------------------------

_TITLE_MAX_CHARS = 200
_SENTENCE_INSIDE = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]")


def derive_title(text: str) -> str | None:
    """The first non-empty line when it looks like a headline (short, >= 3 words, not a sentence); else None."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = first.lstrip("#").strip()  # markdown heading
    if not first or len(first) > _TITLE_MAX_CHARS or len(first.split()) < 3:
        return None
    # Sentences and datelines ("New York CNN Business —") are not headlines.
    if first.endswith((".", "!", ",", ";", ":", "—", "–", "-")) or _SENTENCE_INSIDE.search(first):
        return None
    if not any(ch.isalpha() for ch in first):
        return None
    return first


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


# --- identity ----------------------------------------------------------------------------------------------------


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the normalized text (UTF-8)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def doc_id_for(text: str) -> str:
    """Stable document id: the first 20 hex characters of ``content_hash``."""
    return content_hash(text)[:20]
