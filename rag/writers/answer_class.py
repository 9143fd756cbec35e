"""The class a "which/what <class>" question asks a member of, and sentences that only refer to that member by its
class: for "Which show received the most nominations?", "The show, which follows the Roy family, leads the race" talks
about the answer without naming it, as "the park" does for "at which national park?" and "the country's southern
island" for "on which Japanese island?". Such a sentence restates the question; the one that names the show, the park
or the island answers it.

A reference by class is a definite description ("the", "this", "its", or a possessive "the country's") of the class
noun, with at most ``MAX_MODIFIERS`` lower-case or numeric modifiers in between ("the 23-time grand slam champion"),
that no name of the class stands in for: not inside a capitalised name ("Yellowstone National Park"), not followed by
one ("the island of Kyushu", "the show “Succession”"), and not after a new name earlier in the sentence that it refers
back to ("The Colorado Avalanche won ... the team's first Stanley Cup").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from rag.text.datelines import without_dateline
from rag.text.lexicon import table, word_set
from rag.writers.candidates import Candidate, adjacent_pairs
from rag.writers.key_terms import stem as stem_word

__all__ = ["CLASS_KINDS", "MAX_MODIFIERS", "PHRASE_WORDS", "asked_class", "describes_generically",
           "link_named_continuations", "named_as_other", "names_only_class", "refers_by_class"]

#: the kinds of answer that name a member of a class ("which show", "which national park", "who was the designer")
CLASS_KINDS = frozenset({"name", "thing"})

#: lower-case words allowed between the determiner and the class noun ("the 23-time grand slam champion": 3)
MAX_MODIFIERS = 3
#: words of a "which <words>" noun phrase read as its class ("which 23-time grand slam tennis champion": 5)
PHRASE_WORDS = 5
_WORD = r"[\w'’-]+"
_PLAIN_DETERMINERS = ("the", "this", "that", "these", "those", "its", "their", "his", "her")
_DETERMINERS = "|".join(_PLAIN_DETERMINERS) + r"|[a-z]+['’]s"


@cache
def _phrase_stops() -> frozenset[str]:
    vocab = table("answer_kinds")["vocab"]
    return (frozenset(vocab["aux"]) | frozenset(vocab["phrase_end"]) | frozenset(vocab["class_phrase_end"])
            | word_set("stopwords") | _calendar_words())


_JOINS = frozenset({"or", "and"})


@cache
def _class_nouns() -> frozenset[str]:
    """The stems of ``member_classes.toml``'s class nouns, singular and plural: what a joined second class is."""
    nouns = [w for group in table("member_classes")["groups"] for w in group]
    return frozenset(stem_word(w) for w in nouns) | frozenset(stem_word(w + "s") for w in nouns)


def asked_class(question: str) -> frozenset[str]:
    """The stems of the words of a "which/what <words>" question's noun phrase, up to its first auxiliary,
    preposition or stop word (at most ``PHRASE_WORDS``): the class it asks a member of and the words qualifying it.
    "at which national park?" → {nation, park}; "Which show received the most nominations?" → {show, receiv} (a verb
    in the set is harmless: a description ends on a noun); "who was the designer of the garment?" → {design}; empty
    when the question names no class ("what did he say?", "which of these ..."). Two class nouns joined by "or" or
    "and" ("Which companies or entities …?") are both asked."""
    low = question.lower()
    stops = _phrase_stops()
    out: set[str] = set()
    for m in re.finditer(rf"\b(?:which|what)\s+((?:{_WORD}\s*){{1,{PHRASE_WORDS}}})", low):
        words = [w.strip("'’?,.:;") for w in m.group(1).split()]
        for k, w in enumerate(words):
            if w in _JOINS and k + 1 < len(words) and stem_word(words[k + 1]) in _class_nouns():
                continue  # "companies or entities": both classes are asked
            if not w or w in stops or not re.search(r"[a-z]", w):
                break
            out.add(stem_word(w))
    for m in re.finditer(r"\bwho (?:is|was|are|were) (?:the|its|their) ((?:[a-z-]+\s+){0,2}?[a-z]+) of\b", low):
        out |= {stem_word(w) for w in m.group(1).split() if w not in stops}
    return frozenset(out)


