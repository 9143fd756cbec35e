"""The support checker: best-support window, interpretable signals, a fitted model deciding on them.

This module is the public face (``SupportChecker.check``/``check_many``/``held_out``) and the batching of the
embedder calls; each step is its own module: ``prepare`` (claim and passages ready to check, with ``fact_checks``,
``figures`` and ``text_cache``), ``window_choice`` (cosines, the chosen window), ``window_verdict`` (the chosen
window's signals), ``novelty`` (the claim words the cited text lacks) and ``decision`` (the model's verdict, and the
bounded decision that lets a check stop before embedding its deferred units). ``CascadeChecker`` puts a cheap
checker (static vectors) before the exact one (MiniLM): the exact one decides only what the cheap one is unsure of.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from rag.support.bounds import non_increasing
from rag.support.calibration import WORD_SIM_FULL, WORD_SIM_NONE, EmbedFn, SupportResult
from rag.support.decision import box_decisions, decide, passes, settled
from rag.support.features import FEATURES, Signals, overlap
from rag.support.figures import num_match
from rag.support.model import CheckerModel, Scorer, load_model
from rag.support.noun_synonyms import Similarity, pair_similarity
from rag.support.novelty import novelty_values
from rag.support.prepare import Prepared, prepare
from rag.support.text_cache import window_words
from rag.support.window_choice import Choice, cosines, pick, window_score
from rag.support.window_verdict import NOVELTY_FEATURES, WindowVerdict, window_verdict

_num_match = num_match  # the import path tests/test_checker_number_forms.py uses

VECTOR_CACHE = 20_000  # sentence and word vectors kept across calls (~30 MB): a brief's claims cite the same chunks


class SupportChecker:
    """Check that a claim is supported by the passages it cites (see the package docstring)."""

    def __init__(self, embed: EmbedFn | Any, *, min_support: float | None = None, model: CheckerModel | None = None,
                 word_similarity: bool = True) -> None:
        """``word_similarity``: credit a claim word the passage lacks by its embedding cosine to the passage's
        words (about 40 short embedder inputs per pair, cached across calls). Off, a word counts as novel when
        neither it nor a lexicon synonym is cited: 2x faster, the same out-of-fold balanced accuracy, but the
        ``addition`` signal's precision falls from 0.84 to 0.58 (evals/README.md), so it stays on by default and
        the fitted model assumes it."""
        if not callable(embed) and hasattr(embed, "embed"):
            embed = embed.embed
        if not callable(embed):
            raise TypeError("embed must be a callable texts -> np.ndarray (or an object with .embed)")
        self.model = model or load_model()
        if min_support is None:
            min_support = self.model.threshold
        if not 0.0 <= min_support <= 1.0:
            raise ValueError("min_support must be within 0..1")
        self._embed: EmbedFn = embed
        self._vecs: dict[str, np.ndarray] = {}
        self._monotone: dict[int, bool] = {}  # id(scorer) -> never rises with the novelty features
        self.word_similarity = bool(word_similarity)
        self.min_support = float(min_support)

    @property
    def embed(self) -> EmbedFn:
        """The embedding function the checker scores with (shared with the verifier and timeline)."""
        return self._embed

    # -- public API ---------------------------------------------------------------------------

    def check(self, claim: str, passages: Sequence[str], *, published: str | None = None) -> SupportResult:
        """Is ``claim`` supported by ``passages`` (the texts it cites)? ``published``: their publication date
        (ISO), when known, to read "last year" as a year and "yesterday", "on Monday", "today" or "last week" as
        days (``facts.index_text``, ``relative_dates``)."""
        return self.check_many([(claim, passages)], published=[published])[0]

    def check_many(self, pairs: Sequence[tuple[str, Sequence[str]]], *,
                   published: Sequence[str | None] | None = None) -> list[SupportResult]:
        """Check many (claim, passages) pairs: the claims and the sentences of their choosable windows go to the
        embedder in one call, the clause fragments and other sentences of the pairs the bounds leave undecided in a
        second, then (word similarity) the claims' novel words and their chosen windows' words in a third.
        ``published``: each pair's publication date (ISO or None), when known."""
        dates = list(published) if published is not None else [None] * len(pairs)
        prepared = [self._prepare(claim, passages, day) for (claim, passages), day in zip(pairs, dates, strict=True)]
        live = [p for p in prepared if p.early is None]
        # The sentences of windows that can be chosen come first; clause fragments and sentences that only windows
        # never chosen hold (read for cos_mean3 alone) wait until the bounds below cannot decide without them.
        # Not for a model without vetoes: the fitting path (evals/fit_checker.py) keeps every real feature.
        defer = bool(self.model.veto)
        vec = self._vectors([t for p in live for t in (p.claim, *(p.first if defer else p.units))])
        window_verdicts: dict[int, WindowVerdict | SupportResult] = {}
        bounded: dict[int, SupportResult] = {}
        rest = []
        for p in live:
            if defer and len(p.first) < len(p.units):
                decided = self._bounded_verdict(p, vec)
                if decided is not None:
                    bounded[id(p)] = decided
                else:
                    rest.append(p)
                continue
            window_verdicts[id(p)] = self._chosen_verdict(p, vec)
        if rest:  # the first call's vectors are in the checker's cache: only the deferred units are embedded now
            vec = self._vectors([t for p in rest for t in (p.claim, *p.units)])
            for p in rest:
                window_verdicts[id(p)] = self._chosen_verdict(p, vec)
        # a claim word the cited text lacks is credited by its nearest word of the chosen window (the sentences
        # that carry the claim), not of every candidate window: about half the words to embed. Not at all when the
        # window already decides: a window signal the model vetoes rejects the claim whatever its words' novelty
        # (30% of the embedded chunk pairs of benchmarks/checker.py), and claims across scripts are decided apart.
        # Nor when the novelty cannot move the decision either way: the model never rises with novelty, so a claim
        # supported with every lexically novel word counted novel, or rejected with none, is decided (_novelty_bounded).
        near = {id(p): window_words(v.window.text) for p in live if id(p) in window_verdicts
                and p.lexical_novel and self.word_similarity and isinstance(v := window_verdicts[id(p)], WindowVerdict)
                and not v.vetoed and not self._novelty_bounded(p, v)}
        word_vec = self._vectors([w for p in live if near.get(id(p)) for w in p.lexical_novel + near[id(p)]])
        results = []
        for p in prepared:
            if p.early is not None:
                results.append(p.early)
                continue
            if id(p) in bounded:
                results.append(bounded[id(p)])
                continue
            verdict = window_verdicts[id(p)]
            if isinstance(verdict, SupportResult):
                results.append(verdict)
                continue
            novelty = {w: 0.0 for w in p.words}
            similarity = None
            if p.lexical_novel and id(p) not in near:  # lexical novelty: a claim word the cited text lacks is novel
                novelty.update({w: 1.0 for w in p.lexical_novel})
            elif p.lexical_novel:
                if near[id(p)]:
                    nv = np.stack([word_vec(w) for w in p.lexical_novel])
                    pv = np.stack([word_vec(w) for w in near[id(p)]])
                    best = (nv @ pv.T).max(axis=1)
                else:
                    best = np.zeros(len(p.lexical_novel), dtype=np.float32)
                for w, b in zip(p.lexical_novel, best):
                    novelty[w] = float(np.clip((WORD_SIM_FULL - b) / (WORD_SIM_FULL - WORD_SIM_NONE), 0.0, 1.0))
                similarity = pair_similarity(word_vec, {*p.lexical_novel, *near[id(p)]})
            results.append(self._judge(p, verdict, novelty, words_compared=id(p) in near or not self.word_similarity,
                                       similarity=similarity))
        return results

    def _vectors(self, wanted: Sequence[str]) -> Callable[[str], np.ndarray]:
        """Vectors of ``wanted`` texts: known ones from the checker's cache, the rest in one embedder call."""
        texts: list[str] = []
        pos: dict[str, int] = {}
        cached: dict[str, np.ndarray] = {}  # held here: storing this call's new vectors may evict them
        for t in wanted:
            if t in pos or t in cached:
                continue
            if t in self._vecs:
                cached[t] = self._vecs[t]
            else:
                pos[t] = len(texts)
                texts.append(t)
        vecs = np.asarray(self._embed(texts), dtype=np.float32) if texts else np.zeros((0, 1), np.float32)
        if len(texts) and (vecs.ndim != 2 or vecs.shape[0] != len(texts)):
            raise ValueError(f"embedder returned {vecs.shape[0] if vecs.ndim else 0} rows for {len(texts)} texts")
        for t, i in pos.items():  # cited sentences and words recur across a brief's claims: keep their vectors
            if len(self._vecs) >= VECTOR_CACHE:
                self._vecs.pop(next(iter(self._vecs)))  # oldest first
            self._vecs[t] = vecs[i]

        def vec(t: str) -> np.ndarray:
            return vecs[pos[t]] if t in pos else cached[t]

        return vec

    def held_out(self, result: SupportResult, passages: Sequence[str]) -> SupportResult:
        """``result`` re-scored by the cross-validation model that did not see these passages' article (for
        evaluating on the model's own training rows); ``result`` itself when the article was not training data."""
        if not result.features or len(passages) != 1:
            return result
        fold = self.model.held_out(passages[0])
        if fold is None:
            return result
        return decide(fold, result.features, result.concerns, result, self.model.veto, self.min_support)

    # -- internals ----------------------------------------------------------------------------

    def _prepare(self, claim: str, passages: Sequence[str], published: str | None = None) -> Prepared:
        """``prepare.prepare`` with this checker's vetoes and threshold (a method: the benchmarks time it)."""
        return prepare(claim, passages, published, self.model.veto, self.min_support)

    def _chosen_verdict(self, p: Prepared, vec: Callable[[str], np.ndarray]) -> WindowVerdict | SupportResult:
        """The verdict of the window chosen with every unit's vector in ``vec``."""
        per_window, best_clause = cosines(p, vec)
        return self._window_verdict(p, (pick(p, per_window), per_window, best_clause))

    def _bounded_verdict(self, p: Prepared, vec: Callable[[str], np.ndarray]) -> SupportResult | None:
        """The verdict from the choosable windows' sentences alone (``p.first``), when the units not embedded yet
        cannot change the decision; None otherwise. Those units are clause fragments (they can only raise their
        sentence's cosine, to at most 1) and sentences only in windows that are never chosen (their windows'
        cosines, -1..1, enter ``cos_mean3`` alone). If the window chosen without them stays chosen whatever they
        are, the model's log-odds are bounded over every value they allow (``bounds.logit_bounds``; the novelty
        features between no novel word and every lexically novel one, as in ``_novelty_bounded``); when both
        bounds, for the main model and a training article's fold model, fall on the same side of the threshold
        (or a window signal the model vetoes fires), that is the decision. The verdict is then scored at the
        lower cosines with lexical novelty (the same decision; the score, cosines and ``length_ratio`` are those
        of that point, and no novelty reason is given, as for a decided novelty)."""
        per_lo, _ = cosines(p, vec, set(p.first))
        unknown = np.isnan(per_lo)
        per_lo[unknown] = -1.0
        per_hi = per_lo.copy()
        per_hi[unknown] = 1.0
        clause_windows = [i for i, w in enumerate(p.windows) if len(w.spans) == 1 and w.text in p.fragment_of.values()]
        per_hi[clause_windows] = 1.0
        choice = pick(p, per_lo)
        score = (window_score(float(per_lo[choice]), p.windows[choice]), -choice)
        if any(i != choice and (window_score(1.0, p.windows[i]), -i) > score for i in clause_windows):
            return None  # a clause fragment could make another window the best
        verdict = self._window_verdict(p, (choice, per_lo, {}))
        if not isinstance(verdict, WindowVerdict):
            return None  # claims across scripts: decided on their numbers, with the exact similarity
        lexical = {w: 0.0 for w in p.words} | {w: 1.0 for w in p.lexical_novel}
        at_full = novelty_values(p, verdict, lexical)[0]
        at_none = novelty_values(p, verdict, {})[0] if self.word_similarity else at_full
        lo = dict(at_full)
        hi = dict(at_full)
        for f in NOVELTY_FEATURES:
            lo[f], hi[f] = min(at_full[f], at_none[f]), max(at_full[f], at_none[f])
        singles = [i for i, w in enumerate(p.windows) if len(w.spans) == 1]
        hi["cos_window"] = float(np.clip(per_hi[choice], -1.0, 1.0))
        hi["cos_sentence"] = max(float(per_hi[i]) for i in singles)
        hi["cos_mean3"] = float(np.mean(sorted(per_hi, reverse=True)[:3]))
        if choice in clause_windows:  # measured against one of its clauses, the claim's length ratio is 0..3
            lo["length_ratio"], hi["length_ratio"] = 0.0, 3.0
        scorers = self._scorers(p)
        decisions = box_decisions(scorers, verdict.vetoed, self.model.veto, lo, hi, self.min_support)
        if decisions is None and choice in clause_windows:  # the clauses' own ratios, then
            ratios = [verdict.values["length_ratio"]] + [overlap(p.claim, f, p.full_text)["length_ratio"]
                                                          for f, sent in p.fragment_of.items() if sent == p.windows[choice].text]
            lo["length_ratio"], hi["length_ratio"] = min(ratios), max(ratios)
            decisions = box_decisions(scorers, verdict.vetoed, self.model.veto, lo, hi, self.min_support)
        if decisions is None:
            return None
        result = self._judge(p, verdict, lexical, words_compared=not self.word_similarity)
        if result.supported != decisions[0]:
            return None  # cannot happen for a point inside the bounds; kept so a wrong bound costs time, not a verdict
        return result

    def _scorers(self, p: Prepared) -> list[Scorer]:
        """The main model, and the fold model ``held_out`` re-scores a training article's passage with."""
        scorers = [self.model.main]
        if len(p.passages) == 1 and (fold := self.model.held_out(p.passages[0])) is not None:
            scorers.append(fold)
        return scorers

    def _window_verdict(self, p: Prepared, chosen: Choice) -> WindowVerdict | SupportResult:
        """``window_verdict.window_verdict`` with this checker's vetoes and threshold (the benchmarks time it)."""
        return window_verdict(p, chosen, self.model.veto, self.min_support, self.model.unweighted)

    def _novelty_bounded(self, p: Prepared, verdict: WindowVerdict) -> bool:
        """Is the decision the same whatever the claim words' similarity to the window's words? Word similarity
        only lowers a lexically novel word's novelty (1) towards 0, and a model that never rises with the novelty
        features (``bounds.non_increasing``) decides between those two ends: supported at full novelty, or
        rejected at none, is decided. Checked for the main model and, for a training article, the fold model that
        ``held_out`` re-scores with; never for a model without vetoes (the fitting path keeps every real feature)."""
        if not self.model.veto:
            return False
        scorers = self._scorers(p)
        if not all(self._novelty_monotone(s) for s in scorers):
            return False
        full = Signals(novelty_values(p, verdict, {w: 1.0 for w in p.lexical_novel})[0]).vector()
        none = Signals(novelty_values(p, verdict, {})[0]).vector()
        return all(passes(s, full, self.model.veto, self.min_support) or not passes(s, none, self.model.veto, self.min_support)
                   for s in scorers)

    def _novelty_monotone(self, scorer: Scorer) -> bool:
        key = id(scorer)
        if key not in self._monotone:
            self._monotone[key] = non_increasing(scorer, [FEATURES.index(f) for f in NOVELTY_FEATURES])
        return self._monotone[key]

    def _judge(self, p: Prepared, verdict: WindowVerdict, novelty: dict[str, float], *, words_compared: bool,
               similarity: Similarity | None = None) -> SupportResult:
        """The verdict from the window's signals and the claim words' novelty. ``words_compared`` False: the
        novelty is lexical because the window's signals already decide (a vetoed one, or the novelty's bounds),
        so no novelty reason is given. ``similarity``: the compared words' pairwise cosines (a swapped noun's
        weight)."""
        values, novel_reason = novelty_values(p, verdict, novelty, similarity)
        concerns = list(verdict.concerns)
        if novel_reason and words_compared:
            concerns.append(novel_reason)
        signals = Signals(values)
        base = SupportResult(False, 0.0, round(verdict.similarity, 4), (), verdict.window.text, verdict.window.spans,
                             tuple(signals.vector()), tuple(concerns))
        return decide(self.model.main, base.features, base.concerns, base, self.model.veto, self.min_support)


