"""What a new `brief search` process imports: the search path never loads llama-index (about a second of start-up),
nor bm25s and scipy (half a second), nor chromadb (0.6 s) when the snapshot's chunk matrix is on disk.

Timings are benchmarks (benchmarks/cold_start.py), not tests; this pins the import graph that makes them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import REPO_ROOT

# bm25s imports scipy.sparse (half a second of CPU); a saved BM25 index is searched without it (rag.bm25_postings);
# the dense side is an exact product over the saved chunk matrix (rag.exact_dense), so Chroma's client is not needed
HEAVY_FOR_SEARCH = ("llama_index.core", "llama_index.vector_stores", "sqlalchemy", "torch", "sentence_transformers", "bm25s", "scipy",
                    "chromadb")


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


def _loaded(code: str, heavy: tuple[str, ...], tmp_path) -> list[str]:
    probe = code + (f"\nimport json, sys\nheavy = {heavy!r}\n"
                    "print(json.dumps({'loaded': sorted({m for m in sys.modules for h in heavy if m == h or m.startswith(h + '.')})}))\n")
    return _run(probe, tmp_path / "data", tmp_path)["loaded"]


# The fitted models' code and numpy: what the settings must not pay for at import (every command imports them)
MODELS = ("rag.support.checker", "rag.support.features", "rag.support.modality", "rag.roles", "rag.ranker", "numpy")


def test_importing_the_settings_imports_no_model_and_not_the_checker(tmp_path):
    assert _loaded("import rag.config", MODELS, tmp_path) == []
    assert _loaded("from rag.config import Settings, get_settings\nget_settings()", MODELS, tmp_path) == []


def test_a_model_hash_is_read_when_asked_for_and_still_shapes_the_settings_hash(tmp_path):
    code = ("import json\nfrom rag.config import Settings, model_hash, role_model_hash, ranker_model_hash\n"
            "h = {'checker': model_hash(), 'roles': role_model_hash(), 'ranker': ranker_model_hash(),\n"
            "     'settings': Settings().settings_hash()}\nprint(json.dumps(h))\n")
    got = _run(code, tmp_path / "data", tmp_path)
    assert all(len(got[k]) == 64 for k in ("checker", "roles", "ranker"))
    assert len(got["settings"]) == 16


def test_a_support_submodule_imports_without_the_checker_and_the_checker_still_imports_from_the_package(tmp_path):
    assert _loaded("import rag.support.model", ("rag.support.checker", "rag.support.modality"), tmp_path) == []
    code = "from rag.support import SupportChecker, SupportResult\nassert SupportChecker.__name__ == 'SupportChecker'"
    assert _loaded(code, ("rag.support.checker",), tmp_path) == ["rag.support.checker"]


def test_brief_search_imports_neither_the_checker_nor_the_writers(sample_index, tmp_path):
    settings, index = sample_index
    index.refresh_lexical()
    code = (
        "import io, json, sys, contextlib\n"
        "from rag.cli import app\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    app(['search', 'semiconductor export controls', '-k', '3'], standalone_mode=False)\n"
        "heavy = ('rag.support', 'rag.writers', 'rag.roles', 'jinja2')\n"
        "print(json.dumps({'table': 'semiconductor' in out.getvalue().lower() or 'export' in out.getvalue().lower(),\n"
        "                  'loaded': sorted({m for m in sys.modules for h in heavy if m == h or m.startswith(h + '.')})}))\n"
    )
    got = _run(code, settings.data_dir, tmp_path)
    assert got["table"], "the search itself must print its hits"
    assert got["loaded"] == []


def _search_probe(args: list[str]) -> str:
    return (
        "import io, json, sys, contextlib\n"
        "from rag.cli import app\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    app({args!r}, standalone_mode=False)\n"
        "print(json.dumps({'hits': [h['chunk_id'] for h in json.loads(out.getvalue())],\n"
        "                  'chromadb': 'chromadb' in sys.modules}))\n"
    )


def test_an_undated_brief_search_imports_chromadb_only_when_the_chunk_matrix_is_missing(sample_index, tmp_path):
    """With the matrix on disk (as `brief ingest` leaves it) the search is exact and Chroma stays unopened; an index
    saved before the matrix was kept reads it from Chroma once (same hits) and saves it."""
    import shutil

    from rag.exact_dense import VECTORS_FILE

    settings, index = sample_index
    index.refresh_lexical()
    data_dir = tmp_path / "data"
    shutil.copytree(settings.data_dir, data_dir)
    args = ["search", "semiconductor export controls", "-k", "5", "--json"]
    exact = _run(_search_probe(args), data_dir, tmp_path)
    assert len(exact["hits"]) == 5 and exact["chromadb"] is False
    saved = data_dir / index.bm25_path().relative_to(settings.data_dir) / VECTORS_FILE
    saved.unlink()
    assert _run(_search_probe(args), data_dir, tmp_path) == {"hits": exact["hits"], "chromadb": True}
    assert saved.is_file()
    assert _run(_search_probe(args), data_dir, tmp_path) == exact
