"""What the API answers to input a new user gets wrong: the CLI's words for a date bound it refuses, in a JSON body and
a query string alike; one 422 ``validation_error`` for since after until, wherever the bounds come from; a body that is
not UTF-8 or not JSON said to be so; publishers found by the names people type. Errors keep the one shape
``{"error": {"type", "message", "help", "details"}}`` and carry no pydantic wording ("Value error, …")."""

from __future__ import annotations

import json

import pytest

from rag.date_bounds import read_day
from rag.errors import QueryError

TAIPEI = "Taipei Times (page with related-story snippets appended)"


@pytest.fixture(scope="module")
def client(sample_api):
    return sample_api


def _error(response, status: int = 422, kind: str = "validation_error") -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["type"] == kind, body
    assert "Value error" not in response.text
    return body["error"]


def _cli_reason(value: str) -> str:
    with pytest.raises(QueryError) as info:
        read_day(value)
    return str(info.value)


def _requests(field: str, value: str):
    """The same bound sent to every route that takes one: (method, path, kwargs, where the error is located)."""
    return [
        ("post", "/v1/ask", {"json": {"question": "What did Japan restrict?", field: value}}, ["body", field]),
        ("post", "/v1/briefs", {"json": {"topic": "export controls", field: value}}, ["body", field]),
        ("post", "/v1/briefs", {"json": {"topic": "export controls", field: value, "async": True}}, ["body", field]),
        ("get", "/v1/search", {"params": {"q": "export controls", field: value}}, ["query", field]),
    ]


@pytest.mark.parametrize("value", ["07/04/2019", "03.04.2019", "12/11/19", "2026-13-01", "yesterday"])
@pytest.mark.parametrize("field", ["since", "until"])
def test_a_refused_date_bound_gets_the_clis_reason_on_every_route(client, field: str, value: str) -> None:
    reason = _cli_reason(value)
    for method, path, kwargs, loc in _requests(field, value):
        error = _error(getattr(client, method)(path, **kwargs))
        assert error["details"] == [{"loc": loc, "msg": reason, "type": "value_error"}], (path, error)
        assert error["help"].startswith(f"{field}: Only evidence published on/") and "YYYY-MM-DD" in error["help"]
        assert error["message"] == f"{'.'.join(loc[1:] if loc[0] == 'body' else loc)}: {reason}"


def test_an_ambiguous_date_names_both_readings_and_the_iso_forms(client) -> None:
    error = _error(client.get("/v1/search", params={"q": "chips", "since": "07/04/2019"}))
    assert error["message"] == ("query.since: the day/month order of '07/04/2019' is ambiguous: write 2019-07-04 for "
                                "4 July 2019 (month first) or 2019-04-07 for 7 April 2019 (day first)")


@pytest.mark.parametrize(("since", "until"), [("13/04/2019", "4 July 2019"), ("2019-04-07", "July 4, 2019")])
def test_unambiguous_dates_in_any_common_form_are_read(client, since: str, until: str) -> None:
    response = client.get("/v1/search", params={"q": "export restrictions", "since": since, "until": until})
    assert response.status_code == 200, response.text


def test_since_after_until_is_one_error_wherever_the_bounds_come_from(client) -> None:
    bounds = {"since": "2020-01-01", "until": "4 July 2019"}
    for method, path, kwargs, loc in _requests("since", "2020-01-01"):
        if "json" in kwargs:
            kwargs["json"].update(bounds)
        else:
            kwargs["params"].update(bounds)
        error = _error(getattr(client, method)(path, **kwargs))
        assert error["message"] == "since (2020-01-01) is after until (2019-07-04)", (path, error)  # no CLI option names
        assert error["help"] == "send a since on or before until (both days count), or leave one of them out"
        assert error["details"][0]["loc"] == loc[:1]


