"""A document added or deleted through the API leaves the new corpus snapshot's search indexes on disk, as
`brief ingest` does: the BM25 index and the date-ordered dense matrix (``rag.exact_dense``) are built by the
request that changed the corpus, not by the next search (over the full corpus that is 5–15 s of a search)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conftest import CORPUS_DIR, copy_sqlite
from rag.config import Settings
from rag.exact_dense import ORDER_FILE, VECTORS_FILE

from api.main import create_app

ARTICLE = {
    "title": "Taipei tightens screening of lithography exports",
    "publisher": "Example Wire",
    "published": "2026-08-01",
    "text": "Taiwan's economics ministry said on 2026-08-01 that exports of extreme ultraviolet lithography parts "
            "to China now need a licence, after customs found parts routed through Malaysia.",
}


@pytest.fixture()
def data_dir(tmp_path, sample_index):
    from rag.index import open_index
    from rag.ingest import Ingestor

    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", tmp_path / "embedding-cache.sqlite")
    index = open_index(Settings(data_dir=tmp_path))
    Ingestor(index).ingest_paths([CORPUS_DIR])
    index.refresh_lexical()
    return tmp_path


def _indexes_on_disk(settings: Settings) -> tuple[str, set[str]]:
    """(current snapshot id, the files saved in its BM25 directory), read by a fresh process's view of the data dir."""
    from rag.index import CorpusIndex

    index = CorpusIndex(settings)
    try:
        path = index.bm25_path()
        return index.snapshot_id(), {p.name for p in path.iterdir()} if path.is_dir() else set()
    finally:
        index.close()


def test_an_added_article_and_its_deletion_leave_the_new_snapshots_indexes_built(data_dir):
    settings = Settings(data_dir=data_dir)
    before, _ = _indexes_on_disk(settings)
    with TestClient(create_app(settings, warm_up=False)) as client:
        added = client.post("/v1/documents", json=ARTICLE)
        assert added.status_code == 200, added.text
        snapshot, files = _indexes_on_disk(settings)
        assert snapshot != before
        assert {"rows.json", VECTORS_FILE, ORDER_FILE} <= files

        doc_id = added.json()["documents"][0]["doc_id"]
        assert client.delete(f"/v1/documents/{doc_id}").status_code == 204
        after, files = _indexes_on_disk(settings)
        assert after != snapshot
        assert {"rows.json", VECTORS_FILE, ORDER_FILE} <= files
