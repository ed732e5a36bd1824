"""Speech: who spoke and what their speech is, as tables of sentences written for the constructions.

Names and speeches only (the roles are the people component's, tested in test_people.py).
"""

from __future__ import annotations

import pytest

LEAD = "5月10日上午，县委在县行政中心召开全县工作会议。"


def said(record: dict) -> list[tuple[str, str]]:
    return [(p["name"], p["speech"]) for p in record["speakers"]]


FIRST_ACT = [
    pytest.param(LEAD + "县委书记王明首先总结了上半年工作，重点通报了安全生产情况。",
                 [("王明", "总结了上半年工作")], id="first-act-then-presenting"),
    pytest.param(LEAD + "副县长赵刚分析了当前经济形势，部署了下半年工作。",
                 [("赵刚", "分析了当前经济形势")], id="analysis-then-deployment"),
    pytest.param(LEAD + "县长李华强调要把安全生产放在首位。", [("李华", "强调")], id="content-glued-to-the-verb"),
    pytest.param(LEAD + "县长周平在讲话中指出，要抓好各项工作落实。", [("周平", "在讲话中指出")],
                 id="lead-in-and-verb-before-content"),
    pytest.param(LEAD + "县政协主席孙丽在致辞中回顾了全县近年来的发展历程。",
                 [("孙丽", "在致辞中回顾了全县近年来的发展历程")], id="in-a-speech-recalled"),
    pytest.param(LEAD + "县长郑强说，今年的任务很重。", [("郑强", "说")], id="shuo"),
    pytest.param(LEAD + "县长王海感谢各位专家的支持，表示将认真吸纳大家的意见。",
                 [("王海", "感谢各位专家的支持")], id="speaking-verb-second-in-a-chain"),
    pytest.param(LEAD + "县长陈刚代表县政府向大会作政府工作报告。", [("陈刚", "代表县政府向大会作政府工作报告")],
                 id="daibiao-is-a-verb"),
    pytest.param("王明出席会议并讲话\n" + LEAD + "县委书记王明出席会议开幕式并致辞。",
                 [("王明", "出席会议开幕式并致辞")], id="the-body-not-the-headline"),
    pytest.param(LEAD + "在开幕会上，县委副书记刘强向与会代表通报了筹备情况。",
                 [("刘强", "向与会代表通报了筹备情况")], id="occasion-before-the-name"),
    pytest.param(LEAD + "会议共有两项议程：一是县委办主任李军传达上级文件精神；二是县长张华讲话。",
                 [("李军", "传达上级文件精神"), ("张华", "讲话")], id="after-numbering-markers"),
    pytest.param(LEAD + "最后，镇长张华讲意见：一是要提高认识；二是要狠抓落实。", [("张华", "讲意见")],
                 id="jiang-yijian"),
    pytest.param(LEAD + "县委书记王刚主持会议并部署了安全生产工作。", [("王刚", "主持会议并部署了安全生产工作")],
                 id="chairs-and-deploys"),
    pytest.param(LEAD + "副县长钱明、孙伟分别就分管工作作了汇报。",
                 [("钱明", "分别就分管工作作了汇报"), ("孙伟", "分别就分管工作作了汇报")], id="fenbie-jiu-huibao"),
    pytest.param(LEAD + "县委书记王明出席会议。王明在讲话中强调，要守牢安全底线。", [("王明", "在讲话中强调")],
                 id="attending-is-not-the-act"),
    pytest.param(LEAD + "县委书记王明发表讲话。他同时对下一步工作进行了部署。", [("王明", "发表讲话")],
                 id="pronoun-goes-on"),
    pytest.param(LEAD + "县委副书记李红主持会议并作工作布置，强调要压实责任。", [("李红", "主持会议并作工作布置")],
                 id="a-chair-goes-on-acting"),
    pytest.param(LEAD + "县委书记王明勉励大家担当作为。", [("王明", "勉励大家担当作为")], id="encouraging"),
    pytest.param(LEAD + "县委书记王明为全体党员讲党课。", [("王明", "为全体党员讲党课")], id="party-lecture"),
]


@pytest.mark.parametrize(("text", "speakers"), FIRST_ACT)
def test_a_speakers_speech_is_their_first_act(extract, text, speakers):
    assert said(extract(text)) == speakers


