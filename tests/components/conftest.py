"""Shared helpers of the component tables: extract a text and check its evidence on the way."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import meetingx
from record_checks import assert_evidence_points_at_values

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
