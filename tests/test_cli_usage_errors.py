"""A usage error is two lines on stderr, as GNU tools report one ("ls: unrecognized option '--bogus'" / "Try 'ls
--help' for more information."): `error: …` naming what is wrong, then `try: brief COMMAND --help`; exit 2, nothing on
stdout. Not Click's four (usage synopsis, hint, blank line, "Error: …")."""

from __future__ import annotations

import pytest

from rag.templates import OUTPUT_KINDS, TemplateLibrary

WRONG = [
    (["ask"], "error: missing argument 'QUESTION'.", "brief ask"),
    (["search", "chips", "--bogus"], "error: no such option: --bogus", "brief search"),
    (["search", "chips", "--publishr", "x"], "error: no such option: --publishr (Possible options: --publisher)", "brief search"),
    (["search", "chips", "-k", "0"], "error: invalid value for '-k': Input should be greater than or equal to 1", "brief search"),
    (["write", "chips", "-f", "pdf"], "error: invalid value for '--format' / '-f': 'pdf' is not one of 'md', 'json'.", "brief write"),
    (["frob"], "error: no such command 'frob'.", "brief"),
    (["eval", "frob"], "error: no such command 'frob'.", "brief eval"),
    (["eval", "run"], "error: missing option '--out' / '-o'.", "brief eval run"),
    (["ingest", ""], "error: invalid value for 'PATH': an empty path", "brief ingest"),
]


@pytest.mark.parametrize(("args", "error", "command"), WRONG, ids=[" ".join(a) for a, _, _ in WRONG])
def test_a_usage_error_is_the_error_and_where_the_help_is(cli, tmp_path, args: list[str], error: str, command: str) -> None:
    result = cli(args, BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout == ""
    # the test runner names the program "root", not "brief"
    assert result.stderr.splitlines() == [error, f"try: {command.replace('brief', 'root', 1)} --help"]


def test_brief_alone_still_prints_the_command_list(cli, tmp_path) -> None:
    result = cli([], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2 and "Commands:" in result.stderr and "ingest" in result.stderr


def test_help_is_on_stdout_and_exits_0(cli, tmp_path) -> None:
    result = cli(["ask", "--help"], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 0 and result.stdout.startswith("Usage: root ask [OPTIONS] {QUESTION}")


def test_version_is_on_stdout_and_exits_0(cli, tmp_path) -> None:
    from importlib.metadata import version

    result = cli(["--version"], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 0 and result.stdout == f"brief (techsec-brief) {version('techsec-brief')}\n"


# --------------------------------------------------------------------------- template choices


def test_the_listed_template_choices_are_exactly_the_accepted_ones(cli, sample_index) -> None:
    """`brief write -t` lists the brief and answer templates; `system` (a part of other prompts) is neither listed
    nor accepted, and every listed one writes."""
    env = {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}
    library = TemplateLibrary(sample_index[0].prompts_dir)
    choices = library.output_names()
    assert choices == sorted(n for n in library.names() if library.get(n).kind in OUTPUT_KINDS) and "system" not in choices
    for wrong in ("X", "system", "System "):
        result = cli(["write", "export controls", "-t", wrong], **env)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.strip().endswith(f"(choose from: {', '.join(choices)})"), result.stderr
    for name in choices:
        result = cli(["write", "export controls", "-t", name, "-f", "json"], **env)
        assert result.exit_code == 0, result.stderr
        assert f'"template": "{name}"' in result.stdout
