"""Hardening: extraction never raises (but for a blank text, which has no record), and every
evidence span it emits points at its value."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import meetingx
from record_checks import assert_evidence_points_at_values

#: Pieces of meeting reports, so that generated texts reach the extraction rules and not only
#: their early exits; mixed with arbitrary Unicode.
FRAGMENTS = [
    "4月18日下午", "2023年12月", "上午", "，", "。", "、", "；", "：", "\n", "（", "）", "一是", "二要", "第三",
    "（四）", "59.", "主持", "出席", "列席", "讲话", "强调", "要求", "指出", "在", "召开", "举行", "会议",
    "报告厅", "校长", "副书记", "张三", "李明", "审议", "通过", "同意", "票", "反对", "弃权", "发布时间：",
    "2024-05-20", "On 3 May", "the Board", "chaired by", "Resolved", "votes",
    "表决结果：", "9票", "426,223,758股", "回避", "经表决", "以举手表决方式", "表决通过", "任命", "免去", "关于",
    "的决定", "《", "》", "1.01 ", "议案名称：", "同意 反对 弃权\n", "票数 比例", "决议公告", "甲乙股份有限公司",
    "第二届董事会第八次会议", "董事会2024年3月7日",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_never_raises_and_its_evidence_points_at_its_values(text: str) -> None:
    if not text.strip():
        with pytest.raises(meetingx.EmptyTextError):
            meetingx.extract(text, id="generated")
        return
    record = meetingx.extract(text, id="generated").to_json_dict()

    assert record["source"]["chars"] == len(text)
    assert_evidence_points_at_values(text, record)


def test_a_megabyte_of_markers_and_separators_is_extracted() -> None:
    unit = "一是、二要，（三）、第四；5.、，、"
    text = unit * (1_000_000 // len(unit.encode("utf-8")))

    record = meetingx.extract(text, id="markers").to_json_dict()

    assert record["id"] == "markers"
    assert record["source"]["chars"] == len(text)
    assert_evidence_points_at_values(text, record)
