"""Clauses: attendees (出席/参加/列席) split into items, and the agenda (what the meeting did)."""

from __future__ import annotations

import pytest

LEAD = "5月10日上午，学校在行政楼会议室召开工作会议。"

ATTENDEES = [
    pytest.param(LEAD + "学校领导班子成员、全体中层干部及全体在职党员参加会议。",
                 ["学校领导班子成员", "全体中层干部", "全体在职党员"], id="three-complete-groups"),
    pytest.param("5月10日上午，市政府召开常务会议。有关部门、单位负责人列席会议。", ["有关部门、单位负责人"],
                 id="shared-head-one-item"),
    pytest.param("5月10日上午，公司召开董事会。公司监事及高级管理人员列席会议。", ["公司监事及高级管理人员"],
                 id="shared-modifier-one-item"),
    pytest.param(LEAD + "学院领导班子成员、全体教职工参加会议。", ["学院领导班子成员", "全体教职工"], id="two-groups"),
    pytest.param(LEAD + "全体校领导出席会议，各部门、各学院主要负责人参加会议。",
                 ["全体校领导", "各部门、各学院主要负责人"], id="chuxi-and-canjia"),
    pytest.param("5月10日上午，学院召开教学工作会议，院长张伟、副院长李红出席会议。", ["张伟", "李红"],
                 id="names-without-roles"),
    pytest.param(LEAD + "参加会议的有学院领导班子成员、各系主任和教研室主任。",
                 ["学院领导班子成员", "各系主任", "教研室主任"], id="canjia-huiyi-de-you"),
    pytest.param(LEAD + "出席会议的有校长张伟、副校长李红。", ["张伟", "李红"], id="chuxi-huiyi-de-you-names"),
    pytest.param("5月10日，公司召开董事会会议。董事长刘洋主持会议，总经理孙涛、副总经理何静列席会议。", ["孙涛", "何静"],
                 id="liexi-names-chair-not-included"),
    pytest.param("5月10日，市委在市行政中心召开全市组织工作会议。市委常委、组织部长陈中山出席会议并讲话。", ["陈中山"],
                 id="speaker-who-attends"),
    pytest.param("5月10日上午，区委召开常委会会议，区委常委出席会议，"
                 "区人大常委会、区政府、区政协有关负责同志列席会议。",
                 ["区委常委", "区人大常委会、区政府、区政协有关负责同志"], id="liexi-shared-head"),
    pytest.param("5月10日，自治区召开民族团结进步工作会议。自治区副主席阿不都·热合曼出席会议并讲话。",
                 ["阿不都·热合曼"], id="name-with-middle-dot"),
    pytest.param(LEAD + "自治区副主席买买提·艾力出席会议并讲话。", ["买买提·艾力"], id="name-with-middle-dot-short"),
    pytest.param("5月10日，学校召开党史学习教育动员大会，党委书记王芳同志出席会议并作动员讲话。", ["王芳"],
                 id="tongzhi-not-in-attendee"),
    pytest.param(LEAD + "校领导张伟、李红、王强出席会议。", ["张伟", "李红", "王强"], id="names-after-shared-role"),
    pytest.param("5月10日上午，区政协召开主席会议。区政协主席、副主席、秘书长出席会议。", ["区政协主席、副主席、秘书长"],
                 id="shared-modifier-roles-one-item"),
    pytest.param(LEAD + "各学院党委书记、院长，机关各部门负责人参加会议。", ["各学院党委书记、院长", "机关各部门负责人"],
                 id="comma-splits-dun-joins"),
    pytest.param("5月10日上午，学校召开全面从严治党工作会议。学校领导班子成员参加会议。", ["学校领导班子成员"],
                 id="single-group"),
    pytest.param("中共中央政治局常委、全国政协主席王明远23日在京出席全国宗教界人士迎春座谈会并讲话。", ["王明远"],
                 id="attended-meeting-lead-no-day"),
    pytest.param("全国政协庆祝成立75周年大会12日在京举行。李建国、王晓东、张伟、刘强等党和国家领导人到会祝贺。",
                 ["李建国", "王晓东", "张伟", "刘强", "党和国家领导人"], id="daohui-zhuhe-names-and-group"),
    pytest.param("1月12日，市政协召开十届二次会议。出席会议的还有王明、李丽、陈刚、赵军。",
                 ["王明", "李丽", "陈刚", "赵军"], id="chuxi-huiyi-de-hai-you"),
    pytest.param("1月12日，全国工商联召开执委会议。国务院总理李华将出席会议。", ["李华"], id="jiang-after-name"),
    pytest.param("1月12日，国务院召开常务会议。国务院总理李华在出席亚太经合组织会议时指出，要扩大开放。", [],
                 id="zai-chuxi-shi-is-a-time"),
    pytest.param(LEAD + "校长张伟未出席会议。", [], id="absentee"),
    pytest.param(LEAD + "党委书记刘建国主持会议。", [], id="chair-alone-not-attendee"),
]


@pytest.mark.parametrize(("text", "attendees"), ATTENDEES)
def test_attendees(extract, text, attendees):
    record = extract(text)

    assert record["attendees"] == attendees
    for index, item in enumerate(attendees):
        evidence = record["evidence"][f"/attendees/{index}"]
        assert text[evidence["start"]:evidence["end"]] == item


def test_chair_candidate_skips_the_principal(candidates):
    text = LEAD + "受党委书记刘建国委托，党委副书记陈晓东主持会议。"

    assert [words for words, _ in candidates(text, "CHAIR")] == ["陈晓东"]


def test_meeting_voice_candidate(candidates):
    text = LEAD + "会议强调，一是要压实责任；二是要狠抓落实。"
    voices = candidates(text, "VOICE")

    assert voices and all(data["name_start"] is None for _, data in voices)
