"""Attendance: the people and groups of 出席/参加/列席/到会/与会… clauses, split into items."""

from __future__ import annotations

import pytest

LEAD = "5月10日上午，学校在行政楼会议室召开工作会议。"
FORUM = "5月10日，第五届两岸青年论坛在厦门举行。"
GALA = "9月30日晚，省政府在省会议中心举行国庆招待会。"

#: <list> 出席/参加/列席 <meeting>: the list before the verb.
BEFORE_THE_VERB = [
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
    pytest.param("1月12日，全国工商联召开执委会议。国务院总理李华将出席会议。", ["李华"], id="jiang-after-name"),
    pytest.param(LEAD + "党委办公室、组织部全体工作人员，各二级党组织书记参加会议。",
                 ["党委办公室、组织部全体工作人员", "各二级党组织书记"], id="first-clause-without-a-list-mark"),
    pytest.param("5月10日，县政府召开常务会议。县政府副县长、县政府党组成员出席会议。",
                 ["县政府副县长", "县政府党组成员"], id="repeated-modifier-two-groups"),
    pytest.param(LEAD + "各科室主任、护士长以及新任职的副主任、护士长参加会议。",
                 ["各科室主任、护士长", "新任职的副主任、护士长"], id="bare-titles-share-the-modifier"),
    pytest.param("5月10日，省委召开全省乡村振兴工作会议。各市、县（区）和开发区，省直有关部门负责同志等参加会议。",
                 ["各市、县（区）和开发区，省直有关部门负责同志"], id="comma-inside-a-shared-head"),
    pytest.param("5月10日，省委召开理论学习中心组学习会。部分在京省委委员、省委候补委员，省直机关有关负责同志出席。",
                 ["部分在京省委委员、省委候补委员", "省直机关有关负责同志"], id="partitive-modifier-shared"),
    pytest.param("5月10日，市委召开座谈会。叶青、吴红、赵波等市领导出席会议。", ["叶青", "吴红", "赵波"],
                 id="category-after-names-is-their-title"),
    pytest.param("5月10日，市委召开座谈会。李国华、赵建民、钱伟、孙立平等党和国家领导人到会祝贺。",
                 ["李国华", "赵建民", "钱伟", "孙立平"], id="daohui-zhuhe-names-only"),
    pytest.param(LEAD + "教务处处长张明、人事处处长黄华等相关部门负责人参加会议。", ["张明", "黄华", "相关部门负责人"],
                 id="group-with-a-determiner-after-names"),
    pytest.param(LEAD + "乡镇包保领导、县派第一书记、驻村工作队成员等人员参加会议。",
                 ["乡镇包保领导", "县派第一书记", "驻村工作队成员"], id="deng-renyuan-dropped"),
    pytest.param("5月10日，某公司召开职工代表大会。职工代表、列席代表共120人出席会议。", ["职工代表", "列席代表"],
                 id="head-count-after-groups"),
    pytest.param(LEAD + "学院全体教职工共80余人参加会议。", ["学院全体教职工"], id="gong-head-count"),
    pytest.param(LEAD + "邀请学校的市政协委员、各支部书记、党外人士等15人列席了会议。",
                 ["学校的市政协委员", "各支部书记", "党外人士"], id="yaoqing-and-deng-head-count"),
    pytest.param("5月10日，市人民代表大会开幕。近600名市人大代表肩负人民重托出席大会。", ["近600名市人大代表"],
                 id="trailing-predicate-left-out"),
    pytest.param("5月10日，某论坛开幕。世界卫生组织总干事谭明德等出席活动并致辞。", ["谭明德"],
                 id="name-without-its-role"),
    pytest.param("3月12日，首都义务植树座谈会在京举行。王明远总书记连续13年参加座谈会。", ["王明远"],
                 id="name-before-title-and-a-duration"),
    pytest.param("5月10日，峰会开幕。韩国总统出席峰会。", ["韩国总统"], id="country-and-title-is-a-group"),
    pytest.param("5月10日，某国总统致信。我将和秘鲁总统以视频方式共同出席开港仪式。", [], id="first-person-is-no-group"),
    pytest.param("5月12日，市政协召开常委会议。周凯、郑宏、何涛、秦岭、彭亮等参加座谈会。",
                 ["周凯", "郑宏", "何涛", "秦岭", "彭亮"], id="bare-name-list"),
    pytest.param("5月12日，市政协召开常委会议。孟凡、苏辉、邵鸿、何报国、王光谦等参加座谈会。",
                 ["孟凡", "苏辉", "邵鸿", "何报国", "王光谦"], id="bare-name-list-rare-given-names"),
]

