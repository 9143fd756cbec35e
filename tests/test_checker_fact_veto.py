"""A claim whose number, identifier, date or entity the whole cited text lacks is rejected before any embedding.

Such a failure is a veto of the fitted model (``checker_model.json``, ``veto``): no window and no probability can
make the claim supported, so the checker skips the encoder (about 90 % of a check) and says why. Claims the facts
do not decide, and a model without vetoes (what ``evals/fit_checker.py`` fits with), take the full path.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.support import SupportChecker
from rag.support.calibration import FACT_VETO_SCORE
from rag.support.features import FEATURES
from rag.support.model import CheckerModel, Logistic

PASSAGE = (
    "The ministry approved 12 new licences for battery makers on Tuesday. "
    "Officials in Seoul said the permits cover plants in Ulsan and Pohang. "
    "Samsung SDI received three of them, according to the filing."
)

# (claim, the reason's start): one of each fact kind the whole passage lacks
FAILING = [
    ("The ministry approved 15 new licences for battery makers.", "number 15"),
    ("The ministry approved 12 new licences for battery makers in March.", "month 'March'"),
    ("The ministry approved 12 new licences for battery makers on Friday.", "weekday 'Friday'"),
    ("LG Energy Solution received three of the new licences, according to the filing.", "entity"),
    ("The ministry approved 12 new licences, filing KR-2291 said.", "identifier 'kr2291'"),
]


class Counting:
    """An embedder that counts the texts it is asked for (unit vectors, deterministic)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, texts):
        self.texts.extend(texts)
        rng = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=8) for t in texts]
        return np.asarray([v / np.linalg.norm(v) for v in rng], dtype=np.float32).reshape(len(texts), 8)


@pytest.mark.parametrize("claim,reason", FAILING)
def test_a_missing_fact_rejects_without_embedding(claim, reason):
    embed = Counting()
    checker = SupportChecker(embed)
    result = checker.check(claim, [PASSAGE])
    assert result.supported is False
    assert result.reasons[0].startswith(reason)
    assert embed.texts == []  # not even the claim
    assert result.score == pytest.approx(min(FACT_VETO_SCORE, checker.min_support * 0.98))
    assert result.score < checker.min_support
    # the supporting sentence shown is the best lexical match, a real span of the passage
    assert result.spans and PASSAGE[result.spans[0].start : result.spans[0].end] == result.best_sentence


def test_claims_the_facts_do_not_decide_are_embedded():
    embed = Counting()
    SupportChecker(embed).check("Three of the licences went to Samsung SDI, the filing showed.", [PASSAGE])
    assert embed.texts and embed.texts[0].startswith("Three of the licences")


def test_in_a_batch_only_the_undecided_pairs_reach_the_embedder():
    embed = Counting()
    results = SupportChecker(embed).check_many(
        [(FAILING[0][0], [PASSAGE]), ("Officials in Seoul said the permits cover plants in Ulsan and Pohang.", [PASSAGE])])
    assert results[0].supported is False and results[0].reasons[0].startswith("number 15")
    assert FAILING[0][0] not in embed.texts and "Officials in Seoul said the permits cover plants in Ulsan and Pohang." in embed.texts


def test_a_model_without_vetoes_gets_every_feature():
    """Fitting (evals/fit_checker.py) scores with a neutral model without vetoes: every row has its features."""
    neutral = CheckerModel(FEATURES, Logistic(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), np.zeros(len(FEATURES)), 0.0),
                           0.5, (), "unfitted", (), {})
    embed = Counting()
    result = SupportChecker(embed, model=neutral).check(FAILING[0][0], [PASSAGE])
    assert embed.texts and len(result.features) == len(FEATURES)
    assert result.features[FEATURES.index("number_fail")] == 1.0
