"""The source a question names as the one to answer from: "According to the Intelrift brief, what would escalation
look like?", "What does the WorldWideWatchers brief recommend …?", "In the Taipei Times report, why …?". Such a
question is answered from that source's documents only, as its "this week" bounds the dates of its evidence
(``rag.text.asked_period``); when the source has nothing on it, the abstention says so.

A run of the question's words names a source when the caller's ``lookup`` finds indexed publishers it means
(``Catalog.publishers_named``) and a source cue stands next to it (``data/source_cues.toml``, the reporting verbs
and the speech verbs): "according to" before it, "brief" or "recommend" after it. Without a cue a publisher's name is
what the question is about ("Why did China ban CNN?"), not where to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Sequence

from rag.text.keys import dictionary_word
from rag.text.lexicon import table, word_set
from rag.text.tokens import strip_possessive, word_spans

__all__ = ["SOURCE_STANDIN", "AskedSource", "asked_source"]

#: what a publisher's name left in a question is read as ("What did the source report …?": ``AskedSource.asks``)
SOURCE_STANDIN = "the source"
#: the longest run of words read as one source name ("Discuss Japan No 57", "The Japan Times Online")
MAX_NAME_WORDS = 5
_POSSESSIVE = re.compile(r"['’]s?$")
_JOINS = frozenset({"and", "or"})


@dataclass(frozen=True)
class AskedSource:
    """The publishers a question names as its source (stored names, as ``lookup`` gave them), the words that name
    them as written ("the Intelrift brief") and the question without its source phrase when that phrase is a
    prepositional one that can be left out ("According to the Intelrift brief, what …?" → "What …?"); else the
    question unchanged."""

    publishers: tuple[str, ...]
    phrase: str
    question: str
    #: ``question`` with each publisher's name that stays in it read as "the source" ("What did WorldWideWatchers
    #: report about the Japanese firms?" → "What did the source report about the Japanese firms?"): what the
    #: question asks of that source's documents, which seldom name their own publisher. An author's name stays
    #: ("What does Hosokawa recommend …?": who said it is part of what is asked).
    asks: str = ""

    @property
    def content_question(self) -> str:
        """``asks``, or ``question`` when no name was read away."""
        return self.asks or self.question

    def described(self) -> str:
        """How the answer names the bound: "“the Intelrift brief” (Intelrift Intelligence Desk)"."""
        return f"“{self.phrase}” ({', '.join(self.publishers)})"

    def searched(self) -> str:
        """What an answer says it searched: "Searched only Intelrift Intelligence Desk (the question's “according
        to the Intelrift brief”)."."""
        return f"Searched only {', '.join(self.publishers)}: the question names its source, “{self.phrase}”."


@cache
def _cues() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    """(before-phrases as word tuples, longest first; after-words; words allowed between a phrase and the name)."""
    data = table("source_cues")
    before = sorted((tuple(p.split()) for p in data["before"]["phrases"]), key=len, reverse=True)
    after = (_nouns() | frozenset(data["after"]["verbs"]) | word_set("reporting_verbs") | word_set("speech_verbs"))
    return tuple(before), after, frozenset(data["between"]["words"])


@cache
def _nouns() -> frozenset[str]:
    """The document nouns that name a source after its name ("brief", "report": ``source_cues.toml`` [after])."""
    return frozenset(table("source_cues")["after"]["nouns"])


def _before_cue(lowered: Sequence[str], start: int) -> int | None:
    """The index of the first word of a before-phrase that ends right before word ``start`` (an article allowed
    between them), or None."""
    phrases, _, between = _cues()
    end = start
    if end > 0 and lowered[end - 1] in between:
        end -= 1
    for phrase in phrases:
        first = end - len(phrase)
        if first >= 0 and tuple(lowered[first:end]) == phrase:
            return first
    return None


def _after_cue(lowered: Sequence[str], end: int, possessive: bool) -> bool:
    """Whether the word after the name (word index ``end``) is a source cue: a document noun or a verb of saying;
    a possessive name ("Intelrift's brief") needs the noun."""
    _, after, _ = _cues()
    return end < len(lowered) and lowered[end] in after and (not possessive or lowered[end] in _nouns())


def _plain_words(name: str) -> bool:
    """Whether ``name`` is written as plain words (each a dictionary word or a place, one of them in lower case):
    "week" in "in the week before", "times" or "japan"; not "The Week", "CNN" or "Intelrift"."""
    from rag.text.places import place_words

    names = [strip_possessive(m.group(0)) for m in word_spans(name)]
    common = all(dictionary_word(w) or w.lower() in place_words() for w in names)
    return common and any(w[:1].islower() for w in names)


def _as_author(lowered: Sequence[str], before: int | None, start: int, end: int, possessive: bool) -> bool:
    """Whether the cue next to the name (words ``start``..``end``) lets it name an author: a before-phrase or an
    after-word of ``source_cues.toml`` [authors] ("according to Hosokawa", "What does Hosokawa recommend?",
    "Hosokawa's essay")."""
    cues = table("source_cues")["authors"]
    phrase = " ".join(lowered[before:start]).removesuffix(" the") if before is not None else ""
    return phrase in cues["before"] or (end < len(lowered) and lowered[end] in cues["after"])