#: Attendance written with the verb first, a closing paragraph of groups, 到会/与会/莅临/收听收看.
OTHER_FORMS = [
    pytest.param(LEAD + "参加会议的有学院领导班子成员、各系主任和教研室主任。",
                 ["学院领导班子成员", "各系主任", "教研室主任"], id="canjia-huiyi-de-you"),
    pytest.param(LEAD + "出席会议的有校长张伟、副校长李红。", ["张伟", "李红"], id="chuxi-huiyi-de-you-names"),
    pytest.param("1月12日，市政协召开十届二次会议。出席会议的还有王明、李丽、陈刚、赵军。",
                 ["王明", "李丽", "陈刚", "赵军"], id="chuxi-huiyi-de-hai-you"),
    pytest.param("1月12日，市政协召开十届二次会议。出席会议的还有：王明、李丽、陈刚、赵军。",
                 ["王明", "李丽", "陈刚", "赵军"], id="hai-you-colon"),
    pytest.param("5月12日，省委召开党外人士座谈会。出席座谈会的党外人士还有周凯、郑宏、何涛、秦岭和彭亮、蒋文等。",
                 ["周凯", "郑宏", "何涛", "秦岭", "彭亮", "蒋文"], id="category-before-hai-you"),
    pytest.param("5月12日，省委召开党外人士座谈会。出席会议的党外人士还有陈明、万钢、李越峰、周忠和。",
                 ["陈明", "万钢", "李越峰", "周忠和"], id="name-ending-in-he"),
    pytest.param(GALA + "出席招待会的领导同志还有：马林、王立、孙洁、刘军、何平，省委、省人大常委会、省政府、"
                 "省政协领导同志。", ["马林", "王立", "孙洁", "刘军", "何平", "省委、省人大常委会、省政府、省政协领导同志"],
                 id="names-then-group-after-hai-you"),
    pytest.param("2月1日，省委、省政府举行春节团拜会。参加团拜会的还有省直各部门负责同志，各民主党派、工商联负责人"
                 "和无党派人士代表。", ["省直各部门负责同志", "各民主党派、工商联负责人", "无党派人士代表"],
                 id="canjia-de-hai-you-groups"),
    pytest.param("5月10日，市政府召开专题会议。与会的有市发改委、市财政局负责同志。", ["市发改委、市财政局负责同志"],
                 id="yuhui-de-you"),
    pytest.param("5月10日，公司召开办公会议。列席会议的有：办公室主任郭丽、财务部经理孙强。", ["郭丽", "孙强"],
                 id="liexi-de-you-colon"),
    pytest.param(GALA + "省直各部门和省会主要负责人，各民主党派负责人，部分外国专家和外国友人等也出席了招待会。",
                 ["省直各部门和省会主要负责人", "各民主党派负责人", "部分外国专家", "外国友人"], id="deng-ye-chuxi-le"),
    pytest.param(GALA + "各界知名人士代表，老干部代表，各国驻华使节、各国际组织驻华代表等也出席招待会。",
                 ["各界知名人士代表", "老干部代表", "各国驻华使节", "各国际组织驻华代表"], id="deng-ye-chuxi"),
    pytest.param("5月10日，全国政协召开专题协商会。省委副书记王海涛，以及省直有关部门负责同志应邀到会听取发言。",
                 ["王海涛", "省直有关部门负责同志"], id="yingyao-daohui"),
    pytest.param("5月10日，市政协召开专题协商会。市直有关部门和单位负责同志到会听取意见建议。",
                 ["市直有关部门和单位负责同志"], id="daohui-tingqu"),
    pytest.param("5月10日，县委召开对接会。县工作专班刘丽、李靖、王瑞等同志到会指导。", ["刘丽", "李靖", "王瑞"],
                 id="daohui-zhidao-deng-tongzhi"),
    pytest.param("5月10日，某峰会以视频方式举行。肯尼亚总统鲁托主持峰会，埃及总理马德布利、加纳总统阿库福、"
                 "塞内加尔总统法耶以及非盟代表与会。", ["马德布利", "阿库福", "法耶", "非盟代表"], id="yuhui"),
    pytest.param("5月10日，学院召开年度总结会。学院全体教职工共80余人参会。", ["学院全体教职工"], id="canhui"),
    pytest.param("5月10日，学校召开教学工作会议。省教育厅副厅长孙立新莅临会议指导。", ["孙立新"], id="lilin"),
    pytest.param("11月14日晚，全省安全生产工作视频会召开。县长吴立，县委常委、常务副县长王涛，县领导李平、陈刚"
                 "在县分会场收听收看会议。", ["吴立", "王涛", "李平", "陈刚"], id="fenhuichang-shouting-shoukan"),
    pytest.param("5月10日，省委召开座谈会。会前，中央领导同志会见了出席座谈会的全国优秀教师代表。", ["全国优秀教师代表"],
                 id="relative-clause-after-huijian"),
    pytest.param(FORUM + "大会开始前，王海会见了参加论坛的港澳青年代表。", ["港澳青年代表"], id="relative-clause-canjia"),
    pytest.param("5月10日，公司召开董事会。董事张伟因公未出席会议，委托董事李红代为出席并行使表决权。", ["李红"],
                 id="proxy-attends"),
    pytest.param("5月10日，公司召开董事会。本次会议应出席董事7名，实际出席董事7名，其中董事张立以通讯方式出席。", ["张立"],
                 id="qizhong-names"),
    pytest.param("5月10日，研讨会在京举行。来自全国高校、科研院所的专家学者共100余人参加研讨。",
                 ["来自全国高校、科研院所的专家学者"], id="canjia-yantao"),
    pytest.param("5月10日，县政府召开常务会议。会议邀请县人大常委会副主任王芳列席。", ["王芳"], id="yaoqing-liexi"),
    pytest.param("5月10日，副总理王明和新加坡副总理颜金平共同见证了合作成果展示，并出席了纪念雕塑揭幕仪式。",
                 ["王明", "颜金平"], id="subject-of-a-verb-chain"),
    pytest.param("5月10日，公司召开董事会。董事长秦明先生，董事王宇先生，独立董事徐英女士、宋亮先生因工作原因，"
                 "以通讯方式参加。", ["秦明", "王宇", "徐英", "宋亮"], id="names-with-honorifics-and-a-reason"),
    pytest.param("5月10日，西部论坛开幕。总书记王明率中央代表团来到西宁并出席大会。", ["王明", "中央代表团"],
                 id="leader-and-delegation"),
    pytest.param("5月10日，市委召开座谈会。学习贯彻主题教育市委第二指导组有关负责同志出席会议。",
                 ["学习贯彻主题教育市委第二指导组有关负责同志"], id="group-named-by-a-verb"),
    pytest.param("5月10日，论坛开幕。中外运动员、体育界人士以及青少年代表等约500人出席开幕式。",
                 ["中外运动员", "体育界人士", "青少年代表"], id="verb-inside-a-noun"),
    pytest.param("5月10日，论坛开幕。厄瓜多尔前总统拉索、爱尔兰前总理埃亨、坦桑尼亚前总理平达等出席。",
                 ["拉索", "埃亨", "平达"], id="foreign-names-each-with-a-role"),
    pytest.param("5月10日，论坛开幕。论坛理事长潘明等来自60多个国家和地区的1500多位代表参加。",
                 ["潘明", "来自60多个国家和地区的1500多位代表"], id="more-people-after-deng"),
    pytest.param("5月10日，峰会开幕。越南总理范明、泰国总理赛塔等21个国家领导人出席峰会。", ["范明", "赛塔"],
                 id="counted-category-restates-the-names"),
    pytest.param("5月10日，座谈会召开。尹力、陈敏、吴隆及省直有关部门负责同志等参加座谈会。",
                 ["尹力", "陈敏", "吴隆", "省直有关部门负责同志"], id="names-then-group-in-one-conjunct"),
]

