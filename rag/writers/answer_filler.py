"""Whether a name a sentence gives fills the role a question asks for: a member of a class of organisations
("Which Japanese semiconductor equipment makers …?", "the name of the Chinese state-owned chipmaker …"), from the
country the question qualifies it with.

Two kinds of name do not fill it (seed qa-058, qa-062):

* a government named by its head ("the Trump administration", "the Kishida government"): a name followed by a
  government noun (``filler_words.toml`` [government_nouns]) is of another class than a company, though the name
  alone reads as one ("pressure from the Trump administration" does not name the chipmaker);
* a company its own sentence places in another country than the asked one ("ASML, a leading supplier … based in
  the Netherlands" for "Which *Japanese* … makers"): a demonym of another country right before the name, or another
  country named in the appositive after it (up to ``APPOSITIVE_CHARS`` characters, before its verb).

The organisation classes are the company group of ``member_classes.toml`` and compounds ending in one of its nouns
("chipmaker", "automaker"); the qualifier is a demonym in the question ("Japanese", "Chinese").
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.cjk_organisations import new_organisations
from rag.text.lexicon import table, word_set
from rag.text.normalize import compat_form
from rag.text.places import place_mentions, same_place
from rag.text.tokens import stem
from rag.writers.answer_act import verb_form
from rag.writers.answer_kind import named_elsewhere
from rag.writers.answer_value import only_source
from rag.writers.key_terms import ENTITY_NOISE, entities

__all__ = ["APPOSITIVE_CHARS", "asked_organisation", "fills", "gives_filler"]

#: how far after a name its appositive ("ASML, a leading supplier … based in the Netherlands,") is read
APPOSITIVE_CHARS = 160
#: the appositive ends at its clause's verb (", was halting", ", is", ", has")
_APPOSITIVE_END = re.compile(r",\s+(?:was|is|were|are|has|have|had|will|said|says)\b")


@cache
def _company_nouns() -> tuple[str, ...]:
    groups = table("member_classes")["groups"]
    company = next(g for g in groups if "company" in g)
    return tuple(company)


@cache
def _outlet_words() -> frozenset[str]:
    return frozenset(table("filler_words")["outlet_words"])


@cache
def _government_nouns() -> frozenset[str]:
    return frozenset(table("filler_words")["government_nouns"])


#: words that end the class phrase a question asks with ("which makers *did* …", "the chipmaker *that* …")
_PHRASE_END = frozenset({"did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "will", "would", "can",
                         "could", "that", "which", "who", "whom", "whose", "to", "in", "on", "at", "from", "for",
                         "with", "by", "as"})


def _class_phrase(question: str) -> str | None:
    """The class phrase a question asks a member of: the words after "which" / "what" (or "the name of the") up
    to its verb, auxiliary, relative or preposition ("Japanese semiconductor equipment makers", "automaker",
    "category of Chinese manufacturers"); None when there is none ("What is …?" without "the name of")."""
    words = [w.strip("?,.;:") for w in question.split()]
    low = [w.lower() for w in words]
    start = next((k + 3 for k, w in enumerate(low) if w == "name" and low[k + 1:k + 2] == ["of"]
                  and k + 2 < len(low) and low[k + 2] in word_set("articles")), None)
    if start is None:
        start = next((k + 1 for k, w in enumerate(low) if w in ("which", "what")), None)
    if start is None:
        return None
    phrase: list[str] = []
    for k in range(start, min(len(words), start + 6)):
        if low[k] in _PHRASE_END or (phrase and "-" not in words[k] and verb_form(words[k])) or not words[k][:1].isalpha():
            break
        phrase.append(words[k])
    return " ".join(phrase) or None


def asked_organisation(question: str) -> tuple[bool, frozenset[str]]:
    """(whether ``question`` asks for a member of an organisation class, the place keys of the demonyms qualifying
    it): "Which Japanese semiconductor equipment makers …?" → (True, {"japan"}); "What is the name of the Chinese
    state-owned chipmaker that …?" → (True, {"china"}); "Which outlet first reported … Chinese battery makers?" and
    "What category of Chinese manufacturers …?" ask for an outlet and a category (the class phrase's head, before
    any "of"): (False, {}). The company group of ``member_classes.toml`` and compounds ending in one of its nouns
    ("chipmaker", "automaker") are organisation classes."""
    phrase = _class_phrase(question)
    if not phrase:
        return False, frozenset()
    phrase = re.split(r"\s+of\s+", phrase, maxsplit=1)[0]
    head = phrase.split()[-1].lower()
    nouns = _company_nouns()
    if stem(head) in {stem(n) for n in nouns} or any(head.endswith(n) or head.endswith(n + "s") for n in nouns):
        return True, frozenset(p.key for p in place_mentions(phrase) if p.kind == "demonyms")
    return False, frozenset()


def fills(text: str, start: int, end: int, qualifier: frozenset[str]) -> bool:
    """Whether the name at ``text[start:end]`` can be the asked organisation: not a government named by its head
    (a government noun right after it) and, for a ``qualifier`` (place keys), not placed by the sentence in
    another country (a demonym right before it, or a country in its appositive, none of them the asked one)."""
    after = text[end:end + 40].lower().split()
    if after and re.sub(r"[^\w]", "", after[0]) in _government_nouns():
        return False
    if not qualifier:
        return True
    before = [m for m in place_mentions(text[max(0, start - 30):start]) if m.kind == "demonyms"]
    if before and text[max(0, start - 30):start].rstrip().endswith(before[-1].surface):
        return any(same_place(before[-1].key, q) for q in qualifier)
    tail = text[end:end + APPOSITIVE_CHARS]
    if not tail.startswith(","):
        return True
    stop = _APPOSITIVE_END.search(tail, 1)
    placed = place_mentions(tail[: stop.start() if stop else len(tail)])
    return not placed or any(same_place(m.key, q) for m in placed for q in qualifier)


def gives_filler(text: str, question_stems: set[str], qualifier: frozenset[str]) -> bool:
    """Whether a sentence gives a name, new to the question, that can be the asked organisation (``fills``); a
    place is no organisation, nor a name that only says where a report comes from (``answer_value.only_source``),
    nor a news outlet's name (its last word in ``filler_words.toml`` [outlet_words]: "Kyodo News"). Read in the
    text's compatibility form (``normalize.compat_form``: "ＳＭＩＣ" is the name "SMIC")."""
    text = compat_form(text)
    if new_organisations(text, question_stems):  # "한결에너지 전 연구원": a CJK report marks a firm by its words
        return True
    for name, initial in entities(text):
        if initial and len(name.split()) == 1 and not named_elsewhere(name, text):
            continue  # a capitalised first word ("Analysts blamed …") is no name, as ``has_answer_kind`` reads it
        words = [w for w in name.split() if w[:1].isupper() and w.lower() not in ENTITY_NOISE]
        if not words or all(stem(w) in question_stems for w in words):
            continue
        if (place_mentions(name) and place_mentions(name)[0].surface == name) or only_source(name, text) \
                or name.split()[-1].lower() in _outlet_words():
            continue  # a place, or an outlet a report comes from ("The update comes from Kyodo News")
        at = text.find(name)
        lead = place_mentions(name)
        if lead and lead[0].start == 0 and lead[0].kind == "demonyms":  # "Dutch ASML": the demonym places it
            if qualifier and not any(same_place(lead[0].key, q) for q in qualifier):
                continue
            at += lead[0].end + 1
            name = name[lead[0].end + 1:]
        if at >= 0 and fills(text, at, at + len(name), qualifier):
            return True
    return False
