"""Tags that name a story's measure and the items it covers, even when said once (issue 10: tags name the story).

A brief on "Japan's 2019 export curbs on South Korea" from one report was tagged only "sensitive materials": a
keyword tag must recur (``terms_section.keyword_terms``), and a one-source story says its measure ("The export
restrictions …", "Japan's trade measures …") and its items ("… cover fluorinated polyimides, which are used in …,
as well as photoresist and hydrogen fluoride, used for making semiconductors") once. An analyst's tags (the
"Topics & Keywords" of the sample's generated briefs) name them. ``measure_phrases`` reads a measure noun with its
noun modifiers; ``covered_items`` the list after "cover", "include", "such as", "restrictions on" in a sentence that
names a measure. Words and patterns: ``rag/text/data/measure_terms.toml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from rag.text.lexicon import alternation, table
from rag.writers.key_terms import contains_words, word_classes
from rag.text.lexicon import word_set
from rag.writers.sentence_cues import STOPWORDS

#: words after which a noun-or-verb word is a verb ("to implement", "will impose")
VERB_MARKERS = word_set("verb_markers")

__all__ = ["measure_phrases", "covered_items", "measure_terms"]


@cache
def _data() -> dict:
    return table("measure_terms")


@cache
def _measure_re() -> re.Pattern[str]:
    # one or two lower-case words before the noun: its modifiers ("export", "trade", "cybersecurity")
    return re.compile(r"(?<![\w-])((?:[a-z][\w-]*\s+){0,2})(" + alternation(_data()["nouns"]) + r")(?![\w-])")


@cache
def _noun_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + alternation(_data()["nouns"]) + r")(?![\w-])", re.I)


def _modifier(word: str) -> bool:
    """A word that can modify a measure noun as a tag's part: a noun (or an unknown word: "cybersecurity",
    "dual-use"), no stopword, no adjective alone ("stricter", "new")."""
    classes = word_classes(word)
    if not classes:  # unknown to the word classes: a compound ("dual-use") or a long coinage ("cybersecurity"), not "amid"
        return "-" in word or len(word) >= 6
    return len(word) >= 3 and word not in STOPWORDS and "NOUN" in classes


def measure_phrases(texts: Sequence[str]) -> list[str]:
    """The measures ``texts`` name, each once, in order: a measure noun (``measure_terms.toml`` nouns) with the noun
    modifiers before it ("export restrictions", "trade measures", "cybersecurity approval"); a one-word noun with no
    modifier is no tag ("the measures"), a two-word one is ("its entity list")."""
    out: list[str] = []
    for text in texts:
        for m in _measure_re().finditer(text):
            words = m.group(1).split()
            before = text[:m.start()].split()[-1:] or [""]
            while words and (not _modifier(words[0]) or before[0].lower() in VERB_MARKERS and "VERB" in word_classes(words[0])):
                before, words = [words[0]], words[1:]  # "to implement sanctions": a verb, not a modifier
            if (words or " " in m.group(2)) and all(_modifier(w) for w in words):  # "export controls" is one alone
                phrase = " ".join(words + [m.group(2)])
                if phrase.lower() not in (o.lower() for o in out):
                    out.append(phrase)
    return out


@cache
def _covers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = _data()
    return re.compile("|".join(d["covers"]), re.I), re.compile("|".join(d["item_ends"]), re.I)


_RELATIVE = re.compile(r",\s*(?:which|that|who|used|including|made)\b[^,;.]*", re.I)
_LIST_SPLIT = re.compile(r",\s*(?:as well as\s+|and\s+|or\s+)?|\s+as well as\s+|\s+and\s+|\s+or\s+")
_LEADING = re.compile(r"^(?:the|a|an|some|all|other|certain|its|their|key|advanced)\s+", re.I)


def covered_items(texts: Sequence[str]) -> list[str]:
    """The items a measure covers, each once, in order: the list after "cover", "include", "such as" (``measure_terms.toml``
    covers) in a sentence that names a measure before it (its subject: "The export restrictions cover …", "The
    sanctions include …"), its relative clauses left out ("…, which
    are used in …"), each item cut at its own clause ("used for …") and kept when it is 1-``max_item_words``
    lower-case words ("fluorinated polyimides", "photoresist", "hydrogen fluoride")."""
    covers, ends = _covers()
    limit = int(_data()["max_item_words"])
    out: list[str] = []
    for text in texts:
        m = covers.search(text)
        if m is None or not _noun_re().search(text[:m.start()]):
            continue  # the measure covers them: "Supporting evidence includes the timing of the restrictions" lists no item
        rest = _RELATIVE.sub("", text[m.end():]).strip()
        rest = re.split(r"[.;:]\s|[.;:]$", rest)[0]
        for piece in _LIST_SPLIT.split(rest):
            item = _LEADING.sub("", piece.strip(" .,;:\"'“”"))
            cut = ends.search(item)
            item = item[:cut.start()] if cut else item
            words = item.split()
            if 1 <= len(words) <= limit and all(w[:1].islower() and w not in STOPWORDS for w in words) \
                    and item.lower() not in (o.lower() for o in out):
                out.append(item)
    return out


def measure_terms(texts: Sequence[str], limit: int) -> list[str]:
    """At most ``limit`` tags of the measure and its items: at most a third of them measures (``measure_phrases``),
    then the items (``covered_items``); no tag containing another's words."""
    out: list[str] = []
    phrases = measure_phrases(texts)[:max(1, limit // 3)]
    for t in phrases + covered_items(texts):
        if any(contains_words(t.lower(), o.lower()) or contains_words(o.lower(), t.lower()) for o in out):
            continue
        out.append(t)
        if len(out) >= limit:
            break
    return out
