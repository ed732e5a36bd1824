"""Minutes and resolution announcements as whole records: an announcement's fields, a written
vote with recusals, and minutes headers in one-line and multi-line layouts (the tallies, motions,
vote reports and announcement headers have tables of their own: test_tallies, test_motions,
test_votes, test_announcement)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import meetingx

ANNOUNCEMENT = """证券代码：600001    证券简称：甲乙股份    公告编号：2024-010

甲乙股份有限公司
第二届董事会第八次会议决议公告

一、董事会会议召开情况
甲乙股份有限公司第二届董事会第八次会议通知于2024年3月1日以电子邮件方式发出，会议于2024年3月6日（星期三）在公司会议室以现场表决方式召开。会议应出席董事9人，实际出席董事9人，会议由董事长王建国主持，公司监事及高级管理人员列席会议。

二、董事会会议审议情况
1、审议通过《关于公司2023年度报告的议案》
{tally}

特此公告。

甲乙股份有限公司董事会
2024年3月7日
"""


def test_announcement_fields() -> None:
    record = meetingx.extract(ANNOUNCEMENT.format(tally="表决结果：同意9票，反对0票，弃权0票。"), id="a")
    assert record.title == "第二届董事会第八次会议决议公告"
    assert record.organizer == "甲乙股份有限公司"
    assert record.meeting_name == "第二届董事会第八次会议"
    assert (record.date, record.date_text) == ("2024-03-06", "2024年3月6日（星期三）")  # not the notice date
    assert record.publish_date == "2024-03-07"  # the signature date
    assert record.venue == "公司会议室"
    assert [p.name for p in record.chair] == ["王建国"]
    assert record.attendees == ["公司监事及高级管理人员"]
    assert record.agenda == ["审议通过《关于公司2023年度报告的议案》"]
    assert record.directives == []  # section headings and convening facts are neither


def test_written_vote_has_no_venue_and_recusals_are_not_votes() -> None:
    text = """乙丙科技股份有限公司第一届董事会第三次会议决议公告
乙丙科技股份有限公司第一届董事会第三次会议于2023年5月8日以通讯表决方式召开，本公司全体董事参加表决。会议审议通过如下决议：
一、审议通过《关于与控股股东签订服务协议暨关联交易的议案》
关联董事李明先生、赵强先生回避表决。
表决结果：赞成5票，反对0票，弃权0票
二、审议通过《关于聘任证券事务代表的议案》
表决结果：赞成7票，反对0票，弃权0票
"""
    record = meetingx.extract(text, id="b")
    assert record.venue is None
    assert record.date == "2023-05-08"
    assert record.attendees == ["本公司全体董事"]
    assert [(r.number, r.votes.for_) for r in record.resolutions] == [(1, 5), (2, 7)]


MULTI_LINE = """区政府第九次常务会议纪要
时间：2024年5月20日上午
地点：区政府一楼会议室
主持：区长陈立
出席：周敏、吴刚、郑华
列席：区教育局、区卫生健康局负责人
记录：区政府办公室
会议听取了区教育局关于暑期学生安全工作的汇报。现纪要如下：
一、原则同意《区暑期学生安全工作方案》，由区教育局印发实施。
二、责成区卫生健康局做好高温天气医疗保障工作。
"""

ONE_LINE = MULTI_LINE.replace("\n地点", " 地点").replace("\n主持", " 主持").replace("\n出席", " 出席") \
    .replace("\n列席", " 列席").replace("\n记录", " 记录")


@pytest.mark.parametrize("text", [MULTI_LINE, ONE_LINE], ids=["multi-line", "one-line"])
def test_minutes_header_layouts(text: str) -> None:
    record = meetingx.extract(text, id="m")
    assert record.kind == "minutes"
    assert record.meeting_name == "区政府第九次常务会议"
    assert (record.date, record.time_of_day) == ("2024-05-20", "morning")
    assert record.venue == "区政府一楼会议室"
    assert [(p.name, p.roles) for p in record.chair] == [("陈立", ["区长"])]
    assert record.attendees == ["周敏", "吴刚", "郑华", "区教育局、区卫生健康局负责人"]
    assert [(d.number, d.marker, d.issuer) for d in record.directives] == [(1, "一、", None), (2, "二、", None)]
    assert record.directives[1].text == "责成区卫生健康局做好高温天气医疗保障工作"
    assert "原则同意《区暑期学生安全工作方案》，由区教育局印发实施" in record.agenda


def test_entrusted_chair_in_minutes() -> None:
    text = "5月6日，受区长陈立委托，常务副区长刘强主持召开区政府常务会议。会议研究了防汛工作。"
    record = meetingx.extract(text, id="e")
    assert [p.name for p in record.chair] == ["刘强"]


def test_pdf_line_breaks_keep_exact_evidence() -> None:
    text = ("丁戊股份有限公司\n第三届董事会第二次会议决议公告\n\n"
            "    (一)本次董事会会议于 2022 年 8 月 9 日在公司会议室以现场方式召开。本次会议由董事长孙\n"
            "伟主持,公司监事及高级管理人员列席会议。本次会议应出席董事5人,实际出席董事5人,符合\n"
            "有关法律法规的规定。会议审议了以下议案，全体董事一致同意本次会议的全部议案内容，\n"
            "形成决议并公告，公司董事会及全体董事保证公告内容真实、准确、完整无遗漏。\n"
            "    1、审议通过《关于修订<公司章程>的议\n案》\n\n                    1\n"
            "    表决结果:赞成 5 票,反对 0 票,弃权 0 票。\n")
    record = meetingx.extract(text, id="p").to_json_dict()
    assert record["date"] == "2022-08-09" and record["date_text"] == "2022 年 8 月 9 日"
    assert record["chair"][0]["name"] == "孙\n伟"
    assert record["resolutions"][0]["text"] == "审议通过《关于修订<公司章程>的议\n案》"
    assert record["resolutions"][0]["votes"] == {"for": 5, "against": 0, "abstain": 0}
    for pointer in ("/chair/0/name", "/resolutions/0/text", "/date_text"):
        evidence = record["evidence"][pointer]
        value = record
        for part in pointer.strip("/").split("/"):
            value = value[int(part)] if isinstance(value, list) else value[part]
        assert text[evidence["start"]:evidence["end"]] == value


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="会议时间地点： \n甲", max_size=20))
def test_header_lines_kind_finds_what_its_optional_prefix_form_finds(text: str) -> None:
    """kind.header-lines, written as alternatives that each start with a character (searched
    fast), finds the match the form with an optional 会议 found."""
    from meetingx.lexicon import Lexicon

    pattern = next(r["pattern"] for r in Lexicon("zh").records("kinds.jsonl") if r["rule"] == "kind.header-lines")
    found = re.search(pattern, text, re.M)
    expected = re.search(r"(?:会议)?时间\s*：[^\n]{0,40}\s*(?:会议)?地点\s*：", text, re.M)
    assert (found and found.span()) == (expected and expected.span())