def test_a_list_over_commas_goes_past_a_name_not_read(extract):
    record = extract(LEAD + "县委副书记张明，县工商联主席李华，返乡青年陈小雨，县青联主席赵刚在大会上发言。")

    assert {("张明", "在大会上发言"), ("李华", "在大会上发言"), ("赵刚", "在大会上发言")} <= set(said(record))


NOT_SPEAKING = [
    pytest.param("10月11日下午，学院召开党政联席会议。\n一、审议保密办法\n（主持人：黄德宝 汇报人：郭媛媛）", id="huibaoren-is-a-noun"),
    pytest.param(LEAD + "县长王海认真听取了企业代表的意见建议。", id="listening"),
    pytest.param(LEAD + "县长王海出席会议。", id="attending"),
    pytest.param(LEAD + "县长王海主持会议。", id="chairing"),
    pytest.param(LEAD + "县长王海总结了上半年的工作。", id="an-act-but-no-speaking"),
    pytest.param(LEAD + "会前，县长王海主持召开专题会议并讲话。", id="another-event-before"),
    pytest.param(LEAD + "会后，县长王海带队到企业调研并讲话。", id="another-event-after"),
    pytest.param(LEAD + "会议指出，习近平总书记的重要讲话为做好工作指明了方向。", id="meeting-voice-content"),
    pytest.param(LEAD + "各乡镇负责同志作了交流发言。", id="unnamed-group"),
    pytest.param(LEAD + "会议原则通过，由办公室主任张静和刘航根据会议精神，结合上级最新要求修改完善后上报。",
                 id="a-task-assigned-with-a-noun-yaoqiu"),
    pytest.param(LEAD + "会议决定，由办公室主任张强负责起草方案，并向党委汇报。", id="a-task-assigned-to-report"),
    pytest.param(LEAD + "会议要求，由财务处处长王丽牵头，按照新要求提出具体意见。", id="a-task-assigned-with-xin-yaoqiu"),
]


@pytest.mark.parametrize("text", NOT_SPEAKING)
def test_no_speaker(extract, text):
    assert extract(text)["speakers"] == []


#: Acts that a frequency or past adverb places on other occasions (多次发表重要讲话, 曾指出, 一再强调,
#: 连续五年参加…): not speaking at this meeting. 再次, 首次, 最后 and 先后 are acts at it.
#: Written instructions (作出重要指示/批示) from someone not at the meeting, and the paragraphs that
#: go on with what they say (王强指出，…): no speech at the meeting, unless the person is there too.
MEETING = "5月6日，全省安全生产工作会议在省会召开。副省长李明出席会议并讲话。"
INSTRUCTIONS = [
    pytest.param("近日，省委书记王强作出重要指示强调，要抓好安全生产。\n王强指出，安全生产责任重于泰山。\n" + MEETING,
                 ["李明"], id="zhishi-then-zhichu"),
    pytest.param("省长张华作出批示指出，要压实责任。\n张华强调，要守住底线。\n" + MEETING, ["李明"], id="pishi-then-qiangdiao"),
    pytest.param("近日，省委书记王强就安全生产、推动应急管理工作作出重要指示强调，要守住底线。\n王强指出，要压实责任。\n"
                 + MEETING, ["李明"], id="zhishi-in-a-carried-clause"),
    pytest.param("省委书记王强近日作出重要指示。王强指出，要抓好安全生产。王强强调，要守住底线。\n" + MEETING,
                 ["李明"], id="one-paragraph"),
    pytest.param("省委书记王强作出重要指示。\n5月6日，全省安全生产工作会议在省会召开，王强出席会议并讲话。"
                 "\n王强指出，要抓好安全生产。", ["王强"], id="present-at-the-meeting-too"),
]


@pytest.mark.parametrize(("text", "names"), INSTRUCTIONS)
def test_who_gave_written_instructions_is_no_speaker(extract, text, names):
    assert [p["name"] for p in extract(text)["speakers"]] == names


