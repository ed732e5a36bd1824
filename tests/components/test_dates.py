"""The dates component and the choice of the meeting's date, as a table of short reports.

Each case gives the text, an optional publish date passed by the caller, and the expected
``date`` (EDTF), ``date_text`` (as written) and ``time_of_day``.
"""

from __future__ import annotations

import pytest

PUB = "发布时间：2023-04-19\n"

CASES = [
    # --- a relative word with the date it stands for in brackets: the date, and the part after them
    pytest.param("新闻发言人孙明今天（10月15日）下午在人民大会堂举行新闻发布会。", None,
                 "XXXX-10-15", "10月15日", "afternoon", id="jintian-bracketed-md-part-after"),
    pytest.param("企业家大会今天（10月17日）在北京举行。", None, "XXXX-10-17", "10月17日", None,
                 id="jintian-bracketed-md"),
    pytest.param("工作座谈会昨天（5月6日）上午在京召开。", None, "XXXX-05-06", "5月6日", "morning",
                 id="zuotian-bracketed-md"),
    pytest.param("全省工作会议今日（2024年3月5日）在省会召开。", None, "2024-03-05", "2024年3月5日", None,
                 id="jinri-bracketed-ymd"),
    pytest.param("企业家大会今天（10月17日）在北京举行。", "2023-10-18", "2023-10-17", "10月17日", None,
                 id="bracketed-md-before-the-publish-date"),
    # --- month and day, the year from the page's publish date
    pytest.param(PUB + "4月18日下午，学校在嘉禾校区报告厅召开干部大会，部署新学期重点工作。", None,
                 "2023-04-18", "4月18日下午", "afternoon", id="md-year-from-publish-line"),
    pytest.param("发布日期：2024-01-10\n1月8日晚上，集团在总部大楼召开年度总结表彰大会。", None,
                 "2024-01-08", "1月8日晚上", "evening", id="md-publish-date-cue"),
    pytest.param("发布时间：2023年4月19日\n4月18日下午，学院在学术报告厅召开教职工大会，部署本学期重点工作。", None,
                 "2023-04-18", "4月18日下午", "afternoon", id="publish-line-in-chinese-form"),
    pytest.param("发布时间：2023-01-05\n12月30日下午，学校在行政楼召开年终总结会议，回顾全年各项工作。", None,
                 "2022-12-30", "12月30日下午", "afternoon", id="december-meeting-january-publish-year-before"),
    pytest.param("4月18日下午，学校在嘉禾校区报告厅召开干部大会。", "2023-04-19",
                 "2023-04-18", "4月18日下午", "afternoon", id="md-year-from-caller-publish-date"),
    # --- full dates
    pytest.param("2023年4月18日上午，市委在市行政中心召开全市安全生产工作会议。", None,
                 "2023-04-18", "2023年4月18日上午", "morning", id="full-date"),
    pytest.param("2022年11月3日，区政府召开第十五次常务会议。", None,
                 "2022-11-03", "2022年11月3日", None, id="full-date-no-part"),
    pytest.param("二〇二三年四月十八日，县政府召开常务会议，研究部署春耕生产工作。", None,
                 "2023-04-18", "二〇二三年四月十八日", None, id="chinese-numerals"),
    pytest.param("二〇二三年十二月三十一日上午，集团召开年终总结大会。", None,
                 "2023-12-31", "二〇二三年十二月三十一日上午", "morning", id="chinese-numerals-thirty-one"),
    pytest.param("2023年3月，学校召开新学期工作会议，对全年工作进行安排。", None,
                 "2023-03", "2023年3月", None, id="year-month-only"),
    # --- spaces inside the date
    pytest.param("9 月 28 日下午，区委召开理论学习中心组学习会。", None,
                 "XXXX-09-28", "9 月 28 日下午", "afternoon", id="spaces-inside"),
    # --- ranges
    pytest.param("1月31日至2月2日，全省组织部长会议在成都召开。", None,
                 "XXXX-01-31/XXXX-02-02", "1月31日至2月2日", None, id="range-across-months"),
    pytest.param("10月1日至3日，学会年会在杭州举行。", None,
                 "XXXX-10-01/XXXX-10-03", "10月1日至3日", None, id="range-within-month"),
    pytest.param("4月18日-20日，全省教育工作会议在南京召开。", None,
                 "XXXX-04-18/XXXX-04-20", "4月18日-20日", None, id="range-with-hyphen"),
    pytest.param("2023年12月28日至29日，中央农村工作会议在北京召开。", None,
                 "2023-12-28/2023-12-29", "2023年12月28日至29日", None, id="range-with-year"),
    # --- no year, day only
    pytest.param("5月6日，公司召开年度工作会议，总结去年工作。", None,
                 "XXXX-05-06", "5月6日", None, id="no-year"),
    pytest.param("4月18日晚，学生会召开全体委员会议。", None,
                 "XXXX-04-18", "4月18日晚", "evening", id="evening-short-form"),
    pytest.param("16日上午，镇党委召开专题会议，研究部署森林防火工作。", None,
                 "XXXX-XX-16", "16日上午", "morning", id="day-only"),
    # --- relative dates
    pytest.param("今天下午，市政协召开主席会议。", "2023-06-01",
                 "2023-06-01", "今天下午", "afternoon", id="today-with-publish-date"),
    pytest.param("昨天上午，县委在县委大楼召开常委会会议，研究部署防汛工作。", "2023-07-02",
                 "2023-07-01", "昨天上午", "morning", id="yesterday-with-publish-date"),
    pytest.param("新华网北京5月18日电 今天，国务院召开常务会议，部署稳就业工作。", None,
                 "XXXX-05-18", "今天", None, id="today-with-dateline"),
    pytest.param("新华社北京3月5日电 第十四届全国人民代表大会第一次会议5日上午在人民大会堂开幕。", None,
                 "XXXX-03-05", "5日上午", "morning", id="day-with-dateline-month"),
    # --- distractors: the publish date, earlier meetings, years and work years
    pytest.param("发布时间：2023-04-19\n4月18日，学院召开党委会。会议指出，学院曾于3月5日召开动员会，各项工作稳步推进。",
                 None, "2023-04-18", "4月18日", None, id="earlier-meeting-later-in-text"),
    pytest.param("4月18日，学院召开主题教育推进会。学院于3月5日召开动员大会，对主题教育作出全面部署。",
                 None, "XXXX-04-18", "4月18日", None, id="earlier-meeting-next-sentence"),
    pytest.param("学校始建于1948年，是一所综合性大学。5月20日上午，学校在大礼堂召开建校75周年纪念大会。",
                 None, "XXXX-05-20", "5月20日上午", "morning", id="founding-year-is-not-the-date"),
    pytest.param("5月20日，公司召开2023年度工作会议，总结上一年度经营情况。", None,
                 "XXXX-05-20", "5月20日", None, id="work-year-gives-no-year"),
    pytest.param("发布时间：2023-05-04\n5月3日上午，学校召开五四青年节表彰大会。会议传达了《关于2022年度优秀共青团员评选的通知》。",
                 None, "2023-05-03", "5月3日上午", "morning", id="document-name-year-ignored"),
    pytest.param("发布时间：2023-04-19\n学院主题教育推进会召开\n4月18日，学院在图书馆报告厅召开主题教育推进会，总结前一阶段工作。",
                 None, "2023-04-18", "4月18日", None, id="publish-date-is-not-the-date"),
    pytest.param("发布时间：2023-04-19\n4月18日，在3月5日召开的动员大会基础上，学院召开主题教育推进会。",
                 None, "2023-04-18", "4月18日", None, id="earlier-meeting-inside-lead"),
    pytest.param("发布时间：2023-04-19\n4月18日，学院召开主题教育推进会，回顾自3月5日动员大会以来的工作。",
                 None, "2023-04-18", "4月18日", None, id="earlier-meeting-since"),
    pytest.param("9月28日上午，学校召开纪念建校70周年座谈会。学校创办于1953年9月。", None,
                 "XXXX-09-28", "9月28日上午", "morning", id="founding-month-is-not-the-date"),
    pytest.param("2023年9月28日上午9时，学校在行政楼召开党委常委会。", None,
                 "2023-09-28", "2023年9月28日上午", "morning", id="clock-time-after-part"),
    pytest.param("9月28日（星期四）下午，学院在学术报告厅召开教职工大会。", None,
                 "XXXX-09-28", "9月28日（星期四）下午", "afternoon", id="weekday-in-parentheses"),
    pytest.param("发布时间：2023-06-01\n今天下午，市政协在市民中心召开主席会议，协商讨论年度工作要点。", None,
                 "2023-06-01", "今天下午", "afternoon", id="today-with-publish-line"),
    pytest.param("发布时间：2023-04-19\n继3月5日召开动员大会后，4月18日，学院召开主题教育推进会，部署下一步工作。",
                 None, "2023-04-18", "4月18日", None, id="earlier-meeting-before-the-date"),
    pytest.param("发布时间：2023-09-29\n28日下午，学院召开教学工作会议。", None,
                 "2023-09-28", "28日下午", "afternoon", id="day-only-with-publish-line"),
    # --- a leader attends a meeting that no clause convenes
    pytest.param("中共中央政治局常委、全国政协主席王明远23日在京出席全国宗教界人士迎春座谈会并讲话。", None,
                 "XXXX-XX-23", "23日", None, id="day-in-an-attended-meeting-lead"),
    pytest.param("国务院总理李华当地时间27日下午在新加坡同新加坡副总理陈国栋共同出席中新企业家座谈会。", None,
                 "XXXX-XX-27", "27日下午", "afternoon", id="local-time-abroad"),
    pytest.param("时间：2016-03-14 来源：范文网\n9月27日上午，医院召开院周会，研究近期工作。", None,
                 "XXXX-09-27", "9月27日上午", "morning", id="a-page-posted-months-later-gives-no-year"),
    pytest.param("发布时间：2023-06-02\n5月8日上午，学校召开教学工作会议。", None,
                 "2023-05-08", "5月8日上午", "morning", id="a-report-weeks-later-gives-the-year"),
    pytest.param("1月30下午2:45，公司召开职工代表大会，全体职工代表参加会议。", None,
                 "XXXX-01-30", "1月30下午", "afternoon", id="day-without-ri-before-the-part-of-day"),
    pytest.param("3月5上午，学校召开教学工作会议。", "2023-03-06",
                 "2023-03-05", "3月5上午", "morning", id="day-without-ri-year-from-publish"),
    pytest.param("3月30日，党委书记王维主持召开2023年第9次党委会会议，研究近期工作。", None,
                 "2023-03-30", "3月30日", None, id="year-from-the-meetings-number-in-its-year"),
    pytest.param("5月8日，县政府召开2022年度第3次常务会议。", None,
                 "2022-05-08", "5月8日", None, id="year-from-the-meetings-number-niandu"),
    pytest.param("5月8日，县政府召开常务会议，研究2022年重点工作。", None,
                 "XXXX-05-08", "5月8日", None, id="a-work-year-is-not-the-meetings"),
    pytest.param("31日，中外友人新春招待会在北京举行。国务院副总理王明远出席并致辞。他回顾了1965年9月两国建交以来的友好历程。",
                 None, "XXXX-XX-31", "31日", None, id="year-month-in-a-speech-is-not-the-date"),
]


