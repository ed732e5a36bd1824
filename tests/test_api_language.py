"""Language detection: a document goes to the pipeline of its language, also where it mixes in
words of the other (a Chinese name in English minutes, Latin abbreviations in a Chinese report)."""

from __future__ import annotations

import pytest

from meetingx.api import detect_language

CASES = [
    pytest.param("Minutes of the meeting. Present: Mayor Li Wei (李伟), Councilmember Ann Bay. The council approved "
                 "the budget.", "en", id="english-with-a-chinese-name"),
    pytest.param("市委召开常委会会议，研究部署 COVID-19 防控和 GDP 工作，会议由 Zhang 主持。", "zh",
                 id="chinese-with-latin-words"),
    pytest.param("Chairperson\ufffds and Members\ufffd report. Ms. Dobrow said she is sorry.", "en",
                 id="english-with-replacement-characters"),
    pytest.param("5月10日上午，学校召开工作会议。", "zh", id="chinese"),
    pytest.param("The City Council met on Tuesday, March 5, 2024 at 7:00 p.m.", "en", id="english"),
]


@pytest.mark.parametrize(("text", "lang"), CASES)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
