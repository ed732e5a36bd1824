#!/usr/bin/env python3
"""Hostile inputs: does extraction stay linear in the length of a text, whatever the text?

    python3 benchmarks/hostile.py [--quick] [--kinds GLOB ...] [--sizes 20000,200000,2000000]
                                  [--budget SECONDS] [--json OUT]

Builds texts of each *kind* (see :data:`KINDS`: meeting words composed into what a careless or
hostile source could send: numbering markers, names and titles, 、-lists, dates, clause verbs,
quotes closed and unclosed, blank lines, ``<!-- -->`` comments, runs of one character, ...) at
each size (characters), runs the whole extraction on it (``meetingx.api.extract_document``; for
the HTML kinds, the reading of the page from a file first, as ``meetingx extract`` does) and
prints the CPU time (``time.process_time``: the machine is shared, wall time would measure the
neighbours) and the **exponent** between consecutive sizes: the slope of log(time) against
log(size), 1 for linear, 2 for quadratic. The target (issue 13): each size 10x the one before
costs at most 15x as much, an exponent of at most log10(15) = 1.18.

A size whose time, predicted from the sizes before it, would exceed ``--budget`` CPU seconds is
skipped (shown as ``skip``), so a quadratic kind does not hold the run for hours. ``--quick``
(sizes 1,000 and 4,000 characters, every kind) takes seconds and is what
``tests/test_hostile_benchmark.py`` runs; its exponents are dominated by fixed costs and mean
little.

Texts are composed here from word lists (no corpus text); a kind's text is the same on every run
(a seeded generator), and the tagger's cache is cleared before each measurement.
"""

from __future__ import annotations

import argparse
import fnmatch
import gc
import json
import math
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from meetingx.api import detect_language, extract_document
from meetingx.reading import Document
from meetingx.reading.inputs import read_file
from meetingx import tagger

SIZES = (20_000, 200_000, 2_000_000)
QUICK_SIZES = (1_000, 4_000)
#: Largest ratio of times for sizes 10x apart (issue 13), and the exponent it means.
TARGET_RATIO = 15.0
TARGET_EXPONENT = math.log10(TARGET_RATIO)
#: A measurement shorter than this is repeated, up to REPEATS times, and the least time counts:
#: the small sizes take a tenth of a second, which a loaded machine stretches at random.
MIN_MEASURED = 1.0
REPEATS = 5

# ---- word lists (composed for this benchmark) ----
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红玉兰德新春海林波宁俊辉鹏飞雪梅晓东亮凯浩然瑞琳宇欣佳"
TITLES = ("市委书记", "市长", "副市长", "市委副书记", "秘书长", "局长", "副局长", "主任", "副主任",
          "董事长", "总经理", "独立董事", "监事会主席", "区长", "县委书记", "党组书记", "校长", "院长")
ORGS = ("市委常委会", "市政府常务会议", "区委理论学习中心组", "公司董事会", "县人大常委会", "学校党委会",
        "市发展改革委", "区财政局", "县教育局", "市住房城乡建设局")
VERBS = ("加强", "完善", "推进", "落实", "强化", "提升", "健全", "深化", "统筹", "压实")
NOUNS = ("组织领导", "工作机制", "安全生产", "作风建设", "风险防控", "项目建设", "民生保障", "营商环境",
         "干部队伍", "基层治理", "财政管理", "生态保护")
CLAUSE_VERBS = ("出席", "主持", "召开", "听取", "一是", "强调", "指出", "审议", "列席", "讲话", "参加",
                "通过", "要求", "传达", "学习")
CN_NUMERALS = "一二三四五六七八九十"
PARTS = ("上午", "下午", "晚上", "")
EMOJI = "😀🎉👍📢🔥"


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def task(rng: random.Random) -> str:
    return rng.choice(VERBS) + rng.choice(NOUNS)


def date(rng: random.Random) -> str:
    return f"{rng.randint(2015, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日{rng.choice(PARTS)}"


HEADLINE = "市政府召开常务会议研究部署安全生产工作\n"
LEAD = "3月5日上午，市政府召开常务会议，市长王建国主持会议并讲话，副市长李晓东、张海波出席会议。\n"


