"""Preparing a check: the claim normalised, its candidate windows, the units to embed, the facts it must match."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from rag.support.calibration import SupportResult
from rag.support.clauses import fragments
from rag.support.fact_checks import fact_veto
from rag.support.facts import Facts, TextIndex, word_covered
from rag.support.name_readings import passage_reading
from rag.support.text import CITATION_RE
from rag.support.text_cache import article_index, claim_facts
from rag.support.windows import Window, candidate_windows
from rag.text.normalize import compat_form

# Clause fragments are scored for this many best single sentences. 1, not 3: every embedded text costs 4-8 ms on
# one core (benchmarks/README.md, support checker), and the best sentence is the one a clause claim comes from.
FRAGMENT_SENTENCES = 1


@dataclass
class Prepared:
    """A claim and its cited passages ready to check (``prepare``); ``signals`` is filled as windows are judged."""

    claim: str
    units: list[str]  # the windows' sentences, then clause fragments of the best single sentences
    fragment_of: dict[str, str]  # clause fragment -> its sentence
    windows: list[Window]
    early: SupportResult | None
    full: TextIndex | None = None
    full_text: str = ""
    facts: Facts | None = None
    words: tuple[str, ...] = ()  # content words of the claim
    lexical_novel: tuple[str, ...] = ()  # claim words the cited text does not contain (even as a synonym)
    passages: tuple[str, ...] = ()  # the passages as given (spans index them)
    published: str | None = None  # the passages' publication date (ISO), when the caller knows it
    first: tuple[str, ...] = ()  # the units the window choice needs: the sentences of windows that can be chosen
    # window -> its signals but the cosines (computed once: a check the bounds leave undecided picks it again)
    signals: dict[int, tuple[dict[str, float], list[str]] | list[str]] = field(default_factory=dict)


def early(claim: str, reason: str) -> Prepared:
    """A claim decided before any embedding: unsupported for ``reason`` ("empty claim", "no cited passages")."""
    return Prepared(claim, [], {}, [], SupportResult(False, 0.0, 0.0, (reason,), None))


def can_be_chosen(window: Window) -> bool:
    """Can the window be chosen: one sentence, or more that hold claim words its best sentence lacks."""
    return len(window.spans) == 1 or window.gain > 0


def prepare(claim: str, passages: Sequence[str], published: str | None, veto: tuple[str, ...],
            min_support: float) -> Prepared:
    """A claim (citation markers removed, whitespace and compatibility forms normalised) and its cited passages
    ready to check: candidate windows, units to embed, whole-text index, claim facts and words; ``early`` holds the
    verdict when none is needed (an empty claim, no passage, a vetoed fact; ``veto``: the model's vetoed features)."""
    if isinstance(passages, str):
        passages = [passages]
    claim_n = re.sub(r"\s+", " ", CITATION_RE.sub(" ", compat_form(claim or ""))).strip()
    raw = tuple(p for p in (passages or []) if isinstance(p, str) and p.strip())
    if not re.search(r"\w", claim_n):
        return early(claim_n, "empty claim")
    if not raw:
        return early(claim_n, "no cited passages")
    texts = [compat_form(p) for p in raw]
    # the claim's names in the forms the passage writes them ("METI" for its "Ministry of Economy, Trade and
    # Industry", "Derek Hallam" for its later "Hallam": name_readings)
    claim_n = passage_reading(claim_n, "\n".join(texts))
    windows = []
    for w in candidate_windows(claim_n, raw):
        sents = tuple(t for t in (re.sub(r"\s+", " ", compat_form(x)).strip() for x in w.sentences) if t)
        if sents:
            windows.append(Window(" ".join(sents), w.spans, w.lexical, sents, w.gain))
    if not windows:
        return early(claim_n, "no cited passages")
    sentences = list(dict.fromkeys(t for w in windows for t in w.sentences))
    units = list(sentences)
    singles = [w.text for w in windows if len(w.spans) == 1][:FRAGMENT_SENTENCES]
    fragment_of: dict[str, str] = {}
    for sent in singles:  # a claim about one clause of a long sentence is not diluted by the rest
        for f in fragments(sent):
            fragment_of.setdefault(f, sent)
    units += [f for f in fragment_of if f not in units]
    choosable = {t for w in windows if can_be_chosen(w) for t in w.sentences}
    first = tuple(t for t in sentences if t in choosable)
    full_text = "\n".join(texts)
    full = article_index(full_text, published)
    facts, words = claim_facts(claim_n)
    novel = tuple(w for w in words if not word_covered(w, full))
    vetoed = fact_veto(claim_n, full, facts, windows[0], veto, min_support)
    if vetoed is not None:
        return Prepared(claim_n, [], {}, windows, vetoed, full, full_text, facts, words, novel, raw, published)
    return Prepared(claim_n, units, fragment_of, windows, None, full, full_text, facts, words, novel, raw, published,
                     first)
