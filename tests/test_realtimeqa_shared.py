"""The RealTime QA benchmark on the real shared data (a few questions, a small article subset).

Needs ../shared/data/realtimeqa-2022 (evaluation-only data, never copied into the repo): skipped with
the reason when it is absent, as in a user's clone; CI has it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evals import realtimeqa as rtqa
from rag.config import Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realtimeqa-2022"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (DATA / "corpus.jsonl").is_file(), reason=f"RealTime QA data not found at {DATA}"),
]


def test_realtimeqa_runs_on_the_real_files_and_reports_in_range_metrics(tmp_path):
    report = rtqa.run_realtimeqa(Settings(data_dir=tmp_path / "data"), data=DATA, limit=4, gold_only=True, max_articles=6, baseline=True)

    assert report["questions"] == 4
    subset = Path(report["subset"]["file"])
    assert Path(__file__).resolve().parent.parent not in subset.parents, "evaluation data must stay outside the repo"
    for name, totals in report["totals"].items():
        for key in ("hit@1", "hit@10", "mrr@10", "answer_recall@10", "mc_accuracy_offline"):
            assert totals[key] is None or 0.0 <= totals[key] <= 1.0, (name, key)
    assert "retrieval-based reader (offline)" in rtqa.render_markdown(report)
