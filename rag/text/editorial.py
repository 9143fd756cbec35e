"""Editorial marks in quoted text: "[sic]" after a word says the source spelled it so.

"The Japanese government most [sic] improve its technology controls" quotes a slip of the pen ("most" for "must")
and marks it. The mark is no content of the sentence: a reader comparing the sentence with a claim leaves it out,
and may read the marked word as the word that was meant, the nearest word (by edit distance) among ``meant``, the
words the reader expects (a claim's own words: "must"). An unmarked word is always read as written: only the mark
says the spelling is the source's slip ("most" elsewhere is "most"). Marks read: "[sic]", "(sic)", "[sic!]",
"[sic.]", "[*sic*]", any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz.distance import OSA

__all__ = ["Reading", "sic_reading", "MAX_EDITS"]

_MARK = re.compile(r"\s*[\[(]\s*\*?\s*sic\s*[!.]?\s*\*?\s*[\])]", re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)([\"”’']?)$")
#: a marked word is read as a meant word at most this many edits away (optimal string alignment distance,
#: rapidfuzz.distance.OSA: insertions, deletions, substitutions,
#: transpositions of neighbours): "there" for "their"; a word of four letters or fewer one edit ("most" for "must"),
#: a long one a third ("goverment" for "government")
MAX_EDITS = 2
_SHORT, _LONG = 4, 8


@dataclass(frozen=True)
class Reading:
    """A text as read without its editorial marks: ``text``, and ``origin[k]``, the offset in the source text of
    the reading's character ``k`` (``origin[len(text)]`` is the source's length)."""

    text: str
    origin: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source text's (start, end) of the reading's ``text[start:end]``."""
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]


def _meant(word: str, meant: Iterable[str]) -> str | None:
    """The one word of ``meant`` nearest ``word`` within its edit budget (``MAX_EDITS``; one for a short word, one
    more for a long one),
    other than ``word`` itself; None when there is none or two are equally near."""
    low = word.lower()
    budget = 1 if len(low) <= _SHORT else MAX_EDITS + (len(low) >= _LONG)
    near = sorted({(d, m.lower()) for m in meant if m.isalpha() and m.lower() != low
                   and (d := OSA.distance(low, m.lower())) <= budget})
    if not near or (len(near) > 1 and near[1][0] == near[0][0]):
        return None
    best = near[0][1]
    return best[:1].upper() + best[1:] if word[:1].isupper() else best


def sic_reading(text: str, meant: Iterable[str] = ()) -> Reading:
    """``text`` without its "[sic]" marks, each marked word read as the word meant when ``meant`` holds one within
    its edit budget (``_meant``), else as written. Text without a mark reads as it is."""
    words = list(meant)
    out: list[str] = []
    origin: list[int] = []
    at = 0
    for m in _MARK.finditer(text):
        before = text[at:m.start()]
        w = _WORD_BEFORE.search(before)
        fix = _meant(w.group(1), words) if w else None
        if fix is not None:
            keep = before[:w.start(1)]
            out.append(keep)
            origin.extend(range(at, at + len(keep)))
            out.append(fix)  # the meant word stands where the written one did
            origin.extend(min(at + w.start(1) + k, at + w.end(1) - 1) for k in range(len(fix)))
            tail = before[w.end(1):]
            out.append(tail)
            origin.extend(range(at + w.end(1), at + w.end(1) + len(tail)))
        else:
            out.append(before)
            origin.extend(range(at, m.start()))
        at = m.end()
    out.append(text[at:])
    origin.extend(range(at, len(text)))
    origin.append(len(text))
    return Reading("".join(out), tuple(origin))