@pytest.mark.parametrize(("body", "where"), [
    (b'{"question": "\xff chips"}', "byte 0xff at position 14"),
    ('{"question": "café"}'.encode("latin-1"), "byte 0xe9 at position 17"),  # Latin-1, a common mistake
    (b'{"question": "chips \xe2\x80"}', "byte 0xe2 at position 20"),  # UTF-8 cut inside a character
])
@pytest.mark.parametrize("content_type", ["application/json", "application/merged-patch+json", None])
def test_a_json_body_that_is_not_utf8_is_a_422_saying_where(client, body: bytes, where: str, content_type) -> None:
    headers = {"content-type": content_type} if content_type else {}
    error = _error(client.post("/v1/ask", content=body, headers=headers))
    assert error["message"] == f"body: not UTF-8 text: {where} cannot be decoded"
    assert error["help"] == "send the JSON encoded as UTF-8" and error["details"][0]["loc"] == ["body"]


def test_a_utf16_json_body_is_read_as_json_reads_it(client) -> None:
    body = '{"question": "chips", "since": "07/04/2019"}'.encode("utf-16")
    error = _error(client.post("/v1/ask", content=body, headers={"content-type": "application/json"}))
    assert error["details"][0]["loc"] == ["body", "since"]  # decoded: the date is what is wrong


@pytest.mark.parametrize("body", ["not json", '{"question": "chips",}', '{"question": "chips"', ""])
def test_a_body_that_is_not_json_says_where_reading_stopped(client, body: str) -> None:
    error = _error(client.post("/v1/ask", content=body, headers={"content-type": "application/json"}))
    if not body:
        assert error["message"] == "body: Field required"
        return
    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(body)
    assert error["message"] == f"body: not JSON: {info.value.msg} at character {info.value.pos}"
    assert error["details"][0]["loc"] == ["body"]


@pytest.mark.parametrize(("payload", "message"), [
    ({"question": "   "}, "question: question is empty (or only whitespace)"),
    ({"question": "chips", "publishers": [" "]}, "publishers: publisher names must not be empty"),
    ({"question": "chips", "since": 20190704}, "since: Input should be a valid string"),
])
def test_field_errors_name_the_field_in_plain_words(client, payload: dict, message: str) -> None:
    assert _error(client.post("/v1/ask", json=payload))["message"] == message


@pytest.mark.parametrize("typed", ["taipei times", "Taipei Times", "The Taipei Times", "taipei times, worldwidewatchers"])
def test_search_finds_a_publisher_by_the_name_people_type(client, typed: str) -> None:
    response = client.get("/v1/search", params={"q": "export restrictions", "publisher": typed, "k": 8})
    assert response.status_code == 200, response.text
    publishers = {h["publisher"] for h in response.json()["hits"]}
    assert TAIPEI in publishers and publishers <= {TAIPEI, "WorldWideWatchers"}


def test_publishers_lists_every_publisher_with_its_document_count(client) -> None:
    body = client.get("/v1/publishers").json()
    assert body["total"] == 4 and {p["name"] for p in body["items"]} == {
        TAIPEI, "WorldWideWatchers", "Intelrift Intelligence Desk", "Discuss Japan (No.57), translated from Chuokoron"}
    assert all(p["documents"] == 1 for p in body["items"])


def test_publishers_counts_the_documents_that_name_none_and_says_no_filter_selects_them(client) -> None:
    from rag.catalog import NO_PUBLISHER, NO_PUBLISHER_FILTER

    body = client.get("/v1/publishers").json()
    assert body["without_publisher"] == {"name": NO_PUBLISHER, "documents": 1, "filter": NO_PUBLISHER_FILTER}  # the fifth
    assert body["documents"] == 5 == sum(p["documents"] for p in body["items"]) + 1
    assert NO_PUBLISHER not in {p["name"] for p in body["items"]}  # items are the names a filter takes
    for typed in (NO_PUBLISHER, "no publisher", "(No Publisher)"):
        error = _error(client.get("/v1/search", params={"q": "export controls", "publisher": typed}), kind="unknown_publisher")
        assert error["help"] == NO_PUBLISHER_FILTER and "not a publisher" in error["message"]
        error = _error(client.post("/v1/ask", json={"question": "What did Japan restrict?", "publishers": [typed]}),
                       kind="unknown_publisher")
        assert error["help"] == NO_PUBLISHER_FILTER
