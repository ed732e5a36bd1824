"""Clauses: the chair and the meeting's own voice (speech and agenda have tables of their own)."""

from __future__ import annotations


LEAD = "5月10日上午，学校在行政楼会议室召开工作会议。"

def test_chair_candidate_skips_the_principal(candidates):
    text = LEAD + "受党委书记刘建国委托，党委副书记陈晓东主持会议。"

    assert [words for words, _ in candidates(text, "CHAIR")] == ["陈晓东"]


def test_meeting_voice_candidate(candidates):
    text = LEAD + "会议强调，一是要压实责任；二是要狠抓落实。"
    voices = candidates(text, "VOICE")

    assert voices and all(data["name_start"] is None for _, data in voices)
