"""A noun of the passage's frame replaced by another noun: the claim keeps the sentence and changes its subject.

"Southwest canceled five cargo shipments" for "canceled five flights", "drones used to target critical railway
lines" for "critical energy infrastructure": a near-copied claim (``edits.NEAR_COPY`` of its tokens aligned in
order with the sentence) whose replaced span puts a noun the sentence does not cover (stem, prefix or the
synonym lexicon: ``edits.token_covered``) where the sentence has a noun the claim drops. The claim covers the
sentence's noun only with a word it does not copy in place ("plants and refineries" for "plants and factories": the
copied "plants" stands for the sentence's own "plants", not for "factories"). Faithful rewordings
replace verbs far more often ("scrapped" for "canceled", "strips" for "removes"): on the fit rows s24 read,
11 of the 12 short topic swaps replaced a noun and 20 of the 28 faithful short swaps a verb; the embedding
distance of the two spans did not separate them (AUC 0.49, evals/README.md, h/checker-s24).

Only short spans count (``SWAP_SPAN`` tokens a side: a longer one is a rewritten clause, the copy signals'),
and neither names nor amounts (``name_swap`` and the number checks read those), nor compass words ("south" for
"north": the direction checks read those, ``converse_directions``), nor a word that holds the other whole
("earthquake" for "quake"), nor one noun the window writes as two words ("carmakers" for "auto makers"). The part
of speech is the lexicon reading of ``word_class`` in each side's own sentence, without its guess: a form that can be
a noun or a verb counts as a noun only after a determiner, a possessive, a number, an adjective or a noun ("would
hurt", "families cut" are no nouns).
"""

from __future__ import annotations

import re

from rag.support.edits import NEAR_COPY, matched, moved_frame, token_covered
from rag.support.facts import TextIndex, index_text
from rag.support.lexicon import LIGHT_WORDS, NUMBER_WORDS, STOPWORDS
from rag.support.metonymy import place_key
from rag.support.word_class import ADJ, classifies, grades, is_noun, readings
from rag.text.lexicon import word_list
from rag.text.tokens import stem

#: Longest replaced span (tokens, each side) read as one noun put in place of another.
SWAP_SPAN = 3
_COMPASS = frozenset(word_list("compass_words"))


def plain_word(key: str, names: frozenset[str]) -> bool:
    """A content word that is neither a name, a place, an amount (digits or a number word) nor a compass word."""
    return (len(key) > 2 and key.isalpha() and key not in STOPWORDS and key not in LIGHT_WORDS and key not in names
            and key not in NUMBER_WORDS and key not in _COMPASS and place_key(key) is None)


def compound_of(a: str, b: str) -> bool:
    """Whether one word holds the other's stem whole ("quake" in "earthquake", "coast" in "coastline")."""
    sa, sb = stem(a), stem(b)
    return len(min(sa, sb, key=len)) >= 4 and (sa in b or sb in a)


def _unaligned(shown: list[str], opcodes) -> list[str]:
    """The claim words (as shown) outside the stretches a near-copy aligns with equal words of the window."""
    return [w for op, i1, i2, _, _ in opcodes if op != "equal" for w in shown[i1:i2]]


def _written_apart(word: str, span: tuple[str, ...]) -> bool:
    """Whether two adjacent words of the window's ``span``, written as one, cover the claim's ``word``: one noun the
    window writes in two ("carmakers" for "auto makers": "automakers" is its synonym; "healthcare" for "health
    care")."""
    return any(token_covered(word, index_text(a + b)) for a, b in zip(span, span[1:]))


def _hyphened(text: str, first: str, second: str) -> bool:
    """Whether ``text`` writes ``first`` and ``second`` as one hyphened word ("short-term", "coal-fired")."""
    return re.search(rf"(?<![\w-]){re.escape(first)}-{re.escape(second)}(?![\w-])", text, re.IGNORECASE) is not None


def _swapped(words: list[str], k: int, end: int, headed: bool) -> bool:
    """Whether ``words[k]``, in a replaced span ending before ``end``, can be a swapped word: a noun that grades no
    noun after it ("key" in "its key lending rate" is no noun swapped for "benchmark"), or the span's last word
    modifying the copied head noun after the span (``headed``: that head is aligned on both sides) as a classifying
    modifier (``word_class.classifies``)."""
    if grades(words, k):
        return False
    return is_noun(words, k, guess=False) or (headed and k == end - 1 and classifies(words, k))


def noun_swaps(claim: str, window: str, index: TextIndex, names: frozenset[str] = frozenset(), *,
               nouns: bool = False) -> list[tuple[str, str]]:
    """(claim words, window words) of each short span where a near-copied claim puts a noun ``index`` (the
    window's) does not cover in place of a noun of ``window`` that the claim does not cover; ``names``: the
    passage's name words (lower case), never read as swapped nouns. Empty when the claim is not a near-copy.
    ``nouns``: each side's swapped nouns alone ("automobiles" for "vehicles"), not its whole span ("automobiles
    leaving" for "vehicles leading to")."""
    m = matched(claim, window)
    ck, cs, wk, ws = m.ct, m.cshown, m.wt, m.wshown
    if not ck or not wk or m.share < NEAR_COPY:
        return []
    c_low, w_low = [w.lower() for w in cs], [w.lower() for w in ws]
    claim_index: TextIndex | None = None
    claim_stems = {stem(k) for k in ck}
    out = []
    for n, (op, i1, i2, j1, j2) in enumerate(m.opcodes):
        if op != "replace" or i2 - i1 > SWAP_SPAN or j2 - j1 > SWAP_SPAN or moved_frame(ck[i1:i2], window):
            continue
        # a span right before a head noun both sides share: its last word is that noun's modifier on each side
        # ("hydrogen buses" for "electric buses", "memory chips" for "logic chips"); one word for one word only, a
        # longer span rewords the modifier ("battery-powered buses" for "electric buses"); the head a content word,
        # neither modifier hyphened to it ("short-term" for "near-term" rewords one compound word), and one of them
        # a noun put before a noun: two adjectives are as often graded words put for each other ("strong" for
        # "robust", "biggest" for "largest") as different kinds ("nuclear" for "solar")
        headed = (i2 - i1 == j2 - j1 == 1 and n + 1 < len(m.opcodes) and m.opcodes[n + 1][0] == "equal"
                  and plain_word(ck[i2], names) and not _hyphened(claim, cs[i1], cs[i2])
                  and not _hyphened(window, ws[j1], ws[j2])
                  and not (ADJ in readings(c_low[i1]) and ADJ in readings(w_low[j1])))
        said = [k for k in range(i1, i2) if plain_word(ck[k], names) and _swapped(c_low, k, i2, headed)
                and not token_covered(ck[k], index) and not _written_apart(ck[k], wk[j1:j2])]
        if not said:
            continue
        # the window's noun is covered by a claim word put in its own place, not by one the copy keeps for another
        # window word ("power plants and refineries" for "power plants and factories": "plants" is the window's
        # "plants", not a synonym standing for "factories")
        claim_index = claim_index or index_text(" ".join(_unaligned(cs, m.opcodes)))
        given = [k for k in range(j1, j2) if plain_word(wk[k], names) and _swapped(w_low, k, j2, headed)
                 and stem(wk[k]) not in claim_stems and not token_covered(wk[k], claim_index)]
        if given and not any(compound_of(ck[a], wk[b]) for a in said for b in given):
            out.append((" ".join(cs[k] for k in said), " ".join(ws[k] for k in given)) if nouns
                       else (" ".join(cs[i1:i2]), " ".join(ws[j1:j2])))
    return out
