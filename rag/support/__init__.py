"""Claim-level support checking: is a brief's claim backed by the passage(s) it cites?

No NLI model is available offline, so the checker combines cheap, interpretable signals with a small fitted model:

1. **The best support window** (``windows``). Every cited passage — a chunk or a whole article, one path — is
   split into sentences; a lexical pre-selection (idf-weighted claim words, shared numbers) keeps the best few,
   which are read alone, with their neighbours (2-3 adjacent sentences) and in pairs. Only those sentences are
   embedded; the window that reads most like the claim (cosine) and holds most of its rare words is chosen,
   and its spans are returned (``SupportResult.spans``).
2. **Signals** (``features``), each with a reason when it argues against support: numbers read by
   ``rag.text.numbers`` with scale, currency and unit ("$1.2tn" is not "¥1.2tn"; "4,760億円" is "476 billion
   yen"), dates (a dated passage's "yesterday" or "on Monday" as its day: ``relative_dates``), compass
   directions, named entities (countries normalised, organisations, people, acronyms), claim names the passage
   uses outside the window, polarity against the window (negation scopes, affixal negation, antonymous
   predicates, unfulfilled verbs: "has yet to", "stopped short of", "denied reports that"; an act told as a noun,
   "has yet to bring charges" or "without suspension", as its verb: ``nominal_acts``, ``deverbal``; the window
   sentence about the claim's subject when its sentences disagree: ``subject_sentence``; "Like X" against
   "Unlike X": ``comparisons``), open questions ("examined whether X posed": ``embedded_questions``), an act
   ordered the other way ("after selling" for "before selling": ``order_swaps``), modality ("plans to buy" for "bought"), role
   swaps (two names on opposite sides of the same verb), novel content words weighted by word-level similarity,
   embedding cosines, lexical overlap (content-word recall, bigram recall, ROUGE-L), how close the claim is to a
   copy of its best sentence (aligned share, tokens a copy would change: ``edits``; a place is one token however
   it is named, "Seoul" for "South Korea": ``metonymy``), durations in other units ("18 months", "a year and a half": ``durations``), and figures bound to another year or name than the
   window gives them (``bindings``).
3. **The fitted model** (``model``): small gradient-boosted trees over the signals (each monotone in its
   expected direction; a logistic regression is the other ``kind``), fitted by
   ``python -m evals.fit_checker`` on the fittable data with grouped cross-validation, stored as
   ``rag/support/data/checker_model.json`` (hash in provenance). ``score`` is its calibrated probability of
   support; the threshold is the centre of the plateau of the mean per-source out-of-fold balanced accuracy
   (averaged over five cross-validation splits, smoothed) among thresholds that keep supported recall >= 0.95 on
   every fittable source (``fit_checker.threshold_rule``, curve in the model file); signals that were (almost) always right
   in the fit data when they fired are vetoes. An unsupported verdict names the failing signal(s).

A claim and a cited text in different scripts (an English claim on a Chinese article) cannot be compared
word by word with the English embedder; such a pair is judged on its numbers alone (all must be cited
with their currency and unit, at least one must exist) and scores the threshold at most.

The embedder is injected (``Callable[[Sequence[str]], np.ndarray]`` returning unit-norm rows, or any
object with an ``embed`` method), so the logic is testable and the module has no model of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.support.checker import SupportChecker, SupportResult

__all__ = ["SupportResult", "SupportChecker"]


def __getattr__(name: str) -> Any:
    """``SupportChecker``/``SupportResult`` imported on first use (PEP 562): importing a submodule such as
    ``rag.support.model`` (for its hash, from the settings) must not import the checker and its word classes."""
    if name in __all__:
        from rag.support import checker

        return getattr(checker, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
