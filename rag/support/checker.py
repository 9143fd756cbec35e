"""The support checker: similarity + hard consistency checks + unsupported-addition penalty."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np

from rag.support.calibration import (
    CLAUSE_FAIL_SHARE,
    HARD_FAIL_CAP,
    MAX_PASSAGE_WORDS,
    MIN_NOVEL_WORDS,
    NOVEL_FAIL_SHARE,
    NOVELTY_WEIGHT,
    OUTSIDE_WINDOW_PENALTY,
    SIM_POINTS,
    WORD_SIM_FULL,
    WORD_SIM_NONE,
    EmbedFn,
    SupportResult,
)
from rag.support.clauses import clauses, fragments
from rag.support.facts import (
    claim_entities,
    content_words,
    entity_problem,
    extract_facts,
    Facts,
    index_text,
    _Num,
    TextIndex,
    word_covered,
    _num_kind_ok,
)
from rag.support.polarity import polarity, polarity_conflict
from rag.support.text import _CITATION_RE
from rag.text.dates import MONTH_NAMES
from rag.text.normalize import compat_form
from rag.text.places import covers
from rag.text.sentences import split_sentences

# --------------------------------------------------------------------------------------------
# The checker
# --------------------------------------------------------------------------------------------


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CROSS_SCRIPT_SCORE = 0.5  # the default threshold: facts agree, wording unchecked


def _cjk_share(text: str) -> float:
    """Share of CJK characters (Han, kana, Hangul) among the letters of a text (0 when it has none)."""
    cjk = len(_CJK_RE.findall(text))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return cjk / (cjk + latin) if cjk + latin else 0.0


def _sim_to_score(sim: float) -> float:
    pts = SIM_POINTS
    if sim <= pts[0][0]:
        return 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if sim <= x1:
            return y0 + (y1 - y0) * (sim - x0) / (x1 - x0)
    return 1.0


def _sig_digits(value: float) -> int:
    """Significant digits of a number as written: 2.6e6 -> 2, 2.63e6 -> 3, 200 -> 1, 203 -> 3."""
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return max(1, len(digits))


def _num_match(num: _Num, cands: Iterable[_Num]) -> bool:
    """Does a cited number state the claim's amount: the same value (or a hedged rounding), currency and unit?"""
    for c in cands:
        if not _num_kind_ok(num, c):
            continue
        v = c.value
        if math.isclose(num.value, v, rel_tol=1e-9, abs_tol=1e-9):
            return True
        # "about 2.6 million" for 2.63 million: a hedged claim may round, but only to a rounder number.
        if num.hedged and v and abs(num.value - v) / abs(v) <= 0.1 and _sig_digits(num.value) < _sig_digits(v):
            return True
    return False


def _number_reason(num: _Num, cands: Sequence[_Num]) -> str:
    """Why a claim's number failed, naming the nearest cited number: the same amount in another currency or
    unit, or the same currency at another power of ten ("number 1.2 trillion dollars vs 1.2 trillion yen")."""
    for c in cands:
        if math.isclose(num.value, c.value, rel_tol=1e-9) and not _num_kind_ok(num, c):
            return f"number {num.name} vs {c.name}"
    for c in cands:
        if c.value and num.value and (c.currency or c.unit) and _num_kind_ok(num, c):
            ratio = math.log10(abs(num.value / c.value))
            if abs(ratio - round(ratio)) < 1e-9 and round(ratio) != 0:
                return f"number {num.name} vs {c.name}"
    return f"number {num.name} not in cited text"


@dataclass
class _Prepared:
    claim: str
    units: list[str]  # sentences, 2-sentence windows and clause fragments
    unit_is_sentence: list[bool]
    early: SupportResult | None
    full: TextIndex | None = None
    facts: Facts | None = None
    words: tuple[str, ...] = ()  # content words of the claim
    lexical_novel: tuple[str, ...] = ()  # claim words the cited text does not contain (even as a synonym)
    passage_words: tuple[str, ...] = ()  # content words of the cited text (for word-level similarity)


def _early(claim: str, reason: str) -> _Prepared:
    return _Prepared(claim, [], [], SupportResult(False, 0.0, 0.0, (reason,), None))


