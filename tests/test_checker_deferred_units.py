"""Clause fragments and sentences of never-chosen windows are embedded only when they can change the decision.

A check first embeds the claim and the sentences of the windows that can be chosen (one sentence, or several that
hold claim words the best one lacks). The rest waits: the clause fragments of the best sentence (they can only raise
that sentence's cosine, to at most 1) and sentences that only never-chosen windows hold (their windows' cosines enter
``cos_mean3`` alone). When the window chosen without them stays chosen whatever they are, and the fitted model's
log-odds over every value they allow fall on one side of the threshold (``rag.support.bounds.logit_bounds``, for a
training article with its fold model too), the decision is made without them; otherwise they are embedded and the
check proceeds as before. The decision is always the one the checker makes with every unit embedded; a decided
check is scored at its lower cosines (its score may be lower, on the same side of the threshold). A model without
vetoes (the fitting path, ``evals/fit_checker.py``) always embeds every unit, so fitting rows keep their real features.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.support import SupportChecker
from rag.support.clauses import fragments
from rag.support.features import FEATURES
from rag.support.model import CheckerModel, Logistic

# a long first sentence with clauses (fragments), and sentences around it a claim may or may not draw on
PASSAGE = (
    "Analysts expect the merger to close next spring. "
    "The trade ministry approved the export licences for the three chipmakers on Tuesday, which ends a review "
    "that lasted eleven months, while lawmakers in the opposition demanded a public hearing on the decision. "
    "The chipmakers plan to ship the first orders to customers in Europe before the end of the year. "
    "Shares of the three companies rose sharply in early trading after the announcement. "
    "A spokesman for the ministry declined to comment on the conditions attached to the licences."
)
CLAIMS = [
    # faithful: a clause, the whole sentence, a paraphrase, two sentences together
    "The trade ministry approved the export licences for the three chipmakers on Tuesday.",
    "The trade ministry approved the export licences for the three chipmakers on Tuesday, which ends a review that "
    "lasted eleven months, while lawmakers in the opposition demanded a public hearing on the decision.",
    "Export licences for three chipmakers were approved by the trade ministry on Tuesday.",
    "After the ministry approved the licences, shares of the three chipmakers rose sharply.",
    # unsupported: reversed polarity, a hedged act, an added detail, a swapped speaker, another topic
    "The trade ministry refused the export licences for the three chipmakers on Tuesday.",
    "The trade ministry may approve the export licences for the three chipmakers.",
    "The trade ministry approved the export licences for the three chipmakers, citing national security concerns.",
    "Lawmakers in the opposition approved the export licences for the three chipmakers on Tuesday.",
    "The chipmakers cut their sales forecasts for Europe because of weak demand.",
]


class Recording:
    """The real embedder, keeping every text it is asked to embed."""

    def __init__(self, embed) -> None:
        self.embed, self.texts = embed, []

    def __call__(self, texts):
        self.texts.extend(texts)
        return self.embed(texts)


class EveryUnit(SupportChecker):
    """The checker as it was: every unit embedded before the window is chosen (the reference decisions)."""

    def _bounded_verdict(self, p, vec):  # noqa: D401  (the override is the reference, not a new API)
        return None


@pytest.fixture(scope="module")
def embed():
    from rag.embeddings import MiniLMOnnxEmbedder

    return MiniLMOnnxEmbedder().embed


def no_veto_model() -> CheckerModel:
    n = len(FEATURES)
    coef = np.zeros(n)
    coef[FEATURES.index("cos_window")] = 4.0
    return CheckerModel(FEATURES, Logistic(np.zeros(n), np.ones(n), coef, -2.0), 0.5, (), "unfitted", (), {})


def test_the_passage_has_clause_fragments():
    assert len(fragments(PASSAGE.split(". ")[1])) >= 2


def test_every_decision_is_the_one_made_with_every_unit_embedded(embed):
    pairs = [(c, [PASSAGE]) for c in CLAIMS]
    got = SupportChecker(embed).check_many(pairs)
    want = EveryUnit(embed).check_many(pairs)
    assert [r.supported for r in got] == [r.supported for r in want]
    assert sum(r.supported for r in want) >= 3 and sum(not r.supported for r in want) >= 3  # both kinds are tested
    threshold = SupportChecker(embed).min_support
    for g, w in zip(got, want):
        assert g.spans == w.spans  # the same window chosen
        assert g.reasons[:1] == w.reasons[:1]
        assert (g.score >= threshold) == g.supported


def test_some_checks_are_decided_on_fewer_texts_and_none_embeds_more(embed):
    fewer = 0
    for claim in CLAIMS:
        deferred, reference = Recording(embed), Recording(embed)
        SupportChecker(deferred).check(claim, [PASSAGE])
        EveryUnit(reference).check(claim, [PASSAGE])
        assert set(deferred.texts) <= set(reference.texts)
        fewer += len(set(deferred.texts)) < len(set(reference.texts))
    assert fewer >= 3


def test_a_decided_check_embeds_no_clause_fragment(embed):
    sentence = PASSAGE.split(". ")[1] + "."
    rec = Recording(embed)
    result = SupportChecker(rec).check(CLAIMS[4], [PASSAGE])  # reversed polarity: a vetoed window
    assert result.supported is False and result.reasons[0].startswith("negation mismatch")
    assert not set(fragments(sentence)) & set(rec.texts)


def test_a_model_without_vetoes_embeds_every_unit(embed):
    sentence = PASSAGE.split(". ")[1] + "."
    rec = Recording(embed)
    SupportChecker(rec, model=no_veto_model()).check(CLAIMS[0], [PASSAGE])
    assert set(fragments(sentence)) <= set(rec.texts)