#: A list of speakers each with a role, the last one's a profession (首席科学家, 高级工程师): every one
#: speaks, and the speech starts after the list.
ROLE_LISTS = [
    pytest.param(LEAD + "座谈会上，科技部部长阴和俊、西部超导公司首席科学家张平祥先后发言。",
                 [("阴和俊", "先后发言"), ("张平祥", "先后发言")], id="shouxi-kexuejia-last"),
    pytest.param(LEAD + "座谈会上，县农科所首席专家李敏、县长王海先后发言。", [("李敏", "先后发言"), ("王海", "先后发言")],
                 id="shouxi-zhuanjia-first"),
    pytest.param(LEAD + "座谈会上，高级工程师刘强、科学家陈华分别发言。", [("刘强", "分别发言"), ("陈华", "分别发言")],
                 id="gaoji-gongchengshi-and-kexuejia"),
    pytest.param(LEAD + "澳大利亚总理阿尔巴尼斯、秘鲁总统博鲁阿尔特和有关嘉宾视频或现场致辞。",
                 [("阿尔巴尼斯", "视频或现场致辞"), ("博鲁阿尔特", "视频或现场致辞")], id="a-group-ends-the-list"),
    pytest.param(LEAD + "县长王海、副县长李刚、各乡镇党委书记先后发言。", [("王海", "先后发言"), ("李刚", "先后发言")],
                 id="a-group-after-the-names"),
    pytest.param(LEAD + "县长王海、副县长李刚和各部门负责人先后作了表态发言。",
                 [("王海", "先后作了表态发言"), ("李刚", "先后作了表态发言")], id="he-a-group-zuo-le"),
]


#: A role written once before a list of names that all share it (专家宁吉喆、林毅夫…等发言): each
#: name speaks with that role.
SHARED_ROLE_LISTS = [
    pytest.param(LEAD + "全国政协委员和专家宁明、林毅、易刚等发言。", "全国政协委员和专家", ["宁明", "林毅", "易刚"],
                 id="weiyuan-he-zhuanjia"),
    pytest.param(LEAD + "专家学者宁明、林毅、易刚先后发言。", "专家学者", ["宁明", "林毅", "易刚"], id="zhuanjia-xuezhe"),
    pytest.param(LEAD + "企业家代表张明、李华、王强先后发言。", "企业家代表", ["张明", "李华", "王强"], id="qiyejia-daibiao"),
]


@pytest.mark.parametrize(("text", "role", "names"), SHARED_ROLE_LISTS)
def test_a_role_before_a_list_of_names_is_everyones(extract, text, role, names):
    assert [(p["name"], p["roles"]) for p in extract(text)["speakers"]] == [(name, [role]) for name in names]


@pytest.mark.parametrize(("text", "speakers"), ROLE_LISTS)
def test_every_speaker_of_a_list_of_roles(extract, text, speakers):
    assert said(extract(text)) == speakers


#: Talking about what one learnt or felt (谈学习体会, 交流心得, 谈感想) is speaking.
LEARNT = [
    pytest.param(LEAD + "县长王海结合分管工作谈学习体会。", [("王海", "结合分管工作谈学习体会")], id="tan-xuexi-tihui"),
    pytest.param(LEAD + "副县长李刚交流了心得体会。", [("李刚", "交流了心得体会")], id="jiaoliu-le-xinde-tihui"),
    pytest.param(LEAD + "副县长李刚谈感想。", [("李刚", "谈感想")], id="tan-ganxiang"),
    pytest.param(LEAD + "副县长李刚、王平先后谈了认识。", [("李刚", "先后谈了认识"), ("王平", "先后谈了认识")],
                 id="tan-le-renshi"),
]


#: 呼吁 (calling on others) is speaking with content, as 要求 and 表示 are.
CALLS = [
    pytest.param(LEAD + "县长王海在会上呼吁各方加强合作。", [("王海", "在会上呼吁")], id="zai-huishang-huyu"),
    pytest.param(LEAD + "县长王海呼吁，各方要加强合作。", [("王海", "呼吁")], id="huyu-comma"),
    pytest.param(LEAD + "与会代表呼吁加强合作。", [], id="unnamed-group-calls"),
    pytest.param(LEAD + "会议呼吁各方加强合作。", [], id="the-meeting-calls"),
]


