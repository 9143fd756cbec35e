"""Where a passage of the stored text is in the original file: word-anchor alignment, computed once per document.

Stored text is normalized (NFC, spaces collapsed, lines stripped), HTML is what trafilatura extracted, Markdown
its text without its marks (``rag.text.markdown``), PDF what pypdf extracted, JSONL a decoded string field; so
stored offsets are not file offsets. ``SourceMap.build`` walks the words of both (skipping tags and Markdown's marks,
decoding entities and JSON escapes, comparing NFKC case-folded words) and keeps, for every stored word it finds, its
span in the original. ``locate`` then maps any stored span to the original span from its first to its last found
word: a reader who opens the file there sees the quote's words in order.
"""

from __future__ import annotations

from functools import lru_cache

import html
import re
import unicodedata
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rag.text.markdown import markup_edits

# CJK characters are one word each (scripts written without spaces); other words are runs of word characters
# with any combining marks (a decomposed "é" in the original is one word with the stored NFC "é").
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|(?:[^\W_{_CJK}]|[\u0300-\u036f])+|[^\w\s]|_")
# HTML: what a reader does not see (comments, head, scripts, styles, tags) and entities.
_HTML_PARTS = re.compile(
    r"<!--.*?-->|<(head|script|style|noscript|template)\b.*?</\1\s*>|<[^>]*>|&#?[A-Za-z0-9]+;", re.S | re.I
)
_JSON_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_WINDOW = 8  # how far ahead the next stored word is looked for before re-anchoring on a three-word sequence


@dataclass(frozen=True)
class Origin:
    """The decoded original of a document: the file text (``text``/``html``), one JSONL line, or a PDF's pages."""

    text: str
    kind: str = "text"  # "text" | "markdown" | "html" | "jsonl" | "json" (a whole .json file) | "pdf"
    line: int = 1  # jsonl: the line of the file ``text`` is
    page_starts: tuple[int, ...] = ()  # pdf: where each page's extracted text starts in ``text`` (pages joined)
    # jsonl: the [start, end) of the text field's value in the line; text: where the text starts after the file's
    # own header (front matter, "Key: value" lines), so its words are not matched there
    region: tuple[int, int] | None = None


def json_string_region(line: str, value: str) -> tuple[int, int] | None:
    """Where the JSON string literal whose decoded value is ``value`` sits in ``line`` (inside the quotes), so a
    headline or summary that repeats the text's first words is not taken for it; None when no literal matches."""
    import json

    for m in _JSON_STRING.finditer(line):
        try:
            if json.loads(m.group()) == value:
                return m.start() + 1, m.end() - 1
        except ValueError:
            continue
    return None


