"""The metadata a plain-text or Markdown article carries at its top, split from the text to index.

``read_header(text)`` returns ``(body, meta, body_offset)``: ``body == text[body_offset:]`` is the text after the
header, ``meta`` maps loader fields (``title``, ``publisher``, ``published``, ``authors``, ``url``, ``language``,
``kind``) to raw values the loader cleans as it cleans a manifest's (``rag.loaders._layer``). Without a header it
is ``(text, {}, 0)``. Two header kinds, both at the very top (after a BOM and blank lines):

- front matter, read with ``python-frontmatter``: a YAML block between ``---`` lines or a TOML block between ``+++``
  lines (TOML parsed by the standard library's ``tomllib``). It is a header when it parses to a mapping naming at
  least one known key; its other keys (``layout``, ``tags``) are dropped with it. Bad YAML or TOML, a list or text
  between the lines (a ``---`` rule above a paragraph), a mapping of no known key, or a block not closed within
  64 KB is no header: the text is kept whole and a note says why.
- a plain block of ``Key: value`` lines ending at the first blank line ("Title: …", "Publisher: Yonhap",
  "Date: March 3, 2024"; a full-width colon too). Conservative: every line must be ``Key: value``, the block at
  most 30 lines and followed by text, and it must name two fields or more, or one that cannot be a story's opening
  line: a title of at most 30 words, a publisher of at most six words with no sentence end ("Source: Reuters", not
  "Source: officials said on Monday."), a URL. Keys not in the data file ("Section: Trade", "カテゴリ: 経済") may
  make up at most half of the lines of a block that names two fields or more, each a key of at most three words
  and a value that is no sentence (no sentence end): their lines go with the header, unread, and each appends a
  note naming its key. So "Update: Japan added two firms on Friday." or "Note: the ministry said …" (unknown keys)
  and "Date: Monday" alone stay text, and so does "Title: Chip rules" over "Update: two firms added".

Known keys and which field each means are ``rag/text/data/file_headers.toml`` (case-insensitive; spaces, "_" and
"-" alike). Authors given as one string are split on ";" (else on ",", "、", "&" and "and"), a leading "By "
dropped; a YAML or TOML list holds one name per item ("Roe, Jane" stays whole). YAML and TOML dates become ISO
strings. Never raises on any ``str`` input.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import cache
from typing import Any

from rag.text.dates import find_dates
from rag.text.lexicon import table

__all__ = ["read_header"]

FRONT_MATTER_LIMIT = 64 * 1024  # characters: a front matter block must close within this much of the top
HEADER_LINES = 30  # a plain block of more lines is not a header
_FIELDS = ("title", "publisher", "published", "authors", "url", "language", "kind")

# "Key: value", the key a run of letters, spaces, "_" and "-" (up to 30 characters) opening with a letter
_KEY_LINE = re.compile(r"[ \t]*([^\W\d_][\w \t-]{0,29}?)[ \t]*[:：][ \t]*(.*?)[ \t]*")
_KEY_SEPARATORS = re.compile(r"[\s_-]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？]$")
_BY = re.compile(r"^(?:by|作者|记者|記者)[\s:：]+", re.IGNORECASE)
_AUTHOR_SEMICOLONS = re.compile(r"\s*[;；]\s*")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|，|、|&|\band\b)\s*", re.IGNORECASE)


def read_header(text: str, notes: list[str] | None = None) -> tuple[str, dict[str, Any], int]:
    """``(body, meta, body_offset)`` of ``text``: the text after its header, the header's metadata (loader field ->
    raw value: a string, an ISO date string, a number, or for ``authors`` a list of strings), and where the body
    starts in ``text``. ``(text, {}, 0)`` when the top is no header. A front matter block that is not read (bad
    YAML/TOML, not a mapping, no known key, too long) appends one sentence to ``notes`` (when given)."""
    start = _top(text)
    found = _front_matter(text, start, notes)
    if found is None:
        found = _plain_block(text, start, notes)
    if found is None:
        return text, {}, 0
    meta, offset = found
    return text[offset:], meta, offset


def _top(text: str) -> int:
    """Where the first non-blank line starts (a BOM and blank lines skipped)."""
    pos = 1 if text.startswith("\ufeff") else 0
    while True:
        end = text.find("\n", pos)
        if end < 0 or text[pos:end].strip():
            return pos
        pos = end + 1


@cache
def _aliases() -> dict[str, str]:
    """Normalized key name -> loader field, from ``file_headers.toml`` [fields]."""
    fields = table("file_headers")["fields"]
    return {_key(name): field for field in _FIELDS for name in fields.get(field, [])}


def _key(name: str) -> str:
    return _KEY_SEPARATORS.sub(" ", name).strip().casefold()


# --- front matter ------------------------------------------------------------------------------------------------


@cache
def _handlers() -> tuple[tuple[str, Any], ...]:
    """(format name, python-frontmatter handler): its YAML handler (safe loader) and a TOML one on ``tomllib``
    (the package's own TOML handler needs the third-party ``toml`` package)."""
    from frontmatter.default_handlers import BaseHandler, YAMLHandler

    class TomlHandler(BaseHandler):
        FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
        START_DELIMITER = END_DELIMITER = "+++"

        def load(self, fm: str, **kwargs: object) -> Any:
            return tomllib.loads(fm)

    return (("YAML", YAMLHandler()), ("TOML", TomlHandler()))


def _front_matter(text: str, start: int, notes: list[str] | None) -> tuple[dict[str, Any], int] | None:
    """(meta, body offset) of a front matter block opening at ``start``; None (with a note) when there is none."""
    head = text[start : start + FRONT_MATTER_LIMIT]
    for name, handler in _handlers():
        if not handler.detect(head):
            continue
        delimiter = handler.START_DELIMITER
        try:
            fm, content = handler.split(head)
        except ValueError:  # no closing line within the limit
            if handler.FM_BOUNDARY.search(text, start + len(head)):
                _note(notes, f"a {delimiter} front matter block longer than {FRONT_MATTER_LIMIT // 1024} KB; read as text")
            return None
        try:
            data = handler.load(fm)
        except Exception as exc:  # yaml.YAMLError, tomllib.TOMLDecodeError, or whatever a parser raises on junk
            reason = " ".join(str(exc).replace(" in \"<unicode string>\"", "").split())[:160]
            _note(notes, f"front matter between {delimiter} lines is not valid {name} ({reason}); read as text")
            return None
        if not isinstance(data, dict):
            _note(notes, f"the block between {delimiter} lines at the top is no {name} mapping of keys to values; read as text")
            return None
        meta = _meta(data.items())
        if not meta:
            _note(notes, f"front matter between {delimiter} lines names no known metadata key; read as text")
            return None
        return meta, start + len(head) - len(content)
    return None


def _note(notes: list[str] | None, message: str) -> None:
    if notes is not None:
        notes.append(message)


def _meta(items: Any) -> dict[str, Any]:
    """Loader fields from (key, value) pairs of known keys; the first value of a field wins (authors add up)."""
    aliases = _aliases()
    meta: dict[str, Any] = {}
    for key, value in items:
        field = aliases.get(_key(key)) if isinstance(key, str) else None
        value = _value(value, field)
        if field is None or value is None:
            continue
        if field == "publisher" and _only_a_date(value):
            field = "published"  # "발행: 2026년 12월 1일": the key for "issue" names the day it was issued
        if field == "authors":
            meta.setdefault("authors", []).extend(value)
        elif field not in meta:
            meta[field] = value
    return meta


def _only_a_date(value: Any) -> bool:
    """Whether a header value is a date and nothing else ("2026년 12월 1일", "December 1, 2026")."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return any(m.start == 0 and m.end >= len(text) for m in find_dates(text))


def _value(value: Any, field: str | None) -> Any:
    """A front matter or header value as the loader reads it; None when the field cannot use it."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if field == "authors":
        if isinstance(value, str):
            return _split_authors(value) or None
        if isinstance(value, list | tuple):
            names = [" ".join(_BY.sub("", v).split()) for v in value if isinstance(v, str)]  # one name each
            names = [n for n in names if n]
            return names or None
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value if field == "published" else str(value)  # a published number is a compact date or epoch
    return None


def _split_authors(value: str) -> list[str]:
    value = _BY.sub("", value.strip())
    parts = _AUTHOR_SEMICOLONS.split(value) if _AUTHOR_SEMICOLONS.search(value) else _AUTHOR_SEPARATORS.split(value)
    return [p for p in (" ".join(part.split()) for part in parts) if p]


# --- plain "Key: value" block -----------------------------------------------------------------------------------


def _plain_block(text: str, start: int, notes: list[str] | None = None) -> tuple[dict[str, Any], int] | None:
    """(meta, body offset) of a block of ``Key: value`` lines at ``start`` ending at a blank line; None otherwise.
    Each line of an unknown key in a block read as a header appends a note naming the key."""
    aliases = _aliases()
    pairs: list[tuple[str, str]] = []
    unknown: list[tuple[str, str]] = []  # (key as written, value) of lines whose key is not in the data file
    pos = start
    while True:
        end = text.find("\n", pos)
        if end < 0:
            return None  # no blank line: no body after the block
        line = text[pos:end].rstrip("\r")
        if not line.strip():
            break
        match = _KEY_LINE.fullmatch(line)
        if match is None or len(pairs) + len(unknown) >= HEADER_LINES:
            return None
        field = aliases.get(_key(match.group(1)))
        if field is not None:
            pairs.append((field, match.group(2)))
        elif _unread_line(match.group(1), match.group(2)):
            unknown.append((match.group(1).strip(), match.group(2)))
        else:
            return None
        pos = end + 1
    if not pairs or not text[pos:].strip() or not _enough(pairs):
        return None
    if unknown and (len(unknown) > len(pairs) or len({f for f, v in pairs if v}) < 2):
        return None  # a block of mostly unknown keys, or one known line among them, may be the story's opening
    for key, value in unknown:
        shown = value if len(value) <= 60 else value[:57] + "..."
        _note(notes, f'header key "{key}" is not a known metadata key (rag/text/data/file_headers.toml): '
                     f'its line "{key}: {shown}" is left out of the text and not read')
    return _meta(pairs), pos


def _unread_line(key: str, value: str) -> bool:
    """Whether a ``key: value`` line of an unknown key can be a header's line: a key of at most three words and a
    value that does not end a sentence ("Section: Trade policy", not "The ministry said: the rules start in May.")."""
    return len(key.split()) <= 3 and not _SENTENCE_END.search(value)


def _enough(pairs: list[tuple[str, str]]) -> bool:
    """Whether the lines read as a header: two fields or more, or one no story line could be."""
    fields = {field for field, value in pairs if value}
    if len(fields) >= 2:
        return True
    if len(fields) != 1:
        return False
    field, value = next((f, v) for f, v in pairs if v)
    words = value.split()
    if field == "title":
        return len(words) <= 30
    if field == "publisher":
        return len(words) <= 6 and not _SENTENCE_END.search(value)
    if field == "url":
        return bool(_URL.fullmatch(value))
    return False
