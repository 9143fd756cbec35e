"""Specification of settings (rag.config): BRIEF_* env vars, a TOML file, precedence, lazy construction, masking."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.config import Settings, get_settings


@pytest.fixture
def env(monkeypatch):
    """Set env vars for one test; the cached process settings are dropped before and after."""
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def write_toml(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_offline_and_embedded(tmp_path):
    s = Settings(data_dir=tmp_path)
    assert s.embedding.backend == "minilm-onnx" and s.llm.backend == "extractive"
    assert s.chroma.mode == "embedded" and s.chroma.token is None
    assert s.hf_offline is True
    assert (s.chunking.chunk_tokens, s.chunking.overlap_tokens) == (256, 32)


def test_env_vars_use_the_brief_prefix_and_double_underscore_nesting(env, tmp_path):
    env.setenv("BRIEF_DATA_DIR", str(tmp_path / "from-env"))
    env.setenv("BRIEF_CHROMA__MODE", "http")
    env.setenv("BRIEF_CHROMA__PORT", "9123")
    env.setenv("BRIEF_RETRIEVAL__TOP_K", "5")
    env.setenv("BRIEF_LLM__TEMPERATURE", "0.7")
    env.setenv("DATA_DIR", "/not/prefixed/so/ignored")
    s = Settings()
    assert s.data_dir == tmp_path / "from-env"
    assert (s.chroma.mode, s.chroma.port, s.chroma.host) == ("http", 9123, "127.0.0.1")
    assert s.retrieval.top_k == 5 and s.retrieval.candidates == 50  # siblings keep their defaults
    assert s.llm.temperature == 0.7


def test_invalid_env_values_are_rejected(env):
    env.setenv("BRIEF_CHUNKING__CHUNK_TOKENS", "5")
    with pytest.raises(ValidationError, match="chunk_tokens"):
        Settings()
    env.setenv("BRIEF_CHUNKING__CHUNK_TOKENS", "256")
    env.setenv("BRIEF_CHROMA__MODE", "cloud")
    with pytest.raises(ValidationError, match="mode"):
        Settings()


def test_a_toml_file_named_by_brief_config_file_is_read(env, tmp_path):
    toml = write_toml(
        tmp_path / "custom.toml",
        f'data_dir = "{tmp_path / "from-toml"}"\n\n[chroma]\nport = 7001\ncollection = "evals"\n\n[retrieval]\ntop_k = 3\n',
    )
    env.setenv("BRIEF_CONFIG_FILE", str(toml))
    env.delenv("BRIEF_DATA_DIR", raising=False)  # conftest points it at a temp dir; env would beat the file
    s = Settings()
    assert s.data_dir == tmp_path / "from-toml"
    assert (s.chroma.port, s.chroma.collection, s.chroma.mode) == (7001, "evals", "embedded")
    assert s.retrieval.top_k == 3


def test_brief_toml_in_the_working_directory_is_the_default_file(env, tmp_path):
    write_toml(tmp_path / "brief.toml", "[retrieval]\ntop_k = 4\n")
    env.delenv("BRIEF_CONFIG_FILE", raising=False)
    env.chdir(tmp_path)
    assert Settings().retrieval.top_k == 4


def test_a_missing_config_file_is_not_an_error(env, tmp_path):
    env.setenv("BRIEF_CONFIG_FILE", str(tmp_path / "absent.toml"))
    assert Settings().retrieval.top_k == 8


def test_env_beats_the_file_and_arguments_beat_both(env, tmp_path):
    """Precedence: defaults < TOML file < environment < explicit arguments."""
    toml = write_toml(tmp_path / "brief.toml", "[chroma]\nport = 7001\nhost = \"file-host\"\n\n[retrieval]\ntop_k = 3\n")
    env.setenv("BRIEF_CONFIG_FILE", str(toml))
    env.setenv("BRIEF_CHROMA__PORT", "8002")
    s = Settings()
    assert s.chroma.port == 8002, "env beats file"
    assert s.chroma.host == "file-host", "the file still fills what env does not set"
    assert s.retrieval.top_k == 3
    assert Settings(retrieval={"top_k": 9}).retrieval.top_k == 9, "arguments beat the file"
    assert Settings(chroma={"port": 1234}).chroma.port == 1234, "arguments beat env"


def test_get_settings_is_built_on_first_use_and_then_cached(env, tmp_path):
    env.setenv("BRIEF_DATA_DIR", str(tmp_path / "one"))
    first = get_settings()
    assert first.data_dir == tmp_path / "one"
    env.setenv("BRIEF_DATA_DIR", str(tmp_path / "two"))
    assert get_settings() is first, "cached until cache_clear()"
    get_settings.cache_clear()
    assert get_settings().data_dir == tmp_path / "two"


def test_importing_the_package_builds_no_settings(tmp_path):
    """No module builds Settings at import: an invalid env var only fails when settings are first used."""
    code = (
        "import rag, rag.config, rag.cli, rag.index, rag.ingest, rag.retrieve, rag.store, rag.embeddings\n"
        "from rag.config import get_settings\n"
        "assert get_settings.cache_info().currsize == 0, 'settings were built at import'\n"
        "try:\n"
        "    get_settings()\n"
        "except Exception as exc:\n"
        "    print('FAILED-ON-USE', type(exc).__name__)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "BRIEF_CHROMA__PORT": "not-a-port", "BRIEF_CONFIG_FILE": str(tmp_path / "none.toml")}
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "FAILED-ON-USE ValidationError" in result.stdout


def test_secrets_are_masked_for_display(tmp_path):
    s = Settings(data_dir=tmp_path, chroma={"token": "supersecret"})
    assert s.chroma.token.get_secret_value() == "supersecret"
    shown = s.masked()
    assert shown["chroma"]["token"] == "**********"
    for text in (json.dumps(shown), repr(s), str(s), repr(s.chroma)):
        assert "supersecret" not in text


def test_the_llm_api_key_is_read_from_the_environment_never_stored(env, tmp_path):
    env.setenv("MY_KEY_VAR", "sk-very-secret")
    s = Settings(data_dir=tmp_path, llm={"api_key_env": "MY_KEY_VAR"})
    assert s.llm.api_key() == "sk-very-secret"
    assert "sk-very-secret" not in json.dumps(s.masked())
    env.delenv("MY_KEY_VAR")
    assert s.llm.api_key() is None


def test_the_retrieval_fingerprint_changes_with_retrieval_relevant_settings_only(tmp_path):
    base = Settings(data_dir=tmp_path)
    assert base.retrieval_fingerprint() == Settings(data_dir=tmp_path / "other", llm={"temperature": 0.9}).retrieval_fingerprint()
    assert base.retrieval_fingerprint() != Settings(data_dir=tmp_path, chunking={"chunk_tokens": 128}).retrieval_fingerprint()
    assert base.retrieval_fingerprint() != Settings(data_dir=tmp_path, retrieval={"top_k": 3}).retrieval_fingerprint()
    assert base.retrieval_fingerprint() != Settings(data_dir=tmp_path, chroma={"search": "hnsw"}).retrieval_fingerprint()


def _readme_setting_rows() -> list[str]:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return [line for line in readme.splitlines() if line.startswith("| `BRIEF_")]


def _documented(section: str | None, field: str, rows: list[str]) -> bool:
    """Named as `BRIEF_SECTION__FIELD`, or as `__FIELD`/`FIELD` in a row of the same section
    ("| `BRIEF_LLM__TIMEOUT` / `__RETRIES` / ..."), or `BRIEF_FIELD` for a top-level setting."""
    if section is None:
        return any(f"`BRIEF_{field.upper()}`" in row for row in rows)
    head = f"BRIEF_{section.upper()}__"
    return any(row.startswith(f"| `{head}") and (f"{head}{field.upper()}`" in row or f"`__{field.upper()}`" in row
                                                  or f"`{field.upper()}`" in row) for row in rows)


def test_every_setting_is_in_the_readme_configuration_table() -> None:
    from pydantic import BaseModel

    rows = _readme_setting_rows()
    missing = []
    for name, field in Settings.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            missing += [f"BRIEF_{name.upper()}__{sub.upper()}" for sub in kind.model_fields
                        if not _documented(name, sub, rows)]
        elif not _documented(None, name, rows):
            missing.append(f"BRIEF_{name.upper()}")
    assert not missing, f"settings missing from README's configuration table: {missing}"
