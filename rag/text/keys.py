"""Comparison keys for metadata values that users type: publisher names match whatever their case and spacing."""

from __future__ import annotations

from rag.text.normalize import match_form


def publisher_key(name: str | None) -> str:
    """``"  ＷＩＲＥ   a "`` → ``"wire a"``: the matching form (``match_form``), spaces collapsed; "" for None."""
    if not name:
        return ""
    return " ".join(match_form(name).split())
