"""A file is read again when the code that reads it changed: the reader version (``rag.reader_version``) is recorded
per file, and a re-read puts right the metadata an older reader gave a document (its date, title, publisher)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import rag.ingest as ingest_module
from rag.ingest import Ingestor
from rag.reader_version import NOT_READING, _module_path, digest, imported_names, read_data, reader_files, reader_version
from rag.retrieve import HybridRetriever, make_filters

PACKAGE = Path(ingest_module.__file__).resolve().parent

ARTICLE = """Title: Tokyo adds two chip tools to its export list
Publisher: Nikkei Asia
Date: 2024-03-05

Japan's trade ministry added two semiconductor manufacturing tools to its export control list on Tuesday,
officials said, extending curbs that took effect last year to lithography cleaning equipment.
"""


def test_every_rag_module_the_reader_imports_is_hashed_or_holds_no_reading_rules():
    hashed = {name for name, _ in reader_files()}
    imported = set().union(*(imported_names(path) for _, path in reader_files()))
    modules = {m for m in imported if m.startswith("rag") and _module_path(m) is not None}
    assert modules - hashed - NOT_READING == set(), "add the module to READER_MODULES (or NOT_READING)"


def test_the_version_is_stable_within_and_across_computations():
    assert reader_version() == reader_version() == digest(PACKAGE)
    assert len(reader_version()) == 16


@pytest.fixture()
def package_copy(tmp_path):
    dst = tmp_path / "rag"
    shutil.copytree(PACKAGE, dst, ignore=shutil.ignore_patterns("__pycache__", "assets"))
    return dst


def test_a_changed_date_table_changes_the_version(package_copy):
    before = digest(package_copy)
    table = package_copy / "text" / "data" / "dates.toml"
    table.write_text(table.read_text(encoding="utf-8") + "\n# a new label\n", encoding="utf-8")
    assert digest(package_copy) != before


def test_a_changed_loader_changes_the_version(package_copy):
    before = digest(package_copy)
    (package_copy / "loaders.py").write_text((package_copy / "loaders.py").read_text(encoding="utf-8") + "\n# x\n", encoding="utf-8")
    assert digest(package_copy) != before


def test_a_changed_writer_or_ranking_module_leaves_the_version(package_copy):
    before = digest(package_copy)
    for name in ("ranking.py", "writers/base.py"):
        path = package_copy / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# x\n", encoding="utf-8")
    assert digest(package_copy) == before


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")


@pytest.mark.parametrize("data_file", ["frame_nouns.txt", "surname_openers.txt", "act_roles.toml", "stopwords.txt"])
def test_a_data_file_only_the_writers_or_the_checker_read_leaves_the_version(package_copy, data_file):
    """An edit of a writer's word list does not make the next ingest re-read every file (79 s for the full RealTime QA
    corpus, s65): the version hashes only the data files a reader module names."""
    before = digest(package_copy)
    _append(package_copy / "text" / "data" / data_file, "\n# a new entry\n")
    assert digest(package_copy) == before


def test_a_text_module_no_reader_module_imports_leaves_the_version(package_copy):
    before = digest(package_copy)
    for name in ("asked_period.py", "cross_lingual.py"):
        _append(package_copy / "text" / name, "\n# x\n")
    assert digest(package_copy) == before


def test_a_text_module_a_reader_module_imports_through_another_changes_the_version(package_copy):
    before = digest(package_copy)
    _append(package_copy / "text" / "normalize.py", "\n# x\n")  # loaders -> rag.text.normalize
    assert digest(package_copy) != before


def test_a_reader_module_reading_a_data_file_by_a_computed_name_hashes_every_data_file(package_copy):
    _append(package_copy / "loaders.py", "\n\ndef _extra(kind):\n    return table(kind)\n")
    before = digest(package_copy)
    _append(package_copy / "text" / "data" / "frame_nouns.txt", "\n# a new entry\n")
    assert read_data(reader_files(package_copy)) is None
    assert digest(package_copy) != before


def test_every_data_file_the_reader_opens_is_hashed():
    """Read the sample corpus, the s65 fresh user's kinds of files (Markdown, plain text, HTML, JSONL, a feed) in a
    fresh process that records every file opened under ``rag/text/data``: each is one the version hashes."""
    import json
    import subprocess
    import sys

    corpus = PACKAGE.parent / "corpus"
    probe = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "seen = set()\n"
        "sys.addaudithook(lambda e, a: seen.add(Path(str(a[0])).stem) if e == 'open' and a and "
        "'/rag/text/data/' in str(a[0]) else None)\n"
        "from rag.config import Settings\n"
        "from rag.loaders import iter_files, load_file\n"
        "for f in iter_files([Path(p) for p in sys.argv[1:]]):\n"
        "    list(load_file(f, [], Settings().limits))\n"
        "print(json.dumps(sorted(seen)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(corpus), str(Path(__file__).parent / "data")],
                         capture_output=True, text=True, check=True)
    opened = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert opened and opened <= read_data(reader_files())


def _source(tmp_path: Path) -> Path:
    """A folder holding the one article."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "curbs.txt").write_text(ARTICLE, encoding="utf-8")
    return src


