"""Pages that hold no article: what an extractor returns when a news page's story did not load.

A saved or scraped news page sometimes holds only what stood in front of the story: a consent or registration
notice, a paywall's sign-in prompt, a video player's ad-feedback form, a bot check, an error page. Indexed, such a
page is a "document" under the story's headline and date that says nothing of the story; the same notice saved from
many pages is one document under many headlines. ``wall_kind`` tells such a page by its paragraphs: each paragraph a
pattern of ``data/page_walls.toml`` matches is part of the wall, and a page is a wall when the wall holds most of its
words and what is left is shorter than a news sentence or two. An article with a consent line or a newsletter
prompt above or below its story keeps its story.

Words are counted as ``rag.dedup`` shingles them: a word, or one CJK character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import table
from rag.text.scripts import CJK_CHARS

__all__ = ["WallRules", "rules", "wall_kind"]

_WORD = re.compile(f"[{CJK_CHARS}]|(?:(?![{CJK_CHARS}])\\w)+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class WallRules:
    """The parsed ``page_walls.toml``: per kind its label and compiled patterns, and the page rule's two limits."""

    kinds: tuple[tuple[str, re.Pattern[str]], ...]  # (label, one pattern joining the kind's alternatives)
    min_wall_share: float
    max_other_words: int


@cache
def rules() -> WallRules:
    data = table("page_walls")
    kinds = tuple(
        (kind["label"], re.compile("|".join(f"(?:{p})" for p in kind["patterns"]), re.IGNORECASE))
        for kind in data["kinds"].values()
    )
    return WallRules(kinds, float(data["min_wall_share"]), int(data["max_other_words"]))


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def wall_kind(text: str) -> str | None:
    """The label of the wall a page holds instead of an article ("a consent or registration notice", …), or None
    when the page has an article. ``text``: the page's normalized text, paragraphs separated by blank lines (a page
    of one paragraph is read line by line)."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    if len(paragraphs) == 1:
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    r = rules()
    wall_words = other_words = 0
    seen: dict[str, int] = {}
    for paragraph in paragraphs:
        n = _words(paragraph)
        label = next((label for label, pattern in r.kinds if pattern.search(paragraph)), None)
        if label is None:
            other_words += n
            if other_words >= r.max_other_words:
                return None
        else:
            wall_words += n
            seen[label] = seen.get(label, 0) + n
    total = wall_words + other_words
    if not seen or total == 0 or wall_words / total < r.min_wall_share:
        return None
    return max(seen, key=seen.__getitem__)
