"""A weekday bound to another act of the report: "The GPUs were seized on Sunday" over "Customs officials seized 300
GPUs on Saturday at Incheon airport, the agency said Sunday." Every word and weekday of the claim is in the passage,
so the date checks (a weekday the text lacks) and the window's date (``features.other_date``: one the window lacks)
pass; but the passage gives Sunday to the announcement and Saturday to the seizure.

A weekday's act is the content words of its clause part: back to the previous comma, semicolon, sentence end or
weekday, and on to the next one (a weekday that opens its clause, "On Saturday, customs seized …", takes the part
after its comma). ``other_day`` gives a reason when the claim's words around its weekday share no content word with
any passage part of that weekday, while a part of another weekday shares one (the claim's act is dated otherwise).
"""

from __future__ import annotations

import re

from rag.support.lexicon import STOPWORDS
from rag.text.dates import WEEKDAYS
from rag.text.tokens import stem

__all__ = ["other_day"]

_DAY_RE = re.compile(r"\b(" + "|".join(d.capitalize() for d in WEEKDAYS) + r")\b")
_BOUNDARY_RE = re.compile(r"[,;:.!?—–]\s|[.!?]$|\s--\s")
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_OPENERS = frozenset({"on", "last", "this", "late", "early", "by", "until", "since"})


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w.lower()) for w in _WORD_RE.findall(text)
                     if w.lower() not in STOPWORDS and w.lower() not in WEEKDAYS)


def _parts(text: str) -> list[tuple[str, frozenset[str]]]:
    """(weekday, content stems of its clause part) of each weekday written in ``text`` (see the module)."""
    days = list(_DAY_RE.finditer(text))
    cuts = [m.start() for m in _BOUNDARY_RE.finditer(text)]
    out = []
    for k, m in enumerate(days):
        lo = max([c + 1 for c in cuts if c < m.start()] + [days[k - 1].end() if k else 0])
        hi = min([c for c in cuts if c >= m.end()] + [days[k + 1].start() if k + 1 < len(days) else len(text)])
        before, after = text[lo:m.start()], text[m.end():hi]
        if not _stems(before) and not after.strip() and hi < len(text):  # "On Saturday, customs seized …"
            nxt = min([c for c in cuts if c > hi] + [days[k + 1].start() if k + 1 < len(days) else len(text)])
            after = text[hi + 1:nxt]
        out.append((m.group(1).lower(), _stems(before) | _stems(after)))
    return out


def other_day(claim: str, passage: str) -> str | None:
    """A reason when the claim dates an act by a weekday that the passage gives only to other acts, and dates the
    claim's act by another weekday ("date: the passage gives Sunday to 'agency said', the claim's 'seized' to
    Saturday"); None otherwise (see the module)."""
    if not _DAY_RE.search(claim) or not _DAY_RE.search(passage):
        return None
    theirs = _parts(passage)
    for day, said in _parts(claim):
        own = [words for d, words in theirs if d == day]
        if not said or not own or any(said & words for words in own):
            continue
        other = next(((d, said & words) for d, words in theirs if d != day and said & words), None)
        if other:
            given = " ".join(sorted(own[0]))[:60]
            return (f"date: the passage gives {day.capitalize()} to '{given}', the claim's "
                    f"'{' '.join(sorted(other[1]))}' to {other[0].capitalize()}")
    return None
