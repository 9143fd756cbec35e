"""A Markdown article's text as its reader sees it: its words without the marks that format them.

A .md article is stored, searched and quoted without the inline marks a reader does not see, as an HTML page is
(trafilatura's extraction): "**TAIPEI** — …" is "TAIPEI — …"; "*entity list*", "__Huawei__", "`ST-2`" and
"[International Trade Administration](https://…)" are their words. ``markup_edits(text)`` says where the marks are,
as edits of the file's text (``Edit``: a span and what stands for it, usually nothing); ``plain_markdown(text)``
applies them. The aligner (``rag.text.align``, origin kind "markdown") hides the same marks when it locates a stored
word in the file, so a citation's ``source_span`` points at the quote's own characters in the .md file.

What is markup (``data/markdown.toml``; CommonMark's rules, simplified):

- blocks: a heading is set apart from the lines around it by blank lines (a paragraph of its own, never a sentence
  glued to the next line); its opening "#" marks stay, as a list's bullets do: they are the text layer's sign of a
  heading (``normalize.derive_title`` takes the first for the title, headings are no quotes), its closing run goes.
  Thematic breaks, setext underlines, block-quote ">" marks, code fences and link reference definitions go;
- inline: emphasis runs of "*" and "_" that open and close a span (a run opens before a word and closes after one;
  "_" never inside a word, so ``snake_case`` and "5 * 3" stay), the backticks of inline code, a link's brackets and
  destination, an image, an autolink's angle brackets, a backslash escape's backslash.

Inside code (fenced, or between backticks) and web addresses nothing is markup. Pipe tables are left to
``rag.text.tables``; list bullets to the sentence splitter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import table

__all__ = ["Edit", "heading_marks", "markup_edits", "plain_markdown"]


@dataclass(frozen=True)
class Edit:
    """Characters ``start:end`` of the file's text are markup: a reader sees ``text`` there ("" for most marks)."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class _Syntax:
    fence: re.Pattern[str]
    heading: re.Pattern[str]
    heading_close: re.Pattern[str]
    rule: re.Pattern[str]
    quote: re.Pattern[str]
    definition: re.Pattern[str]
    inline: re.Pattern[str]
    delimiters: str


@cache
def _syntax() -> _Syntax:
    data = table("markdown")
    block, inline = data["block"], data["inline"]
    # one alternation, code first: a code span's backticks bind before the brackets and stars inside it
    parts = "|".join(f"(?P<{name}>{inline[name]})" for name in ("code", "escape", "image", "link", "reference", "autolink", "address"))
    return _Syntax(*(re.compile(block[k]) for k in ("fence", "heading", "heading_close", "rule", "quote", "definition")),
                   inline=re.compile(parts), delimiters="".join(data["emphasis"]["delimiters"]))


def heading_marks(text: str) -> int:
    """Length of the heading marks that open ``text`` (one line or sentence: "## " of "## Industry reaction"; the
    data file's ``block.heading``), 0 when none or when no words follow them ("#1 seed" and "#MeToo" open with none).
    The stored text keeps them (the heading's sign); a quote of the heading, a headline read from it and their spans
    start after them (``rag.headlines``, ``rag.writers.candidates``, the timeline)."""
    m = _syntax().heading.match(text)
    return m.end() if m and text[m.end():].strip() else 0