@cache
def _weak() -> frozenset[str]:
    """The before-phrases that name a source only with a document noun after the name (``source_cues.toml``)."""
    return frozenset(table("source_cues")["before"]["weak"])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _inside_a_run(spans: Sequence[re.Match[str]], i: int, n: int, question: str) -> bool:
    """Whether words ``i``..``i+n-1`` are part of a longer run of capitalised words (a capitalised word right before
    them that does not open the question or a sentence, or one right after them): a name inside a longer name."""
    before = i > 0 and _capitalised(spans[i - 1].group(0)) and not question[:spans[i - 1].start()].rstrip().endswith(
        tuple(".?!:\"“")) and spans[i - 1].start() > 0 and not question[spans[i - 1].end():spans[i].start()].strip()
    after = i + n < len(spans) and _capitalised(spans[i + n].group(0)) and \
        not question[spans[i + n - 1].end():spans[i + n].start()].strip()
    return bool(before or after)


def _cut(question: str, start: int, end: int) -> str:
    """``question`` without the characters ``start``..``end`` (a source phrase) and the comma that set it off,
    capitalised again when the phrase opened it."""
    head, tail = question[:start].rstrip(), question[end:].lstrip()
    if tail.startswith(","):
        tail = tail[1:].lstrip()
    elif head.endswith(","):
        head = head[:-1].rstrip()
    if not head:
        return tail[:1].upper() + tail[1:]
    return f"{head} {tail}" if tail and tail[0] not in "?.!" else head + tail


def asked_source(question: str, lookup: Callable[[str, bool], Sequence[str]]) -> AskedSource | None:
    """The publishers ``question`` names as its source, or None.

    ``lookup(words, authors)``: the stored publisher names a run of the question's words (as written, up to
    ``MAX_NAME_WORDS``) means, [] for none (``Catalog.publishers_named``); ``authors``: whether an author's name may
    mean its publishers there (a cue of writing stands next to it: ``_as_author``). The longest run with a cue wins at each
    position; several named sources ("according to CNN and Reuters") are all kept. A before-phrase source with its
    document noun ("according to the Intelrift brief", "in the Taipei Times report") is cut from the returned
    question; a source that is the subject of the question's verb ("What does the WorldWideWatchers brief
    recommend?") is kept in it.
    """
    spans = word_spans(question)
    lowered = [m.group(0).lower() for m in spans]
    _, _, between = _cues()
    nouns = _nouns()
    found: list[str] = []
    phrases: list[str] = []
    cuts: list[tuple[int, int]] = []
    names: list[tuple[int, int]] = []  # where a publisher's own name runs
    last_end, last_cut = -2, None  # the word index ending the last named source, and its cut when it has one
    i = 0
    while i < len(spans):
        for n in range(min(MAX_NAME_WORDS, len(spans) - i), 0, -1):
            last = spans[i + n - 1]
            possessive = bool(_POSSESSIVE.search(last.group(0))) and last.group(0)[-2:] in ("'s", "’s")
            text = question[spans[i].start():last.end()]
            name = text[: len(text) - len(last.group(0)) + len(strip_possessive(last.group(0)))] if possessive else text
            if lowered[i] in between and not _capitalised(spans[i].group(0)):  # the cue's article, not the name's
                # ("according to the Intelrift brief"; "According to The Week": the name's)
                continue
            if _inside_a_run(spans, i, n, question):
                continue  # "James" of "the James Webb Telescope" is no name of its own
            before = _before_cue(lowered, i)
            if before is not None and lowered[before:i][:1] and " ".join(lowered[before:i]).removesuffix(" the") \
                    .removesuffix(" a").removesuffix(" an") in _weak() and not (i + n < len(lowered) and lowered[i + n] in nouns):
                before = None  # "in"/"from" name a source only before a document noun ("in the Taipei Times report")
            # a second name joined to a named source ("according to CNN and Nikkei Asia") has the first one's cue
            chained = last_end == i - 2 and lowered[i - 1] in _JOINS and last_cut is not None
            after = _after_cue(lowered, i + n, possessive)
            with_noun = after and lowered[i + n] in nouns  # "the Intelrift brief": the noun is part of the phrase
            if before is None and not after and not chained:
                continue
            if _plain_words(name):
                continue
            named = lookup(name, _as_author(lowered, before, i, i + n, possessive))
            if not named:
                continue
            found += [p for p in named if p not in found]
            start = spans[before].start() if before is not None else spans[i - 1].start() if i and lowered[i - 1] in between else spans[i].start()
            end = spans[i + n].end() if with_noun else last.end()
            if chained and before is None:
                start = cuts.pop()[0]
                phrases.pop()
            phrases.append(question[start:end])
            if lookup(name, False):  # a publisher's own name, not only an author's
                names.append((spans[i].start(), spans[i].start() + len(name)))
            last_cut = None
            if before is not None or chained:  # a prepositional phrase: the question reads the same without it
                cuts.append((start, end))
                last_cut = cuts[-1]
            last_end = i + n if with_noun else i + n - 1
            i += n - 1
            break
        i += 1
    if not found:
        return None
    rest = question
    for start, end in reversed(cuts):
        rest = _cut(rest, start, end)
    rest = rest.strip() or question
    kept = [(a, b) for a, b in names if not any(c <= a and b <= d for c, d in cuts)]
    return AskedSource(tuple(found), "; ".join(phrases), rest, _as_the_source(question, kept) if kept and not cuts else "")


def _as_the_source(question: str, names: Sequence[tuple[int, int]]) -> str:
    """``question`` with each name span read as "the source" (its article and a possessive kept in place:
    "the WorldWideWatchers brief" → "the source brief", "Intelrift's brief" → "the source's brief")."""
    out = question
    for start, end in sorted(names, reverse=True):
        head = out[:start]
        article = re.search(r"\b[Tt]he\s+$", head)
        if article is not None:
            head = head[: article.start()]
        out = head + SOURCE_STANDIN + out[end:]
    return out[:1].upper() + out[1:]