#: "Which animal was it?", "What kind of animal was it?", "What colour are they?": the class, a form of "to be" and a
#: pronoun standing for the background's subject, nothing else
_ONLY_CLASS_RE = re.compile(
    rf"^\s*(?:which|what)\s+(?:(?:kind|type|sort)\s+of\s+)?(?P<words>(?:{_WORD}\s+){{1,{MAX_MODIFIERS}}}?)"
    r"(?:is|was|are|were|will\s+be)\s+(?:it|she|he|they|this|that|these|those)\s*\?\s*$", re.I)


def names_only_class(asked: str) -> bool:
    """Whether the asked sentence ``asked`` names nothing but the class it asks a member of ("Which animal was it?",
    "What color is she?", "What kind of animal was it?"): its class words, a form of "to be" and a pronoun for the
    background's subject. Such a sentence holds no term the answer repeats (the answer names the member: "a 230-pound
    Burmese python"), so the whole question is read for it (``asked_view``). False when the sentence asks an act
    too ("Which spooky getup topped the list?", "Which animal escaped?") or names no class ("Who was it?")."""
    m = _ONLY_CLASS_RE.match(asked)
    if m is None:
        return False
    words = [w.lower().strip("'’") for w in m.group("words").split()]
    return bool(words) and not any(w in _phrase_stops() for w in words)


def refers_by_class(text: str, class_stems: frozenset[str]) -> bool:
    """Whether ``text`` refers to the asked member by its class only (see the module docstring): a definite
    description whose noun is one of ``class_stems`` (``asked_class``) and that no name of the class stands in for."""
    if not class_stems:
        return False
    text = without_dateline(text)  # "(CNN) The show ..." or "WASHINGTON – The team ...": the dateline is no name
    for m in re.finditer(rf"\b({_DETERMINERS})\s+", text, re.I):
        det = m.group(1)
        if det[:1].isupper() and det.lower() not in _PLAIN_DETERMINERS:
            continue  # "Japan's island": a name's possessive
        words = list(re.finditer(_WORD, text[m.end():]))[: MAX_MODIFIERS + 1]
        for k, w in enumerate(words):
            word = w.group(0)
            if word[:1].isupper():
                break  # "the Colorado team", "Yellowstone National Park": a name
            if k and text[m.end() + words[k - 1].end(): m.end() + w.start()].strip():
                break  # punctuation ends the description
            if stem_word(word.lower()) in class_stems:
                end = m.end() + w.end()
                if _named_after(text[end:]):
                    break  # "the island of Kyushu", "the show “Succession”": the name follows
                if _name_before(text[: m.start()]):
                    break  # "The Colorado Avalanche won ... the team's first Stanley Cup": it refers back to the name
                return True
    return False


#: an indefinite description: "a"/"an", up to ``MAX_MODIFIERS`` words, and its head, a lower-case noun ending the
#: phrase (before punctuation, a preposition, a relative pronoun or "and")
_INDEFINITE_RE = re.compile(rf"\b[Aa]n?\s+((?:{_WORD}\s+){{0,{MAX_MODIFIERS}}}?)([a-z][\w'’-]*)"
                            r"(?=\s*(?:[.,;:)]|$|\s+(?:in|for|to|of|from|that|which|who|with|at|on|and|over)\b))")


