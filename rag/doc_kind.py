"""Which documents are digests: articles gathering many unrelated stories (the day's "5 things to know", a
morning briefing, a newsletter issue, a markets column, a weekly quiz), told by headline and URL patterns in
``rag/text/data/digest_headlines.toml``; and which are live blogs: one subject's running coverage of a day, every
development in short entries ("Hurricane Ian live updates: …", "… : Recap"), told by the patterns in
``rag/text/data/live_blog_headlines.toml``, or by a passage of its entries ("09:10 KST — Talks have begun …", stamps read by
``rag.text.entry_stamps``): the one reader of both. Search scores both down (``retrieval.digest_factor``,
``retrieval.live_blog_factor``) so the report of the asked development comes first when both match a question."""

from __future__ import annotations

import re
from functools import cache

from rag.text.entry_stamps import entry_stamp_end
from rag.text.lexicon import table

__all__ = ["LIVE_BLOG_ENTRIES", "is_digest", "is_live_blog"]

#: how many of a text's lines must open with an entry stamp for it to be a live blog's entries (one stamped line is
#: a time in a report: "14:20 - Officials said …" quoted once)
LIVE_BLOG_ENTRIES = 2


@cache
def _patterns(name: str) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = table(name)
    return (tuple(re.compile(p, re.I) for p in data["title"]), tuple(re.compile(p, re.I) for p in data["url"]))


def _matches(name: str, title: str | None, url: str | None) -> bool:
    titles, urls = _patterns(name)
    return any(p.search(title or "") for p in titles) or any(p.search(url or "") for p in urls)


@cache
def is_digest(title: str | None, url: str | None) -> bool:
    """Whether a document with this headline and URL (either may be empty) is a digest of several stories."""
    return _matches("digest_headlines", title, url)


def is_live_blog(title: str | None = None, url: str | None = None, text: str = "") -> bool:
    """Whether a document is a live blog, running coverage of one subject: by its headline and URL (either may be
    empty), open ("… live updates") or closed ("…: Recap"), a digest not (it gathers many subjects); or by ``text``,
    a passage of it (lines kept) holding its entries: at least ``LIVE_BLOG_ENTRIES`` of its lines open with an entry
    stamp (``entry_stamps.entry_stamp_end``: "09:10 KST — Talks have begun …", "17:05 KST — The talks ended …"),
    each entry the blog's news of its own day."""
    if _headed_live_blog(title, url):
        return True
    return bool(text) and sum(1 for line in text.splitlines() if entry_stamp_end(line.strip())) >= LIVE_BLOG_ENTRIES


@cache
def _headed_live_blog(title: str | None, url: str | None) -> bool:
    return _matches("live_blog_headlines", title, url) and not is_digest(title, url)
