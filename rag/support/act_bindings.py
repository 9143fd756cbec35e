"""A figure moved between two acts of one report: "The court fined Daeyang Precision 6 billion won" for "The court
fined Daeyang Precision 4.5 billion won. Prosecutors had sought a fine of 6 billion won." Every figure and word of
the claim is in the passage, but the passage gives 6 billion won of what was asked, not of what was decided.

A figure belongs to the nearest act word before it in its sentence (``data/act_roles.toml``: what was ``asked`` and
what was ``decided``), within ``reach`` tokens and with no other figure between. The claim moves a figure when it
gives it to an act of one kind, the passage gives the same figure only to acts of the other kind, and the passage
also tells an act of the claim's kind (so the figure of that act is another). Figures are amount keys
(``edits.aligned_tokens``: "$3bn" is "3 billion dollars") and spelled-out numbers.

A figure stated as a bound or a rule ("carries a prison term of up to 10 years", "fines could reach 500 million
won": the phrases of ``rag/text/data/amount_bounds.toml`` [sentence], the answers' reader of a maximum penalty) is
the law's or a forecast's, never what was decided: a claim that gives such a figure to a decided act ("was
sentenced to 10 years", "was fined 500 million won") moves it when the passage gives it only as a bound, whether or
not the passage tells the decision (s68 user: "up to 10 years", the maximum penalty, accepted as the sentence).
"""

from __future__ import annotations

import re

from rag.support.bindings import figure_key
from rag.support.data_files import data_table
from rag.support.edits import aligned_tokens
from rag.support.lexicon import NUMBER_WORDS
from rag.text.lexicon import alternation, table
from rag.text.numbers import find_quantities
from rag.text.sentences import split_sentences

_ROLES = data_table("act_roles")
REACH: int = _ROLES["reach"]
ACT_KIND: dict[str, str] = {w: kind for kind in ("asked", "decided") for w in _ROLES[kind]}
#: the phrases that state a figure as a bound or a rule, as word tuples (``amount_bounds.toml`` [sentence])
_RULES: list[str] = table("amount_bounds")["sentence"]["rules"]
BOUNDS: tuple[tuple[str, ...], ...] = tuple(sorted({tuple(p.split()) for p in _RULES}, key=lambda p: (-len(p), p)))
_ENDS = frozenset(".;!?")
_ACT_WORDS = frozenset(ACT_KIND)
_BOUND_RE = re.compile(rf"(?<![\w-])(?:{alternation(_RULES)})(?![\w-])")
_WORD_RE = re.compile(r"[a-z]+")
#: a claim with a figure: a digit or a spelled-out number (read cheaply before any alignment)
_DIGIT_OR_WORD = re.compile(r"\d|\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b", re.IGNORECASE)


def act_figures(keys: list[str], shown: list[str]) -> list[tuple[str, str, str]]:
    """(figure key, act kind, act word) of each figure of a token sequence (``aligned_tokens``' keys and shown
    words) with an act word of ``act_roles.toml`` before it, or a bound phrase (kind "bound": "up to"; see the
    module)."""
    out = []
    low = [w.lower() for w in shown]
    for i, k in enumerate(keys):
        if not figure_key(k):
            continue
        for j in range(i - 1, max(-1, i - 1 - REACH), -1):
            if keys[j] in _ENDS or figure_key(keys[j]):
                break
            bound = next((p for p in BOUNDS if j + 1 >= len(p) and tuple(low[j + 1 - len(p): j + 1]) == p), None)
            if bound:
                out.append((k, "bound", " ".join(bound)))
                break
            kind = ACT_KIND.get(low[j])
            if kind:
                out.append((k, kind, shown[j]))
                break
    return out


def moved_figure(claim: str, passage: str) -> str | None:
    """A reason when the claim gives a figure to an act of one kind (asked or decided) that the passage gives only
    to the other kind while telling an act of the claim's kind too, or to a decided act when the passage gives it
    only as a bound; None otherwise. "binding: the passage gives 6 billion won of 'sought', the claim of 'fined'";
    "binding: the passage gives 10 years as a bound ('up to'), the claim of 'sentenced'"."""
    if not _ACT_WORDS & set(_WORD_RE.findall(claim.lower())) or not _DIGIT_OR_WORD.search(claim):
        return None
    pairs = []
    for sentence in [s.text for s in split_sentences(passage)
                     if _ACT_WORDS & set(_WORD_RE.findall(s.text.lower())) or _BOUND_RE.search(s.text.lower())]:
        ck, cs, wk, ws = aligned_tokens(claim, sentence)
        pairs.append((act_figures(ck, cs), act_figures(wk, ws), {ACT_KIND.get(w.lower()) for w in ws}, dict(zip(wk, ws))))
    claim_acts = {c for p in pairs for c in p[0]}
    passage_acts = [w for p in pairs for w in p[1]]
    told = set().union(*(p[2] for p in pairs)) if pairs else set()
    shown = {k: v for p in pairs for k, v in p[3].items()}
    for key, kind, word in sorted(claim_acts):
        kinds = {k2 for f, k2, _ in passage_acts if f == key}
        if kind == "decided" and kinds == {"bound"}:
            bound = next(w for f, k2, w in passage_acts if f == key)
            return f"binding: the passage gives {shown.get(key, key)} as a bound ('{bound}'), the claim of '{word}'"
        if kinds and kind not in kinds and kind in told:
            other = next(w for f, k2, w in passage_acts if f == key)
            return f"binding: the passage gives {shown.get(key, key)} of '{other}', the claim of '{word}'"
    return None


_CJK_BOUNDS = table("amount_bounds")["cjk"]
_KEY_RE = re.compile(r"#([^|]+)\|([^|]*)\|")


def cjk_bound_figure(claim: str, passage: str) -> str | None:
    """A reason when the English claim gives a figure to a decided act ("was sentenced to 15 years") that the CJK
    ``passage`` writes only as a bound ("최대 징역 15년", "15년 이하의 징역": ``amount_bounds.toml`` [cjk]); None
    otherwise. "binding: the passage gives 15 as a bound ('최대'), the claim of 'sentenced'"."""
    if not _ACT_WORDS & set(_WORD_RE.findall(claim.lower())) or not _DIGIT_OR_WORD.search(claim):
        return None
    keys, shown, _, _ = aligned_tokens(claim, claim)
    held = find_quantities(passage)
    reach = _CJK_BOUNDS["reach"]
    for key, kind, word in act_figures(list(keys), list(shown)):
        m = _KEY_RE.match(key)
        if kind != "decided" or not m:
            continue
        value, currency = float(m.group(1)), m.group(2) or None
        same = [q for q in held if abs(q.value - value) < 1e-9 * max(1.0, value) and q.currency == currency]
        marks = [next((b for b in _CJK_BOUNDS["before"] if b in passage[max(0, q.start - reach):q.start]), None)
                 or next((a for a in _CJK_BOUNDS["after"] if passage[q.end:q.end + reach].lstrip().startswith(a)), None)
                 for q in same]
        if same and all(marks):
            return f"binding: the passage gives {same[0].text} as a bound ('{marks[0]}'), the claim of '{word}'"
    return None
