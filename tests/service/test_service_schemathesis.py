"""Property-based tests of every operation the published OpenAPI document declares
(schemathesis): no server error, and every status, header and body as declared."""

from __future__ import annotations

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
    # An uploaded file's content is any bytes: a "file" that schemathesis turned from a string into
    # a JSON array is still a file, so a negative case of a multipart body may well be valid.
    # Its invalid requests (no file, a bad publish_date) are tested by hand (test_service_app).
    uploads = case.operation.path == "/v1/extract/files"
    case.call_and_validate(excluded_checks=[negative_data_rejection] if uploads else None)
