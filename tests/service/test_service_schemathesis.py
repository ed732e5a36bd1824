"""Property-based tests of every operation the published OpenAPI document declares
(schemathesis): no server error, and every status, header and body as declared."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import negative_data_rejection  # noqa: E402


@schemathesis.serializer("application/x-ndjson")
def json_lines(ctx: object, value: object) -> bytes | None:
    """The batch body is declared as a string of JSON Lines. A value of another type (a negative
    case) has no form on the wire but no body at all, which the service must refuse."""
    return value.encode("utf-8") if isinstance(value, str) else None


@pytest.fixture
def api_schema(app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_behaves_as_declared(case: schemathesis.Case) -> None:
    excluded = [negative_data_rejection] if only_file_contents_mutated(case) else None
    case.call_and_validate(excluded_checks=excluded)


def only_file_contents_mutated(case: schemathesis.Case) -> bool:
    """Whether a case of the upload endpoint has files and a valid or no publish_date on the wire,
    so that what a negative case changed can only be the files' contents. Any bytes are a file:
    one that schemathesis turned from a string into a JSON array is still a file, and the service
    rightly reads it, so such a case has no invalid form on the wire."""
    if case.operation.path != "/v1/extract/files" or not isinstance(case.body, dict) or not case.body.get("files"):
        return False
    publish_date = case.body.get("publish_date", [])
    # a list goes as one form part per item (none for an empty one); a blank field means none
    return all(value == "" or is_iso_date(value)
               for value in (publish_date if isinstance(publish_date, list) else [publish_date]))


def is_iso_date(value: object) -> bool:
    try:
        return isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        return False
