"""Features of a sentence for the role classifier (``rag.roles``): text-layer cues, form, position, document type.

``lexical_features(texts, positions=..., doc_types=...)`` returns an ``(n, len(FEATURE_NAMES))`` float array:

- ``cue:<family>`` — log(1 + matches) of each cue family in ``rag/text/data/role_cues.toml`` (reporting verbs,
  hedges, future markers, gap and signal phrases, furniture words, ...);
- form — length, digits, years, month names, quote marks, final punctuation, capitalised-word share, ``-ed`` share;
- position — relative place in the document, first sentence, first three, last (0 when unknown);
- document type — one-hot over ``DOC_TYPES`` (all 0 when unknown).

The sentence embedding is added by ``rag.roles``; this module has no model and no I/O beyond the word lists.

``looks_ahead(text)`` says whether a sentence looks ahead (``forecast_markers.toml``): ``rag.roles``
keeps the model's "forecast" only for such sentences (a rule on top of the model, not one of its features).
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Sequence

import numpy as np

from rag.text.lexicon import table

DOC_TYPES = ("news report", "analysis-opinion", "official statement", "generated brief")

Position = tuple[int, int]
"""(index of the sentence in its document, number of sentences in the document)."""

_FORM = (
    "form:log_words", "form:log_chars", "form:short", "form:digit_share", "form:year", "form:month",
    "form:quote", "form:starts_quote", "form:ends_quote", "form:ends_terminal", "form:question", "form:colon_end",
    "form:capital_share", "form:ed_share", "form:has_colon",
)
_POSITION = ("pos:known", "pos:relative", "pos:first", "pos:early", "pos:last")

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_QUOTES = re.compile(r"[\"“”«»「」]|(?<!\w)['‘]|['’](?!\w)")
_TERMINAL = re.compile(r"[.!?。！？][\"'’”)\]]*\s*$")
# a non-restrictive relative or a conditional clause between commas ("Modi, who arrived after midnight Friday, is
# expected to ..."; "The pitch, if it accelerates incentives, could ..."): an aside inside the main clause, which goes on
# after it
_ASIDE = re.compile(r",\s+(?:who|which|whose|whom|if|unless|once|when|although|though|while|as long as)\b[^,]*,",
                    re.IGNORECASE)
# a sentence that opens with a subordinate clause ("If Beijing retaliates, ..."): its main clause follows the comma
_OPENING_SUBORDINATE = re.compile(r"^\W*(?:if|whether|unless|because|although|though|while|when|once|as long as)\b[^,]*,",
                                  re.IGNORECASE)


@cache
def _families() -> dict[str, re.Pattern[str]]:
    fams = table("role_cues")["families"]
    return {name: re.compile(r"(?<![\w'’])(?:" + "|".join(f"(?:{e})" for e in entries) + ")", re.IGNORECASE)
            for name, entries in fams.items()}


@cache
def _months() -> re.Pattern[str]:
    names = sorted(table("dates")["months"], key=len, reverse=True)
    # capitalised in running text ("May 4", "in March"), so "may" the modal never counts
    return re.compile(r"(?<!\w)(?:" + "|".join(n.capitalize() for n in names) + r")\.?(?!\w)")


@cache
def feature_names() -> tuple[str, ...]:
    """Names of the lexical features in column order (depends on the cue families in role_cues.toml)."""
    return (tuple(f"cue:{name}" for name in _families()) + _FORM + _POSITION
            + tuple(f"doc:{t}" for t in DOC_TYPES))


@cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = table("forecast_markers")

    def union(entries: list[str]) -> re.Pattern[str]:
        return re.compile(r"(?<![\w'’])(?:" + "|".join(f"(?:{e})" for e in entries) + ")", re.IGNORECASE)

    return union(data["forward"]), union(data["prescription"])


# a relative clause: "which"/"who"/"whom"/"whose", or "that" after a noun ("materials that could accelerate"), up to
# the next comma, dash or the sentence's end; "that" after a verb or an adjective opens what is said or judged
# ("warned that", "it is possible that") and stays
_RELATIVE = re.compile(r"(?:(?<=[\s,])(?:which|who|whom|whose)|(?<=\w\s)that)\b[^,;—–]*", re.IGNORECASE)


def _relative_at(head: str, m: re.Match[str]) -> bool:
    if m.group(0)[:4].lower() != "that":
        return True
    before = re.findall(r"[A-Za-z][\w’'-]*", head[: m.start()])
    if not before:
        return False
    from rag.writers.key_terms import word_classes  # the cached lexicon; imported late (this module stays light)

    classes = word_classes(before[-1].split("-")[-1])
    return bool(classes) and "NOUN" in classes and not classes & {"VERB", "ADJ", "AUX"}


def asserted(text: str) -> str:
    """One sentence without its relative clauses (``_RELATIVE``) and the subordinate clause it opens with: what the
    sentence itself says will, may or did happen, including what it reports someone said or thought."""
    flat = _ASIDE.sub(",", " ".join(text.split()))
    opening = _OPENING_SUBORDINATE.match(flat)
    if opening:
        flat = flat[opening.end():]
    return _RELATIVE.sub(lambda m: "" if _relative_at(flat, m) else m.group(0), flat).strip()


def looks_ahead(text: str) -> bool:
    """Whether a sentence (or a quote of several: any of them) says what will or may happen: a future or open-outcome
    marker (``forecast_markers.toml`` [forward]) outside its relative clauses, and not after a prescription ("Japan
    must ... may make in the future" prescribes). A past expectation ("As expected, ...", "had expected"), a modal
    in a relative clause ("materials that could ...") and a present state do not look ahead; a forecast someone is
    reported to make does ("Economists warned that the economy could shrink")."""
    from rag.text.sentences import split_sentences  # the text layer's splitter; imported late to keep this light

    forward, prescription = _markers()
    parts = [s.text for s in split_sentences(text)] or [text]
    for part in parts:
        head = asserted(part)
        ahead = forward.search(head)
        if ahead is None:
            continue
        ought = prescription.search(head)
        if ought is None or ought.start() > ahead.start():
            return True
    return False


def _form(text: str) -> list[float]:
    flat = " ".join(text.split())
    words = _WORD.findall(flat)
    n_words = len(words)
    n_chars = len(flat)
    digits = sum(ch.isdigit() for ch in flat)
    quotes = len(_QUOTES.findall(flat))
    stripped = flat.rstrip()
    return [
        math.log1p(n_words),
        math.log1p(n_chars),
        1.0 if n_words < 6 else 0.0,
        digits / n_chars if n_chars else 0.0,
        1.0 if _YEAR.search(flat) else 0.0,
        1.0 if _months().search(flat) else 0.0,
        math.log1p(quotes),
        1.0 if stripped[:1] in "\"“‘'«「" else 0.0,
        1.0 if stripped[-1:] in "\"”’'»」" else 0.0,
        1.0 if _TERMINAL.search(stripped) else 0.0,
        1.0 if stripped.endswith(("?", "？")) or stripped.endswith(("?\"", "?”")) else 0.0,
        1.0 if stripped.endswith((":", "：")) else 0.0,
        sum(w[0].isupper() for w in words) / n_words if n_words else 0.0,
        sum(w.lower().endswith("ed") for w in words) / n_words if n_words else 0.0,
        1.0 if ":" in flat else 0.0,
    ]


def _position(pos: Position | None) -> list[float]:
    if pos is None:
        return [0.0] * len(_POSITION)
    index, count = pos
    count = max(count, index + 1, 1)
    return [1.0, index / max(count - 1, 1), 1.0 if index == 0 else 0.0, 1.0 if index < 3 else 0.0,
            1.0 if index == count - 1 else 0.0]


def lexical_features(texts: Sequence[str], *, positions: Sequence[Position | None] | None = None,
                     doc_types: Sequence[str | None] | None = None) -> np.ndarray:
    """(n, len(feature_names())) float32 features; ``positions``/``doc_types`` align with ``texts`` (None = unknown).

    Raises ValueError when ``positions`` or ``doc_types`` has a different length than ``texts``, or a doc type is
    not one of ``DOC_TYPES``.
    """
    n = len(texts)
    positions = list(positions) if positions is not None else [None] * n
    doc_types = list(doc_types) if doc_types is not None else [None] * n
    if len(positions) != n or len(doc_types) != n:
        raise ValueError(f"{n} texts but {len(positions)} positions and {len(doc_types)} doc types")
    fams = _families()
    rows = []
    for text, pos, dtype in zip(texts, positions, doc_types):
        if dtype is not None and dtype not in DOC_TYPES:
            raise ValueError(f"unknown doc type {dtype!r}; expected one of {DOC_TYPES}")
        flat = " ".join(text.split())
        cues = [math.log1p(len(p.findall(flat))) for p in fams.values()]
        onehot = [1.0 if dtype == t else 0.0 for t in DOC_TYPES]
        rows.append(cues + _form(text) + _position(pos) + onehot)
    return np.asarray(rows, dtype=np.float32).reshape(n, len(feature_names()))
