"""Word similarity runs only where it can change the verdict.

A claim word the cited text lacks is credited by its embedding cosine to the chosen window's words: about 20 single
words per pair, a fifth of an embedded pair's encoder work (benchmarks/README.md, support checker). When a window
signal the fitted model vetoes (polarity, modality, speaker, ...) already rejects the claim, no novelty can make it
supported, so those words are not embedded; the novelty features are then lexical (a claim word the cited text
lacks counts as novel) and no novelty reason is given, since the words were not compared. The same holds when the
novelty cannot move the decision: word similarity only lowers a lexically novel word's novelty, and the fitted model
never rises with novelty, so a claim supported with every such word counted novel, or rejected with none counted, is
decided without them (for a training article, the fold model ``held_out`` re-scores with must agree too). A model
without vetoes (what ``evals/fit_checker.py`` fits with) always compares them, so every fitting row has its real
features.
"""

from __future__ import annotations

import zlib

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


class Aligned(Counting):
    """Every text of two words or more has the same vector (the claim reads exactly like its sentence); single words
    are random 64-d vectors (unlike each other: every compared word stays novel)."""

    def __call__(self, texts):
        self.texts.extend(texts)
        self.calls += 1
        rows = [np.ones(64) if len(t.split()) > 1 else np.random.default_rng(abs(hash(t)) % 2**32).normal(size=64)
                for t in texts]
        return np.asarray([v / np.linalg.norm(v) for v in rows], dtype=np.float32).reshape(len(texts), 64)


def test_an_undecided_window_compares_the_words():
    # supported were its two new words paraphrases of the passage's, an addition were they not: the words decide
    embed = Aligned()
    result = SupportChecker(embed).check(FAITHFUL_WITH_NEW_WORDS, [PASSAGE])
    assert {"angering", "lawmakers"} <= set(embed.words())
    assert any(r.startswith("unsupported addition") for r in result.reasons)


def test_in_a_batch_only_the_undecided_pairs_compare_words():
    embed = Aligned()
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


# One word the passage lacks ("clear" for "approve"): supported even when it counts as novel, so never compared.
# (Not a noun: an edited copy's noun that counts as novel is another thing, ``copied_swap``, until its vector says not.)
ONE_NEW_WORD = "The trade ministry has yet to clear the export licences for the three chipmakers, officials said on Tuesday."
# Three words the passage lacks, and nothing like it: rejected even were they all paraphrases.
FAR_CLAIM = "The trade ministry blocked shipments to the chipmakers' overseas customers, officials said."


def logistic(**coef: float) -> Logistic:
    """A logistic model on unstandardised features: ``intercept`` plus the named features' weights."""
    n = len(FEATURES)
    c = np.zeros(n)
    for name, w in coef.items():
        if name != "intercept":
            c[FEATURES.index(name)] = w
    return Logistic(np.zeros(n), np.ones(n), c, coef.get("intercept", 0.0))


def test_a_claim_supported_at_full_novelty_is_decided_without_word_vectors():
    embed = Aligned()
    result = SupportChecker(embed).check(ONE_NEW_WORD, [PASSAGE])
    assert result.supported is True
    assert embed.words() == []
    assert result.features[FEATURES.index("novel_count")] == 1.0  # lexical novelty: "clear" counts in full


class Opposed(Counting):
    """Texts of the passage (its sentence, its clauses) have one vector, every other text of two words or more the
    opposite one (cosine -1: the claim reads like no sentence of the passage); single words random."""

    def __call__(self, texts):
        self.texts.extend(texts)
        self.calls += 1
        rows = [np.random.default_rng(zlib.crc32(t.encode())).normal(size=64) if len(t.split()) == 1
                else np.ones(64) * (1.0 if t in PASSAGE else -1.0) for t in texts]
        return np.asarray([v / np.linalg.norm(v) for v in rows], dtype=np.float32).reshape(len(texts), 64)


def test_a_claim_rejected_at_no_novelty_is_decided_without_word_vectors():
    embed = Opposed()
    result = SupportChecker(embed).check(FAR_CLAIM, [PASSAGE])
    assert result.supported is False
    assert embed.words() == []
    assert result.reasons and not any(r.startswith(("unsupported content", "unsupported addition")) for r in result.reasons)


def test_a_model_that_rises_with_novelty_compares_the_words():
    # nothing bounds such a model's decision between the two ends, so the words are compared
    model = CheckerModel(FEATURES, logistic(cos_window=10.0, novel_share=5.0, intercept=-5.0), 0.5, ("polarity",), "t", (), {})
    embed = Aligned()
    SupportChecker(embed, model=model).check(ONE_NEW_WORD, [PASSAGE])
    assert "clear" in embed.words()


def test_the_fold_model_of_a_training_article_must_be_decided_too():
    from rag.support.model import text_key

    main = logistic(cos_window=10.0, intercept=-5.0)  # novelty-blind: always decided
    fold = logistic(cos_window=10.0, novel_share=-40.0, intercept=-5.0)  # supported at no novelty, not at full
    held = CheckerModel(FEATURES, main, 0.5, ("polarity",), "t", (fold,), {text_key(PASSAGE): 0})
    unseen = CheckerModel(FEATURES, main, 0.5, ("polarity",), "t", (fold,), {})
    embed = Aligned()
    SupportChecker(embed, model=unseen).check(ONE_NEW_WORD, [PASSAGE])
    assert embed.words() == []  # not a training article: the main model alone decides
    embed = Aligned()
    SupportChecker(embed, model=held).check(ONE_NEW_WORD, [PASSAGE])
    assert "clear" in embed.words()  # its fold model's decision depends on the words


class Opaque:
    """The shipped model behind an interface the bounds cannot read: every word is compared."""

    def __init__(self, scorer) -> None:
        self.scorer = scorer

    def probability(self, x):
        return self.scorer.probability(x)


CLAIMS = [
    ONE_NEW_WORD,
    FAITHFUL_WITH_NEW_WORDS,
    "The ministry has not yet approved export permits for three chipmakers, officials said.",
    "The trade ministry has yet to approve export licences for the three chip firms, officials said on Tuesday.",
    "The trade ministry has yet to sign off on the licences for the three chipmakers, angering their customers.",
    "Officials said on Tuesday that licences for three chipmakers were still awaiting the ministry's approval.",
    "The trade ministry has yet to approve the export licences, officials said, amid a dispute with Washington.",
    FAR_CLAIM,
]


@pytest.fixture(scope="module")
def minilm():
    from rag.embeddings import MiniLMOnnxEmbedder

    return MiniLMOnnxEmbedder(threads=1)


def test_skipping_the_words_never_changes_a_decision(minilm):
    from rag.support.model import load_model

    shipped = load_model()
    opaque = CheckerModel(shipped.features, Opaque(shipped.main), shipped.threshold, shipped.veto, shipped.version, (), {})
    bounded_texts, full_texts = [], []

    def embed_into(store):
        def embed(texts):
            store.extend(texts)
            return minilm.embed(texts)
        return embed

    bounded = SupportChecker(embed_into(bounded_texts)).check_many([(c, [PASSAGE]) for c in CLAIMS])
    full = SupportChecker(embed_into(full_texts), model=opaque).check_many([(c, [PASSAGE]) for c in CLAIMS])
    assert [r.supported for r in bounded] == [r.supported for r in full]
    words = lambda texts: [t for t in texts if len(t.split()) == 1]  # noqa: E731
    assert len(words(bounded_texts)) < len(words(full_texts))