class CascadeChecker:
    """Cheap then exact (a classifier cascade, Viola & Jones 2001): every pair is checked by ``fast`` (the static
    encoder and its model); its verdict stands when its probability is outside the band ``margins`` (log-odds below,
    above its threshold: ``decision.settled``), for the main model and, for a training article, the fold model that
    ``held_out`` re-scores with; the other pairs are checked by ``exact`` (MiniLM and the shipped model), whose
    verdict (decision, score, spans, reasons) is then returned as it is. A verdict that stands is ``fast``'s own,
    with its own reasons and spans. ``decided`` counts the pairs each stage decided (keys "static", "minilm").

    ``model``, ``min_support`` and ``embed`` are the exact checker's (what a brief's other steps compare against)."""

    def __init__(self, fast: SupportChecker, exact: SupportChecker, margins: tuple[float, float]) -> None:
        if min(margins) < 0:
            raise ValueError("cascade margins must be >= 0 (log-odds)")
        self.fast, self.exact, self.margins = fast, exact, (float(margins[0]), float(margins[1]))
        self.decided = {"static": 0, "minilm": 0}
        self._stage: dict[int, tuple[SupportResult, SupportChecker]] = {}  # id -> (result, the checker that decided)

    @property
    def model(self) -> CheckerModel:
        """The exact checker's model."""
        return self.exact.model

    @property
    def min_support(self) -> float:
        """The exact checker's threshold."""
        return self.exact.min_support

    @property
    def embed(self) -> EmbedFn:
        """The exact checker's embedding function (shared with the verifier and timeline)."""
        return self.exact.embed

    def check(self, claim: str, passages: Sequence[str], *, published: str | None = None) -> SupportResult:
        """``SupportChecker.check`` through the cascade."""
        return self.check_many([(claim, passages)], published=[published])[0]

    def check_many(self, pairs: Sequence[tuple[str, Sequence[str]]], *,
                   published: Sequence[str | None] | None = None) -> list[SupportResult]:
        """``SupportChecker.check_many`` through the cascade: ``fast`` on every pair, ``exact`` on the unsettled."""
        dates = list(published) if published is not None else [None] * len(pairs)
        results = self.fast.check_many(pairs, published=dates)
        unsure = [i for i, (res, (_, passages)) in enumerate(zip(results, pairs)) if not self._settled(res, passages)]
        exact = self.exact.check_many([pairs[i] for i in unsure], published=[dates[i] for i in unsure]) if unsure else []
        for i, res in zip(unsure, exact):
            results[i] = res
        self.decided["static"] += len(pairs) - len(unsure)
        self.decided["minilm"] += len(unsure)
        escalated = set(unsure)
        for i, res in enumerate(results):  # held_out's lookup; bounded as the vector cache is
            if len(self._stage) >= VECTOR_CACHE:
                self._stage.pop(next(iter(self._stage)))
            self._stage[id(res)] = (res, self.exact if i in escalated else self.fast)
        return results

    def held_out(self, result: SupportResult, passages: Sequence[str]) -> SupportResult:
        """``result`` re-scored by the fold model of the checker that decided it (``SupportChecker.held_out``)."""
        held = self._stage.get(id(result))
        checker = held[1] if held is not None and held[0] is result else self.exact
        return checker.held_out(result, passages)

    def _settled(self, res: SupportResult, passages: Sequence[str]) -> bool:
        """Does ``fast``'s verdict stand: outside the band for the main model and a training article's fold model."""
        scores = [res.score] + ([h.score] if (h := self.fast.held_out(res, passages)) is not res else [])
        return all(settled(s, self.fast.min_support, self.margins) for s in scores)
