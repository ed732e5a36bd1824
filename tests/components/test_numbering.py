"""Numbering markers and the directives built from them: marker, number, issuer and text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

LEAD = "5月10日上午，学校在行政楼会议室召开安全工作会议。"


def items(issuer, *pairs):
    return [{"number": n, "marker": m, "issuer": issuer, "text": t} for n, (m, t) in enumerate(pairs, 1)]


DIRECTIVES = [
    pytest.param(LEAD + "校长张伟讲话，他要求：一是要压实安全责任；二是要排查风险隐患；三是要加强应急值守。",
                 items("张伟", ("一是", "要压实安全责任"), ("二是", "要排查风险隐患"), ("三是", "要加强应急值守")),
                 id="yishi-yao-kept-in-text"),
    pytest.param(LEAD + "校长张伟强调，一要提高政治站位，二要强化责任担当，三要狠抓工作落实。",
                 items("张伟", ("一要", "提高政治站位"), ("二要", "强化责任担当"), ("三要", "狠抓工作落实")),
                 id="yiyao-comma-separated"),
    pytest.param(LEAD + "党委书记刘明指出，第一，要提高思想认识；第二，要加强统筹协调；第三，要确保工作实效。",
                 items("刘明", ("第一", "要提高思想认识"), ("第二", "要加强统筹协调"), ("第三", "要确保工作实效")),
                 id="diyi"),
    pytest.param(LEAD + "党委书记黄卉讲话，她要求，一是提高认识；二要强化责任；三要抓好落实。",
                 items("黄卉", ("一是", "提高认识"), ("二要", "强化责任"), ("三要", "抓好落实")),
                 id="yishi-then-eryao-one-list"),
    pytest.param(LEAD + "副校长李红通报了近期安全情况，并提出三点要求：一要高度重视，二要排查隐患，三要强化值守。",
                 items("李红", ("一要", "高度重视"), ("二要", "排查隐患"), ("三要", "强化值守")),
                 id="issuer-of-a-presenter"),
    pytest.param(LEAD + "党委书记刘明讲话。刘书记强调，一是要提高站位；二是要压实责任。",
                 items("刘明", ("一是", "要提高站位"), ("二是", "要压实责任")), id="issuer-through-alias"),
    pytest.param("5月8日下午，学校在行政楼会议室召开教学工作会议，校长张伟主持会议。"
                 "张校长强调，一是要抓好课堂教学；二是要加强师资建设。",
                 items("张伟", ("一是", "要抓好课堂教学"), ("二是", "要加强师资建设")), id="issuer-through-alias-of-chair"),
    pytest.param(LEAD + "校长张伟主持会议并讲话，他强调：\n1. 要提高认识。\n2. 要压实责任。\n3. 要抓好落实。",
                 items("张伟", ("1.", "要提高认识"), ("2.", "要压实责任"), ("3.", "要抓好落实")), id="arabic-dot-lines"),
    pytest.param(LEAD + "会议强调，一是要坚持安全第一、预防为主；二是要落实属地责任。",
                 items(None, ("一是", "要坚持安全第一、预防为主"), ("二是", "要落实属地责任")),
                 id="huiyi-qiangdiao-issuer-null"),
    pytest.param(LEAD + "会议要求：\n（一）加强组织领导。各单位要高度重视。\n（二）强化督促检查。\n（三）严格责任追究。",
                 items(None, ("（一）", "加强组织领导"), ("（二）", "强化督促检查"), ("（三）", "严格责任追究")),
                 id="paren-fullwidth-first-sentence-only"),
    pytest.param(LEAD + "会议要求：\n(一)加强组织领导。\n(二)强化督促检查。",
                 items(None, ("(一)", "加强组织领导"), ("(二)", "强化督促检查")), id="paren-ascii"),
    pytest.param(LEAD + "会议议定事项如下：\n一、同意学校安全工作方案。\n二、由保卫处牵头开展检查。\n三、下周召开专题会议。",
                 items(None, ("一、", "同意学校安全工作方案"), ("二、", "由保卫处牵头开展检查"), ("三、", "下周召开专题会议")),
                 id="cn-dun-lines"),
    pytest.param(LEAD + "会议议定以下事项：\n一、原则同意《校园安全工作方案》，由保卫处修改完善后印发。\n二、同意成立安全工作专班。",
                 items(None, ("一、", "原则同意《校园安全工作方案》，由保卫处修改完善后印发"), ("二、", "同意成立安全工作专班")),
                 id="text-runs-over-commas-to-the-full-stop"),
    pytest.param(LEAD + "会议议定：\n1.同意学校安全工作方案。\n2.由保卫处牵头开展检查。",
                 items(None, ("1.", "同意学校安全工作方案"), ("2.", "由保卫处牵头开展检查")), id="arabic-dot"),
    pytest.param(LEAD + "会议议定：\n1、同意学校安全工作方案。\n2、由保卫处牵头开展检查。",
                 items(None, ("1、", "同意学校安全工作方案"), ("2、", "由保卫处牵头开展检查")), id="arabic-dun"),
    pytest.param(LEAD + "会议听取了保卫处工作汇报。会议认为，一是安全形势总体平稳；二是仍存在薄弱环节。",
                 items(None, ("一是", "安全形势总体平稳"), ("二是", "仍存在薄弱环节")), id="huiyi-renwei"),
]


@pytest.mark.parametrize(("text", "directives"), DIRECTIVES)
def test_directives(extract, text, directives):
    record = extract(text)

    assert record["directives"] == directives
    for index, directive in enumerate(directives):
        marker = record["evidence"][f"/directives/{index}/marker"]
        assert text[marker["start"]:marker["end"]] == directive["marker"]


def test_two_lists_keep_document_order_and_their_issuers(extract):
    text = (LEAD + "党委书记刘明讲话，他强调，一是要提高站位。二是要压实责任。"
            "校长张伟讲话，他要求，一要细化方案，二要抓好落实。")
    record = extract(text)

    assert [(d["marker"], d["issuer"], d["text"]) for d in record["directives"]] == [
        ("一是", "刘明", "要提高站位"), ("二是", "刘明", "要压实责任"),
        ("一要", "张伟", "细化方案"), ("二要", "张伟", "抓好落实")]


def test_a_speakers_list_then_the_meetings_list(extract):
    text = (LEAD + "校长张伟讲话。他强调，第一，要提高认识。第二，要压实责任。\n"
            "会议要求，（一）加强宣传教育；（二）开展隐患排查。")
    record = extract(text)

    assert [(d["marker"], d["issuer"]) for d in record["directives"]] == [
        ("第一", "张伟"), ("第二", "张伟"), ("（一）", None), ("（二）", None)]


NO_DIRECTIVES = [
    pytest.param(LEAD + "会议要求，各单位要第一时间报告险情，坚持安全第一。", id="anquan-diyi"),
    pytest.param(LEAD + "坚持安全第一，守牢底线。校长张伟讲话。", id="anquan-diyi-clause"),
    pytest.param(LEAD + "校长张伟指出，全年投入1.5亿元用于安全建设。", id="decimal-number"),
    pytest.param(LEAD + "会议强调，要压实安全责任，排查风险隐患，加强应急值守。", id="unnumbered-qiangdiao"),
    pytest.param(LEAD + "会议要求：\n（一）加强组织领导。", id="a-lone-paren-item"),
    pytest.param(LEAD + "会议要求，全校一、二年级学生参加演练。会议强调，要抓好落实。", id="grades-one-and-two"),
]


@pytest.mark.parametrize("text", NO_DIRECTIVES)
def test_no_directives(extract, text):
    assert extract(text)["directives"] == []


MARKERS = [
    pytest.param("一是要压实责任；二是要排查隐患。", [("一是", 1), ("二是", 2)], id="shi"),
    pytest.param("一要提高站位，二要狠抓落实。", [("一要", 1), ("二要", 2)], id="yao"),
    pytest.param("第一，提高认识；第二，压实责任。", [("第一", 1), ("第二", 2)], id="di"),
    pytest.param("（一）加强领导。（二）强化检查。", [("（一）", 1), ("（二）", 2)], id="paren"),
    pytest.param("十一是要加强宣传；十二是要总结经验。", [("十一是", 11), ("十二是", 12)], id="teens"),
    pytest.param("各单位要坚持安全第一，第一时间报告。", [], id="diyi-inside-words"),
    pytest.param("会议要求，各单位一要贯彻落实。", [], id="yao-not-at-clause-start"),
    # 一、 items run into one line (a page flattened): after a colon or a sentence's end
    pytest.param("会议决定如下：一、同意拨付经费。二、成立工作专班。", [("一、", 1), ("二、", 2)],
                 id="dun-after-colon-and-full-stop"),
    pytest.param("现纪要如下： 一、要确保工期。 二、加快景观改造。", [("一、", 1), ("二、", 2)], id="dun-after-spaces"),
    pytest.param("会议决定如下事项:一、同意立项。二、拨付经费。", [("一、", 1), ("二、", 2)], id="dun-after-ascii-colon"),
    pytest.param("全校一、二年级学生参加活动。", [], id="dun-inside-a-clause"),
    pytest.param("他提出三点要求：1.提高认识；2.压实责任。", [("1.", 1), ("2.", 2)], id="arabic-after-colon-and-semicolon"),
    pytest.param("全年增长了5.2%，第1、2季度较好。", [], id="arabic-inside-numbers-and-clauses"),
    pytest.param("这是今年的第一次会议，一、二年级学生参加。", [], id="dun-after-a-comma"),
]


@pytest.mark.parametrize(("text", "markers"), MARKERS)
def test_marker_candidates(candidates, text, markers):
    found = candidates(text, "MARKER")

    assert [(words, data["value"]) for words, data in found] == markers


# The markers' patterns check what stands before a marker after its first character (so that re
# skips to where that character occurs); they find what the same patterns with the check first find.
_NUMERAL = "[一二三四五六七八九十]"
BOUNDARY_FIRST = {
    "marker.shi": rf"(?<![^，。；：！？\s])(?P<marker>(?P<num>{_NUMERAL}{{1,3}})是)",
    "marker.yao": rf"(?<![^，。；：！？\s])(?P<marker>(?P<num>{_NUMERAL}{{1,3}})要)(?![求点])",
    "marker.di": rf"(?<![^，。；：！？\s])(?P<marker>第(?P<num>{_NUMERAL}{{1,3}}))(?=[，、：])",
    "marker.paren-cn": rf"(?<![^，。；：！？\s])(?P<marker>（(?P<num>{_NUMERAL}{{1,3}})）)",
    "marker.paren-arabic": r"(?<![^。；：\s])(?P<marker>（(?P<num>\d{1,2})）)",
}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="一二三十是要第（）12，。；：！？ \n\t、求点甲", max_size=16),
       st.sampled_from(sorted(BOUNDARY_FIRST)))
def test_marker_patterns_find_what_the_boundary_first_forms_find(text: str, rule: str) -> None:
    from meetingx.lexicon import Lexicon

    pattern = next(r["pattern"] for r in Lexicon("zh").records("markers.jsonl") if r["rule"] == rule)
    found = [(m.span(), m.span("marker"), m.group("num")) for m in re.finditer(pattern, text, re.M)]
    assert found == [(m.span(), m.span("marker"), m.group("num"))
                     for m in re.finditer(BOUNDARY_FIRST[rule], text, re.M)]
