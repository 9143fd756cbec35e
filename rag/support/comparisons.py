"""A claim that likens its subject to a party the passage sets it apart from ("Like Micron, Arvenna was barred"
against "Unlike Micron, Arvenna was not barred"), or sets apart one the passage likens: openers of
``data/comparisons.toml``. The reason starts "negation mismatch", so it counts as the polarity signal."""

from __future__ import annotations

import re

from rag.support.data_files import data_table

__all__ = ["compared_parties", "comparison_conflict"]

_TABLE = data_table("comparisons")


def _opener_re(openers: list[str]) -> re.Pattern[str]:
    alt = "|".join(r"\s+".join(map(re.escape, o.split())) for o in sorted(openers, key=len, reverse=True))
    # at a clause's start (text start, or after punctuation), then the party: capitalised words
    return re.compile(r"(?:^|[,;:(—–]\s*|\.\s+)(?:" + alt + r")\s+(?:the\s+)?((?:[A-Z][\w'’&.\-]*\s*){1,4})", re.I)


_ALIKE = _opener_re(_TABLE["alike"])
_CONTRAST = _opener_re(_TABLE["contrast"])


def compared_parties(text: str) -> dict[str, int]:
    """Each party ``text`` compares its subject with -> +1 (likened) or -1 (set apart); a party is the first word of
    its name, lower case, without a possessive ("Micron Technology" -> "micron")."""
    out: dict[str, int] = {}
    for sign, rx in ((-1, _CONTRAST), (1, _ALIKE)):
        for m in rx.finditer(text):
            name = m.group(1).split()
            if not name or not name[0][:1].isupper():
                continue
            out.setdefault(re.sub(r"['’]s$", "", name[0]).lower(), sign)
    return out


def comparison_conflict(claim: str, window: str) -> str | None:
    """A reason when the claim likens its subject to a party the window sets it apart from, or the reverse; None
    otherwise (no comparison, or the same one)."""
    theirs = compared_parties(window)
    for party, sign in compared_parties(claim).items():
        if theirs.get(party, sign) != sign:
            said = "likens it to" if sign > 0 else "sets it apart from"
            return f"negation mismatch: the claim {said} '{party}', the passage does the opposite"
    return None
