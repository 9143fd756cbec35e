"""A publisher filter that names no publisher of the corpus is an error naming the closest ones, in the CLI and the
API alike (one error, ``UnknownPublisherError``, raised by one lookup, ``Catalog.require_publishers``): never a search
that quietly matches nothing and reads as "no passage matched"."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conftest import CORPUS_DIR, copy_sqlite
from rag.config import Settings
from rag.errors import QueryError, UnknownPublisherError

TAIPEI = "Taipei Times (page with related-story snippets appended)"
SAMPLE_PUBLISHERS = {"WorldWideWatchers", TAIPEI, "Intelrift Intelligence Desk", "Discuss Japan (No.57), translated from Chuokoron"}


def _env(sample_index) -> dict[str, str]:
    return {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}


def test_the_catalog_counts_the_documents_of_each_publisher(sample_index) -> None:
    publishers = sample_index[1].catalog.publishers()
    assert set(publishers) == SAMPLE_PUBLISHERS and set(publishers.values()) == {1}  # 002 names no publisher


@pytest.mark.parametrize(("wanted", "closest"), [
    ("Taipei", TAIPEI),  # a part of the name
    ("World Wide Watchers", "WorldWideWatchers"),  # spaced apart: difflib's close match
    ("Intelrift Inteligence Desk", "Intelrift Intelligence Desk"),  # a typo
    ("Discuss Japan", "Discuss Japan (No.57), translated from Chuokoron"),
])
def test_an_unknown_publisher_is_an_error_suggesting_the_closest(sample_index, wanted: str, closest: str) -> None:
    with pytest.raises(UnknownPublisherError) as info:
        sample_index[1].catalog.require_publishers([wanted])
    exc = info.value
    assert isinstance(exc, QueryError) and exc.names == [wanted] and exc.suggested[0] == closest
    assert str(exc) == f"no publisher {wanted!r} in the corpus (closest: {', '.join(exc.suggested)})"


def test_a_name_like_none_lists_the_largest_publishers(sample_index) -> None:
    with pytest.raises(UnknownPublisherError) as info:
        sample_index[1].catalog.require_publishers(["Reuters", "WorldWideWatchers"])  # one known, one not
    exc = info.value
    assert exc.names == ["Reuters"] and set(exc.suggested) == SAMPLE_PUBLISHERS
    assert str(exc).startswith("no publisher 'Reuters' in the corpus (known publishers: ")


@pytest.mark.parametrize("wanted", [["worldwidewatchers"], ["ＷｏｒｌｄＷｉｄｅＷａｔｃｈｅｒｓ", "  intelrift   intelligence desk "], []])
def test_names_search_matches_pass(sample_index, wanted: list[str]) -> None:
    assert sample_index[1].catalog.require_publishers(wanted) is None  # case, spacing and full-width forms, as search


def test_an_empty_collection_passes_so_the_caller_can_say_it_is_empty(fresh_index) -> None:
    assert fresh_index().catalog.require_publishers(["Reuters"]) is None


@pytest.mark.parametrize("command", [["search", "export controls"], ["ask", "Which materials did Japan restrict?"],
                                     ["write", "export controls"]])
def test_the_cli_reports_an_unknown_publisher_as_a_one_line_usage_error(cli, sample_index, command: list[str]) -> None:
    result = cli([*command, "--publisher", "Taipei"], **_env(sample_index))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"error: no publisher 'Taipei' in the corpus (closest: {TAIPEI})\n"


@pytest.fixture(scope="module")
def api_client(tmp_path_factory, sample_index):
    """The API over its own copy of the sample corpus (the app writes its brief store into the data dir)."""
    from api.main import create_app
    from rag.index import open_index
    from rag.ingest import Ingestor

    data_dir = tmp_path_factory.mktemp("publisher-api")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data_dir / "embedding-cache.sqlite")
    Ingestor(open_index(Settings(data_dir=data_dir))).ingest_paths([CORPUS_DIR])
    with TestClient(create_app(Settings(data_dir=data_dir), warm_up=False)) as client:
        yield client


@pytest.mark.parametrize(("method", "path", "payload"), [
    ("get", "/v1/search", {"params": {"q": "export controls", "publisher": "Taipei"}}),
    ("post", "/v1/ask", {"json": {"question": "Which materials did Japan restrict?", "publishers": ["Taipei"]}}),
    ("post", "/v1/briefs", {"json": {"topic": "export controls", "publishers": ["Taipei"]}}),
    ("post", "/v1/briefs", {"json": {"topic": "export controls", "publishers": ["Taipei"], "async": True}}),
])
def test_the_api_answers_422_unknown_publisher_with_the_same_message(api_client, method, path, payload) -> None:
    response = getattr(api_client, method)(path, **payload)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["type"] == "unknown_publisher"
    assert error["message"] == "no publisher 'Taipei' in the corpus" and error["help"] == f"closest: {TAIPEI}"
