"""The full name an acronym abbreviates, read from the text that writes only the full name.

A report names a body in full ("China's Taiwan Affairs Office said …") and a question or a claim by its acronym
("What did the TAO say …?"). ``spelled_name`` finds, in a text, the run of capitalised words whose initials are the
acronym's letters, small joining words ("of", "and", "for", "the", "on", "de", "&") skipped or read as letters: "TAO"
is "Taiwan Affairs Office", "MOFCOM" is not found (its letters are no initials), "NCC" "National Communications
Commission", "BOJ" "Bank of Japan". Read through ``rag.support.name_readings.acronym_reading`` by the support
checker (a claim's acronym in the passage's full form) and by the answer writer (``rag.writers.extractive``: a
question's acronym in its evidence's form), so both read an acronym alike.

Shapes: strings in, a string (the name as written in the text) or None out. Errors: none.
"""

from __future__ import annotations

import re

__all__ = ["is_acronym", "spelled_name"]

#: joining words inside a name: skipped, or read as a letter of the acronym ("BOJ": "Bank of Japan")
_JOINS = frozenset({"of", "and", "for", "the", "on", "de", "&"})
#: a run of capitalised words, joining words between them ("Ministry of Economy, Trade and Industry" without its comma
#: is two runs; the comma is read as a joint too)
_RUN = re.compile(rf"[A-Z][\w'’-]*(?:(?:,?\s+(?:{'|'.join(sorted(_JOINS))})\s+|,?\s+)[A-Z][\w'’-]*)*")
#: an acronym read here: three to eight capital letters ("TAO", "NCC"); two letters ("US", "EU") are spelled by chance
#: by too many pairs of capitalised words
_ACRONYM = re.compile(r"[A-Z]{3,8}")


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym read here: three to eight capital letters ("TAO", "NCC"), nothing
    else."""
    return _ACRONYM.fullmatch(word) is not None


def _spells(letters: str, words: list[str]) -> bool:
    """Whether ``words`` (a name's words in order) spell ``letters`` (lower case) by their first letters, each
    joining word giving its letter or none."""
    if not words:
        return not letters
    w = words[0]
    if w.lower() in _JOINS and _spells(letters, words[1:]):
        return True
    return bool(letters) and w[0].lower() == letters[0] and _spells(letters[1:], words[1:])


def spelled_name(acronym: str, text: str) -> str | None:
    """The name in ``text`` that ``acronym`` abbreviates: a run of capitalised words (joining words between them)
    whose words' first letters are the acronym's letters, as written in ``text`` ("Taiwan Affairs Office" for "TAO" in
    "China's Taiwan Affairs Office said …"); a run's last words suffice ("China Taiwan Affairs Office" holds it). None
    when ``acronym`` is no acronym (``is_acronym``) or ``text`` writes no such name, and when ``text`` writes the
    acronym itself (nothing to spell out)."""
    if not is_acronym(acronym) or re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
        return None
    letters = acronym.lower()
    for m in _RUN.finditer(text):
        words = [w for w in re.split(r",?\s+", m.group(0)) if w]
        for start in range(len(words)):
            if words[start].lower() in _JOINS:
                continue
            for end in range(start + 1, len(words) + 1):
                if words[end - 1].lower() in _JOINS:
                    continue
                if _spells(letters, words[start:end]):
                    found = re.search(r",?\s+".join(re.escape(w) for w in words[start:end]), m.group(0))
                    return found.group(0) if found else " ".join(words[start:end])
    return None