#: Not attendance at all.
NOT_ATTENDANCE = [
    pytest.param("5月10日，委员长会议举行。会议审议了委员长王明访问三国并出席世界议长大会情况的书面报告。",
                 [], id="attending-inside-a-reports-title"),
    pytest.param("1月12日，国务院召开常务会议。国务院总理李华在出席亚太经合组织会议时指出，要扩大开放。", [],
                 id="zai-chuxi-shi-is-a-time"),
    pytest.param(LEAD + "校长张伟未出席会议。", [], id="absentee"),
    pytest.param(LEAD + "党委书记刘建国主持会议。", [], id="chair-alone-not-attendee"),
    pytest.param("5月10日，公司召开董事会。本次会议应出席董事9人，实际出席董事9人。", [], id="head-count"),
    pytest.param("5月10日，委员长王明在海南同出席论坛年会的中外企业家代表座谈。", [], id="tong-chuxi-de-object"),
    pytest.param("5月10日，公司召开股东大会。出席会议的股东及股东代表共25人。", [], id="head-count-relative"),
    pytest.param("10月7日，省纪委全会在省城举行。出席这次全会的有省纪委委员49人，列席2人。", [], id="head-count-listed"),
    pytest.param("5月10日，公司召开董事会。会议应出席董事9名，实际出席董事9名（其中3名董事以通讯表决方式出席会议）。", [],
                 id="qizhong-breakdown-of-a-count"),
    pytest.param("5月10日，公司召开股东大会。本次会议无社会公众股股东出席。", [], id="wu-nobody-attended"),
    pytest.param("在国家主席王明出席峰会并进行国事访问之际，纪念活动在利马举行。", [], id="zai-zhiji-time-clause"),
    pytest.param("5月10日，省政协召开全体会议。与会委员认为，要加强协商。", [], id="yuhui-modifies-a-noun"),
    pytest.param("5月10日，省人大常委会召开主任会议。会议听取了李明作的关于调整本省出席全国代表大会代表名额的汇报。", [],
                 id="chuxi-inside-a-noun-phrase"),
    pytest.param("5月10日，省委召开常委会会议。全省各地选举产生了出席省第十二次党代会代表。", [],
                 id="chuxi-daibiao-compound"),
    pytest.param("5月10日，公司召开董事会。董事刘洋请假。", [], id="qingjia"),
    pytest.param("5月10日，市委召开常委会会议。会议要求，各级领导干部要带头参加组织生活。", [], id="content-of-a-request"),
]

