"""Map one JSONL record from a news exporter onto the loaders' fields, with a note for each field it cannot use.

The accepted names are data (``rag/text/data/jsonl_fields.toml``); see README "Input formats".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rag.date_bounds import date_problem
from rag.errors import DocumentError
from rag.text.dates import parse_date
from rag.text.lexicon import table

_FIELDS = ("title", "published", "publisher", "url", "language", "authors", "kind")


@dataclass
class MappedRecord:
    """The text, the metadata layer (loader field -> raw value) and notes for the ingest summary."""

    text: str
    meta: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    #: the text field's value as the record writes it (``text`` may have lost an exporter's truncation marker)
    written: str | None = None


@cache
def _cut_marker() -> re.Pattern[str]:
    """The truncation mark an exporter leaves at the end of a text field (``jsonl_fields.toml`` ``cut_markers``)."""
    return re.compile("(?:" + "|".join(table("jsonl_fields")["cut_markers"]) + r")\s*$")


def _present(record: dict[str, Any], names: list[str]) -> list[tuple[str, Any]]:
    """(name, value) of the alias names present with a non-empty value, in alias order (exact, then any case)."""
    lowered = {k.lower(): k for k in record if isinstance(k, str)}
    found: list[tuple[str, Any]] = []
    for name in names:
        key = name if name in record else lowered.get(name.lower())
        if key is None or any(key == k for k, _ in found):
            continue
        value = record[key]
        if value is None or (isinstance(value, str) and not value.strip()) or value == []:
            continue
        found.append((key, value))
    return found


def _summary_text(record: dict[str, Any], aliases: dict[str, Any]) -> tuple[str, str, str] | None:
    """(key, text, note) of the first summary field with a string value, the text of a record that has no text
    field; None when there is none."""
    summaries = [(k, v) for k, v in _present(record, aliases["summary"]) if isinstance(v, str)]
    if not summaries:
        return None
    key, text = summaries[0]
    return key, text, f"no text field; the {key!r} summary is used as the text"


def _readable(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and bool(parse_date(value))


def _first_date(present: list[tuple[str, Any]]) -> tuple[int | None, list[str]]:
    """(index of the first (name, value) of ``present`` that reads as a date, or None; a note for each unreadable
    one before it): the one rule for which date field is the publication date, read by JSONL ingest
    (``map_record``) and the API's exporter names (``loader_names``). An unreadable field is reported, not dropped
    silently."""
    notes = []
    for i, (key, value) in enumerate(present):
        if _readable(value):
            return i, notes
        notes.append(f"date field {key!r}: {date_problem(value)}")
    return None, notes


def _named(value: Any) -> Any:
    """An exporter's object for a publisher or an author ({"name": "Example Wire", "url": …}, schema.org's
    {"@type": "Organization", "name": …}) read as its name; a list of them as a list of names; anything else as is."""
    if isinstance(value, dict):
        name = value.get("name") or value.get("title")
        return name if isinstance(name, str) else value
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return [_named(v) for v in value]
    return value


def map_record(record: dict[str, Any]) -> MappedRecord:
    """Text and metadata of one exporter record; raises ``DocumentError`` when no text or summary field is usable."""
    aliases = table("jsonl_fields")
    notes: list[str] = []
    texts = [(k, v) for k, v in _present(record, aliases["text"]) if isinstance(v, str)]
    if texts:
        text_key, text = texts[0]
    else:
        found = _summary_text(record, aliases)
        if found is None:
            names = ", ".join(repr(n) for n in aliases["text"])
            raise DocumentError(f"no text field (looked for {names}; or a summary: {', '.join(aliases['summary'])})")
        text_key, text, note = found
        notes.append(note)
    meta: dict[str, Any] = {}
    used = {text_key}
    published_key = None
    for name in _FIELDS:
        candidates = _present(record, aliases[name])
        if name == "published":
            used.update(key for key, _ in candidates)
            at, problems = _first_date(candidates)
            notes.extend(problems)
            if at is not None:
                published_key, meta[name] = candidates[at]
        elif candidates:
            key, meta[name] = candidates[0]
            meta[name] = _named(meta[name])
            used.add(key)
    source = f"{published_key!r}" if published_key else "no field"
    for key, value in record.items():
        if isinstance(key, str) and key not in used and value not in (None, "", []) and _looks_like_date_field(key):
            notes.append(f"date-like field {key!r} is not used (the publication date comes from {source})")
    written = text
    cut = _cut_marker().search(text)
    if cut:  # NewsAPI's "… [+3412 chars]": the exporter kept only the start of the article
        text = text[: cut.start()].rstrip()
        notes.append(f"the {text_key!r} field is cut short by its exporter ({cut.group(0).strip()!r}): only its "
                     "first part is indexed")
        if not text:
            raise DocumentError(f"the {text_key!r} field holds only its exporter's truncation marker")
    return MappedRecord(text, meta, notes, written)


def loader_names(record: dict[str, Any], fields: tuple[str, ...]) -> tuple[dict[str, Any], list[str]]:
    """The record with each exporter name of ``fields`` renamed to its loader field, and a note per name not used.

    The aliases and precedence of ``map_record`` (``jsonl_fields.toml``; the first name present with a value wins,
    exact before any case; for the publication date the first that reads as a date, ``_first_date``, as ingest
    takes it): {"headline": h, "body": b} -> {"title": h, "text": b}. Without a text field the first
    summary field is the text (noted, as ingest notes it); a summary beside a text is dropped, as ingest ignores
    it. A field sent under its own name with no value stays, for the caller's check; keys that are no alias of
    ``fields`` are kept as they are, for the caller to refuse.
    """
    aliases = table("jsonl_fields")
    groups = {name: aliases.get(name, [name]) for name in fields}
    if "text" in fields:
        groups["summary"] = aliases["summary"]
    known = {alias.lower() for names in groups.values() for alias in names}
    out = {k: v for k, v in record.items() if not (isinstance(k, str) and k.lower() in known)}
    notes: list[str] = []
    for name, names in groups.items():
        if name == "summary":
            found = _summary_text(record, aliases) if "text" not in out else None
            if found is not None:
                out["text"] = found[1]
                notes.append(found[2])
            continue
        present = _present(record, names)
        if present:
            # the publication date is the first field that reads as a date, as ingest takes it; when none does, the
            # first is kept for the caller to refuse
            at, problems = _first_date(present) if name == "published" else (0, [])
            chosen = present[at or 0]
            out[name] = chosen[1]
            if at:  # unreadable date fields before the one used: said why, as ingest says it
                notes.extend(problems)
            notes.extend(f"field {key!r} is not used ({chosen[0]!r} gives the {name})"
                         for key, _ in present[(at or 0) + 1:])
        elif name in record:
            out[name] = record[name]
    return out, notes


def _looks_like_date_field(name: str) -> bool:
    return any(word in name.lower() for word in table("jsonl_fields")["date_words"])