def plain_markdown(text: str) -> str:
    """``text`` (a Markdown article) as its reader sees it: ``markup_edits`` applied."""
    out: list[str] = []
    pos = 0
    for edit in markup_edits(text):
        out.append(text[pos:edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def markup_edits(text: str) -> list[Edit]:
    """The marks of ``text`` (a Markdown article) as edits, sorted and not overlapping."""
    syntax = _syntax()
    edits: list[Edit] = []
    paragraph: list[tuple[int, int]] = []  # the inline regions of the current paragraph's lines
    fence: str | None = None  # the open code fence's marks
    lines = _lines(text)
    for k, (start, end) in enumerate(lines):
        line = text[start:end]
        opened = syntax.fence.match(line)
        if fence is not None or opened:
            if opened and (fence is None or (opened.group("mark")[0] == fence[0] and len(opened.group("mark")) >= len(fence)
                                             and not line[opened.end():].strip())):
                fence = None if fence is not None else opened.group("mark")
                edits.append(Edit(start, end))
            edits.extend(_inline(text, paragraph, syntax))
            paragraph = []
            continue
        if not line.strip() or syntax.rule.match(line) or syntax.definition.match(line):
            if line.strip():
                edits.append(Edit(start, end))
            edits.extend(_inline(text, paragraph, syntax))
            paragraph = []
            continue
        a = start
        quoted = syntax.quote.match(line)
        if quoted:
            edits.append(Edit(start, start + quoted.end()))
            a = start + quoted.end()
        heading = syntax.heading.match(text[a:end])
        if heading is None:
            paragraph.append((a, end))
            continue
        # a heading is a paragraph of its own: blank lines set it apart from a line right before or after it; its
        # opening marks stay, the text layer's sign of a heading (``normalize.derive_title``, ``headlines``, the
        # section readers), as a list's bullets do
        edits.extend(_inline(text, paragraph, syntax))
        paragraph = []
        if k > 0 and text[lines[k - 1][0]:lines[k - 1][1]].strip():
            edits.append(Edit(a, a, "\n"))
        words = a + heading.end()
        closing = syntax.heading_close.search(text[words:end])
        b = words + closing.start() if closing is not None else end
        if b < end:
            edits.append(Edit(b, end))
        edits.extend(_inline(text, [(words, b)], syntax))
        if k + 1 < len(lines) and text[lines[k + 1][0]:lines[k + 1][1]].strip() and end < len(text):
            edits.append(Edit(end, end + 1, "\n\n"))
    edits.extend(_inline(text, paragraph, syntax))
    return sorted(edits, key=lambda e: (e.start, e.end))


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line of ``text``, without its newline."""
    out, pos = [], 0
    for m in re.finditer("\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


@dataclass
class _Run:
    """A run of one emphasis delimiter ("**") at ``start``: how many of its characters are still unmatched."""

    start: int
    length: int
    char: str
    can_open: bool
    can_close: bool
    left: int = 0  # characters used from its start (as a closer)
    right: int = 0  # characters used from its end (as an opener)

    @property
    def remaining(self) -> int:
        return self.length - self.left - self.right


def _inline(text: str, regions: list[tuple[int, int]], syntax: _Syntax) -> list[Edit]:
    """The inline marks of one paragraph (its lines' ``regions`` of ``text``): links, code, escapes, then the emphasis
    runs that pair up within the paragraph."""
    edits: list[Edit] = []
    runs: list[_Run] = []
    for a, b in regions:
        pos = a
        for m in syntax.inline.finditer(text, a, b):
            runs.extend(_runs(text, pos, m.start(), a, b, syntax.delimiters))
            pos = m.end()
            kind = m.lastgroup
            if kind == "code":
                edits += [Edit(m.start(), m.start("content")), Edit(m.end("content"), m.end())]
            elif kind == "escape":
                edits.append(Edit(m.start(), m.start() + 1))
            elif kind == "image":
                edits.append(Edit(m.start(), m.end()))
            elif kind in ("link", "reference"):
                inner = "text" if kind == "link" else "rtext"
                edits += [Edit(m.start(), m.start(inner)), Edit(m.end(inner), m.end())]
                runs.extend(_runs(text, m.start(inner), m.end(inner), a, b, syntax.delimiters))
            elif kind == "autolink":
                edits += [Edit(m.start(), m.start() + 1), Edit(m.end() - 1, m.end())]
        runs.extend(_runs(text, pos, b, a, b, syntax.delimiters))
    return edits + _emphasis(runs)


def _runs(text: str, start: int, end: int, a: int, b: int, delimiters: str) -> list[_Run]:
    """The delimiter runs in ``text[start:end]`` (inside the line region ``[a, b)``), with whether each can open or
    close emphasis by what stands either side of it (CommonMark's left- and right-flanking runs)."""
    out: list[_Run] = []
    for m in re.finditer("|".join(f"{re.escape(c)}+" for c in delimiters), text[start:end]):
        s, e = start + m.start(), start + m.end()
        before = text[s - 1] if s > a else " "
        after = text[e] if e < b else " "
        left = not after.isspace() and (not _punct(after) or before.isspace() or _punct(before))
        right = not before.isspace() and (not _punct(before) or after.isspace() or _punct(after))
        char = m.group()[0]
        if char == "_":  # never inside a word: "snake_case", "file_name_v2"
            opens, closes = left and (not right or _punct(before)), right and (not left or _punct(after))
        else:
            opens, closes = left, right
        out.append(_Run(s, e - s, char, opens, closes))
    return out


def _punct(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _emphasis(runs: list[_Run]) -> list[Edit]:
    """Pair openers with closers of the same character, innermost first (CommonMark's "process emphasis", without
    its rule of three): each pair's delimiters are marks; a run left unpaired is text ("5 * 3", a footnote's "*").
    One stack per character, so a paragraph of any length is read in linear time."""
    edits: list[Edit] = []
    openers: dict[str, list[_Run]] = {}
    for run in runs:
        stack = openers.setdefault(run.char, [])
        while run.can_close and run.remaining and stack:
            opener = stack[-1]
            n = 2 if opener.remaining >= 2 and run.remaining >= 2 else 1
            end = opener.start + opener.length - opener.right
            edits.append(Edit(end - n, end))
            edits.append(Edit(run.start + run.left, run.start + run.left + n))
            opener.right += n
            run.left += n
            if not opener.remaining:
                stack.pop()
        if run.can_open and run.remaining:
            stack.append(run)
    return edits
