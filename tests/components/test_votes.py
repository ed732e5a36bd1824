"""Votes reported in the running text of news and minutes (CONVENTIONS rule 9): each voted item
is a resolution and an agenda item with the same text; what only sounds like a vote is neither."""

from __future__ import annotations

from typing import Callable, Optional

import pytest

LEAD = "5月20日，区十七届人大常委会第九次会议举行第二次全体会议。常委会主任陈立主持会议。"


def voted(record: dict) -> list[tuple[str, Optional[dict]]]:
    return [(r["text"], r["votes"]) for r in record["resolutions"]]


@pytest.mark.parametrize(("sentence", "texts"), [
    ("会议经表决，通过了新修订的区人大常委会议事规则。", ["通过了新修订的区人大常委会议事规则"]),
    ("会议经过表决，决定免去张三的区教育局局长职务，任命李四为区教育局局长。",
     ["决定免去张三的区教育局局长职务", "任命李四为区教育局局长"]),
    ("会议经表决，任命王五为区人大常委会副主任；免去赵六的区人大常委会委员职务；增补钱七为区人大代表。",
     ["任命王五为区人大常委会副主任", "免去赵六的区人大常委会委员职务", "增补钱七为区人大代表"]),
    ("经过表决，会议推选了大会执行主席。", ["推选了大会执行主席"]),
    ("会议分别经过表决，决定将上述人选作为正式候选人，提请大会全体会议选举。",
     ["决定将上述人选作为正式候选人，提请大会全体会议选举"]),
    ("经表决，会议决定增补孙八为区政协委员；任命周九为副秘书长，吴十为办公室主任。",
     ["决定增补孙八为区政协委员", "任命周九为副秘书长，吴十为办公室主任"]),
    ("会议经表决，通过关于免去郑某的区人大常委会委员职务，撤销其代表资格的决定。",
     ["通过关于免去郑某的区人大常委会委员职务，撤销其代表资格的决定"]),
    ("会议经表决，通过了区级预算调整方案、区国土空间规划；决定免去冯某的区财政局局长职务。",
     ["通过了区级预算调整方案、区国土空间规划", "决定免去冯某的区财政局局长职务"]),
    ("会议以举手表决方式通过了大会议程。", ["通过了大会议程"]),
    ("会议以举手表决方式，通过由15人组成的议案审查委员会名单，通过王某为大会秘书长。",
     ["通过由15人组成的议案审查委员会名单", "通过王某为大会秘书长"]),
    ("会议以无记名投票方式选举产生了新一届理事会。", ["选举产生了新一届理事会"]),
    ("全体代表以举手表决的形式通过了工作报告，以无记名投票表决的方式选举李某为区人民政府副区长。",
     ["全体代表以举手表决的形式通过了工作报告", "选举李某为区人民政府副区长"]),
    ("会议表决通过了关于召开区十七届人大第五次会议的决定。", ["表决通过了关于召开区十七届人大第五次会议的决定"]),
    ("会议还表决通过了其他任免案。", ["表决通过了其他任免案"]),
    ("会议对各项工作报告表决通过。", ["对各项工作报告表决通过"]),
    ("会议分别表决通过了关于批准甲条约的决定，关于批准乙公约的决定。",
     ["分别表决通过了关于批准甲条约的决定，关于批准乙公约的决定"]),
    ("会议表决通过了议程草案，决定提请全体会议审议。", ["表决通过了议程草案"]),
    ("会议一致通过了新修订的商会章程。", ["一致通过了新修订的商会章程"]),
    ("会议审议并表决通过了《区人大常委会监督工作规定》。", ["审议并表决通过了《区人大常委会监督工作规定》"]),
    ("会议对区政府提请的人事任免事项进行了表决。", ["对区政府提请的人事任免事项进行了表决"]),
    ("大会以鼓掌方式通过了大会决议。", ["通过了大会决议"]),
    ("会议采用无记名投票方式，选举张某为商会会长。", ["选举张某为商会会长"]),
    ("會議經表決，通過了新修訂的區人大常委會議事規則。", ["通過了新修訂的區人大常委會議事規則"]),
    ("会议经表决,任命甲为区统计局局长;免去乙的区统计局局长职务。", ["任命甲为区统计局局长", "免去乙的区统计局局长职务"]),
])
def test_vote_reports(extract: Callable[..., dict], sentence: str, texts: list[str]) -> None:
    record = extract(LEAD + sentence)
    assert voted(record) == [(text, None) for text in texts]  # no counts given: votes null
    assert all(r["passed"] is True for r in record["resolutions"])
    for text in texts:
        assert text in record["agenda"]