#: Minutes headers: 出席：/列席：/参会： fields, names separated by spaces.
HEADERS = [
    pytest.param("学院党政联席会议纪要\n参会：黄立 管青 王国强 徐凌 李梅\n请假：胡晓\n列席：关飞 郭媛 张 静\n",
                 ["黄立", "管青", "王国强", "徐凌", "李梅", "关飞", "郭媛", "张 静"], id="space-separated-names"),
    pytest.param("办公会议纪要\n出席：刘洋、孙涛、何静\n列席：各部门负责人\n", ["刘洋", "孙涛", "何静", "各部门负责人"],
                 id="names-and-group"),
]


def check(extract, text: str, attendees: list[str]) -> None:
    record = extract(text)

    assert record["attendees"] == attendees
    for index, item in enumerate(attendees):
        evidence = record["evidence"][f"/attendees/{index}"]
        assert text[evidence["start"]:evidence["end"]] == item


@pytest.mark.parametrize(("text", "attendees"), BEFORE_THE_VERB)
def test_list_before_the_verb(extract, text, attendees):
    check(extract, text, attendees)


@pytest.mark.parametrize(("text", "attendees"), OTHER_FORMS)
def test_other_forms(extract, text, attendees):
    check(extract, text, attendees)


@pytest.mark.parametrize(("text", "attendees"), NOT_ATTENDANCE)
def test_not_attendance(extract, text, attendees):
    check(extract, text, attendees)


@pytest.mark.parametrize(("text", "attendees"), HEADERS)
def test_minutes_headers(extract, text, attendees):
    check(extract, text, attendees)


#: An attendance that a frequency or past adverb places on other occasions (曾多次出席…, 每年都参加…):
#: not an attendee of this meeting. 首次, 再次 and 连续五年 attend this one too.
OTHER_OCCASIONS = [
    pytest.param(LEAD + "校长张伟连续五年参加此类会议。", ["张伟"], id="lianxu-n-nian-counts-this-one"),
    pytest.param(LEAD + "李明书记曾多次出席该论坛。", [], id="ceng-duoci"),
    pytest.param(LEAD + "李明书记每年都参加义务植树活动。", [], id="meinian"),
    pytest.param(LEAD + "李明书记曾于去年出席年会并讲话。", [], id="ceng-yu"),
    pytest.param(LEAD + "李明书记多年来坚持参加志愿服务活动。", [], id="duonianlai"),
    pytest.param(LEAD + "李明书记历届都出席颁奖仪式。", [], id="lijie"),
    pytest.param(LEAD + "校长张伟首次出席会议并讲话。", ["张伟"], id="shouci-is-this-meeting"),
    pytest.param(LEAD + "校长张伟再次出席会议。", ["张伟"], id="zaici-is-this-meeting"),
    pytest.param(LEAD + "校长张伟第一次参加此类会议。", ["张伟"], id="diyici-is-this-meeting"),
    pytest.param(LEAD + "出席会议的还有：王明、曾华、张均、艾力·阿不都。", ["王明", "曾华", "张均", "艾力·阿不都"],
                 id="names-holding-adverb-characters"),
    pytest.param(LEAD + "副校长曾华、张均、李明出席会议。", ["曾华", "张均", "李明"], id="zeng-surname-after-title"),
    pytest.param(LEAD + "总统首席特别顾问张明出席会议。", ["张明"], id="adverb-inside-a-role"),
]


@pytest.mark.parametrize(("text", "attendees"), OTHER_OCCASIONS)
def test_attendance_of_other_occasions_is_none(extract, text, attendees):
    assert extract(text)["attendees"] == attendees


def test_a_list_after_a_verb_ends_at_the_next_attendance_verb(candidates):
    """出席会议的有…，列席会议的有…: each list is read once, the first not on into the second (a
    sentence of many such lists was read once per verb to its end: quadratic)."""
    text = LEAD + "出席会议的有校长张伟、副校长李红，列席会议的有处长王强、刘梅。"
    assert [name for name, _ in candidates(text, "ATTEND")] == ["张伟", "李红", "王强", "刘梅"]
