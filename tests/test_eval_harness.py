"""The eval harness: the compare gate (hand-made reports), seed runs on a real sample index, broken prompts
(extractive and LLM) caught by the gate, accept, and RealTime QA on a tiny synthetic dataset."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS_DIR, REPO_ROOT, copy_sqlite
from rag.brief import NO_EVIDENCE
from rag.cli import app
from rag.config import Settings, get_settings
from rag.index import CorpusIndex, open_index
from rag.ingest import Ingestor
from scripted_llm import ScriptedLLMServer

from evals import compare as cmp
from evals import realtimeqa as rtqa
from evals.run import EvalError, read_report, run_eval, write_report

runner = CliRunner()

# A handful of seed items: single (doc 000), single (doc 001), date-filtered, unanswerable.
SEED_IDS = ["qa-003", "qa-010", "qa-048", "qa-051"]
LLM_IDS = ["qa-003", "qa-010", "qa-051"]


# --------------------------------------------------------------------------------------------- compare (unit)


def _report(**totals) -> dict:
    seed = {"groundedness": 0.9, "citation_recall": 0.9, "citation_precision": 0.85, "fact_coverage": 0.6,
            "abstention_accuracy": 0.8, "uncited_rate": 0.05, "hit@5": 1.0}
    seed.update(totals)
    return {
        "schema": "techsec-brief-eval/1", "suites": ["seed"], "repeats": 1,
        "selection": {"limit": None, "ids": None, "items": {"seed": 2}},
        "provenance": {"backend": "extractive", "model": "m", "corpus_snapshot": "snap1",
                       "templates": {"answer": "aaaa", "situation": "ssss"}, "settings_hash": "h"},
        "totals": {"seed": {k: v for k, v in seed.items() if v is not None or k in totals}},
        "items": [
            {"suite": "seed", "id": "qa-1", "repeat": 0, "output": {"abstained": False, "text": "A."}, "scores": {"fact_coverage": 1.0}, "stats": {"latency_s": 0.1}},
            {"suite": "seed", "id": "qa-2", "repeat": 0, "output": {"abstained": True, "text": ""}, "scores": {"fact_coverage": 0.0}, "stats": {"latency_s": 0.2}},
        ],
    }


def _write(tmp_path: Path, name: str, report: dict) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    return path


def _compare(*args: str):
    return runner.invoke(app, ["eval", "compare", *args])


def test_compare_passes_within_tolerance_and_fails_beyond(tmp_path):
    base = _write(tmp_path, "base", _report())
    same = _write(tmp_path, "same", _report())
    small = _write(tmp_path, "small", _report(groundedness=0.89, fact_coverage=0.59))  # -0.01: inside 0.025
    big = _write(tmp_path, "big", _report(groundedness=0.80))  # -0.10
    assert _compare(str(base), str(same)).exit_code == 0
    res = _compare(str(base), str(small))
    assert res.exit_code == 0, res.output
    res = _compare(str(base), str(big))
    assert res.exit_code == 1, res.output
    assert "FAIL" in res.output and "seed.groundedness" in res.output


def test_compare_lower_is_better_metric_fails_on_rise(tmp_path):
    base = _write(tmp_path, "base", _report())
    worse = _write(tmp_path, "worse", _report(uncited_rate=0.30))
    better = _write(tmp_path, "better", _report(uncited_rate=0.0))
    assert _compare(str(base), str(worse)).exit_code == 1
    assert _compare(str(base), str(better)).exit_code == 0


def test_compare_max_drop_overrides(tmp_path):
    base = _write(tmp_path, "base", _report())
    big = _write(tmp_path, "big", _report(groundedness=0.80))
    assert _compare(str(base), str(big), "--max-drop", "groundedness=0.2").exit_code == 0
    assert _compare(str(base), str(big), "--max-drop", "seed.groundedness=0.15").exit_code == 0
    # an override can also gate a metric the config leaves ungated, or tighten one to zero
    hit = _write(tmp_path, "hit", _report(**{"hit@5": 0.99}))
    assert _compare(str(base), str(hit)).exit_code == 0  # hit@5 is only gated for suite "seed" at 0.025
    assert _compare(str(base), str(hit), "--max-drop", "hit@5=0").exit_code == 1
    res = _compare(str(base), str(big), "--max-drop", "groundedness")
    assert res.exit_code == 2 and "METRIC=VALUE" in res.output


def test_compare_config_file(tmp_path):
    base = _write(tmp_path, "base", _report())
    cand = _write(tmp_path, "cand", _report(fact_coverage=0.5))
    strict = tmp_path / "gate.toml"
    strict.write_text('[max_drop]\nfact_coverage = 0.0\n', encoding="utf-8")
    loose = tmp_path / "loose.toml"
    loose.write_text('[max_drop]\nfact_coverage = 0.5\n', encoding="utf-8")
    assert _compare(str(base), str(cand), "--config", str(strict)).exit_code == 1
    assert _compare(str(base), str(cand), "--config", str(loose)).exit_code == 0


def test_compare_fails_when_candidate_lacks_a_gated_metric(tmp_path):
    base = _write(tmp_path, "base", _report())
    missing = _report()
    del missing["totals"]["seed"]["citation_precision"]
    none = _report(groundedness=None)
    assert none["totals"]["seed"]["groundedness"] is None
    assert _compare(str(base), str(_write(tmp_path, "missing", missing))).exit_code == 1
    assert _compare(str(base), str(_write(tmp_path, "none", none))).exit_code == 1
    no_suite = _report()
    no_suite["totals"] = {}
    assert _compare(str(base), str(_write(tmp_path, "nosuite", no_suite))).exit_code == 1
    # an ungated metric may go missing
    extra = _report(ndcg_like=0.5)
    assert _compare(str(_write(tmp_path, "extra", extra)), str(base)).exit_code == 0


def test_compare_warns_about_changed_templates_and_corpus_and_lists_changed_items(tmp_path):
    base = _report()
    cand = copy.deepcopy(base)
    cand["provenance"]["templates"]["answer"] = "bbbb"
    cand["provenance"]["corpus_snapshot"] = "snap2"
    cand["items"][0]["output"]["text"] = "B."
    cand["items"][0]["scores"]["fact_coverage"] = 0.5
    result = cmp.compare_reports(base, cand, cmp.load_gate())
    assert result.passed  # warnings only
    assert any("templates changed: answer" in w for w in result.warnings)
    assert any("corpus snapshot differs" in w for w in result.warnings)
    assert [(c.id, c.output_changed) for c in result.changed] == [("qa-1", True)]
    assert "fact_coverage 1.00→0.50" in result.changed[0].changes
    res = _compare(str(_write(tmp_path, "b", base)), str(_write(tmp_path, "c", cand)), "--md", str(tmp_path / "cmp.md"))
    assert res.exit_code == 0
    assert "templates changed: answer" in res.output
    assert "qa-1" in (tmp_path / "cmp.md").read_text()


def test_gate_config_gates_the_documented_metrics():
    gate = cmp.load_gate()
    for metric in ("groundedness", "citation_recall", "citation_precision", "fact_coverage", "abstention_accuracy"):
        assert gate.allowed("seed", metric, {}) is not None and gate.allowed("seed", metric, {}) <= 0.03
    assert gate.lower_better("seed", "uncited_rate")


# --------------------------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def eval_settings(tmp_path_factory, sample_index) -> Settings:
    """A real index of the sample corpus in its own data dir (embeddings from the session's warm cache)."""
    data = tmp_path_factory.mktemp("eval-data")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    s = Settings(data_dir=data)
    index = CorpusIndex(s)
    report = Ingestor(index).ingest_paths([CORPUS_DIR])
    assert report.added == 5, report.to_dict()
    index.close()
    return s


def _scores_in_unit_interval(report: dict) -> None:
    for suite, totals in report["totals"].items():
        for k, v in totals.items():
            assert v is None or 0.0 <= v <= 1.0, (suite, k, v)
    for it in report["items"]:
        for k, v in it["scores"].items():
            assert v is None or 0.0 <= v <= 1.0, (it["id"], k, v)


@pytest.fixture(scope="module")
def good_run(eval_settings, tmp_path_factory) -> Path:
    """`brief eval run --suite seed` through the CLI on a few items."""
    out = tmp_path_factory.mktemp("reports") / "good.json"
    mp = pytest.MonkeyPatch()
    mp.setenv("BRIEF_DATA_DIR", str(eval_settings.data_dir))
    get_settings.cache_clear()
    try:
        res = runner.invoke(app, ["eval", "run", "--suite", "seed", "--ids", ",".join(SEED_IDS), "--out", str(out)])
    finally:
        mp.undo()
        get_settings.cache_clear()
    assert res.exit_code == 0, res.output
    return out


def test_eval_run_writes_report_with_items_totals_provenance(good_run):
    report = read_report(good_run)
    assert report["suites"] == ["seed"] and report["repeats"] == 1
    assert [it["id"] for it in report["items"]] == SEED_IDS
    prov = report["provenance"]
    for key in ("backend", "model", "templates", "corpus_snapshot", "settings", "settings_hash", "embedding_model", "retrieval"):
        assert prov.get(key), key
    assert prov["backend"] == "extractive" and set(prov["templates"]) >= {"answer", "situation", "assessment"}
    seed = report["totals"]["seed"]
    for metric in ("hit@1", "hit@5", "recall@10", "mrr@10", "ndcg@10", "citation_recall", "citation_precision",
                   "uncited_rate", "groundedness", "fact_coverage", "abstention_accuracy"):
        assert metric in seed, metric
    _scores_in_unit_interval(report)
    by_id = {it["id"]: it for it in report["items"]}
    answered = by_id["qa-003"]
    assert answered["input"]["gold_doc_ids"] and not answered["input"]["gold_doc_ids"][0].startswith("missing:")
    assert answered["output"]["retrieved_docs"][0] == "000_580d63be879a1666"
    assert answered["output"]["claims"] and answered["output"]["claims"][0]["citations"][0]["quote"]
    assert answered["scores"]["hit@1"] == 1.0
    unanswerable = by_id["qa-051"]
    assert set(unanswerable["scores"]) == {"abstention_correct"}  # unanswerable: abstention only
    assert "latency_s" in unanswerable["stats"]
    md = good_run.with_suffix(".md").read_text(encoding="utf-8")
    assert "| hit@5 |" in md and "qa-003" in md
    assert report["stats"]["seed"]["mean_latency_s"] > 0


def test_eval_run_fails_clearly_on_an_empty_index(tmp_path):
    with pytest.raises(EvalError, match="brief ingest corpus"):
        run_eval(Settings(data_dir=tmp_path / "empty"), suites="seed", limit=1)


def _broken_prompts(tmp_path: Path) -> Path:
    """prompts/ with the answer template told to pick nothing useful (and no room for the answer)."""
    d = tmp_path / "broken-prompts"
    shutil.copytree(REPO_ROOT / "prompts", d)
    p = d / "answer.j2"
    text = p.read_text(encoding="utf-8")
    text = text.replace('description = "The direct answer to the question, in one sentence."',
                        'description = "The least relevant sentence: boilerplate, navigation and image captions."')
    text = text.replace("max_items = 1\n", "max_items = 0\n", 1)
    text = text.replace('description = "Facts from the evidence that back up, explain or qualify the answer."',
                        'description = "Boilerplate, navigation and image captions."')
    assert text != p.read_text(encoding="utf-8")
    p.write_text(text, encoding="utf-8")
    return d


def test_broken_template_fails_the_gate(eval_settings, good_run, tmp_path):
    broken = tmp_path / "broken.json"
    report = run_eval(eval_settings, suites="seed", ids=SEED_IDS, prompts_dir=_broken_prompts(tmp_path))
    write_report(report, broken)
    _scores_in_unit_interval(report)
    res = _compare(str(good_run), str(broken))
    assert res.exit_code == 1, res.output
    assert "templates changed: answer" in res.output
    assert "FAIL" in res.output


def test_accept_copies_report_and_regenerates_markdown(good_run, tmp_path):
    target = tmp_path / "baselines" / "seed.json"
    res = runner.invoke(app, ["eval", "accept", str(good_run), "--to", str(target)])
    assert res.exit_code == 0, res.output
    assert read_report(target)["totals"] == read_report(good_run)["totals"]
    assert target.with_suffix(".md").read_text(encoding="utf-8").startswith("# Eval report")
    assert _compare(str(target), str(good_run)).exit_code == 0


# --------------------------------------------------------------------------------------------- LLM backend

_BLOCK = re.compile(r'<evidence id="(S\d+)"[^>]*>\n(.*?)\n</evidence>', re.S)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = set("the a an of in on to and or for what which who how did does is was were by with that this from as at its it be".split())


def _decent_model(request: dict) -> str:
    """Answers like a careful model: quotes the evidence sentences closest to the question, with their [S#] ids.

    A prompt without evidence blocks or without the citation instruction gets what a model would then
    write: a confident, invented, uncited sentence."""
    from rag.text.sentences import split_sentences

    user = request["messages"][-1]["content"]
    blocks = _BLOCK.findall(user)
    if not blocks or "[S1]" not in user:
        return "Officials confirmed the measure was adopted after a secret vote in the Diet last winter."
    m = re.search(r"Question: (.*)", user)
    q = {w for w in _WORD.findall((m.group(1) if m else "").lower()) if w not in _STOP}
    scored = []
    for sid, text in blocks:
        for s in split_sentences(text):
            words = set(_WORD.findall(s.text.lower()))
            if len(words) >= 6:
                scored.append((len(q & words) / (len(q) or 1), sid, s.text))
    scored.sort(key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < 0.5:
        return f"{NO_EVIDENCE} that question."
    return " ".join(f"{text} [{sid}]" for _, sid, text in scored[:2])


def _no_evidence_prompts(tmp_path: Path) -> Path:
    d = tmp_path / "llm-broken-prompts"
    shutil.copytree(REPO_ROOT / "prompts", d)
    p = d / "answer.j2"
    text = p.read_text(encoding="utf-8")
    text = text.replace('variables = ["topic", "evidence", "history", "no_evidence"]', 'variables = ["topic", "history", "no_evidence"]')
    text = text.replace("\nEvidence:\n{{ evidence }}", "")
    text = text.replace(" End every sentence with the ids of the passages that support it, like [S1] or [S2][S3].", "")
    assert "{{ evidence }}" not in text and "[S1]" not in text
    p.write_text(text, encoding="utf-8")
    return d


def test_llm_backend_good_vs_broken_prompt(eval_settings, tmp_path):
    with ScriptedLLMServer(default=_decent_model) as server:
        llm_settings = eval_settings.model_copy(update={
            "llm": eval_settings.llm.model_copy(update={"backend": "openai", "base_url": server.base_url, "model": "scripted",
                                                         "retries": 0, "timeout": 20.0}),
        })
        good = run_eval(llm_settings, suites="seed", ids=LLM_IDS, backend="openai", repeats=2)
        bad = run_eval(llm_settings, suites="seed", ids=LLM_IDS, backend="openai", prompts_dir=_no_evidence_prompts(tmp_path))
        assert server.requests, "the scripted model was never called"
    assert good["provenance"]["backend"] == "openai" and good["provenance"]["model"] == "scripted"
    assert good["repeats"] == 2 and "totals_std" in good and good["totals_std"]["seed"]["groundedness"] == 0.0
    assert good["totals"]["seed"]["groundedness"] == 1.0
    assert good["stats"]["seed"]["mean_prompt_tokens"] > 0
    _scores_in_unit_interval(good)
    _scores_in_unit_interval(bad)
    gp, bp = tmp_path / "llm-good.json", tmp_path / "llm-bad.json"
    write_report(good, gp)
    write_report(bad, bp)
    res = _compare(str(gp), str(bp))
    assert res.exit_code == 1, res.output
    assert _compare(str(gp), str(gp)).exit_code == 0


# --------------------------------------------------------------------------------------------- RealTime QA (synthetic)


def _rtqa_data(root: Path) -> Path:
    articles = [
        {"id": "a1", "url": "https://www.example.com/2022/06/10/squid-game-season-2/index.html", "published": "2022/06/10",
         "title": "Squid Game renewed", "text": "Netflix announced that the hit South Korean show Squid Game is officially coming back "
         "for a second season. The streaming company said production would start next year."},
        {"id": "a2", "url": "http://example.com/2022/06/11/usb-c/", "published": "2022/06/11", "title": "EU charger rule",
         "text": "European regulators announced a plan that will require phones, tablets and cameras sold in Europe to use "
         "a USB-C charging port. Apple will have to change the iPhone connector."},
        {"id": "a3", "url": "https://example.com/2022/06/20/late-news", "published": "2022/06/20", "title": "Late news",
         "text": "A later article that mentions Squid Game and Europe but was published after the quiz date."},
        {"id": "a4", "url": "https://example.com/other", "published": "2022/06/01", "title": "Weather",
         "text": "Heavy rain is expected across the northeast this weekend, forecasters said on Friday."},
    ]
    questions = [
        {"id": "q1", "date": "2022/06/16", "question": "Which wildly popular show was recently green lit for a new season?",
         "choices": ["“Game of Thrones”", "“Squid Game”", "“Breaking Bad”", "“Friends”"], "answer": [1],
         "gold_urls": ["https://www.example.com/2022/06/10/squid-game-season-2/index.html#section"]},
        {"id": "q2", "date": "2022/06/16", "question": "Which continent will require a single common charging standard for phones?",
         "choices": ["Europe", "North America", "Asia", "Africa"], "answer": [0], "gold_urls": ["https://example.com/2022/06/11/usb-c"]},
        {"id": "q3", "date": "2022/06/16", "question": "What is the weather outlook?", "choices": ["Rain", "Snow", "Sun", "Fog"],
         "answer": [0], "gold_urls": []},
    ]
    root.mkdir(parents=True)
    (root / "corpus.jsonl").write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    (root / "questions-dev.jsonl").write_text("\n".join(json.dumps(q) for q in questions) + "\n", encoding="utf-8")
    return root


def test_rtqa_helpers():
    assert rtqa.normalize_url("https://www.CNN.com/a/b/index.html?x=1#frag") == "cnn.com/a/b/index.html"
    assert rtqa.normalize_url("http://cnn.com/a/b/") == rtqa.normalize_url("cnn.com/a/b")
    assert rtqa.choice_text("“Squid Game”") == "Squid Game"
    assert rtqa.contains("The show Squid Game returns.", "“Squid Game”")
    assert not rtqa.contains("In 2026 the plan", "20")
    assert rtqa.parse_letter("Answer: B.", 4) == 1 and rtqa.parse_letter("I think (c)", 4) is None and rtqa.parse_letter("C", 4) == 2
    pick, scores = rtqa.reader_offline("Which continent?", ["Europe", "Asia"], ["Regulators in Europe decided.", "Nothing."])
    assert pick == 0 and scores[0] > scores[1]


def test_a_gold_url_saved_as_a_copy_of_an_indexed_article_is_found_and_a_wall_page_is_not(tmp_path):
    """Gold articles are found by every URL the corpus saved them under (the ingest keeps one copy of a text saved
    twice); a page the loader refuses (a consent notice under the story's headline) is no gold article in the index."""
    data = _rtqa_data(tmp_path / "rtqa")
    corpus = data / "corpus.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    copy = dict(rows[0], id="a1-copy", url="https://www.example.com/2022/06/10/squid-game-season-2?cid=feed")
    wall = {"id": "a5", "url": "https://example.com/2022/06/12/usb-c-vote/index.html", "published": "2022/06/12",
            "title": "EU lawmakers back charger rule", "text": "We will use the details you have shared to manage your "
            "registration. You agree to the processing of this information as described in our Privacy Policy."}
    corpus.write_text("\n".join(json.dumps(r) for r in [copy, *rows, wall]) + "\n", encoding="utf-8")
    s = Settings(data_dir=tmp_path / "rtqa-data")
    index = open_index(s, collection="gold-copies")
    rtqa.ingest(index, corpus)

    golds = rtqa.GoldLookup.of(index)
    first = golds.gold_docs({"gold_urls": ["https://www.example.com/2022/06/10/squid-game-season-2/index.html"]})
    second = golds.gold_docs({"gold_urls": ["https://example.com/2022/06/10/squid-game-season-2"]})
    assert len(first) == 1 and first == second
    assert golds.gold_docs({"gold_urls": [wall["url"]]}) == set()
    assert index.catalog.counts()["documents"] == 4


def test_realtimeqa_subset_run_with_llamaindex_baseline(tmp_path):
    data = _rtqa_data(tmp_path / "rtqa")
    s = Settings(data_dir=tmp_path / "rtqa-data")
    report = rtqa.run_realtimeqa(s, data=data, max_articles=1, baseline=True)
    assert report["subset"]["gold_articles"] == 2 and report["subset"]["other_articles"] == 1
    subset_file = Path(report["subset"]["file"])
    assert subset_file.is_file() and REPO_ROOT not in subset_file.parents
    assert report["corpus_counts"]["documents"] == 3  # a1, a2 (gold) + a3 (first other)
    assert set(report["totals"]) == {rtqa.HybridSystem.name, rtqa.LlamaIndexBaseline.name}
    for name, tot in report["totals"].items():
        assert tot["questions"] == 3 and tot["questions_with_gold"] == 2, name
        assert tot["hit@10"] == 1.0, name
        for k in ("hit@1", "mrr@10", "answer_recall@5", "wrong_recall@10", "mc_accuracy_offline"):
            assert 0.0 <= tot[k] <= 1.0, (name, k)
    index = open_index(s, collection=report["collection"])
    published = {d["doc_id"]: d["published"] for d in index.catalog.list_documents(limit=100)[0]}
    for it in report["items"]:
        for entry in it["systems"].values():
            assert all(published[d] <= "2022-06-16" for d in entry["retrieved_docs"])  # a3 is after the quiz date
    q1 = next(it for it in report["items"] if it["id"] == "q1")
    assert q1["systems"][rtqa.HybridSystem.name]["reader_pick"] == 1
    md = rtqa.render_markdown(report)
    assert "retrieval-based reader (offline)" in md and "llama-index VectorStoreIndex" in md
    again = rtqa.run_realtimeqa(s, data=data, max_articles=1, baseline=True)  # reuses the ingested subset
    assert again["ingest"]["added"] == 0 and again["baseline_build"]["documents_added"] == 0

    def stable(totals: dict) -> dict:
        return {n: {k: v for k, v in t.items() if k != "p50_retrieval_s"} for n, t in totals.items()}

    assert stable(again["totals"]) == stable(report["totals"])
