"""A PDF's own metadata as a document's metadata layer: its document information dictionary and XMP packet, read by
pypdf (``PdfReader.metadata``, ``PdfReader.xmp_metadata``).

What each key gives (PDF 32000-1:2008 §14.3.3, the information dictionary; XMP's Dublin Core ``dc:`` properties):

- ``/Title`` (else ``dc:title``): the title, unless it is a word processor's placeholder ("Untitled",
  "Microsoft Word - draft.docx");
- ``/Author`` (else ``dc:creator``): the authors, split on ";" as every loader's authors are;
- the publisher: ``dc:publisher``, else a ``/Publisher`` or ``/Company`` key (Office writes the latter), else the
  author when it names an organisation (its last word an organisation's head noun of ``org_words.txt``:
  "Han River Institute", "Ministry of Trade, Industry and Energy"), the body a review or a white paper is published by;
- ``/CreationDate`` (else ``xmp:CreateDate``): the publication date, as an ISO day;
- ``/Producer`` and ``/Creator`` name the software that wrote the file ("Microsoft® Word for Microsoft 365",
  "LaTeX with hyperref"): never a publisher; kept as ``producer`` for the record only.

A broken dictionary or packet gives what could be read; it never fails the document.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Any

from rag.text.lexicon import word_set

__all__ = ["pdf_metadata"]

logger = logging.getLogger(__name__)

_JUNK_TITLES = re.compile(r"^(untitled|document\d*|microsoft (word|powerpoint) - .*|.*\.(docx?|pdf|tex|indd))$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


def _text(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    elif isinstance(value, dict):  # XMP's language alternatives: {"x-default": "..."}
        value = value.get("x-default") or next(iter(value.values()), None)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _day(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def is_organisation(name: str) -> bool:
    """Whether a name ends in an organisation's head noun ("Han River Institute", "Korea Customs Service"), or is
    "Ministry of …"/"Institute for …" (a head noun before "of"/"for"); a person's name ("Kim Min-jun") is not."""
    words = _WORD.findall(name)
    if len(words) < 2:
        return False
    heads = word_set("org_words")
    if words[-1].lower() in heads:
        return True
    m = re.match(r"^(?:The\s+)?([A-Z][a-z]+)\s+(?:of|for|on)\s", name)
    return bool(m) and m.group(1).lower() in heads


def _read(getter, what: str) -> Any:
    try:
        return getter()
    except Exception:  # a malformed value (a date pypdf cannot parse) is not worth failing the document for
        logger.debug("unreadable PDF %s", what, exc_info=True)
        return None


def pdf_metadata(reader: Any) -> dict[str, Any]:
    """The metadata layer of an open ``pypdf.PdfReader``: {"title", "authors", "publisher", "published", "producer"},
    each None when the file does not say (see the module docstring for where each comes from)."""
    info = _read(lambda: reader.metadata, "information dictionary")
    xmp = _read(lambda: reader.xmp_metadata, "XMP metadata")
    get = lambda key: _read(lambda: info.get(key) if info else None, key)  # noqa: E731
    xget = lambda attr: _read(lambda: getattr(xmp, attr) if xmp is not None else None, attr)  # noqa: E731
    title = _text(get("/Title")) or _text(xget("dc_title"))
    if title and _JUNK_TITLES.match(title):
        title = None
    author = _text(get("/Author"))
    authors = [a.strip() for a in author.split(";") if a.strip()] if author else [
        a for a in (_text(c) for c in (xget("dc_creator") or ())) if a]
    publisher = (_text(xget("dc_publisher")) or _text(get("/Publisher")) or _text(get("/Company"))
                 or next((a for a in authors if is_organisation(a)), None))
    published = _day(_read(lambda: info.creation_date if info else None, "creation date")) or _day(xget("xmp_create_date"))
    producer = _text(get("/Producer")) or _text(get("/Creator"))
    return {"title": title, "authors": authors or None, "publisher": publisher, "published": published,
            "producer": producer}
