"""The one sentence splitter: exact spans over stored text, built on nltk's punkt (no downloaded model).

``split_sentences(text)`` returns ``Sentence(start, end, text)`` with ``text[start:end] == sentence.text``
always, so a citation can slice the stored document. Around the library it adds what news text needs:

- **Layout units.** Text is first cut into units: blank lines, bullet/list lines and short headline-like
  lines end a unit, but a single line break inside a hard-wrapped paragraph (72-column press releases,
  PDF layout lines) does not: the segmenter sees it as a space, and the sentence span keeps the newline.
  A line counts as wrapped when the next line's first word would not have fitted on it (the classic
  unwrap test against the text's typical line width), or when the next line starts in lower case.
- **List markers** ("• ", "- ", "1. ", "(a) ") are left out of the span.
- **CJK** terminators (。！？ and the full-width ．) end a sentence, with any closing bracket, except inside a
  quotation or aside (「」『』（）“” …, ``data/quote_brackets.toml``) closed later in the paragraph, or before a
  quoting particle after its closing bracket (「…。」と述べた); a Korean ". " inside “…” likewise. punkt has no
  option for this (its ``sent_end_chars`` and boundary realignment know no bracket pairs), so it is done here.
- **Abbreviations** come from ``rag/text/data/abbreviations*.txt`` (the punkt parameters, plus a guard
  that re-joins a split after "Jan." or "No." before a number, or before a lower-case word).
- **Linear time.** Units longer than ``MAX_UNIT`` characters are fed to the segmenter in windows cut at
  whitespace, so a 20 MB paragraph (with or without punctuation) splits in seconds in bounded memory.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import re
import sys
import types
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable, Iterator

from rag.text.lexicon import table, word_set

Segmenter = Callable[[str], Iterable[tuple[int, int]]]
"""A sentence segmenter: text -> (start, end) character spans, in order."""

MAX_UNIT = 20_000  # characters handed to the segmenter at once (window size for very long paragraphs)

# Characters that end a line (str.splitlines' set); inside a unit the segmenter sees them as spaces.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
_CJK = re.compile(r"[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]")
#: a list item's bullet: a bullet sign, or a dash or star not doubled ("--" is a rule, not a bullet)
BULLET_MARK = r"(?:[\u2022\u25cf\u25aa\u25e6\u2023\u25cb\u25a0\u25a1\u27a2\u25ba\u25b6\u2713\u2714\u00b7]|[-\u2013\u2014*](?![-\u2013\u2014*]))"
#: a list item's number or letter: "(3)", "(b)", "(iv)", "12.", "3)", "a."
NUMBER_MARK = r"(?:\((?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})\)|(?:\d{1,2}|[a-z])[.)](?!\d))"
# A list marker at the start of a line: bullets always; numbers/letters only where a list can start.
_BULLET = re.compile(rf"[ \t]*{BULLET_MARK}[ \t]+(?=\S)")
_ENUM = re.compile(rf"[ \t]*{NUMBER_MARK}[ \t]+(?=\S)")
# "Published: 2023-07-03", "Date: 12 October" — a label line never continues the previous line.
_LABEL = re.compile(r"[ \t]*[A-Z][\w-]*(?: [A-Za-z][\w-]*)?:[ \t]")
_LINE_END_TERMINAL = re.compile(r"[.!?\u3002\uff01\uff1f\uff0e][\"'\u2019\u201d)\]\u300d\u300f\uff09]*[ \t]*$")
_FIRST_WORD = re.compile(r"[ \t]*(\S+)")
# CJK sentence ends: 。！？ (and ．, but not as a decimal point between digits), plus closing brackets.
_CJK_END = re.compile(
    r"(?:[\u3002\uff01\uff1f]+|(?<![0-9\uff10-\uff19])\uff0e(?![0-9\uff10-\uff19]))"
    r"[\u300d\u300f\uff09\u3011\u300b\u3009\"'\u201d\u2019)]*"
)
_LAST_TOKEN = re.compile(r"([^\s\"'(\[\u2018\u201c]+)\.[\"'\u2019\u201d)\]]*$")
# "2019. 7. 4." — Korean dates write year, month and day each with a period.
_DATE_SO_FAR = re.compile(r"(?:^|\s)\d{4}\.(?: ?\d{1,2}\.)?$")
_DATE_WHOLE = re.compile(r"(?:^|\s)\d{4}\. ?\d{1,2}\. ?\d{1,2}\.$")
_DATE_NEXT = re.compile(r"\d{1,2}\.")
_WORD = re.compile(r"\w")
_CJK_TERMINATORS = "\u3002\uff01\uff1f\uff0e"
# A line break with the spaces around it; the look-behind starts a match only at the start of a space run,
# so a long run of spaces is scanned once, not once per position.
_SPACE_RUN = re.compile(r"(?<![ \t])[ \t]*[" + _LINE_BREAKS + r"]\s*")
_FIT_SLACK = 0.9  # PDF lines are set in proportional type, so character counts vary by ~10%
# The widest hard wrap expected (e-mail and press releases wrap at 72-80 columns, PDF body lines ~80-130): a line
# wider than this is a paragraph on one line, and its break a paragraph break.
HARD_WRAP_MAX = 200
_SENTENCE_END_INSIDE = re.compile(r"[.!?][\"'\u2019\u201d)]*\s")
_NOT_TITLE_END = frozenset(".!?,;:-\u2013\u2014\"'\u201d\u2019)")
_WORD_CHARS = re.compile(r"[^\w]")


@dataclass(frozen=True)
class Sentence:
    """A sentence as an exact slice ``text[start:end]`` of the text it was split from."""

    start: int
    end: int
    text: str

    @property
    def flat(self) -> str:
        """The sentence on one line, for display and comparison (see ``flatten``)."""
        return flatten(self.text)


def flatten(text: str) -> str:
    """``text`` on one line: each line break (with the indent around it) becomes one space, or nothing
    between two CJK characters (wrapped Japanese/Chinese has no spaces) and after a word's hyphen that a wrap
    split from its lower-case rest ("semi-\nconductor" → "semi-conductor"). Other spacing is kept."""
    if not any(c in text for c in _LINE_BREAKS):
        return text
    return _SPACE_RUN.sub(lambda m: _join_gap(text, m), text).strip()


def _join_gap(text: str, m: re.Match[str]) -> str:
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if _CJK.match(before) and _CJK.match(after):
        return ""
    # a word hyphenated at the end of a wrapped line ("semi-\nconductor", "ad-\nvanced") stays one word; the hyphen
    # is the source's and is kept ("U.S.-\nJapan" and "- \n" list dashes are not words split by a wrap)
    if before == "-" and m.start() >= 2 and text[m.start() - 2].isalpha() and after.islower():
        return ""
    return " "


@cache
def _abbreviations() -> frozenset[str]:
    return word_set("abbreviations")


@cache
def _before_number() -> frozenset[str]:
    """Abbreviations that hold a sentence together only before a number: ``abbreviations_before_number.txt`` and the
    numbering ones ("No. 3"; ``name_abbreviations.toml`` numbered, where a document's name ends with them too)."""
    return word_set("abbreviations_before_number") | frozenset(table("name_abbreviations")["numbered"])


def punkt_module() -> types.ModuleType:
    """nltk's ``nltk.tokenize.punkt`` module, loaded without running ``nltk/__init__.py``.

    ``import nltk`` imports the whole library, ``scipy.stats`` included (through ``nltk.collocations``): ~2 s of
    CPU, most of a short ``brief verify``. Punkt needs a few small modules (probability, tokenize.api, the path
    and pickle guards), so they are loaded under empty stand-ins for the two packages, which are then taken out of
    ``sys.modules`` again: a later ``import nltk`` elsewhere loads the full library as usual. When nltk is
    already imported, or its package cannot be found, this is the plain import."""
    name = "nltk.tokenize.punkt"
    spec = importlib.util.find_spec("nltk") if "nltk" not in sys.modules else None
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(name)
    root = list(spec.submodule_search_locations)[0]
    before = set(sys.modules)
    try:
        for package, path in (("nltk", root), ("nltk.tokenize", os.path.join(root, "tokenize"))):
            stand_in = types.ModuleType(package)
            stand_in.__path__ = [path]  # a package: its submodules import from this folder
            sys.modules[package] = stand_in
        return importlib.import_module(name)
    finally:
        for loaded in set(sys.modules) - before:
            if loaded == "nltk" or loaded.startswith("nltk."):
                del sys.modules[loaded]


@cache
def _punkt():
    punkt = punkt_module()
    PunktParameters, PunktSentenceTokenizer = punkt.PunktParameters, punkt.PunktSentenceTokenizer

    params = PunktParameters()
    # Punkt's abbreviation types are lower case without the final period; single letters are initials.
    # Words that are abbreviations only before a number ("No. 3", "Sept. 1") are left to ``_guard``.
    params.abbrev_types = (set(_abbreviations()) - _before_number()) | set("abcdefghijklmnopqrstuvwxyz")

    class _MemoPunkt(PunktSentenceTokenizer):
        # Untrained punkt decides each candidate from its short context ("said. The"), a pure function of
        # the string; news repeats these contexts, so a bounded cache makes the library ~5x faster.
        @functools.lru_cache(maxsize=1 << 16)
        def text_contains_sentbreak(self, text: str) -> bool:
            return super().text_contains_sentbreak(text)

    lang_vars, token_cls = _untimed(punkt)
    return _MemoPunkt(params, lang_vars=lang_vars, token_cls=token_cls)


def _untimed(punkt: types.ModuleType):
    """Punkt's language variables and token class, with punkt's own constant patterns run without a time limit.

    nltk ≥ 3.9.3 runs every regex under ``nltk.redos`` with a 5 s *wall-clock* limit, a backstop against
    caller-supplied patterns. Punkt's patterns are nltk's own constants, linear, and this splitter hands them at most
    ``MAX_UNIT`` characters at a time (``_segment``); yet on a loaded machine a match step of the sentence-context
    pattern overran the limit on an ordinary article (the full RealTime QA ingest at load 12 died with
    ``TimeoutError``; the same article splits in milliseconds alone). Splitting must not depend on machine load, so
    these patterns are compiled with ``timeout=None``, as the library's error message advises for a trusted pattern.
    Returns ``(lang_vars, token_cls)``; with an nltk without ``redos``, punkt's own classes.
    """
    redos = getattr(punkt, "redos", None)
    if redos is None:
        return punkt.PunktLanguageVars(), punkt.PunktToken

    def untimed(pattern):
        return redos.compile(pattern, timeout=None)

    class _LangVars(punkt.PunktLanguageVars):
        re_boundary_realignment = untimed(punkt.PunktLanguageVars.re_boundary_realignment)

        def __init__(self):
            # punkt caches its two compiled patterns in these slots and returns them from then on: cache untimed ones
            self._re_period_context = untimed(super().period_context_re())
            self._re_word_tokenizer = untimed(super()._word_tokenizer_re())

    base = punkt.PunktToken

    class _Token(base):
        _RE_ELLIPSIS = untimed(base._RE_ELLIPSIS)
        _RE_NUMERIC = untimed(base._RE_NUMERIC)
        _RE_INITIAL = untimed(base._RE_INITIAL)
        _RE_ALPHA = untimed(base._RE_ALPHA)
        _RE_NON_PUNCT = untimed(punkt._re_non_punct)

        @property
        def is_non_punct(self):
            return self._RE_NON_PUNCT.search(self.type)

    return _LangVars(), _Token


def punkt_segmenter(text: str) -> Iterable[tuple[int, int]]:
    """nltk punkt, untrained, with this layer's abbreviation list (no nltk data download)."""
    return _punkt().span_tokenize(text)


def split_sentences(text: str, *, segmenter: Segmenter | None = None) -> list[Sentence]:
    """Sentences of ``text`` in order, as exact spans without surrounding space or list markers.

    ``segmenter`` swaps the library underneath (used by ``evals/sentence_split.py``); default punkt.
    """
    seg = segmenter or punkt_segmenter
    out: list[Sentence] = []
    for start, end in _units(text):
        view = _flatten_breaks(text[start:end])
        pieces = _segment(view, seg)
        if any(c in view for c in _CJK_TERMINATORS):
            pieces = [cut for a, b in pieces for cut in _cjk_cuts(view, a, b)]
        for a, b in _guard(view, _trimmed(view, _quoted_kept(view, pieces))):
            out.append(Sentence(start + a, start + b, text[start + a : start + b]))
    return out


def sentence_texts(text: str) -> list[str]:
    """The sentences of ``text`` as strings (exact slices, line breaks kept; see ``Sentence.flat``)."""
    return [s.text for s in split_sentences(text)]


def sentence_pieces(text: str) -> list[str]:
    """``text`` cut at sentence starts: the pieces concatenate back to ``text`` (for llama-index's chunker)."""
    starts = [s.start for s in split_sentences(text)]
    cuts = [0] + [s for s in starts if s > 0] + [len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def _flatten_breaks(unit: str) -> str:
    """``unit`` with every line-break character replaced by a space (same length, so offsets hold)."""
    for c in _LINE_BREAKS:
        if c in unit:  # str.replace runs in C; str.translate is slow on non-ASCII text
            unit = unit.replace(c, " ")
    return unit


# ----------------------------------------------------------------------------------------------
# Layout units
# ----------------------------------------------------------------------------------------------


def _width(line: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    line = line[:1000]  # only short lines matter to the unwrap test; bound the work on long ones
    return len(line) + len(_WIDE.findall(line))


def _wrap_width(lines: list[str]) -> int:
    """The text's typical full-line width: the 90th percentile of non-blank line widths."""
    widths = sorted(_width(ln.rstrip()) for ln in lines if ln.strip())
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _leader(line: str, prev: str | None, prev_was_item: bool) -> int:
    """Length of the list marker that starts ``line`` (0 if none)."""
    m = _BULLET.match(line)
    if m:
        return m.end()
    m = _ENUM.match(line)
    # "12. Exporters" after a wrapped line is more likely a number than a list item.
    if m and (prev is None or not prev.strip() or prev_was_item or re.search(r"[.:;!?]\s*$", prev)):
        return m.end()
    return 0


def _title_line(line: str) -> bool:
    """Whether ``line`` reads as a headline in title case: no sentence end in it or after it, and every word of four
    or more letters (three at least) capitalised ("If China Attacks Taiwan: The Consequences for China"); acronyms
    count neither way. A sentence-case headline is left to the width test."""
    text = line.strip()
    if text[-1:] in _NOT_TITLE_END or _SENTENCE_END_INSIDE.search(text):
        return False
    words = [w for w in (_WORD_CHARS.sub("", w) for w in text.split()) if len(w) >= 4 and not w.isupper()]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _continues(prev: str, line: str, width: int) -> bool:
    """Whether ``line`` continues the paragraph of ``prev`` (a wrapped line) rather than starting a unit."""
    body = line.lstrip()
    if body[:1].islower():
        return True
    if _LINE_END_TERMINAL.search(prev[-16:]):
        return True  # the segmenter decides ("No.\n23 of 2023" must stay together)
    if _LABEL.match(line):
        return False
    # a text whose lines are paragraphs (a web page's related-story snippets, each cut off mid-sentence) is not
    # hard-wrapped, nor is a line wider than any hard wrap (a paragraph pasted into wrapped text): a capitalised
    # next line starts a new unit instead of continuing the unfinished one ("... Understanding Chinese" + "The ...")
    if width > HARD_WRAP_MAX or _width(prev.rstrip()) > HARD_WRAP_MAX:
        return False
    if _title_line(prev) != _title_line(line):  # a headline after a cut-off snippet or caption, or a lead after a
        return False  # headline, starts a unit; a headline wrapped over two lines stays one
    first = _FIRST_WORD.match(line)
    first_width = _width(first.group(1)) if first else 0
    return _width(prev.rstrip()) + 1 + first_width > _FIT_SLACK * width


def _units(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each layout unit, list markers and surrounding whitespace excluded."""
    lines = text.splitlines(keepends=True)
    width = _wrap_width(lines) if len(lines) > 1 else 0
    unit_start: int | None = None
    unit_end = 0
    prev: str | None = None
    prev_item = False
    item_col = 0
    pos = 0
    for raw in lines:
        line = raw.rstrip(_LINE_BREAKS)
        line_start, pos = pos, pos + len(raw)
        if not line.strip():
            if unit_start is not None:
                yield unit_start, unit_end
            unit_start, prev, prev_item = None, line, False
            continue
        lead = _leader(line, prev, prev_item)
        # A list item continues only on lines indented under its text (or starting in lower case).
        outdented = prev_item and len(line) - len(line.lstrip()) < item_col and not line.lstrip()[:1].islower()
        if unit_start is not None and (lead or outdented or not _continues(prev or "", line, width)):
            yield unit_start, unit_end
            unit_start = None
        if unit_start is None:
            unit_start = line_start + lead
            prev_item, item_col = bool(lead), lead
        unit_end = line_start + len(line)
        prev = line
    if unit_start is not None:
        yield unit_start, unit_end


def _cut(view: str, pos: int) -> int:
    """End of the segmenter window that starts at ``pos``: at most ``MAX_UNIT`` characters, cut after a
    sentence terminator if one is in the second half, else at whitespace, else hard."""
    limit = pos + MAX_UNIT
    if limit >= len(view):
        return len(view)
    low = pos + MAX_UNIT // 2
    cut = max(view.rfind(". ", low, limit), view.rfind("\u3002", low, limit))
    cut = cut + 1 if cut >= 0 else view.rfind(" ", low, limit)
    return cut if cut > pos else limit


def _segment(view: str, seg: Segmenter) -> list[tuple[int, int]]:
    """Segmenter spans over ``view``, fed in windows so the work stays linear on any length.

    A window's last span may be cut short by the window, so the next window starts again at that span;
    a window that holds no boundary at all is carried over as ``pending`` and joined to what follows.
    """
    out: list[tuple[int, int]] = []
    pos, pending = 0, None
    while pos < len(view):
        end = _cut(view, pos)
        spans = [(pos + a, pos + b) for a, b in seg(view[pos:end])]
        if end < len(view) and spans:
            last = spans.pop()
            if not spans:
                pending = last[0] if pending is None else pending
                pos = end
                continue
            pos = last[0]
        else:
            pos = end
        if pending is not None and spans:
            spans[0] = (pending, spans[0][1])
            pending = None
        out.extend(spans)
    if pending is not None:
        out.append((pending, len(view)))
    return out


# ----------------------------------------------------------------------------------------------
# Post-processing of segmenter spans
# ----------------------------------------------------------------------------------------------


def _cjk_cuts(view: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    for m in _CJK_END.finditer(view, a, b):
        if m.end() < b:
            yield a, m.end()
            a = m.end()
    yield a, b


_QUOTE_REACH = 2_000  # characters after a cut in which an open bracket's closing one is looked for


@cache
def _quote_pairs() -> tuple[dict[str, str], re.Pattern[str]]:
    """CJK bracket pairs (opening → closing) and the quoting particles after a closing bracket, from
    ``data/quote_brackets.toml``."""
    data = table("quote_brackets")
    particles = sorted(data["particles"], key=len, reverse=True)
    return {p[0]: p[1] for p in data["pairs"]}, re.compile("|".join(map(re.escape, particles)))


def _open_closer(view: str, a: int, b: int) -> str | None:
    """The closing bracket that ``view[a:b]`` leaves owed (of its outermost pair still open), or None."""
    pairs, _ = _quote_pairs()
    owed: list[str] = []
    for c in view[a:b]:
        if owed and c == owed[-1]:
            owed.pop()
        elif c in pairs:
            owed.append(pairs[c])
    return owed[0] if owed else None


def _quoted_kept(view: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` with a cut after CJK text joined to the next piece when it falls inside a bracket pair that closes
    later in ``view`` ("「…要だ。" | "官民で守りを固める」と述べた。"), or right after a closing bracket that a quoting
    particle follows ("「…ない。」" | "と述べた。"). English cuts are left as the segmenter made them."""
    pairs, particle = _quote_pairs()
    if not any(o in view for o in pairs) or not _CJK.search(view):
        return pieces
    closers = "".join(pairs.values())
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out:
            start, end = out[-1]
            last = view[start:end].rstrip()
            tail = last.rstrip(closers + "\"'\u2019)")
            tail = tail.rstrip(".!?\u3002\uff01\uff1f\uff0e")
            closer = _open_closer(view, start, end)
            if tail and _CJK.match(tail[-1]) and (
                (closer is not None and view.find(closer, end, end + _QUOTE_REACH) >= 0)
                or (closer is None and last != tail and last[-1] in closers
                    and particle.match(view, a))
            ):
                out[-1] = (start, b)
                continue
        out.append((a, b))
    return out


def _trimmed(view: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in pieces:
        piece = view[a:b]
        # a sentence opens with no separator: "What is it?: The Respect for Marriage Act, …" is cut after the "?",
        # and the ": " left before the next sentence belongs to neither
        a += re.match(r"(?:\s|[:;,](?=\s))*", piece).end()
        b -= len(piece) - len(piece.rstrip())
        if b > a and _WORD.search(view, a, b):
            out.append((a, b))
    return out


def _holds_together(left: str, right: str) -> bool:
    """Whether a segmenter cut between ``left`` (the end of a piece) and ``right`` (the start of the
    next) falls after an abbreviation or a date, not at a sentence end."""
    if not left or left[-1] not in _ABBREV_TAIL:
        return False
    if right[:1].islower():  # '"Will it work?" she asked.', "e.g. those"
        return bool(re.search(r"[.,;:!?]['\"\u2019\u201d)]*$", left))
    if _DATE_NEXT.match(right) and _DATE_SO_FAR.search(left):
        return True  # "2019." | "7. 4."
    if right[:1].isalpha() and not right[:1].isupper() and _DATE_WHOLE.search(left):
        return True  # "정부는 2019. 7. 4." | "새 대책을 ..."
    m = _LAST_TOKEN.search(left)
    if not m:
        return False
    token = m.group(1).lower()
    if _opens_with_dash(right) and _DATELINE_ABBREV.fullmatch(m.group(1)):
        return True  # "SAN JOSE, Calif. — A federal …": a dateline's region, then its dash; no sentence opens with one
    if right[:1].isdigit():
        if token in _before_number():
            return True
    elif token in _before_number():
        return False  # "he said no."
    if left.endswith(("'", '"', "\u2019", "\u201d", ")")):
        return False  # "... called it the U.S." Next sentence.
    if _INITIALS.fullmatch(m.group(1)) and token not in _ENDS_OFTEN and right[:1].isupper():
        return True  # a name's initials: "C.C. Wei", "J. Smith"
    return token in _abbreviations() and token not in _ENDS_OFTEN


_INITIALS = re.compile(r"(?:[A-Z]\.){0,3}[A-Z]")
# a capitalised abbreviation that ends a dateline's place or region ("Calif.", "Ky.", "D.C.", "Mass.", "Pa.")
_DATELINE_ABBREV = re.compile(r"[A-Z][A-Za-z.]{0,5}")


@cache
def _dateline_dashes() -> str:
    """The dashes that close a dateline (``data/datelines.toml``, the list ``rag.text.datelines`` reads)."""
    return "|".join(re.escape(d) for d in sorted(table("datelines")["dashes"], key=len, reverse=True))


def _opens_with_dash(right: str) -> bool:
    """Whether a piece opens with a dateline's closing dash and a space ("— A", "-- T")."""
    return re.match(rf"(?:{_dateline_dashes()})\s", right) is not None
_ABBREV_TAIL = frozenset(".!?'\"\u2019\u201d)")
# Abbreviations that often end a sentence too ("... Applied Materials Inc. Shares fell"); only the
# segmenter's own judgement (not the guard) keeps them inside a sentence.
_ENDS_OFTEN = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "u.s", "u.k", "u.n", "e.u", "etc", "al", "d.c"})


def _guard(view: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        # Bounded look-back and look-ahead keep the anchored searches linear on unspaced text.
        if out and _holds_together(view[max(out[-1][0], out[-1][1] - 64) : out[-1][1]], view[a : a + 4]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
