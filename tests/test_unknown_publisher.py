"""A publisher filter that names no publisher of the corpus is an error naming the closest ones, in the CLI and the
API alike (one error, ``UnknownPublisherError``, raised by one lookup, ``Catalog.require_publishers``): never a search
that quietly matches nothing and reads as "no passage matched"."""

from __future__ import annotations

import pytest

from rag.errors import QueryError, UnknownPublisherError

TAIPEI = "Taipei Times (page with related-story snippets appended)"
SAMPLE_PUBLISHERS = {"WorldWideWatchers", TAIPEI, "Intelrift Intelligence Desk", "Discuss Japan (No.57), translated from Chuokoron"}


def _env(sample_index) -> dict[str, str]:
    return {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}


def test_the_catalog_counts_the_documents_of_each_publisher(sample_index) -> None:
    publishers = sample_index[1].catalog.publishers()
    assert set(publishers) == SAMPLE_PUBLISHERS and set(publishers.values()) == {1}  # 002 names no publisher


DISCUSS = "Discuss Japan (No.57), translated from Chuokoron"


@pytest.mark.parametrize(("wanted", "closest"), [
    ("Taipei", TAIPEI),  # a part of the name
    ("Wrld Wide Watchers", "WorldWideWatchers"),  # a typo: difflib's close match
    ("Intelrift Inteligence Desk", "Intelrift Intelligence Desk"),
    ("Discus Japan", DISCUSS),
])
def test_an_unknown_publisher_is_an_error_suggesting_the_closest(sample_index, wanted: str, closest: str) -> None:
    with pytest.raises(UnknownPublisherError) as info:
        sample_index[1].catalog.require_publishers([wanted])
    exc = info.value
    assert isinstance(exc, QueryError) and exc.names == [wanted] and exc.suggested[0] == closest
    assert str(exc) == f"no publisher {wanted!r} in the corpus (closest: {', '.join(map(repr, exc.suggested))})"


def test_a_name_like_none_lists_the_largest_publishers_each_quoted(sample_index) -> None:
    with pytest.raises(UnknownPublisherError) as info:
        sample_index[1].catalog.require_publishers(["Reuters", "WorldWideWatchers"])  # one known, one not
    exc = info.value
    assert exc.names == ["Reuters"] and set(exc.suggested) == SAMPLE_PUBLISHERS
    listed = str(exc).removeprefix("no publisher 'Reuters' in the corpus (known publishers: ").removesuffix(")")
    # a name holding a comma stays one item: every item is quoted
    assert listed == ", ".join(repr(n) for n in exc.suggested) and repr(DISCUSS) in listed


@pytest.mark.parametrize(("wanted", "stored"), [
    (["worldwidewatchers"], ("WorldWideWatchers",)),  # case, spacing and full-width forms, as search
    (["ＷｏｒｌｄＷｉｄｅＷａｔｃｈｅｒｓ", "  intelrift   intelligence desk "], ("WorldWideWatchers", "Intelrift Intelligence Desk")),
    ([], ()),
    (["taipei times"], (TAIPEI,)),  # the stored name carries an editorial note in parentheses
    (["Taipei Times"], (TAIPEI,)),
    (["The Taipei Times"], (TAIPEI,)),
    (["discuss japan"], (DISCUSS,)),  # ... and a clause after a comma
    (["Discuss Japan No. 57"], (DISCUSS,)),  # punctuation
    (["Discuss Japan (No.57)"], (DISCUSS,)),
    (["World Wide Watchers"], ("WorldWideWatchers",)),  # a CamelCase name's words
    (["Intelrift Intelligence Desk."], ("Intelrift Intelligence Desk",)),
    ([DISCUSS], (DISCUSS,)),  # the exact name with its comma is one name, not a list
    (["taipei times, world wide watchers"], (TAIPEI, "WorldWideWatchers")),  # a list typed as one name
])
def test_names_as_users_type_them_mean_the_stored_names(sample_index, wanted: list[str], stored: tuple[str, ...]) -> None:
    assert sample_index[1].catalog.require_publishers(wanted) == stored


def test_a_list_typed_as_one_name_names_only_its_unknown_items(sample_index) -> None:
    with pytest.raises(UnknownPublisherError) as info:
        sample_index[1].catalog.require_publishers(["taipei times, Reuters"])
    assert info.value.names == ["Reuters"]


