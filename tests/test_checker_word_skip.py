"""Word similarity runs only where it can change the verdict.

A claim word the cited text lacks is credited by its embedding cosine to the chosen window's words: about 20 single
words per pair, a fifth of an embedded pair's encoder work (benchmarks/README.md, support checker). When a window
signal the fitted model vetoes (polarity, modality, speaker, ...) already rejects the claim, no novelty can make it
supported, so those words are not embedded; the novelty features are then lexical (a claim word the cited text
lacks counts as novel) and no novelty reason is given, since the words were not compared. A model without vetoes
(what ``evals/fit_checker.py`` fits with) always compares them, so every fitting row has its real features.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.support import SupportChecker
from rag.support.features import FEATURES
from rag.support.model import CheckerModel, Logistic

PASSAGE = ("The trade ministry has yet to approve the export licences for the three chipmakers, "
           "officials said on Tuesday.")
# (claim, the vetoed signal, its reason's start): each rejected by a window signal the model vetoes, each with words
# the passage lacks
VETOED = [
    ("The trade ministry approved the export licences for the three chipmakers swiftly.", "polarity", "negation mismatch"),
    ("The trade ministry will approve the export licences for the three chipmakers, citing security concerns.",
     "polarity", "negation mismatch"),
    ("The trade ministry issued the export licences for the three chipmakers, lawmakers said.", "speaker", "attribution"),
]
FAITHFUL_WITH_NEW_WORDS = "The trade ministry has yet to approve the export licences for the three chipmakers, angering lawmakers."


class Counting:
    """An embedder that keeps the texts it is asked for (deterministic unit vectors)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.calls = 0

    def __call__(self, texts):
        self.texts.extend(texts)
        self.calls += 1
        rng = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=8) for t in texts]
        return np.asarray([v / np.linalg.norm(v) for v in rng], dtype=np.float32).reshape(len(texts), 8)

    def words(self) -> list[str]:
        return [t for t in self.texts if len(t.split()) == 1]


def neutral_model() -> CheckerModel:
    n = len(FEATURES)
    return CheckerModel(FEATURES, Logistic(np.zeros(n), np.ones(n), np.zeros(n), 0.0), 0.5, (), "unfitted", (), {})


@pytest.mark.parametrize("claim,signal,reason", VETOED)
def test_a_vetoed_window_decides_without_word_vectors(claim, signal, reason):
    embed = Counting()
    result = SupportChecker(embed).check(claim, [PASSAGE])
    assert result.supported is False
    assert result.features[FEATURES.index(signal)] >= 1.0
    assert any(r.startswith(reason) for r in result.reasons)
    assert claim in embed.texts  # the claim and the sentence were embedded to choose the window
    assert embed.words() == []  # but no single word
    assert not any(r.startswith(("unsupported content", "unsupported addition")) for r in result.reasons)
    # lexical novelty: the claim's words the passage lacks count in full
    assert result.features[FEATURES.index("novel_count")] >= 1.0


@pytest.mark.parametrize("claim,signal,reason", VETOED)
def test_a_model_without_vetoes_compares_the_words(claim, signal, reason):
    embed = Counting()
    result = SupportChecker(embed, model=neutral_model()).check(claim, [PASSAGE])
    assert embed.words()  # the fitting data keeps word similarity
    assert result.features[FEATURES.index(signal)] >= 1.0


def test_an_undecided_window_compares_the_words():
    embed = Counting()
    SupportChecker(embed).check(FAITHFUL_WITH_NEW_WORDS, [PASSAGE])
    assert "lawmakers" in embed.words() or "angering" in embed.words()


def test_in_a_batch_only_the_undecided_pairs_compare_words():
    embed = Counting()
    vetoed, open_ = SupportChecker(embed).check_many([(VETOED[0][0], [PASSAGE]), (FAITHFUL_WITH_NEW_WORDS, [PASSAGE])])
    assert vetoed.supported is False and vetoed.reasons[0].startswith("negation mismatch")
    assert "swiftly" not in embed.words()
    assert {"angering", "lawmakers"} & set(embed.words())
    assert open_.features  # a full verdict


def test_a_claim_across_scripts_embeds_no_words():
    embed = Counting()
    result = SupportChecker(embed).check("China's exports rose 7 percent in March, customs data showed.",
                                         ["海关数据显示，中国三月出口增长7%，高于预期。"])
    assert embed.calls == 1  # the claim and the sentence, to choose the window; no second call for words
    assert result.best_sentence
