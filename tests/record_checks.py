"""Checks of a record against its text, shared by the tests that extract."""

from __future__ import annotations

from typing import Any

#: Values that are normalised rather than quoted (shared/spec/record.md): their evidence points at
#: the words they were read from (下午 for "afternoon"), not at the value itself.
NORMALISED_KEYS = {"lang", "kind", "date", "publish_date", "time_of_day", "number", "votes", "for",
                   "against", "abstain", "passed"}


def resolve(document: Any, pointer: str) -> Any:
    """The value a JSON Pointer (RFC 6901) points at."""
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        document = document[int(token)] if isinstance(document, list) else document[token]
    return document


def assert_evidence_points_at_values(text: str, record: dict) -> int:
    """Every evidence span lies in the text, and ``text[start:end] == value`` for quoted strings;
    returns how many quoted values were checked."""
    checked = 0
    for pointer, evidence in record["evidence"].items():
        start, end = evidence["start"], evidence["end"]
        assert 0 <= start <= end <= len(text), (pointer, evidence)
        value = resolve(record, pointer)
        if isinstance(value, str) and pointer.rsplit("/", 1)[-1] not in NORMALISED_KEYS:
            assert text[start:end] == value, (pointer, evidence, value)
            checked += 1
    return checked
