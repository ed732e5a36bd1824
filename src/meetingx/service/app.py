"""The HTTP endpoints: a thin layer over the CLI's functions.

Documents are read by the CLI's readers (:mod:`meetingx.reading`), extracted by its per-document
function (:func:`meetingx.batch.extract_outcome`, in worker processes: :mod:`.pool`), and what
fails gets the CLI's error entry. Every error response, the request's own included, is such an
entry (:class:`~.models.ErrorEntry`).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from pathlib import PurePath
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from meetingx import __version__
from meetingx.batch import RecordLine
from meetingx.lexicon import Lexicon
from meetingx.pipeline import PIPELINES
from meetingx.reading import Document, InputError
from meetingx.reading.base import (
    MAX_DOCUMENT_BYTES,
    Unreadable,
    check_size,
    require_text,
)
from meetingx.reading.inputs import read_upload
from meetingx.record import SCHEMA_VERSION, MeetingRecord
from meetingx.schema import record_schema
from meetingx.service.limits import BodyLimit
from meetingx.service.models import (
    NOT_BLANK,
    ErrorEntry,
    ExtractRequest,
    Health,
    OptionalIsoDate,
    Readiness,
    ValidateRequest,
    ValidationReport,
    VersionInfo,
)
from meetingx.service.pool import WorkerPool
from meetingx.validate import Report
from meetingx.workers import TIMEOUT

JSON_LINES = "application/x-ndjson"

#: The status of a document's error entry when it answers a single-document request.
DOCUMENT_ERROR_STATUS = {"empty": 422, "too-large": 413, TIMEOUT: 504}  # others: 500

#: The errors every request with a body may get.
REQUEST_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEntry, "description": "the body is not JSON (code bad-json)"},
    413: {"model": ErrorEntry, "description": f"the body is over {MAX_DOCUMENT_BYTES} bytes (code too-large)"},
    422: {"model": ErrorEntry, "description": "the body is JSON of the wrong shape (code bad-request), or "
                                              "the text is empty or only white space (code empty)"},
}

_JSON_LINES_OUT = {"description": "one line per document, in input order: its record, or its error entry "
                                  "(an object with code and message) as meetingx extract writes them",
                   "content": {JSON_LINES: {"schema": {"type": "string"}}}}

DESCRIPTION = """Meeting reports in, validated and source-grounded JSON records out: the service
form of `meetingx extract` and `meetingx validate`. Every request body is limited to 5,000,000
bytes (the CLI's per-document limit); each document's extraction to the server's `--timeout`."""


def create_app(pool: WorkerPool, *, owns_pool: bool = False) -> FastAPI:
    """The service over ``pool``'s workers, started by the caller; with ``owns_pool``, the app
    stops them when the server shuts down, else the caller does."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_pool:
            pool.close()

    # the docs page with Swagger UI's files served from the package, not from a CDN: offline
    app = FastAPIOffline(title="meetingx", version=__version__, description=DESCRIPTION,
                         openapi_url="/openapi.json", docs_url="/docs", redoc_url=None, lifespan=lifespan)
    app.add_middleware(BodyLimit, max_bytes=MAX_DOCUMENT_BYTES)
    app.add_exception_handler(RequestValidationError, _request_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    version = VersionInfo(name="meetingx", version=__version__, schema_version=SCHEMA_VERSION,
                          rule_data_sha256={lang: Lexicon(lang).fingerprint() for lang in PIPELINES})

    @app.post("/v1/extract", response_class=JSONResponse, response_model=None, tags=["extract"],
              responses={200: {"model": MeetingRecord,
                               "description": "the record, as `meetingx extract -` writes it"},
                         **REQUEST_ERRORS,
                         500: {"model": ErrorEntry, "description": "extraction failed (extract-failed, worker-died)"},
                         504: {"model": ErrorEntry, "description": "extraction ran over the time limit (timeout)"}})
    async def extract(body: ExtractRequest) -> Response:
        """The record of one report."""
        item = _request_document(body)
        outcome = item if isinstance(item, InputError) else await pool.extract(item)
        if isinstance(outcome, RecordLine):
            return Response(outcome.json, media_type="application/json")
        return _error(DOCUMENT_ERROR_STATUS.get(outcome.code, 500), outcome)

    @app.post("/v1/extract/batch", response_class=Response, tags=["extract"],
              responses={200: _JSON_LINES_OUT, **REQUEST_ERRORS},
              openapi_extra={"requestBody": {"required": True, "content": {JSON_LINES: {
                  "schema": {"type": "string", "pattern": NOT_BLANK,
                             "description": "JSON Lines: one {id, text, publish_date?} object a line, as "
                                            "meetingx extract reads them; a line that is not such an object "
                                            "gets an error entry (bad-jsonl) in its place"},
                  "example": '{"id": "r1", "text": "4月18日下午，学校召开工作会议。"}\n'}}}})
    async def extract_batch(request: Request, publish_date: Annotated[OptionalIsoDate, Query(
            description="YYYY-MM-DD, for lines that bring none (--publish-date)")] = None) -> Response:
        """Many reports as JSON Lines; records and error entries as JSON Lines, in order."""
        body = await request.body()
        if not body.decode("utf-8", "replace").strip():
            return _request_problem(422, "empty", "no JSON Lines in the body")
        read = await run_in_threadpool(lambda: list(read_upload("request.jsonl", body)))
        # the lines came in a request, not from a file: no path
        return await _extract_all(pool, [replace(item, path=None) for item in read], publish_date)

    @app.post("/v1/extract/files", response_class=Response, tags=["extract"],
              responses={200: _JSON_LINES_OUT, **REQUEST_ERRORS})
    async def extract_files(files: Annotated[list[UploadFile], File(
            min_length=1, description="text, HTML, .docx or .jsonl files")],
                            publish_date: Annotated[OptionalIsoDate, Form(
                                description="YYYY-MM-DD, for documents that bring none")] = None) -> Response:
        """Uploaded files read as meetingx extract reads files; records and error entries as JSON Lines."""
        items: list[Document | InputError] = []
        for upload in files:
            name, data = PurePath(upload.filename or "upload").name, await upload.read()
            items += await run_in_threadpool(lambda: list(read_upload(name, data)))
        return await _extract_all(pool, items, publish_date)

    @app.post("/v1/validate", response_model=ValidationReport, tags=["validate"], responses=REQUEST_ERRORS)
    async def validate(body: ValidateRequest) -> dict[str, Any]:
        """The problems meetingx validate --format json reports for these records."""
        report = await run_in_threadpool(_validate, body)
        return report.to_json()

    @app.get("/v1/schema", tags=["about"])
    async def schema() -> dict[str, Any]:
        """The record's JSON Schema (draft 2020-12), with its $id."""
        return record_schema()

    @app.get("/v1/version", tags=["about"])
    async def version_info() -> VersionInfo:
        """The extractor's version and which rule data it runs."""
        return version

    @app.get("/livez", tags=["health"])
    async def livez() -> Health:
        """The server answers."""
        return Health(status="ok")

    @app.get("/readyz", tags=["health"], response_model=Readiness,
             responses={503: {"model": Readiness, "description": "some worker is still loading its models"}})
    async def readyz() -> JSONResponse:
        """Whether every extraction worker has its models loaded."""
        ready = pool.ready_workers
        status: Literal["ready", "starting"] = "ready" if ready == pool.size else "starting"
        readiness = Readiness(status=status, workers=pool.size, ready_workers=ready)
        return JSONResponse(readiness.model_dump(), status_code=200 if status == "ready" else 503)

    return app


def _request_document(body: ExtractRequest) -> Document | InputError:
    """The Document of an extract request, or its error entry, by the readers' checks."""
    try:
        check_size(len(body.text.encode("utf-8")))
        require_text(body.text)
    except Unreadable as problem:
        return InputError(id=body.id, path=None, code=problem.code, message=problem.message)
    publish_date = body.publish_date.isoformat() if body.publish_date else None
    return Document(id=body.id, text=body.text, publish_date=publish_date, lang=body.lang)


async def _extract_all(pool: WorkerPool, items: list[Document | InputError], publish_date: date | None) -> Response:
    """Every item's outcome as a JSON Lines response, in order (the documents extracted in parallel)."""
    default = publish_date.isoformat() if publish_date else None

    async def outcome(item: Document | InputError) -> RecordLine | InputError:
        if not isinstance(item, Document):
            return item
        return await pool.extract(replace(item, publish_date=item.publish_date or default))

    lines = [each.json if isinstance(each, RecordLine) else json.dumps(each.to_json_dict(), ensure_ascii=False)
             for each in await asyncio.gather(*map(outcome, items))]
    return Response("".join(line + "\n" for line in lines), media_type=JSON_LINES)


def _validate(body: ValidateRequest) -> Report:
    texts = {source.id: source.text for source in body.sources}
    report = Report()
    for line, record in enumerate(body.records, 1):
        record_id = record.get("id") if isinstance(record, dict) else None
        text = texts.get(record_id) if isinstance(record_id, str) else None
        report.add(record, text, file="request", line=line, source_name="sources" if text is not None else None)
    return report


def _error(status: int, entry: InputError) -> JSONResponse:
    return JSONResponse(entry.to_json_dict(), status_code=status)


def _request_problem(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"id": None, "path": None, "line": None, "code": code, "message": message},
                        status_code=status)


#: Codes of the errors the framework raises itself (a body it cannot decode: 400).
_HTTP_ERROR_CODES = {400: "bad-json", 404: "not-found", 405: "method-not-allowed"}


async def _http_error(request: Request, error: HTTPException) -> JSONResponse:
    response = _request_problem(error.status_code, _HTTP_ERROR_CODES.get(error.status_code, "http-error"),
                                str(error.detail))
    response.headers.update(error.headers or {})
    return response


async def _request_error(request: Request, error: RequestValidationError) -> JSONResponse:
    """400 for a body that is not JSON, 422 for JSON of the wrong shape; both as error entries."""
    problems = error.errors()
    not_json = [problem for problem in problems if problem.get("type") == "json_invalid"]
    if not_json:
        reason = not_json[0].get("ctx", {}).get("error", "")
        return _request_problem(400, "bad-json", f"the body is not JSON: {reason}".rstrip(": "))
    return _request_problem(422, "bad-request", "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}" for problem in problems))
