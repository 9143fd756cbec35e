"""How a source is named wherever it is shown (brief source lists, search results in the CLI, the API and the page):
its title, else said to be untitled with where it is, since a file name or an id is no title."""

from __future__ import annotations

from pathlib import PurePath


def source_name(title: str | None, source_path: str | None, doc_id: str) -> str:
    """The display name of a document: ``title`` when it has one; a JSONL record by its line and file ("untitled record,
    line 63 of news.jsonl": the file name alone would name every record of the file alike); a file by its name
    ("untitled file 001_19717e.txt"); else by its id ("untitled document 3f2a…")."""
    if title and title.strip():
        return title
    if not source_path:
        return f"untitled document {doc_id}"
    path, _, line = source_path.partition("#L")
    if line:
        return f"untitled record, line {line.split('-')[0]} of {PurePath(path).name}"
    return f"untitled file {PurePath(path).name}"
