"""Which dimension a judgement speaks to (political, security, cyber, economic): a scored decision, not one cue word.

An assessment's implications are split by dimension (``prompts/assessment.j2``: ``implications_<dimension>``, each
with ``require_cues = ["<dimension>"]``). A sentence belongs to the dimension it says the most about:

- each dimension's score is the number of distinct cue words of its family (``cue_families.toml`` ``[families]``)
  the sentence uses;
- a phrase that holds a cue word but names an instrument rather than a dimension (``[dimensions] neutral``:
  "export controls", "Ministry of Economy, Trade and Industry") claims its words, so "export" in "export
  controls" is not an economic cue; where cue phrases overlap the longest wins;
- a cue word that is one of the topic's own words says nothing about the dimension (every sentence of a brief on
  "export controls" says "export"; every sentence of one on "cybersecurity scrutiny" says "cyber");
- the sentence's dimensions are those with the highest score (a tie keeps each: the sentence says as much about
  both); no cue word left, no dimension.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Callable, Iterable, Sequence

from rag.brief import Claim
from rag.text.lexicon import table
from rag.writers.key_terms import stems as stems_of
from rag.writers.sentence_cues import CUES

__all__ = ["BEARING_MIN", "DIMENSIONS", "bearing_on", "bearing_on_any", "dimension_scores", "dimensions_of", "implication_note",
           "pending_steps", "signal_note"]

#: the dimensions an implication can speak to, each a cue family of ``cue_families.toml``
DIMENSIONS: tuple[str, ...] = tuple(table("cue_families")["dimensions"]["names"])
_WORD_END = re.compile(r"[\w'’-]*")


@cache
def _neutral() -> tuple[re.Pattern[str], ...]:
    # one pattern per phrase: one alternation would find only the leftmost of two overlapping phrases
    return tuple(re.compile(r"\b(?:" + p + r")", re.I) for p in table("cue_families")["dimensions"]["neutral"])


def _matches(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, dimension or None for a neutral phrase) of every cue match, each extended to its word's end,
    overlaps resolved in favour of the longer match."""
    found: list[tuple[int, int, str | None]] = []
    for name in DIMENSIONS:
        for m in CUES[name].finditer(text):
            found.append((m.start(), _WORD_END.match(text, m.end()).end(), name))
    for pattern in _neutral():
        for m in pattern.finditer(text):
            found.append((m.start(), _WORD_END.match(text, m.end()).end(), None))
    kept: list[tuple[int, int, str | None]] = []
    for start, end, name in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0], f[2] or "")):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, name))
    return kept


def dimension_scores(text: str, topic_stems: Iterable[str] = ()) -> dict[str, int]:
    """Dimension -> number of distinct cue words of that dimension in ``text`` that are not the topic's own words
    (``topic_stems``: stems of the topic's words); every dimension of ``DIMENSIONS`` is a key."""
    own = set(topic_stems)
    words: dict[str, set[str]] = {d: set() for d in DIMENSIONS}
    for start, end, name in _matches(text):
        if name is None:
            continue
        said = stems_of(text[start:end])
        if said and said <= own:
            continue  # the topic's own word: every sentence of the brief says it
        words[name].add(text[start:end].lower())
    return {d: len(w) for d, w in words.items()}


def dimensions_of(text: str, topic_stems: Iterable[str] = ()) -> frozenset[str]:
    """The dimensions ``text`` says the most about (several on a tie; empty when it has no cue word left)."""
    scores = dimension_scores(text, topic_stems)
    best = max(scores.values(), default=0)
    return frozenset(d for d, s in scores.items() if s == best) if best > 0 else frozenset()


#: a quote bears on a dimension when the dimension is among those it says the most about, with this many cue words
BEARING_MIN = 2
#: how many words of a quote a note about an empty section repeats before "…"
_QUOTED_WORDS = 14


def _bearing(text: str, own: frozenset[str]) -> dict[str, int]:
    """Dimension -> score of the dimensions ``text`` bears on: those it says the most about (``dimensions_of``)
    with at least ``BEARING_MIN`` cue words; one ``dimension_scores`` call."""
    scores = dimension_scores(text, own)
    best = max(scores.values(), default=0)
    return {d: s for d, s in scores.items() if s == best and s >= BEARING_MIN}


def bearing_on(dimension: str, claims: Iterable[tuple[str, Claim]], topic_stems: Iterable[str] = (), *,
               limit: int = 2) -> list[tuple[str, Claim]]:
    """The (section title, claim) pairs of ``claims`` that speak to ``dimension`` (``dimensions_of``, with at least
    ``BEARING_MIN`` distinct cue words of it), most cue words first, then in brief order; at most ``limit``."""
    own = frozenset(topic_stems)
    scored = []
    for n, (title, claim) in enumerate(claims):
        score = _bearing(claim.text, own).get(dimension)
        if score:
            scored.append((-score, n, title, claim))
    return [(title, claim) for _, _, title, claim in sorted(scored, key=lambda t: t[:2])[:limit]]


