"""The places and the amounts a text names, read once per text in a process: the fact reader, the token alignment,
the metonymy keys and the role reader all ask for the places of the same claim, sentences and window (about three
calls per distinct text on the checker benchmark's chunk pairs); the fact reader, the token alignment, the time and
revision signals ask for the amounts of the same texts (about two calls per distinct text)."""

from __future__ import annotations

from functools import lru_cache

from rag.text.numbers import Quantity
from rag.text.numbers import find_quantities as _read_quantities
from rag.text.places import PlaceMention
from rag.text.places import place_mentions as _read_places


@lru_cache(maxsize=4096)
def place_mentions(text: str) -> tuple[PlaceMention, ...]:
    """``rag.text.places.place_mentions`` of ``text`` (left to right, non-overlapping), as a read-only tuple."""
    return tuple(_read_places(text))


@lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[Quantity, ...]:
    """``rag.text.numbers.find_quantities`` of ``text`` (in text order), as a read-only tuple."""
    return tuple(_read_quantities(text))
