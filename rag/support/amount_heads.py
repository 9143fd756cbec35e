"""An amount the passage gives as one noun's measure, given by the claim to the sentence's verb: "METI will give
Kirishima up to ¥280 billion for a plant" over "METI said it would provide up to ¥95 billion ... toward a ¥280
billion SiC wafer and device plant": ¥280 billion is the plant's cost, ¥95 billion what METI gives.

The noun an amount measures is read by the text layer (``rag.text.numbers.measured_noun``: "a ¥280 billion ...
plant" measures the plant). ``amount_swap``: a claim amount that measures no noun in the claim and follows no word
of cost or worth (``data/amount_heads.toml``: "the plant will cost ¥280 billion" says it of the plant), where every
passage amount of that value measures a noun, the claim names that noun ("plant") or writes before its amount a word
the passage writes before the other amount (its verb: "fined", ``LEAD`` words), and a passage sentence with that
amount has another amount of the same currency or unit that measures no noun (the verb's: ¥95 billion) and that the
claim does not give.
"""

from __future__ import annotations

import re

from rag.support.data_files import data_table
from rag.support.lexicon import STOPWORDS
from rag.text.sentences import sentence_texts
from rag.text.numbers import Quantity, describe, find_quantities, measured_noun, same_kind
from rag.text.tokens import stem

_WORD = re.compile(r"[a-z][\w-]*")
LEAD = 4  # words before an amount read for its verb


def _equal(a: Quantity, b: Quantity) -> bool:
    return same_kind(a, b) and abs(a.value - b.value) <= 1e-9 * max(abs(a.value), abs(b.value), 1.0)


def _after_cost_word(text: str, q: Quantity) -> bool:
    table = data_table("amount_heads")
    before = _WORD.findall(text[:q.start].lower())[-int(table["reach"]):]
    return bool(set(before) & set(table["words"]))


def _lead(text: str, q: Quantity) -> set[str]:
    """Stems of the lower-case content words among the ``LEAD`` words before ``q`` (its verb: "fined")."""
    words = re.findall(r"[\w$¥€£-]+", text[:q.start])[-LEAD:]
    return {stem(w) for w in words if w.islower() and w.isalpha() and w not in STOPWORDS}


def amount_swap(claim: str, passage: str) -> str | None:
    """A reason when ``claim`` gives to its verb an amount that ``passage`` writes only as the measure of a noun the
    claim names, while the passage's verb has another amount of that kind ("number ¥280 billion: the passage gives
    it to the plant ('a ¥280 billion ... plant'), ¥95 billion to the verb"); None otherwise."""
    ours = find_quantities(claim)
    if not ours:
        return None
    sentences = [(s, [(q, measured_noun(s, q)) for q in find_quantities(s)]) for s in sentence_texts(passage)]
    theirs = [read for _, sentence in sentences for read in sentence]
    claim_stems = {stem(w) for w in _WORD.findall(claim.lower())}
    for q in ours:
        if not (q.currency or q.unit) or measured_noun(claim, q) or _after_cost_word(claim, q):
            continue
        same = [(p, noun) for p, noun in theirs if _equal(p, q)]
        if not same or not all(noun for _, noun in same):
            continue
        verbs = [(p, text) for text, sentence in sentences if any(_equal(p, q) for p, _ in sentence)  # same sentence
                 for p, noun in sentence if noun is None and same_kind(p, q) and (p.currency or p.unit)
                 and not any(_equal(p, c) for c in ours)]
        # the claim names the noun the amount measures ("for a plant"), or writes the other amount's verb before it
        # ("fined ... NT$45 million" over "fined ... NT$3 million over its NT$45 million investment")
        named = all(stem(noun) in claim_stems for _, noun in same)
        verbs = [p for p, text in verbs if named or _lead(claim, q) & _lead(text, p)]
        if verbs:
            return (f"number {describe(q)}: the passage gives it to the {same[0][1]} ('{same[0][0].text} ... "
                    f"{same[0][1]}'), and {describe(verbs[0])} to the verb")
    return None
