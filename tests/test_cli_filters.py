"""Every command that takes evidence filters (--since, --until, --publisher) documents and checks them the same
way: one shared definition (rag/cli/params.py), so `brief ask --help` says what `brief search --help` says, and a
date that is not a real day is a usage error, never read another way."""

from __future__ import annotations

import time

import pytest
import typer
from typer.main import get_command

from rag.cli import app
from rag.cli.params import PUBLISHER_HELP, SINCE_HELP, UNTIL_HELP, user_date

FILTERS = {"--since": SINCE_HELP, "--until": UNTIL_HELP, "--publisher": PUBLISHER_HELP}


def _commands(group, prefix: str = "") -> dict:
    """Every leaf command of the app by its full name ("eval run"); typer's command classes are duck-typed."""
    out = {}
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            out.update(_commands(cmd, f"{prefix}{name} "))
        else:
            out[f"{prefix}{name}"] = cmd
    return out


def _options(cmd) -> dict:
    return {opt: p for p in cmd.params if p.param_type_name == "option" for opt in p.opts}


def test_the_commands_that_filter_are_at_least_search_ask_and_write() -> None:
    filtering = {name for name, cmd in _commands(get_command(app)).items() if set(FILTERS) & set(_options(cmd))}
    assert {"search", "ask", "write"} <= filtering


def test_a_command_that_takes_one_filter_takes_all_three_with_the_same_help_and_metavar() -> None:
    for name, cmd in _commands(get_command(app)).items():
        options = _options(cmd)
        if not set(FILTERS) & set(options):
            continue
        for opt, help_text in FILTERS.items():
            assert opt in options, f"brief {name} lacks {opt}"
            assert options[opt].help == help_text, f"brief {name} {opt} documents it its own way"
            assert options[opt].metavar in ("DATE", "NAME")


@pytest.mark.parametrize("command", ["search", "ask", "write"])
def test_help_of_each_filtering_command_shows_the_filters_help(cli, command: str) -> None:
    result = cli([command, "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for opt in FILTERS:
        assert opt in text
    assert "YYYY-MM-DD" in text and "undated documents are left out" in text and "repeatable" in text


# -- one reading of a date given on the command line -------------------------------------------------------------------

@pytest.mark.parametrize(("given", "day"), [
    ("2019-07-04", "2019-07-04"),
    (" 2019-7-4 ", "2019-07-04"),
    ("2019/07/04", "2019-07-04"),
    ("July 4, 2019", "2019-07-04"),
    ("4 July 2019", "2019-07-04"),
])
def test_a_real_day_in_a_common_form_is_read_as_its_iso_day(given: str, day: str) -> None:
    assert user_date(given) == day


@pytest.mark.parametrize(("given", "why"), [
    ("2026-13-01", "month"),  # not read year-day-month as 13 January
    ("2026-02-30", "day"),
    ("2026-00-10", "month"),
    ("", "empty"),
    ("   ", "empty"),
    ("yesterday", "cannot read"),
    ("not a date", "cannot read"),
])
def test_a_date_that_is_not_one_real_day_is_refused_with_the_reason(given: str, why: str) -> None:
    with pytest.raises(typer.BadParameter, match=why):
        user_date(given)


@pytest.mark.parametrize(("given", "month_first", "day_first"), [
    ("07/04/2019", "2019-07-04 for 4 July 2019", "2019-04-07 for 7 April 2019"),
    ("03.04.2019", "2019-03-04 for 4 March 2019", "2019-04-03 for 3 April 2019"),
    ("12/11/19", "2019-12-11 for 11 December 2019", "2019-11-12 for 12 November 2019"),
])
def test_a_date_whose_day_month_order_cannot_be_known_names_both_readings(given: str, month_first: str,
                                                                          day_first: str) -> None:
    with pytest.raises(typer.BadParameter) as info:
        user_date(given)
    assert str(info.value.message) == (f"the day/month order of {given!r} is ambiguous: write {month_first} (month first)"
                                       f" or {day_first} (day first)")


@pytest.mark.parametrize(("given", "day"), [("13/04/2019", "2019-04-13"), ("04/13/2019", "2019-04-13"),
                                            ("04/04/2019", "2019-04-04")])
def test_a_numeric_date_read_only_one_way_is_read(given: str, day: str) -> None:
    assert user_date(given) == day


def test_the_cli_says_why_an_ambiguous_bound_is_refused(cli, tmp_path) -> None:
    result = cli(["search", "chips", "--since", "07/04/2019"], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == ("error: invalid value for '--since': the day/month order of '07/04/2019' is "
                                             "ambiguous: write 2019-07-04 for 4 July 2019 (month first) or 2019-04-07 "
                                             "for 7 April 2019 (day first)")


def test_a_very_long_date_is_refused_at_once() -> None:
    t0 = time.perf_counter()
    with pytest.raises(typer.BadParameter, match="is not a date"):
        user_date("2019 " * 2_000_000)
    assert time.perf_counter() - t0 < 5  # not handed to the date parser (minutes on 10 MB)


@pytest.mark.parametrize("command", [["search", "chips"], ["ask", "chips"], ["write", "chips"]])
@pytest.mark.parametrize(("option", "value"), [("--since", "2026-13-01"), ("--until", "2026-02-30"), ("--until", ""),
                                               ("--publisher", ""), ("--publisher", "  ")])
def test_a_bad_filter_value_is_a_usage_error_naming_the_option(cli, tmp_path, command: list[str], option: str, value: str) -> None:
    result = cli([*command, option, value], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2, result.output
    assert f"invalid value for '{option}'" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["search", "chips"], ["ask", "chips"], ["write", "chips"]])
def test_since_after_until_is_an_error_before_anything_is_searched(cli, tmp_path, command: list[str]) -> None:
    result = cli([*command, "--since", "2026-02-01", "--until", "2026-01-01"], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "error: --since 2026-02-01 is after --until 2026-01-01" in result.output
