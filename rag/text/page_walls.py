"""Pages that hold no article: what an extractor returns when a news page's story did not load.

A saved or scraped news page sometimes holds only what stood in front of the story: a consent or registration
notice, a paywall's sign-in prompt, a video player's ad-feedback form, a bot check, an error page. Indexed, such a
page is a "document" under the story's headline and date that says nothing of the story; the same notice saved from
many pages is one document under many headlines. ``wall_kind`` reads a page in units (each line's sentences, by
``rag.text.sentences``): a unit that opens with a notice's own words, or is one of its controls ("Accept all",
"Sign in"; a row of them on one line, "Accept all Reject all Manage options"), is part of the wall
(``data/page_walls.toml``); a page is a wall when the wall holds most of its words and what is left is shorter than
a news sentence or two. A news sentence that quotes a notice ("its 'Accept all cookies' button took one click") does
not open with it; one that opens with a quoted notice and goes on ("'This content is not available in your region'
is the message …") or says who said so ("…, the regulator said"; "…と報じた") is news; and an article with a
consent line or a newsletter prompt beside its story keeps its story.

Words are counted as ``rag.dedup`` shingles them: a word, or one CJK character (``scripts.WORD_OR_CJK_CHAR``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterator
from functools import cache

from rag.text.lexicon import table, word_set
from rag.text.scripts import WORD_OR_CJK_CHAR
from rag.text.sentences import sentence_texts

__all__ = ["WallKind", "WallRules", "rules", "wall_kind"]

# what may stand before a notice's first word: list marks, numbering, quotes, brackets ("1. How relevant …")
_LEAD = re.compile(r"^[\W\d_]{0,8}")
# a word character, found from the end of a reversed unit: where its trailing marks start (a regex anchored at "$"
# after a run of marks is quadratic on a long run of them: 20,000 spaces took 3 s)
_WORD_CHAR = re.compile(r"[^\W_]")
#: a row of controls is short: a longer unit is read for one control or opening only (the row loop re-reads the rest
#: of the unit per control: a 100 KB row of "enter " took 17 s)
MAX_CONTROL_ROW = 200
# a quotation the unit opens with, closed, and words after it: news quoting a notice ("'Subscribe to keep reading'
# prompts cost the paper readers"); a straight apostrophe inside a word ("You've") does not close it. What ``_LEAD``
# passes over may stand before it: a list item quoting a notice ("1. 'Subscribe to keep reading' prompts appear on
# every page", "#2 …") is news as the same line unnumbered is
_QUOTED = re.compile(r"""^(?:[^\w"“'‘「『]|[\d_]){0,8}"""
                     r"""(?:"[^"]+"|“[^”]+”|‘[^’]+’|'(?:[^']|'(?=\w))+'|「[^」]+」|『[^』]+』)\W*\w""")


@dataclass(frozen=True)
class WallKind:
    """One kind of wall: its label, the notices' openings (matched at a unit's start) and its controls (the whole
    unit)."""

    label: str
    opens: re.Pattern[str] | None
    lines: re.Pattern[str] | None

    def holds(self, unit: str) -> bool:
        """Whether ``unit`` (one sentence of one line) belongs to this wall: a notice does not report ("…, Apple
        said": a reporting or speech verb in a third person's form makes it news) nor quote itself."""
        body = _LEAD.sub("", unit)
        return self._opens_or_controls(body) and not _reports(body) and not _QUOTED.match(unit)

    def _opens_or_controls(self, body: str) -> bool:
        while True:
            if self.opens is not None and self.opens.match(body):
                return True
            if self.lines is None:
                return False
            if self.lines.fullmatch(_without_trail(body)):
                return True
            if len(body) > MAX_CONTROL_ROW:
                return False
            # controls in a row on one line ("Accept all Reject all Manage options", "지금 구독하기 이미 회원이신가요?"):
            # the first control, then the rest
            first = self.lines.match(body)
            rest = body[first.end():] if first else ""
            if not first or not rest[:1].isspace():
                return False
            body = rest.lstrip()


@dataclass(frozen=True)
class WallRules:
    """The parsed ``page_walls.toml``: the kinds, and the page rule's two limits."""

    kinds: tuple[WallKind, ...]
    min_wall_share: float
    max_other_words: int


def _without_trail(unit: str) -> str:
    """``unit`` without the marks after its last word character ("Sign in »" → "Sign in"); "" when it has none."""
    m = _WORD_CHAR.search(unit[::-1])
    return unit[: len(unit) - m.start()] if m else ""


@cache
def _cjk_reporting() -> re.Pattern[str] | None:
    """Reporting in Korean, Japanese and Chinese ("…밝혔다", "…と発表した", "…表示，"): ``page_walls.toml``'s
    ``reports``."""
    return _joined(table("page_walls").get("reports", []))


@cache
def _reporting() -> frozenset[str]:
    """The reporting and speech verbs in a third person's form ("said", "warns", "according"): a notice speaks in
    the first and second person ("we believe", "you agree")."""
    verbs = word_set("reporting_verbs") | word_set("speech_verbs")
    return frozenset(w for w in verbs if w.endswith(("ed", "s")) or w in {"said", "told", "wrote", "thought", "according"})


def _reports(unit: str) -> bool:
    if any(w in _reporting() for w in re.findall(r"[a-z]+", unit.lower())):
        return True
    cjk = _cjk_reporting()
    return cjk is not None and cjk.search(unit) is not None


def _joined(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@cache
def rules() -> WallRules:
    data = table("page_walls")
    kinds = tuple(WallKind(kind["label"], _joined(kind.get("opens", [])), _joined(kind.get("lines", [])))
                  for kind in data["kinds"].values())
    return WallRules(kinds, float(data["min_wall_share"]), int(data["max_other_words"]))


def _units(text: str) -> Iterator[str]:
    """Each line's sentences, in order (lazily: an article is told within its first lines): a control on a line of
    its own ("Reject all") is a unit, whatever follows it."""
    for line in text.splitlines():
        if line.strip():
            yield from sentence_texts(line)


def _words(text: str) -> int:
    return len(WORD_OR_CJK_CHAR.findall(text))


def wall_kind(text: str) -> str | None:
    """The label of the wall a page holds instead of an article ("a consent or registration notice", …), or None
    when the page has an article. ``text``: the page's normalized text."""
    r = rules()
    wall_words = other_words = 0
    seen: dict[str, int] = {}
    for unit in _units(text):
        n = _words(unit)
        kind = next((k for k in r.kinds if k.holds(unit)), None)
        if kind is None:
            other_words += n
            if other_words >= r.max_other_words:
                return None
        else:
            wall_words += n
            seen[kind.label] = seen.get(kind.label, 0) + n
    total = wall_words + other_words
    if not seen or total == 0 or wall_words / total < r.min_wall_share:
        return None
    return max(seen, key=seen.__getitem__)
