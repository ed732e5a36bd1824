"""Clauses: the agenda (what the meeting did)."""

from __future__ import annotations

import pytest

LEAD = "5月10日上午，学校在行政楼会议室召开工作会议。"

AGENDA = [
    pytest.param(LEAD + "会议传达学习了全国教育大会精神，听取了关于本科教学评估工作的汇报，审议了《学校章程修订草案》。",
                 ["传达学习了全国教育大会精神", "听取了关于本科教学评估工作的汇报", "审议了《学校章程修订草案》"],
                 id="three-acts"),
    pytest.param(LEAD + "会议通报了上半年安全工作情况，研究部署了下半年重点工作。会议强调，要抓牢抓实安全责任。",
                 ["通报了上半年安全工作情况", "研究部署了下半年重点工作"], id="not-huiyi-qiangdiao-content"),
    pytest.param("5月10日上午，县委召开常委会会议，传达学习省委全会精神，研究部署全县经济工作。",
                 ["传达学习省委全会精神", "研究部署全县经济工作"], id="acts-in-the-lead"),
    pytest.param("5月10日上午，学院召开党政联席会议，审议通过了《学院绩效分配办法》。",
                 ["审议通过了《学院绩效分配办法》"], id="shenyi-tongguo"),
    pytest.param(LEAD + "会议表彰了年度优秀教师，讨论了学校发展规划。", ["表彰了年度优秀教师", "讨论了学校发展规划"],
                 id="biaozhang-taolun"),
    pytest.param(LEAD + "会议首先传达学习了省委全会精神。随后，会议听取了各单位工作汇报。",
                 ["传达学习了省委全会精神", "听取了各单位工作汇报"], id="sequence-words-left-out"),
    pytest.param(LEAD + "会议传达了教育部有关文件精神、通报了近期校园安全情况、研究了暑期工作安排。",
                 ["传达了教育部有关文件精神", "通报了近期校园安全情况", "研究了暑期工作安排"], id="acts-joined-by-dun"),
    pytest.param(LEAD + "会议审议并原则通过了《学校“十四五”发展规划》。", ["审议并原则通过了《学校“十四五”发展规划》"],
                 id="shenyi-bing-yuanze-tongguo"),
    pytest.param("5月10日上午，学校召开党委常委会，学习《习近平谈治国理政》第四卷和《中国共产党章程》。",
                 ["学习《习近平谈治国理政》第四卷和《中国共产党章程》"], id="several-book-titles-one-item"),
    pytest.param("5月10日，县委召开常委会会议。县委副书记、县长张晓峰传达了省委会议精神。", ["传达了省委会议精神"],
                 id="presenter-act-subject-left-out"),
    pytest.param(LEAD + "党委书记王明就下一步工作进行了部署。", ["就下一步工作进行了部署"], id="jiu-lead-in"),
    pytest.param(LEAD + "会议强调，要认真学习贯彻会议精神，研究制定具体措施。", [], id="only-huiyi-qiangdiao"),
    pytest.param(LEAD + "校长张伟指出，要研究制定具体措施，认真审议各项方案。", [], id="speech-content"),
    pytest.param(LEAD + "各学院负责人先后发言。", [], id="speeches-are-not-agenda"),
]


@pytest.mark.parametrize(("text", "agenda"), AGENDA)
def test_agenda(extract, text, agenda):
    record = extract(text)

    assert record["agenda"] == agenda
    for item in agenda:
        assert item in text


def test_chair_candidate_skips_the_principal(candidates):
    text = LEAD + "受党委书记刘建国委托，党委副书记陈晓东主持会议。"

    assert [words for words, _ in candidates(text, "CHAIR")] == ["陈晓东"]


def test_meeting_voice_candidate(candidates):
    text = LEAD + "会议强调，一是要压实责任；二是要狠抓落实。"
    voices = candidates(text, "VOICE")

    assert voices and all(data["name_start"] is None for _, data in voices)
