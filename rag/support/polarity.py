"""Polarity of a claim's main predicate (negation scope, affixal negation, antonyms)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.support.lexicon import (
    _AXIS_WORDS,
    _CONTROL_STEMS,
    _COUNTRY_WORDS,
    _LIGHT,
    _NEG_PHRASES,
    _NEG_VERBS,
    _NEGATORS,
    _NOT_NEGATION_AFTER,
    _PRED_CANON,
    _SCOPE_BOUNDARY,
    _SCOPE_LEN,
    _SCOPE_SKIP,
    _STOPWORDS,
)
from rag.text.tokens import stem as _stem

# --------------------------------------------------------------------------------------------
# Polarity
# --------------------------------------------------------------------------------------------


def _polarity_tokens(text: str) -> list[str]:
    t = text.lower().replace("can't", "can not").replace("won't", "will not").replace("cannot", "can not")
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"\b(stay|stays|stayed|staying|opt|opts|opted|opting|pull|pulls|pulled|pulling)\s+out\b", r"\1-out", t)
    t = re.sub(r"\b(stay|opt|pull)(?:s|ed|ing)?-out\b", r"\1-out", t)
    return re.findall(r"[a-z][a-z\-]*|[,;:.!?()\"]", t)


@dataclass
class _Polarity:
    lemma_pol: dict[str, set[int]]  # canonical predicate stem -> polarities seen
    axes: dict[str, set[int]]  # antonym axis -> effective signs seen
    has_negator: bool  # a true negator (not/no/never/without...) occurs
    has_negative: bool  # any negativity at all (negators, deny/refuse..., negative-axis words)
    negated_axis: bool  # an axis word sits inside a negation scope
    scoped: set[str]  # predicate-head lemmas inside a negation scope
    words: set[str]  # content words, for affixal negation (possible / impossible)


@lru_cache(maxsize=65536)
def _canon(word: str) -> str:
    s = _stem(word)
    if s in _PRED_CANON:
        return _PRED_CANON[s]
    for key, canon in _PRED_CANON.items():
        if len(key) >= 5 and s.startswith(key):
            return canon
    return s


def _polarity(text: str) -> _Polarity:
    toks = _polarity_tokens(text)
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
        if tok in _NEGATORS:
            if tok == "not" and nxt in _NOT_NEGATION_AFTER:
                i += 1
                continue
            if tok == "no" and nxt in (".",):
                i += 1
                continue
            is_cue = True
            has_negator = True
        elif tok in _NEG_VERBS:
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
        elif (tok, nxt) in _NEG_PHRASES:
            is_cue = True
            has_negator = True
        if is_cue:
            has_negative = True
            collected = 0
            want_head = verbal  # the next content token is a predicate head
            j = i + 1
            while j < n and collected < _SCOPE_LEN:
                t = toks[j]
                if t in ",;:.!?()\"" or t in _SCOPE_BOUNDARY or t in _NEGATORS:
                    break
                if t in _NEG_VERBS:  # "has not denied": the negated predicate is the denial itself
                    flips[j] += 1
                    if want_head:
                        heads.add(j)
                    break
                if t in ("or", "and", "nor"):
                    want_head = bool(heads_at) and heads_at[-1] == last_content
                    flips[j] += 1
                    j += 1
                    continue
                if t in _SCOPE_SKIP or t in _COUNTRY_WORDS or t in _LIGHT:
                    flips[j] += 1
                    j += 1
                    continue
                flips[j] += 1
                collected += 1
                if want_head:
                    heads_at.append(j)
                    heads.add(j)
                    want_head = _stem(t) in _CONTROL_STEMS
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
        for axis, sign in _AXIS_WORDS.get(tok, ()):
            axes.setdefault(axis, set()).add(sign * pol)
            if sign < 0:
                has_negative = True
            if flips[k]:
                negated_axis = True
        if tok in _STOPWORDS or tok in _NEGATORS or tok in _LIGHT or tok in _COUNTRY_WORDS:
            continue
        words.add(tok)
        lemma = _canon(tok)
        lemma_pol.setdefault(lemma, set()).add(pol)
        if k in heads:
            scoped.add(lemma)
        if tok in _NEG_VERBS:
            has_negative = True
    return _Polarity(lemma_pol, axes, has_negator, has_negative, negated_axis, scoped, words)


_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")


def _affixal_negation(a: set[str], b: set[str]) -> tuple[str, str] | None:
    """A word of ``a`` whose negative-prefixed form is in ``b`` (and not vice versa): possible / impossible."""
    for w in sorted(a):
        if len(w) < 5 or w in b:
            continue
        for pre in _NEG_PREFIXES:
            neg = pre + w
            if neg in b and neg not in a:
                return (w, neg)
    return None


def _polarity_conflict(claim: _Polarity, support: _Polarity) -> str | None:
    for axis, csigns in claim.axes.items():
        ssigns = support.axes.get(axis)
        if ssigns and len(csigns) == 1 and len(ssigns) == 1 and csigns != ssigns:
            return f"negation mismatch: opposite {axis} predicate"
    for lemma in sorted(claim.scoped | support.scoped):
        if len(lemma) < 3:
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
