"""One display name for a source, wherever it is shown (brief source lists, `brief search`, the API, the page)."""

from __future__ import annotations

import pytest

from rag.source_names import source_name


@pytest.mark.parametrize(
    "title, source_path, doc_id, name",
    [
        ("Japan blocks Chinese battery makers", "corpus/000.txt", "d0", "Japan blocks Chinese battery makers"),
        ("", "corpus/001_19717e54740cd5a9.txt", "d1", "untitled file 001_19717e54740cd5a9.txt"),
        ("   ", "uploads/notes.md", "d2", "untitled file notes.md"),
        (None, "news.jsonl#L63", "d3", "untitled record, line 63 of news.jsonl"),
        ("", "/data/feeds/news.jsonl#L7-9", "d4", "untitled record, line 7 of news.jsonl"),
        ("", "", "3f2a9c", "untitled document 3f2a9c"),
        (None, None, "3f2a9c", "untitled document 3f2a9c"),
    ],
)
def test_a_source_is_named_by_its_title_else_by_where_it_is(title, source_path, doc_id, name):
    assert source_name(title, source_path, doc_id) == name


def test_a_file_name_or_id_is_never_taken_for_a_title():
    """Two records of one JSONL file are told apart by their lines; the bare file name would name both alike."""
    a = source_name("", "feed.jsonl#L1", "a")
    b = source_name("", "feed.jsonl#L2", "b")
    assert a != b and "feed.jsonl" in a and a.startswith("untitled")
