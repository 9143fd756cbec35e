"""Comparison keys for metadata values that users type: publisher names match whatever their case and spacing.

``publisher_key`` is the one normaliser: the stores keep it beside every chunk and the filters compare it.
``publisher_forms`` lists, in that same normalised form, the other ways a user writes a stored publisher name, for the
catalog's lookup of a typed name (``Catalog.require_publishers``): "taipei times" for "Taipei Times (page with
related-story snippets appended)", "Discuss Japan" for "Discuss Japan (No.57), translated from Chuokoron", "CNN" for
"cnn.com", "The Week" for "theweek.co.uk", "World Wide Watchers" for "WorldWideWatchers".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text.normalize import compat_form, match_form

__all__ = ["author_forms", "dictionary_word", "publisher_forms", "publisher_key", "publisher_lead", "site_name"]

# An editorial note inside a name: a parenthetical or bracketed part (full-width brackets are ASCII after compat_form),
# or a clause after a comma, semicolon, colon, bar, middle dot or a spaced dash ("Nikkei Asia - Business").
_NOTE = re.compile(r"\s*[(\[{][^)\]}]*[)\]}]")
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:|·]|\s[-–—]\s|[–—])\s*")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # WorldWide, USAToday
_APOSTROPHE = re.compile(r"['’`]")
_ACRONYM_DOT = re.compile(r"(?<=\b\w)\.(?=\w\b|\s|$)")  # "U.S. News" → "US News"
_NON_WORD = re.compile(r"[\W_]+")
_HOST = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
_ARTICLE = "the "  # "The Japan Times" is also written "Japan Times"
_MIN_FORM_CHARS = 2  # "AP" is a form; a single letter left by cutting a name is not
_MIN_LEAD_CHARS = 4  # a lead word shorter than this ("New", "Asia") is too likely another word


def publisher_key(name: str | None) -> str:
    """``"  ＷＩＲＥ   a "`` → ``"wire a"``: the matching form (``match_form``), spaces collapsed; "" for None."""
    if not name:
        return ""
    return " ".join(match_form(name).split())


def site_name(key: str) -> str | None:
    """The site's own name in a web host written as a publisher ("cnn.com", "e.newsletters.cnn.com" → "cnn";
    "theweek.co.uk" → "theweek"), by the Public Suffix List the ``tld`` package ships; None for a name that is not a
    host. ``key``: a ``publisher_key``."""
    host = key.removeprefix("https://").removeprefix("http://").split("/", 1)[0]
    if not _HOST.fullmatch(host):
        return None
    from tld import get_tld  # its suffix list loads on first use

    found = get_tld("http://" + host, as_object=True, fail_silently=True)
    return found.domain if found is not None and found.domain else None


def _words(text: str) -> str:
    text = _ACRONYM_DOT.sub("", _APOSTROPHE.sub("", text))
    return " ".join(_NON_WORD.sub(" ", match_form(text)).split())


def publisher_forms(name: str | None, *, notes: bool = True) -> frozenset[str]:
    """The forms a publisher name is written in, each as words in ``match_form`` without punctuation and also without
    spaces: the whole name; its first clause (before a comma, colon, bar or dash); that clause without a parenthetical
    or bracketed note; each without a leading "the"; a CamelCase name's words; and a web host's site name (``site_name``).

    Two names that share a form name the same publisher as a user types it; an empty set for an empty name.
    ``notes=False`` keeps the whole name only (no clause or note cut off): the forms of a name a user typed, where
    "taipei times, reuters" must not be read as "taipei times".
    """
    key = publisher_key(name)
    if not key:
        return frozenset()
    text = compat_form(name or "")
    first_clause = _CLAUSE_BREAK.split(text, maxsplit=1)[0]  # "Discuss Japan (No.57)"
    head = _CLAUSE_BREAK.split(_NOTE.sub(" ", text), maxsplit=1)[0]  # "Discuss Japan"
    forms: set[str] = set()
    variants = {text, first_clause, head} if notes else {text}
    for variant in variants | {_CAMEL_BOUNDARY.sub(" ", v) for v in variants}:
        words = _words(variant)
        for form in (words, words.removeprefix(_ARTICLE)):
            forms |= {form, form.replace(" ", "")}
    site = site_name(key)
    if site:
        forms.add(site)
    return frozenset(f for f in forms if len(f) >= _MIN_FORM_CHARS)


@lru_cache(maxsize=50_000)
def dictionary_word(word: str) -> bool:
    """Whether ``word`` (any case) is in lemminflect's tables: "discuss", "times", "week", "Trump"; not "Intelrift",
    "Nikkei" or "Kumamoto". The one test of "a word of the language, not a name" that the source and name readers
    share (``publisher_lead``, ``author_forms``, ``rag.text.asked_source``, ``rag.writers.unmentioned``)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))


def _distinctive(word: str) -> bool:
    """Whether a word (``publisher_key`` form) names little else: at least ``_MIN_LEAD_CHARS`` letters, neither a
    dictionary word nor a place."""
    from rag.text.places import place_words

    return len(word) >= _MIN_LEAD_CHARS and word.isalpha() and not dictionary_word(word) and word not in place_words()


def author_forms(name: str | None) -> frozenset[str]:
    """The forms a question names an author by, in ``publisher_key`` form: the whole name ("hosokawa masahiko") and
    each distinctive word of it (``_distinctive``: "hosokawa", "masahiko"; not "john", "lee" or "smith")."""
    words = _words(name or "").split()
    return frozenset(([" ".join(words)] if words else []) + [w for w in words if _distinctive(w)])


def publisher_lead(name: str | None) -> str | None:
    """The word a longer publisher name is called by in passing: its first word (after "the") when that word is
    distinctive, neither a dictionary word (lemminflect's tables) nor a place ("Intelrift" for "Intelrift Intelligence
    Desk", "Nikkei" for "Nikkei Asia"; none for "Taipei Times", "Discuss Japan" or "The Japan Times"), in
    ``publisher_key`` form; None for a one-word name (its forms already hold it) or no such word."""
    head = _CLAUSE_BREAK.split(_NOTE.sub(" ", compat_form(name or "")), maxsplit=1)[0]
    words = _words(head).removeprefix(_ARTICLE).split()
    if len(words) < 2:
        return None
    return words[0] if _distinctive(words[0]) else None
