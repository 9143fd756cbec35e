"""Nothing silent: `brief verify` over a pairs file with bad lines checks the good pairs, lists every skipped line
with its number and why, and exits 1 (a partial run), never 0; a clean file exits 0; a file with no usable pair
exits 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.cli.common import PARTIAL_EXIT
from rag.cli.verify import MAX_PASSAGE_CHARS, skipped_summary

PASSAGE = "Japan yesterday said that it does not plan to retract its stricter controls on high-tech exports to South Korea."
GOOD = json.dumps({"claim": "Japan said it does not plan to retract its export controls on South Korea.", "passage": PASSAGE})
OTHER = json.dumps({"claim": "Japan said it will retract its export controls on South Korea.", "passage": PASSAGE})

# kinds of bad line, each with what the report must say about it
BAD_LINES = {
    "not json": "not JSON",
    '{"claim": ' * 50_000 + '"x"' + "}" * 50_000: "nested deeper than the JSON parser follows",  # a hostile line
    '{"claim": "only a claim"}': "no 'passage' field",
    '{"passage": "only a passage"}': "no 'claim' field",
    '{"claim": 5, "passage": "x"}': "'claim' is not a string",
    '["a", "list"]': "not an object",
    json.dumps({"claim": "x", "passage": "y" * (MAX_PASSAGE_CHARS + 1)}): "longer than",
    json.dumps({"claim": "x", "passage": "y", "published": "last Tuesday"}): "not a date written YYYY-MM-DD",
    json.dumps({"claim": "x", "passage": "y", "published": "2022-13-01"}): "not a date written YYYY-MM-DD",
    json.dumps({"claim": "x", "passage": "y", "published": "2022-02-30"}): "not a date written YYYY-MM-DD",
    json.dumps({"claim": "x", "passage": "y", "published": "0000-01-01"}): "not a date written YYYY-MM-DD",
}


def _file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", list(BAD_LINES))
def test_a_bad_line_is_skipped_with_its_number_and_reason_and_the_run_exits_partial(cli, tmp_path: Path, bad: str) -> None:
    result = cli(["verify", "--json", str(_file(tmp_path, [GOOD, bad, OTHER]))])
    assert result.exit_code == PARTIAL_EXIT == 1, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["supported"] for r in rows] == [True, False]  # the pairs around the bad line were all checked
    said = " ".join(result.stderr.split())  # rich wraps long lines
    assert "line 2 skipped: " in said and BAD_LINES[bad] in said
    assert "2 pairs: 1 supported, 1 unsupported; 1 line skipped (line 2)" in said
    assert "(checker: minilm vectors, model " in said  # which checker scored: the static encoder's scores differ
    assert "error:" in result.stderr and "Traceback" not in result.output


def test_every_skipped_line_is_counted_and_numbered_in_the_summary(cli, tmp_path: Path) -> None:
    lines = [GOOD, "not json", "", OTHER, '{"claim": 1}', "[1]", GOOD]  # the blank line is neither a pair nor skipped
    result = cli(["verify", str(_file(tmp_path, lines))])
    assert result.exit_code == 1, result.output
    assert "3 pairs: 2 supported, 1 unsupported; 3 lines skipped (lines 2, 5, 6)" in " ".join(result.stderr.split())
    # text output numbers each verdict by its input line, so a reader finds the pair in the file
    verdicts = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert verdicts == ["[1]", "[4]", "[7]"]


def test_the_results_are_written_to_the_output_file_before_the_partial_exit(cli, tmp_path: Path) -> None:
    out = tmp_path / "verdicts.jsonl"
    result = cli(["verify", "--json", "-o", str(out), str(_file(tmp_path, [GOOD, "{oops", OTHER]))])
    assert result.exit_code == 1, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("lines", [[GOOD], [GOOD, "", OTHER, "   "]])
def test_a_file_whose_every_line_is_a_pair_exits_0_and_says_nothing_was_skipped(cli, tmp_path: Path, lines: list[str]) -> None:
    result = cli(["verify", str(_file(tmp_path, lines))])
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr and "error" not in result.stderr


def test_a_file_of_only_bad_lines_is_an_error_not_a_partial_run(cli, tmp_path: Path) -> None:
    result = cli(["verify", str(_file(tmp_path, list(BAD_LINES)))])
    assert result.exit_code == 2, result.output
    said = " ".join(result.stderr.split())
    assert "no claim/passage pairs" in said and f"({len(BAD_LINES)} lines skipped)" in said


def test_the_summary_lists_at_most_ten_line_numbers_then_how_many_more() -> None:
    assert skipped_summary([]) == ""
    assert skipped_summary([(4, "x")]) == "1 line skipped (line 4)"
    many = [(n, "x") for n in range(1, 14)]
    assert skipped_summary(many) == "13 lines skipped (lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more)"


# --------------------------------------------------------------------------------------------- line numbers in --json

def _bytes_file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(data)
    return path


G, O = GOOD.encode(), OTHER.encode()
# kinds of file layout, each with the input lines its pairs are on (1-based, as an editor or `sed -n Np` counts)
LAYOUTS = {
    "one pair a line": (G + b"\n" + O + b"\n", [1, 2]),
    "blank lines between": (b"\n" + G + b"\n\n   \n" + O + b"\n", [2, 5]),
    "a skipped line between": (G + b"\nnot json\n" + O, [1, 3]),
    "an undecodable line between": (G + b"\n\xff\xfe\xfa\n" + O + b"\n", [1, 3]),
    "CRLF endings": (G + b"\r\n\r\n" + O + b"\r\n", [1, 3]),
    "a UTF-8 BOM": (b"\xef\xbb\xbf" + G + b"\n" + O + b"\n", [1, 2]),
    # U+2028 inside a JSON string is one line to JSON and to `wc -l`, though Python's str.splitlines breaks there
    "a line separator inside a string": (json.dumps({"claim": "Japan said it does not plan to retract its export "
                                                     "controls on South Korea.", "passage": PASSAGE + "\u2028Seoul objected."},
                                                    ensure_ascii=False).encode() + b"\n" + O + b"\n", [1, 2]),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_json_results_carry_their_input_line_number_as_the_text_output_does(cli, tmp_path: Path, layout: str) -> None:
    data, expected = LAYOUTS[layout]
    path = _bytes_file(tmp_path, data)
    as_json = cli(["verify", "--json", str(path)])
    as_text = cli(["verify", str(path)])
    rows = [json.loads(line) for line in as_json.stdout.split("\n") if line]  # JSONL lines end at "\n" only
    assert [r["line"] for r in rows] == expected
    assert [r["supported"] for r in rows] == [True, False]
    text_numbers = [line.split()[0] for line in as_text.stdout.splitlines() if not line.startswith(" ")]
    assert text_numbers == [f"[{n}]" for n in expected]
    assert as_json.exit_code == as_text.exit_code


def test_the_line_number_is_the_first_key_and_replaces_an_input_field_of_that_name(cli, tmp_path: Path) -> None:
    row = {"line": "caller's own", "id": "p-7", "claim": "Japan said it will retract its export controls on South Korea.",
           "passage": PASSAGE}
    result = cli(["verify", "--json", str(_file(tmp_path, ["", json.dumps(row)]))])
    out = json.loads(result.stdout)
    assert list(out)[:4] == ["line", "id", "claim", "passage"]
    assert out["line"] == 2 and out["id"] == "p-7"


def test_a_published_date_reads_the_passages_last_year_as_that_year(cli, tmp_path: Path) -> None:
    passage = "A third of last year's inflation was due to higher car prices, he said."
    claim = "A third of inflation in 2021 was due to higher car prices."
    rows = [json.dumps({"claim": claim, "passage": passage, "published": "2022-01-20"}),
            json.dumps({"claim": claim, "passage": passage})]  # undated: the year is not guessed
    result = cli(["verify", "--json", str(_file(tmp_path, rows))])
    assert [json.loads(line)["supported"] for line in result.stdout.splitlines()] == [True, False], result.output
