"""An ambiguous place read as its usual case where the text names none of its cases: "Korea's Ministry of Foreign
Affairs" in a text that never names North or South Korea is South Korea's, so "Seoul summoned ..." restates it.
Cases: ``rag/text/data/places.toml`` (``broader``); usual cases: ``data/usual_places.toml``."""

from __future__ import annotations

from typing import Iterable

from rag.support.data_files import data_table
from rag.text.places import covers

__all__ = ["usual_reading"]

USUAL: dict[str, str] = dict(data_table("usual_places")["usual"])


def usual_reading(wanted: str, found: Iterable[str]) -> bool:
    """Whether the places ``found`` in a text (keys) name place ``wanted`` by an ambiguous place whose usual case it
    is, the text naming no case of that place ("korea" found alone, "south_korea" wanted)."""
    found = set(found)
    return any(USUAL.get(f) == wanted and not any(g != f and covers(g, f) for g in found) for f in found)
