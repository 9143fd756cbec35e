"""A person's office as the claim titles it against the office the passage gives that person: "Zolboo Tserendorj,
Mongolia's finance minister" over "Minister of Mining and Heavy Industry Zolboo Tserendorj" names another ministry.

A title is read beside a person's name in the forms news writes it, in either text:

* before the name: "Minister of Mining and Heavy Industry Zolboo Tserendorj" (a list of capitalised portfolio words
  may hold commas: "Minister of Economy, Trade and Industry"), "finance minister Kenji Mori", "Senegal's education
  minister, Amara Diallo," (a comma may stand between);
* after it, in apposition or with a copula (a run with a clause word, "will officially become leader", is no title;
  a name with an organisation word, "Birmingham City Council", no person): "Kenji Mori, Japan's agriculture
  minister,", "Rafael Ortega, 61, the minister of mines", "Kenji Mori is Japan's foreign minister".

A title is its head (``offices.toml`` ``heads``: "minister", "secretary", ...) and its portfolio words (every other
content word: "mining", "heavy", "industry"), words the office list writes alike read as one ("defence" is
"defense", "commerce" is "trade": ``offices.toml`` ``same``). Not portfolio words: a holder's time ("former":
``holder_qualifiers.txt``; "new", "incoming": ``data/office_titles.toml``) and a country or nationality ("Polish",
"US"), which say whose office, not which.

``office_mismatch``: the claim titles a name the passage titles with the same head, and every such passage title has
a portfolio sharing no word with the claim's (stem or first four letters: "mines" and "mining", "economic" and
"economy"). A title without a portfolio on either side ("Mongolia's minister") says no other office.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rag.support.data_files import data_table
from rag.support.lexicon import STOPWORDS
from rag.text.lexicon import table, word_set
from rag.text.places import place_of_word
from rag.text.tokens import stem

_NAME = r"[A-Z][\w'’-]*(?<!['’]s)(?:\s+[A-Z][\w'’-]*(?<!['’]s)){1,3}"  # two to four capitalised words
# a role phrase, with a list of capitalised portfolio words ("Minister of Economy, Trade and Industry")
_ROLE = r"(?P<role>[^,.;:()\"“”]{1,80}?(?:,\s+[A-Z][\w-]*)*(?:,?\s+and\s+[A-Z][\w-]*)?)(?=[,.;:()\"“”]|$)"
_AFTER = re.compile(rf"^\s*,\s+(?:\d{{1,3}},\s+)?(?:(?:the|a|an)\s+|[\w.-]+['’]s?\s+)?{_ROLE}")
_COPULA = re.compile(rf"^\s+(?:is|was|has\s+been|remains|became|serves\s+as|served\s+as)\s+(?:(?:the|a|an)\s+|"
                     rf"[\w.-]+['’]s?\s+){_ROLE}")
_WORD = re.compile(r"[A-Za-z][\w’'-]*|[,.;:()\"“”]")
_JOINERS = frozenset({"of", "for", "and"})  # words inside a title: "Minister of Mining and Heavy Industry"
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})
_ORG_WORDS = word_set("org_words") | {"city"}


class Title(NamedTuple):
    """An office beside a name: the head ("minister"), the portfolio keys, and the title as written."""

    head: str
    portfolio: frozenset[str]
    shown: str


@lru_cache(maxsize=1)
def _offices() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    data = table("offices")
    stops = (word_set("speech_verbs") | word_set("reporting_verbs") | word_set("holder_qualifiers")
             | frozenset(data_table("office_titles")["times"]))
    return frozenset(data["heads"]), dict(data["same"]), stops


def _title(words: list[str]) -> Title | None:
    """The title a run of words makes (its head one of the office heads), or None."""
    heads, same, stops = _offices()
    low = " ".join(w.lower() for w in words)
    for written, key in sorted(same.items(), key=lambda kv: -len(kv[0])):
        low = re.sub(rf"\b{re.escape(written)}\b", key, low)
    tokens = low.split()
    head = next((t for t in reversed(tokens) if t in heads), None)
    clause = frozenset(data_table("office_titles")["clause_words"])
    if head is None or any(t in clause or t.endswith("ly") or (t in STOPWORDS and t not in _JOINERS | {"the"})
                           for t in tokens):
        return None  # "will officially become leader of X": a clause, not a title
    # a capitalised word before a lower-case head names a country or people ("the Polish minister"), not a portfolio
    lower_head = any(w == head for w in words)
    named = {w.lower() for w in words if w[0].isupper()} if lower_head else set()
    portfolio = frozenset(t for t in tokens if t != head and t not in STOPWORDS and t not in _JOINERS and t not in named
                          and t not in stops and t not in heads and place_of_word(t) is None and len(t) > 2)
    return Title(head, portfolio, " ".join(words))


def _before(text: str, start: int) -> Title | None:
    """The title written right before the name at ``start``: "Minister of Mining and Heavy Industry", "finance
    minister", "Senegal's education minister," (one comma may stand between)."""
    tokens = _WORD.findall(text[max(0, start - 160):start])
    comma = bool(tokens) and tokens[-1] == ","
    if comma:
        tokens = tokens[:-1]
    _, _, stops = _offices()
    run: list[str] = []
    for t in reversed(tokens):
        low = t.lower()
        if t == "," and run and run[0][0].isupper():
            continue  # "Minister of Economy, Trade and Industry": a list of portfolio words
        if not t[0].isalpha() or low in _DETERMINERS or low in stops or t.endswith(("'s", "’s", "'", "’")):
            break
        if low in STOPWORDS and low not in _JOINERS:
            break
        if not comma and low not in _JOINERS and not t[0].isupper() and run and run[0][0].isupper():
            break  # "said Finance Minister X": a lower-case word before a capitalised title is no part of it
        run.insert(0, t)
    while run and run[0].lower() in _JOINERS:
        run.pop(0)
    return _title(run) if run else None


