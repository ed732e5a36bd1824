"""The header of a resolution announcement: the title without the issuing company, the company as
organizer, the meeting's name as the lead writes it, the publish date from a signature or a page
date line, and notice dates that are never the meeting's date."""

from __future__ import annotations

from typing import Callable

import pytest

LEAD = ("一、董事会会议召开情况\n{company}（以下简称“公司”）第二届董事会第八次会议于2024年3月6日在公司会议室召开。"
        "会议应出席董事9人，实际出席董事9人，会议由董事长王建国主持。\n"
        "二、董事会会议审议情况\n1、审议通过《关于公司2023年度报告的议案》\n表决结果：同意9票，反对0票，弃权0票。\n特此公告。\n")


@pytest.mark.parametrize(("head", "title", "organizer"), [
    ("甲乙股份有限公司第二届董事会第八次会议决议公告\n", "第二届董事会第八次会议决议公告", "甲乙股份有限公司"),
    ("甲乙股份有限公司\n第二届董事会第八次会议决议公告\n", "第二届董事会第八次会议决议公告", "甲乙股份有限公司"),
    ("  甲乙股份有限公司\n\n  第二届董事会第八次会议决议公告\n\n", "第二届董事会第八次会议决议公告", "甲乙股份有限公司"),
    ("证券代码：600001 证券简称：甲乙股份 公告编号：2024-010\n甲乙股份有限公司\n第二届董事会第八次会议决议公告\n",
     "第二届董事会第八次会议决议公告", "甲乙股份有限公司"),
    ("甲乙股份：第二届董事会第八次会议决议公告\n甲乙股份有限公司第二届董事会第八次会议决议公告\n",
     "第二届董事会第八次会议决议公告", "甲乙股份有限公司"),
    ("甲乙股份：董事会决议公告\n", "董事会决议公告", "甲乙股份有限公司"),
    ("甲乙股份有限公司关于第二届董事会第八次会议决议的公告\n", "关于第二届董事会第八次会议决议的公告", "甲乙股份有限公司"),
    ("甲乙（集团）股份有限公司\n第二届董事会第八次会议决议公告\n", "第二届董事会第八次会议决议公告", "甲乙（集团）股份有限公司"),
    ("第二届董事会第八次会议决议公告\n甲乙股份有限公司\n第二届董事会第八次会议决议公告\n",
     "第二届董事会第八次会议决议公告", "甲乙股份有限公司"),
    ("甲乙股份有限公司\n第二届监事会第八次会议决议公告\n", "第二届监事会第八次会议决议公告", "甲乙股份有限公司"),
])
def test_title_and_organizer(extract: Callable[..., dict], head: str, title: str, organizer: str) -> None:
    lead = LEAD.format(company="甲乙股份有限公司")
    if "监事会" in title:
        lead = lead.replace("董事会", "监事会").replace("董事长", "监事会主席").replace("董事", "监事")
    if "集团" in organizer:
        lead = lead.replace("甲乙股份有限公司", organizer)
    record = extract(head + lead)
    assert record["kind"] == "resolution"
    assert (record["title"], record["organizer"]) == (title, organizer)


@pytest.mark.parametrize(("heading", "meeting"), [
    ("2024年第一次临时股东大会决议公告", "2024年第一次临时股东大会"),
    ("二〇二四年第一次临时股东大会决议公告", "二〇二四年第一次临时股东大会"),
    ("二○○九年第三次临时股东大会决议公告", "二○○九年第三次临时股东大会"),
    ("2023年年度股东大会决议公告", "2023年年度股东大会"),
    ("二〇二三年度股东大会决议公告", "二〇二三年度股东大会"),
    ("2024年第二次临时股东会决议公告", "2024年第二次临时股东会"),
    ("第十届董事会2024年第三次临时会议决议公告", "第十届董事会2024年第三次临时会议"),
])
def test_meeting_names_in_headings(extract: Callable[..., dict], heading: str, meeting: str) -> None:
    text = f"甲乙股份有限公司\n{heading}\n甲乙股份有限公司{meeting}于2024年3月6日在公司会议室召开。\n特此公告。\n"
    record = extract(text)
    assert (record["title"], record["meeting_name"], record["organizer"]) == (heading, meeting, "甲乙股份有限公司")


def test_a_heading_without_the_meeting_takes_it_from_the_lead(extract: Callable[..., dict]) -> None:
    text = ("丙丁科技股份有限公司董事会决议公告\n"
            "丙丁科技股份有限公司（以下简称“公司”）第五届董事会第十二次会议通知于2023年8月18日送达全体董事，"
            "会议于2023年8月28日在公司会议室召开。\n"
            "一、会议以7票同意、0票反对、0票弃权的表决结果审议通过了《关于召开2023年第二次临时股东大会的议案》。\n"
            "公司决定于2023年9月15日召开2023年第二次临时股东大会。\n")
    record = extract(text)
    assert (record["title"], record["meeting_name"]) == ("董事会决议公告", "第五届董事会第十二次会议")
    assert record["organizer"] == "丙丁科技股份有限公司"
    assert record["date"] == "2023-08-28"


