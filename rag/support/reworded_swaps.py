"""A noun of the passage replaced by another noun in a *reworded* claim: "Many US producers now rely on imported
batteries" for "many American manufacturers import the chips".

``noun_swaps`` reads a near-copy, where the aligned tokens show which span replaced which; a reworded claim moves
and rewords its words, so token order pairs nothing. Here a noun of the claim the sentence does not cover is paired
with a noun of the sentence the claim does not cover when the two share a neighbour: a content word within
``NEIGHBOURS`` tokens on the same side, equal by stem ("imported _" / "import the _", "_ and related goods" /
"_ and related products") or the same amount ("sent 21 _ to Australia" / "Australia has received 21 _", h/checker-s28),
the slot a noun fills in the frame the claim kept. A faithful rewording that keeps the
passage's noun leaves no uncovered noun of the sentence to pair; one that says it with a synonym the lexicon lacks
("test samples" for "testing specimens") pairs, and is weighed like a near-copy's swap, by the two words' cosine
(``noun_synonyms``). Names, places, amounts and compass words are never read as swapped nouns (``noun_swaps``).
"""

from __future__ import annotations

import re

from rag.support.edits import NEAR_COPY, matched, token_covered
from rag.support.facts import TextIndex, index_text
from rag.support.lexicon import LIGHT_WORDS, STOPWORDS
from rag.support.named_appositions import restated_ages
from rag.support.noun_swaps import compound_of, noun_swaps, plain_word
from rag.support.word_class import is_noun
from rag.text.tokens import stem

#: How many tokens on each side of a noun are its neighbours.
NEIGHBOURS = 2
_INNER_CAPITAL = re.compile(r"(?<=[^.!?\s]\s)[A-Z][\w'’-]*|(?<=[,;:]\s)[A-Z][\w'’-]*")


def _capitalised(text: str) -> frozenset[str]:
    """Lower-cased words ``text`` writes capitalised after its first word (names: "Qatari", "Integrated")."""
    return frozenset(w.lower() for w in _INNER_CAPITAL.findall(text))


def _neighbours(keys: tuple[str, ...], at: int) -> tuple[frozenset[str], frozenset[str]]:
    """(left, right) stems of the content words and amount keys ("#21||": "21 firefighters" / "21 paramedics",
    the count a sending restated from its receiver's end keeps) within ``NEIGHBOURS`` tokens of ``keys[at]``."""
    def side(span: tuple[str, ...]) -> frozenset[str]:
        return frozenset(stem(k) for k in span if len(k) > 2 and k.isalpha() and k not in STOPWORDS
                         and k not in LIGHT_WORDS) | frozenset(k for k in span if k.startswith("#"))
    return side(keys[max(0, at - NEIGHBOURS): at]), side(keys[at + 1: at + 1 + NEIGHBOURS])


def reworded_swaps(claim: str, window: str, index: TextIndex,
                   names: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(claim noun, window noun) pairs of a claim that is not a near-copy of ``window`` (``index``: the window's):
    a noun of the claim ``index`` does not cover and a noun of ``window`` the claim does not cover that share a
    neighbour on the same side (``_neighbours``); each noun in one pair at most, claim order. ``names``: the
    passage's name words (lower case), never read as nouns, nor a word either text capitalises after its first. Empty for a near-copy (``noun_swaps`` reads those)."""
    m = matched(claim, window)
    ck, cs, wk, ws = m.ct, m.cshown, m.wt, m.wshown
    if not ck or not wk or m.share >= NEAR_COPY:
        return []
    c_low, w_low = [w.lower() for w in cs], [w.lower() for w in ws]
    names = names | _capitalised(claim) | _capitalised(window)
    said = [k for k in range(len(ck)) if plain_word(ck[k], names) and is_noun(c_low, k, guess=False)
            and not token_covered(ck[k], index)]
    if not said:
        return []
    claim_index = index_text(claim)
    claim_stems = {stem(k) for k in ck}
    gone = [j for j in range(len(wk)) if plain_word(wk[j], names) and is_noun(w_low, j, guess=False)
            and stem(wk[j]) not in claim_stems and not token_covered(wk[j], claim_index)]
    out, used = [], set()
    for k in said:
        left, right = _neighbours(ck, k)
        for j in gone:
            if j in used or compound_of(ck[k], wk[j]):
                continue
            w_left, w_right = _neighbours(wk, j)
            if left & w_left or right & w_right:
                out.append((cs[k], ws[j]))
                used.add(j)
                break
    return out


def swapped_nouns(claim: str, window: str, index: TextIndex, names: frozenset[str] = frozenset(), *,
                  nouns: bool = False, passage: str | None = None) -> list[tuple[str, str]]:
    """The nouns ``claim`` puts in place of the window's: a near-copy's replaced spans (``noun_swaps``; ``nouns``:
    the swapped nouns alone), else a reworded claim's nouns paired by their neighbours (``reworded_swaps``);
    (claim words, window words) each. Not the words of a claim age that ``passage`` (the whole text) gives the
    person in apposition ("a 41-year-old engineer" over "... a former process engineer ... The engineer, 41,":
    ``named_appositions.restated_ages``)."""
    found = noun_swaps(claim, window, index, names, nouns=nouns) or reworded_swaps(claim, window, index, names)
    aged = restated_ages(claim, passage) if found and passage else frozenset()
    return [(c, w) for c, w in found if not (aged and set(c.lower().split()) <= aged)]
