"""`brief ask` through a real local model: llama.cpp's OpenAI-compatible server with Gemma 3 270M.

The model is tiny and writes poorly, which is the point: whatever it writes, the answer that comes
out must consist only of claims verified against the passages they cite (or be an abstention).
Skips with the reason when llama-cpp-python[server] or the GGUF package is not installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

try:
    from tests.llamacpp_server import make_llamacpp_fixture
except ImportError:  # pragma: no cover
    from llamacpp_server import make_llamacpp_fixture

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
llamacpp_server = make_llamacpp_fixture(scope="module")


def _brief(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rag.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def test_brief_ask_through_llama_cpp_returns_only_verified_claims(llamacpp_server, tmp_path):
    env = {
        **os.environ,
        "BRIEF_DATA_DIR": str(tmp_path / "data"),
        "BRIEF_LLM__BACKEND": "openai",
        "BRIEF_LLM__BASE_URL": llamacpp_server.base_url,
        "BRIEF_LLM__MODEL": llamacpp_server.model_alias,
        "BRIEF_LLM__CONTEXT_TOKENS": "2048",
        "BRIEF_LLM__MAX_TOKENS": "160",
        "BRIEF_LLM__TIMEOUT": "600",
        "BRIEF_LLM__RETRIES": "0",
        "BRIEF_GENERATION__EVIDENCE_K": "4",
    }
    ingest = _brief(["ingest", "corpus"], env)
    assert ingest.returncode == 0, ingest.stderr

    run = _brief(["ask", "Which materials did Japan restrict for export to South Korea?", "--format", "json"], env)
    assert run.returncode == 0, run.stderr
    brief = json.loads(run.stdout)

    prov = brief["provenance"]
    assert prov["backend"] == "openai", f"the local model was not used: {prov['notes']}"
    assert prov["model"] == llamacpp_server.model_alias
    claims = [c for s in brief["sections"] for c in s["claims"]]
    if brief["abstained"]:
        assert brief["message"].startswith("The corpus has no evidence on")
    else:
        assert claims
    for claim in claims:
        assert claim["verified"] and claim["citations"], claim
    # Whatever the model wrote that its citations did not support was repaired or removed, and logged.
    removed = [r for r in prov["repairs"] if r["action"] in ("removed", "recited")]
    print(f"claims kept: {len(claims)}, repairs: {len(removed)}, abstained: {brief['abstained']}")