def _after(text: str, end: int) -> Title | None:
    """The title written right after the name ending at ``end``: ", Japan's agriculture minister,", " is the finance
    minister"."""
    rest = text[end:end + 160]
    m = _AFTER.match(rest) or _COPULA.match(rest)
    if not m:
        return None
    words = m.group("role").split()
    return _title(words) if len(words) <= 8 else None


def titles_of(name: str, text: str) -> list[Title]:
    """Every title ``text`` writes beside ``name`` (matched by its last word: "Tserendorj", "Mori"), before or after
    the name as ``text`` writes it there."""
    last = name.split()[-1]
    first = name.split()[0]
    out: list[Title] = []
    for m in re.finditer(rf"\b{re.escape(last)}\b", text):
        start = m.start()
        lead = text[:start].rstrip()
        if lead.endswith(first) and first != last:  # the full name: read the title before its first word
            start = lead.rfind(first)
        out += [t for t in (_before(text, start), _after(text, m.end())) if t]
    return out


def _same_word(a: str, b: str) -> bool:
    return a == b or stem(a) == stem(b) or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])


def office_mismatch(claim: str, passage: str) -> str | None:
    """A reason when ``claim`` titles a named person with a portfolio that no title ``passage`` gives that person
    under the same head has ("role: passage gives Zolboo Tserendorj the title 'Minister of Mining and Heavy
    Industry', not 'finance minister'"); None otherwise, and when the passage gives the name no title of that head."""
    for m in re.finditer(_NAME, claim):
        name = m.group(0)
        words = name.split()
        heads = _offices()[0]
        titled = [i for i, w in enumerate(words) if w.lower() in heads]
        if titled:  # "Finance Minister Lars Berg": the name is the words after the title, its last two at most
            words = words[titled[-1] + 1:][-2:]
        if len(words) < 2 or {w.lower() for w in words} & _ORG_WORDS:
            continue  # "Birmingham City Council": a body, not a person
        name = " ".join(words)
        ours = [t for t in titles_of(name, claim) if t.portfolio]
        if not ours:
            continue
        theirs = titles_of(name, passage)
        for mine in ours:
            same_head = [t for t in theirs if t.head == mine.head]
            if same_head and all(t.portfolio and not any(_same_word(a, b) for a in mine.portfolio for b in t.portfolio)
                                 for t in same_head):
                return (f"role: passage gives {name} the title '{same_head[0].shown}', not "
                        f"'{mine.shown}'")
    return None
