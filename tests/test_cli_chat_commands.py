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


def test_piped_chat_prints_no_prompt_and_sets_each_turn_apart(cli, sample_index) -> None:
    """`printf 'q1\\nq2\\n' | brief chat`: stdin is not a terminal, so no "you> " prompt runs into the answers; each
    turn's output opens with a header naming its line, turns are a blank line apart, and answers keep their own lines
    (not wrapped at 80 columns)."""
    from rag.cli.generate import PIPED_TURN_HEADER

    questions = ["What did Japan tighten for exports to South Korea?", "/sources", "How many F-35 fighters did Poland order?"]
    result = cli(["chat"], input="\n".join([questions[0], "", *questions[1:]]) + "\n", BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "you>" not in out
    headers = [PIPED_TURN_HEADER.format(line=q) for q in questions]
    assert [line for line in out.splitlines() if line.startswith("── you: ")] == headers
    assert out.startswith(headers[0] + "\n")
    for header in headers[1:]:
        assert f"\n\n{header}\n" in out  # a blank line before every later turn
    turns = out.split("\n\n── you: ")
    assert "Sources:" in turns[0] and "“" in turns[1] and "no evidence" in turns[2]
    assert max(len(line) for line in out.splitlines()) > 100  # the answer's lines as written, not rewrapped


def test_sources_lists_each_source_as_a_brief_does_with_its_word_for_what_is_not_known(cli, sample_index) -> None:
    """`/sources` after an answer from the sample corpus's roundup (a file with no publisher and no date): its line
    says "publisher unknown" and "undated", as a brief's source list does, never an empty field (" —  — ")."""
    result = _chat(cli, sample_index, ["What did the US ask Japan to do about semiconductors?", "/sources"])
    assert result.exit_code == 0, result.output
    listing = result.stdout.split("/sources", 1)[1]
    lines = [line for line in listing.splitlines() if line.startswith("[")]
    assert lines and " —  — " not in listing
    assert any("publisher unknown" in line and line.endswith("undated") for line in lines)


def test_source_facts_name_what_is_not_known() -> None:
    from rag.brief import Source
    from rag.render import source_facts

    bare = Source(index=1, doc_id="d1", title="", publisher="", published=None)
    assert source_facts(bare) == ["publisher unknown", "news report", "undated"]
    full = Source(index=2, doc_id="d2", title="T", publisher="Kyodo", published="2026-02-25")
    assert source_facts(full)[0] == "Kyodo" and source_facts(full)[2] == "2026-02-25"
