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
