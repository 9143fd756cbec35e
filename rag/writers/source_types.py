"""What kind of source a document is (news report, analysis/opinion, official statement, generated brief) and how
a brief names it when it attributes a claim ("WorldWideWatchers", "Hosokawa Masahiko (2020 essay)").

The type comes from the document's ``kind`` metadata (the corpus manifest or the loader) when it says, else from
cues in the document's opening text; a document with no cue is a news report. Cues live in
``rag/text/data/source_types.toml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Mapping

from rag.text.lexicon import table, word_set

__all__ = ["DOCUMENT_TYPE_KEY", "SOURCE_TYPES", "REPORTING", "byline", "UNNAMED", "clean_publisher", "collective_byline", "credited_outlets", "is_unnamed", "origins", "source_type", "type_from_kind", "type_from_text", "type_from_meta", "type_label", "source_name", "source_noun"]

SOURCE_TYPES = ("news", "analysis", "official", "generated")
#: The chunk metadata key under which the engine stamps a document's type read from its whole text (one of
#: ``SOURCE_TYPES``), so that every passage of the document has the type its opening gives.
DOCUMENT_TYPE_KEY = "document_source_type"
#: Types whose claims may be presented as reporting; the others are always attributed.
REPORTING = frozenset({"news", "official"})
_KIND_ORDER = ("generated", "analysis", "news", "official")


@cache
def _data() -> dict[str, Any]:
    return table("source_types")


@cache
def _text_cues() -> list[tuple[str, int, list[re.Pattern[str]]]]:
    cues = _data()["text_cues"]
    # a group of cues types a text as its own name or as its ``type`` ("analysis_voice" types analysis)
    return [
        (cues[name].get("type", name), int(cues[name]["min_hits"]), [re.compile(p, re.I) for p in cues[name]["patterns"]])
        for name in ("generated", "analysis", "analysis_voice", "official", "official_notice")
    ]


def type_from_kind(kind: str | None) -> str | None:
    """The source type a ``kind`` metadata value names ("policy essay" → "analysis"), or None if it names none."""
    low = (kind or "").lower()
    if not low:
        return None
    for name in _KIND_ORDER:
        if any(cue in low for cue in _data()["kind_cues"][name]):
            return name
    return None


# quoted speech: a pair of double quotes (curly or straight) within one paragraph
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def type_from_text(text: str) -> str:
    """The source type cues in the text's opening suggest; "news" when none does. Words in double quotes are
    someone else's, not the document's voice: a report quoting an analyst's "In our view, … we assess …" stays
    news."""
    head = _QUOTED.sub(" ", text[: int(_data()["text_cues"]["window"])])
    for name, min_hits, patterns in _text_cues():
        if sum(1 for p in patterns if p.search(head)) >= min_hits:
            return name
    return "news"


def byline(meta: Mapping[str, Any]) -> tuple[str | None, str]:
    """(the noun of a piece label the byline opens with, the first author without it): "Analysis Stephen Collinson"
    → ("analysis", "Stephen Collinson"); "Opinion by Nicole Hemmer" → ("opinion piece", "Nicole Hemmer"); a plain
    name → (None, name); no author → (None, "")."""
    authors = meta.get("authors") or ""
    first = (authors.split(";")[0] if isinstance(authors, str) else (authors[0] if authors else "")).strip()
    m = re.match(r"(\w+)\s+(?:by\s+)?(\S.*)$", first, re.I)
    if m and m.group(2)[:1].isupper():
        noun = _data()["byline_labels"].get(m.group(1).lower())
        if noun:
            return noun, m.group(2).strip()
    return None, first


def type_from_meta(meta: Mapping[str, Any]) -> str | None:
    """The type a title, URL or byline label announces ("Opinion: ...", ".../opinions/...", "Analysis Stephen
    Collinson"), or a publisher or author that is a government body ("Ministry of Trade, Industry and Energy": an
    official statement, ``source_types.toml`` [publisher_cues], matched on the whole name), or None."""
    label, author = byline(meta)
    if label:
        return "analysis"
    for name, patterns in _data()["publisher_cues"].items():
        for who in (clean_publisher(meta.get("publisher") or ""), author):
            if who and any(re.search(p, who.strip(), re.I) for p in patterns):
                return name
    for name, patterns in _data()["meta_cues"].items():
        for field in ("title", "url"):
            if any(re.search(p, meta.get(field) or "", re.I) for p in patterns):
                return name
    return None


def source_type(meta: Mapping[str, Any], text: str = "") -> str:
    """One of SOURCE_TYPES for a document: from ``meta["kind"]`` when it says, else its title or URL, else ``text``."""
    return type_from_kind(meta.get("kind")) or type_from_meta(meta) or type_from_text(text or "")


def type_label(kind: str) -> str:
    """How the Sources section names a type: "news" → "news report"."""
    return _data()["labels"].get(kind, kind)


def source_noun(kind: str, meta: Mapping[str, Any]) -> str:
    """The noun for an attribution: the document's own kind when it names one ("essay"), its byline's or its title's
    label ("Analysis Stephen Collinson", "Editorial: …"), else the type's noun."""
    low = (meta.get("kind") or "").lower()
    nouns = _data()["kind_nouns"].get(kind, [])
    own = next((n for n in nouns if n in low), None)
    label = byline(meta)[0] if kind == "analysis" else None
    # ... or its title's label ("Editorial: Seoul must tighten its cloud rules")
    title = (meta.get("title") or "").strip().lower()
    titled = next((_data()["byline_labels"].get(n, n) for n in nouns
                   if re.match(rf"{re.escape(n)}\s*[:|–—-]\s", title)), None)
    return own or label or titled or _data()["nouns"].get(kind, "source")


