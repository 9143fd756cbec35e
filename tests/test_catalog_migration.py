"""A data directory written by the previous version keeps working: the catalog migrates in place, old rows stay usable."""

from __future__ import annotations

import sqlite3

from rag.catalog import SCHEMA_VERSION, Catalog
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever
from test_versions import STORY


def downgrade_to_v1(path) -> None:
    """Turn a current catalog into what schema v1 wrote: no thread, facts or source-map columns, no reader version."""
    db = sqlite3.connect(path)
    with db:
        db.execute("DROP INDEX documents_thread")  # v1 had no thread column, so no index on it
        for column in ("thread_id", "facts", "source_map"):
            db.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        db.execute("ALTER TABLE files DROP COLUMN reader")  # v3
        db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    db.close()


def test_a_v1_catalog_is_migrated_and_its_documents_still_group_and_search(fresh_index, tmp_path):
    story = STORY
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(story, encoding="utf-8")
    index = fresh_index("data", warm=False)
    Ingestor(index).ingest_paths([src])
    path = index.catalog.path
    index.close()
    downgrade_to_v1(path)

    catalog = Catalog(path)
    assert catalog.get_meta("schema_version") == str(SCHEMA_VERSION)
    catalog.close()

    from rag.index import CorpusIndex

    reopened = CorpusIndex(index.settings)
    (hit,) = HybridRetriever(reopened).search("Korean chip tax credits", k=1)
    assert hit.source is None and hit.to_dict()["source_path"].endswith("a.txt"), "no map yet: the path, no span"
    # old rows have no facts: the story index computes them from the text, so a copy is a duplicate, a correction a version
    (src / "b.txt").write_text("By Wire Staff\n" + story, encoding="utf-8")
    (src / "c.txt").write_text(story.replace("17 trillion", "19 trillion"), encoding="utf-8")
    report = Ingestor(reopened).ingest_paths([src])
    assert (report.near_duplicates, report.versions) == (1, 1)
    reopened.close()