#: 提出 ending its clause: what follows is what was said (李强在报告中提出，…), as after 说.
PROPOSED = [
    pytest.param(LEAD + "县长王海在报告中提出，县委对今年工作作出了全面部署，要抓好落实。", [("王海", "在报告中提出")],
                 [], id="tichu-comma"),
    pytest.param(LEAD + "县长王海提出：各乡镇要压实责任。", [("王海", "提出")], [], id="tichu-colon"),
    pytest.param(LEAD + "县长王海提出三点要求。", [("王海", "提出三点要求")], [], id="tichu-an-object"),
]


@pytest.mark.parametrize(("text", "speakers", "agenda"), PROPOSED)
def test_what_follows_tichu_was_said(extract, text, speakers, agenda):
    record = extract(text)
    assert (said(record), record["agenda"]) == (speakers, agenda)


@pytest.mark.parametrize(("text", "speakers"), CALLS)
def test_calling_on_others_is_speaking(extract, text, speakers):
    assert said(extract(text)) == speakers


@pytest.mark.parametrize(("text", "speakers"), LEARNT)
def test_talking_of_what_one_learnt_is_speaking(extract, text, speakers):
    assert said(extract(text)) == speakers


OTHER_OCCASIONS = [
    pytest.param(LEAD + "省委书记李明多次发表重要讲话。", [], id="duoci"),
    pytest.param(LEAD + "省委书记李明曾经指出，生态保护是头等大事。", [], id="cengjing"),
    pytest.param(LEAD + "省委书记李明曾就生态保护作出重要论述。", [], id="ceng"),
    pytest.param(LEAD + "省委书记李明一再强调，生态保护是头等大事。", [], id="yizai"),
    pytest.param(LEAD + "省委书记李明屡次强调，生态保护是头等大事。", [], id="lyuci"),
    pytest.param(LEAD + "省委书记李明每年都参加植树活动，多次发表重要讲话。", [], id="carried-duoci"),
    pytest.param(LEAD + "省委书记李明历来重视生态工作，每年都发表讲话。", [], id="meinian"),
    pytest.param(LEAD + "县长王海再次强调，要抓好落实。", ["王海"], id="zaici-is-this-meeting"),
    pytest.param(LEAD + "县长王海首次发言。", ["王海"], id="shouci-is-this-meeting"),
    pytest.param(LEAD + "县长王海最后强调，要抓好落实。", ["王海"], id="zuihou-is-this-meeting"),
    pytest.param(LEAD + "县长王海、副县长李刚先后发言。", ["王海", "李刚"], id="xianhou-is-this-meeting"),
]


@pytest.mark.parametrize(("text", "names"), OTHER_OCCASIONS)
def test_acts_of_other_occasions_are_not_speaking(extract, text, names):
    assert [p["name"] for p in extract(text)["speakers"]] == names


QUOTED = [
    pytest.param(LEAD + "副省长王明指出，党的十八大以来，习近平总书记就乡村振兴作出一系列重要论述，提出一系列新思想。",
                 ["王明"], id="quoted-later-in-the-sentence"),
    pytest.param(LEAD + "副省长王明表示，我们高度重视这项工作。习近平主席指出，开放合作是必由之路。",
                 ["王明"], id="quoted-in-a-later-sentence-of-the-paragraph"),
    pytest.param(LEAD + "副省长王明强调，要深入学习贯彻。习近平总书记强调，要坚持人民至上。要抓好落实。",
                 ["王明"], id="quoted-between-content"),
    pytest.param(LEAD + "会见时，王明表示，欢迎各位来访。史密斯表示，愿加强合作。", [], id="talks-of-another-event"),
    pytest.param(LEAD + "李光明常委代表民盟中央发言建议，加强生态保护。王晓红委员代表农工党中央发言提出，推进医改。",
                 ["李光明", "王晓红"], id="speakers-in-turn-name-first"),
    pytest.param(LEAD + "副省长王明表示，要抓好落实。省长张华作总结讲话。", ["王明", "张华"],
                 id="role-first-is-a-new-speaker"),
    pytest.param(LEAD + "省长张华、副省长王明出席会议。副省长王明表示，要抓好落实。张华强调，要守住底线。",
                 ["王明", "张华"], id="present-so-not-a-quote"),
    pytest.param(LEAD + "副省长王明表示，要抓好落实。\n张华省长强调，要守住底线。", ["王明", "张华"],
                 id="a-new-paragraph"),
    pytest.param(LEAD + "副省长王明在讲话中说，县长李华同志提出的意见很好，要认真研究。", ["王明"],
                 id="mentioned-inside-content"),
    pytest.param(LEAD + "万建民常委表示，深化农业科技创新。王惠贞常委表示，积极对接。扎西达娃委员指出，牢记嘱托。",
                 ["万建民", "王惠贞", "扎西达娃"], id="members-speak-in-turn"),
    pytest.param(LEAD + "张明代表提出，加强基层治理。李红代表建议，完善医保制度。王强代表表示，要抓好落实。",
                 ["张明", "李红", "王强"], id="deputies-speak-in-turn"),
    pytest.param(LEAD + "刘伟董事表示，同意该议案。陈红监事指出，要加强监督。", ["刘伟", "陈红"], id="directors-speak-in-turn"),
    pytest.param(LEAD + "王明常委表示，要抓好落实。习近平总书记强调，要坚持人民至上。", ["王明"],
                 id="a-leader-quoted-after-a-member"),
]