def describes_generically(text: str, class_stems: frozenset[str]) -> bool:
    """Whether ``text`` refers to the asked member by an indefinite description that carries the question's
    capitalised qualifier and no name: "… leaking the company's battery technology to a Chinese competitor." for
    "Which Chinese company received …?" (``asked_class`` holds "chines"). Such a sentence tells the act without the
    member, as a reference by class does (``refers_by_class``); the sentence after it may name it (``Prosecutors said
    Kim handed over … to Anhui-based Qingfeng Energy Materials``: ``link_named_continuations``). A name right after
    the description ("a Chinese rival, Qingfeng,") names the member; a description whose capitalised words are not
    the question's qualifiers ("a Seoul court") is none."""
    if not class_stems:
        return False
    for m in _INDEFINITE_RE.finditer(text):
        modifiers = m.group(1).split()
        caps = [w for w in modifiers if w[:1].isupper()]
        if not caps or any(stem_word(w.lower()) not in class_stems for w in caps):
            continue  # no qualifier of the question ("a new plant"), or another name ("a Seoul court")
        if _named_after(text[m.end():]):
            continue
        return True
    return False


def named_as_other(name: str, text: str, class_stems: frozenset[str]) -> bool:
    """Whether ``text`` says, at every mention of ``name``, that it names something of another class than the one
    asked (``asked_class``): after a determiner or a possessive the name stands before its own class noun, none of
    whose words is of ``class_stems`` ("The Sakurajima volcano erupted ..." for "on which Japanese island?", "after
    a Razorbacks football game" for "which company?", "the Nike brand" for "which team?"). A verb after the name
    ("The Lightning won ...") or a comma says nothing of its class; False when no mention says what it names."""
    if not class_stems:
        return False
    spots = list(re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text))
    if not spots:
        return False
    stops = _phrase_stops() | word_set("irregular_past")
    for m in spots:
        if not re.search(rf"\b(?:a|an|{_DETERMINERS})\s+$", text[: m.start()], re.I):
            return False  # "Nike is suspending ...": nothing says what Nike is
        following = re.match(r"\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?", text[m.end():])
        head: list[str] = []
        for word in following.groups() if following else ():
            if word is None or word in stops or word.endswith(("ed", "ly")):
                break
            head.append(word)
        if not head or any(stem_word(h) in class_stems for h in head):
            return False
    return True


def _named_after(rest: str) -> bool:
    """Whether a name follows right after a class noun: "of Kyushu", " “Succession”", ", Succession,"."""
    return bool(re.match(r"(?:\s+of\s+(?:the\s+)?|\s*,?\s*[“\"‘']\s*|\s*,\s+|\s+)[A-Z0-9]", rest))


def _name_before(head: str) -> bool:
    """Whether the words before a description hold a capitalised word past the sentence's first (the sentence read
    without its dateline: ``refers_by_class``)."""
    words = re.findall(r"[\w'’-]+", head)
    # the sentence's first word is capitalised anyway: a name when it is no stop word and a comma, a possessive or
    # another capitalised word follows ("JetBlue, the airline that ...", "Yellowstone National Park officials ...")
    first = re.match(r"\s*([\w'’-]+)(?:,|['’]s\b|\s+[A-Z])", head)
    if first and first.group(1)[:1].isupper() and first.group(1).lower() not in word_set("stopwords"):
        return True
    return any(w[:1].isupper() and w.lower() not in _calendar_words() for w in words[1:])


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised, but no name a description could refer back to."""
    dates = table("dates")
    return frozenset(dates["months"]) | frozenset(dates["weekdays"]["en"])


def link_named_continuations(cands: Sequence[Candidate], neighbours: list[list[int]], refers: Sequence[bool]) -> None:
    """Record in ``neighbours`` (in place) that a sentence referring to the answer by its class (``refers``, per
    candidate) continues in the next sentence of its passage: "The operator ... won the contract. Kestrel Lines will
    take over the routes in May." The answering code then lets the named continuation lead or follow (as for a
    dependent sentence's context)."""
    for a, b in adjacent_pairs(cands):
        if refers[a] and b not in neighbours[a]:
            neighbours[a].append(b)
