"""Questions that ask who a named person is ("Who is Sato Kei?"), answered by the sentence that names them with a title.

A source says who someone is by a title or an appositive beside the name, often only once and in a short line the
sentence reader sets aside (an analytic brief's "Key Individuals and Entities" list: "Japanese Deputy Chief Cabinet
Secretary Sato Kei"). ``asked_person`` reads the name a "who is X?" question asks about; ``titled_mentions`` finds
where a text names that person with a title:

* a title before the name, in either name order ("Deputy Chief Cabinet Secretary Sato Kei", "Japan's trade minister
  Hiroshi Kajiyama", "President Moon Jae-in"; a CJK name is written family name first as often as not: "Kei Sato");
* an appositive after it ("Gene Raymond, the US Secretary of Commerce, …", "Yasutoshi Nishimura, Japan's Minister of
  Economy, Trade and Industry").

Title words: ``titles.txt`` and ``entity_titles.txt`` (the text layer's lists of titles before a person's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.text.lexicon import word_set
from rag.text.sentences import split_sentences

__all__ = ["TitledMention", "asked_person", "name_forms", "titled_mentions"]

#: "Who is X?", "Who's X?", "Who was X?": X a run of one to four capitalised words (a hyphenated part counts)
_WHO_IS = re.compile(r"^\s*who(?:\s+(?:is|was)|['’]s)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\??\s*$",
                     re.I)
#: how many words before a name a title run may reach, and how many lower-case modifiers it may hold ("trade" in
#: "Japan's trade minister")
TITLE_REACH = 8
MODIFIERS = 2
#: words that join a title's parts ("Minister of Economy, Trade and Industry", "Secretary for Trade")
_JOINERS = frozenset({"of", "for", "and", "the", "&"})
_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in word_set("titles") | word_set("entity_titles"))


@dataclass(frozen=True)
class TitledMention:
    """Where a text says who someone is: ``sentence`` (start, end) in the text, the sentence or list line holding
    the mention; ``title``, the title or appositive as written ("Japanese Deputy Chief Cabinet Secretary")."""

    sentence: tuple[int, int]
    title: str


def asked_person(question: str) -> str | None:
    """The name a "who is X?" question asks about ("Who is Sato Kei?" -> "Sato Kei"); None for any other question,
    or when X is no capitalised name ("Who is affected?", "Who is the minister?")."""
    m = _WHO_IS.match(question)
    if m is None:
        return None
    name = m.group("name").strip().rstrip("?.")
    return name if all(w[:1].isupper() for w in name.split()) and name.split()[0].lower() != "the" else None


def name_forms(name: str) -> list[str]:
    """The ways a source may write ``name``: as asked, and a two-part name in the other order ("Sato Kei" / "Kei
    Sato": a Japanese, Chinese or Korean name is written family name first as often as given name first)."""
    words = name.split()
    return [name, f"{words[1]} {words[0]}"] if len(words) == 2 else [name]


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".").removesuffix("'s").removesuffix("’s") in _titles()


def _title_before(words: list[str]) -> str | None:
    """The title run ending right before a name (``words``: the sentence's tokens before it), or None: capitalised
    words, title words, joiners and up to ``MODIFIERS`` lower-case words before a title word, holding a title word
    and ending on its last one."""
    run: list[str] = []
    modifiers, titled = 0, False
    for word in reversed(words[-TITLE_REACH:]):
        if _is_title(word):
            titled = True
        elif word[:1].isupper() or word.lower() in _JOINERS:
            pass
        elif titled and word[:1].isalpha() and modifiers < MODIFIERS:
            modifiers += 1
        else:
            break
        run.insert(0, word)
    while run and run[0].lower() in _JOINERS:
        run.pop(0)
    # a lower-case word only modifies a title after it: "the deal trade minister" keeps "trade minister"
    while run and not run[0][:1].isupper() and not _is_title(run[0]):
        run.pop(0)
    if not titled:
        return None
    # the title ends on its last title word: the words after it are the rest of the name ("… minister Hiroshi" before
    # "Kajiyama")
    last = max(k for k, w in enumerate(run) if _is_title(w))
    return " ".join(run[:last + 1])


def _title_after(rest: str) -> str | None:
    """The appositive after "<name>, " (``rest``: the sentence after the comma): a phrase opening with "the", "a",
    "an", a possessive or a capitalised word, holding a title word in its first ``TITLE_REACH`` words, up to the next
    comma after that title word or the sentence's end."""
    words = rest.split()
    if not words or not (words[0].lower() in ("the", "a", "an") or words[0][:1].isupper()):
        return None
    at = next((k for k, w in enumerate(words[:TITLE_REACH]) if _is_title(w.rstrip(",;"))), None)
    if at is None:
        return None
    end = next((k for k in range(at, len(words)) if words[k].endswith((",", ";"))
                and not (k + 1 < len(words) and words[k + 1][:1].isupper() and words[k + 1].lower() != "the")), None)
    phrase = " ".join(words[: (end + 1) if end is not None else len(words)])
    return phrase.rstrip(",;.")


def titled_mentions(name: str, text: str) -> list[TitledMention]:
    """Each place ``text`` names the person ``name`` (any of ``name_forms``, as whole words) with a title before the
    name or an appositive after it, in text order; the sentence is read within its line (a list item is a line)."""
    forms = "|".join(re.escape(f) for f in name_forms(name))
    found: list[TitledMention] = []
    at = 0
    for line in text.split("\n"):
        for sentence in split_sentences(line):
            start = at + sentence.start
            for m in re.finditer(rf"(?<![\w'’-])(?:{forms})(?![\w-])", sentence.text):
                before = _TOKEN.findall(sentence.text[:m.start()])
                title = _title_before([w for w in before if w[:1].isalnum()] if before and before[-1][:1].isalnum()
                                      else [])
                after = sentence.text[m.end():]
                if title is None and after.startswith(","):
                    title = _title_after(after[1:])
                if title is not None:
                    found.append(TitledMention((start, at + sentence.end), title))
                    break
        at += len(line) + 1
    return found