@pytest.mark.parametrize(("text", "publish", "date", "date_text", "part"), CASES)
def test_meeting_date(extract, text, publish, date, date_text, part):
    record = extract(text, publish_date=publish)

    assert record["date"] == date
    assert record["date_text"] == date_text
    assert record["time_of_day"] == part
    evidence = record["evidence"]["/date"]
    assert text[evidence["start"]:evidence["end"]] == date_text


NO_DATE = [
    pytest.param("今天下午，市政协召开主席会议，协商讨论年度工作要点。", "今天下午", "date.relative",
                 id="today-without-anchor"),
    pytest.param("近日，学院召开教职工大会，部署本学期工作。", "近日", "date.relative", id="recently"),
    pytest.param("日前，市教育局召开全市中小学安全工作会议。", "日前", "date.relative", id="the-other-day"),
    pytest.param("公司召开2023年度工作总结会议，总结全年工作，部署下一年度重点任务。", None, "date.missing",
                 id="work-year-only"),
]


@pytest.mark.parametrize(("text", "date_text", "warning"), NO_DATE)
def test_no_exact_date(extract, text, date_text, warning):
    record = extract(text)

    assert record["date"] is None
    assert record["date_text"] == date_text
    assert warning in [w["code"] for w in record["warnings"]]


def test_recently_stays_null_even_with_a_publish_date(extract):
    record = extract("近日，学院召开教职工大会，部署本学期工作。", publish_date="2023-05-10")

    assert record["date"] is None
    assert record["publish_date"] == "2023-05-10"


