"""The actors a topic names, and whether a text names one of them (issue 10: on-topic evidence).

A topic names its story's actors: places ("Taiwan", "Chinese"), names ("Kim Jong Un", "Long March 5B", "G20",
"Boeing 737 MAX") and often a lower-case noun the story is about ("China's yuan", "the British pound", "Japan's
inflation"). Each actor is a frozenset of *names*, any one of which in a text names it:

- a place: its key (``rag.text.places``);
- a run of capitalised words is one actor. A word of the run names the actor alone only when it is *strong*: the
  evidence never writes it in lower case as an ordinary word ("Abe", "Xi", "Squid"). A word the evidence also
  writes in lower case ("long" in "long-range", "house", "prime") names it only inside the run's phrase. A
  designation ("5B", "G20", "F-35", "Covid-19": a digit and a capital letter) is kept whole and names the actor
  alone (a designation of three or more letters and a number, "Covid-19", also by its letters); a number that
  continues a name ("Boeing 737 MAX") names it only inside a phrase. Phrases ("long march 5b", "long march",
  "737 max") match consecutive capitalised words of a text, never lower-case ones ("a long march");
- a month or weekday inside a run ("Long March") is part of the name and never names it alone; one that starts a
  run or is followed by a day or a year ("March 2022", "Biden's March 2022 call") is a date;
- a possessive ends a name ("Foxconn's Zhengzhou plant" names Foxconn and Zhengzhou);
- the topic's first word counts only when the evidence writes it as the topic does inside a sentence ("... said
  Biden", "... joined NATO"; not "Rare protest banners ...");
- the *head*: the topic's lower-case words that the evidence's titles and ledes use as their subject, i.e. before
  the opening's first verb or preposition ("China's yuan slides past 7 per dollar": "yuan", not "dollar"), at least
  twice and at least half as often as the most used one. The heads are one actor (any of them names it): a report
  of the yuan's fall names the yuan; a report of the pound's crash against the dollar does not, however many of
  the topic's other names it shares. Which lower-case word is the story's subject is read from the evidence, not
  from a list of nouns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.lexicon import word_set
from rag.text.normalize import compat_form
from rag.text.places import place_mentions
from rag.writers.key_terms import stem, stems
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["MIN_SUBJECT_USES", "Mentions", "TopicActors", "is_designation", "mentions", "names_actor", "read_topic",
           "subject_uses"]

#: A lower-case topic word is the story's subject when at least this many titles or ledes use it as theirs (one
#: headline's wording is not yet the evidence's reading).
MIN_SUBJECT_USES = 2
TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[-.'’][A-Za-z0-9]+)*")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.I)
_DATES = frozenset(w.lower() for w in (*MONTH_NAMES, *WEEKDAYS) if w)
_DETERMINERS = word_set("determiners")
_VERBS = word_set("reporting_verbs") | word_set("speech_verbs") | word_set("irregular_past")
_LIGHT = word_set("light_words")
_COMMON_STARTERS = word_set("common_starters")


@dataclass(frozen=True)
class TopicActors:
    """A topic's actors: ``names`` (places and capitalised names, each a set of alternative names) and ``head``
    (the stems of its lower-case subject words, one actor; empty when the evidence uses none as its subject)."""

    names: tuple[frozenset[str], ...]
    head: frozenset[str] = frozenset()

    @property
    def all(self) -> list[frozenset[str]]:
        """The names, then the head when there is one."""
        return [*self.names, *([self.head] if self.head else [])]


@dataclass(frozen=True)
class Mentions:
    """What a text can name an actor by: its stems, its designations ("5b", "g20") and its words in order, each
    as (normalised form, whether written capitalised or as a number)."""

    stems: frozenset[str]
    designations: frozenset[str]
    words: tuple[tuple[str, bool], ...]


def is_designation(word: str) -> bool:
    """Whether a word is a designation: it has a digit and a capital letter ("5B", "G20", "F-35", "H5N1")."""
    return any(ch.isdigit() for ch in word) and any(ch.isupper() for ch in word)


def _norm(word: str) -> str:
    return re.sub(r"[-.]", "", word).lower() if is_designation(word) else stem(word)


def mentions(text: str, text_stems: Iterable[str] | None = None) -> Mentions:
    """The names ``text`` offers (``text_stems``: its stems when already computed, e.g. the union of a document's
    sentences' stems)."""
    text = compat_form(text)
    tokens = TOKEN_RE.findall(text)
    words = tuple((_norm(t), not t[0].islower()) for t in tokens)
    found = frozenset(text_stems) if text_stems is not None else frozenset(stems(text))
    return Mentions(found, frozenset(w for (w, _), t in zip(words, tokens) if is_designation(t)), words)


def names_actor(actor: frozenset[str], found: Mentions) -> bool:
    """Whether a text (its ``mentions``) names an actor: one of its names is a stem of the text, a designation of
    it, or a phrase the text writes in consecutive capitalised words."""
    for name in actor:
        if " " in name:
            parts = name.split(" ")
            n = len(parts)
            for i in range(len(found.words) - n + 1):
                if all(found.words[i + k][1] and found.words[i + k][0] == parts[k] for k in range(n)):
                    return True
        elif any(ch.isdigit() for ch in name) and any(ch.isalpha() for ch in name):
            if name in found.designations:
                return True
        elif name in found.stems:
            return True
    return False


def _lowercase_words(texts: Sequence[str]) -> set[str]:
    """Every word (and hyphen part) the texts write in lower case: ordinary words, not names."""
    out: set[str] = set()
    for t in texts:
        for m in TOKEN_RE.finditer(t):
            w = m.group(0)
            for part in (w, *w.split("-")):
                if part.isalpha() and part.islower():
                    out.add(part)
    return out


def _may_precede_subject(word: str) -> bool:
    """Whether a word may stand before a title's or lede's subject noun: a determiner, a name or a number (a
    dateline, "China's"), an adjective or a noun modifier; not a preposition, conjunction or verb."""
    low = _POSSESSIVE_RE.sub("", word).lower()
    if low in _DETERMINERS:
        return True
    if low in STOPWORDS or low in _VERBS:
        return False
    if not word[0].islower():
        return True
    # a lower-case verb form ends the subject: "crashes", "weakened", "falling"
    return not (low.endswith(("ed", "ing")) or (low.endswith("s") and not low.endswith(("ss", "us", "is"))))


def subject_uses(openings: Sequence[str], candidates: set[str]) -> Counter:
    """stem -> the number of ``openings`` (titles, ledes) that use a word of that stem (from ``candidates``) as
    their subject: before the opening's first verb, preposition or conjunction."""
    uses: Counter = Counter()
    for text in openings:
        text = compat_form(text)
        tokens = list(TOKEN_RE.finditer(text))
        seen: set[str] = set()
        for i, m in enumerate(tokens):
            word = m.group(0)
            s = stem(word)
            if s in candidates and s not in seen:
                # the noun that ends the subject, not a modifier of it ("former" in "Former Prime Minister Abe",
                # "volcano" in "volcano eruption"); a possessive ends its own noun phrase ("the yuan's slide")
                after = tokens[i + 1] if i + 1 < len(tokens) else None
                if (after is None or text[m.end() : after.start()].strip() or _POSSESSIVE_RE.search(word)
                        or not _may_precede_subject(after.group(0))):
                    uses[s] += 1
                    seen.add(s)
            if not _may_precede_subject(word):
                break
    return uses


def _head(topic: str, openings: Sequence[str]) -> frozenset[str]:
    words = (_POSSESSIVE_RE.sub("", m.group(0)) for m in TOKEN_RE.finditer(topic))
    candidates = {stem(w) for w in words if w[:1].islower() and w.replace("-", "").isalpha() and len(w) >= 3
                  and w not in STOPWORDS and w not in _LIGHT and w not in _DETERMINERS and w not in _DATES}
    uses = subject_uses(openings, candidates) if candidates else Counter()
    top = max(uses.values(), default=0)
    return frozenset(s for s, k in uses.items() if k >= MIN_SUBJECT_USES and 2 * k >= top)


def _capitalised_inside(word: str, texts: Sequence[str]) -> bool:
    """Whether the texts write ``word`` as given inside a sentence (after a word or a comma)."""
    rx = re.compile(r"[\w,;] " + re.escape(word) + r"\b")
    return any(rx.search(t) for t in texts)


def _actor(run: list[tuple[str, str]], lower: set[str]) -> frozenset[str]:
    """The names of one run of capitalised words: (word, kind) with kind name|month|number|designation."""
    norms = [_norm(w) for w, _ in run]
    names: set[str] = set()
    if len(run) >= 2:
        names.add(" ".join(norms))
    for (w, kind), n in zip(run, norms):
        if kind == "designation":
            names.add(n)
            letters = re.fullmatch(r"([A-Za-z]{3,})-\d+", w)
            if letters:
                names.add(stem(letters.group(1)))
        elif kind == "name" and w.lower() not in lower:
            names.add(n)
    numbered = next((i for i, (_, kind) in enumerate(run) if kind in ("number", "designation")), None)
    if numbered is not None:
        if numbered >= 2:
            names.add(" ".join(norms[:numbered]))  # "Long March" of "Long March 5B"
        if len(run) - numbered >= 2:
            names.add(" ".join(norms[numbered:]))  # "737 MAX" of "Boeing 737 MAX"
    if not names:  # one word, and an ordinary one: it is still the only handle on the actor
        names.add(norms[0])
    return frozenset(names)


def read_topic(topic: str, texts: Sequence[str] = (), openings: Sequence[str] = ()) -> TopicActors:
    """The actors ``topic`` names, read against the evidence: ``texts`` (its sentences: which words it writes in
    lower case, whether it writes the topic's first word as a name) and ``openings`` (its titles and ledes: which
    lower-case topic word is the story's subject). Without texts every capitalised word but the first is a name."""
    text = compat_form(topic)
    names: list[frozenset[str]] = []
    for m in place_mentions(text):
        names.append(frozenset({m.key}))
        text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    lower = _lowercase_words(texts)
    tokens = list(TOKEN_RE.finditer(text))
    first = len(text) - len(text.lstrip())
    run: list[tuple[str, str]] = []

    def close() -> None:
        if run:
            names.append(_actor(run, lower))
            run.clear()

    for i, m in enumerate(tokens):
        word = m.group(0)
        base = _POSSESSIVE_RE.sub("", word)
        possessive = base != word or text[m.end() : m.end() + 1] in ("'", "’")
        low = base.lower()
        following = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        kind = None
        if not base or low in STOPWORDS:
            kind = None
        elif is_designation(base):
            kind = "designation"
        elif base[0].isdigit():
            kind = "number" if run else None  # a number continues a name; alone it is a count or a year
        elif any(ch.isupper() for ch in base):
            if low in _DATES:
                kind = "month" if run and not following.isdigit() else None  # "Long March 5B", not "March 2022"
            elif m.start() == first:
                kind = "name" if low not in _COMMON_STARTERS and _capitalised_inside(base, texts) else None
            else:
                kind = "name"
        if kind is None:
            close()
            continue
        run.append((base, kind))
        if possessive:
            close()
    close()
    return TopicActors(tuple(dict.fromkeys(a for a in names if a)), _head(text, openings))
