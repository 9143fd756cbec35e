"""The publisher filter matches names whatever their case, spacing or width, in the dense and the keyword half alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever, make_filters
from rag.text.keys import publisher_key

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASE14 = SHARED / "cases" / "14-publisher-filter-case" / "docs"


@pytest.mark.parametrize(
    "typed,stored",
    [
        ("wire a", "Wire A"),
        ("WIRE A", "Wire A"),
        ("  Wire    A ", "Wire A"),
        ("Ｗｉｒｅ　Ａ", "Wire A"),  # full-width letters and an ideographic space
        ("nikkei\tasia", "Nikkei Asia"),
        ("STRASSE", "Straße"),  # case folding, not just lower-casing
    ],
)
def test_typed_names_and_stored_names_share_one_key(typed, stored):
    assert publisher_key(typed) == publisher_key(stored) != ""


def test_different_publishers_keep_different_keys():
    assert publisher_key("Wire A") != publisher_key("Wire AB")
    assert publisher_key("Nikkei Asia") != publisher_key("NikkeiAsia")
    assert publisher_key(None) == publisher_key("   ") == ""


def ranks(index, query: str, publisher: str) -> list[tuple[str, int | None, int | None]]:
    hits = HybridRetriever(index).search(query, k=4, filters=make_filters(publishers=[publisher]))
    return [(h.chunk.doc_id, h.dense_rank, h.bm25_rank) for h in hits]


@pytest.mark.skipif(not CASE14.is_dir(), reason="needs ../shared/cases/14-publisher-filter-case next to the repository")
@pytest.mark.parametrize("query", ["semiconductor tool curbs", "how many types of equipment Japan licence"])
def test_case_14_casing_of_the_publisher_changes_no_hit_and_no_rank(fresh_index, query):
    index = fresh_index(warm=False)
    Ingestor(index).ingest_paths([CASE14])
    exact = ranks(index, query, "Wire A")
    assert exact and all(dense is not None for _, dense, _ in exact), "the dense half must take part"
    for typed in ("wire a", "WIRE A", " wire  A "):
        assert ranks(index, query, typed) == exact


ARTICLES = {
    "nikkei.txt": ("Nikkei Asia", "Tokyo tightens export screening of lithography tools for foreign buyers."),
    "yonhap.txt": ("Yonhap News Agency", "Seoul expands subsidies for memory chip factories in Gyeonggi province."),
    "focus.txt": ("Focus Taiwan", "Taipei fines a supplier over shipments of etching equipment without permits."),
}


@pytest.fixture
def outlets_index(fresh_index, tmp_path):
    src = tmp_path / "outlets"
    src.mkdir()
    for name, (publisher, text) in ARTICLES.items():
        (src / name).write_text(text + "\n", encoding="utf-8")
    manifest = [{"file": name, "publisher": publisher} for name, (publisher, _) in ARTICLES.items()]
    (src / "manifest.json").write_text(json.dumps({"articles": manifest}), encoding="utf-8")
    index = fresh_index(warm=False)
    Ingestor(index).ingest_paths([src])
    return index


@pytest.mark.parametrize("typed", ["Yonhap News Agency", "yonhap news agency", "YONHAP  NEWS   AGENCY", "Ｙｏｎｈａｐ Ｎｅｗｓ Ａｇｅｎｃｙ"])
@pytest.mark.parametrize("query", ["semiconductor plant support", "memory chip factories"])
def test_any_spelling_of_a_publisher_finds_its_article_in_both_halves(outlets_index, typed, query):
    hits = HybridRetriever(outlets_index).search(query, k=4, filters=make_filters(publishers=[typed]))
    assert [h.chunk.publisher for h in hits] == ["Yonhap News Agency"]
    assert hits[0].dense_rank == 1


def test_a_publisher_no_article_has_matches_nothing(outlets_index):
    assert HybridRetriever(outlets_index).search("memory chip factories", k=4, filters=make_filters(publishers=["Yonhap"])) == []


def test_a_collection_written_before_publisher_keys_still_filters_its_dense_half(outlets_index):
    """Chunks of a v1 collection have no ``publisher_key``: the filter falls back to the catalog's stored spellings."""
    outlets_index.store.keyed = False  # what a v1 collection reports
    hits = HybridRetriever(outlets_index).search("semiconductor plant support", k=4, filters=make_filters(publishers=["focus TAIWAN"]))
    assert [(h.chunk.publisher, h.dense_rank) for h in hits] == [("Focus Taiwan", 1)]
    assert HybridRetriever(outlets_index).search("memory", k=4, filters=make_filters(publishers=["nobody"])) == []
