"""The support cascade (support.encoder = "cascade"): the static checker's verdict stands outside the band, MiniLM's
verdict is returned inside it (rag/support/checker.py CascadeChecker, rag/support/decision.py settled), the band
file chosen by evals/cascade_band.py, and how `brief verify` names the checker that decided."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from rag.config import Settings
from rag.errors import ConfigError
from rag.support import encoders
from rag.support.calibration import SupportResult
from rag.support.checker import CascadeChecker
from rag.support.decision import settled
from rag.support.model import MODEL_PATH, model_hash

THRESHOLD = 0.3


def odds(z: float) -> float:
    """The probability ``z`` log-odds from THRESHOLD."""
    base = math.log(THRESHOLD / (1 - THRESHOLD))
    return 1 / (1 + math.exp(-(base + z)))


class Stage:
    """A checker stand-in: verdicts by claim (probability, reason), a fold model's score for training passages."""

    def __init__(self, name: str, scores: dict[str, float], folds: dict[str, float] | None = None) -> None:
        self.name, self.scores, self.folds = name, scores, folds or {}
        self.min_support = THRESHOLD
        self.model = name  # what the cascade reports as its model
        self.calls: list[list[str]] = []

    def embed(self, texts):
        return np.zeros((len(texts), 2), np.float32)

    def check_many(self, pairs, *, published=None):
        self.calls.append([c for c, _ in pairs])
        return [self._result(c, self.scores[c]) for c, _ in pairs]

    def held_out(self, result, passages):
        fold = self.folds.get(passages[0])
        return result if fold is None else self._result(result.best_sentence.split("|")[1], fold)

    def _result(self, claim: str, score: float) -> SupportResult:
        ok = score >= THRESHOLD
        return SupportResult(ok, score, 0.5, () if ok else (f"{self.name}: weak",), f"{self.name}|{claim}")


def test_settled_is_outside_the_band_in_log_odds():
    margins = (1.0, 0.5)
    assert settled(odds(-1.001), THRESHOLD, margins) and settled(odds(-3.0), THRESHOLD, margins)
    assert not settled(odds(-0.99), THRESHOLD, margins) and not settled(THRESHOLD, THRESHOLD, margins)
    assert not settled(odds(0.49), THRESHOLD, margins)
    assert settled(odds(0.501), THRESHOLD, margins) and settled(1.0, THRESHOLD, margins) and settled(0.0, THRESHOLD, margins)
    assert settled(THRESHOLD, THRESHOLD, (0.0, 0.0))  # no band: the cheap stage decides everything


def test_a_sure_static_verdict_stands_with_its_own_reason_and_the_rest_gets_minilms():
    fast = Stage("static", {"far below": odds(-2), "near": odds(0.2), "far above": odds(2), "just under": odds(-0.5)})
    exact = Stage("minilm", {"near": 0.9, "just under": 0.1})
    cascade = CascadeChecker(fast, exact, (1.0, 1.0))
    pairs = [(c, ["passage"]) for c in ("far below", "near", "far above", "just under")]
    out = cascade.check_many(pairs)
    assert [r.best_sentence.split("|")[0] for r in out] == ["static", "minilm", "static", "minilm"]
    assert out[0].reasons == ("static: weak",) and not out[0].supported  # the stage that decided gives the reason
    assert out[1].supported and out[1].score == 0.9  # MiniLM's verdict as it is
    assert exact.calls == [["near", "just under"]]  # one batch, only the unsettled pairs
    assert cascade.decided == {"static": 2, "minilm": 2}
    cascade.check("far above", ["passage"])
    assert cascade.decided == {"static": 3, "minilm": 2}


def test_the_cascade_presents_the_exact_checkers_model_threshold_and_embedder():
    fast, exact = Stage("static", {}), Stage("minilm", {})
    exact.min_support = 0.27
    cascade = CascadeChecker(fast, exact, (1.0, 1.0))
    assert cascade.model == "minilm" and cascade.min_support == 0.27 and cascade.embed == exact.embed
    with pytest.raises(ValueError):
        CascadeChecker(fast, exact, (-0.1, 1.0))


