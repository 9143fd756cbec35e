"""A sibling of the asked thing in its place: "Prices of dysprosium oxide in Rotterdam rose 12% in October to $910 per
kilogram" gives dysprosium's price, not the one "What is the price of terbium oxide in Rotterdam?" asks for (s66's
fresh user, F1). Such a sentence matches every word of the question but one, and that one is replaced by a thing of
the same class: an element, a company, a country, a product.

The class is read from the text itself, without a parser or word lists: two words are siblings when the sentence's
passage or its document's title coordinates them ("China's *dysprosium and terbium* export licences", "Samsung, SK
Hynix and Micron", "Japan or Korea"). A sentence gives a sibling in the asked thing's place (``gives_sibling``) when

- it lacks the asked word (a word of the question, not a stop word) and holds a sibling of it; and
- the sibling stands in the asked word's frame: a figure's ("How much tungsten …?" / "11.5 tonnes *of indium*");
  before the same head noun ("terbium *oxide*" / "dysprosium *oxide*";
  past a possessive and the rest of a name, ``NAME_WORDS``: "Samsung's *revenue*" / "SK Hynix's *revenue*"), or after the same noun and "of" ("the *price of*
  terbium" / "*prices of* dysprosium"), compared by stem.

A sentence naming the asked word too ("dysprosium and terbium licences fell") is no substitution, nor one naming the
sibling elsewhere than in the frame ("… ahead of Samsung's results, Micron said").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text.lexicon import word_set
from rag.writers.key_terms import stem

__all__ = ["asked_frames", "siblings", "gives_sibling"]

#: at most this many capitalised words may follow a sibling as the rest of its name before the frame's head
NAME_WORDS = 2
_WORD = re.compile(r"[A-Za-z][\w-]*(?:['’]s)?")
_POSSESSIVE = re.compile(r"['’]s$")


def _words(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(text)]


@lru_cache(maxsize=4096)
def asked_frames(question: str) -> tuple[tuple[str, str, str], ...]:
    """The question's words that stand in a frame: (the word as written, "before" or "after", the stem of the frame
    word): "price of terbium oxide" → ("terbium", "before", "oxid"), ("terbium", "after", "price"). A word is no
    stop word (``stopwords.txt``); the frame is the next word (a head noun) or the noun before "of"."""
    stops = word_set("stopwords")
    words = _words(question)
    out = []
    for k, word in enumerate(words):
        if word.lower() in stops or len(word) < 3:
            continue
        if k + 1 < len(words) and words[k + 1].lower() not in stops:
            out.append((word, "before", stem(words[k + 1].lower())))
        if k >= 2 and words[k - 1].lower() == "of" and words[k - 2].lower() not in stops:
            out.append((word, "after", stem(words[k - 2].lower())))
        # the thing a quantity is asked of ("How much *tungsten* did China export …?"): its frame is an amount
        if k >= 2 and words[k - 2].lower() == "how" and words[k - 1].lower() in _AMOUNT_ASKS:
            out.append((word, AMOUNT, ""))
    return tuple(out)


#: the frame of a thing whose quantity a question asks ("how much X", "how many X"): in a sentence, a figure and at
#: most ``AMOUNT_UNIT_WORDS`` unit words then "of" before the sibling ("11.5 tonnes of indium", "40% of indium")
AMOUNT = "amount"
AMOUNT_UNIT_WORDS = 2
_AMOUNT_ASKS = frozenset({"much", "many"})


def _amount_of(word: str, text: str) -> bool:
    """Whether ``text`` gives a figure of ``word``: "11.5 tonnes of indium", "30% of indium"."""
    return re.search(rf"\d[\d.,]*%?\s+(?:[A-Za-z-]+\s+){{0,{AMOUNT_UNIT_WORDS}}}of\s+{re.escape(word)}\b", text,
                     re.I) is not None


#: a word, then what joins it to the next: a comma, "and", "or" (", and" too)
_JOINED = re.compile(r"([A-Za-z][\w-]*)(?:['’]s)?(\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?=[A-Za-z])")


@lru_cache(maxsize=2048)
def _pairs(context: str) -> frozenset[tuple[str, str]]:
    """Every two words ``context`` coordinates, lower case, both ways ("A, B and C": A-B, B-C)."""
    out = set()
    for m in _JOINED.finditer(context):
        nxt = re.match(r"[A-Za-z][\w-]*", context[m.end():])
        if nxt:
            a, b = m.group(1).lower(), nxt.group(0).lower()
            out |= {(a, b), (b, a)}
    return frozenset(out)


def siblings(word: str, context: str) -> frozenset[str]:
    """Words ``context`` coordinates with ``word`` ("dysprosium and terbium": {"dysprosium"} for "terbium"), lower
    case; empty when it coordinates none."""
    low = word.lower()
    return frozenset(b for a, b in _pairs(context) if a == low and b != low) - word_set("stopwords")


def gives_sibling(question: str, text: str, context: str) -> bool:
    """Whether sentence ``text`` gives a sibling of an asked word in that word's frame (module docstring);
    ``context``: its passage and document title, where the siblings are read."""
    frames = asked_frames(question)
    if not frames:
        return False
    words = _words(text)
    lows = [w.lower() for w in words]
    asked = {w.lower() for w in _words(question)}
    for word, side, frame in frames:
        if word.lower() in lows:
            continue
        sibs = siblings(word, context) - asked
        if not sibs:
            continue
        if side == AMOUNT:
            if any(_amount_of(sib, text) for sib in sibs):
                return True
            continue
        for k, low in enumerate(lows):
            if low not in sibs:
                continue
            # past the rest of a name ("SK *Hynix*'s revenue"): capitalised words after the sibling
            j = k + 1
            while j < len(words) and j <= k + NAME_WORDS and words[j][:1].isupper() and stem(lows[j]) != frame:
                j += 1
            if side == "before" and j < len(lows) and stem(lows[j]) == frame:
                return True
            if side == "after" and k >= 2 and lows[k - 1] == "of" and stem(lows[k - 2]) == frame:
                return True
    return False
