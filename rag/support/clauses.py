"""Clause splitting, so an unsupported addition inside a long claim is caught."""

from __future__ import annotations

import re

from rag.support.facts import content_words
from rag.text.lexicon import word_set

# --------------------------------------------------------------------------------------------
# Clause splitting for unsupported additions
# --------------------------------------------------------------------------------------------

_CLAUSE_SPLIT_RE = re.compile(
    r"\s*[,;:()]\s*(?:(?:and|but|while|whereas|which|who|as well as)\s+)?|\s+-\s+|\s+as well as\s+"
    r"|\s+(?:while|whereas|that|which|who|whose)\s+"
    r"|\s+and\s+(?=(?:also\s+|then\s+|later\s+)?[a-z]+(?:ed|es)\b)"
)


_SUBORDINATORS = sorted(word_set("clause_subordinators"), key=len, reverse=True)
# after punctuation, around a dash or a long parenthesis, and before a subordinating word ("... on Tuesday | after
# it reported record revenue"), which stays with its clause
_FRAGMENT_SPLIT_RE = re.compile(r"(?<=[,;:])\s+|\s+-\s+|\s+\((?=[^)]{20,}\))|\s+(?=(?:"
                                + "|".join(map(re.escape, _SUBORDINATORS)) + r")\s)")


def fragments(sentence: str, *, min_words: int = 6) -> list[str]:
    """Clause-sized pieces (at least ``min_words`` words) of a long sentence, split at clause punctuation and
    before a subordinating word (``clause_subordinators``), so a claim about one clause is not diluted by the rest."""
    pieces = [p.strip(" ,;:()") for p in _FRAGMENT_SPLIT_RE.split(sentence)]
    pieces = [p for p in pieces if len(p.split()) >= min_words]
    return pieces if len(pieces) > 1 else []


def clauses(masked: str) -> list[str]:
    """Clauses of a claim, for spotting an added clause; reporting frames ("The brief judges that") are dropped."""
    out: list[str] = []
    pos = 0
    for m in _CLAUSE_SPLIT_RE.finditer(masked):
        piece = masked[pos : m.start()]
        pos = m.end()
        if piece.strip() and not _is_frame(piece, before_that=m.group(0).strip() == "that"):
            out.append(piece)
    if masked[pos:].strip() and not _is_frame(masked[pos:], before_that=False):
        out.append(masked[pos:])
    return out


_REPORTING_VERBS = word_set("reporting_verbs")


def _is_frame(clause: str, *, before_that: bool) -> bool:
    """An attribution like "the author argues" or "The brief judges (that ...)": no facts of its own."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", clause)]
    content = content_words(clause)
    if len(content) > 3:
        return False
    return before_that or any(w in _REPORTING_VERBS for w in words)