def test_a_training_article_is_routed_by_the_fold_model_too_and_held_out_by_the_stage_that_decided():
    # the main static model is sure, the fold model (what an evaluation reports for a training row) is not
    fast = Stage("static", {"claim": odds(3), "other": odds(3)}, folds={"training": odds(0.1)})
    exact = Stage("minilm", {"claim": 0.1, "other": 0.1}, folds={"training": 0.05})
    cascade = CascadeChecker(fast, exact, (1.0, 1.0))
    trained, unseen = cascade.check_many([("claim", ["training"]), ("other", ["unseen"])])
    assert trained.best_sentence.startswith("minilm") and unseen.best_sentence.startswith("static")
    assert cascade.held_out(trained, ["training"]).score == 0.05  # MiniLM's fold model
    assert cascade.held_out(unseen, ["unseen"]) is unseen  # not training data: the static verdict itself


def test_the_shipped_band_was_chosen_for_the_shipped_models():
    band = json.loads(encoders.CASCADE_BAND_PATH.read_text(encoding="utf-8"))
    # after a refit of either model: python -m evals.cascade_band --records /tmp/cascade-records.jsonl
    assert band["models"] == {"minilm": model_hash(MODEL_PATH), "static": model_hash(encoders.STATIC_MODEL_PATH)}
    assert band["pooled"]["agreement"] >= band["agreement_target"] >= 0.99
    assert encoders.cascade_margins() == tuple(band["margins_logit"])


def test_the_cascade_setting_builds_the_cascade_and_needs_its_band(monkeypatch, tmp_path):
    monkeypatch.setattr(encoders, "static_embed", lambda: (lambda texts: np.zeros((len(texts), 4), np.float32)))

    def embed(texts):
        return np.ones((len(texts), 4), np.float32) / 2

    checker = encoders.support_checker("cascade", embed)
    assert isinstance(checker, CascadeChecker) and checker.embed is embed
    assert checker.margins == encoders.cascade_margins()
    assert checker.fast.model.version != checker.exact.model.version  # each stage scores with its own model
    with pytest.raises(ConfigError, match="band"):
        encoders.cascade_margins(tmp_path / "absent.json")


def test_the_cascade_changes_the_settings_hash():
    default = Settings().settings_hash()
    assert len({default, Settings(support={"encoder": "static"}).settings_hash(),
                Settings(support={"encoder": "cascade"}).settings_hash()}) == 3


def test_verify_names_the_checker_that_decided():
    from rag.cli.verify import checker_note

    fast, exact = Stage("static", {"a": odds(-3), "b": odds(0)}), Stage("minilm", {"b": 0.9})
    exact.model = type("M", (), {"version": "v1"})()
    fast.model = type("M", (), {"version": "s1"})()
    cascade = CascadeChecker(fast, exact, (1.0, 1.0))
    cascade.check_many([("a", ["p"]), ("b", ["p"])])
    # each stage names the model that scored its pairs
    assert checker_note("cascade", cascade) == ("cascade — static decided 1 of 2 pairs (model s1, threshold 0.30), "
                                                "MiniLM the rest (model v1, threshold 0.30)")
    assert checker_note("minilm", exact) == "minilm vectors, model v1, threshold 0.30"


def test_the_band_is_the_fewest_escalations_that_reach_the_agreement():
    from evals.cascade_band import choose, outcome

    def rec(score: float, static: bool, minilm: bool) -> dict:
        return {"static": {"score": score, "held_score": None, "supported": static}, "minilm": {"supported": minilm}}

    # 10 rows: one static error 0.32 log-odds above the threshold, one 2 log-odds below; the rest agree
    records = [rec(odds(z), z >= 0, z >= 0) for z in (-3, -2.5, -1.5, 1.5, 2.5, 3, 4, 5)]
    records += [rec(odds(0.32), True, False), rec(odds(-2.0), False, True)]
    lo, hi = choose(records, THRESHOLD, 0.9)  # one disagreement allowed: the cheaper one to escalate is kept out
    esc, agree = outcome(records, THRESHOLD, (lo, hi))
    assert agree.mean() >= 0.9 and esc.sum() == 1 and (lo, hi) == (0.0, 0.35)
    lo, hi = choose(records, THRESHOLD, 1.0)
    esc, agree = outcome(records, THRESHOLD, (lo, hi))
    assert agree.all() and lo > 2.0 and hi > 0.3
