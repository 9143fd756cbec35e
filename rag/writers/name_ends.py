"""Where a capitalized name ends when punctuation or a list seems to cut it, for entity lists (``key_terms.names_in``).

- An abbreviation's period inside or at the end of a name (``rag/text/data/name_abbreviations.toml``): a company's
  legal suffix keeps its period and the suffix after it ("Kanto Steel Co. Ltd", "Arcturus Holdings Inc."); a
  numbering abbreviation takes the number after it ("Announcement No. 62"), and without a number it is dropped.
- An organisation named by its remit, a list joined by "and" ("Japan Organization for Metals and Energy Security",
  "Center for Strategic and International Studies", "Bureau of Industry and Security"): the run after "and" belongs
  to the name when the name before it is an organisation word followed by "of" or "for", and each word after "and"
  is an organisation word or a common word (``general_vocabulary.txt``) that is no place; a word followed by "of" or
  "for" opens another organisation's name ("… and Bank of Japan"), and after a title ("Minister of Trade and
  Industry Park Jin") only the one word after "and" is the name's (the holder's name follows).
"""

from __future__ import annotations

import re

from rag.text.lexicon import table, word_set
from rag.text.places import place_of_word

__all__ = ["abbreviation_end", "keeps_period", "remit_list"]

_ABBR = table("name_abbreviations")
_SUFFIXES = frozenset(_ABBR["suffixes"])
_NUMBERED = frozenset(_ABBR["numbered"])
_ORG_WORDS = word_set("org_words")
_COMMON = word_set("general_vocabulary")
_TITLE_WORDS = frozenset(w.lower() for w in word_set("titles") | word_set("entity_titles"))

#: the list after a name's "of"/"for" words: ", Trade and Industry", " and Energy Security"
_REMIT_RE = re.compile(r"((?:,\s+[A-Z][a-z]+)*,?\s+and)((?:\s+[A-Z][a-z]+\b(?![-’']))+)")
_SUFFIX_TAIL_RE = re.compile(r"\.(,?\s+([A-Z][A-Za-z]*)\b(\.?))?")
_NUMBER_RE = re.compile(r"\.\s?\d[\w\-/]*")


def _last_word(run: str) -> str:
    return run.split()[-1].lower() if run.split() else ""


def keeps_period(name: str) -> bool:
    """True when ``name`` ends with a legal suffix whose period is part of the name ("Arcturus Holdings Inc")."""
    return _last_word(name) in _SUFFIXES


def abbreviation_end(text: str, run: str, end: int) -> tuple[str, int] | None:
    """The whole name when ``run`` (a name match of ``text`` ending at ``end``) ends at an abbreviation's period, as
    (name, end); None when it does not. "Kanto Steel Co" + ". Ltd said" -> "Kanto Steel Co. Ltd"; "Announcement
    No" + ". 62 on" -> "Announcement No. 62"; "Decree No" + ". The" -> "Decree" (a numbering word without its
    number is no part of the name)."""
    last = _last_word(run)
    if last in _NUMBERED:
        number = _NUMBER_RE.match(text, end)
        if number:
            return run + number.group(0), number.end()
        return run.rsplit(None, 1)[0] if " " in run else "", end
    if last in _SUFFIXES and text[end:end + 1] == ".":
        tail = _SUFFIX_TAIL_RE.match(text, end)
        if tail and tail.group(2) and tail.group(2).lower() in _SUFFIXES:  # "Co. Ltd", "Co., Ltd."
            return run + tail.group(0), tail.end()
        return run + ".", end + 1
    return None


def _remit_word(word: str) -> bool:
    low = word.lower()
    return low in _ORG_WORDS or (low in _COMMON and place_of_word(word) is None)


def remit_list(text: str, run: str, end: int) -> str:
    """The list that ends the organisation name ``run`` (ending at ``end`` in ``text``) names by its remit, as
    written after ``run`` (", Trade and Industry", " and Energy Security"); "" when none does."""
    if not re.search(r"\s(?:of|for)\s", run):
        return ""
    m = _REMIT_RE.match(text, end)
    if not m:
        return ""
    listed = re.findall(r"[A-Z][a-z]+", m.group(1))
    after = m.group(2).split()
    head = re.split(r"\s(?:of|for)\s", run)[0].split()[-1].lower()
    if all(w.lower() in _ORG_WORDS for w in listed + after[:1]):
        pass  # "Ministry of Economy, Trade and Industry": a department's words (the list as it was read before)
    elif not (head in _ORG_WORDS and all(_remit_word(w) for w in listed + after[:1])):
        return ""
    words = [after[0]]
    titled = bool(set(run.lower().split()) & _TITLE_WORDS)
    for w in after[1:]:
        if titled or not _remit_word(w):
            break
        words.append(w)
    rest = text[m.end(1):]
    taken = re.match(r"\s+" + r"\s+".join(map(re.escape, words)), rest)
    nxt = text[m.end(1) + taken.end():]
    if re.match(r"\s+(?:of|for)\b", nxt):
        if len(words) == 1:
            return ""  # "… and Bank of Japan": the word after "and" opens another organisation's name
        words, taken = words[:-1], re.match(r"\s+" + r"\s+".join(map(re.escape, words[:-1])), rest)
    return m.group(1) + taken.group(0)
