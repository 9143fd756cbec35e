"""Which documents are digests: articles gathering many unrelated stories (the day's "5 things to know", a
morning briefing, a newsletter issue, a markets column, a weekly quiz), told by headline and URL patterns in
``rag/text/data/digest_headlines.toml``; and which are live blogs: one subject's running coverage of a day, every
development in short entries ("Hurricane Ian live updates: …", "… : Recap"), told by the patterns in
``rag/text/data/live_blog_headlines.toml``. Search scores both down (``retrieval.digest_factor``,
``retrieval.live_blog_factor``) so the report of the asked development comes first when both match a question."""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table


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


@cache
def is_live_blog(title: str | None, url: str | None) -> bool:
    """Whether a document with this headline and URL (either may be empty) is a live blog: running coverage of one
    subject, open ("… live updates") or closed ("…: Recap"); a digest is not one (it gathers many subjects)."""
    return _matches("live_blog_headlines", title, url) and not is_digest(title, url)
