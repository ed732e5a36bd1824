"""The meeting record: pydantic models of ``shared/spec/record.md``.

A record has a values half (plain JSON with the shape of the corpus gold files) and an
``evidence`` map from JSON Pointers into the values to the character spans they were read from.
The JSON Schema in ``schemas/`` is generated from these models (see :mod:`meetingx.schema`).
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.3"
#: Versions a record may carry: each only widened the one before (1.1: vote counts may be null;
#: 1.2: kind "other", directive numbers restart with each list; 1.3: ``source.pages`` and
#: ``source.ocr``), so older records stay valid.
SCHEMA_VERSIONS = ("1.0", "1.1", "1.2", "1.3")
#: The version a record says it follows: the oldest whose schema it meets. A record without
#: ``source.pages`` or ``source.ocr`` meets 1.2 and says so.
BASE_VERSION = "1.2"
#: The optional keys of ``source`` (1.3): left out of a record that has no value for them.
OPTIONAL_SOURCE_KEYS = ("pages", "ocr")

#: EDTF level 1 as the record uses it: a day, a month, a year with X for unknown digits, or an
#: interval of two such dates.
EDTF_PATTERN = (
    r"^(?:[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?)"
    r"(?:/(?:[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?))?$"
)
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def is_calendar_date(text: str) -> bool:
    """Whether ``text`` is a day of the calendar written YYYY-MM-DD: ``2024-02-29`` is one,
    ``2024-02-30`` and ``2024-13-45`` are not (the record's pattern alone accepts them)."""
    if re.fullmatch(ISO_DATE_PATTERN, text) is None:
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class _Strict(BaseModel):
    # Every key is present in every record, so the published schema requires them all.
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Person(_Strict):
    """Someone named in the report: a chair, a speaker."""

    name: str = Field(min_length=1)
    roles: list[str] = Field(default_factory=list, description="titles standing with the name, as written")
    speech: Optional[str] = Field(default=None, description="what the person did, as written; null for a chair")


class Directive(_Strict):
    """A numbered point, requirement or decision."""

    number: int = Field(ge=1, description="position in its list, 1..n in document order; a new list starts at 1")
    marker: str = Field(min_length=1, description="the numbering marker as written: 一是, （四）, 5.")
    issuer: Optional[str] = Field(default=None, description="whose points they are; null for the meeting")
    text: str = Field(description="from after the marker to the end of the item's first sentence")


class Votes(_Strict):
    """A vote tally; a count that is unreported or cut off is null."""

    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, json_schema_serialization_defaults_required=True
    )

    for_: Optional[int] = Field(default=None, alias="for", ge=0)
    against: Optional[int] = Field(default=None, ge=0)
    abstain: Optional[int] = Field(default=None, ge=0)


class Resolution(_Strict):
    """An item put to a vote."""

    number: int = Field(ge=1)
    text: str
    votes: Optional[Votes] = None
    passed: Optional[bool] = None


class Evidence(_Strict):
    """Where a value stands in the source text: ``text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str = Field(min_length=1, description="<component>.<rule> that produced the value")
    confidence: float = Field(ge=0.0, le=1.0)


class Ocr(_Strict):
    """How text was read from images (1.3)."""

    engine: str = Field(min_length=1, description="the OCR engine, as its package is named")
    version: str = Field(min_length=1)
    pages: list[Annotated[int, Field(ge=1)]] = Field(default_factory=list, description="the pages (1-based) it read")


def _optional_source_keys(schema: dict) -> None:
    schema["required"] = [key for key in schema["required"] if key not in OPTIONAL_SOURCE_KEYS]


class Source(_Strict):
    """The text the offsets refer to."""

    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True,
                              json_schema_extra=_optional_source_keys)

    path: Optional[str] = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the UTF-8 text")
    chars: int = Field(ge=0, description="length of the text in code points")
    encoding: str = Field(description="encoding the input was decoded from")
    pages: Optional[list[Annotated[int, Field(ge=0)]]] = Field(
        default=None, description="1.3, paged inputs (PDF, multi-page scans): the offset where each page starts")
    ocr: Optional[Ocr] = Field(default=None, description="1.3, set when text was read by OCR")


class RecordWarning(_Strict):
    """Something doubtful about the record."""

    code: str
    message: str
    pointer: Optional[str] = None


class Extractor(_Strict):
    name: Literal["meetingx"] = "meetingx"
    version: str


#: The values of a meeting: every value below ``kind``. A record of a document that reports no meeting
#: held (kind "other") leaves each null (scalars) or empty (lists), the publish date included (spec 1.2).
MEETING_SCALARS = ("title", "meeting_name", "organizer", "date", "date_text", "time_of_day", "publish_date", "venue")
MEETING_LISTS = ("chair", "speakers", "attendees", "agenda", "directives", "resolutions")

Lang = Literal["zh", "en"]
#: ``other``: a document that reports no meeting held; every value is null or empty.
Kind = Literal["news", "minutes", "resolution", "other"]
TimeOfDay = Literal["morning", "afternoon", "evening"]


class MeetingRecord(_Strict):
    """One document's record: the values, their evidence, the source, warnings."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_serialization_defaults_required=True,
        title="MeetingRecord",
        json_schema_extra={"description": "A meeting report as a source-grounded record (meetingx)."},
    )

    schema_version: Literal["1.0", "1.1", "1.2", "1.3"] = BASE_VERSION
    id: str
    lang: Lang
    kind: Kind
    title: Optional[str] = None
    meeting_name: Optional[str] = None
    organizer: Optional[str] = None
    date: Optional[str] = Field(default=None, pattern=EDTF_PATTERN)
    date_text: Optional[str] = None
    time_of_day: Optional[TimeOfDay] = None
    publish_date: Optional[str] = Field(default=None, pattern=ISO_DATE_PATTERN)
    venue: Optional[str] = None
    chair: list[Person] = Field(default_factory=list)
    speakers: list[Person] = Field(default_factory=list)
    attendees: list[str] = Field(default_factory=list)
    agenda: list[str] = Field(default_factory=list)
    directives: list[Directive] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    source: Source
    warnings: list[RecordWarning] = Field(default_factory=list)
    extractor: Extractor

    @staticmethod
    def version_for(source: dict) -> str:
        """The schema version a record with this ``source`` says it follows (see :data:`BASE_VERSION`)."""
        return SCHEMA_VERSION if any(source.get(key) is not None for key in OPTIONAL_SOURCE_KEYS) else BASE_VERSION

    def to_json_dict(self) -> dict:
        """The record as plain JSON values (``votes.for`` under its JSON name); the optional keys
        of ``source`` only where they have a value."""
        record = self.model_dump(mode="json", by_alias=True)
        for key in OPTIONAL_SOURCE_KEYS:
            if record["source"][key] is None:
                del record["source"][key]
        return record
