"""The person a question's asked sentence points at with a pronoun: "Convicted fraudster Mirela Vass has been moved
to an open prison. How long is she facing in prison?" asks about Mirela Vass. Read alone, "How long is she facing in
prison?" is as close to another woman's "she was sentenced to six years in prison" as to Vass's own term, so the
asked view (``asked_view``) embeds the asked sentence with the name in the pronoun's place (its key terms keep the
background's weight there).

Only when the background names exactly one person by a full name (``background_person``) and the asked sentence
holds a singular personal pronoun of ``rag/text/data/asked_referents.toml``; otherwise the asked sentence is returned
unchanged ("it", "they", two people named, a place only).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table, word_set
from rag.writers.answer_value import is_person_name
from rag.writers.key_terms import entities

__all__ = ["background_person", "with_referent"]


@cache
def _pronouns() -> dict[str, frozenset[str]]:
    data = table("asked_referents")
    return {k: frozenset(data[k]) for k in ("subject", "object", "possessive", "object_or_possessive")}


def _without_common_opener(name: str, initial: bool) -> tuple[str, bool]:
    """A sentence-initial run without its leading everyday words that are no titles ("Former Amsel" -> "Amsel",
    "Convicted Ghislaine Maxwell" -> "Ghislaine Maxwell"; "Queen Elizabeth II" is kept): capitalised only because
    the sentence starts there."""
    if not initial:
        return name, initial
    words = name.split()
    common, titles = word_set("general_vocabulary"), word_set("titles") | word_set("entity_titles")
    while len(words) > 1 and words[0].lower() in common and words[0].lower() not in titles:
        words = words[1:]
    return " ".join(words), initial and len(words) == len(name.split())


def background_person(background: str) -> str | None:
    """The one person ``background`` names by a full name (two or more words; its longest spelling: "Ghislaine
    Maxwell" over a later "Maxwell"), or None when it names no one so, or two ("Prince Harry and Meghan Markle";
    "Pavel Duran left Lindholm FC": a club's name reads as a person's too). A one-word name alone is as often an
    unknown place or a modifier ("near Lindmark", "Former Amsel mayor") as a person: it is not taken."""
    names = [n for n, initial in (_without_common_opener(n, i) for n, i in entities(background))
             if not (initial and len(n.split()) == 1) and is_person_name(n)]
    people: list[str] = []
    for n in names:
        words = set(n.split())
        same = [p for p in people if words & set(p.split())]
        if same:
            if len(n) > len(same[0]):
                people[people.index(same[0])] = n
        else:
            people.append(n)
    full = [p for p in people if len(p.split()) > 1]
    return full[0] if len(full) == 1 else None


def with_referent(asked: str, background: str) -> str:
    """``asked`` with its first singular personal pronoun replaced by the one person ``background`` names
    ("How long is her term?" -> "How long is Mirela Vass's term?"); ``asked`` unchanged when there is no such
    pronoun or no single person (``background_person``)."""
    if not background:
        return asked
    pro = _pronouns()
    every = pro["subject"] | pro["object"] | pro["possessive"] | pro["object_or_possessive"]
    m = re.search(r"\b(" + "|".join(sorted(every, key=len, reverse=True)) + r")\b", asked, re.I)
    if m is None:
        return asked
    person = background_person(background)
    if person is None:
        return asked
    word = m.group(1).lower()
    possessive = word in pro["possessive"]
    if word in pro["object_or_possessive"]:
        nxt = re.match(r"\s+([A-Za-z][\w'’-]*)", asked[m.end():])
        possessive = bool(nxt) and nxt.group(1).lower() not in word_set("stopwords")
    return asked[: m.start()] + (f"{person}'s" if possessive else person) + asked[m.end():]
