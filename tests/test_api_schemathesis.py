"""Property-based API checks: schemathesis generates requests from the app's OpenAPI schema (in-process ASGI).

Read-only and validation-heavy operations only (uploads and async jobs are covered in test_api.py); the
single property checked is "no 5xx", whatever the input.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from conftest import CORPUS_DIR, copy_sqlite  # noqa: E402
from rag.config import Settings, get_settings  # noqa: E402

from api.main import create_app  # noqa: E402

HYPOTHESIS = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)


# The schema is loaded from an app built at import (schemathesis' lazy ``from_fixture`` loader does not work
# with this pytest version); the data the requests see is swapped in by a fixture through the supported
# ``get_settings`` dependency override, inside the hermetic test environment.
_BOOT_DIR = Path(tempfile.mkdtemp(prefix="schemathesis-boot-"))
app = create_app(Settings(data_dir=_BOOT_DIR), warm_up=False)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def corpus_settings(tmp_path_factory, sample_index):
    from rag.index import open_index
    from rag.ingest import Ingestor

    data = tmp_path_factory.mktemp("schemathesis-data")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data / "embedding-cache.sqlite")
    settings_ = Settings(data_dir=data)
    report = Ingestor(open_index(settings_)).ingest_paths([CORPUS_DIR])
    assert report.added == 5
    app.dependency_overrides[get_settings] = lambda: settings_
    yield settings_
    for services in app.state.extra_services.values():
        services.close()
    app.state.services.close()
    shutil.rmtree(_BOOT_DIR, ignore_errors=True)


READ_ONLY = schema.include(method="GET", path_regex=r"^/(v1/(search|briefs|documents|models|jobs)|healthz)")


@READ_ONLY.parametrize()
@settings(max_examples=15, **HYPOTHESIS)
def test_read_only_endpoints_never_fail_with_5xx(case):
    case.call_and_validate(checks=[not_a_server_error])


@schema.include(method="POST", path="/v1/ask").parametrize()
@settings(max_examples=3, **HYPOTHESIS)
def test_ask_never_fails_with_5xx(case):
    if isinstance(case.body, dict):
        case.body["stream"] = False  # streaming is covered in test_api.py
    case.call_and_validate(checks=[not_a_server_error])


@schema.include(method="POST", path="/v1/briefs").parametrize()
@settings(max_examples=2, **HYPOTHESIS)
def test_brief_validation_never_fails_with_5xx(case):
    if isinstance(case.body, dict):
        case.body["async"] = False
    case.call_and_validate(checks=[not_a_server_error])
