"""Edits of a near-copied claim: the words a claim changes or inserts in a sentence it otherwise copies.

Summaries and briefs often copy a source sentence and change one span: a name from elsewhere in the article
("Erika Langhart was looking forward ..." for "Karen Langhart ..."), a number, a speaker ("he says" put in front
of a sentence nobody is quoted saying). A paraphrase rewords everything, so a missing word says little; a
near-copy that swaps one word says a lot. The claim's tokens are aligned in order with the window's
(``difflib.SequenceMatcher``); when at least ``NEAR_COPY`` of the claim aligns, every replaced or inserted span
whose content words the window does not cover (stem, prefix or synonym; ``facts.word_covered``) is an edit.
Deleting window words (compression) is never an edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rag.support.facts import TextIndex, word_covered
from rag.support.lexicon import LIGHT_WORDS, STOPWORDS

#: Share of claim tokens aligned in order with the window for the claim to count as a near-copy (0..1).
NEAR_COPY = 0.5
#: A claim this close to a copy (but not a pure copy or compression) has been edited: on the fit rows, 75 of the
#: 83 own claims and 32 of the 38 FactCC claims with an aligned share in [0.75, 1) are unsupported, while pure
#: copies and compressions (share 1) are supported 95 of 120 times (evals/README.md, checker section).
EDITED_COPY = 0.75
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Edit:
    """One changed span: the claim's words and what the window has in their place (empty for an insertion)."""

    claim: tuple[str, ...]
    window: tuple[str, ...]
    new: tuple[str, ...]  # the claim's content words there that the window does not cover

    def describe(self) -> str:
        """Reader-facing text: "'erika' for 'karen'" or "'he says' added"."""
        said = " ".join(self.claim[:5])
        if not self.window:
            return f"'{said}' added"
        return f"'{said}' for '{' '.join(self.window[:5])}'"


def _tokens(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _TOKEN_RE.findall(text.lower())]


def _content(word: str) -> bool:
    return len(word) > 1 and word not in STOPWORDS and word not in LIGHT_WORDS and not word.isdigit()


def copy_share(claim: str, window: str) -> float:
    """Share (0..1) of the claim's tokens that align in order with the window's (1.0: a verbatim copy)."""
    ct, wt = _tokens(claim), _tokens(window)
    if not ct:
        return 0.0
    sm = SequenceMatcher(None, ct, wt, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / len(ct)


def edited_copy(claim: str, window: str) -> list[str]:
    """The claim tokens that do not align with the window when the claim is otherwise a copy of it (aligned
    share in [``EDITED_COPY``, 1)): the words a near-verbatim claim changed or added; [] otherwise."""
    ct, wt = _tokens(claim), _tokens(window)
    if not ct:
        return []
    sm = SequenceMatcher(None, ct, wt, autojunk=False)
    aligned = set()
    for b in sm.get_matching_blocks():
        aligned.update(range(b.a, b.a + b.size))
    share = len(aligned) / len(ct)
    if not EDITED_COPY <= share < 1.0:
        return []
    return [w for i, w in enumerate(ct) if i not in aligned]


def copy_edits(claim: str, window: str, index: TextIndex) -> tuple[float, list[Edit]]:
    """(aligned share, edits): the claim's replaced and inserted spans with content words ``index`` (the
    window's) does not cover; no edits when the claim is not a near-copy (share below ``NEAR_COPY``)."""
    ct, wt = _tokens(claim), _tokens(window)
    if not ct or not wt:
        return 0.0, []
    sm = SequenceMatcher(None, ct, wt, autojunk=False)
    share = sum(b.size for b in sm.get_matching_blocks()) / len(ct)
    if share < NEAR_COPY:
        return share, []
    edits = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():  # opcodes turn the claim into the window: "delete" = claim only
        if op not in ("replace", "delete"):
            continue
        new = tuple(w for w in ct[i1:i2] if _content(w) and not word_covered(w, index))
        if new:
            edits.append(Edit(tuple(ct[i1:i2]), tuple(wt[j1:j2]), new))
    return share, edits

