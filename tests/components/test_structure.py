"""Page structure: the headline under site furniture, the publish date, the dateline."""

from __future__ import annotations

import pytest

LEAD = "4月18日下午，学校在行政楼会议室召开安全工作会议，部署近期安全稳定工作。"

TITLES = [
    pytest.param("首页 > 新闻中心 > 综合新闻\n学校召开2023年党建工作会议\n发布时间：2023-04-19  来源：党委办公室\n"
                 "4月18日下午，学校在图书馆报告厅召开2023年党建工作会议，全面部署今年党建工作。",
                 "学校召开2023年党建工作会议", id="under-nav-line"),
    pytest.param("当前位置：首页 > 学院动态\n学院举行新学期教学工作会\n"
                 "作者：李华  来源：学院办公室  发布日期：2023-09-05  浏览次数：128\n"
                 "9月4日上午，学院在行政楼三楼会议室举行新学期教学工作会，全体教师参加会议。",
                 "学院举行新学期教学工作会", id="under-breadcrumb-above-byline"),
    pytest.param("学校召开安全工作会议\n发布时间：2023-04-19\n" + LEAD + "\n责任编辑：王芳",
                 "学校召开安全工作会议", id="first-line"),
    pytest.param("  学校召开安全工作会议  \n发布时间：2023-04-19\n" + LEAD,
                 "学校召开安全工作会议", id="stripped-of-spaces"),
    pytest.param("党委理论学习中心组开展专题学习\n发布者：宣传部  发布时间：2023-04-19 16:20:35\n"
                 "4月18日下午，学校党委理论学习中心组在行政楼召开专题学习会，集中学习有关文件精神。",
                 "党委理论学习中心组开展专题学习", id="headline-without-meeting-noun"),
    pytest.param("区政府召开第十五次常务会议\n2023-07-12 09:30\n"
                 "7月11日，区政府在区行政中心召开第十五次常务会议，研究部署防汛抗旱工作。",
                 "区政府召开第十五次常务会议", id="above-timestamp-line"),
    pytest.param("国务院召开常务会议 部署稳就业工作新华网北京5月18日电 今天，国务院召开常务会议，部署稳就业工作。",
                 "国务院召开常务会议 部署稳就业工作", id="glued-to-dateline"),
    pytest.param("分享到：微信 微博\n全省脱贫攻坚推进会在西安开幕\n"
                 "12月5日，全省脱贫攻坚推进会在西安开幕，各市分管负责同志参加会议。",
                 "全省脱贫攻坚推进会在西安开幕", id="under-share-line"),
    pytest.param("市委常委会召开扩大会议\n来源：市委办公室  2023-03-02\n3月1日，市委常委会召开扩大会议。",
                 "市委常委会召开扩大会议", id="above-a-short-lead"),
    pytest.param("市政协召开常委会议 围绕“推进乡村振兴，建设美丽乡村”协商议政\n"
                 "6月12日，市政协在市民中心召开常委会议，围绕推进乡村振兴协商议政。",
                 "市政协召开常委会议 围绕“推进乡村振兴，建设美丽乡村”协商议政", id="quoted-comma-in-headline"),
    pytest.param("央视网 新闻频道\n携手共建美好家园\n"
                 "央视网消息（新闻联播）：6月12日，全国政协在京召开双周协商座谈会，围绕推进美丽中国建设建言献策。",
                 "携手共建美好家园", id="headline-without-meeting-words-above-lead"),
    pytest.param("学校召开安全工作会议 4月18日下午，学校在行政楼会议室召开安全工作会议，部署近期安全稳定工作。",
                 "学校召开安全工作会议", id="glued-to-the-lead-by-a-space"),
    pytest.param("县政府召开第三次常务会议　4月18日下午，县政府在县行政中心召开第三次常务会议，研究近期工作。",
                 "县政府召开第三次常务会议", id="glued-by-an-ideographic-space"),
    pytest.param("学校召开会议部署安全工作  4月18日下午，学校召开安全工作会议，部署近期安全稳定工作。",
                 "学校召开会议部署安全工作", id="glued-by-two-spaces"),
    pytest.param("李明出席全省工作会议并讲话 强调坚持人民至上，推动高质量发展取得新成效\n"
                 "央视网消息（新闻联播）：全省工作会议12日在省城召开。省长李明出席会议并讲话。",
                 "李明出席全省工作会议并讲话 强调坚持人民至上，推动高质量发展取得新成效",
                 id="a-long-headline-with-a-comma-above-a-news-cue"),
    pytest.param(LEAD + "党委书记张明主持会议。", None, id="text-starts-with-lead"),
    pytest.param("4月18日下午 学校在行政楼会议室召开安全工作会议，部署近期安全稳定工作。", None,
                 id="a-date-before-a-space-is-no-headline"),
    pytest.param("新华网北京5月18日电 今天上午，全国政协在京召开专题协商会，围绕稳就业建言献策。", None,
                 id="text-starts-with-dateline"),
    pytest.param("本网讯（通讯员 王小明）3月8日下午，学校工会在教工之家召开三八妇女节座谈会，部分女教职工代表参加座谈。",
                 None, id="text-starts-with-news-cue"),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_title(extract, text, title):
    record = extract(text)

    assert record["title"] == title
    if title is None:
        assert "/title" not in record["evidence"]


PUBLISH = [
    pytest.param("学校召开安全工作会议\n发布时间：2023-04-19\n" + LEAD, "2023-04-19", id="fabu-shijian"),
    pytest.param("学校召开安全工作会议\n发布日期：2023-4-9\n" + LEAD.replace("4月18日", "4月8日"), "2023-04-09", id="fabu-riqi-short-digits"),
    pytest.param("学校召开安全工作会议\n来源：党委宣传部  发布时间：2023-04-20\n" + LEAD, "2023-04-20",
                 id="source-line-with-cue"),
    pytest.param("学校召开安全工作会议\n发布时间：2023年4月19日 10:25\n" + LEAD, "2023-04-19", id="chinese-form"),
    pytest.param("学校召开安全工作会议\n发布时间:2023/04/19\n" + LEAD, "2023-04-19", id="ascii-colon-slashes"),
    pytest.param("学校召开安全工作会议\n2023-04-19 10:25\n" + LEAD, "2023-04-19", id="timestamp-line"),
    pytest.param("学校召开安全工作会议\n作者：李华  来源：校办  日期：2023-04-19  点击：56\n" + LEAD, "2023-04-19",
                 id="weak-cue-in-byline"),
    pytest.param("学校召开安全工作会议\n来源：党委宣传部  2023-04-20\n" + LEAD, "2023-04-20", id="source-line-date"),
    pytest.param("学校召开安全工作会议\n2023年04月19日09:21  来源：学校新闻网\n" + LEAD, "2023-04-19",
                 id="dated-source-line"),
    pytest.param("学校召开安全工作会议\n2023-04-19来源：党委宣传部\n" + LEAD, "2023-04-19", id="date-glued-to-source"),
    pytest.param("学校召开安全工作会议\n2023年4月19日 作者：李华\n" + LEAD, "2023-04-19", id="dated-author-line"),
    pytest.param("学校召开安全工作会议\n2023-04-19 16:02:11 编辑：王芳\n" + LEAD, "2023-04-19", id="timestamp-then-editor"),
    pytest.param("学校召开安全工作会议\n" + LEAD, None, id="none"),
    pytest.param("学校召开安全工作会议\n2023年4月19日，学校还召开了另一次会议。\n" + LEAD, None,
                 id="a-dated-sentence-is-not-a-publish-line"),
]


@pytest.mark.parametrize(("text", "publish"), PUBLISH)
def test_publish_date(extract, text, publish):
    record = extract(text)

    assert record["publish_date"] == publish
    if publish:
        evidence = record["evidence"]["/publish_date"]
        assert text[evidence["start"]:evidence["end"]].startswith(publish[:4])
        # the publish date is never taken for the meeting's date
        assert record["date"].startswith(f"{publish[:4]}-04-")
        assert record["date"] != publish


def test_publish_date_given_by_the_caller_is_used_when_the_text_has_none(extract):
    record = extract("学校召开安全工作会议\n" + LEAD, publish_date="2023-04-19")

    assert record["publish_date"] == "2023-04-19"
    assert record["date"] == "2023-04-18"


def test_publish_date_in_the_text_beats_the_callers(extract):
    record = extract("学校召开安全工作会议\n发布时间：2023-04-19\n" + LEAD, publish_date="2020-01-01")

    assert record["publish_date"] == "2023-04-19"
    assert record["date"] == "2023-04-18"


DATELINES = [
    pytest.param("新华网北京5月18日电 今天，国务院召开常务会议，部署稳就业工作。", 5, 18, "XXXX-05-18", id="xinhuanet"),
    pytest.param("新华社北京3月5日电 第十四届全国人民代表大会第一次会议5日上午在人民大会堂开幕。", 3, 5, "XXXX-03-05",
                 id="xinhua-day-only"),
    pytest.param("人民网北京10月9日电 今天上午，中央统战部在京召开党外人士座谈会，通报有关情况。", 10, 9, "XXXX-10-09",
                 id="people-cn"),
    pytest.param("中新网上海6月3日电 16日，市委召开全市组织工作座谈会，部署下半年工作。", 6, 3, "XXXX-06-16",
                 id="day-takes-dateline-month"),
    pytest.param("本报10月28日讯（记者 王明）今天下午，市政协在市民中心召开恳谈会。", 10, 28, "XXXX-10-28",
                 id="benbao-xun"),
    pytest.param("本网9月3日讯 昨天，区委召开常委会会议，研究部署秋季工作。", 9, 3, "XXXX-09-02",
                 id="benwang-xun-yesterday"),
]


@pytest.mark.parametrize(("text", "month", "day", "date"), DATELINES)
def test_dateline(extract, candidates, text, month, day, date):
    found = candidates(text, "DATELINE")

    assert [(data["month"], data["day"]) for _, data in found] == [(month, day)]
    record = extract(text)
    assert record["date"] == date
    assert record["title"] is None


def test_body_starts_at_the_lead(candidates):
    text = "首页 > 新闻中心\n学校召开安全工作会议\n发布时间：2023-04-19\n" + LEAD
    bodies = candidates(text, "BODY")

    assert bodies[0][0] == LEAD

