"""Motions item by item: where an announcement (or minutes) writes each item's title and its
tally, what the item's text is, and what is not a motion (section headings, lead-ins, document
lists); what the board decides inside an item is an agenda item of its own."""

from __future__ import annotations

from typing import Callable

import pytest

HEAD = """甲乙科技股份有限公司
第三届董事会第五次会议决议公告

一、董事会会议召开情况
甲乙科技股份有限公司（以下简称“公司”）第三届董事会第五次会议于2023年6月12日在公司会议室召开，会议由董事长陈明主持。

二、董事会会议审议情况
"""
TAIL = "\n特此公告。\n\n甲乙科技股份有限公司董事会\n2023年6月13日\n"
V9 = {"for": 9, "against": 0, "abstain": 0}
V7 = {"for": 7, "against": 0, "abstain": 0}


@pytest.mark.parametrize(("items", "expected"), [
    # bare 《》 title, a paragraph, then the tally
    ("一、《关于公司对外投资的议案》\n公司拟对丙公司进行投资。\n全体董事认为：本次投资符合公司发展战略。\n本项表决情况：同意9票，反对0票，弃权0票。",
     [("《关于公司对外投资的议案》", V9)]),
    # bare unbracketed title, tally on the next line
    ("（1）关于选举张某为公司第六届董事会董事的议案；\n同意9票，反对0票，弃权0票；",
     [("关于选举张某为公司第六届董事会董事的议案", V9)]),
    # motion with its verb, tally after it on the same line
    ("1、审议通过了《关于2023年半年度报告的议案》，表决结果：同意9票，反对0票，弃权0票。",
     [("审议通过了《关于2023年半年度报告的议案》", V9)]),
    # two motions, tally lines below each
    ("（一）审议通过《关于A的议案》\n表决结果：赞成票9票，反对票0票，弃权票0票。\n"
     "（二）审议通过《关于B的议案》\n表决结果：赞成票7票，反对票0票，弃权票0票。",
     [("审议通过《关于A的议案》", V9), ("审议通过《关于B的议案》", V7)]),
    # a motion whose tally is cut off: still a resolution, votes null
    ("1、审议通过《关于A的议案》\n表决结果：同意9票，反对0票，弃权0票。\n2、审议通过《关于B的议案》",
     [("审议通过《关于A的议案》", V9), ("审议通过《关于B的议案》", None)]),
    # by-item vote (逐项表决): the parent and each sub-item with its own tally
    ("（一）会议以7票赞成，0票反对，0票弃权，审议通过了《关于公司发行债券方案的议案》。\n本次方案如下：\n"
     "1、发行证券的种类\n本次发行证券的种类为公司债券。\n表决结果：7票赞成，0票反对，0票弃权。\n"
     "2、发行规模\n本次发行总额不超过10亿元。\n表决结果：7票赞成，0票反对，0票弃权。",
     [("审议通过了《关于公司发行债券方案的议案》", V7), ("发行证券的种类", V7), ("发行规模", V7)]),
    ("1、审议通过《关于公司向特定对象发行股票方案的议案》\n"
     "1.01 发行股票的种类和面值\n表决结果：同意9票，反对0票，弃权0票。\n"
     "1.02 发行方式和发行时间\n表决结果：同意9票，反对0票，弃权0票。",
     [("审议通过《关于公司向特定对象发行股票方案的议案》", None), ("发行股票的种类和面值", V9),
      ("发行方式和发行时间", V9)]),
    # by-item vote with the sub-items run into one line (a flattened page)
    ("（二）审议通过《关于聘任高级管理人员的议案》\n会议逐项表决通过：1.聘任张华为公司总经理；表决结果：9票赞成，0票反对，"
     "0票弃权。2.聘任刘洋为公司财务总监；表决结果：9票赞成，0票反对，0票弃权。",
     [("审议通过《关于聘任高级管理人员的议案》", None), ("聘任张华为公司总经理", V9), ("聘任刘洋为公司财务总监", V9)]),
    # no numbering at all: each motion sentence is an item
    ("会议审议通过了《关于A的议案》，表决结果：同意9票，反对0票，弃权0票。\n"
     "会议审议通过了《关于B的议案》，表决结果：同意7票，反对0票，弃权0票。",
     [("审议通过了《关于A的议案》", V9), ("审议通过了《关于B的议案》", V7)]),
    # a title broken by a line break inside its 《》
    ("1、审议通过《关于修订<信息披露\n管理制度>的议案》\n表决结果：同意9票，反对0票，弃权0票。",
     [("审议通过《关于修订<信息披露\n管理制度>的议案》", V9)]),
    # traditional characters and ASCII punctuation
    ("一、審議通過《關於A的議案》\n表決結果:同意9票,反對0票,棄權0票。",
     [("審議通過《關於A的議案》", V9)]),
])
def test_item_layouts(extract: Callable[..., dict], items: str, expected: list) -> None:
    record = extract(HEAD + items + TAIL)
    assert [(r["text"], r["votes"]) for r in record["resolutions"]] == expected
    assert [r["number"] for r in record["resolutions"]] == list(range(1, len(expected) + 1))
    assert record["agenda"] == [text for text, _ in expected]  # the same boundary (rules 7 and 9)
    assert record["directives"] == []


@pytest.mark.parametrize("items", [
    "会议审议通过了以下议案：",
    "本次会议审议并通过如下决议：",
    "三、备查文件\n1、第三届董事会第五次会议决议；\n2、独立董事意见。",
    "本议案在提交董事会前已经董事会审计委员会审议通过。",
    "公司独立董事对该事项发表了明确同意的独立意见。",
])
def test_what_is_not_a_motion(extract: Callable[..., dict], items: str) -> None:
    record = extract(HEAD + items + TAIL)
    assert record["resolutions"] == []


@pytest.mark.parametrize(("items", "decision"), [
    ("1、会议以9票同意，0票反对，0票弃权，审议通过了《关于选举监事会主席的议案》。\n"
     "根据有关规定，董事会同意选举张某为公司第三届监事会主席，任期三年。", "同意选举张某为公司第三届监事会主席"),
    ("一、《关于召开2023年第一次临时股东大会的议案》，同意提交公司股东大会审议。\n表决结果：同意9票，反对0票，弃权0票。",
     "同意提交公司股东大会审议"),
    ("1、审议通过《关于聘任高级管理人员的议案》\n董事会决定聘任李某为公司副总经理。\n表决结果：同意9票，反对0票，弃权0票。",
     "决定聘任李某为公司副总经理"),
])
def test_what_the_board_decides_inside_an_item_is_agenda(extract: Callable[..., dict], items: str,
                                                            decision: str) -> None:
    record = extract(HEAD + items + TAIL)
    assert len(record["resolutions"]) == 1
    assert decision in record["agenda"]
    assert decision not in [r["text"] for r in record["resolutions"]]


def test_minutes_that_number_their_motions(extract: Callable[..., dict]) -> None:
    text = ("区人大常委会第十次会议纪要\n时间：2024年5月20日上午\n地点：区人大常委会会议室\n主持：主任陈立\n"
            "一、会议审议了《关于区级预算调整方案的议案》，表决结果：同意15票，反对0票，弃权1票。\n"
            "二、会议听取了区政府关于防汛工作的汇报。\n")
    record = extract(text)
    assert record["kind"] == "minutes"
    assert [(r["text"], r["votes"]) for r in record["resolutions"]] == [
        ("审议了《关于区级预算调整方案的议案》", {"for": 15, "against": 0, "abstain": 1})]
    assert "审议了《关于区级预算调整方案的议案》" in record["agenda"]