@pytest.mark.parametrize(("text", "names"), QUOTED)
def test_a_leader_quoted_in_a_speech_is_not_a_speaker(extract, text, names):
    assert [p["name"] for p in extract(text)["speakers"]] == names


HEARD = [
    pytest.param(LEAD + "会议听取了县财经委副主任委员张明作的关于预算执行情况的报告。", ["张明"], id="zuo-de"),
    pytest.param(LEAD + "会议听取了县法制委副主任委员王强、李刚分别作的关于甲条例草案修改情况的汇报、"
                 "关于乙条例草案修改情况的汇报。", ["王强", "李刚"], id="a-list-fenbie-zuo-de"),
    pytest.param(LEAD + "会议听取了县审计局局长刘华关于审计工作情况的汇报。", ["刘华"], id="guanyu"),
    pytest.param(LEAD + "代表们认真听取了县长王平所作的政府工作报告。", ["王平"], id="suo-zuo-de"),
    pytest.param(LEAD + "会议听取了职工监事孙宝林的述职报告。", ["孙宝林"], id="de-shuzhi-baogao"),
    pytest.param(LEAD + "会议听取并审议了县人大常委会副主任周敏作的执法检查报告。", ["周敏"], id="tingqu-bing-shenyi"),
    pytest.param(LEAD + "会议听取了各部门的工作汇报。", [], id="no-one-named"),
    pytest.param(LEAD + "会议听取和审议了县财政局局长何平所作的关于预算执行情况的报告。", ["何平"], id="tingqu-he-shenyi-le"),
    pytest.param(LEAD + "会议听取审议了县财政局局长何平关于预算执行情况的报告。", ["何平"], id="tingqu-shenyi-le"),
    pytest.param(LEAD + "会议听取并讨论了县教育局局长孙丽作的工作汇报。", ["孙丽"], id="tingqu-bing-taolun-le"),
    pytest.param(LEAD + "会议听取了县长王平和副县长李刚的工作汇报。", ["王平", "李刚"], id="he-joined"),
]


@pytest.mark.parametrize(("text", "names"), HEARD)
def test_presenters_of_what_was_heard_are_speakers(extract, text, names):
    assert [p["name"] for p in extract(text)["speakers"]] == names


ISSUERS = [
    pytest.param(LEAD + "县长张华强调，一是要提高站位；二是要压实责任。", [("一是", "张华"), ("二是", "张华")],
                 id="a-speakers-points"),
    pytest.param(LEAD + "会议共有三项议程：一是县委办主任李军传达文件精神；二是县长张华讲话，希望大家担当作为；"
                 "三是各乡镇作交流发言。", [("一是", None), ("二是", None), ("三是", None)], id="steps-of-the-meeting"),
    pytest.param(LEAD + "会议强调，一要提高站位；二要压实责任。", [("一要", None), ("二要", None)], id="the-meetings-points"),
    pytest.param(LEAD + "县长张华讲话。县委书记王明指出，一是要提高站位；二是要压实责任。",
                 [("一是", "王明"), ("二是", "王明")], id="the-last-speaker-before-the-list"),
]


@pytest.mark.parametrize(("text", "issuers"), ISSUERS)
def test_a_list_has_one_issuer(extract, text, issuers):
    assert [(d["marker"], d["issuer"]) for d in extract(text)["directives"]] == issuers