def bearing_on_any(claims: Iterable[tuple[str, Claim]], topic_stems: Iterable[str] = (), *, limit: int = 3) -> list[tuple[str, Claim]]:
    """``bearing_on`` for an implications section of no one dimension (a situation brief's "Implications"): the
    quotes that bear on some dimension, each once (a claim listed twice counts at its first place), most cue words
    first, then in brief order; at most ``limit``. One pass: each quote's scores are computed once.
    "Moon on Monday said that Seoul would be forced to take countermeasures if the restrictions … cause damage to
    South Korean companies, as the curbs have raised concern over possible disruptions for South Korean
    manufacturers and global supply chains" bears on the economic one."""
    claims = list(claims)
    own = frozenset(topic_stems)
    seen: set[int] = set()
    scored: list[tuple[int, int]] = []
    for n, (_, claim) in enumerate(claims):
        if id(claim) in seen:
            continue
        seen.add(id(claim))
        bears = _bearing(claim.text, own)
        if bears:
            scored.append((-max(bears.values()), n))
    return [claims[n] for _, n in sorted(scored)[:limit]]


def pending_steps(claims: Iterable[tuple[str, Claim]], *, limit: int = 3) -> list[tuple[str, Claim]]:
    """The (section title, claim) pairs of ``claims`` that report a step still to come: a sentence with both a
    forward cue (a plan, an intent, "will", "would") and a signal cue (a complaint, a countermeasure, a negotiation,
    a condition "if"; ``cue_families.toml`` [families] forward and signal): "Seoul plans to file a complaint with the
    WTO"; "Seoul would be forced to take countermeasures if the restrictions … cause damage". What a signals section
    would watch, reported in another section. In brief order, each once; at most ``limit``."""
    out, seen = [], set()
    for title, claim in claims:
        text = claim.text
        if text in seen or not (CUES["forward"].search(text) and CUES["signal"].search(text)):
            continue
        seen.add(text)
        out.append((title, claim))
    return out[:limit]


def signal_note(pending: Sequence[tuple[str, Claim]], empty: str, quote: Callable[[str], str]) -> str:
    """What an empty signals section says: ``empty`` (the template's "No evidence in the corpus for …") when nothing
    the brief quotes reports a step to come (``pending_steps``), else that no source names signals to watch and
    which quotes report such steps, cited, each cut as ``implication_note`` cuts them ("No source in the corpus
    names signals to watch. Reported above, steps still to come: “The South Korean Ministry of Trade, Industry and
    Energy said that Seoul plans to …” (What happened) [1].")."""
    refs = _refs(pending, quote)[0]
    if not refs:
        return empty
    from rag.render import end_sentence  # the one rule for a citation after a quote (render imports the writers)

    return end_sentence("No source in the corpus names signals to watch. Reported above, steps still to come: "
                        + "; ".join(refs))


def _refs(bearing: Sequence[tuple[str, Claim]], quote: Callable[[str], str]) -> tuple[list[str], bool]:
    """Each quote of ``bearing`` once, as a note refers to it: its first words, the section that quotes it (with
    what it is when its source judges, forecasts or flags it: ``JUDGED_ROLES``) and its marks; and whether any is
    such a judgement."""
    refs, seen, judged = [], set(), False
    for section_title, claim in bearing:
        if claim.text in seen:
            continue
        seen.add(claim.text)
        words = claim.text.split()
        text = " ".join(words[:_QUOTED_WORDS])
        if len(words) > _QUOTED_WORDS:
            text += " …"
            opened = _OPEN_QUOTE.search(text)  # cut inside a quotation of the quote: close it after the ellipsis
            text += ("”" if opened.group(0)[0] == "“" else "’") if opened else ""
        marks = "".join(f"[{n}]" for n in sorted({c.source for c in claim.citations if c.source}))
        # a quote its source states as its own judgement, forecast or signal (credited "assesses", "forecasts") is
        # an assessment: the note names it as what it is, never "not assessed"
        own = JUDGED_ROLES.get(claim.role or "")
        judged = judged or own is not None
        where = f"{section_title}, {own}" if own else section_title
        refs.append(f"{quote(text)} ({where}) {marks}".rstrip())
    return refs, judged


def implication_note(bearing: Sequence[tuple[str, Claim]], empty: str, quote: Callable[[str], str]) -> str:
    """What an implications section of one dimension says when no source assesses it: ``empty`` (the template's
    "No evidence in the corpus for …") when nothing the brief quotes bears on it, else that no source assesses it
    and which quotes of the brief's other sections bear on it, each once, cited ("No source in the corpus assesses
    these implications. Reported above and bearing on them (reported, not assessed): “Moon on Monday said that
    Seoul would be forced …” (Key developments) [1]."). ``quote``: how the brief quotes a text (``render.quoted``).
    The quotes are the brief's own evidence: the note points to them, it does not turn a report into an
    assessment, nor a source's own judgement, forecast or signal (``JUDGED_ROLES``, by the claim's role) into a
    report: "No source assesses these implications under that heading. Quoted above and bearing on them: “Cyber /
    Information Space: Potential for …” (Outlook, the source's forecast) [2]."
    """
    refs, judged = _refs(bearing, quote)
    if not refs:
        return empty
    from rag.render import end_sentence  # the one rule for a citation after a quote (render imports the writers)

    if judged:  # never "no source assesses" beside a source's own assessment quoted in another section
        return end_sentence("No source assesses these implications under that heading. Quoted above and bearing on "
                            "them: " + "; ".join(refs))
    return end_sentence("No source in the corpus assesses these implications. Reported above and bearing on them "
                        "(reported, not assessed): " + "; ".join(refs))


#: a quote's role -> what the note calls it when it bears on an empty implications section: the source's own
#: assessment, quoted in another section
JUDGED_ROLES = {"judgement": "the source's judgement", "forecast": "the source's forecast",
                "signal": "a signal the source says to watch"}


#: an opening quotation mark not closed after it
_OPEN_QUOTE = re.compile(r"[“‘][^”’]*$")
