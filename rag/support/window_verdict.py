"""The chosen window's verdict: every signal the window gives (hard checks, polarity — with the subject's own sentence
and like/unlike comparisons —, names, roles, modality, questions, scope, outdated figures, near-copy edits, acts
ordered the other way, word overlap) before the claim words' novelty is known."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rag.support.amount_heads import amount_swap
from rag.support.calibration import SupportResult
from rag.support.clause_subjects import other_clause, other_clause_figure
from rag.support.comparisons import comparison_conflict
from rag.support.converse_directions import restated_relation
from rag.support.embedded_questions import embedded_question
from rag.support.act_bindings import cjk_bound_figure
from rag.support.cjk_counters import counter_swaps
from rag.support.fact_checks import cross_script_verdict, cross_scripts, fact_checks, hard_checks, reason_feature
from rag.support.features import (
    earlier_figure,
    figure_sentences,
    names_outside,
    overlap,
    passage_names,
    polarity_snippet,
    question,
    role_swap,
    scope_mismatch,
    window_signals,
    word_reasons,
)
from rag.support.figures import outdated_figure
from rag.support.modality import modality_mismatch
from rag.support.office_titles import office_mismatch
from rag.support.order_swaps import order_swap
from rag.support.polarity import polarity, polarity_conflict
from rag.support.relation_directions import inverted_relation
from rag.support.title_qualifiers import dropped_qualifier
from rag.support.prepare import Prepared
from rag.support.subject_sentence import subject_sentence_conflict
from rag.support.text_cache import window_index
from rag.support.window_choice import Choice
from rag.support.windows import Window


@dataclass
class WindowVerdict:
    """The chosen window's signals before the claim words' novelty is known."""

    window: Window
    similarity: float
    values: dict[str, float]  # feature values but the novelty ones (NOVELTY_FEATURES)
    concerns: list[str]
    vetoed: bool  # a signal the model vetoes fires: the claim is rejected whatever its words' novelty


# Features that depend on the claim words' novelty (word similarity); every other one is known from the window.
# ``noun_swap`` and ``copied_swap`` are weighed by their claim words' novelty (``noun_synonyms``).
NOVELTY_FEATURES = frozenset({"novel_share", "novel_count", "addition", "noun_swap", "copied_swap"})


def window_verdict(p: Prepared, chosen: Choice, veto: tuple[str, ...], min_support: float,
                   unweighted: frozenset[str] = frozenset()) -> WindowVerdict | SupportResult:
    """Every signal of the chosen window but the claim words' novelty (which needs word vectors), or the
    verdict of a claim across scripts (decided on its numbers alone). ``veto``: the model's vetoed features;
    ``min_support``: the decision threshold (0..1); ``unweighted``: features the model was fitted without, whose
    reasons are not given (they decide nothing)."""
    choice, per_window, best_clause = chosen
    window = p.windows[choice]
    similarity = float(np.clip(per_window[choice], -1.0, 1.0))
    if choice not in p.signals:
        p.signals[choice] = window_features(p, window, unweighted)
    signals = p.signals[choice]
    if isinstance(signals, list):  # claims across scripts: the reasons of the number checks
        return cross_script_verdict(p.facts, list(signals), similarity, window, min_support, p.full_text)
    known, concerns = signals
    singles = sorted((float(per_window[i]) for i, w in enumerate(p.windows) if len(w.spans) == 1), reverse=True)
    values: dict[str, float] = {
        "cos_window": similarity, "cos_sentence": singles[0] if singles else similarity,
        "cos_mean3": float(np.mean(sorted(per_window, reverse=True)[:3])), **known,
    }
    # a claim about one clause of a long sentence is as long as that clause, not the sentence
    clause = best_clause.get(window.text) if len(window.spans) == 1 else None
    if clause is not None:
        values["length_ratio"] = overlap(p.claim, clause, p.full_text)["length_ratio"]
    vetoed = any(values.get(f, 0.0) > 0 for f in veto if f not in NOVELTY_FEATURES)
    return WindowVerdict(window, similarity, values, list(concerns), vetoed)


def window_features(p: Prepared, window: Window, unweighted: frozenset[str] = frozenset()) -> tuple[dict[str, float], list[str]] | list[str]:
    """The window's feature values but the cosines (its own ``length_ratio``) and the novelty, with the concerns
    (none from the ``unweighted`` features); for a claim across scripts, the reasons of its number checks instead."""
    assert p.full is not None and p.facts is not None
    claim = p.claim
    win_index = window_index(window.text, p.published)
    hard, num_outside = hard_checks(p.facts, p.full, win_index)
    if cross_scripts(claim, p.full.lower_text):
        bound = cjk_bound_figure(claim, p.full_text)  # "sentenced to 15 years" over "최대 징역 15년"
        return hard + counter_swaps(claim, p.full_text) + ([bound] if bound else [])  # "34 pieces" over "업체 34곳"
    facts_reasons, country_outside = fact_checks(claim, p.facts, p.full, win_index)
    hard += facts_reasons
    if moved := amount_swap(claim, p.full_text):  # "give ¥280 billion" for "give ¥95 bn toward a ¥280 bn plant"
        hard.append(moved)
    conflict, said_in = polarity_conflict(polarity(claim), polarity(window.text)), window.text
    if not conflict and (own := subject_sentence_conflict(claim, window.sentences)):  # the subject's own sentence
        conflict, said_in = own
    conflict = conflict or comparison_conflict(claim, window.text)  # "Like Micron" against "Unlike Micron"
    if conflict:
        lemma = conflict.split("'")[1] if conflict.startswith("negation mismatch on '") else None
        snippet = polarity_snippet(said_in, lemma) if lemma else None
        hard.append(f"{conflict} (passage says '{snippet}')" if snippet else conflict)
    values: dict[str, float] = {"lexical_window": window.lexical, "number_outside": float(num_outside + country_outside)}
    values.update(overlap(claim, window.text, p.full_text))
    for r in hard:
        key = reason_feature(r)
        if key:
            values[key] = values.get(key, 0.0) + 1.0
    concerns: list[str] = list(hard)
    outside = names_outside(claim, window.text, p.full_text)
    values["name_outside"] = float(len(outside))
    modal = modality_mismatch(claim, window.text)
    values["modality"] = float(modal is not None)
    # a relation restated from its other end ("Chicago is 25 miles south of Highland Park") swaps its ends by design
    names = passage_names(p.full_text) | cased_names(claim)
    swap = None if restated_relation(claim, window.text) else role_swap(claim, window.text, names, p.full_text)
    swap = swap or dropped_qualifier(claim, window.text)  # "former president" for "former vice president"
    swap = swap or office_mismatch(claim, p.full_text)  # "finance minister" for "Minister of Mining"
    swap = swap or inverted_relation(claim, p.full_text)  # "A, a subsidiary of B" for "B, a joint venture of A"
    swap = swap or other_clause(claim, p.full_text)  # "Jeon was indicted without detention" for "the other three were"
    swap = swap or other_clause_figure(claim, p.full_text)  # "Kiso would hold 51%" for "..., and Wuxi would hold 51%"
    values["role_swap"] = float(swap is not None)
    asked = question(claim, window.text) or embedded_question(claim, window.text)  # "examined whether X posed"
    values["question"] = float(asked is not None)
    scope = scope_mismatch(claim, window.text)
    values["scope"] = float(scope is not None)
    # a claim that itself gives a figure as the earlier one ("up from 1.23 million") does not restate it as current
    current = [n for n in p.facts.numbers if not earlier_figure(claim, n.surface)]
    stale = outdated_figure(current, win_index.facts.numbers, window.text, claim)
    # ... or in the passage sentence that holds a claim figure the window lacks ("The company initially said about
    # 12,000 vehicles were affected, but it later raised the number to 31,000", the chosen window the recall's own)
    stale = stale or next((r for s in figure_sentences(claim, window.text, p.full_text)
                           if (r := outdated_figure(current, window_index(s, p.published).facts.numbers, s, claim))), None)
    values["stale"] = float(stale is not None)
    concerns += [c for c in (modal, swap, asked, scope, stale) if c]
    copied = window_signals(claim, window.text, win_index, p.full, window.sentences,  # near-copy edits, bindings, speaker, ...
                            passage_names(p.full_text), p.full_text)
    values.update(copied.values)
    concerns += [r for k, r in copied.reasons.items() if k not in unweighted]
    if order := order_swap(claim, window.text):  # "after selling" for "before selling": the time signal
        values["time_shift"] = 1.0
        concerns.append(order)
    if outside:
        concerns.append("name not in the supporting sentence: " + ", ".join(outside))
    concerns += [r for r in word_reasons(claim, window.text, p.full_text) if not (outside and r.startswith("words from"))]
    return values, merged(concerns)


def merged(concerns: list[str]) -> list[str]:
    """``concerns`` with a modality reason that a later one extends (``modality_mismatch``'s "modality: passage says
    'could begin'" and ``hedge_dropped``'s "…, the claim copies it without the hedge") said once, the longer one in
    the earlier one's place."""
    out = list(concerns)
    for c in (c for c in concerns if c.startswith("modality:")):
        longer = next((d for d in out if d.startswith(c + ", ")), None)
        if longer is not None and c in out:
            out.remove(longer)
            out[out.index(c)] = longer
    return out


def cased_names(claim: str) -> frozenset[str]:
    """Words the claim itself capitalises inside the sentence (names, when the claim is not lower-cased)."""
    return passage_names(claim)
