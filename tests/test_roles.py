"""Sentence roles: the shipped model, its features, the roles set, the section→roles map and the measures."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from evals import roles_data
from evals.roles_metrics import classification_report, section_role_precision
from rag import roles
from rag.role_features import DOC_TYPES, feature_names, lexical_features
from rag.templates import TemplateLibrary

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REALTIMEQA = SHARED / "data" / "realtimeqa-2022" / "corpus.jsonl"
needs_shared = pytest.mark.skipif(not REALTIMEQA.is_file(), reason=f"RealTime QA corpus not at {REALTIMEQA}")
PROMPTS = Path(__file__).resolve().parents[1] / "prompts"


# ----------------------------------------------------------------------------------------------- the model file


def test_model_file_hash_is_the_sha256_of_its_bytes_and_stable():
    expected = hashlib.sha256(roles.MODEL_PATH.read_bytes()).hexdigest()
    assert roles.model_hash() == expected
    assert roles.model_hash() == roles.model_hash()
    assert len(expected) == 64


def test_model_records_its_version_training_data_and_measured_metrics():
    info = roles.model_info()
    assert info["version"] >= 1
    assert info["roles"] == list(roles.ROLES)
    assert info["lexical_features"] == list(feature_names())
    # the shipped model was fitted on the shipped roles set (refit with `python -m evals.fit_roles` after editing it)
    assert info["training"]["dataset_sha256"] == roles.file_sha256(roles_data.DATASET)
    test = info["metrics"]["test"]
    assert set(test["per_role"]) == set(roles.ROLES)
    assert 0.0 < test["macro_f1"] <= 1.0
    assert info["metrics"]["cv"]["grouped_by"] == "article"


def test_a_model_for_other_features_or_edited_cues_is_refused():
    data = json.loads(roles.MODEL_PATH.read_text(encoding="utf-8"))
    roles.model_from_dict(data)  # the shipped file itself loads
    other = dict(data, lexical_features=data["lexical_features"][:-1])
    with pytest.raises(roles.RoleModelError, match="other features"):
        roles.model_from_dict(other)
    with pytest.raises(roles.RoleModelError, match="role_cues.toml changed"):
        roles.model_from_dict(dict(data, cues_sha256="0" * 64))
    with pytest.raises(roles.RoleModelError, match="schema"):
        roles.model_from_dict(dict(data, schema="something-else/9"))


# ----------------------------------------------------------------------------------------------- classify


def test_classify_returns_one_valid_role_per_sentence_with_probabilities():
    texts = ["The ministry said on Monday that it would appeal the ruling.", "Photo: AP", "It is unclear who fired first."]
    preds = roles.classify(texts, positions=[(0, 3), (1, 3), (2, 3)], doc_type="news report")
    assert len(preds) == 3
    for p in preds:
        assert p.role in roles.ROLES
        assert set(p.probs) == set(roles.ROLES)
        assert abs(sum(p.probs.values()) - 1.0) < 1e-6
        assert p.prob == max(p.probs.values())
    assert roles.classify([]) == []


def test_classify_accepts_precomputed_embeddings_and_gives_the_same_answer():
    texts = ["Tokyo tightened export controls on three chemicals last week."]
    direct = roles.classify(texts)
    vecs = roles.embed(texts)
    again = roles.classify(texts, embeddings=vecs)
    assert direct[0].role == again[0].role
    assert abs(direct[0].prob - again[0].prob) < 1e-6


def test_classify_refuses_an_embedder_of_another_model():
    class Other:
        model_id = "some-other-model"
        dim = 384

        def embed(self, texts):
            return np.zeros((len(texts), 384), dtype=np.float32)

    with pytest.raises(roles.RoleModelError, match="embeddings"):
        roles.classify(["A sentence."], embedder=Other())


# Written for this test (not in the roles set): sentences whose role a reader sees at once.
OBVIOUS = {
    "event": [
        "Police arrested two men on Saturday after a raid on a warehouse in Osaka.",
        "The European Union imposed sanctions on 14 Iranian officials on Thursday.",
    ],
    "statement": [
        "\u201cWe will never accept this decision,\u201d the foreign minister told reporters in Seoul.",
        "A company spokesperson said the firm had followed all applicable export rules.",
    ],
    "judgement": [
        "The move signals that Seoul now treats chip supply chains as a matter of national security rather than trade.",
        "Analysts say the decision reflects growing distrust between the two governments.",
    ],
    "forecast": [
        "The restrictions are likely to raise costs for electronics makers over the next two years.",
        "Economists expect the economy to shrink by 3% next year.",
    ],
    "signal": [
        "What to watch next is whether Beijing retaliates with its own export curbs.",
        "Investors will be watching the central bank's rate decision on Wednesday.",
    ],
    "gap": [
        "It is unclear how many people were detained.",
        "The company did not respond to a request for comment, and the value of the contract was not disclosed.",
    ],
    "background": [
        "The island has been governed separately from the mainland since the end of the civil war in 1949.",
        "The country has long relied on imports for most of its energy.",
    ],
    "furniture": [
        "Sign up for our daily newsletter.",
        "Getty Images",
    ],
}


def test_obvious_sentences_of_every_role_are_classified_correctly():
    texts = [t for ts in OBVIOUS.values() for t in ts]
    gold = [r for r, ts in OBVIOUS.items() for _ in ts]
    preds = roles.classify(texts, doc_type="news report", positions=[(5, 30)] * len(texts))
    wrong = [(g, p.role, t) for g, p, t in zip(gold, preds, texts) if p.role != g]
    assert not wrong


# ----------------------------------------------------------------------------------------------- features


def test_lexical_features_have_one_named_column_each_and_check_their_arguments():
    x = lexical_features(["It is unclear who fired first.", "Photo: AP"], positions=[(0, 2), None],
                         doc_types=["news report", None])
    names = feature_names()
    assert x.shape == (2, len(names))
    col = {n: i for i, n in enumerate(names)}
    assert x[0, col["cue:gap"]] > 0 and x[1, col["cue:gap"]] == 0
    assert x[1, col["cue:furniture"]] > 0
    assert x[0, col["pos:first"]] == 1 and x[1, col["pos:known"]] == 0
    assert x[0, col["doc:news report"]] == 1 and not any(x[1, col[f"doc:{t}"]] for t in DOC_TYPES)
    with pytest.raises(ValueError):
        lexical_features(["a", "b"], positions=[(0, 2)])
    with pytest.raises(ValueError, match="doc type"):
        lexical_features(["a"], doc_types=["tweet"])


# ----------------------------------------------------------------------------------------------- the roles set


def test_roles_set_rows_are_complete_and_split_by_article():
    rows = roles_data.read_rows()
    assert len(rows) >= 420
    assert len({r["doc"] for r in rows}) >= 65
    assert len({r["id"] for r in rows}) == len(rows)
    counts = Counter(r["role"] for r in rows)
    assert set(counts) == set(roles.ROLES)
    assert all(n >= 30 for n in counts.values()), counts
    assert {r["doc_type"] for r in rows} <= set(DOC_TYPES)
    assert {r["split"] for r in rows} == {"fit", "test"}
    split_of: dict[str, set[str]] = {}
    for r in rows:
        split_of.setdefault(r["doc"], set()).add(r["split"])
    assert all(len(s) == 1 for s in split_of.values()), "an article is in both splits"
    test_share = sum(r["split"] == "test" for r in rows) / len(rows)
    assert 0.2 <= test_share <= 0.4
    # RealTime QA text may not be stored in the repository: those rows carry a span and a hash only
    assert all("text" not in r and len(r["sha256"]) == 16 for r in rows if r["source"] == "realtimeqa")
    assert all("text" in r for r in rows if r["source"] == "sample")


def test_sample_corpus_rows_resolve_to_sentences_of_the_project_splitter(tmp_path):
    missing = tmp_path / "no-corpus.jsonl"  # resolve only the in-repo rows
    data = roles_data.load(realtimeqa=missing)
    sample = [r for r in roles_data.read_rows() if r["source"] == "sample"]
    assert len(data.rows) == len(sample)
    assert all(reason.startswith("document") for _, reason in data.skipped)
    for r in data.rows:
        assert r["text"] == (roles_data.SAMPLE_CORPUS / f"{r['doc']}.txt").read_text(encoding="utf-8")[r["start"]:r["end"]]
        index, count = r["position"]
        assert 0 <= index < count


@needs_shared
def test_every_row_resolves_against_the_shared_realtimeqa_corpus():
    data = roles_data.load()
    assert data.skipped == []
    assert len(data.rows) == len(roles_data.read_rows())
    counts = Counter(r["role"] for r in data.split("test"))
    assert set(counts) == set(roles.ROLES)  # every role is measured on the held-out split


def test_a_row_whose_span_no_longer_is_a_sentence_is_skipped_with_a_reason(tmp_path):
    row = next(r for r in roles_data.read_rows() if r["source"] == "sample")
    bad = dict(row, id="bad-1", end=row["end"] - 1)
    changed = dict(row, id="bad-2", text=row["text"] + "!")
    path = tmp_path / "roles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (row, bad, changed)) + "\n", encoding="utf-8")
    data = roles_data.load(path, realtimeqa=tmp_path / "absent.jsonl")
    assert [r["id"] for r in data.rows] == [row["id"]]
    reasons = dict(data.skipped)
    assert "not a sentence" in reasons["bad-1"] and "changed" in reasons["bad-2"]


# ----------------------------------------------------------------------------------------------- section roles


def test_section_roles_name_real_template_sections_and_never_accept_furniture():
    table = roles.section_roles()
    library = TemplateLibrary(PROMPTS)
    for template, sections in table.items():
        names = {s.name for s in library.get(template).sections}
        assert set(sections) <= names, (template, set(sections) - names)
        for accepted in sections.values():
            assert accepted and "furniture" not in accepted
    assert roles.accepted_roles("situation", "signals") == {"signal"}
    assert roles.accepted_roles("assessment", "outlook") == {"forecast"}
    assert roles.accepted_roles("no-such-template", "x") == set(roles.ROLES) - {"furniture"}


def test_section_role_precision_counts_quotes_whose_role_the_section_accepts():
    sections = {"summary": ["A happened.", "B said so.", "Photo: AP"], "signals": ["Watch C.", "D happened."]}
    gold = {"A happened.": "event", "B said so.": "statement", "Photo: AP": "furniture", "Watch C.": "signal",
            "D happened.": "event"}
    accepted = {"summary": {"event", "statement"}, "signals": {"signal"}}
    out = section_role_precision(sections, accepted, gold)
    assert out["counted"] == 5 and out["accepted"] == 3
    assert out["precision"] == 0.6
    assert out["per_section"]["summary"]["precision"] == round(2 / 3, 4)
    assert ("signals", "D happened.", "event") in out["rejected"]
    assert section_role_precision({"summary": ["x"]}, accepted, {})["precision"] is None


def test_classification_report_gives_macro_f1_and_per_role_precision_recall():
    gold = ["event", "event", "gap", "signal"]
    pred = ["event", "gap", "gap", "event"]
    rep = classification_report(gold, pred)
    assert rep["accuracy"] == 0.5
    assert rep["per_role"]["event"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert rep["per_role"]["gap"]["precision"] == 0.5 and rep["per_role"]["gap"]["recall"] == 1.0
    assert rep["per_role"]["signal"]["f1"] == 0.0 and rep["per_role"]["signal"]["precision"] is None
    assert rep["per_role"]["furniture"]["support"] == 0 and rep["per_role"]["furniture"]["f1"] is None
    assert rep["macro_f1"] == round((0.5 + 2 / 3 + 0.0) / 3, 4)
    with pytest.raises(ValueError):
        classification_report(["event"], [])


def test_brief_section_role_precision_reads_an_eval_reports_claims_against_the_section_map():
    from evals.roles_suite import brief_section_role_precision

    claims = [
        {"section": "summary", "citations": [{"quote": "Tokyo tightened controls."}, {"quote": "Photo: AP"}]},
        {"section": "signals", "citations": [{"quote": "Watch whether Seoul files a complaint."}]},
        {"section": "implications", "citations": [{"quote": "Seoul will file a complaint, officials said."}]},
    ]
    gold = {"Tokyo tightened controls.": "event", "Photo: AP": "furniture",
            "Watch whether Seoul files a complaint.": "signal", "Seoul will file a complaint, officials said.": "statement"}
    out = brief_section_role_precision(claims, "situation", gold.get)
    assert (out["counted"], out["accepted"]) == (4, 2)
    assert {(s, r) for s, _, r in out["rejected"]} == {("summary", "furniture"), ("implications", "statement")}


def test_a_template_section_naming_an_unknown_role_is_refused(tmp_path):
    (tmp_path / "watch.j2").write_text(
        '+++\nname = "watch"\nversion = "1"\nvariables = ["topic"]\n[[sections]]\nname = "signals"\n'
        'description = "What to watch."\nroles = ["signal", "rumour"]\n+++\n{{ topic }}\n', encoding="utf-8")
    with pytest.raises(roles.RoleModelError, match="rumour"):
        roles.section_roles(tmp_path)


def test_the_section_map_is_the_templates_roles_front_matter():
    library = TemplateLibrary(PROMPTS)
    for name in library.names():
        for spec in library.get(name).sections:
            if spec.kind == "claims":
                assert roles.accepted_roles(name, spec.name) == (set(spec.roles or roles.ROLES) - {"furniture"})


def test_roles_suite_scores_rows_without_copying_their_text(tmp_path):
    from evals import roles_suite

    rows = roles_data.load(realtimeqa=tmp_path / "absent.jsonl").rows[:40]
    items = roles_suite.run_suite(rows)
    assert [it["id"] for it in items] == [r["id"] for r in rows]
    assert all(it["output"]["role"] in roles.ROLES and "text" not in it["input"] for it in items)
    rates, stats = roles_suite.suite_totals(items)
    assert rates["accuracy"] == round(sum(it["scores"]["correct"] for it in items) / len(items), 4)
    assert {f"precision.{r}" for r in roles.ROLES} <= set(rates) and stats["items"] == 40