def test_an_empty_collection_passes_so_the_caller_can_say_it_is_empty(fresh_index) -> None:
    assert fresh_index().catalog.require_publishers(["Reuters"]) == ("Reuters",)


@pytest.mark.parametrize("command", [["search", "export controls"], ["ask", "Which materials did Japan restrict?"],
                                     ["write", "export controls"]])
def test_the_cli_reports_an_unknown_publisher_as_a_one_line_usage_error(cli, sample_index, command: list[str]) -> None:
    result = cli([*command, "--publisher", "Taipei"], **_env(sample_index))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"error: no publisher 'Taipei' in the corpus (closest: {TAIPEI!r})\n"


@pytest.mark.parametrize(("method", "path", "payload"), [
    ("get", "/v1/search", {"params": {"q": "export controls", "publisher": "Taipei"}}),
    ("post", "/v1/ask", {"json": {"question": "Which materials did Japan restrict?", "publishers": ["Taipei"]}}),
    ("post", "/v1/briefs", {"json": {"topic": "export controls", "publishers": ["Taipei"]}}),
    ("post", "/v1/briefs", {"json": {"topic": "export controls", "publishers": ["Taipei"], "async": True}}),
])
def test_the_api_answers_422_unknown_publisher_with_the_same_message(sample_api, method, path, payload) -> None:
    response = getattr(sample_api, method)(path, **payload)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["type"] == "unknown_publisher"
    assert error["message"] == "no publisher 'Taipei' in the corpus" and error["help"] == f"closest: {TAIPEI!r}"


# -- web hosts as publishers, and one lookup table per corpus snapshot ---------------------------------------------------

HOSTS = {"usatoday.com": 3, "cnn.com": 2, "theweek.co.uk": 1, "e.newsletters.cnn.com": 1, "Wire A": 1}


@pytest.fixture
def host_catalog(tmp_path):
    """A catalog (no vectors needed) whose publishers are written as web hosts, as JSONL feeds without a
    publisher field give them."""
    from rag.catalog import Catalog

    catalog = Catalog(tmp_path / "catalog.sqlite")
    for publisher, n in HOSTS.items():
        _add(catalog, publisher, n)
    yield catalog
    catalog.close()


def _add(catalog, publisher: str, n: int = 1) -> None:
    from rag.catalog import DocumentRow
    from rag.types import SourceDocument

    rows = [DocumentRow(SourceDocument(doc_id=f"{publisher}-{i}", text="x", source_path=f"{publisher}-{i}.txt",
                                       publisher=publisher), story_id=f"{publisher}-{i}") for i in range(n)]
    catalog.begin_documents(rows)
    catalog.commit_documents({r.doc.doc_id: [] for r in rows})


@pytest.mark.parametrize(("typed", "stored"), [
    ("CNN", ("cnn.com", "e.newsletters.cnn.com")),  # the outlet's short form: both of its hosts
    ("cnn.com", ("cnn.com",)),  # a stored name typed exactly means that one only
    ("USA Today", ("usatoday.com",)),
    ("usa today", ("usatoday.com",)),
    ("The Week", ("theweek.co.uk",)),
    ("www.theweek.co.uk", ("theweek.co.uk",)),
    ("wire a", ("Wire A",)),
    ("cnn; the week", ("cnn.com", "e.newsletters.cnn.com", "theweek.co.uk")),
])
def test_a_web_host_is_found_by_the_outlets_name(host_catalog, typed: str, stored: tuple[str, ...]) -> None:
    assert host_catalog.require_publishers([typed]) == stored


@pytest.mark.parametrize("typed", ["Week", "USA", "news", "co.uk"])
def test_a_part_of_a_host_is_not_the_outlet(host_catalog, typed: str) -> None:
    with pytest.raises(UnknownPublisherError):
        host_catalog.require_publishers([typed])


def test_the_publisher_table_is_read_once_per_corpus_snapshot(host_catalog) -> None:
    statements: list[str] = []
    host_catalog.require_publishers(["CNN"])
    host_catalog._db.set_trace_callback(statements.append)
    for _ in range(3):
        assert host_catalog.require_publishers(["CNN"]) == ("cnn.com", "e.newsletters.cnn.com")
    assert not [s for s in statements if "documents" in s], statements  # no COUNT(*) or GROUP BY per request
    _add(host_catalog, "Nikkei Asia")  # the corpus changed: the next lookup sees it
    assert host_catalog.require_publishers(["nikkei asia"]) == ("Nikkei Asia",)