def clean_publisher(name: str) -> str:
    """"Taipei Times (page with related-story snippets appended)" → "Taipei Times"; "X, translated from Y" → "X"."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return name.split(",")[0].strip()


def origins(meta: Mapping[str, Any], text: str = "") -> list[str]:
    """The outlets a document names as the origin of what it relays, in order: from its kind metadata ("news
    roundup citing Kyodo News, Taiwan International Radio, Financial Times") or, failing that, its opening text ("The
    update comes from Kyodo News", "..., Kyodo News reported"); patterns in ``source_types.toml`` [origins]. Empty
    when it names none."""
    data = _data()["origins"]
    found: list[str] = []
    for p in data["kind"]:
        for m in re.finditer(p, meta.get("kind") or "", re.I):
            found += [n.strip() for n in re.split(r",|\band\b", m.group("names")) if n.strip()]
    if not found:
        head = text[: int(data["window"])]
        for p in data["text"]:
            found += [m.group("name").strip() for m in re.finditer(p, head)]
        # "The ministry said ...": a capitalised sentence starter or a determiner is no outlet's name
        found = [n for n in found if n.split()[0].lower() not in _STARTERS]
    return list(dict.fromkeys(found))


def credited_outlets(text: str) -> list[str]:
    """The outlets ``text`` credits as the origin of a report, in order ("reported on 2026-06-30 by Nikkei Asia",
    "a separate report from Taipei Times", "..., Yonhap reported": ``source_types.toml`` [credits]); a capitalised
    sentence starter, determiner or pronoun ("The ministry reported") is no outlet."""
    found = [m.group("name").strip() for p in _data()["credits"]["text"] for m in re.finditer(p, text)]
    return list(dict.fromkeys(n for n in found if n.split()[0].lower() not in _STARTERS))


_STARTERS = word_set("common_starters") | word_set("determiners") | word_set("pronouns")


#: how ``source_name`` begins the name of a document with neither publisher nor title ("an unnamed report")
UNNAMED = "an unnamed"


def is_unnamed(name: str | None) -> bool:
    """Whether a source's name (``source_name``; None or "" when it has none) names no one."""
    return not name or name.startswith(UNNAMED)


@cache
def _collective_bylines() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?:{p})", re.I) for p in _data()["collective_bylines"]["patterns"])


def collective_byline(author: str) -> bool:
    """Whether a byline names the publication's own desk, not a person ("Editorial Board", "The Editors", "Reuters
    Staff": ``source_types.toml`` ``collective_bylines``, matched whole)."""
    return bool(author) and any(p.fullmatch(author.strip()) for p in _collective_bylines())


def source_name(meta: Mapping[str, Any], kind: str, text: str = "") -> str:
    """Who a claim is attributed to: an analysis by its author, else the publisher, else the title; with the
    noun and year unless it is a reporting outlet ("Hosokawa Masahiko (2020 essay)", "WorldWideWatchers
    (AI-generated brief, 2026)", "Taipei Times"). A document with neither publisher nor title is unnamed, and named
    by the outlets it relays when it names them (``origins``, from ``text``, its opening): "an unnamed roundup
    citing Kyodo News"."""
    author = byline(meta)[1]
    publisher = clean_publisher(meta.get("publisher") or "")
    if publisher and collective_byline(author):  # "Editorial Board": the publication's own voice
        author = ""
    title = (meta.get("title") or "").strip()
    year = (meta.get("published") or "")[:4]
    noun = source_noun(kind, meta)
    if kind == "analysis" and author:
        return f"{author} ({year + ' ' if year else ''}{noun})"
    if kind in REPORTING and publisher:
        return publisher  # "Taipei Times reports: ..." needs no noun
    who = publisher or (f"“{title}”" if title else f"{UNNAMED} {noun}")
    if is_unnamed(who):
        relayed = origins(meta, text)
        if relayed:
            low = (meta.get("kind") or "").lower()
            noun = "roundup" if any(n in low for n in _data()["origins"]["roundup_nouns"]) else noun
            named = relayed[0] if len(relayed) == 1 else ", ".join(relayed[:-1]) + " and " + relayed[-1]
            who = f"{UNNAMED} {noun} citing {named}"
        return who + (f" ({year})" if year else "")
    return f"{who} ({noun}{', ' + year if year else ''})"