def fill(size: int, unit: Callable[[random.Random], str], head: str = "", seed: int = 13) -> str:
    """``head``, then units from ``unit`` until the text has ``size`` characters (the last cut)."""
    rng = random.Random(seed)
    parts = [head]
    length = len(head)
    while length < size:
        part = unit(rng)
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


def numbered(rng: random.Random, counter: list[int], form: Callable[[int], str], end: str) -> str:
    counter[0] += 1
    return form(counter[0]) + task(rng) + end


def cn_numeral(number: int) -> str:
    """1..99 in Chinese numerals (others cycle): 一, 十, 十一, 二十三."""
    number = (number - 1) % 99 + 1
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMERALS[tens - 1] + "十")
    return head + (CN_NUMERALS[ones - 1] if ones else "")


def report(rng: random.Random) -> str:
    chair, a, b, c = (name(rng) for _ in range(4))
    org = rng.choice(ORGS)
    return (f"{date(rng)}，{org}召开会议，{rng.choice(TITLES)}{chair}主持会议并讲话。会议听取了{rng.choice(ORGS)}"
            f"关于{task(rng)}工作的汇报，审议通过了《关于{task(rng)}的实施意见》。{chair}强调，一是要{task(rng)}；"
            f"二是要{task(rng)}；三是要{task(rng)}。{rng.choice(TITLES)}{a}、{b}，{rng.choice(TITLES)}{c}出席会议。\n")


EN_NAMES = ("Smith", "Jones", "Garcia", "Chen", "Okafor", "Novak", "Brown", "Lee", "Patel", "Kim", "Rossi", "Silva")
EN_HEAD = "Minutes of the Regular Meeting of the City Council\nMarch 5, 2024\n\n"


def english(rng: random.Random) -> str:
    first, second = rng.choice(EN_NAMES[:6]), rng.choice(EN_NAMES[6:])
    return (f"Councilmember {first} moved to approve the minutes of the meeting of March {rng.randint(1, 28)}, "
            f"{rng.randint(2015, 2025)}; seconded by Councilmember {second}. Motion carried 5-0.\n\n")


def _counter() -> list[int]:
    return [0]


@dataclass(frozen=True)
class Kind:
    name: str
    what: str
    build: Callable[[int], str]
    html: bool = False


def _markers(form: Callable[[int], str], end: str, head: str = HEADLINE + LEAD) -> Callable[[int], str]:
    def build(size: int) -> str:
        counter = _counter()
        return fill(size, lambda rng: numbered(rng, counter, form, end), head)
    return build