class SupportChecker:
    """Check that a claim is supported by the passages it cites (see the module docstring)."""

    def __init__(self, embed: EmbedFn | Any, *, min_support: float = 0.5) -> None:
        if not callable(embed) and hasattr(embed, "embed"):
            embed = embed.embed
        if not callable(embed):
            raise TypeError("embed must be a callable texts -> np.ndarray (or an object with .embed)")
        if not 0.0 <= min_support <= 1.0:
            raise ValueError("min_support must be within 0..1")
        self._embed: EmbedFn = embed
        self.min_support = float(min_support)

    @property
    def embed(self) -> EmbedFn:
        """The embedding function the checker scores with (shared with the verifier and timeline)."""
        return self._embed

    # -- public API ---------------------------------------------------------------------------

    def check(self, claim: str, passages: Sequence[str]) -> SupportResult:
        """Is ``claim`` supported by ``passages`` (the texts it cites)?"""
        return self.check_many([(claim, passages)])[0]

    def check_many(self, pairs: Sequence[tuple[str, Sequence[str]]]) -> list[SupportResult]:
        """Check many (claim, passages) pairs; all texts go to the embedder in a single call."""
        prepared = [self._prepare(claim, passages) for claim, passages in pairs]
        texts: list[str] = []
        pos: dict[str, int] = {}

        def add(t: str) -> None:
            if t not in pos:
                pos[t] = len(texts)
                texts.append(t)

        for p in prepared:
            if p.early is None:
                add(p.claim)
                for u in p.units:
                    add(u)
                if p.lexical_novel:
                    for w in p.lexical_novel + p.passage_words:
                        add(w)
        vecs = np.asarray(self._embed(texts), dtype=np.float32) if texts else np.zeros((0, 1), np.float32)
        if len(texts) and (vecs.ndim != 2 or vecs.shape[0] != len(texts)):
            raise ValueError(f"embedder returned {vecs.shape[0] if vecs.ndim else 0} rows for {len(texts)} texts")
        results = []
        for p in prepared:
            if p.early is not None:
                results.append(p.early)
                continue
            sims = vecs[[pos[u] for u in p.units]] @ vecs[pos[p.claim]]
            novelty = {w: 0.0 for w in p.words}
            if p.lexical_novel:
                if p.passage_words:
                    nv = vecs[[pos[w] for w in p.lexical_novel]]
                    pv = vecs[[pos[w] for w in p.passage_words]]
                    best = (nv @ pv.T).max(axis=1)
                else:
                    best = np.zeros(len(p.lexical_novel), dtype=np.float32)
                for w, b in zip(p.lexical_novel, best):
                    novelty[w] = float(np.clip((WORD_SIM_FULL - b) / (WORD_SIM_FULL - WORD_SIM_NONE), 0.0, 1.0))
            results.append(self._judge(p, sims, novelty))
        return results

    # -- internals ----------------------------------------------------------------------------

    def _prepare(self, claim: str, passages: Sequence[str]) -> _Prepared:
        if isinstance(passages, str):
            passages = [passages]
        claim_n = re.sub(r"\s+", " ", _CITATION_RE.sub(" ", compat_form(claim or ""))).strip()
        texts = [compat_form(p) for p in (passages or []) if isinstance(p, str) and p.strip()]
        if not re.search(r"\w", claim_n):
            return _early(claim_n, "empty claim")
        if not texts:
            return _early(claim_n, "no cited passages")
        units: list[str] = []
        is_sent: list[bool] = []
        seen: set[str] = set()
        for passage in texts:
            sents = [re.sub(r"\s+", " ", s.flat) for s in split_sentences(passage)]
            sents = sents or [re.sub(r"\s+", " ", passage).strip()]
            for k, sent in enumerate(sents):
                cands: list[tuple[str, bool]] = [(sent, True)]
                if k + 1 < len(sents):
                    cands.append((sent + " " + sents[k + 1], False))
                cands.extend((f, False) for f in fragments(sent))
                for u, flag in cands:
                    if u and u not in seen:
                        seen.add(u)
                        units.append(u)
                        is_sent.append(flag)
        if not units:
            return _early(claim_n, "no cited passages")
        full = index_text("\n".join(texts))
        facts = extract_facts(claim_n, claim=True)
        words = tuple(dict.fromkeys(content_words(facts.masked)))
        novel = tuple(w for w in words if not word_covered(w, full))
        passage_words: tuple[str, ...] = ()
        if novel:
            passage_words = tuple(dict.fromkeys(content_words(full.facts.masked)))[:MAX_PASSAGE_WORDS]
        return _Prepared(claim_n, units, is_sent, None, full, facts, words, novel, passage_words)

    def _judge_cross_script(self, p: _Prepared, reasons: list[str], similarity: float, best_text: str) -> SupportResult:
        """A claim and a cited text in different scripts (English claim, Chinese article): the embedder (English
        MiniLM) and the word and name checks cannot compare the wording, so the verdict rests on what is
        language-independent: every number of the claim must be cited with its currency and unit, and there
        must be at least one. Such support is weak by construction: the score is _CROSS_SCRIPT_SCORE."""
        assert p.facts is not None
        if not p.facts.numbers:
            reasons.append("claim and cited text are in different scripts and the claim has no number to check")
        for mo in sorted(p.facts.months):  # CJK dates are not compared with English month names yet
            reasons.append(f"month '{MONTH_NAMES[mo]}' cannot be checked across scripts")
        score = HARD_FAIL_CAP if reasons else _CROSS_SCRIPT_SCORE
        supported = not reasons and score >= self.min_support
        return SupportResult(supported, score, round(similarity, 4), tuple(reasons), best_text)

    def _judge(self, p: _Prepared, sims: np.ndarray, novelty: dict[str, float]) -> SupportResult:
        assert p.full is not None and p.facts is not None
        claim, full, cf = p.claim, p.full, p.facts
        best = int(np.argmax(sims))
        similarity = float(np.clip(sims[best], -1.0, 1.0))
        best_text = p.units[best]
        sent_idx = [i for i, f in enumerate(p.unit_is_sentence) if f]
        best_sent = max(sent_idx, key=lambda i: (float(sims[i]), -i)) if sent_idx else best
        window = index_text(best_text)
        reasons: list[str] = []
        factor = 1.0

        # Numbers and identifiers.
        for num in cf.numbers:
            if not _num_match(num, full.facts.numbers):
                reasons.append(_number_reason(num, full.facts.numbers))
            elif not _num_match(num, window.facts.numbers):
                factor *= OUTSIDE_WINDOW_PENALTY
        for code in sorted(cf.codes):
            if code not in full.facts.codes and code not in full.tokens:
                reasons.append(f"identifier '{code}' not in cited text")
        if _cjk_share(claim) < 0.5 <= _cjk_share(full.lower_text) or _cjk_share(full.lower_text) < 0.5 <= _cjk_share(claim):
            return self._judge_cross_script(p, reasons, similarity, best_text)
        # Dates.
        for mo, d in sorted(cf.month_days):
            if (mo, d) not in full.facts.month_days:
                reasons.append(f"date '{MONTH_NAMES[mo]} {d}' not in cited text")
        for mo, y in sorted(cf.month_years):
            if (mo, y) not in full.facts.month_years:
                reasons.append(f"date '{MONTH_NAMES[mo]} {y}' not in cited text")
        for mo in sorted(cf.months - {m for m, _ in cf.month_days} - {m for m, _ in cf.month_years}):
            if mo not in full.facts.months:
                reasons.append(f"month '{MONTH_NAMES[mo]}' not in cited text")
        for direction in sorted(cf.directions - full.facts.directions):
            reasons.append(f"direction '{direction}' not in cited text")
        for wd in sorted(cf.weekdays):
            if wd not in full.facts.weekdays:
                reasons.append(f"weekday '{wd.capitalize()}' not in cited text")
        # Entities: countries first (normalised), then names.
        for key, surface in cf.countries.items():
            if not any(covers(found, key) for found in full.facts.countries):
                reasons.append(f"entity '{surface}' not in cited text")
            elif not any(covers(found, key) for found in window.facts.countries):
                factor *= OUTSIDE_WINDOW_PENALTY
        for ent in claim_entities(claim, cf.masked):
            problem = entity_problem(ent, full)
            if problem:
                reasons.append(f"entity '{problem}' not in cited text")
        # Polarity against the best-matching sentence.
        conflict = polarity_conflict(polarity(claim), polarity(p.units[best_sent]))
        if conflict:
            reasons.append(conflict)
        # Unsupported additions: novelty is 0 for words in the text (or a synonym), up to 1 for words
        # unlike any word of the cited text.
        words = list(p.words)
        total_novelty = sum(novelty.get(w, 0.0) for w in words)
        share = total_novelty / len(words) if words else 0.0
        novel_words = [w for w in words if novelty.get(w, 0.0) >= 0.5]
        if total_novelty >= MIN_NOVEL_WORDS and share > NOVEL_FAIL_SHARE:
            reasons.append("unsupported content: " + ", ".join(novel_words))
        else:
            claim_clauses = clauses(cf.masked)
            if len(claim_clauses) > 1:
                for clause in claim_clauses:
                    cw = list(dict.fromkeys(content_words(clause)))
                    cn = sum(novelty.get(w, 0.0) for w in cw)
                    if cn >= MIN_NOVEL_WORDS and cn / len(cw) >= CLAUSE_FAIL_SHARE:
                        added = [w for w in cw if novelty.get(w, 0.0) >= 0.5]
                        reasons.append("unsupported addition: " + ", ".join(added))
                        break

        score = _sim_to_score(similarity) * (1.0 - NOVELTY_WEIGHT * share) * factor
        score = float(np.clip(score, 0.0, 1.0))
        if reasons:
            score = min(score, HARD_FAIL_CAP)
        elif score < self.min_support:
            reasons.append(f"weak support (similarity {similarity:.2f}, novel words {len(novel_words)}/{len(words)})")
        supported = not reasons and score >= self.min_support
        return SupportResult(supported, round(score, 4), round(similarity, 4), tuple(reasons), best_text)
