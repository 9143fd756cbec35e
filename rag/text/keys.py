"""Comparison keys for metadata values that users type: publisher names match whatever their case and spacing."""

from __future__ import annotations

import unicodedata


def publisher_key(name: str | None) -> str:
    """``"  ＷＩＲＥ   a "`` → ``"wire a"``: NFKC (full-width forms, ligatures), case-folded, spaces collapsed; "" for None."""
    if not name:
        return ""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
