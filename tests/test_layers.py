"""Each layer knows its place: the core raises errors without HTTP, api/ has no import loop, `brief` starts light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def test_core_errors_carry_no_http_status():
    import rag.errors

    errors = [obj for obj in vars(rag.errors).values() if isinstance(obj, type) and issubclass(obj, rag.errors.BriefError)]
    assert len(errors) >= 8
    assert not [e.__name__ for e in errors if "status_code" in vars(e)]
    assert "fastapi" not in (ROOT / "rag" / "errors.py").read_text(encoding="utf-8")


def test_every_core_error_has_an_http_mapping_in_api():
    import rag.errors
    from api.errors import brief_error

    for cls in [c for c in vars(rag.errors).values() if isinstance(c, type) and issubclass(c, rag.errors.BriefError)]:
        status, body = brief_error(cls("what happened", help_message="how to fix"))
        assert 400 <= status < 600 and body["error"]["help"] == "how to fix"


def test_the_core_never_imports_the_api_or_the_evals():
    offenders = {
        module_name(p): sorted(m for m in imports_of(p) if m.split(".")[0] in ("api", "evals", "fastapi"))
        for p in (ROOT / "rag").rglob("*.py")
        if module_name(p).split(".")[:2] != ["rag", "cli"]  # the CLI may, inside its commands
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_api_modules_form_no_import_cycle():
    graph = {module_name(p): {m for m in imports_of(p) if m.split(".")[0] == "api"} for p in (ROOT / "api").rglob("*.py")}

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    assert [m for m in graph if reaches(m, m, {m})] == []


@pytest.mark.parametrize("module", ["api.deps", "api.jobs", "api.errors", "api.main"])
def test_each_api_module_imports_on_its_own(module):
    run = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr


def test_the_cli_module_loads_no_heavy_or_foreign_package_until_a_command_runs():
    heavy = ["api", "evals", "rag.config", "pydantic", "llama_index.core", "chromadb", "numpy", "onnxruntime", "fastapi"]
    code = "import sys, rag.cli; print(' '.join(m for m in %r if m in sys.modules))" % heavy
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == []


def test_brief_help_lists_every_command_group():
    run = subprocess.run([sys.executable, "-m", "rag.cli", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for command in ("ingest", "search", "write", "ask", "chat", "verify", "serve", "config", "eval"):
        assert f"  {command} " in run.stdout
