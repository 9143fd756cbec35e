"""Organisation names made of generic words only: "the Ministry of Finance", "the Justice Department", "Taiwan's
Investment Commission", "the commerce ministry".

The entity checks (``facts.claim_entities``) read a name by its rare words and treat the generic organisation words
of ``rag/text/data/org_words.txt`` as soft, so a name with no other word was never checked: a claim putting another
ministry or agency in the actor role ("The Ministry of Finance announced the rules" where the Ministry of Economy,
Trade and Industry did) passed on its other words (issue 9, a new user's F12).

Such a name is a run of organisation words (joined by "of", "and", "for", "&" or a comma) holding a head word
("ministry", "department", "agency": ``data/org_names.toml``), with no capitalised name word right before or after it
(a name with a rare word, "Financial Services Agency", is the entity checks'). Its other words, but fillers
("affairs", "national"), say which body it is. The cited text names the same body when one of them stands within
``reach`` words of a head word or a minister's title ("the trade ministry" in "Ministry of Economy, Trade and
Industry"; "Finance Minister X" for "the Finance Ministry"), or when it uses the name's initials ("MOF").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.support.data_files import data_table
from rag.support.lexicon import STOPWORDS
from rag.text.lexicon import word_set
from rag.text.initials import initials_of

_DATA = data_table("org_names")
HEADS = frozenset(_DATA["heads"])
LOWER_CASE_HEADS = frozenset(_DATA["lower_case_heads"])
FILLERS = frozenset(_DATA["fillers"])
NEAR_HEADS = frozenset(_DATA["near_heads"])
REACH: int = _DATA["reach"]
ORG_WORDS = word_set("org_words") | HEADS
_JOINS = frozenset({"of", "and", "for", "&", ","})
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[,&]")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
_PREFIX = 5  # a name word matches a cited word with its first letters: "economy" / "economic", "finance" / "financial"


@dataclass(frozen=True)
class OrgName:
    """A name of generic organisation words: its text as written, its words (lower case, in order) and the words that
    say which body it is (``distinctive``)."""

    phrase: str
    words: tuple[str, ...]
    distinctive: tuple[str, ...]
    capitalised: bool


def _bare(word: str) -> str:
    return _POSSESSIVE_RE.sub("", word)


def org_names(claim: str) -> list[OrgName]:
    """The generic-word organisation names of ``claim`` (see the module docstring), in order."""
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(claim)]
    out: list[OrgName] = []
    i = 0
    while i < len(toks):
        if _bare(toks[i][0]).lower() not in ORG_WORDS:
            i += 1
            continue
        j = i  # the run's last org word
        k = i + 1
        while k < len(toks) and not _POSSESSIVE_RE.search(toks[k - 1][0]) and not claim[toks[k - 1][2]:toks[k][1]].strip():
            low = toks[k][0].lower()
            if _bare(low) in ORG_WORDS:
                j = k
            elif low not in _JOINS:
                break
            k += 1
        name = _name(claim, toks, i, j)
        if name:
            out.append(name)
        i = j + 1
    return out


def _name(claim: str, toks: list[tuple[str, int, int]], i: int, j: int) -> OrgName | None:
    """The run ``toks[i..j]`` as a name, or None (no head, mixed case, nothing distinctive, a name word beside it)."""
    run = [t[0] for t in toks[i : j + 1]]
    org = [_bare(w) for w in run if _bare(w).lower() in ORG_WORDS]
    caps = [w[:1].isupper() for w in org]
    if any(caps) and not all(caps):
        return None
    capitalised = all(caps)
    heads = HEADS if capitalised else LOWER_CASE_HEADS
    words = tuple(w.lower() for w in org)
    if not heads & set(words):
        return None
    distinctive = tuple(w for w in words if w not in HEADS and w not in FILLERS)
    if not distinctive:
        return None
    # a capitalised word written against the run is part of a name with a rare word (the entity checks' own)
    before = toks[i - 1] if i else None
    if before and not claim[before[2] : toks[i][1]].strip() and before[0][:1].isupper() \
            and not _POSSESSIVE_RE.search(before[0]) and before[0].lower() not in STOPWORDS:
        return None
    after = toks[j + 1] if j + 1 < len(toks) else None
    if after and not claim[toks[j][2] : after[1]].strip() and after[0][:1].isupper() and not _POSSESSIVE_RE.search(run[-1]):
        return None
    return OrgName(claim[toks[i][1] : toks[j][2]], words, distinctive, capitalised)


@lru_cache(maxsize=256)
def _cited_words(lower_text: str) -> tuple[str, ...]:
    return tuple(_bare(t) for t in _TOKEN_RE.findall(lower_text) if t not in (",", "&"))


def _initials(name: OrgName) -> set[str]:
    """The name's initials, without and with its joining words ("mf" and "mof" for "Ministry of Finance")."""
    return {initials_of(name.words), initials_of(w for w in name.phrase.lower().split() if w[:1].isalpha())}


def names_body(name: OrgName, lower_text: str, acronyms: set[str] | frozenset[str]) -> bool:
    """Does the cited text (lower case, and its acronyms lower case) name the body ``name`` names?"""
    if name.capitalised and _initials(name) & set(acronyms):
        return True
    words = _cited_words(lower_text)
    placing = HEADS | NEAR_HEADS
    heads_at = [p for p, w in enumerate(words) if w in placing]
    for d in name.distinctive:
        key = d[:_PREFIX]
        for p, w in enumerate(words):
            if w.startswith(key) and any(0 < abs(p - h) <= REACH for h in heads_at):
                return True
    return False


def unnamed_bodies(claim: str, lower_text: str, acronyms: set[str] | frozenset[str]) -> list[str]:
    """The generic-word organisation names of ``claim`` that the cited text (``lower_text``, its ``acronyms``) does not
    name, as written in the claim: ["Ministry of Finance"] for "The Ministry of Finance announced ..." against a
    text where only the Ministry of Economy, Trade and Industry acts."""
    return [n.phrase for n in org_names(claim) if not names_body(n, lower_text, acronyms)]


def _initials_of_runs(words: list[str]) -> set[str]:
    """Initials of each run of organisation words in ``words`` (lower case tokens), without and with its joining
    words: {"meti"} for "ministry of economy trade and industry"."""
    out: set[str] = set()
    run: list[str] = []
    for w in [*words, ""]:
        if w in ORG_WORDS or (run and w in _JOINS):
            run.append(w)
            continue
        while run and run[-1] in _JOINS:
            run.pop()
        if len(run) > 1:
            out |= {initials_of(run, skip=_JOINS), initials_of(run, skip=(",",))}
        run = []
    return out


def reworded_name(said: list[str], around: list[str]) -> bool:
    """Is a claim span ``said`` (lower-case tokens) the generic-word name that the cited words ``around`` the span it
    replaces give, in other words: each of its words an organisation word found among them with a head word among
    its own ("the trade ministry" for "the Ministry of Economy, Trade and Industry"), or its one word the initials of
    a run of organisation words there ("METI" for it)?"""
    words = [_bare(w) for w in said]
    if not words:
        return False
    if all(w in ORG_WORDS for w in words):
        return bool(HEADS & set(words)) and set(words) <= {_bare(w) for w in around}
    return len(words) == 1 and words[0] in _initials_of_runs([_bare(w) for w in around])
