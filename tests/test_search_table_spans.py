"""`brief search`'s table shows each hit's offsets in the original file, as its JSON's ``source_span`` does.

The README promises: every hit gives ``source_path`` and ``source_span``, character offsets of the passage in the
original file, so ``open(path).read()[a:b]`` is the passage. The table's span column showed the stored text's offsets
instead (a fresh user read the wrong text at "4986-6214" for a passage at 5014-6246 of the file). The sample corpus's
files carry a metadata header that the stored text drops, so the two differ for every hit.
"""

from __future__ import annotations

import json
import re


def test_the_table_shows_the_same_file_offsets_as_the_json(cli, sample_index) -> None:
    settings, _ = sample_index
    env = {"BRIEF_DATA_DIR": str(settings.data_dir), "COLUMNS": "400"}
    query = ["search", "photoresist hydrogen fluoride exports to South Korea", "-k", "4"]
    as_json = cli([*query, "--json"], **env)
    assert as_json.exit_code == 0, as_json.output
    hits = json.loads(as_json.stdout)
    table = cli(query, **env)
    assert table.exit_code == 0, table.output
    shown = re.findall(r"│\s*(\d+-\d+)(?: \(stored text\))?\s*│\s*$", table.stdout, flags=re.M)
    expected = [f"{h['source_span'][0]}-{h['source_span'][1]}" for h in hits]
    assert shown == expected
    assert any(h["source_span"] != h["span"] for h in hits)  # the stored offsets differ: the test can fail
    for h in hits:
        a, b = h["source_span"]
        original = open(h["source_path"], encoding="utf-8").read()[a:b]
        assert original.split()[:5] == h["text"].split()[:5]


def test_hits_no_query_word_matched_are_marked_as_nearest_by_meaning_only(cli, sample_index) -> None:
    """A query none of whose words occurs in the corpus still gets dense neighbours; the table must not pass them off
    as matches (a fresh user got 8 "hits" for "zzzqqq xylophone" with nothing to tell them apart from real ones)."""
    settings, _ = sample_index
    env = {"BRIEF_DATA_DIR": str(settings.data_dir), "COLUMNS": "400"}
    nonsense = cli(["search", "zzzqqq xylophone", "-k", "3"], **env)
    assert nonsense.exit_code == 0, nonsense.output
    assert nonsense.stdout.count("meaning only") == 3
    assert "No passage holds a word of the query" in nonsense.stderr
    real = cli(["search", "photoresist hydrogen fluoride", "-k", "3"], **env)
    assert "No passage holds a word of the query" not in real.stderr
    assert real.stdout.count("meaning only") < 3


PASSAGES = {
    "Traditional Chinese": ("Title: 經濟部公布管制清單\nPublisher: 科技日報\nDate: 2024-05-14\n\n"
                            "經濟部週二公布新的出口管制清單，涵蓋先進封裝設備、高頻寬記憶體及相關軟體，"
                            "業者出口前必須向主管機關申請許可證，違者將依法處以罰鍰並公告名單。"),
    "Japanese": ("Title: 経産省が輸出管理を強化\nPublisher: 技術新聞\nDate: 2024-06-03\n\n"
                 "経済産業省は三日、先端半導体の製造装置二十三品目を輸出管理の対象に加えると発表し、"
                 "七月から個別の許可を求めることになった。対象には洗浄や成膜の装置が含まれる。"),
}


def test_a_passage_without_spaces_is_shown_whole_not_cut_at_the_first_line(cli, tmp_path):
    """A Chinese or Japanese passage has no space for the table to wrap at: it was cut to its first line with "…"
    (a fresh user saw one line of each hit). Every character of the passage is in the table, folded over lines."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k, text in enumerate(PASSAGES.values()):
        (corpus / f"{k}.txt").write_text(text, encoding="utf-8")
    env = {"BRIEF_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "100"}
    assert cli(["ingest", str(corpus)], **env).exit_code == 0
    for text in PASSAGES.values():
        body = text.split("\n\n", 1)[1]
        shown = cli(["search", body[:6], "-k", "2"], **env)
        assert shown.exit_code == 0, shown.output
        passage_column = [line.split("│")[4].strip() for line in shown.stdout.splitlines() if line.count("│") == 6]
        assert body in "".join(passage_column), shown.stdout
        assert "…" not in shown.stdout
