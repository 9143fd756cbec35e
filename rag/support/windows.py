"""Candidate support windows: the sentences (alone, or 2-3 together) of passages of any length that may carry a claim.

One path for a cited chunk and a whole article: every passage is split with ``rag.text.sentences``; each
sentence gets a cheap lexical score (idf-weighted share of the claim's content stems it contains, plus shared
numbers; a sentence naming a noun back, "such a technology", holds the modifiers its antecedent had); the best few sentences become windows alone, with their neighbours (2 and 3 adjacent sentences) and
in pairs (two non-adjacent sentences a claim may combine). Only the windows' sentences are embedded (a window's
vector is the normalised mean of its sentences'), so the cost of a long article is one sentence split plus
about ten sentence embeddings.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rag.support.lexicon import LIGHT_WORDS, STOPWORDS
from rag.text.sentences import split_sentences
from rag.text.tokens import stem

TOP_SENTENCES = 4  # sentences kept by the lexical pre-selection
NEIGHBOUR_SENTENCES = 3  # the best this many also read with their neighbours (the best one with both)
PAIR_SENTENCES = 3  # the best this many also form non-adjacent pairs
_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Span:
    """A supporting sentence: ``passages[passage][start:end]``."""

    passage: int
    start: int
    end: int


@dataclass(frozen=True)
class Window:
    """One to three sentences read together as the claim's support."""

    text: str
    spans: tuple[Span, ...]
    lexical: float  # idf-weighted share of the claim's content stems in the window (0..1)
    sentences: tuple[str, ...] = ()  # its sentences' texts (embedded one by one; a window's vector is their mean)
    gain: float = 0.0  # lexical coverage beyond its best single sentence (0 for one sentence)


@dataclass(frozen=True)
class _Sent:
    passage: int
    start: int
    end: int
    text: str  # on one line
    stems: frozenset[str]
    digits: frozenset[str]


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text`` (lower-cased, stopwords and light words dropped), in order."""
    return [s for s in map(_content_stem, _WORD_RE.findall(text.lower())) if s is not None]


@lru_cache(maxsize=65536)
def _content_stem(word: str) -> str | None:
    """The stem of a lower-case word (of its part before an apostrophe), None for a stopword, light word, number
    or single character."""
    if len(word) < 2 or word in STOPWORDS or word in LIGHT_WORDS or word.isdigit():
        return None
    return stem(word.replace("’", "'").split("'")[0])


@lru_cache(maxsize=512)
def _split(passage: str) -> tuple[tuple[int, int, str], ...]:
    sents = [(s.start, s.end, re.sub(r"\s+", " ", s.flat).strip()) for s in split_sentences(passage)]
    sents = [s for s in sents if s[2]]
    return tuple(sents) or ((0, len(passage), re.sub(r"\s+", " ", passage).strip()),)


# "such a technology", "the technology", "these chips": a noun that names back what an earlier sentence said
_BACK_RE = re.compile(r"\b(?:such\s+(?:an?\s+)?|(?:the|this|these|those)\s+)([a-z][a-z-]{2,})\b", re.IGNORECASE)
_MODIFIERS = 3  # words before an antecedent's noun read as its modifiers, at most


def _antecedent_modifiers(text: str, earlier: Sequence[str]) -> frozenset[str]:
    """Content stems of the modifiers an earlier sentence gives the nouns ``text`` names back ("Leaking such a
    technology abroad ..." after "... owns a national core technology ..." -> national, core): the sentence says
    them through its reference. The nearest earlier sentence that writes the noun (any number: "artefacts" for
    "such an artefact") gives the lower-case content words right before it, back to a function word; none,
    nothing."""
    out: set[str] = set()
    for m in _BACK_RE.finditer(text):
        noun = m.group(1).lower()
        if noun in STOPWORDS or noun in LIGHT_WORDS:
            continue
        key = stem(noun)
        for sent in reversed(earlier):
            words = _WORD_RE.findall(sent)
            at = [i for i, w in enumerate(words) if i > 0 and w[:1].islower() and stem(w) == key]
            if not at:
                continue
            mods = []
            for w in reversed(words[max(0, at[0] - _MODIFIERS) : at[0]]):
                if not w.islower() or w in STOPWORDS:
                    break
                mods.append(w)
            out |= {s for s in map(_content_stem, mods) if s is not None}
            break
    return frozenset(out)


@lru_cache(maxsize=512)
def _sentences(passage: str, k: int) -> tuple[_Sent, ...]:
    split = _split(passage)
    return tuple(
        _Sent(k, a, b, t, frozenset(content_stems(t)) | _antecedent_modifiers(t, [e for _, _, e in split[:i]]),
              frozenset(_DIGITS_RE.findall(t)))
        for i, (a, b, t) in enumerate(split)
    )


def _coverage(claim_stems: dict[str, float], stems: frozenset[str]) -> float:
    total = sum(claim_stems.values())
    return sum(w for s, w in claim_stems.items() if s in stems) / total if total else 0.0


def candidate_windows(claim: str, passages: Sequence[str]) -> list[Window]:
    """Windows of ``passages`` most likely to support ``claim``, best lexical match first (never empty for text)."""
    sents = [s for k, p in enumerate(passages) for s in _sentences(p, k)]
    if not sents:
        return []
    stems = content_stems(claim)
    n = len(sents)
    df: dict[str, int] = {}
    for s in sents:
        for st in s.stems:
            df[st] = df.get(st, 0) + 1
    # rare words identify the sentence: idf over the passages' sentences (a word absent everywhere weighs most)
    weights = {st: math.log(1.0 + (n + 1) / (df.get(st, 0) + 1)) for st in stems}
    digits = frozenset(_DIGITS_RE.findall(claim))

    def score(s: _Sent) -> float:
        return _coverage(weights, s.stems) + 0.2 * len(digits & s.digits) / max(1, len(digits))

    ranked = sorted(range(n), key=lambda i: (-score(sents[i]), i))
    top = ranked[:TOP_SENTENCES]
    groups: list[tuple[int, ...]] = []
    for r, i in enumerate(top):
        groups.append((i,))
        if r >= NEIGHBOUR_SENTENCES:
            continue
        for g in ((i - 1, i), (i, i + 1)) + (((i - 1, i, i + 1),) if r == 0 else ()):
            if g[0] >= 0 and g[-1] < n and all(sents[j].passage == sents[i].passage for j in g):
                groups.append(g)
    run = len(_split(claim)) >= 3  # only a claim of three sentences or more reads a run of three
    for a in top[:PAIR_SENTENCES]:
        for b in top[:PAIR_SENTENCES]:
            if a < b and (b - a > 1 or sents[a].passage != sents[b].passage):
                groups.append((a, b))
                if run and b - a == 2 and sents[a].passage == sents[b].passage:
                    # a claim copying a run of three sentences has the middle one too, not only its two best ends
                    groups.append((a, a + 1, b))
    out: list[Window] = []
    seen: set[tuple[int, ...]] = set()
    for g in groups:
        if g in seen:
            continue
        seen.add(g)
        parts = [sents[j] for j in g]
        text = " ".join(p.text for p in parts)
        lex = _coverage(weights, frozenset().union(*(p.stems for p in parts)))
        gain = lex - max(_coverage(weights, p.stems) for p in parts)
        out.append(Window(text, tuple(Span(p.passage, p.start, p.end) for p in parts), round(lex, 4),
                          tuple(p.text for p in parts), round(gain, 4)))
    return out
