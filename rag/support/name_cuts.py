"""Names cut out of a longer name: the claim keeps a part that names something else.

"Joe Manchin of Virginia" against "Joe Manchin of West Virginia", "as far south as Mexico" against "as far south
as the eastern Gulf of Mexico", "a Pennsylvania gas tax holiday" against "the Penn Wharton Budget Model from the
University of Pennsylvania estimated that a federal gas tax holiday ...", "2 miles east of Illinois" against "2
miles east of the Central Illinois Regional Airport": every word of the claim is in the passage, so the entity
and overlap checks pass, but the claim's name is the tail of a longer one, and the words it drops made it another
place or body. A name's *head* may be kept alone ("Scripps" for "Scripps Institution of Oceanography", "Manchin"
for "Joe Manchin"); its tail may not when the words before it are a compass word ("West", "Central": a region of
it) or end in "of" ("Gulf of", "University of", "Bank of": a thing of it), unless the claim names that thing
itself ("Japan's central bank" for "the Bank of Japan"). A claim name "A of B" with a one-word head that the passage
has only as "A of C", and B elsewhere ("the University of San Diego" for "the University of California in San
Diego"), is a cut too.

Names are runs of capitalised words (joined by "of" and "the"), read after ``metonymy.keyed`` so that a country
is one token however it is written ("South Korea" is no "Korea" after "South", so "Korea" for it is no cut).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.lexicon import STOPWORDS
from rag.support.metonymy import keyed, shown
from rag.text.lexicon import word_set

_COMPASS = word_set("compass_words") | {"central", "northern", "southern", "eastern", "western"}
# a name word: initials ("U.S.", "J."), a short abbreviation before a capital ("St. Louis", "Mr. Pryce") or a word
# whose inner periods join letters ("Amazon.com"); a sentence's final period ends the run ("... Andes of Ecuador.
# The ..." is no name "Andes of Ecuador The")
_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.(?=\s+[A-Z])|[A-Z][\w'’-]*(?:\.[\w'’-]+)*)"
_RUN_RE = re.compile(_WORD + r"(?:\s+(?:of\s+(?:the\s+)?)?" + _WORD + ")*")
_CONNECTORS = frozenset({"of", "the"})
_HEAD_REACH = 4  # claim words after the kept part where the dropped head may be named again ("Japan's central bank")


def _name_words(run: str) -> tuple[str, ...]:
    words = [re.sub(r"['’]s$", "", w).strip(".").lower() for w in run.split()]
    while words and (words[0] in STOPWORDS and words[0] not in _CONNECTORS or words[0] == "the"):
        words = words[1:]  # a sentence's first word ("In April", "The Bank of Japan")
    return tuple(w for w in words if w)


@lru_cache(maxsize=256)
def _runs(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(r for r in (_name_words(m.group(0)) for m in _RUN_RE.finditer(text)) if r)


def _find(part: tuple[str, ...], run: tuple[str, ...]) -> list[int]:
    n = len(part)
    return [i for i in range(len(run) - n + 1) if run[i : i + n] == part]


def name_cut(claim: str, passage: str) -> str | None:
    """A reason when a claim name is the tail of the passage's longer names only, cut after a compass word or an
    "of" ("Virginia" of "West Virginia"), or joins with "of" two passage names the passage never joins; else None."""
    claim, passage = keyed(claim), keyed(passage)  # each text once (a passage is read for many claims)
    runs = _runs(passage)
    claim_words = [w.lower() for w in re.findall(r"[\w'’]+", claim)]
    names = _runs(claim) if claim != claim.lower() else _lower_runs(claim_words, runs)
    for name in names:
        while name and name[-1] in _CONNECTORS:
            name = name[:-1]
        if not name:
            continue
        reason = _tail_cut(name, runs, claim_words)
        if reason is None and not any(_find(name, run) for run in runs) and "of" in name[1:-1]:
            # "Joe Manchin of Virginia", a name the passage does not have: its part after "of" ("Virginia")
            reason = _tail_cut(name[len(name) - name[::-1].index("of") :], runs, claim_words)
            if reason is None and name.index("of") == 1:
                reason = _joined(name, runs)
        if reason:
            return reason
    return None


def _tail_cut(name: tuple[str, ...], runs: tuple[tuple[str, ...], ...], claim_words: list[str]) -> str | None:
    """The reason when every passage name that holds ``name`` has it as a tail after a compass word or "of"."""
    places = [(run, i) for run in runs for i in _find(name, run)]
    if not places or any(i == 0 for _, i in places):
        return None  # not the passage's, or the passage names it so or by its head ("Scripps" for "Scripps ...")
    cut = [(run, i) for run, i in places if run[i - 1] in _COMPASS or run[i - 1] == "of"]
    if len(cut) < len(places):
        return None
    run, i = cut[0]
    dropped = [w for w in run[:i] if w not in _CONNECTORS]
    at = next((k for k, w in enumerate(claim_words) if w.startswith(name[-1][:6])), len(claim_words))
    if any(w in claim_words[at : at + _HEAD_REACH + 1] for w in dropped):
        return None  # the claim names the dropped head itself ("Japan's central bank")
    return f"name: the passage has '{_shown(run)}', the claim '{_shown(name)}'"


def _joined(name: tuple[str, ...], runs: tuple[tuple[str, ...], ...]) -> str | None:
    """The reason when a claim name "A of B" (one head word A) has a head the passage has only as "A of C" and a
    tail the passage has apart ("the University of San Diego" for "the University of California in San Diego")."""
    head, tail = name[:1], name[2:]
    heads = [(run, i) for run in runs for i in _find(head, run)]
    if heads and all(i + 1 < len(run) and run[i + 1] == "of" for run, i in heads) and any(_find(tail, run) for run in runs):
        return f"name: the passage has no '{_shown(name)}' (its '{_shown(head)}' and '{_shown(tail)}' are apart)"
    return None


def _lower_runs(words: list[str], runs: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """A lower-cased claim's names (summaries as released: "east of illinois"): runs of its words that the passage
    writes inside names, joined by "of"/"the"."""
    known = {w for run in runs for w in run} - _CONNECTORS - STOPWORDS
    out: list[tuple[str, ...]] = []
    cur: list[str] = []
    for w in words + [""]:
        if w in known or (cur and w in _CONNECTORS):
            cur.append(w)
            continue
        while cur and cur[-1] in _CONNECTORS:
            cur.pop()
        if cur:
            out.append(tuple(cur))
        cur = []
    return out


def _shown(words: tuple[str, ...] | list[str]) -> str:
    return " ".join(shown(w) if w.startswith("placekey") else w for w in words).title().replace(" Of ", " of ")