def _run(unit: str, head: str = "") -> Callable[[int], str]:
    return lambda size: (head + unit * (size // len(unit) + 1))[:size]


def _html_comments(size: int) -> str:
    body = "<html><head><title>市政府召开常务会议</title></head><body><article>" \
           + "".join(f"<p>{report(random.Random(n))}</p>" for n in range(3)) + "</article></body></html>"
    comment = "<!-- generated page, cached copy -->\n"
    count, pad = divmod(max(0, size - len(body)), len(comment))
    return comment * count + " " * pad + body


def _html_report(size: int) -> str:
    head = "<!DOCTYPE html><html><head><title>市政府召开常务会议</title></head><body><article>\n"
    tail = "</article></body></html>\n"
    # (markup in ASCII as long as the report in it, so that 2M characters stay under the 5 MB limit)
    return fill(size - len(tail), lambda rng: f'<div class="article-paragraph" data-paragraph="{rng.randint(0, 10**6)}">'
                f'<p style="text-indent: 2em; line-height: 1.75; margin: 0 0 1em 0;">{report(rng)}</p></div>\n'
                f'<!-- paragraph {rng.randint(0, 10**6)} of the cached copy, kept for the archive -->\n', head) + tail


_ANNOUNCEMENT_HEAD = ("证券代码：600999    证券简称：示例科技    公告编号：2024-031\n示例科技股份有限公司\n"
                      "第三届董事会第十五次会议决议公告\n二、董事会会议审议情况\n")


def _resolution_blank(size: int) -> str:
    head = ("示例科技股份有限公司第三届董事会第五次会议决议公告\n本公司董事会及全体董事保证本公告内容不存在任何虚假记载。\n"
            "示例科技股份有限公司第三届董事会第五次会议于2024年4月18日召开，会议由董事长张伟明主持，审议通过了以下议案：\n")
    return (head + "\n" * size)[:size]


def _spaced(size: int) -> str:
    return fill(size, lambda rng: rng.choice(CLAUSE_VERBS + NOUNS) + " " + name(rng) + " ", HEADLINE)


def _hard_wrapped(size: int) -> str:
    text = fill(size, report, HEADLINE)
    return "\n".join(text[i:i + 36] for i in range(0, len(text), 37))[:size]


KINDS: tuple[Kind, ...] = (
    Kind("report", "a composed meeting report, repeated with other names and dates", lambda n: fill(n, report, HEADLINE)),
    Kind("markers-shi", "一是…；二是…； in one sentence that never ends",
         _markers(lambda k: cn_numeral(k) + "是", "；", HEADLINE + LEAD + "会议要求，")),
    Kind("markers-shi-run", "一是 repeated", _run("一是", HEADLINE + LEAD)),
    Kind("markers-arabic", "1. 2. 3. … numbered lines", _markers(lambda k: f"{k}.", "。\n")),
    Kind("markers-arabic-comma", "1、2、3、… in one line", _markers(lambda k: f"{k}、", "，")),
    Kind("markers-paren", "（一）（二）… numbered lines", _markers(lambda k: f"（{cn_numeral(k)}）", "\n")),
    Kind("names-titles", "title + name pairs in 、-lists, one sentence each",
         lambda n: fill(n, lambda rng: "、".join(rng.choice(TITLES) + name(rng) for _ in range(rng.randint(2, 6)))
                        + "出席会议。", HEADLINE + LEAD)),
    Kind("dun-list", "one 、-list of names that never ends (出席会议的有：…)",
         lambda n: fill(n, lambda rng: name(rng) + "、", HEADLINE + LEAD + "出席会议的有：")),
    Kind("title-list", "one 、-list of titles and names that never ends (市长…、副市长…)",
         lambda n: fill(n, lambda rng: rng.choice(TITLES) + name(rng) + "、", HEADLINE + LEAD + "市委书记")),
    Kind("dates", "dated phrases in one line (2024年3月5日上午，…)",
         lambda n: fill(n, lambda rng: date(rng) + rng.choice(("，", "至", "、", "-", " ")), HEADLINE)),
    Kind("dates-iso", "ISO dates and clock times (2024-03-05 09:30)",
         lambda n: fill(n, lambda rng: f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
                        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} ", HEADLINE)),
    Kind("clause-verbs", "clause verbs and names in clauses (出席，主持，召开，听取，一是)",
         lambda n: fill(n, lambda rng: name(rng) + rng.choice(CLAUSE_VERBS) + rng.choice(NOUNS)
                        + rng.choice("，，，；。"), HEADLINE + LEAD)),
    Kind("clause-verbs-bare", "clause verbs with no punctuation at all",
         lambda n: fill(n, lambda rng: rng.choice(CLAUSE_VERBS) + name(rng), HEADLINE)),
    Kind("no-punct", "names, titles, verbs and tasks with no punctuation (one endless sentence)",
         lambda n: fill(n, lambda rng: rng.choice((name(rng), rng.choice(TITLES), task(rng), rng.choice(ORGS))),
                        HEADLINE + LEAD)),
    Kind("quotes-open", "“ repeated (one quote never closed)", _run("“", HEADLINE + LEAD)),
    Kind("quotes-open-words", "“ opening quotes with words, never closed",
         lambda n: fill(n, lambda rng: "“" + task(rng) + rng.choice(("", "，", "、")), HEADLINE + LEAD)),
    Kind("title-marks-open", "《 opening marks with words, never closed",
         lambda n: fill(n, lambda rng: "《关于" + task(rng) + rng.choice(("", "的", "，")), HEADLINE + LEAD)),
    Kind("quotes-closed", "closed quotes and titles (审议通过《…》，强调“…”)",
         lambda n: fill(n, lambda rng: f"审议通过《关于{task(rng)}的意见》，{name(rng)}强调“{task(rng)}”，",
                        HEADLINE + LEAD)),
    Kind("blank-lines", "short clauses separated by runs of blank lines",
         lambda n: fill(n, lambda rng: rng.choice(CLAUSE_VERBS) + name(rng) + "。" + "\n" * rng.randint(1, 40),
                        HEADLINE + LEAD)),
    Kind("resolution-blank", "a resolution notice followed by blank lines", _resolution_blank),
    Kind("spaced", "words and names separated by spaces on one line", _spaced),
    Kind("hard-wrapped", "a report hard-wrapped at 36 characters", _hard_wrapped),
    Kind("comments-text", "<!-- --> comments before a plain-text report",
         lambda n: ("<!-- -->" * (n // 16) + fill(n - n // 16 * 8, report, HEADLINE))[:n]),
    Kind("html-comments", "an HTML page after a run of <!-- --> comments (read from a file)",
         _html_comments, html=True),
    Kind("html-report", "an HTML page of report paragraphs and comments (read from a file)",
         _html_report, html=True),
    Kind("run-dun", "、 repeated (the whole text)", _run("、")),
    Kind("run-dun-body", "、 repeated after a headline and lead", _run("、", HEADLINE + LEAD)),
    Kind("run-emoji", "emoji repeated (the whole text)", _run(EMOJI)),
    Kind("run-chuxi", "出席 repeated", _run("出席", HEADLINE)),
    Kind("run-space", "spaces between two Chinese words", lambda n: (HEADLINE + "出席" + " " * n + "会议。")[:n]),
    Kind("comma-names", "title + name pairs separated by ， in one sentence that never ends",
         lambda n: fill(n, lambda rng: rng.choice(TITLES) + name(rng) + "，", HEADLINE + LEAD)),
    Kind("aliases", "surname + title references and names (王书记强调，…李市长指出，…)",
         lambda n: fill(n, lambda rng: rng.choice(SURNAMES) + rng.choice(TITLES) + rng.choice(("强调", "指出", "主持"))
                        + "，" + rng.choice(TITLES) + name(rng) + rng.choice(("讲话", "出席", "要求")) + rng.choice("，。"),
                        HEADLINE + LEAD)),
    Kind("attend-relative", "出席…的… relative clauses with no punctuation",
         lambda n: fill(n, lambda rng: "出席" + rng.choice(ORGS) + "的" + rng.choice(("代表", "同志", "委员")),
                        HEADLINE + LEAD)),
    Kind("meetings-named", "召开…会议 and 出席…会议 repeated in one clause",
         lambda n: fill(n, lambda rng: rng.choice(("召开", "出席", "举行")) + rng.choice(ORGS) + rng.choice(("会议", "", "座谈会")),
                        HEADLINE + LEAD)),
    Kind("header-fields", "minutes header fields on one line (主持：王明 出席：李红 …)",
         lambda n: fill(n, lambda rng: rng.choice(("主持：", "出席：", "列席：", "记录：")) + name(rng) + " " + name(rng) + " ",
                        "区政府常务会议纪要\n时间：2024年6月12日上午\n")),
    Kind("interview-lines", "interview turns separated by blank lines (记者：…)",
         lambda n: fill(n, lambda rng: rng.choice(("记者：", "问：", "答：", "【主持人】：")) + task(rng) + "。" + "\n" * rng.randint(1, 30),
                        "访谈实录\n")),
    Kind("vote-words", "vote labels without numbers on one line (同意 反对 弃权 …)",
         lambda n: fill(n, lambda rng: rng.choice(("同意", "反对", "弃权", "回避")) + rng.choice((" ", "", "、")),
                        HEADLINE + LEAD + "表决结果：")),
    Kind("vote-heads", "pairs of vote labels set apart by spaces on one line (同意 反对 同意 反对 …)",
         _run("同意 反对 ", HEADLINE + LEAD + "表决结果：")),
    Kind("tallies", "vote tallies and motions (审议通过《…》，同意9票，反对0票，弃权0票。)",
         lambda n: fill(n, lambda rng: f"审议通过《关于{task(rng)}的议案》，同意{rng.randint(1, 9)}票，反对"
                        f"{rng.randint(0, 2)}票，弃权{rng.randint(0, 2)}票{rng.choice('，。；')}", HEADLINE + LEAD)),
    Kind("digits", "long runs of digits among meeting words",
         lambda n: fill(n, lambda rng: "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 400)))
                        + rng.choice(("票", "人", "日", "年", "、", "出席")), HEADLINE + LEAD)),
    Kind("announcement-meetings", "a resolution notice whose lead names its meeting again and again",
         lambda n: fill(n, lambda rng: rng.choice(("第三届董事会第五次会议", "《第三届董事会第五次会议",
                                                   f"第{cn_numeral(rng.randint(1, 9))}届董事会第{cn_numeral(rng.randint(1, 30))}次会议")),
                        "示例科技股份有限公司第三届董事会第五次会议决议公告\n")),
    Kind("parens", "（ and 代表（ opened and not closed",
         lambda n: fill(n, lambda rng: rng.choice(("（", "代表（", "（主持工作", "负责人（")), HEADLINE + LEAD)),
    Kind("speech-nouns", "a speaker then speech words used as nouns, in one clause (…的讲话精神…)",
         lambda n: fill(n, lambda rng: rng.choice(("的讲话", "讲话精神", "的重要指示", "报告会", "在讲话中", "作的报告")),
                        HEADLINE + LEAD + "市长王建国")),
    Kind("speech-objects", "a speaker then content verbs whose objects are nouns, in one clause (表示祝贺…表示感谢…)",
         lambda n: fill(n, lambda rng: rng.choice(("表示祝贺", "表示感谢", "表示欢迎", "表示慰问")),
                        HEADLINE + LEAD + "市长王建国")),
    Kind("decisions", "a vote report followed by decisions that never end (经表决，会议决定…，任命…)",
         lambda n: fill(n, lambda rng: rng.choice(("，任命", "，免去", "，决定", "，同意", "；通过")) + name(rng)
                        + rng.choice(("为", "的")) + rng.choice(TITLES), HEADLINE + LEAD + "经表决，会议决定")),
    Kind("motions", "an announcement's numbered motions with tallies (1、审议通过《…》…)",
         lambda n: fill(n, lambda rng: f"{rng.randint(1, 30)}、审议通过《关于{task(rng)}的议案》\n表决结果：同意"
                        f"{rng.randint(5, 9)}票，反对0票，弃权0票。\n", _ANNOUNCEMENT_HEAD)),
    Kind("agenda-acts", "the meeting's acts, one after another in one sentence (会议听取了…，审议了…，研究了…)",
         lambda n: fill(n, lambda rng: f"{rng.choice(('听取了', '审议了', '研究了', '传达了', '学习了'))}{task(rng)}的报告，",
                        HEADLINE + LEAD + "会议")),
    Kind("chairs", "people who chair, one after another in one clause (张三主持李四主持…)",
         lambda n: fill(n, lambda rng: rng.choice(TITLES) + name(rng) + "主持", HEADLINE + LEAD)),
    Kind("listings", "lists after 出席会议的有： again and again in one sentence",
         lambda n: fill(n, lambda rng: f"出席会议的有{rng.choice(TITLES)}{name(rng)}、{name(rng)}",
                        HEADLINE + LEAD)),
    Kind("heard-reports", "reports heard from people named, one clause after another in one sentence",
         lambda n: fill(n, lambda rng: f"听取了{rng.choice(TITLES)}{name(rng)}关于{task(rng)}的汇报，", HEADLINE + LEAD + "会议")),
    Kind("agenda-chain", "a report heard followed by objects that go on after commas (，关于…的汇报，…)",
         lambda n: fill(n, lambda rng: f"，关于{task(rng)}的汇报", HEADLINE + LEAD + "会议听取了市财政局关于预算的汇报")),
    Kind("person-roles", "one person named again and again with a different role each time",
         lambda n: fill(n, lambda rng: f"{rng.choice(ORGS)}{rng.choice(TITLES)}王建国{rng.choice(('主持', '讲话', '出席'))}，",
                        HEADLINE + LEAD)),
    Kind("english", "English minutes, repeated", lambda n: fill(n, english, "Minutes of the City Council\n\n")),
    Kind("english-long-word", "one English word as long as the text", _run("a", "Minutes of the City Council\n\n")),
    Kind("english-no-period", "English minutes words with no sentence end (one endless line)",
         lambda n: fill(n, lambda rng: rng.choice(("Councilmember", "Mayor", "Chair", "Trustee")) + " "
                        + rng.choice(EN_NAMES) + " " + rng.choice(("moved", "seconded", "presided", "attended",
                                                                   "approved the minutes", "motion carried"))
                        + " ", EN_HEAD)),
    Kind("english-roll-call", "a roll call of names that never ends (Present: Smith, Jones, …)",
         lambda n: fill(n, lambda rng: rng.choice(EN_NAMES) + rng.choice((", ", ", ", " and ")), EN_HEAD + "Present: ")),
    Kind("english-items", "numbered agenda items and headings (1. NEW BUSINESS …)",
         lambda n: fill(n, lambda rng: f"{rng.randint(1, 99)}. {rng.choice(('NEW BUSINESS', 'OLD BUSINESS', 'CONSENT AGENDA'))}"
                        f"\nMotion by {rng.choice(EN_NAMES)} to approve item {rng.randint(1, 99)}.\n", EN_HEAD)),
    Kind("english-motions", "motions, seconds and outcomes with no sentence end (Motion by … seconded by … carried 5-0 …)",
         lambda n: fill(n, lambda rng: f"Motion by {rng.choice(EN_NAMES)}, seconded by {rng.choice(EN_NAMES)}, to approve "
                        f"Resolution {rng.randint(1, 999)} carried {rng.randint(3, 7)}-{rng.randint(0, 2)} ", EN_HEAD)),
    Kind("english-fields", "roster fields again and again on one line (Present: … Absent: … Staff: …)",
         lambda n: fill(n, lambda rng: f"{rng.choice(('Present', 'Absent', 'Staff', 'Also present'))}: "
                        f"{rng.choice(EN_NAMES)}, {rng.choice(EN_NAMES)} ", EN_HEAD)),
    Kind("english-open-marks", "quotes and parentheses opened and never closed, with times (\"( 7:00 p.m. …)",
         lambda n: fill(n, lambda rng: rng.choice(('"', "(", "[", "'")) + rng.choice(EN_NAMES) + " "
                        + f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} p.m. ", EN_HEAD)),
    Kind("english-votes", "votes and dates on one line (Ayes: … Nays: … March 5, 2024)",
         lambda n: fill(n, lambda rng: f"Ayes: {rng.choice(EN_NAMES)}, {rng.choice(EN_NAMES)} Nays: {rng.choice(EN_NAMES)} "
                        f"{rng.choice(('March', 'May', 'June'))} {rng.randint(1, 28)}, {rng.randint(2015, 2025)} "
                        f"vote {rng.randint(0, 9)}-{rng.randint(0, 9)} ", EN_HEAD)),
)


@dataclass
class Measurement:
    size: int
    seconds: float | None  # None: skipped
    lang: str = ""


def extract_once(kind: Kind, text: str, workdir: Path) -> tuple[float, str]:
    """CPU seconds of one extraction of ``text`` (read from a file first for HTML kinds)."""
    tagger.forget()
    gc.collect()
    if kind.html:
        path = workdir / f"{kind.name}.html"
        path.write_text(text, encoding="utf-8")
        started = time.process_time()
        document = read_file(path)
        if not isinstance(document, Document):
            raise SystemExit(f"{kind.name}: the page was not read: {document.code}: {document.message}")
    else:
        document = Document(id=kind.name, text=text)
        started = time.process_time()
    extract_document(document)
    return time.process_time() - started, detect_language(document.text)


def measure(kind: Kind, sizes: tuple[int, ...], budget: float, workdir: Path, repeats: int) -> list[Measurement]:
    rows: list[Measurement] = []
    for size in sizes:
        predicted = predict(rows, size)
        if predicted is not None and predicted > budget:
            rows.append(Measurement(size, None))
            continue
        text = kind.build(size)
        best, lang = extract_once(kind, text, workdir)
        done = 1
        while best < MIN_MEASURED and done < repeats:
            best = min(best, extract_once(kind, text, workdir)[0])
            done += 1
        rows.append(Measurement(size, best, lang))
    return rows


def predict(rows: list[Measurement], size: int) -> float | None:
    """The time ``size`` would take, extrapolated from the measured sizes (at least linearly)."""
    measured = [row for row in rows if row.seconds is not None]
    if not measured:
        return None
    if len(rows) > len(measured):
        return math.inf  # a smaller size was skipped already
    last = measured[-1]
    slope = max(1.0, exponent(measured[-2], last)) if len(measured) >= 2 else 1.0
    return last.seconds * (size / last.size) ** slope


def exponent(smaller: Measurement, larger: Measurement) -> float:
    """Slope of log(time) against log(size) between two measurements."""
    assert smaller.seconds is not None and larger.seconds is not None
    return math.log(max(larger.seconds, 1e-6) / max(smaller.seconds, 1e-6)) / math.log(larger.size / smaller.size)


def exponents(rows: list[Measurement]) -> list[float | None]:
    return [exponent(a, b) if a.seconds is not None and b.seconds is not None else None
            for a, b in zip(rows, rows[1:])]


def size_label(size: int) -> str:
    return f"{size // 1_000_000}M" if size % 1_000_000 == 0 else f"{size // 1000}k" if size % 1000 == 0 else str(size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"sizes {', '.join(map(str, QUICK_SIZES))} only")
    parser.add_argument("--sizes", help="comma-separated sizes in characters (default 20000,200000,2000000)")
    parser.add_argument("--kinds", nargs="*", default=["*"], help="only kinds whose name matches a glob")
    parser.add_argument("--budget", type=float, default=300.0,
                        help="skip a size predicted to take more CPU seconds than this (default 300)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else QUICK_SIZES if args.quick else SIZES
    kinds = [k for k in KINDS if any(fnmatch.fnmatch(k.name, pattern) for pattern in args.kinds)]
    if not kinds:
        parser.error("no kind matches --kinds")
    extract_document(Document(id="warm-up", text=HEADLINE + LEAD))  # load pipelines and the tagger
    extract_document(Document(id="warm-up", text=english(random.Random(0))))
    # What is loaded is left out of later garbage collections, as `meetingx extract` does
    # (workers.preload): else each full collection a large text triggers walks the pipelines too.
    gc.freeze()
    print(f"CPU seconds per document (time.process_time); exponent = slope of log(time) on log(size); "
          f"target: each 10x size at most {TARGET_RATIO:g}x the time (exponent <= {TARGET_EXPONENT:.2f}). "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    header = f"{'kind':22} {'lang':4} " + " ".join(f"{size_label(s):>8}" for s in sizes) \
        + " " + " ".join(f"{'k ' + size_label(a) + '-' + size_label(b):>11}" for a, b in zip(sizes, sizes[1:])) + "  met"
    print(header, flush=True)
    results = []
    with tempfile.TemporaryDirectory() as workdir:
        for kind in kinds:
            rows = measure(kind, sizes, args.budget, Path(workdir), 1 if args.quick else REPEATS)
            slopes = exponents(rows)
            met = None if any(s is None for s in slopes) or not slopes else all(s <= TARGET_EXPONENT for s in slopes)
            if len(rows) > 1 and rows[-1].seconds is None:
                met = False  # skipped because predicted over budget
            lang = next((row.lang for row in rows if row.lang), "")
            times = " ".join(f"{row.seconds:8.3f}" if row.seconds is not None else f"{'skip':>8}" for row in rows)
            shown = " ".join(f"{s:11.2f}" if s is not None else f"{'-':>11}" for s in slopes)
            print(f"{kind.name:22} {lang:4} {times} {shown}  {'-' if met is None else 'yes' if met else 'NO'}",
                  flush=True)
            results.append({"kind": kind.name, "what": kind.what, "lang": lang,
                            "seconds": {str(row.size): row.seconds for row in rows},
                            "exponents": slopes, "met": met})
    print(f"load average {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps({"sizes": list(sizes), "target_exponent": TARGET_EXPONENT,
                                         "kinds": results}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
