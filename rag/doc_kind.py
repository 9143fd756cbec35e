"""Which documents are digests: articles gathering many unrelated stories (the day's "5 things to know", a
morning briefing, a newsletter issue, a markets column, a weekly quiz), told by headline and URL patterns in
``rag/text/data/digest_headlines.toml``. Search scores their passages down (``retrieval.digest_factor``) so the
single-topic report of a story comes first when both match a question about it."""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = table("digest_headlines")
    return (tuple(re.compile(p, re.I) for p in data["title"]), tuple(re.compile(p, re.I) for p in data["url"]))


@cache
def is_digest(title: str | None, url: str | None) -> bool:
    """Whether a document with this headline and URL (either may be empty) is a digest of several stories."""
    titles, urls = _patterns()
    return any(p.search(title or "") for p in titles) or any(p.search(url or "") for p in urls)
