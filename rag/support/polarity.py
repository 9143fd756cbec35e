"""Polarity of a claim's main predicate (negation scope, affixal negation, antonyms)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.support.lexicon import (
    AXIS_WORDS,
    CONTROL_STEMS,
    LIGHT_WORDS,
    NEGATIVE_PHRASES,
    NEGATIVE_PREFIXES,
    NEGATIVE_VERBS,
    NEGATORS,
    NOT_NEGATION_AFTER,
    PLACE_WORDS,
    PREDICATE_CANON,
    SCOPE_BOUNDARY,
    SCOPE_LENGTH,
    SCOPE_SKIP,
    STOPWORDS,
)
from rag.text.tokens import stem as _stem

# --------------------------------------------------------------------------------------------
# Polarity
# --------------------------------------------------------------------------------------------


def polarity_tokens(text: str) -> list[str]:
    """Lower-case word and punctuation tokens, with contractions expanded ("can't" -> "can not")."""
    t = text.lower().replace("can't", "can not").replace("won't", "will not").replace("cannot", "can not")
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"\b(stay|stays|stayed|staying|opt|opts|opted|opting|pull|pulls|pulled|pulling)\s+out\b", r"\1-out", t)
    t = re.sub(r"\b(stay|opt|pull)(?:s|ed|ing)?-out\b", r"\1-out", t)
    return re.findall(r"[a-z][a-z\-]*|[,;:.!?()\"]", t)


@dataclass
class Polarity:
    lemma_pol: dict[str, set[int]]  # canonical predicate stem -> polarities seen
    axes: dict[str, set[int]]  # antonym axis -> effective signs seen
    has_negator: bool  # a true negator (not/no/never/without...) occurs
    has_negative: bool  # any negativity at all (negators, deny/refuse..., negative-axis words)
    negated_axis: bool  # an axis word sits inside a negation scope
    scoped: set[str]  # predicate-head lemmas inside a negation scope
    words: set[str]  # content words, for affixal negation (possible / impossible)


@lru_cache(maxsize=65536)
def predicate_lemma(word: str) -> str:
    """The canonical predicate stem of a word (synonymous predicates share one: approve/authorise)."""
    s = _stem(word)
    if s in PREDICATE_CANON:
        return PREDICATE_CANON[s]
    for key, canon in PREDICATE_CANON.items():
        if len(key) >= 5 and s.startswith(key):
            return canon
    return s


def polarity(text: str) -> Polarity:
    """Negation scopes, antonym axes and predicate polarities of ``text``."""
    toks = polarity_tokens(text)
    n = len(toks)
    flips = [0] * n  # number of negation scopes covering each token
    heads: set[int] = set()  # predicate heads inside a negation scope ("not [plan] to [retract]")
    heads_at: list[int] = []
    last_content = -1
    has_negator = False
    has_negative = False
    i = 0
    while i < n:
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < n else ""
        is_cue = False
        verbal = True
        if tok in NEGATORS:
            if tok == "not" and nxt in NOT_NEGATION_AFTER:
                i += 1
                continue
            if tok == "no" and nxt in (".",):
                i += 1
                continue
            is_cue = True
            has_negator = True
        elif tok in NEGATIVE_VERBS:
            if tok.startswith("declin") and nxt != "to":  # "exports declined" is a decrease
                i += 1
                continue
            if tok.startswith("fail") and nxt != "to":
                i += 1
                continue
            is_cue = True
            # "refused to [grant]", "denied that [...]" have a predicate head; "denied approval" has a
            # noun-phrase object whose head we cannot find reliably, so only axis words flip there.
            verbal = nxt in ("to", "that")
        elif (tok, nxt) in NEGATIVE_PHRASES:
            is_cue = True
            has_negator = True
        if is_cue:
            has_negative = True
            collected = 0
            want_head = verbal  # the next content token is a predicate head
            j = i + 1
            while j < n and collected < SCOPE_LENGTH:
                t = toks[j]
                if t == "that" and not verbal:  # "denied reports that it [supplied]": the clause's verb is the head
                    want_head = verbal = True
                    j += 1
                    continue
                if t in SCOPE_SKIP and j == i + 1:  # "not yet approved": "yet" right after the cue is no boundary
                    j += 1
                    continue
                if t in ",;:.!?()\"" or t in SCOPE_BOUNDARY or t in NEGATORS:
                    break
                if t in NEGATIVE_VERBS:  # "has not denied": the negated predicate is the denial itself
                    flips[j] += 1
                    if want_head:
                        heads.add(j)
                    break
                if t in ("or", "and", "nor"):
                    want_head = bool(heads_at) and heads_at[-1] == last_content
                    flips[j] += 1
                    j += 1
                    continue
                if t in SCOPE_SKIP or t in PLACE_WORDS or t in LIGHT_WORDS:
                    flips[j] += 1
                    j += 1
                    continue
                flips[j] += 1
                collected += 1
                if want_head:
                    heads_at.append(j)
                    heads.add(j)
                    want_head = _stem(t) in CONTROL_STEMS
                last_content = j
                j += 1
            heads_at.clear()
        i += 1
    lemma_pol: dict[str, set[int]] = {}
    axes: dict[str, set[int]] = {}
    scoped: set[str] = set()
    negated_axis = False
    words: set[str] = set()
    for k, tok in enumerate(toks):
        if not tok[0].isalpha():
            continue
        pol = -1 if flips[k] % 2 else 1
        for axis, sign in AXIS_WORDS.get(tok, ()):
            axes.setdefault(axis, set()).add(sign * pol)
            if sign < 0:
                has_negative = True
            if flips[k]:
                negated_axis = True
        if tok in STOPWORDS or tok in NEGATORS or tok in PLACE_WORDS:
            continue
        if tok not in LIGHT_WORDS:  # light words ("added", "said") still carry a predicate's polarity
            words.add(tok)
        lemma = predicate_lemma(tok)
        lemma_pol.setdefault(lemma, set()).add(pol)
        if k in heads:
            scoped.add(lemma)
        if tok in NEGATIVE_VERBS:
            has_negative = True
    return Polarity(lemma_pol, axes, has_negator, has_negative, negated_axis, scoped, words)


def _affixal_negation(a: set[str], b: set[str]) -> tuple[str, str] | None:
    """A word of ``a`` whose negative-prefixed form is in ``b`` (and not vice versa): possible / impossible."""
    for w in sorted(a):
        if len(w) < 5 or w in b:
            continue
        for pre in NEGATIVE_PREFIXES:
            neg = pre + w
            if neg in b and neg not in a:
                return (w, neg)
    return None


def polarity_conflict(claim: Polarity, support: Polarity) -> str | None:
    """Why the claim's polarity contradicts the cited sentence's (a reason string), or None."""
    for axis, csigns in claim.axes.items():
        ssigns = support.axes.get(axis)
        if ssigns and len(csigns) == 1 and len(ssigns) == 1 and csigns != ssigns:
            return f"negation mismatch: opposite {axis} predicate"
    for lemma in sorted(claim.scoped | support.scoped):
        if len(lemma) < 2:  # "ad" is the stem of added/adding
            continue
        cp, sp = claim.lemma_pol.get(lemma), support.lemma_pol.get(lemma)
        if cp and sp and len(cp) == 1 and len(sp) == 1 and cp != sp:
            return f"negation mismatch on '{lemma}'"
    affixal = _affixal_negation(claim.words, support.words) or _affixal_negation(support.words, claim.words)
    if affixal:
        return f"negation mismatch: '{affixal[0]}' vs '{affixal[1]}'"
    if claim.has_negator and not support.has_negative and not claim.negated_axis:
        return "negation mismatch: claim is negated, cited text is not"
    return None