@pytest.mark.parametrize(("sentence", "text", "votes"), [
    ("会议以9票赞成、0票反对、0票弃权，通过了年度预算方案。", "通过了年度预算方案", {"for": 9, "against": 0, "abstain": 0}),
    ("会议以25票同意，1票反对，2票弃权，表决通过了关于设立专门委员会的决定。", "表决通过了关于设立专门委员会的决定",
     {"for": 25, "against": 1, "abstain": 2}),
    ("会议以七票赞成通过了理事会工作报告。", "通过了理事会工作报告", {"for": 7, "against": None, "abstain": None}),
])
def test_a_tally_in_running_text_gives_the_counts(extract: Callable[..., dict], sentence: str, text: str,
                                                 votes: dict) -> None:
    assert voted(extract(LEAD + sentence)) == [(text, votes)]


def test_a_vote_that_failed(extract: Callable[..., dict]) -> None:
    [resolution] = extract(LEAD + "会议表决未通过关于罢免某某的议案。")["resolutions"]
    assert resolution["passed"] is False


@pytest.mark.parametrize("sentence", [
    "会议审议通过了《工作报告》。",  # 审议通过 without a report of a vote
    "会议原则通过了《实施方案》。",  # 原则通过 is not a vote
    "会议选举产生了新一届领导班子。",
    "会议听取了关于表决办法草案的说明。",
    "根据表决通过的会议议程，大会将审议政府工作报告。",
    "会议决定将草案提请大会全体会议表决。",
    "上述草案经主席团同意后提请大会表决。",
    "该决议在联合国大会上获得一致通过。",
    "会议以视频方式召开。",
    "在会议完成有关表决事项后，主任作了讲话。",
    "主席团确定：下月举行全体会议，投票选举新一届代表。",
    "《关于表决通过后的实施办法》印发执行。",
    "此前，主任会议经表决，决定将草案提请常委会审议。",
])
def test_what_is_not_a_reported_vote(extract: Callable[..., dict], sentence: str) -> None:
    assert extract(LEAD + sentence)["resolutions"] == []


def test_the_headline_is_not_read(extract: Callable[..., dict]) -> None:
    text = "区人大常委会第九次会议闭幕 表决通过议事规则\n" + LEAD + "会议经表决，通过了新修订的区人大常委会议事规则。"
    assert voted(extract(text)) == [("通过了新修订的区人大常委会议事规则", None)]


def test_a_tally_inside_a_voted_item(extract: Callable[..., dict]) -> None:
    sentence = "经大会全体代表无记名投票表决，《绩效工资分配实施办法》以182票赞成、10票反对、6票弃权获得通过。"
    assert voted(extract(LEAD + sentence)) == [
        ("《绩效工资分配实施办法》以182票赞成、10票反对、6票弃权获得通过", {"for": 182, "against": 10, "abstain": 6})]


@pytest.mark.parametrize("sentence", [
    "会议对《村规民约（修订稿）》进行了表决，表决结果：同意25票，反对1票，弃权2票。",
    "会议对《村规民约（修订稿）》进行了表决，结果为赞成25票、反对1票、弃权2票。",
])
def test_a_tally_right_after_a_voted_item(extract: Callable[..., dict], sentence: str) -> None:
    assert voted(extract(LEAD + sentence)) == [
        ("对《村规民约（修订稿）》进行了表决", {"for": 25, "against": 1, "abstain": 2})]