def test_meeting_name_broken_across_a_line_is_kept_as_written(extract: Callable[..., dict]) -> None:
    text = ("甲乙股份有限公司\n第二届董事会第十四次会议决议公告\n"
            "甲乙股份有限公司（以下简称“公司”）第二届董事会第十四次会\n议于 2025 年 4 月 28 日在公司会议室以现场方式召开。\n")
    record = extract(text)
    assert record["meeting_name"] == "第二届董事会第十四次会\n议"  # the lead's, where it is convened
    assert record["date"] == "2025-04-28"


@pytest.mark.parametrize(("ending", "publish_date"), [
    ("甲乙股份有限公司董事会\n2024年3月7日\n", "2024-03-07"),
    ("甲乙股份有限公司董事会2024年3月7日\n", "2024-03-07"),
    ("甲乙股份有限公司董事会 2024年3月7日\n附件：公告原文\n", "2024-03-07"),
    ("甲乙股份有限公司\n董 事 会\n二〇二四年三月七日\n", "2024-03-07"),
    ("董事会\n二○二四年三月七日\n", "2024-03-07"),
    ("甲乙股份有限公司监事会\n2024 年 3 月 7 日\n1\n", "2024-03-07"),
    ("董事会二〇二四年三月十五日\n", "2024-03-15"),
])
def test_publish_date_from_the_signature(extract: Callable[..., dict], ending: str, publish_date: str) -> None:
    text = "甲乙股份有限公司\n第二届董事会第八次会议决议公告\n" + LEAD.format(company="甲乙股份有限公司") + ending
    assert extract(text)["publish_date"] == publish_date


@pytest.mark.parametrize(("head", "publish_date"), [
    ("甲乙股份：第二届董事会第八次会议决议公告2024-03-08\n", "2024-03-08"),
    ("公告日期：2024-03-08\n", "2024-03-08"),
    ("甲乙股份有限公司公告（系列）\n\n2024-03-08 来源： 作者：\n\n", "2024-03-08"),
])
def test_a_page_date_beats_the_signature(extract: Callable[..., dict], head: str, publish_date: str) -> None:
    text = head + "甲乙股份有限公司\n第二届董事会第八次会议决议公告\n" + LEAD.format(company="甲乙股份有限公司") \
        + "甲乙股份有限公司董事会\n2024年3月7日\n"
    record = extract(text)
    assert record["publish_date"] == publish_date
    assert record["date"] == "2024-03-06"


@pytest.mark.parametrize("convening", [
    "会议通知于2024年3月1日以电子邮件方式发出，会议于2024年3月6日在公司会议室召开。",
    "公司于2024年3月1日以书面方式发出会议通知，于2024年3月6日以现场方式召开第二届董事会第八次会议。",
    "本次会议于二〇二四年三月一日以书面方式发出通知，于二〇二四年三月六日以现场方式在公司会议室召开。",
    "第二届董事会第八次会议于2024年3月6日在公司会议室召开，会议通知已于2024年3月1日以通讯及直接送达方式通知全体董事。",
    "第二届董事会第八次会议通知于2024年3月1日送达全体董事，会议于2024年3月6日召开。",
    "公司已于2024年3月1日向全体董事发出了召开本次会议的通知。本次会议于2024年3月6日在公司会议室召开。",
    "本次会议的通知于2024年3月1日以专人送达的方式发出，会议于2024年3月6日以通讯表决方式召开。",
])
def test_the_notice_date_is_never_the_meeting_date(extract: Callable[..., dict], convening: str) -> None:
    text = ("甲乙股份有限公司\n第二届董事会第八次会议决议公告\n一、董事会会议召开情况\n甲乙股份有限公司" + convening
            + "会议应出席董事9人，实际出席董事9人。\n二、董事会会议审议情况\n1、审议通过《关于A的议案》\n"
            "表决结果：同意9票，反对0票，弃权0票。\n")
    assert extract(text)["date"] == "2024-03-06"


@pytest.mark.parametrize("counts", [
    "会议应出席董事9人，实际出席董事9人。",
    "本次会议应到董事7人，实到董事7人。",
    "会议应出席监事3人，实际出席监事3人。",
    "出席会议的股东及股东代表共70人，代表股份426,612,998股。",
    "本次会议应参加表决董事9名，实际参加表决董事9名。",
])
def test_head_counts_are_not_attendees(extract: Callable[..., dict], counts: str) -> None:
    text = ("甲乙股份有限公司\n第二届董事会第八次会议决议公告\n甲乙股份有限公司第二届董事会第八次会议于2024年3月6日"
            "在公司会议室召开。" + counts + "\n1、审议通过《关于A的议案》\n表决结果：同意9票，反对0票，弃权0票。\n")
    assert extract(text)["attendees"] == []
