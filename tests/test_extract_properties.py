"""Hardening: extraction never raises, and every evidence span it emits points at its value."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import meetingx

#: Pieces of meeting reports, so that generated texts reach the extraction rules and not only
#: their early exits; mixed with arbitrary Unicode.
FRAGMENTS = [
    "4月18日下午", "2023年12月", "上午", "，", "。", "、", "；", "：", "\n", "（", "）", "一是", "二要", "第三",
    "（四）", "59.", "主持", "出席", "列席", "讲话", "强调", "要求", "指出", "在", "召开", "举行", "会议",
    "报告厅", "校长", "副书记", "张三", "李明", "审议", "通过", "同意", "票", "反对", "弃权", "发布时间：",
    "2024-05-20", "On 3 May", "the Board", "chaired by", "Resolved", "votes",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map("".join),
)


#: Values that are normalised rather than quoted (shared/spec/record.md): their evidence points at
#: the words they were read from, which differ from the value (下午 for "afternoon").
NORMALISED_KEYS = {"lang", "kind", "date", "publish_date", "time_of_day", "number", "votes", "for",
                   "against", "abstain", "passed"}


def resolve(document: Any, pointer: str) -> Any:
    """The value a JSON Pointer (RFC 6901) points at."""
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        document = document[int(token)] if isinstance(document, list) else document[token]
    return document


def assert_evidence_is_valid(text: str, record: dict) -> None:
    for pointer, evidence in record["evidence"].items():
        start, end = evidence["start"], evidence["end"]
        assert 0 <= start <= end <= len(text), (pointer, evidence)
        value = resolve(record, pointer)
        if isinstance(value, str) and pointer.rsplit("/", 1)[-1] not in NORMALISED_KEYS:
            assert text[start:end] == value, (pointer, evidence, value)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_never_raises_and_its_evidence_points_at_its_values(text: str) -> None:
    record = meetingx.extract(text, id="generated").to_json_dict()

    assert record["source"]["chars"] == len(text)
    assert_evidence_is_valid(text, record)


def test_a_megabyte_of_markers_and_separators_is_extracted() -> None:
    unit = "一是、二要，（三）、第四；5.、，、"
    text = unit * (1_000_000 // len(unit.encode("utf-8")))

    record = meetingx.extract(text, id="markers").to_json_dict()

    assert record["id"] == "markers"
    assert record["source"]["chars"] == len(text)
    assert_evidence_is_valid(text, record)
