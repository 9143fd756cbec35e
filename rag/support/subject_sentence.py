"""The polarity of a claim read against the window sentence about its subject, when the window's sentences disagree.

A window of two sentences can hold a claim's predicate both ways: "the regulator barred operators from buying
products of Micron. Unlike Micron, Arvenna was not barred from any buyer." The polarity reader (``polarity``) sees
"barred" stated and negated and, for a claim "Arvenna was barred", finds no conflict. The sentence that names the
claim's subject (then its other names) most (here the one about Arvenna, not the one about Micron) is the one the claim restates; when that
sentence alone gives the predicate one sign and the claim the other, the claim is negated."""

from __future__ import annotations

import re
from typing import Sequence

from rag.support.lexicon import STOPWORDS
from rag.support.polarity import polarity, polarity_conflict

__all__ = ["subject_sentence_conflict"]

_CAPITALISED = re.compile(r"\b[A-Z][\w\-]*")


def _names(text: str) -> set[str]:
    """The capitalised words of ``text``, lower case, without a possessive, stop words left out."""
    out = {re.sub(r"'s$", "", w.lower()) for w in _CAPITALISED.findall(text.replace("’", "'"))}
    return {w for w in out if w not in STOPWORDS and len(w) > 1}


def _subject(claim: str) -> set[str]:
    """The names of the claim's subject: the capitalised words that open it, after an opening phrase set off by a
    comma ("Like Micron, [Arvenna] was barred"); empty when it opens with a common noun ("The court ...")."""
    rest = re.sub(r"^[^,]{1,60},\s+(?=[A-Z])", "", claim.strip()) if re.match(r"^[^,]{1,60},", claim) else claim.strip()
    m = re.match(r"(?:[A-Z][\w\-'’]*\s+)*[A-Z][\w\-'’]*", rest)
    return _names(m.group(0)) if m else set()


_AXIS_REASON = "negation mismatch: opposite "  # polarity_conflict's reason for an antonym axis ("... verdict predicate")


def subject_sentence_conflict(claim: str, sentences: Sequence[str]) -> tuple[str, str] | None:
    """(a "negation mismatch on '<lemma>'" or "... opposite <axis> predicate" reason, the sentence that says so) when the window's ``sentences`` (two or more) give a claim predicate
    both signs and the one sentence that holds most of the claim's names (strictly more than any other) gives it the
    sign the claim does not; the claim's subject's names count first (``_subject``). None otherwise (one sentence, no such sentence, or no disagreement)."""
    if len(sentences) < 2:
        return None
    names = _names(claim) & set().union(*(_names(s) for s in sentences))
    if not names:
        return None
    subject = _subject(claim) & names
    held = sorted((((len(subject & (found := _names(s))), len(names & found)), i) for i, s in enumerate(sentences)),
                  reverse=True)
    if held[0][0] == held[1][0]:
        return None
    whole = polarity(" ".join(sentences))
    conflict = polarity_conflict(polarity(claim), polarity(sentences[held[0][1]]))
    if conflict is None:
        return None
    if conflict.startswith("negation mismatch on '"):
        signs = whole.lemma_pol.get(conflict.split("'")[1])
    elif conflict.startswith(_AXIS_REASON):  # an antonym axis ("convicted" vs "was not convicted")
        signs = whole.axes.get(conflict[len(_AXIS_REASON):].split()[0])
    else:
        return None
    return (conflict, sentences[held[0][1]]) if signs == {1, -1} else None
