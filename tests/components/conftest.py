"""Shared helpers of the component tables: extract a text and check its evidence on the way."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import meetingx

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


def assert_evidence_points_at_values(text: str, record: dict) -> None:
    """Every evidence span lies in the text, and ``text[start:end] == value`` for quoted strings."""
    for pointer, evidence in record["evidence"].items():
        start, end = evidence["start"], evidence["end"]
        assert 0 <= start <= end <= len(text), (pointer, evidence)
        value = resolve(record, pointer)
        if isinstance(value, str) and pointer.rsplit("/", 1)[-1] not in NORMALISED_KEYS:
            assert text[start:end] == value, (pointer, evidence, value)


def run_extract(text: str, **kwargs: Any) -> dict:
    record = meetingx.extract(text, id="case", **kwargs).to_json_dict()
    assert_evidence_points_at_values(text, record)
    return record


@pytest.fixture
def extract() -> Callable[..., dict]:
    """``extract(text, publish_date=None)`` -> the record as JSON, its evidence already checked."""
    return run_extract


@pytest.fixture
def candidates() -> Callable[[str, str], list[tuple[str, dict]]]:
    """``candidates(text, label)`` -> [(covered text, data)] of the Doc's candidates with ``label``."""

    def find(text: str, label: str) -> list[tuple[str, dict]]:
        doc = meetingx.load("zh")(text)
        view = doc._.mx_text
        # candidates hold offsets into the matching view; map them back to the original text
        to_original = getattr(view, "to_original", lambda start, end: (start, end))
        found = []
        for c in doc._.mx_candidates:
            if c.label == label:
                start, end = to_original(c.start, c.end)
                found.append((text[start:end], c.data))
        return found

    return find
