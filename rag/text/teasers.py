"""Links to other stories set in or beside an article's body: "Read more: <headline>", "Related: <headline>", a
"Most read" box over a list of headlines (``data/teaser_labels.toml``).

They are page furniture, not the story: the HTML reader prunes them before extraction (``teaser_xpaths``, passed
as trafilatura's own ``prune_xpath`` option by ``rag.loaders``), the writers never quote a sentence that opens with
one (``teaser_pattern``, part of ``rag.writers.sentence_cues``' furniture patterns), and the near-duplicate reader
compares two articles without such lines (``rag.dedup.story_body``).

Shapes: ``teaser_labels`` a tuple of lower-case strings; ``teaser_pattern`` one regular expression (a string);
``teaser_xpaths`` a tuple of XPath 1.0 strings. Errors: none (a malformed data file raises on first use).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table

__all__ = ["teaser_labels", "teaser_pattern", "teaser_xpaths"]

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ’"
_LOWER = "abcdefghijklmnopqrstuvwxyz'"
#: the block elements a teaser line or a teaser box's heading is written in
_LINE_TAGS = ("p", "li", "div", "span", "section", "aside", "dd", "strong", "b")
#: a teaser line holds none of these (an element that does is a wrapper of the story, whatever its first line says)
_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "br")
#: a teaser line is one link's label and headline: at most this many characters
_LINE_MAX_CHARS = 300
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b")


@cache
def teaser_labels() -> tuple[str, ...]:
    """The literal labels (lower case, straight apostrophes), longest first."""
    return tuple(sorted(table("teaser_labels")["labels"], key=len, reverse=True))


@cache
def teaser_pattern() -> str:
    """A regular expression (matched case-insensitively) for a sentence or line that opens with a teaser label and
    its colon ("Read more: How HBM became …", "Related coverage — " is not one; "More from Nikkei: …" is)."""
    labels = [re.escape(label).replace("'", "['’]") for label in teaser_labels()]
    labels += table("teaser_labels").get("patterns", [])
    return r"^\W*(?:" + "|".join(labels) + r")\s*:"


def _lowered() -> str:
    return f'translate(normalize-space(.), "{_UPPER}", "{_LOWER}")'


@cache
def teaser_xpaths() -> tuple[str, ...]:
    """XPath 1.0 expressions (lxml) for a page's teaser elements: a line element holding a link whose text opens
    with a label and a colon ("<p>Read more: <a>…</a></p>"), and a heading that is a label alone ("<h3>Most
    read</h3>") with the list of links right after it. The article's own paragraphs hold no such label."""
    low = _lowered()
    blocks = " or ".join(f".//{tag}" for tag in _BLOCK_TAGS)
    opens = " or ".join(f'starts-with({low}, "{label}:") or starts-with({low}, "{label} :")'
                        for label in teaser_labels())
    alone = " or ".join(f'{low} = "{label}"' for label in teaser_labels())
    line = " or ".join(f"self::{tag}" for tag in _LINE_TAGS)
    heading = " or ".join(f"self::{tag}" for tag in _HEADING_TAGS)
    return (
        f"//*[{line}][.//a][not({blocks})][string-length(normalize-space(.)) <= {_LINE_MAX_CHARS}][{opens}]",
        f"//*[{heading}][{alone}]/following-sibling::*[1][self::ul or self::ol][.//a]",
        f"//*[{heading}][{alone}][following-sibling::*[1][self::ul or self::ol][.//a]]",
    )
