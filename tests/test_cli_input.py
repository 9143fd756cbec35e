"""Bad input gets a clear error and loses nothing: unreadable files, undecodable bytes and unknown option values
end in a one-line message (or a usage error naming the valid values), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.errors import QueryError
from rag.retrieve import validate_query

PASSAGE = "Korea restricted exports of chips to Japan, the trade ministry said on Monday."


def _env(sample_index) -> dict[str, str]:
    settings, _ = sample_index
    return {"BRIEF_DATA_DIR": str(settings.data_dir)}


# -- brief verify: the pairs file ------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "utf-16"])
def test_verify_reads_a_pairs_file_in_another_encoding_as_ingest_does(cli, tmp_path: Path, codec: str) -> None:
    pairs = tmp_path / "pairs.jsonl"
    row = {"claim": "Koréa restricted chip exports to Japan.", "passage": "Koréa " + PASSAGE[6:]}
    pairs.write_bytes((json.dumps(row, ensure_ascii=False) + "\n").encode(codec))
    result = cli(["verify", "--json", str(pairs)])
    assert result.exit_code == 0, result.output
    [out] = [json.loads(line) for line in result.stdout.splitlines()]
    assert out["claim"] == row["claim"]  # decoded, not mangled


def test_verify_skips_only_the_undecodable_line_of_a_utf8_file(cli, tmp_path: Path) -> None:
    good = json.dumps({"claim": "Korea restricted chip exports to Japan.", "passage": PASSAGE}).encode()
    (tmp_path / "pairs.jsonl").write_bytes(good + b"\n" + good + b"\n" + b'{"claim": "Kor\xe9a", "passage": "x"}\n')
    result = cli(["verify", "--json", str(tmp_path / "pairs.jsonl")])
    assert result.exit_code == 1, result.output  # partial: the two good pairs checked, the bad line listed
    assert len(result.stdout.splitlines()) == 2
    assert "line 3 skipped" in result.output and "1 line skipped (line 3)" in result.output


@pytest.mark.parametrize("name", ["nope.jsonl", "."])
def test_verify_of_a_missing_file_or_a_directory_is_a_clear_error(cli, tmp_path: Path, name: str) -> None:
    result = cli(["verify", str(tmp_path / name)])
    assert result.exit_code == 2, result.output
    assert "error:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"not json\n[1, 2]\n", b"\x00\x01\x02binary\x00"])
def test_verify_of_a_file_with_no_pairs_is_a_clear_error(cli, tmp_path: Path, content: bytes) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_bytes(content)
    result = cli(["verify", str(pairs)])
    assert result.exit_code == 2, result.output
    assert "no claim/passage pairs" in result.output


# -- queries: valid text at the boundary ------------------------------------------------------------

def test_a_query_with_undecodable_argv_bytes_is_decoded_like_a_file() -> None:
    # Python turns the non-UTF-8 bytes of argv into lone surrogates (surrogateescape)
    assert validate_query("Kor\udce9a chips", max_chars=100) == "Koréa chips"
    euc_kr = "한국 반도체".encode("euc-kr").decode("utf-8", "surrogateescape")
    assert validate_query(euc_kr, max_chars=100) == "한국 반도체"


@pytest.mark.parametrize("query", ["chips \ud800 exports", "\udfff Korea chips", "chips\udce9 \ud83d"])
def test_a_query_never_leaves_the_boundary_with_lone_surrogates(query: str) -> None:
    q = validate_query(query, max_chars=100)
    q.encode("utf-8")  # strict: valid text for the tokenizer, the index and the JSON reply
    assert "chips" in q


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("What did\x00 Singapore charge?", "What did Singapore charge?"),  # a NUL byte
        ("Who approved \u202egnp.exe the chips?", "Who approved gnp.exe the chips?"),  # a bidi override
        ("Did\u200b Japan\u00a0ban\tHuawei?", "Did Japan ban Huawei?"),  # zero-width, no-break and tab spaces
        ("  Cafe\u0301 exports?  ", "Café exports?"),  # decomposed accents: NFC, as the corpus is stored
    ],
)
def test_a_query_is_searched_and_quoted_back_in_the_corpus_store_form(query: str, shown: str) -> None:
    """Controls, zero-width and bidi characters never reach the index nor the answer that quotes the question."""
    assert validate_query(query, max_chars=100) == shown


def test_a_query_of_only_lone_surrogates_is_refused_or_readable() -> None:
    try:
        q = validate_query("\ud800\udbff", max_chars=100)
    except QueryError:
        return
    q.encode("utf-8")


def test_ask_with_a_non_utf8_argv_byte_answers(cli, sample_index) -> None:
    result = cli(["ask", "What did Japan tighten for exports to South Kor\udce9a?"], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert "Sources:" in result.stdout or result.stdout.strip()


# -- closed choices ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "args",
    [
        ["ask", "chips", "-f", "xml"],
        ["write", "chips", "-t", "situation", "-f", "pdf"],
        ["write", "chips", "--format", "html"],
        ["ask", "chips", "--backend", "gpt"],
        ["write", "chips", "--backend", "llama"],
        ["chat", "--backend", "nope"],
        ["eval", "run", "--out", "report.json", "--backend", "gpt"],
    ],
)
def test_an_unknown_option_value_is_a_usage_error_listing_the_valid_ones(cli, tmp_path: Path, args: list[str]) -> None:
    result = cli(args, BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "invalid value" in result.output
    option = args[-2]
    valid = ("md", "json") if option in ("-f", "--format") else ("extractive", "openai")
    assert all(v in result.output for v in valid)


def test_the_backend_choice_is_the_settings_backend_choice() -> None:
    from typing import get_args

    from rag.cli.common import WriterBackend
    from rag.config import LLMSettings

    assert {b.value for b in WriterBackend} == set(get_args(LLMSettings.model_fields["backend"].annotation))


def test_a_valid_format_and_backend_still_work(cli, sample_index) -> None:
    result = cli(["ask", "What did Japan tighten for exports to South Korea?", "-f", "json", "--backend", "extractive"],
                 **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sections"]


def test_an_unknown_template_is_a_clear_error(cli, sample_index) -> None:
    result = cli(["write", "chips", "-t", "memo"], **_env(sample_index))
    assert result.exit_code == 2, result.output
    assert "error:" in result.output and "memo" in result.output


def test_verify_checks_a_pair_whose_json_escapes_a_lone_surrogate(cli, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"claim": "Korea restricted chip exports \\ud800 to Japan.", "passage": "%s \\udce9"}\n' % PASSAGE)
    result = cli(["verify", "--json", str(pairs)])
    assert result.exit_code == 0, result.output
    [out] = [json.loads(line) for line in result.stdout.splitlines()]
    assert out["claim"] == "Korea restricted chip exports \ufffd to Japan."


@pytest.mark.parametrize("k", ["0", "-3", "201", "five"])
def test_search_with_a_k_out_of_range_is_a_usage_error(cli, tmp_path: Path, k: str) -> None:
    result = cli(["search", "chips", "-k", k], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "invalid value" in result.output and "-k" in result.output


@pytest.mark.parametrize("args", [[], ["--since", "2020-01-01"]])
def test_search_over_an_empty_collection_says_it_is_empty_not_that_nothing_matched(cli, tmp_path: Path, args) -> None:
    result = cli(["search", "chips", *args], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "is empty: nothing was searched" in result.output
    assert "No passages matched" not in result.output
    # a message, not a result: one line on stderr (not wrapped at 80 columns), nothing on stdout
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1


def test_a_search_that_matches_nothing_says_so_on_stderr_and_prints_no_result(cli, sample_index) -> None:
    result = cli(["search", "export controls", "--since", "2030-01-01"], BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == "No passages matched.\n"


@pytest.mark.parametrize("command", [["search", "chips"], ["ask", "chips"], ["write", "chips"]])
def test_a_read_command_naming_a_collection_that_does_not_exist_is_a_usage_error_and_creates_nothing(
        cli, tmp_path: Path, command) -> None:
    (tmp_path / "collections" / "techsec").mkdir(parents=True)
    result = cli([*command, "--collection", "techsek"], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "no collection 'techsek'" in result.output and "techsec" in result.output
    assert sorted(p.name for p in (tmp_path / "collections").iterdir()) == ["techsec"]


def test_ingest_with_a_new_collection_creates_it_and_the_read_commands_then_open_it(cli, tmp_path: Path) -> None:
    # the read commands refuse a collection that does not exist; ingest is the command that creates one, so its hint
    # ("`brief ingest PATH --collection NAME` creates it") must hold
    data, docs = tmp_path / "data", tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Japan tightened export controls on chipmaking equipment in 2023.\n", encoding="utf-8")
    result = cli(["ingest", str(docs), "--collection", "scratch"], BRIEF_DATA_DIR=str(data))
    assert result.exit_code == 0, result.output
    assert (data / "collections" / "scratch").is_dir()
    found = cli(["search", "export controls", "--collection", "scratch"], BRIEF_DATA_DIR=str(data))
    assert found.exit_code == 0, found.output
    assert "a.txt" in found.output