PARTS = [
    pytest.param("3月2日上午", "morning", id="shangwu"),
    pytest.param("3月2日早上", "morning", id="zaoshang"),
    pytest.param("3月2日下午", "afternoon", id="xiawu"),
    pytest.param("3月2日中午", "afternoon", id="zhongwu"),
    pytest.param("3月2日晚上", "evening", id="wanshang"),
    pytest.param("3月2日傍晚", "evening", id="bangwan"),
]


@pytest.mark.parametrize(("words", "part"), PARTS)
def test_time_of_day_and_its_evidence(extract, words, part):
    text = f"{words}，学校在行政楼会议室召开安全工作会议。"
    record = extract(text)

    assert record["time_of_day"] == part
    assert record["date_text"] == words
    evidence = record["evidence"]["/time_of_day"]
    assert text[evidence["start"]:evidence["end"]] == words[len("3月2日"):]


DATE_CANDIDATES = [
    pytest.param("2023年4月18日", {"year": 2023, "month": 4, "day": 18}, id="ymd"),
    pytest.param("二〇二三年四月十八日", {"year": 2023, "month": 4, "day": 18}, id="cn-ymd"),
    pytest.param("4月18日", {"year": None, "month": 4, "day": 18}, id="md"),
    pytest.param("十二月二十日", {"year": None, "month": 12, "day": 20}, id="cn-md"),
    pytest.param("1月31日至2月2日", {"month": 1, "day": 31, "end_month": 2, "end_day": 2}, id="range"),
    pytest.param("近日", {"relative": None}, id="relative-null"),
    pytest.param("今天", {"relative": 0}, id="relative-today"),
]


