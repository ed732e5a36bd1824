"""The meeting record: pydantic models of ``shared/spec/record.md``.

A record has a values half (plain JSON with the shape of the corpus gold files) and an
``evidence`` map from JSON Pointers into the values to the character spans they were read from.
The JSON Schema in ``schemas/`` is generated from these models (see :mod:`meetingx.schema`).
"""

from __future__ import annotations

import re
import datetime
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.2"
#: Versions a record may carry: each only widened the one before (1.1: vote counts may be null;
#: 1.2: kind "other", directive numbers restart with each list), so older records stay valid.
SCHEMA_VERSIONS = ("1.0", "1.1", "1.2")

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


class Source(_Strict):
    """The text the offsets refer to."""

    path: Optional[str] = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the UTF-8 text")
    chars: int = Field(ge=0, description="length of the text in code points")
    encoding: str = Field(description="encoding the input was decoded from")


class RecordWarning(_Strict):
    """Something doubtful about the record."""

    code: str
    message: str
    pointer: Optional[str] = None


class Extractor(_Strict):
    name: Literal["meetingx"] = "meetingx"
    version: str


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

    schema_version: Literal["1.0", "1.1", "1.2"] = SCHEMA_VERSION
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

    def to_json_dict(self) -> dict:
        """The record as plain JSON values (``votes.for`` under its JSON name)."""
        return self.model_dump(mode="json", by_alias=True)