def _older_reader(monkeypatch, **wrong):
    """Ingest as an older reader would have: another reader version, and documents read with ``wrong`` metadata."""
    real = ingest_module.load_file

    def load_file(path, warnings, limits=None):
        for item in real(path, warnings, limits):
            yield item if not hasattr(item, "doc_id") else item.__class__(**{**item.__dict__, **wrong})

    monkeypatch.setattr(ingest_module, "load_file", load_file)
    monkeypatch.setattr(ingest_module, "reader_version", lambda: "0000older000000")


def test_an_upgraded_reader_corrects_the_date_an_older_one_gave_the_same_file(fresh_index, tmp_path, monkeypatch):
    src = _source(tmp_path)
    index = fresh_index()
    with monkeypatch.context() as m:
        _older_reader(m, published="2023-01-01", title="Tokyo")
        first = Ingestor(index).ingest_paths([src])
    assert first.added == 1

    again = Ingestor(index).ingest_paths([src])  # today's reader: the same bytes, read again

    assert (again.updated, again.added, again.unchanged) == (1, 0, 0)
    (doc,) = index.catalog.list_documents()[0]
    assert (doc["published"], doc["title"]) == ("2024-03-05", "Tokyo adds two chip tools to its export list")
    hits = HybridRetriever(index).search("chip tools export list", k=3, filters=make_filters(since="2024-03-01"))
    assert hits and all(h.to_dict()["published"] == "2024-03-05" for h in hits), "the vector store's metadata too"


def test_a_reread_that_gives_the_same_document_changes_nothing(fresh_index, tmp_path, monkeypatch):
    src = _source(tmp_path)
    index = fresh_index()
    with monkeypatch.context() as m:
        m.setattr(ingest_module, "reader_version", lambda: "0000older000000")
        Ingestor(index).ingest_paths([src])
    (before,) = index.catalog.list_documents()[0]

    again = Ingestor(index).ingest_paths([src])

    assert (again.unchanged, again.updated, again.added) == (1, 0, 0)
    (after,) = index.catalog.list_documents()[0]
    assert after["added_at"] == before["added_at"]


TABLE = """# Planned fabs

Japan approved subsidies for new plants.

| Company | Site | Subsidy (yen) |
|---|---|---|
| Rapidus | Chitose, Hokkaido | 920 billion |
| Micron | Hiroshima | 192 billion |
"""


def test_an_upgraded_reader_relocates_an_unchanged_documents_citations_in_its_file(fresh_index, tmp_path, monkeypatch):
    """The same text and metadata, but today's reader finds the table row's first cell in the file where an older
    alignment found only its last: the stored source map is replaced, the document left as it is."""
    import rag.text.align as align
    from rag.text.align import locate

    src = tmp_path / "src"
    src.mkdir()
    (src / "fabs.md").write_text(TABLE, encoding="utf-8")
    index = fresh_index()
    with monkeypatch.context() as m:
        m.setattr(ingest_module, "reader_version", lambda: "0000older000000")
        m.setattr(align, "_SAME_MARK", {})  # the older alignment: a cell confirmed only by the very next word
        m.setattr(align, "_next_words", lambda words: [object() for _ in words])
        Ingestor(index).ingest_paths([src])
    (before,) = index.catalog.list_documents()[0]
    doc_id = before["doc_id"]
    text = index.catalog.get_document(doc_id)["text"]
    row = next(line for line in text.splitlines() if "Micron" in line)
    start = text.index(row)
    old = locate(index.catalog.source_map(doc_id), start, start + len(row))
    assert old is None or "Micron" not in TABLE[old["span"][0]:old["span"][1]]  # the test can fail

    again = Ingestor(index).ingest_paths([src])

    assert (again.unchanged, again.updated, again.added) == (1, 0, 0)
    where = locate(index.catalog.source_map(doc_id), start, start + len(row))
    a, b = where["span"]
    assert TABLE[a:b] == "Micron | Hiroshima | 192 billion"
    (after,) = index.catalog.list_documents()[0]
    assert after["added_at"] == before["added_at"]


def test_the_same_file_and_reader_are_not_read_again(fresh_index, tmp_path, monkeypatch):
    src = _source(tmp_path)
    index = fresh_index()
    Ingestor(index).ingest_paths([src])
    assert index.catalog.file_reader(str(src / "curbs.txt")) == reader_version()

    def unread(*_a, **_k):
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(ingest_module, "load_file", unread)
    assert Ingestor(index).ingest_paths([src]).unchanged == 1


def test_a_catalog_from_before_the_reader_version_reads_its_files_once_more(fresh_index, tmp_path):
    src = _source(tmp_path)
    index = fresh_index()
    Ingestor(index).ingest_paths([src])
    with sqlite3.connect(index.catalog.path) as db:  # what schema v2 recorded: no reader
        db.execute("UPDATE files SET reader=NULL")
    assert index.catalog.file_reader(str(src / "curbs.txt")) is None

    report = Ingestor(index).ingest_paths([src])

    assert report.unchanged == 1 and index.catalog.file_reader(str(src / "curbs.txt")) == reader_version()