@pytest.mark.parametrize(("words", "data"), DATE_CANDIDATES)
def test_date_candidate_reads_the_numbers(candidates, words, data):
    text = f"{words}，学校召开工作会议。"
    found = candidates(text, "DATE")

    assert found and found[0][0] == words
    assert {key: found[0][1].get(key) for key in data} == data


NUMERALS = [
    ("18", 18), ("１２", 12), ("五", 5), ("十", 10), ("十八", 18), ("二十", 20), ("三十一", 31),
    ("两百", 200), ("一百零五", 105), ("一百一十", 110), ("一千二百三十四", 1234), ("一千零一", 1001),
    ("二〇二三", 2023), ("二零二三", 2023), (" 十二 ", 12), ("", None), ("  ", None), ("十八日", None),
]


@pytest.mark.parametrize(("numeral", "value"), NUMERALS)
def test_numerals_as_numbers(numeral, value):
    from meetingx.components.dates import to_int

    assert to_int(numeral) == value


CLOCKS = [
    pytest.param("2024年5月17日16:00", "2024年5月17日", "afternoon", "16:00", id="colon-afternoon"),
    pytest.param("2024年5月17日 9:30", "2024年5月17日", "morning", "9:30", id="space-morning"),
    pytest.param("2020 年 7 月 20 日北京时间 11:00", "2020 年 7 月 20 日", "morning", "11:00", id="beijing-time"),
    pytest.param("2024年5月17日19时", "2024年5月17日", "evening", "19时", id="shi"),
    pytest.param("5月17日14点30分", "5月17日", "afternoon", "14点", id="dian"),
    pytest.param("2024年5月17日12：00", "2024年5月17日", "afternoon", "12：00", id="noon-full-width"),
    pytest.param("2024年5月17日（星期五）8:30", "2024年5月17日（星期五）", "morning", "8:30", id="after-weekday"),
]


@pytest.mark.parametrize(("words", "date_text", "part", "clock"), CLOCKS)
def test_time_of_day_from_a_clock_time(extract, words, date_text, part, clock):
    text = f"公司第二届董事会第八次会议于{words}在公司会议室召开。"
    record = extract(text)

    assert (record["date_text"], record["time_of_day"]) == (date_text, part)  # the clock stays out of date_text
    evidence = record["evidence"]["/time_of_day"]
    assert text[evidence["start"]:evidence["end"]] == clock
