"""Settings a command cannot use — a settings file that is not TOML, a value a setting does not take — are one error
line naming the setting, what it takes and where settings come from, exit 2: never pydantic's or tomllib's traceback
(a screenful, exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [["search", "chips"], ["ask", "chips"], ["config", "show"], ["doctor"]])
def test_a_settings_file_that_is_not_toml_is_one_line(cli, tmp_path: Path, command: list[str]) -> None:
    config = tmp_path / "brief.toml"
    config.write_text("[llm\nmodel = 'x'\n", encoding="utf-8")
    result = cli(command, BRIEF_CONFIG_FILE=str(config), BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: the settings file {config} is not TOML: ")


@pytest.mark.parametrize(("env", "said"), [
    ({"BRIEF_LLM__BACKEND": "nosuch"}, "llm.backend: Input should be 'extractive' or 'openai' (got 'nosuch')"),
    ({"BRIEF_RETRIEVAL__TOP_K": "0"}, "retrieval.top_k: Input should be greater than or equal to 1 (got '0')"),
])
def test_a_value_a_setting_does_not_take_is_one_line_naming_it(cli, tmp_path: Path, env: dict, said: str) -> None:
    result = cli(["ask", "chips"], BRIEF_DATA_DIR=str(tmp_path / "data"), **env)
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: invalid settings: {said}") and "BRIEF_* environment variables" in line
