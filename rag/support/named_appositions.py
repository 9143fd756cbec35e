"""A name restated with its description in apposition: the claim's "Lee, a broker, was acquitted" says what the
passage's "A fourth defendant, a broker surnamed Lee, was acquitted" says; "Chen, a 29-year-old engineer, was
arrested" what "a 29-year-old engineer surnamed Chen was arrested" says; "Carla Ruiz, the finance chief," what
"The company's finance chief, a former banker named Carla Ruiz," says. The claim moves the name before its
description, so the copy signals read the name as put in place of the passage's words before the description
("lee" for "a fourth defendant"; s67 fresh user F4).

``restated_names(claim, window)`` gives the lower-case words (name and description) of each claim apposition
"<Name>, [a|an|the] <description>," whose name the window writes in full and describes, next to it, with every
content word of the claim's description: before the name through a link ("a broker surnamed Lee", links of
``data/named_appositions.toml``) or a comma ("the plant's manager, Tomas Novak"), or after it in apposition
("Lee, a broker at Hanwha,"). A description of another name of the window ("Lee, a designer," where the designer
is Jo) is not restated; ``described_other(claim, passage)`` gives that case its reason (a role swap: the claim's
description is the one the passage gives another name, and not the one it gives the claim's). The same holds for a title the window writes before a name, with its owner before it, and the claim after the name
("Lee Jae-yong is the chairman of Samsung Electronics", "Rene Haas, the chief executive of Arm," over "Samsung
Electronics chairman Lee Jae-yong", "Arm chief executive Rene Haas": ``restated_holdings``, the claim's role by
``role_holders.holdings``). Names are capitalised word runs (with the particles of the data file: "Pieter de Vries").

An age is a description too: ``other_age(claim, passage)`` reads the claim's "a 41-year-old broker" against the
people the passage gives ages ("Kim Young-ho, 41, a former engineer at SK On, and his 38-year-old accomplice, a
broker": 41 is the engineer's, 38 the broker's) and gives a role swap when the claim's age is described otherwise
and its description is another age's (s68 user: a role taken from a neighbouring apposition).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rag.support.data_files import data_table
from rag.support.lexicon import STOPWORDS
from rag.support.role_holders import holdings
from rag.text.lexicon import word_set
from rag.text.tokens import stem

__all__ = ["described_other", "other_age", "other_title", "restated_holdings", "restated_names"]

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[,;:()]|[.!?](?=\s|$)")
_BOUNDARY = frozenset(",;:()") | frozenset(".!?")
_DESCRIPTION_WORDS = 8  # longest description read before a name (tokens)


@cache
def _data() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    data = data_table("named_appositions")
    links = tuple(sorted((tuple(x.split()) for x in data["links"]), key=len, reverse=True))
    return links, frozenset(data["particles"]), frozenset(data["articles"])


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def _content(words: list[str]) -> frozenset[str]:
    return frozenset(stem(w.lower().replace("’", "'")) for w in words
                     if w not in _BOUNDARY and w.lower() not in STOPWORDS)


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _name_end(tokens: list[str], i: int) -> int:
    """The end (exclusive) of the capitalised run starting at ``tokens[i]`` (particles inside: "Pieter de Vries")."""
    _, particles, _ = _data()
    j = i + 1
    while j < len(tokens):
        if _capital(tokens[j]) and tokens[j] not in _BOUNDARY:
            j += 1
        elif tokens[j] in particles and j + 1 < len(tokens) and _capital(tokens[j + 1]):
            j += 2
        else:
            break
    return j


def _claim_appositions(claim: str) -> list[tuple[list[str], list[str]]]:
    """(name tokens, description tokens) of each "<Name>, [a|an|the] <description>," of the claim."""
    _, _, articles = _data()
    tokens = _tokens(claim)
    out = []
    i = 0
    while i < len(tokens):
        if not (_capital(tokens[i]) and tokens[i] not in _BOUNDARY) or (i and tokens[i - 1] not in _BOUNDARY
                                                                      and _capital(tokens[i - 1])):
            i += 1
            continue
        end = _name_end(tokens, i)
        if end < len(tokens) and tokens[end] == ",":
            k = end + 1
            if k < len(tokens) and tokens[k].lower() in articles:
                k += 1
            stop = k
            while stop < len(tokens) and tokens[stop] not in _BOUNDARY:
                stop += 1
            if stop < len(tokens) and tokens[stop] == "," and _content(tokens[k:stop]):
                name = [t for t in tokens[i:end] if t.lower() not in STOPWORDS or _capital(t)]
                if name and not (i == 0 and name[0].lower() in STOPWORDS):
                    out.append((tokens[i:end], tokens[k:stop]))
        i = end
    return out


def _segment_before(tokens: list[str], at: int) -> list[str]:
    """The tokens of the clause part ending before ``tokens[at]`` (back to the previous boundary)."""
    k = at
    while k > 0 and tokens[k - 1] not in _BOUNDARY:
        k -= 1
    return tokens[k:at]


def _described(tokens: list[str], start: int, end: int) -> list[str]:
    """The window tokens describing the name ``tokens[start:end]``: a description before it (through a link, back
    to its article, and the comma part before that article; or the comma part right before the name) and an
    apposition after it (", <words>," up to the next boundary)."""
    links, _, articles = _data()
    out: list[str] = []
    k = start
    for link in links:
        if tuple(t.lower() for t in tokens[max(0, k - len(link)):k]) == link:
            k -= len(link)
            j = k
            while j > 0 and k - j < _DESCRIPTION_WORDS and tokens[j - 1] not in _BOUNDARY:
                j -= 1
                if tokens[j].lower() in articles:
                    break
            out += tokens[j:k]
            if j > 0 and tokens[j - 1] == ",":
                out += _segment_before(tokens, j - 1)
            break
    else:
        if k > 0 and tokens[k - 1] == ",":
            out += _segment_before(tokens, k - 1)
    if end < len(tokens) and tokens[end] == ",":
        j = end + 1
        while j < len(tokens) and tokens[j] not in _BOUNDARY:
            j += 1
        out += tokens[end + 1:j]
    return out


@lru_cache(maxsize=4096)
def restated_names(claim: str, window: str) -> frozenset[str]:
    """Lower-case words (name and description) of each apposition of ``claim`` that ``window`` restates with the
    same name and, next to it, every content stem of the description (module docstring), a hyphenated word also
    by its parts ("29-year-old": "year", "old"); empty when none."""
    theirs = _tokens(window)
    lowered = [t.lower() for t in theirs]
    out: set[str] = set()
    for name, description in _claim_appositions(claim):
        key = [t.lower() for t in name]
        wanted = _content(description)
        for s in range(len(theirs) - len(key) + 1):
            if lowered[s:s + len(key)] != key or not _capital(theirs[s]):
                continue
            if wanted <= _content(_described(theirs, s, s + len(key))):
                out |= {p for t in name + description for p in (t.lower(), *re.split(r"['’-]", t.lower()))}
                break
    return frozenset(out)


def _descriptions(tokens: list[str]) -> dict[str, frozenset[str]]:
    """Lower-case name (words joined by spaces) -> content stems the window describes it with, next to it."""
    out: dict[str, frozenset[str]] = {}
    i = 0
    while i < len(tokens):
        if not _capital(tokens[i]) or tokens[i] in _BOUNDARY or (i and _capital(tokens[i - 1])
                                                                 and tokens[i - 1] not in _BOUNDARY):
            i += 1
            continue
        end = _name_end(tokens, i)
        key = " ".join(t.lower() for t in tokens[i:end])
        out[key] = out.get(key, frozenset()) | _content(_described(tokens, i, end))
        i = end
    return out


def described_other(claim: str, passage: str) -> str | None:
    """A reason when a claim apposition "<Name>, a <description>," gives the name a description the passage puts
    next to another name and not next to this one, which it describes otherwise ("Lee, a designer, was acquitted"
    over "... a former senior designer surnamed Jo ... a broker surnamed Lee, was acquitted"); else None."""
    theirs = _descriptions(_tokens(passage))
    for name, description in _claim_appositions(claim):
        key = " ".join(t.lower() for t in name)
        # the name's own words are no description ("Taiwan Island, conduct ... in the Taiwan Strait,": "taiwan")
        name_stems = {stem(t.lower()) for t in name}
        own = theirs.get(key, frozenset()) - name_stems
        missing = _content(description) - own - name_stems
        if not own or not missing:
            continue
        for other, words in theirs.items():
            if other != key and key not in other and other not in key and missing <= words:
                return (f"role: passage describes {other.title()} as '{' '.join(description)}', "
                        f"not {' '.join(name)}")
    return None


_AGED = re.compile(r"(\d{1,3})-years?-old$", re.IGNORECASE)
_AGE = re.compile(r"\d{1,3}$")
_AGE_WORDS = frozenset({"year", "old"})
#: words that end a claim's "a 41-year-old <description>" (its verb or a conjunction)
_CLAIM_DESCRIPTION_END = frozenset({"was", "were", "is", "are", "has", "had", "have", "will", "would", "and", "who",
                                    "said", "says"})


def _part_after(tokens: list[str], k: int) -> list[str]:
    """The noun phrase from ``k``: up to the next boundary, or to the first function word after a content word ("a
    former engineer [at SK On]", "banker [over the fraud]": what follows is the act's, not the person's)."""
    j = k
    seen = False
    while j < len(tokens) and tokens[j] not in _BOUNDARY:
        low = tokens[j].lower()
        if low in STOPWORDS and seen:
            break
        seen = seen or low not in STOPWORDS
        j += 1
    return tokens[k:j]


def _holder_before(tokens: list[str], at: int) -> list[str]:
    """The person a ", <age>," at ``tokens[at]`` (its comma) follows: the capitalised name ending there, else the noun
    phrase from its last article ("a customs broker"), else nothing (the clause's verb and subject are not his)."""
    seg = _segment_before(tokens, at)
    if seg and _capital(seg[-1]):
        k = len(seg) - 1
        while k > 0 and _capital(seg[k - 1]):
            k -= 1
        return seg[k:]
    _, _, articles = _data()
    starts = [k for k, w in enumerate(seg) if w.lower() in articles]
    return seg[starts[-1]:] if starts else []


def _ages(tokens: list[str]) -> dict[int, frozenset[str]]:
    """Age -> content stems the text describes the person of that age with: "a 38-year-old accomplice, a broker,"
    (the words after the age and the apposition after them), "Kim Young-ho, 41, a former engineer at SK On," and
    "a customs broker, 52," (the comma parts on either side of the age)."""
    _, _, articles = _data()
    out: dict[int, frozenset[str]] = {}
    for i, t in enumerate(tokens):
        if m := _AGED.match(t):
            words = _part_after(tokens, i + 1)
            verb = next((k for k, w in enumerate(words) if w.lower() in _CLAIM_DESCRIPTION_END), None)
            words = words if verb is None else words[:verb]  # "a 30-year-old driver [was released]"
            end = i + 1 + len(words)
            if end + 1 < len(tokens) and tokens[end] == "," and tokens[end + 1].lower() in articles:
                words += _part_after(tokens, end + 1)  # "his 38-year-old accomplice, a broker,"
        elif (_AGE.match(t) and 0 < i < len(tokens) - 1 and tokens[i - 1] == "," and tokens[i + 1] == ","
              and 15 <= int(t) <= 110):
            after = _part_after(tokens, i + 2)  # an apposition ("a former engineer"), not the verb ("was charged")
            if after and after[0].lower() not in articles and (after[0].lower() in STOPWORDS
                                                              or after[0].lower() in _CLAIM_DESCRIPTION_END):
                after = []
            m, words = _AGE.match(t), after + _holder_before(tokens, i - 1)
        else:
            continue
        age = int(m.group(1) if m.groups() else m.group(0))
        out[age] = out.get(age, frozenset()) | _content(words)
    return out


def other_age(claim: str, passage: str) -> str | None:
    """A reason when the claim's "a <N>-year-old <description>" gives the age of a person the passage describes
    otherwise, and every description word the passage lacks there it gives the person of another age ("role: passage
    gives 41 to 'former engineer sk', not 'broker' (38)"); None otherwise, and when the passage gives no age."""
    theirs = _ages(_tokens(passage))
    if len(theirs) < 2:
        return None
    tokens = _tokens(claim)
    for i, t in enumerate(tokens):
        m = _AGED.match(t)
        if not m:
            continue
        words = [w for w in _part_after(tokens, i + 1) if w.lower() not in _CLAIM_DESCRIPTION_END]
        age = int(m.group(1))
        own = theirs.get(age, frozenset())
        missing = _content(words) - own - _AGE_WORDS
        if not own or not missing:
            continue
        for other, described in theirs.items():
            if other != age and missing <= described:
                return (f"role: passage gives the age {age} to '{' '.join(sorted(own))}', not to "
                        f"'{' '.join(words)}' (aged {other})")
    return None


@lru_cache(maxsize=4096)
def restated_ages(claim: str, window: str) -> frozenset[str]:
    """Lower-case words of each claim age "a <N>-year-old <description>" that ``window`` gives as the age of a person
    it describes with every content word of that description, however written ("a 49-year-old Japanese national" over
    "A Japanese national, 49, was arrested", "a 58-year-old broker" over "The broker, 58,": ``_ages``): the figure,
    "year", "years" and "old", which then are no edit. Empty when none."""
    theirs = _ages(_tokens(window))
    if not theirs:
        return frozenset()
    tokens = _tokens(claim)
    out: set[str] = set()
    for i, t in enumerate(tokens):
        m = _AGED.match(t)
        if not m:
            continue
        words = _part_after(tokens, i + 1)
        end = next((k for k, w in enumerate(words) if w.lower() in _CLAIM_DESCRIPTION_END), None)
        described = _content(words if end is None else words[:end])
        own = theirs.get(int(m.group(1)))
        if own is not None and described and described <= own:
            out |= {m.group(1), *_AGE_WORDS, "years", t.lower()}
    return frozenset(out)


@cache
def _titles() -> frozenset[str]:
    return frozenset(w.lower() for w in word_set("titles"))


_TITLE_WORDS = 6  # longest title with its owner read before a window's name (tokens)


def _before_name(tokens: list[str], shown: list[str]) -> frozenset[str]:
    """Content stems of the words right before each occurrence of the name ``shown`` (its tokens) in ``tokens``:
    back to a boundary (one comma right before the name is read over: "Nigeria's central bank governor, Olayemi
    Cardoso"), at most ``_TITLE_WORDS``."""
    out: set[str] = set()
    n = len(shown)
    for s in range(len(tokens) - n + 1):
        if tokens[s:s + n] != shown:
            continue
        k = s - 1 if s and tokens[s - 1] == "," else s
        out |= _content(_segment_before(tokens, k)[-_TITLE_WORDS:])
    return frozenset(out)


@lru_cache(maxsize=4096)
def restated_holdings(claim: str, window: str) -> frozenset[str]:
    """Lower-case words (name, role and owner) of each role the claim gives a name after it ("Lee Jae-yong is the
    chairman of Samsung Electronics", "Rene Haas, the chief executive of Arm,") that the window writes before the
    same name with every content word of the claim's role ("Samsung Electronics chairman Lee Jae-yong"); a role of
    another head ("chief financial officer") or owner is not restated. Empty when none."""
    theirs = holdings(window)
    if not theirs:
        return frozenset()
    wtokens = _tokens(window)
    ctokens = _tokens(claim)
    out: set[str] = set()
    for c in holdings(claim):
        for w in theirs:
            if w.head != c.head or not w.name & c.name:
                continue
            before = _before_name(wtokens, _tokens(w.shown))
            said = c.rest | {c.head}
            if c.head in before and said <= before | w.rest | {w.head}:
                out |= {p for t in ctokens if t not in _BOUNDARY for p in (t.lower(), *re.split(r"['’-]", t.lower()))
                        if t.lower() in c.name or stem(t.lower()) in said}
                break
    return frozenset(out)


def other_title(claim: str, passage: str) -> str | None:
    """A reason when the claim gives a name a title (``role_holders.holdings`` whose head is a title of
    ``rag/text/data/titles.txt``) that the passage writes nowhere, while the passage gives that name another title
    ("Maria Silva, the finance director of Vale" over "Vale chief executive Maria Silva"); else None. A role the
    passage names anywhere, and a head that is no title ("Mitsubishi Electric, an important company" over "a key
    player"), are left to the other checks."""
    theirs = [w for w in holdings(passage) if w.role.lower() in _titles()]
    if not theirs:
        return None
    written = {stem(w.lower()) for w in _tokens(passage) if w not in _BOUNDARY}
    for c in holdings(claim):
        if c.role.lower() not in _titles():
            continue
        given = [w for w in theirs if w.name & c.name]
        if given and c.head not in written and all(w.head != c.head for w in given):
            return f"role: passage gives {c.shown} the title '{given[0].role}', not '{c.role}'"
    return None
