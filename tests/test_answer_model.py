"""The fitted answer-sentence selector: its features say what the answering code computed about each candidate first
sentence (relative to the question's best where a raw value means nothing across questions), its model file is
versioned data whose hash enters the settings hash, the writer picks the sentence the model scores highest from the
pool the model names, and the fitting script's labels and fit do what its docstring says.

Candidates and models are written here; the end-to-end check asks the real Engine over the five short articles of
tests/data/answer_lead/.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import numpy as np
import pytest

from conftest import engine_over

from rag.types import Chunk, SearchFilters
from rag.writers.answer_model import (
    FEATURES,
    MODEL_PATH,
    AnswerModelError,
    Signals,
    load_model,
    model_from_dict,
    model_hash,
    sentence_features,
)
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate, Scored

DATA = Path(__file__).resolve().parent / "data" / "answer_lead"


def cand(doc: str, rank: int, text: str, *, published: str | None = None, title: str = "", lede: bool = False) -> Candidate:
    meta = {"title": title} | ({"published": published} if published else {})
    chunk = Chunk(chunk_id=f"{doc}:{rank}", doc_id=doc, text=text, start=0, end=len(text), index=0, metadata=meta)
    return Candidate(EvidencePassage(f"S{rank + 1}", chunk, 1.0 - rank / 10), rank, 0, len(text), text, is_lede=lede)


def scored_of(cands: list[Candidate], cos: list[float]) -> Scored:
    n = len(cands)
    c = np.asarray(cos, dtype=float)
    return Scored(cands, c, np.full(n, 0.5), np.full(n, 0.6), c, np.zeros(n), np.eye(n), {}, None)


def signals_of(hand: list[float], **given) -> Signals:
    n = len(hand)
    base = {name: np.zeros(n) for name in ("typed", "enumeration", "label", "on_topic", "story", "top_article", "nearest")}
    base["hand_pool"] = np.ones(n)
    base.update({k: np.asarray(v, dtype=float) for k, v in given.items()})
    return Signals(hand=np.asarray(hand, dtype=float), **base)


def col(x: np.ndarray, name: str) -> np.ndarray:
    return x[:, FEATURES.index(name)]


QUESTION = "Which company did Halvard Mining buy in June?"
CANDS = [
    cand("a", 0, "Halvard Mining bought Ostrava Cells for 40 million euros.", published="2022-06-20",
         title="Halvard Mining buys Ostrava Cells", lede=True),
    cand("b", 1, "Analysts expect more deals in the sector.", published="2022-03-01", title="Mining outlook"),
    cand("a", 2, "The deal closed after a long review.", published="2022-06-20", title="Halvard Mining buys Ostrava Cells"),
    cand("c", 3, "Prices rose sharply.", title="Prices"),
]


def test_features_are_relative_to_the_question_s_best_and_read_the_evidence_order_and_dates():
    x = sentence_features(QUESTION, scored_of(CANDS, [0.7, 0.5, 0.6, 0.4]), signals_of([1.0, 0.4, 0.8, 0.2]),
                          "2022-06-25")
    assert x.shape == (4, len(FEATURES))
    assert list(col(x, "hand_gap")) == pytest.approx([0.0, -0.6, -0.2, -0.8])
    assert list(col(x, "hand_top")) == [1.0, 0.0, 0.0, 0.0]
    assert list(col(x, "cos_gap")) == pytest.approx([0.0, -0.2, -0.1, -0.3])
    # passages by evidence rank; articles by their best passage (a's third passage is still the first article's)
    assert list(col(x, "passage_top")) == pytest.approx([1.0, 1 / 2, 1 / 3, 1 / 4])
    assert list(col(x, "article_top")) == pytest.approx([1.0, 1 / 2, 1.0, 1 / 3])
    assert list(col(x, "article_sentences")) == pytest.approx([math.log1p(2), math.log1p(1), math.log1p(2), math.log1p(1)])
    # five days old, 116 days old, an undated report counted a year old and flagged
    assert list(col(x, "age_log_days")) == pytest.approx([math.log1p(5), math.log1p(116), math.log1p(5), math.log1p(365)])
    assert list(col(x, "undated")) == [0.0, 0.0, 0.0, 1.0]
    assert col(x, "headline_match")[0] > col(x, "headline_match")[1] > 0 == col(x, "headline_match")[3]
    assert list(col(x, "lede")) == [1.0, 0.0, 0.0, 0.0]
    # "Ostrava Cells" and "40" are new to the question; "Halvard Mining" is not
    assert col(x, "new_names")[0] == pytest.approx(math.log1p(2)) and col(x, "new_numbers")[0] == pytest.approx(math.log1p(1))


def test_without_an_as_of_date_the_age_features_are_all_zero():
    x = sentence_features(QUESTION, scored_of(CANDS, [0.7, 0.5, 0.6, 0.4]), signals_of([1.0, 0.4, 0.8, 0.2]), None)
    assert not col(x, "age_log_days").any() and not col(x, "undated").any()


def test_the_hand_choice_is_the_best_hand_score_within_the_hand_pool_only():
    x = sentence_features(QUESTION, scored_of(CANDS, [0.7, 0.5, 0.6, 0.4]),
                          signals_of([1.0, 0.4, 0.8, 0.2], hand_pool=[0, 1, 1, 0]), "2022-06-25")
    assert list(col(x, "hand_top")) == [0.0, 0.0, 1.0, 0.0]


def model_dict(weights: dict[str, float], pool: str = "floor") -> dict:
    return {"schema": "techsec-brief/answer-selector", "pool": pool, "features": list(FEATURES),
            "standardize": {"mean": [0.0] * len(FEATURES), "std": [1.0] * len(FEATURES)},
            "weights": [weights.get(f, 0.0) for f in FEATURES]}


@pytest.mark.parametrize("change, message", [
    ({"schema": "techsec-brief/ranker"}, "not an answer-selector model"),
    ({"features": list(FEATURES[:-1])}, "other features"),
    ({"pool": "everything"}, "pool"),
    ({"weights": [1.0, 2.0]}, "wrong length"),
    ({"standardize": {"mean": [0.0] * len(FEATURES), "std": [0.0] * len(FEATURES)}}, "non-positive std"),
])
def test_a_model_file_of_another_kind_or_shape_is_refused_with_its_reason(change, message):
    with pytest.raises(AnswerModelError, match=message):
        model_from_dict(model_dict({"cos": 1.0}) | change)


def test_the_model_scores_standardized_features_with_its_weights():
    m = model_from_dict(model_dict({"cos": 2.0, "lede": -1.0}))
    x = np.zeros((2, len(FEATURES)))
    x[0, FEATURES.index("cos")], x[1, FEATURES.index("lede")] = 0.5, 1.0
    assert list(m.score(x)) == pytest.approx([1.0, -1.0])
    assert m.score(np.zeros((0, len(FEATURES)))).shape == (0,)


def test_the_shipped_model_is_versioned_data_whose_hash_enters_the_settings_hash_when_it_is_on():
    from rag.config import Settings

    raw = MODEL_PATH.read_bytes()
    model = load_model()
    assert model.sha256 == hashlib.sha256(raw).hexdigest() == model_hash()
    assert json.loads(raw)["training"]["questions"].startswith("RealTime QA dev, fit half")
    hand, fitted = Settings(), Settings(generation={"answer_selector": "fitted"})
    assert hand.settings_hash() != fitted.settings_hash()


# --- in the writer ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_model") / "data", DATA)


def ask(engine, question: str, until: str | None = None):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


def first(brief) -> str:
    assert not brief.abstained, brief.message
    return brief.sections[0].claims[0].text


def test_recording_the_choice_does_not_change_the_hand_answer(engine):
    question, until = "How many night trains did Lumina Rail suspend?", "2026-06-01"
    before = first(ask(engine, question, until))
    seen = []
    choose = engine.writer.choose_first

    def recording(choice):
        if choice.main:
            seen.append((choice.scored, choice.features, choice.hand_pool, choice.floor, choice.hand_pick))
        return choose(choice)

    engine.writer.choose_first = recording
    try:
        after = first(ask(engine, question, until))
    finally:
        del engine.writer.choose_first
    assert after == before
    (scored, x, pool, floor, pick), = seen  # one first-sentence choice per question
    assert x.shape == (len(scored.cands), len(FEATURES)) and pool[pick] and floor[pool].all()
    assert scored.cands[pick].text == before


def test_a_fitted_selector_that_prefers_older_reports_leads_with_the_older_report(engine, monkeypatch):
    import rag.writers.answering as answering

    monkeypatch.setattr(answering, "load_model", lambda: model_from_dict(model_dict({"age_log_days": 1.0})))
    monkeypatch.setattr(engine.writer, "answer_selector", "fitted")
    assert "four" in first(ask(engine, "How many night trains did Lumina Rail suspend?", "2026-06-01"))


@pytest.mark.parametrize("pool", ["hand", "floor"])
@pytest.mark.parametrize("weights", [{"cos_gap": -1.0, "typed": 3.0}, {"passage_top": -1.0, "typed": 3.0},
                                     {"length": 1.0, "typed": 3.0}])
def test_the_fitted_selector_leads_with_the_sentence_its_model_scores_highest_in_its_pool(engine, monkeypatch, weights,
                                                                                         pool):
    import rag.writers.answering as answering

    model = model_from_dict(model_dict(weights, pool))
    monkeypatch.setattr(answering, "load_model", lambda: model)
    monkeypatch.setattr(engine.writer, "answer_selector", "fitted")
    seen = []
    choose = engine.writer.choose_first

    def recording(choice):
        if choice.main:
            seen.append((choice.scored, choice.features, choice.hand_pool, choice.floor))
        return choose(choice)

    monkeypatch.setattr(engine.writer, "choose_first", recording)
    got = first(ask(engine, "How many night trains did Lumina Rail suspend?", "2026-06-01"))
    (scored, x, hand, floor), = seen
    among = np.flatnonzero(hand if pool == "hand" else floor)
    best = among[int(np.argmax(model.score(x[among])))]
    assert got == scored.cands[best].text


# --- the fitting script -----------------------------------------------------------------------------------------------


def test_a_sentence_is_a_positive_when_it_holds_a_correct_choice_and_no_wrong_one():
    from evals.fit_answers import labels

    q = {"choices": ["Ostrava Cells", "Kveta Power", "Haldor"], "answer": [0]}
    texts = ["Halvard bought Ostrava Cells.", "Halvard bought Ostrava Cells, not Kveta Power.", "Kveta Power rose.", "No news."]
    assert list(labels(texts, q)) == [True, False, False, False]


@pytest.mark.parametrize("form", ["pointwise", "pairwise"])
def test_the_fit_learns_the_feature_that_marks_the_answer_and_picks_it(form):
    pytest.importorskip("sklearn")
    from evals.fit_answers import fit_model, top1

    rng = np.random.default_rng(0)
    items = []
    for q in range(40):
        n = 8
        x = rng.normal(size=(n, len(FEATURES)))
        y = np.zeros(n, dtype=bool)
        y[q % n] = True
        x[:, FEATURES.index("typed")] = y + rng.normal(scale=0.2, size=n)  # the answer gives the asked kind
        items.append({"id": str(q), "x": x, "y": y, "hand_pool": np.ones(n, dtype=bool),
                      "floor": np.ones(n, dtype=bool), "hand_pick": 0})
    model = fit_model(items, form, "floor", 1.0)
    assert FEATURES[int(np.argmax(model.weights))] == "typed"
    assert top1(model, items) > 0.9 > top1(None, items)
