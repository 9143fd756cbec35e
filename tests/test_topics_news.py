"""The topics-news yardstick: metric functions on hand-made briefs, the corpus slice, RealTime QA answer
scoring, and (when ../shared is present) the hand-labelled dataset against the corpus."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from evals import news_metrics as nm
from evals import rtqa_answers
from evals.topics_news import DATASET, HELDOUT, slice_lines

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "data" / "realtimeqa-2022" / "corpus.jsonl"
GOLD = {"g1", "g2", "g3"}
FACTS = [{"fact": "shot in Nara", "any": ["Nara"]}, {"fact": "suspect named", "any": ["Yamagami", "the suspect"]},
         {"fact": "aged 67", "any": ["67"]}]
EVENTS = [{"date": "2022-07-08", "what": "shot", "any": ["shot"]}, {"date": "2022-07-10", "what": "vote", "any": ["vote"]}]


def view(claims=(), timeline=(), **kw) -> nm.BriefView:
    return nm.BriefView(claims=[nm.Entry(t, tuple(d), "summary") for t, d in claims],
                        timeline=[nm.Entry(t, tuple(d), "timeline", day) for day, t, d in timeline], **kw)


# --------------------------------------------------------------------------------------------- on-topic


def test_on_topic_rate_counts_claims_citing_a_gold_article():
    v = view([("Abe was shot in Nara.", ["g1"]), ("Pelosi landed in Taipei.", ["x9"]), ("Both.", ["x9", "g2"])])
    assert nm.on_topic_rate(v, GOLD) == pytest.approx(2 / 3)


def test_on_topic_rate_fails_a_brief_of_another_story_and_is_undefined_without_claims():
    assert nm.on_topic_rate(view([("Pelosi landed in Taipei.", ["x9"]), ("Uncited.", [])]), GOLD) == 0.0
    assert nm.on_topic_rate(view(), GOLD) is None


# --------------------------------------------------------------------------------------------- key facts


def test_key_fact_coverage_accepts_any_surface_form_and_reads_the_timeline():
    v = view([("He was shot in Nara.", ["g1"])], [("2022-07-08", "Police arrested the suspect.", ["g1"])])
    assert nm.key_fact_coverage(v, FACTS) == pytest.approx(2 / 3)


def test_key_fact_coverage_misses_numbers_inside_longer_numbers_and_ignores_absent_facts():
    v = view([("Turnout was 1967 voters in 2067.", ["g1"])])
    assert nm.key_fact_coverage(v, FACTS) == 0.0
    assert nm.key_fact_coverage(v, []) is None


# --------------------------------------------------------------------------------------------- timeline


def test_timeline_entry_counts_only_when_on_topic_and_dated_on_an_event_date():
    v = view(timeline=[("2022-07-08", "Abe shot.", ["g1"]),           # right
                       ("2022-07-09", "Body returns.", ["g1"]),       # on-topic, not an event date
                       ("2022-07-10", "Other story.", ["x9"]),        # event date, off-topic
                       ("2022", "Year only.", ["g2"])])               # a year is not an event date
    s = nm.timeline_scores(v, GOLD, EVENTS)
    assert s["timeline_accuracy"] == 0.25
    assert s["event_recall"] == 0.5
    assert s["timeline_missing"] == 0.0


def test_entries_of_a_topic_without_labelled_events_are_unverifiable_not_wrong():
    v = view(timeline=[("2022-07-24", "The rocket took off.", ["g1"]), ("2022-07-31", "Debris fell.", ["x9"])])
    s = nm.timeline_scores(v, GOLD, [])
    assert s == {"timeline_accuracy": None, "timeline_missing": None, "event_recall": None}
    assert nm.timeline_unverified(v, []) == 2
    assert nm.timeline_unverified(v, EVENTS) == 0  # with labels every entry is judged
    assert nm.timeline_scores(v, GOLD, EVENTS)["timeline_accuracy"] == 0.0


def test_missing_timeline_is_counted_when_the_topic_has_events():
    s = nm.timeline_scores(view([("Abe shot.", ["g1"])]), GOLD, EVENTS)
    assert s == {"timeline_accuracy": None, "timeline_missing": 1.0, "event_recall": 0.0}
    assert nm.timeline_scores(view(), GOLD, [])["timeline_missing"] is None


# --------------------------------------------------------------------------------------------- confidence


def test_high_confidence_on_one_publisher_is_overconfident_two_publishers_are_not():
    claims = [("a", ["g1"]), ("b", ["g2"]), ("c", ["x9"])]
    one = view(claims, confidence="High: rests on 3 articles from two outlets.", publisher={"g1": "cnn.com", "g2": "cnn.com", "x9": "bbc.com"})
    two = view(claims, confidence="High: rests on 3 articles from two outlets.", publisher={"g1": "cnn.com", "g2": "usatoday.com"})
    assert nm.independent_sources(one, GOLD) == 1  # the off-topic bbc.com article does not count
    assert nm.overconfident(one, GOLD) is True
    assert nm.overconfident(two, GOLD) is False


def test_a_confidence_without_reason_is_overconfident_and_no_statement_is_undefined():
    claims = [("a", ["g1"])]
    assert nm.overconfident(view(claims, confidence="Low."), GOLD) is True
    assert nm.overconfident(view(claims, confidence="We have moderate confidence because two outlets agree."), GOLD) is False
    assert nm.confidence_level("Medium confidence: one source") == "moderate"
    assert nm.overconfident(view(claims, confidence=None), GOLD) is None


# --------------------------------------------------------------------------------------------- as of, empty sections


def test_as_of_must_equal_the_latest_cited_on_topic_publication_date():
    claims = [("a", ["g1"]), ("b", ["g2"]), ("c", ["x9"])]
    published = {"g1": "2022-07-08", "g2": "2022-07-11", "x9": "2022-12-01"}
    assert nm.as_of_correct(view(claims, as_of="2022-07-11", published=published), GOLD) == 1.0
    assert nm.as_of_correct(view(claims, as_of="2022-12-01", published=published), GOLD) == 0.0  # off-topic date
    assert nm.as_of_correct(view([("c", ["x9"])], as_of="2022-12-01", published=published), GOLD, "2022-07-12") == 0.0
    assert nm.as_of_correct(view(), GOLD) is None


def test_empty_section_rate():
    v = view(sections={"summary": 3, "implications": 0, "signals": 1})
    assert nm.empty_section_rate(v, ["summary", "implications", "signals", "outlook"]) == 0.5
    assert nm.empty_section_rate(v, []) is None


# --------------------------------------------------------------------------------------------- slice


def test_slice_keeps_every_gold_article_and_picks_distractors_by_id_hash_not_file_order(tmp_path):
    recs = [{"id": f"a{i}", "published": "2022/01/01" if i != 3 else "", "text": "t"} for i in range(12)]
    fwd, rev = tmp_path / "f.jsonl", tmp_path / "r.jsonl"
    fwd.write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    rev.write_text("\n".join(json.dumps(r) for r in reversed(recs)) + "\n")
    _, ids_f = slice_lines(fwd, {"a5", "a7"}, 4)
    _, ids_r = slice_lines(rev, {"a5", "a7"}, 4)
    assert {"a5", "a7"} <= set(ids_f) and len(ids_f) == 6
    assert sorted(ids_f) == sorted(ids_r)
    assert "a3" not in ids_f[2:]  # undated articles are never distractors


# --------------------------------------------------------------------------------------------- RealTime QA answers


CHOICES = ["Europe", "North America", "Asia", "Africa"]


def test_answer_accuracy_needs_the_right_choice_and_no_wrong_one():
    ok = rtqa_answers.choice_scores("The rule applies in Europe from 2024.", CHOICES, [0])
    both = rtqa_answers.choice_scores("Europe follows Africa, regulators said.", CHOICES, [0])
    none = rtqa_answers.choice_scores("Regulators agreed on a common charger.", CHOICES, [0])
    assert ok == {"answer_accuracy": 1.0, "first_sentence_accuracy": 1.0}
    assert both["answer_accuracy"] == 0.0 and both["first_sentence_accuracy"] == 1.0
    assert none == {"answer_accuracy": 0.0, "first_sentence_accuracy": 0.0}


def test_first_sentence_accuracy_fails_when_the_answer_comes_later():
    s = rtqa_answers.choice_scores("Regulators met on Tuesday. The rule applies in Europe.", CHOICES, [0])
    assert s == {"answer_accuracy": 1.0, "first_sentence_accuracy": 0.0}
    assert rtqa_answers.choice_scores("", CHOICES, [0])["answer_accuracy"] == 0.0


# --------------------------------------------------------------------------------------------- the dataset


def _rows(path=DATASET):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path, least", [(DATASET, 32), (HELDOUT, 8)], ids=["dev", "heldout"])
def test_dataset_schema_without_the_corpus(path, least):
    rows = _rows(path)
    assert len(rows) >= least and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["template"] in ("situation", "assessment") and r["topic"].strip() and r["gold_docs"]
        assert 3 <= len(r["key_facts"]) <= 6, r["id"]
        assert all(kf["fact"] and kf["any"] for kf in r["key_facts"]), r["id"]
        for e in r["events"]:
            # at most a day after the latest publication date: a story from East Asia is stamped with the outlet's
            # earlier local date (South Korea's Thursday statement in an article stamped Wednesday in the US)
            assert date.fromisoformat(e["date"]) <= date.fromisoformat(r["as_of"]) + timedelta(days=1) and e["any"], (r["id"], e)
        date.fromisoformat(r["as_of"])


def test_heldout_topics_are_other_stories_than_the_dev_topics():
    dev, held = _rows(DATASET), _rows(HELDOUT)
    assert not {r["id"] for r in dev} & {r["id"] for r in held}
    dev_gold = {g for d in dev for g in d["gold_docs"]}
    for h in held:  # a roundup may report two stories; a held-out story has reports of its own no dev topic holds
        assert set(h["gold_docs"]) - dev_gold, h["id"]


@pytest.mark.skipif(not CORPUS.is_file(), reason=f"RealTime QA corpus not at {CORPUS} (../shared absent)")
@pytest.mark.parametrize("path", [DATASET, HELDOUT], ids=["dev", "heldout"])
def test_dataset_matches_the_corpus(path):
    corpus = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            corpus[rec["id"]] = rec
    for r in _rows(path):
        missing = [g for g in r["gold_docs"] if g not in corpus]
        assert not missing, (r["id"], missing)
        dates = [corpus[g]["published"].replace("/", "-") for g in r["gold_docs"]]
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates), r["id"]
        assert r["as_of"] == max(dates), r["id"]
        texts = [f"{corpus[g]['title'] or ''}\n{corpus[g]['text']}".lower() for g in r["gold_docs"]]
        for f in r["key_facts"] + r["events"]:
            assert any(a.lower() in t for a in f["any"] for t in texts), (r["id"], f)


# --------------------------------------------------------------------------------------------- real pipeline (../shared)


@pytest.mark.shared
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"RealTime QA corpus not at {CORPUS} (../shared absent)")
def test_topics_news_suite_writes_and_scores_a_brief_on_a_small_slice(tmp_path):
    from evals import topics_news
    from rag.config import Settings

    row = next(r for r in _rows() if r["id"] == "tn-016")  # one gold article: a quick slice
    items, info = topics_news.run_suite(Settings(data_dir=tmp_path / "data"), [row], data=CORPUS.parent, distractors=2)
    assert info["articles"] == 3 and info["gold_articles"] == 1
    assert Path(__file__).resolve().parents[1] not in Path(info["slice"]).parents, "benchmark data must stay outside the repo"
    scores = items[0]["scores"]
    assert set(scores) >= {"on_topic_rate", "key_fact_coverage", "timeline_accuracy", "overconfident", "as_of_correct", "empty_section_rate"}
    assert all(v is None or 0.0 <= v <= 1.0 for v in scores.values())
    assert items[0]["output"]["claims"], "a brief on a story in the corpus has claims"
    rates, stats = topics_news.suite_totals(items)
    assert stats["topics"] == 1.0 and rates["on_topic_rate"] == scores["on_topic_rate"]


@pytest.mark.shared
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"RealTime QA corpus not at {CORPUS} (../shared absent)")
def test_realtimeqa_answers_go_through_the_ask_path(tmp_path):
    from evals import realtimeqa
    from rag.config import Settings

    report = realtimeqa.run_realtimeqa(Settings(data_dir=tmp_path / "data"), data=CORPUS.parent, limit=2, gold_only=True,
                                       max_articles=2, baseline=False, answers=True)
    ask = report["totals"][realtimeqa.ASK]
    assert ask["questions"] == 2
    for key in ("answer_accuracy", "first_sentence_accuracy", "abstained", "answer_accuracy_gold_in_index"):
        assert 0.0 <= ask[key] <= 1.0, key  # gold_only: every question's gold article is in the slice
    assert all("answer" in it["ask"] and set(it["ask"]["scores"]) >= {"answer_accuracy"} for it in report["items"])
