"""A name written with its words clipped: "Lib Dems" for "Liberal Democrats", "Sen. Warren" over "Senator Warren".

Headline and summary style shortens a party's or a body's name word by word ("the Lib Dems", "the Dems", "Nat West"
is not one: every clipped word must begin a word of one passage name). The entity check
(``facts.entity_problem``) looked each claim name word up whole and rejected the shortened form ("entity 'Lib
Dems' not in cited text"). ``clipped_words``: the claim name words that are clippings of words of one capitalised
run of the cited text (a word of at least ``MIN_CLIP`` letters, a final plural "s" read off, that begins a longer
run word by ``MIN_CUT`` letters or more), provided every other name word is in that same run. A name of one word
is never read so: a lone word that begins a passage word ("Ken" of "Kensington") is more often another name.
"""

from __future__ import annotations

from typing import Iterable, Sequence

MIN_CLIP = 3  # letters a clipped word keeps ("Lib", "Dem"): "Al", "Ed" are names of their own
MIN_CUT = 2  # letters the clipping drops at least ("Dems" for "Democrats"; "Labou" for "Labour" is a misspelling)


def _base(word: str) -> str:
    w = word.lower().rstrip(".")
    return w[:-1] if len(w) > MIN_CLIP and w.endswith("s") else w


def _clips(word: str, run_word: str) -> bool:
    base = _base(word)
    return len(base) >= MIN_CLIP and run_word.startswith(base) and len(run_word) - len(base) >= MIN_CUT


def clipped_words(missing: Sequence[str], present: Sequence[str], runs: Iterable[frozenset[str]]) -> list[str]:
    """The words of ``missing`` (claim name words the text lacks, as written) that clip words of one text run
    (``runs``: lower-case words of each capitalised run) which also holds every ``present`` name word (lower
    case); all of ``missing`` or none. Two missing words may not clip one run word; a one-word name clips nothing."""
    if len(missing) + len(present) < 2:
        return []
    for run in runs:
        if not all(p.lower() in run for p in present):
            continue
        used: set[str] = set()
        for w in missing:
            hit = next((r for r in sorted(run) if r not in used and _clips(w, r)), None)
            if hit is None:
                break
            used.add(hit)
        else:
            return list(missing)
    return []
