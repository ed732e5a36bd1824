"""The matching view: a lone carriage return ends a line like a line feed, so that a report with
old Mac line ends reads like any other, while evidence still indexes the original text."""

from __future__ import annotations

import pytest
from record_checks import assert_evidence_points_at_values

import meetingx
from meetingx.text import TextView, fold


@pytest.mark.parametrize(("text", "folded"), [
    ("标题\r正文", "标题\n正文"),
    ("标题\r\n正文", "标题\r\n正文"),
    ("\r", "\n"),
    ("\r\r\n", "\n\r\n"),
    ("a\r\rb", "a\n\nb"),
    ("结尾\r", "结尾\n"),
    ("会议\r（一）", "会议\n（一）"),
])
def test_a_lone_carriage_return_folds_to_a_line_feed(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert TextView(text).folded == folded


REPORT = ("市教育局召开2024年暑期安全工作会议\n发布时间：2024-07-02\n"
          "7月1日上午，市教育局在二楼会议室召开2024年暑期安全工作会议。局长陈志强主持会议并讲话。\n"
          "会议要求，一是压实安全责任；二是加强隐患排查。\n")
MINUTES = ("Riverside School Board Regular Meeting Minutes\nPublished: July 3, 2024\n"
           "The Riverside School Board met on July 2, 2024 at 6:30 p.m. in the District Office Board Room. "
           "President Maria Lopez presided.\nThe board approved the budget by a vote of 5-0.\n")


def values(record: dict) -> dict:
    """The record without what depends on the text's length: its source and evidence offsets."""
    return {key: value for key, value in record.items() if key not in ("source", "evidence")}


@pytest.mark.parametrize("report", [REPORT, MINUTES], ids=["zh", "en"])
@pytest.mark.parametrize("line_end", ["\r", "\r\n"], ids=["CR", "CRLF"])
def test_a_report_reads_the_same_whatever_its_line_ends(report: str, line_end: str) -> None:
    text = report.replace("\n", line_end)

    record = meetingx.extract(text, id="r").to_json_dict()

    assert_evidence_points_at_values(text, record)
    expected = meetingx.extract(report, id="r").to_json_dict()
    assert values(record) == values(expected)
    assert record["title"] == report.split("\n", 1)[0]
    if len(line_end) == 1:
        assert record["evidence"] == expected["evidence"]


def test_title_and_date_of_a_report_with_lone_carriage_returns() -> None:
    record = meetingx.extract(REPORT.replace("\n", "\r"), id="r").to_json_dict()

    assert (record["title"], record["date"], record["publish_date"]) == (
        "市教育局召开2024年暑期安全工作会议", "2024-07-01", "2024-07-02")
