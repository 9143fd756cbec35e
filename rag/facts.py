"""Salient facts of a news text: numbers with their units, dates and names, the things a correction changes.

Two near-identical articles whose fact sets differ are versions of a story (an update or correction), not
duplicates. Extraction is regex-level on purpose: it only has to notice that "23 types" became "25 types", that
"Nikon" became "Canon" or that "May 19" became "May 20", not to understand them.
"""

from __future__ import annotations

import re

# A number, possibly with a currency sign, thousands separators, decimals or date separators (2023-05-19),
# and the unit word or percent sign that follows it.
# ("17 trillion won": a scale word, recognised by its "-illion" ending, takes the word after it as well.)
_NUMBER = re.compile(r"(?<![\w.])([$€£¥]?\d(?:[\d,./:-]*\d)?)( ?%|[ ][a-z]*illion(?:[ ][a-z]+)?|[ ][a-z]+)?")
# A run of capitalised words ("Tokyo Electron", "Screen Holdings", "SMIC").
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’&-]*(?:[ ][A-Z][\w'’&-]*)*")
_SENTENCE_ENDS = frozenset('.!?:;"“”')


def salient_facts(text: str) -> frozenset[str]:
    """Facts of ``text`` as comparable strings: ``"23 types"``, ``"2023-05-19"``, ``"Tokyo Electron"``."""
    facts: set[str] = set()
    for m in _NUMBER.finditer(text):
        unit = (m.group(2) or "").strip().lower()
        facts.add(f"{m.group(1).rstrip('.,')} {unit}".strip())
    for m in _NAME.finditer(text):
        name = m.group(0).removesuffix("'s").removesuffix("’s")
        # A single capitalised word that opens a sentence ("Officials said") is not known to be a name.
        if " " not in name and _opens_sentence(text, m.start()):
            continue
        facts.add(name)
    return frozenset(facts)


def _opens_sentence(text: str, pos: int) -> bool:
    window = text[max(0, pos - 8) : pos]
    before = window.rstrip()
    if not before or before[-1] in _SENTENCE_ENDS:
        return True
    # A new line opens a sentence unless the line before stops mid-sentence (a lower-case word or a comma):
    # press releases and PDFs wrap lines inside sentences, headlines and captions end without a full stop.
    return "\n" in window[len(before) :] and not (before[-1].islower() or before[-1] == ",")


def differing_facts(mine: frozenset[str], theirs: frozenset[str]) -> list[str]:
    """What ``mine`` states that ``theirs`` does not, sorted (numbers first, as readers look for them)."""
    return sorted(mine - theirs, key=lambda f: (not f[:1].isdigit() and f[:1] not in "$€£¥", f))
