"""`brief chat` reads a line that starts with "/" and has no space as a command, not a question: `/help` lists the
commands, a mistyped one (`/hlep`, `/source`) says it is unknown and lists them — never "The corpus has no evidence
on /hlep." with the closest sources."""

from __future__ import annotations

import pytest

from rag.cli.generate import CHAT_COMMANDS


def _chat(cli, sample_index, lines: list[str]):
    return cli(["chat"], input="\n".join([*lines, "/quit"]) + "\n", BRIEF_DATA_DIR=str(sample_index[0].data_dir))


def test_help_lists_every_command(cli, sample_index) -> None:
    result = _chat(cli, sample_index, ["/help"])
    assert result.exit_code == 0
    assert all(f"{name}: " in result.stdout for name in CHAT_COMMANDS) and "no evidence" not in result.stdout


@pytest.mark.parametrize("typo", ["/hlep", "/source", "/q", "/Quit"])
def test_an_unknown_command_is_named_not_answered(cli, sample_index, typo: str) -> None:
    result = _chat(cli, sample_index, [typo])
    assert result.exit_code == 0
    assert f"unknown command {typo}; /sources: " in result.stderr
    assert "no evidence" not in result.stdout and "Closest sources" not in result.stdout
