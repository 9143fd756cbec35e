"""Values paired in order with their holders: "A and B … X and Y respectively".

A report gives two or more parties their own figures in one sentence: "Two junior engineers, surnamed Baek and Min,
received two years and 18 months respectively"; "Samsung and SK Hynix posted operating profits of 9.1 trillion won
and 5.8 trillion won, respectively"; "Exports of gallium and germanium fell 22% and 9% in that order". Read once
here, so that the answer writer binds each value to its holder (a question about Min is answered by 18 months, not
by two years) and any other reader pairs them alike.

``respective_pairs(sentence)``: the (holder, value) pairs, in order; empty unless the sentence holds a marker of
``data/respective_markers.txt`` ("respectively", "in that order") after a coordinated list of values, each holding a
number (digits or a spelled number), and, before that list, a coordinated list of as many holders ("A and B", "A, B
and C", "A, B, and C"): names (capitalised word runs) when the sentence has such a list of the right length, else
single lower-case words ("indium and gallium").
``holder_value(question, sentence)``: the value the sentence pairs with the one holder the question names (every
word of the holder in the question, case-insensitive), or None (no pairs, no holder named, or several).

Shapes: strings in; a tuple of (holder, value) string pairs, or a string or None, out. Errors: none.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import alternation, word_list
from rag.text.numbers import is_number_word

__all__ = ["respective_pairs", "holder_value"]

#: the separators of a coordinated list: ", ", ", and ", " and " (not the comma inside "40,000")
_SEP = re.compile(r"\s*,\s+(?:and\s+)?|\s+and\s+")
#: a name: a run of capitalised words ("SK Hynix", "South Korea", "Bank of Japan"), "the" before it allowed
_NAME = r"(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+)?[A-Z][\w.'’&-]*)*"
_NAMES = re.compile(rf"{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME}")
_WORDS = re.compile(r"\b[a-z][\w-]*(?:\s*,\s*[a-z][\w-]*)*\s*,?\s+and\s+[a-z][\w-]*")
#: a value's start: a digit, a currency sign, or a spelled number
_DIGIT = re.compile(r"[$€£¥₩]?\d")


@cache
def _marker() -> re.Pattern[str]:
    return re.compile(r",?\s*\b(?:" + alternation(word_list("respective_markers")) + r")\b", re.I)


def _value_start(item: str) -> int | None:
    """Where a value starts in a list item (its first digit, currency sign or spelled number), or None."""
    for m in re.finditer(r"\S+", item):
        word = m.group().strip("(),;")
        if _DIGIT.match(word) or is_number_word(word):
            return m.start()
    return None


def _values(before: str) -> tuple[list[str], int] | None:
    """The coordinated values ending ``before`` (the text up to the marker) and where their list starts."""
    items = _SEP.split(before.rstrip(" ,"))
    if len(items) < 2:
        return None
    # the list's items are the trailing ones holding a number; the first of them may open with other words
    values: list[str] = []
    for item in reversed(items):
        start = _value_start(item)
        if start is None:
            break
        values.insert(0, item[start:].strip())
        if start > 0:  # "received two years": the words before the value end the list
            break
    if len(values) < 2:
        return None
    first = before.rfind(values[0])
    return values, first


def _holders(text: str, n: int) -> list[str] | None:
    """The last coordinated list of ``n`` holders in ``text``: names, else single lower-case words."""
    for pattern in (_NAMES, _WORDS):
        found = [m.group() for m in pattern.finditer(text)]
        for group in reversed(found):
            items = [i.strip() for i in _SEP.split(group) if i.strip()]
            items = [re.sub(r"^the\s+", "", i) for i in items]
            if len(items) == n:
                return items
    return None


def respective_pairs(sentence: str) -> tuple[tuple[str, str], ...]:
    """The (holder, value) pairs a sentence gives "respectively" (module doc), in order; () when it gives none."""
    marker = _marker().search(sentence)
    if marker is None:
        return ()
    read = _values(sentence[:marker.start()])
    if read is None:
        return ()
    values, start = read
    holders = _holders(sentence[:start], len(values))
    if holders is None:
        return ()
    return tuple(zip(holders, values))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def holder_value(question: str, sentence: str) -> str | None:
    """The value ``sentence`` pairs with the one holder ``question`` names (module doc), or None."""
    pairs = respective_pairs(sentence)
    if not pairs:
        return None
    asked = set(_words(question))
    named = [value for holder, value in pairs if _words(holder) and set(_words(holder)) <= asked]
    return named[0] if len(named) == 1 else None
