"""What a new `brief search` process imports: the search path never loads llama-index (about a second of start-up),
nor bm25s and scipy (half a second).

Timings are benchmarks (benchmarks/cold_start.py), not tests; this pins the import graph that makes them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import REPO_ROOT

# bm25s imports scipy.sparse (half a second of CPU); a saved BM25 index is searched without it (rag.bm25_postings)
HEAVY_FOR_SEARCH = ("llama_index.core", "llama_index.vector_stores", "sqlalchemy", "torch", "sentence_transformers", "bm25s", "scipy")


def _run(code: str, data_dir, tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEF_")}
    env.update(BRIEF_DATA_DIR=str(data_dir), BRIEF_CONFIG_FILE=str(tmp_path / "none.toml"))
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_brief_search_in_a_new_process_does_not_import_llama_index(sample_index, tmp_path):
    settings, index = sample_index
    index.refresh_lexical()  # the BM25 index on disk, as `brief ingest` leaves it
    code = (
        "import io, json, sys, contextlib\n"
        "from rag.cli import app\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    app(['search', 'semiconductor export controls', '-k', '3', '--until', '2030-01-01', '--json'], standalone_mode=False)\n"
        f"heavy = {HEAVY_FOR_SEARCH!r}\n"
        "print(json.dumps({'hits': len(json.loads(out.getvalue())),\n"
        "                  'loaded': sorted({m for m in sys.modules for h in heavy if m == h or m.startswith(h + '.')})}))\n"
    )
    got = _run(code, settings.data_dir, tmp_path)
    assert got["hits"] == 3, "the search itself must work (dense + BM25 with a date filter)"
    assert got["loaded"] == []


def test_brief_help_imports_neither_the_stores_nor_the_models(tmp_path):
    code = (
        "import io, json, sys, contextlib\n"
        "from rag.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        app(['--help'], standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('llama_index.core', 'chromadb', 'onnxruntime', 'bm25s', 'pydantic_settings')\n"
        "print(json.dumps({'loaded': sorted({m.split('.')[0] for m in sys.modules for h in heavy if m == h or m.startswith(h + '.')})}))\n"
    )
    assert _run(code, tmp_path / "data", tmp_path)["loaded"] == []
