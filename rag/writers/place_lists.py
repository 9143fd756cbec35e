"""Which countries: a sentence naming several countries answers a question asking for several.

s67 user's F15: "Which countries received China's indium exports in October?" was answered "none gives the name the
question asks for" though the report says "South Korea took 4.1 tonnes of October's shipments, Japan 2.6 tonnes and
the Netherlands 1.2 tonnes": that sentence repeats few of the question's words (the lede, restating its premise,
sets the relevance bar), but it names the members asked for. ``asks_countries`` reads the question ("which/what
(<word>) countries|nations|economies", ``answer_values.toml`` [name].country_plurals); ``names_countries`` whether a
sentence names at least two countries the question does not (``rag.text.places.place_mentions``: names, demonyms,
capitals or governments, read as their countries).

Shapes: strings in, bool out. Errors: none.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table
from rag.text.places import place_mentions

__all__ = ["asks_countries", "names_countries"]


@cache
def _asking() -> re.Pattern[str]:
    plurals = "|".join(map(re.escape, table("answer_values")["name"]["country_plurals"]))
    return re.compile(rf"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:{plurals})\b", re.I)


def asks_countries(question: str) -> bool:
    """Whether ``question`` asks for several countries ("Which countries received …?", "What other nations …?")."""
    return _asking().search(question) is not None


def names_countries(text: str, question: str) -> bool:
    """Whether ``text`` names at least two countries that ``question`` does not name."""
    asked = {m.key for m in place_mentions(question)}
    return len({m.key for m in place_mentions(text)} - asked) >= 2
