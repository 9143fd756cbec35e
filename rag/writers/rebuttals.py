"""A party's reaction to an explanation is its rebuttal, not evidence against it (issue 10, item 5; s30).

"Evidence against" an explanation is counter-evidence: a finding ("an emergency inspection found no sign of illegal
transactions"), a fact that does not fit. A reaction of a party to the story ("South Korea has summoned a Japanese
embassy official to protest Abe's suggestion that it could not be trusted …" against Tokyo's security reason;
"They have rejected suggestions that the move was driven by worsening ties …", Japan denying its own motive) is what
that party says of it: its rebuttal, attributed to it ("Rebuttal by South Korea: …"), never weighed as evidence.

- **a reaction** is a sentence whose main clause (before its first "that") has a reaction verb
  (``hypothesis_structure.toml`` [rebuttals] reactions: protested, summoned, rejected, denied, dismissed, condemned …)
  and that reports no finding ([rebuttals] findings: "found no sign of", "showed that");
- **its party** is the first place the main clause of its reacting sentence names before the verb (``places.place_mentions``: "South Korea",
  "Seoul", "Japanese officials", "Beijing"), or, for a pronoun ("They have rejected …"), who the quote says denies it;
- **a party to the story** is a place the topic, the explanation's own quote, its holder or its denier names.

A reaction of someone who is not a party (analysts, a third country) is left to the weighing as before.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from rag.text.lexicon import table
from rag.text.places import place_mentions
from rag.text.sentences import sentence_texts

__all__ = ["parties", "reaction_party", "REBUTTAL_ROLE"]

#: the role of a piece of evidence against that is a party's reaction: shown as its rebuttal, not as evidence
REBUTTAL_ROLE = "rebuttal"
_MAIN_CLAUSE_END = re.compile(r"\bthat\b")


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(table("hypothesis_structure")["rebuttals"][kind]), re.I)


def parties(texts: Iterable[str | None]) -> set[str]:
    """The place keys (``"south_korea"``, ``"japan"``) that ``texts`` (the topic, the explanation's quote, its
    holder and denier) name: the parties to the story."""
    return {m.key for t in texts if t for m in place_mentions(t)}


def reaction_party(text: str, story: set[str], pronoun_is: str | None = None) -> str | None:
    """The party to the story (a place key in ``story``) whose reaction ``text`` reports, as the text names it
    ("South Korea"), or None when ``text`` is no reaction or its subject is no party. ``pronoun_is``: who a subject
    pronoun is ("They have rejected …" -> the quote's denier)."""
    if _pattern("findings").search(text):
        return None
    for sentence in sentence_texts(text) or [text]:  # the sentence that reacts, not the context quoted before it
        end = _MAIN_CLAUSE_END.search(sentence)
        main = sentence[:end.start()] if end else sentence
        m = _pattern("reactions").search(main)
        if m is not None:
            break
    else:
        return None
    head = main[:m.start()]
    found = place_mentions(head)
    if not found and pronoun_is and re.match(r"\s*(?:they|he|she|it)\b", head, re.I):
        found = place_mentions(pronoun_is)
        return pronoun_is if found and found[0].key in story else None
    return found[0].surface if found and found[0].key in story else None
