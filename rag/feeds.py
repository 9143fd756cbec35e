"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``): one document per item, read with ``feedparser``.

Analysts follow ministries, agencies and outlets through their feeds; a saved feed holds each story's headline, link,
date, author and its text or summary (often HTML, escaped or in CDATA). ``feedparser`` reads every RSS version and
Atom, their date formats and encodings, and sanitizes the HTML (scripts and styles go); each item becomes an article
as an exporter record does (``rag.loaders.markup_text`` turns its markup into text). The feed's own title is the
publisher of items that name no source of their own. Each item is cited as ``feed.xml#L<n>``, the line its
``<item>`` / ``<entry>`` starts on, and its quotes are found in that element of the file (``rag.text.align``).

An XML file that is no feed (a sitemap, an office document's XML) fails with that reason; so does a feed without items.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from rag.decoding import decode_bytes
from rag.errors import DocumentError, LimitError, NoArticleError
from rag.limits import check_text_size
from rag.text.align import Origin

if TYPE_CHECKING:
    from rag.config import LimitsSettings
    from rag.loaders import LoadFailure, LoadWarning
    from rag.types import SourceDocument

__all__ = ["FEED_SUFFIXES", "load_feed"]

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

#: where each item starts and ends in the file (RSS ``<item>``, Atom ``<entry>``, any namespace prefix)
_ITEM = re.compile(r"<(?:[\w.-]+:)?(item|entry)\b[^>]*>.*?</(?:[\w.-]+:)?\1\s*>", re.IGNORECASE | re.DOTALL)


def load_feed(data: bytes, source: str, warnings: list[LoadWarning] | None, limits: LimitsSettings
              ) -> Iterator[SourceDocument | LoadFailure]:
    """The items of the feed in ``data`` (the bytes of file ``source``), each a ``SourceDocument`` or, when it holds
    no usable text, a ``LoadFailure``; one ``LoadFailure`` for the file when it is no RSS or Atom feed."""
    import feedparser

    # the loaders module reads every other format and imports this one: its helpers are looked up when a feed is read
    from rag.loaders import LoadFailure, build_document, markup_text, record_failure, too_many_documents

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield LoadFailure(source, f"not an RSS or Atom feed{reason}")
        return
    if not parsed.entries:
        yield LoadFailure(source, "the feed holds no items")
        return
    text = decode_bytes(data)
    spans = [m.span() for m in _ITEM.finditer(text)]
    if len(spans) != len(parsed.entries):
        spans = []  # the items could not be placed one by one: each is searched for in the whole file
    publisher = _clean(parsed.feed.get("title"))

    for number, entry in enumerate(parsed.entries, start=1):
        start, end = spans[number - 1] if spans else (0, len(text))
        where = f"{source}#L{text.count(chr(10), 0, start) + 1}" if spans else f"{source}#L{number}"
        if number > limits.max_documents_per_request:
            yield too_many_documents(where, limits, "item")
            return
        try:
            body = _body(entry)
            if not body.strip():
                raise DocumentError(f"item {number} has no text (no content, summary or description)")
            check_text_size(body, limits)
            meta = {
                "title": _clean(markup_text(entry.get("title") or "")),  # an Atom title may be HTML
                "url": entry.get("link"),
                "published": entry.get("published") or entry.get("updated") or entry.get("created"),
                "publisher": _clean((entry.get("source") or {}).get("title")) or publisher,
                "authors": [a["name"] for a in entry.get("authors", []) if a.get("name")] or None,
            }
            yield build_document(markup_text(body), where, meta, origin=Origin(text, "html", region=(start, end)),
                                 warnings=warnings)
        except (LimitError, NoArticleError, DocumentError) as exc:
            yield record_failure(where, exc)


def _body(entry: Any) -> str:
    """An item's text: its full content when the feed gives it (Atom ``<content>``, RSS ``content:encoded``), else
    its summary or description; the longest when there are several."""
    contents = [c.get("value", "") for c in entry.get("content", []) or []]
    return max([*contents, entry.get("summary", "") or ""], key=len)


def _clean(value: str | None) -> str | None:
    """A feed's title text, one line, or None when empty."""
    text = " ".join((value or "").split())
    return text or None
