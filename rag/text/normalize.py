"""Unicode forms of text: the NFC store form, the compatibility/matching forms, titles and content identity.

Two forms, one job each:

- ``normalize_text``: the **store form** (NFC, clean spaces and newlines). Stored text keeps it because
  citations are character offsets into it; it never folds compatibility characters (ＳＭＩＣ stays ＳＭＩＣ).
- ``compat_form`` / ``match_form``: the **comparison forms** (NFKC: full-width letters and digits, ligatures,
  superscripts folded; curly quotes, dashes and odd spaces made ASCII). ``compat_form`` keeps case (for the
  support checker and the writer, which read capitalised names); ``match_form`` also case-folds (for keyword
  search, dedup shingles and term comparison).
- ``embed_form``: NFKC alone, for the embedder (passages and queries alike).

NFKC can change a string's length (``ﬁ`` → ``fi``, ``㍿`` → ``株式会社``, an em dash → `` - ``), so offsets
taken in a comparison form do not point into the store form. Nothing here maps them back: callers that need
spans (citations, sentence spans) work on the store form and only *compare* in the matching form.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rag.text.scripts import CJK_RUN, cjk_count

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
    """The store form: NFC, controls/zero-width chars dropped, newlines and spaces unified, lines stripped,
    at most one blank line in a row."""
    text = _LINE_BREAKS.sub("\n", text).translate(_INVISIBLE)
    text = "".join(ch for ch in text if _keep_char(ch))
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


# What NFKC leaves alone but comparison must not see: typographic quotes, dashes, minus, narrow/odd spaces.
_PUNCT_FOLD = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u2018": "'",
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2032": "'",  # prime
        "\u0060": "'",  # grave accent used as apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)


def embed_form(text: str) -> str:
    """NFKC only ("ＳＭＩＣ ﬁrm" → "SMIC firm"): what the embedder sees for passages and queries. Case, quotes and
    dashes are left to the model's own tokenizer, so ordinary English text embeds exactly as written."""
    return unicodedata.normalize("NFKC", text)


def compat_form(text: str) -> str:
    """NFKC plus straight quotes, ASCII hyphens and plain spaces; case kept ("ＳＭＩＣ’s ﬁrm" → "SMIC's firm").

    The result can be longer or shorter than ``text`` (see the module docstring)."""
    return embed_form(text).translate(_PUNCT_FOLD)


def match_form(text: str) -> str:
    """``compat_form`` case-folded: the form keyword search, dedup and term comparison use ("ＳＭＩＣ" → "smic")."""
    return compat_form(text).casefold()


# --- titles ------------------------------------------------------------------------------------------------------

_TITLE_MAX_CHARS = 200
_TITLE_MIN_WORDS = 3
_SENTENCE_INSIDE = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]")
_CJK_SENTENCE_END = ("。", "！", "？", "．")


def title_word_count(line: str) -> int:
    """Words in ``line``: space-separated words, with each Han, kana or Hangul character counted as one word
    (text without spaces between words, and Korean syllable blocks, carry a word's worth in few characters)."""
    return len(CJK_RUN.sub(" ", line).split()) + cjk_count(line)


def looks_like_headline(line: str) -> bool:
    """Whether a stripped ``line`` reads as a headline: short (<= 200 characters, >= 3 words; Japanese and Chinese
    headlines have no spaces, so their characters count as words), with letters, and not a sentence or a dateline
    (no sentence-final stop, no sentence inside, no trailing "—" as in "New York CNN Business —")."""
    if not line or len(line) > _TITLE_MAX_CHARS or title_word_count(line) < _TITLE_MIN_WORDS:
        return False
    if line.endswith((".", "!", ",", ";", ":", "—", "–", "-") + _CJK_SENTENCE_END) or _SENTENCE_INSIDE.search(line):
        return False
    return any(ch.isalpha() for ch in line)


def derive_title(text: str) -> str | None:
    """The first non-empty line when it looks like a headline (``looks_like_headline``); else None."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = first.lstrip("#").strip()  # markdown heading
    return first if looks_like_headline(first) else None


# --- identity ----------------------------------------------------------------------------------------------------


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the normalized text (UTF-8)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def doc_id_for(text: str) -> str:
    """Stable document id: the first 20 hex characters of ``content_hash``."""
    return content_hash(text)[:20]
