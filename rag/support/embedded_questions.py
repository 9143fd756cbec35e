"""A claim that states as fact what its passage only asks in an embedded question: "The SEC is investigating
whether Kestrel Capital misled investors" does not say that Kestrel Capital misled investors. Cue words, openers and
reach: ``data/embedded_questions.toml``. The reason starts as ``features.question``'s ("passage asks, does not
state"), and counts as the same ``question`` signal."""

from __future__ import annotations

import re

from rag.support.data_files import data_table
from rag.support.polarity import predicate_lemma

__all__ = ["embedded_question", "open_question_spans", "open_questions"]

_T = data_table("embedded_questions")
_CUES = tuple(_T["cues"])
_OPENERS = frozenset(_T["openers"])
_IF = frozenset(_T["if_openers"])
_AUX = frozenset(_T["auxiliaries"])
_OPEN = frozenset(_T["open_words"])
_REACH = int(_T["reach"])
_OPENER_RE = re.compile(r"\b(?:" + "|".join(sorted(_OPENERS | _IF)) + r")\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w\-'’]*|[.;:!?,]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def open_questions(text: str) -> list[tuple[int, int, list[str], str]]:
    """(start, end, words, cue) of each embedded question of ``text``'s words: from its opener ("whether") after a
    cue ("examined", "investigating") to the end of its clause (a comma, semicolon or sentence end)."""
    toks = _words(text)
    out = []
    for i, t in enumerate(toks):
        low = t.lower()
        if low in _OPENERS:
            before = [w.lower() for w in toks[max(0, i - _REACH):i]]
        elif low in _IF:
            before = [toks[i - 1].lower()] if i else []
        else:
            continue
        cue = next((w for w in reversed(before) if w.startswith(_CUES)), None)
        if cue is None:
            continue
        j = i + 1
        while j < len(toks) and toks[j] not in ".;:!?," and not _new_clause(toks, i + 1, j):
            j += 1
        out.append((i, j, toks[i + 1:j], cue))
    return out


def open_question_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets in ``text`` of each embedded question's words after its opener
    (``open_questions``): "he had not decided whether [to appeal]." leaves the appeal open."""
    spans = [m.span() for m in _WORD.finditer(text)]
    return [(spans[i + 1][0], spans[j - 1][1]) for i, j, words, _ in open_questions(text) if words]


def _new_clause(toks: list[str], start: int, j: int) -> bool:
    """Whether ``toks[j]`` is a conjunction that opens a new clause of the sentence's own subject after the question
    has its verb: "examined whether the bank breached the rules [and] found that it ...", not "whether DRAM [and]
    NAND products posed"."""
    from lemminflect import getAllLemmas

    if toks[j].lower() not in ("and", "but", "then") or j + 1 >= len(toks) or _verb(toks[start:j]) is None:
        return False
    lemmas = getAllLemmas(toks[j + 1].lower())
    return "VERB" in lemmas and "NOUN" not in lemmas


def _verb(words: list[str]) -> str | None:
    """The first verb of a question's words after its subject ("Arvenna's products [posed] ..."): a lower-case
    word lemminflect reads only as a verb, or as a verb and a noun right after an auxiliary or a noun that is no verb
    ("will [cut]", "acquisition [breaches]"; not "the [bank]"); auxiliaries passed over."""
    from lemminflect import getAllLemmas

    prev: dict[str, tuple[str, ...]] = {}
    after_aux = False
    for w in words[1:]:
        low = w.lower()
        if low in _AUX:
            after_aux = True
            continue
        lemmas = getAllLemmas(low) if w[:1].islower() else {}
        if "VERB" in lemmas and ("NOUN" not in lemmas or after_aux or ("NOUN" in prev and "VERB" not in prev)):
            return low
        prev, after_aux = lemmas, False
    return None


def embedded_question(claim: str, window: str) -> str | None:
    """A reason when the claim states the predicate of an embedded question of ``window`` (its verb, which the
    window holds nowhere outside a question) and keeps no question open itself (``open_words``, or the question's
    cue: "is considering deploying" tells "is weighing whether to deploy"); None otherwise."""
    if not _OPENER_RE.search(window):  # most windows ask nothing: no word reading
        return None
    ctoks = [w.lower() for w in _words(claim)]
    if _OPEN & set(ctoks):
        return None
    claimed = {predicate_lemma(w) for w in ctoks if w[:1].isalpha()}
    toks = _words(window)
    questions = open_questions(window)
    inside = {k for s, e, _, _ in questions for k in range(s, e)}
    outside = {predicate_lemma(w.lower()) for k, w in enumerate(toks) if k not in inside and w[:1].isalpha()}
    for start, _, words, cue in questions:
        if predicate_lemma(cue) in claimed:  # "is considering deploying" tells "is weighing whether to deploy"
            continue
        verb = _verb(words)
        if verb and (lemma := predicate_lemma(verb)) in claimed and lemma not in outside:
            return f"passage asks, does not state: '{toks[start]} " + " ".join(words)[:70] + "'"
    return None
