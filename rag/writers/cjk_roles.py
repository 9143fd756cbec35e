"""Roles of Chinese, Japanese and Korean sentences that the fitted role classifier cannot read.

The classifier (``rag.roles``) was fitted on English sentences, so ``role_typing`` leaves other languages untyped and
every section takes them, as reported fact. A CJK sentence that holds a judgement or forecast cue of
``data/role_cues_cjk.toml`` ("分析人士认为，这是对美国……的回应", "審査には90日程度かかる見通しだ", "…것으로 보인다") is
typed by it, so that the brief attributes it to its source; a sentence with no cue stays untyped.
"""

from __future__ import annotations

from functools import cache

from rag.text.lexicon import table
from rag.text.scripts import is_mostly_cjk

__all__ = ["cjk_role"]

#: the roles this reader assigns, in the order their cues are tried
ROLES = ("judgement", "forecast")


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    data = table("role_cues_cjk")
    return {role: tuple(w for words in data[role].values() for w in words) for role in ROLES}


def cjk_role(text: str) -> str | None:
    """"judgement" or "forecast" for a mostly-CJK sentence holding one of that role's cues; None otherwise
    (English text, or CJK text with no cue)."""
    if not is_mostly_cjk(text):
        return None
    cues = _cues()
    return next((role for role in ROLES if any(cue in text for cue in cues[role])), None)
