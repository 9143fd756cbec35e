"""The generation commands as a user runs them: `brief write`, `brief ask`, `brief chat`, `brief verify`."""

from __future__ import annotations

import json
import re

from rag.brief import NO_EVIDENCE


def _env(sample_index) -> dict[str, str]:
    return {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}


def test_write_markdown_has_sections_citations_and_sources(cli, sample_index):
    result = cli(["write", "Japan and China export controls", "--template", "assessment"], **_env(sample_index))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for heading in ("## Bottom line up front", "## Competing hypotheses", "## Outlook", "## Sources", "## Overall confidence"):
        assert heading in out
    assert re.search(r"\[\d+\]", out)
    # quotes are true to their source by construction: the brief reports quoting and attribution, not "N of N verified"
    assert "quoted verbatim" in out and "claims verified" not in out


def test_write_json_to_a_file_carries_provenance(cli, sample_index, tmp_path):
    target = tmp_path / "brief.json"
    result = cli(["write", "chip smuggling", "-t", "situation", "-f", "json", "-o", str(target)], **_env(sample_index))
    assert result.exit_code == 0, result.output
    brief = json.loads(target.read_text())
    prov = brief["provenance"]
    assert prov["template"] == "situation" and len(prov["template_hash"]) == 16
    assert prov["backend"] == "extractive" and prov["corpus_snapshot"]
    assert {"mode", "candidates", "rrf_k", "embedding_model"} <= set(prov["retrieval"])


def test_ask_prints_a_cited_answer_and_its_sources(cli, sample_index):
    result = cli(["ask", "What did South Korea's trade ministry say Seoul plans to do?"], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert "WTO" in result.stdout and "Sources:" in result.stdout and "[1]" in result.stdout


def test_ask_abstains_when_the_corpus_has_no_answer(cli, sample_index):
    result = cli(["ask", "How many F-35 fighters did Poland order in 2024?"], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(NO_EVIDENCE)


def test_ask_with_an_empty_question_is_a_clear_error(cli, sample_index):
    result = cli(["ask", "   "], **_env(sample_index))
    assert result.exit_code == 2 and "empty" in result.output


def test_chat_keeps_history_shows_sources_and_quits(cli, sample_index):
    session = "What did Japan tighten for exports to South Korea?\n/sources\nWhat did Seoul say it would do about it?\n/quit\n"
    result = cli(["chat"], input=session, **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Sources:") >= 2
    assert "“" in result.stdout  # /sources quotes the cited passages


def test_verify_scores_claim_passage_pairs_and_skips_bad_lines(cli, tmp_path):
    passage = "Japan yesterday said that it does not plan to retract or renegotiate its stricter controls on high-tech exports to South Korea."
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join([
        json.dumps({"claim": "Japan said it would not withdraw its tighter export controls on South Korea.", "passage": passage}),
        json.dumps({"claim": "Japan said it plans to retract its export controls on South Korea.", "passage": passage}),
        "not json",
    ]) + "\n")
    result = cli(["verify", "--json", str(pairs)])
    assert result.exit_code == 1, result.output  # a partial run: one line skipped
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["supported"] for r in rows] == [True, False]
    assert all(0.0 <= r["score"] <= 1.0 for r in rows)
    assert "1 line skipped (line 3)" in result.output
