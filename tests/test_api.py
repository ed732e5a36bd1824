"""The Python API's language detection: the letters decide, not what the text starts with."""

from __future__ import annotations

import pytest

import meetingx
from meetingx.api import detect_language

REPORT = "学校召开2024年秋季学期工作部署会，党委书记张明主持会议并讲话。"
MINUTES = "The Riverside School Board met on Monday. President Maria Lopez called the meeting to order."


@pytest.mark.parametrize(("text", "language"), [
    (REPORT, "zh"),
    ("學校召開工作會議，黨委書記張明主持會議。", "zh"),
    ("、" * 30_000 + REPORT, "zh"),
    ("、、、" + REPORT, "zh"),
    ("😀🎉 " + REPORT, "zh"),
    ("🎉" * 5_000 + REPORT, "zh"),
    ("１２３４５６，" + REPORT, "zh"),
    ("2024-09-03 08:30 " + REPORT, "zh"),
    ("……“”《》" * 400 + REPORT, "zh"),
    ("<div><p>" + REPORT + "</p></div>", "zh"),
    ("学校召开AI教育工作会议，张明主持。", "zh"),
    ("\u3400\u3401 会议", "zh"),
    (MINUTES, "en"),
    ("……" + MINUTES, "en"),
    ("、、、" + MINUTES, "en"),
    ("🎉" * 5_000 + MINUTES, "en"),
    ("Mr. 王 attended the meeting of the council on Monday evening.", "en"),
    ("、、、", "en"),
    ("", "en"),
    ("12345 67890", "en"),
    ("A" * 2_000 + REPORT, "en"),
], ids=["zh", "traditional", "30k 、 first", "、 first", "emoji first", "5k emoji first",
        "full-width digits first", "date first", "quotes first", "markup", "acronym inside", "extension A",
        "en", "ellipsis first", "、 before English", "5k emoji before English", "one Chinese name",
        "only punctuation", "empty", "only digits", "2,000 Latin letters first"])
def test_the_first_letters_decide_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_chinese_report_after_a_run_of_punctuation_goes_through_the_chinese_pipeline() -> None:
    record = meetingx.extract("、" * 2_000 + "\n" + REPORT, id="r")

    assert record.lang == "zh"