@dataclass
class SourceMap:
    """Stored-word spans and their original spans (parallel, sorted), plus what turns offsets into lines/pages."""

    kind: str
    stored_start: np.ndarray
    stored_end: np.ndarray
    orig_start: np.ndarray
    orig_end: np.ndarray
    newlines: np.ndarray  # offsets of "\n" in the original (line numbers)
    line: int = 1
    page_starts: tuple[int, ...] = ()
    found: float = field(default=0.0)  # share of stored words located in the original

    @classmethod
    def build(cls, stored: str, origin: Origin) -> "SourceMap":
        """Align ``stored`` (the normalized text) with ``origin``; words not found are left out."""
        view, starts, ends = _visible(origin)
        if origin.region is not None:  # only the text field's value of a JSONL line, a file's text after its header
            a, b = origin.region
            lo, hi = bisect_left(starts, a), bisect_left(starts, b)
            view, starts, ends = view[lo:hi], starts[lo:hi], ends[lo:hi]
        s_words = [(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(stored)]
        o_words = [(starts[m.start()], ends[m.end() - 1], _key(m.group())) for m in _WORD.finditer(view)]
        pairs = _align([w[2] for w in s_words], [w[2] for w in o_words])
        pick = [(s_words[i], o_words[j]) for i, j in enumerate(pairs) if j >= 0]
        arr = lambda xs: np.asarray(xs, dtype=np.int64)  # noqa: E731
        return cls(
            kind=origin.kind,
            stored_start=arr([s[0] for s, _ in pick]), stored_end=arr([s[1] for s, _ in pick]),
            orig_start=arr([o[0] for _, o in pick]), orig_end=arr([o[1] for _, o in pick]),
            newlines=arr([m.start() for m in re.finditer("\n", origin.text)]),
            line=origin.line, page_starts=tuple(origin.page_starts),
            found=len(pick) / len(s_words) if s_words else 1.0,
        )

    def locate(self, start: int, end: int) -> dict[str, Any] | None:
        """The original location of stored ``[start, end)``: ``{"span": [a, b], "line": n, "end_line": m}``; for PDF
        ``{"page": p, "span": offsets in that page's text}``; for JSONL offsets in the file's line ``line``.
        None when no word of the span was found in the original."""
        # searchsorted is bisect on the (ascending) arrays without copying each into a list per hit
        i = int(np.searchsorted(self.stored_start, start, side="left"))
        j = int(np.searchsorted(self.stored_end, end, side="right")) - 1
        if len(self.stored_start) == 0 or i > j:
            return None
        a, b = int(self.orig_start[i]), int(self.orig_end[j])
        if self.kind == "pdf" and self.page_starts:
            page = bisect_right(self.page_starts, a) - 1
            base = self.page_starts[page]
            return {"page": page + 1, "span": [a - base, b - base]}
        if self.kind == "jsonl":
            return {"line": self.line, "end_line": self.line, "span": [a, b]}
        nl = self.newlines
        line, end_line = (int(x) + 1 for x in np.searchsorted(nl, [a, max(a, b - 1)], side="left"))
        return {"line": line, "end_line": end_line, "span": [a, b]}

    def to_bytes(self) -> bytes:
        """Compact form for the catalog: delta-encoded int arrays, zlib-compressed."""
        head = f"{self.kind}|{self.line}|{','.join(map(str, self.page_starts))}|{self.found:.4f}".encode()
        arrays = [self.stored_start, self.stored_end - self.stored_start, self.orig_start, self.orig_end - self.orig_start, self.newlines]
        body = b"".join(np.diff(a, prepend=0).astype(np.int32).tobytes() if k in (0, 2, 4) else a.astype(np.int32).tobytes()
                        for k, a in enumerate(arrays))
        sizes = ",".join(str(len(a)) for a in arrays).encode()
        return zlib.compress(head + b"\n" + sizes + b"\n" + body, 6)

    @classmethod
    def from_bytes(cls, blob: bytes) -> "SourceMap":
        """Inverse of ``to_bytes``; raises ``ValueError`` on a corrupt blob."""
        try:
            head, sizes, body = zlib.decompress(blob).split(b"\n", 2)
            kind, line, pages, found = head.decode().split("|")
            counts = [int(n) for n in sizes.decode().split(",")]
            parts, pos = [], 0
            for k, n in enumerate(counts):
                a = np.frombuffer(body[pos : pos + 4 * n], dtype=np.int32).astype(np.int64)
                parts.append(np.cumsum(a) if k in (0, 2, 4) else a)
                pos += 4 * n
        except (zlib.error, ValueError) as exc:
            raise ValueError(f"corrupt source map: {exc}") from exc
        s0, slen, o0, olen, nls = parts
        return cls(kind, s0, s0 + slen, o0, o0 + olen, nls, int(line), tuple(int(p) for p in pages.split(",") if p), float(found))


def locate(blob: bytes | None, start: int, end: int) -> dict[str, Any] | None:
    """``SourceMap.from_bytes(blob).locate(start, end)``, or None without a (readable) map."""
    if not blob:
        return None
    try:
        return _decoded(bytes(blob)).locate(start, end)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _decoded(blob: bytes) -> SourceMap:
    # Every search hit and citation locates its span: decode each document's map once, not once per hit.
    return SourceMap.from_bytes(blob)


def source_ref(source_path: str, where: dict[str, Any] | None) -> str:
    """How a reader finds a passage: ``corpus/001.txt:12-14``, ``report.pdf p.3``, ``feed.jsonl#L5`` (a JSONL record,
    one line), ``news.json:14`` / ``feed.rss:12`` (the quote's lines in a record of a list or a feed's item), or the
    path."""
    if not where:
        return source_path
    if "page" in where:
        return f"{source_path} p.{where['page']}"
    lines = f"{where['line']}" if where["line"] == where["end_line"] else f"{where['line']}-{where['end_line']}"
    if "#L" in source_path:
        # a JSONL record is its line; an item of a .json list or a feed spans lines: the quote's own lines
        path, _, record = source_path.rpartition("#L")
        return source_path if lines == record else f"{path}:{lines}"
    return f"{source_path}:{lines}"


def source_fields(source_path: str, where: dict[str, Any] | None) -> dict[str, Any]:
    """The flat fields hits and citations carry: source_path, source_span, source_line, source_page, source_ref."""
    where = where or {}
    return {
        "source_path": source_path,
        "source_span": where.get("span"),
        "source_line": where.get("line"),
        "source_page": where.get("page"),
        "source_ref": source_ref(source_path, where) if source_path else "",
    }


#: a Markdown table's cell separator in the original is the "; " between the named cells of the row stored for it
#: (rag/text/tables.py): "| Micron | Hiroshima |" is stored "Company: Micron; Site: Hiroshima", so each cell is
#: confirmed by the separator after it as a prose word is by the word after it
_SAME_MARK = {"|": ";"}


def _key(word: str) -> str:
    if word in _SAME_MARK:
        return _SAME_MARK[word]
    return word.lower() if word.isascii() else unicodedata.normalize("NFKC", word).casefold()


def _visible(origin: Origin) -> tuple[str, list[int], list[int]]:
    """The text a reader sees in the original, with each character's [start, end) in the original."""
    text = origin.text
    if origin.kind == "html":
        parts = ((m.start(), m.end(), html.unescape(m.group()) if m.group().startswith("&") else " ")
                 for m in _HTML_PARTS.finditer(text))
    elif origin.kind in ("jsonl", "json"):
        parts = ((m.start(), m.end(), _json_unescape(m.group())) for m in _JSON_ESCAPE.finditer(text))
    elif origin.kind == "markdown":  # the marks the reader (rag.text.markdown) left out of the stored text
        parts = ((e.start, e.end, e.text) for e in markup_edits(text))
    else:
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end, out in parts:
        chars.append(text[pos:start])
        starts.extend(range(pos, start))
        ends.extend(range(pos + 1, start + 1))
        chars.append(out)
        starts.extend([start] * len(out))
        ends.extend([end] * len(out))
        pos = end
    chars.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(chars), starts, ends


def _json_unescape(seq: str) -> str:
    if seq.startswith("\\u"):
        try:
            import json

            return json.loads(f'"{seq}"')
        except ValueError:
            return seq
    return {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}.get(seq[1], seq[1])


def _next_words(words: list[str]) -> list[str | None]:
    """For each word, the next word after it that is no punctuation mark (None at the end)."""
    out: list[str | None] = [None] * len(words)
    ahead: str | None = None
    for k in range(len(words) - 1, -1, -1):
        out[k] = ahead
        if words[k][:1].isalnum():
            ahead = words[k]
    return out


def _align(stored: list[str], orig: list[str]) -> list[int]:
    """For each stored word, the index of the same word in ``orig`` (-1 if not found); indices increase."""
    trigrams: dict[tuple[str, str, str], list[int]] = {}
    for j in range(len(orig) - 2):
        trigrams.setdefault((orig[j], orig[j + 1], orig[j + 2]), []).append(j)
    s_next, o_next = _next_words(stored), _next_words(orig)
    out: list[int] = []
    p = 0
    n = len(stored)
    for i, w in enumerate(stored):
        if p < len(orig) and orig[p] == w:  # the common case: the next word of the original
            out.append(p)
            p += 1
            continue
        found = -1
        nxt = stored[i + 1] if i + 1 < n else None
        for j in range(p + 1, min(p + _WINDOW, len(orig))):
            # near the last match, confirmed by the following word, or the following word that is no mark (a lone
            # common word far off is not a match; "Fine: 3 million yen" stored for "| Fine | 3 million yen |"), or
            # the text's last word
            if orig[j] == w and (nxt is None or j + 1 >= len(orig) or orig[j + 1] == nxt or j == p
                                 or s_next[i] == o_next[j] or s_next[i] is None):
                found = j
                break
        if found < 0 and i + 2 < n:
            positions = trigrams.get((w, stored[i + 1], stored[i + 2]), [])
            k = bisect_left(positions, p)
            if k < len(positions):
                found = positions[k]
        out.append(found)
        if found >= 0:
            p = found + 1
    return out
