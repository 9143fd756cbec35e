"""Pure text helpers for loading: normalization, titles and content identity (dates: rag.text.dates; language: rag.text.language)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

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


# --- identity ----------------------------------------------------------------------------------------------------


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the normalized text (UTF-8)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def doc_id_for(text: str) -> str:
    """Stable document id: the first 20 hex characters of ``content_hash``."""
    return content_hash(text)[:20]
