"""The support checker on the issue's failure kinds: polarity and unfulfilled verbs, currency and scale, roles,
long passages, reasons and spans, and the fitted model file it decides with.

Each kind has several inputs, not only the one from the issue. These tests use the bundled offline MiniLM.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from rag.support import SupportChecker
from rag.support.features import FEATURES, modality_mismatch, passage_names, role_swap
from rag.support.model import MODEL_PATH, load_model, model_hash


@pytest.fixture(scope="module")
def checker() -> SupportChecker:
    from rag.embeddings import MiniLMOnnxEmbedder

    return SupportChecker(MiniLMOnnxEmbedder().embed)


def _reasons(result) -> str:
    return " | ".join(result.reasons).lower()


# --- polarity: unfulfilled and denied verbs ------------------------------------------------------------------

UNFULFILLED = [
    ("The European Commission approved the merger of the two chipmakers.",
     "The European Commission has yet to approve the merger of the two chipmakers, officials said on Tuesday."),
    ("Acme supplied drones to the army.",
     "Acme denied reports that it had supplied drones to the army."),
    ("The central bank added new sanctions on the exporters.",
     "The central bank stopped short of adding new sanctions on the exporters."),
    ("The ministry published the audit of the grid operator.",
     "The ministry has yet to publish the audit of the grid operator."),
    ("Tokyo extended the export ban to lithography tools.",
     "Tokyo stopped short of extending the export ban to lithography tools."),
]


@pytest.mark.parametrize("claim,passage", UNFULFILLED)
def test_a_claim_that_something_happened_is_rejected_when_the_passage_says_it_has_not(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert not r.supported
    assert "negation" in _reasons(r) or "polarity" in _reasons(r), r.reasons


@pytest.mark.parametrize("claim,passage", [
    ("The European Commission has not yet approved the merger of the two chipmakers.", UNFULFILLED[0][1]),
    ("The ministry has not published the audit of the grid operator yet.", UNFULFILLED[3][1]),
    ("Acme denied that it had supplied drones to the army.", UNFULFILLED[1][1]),
])
def test_a_faithful_negative_restatement_is_accepted(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert r.supported, r.reasons


def test_the_polarity_reason_quotes_the_passage(checker):
    r = checker.check(UNFULFILLED[2][0], [UNFULFILLED[2][1]])
    assert "stopped short of adding" in _reasons(r)
    r = checker.check(UNFULFILLED[3][0], [UNFULFILLED[3][1]])
    assert "yet to publish" in _reasons(r)


# --- numbers: currency and scale ---------------------------------------------------------------------------

@pytest.mark.parametrize("claim,passage,named", [
    ("The government set aside $1.2 trillion for chip subsidies.", "The government set aside ¥1.2tn for chip subsidies.", "yen"),
    ("Seoul pledged $300 trillion for the semiconductor cluster.", "Seoul pledged 300 trillion won for the semiconductor cluster.", "won"),
    ("The fund raised €5 billion from investors.", "The fund raised $5 billion from investors.", "dollars"),
])
def test_the_same_amount_in_another_currency_is_rejected_and_named(checker, claim, passage, named):
    r = checker.check(claim, [passage])
    assert not r.supported
    assert any(x.startswith("number ") and named in x for x in r.reasons), r.reasons


@pytest.mark.parametrize("claim,passage", [
    ("Toyota will invest 476 billion yen in battery plants.", "トヨタは電池工場に4,760億円を投資する。Toyota will invest in battery plants."),
    ("The subsidy totals 120 million yuan.", "补贴总额为1.2亿元。The subsidy was announced on Monday."),
])
def test_matching_amounts_written_with_oku_or_yi_are_accepted(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert not any(x.startswith("number ") for x in r.reasons), r.reasons


# --- roles and modality ------------------------------------------------------------------------------------

@pytest.mark.parametrize("claim,passage", [
    ("Samsung sued Apple over the patents.", "Apple sued Samsung over the patents in a California court."),
    ("Russia accused Ukraine of shelling the plant.", "Ukraine accused Russia of shelling the plant on Friday."),
    ("Chelsea beat Arsenal in the final.", "Arsenal beat Chelsea in the final at Wembley."),
])
def test_a_role_swap_is_rejected(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert not r.supported
    assert "role" in _reasons(r), r.reasons


def test_role_swap_ignores_a_passive_and_keeps_the_same_order():
    names = passage_names("Yesterday Apple sued Samsung. Then Samsung was sued by Apple.")
    assert role_swap("Samsung was sued by Apple.", "Apple sued Samsung over patents.", names) is None
    assert role_swap("Apple sued Samsung.", "Apple sued Samsung over patents.", names) is None
    assert role_swap("Samsung sued Apple.", "Apple sued Samsung over patents.", names)


def test_modality_mismatch_names_the_plan():
    assert modality_mismatch("The firm bought the plant.", "The firm plans to buy the plant.") == "modality: passage says 'plans to buy'"
    assert modality_mismatch("The firm plans to buy the plant.", "The firm plans to buy the plant.") is None
    assert modality_mismatch("The firm bought the plant.", "The firm bought the plant in May.") is None


# --- long passages: the window, its spans --------------------------------------------------------------------

FILLER = ("The city council met on Monday to discuss the parking budget and the library opening hours. "
          "Residents complained about noise from the construction site near the harbour. ") * 25


def test_the_support_is_found_and_located_in_a_long_article(checker):
    key = "Nvidia agreed to buy the Israeli networking firm Mellanox for $6.9 billion in cash."
    article = FILLER + key + " " + FILLER
    r = checker.check("Nvidia will pay $6.9 billion in cash for Mellanox, an Israeli networking company.", [article])
    assert r.supported, r.reasons
    assert [article[s.start : s.end] for s in r.spans] == [key]


def test_a_claim_that_needs_two_sentences_gets_both_spans(checker):
    first = "Nvidia agreed to buy the networking firm Mellanox."
    second = "The price of the deal was $6.9 billion, paid in cash."
    article = FILLER + first + " " + FILLER + second + " " + FILLER
    r = checker.check("Nvidia agreed to buy Mellanox for $6.9 billion.", [article])
    texts = {article[s.start : s.end] for s in r.spans}
    assert second in texts
    assert r.supported, r.reasons


def test_spans_index_the_passage_they_come_from(checker):
    passages = ["Unrelated text about the weather in Oslo.", "Japan has yet to approve the deal with Korea."]
    r = checker.check("Japan approved the deal with Korea.", passages)
    assert r.spans and all(passages[s.passage][s.start : s.end] == "Japan has yet to approve the deal with Korea." for s in r.spans)


# --- the model: a calibrated probability from a versioned data file ------------------------------------------

def test_the_model_file_names_the_features_the_checker_computes():
    model = load_model()
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES == model.features
    assert len(data["coef"]) == len(FEATURES) and 0.0 < data["threshold"] < 1.0
    assert data["version"] and data["training"]["files"] and "ece" in data["cv"]
    assert len(model_hash()) == 64


def test_the_model_hash_is_part_of_the_settings_hash(monkeypatch):
    from rag.config import Settings
    from rag.support import model as model_module

    before = Settings().settings_hash()
    monkeypatch.setattr(model_module, "model_hash", lambda *a: "0" * 64)
    import rag.config as config_module

    monkeypatch.setattr(config_module, "model_hash", lambda *a: "0" * 64)
    assert Settings().settings_hash() != before


def test_score_is_a_probability_and_the_threshold_decides(checker):
    passage = "Japan has yet to approve the deal with Korea."
    for claim in ("Japan has not approved the deal with Korea yet.", "Japan approved the deal with Korea."):
        r = checker.check(claim, [passage])
        assert 0.0 <= r.score <= 1.0 and len(r.features) == len(FEATURES)
        assert r.supported == (r.score >= checker.min_support and not r.reasons)


def test_every_unsupported_verdict_has_a_reason(checker):
    cases = [("The weather in Oslo was mild.", ["Nvidia agreed to buy Mellanox for $6.9 billion."]),
             ("Nvidia bought Arm for $40 billion.", ["Nvidia agreed to buy Mellanox for $6.9 billion."])]
    for r in checker.check_many(cases):
        assert not r.supported and r.reasons and all(isinstance(x, str) and x for x in r.reasons)


def test_held_out_rescoring_leaves_unseen_passages_alone(checker):
    r = checker.check("Japan approved the deal with Korea.", ["A passage no model was ever fitted on, about Korea and Japan."])
    assert checker.held_out(r, ["A passage no model was ever fitted on, about Korea and Japan."]) is r
    assert np.isfinite(r.score)


# --- brief verify: supported, score, span and reason per pair ------------------------------------------------

def test_brief_verify_prints_verdict_score_span_and_reason(cli, tmp_path):
    passage = "Officials met on Monday. The European Commission has yet to approve the merger of the two chipmakers."
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"claim": "The European Commission approved the merger of the two chipmakers.", "passage": passage}) + "\n")
    text = cli(["verify", str(pairs)])
    assert text.exit_code == 0, text.output
    assert "[1] unsupported  score " in text.stdout
    assert "span 25-" in text.stdout and "has yet to approve the merger" in text.stdout
    assert "reason: negation" in text.stdout
    as_json = cli(["verify", "--json", str(pairs)])
    row = json.loads(as_json.stdout.splitlines()[0])
    assert row["supported"] is False and row["reasons"] and 0.0 <= row["score"] <= 1.0
    assert [s["text"] for s in row["spans"]] == [passage[25:]]


# --- scope and earlier figures: signals with reasons ---------------------------------------------------------

SCOPE = [
    ("All members of the committee voted for the bill.", "Several members of the committee voted for the bill."),
    ("The ministry is the only buyer of the drones.", "The ministry is a buyer of the drones."),
    ("Acme was the first firm to ship the chip.", "Acme was one of several firms to ship the chip."),
]


@pytest.mark.parametrize("claim, window", SCOPE)
def test_a_claim_that_widens_scope_or_rank_is_named(claim, window):
    from rag.support.features import scope_mismatch

    assert (scope_mismatch(claim, window) or "").startswith("scope: claim says")
    assert scope_mismatch(window, window) is None


STALE = [
    ("Unemployment is 3%.", "Unemployment rose to 5%, up from 3% a year earlier.", "3%"),
    ("The fund holds $40 million.", "The fund now holds $55 million; it previously held $40 million.", "40"),
    ("The plant employs 800 people.", "The plant's staff was cut to 650 from 800 people.", "800"),
]


@pytest.mark.parametrize("claim, passage, old", STALE)
def test_a_figure_the_passage_gives_as_the_earlier_one_is_named(checker, claim, passage, old):
    r = checker.check(claim, [passage])
    assert any(c.startswith("outdated:") and old in c for c in r.concerns), r.concerns
    assert dict(zip(FEATURES, r.features))["stale"] == 1.0


def test_the_current_figure_is_not_stale(checker):
    r = checker.check("Unemployment is 5%.", ["Unemployment rose to 5%, up from 3% a year earlier."])
    assert not any(c.startswith("outdated:") for c in r.concerns)


def test_the_vector_cache_evicts_without_losing_a_vector_in_use(checker, monkeypatch):
    import rag.support.checker as mod

    monkeypatch.setattr(mod, "VECTOR_CACHE", 3)
    small = SupportChecker(checker.embed)
    pairs = [("Japan tightened export controls on chips.", ["Japan tightened export controls on chip materials."]),
             ("Korea filed a complaint with the WTO.", ["South Korea filed a complaint with the WTO in September."])]
    first = small.check_many(pairs)
    again = small.check_many(list(reversed(pairs)))  # cached and new texts in one call, the cache at its limit
    assert [r.supported for r in reversed(again)] == [r.supported for r in first]
