"""Edits of a near-copied claim: the words a claim changes or inserts in a sentence it otherwise copies.

Summaries and briefs often copy a source sentence and change one span: a name from elsewhere in the article
("Erika Langhart was looking forward ..." for "Karen Langhart ..."), a number, a speaker ("he says" put in front
of a sentence nobody is quoted saying). A paraphrase rewords everything, so a missing word says little; a
near-copy that swaps one word says a lot. The claim's tokens are aligned in order with the window's
(``difflib.SequenceMatcher``); when at least ``NEAR_COPY`` of the claim aligns, every replaced or inserted span
whose content words the window does not cover (stem, prefix or synonym; ``facts.word_covered``) is an edit.
Deleting window words (compression) is never an edit.

A number is aligned as one token standing for the amount ``rag.text.numbers`` reads ("$35.1 billion",
"35.1 billion dollars" and "US$35.1bn" are the same token), so writing an amount another way is not an edit;
a changed amount is a different token and is one. An amount that states no currency or unit matches the other
side's equal amount that does ("35.1 billion" for "$35.1 billion"), as the number checks compare them
(``numbers.same_kind``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rag.support.facts import TextIndex, word_covered
from rag.support.lexicon import LIGHT_WORDS, NEGATORS, STOPWORDS
from rag.text.numbers import Quantity, find_quantities, same_kind

#: Share of claim tokens aligned in order with the window for the claim to count as a near-copy (0..1).
NEAR_COPY = 0.5
#: A claim this close to a copy (but not a pure copy or compression) has been edited: on the fit rows, 75 of the
#: 83 own claims and 32 of the 38 FactCC claims with an aligned share in [0.75, 1) are unsupported, while pure
#: copies and compressions (share 1) are supported 95 of 120 times (evals/README.md, checker section).
EDITED_COPY = 0.75
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_GLUED_RE = re.compile(r"['’]?[^\W_]")
_DECADE_RE = re.compile(r"\d['’]?s$")


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


def _words(text: str) -> list[str]:
    words = [w.replace("’", "'") for w in _TOKEN_RE.findall(text.lower())]
    # "Hong Kong's government": a possessive is no edit; "the 1970's" is a decade, not the year 1970
    return [w[:-2] if w.endswith("'s") and not w[:-2].isdigit() else w for w in words]


def _amount_key(qs: list[Quantity]) -> str:
    """The token an amount aligns as: its value(s), currency and unit ("#3.51e+10|USD|")."""
    return "#" + "-".join(f"{q.value:.9g}" for q in qs) + f"|{qs[0].currency or ''}|{qs[0].unit or ''}"


def _tokens(text: str) -> tuple[list[str], list[str], list[list[Quantity]]]:
    """(keys, shown, amounts): the words of ``text`` with each amount as one key token (``_amount_key``), the
    words as written (an amount's whole span) and, per token, the quantities it stands for ([] for a word)."""
    spans: dict[tuple[int, int], list[Quantity]] = {}
    for q in find_quantities(text):
        spans.setdefault((q.start, q.end), []).append(q)
    keys: list[str] = []
    shown: list[str] = []
    amounts: list[list[Quantity]] = []
    pos = 0
    for (start, end), qs in sorted(spans.items()):
        if start < pos or _GLUED_RE.match(text, end) or (start and text[start - 1].isalnum()) \
                or _DECADE_RE.search(text, start, end):
            continue  # overlapping readings keep the first; "1970s", "the 1970's" or "A380" is a word, not an amount
        words = _words(text[pos:start])
        keys += words
        shown += words
        amounts += [[] for _ in words]
        keys.append(_amount_key(qs))
        shown.append(text[start:end].lower())
        amounts.append(qs)
        pos = end
    words = _words(text[pos:])
    return keys + words, shown + words, amounts + [[] for _ in words]


def _same_amount(a: list[Quantity], b: list[Quantity]) -> bool:
    return len(a) == len(b) and all(
        abs(x.value - y.value) <= 1e-9 * max(abs(x.value), abs(y.value)) and same_kind(x, y) for x, y in zip(a, b))


def _aligned_tokens(claim: str, window: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """(claim keys, claim words as written, window keys, window words): a claim amount equal to one of the
    window's (one side not stating the currency or unit) takes the window's key."""
    ck, cs, ca = _tokens(claim)
    wk, ws, wa = _tokens(window)
    wkeys = set(wk)
    for i, qs in enumerate(ca):
        if qs and ck[i] not in wkeys:
            ck[i] = next((wk[j] for j, other in enumerate(wa) if other and _same_amount(qs, other)), ck[i])
    return ck, cs, wk, ws


def _content(word: str) -> bool:
    # an amount (key "#...") is left to the number checks, as bare digits always were
    return len(word) > 1 and word not in STOPWORDS and word not in LIGHT_WORDS and not word.isdigit() \
        and not word.startswith("#")


def copy_share(claim: str, window: str) -> float:
    """Share (0..1) of the claim's tokens that align in order with the window's (1.0: a verbatim copy)."""
    ct, _, wt, _ = _aligned_tokens(claim, window)
    if not ct:
        return 0.0
    sm = SequenceMatcher(None, ct, wt, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / len(ct)


def edited_copy(claim: str, window: str) -> list[str]:
    """The claim tokens that do not align with the window when the claim is otherwise a copy of it (aligned
    share in [``EDITED_COPY``, 1)): the words a near-verbatim claim changed or added; [] otherwise."""
    ct, shown, wt, _ = _aligned_tokens(claim, window)
    if not ct:
        return []
    sm = SequenceMatcher(None, ct, wt, autojunk=False)
    share = sum(b.size for b in sm.get_matching_blocks()) / len(ct)
    if not EDITED_COPY <= share < 1.0:
        return []
    changed: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():  # "delete": claim-only tokens; "insert": window-only (compression)
        if op in ("equal", "insert"):
            continue
        if op == "replace" and _says_shorter(ct[i1:i2], wt[j1:j2]):
            continue
        changed += shown[i1:i2]
    return changed


def _says_shorter(claim: list[str], window: list[str]) -> bool:
    """True when the claim puts function words where the window has one word more, a content word ("for" in
    place of "to support"): a compression, not an edit. Negators, a swap of function words ("he" for "she") and
    a function word for a whole phrase ("a" for "the only contingent of") stay edits."""
    return len(claim) < len(window) <= len(claim) + 1 and any(_content(w) for w in window) \
        and all(w in STOPWORDS and w not in NEGATORS for w in claim)


def copy_edits(claim: str, window: str, index: TextIndex) -> tuple[float, list[Edit]]:
    """(aligned share, edits): the claim's replaced and inserted spans with content words ``index`` (the
    window's) does not cover; no edits when the claim is not a near-copy (share below ``NEAR_COPY``)."""
    ct, cshown, wt, wshown = _aligned_tokens(claim, window)
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
            edits.append(Edit(tuple(cshown[i1:i2]), tuple(wshown[j1:j2]), new))
    return share, edits

