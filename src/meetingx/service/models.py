"""What the service's endpoints take and give, as pydantic models: the OpenAPI document is
generated from them."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, Any, Literal, Optional

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema,
                      field_validator)

from meetingx.record import Lang


def _unicode(value: str) -> str:
    """``value``, unless it holds a lone surrogate (JSON may escape one, ``\\ud800``): no
    UTF-8 output could carry it back."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("not valid Unicode (a lone surrogate)") from None
    return value


#: A string that UTF-8 can carry.
UnicodeStr = Annotated[str, AfterValidator(_unicode)]

#: Python's white space (``str.isspace``; none lies above U+3000), which a text must have more than.
_WHITE_SPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
#: A JSON Schema pattern (ECMA and Python alike) that a text which is not blank matches: one
#: character that is not white space, as the readers' ``empty`` check sees it.
NOT_BLANK = "[^" + "".join(f"\\u{ord(char):04x}" for char in _WHITE_SPACE) + "]"

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> Any:
    """Only a calendar date written YYYY-MM-DD (pydantic alone would also take a timestamp)."""
    if isinstance(value, (str, date)) and (isinstance(value, date) or _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("expected a date written YYYY-MM-DD")


#: A calendar date, written YYYY-MM-DD.
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
#: The same as a query or form field, which has no null: left out or empty (a web form's blank
#: field) for none.
OptionalIsoDate = Annotated[
    Optional[date], BeforeValidator(lambda value: None if value in ("", None) else _iso_date(value)),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]})]


class ExtractRequest(BaseModel):
    """One report to extract: a line of a ``meetingx extract`` JSON Lines input, with the
    language if the caller knows it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"id": "r1", "text": "4月18日下午，学校在报告厅召开工作会议。校长王明远主持会议。",
                      "publish_date": "2024-04-19"}]})

    id: UnicodeStr = Field(description="the record's id")
    text: UnicodeStr = Field(description="the report's text; offsets in the record index it. One with nothing "
                                         "but white space gets a 422 with code empty, as the CLI's error entry",
                             json_schema_extra={"pattern": NOT_BLANK})
    publish_date: Optional[IsoDate] = Field(
        default=None, description="YYYY-MM-DD, used where the text states none")
    lang: Optional[Lang] = Field(default=None, description="the text's language; detected when left out")


class ErrorEntry(BaseModel):
    """Why there is no record: a document's error entry, as ``meetingx extract`` writes it to
    ``--errors`` (``id``, ``path``, ``line`` set), or what is wrong with the request itself (they
    null; codes ``bad-json``, ``bad-request``, ``too-large``)."""

    id: Optional[str]
    path: Optional[str]
    line: Optional[int]
    code: str = Field(description="e.g. empty, too-large, extract-failed, timeout, worker-died, "
                                  "bad-json, bad-request")
    message: str


class SourceText(BaseModel):
    """The text a record was made from, for checking its evidence and hash."""

    model_config = ConfigDict(extra="forbid")

    id: UnicodeStr
    text: UnicodeStr


class ValidateRequest(BaseModel):
    """Records to check, as ``meetingx validate`` would, with their texts where at hand."""

    model_config = ConfigDict(extra="forbid")

    records: list[Any] = Field(description="records from any producer (each is checked, whatever its shape)")
    sources: list[SourceText] = Field(
        default_factory=list, description="texts by record id (like --sources FILE.jsonl); the service "
                                          "reads no files, so records without one are checked without text")

    @field_validator("records")
    @classmethod
    def _records_in_unicode(cls, records: list[Any]) -> list[Any]:
        _unicode(json.dumps(records, ensure_ascii=False))  # problems may quote any string of them
        return records


class ValidationProblem(BaseModel):
    file: str = Field(description='always "request"')
    line: int = Field(description="the record's position in records, from 1")
    id: Optional[str]
    pointer: Optional[str] = Field(description="RFC 6901 pointer into the record; empty for the record itself")
    message: str
    check: Literal["input", "schema", "evidence", "source", "consistency"]


class ValidationSummary(BaseModel):
    records: int
    invalid: int
    problems: int
    unreadable: int
    without_source: int


class ValidationReport(BaseModel):
    """The problems ``meetingx validate --format json`` prints."""

    problems: list[ValidationProblem]
    summary: ValidationSummary


class VersionInfo(BaseModel):
    name: Literal["meetingx"]
    version: str = Field(description="the extractor's version, as records carry it")
    schema_version: str = Field(description="the version of the records it writes")
    rule_data_sha256: dict[str, str] = Field(
        description="by language, sha256 of the rule data (lexicons and patterns) in use")


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready", "starting"] = Field(
        description="ready: every extraction worker has loaded its models")
    workers: int
    ready_workers: int
