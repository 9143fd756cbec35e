"""The claim words' novelty: how many of them, weighted 0..1, the cited text does not state, and the features
and reason that follow (an unsupported addition when a clause of the claim is mostly novel)."""

from __future__ import annotations

from rag.support.calibration import CLAUSE_FAIL_SHARE, MIN_NOVEL_WORDS, NOVEL_FAIL_SHARE
from rag.support.clauses import clauses
from rag.support.facts import content_words
from rag.support.noun_synonyms import Similarity, copied_swaps, field_swaps, swap_weights
from rag.support.prepare import Prepared
from rag.support.window_verdict import WindowVerdict


def novelty_counts(p: Prepared, novelty: dict[str, float]) -> tuple[float, float, str | None, bool]:
    """(weighted novel share, weighted novel count, reason, a clause is an addition) of the claim's words for
    ``novelty`` (claim word -> 0..1; absent: 0)."""
    assert p.facts is not None
    words = list(p.words)
    total = sum(novelty.get(w, 0.0) for w in words)
    share = total / len(words) if words else 0.0
    novel_words = [w for w in words if novelty.get(w, 0.0) >= 0.5]
    reason = "unsupported content: " + ", ".join(novel_words) if novel_words else None
    if total >= MIN_NOVEL_WORDS and share > NOVEL_FAIL_SHARE:
        return share, total, reason, True
    claim_clauses = clauses(p.facts.masked)
    if len(claim_clauses) > 1:
        for clause in claim_clauses:
            cw = list(dict.fromkeys(content_words(clause)))
            cn = sum(novelty.get(w, 0.0) for w in cw)
            if cn >= MIN_NOVEL_WORDS and cn / len(cw) >= CLAUSE_FAIL_SHARE:
                added = [w for w in cw if novelty.get(w, 0.0) >= 0.5]
                return share, total, "unsupported addition: " + ", ".join(added), True
    return share, total, reason, False


def novelty_values(p: Prepared, verdict: WindowVerdict, novelty: dict[str, float],
                   similarity: Similarity | None = None) -> tuple[dict[str, float], str | None]:
    """The window's feature values with the novelty ones for ``novelty`` (claim word -> 0..1; absent: 0), and
    the novelty reason; ``similarity``: word-pair cosines that weigh a swapped noun (``swap_weights``)."""
    share, total, novel_reason, addition = novelty_counts(p, novelty)
    values = {**verdict.values, "novel_share": share, "novel_count": total, "addition": float(addition),
              "copied_swap": 0.0}
    if values.get("noun_swap"):  # a swapped noun near a word of the window is a synonym the lexicon lacks
        weights, copy = swap_weights(p.claim, verdict.window.text, verdict.window.sentences, p.full_text, novelty,
                                       p.lexical_novel, similarity)
        values["noun_swap"] = float(sum(weights))
        # an edited copy about another thing, or a reworded claim that puts another noun of the replaced one's field
        of_field = field_swaps(p.claim, verdict.window.text, verdict.window.sentences, p.full_text) if not copy else 0
        values["copied_swap"] = copied_swaps(weights, copy, of_field)
    return values, novel_reason
