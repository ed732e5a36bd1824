"""The published JSON Schema of the record, generated from :mod:`meetingx.record`."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from meetingx.record import SCHEMA_VERSION, MeetingRecord

SCHEMA_ID = f"urn:meetingx:schema:meeting-record:{SCHEMA_VERSION}"
#: Where the committed copy lives, relative to the repository root.
SCHEMA_FILE = "schemas/meeting-record.schema.json"


@lru_cache(maxsize=1)
def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record as the CLI writes it."""
    body = MeetingRecord.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **body,
    }


def schema_json() -> str:
    """The schema as the committed file holds it (sorted keys, two-space indent, final newline)."""
    return json.dumps(record_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
