"""Agenda: what the meeting did (CONVENTIONS rule 7), as tables of sentences written for each construction."""

from __future__ import annotations

import pytest

LEAD = "5月10日上午，学校在行政楼会议室召开工作会议。"

AGENDA = [
    pytest.param(LEAD + "会议传达学习了全国教育大会精神，听取了关于本科教学评估工作的汇报，审议了《学校章程修订草案》。",
                 ["传达学习了全国教育大会精神", "听取了关于本科教学评估工作的汇报", "审议了《学校章程修订草案》"],
                 id="three-acts"),
    pytest.param(LEAD + "会议通报了上半年安全工作情况，研究部署了下半年重点工作。会议强调，要抓牢抓实安全责任。",
                 ["通报了上半年安全工作情况", "研究部署了下半年重点工作"], id="not-huiyi-qiangdiao-content"),
    pytest.param("5月10日上午，县委召开常委会会议，传达学习省委全会精神，研究部署全县经济工作。",
                 ["传达学习省委全会精神", "研究部署全县经济工作"], id="acts-in-the-lead"),
    pytest.param("5月10日上午，学院召开党政联席会议，审议通过了《学院绩效分配办法》。",
                 ["审议通过了《学院绩效分配办法》"], id="shenyi-tongguo"),
    pytest.param(LEAD + "会议表彰了年度优秀教师，讨论了学校发展规划。", ["表彰了年度优秀教师", "讨论了学校发展规划"],
                 id="biaozhang-taolun"),
    pytest.param(LEAD + "会议首先传达学习了省委全会精神。随后，会议听取了各单位工作汇报。",
                 ["传达学习了省委全会精神", "听取了各单位工作汇报"], id="sequence-words-left-out"),
    pytest.param(LEAD + "会议传达了教育部有关文件精神、通报了近期校园安全情况、研究了暑期工作安排。",
                 ["传达了教育部有关文件精神", "通报了近期校园安全情况", "研究了暑期工作安排"], id="acts-joined-by-dun"),
    pytest.param(LEAD + "会议审议并原则通过了《学校“十四五”发展规划》。", ["审议并原则通过了《学校“十四五”发展规划》"],
                 id="shenyi-bing-yuanze-tongguo"),
    pytest.param("5月10日上午，学校召开党委常委会，学习《习近平谈治国理政》第四卷和《中国共产党章程》。",
                 ["学习《习近平谈治国理政》第四卷和《中国共产党章程》"], id="several-book-titles-one-item"),
    pytest.param("5月10日，县委召开常委会会议。县委副书记、县长张晓峰传达了省委会议精神。", ["传达了省委会议精神"],
                 id="presenter-act-subject-left-out"),
    pytest.param(LEAD + "党委书记王明就下一步工作进行了部署。", ["就下一步工作进行了部署"], id="jiu-lead-in"),
    pytest.param(LEAD + "会议强调，要认真学习贯彻会议精神，研究制定具体措施。", [], id="only-huiyi-qiangdiao"),
    pytest.param(LEAD + "校长张伟指出，要研究制定具体措施，认真审议各项方案。", [], id="speech-content"),
    pytest.param(LEAD + "各学院负责人先后发言。", [], id="speeches-are-not-agenda"),
]


@pytest.mark.parametrize(("text", "agenda"), AGENDA)
def test_agenda(extract, text, agenda):
    record = extract(text)

    assert record["agenda"] == agenda
    for item in agenda:
        assert item in text


CONSTRUCTIONS = [
    pytest.param(LEAD + "县长王平代表县政府作政府工作报告。", ["代表县政府作政府工作报告"], id="presenter-daibiao"),
    pytest.param(LEAD + "财政局局长李强向会议作了关于预算执行情况的报告。", ["向会议作了关于预算执行情况的报告"],
                 id="presenter-xiang-huiyi-zuo"),
    pytest.param(LEAD + "副县长钱明、孙伟分别就分管工作作了汇报。", ["分别就分管工作作了汇报"], id="presenters-fenbie"),
    pytest.param(LEAD + "在开幕会上，县委副书记刘强向与会代表通报了筹备情况。", ["向与会代表通报了筹备情况"],
                 id="presenter-after-an-occasion"),
    pytest.param(LEAD + "党委书记王明主持会议并部署了安全生产工作。", ["部署了安全生产工作"], id="chairs-and-deploys"),
    pytest.param(LEAD + "办公室主任李军传达了上级文件精神，安排了近期工作任务，宣读了人员名单。",
                 ["传达了上级文件精神", "安排了近期工作任务", "宣读了人员名单"], id="presenter-goes-on"),
    pytest.param(LEAD + "县委书记王明作动员部署讲话。", [], id="a-speech-is-not-an-item"),
    pytest.param(LEAD + "县委书记王明对下一步工作提出了明确要求。", [], id="requirements-are-a-speech"),
    pytest.param(LEAD + "会议部署了下半年防汛工作。", ["部署了下半年防汛工作"], id="huiyi-bushu"),
    pytest.param(LEAD + "会议部署加快重大项目建设的有关举措。", ["部署加快重大项目建设的有关举措"], id="huiyi-bushu-bare"),
    pytest.param(LEAD + "会议对年度先进集体和先进个人进行了表彰。", ["对年度先进集体和先进个人进行了表彰"],
                 id="jinxing-le-biaozhang"),
    pytest.param(LEAD + "会议对上半年工作给予充分肯定，同意下半年工作安排。",
                 ["对上半年工作给予充分肯定", "同意下半年工作安排"], id="huiyi-dui-lead-in"),
    pytest.param(LEAD + "会议就当前经济形势听取了各方面的意见建议。", ["就当前经济形势听取了各方面的意见建议"],
                 id="huiyi-jiu-tingqu"),
    pytest.param("5月10日，大会主席团召开第二次主席团会议。主席团会议听取了大会秘书长关于议案处理情况的汇报。",
                 ["听取了大会秘书长关于议案处理情况的汇报"], id="named-meeting-as-subject"),
    pytest.param("县人大常委会第八次会议5月10日闭幕。主任会议建议，将报告提请下次会议审议。", [],
                 id="another-body-proposes"),
    pytest.param("5月10日，市委常委会召开会议，分析研究上半年经济形势；听取市纪委工作汇报，研究部署下半年重点工作。",
                 ["分析研究上半年经济形势", "听取市纪委工作汇报", "研究部署下半年重点工作"], id="lead-items-chained"),
    pytest.param(LEAD + "会议听取了财经委关于计划执行情况的报告，关于预算执行情况的报告。",
                 ["听取了财经委关于计划执行情况的报告，关于预算执行情况的报告"], id="objects-over-a-comma"),
    pytest.param(LEAD + "会议通过了关于免去张某某副主任职务，撤销其委员资格的决定。",
                 ["通过了关于免去张某某副主任职务，撤销其委员资格的决定"], id="guanyu-over-a-comma"),
    pytest.param(LEAD + "会议学习了“坚持人民至上，坚持自我革命”的重要论述。",
                 ["学习了“坚持人民至上，坚持自我革命”的重要论述"], id="comma-inside-quotes"),
    pytest.param(LEAD + "会议传达学习了省委全会精神。此前，县委书记王明主持召开专题会议，听取了项目建设情况汇报。",
                 ["传达学习了省委全会精神"], id="another-event-before"),
    pytest.param(LEAD + "会议传达学习了省委全会精神。会后，与会人员参观了廉政教育基地。", ["传达学习了省委全会精神"],
                 id="another-event-after"),
    pytest.param(LEAD + "会议审议通过了会议议程，决定6月下旬召开县政协常委会第五次会议。",
                 ["审议通过了会议议程", "决定6月下旬召开县政协常委会第五次会议"], id="decides-to-convene"),
    pytest.param(LEAD + "会议决定，对甲办法予以修改，对乙规定予以废止。", ["决定，对甲办法予以修改", "对乙规定予以废止"],
                 id="decisions-after-jueding"),
    pytest.param(LEAD + "与会人员分组对工作报告进行了认真讨论。", ["与会人员分组对工作报告进行了认真讨论"],
                 id="group-subject-stays"),
    pytest.param(LEAD + "会议以无记名投票方式选举王强为副县长。", ["选举王强为副县长"], id="vote-mode-left-out"),
    pytest.param("王明传达会议精神\n" + LEAD + "县委书记王明传达了省委全会精神。", ["传达了省委全会精神"],
                 id="a-caption-line-is-not-an-item"),
    pytest.param(LEAD + "县委书记王明强调，要提高站位。要认真学习会议精神，研究部署具体措施。", [],
                 id="content-goes-on-in-the-next-sentence"),
    pytest.param("5月10日，学院举行专题学习会集中学习了《党委会的工作方法》。", ["集中学习了《党委会的工作方法》"],
                 id="act-glued-to-the-meeting-name"),
    pytest.param(LEAD + "委员长会议建议的议程还有：审议甲报告，审议乙报告。", [], id="jianyi-de-is-a-modifier"),
    pytest.param(LEAD + "会议听取了财经委副主任张明作的关于甲草案的报告，法制委副主任李刚作的关于乙草案的汇报。",
                 ["听取了财经委副主任张明作的关于甲草案的报告，法制委副主任李刚作的关于乙草案的汇报"],
                 id="presenters-of-one-heard-object"),
    pytest.param(LEAD + "会议听取关于物流降本行动落实情况汇报，部署拓展绿色贸易的有关举措。",
                 ["听取关于物流降本行动落实情况汇报", "部署拓展绿色贸易的有关举措"], id="a-closed-guanyu-phrase"),
    pytest.param(LEAD + "校长张伟在会上发表重要讲话强调，建设一流学科是学校的需要，要认真落实学校部署，加强协调配合。",
                 [], id="content-after-a-speech-and-its-verb"),
    pytest.param(LEAD + "会议通过了关于工作报告的决议。决议指出，会议充分肯定学校过去一年的工作，同意报告提出的目标。",
                 ["通过了关于工作报告的决议"], id="what-a-resolution-says"),
    pytest.param(LEAD + "会议强调，要把主题教育同推动学校发展的重点任务结合起来。\n"
                 "自觉同落实上级的各项决策部署结合起来，同学校的重点任务结合起来。", [],
                 id="no-group-subject-in-a-lead-in-phrase"),
    pytest.param("5月10日，党组理论学习中心组举行集体学习，认真学习贯彻省委全会精神。",
                 ["认真学习贯彻省委全会精神"], id="a-collective-study-is-held"),
    pytest.param(LEAD + "副县长钱明介绍调研成果，高度评价县委作出的重大部署，提出务实的政策建议。",
                 ["介绍调研成果"], id="zuochu-de-bushu-is-a-noun"),
    pytest.param(LEAD + "李光明常委代表民盟中央发言建议，加强生态保护。", [], id="a-speech-by-someone-unknown"),
    pytest.param(LEAD + "其他院领导也分别结合各自分管的工作，对医院管理等方面进行了深入的讨论。",
                 ["其他院领导也分别结合各自分管的工作，对医院管理等方面进行了深入的讨论"], id="a-group-acts-over-a-comma"),
    pytest.param(LEAD + "会议表彰了年度先进个人，通过选树先进典型，弘扬创先争优精神。", ["表彰了年度先进个人"],
                 id="tongguo-by-means-of"),
    pytest.param(LEAD + "会议通过了学校章程修正案，通过关于调整机构设置的决定。",
                 ["通过了学校章程修正案", "通过关于调整机构设置的决定"], id="tongguo-adopts"),
    pytest.param(LEAD + "会议听取了学位授权点评估工作汇报。", ["听取了学位授权点评估工作汇报"], id="not-a-verb-inside-a-word"),
    pytest.param(LEAD + "研究生院院长李琳对学位授权点评估政策进行了解读说明。", ["对学位授权点评估政策进行了解读说明"],
                 id="presenting-past-a-word-holding-a-verb"),
    pytest.param(LEAD + "市长李华在市政府与企业家代表座谈交流。", ["与企业家代表座谈交流"], id="a-participant-holds-talks"),
    pytest.param(LEAD + "市长李华出席座谈会。", [], id="attending-a-forum-is-no-item"),
    pytest.param("委员长赵乐际今天在山东出席全国地方立法工作座谈会。他强调，要做好立法工作。", [],
                 id="attending-a-gongzuo-zuotanhui-is-no-item"),
    pytest.param(LEAD + "市长李华出席企业合作研讨会。", [], id="attending-a-hezuo-yantaohui-is-no-item"),
    pytest.param(LEAD + "市长李华在会上作了说明。", ["在会上作了说明"], id="zuo-le-shuoming-is-an-item"),
    pytest.param(LEAD + "市长李华在作报告时说，今年经济稳中向好。", [], id="zai-zuo-baogao-shi-shuo"),
    pytest.param(LEAD + "会议听取了项目办的汇报，指出了建设中存在的问题，会议就加快建设进行了讨论，对开幕式进行了安排部署。",
                 ["听取了项目办的汇报", "就加快建设进行了讨论", "对开幕式进行了安排部署"], id="zhichu-le-an-object"),
    pytest.param(LEAD + "会议听取了项目办的汇报。会议指出，要加快建设，对开幕式进行安排部署。", ["听取了项目办的汇报"],
                 id="zhichu-comma-content"),
    pytest.param(LEAD + "市长李华在作总结讲话时强调，要抓好落实。", [], id="zai-zuo-zongjie-jianghua-shi"),
    pytest.param("县政协第三次全体会议5月10日开幕。本次大会将听取和审议常委会工作报告，审议通过决议，选举副主席。", [],
                 id="what-the-meeting-will-do"),
    pytest.param("第十次峰会5月10日开幕。峰会通过了《北京宣言》。", ["通过了《北京宣言》"], id="the-summit-as-subject"),
    pytest.param("全省工作论坛5月10日举行。论坛发布了年度报告。", [], id="the-forum-publishes-no-agenda-act"),
    pytest.param(LEAD + "会议研究决定事项如下\n会议听取了办公室的汇报。", ["听取了办公室的汇报"], id="announcing-a-list"),
    pytest.param(LEAD + "经研究，会议决定如下事项：\n1.同意拨付经费。", [], id="announcing-decisions-below"),
    pytest.param(LEAD + "全体党员干部要结合工作实际，认真学习会议精神。", [], id="a-group-told-to-act"),
    pytest.param(LEAD + "班子成员、各部门负责人对照上级要求，谈学习体会。", [], id="a-group-talks-of-what-it-learnt"),
    pytest.param(LEAD + "与会人员结合工作实际交流了心得体会。", [], id="a-group-exchanges-what-it-learnt"),
    pytest.param(LEAD + "青年教师代表谈了感想。", [], id="a-group-talks-of-impressions"),
    pytest.param(LEAD + "来自各地的十二名企业家先后介绍了企业情况。", ["来自各地的十二名企业家先后介绍了企业情况"],
                 id="a-group-presents"),
    pytest.param("5月10日，校长张伟主持召开校长办公会，深入学习贯彻上级会议的重要讲话精神，强调要抓好落实。",
                 ["深入学习贯彻上级会议的重要讲话精神"], id="study-of-a-speech-after-convening"),
]


@pytest.mark.parametrize(("text", "agenda"), CONSTRUCTIONS)
def test_agenda_constructions(extract, text, agenda):
    assert extract(text)["agenda"] == agenda


#: In minutes, numbered items are the topics the meeting took up (agenda items), unless the list
#: states requirements (一、要…, 一要…): then they are directives only.
MINUTES_LISTS = [
    pytest.param("区政协主席会议纪要\n3月1日，区政协召开主席会议。\n一、学习上级文件精神\n二、协商年度工作要点\n",
                 ["学习上级文件精神", "协商年度工作要点"], 2, id="topics"),
    pytest.param("现场办公会议纪要\n9月1日下午，市长王明在项目现场召开现场办公会。会议听取了项目办的汇报。现纪要如下：\n"
                 "一、要确保剧场顺利建成。\n二、加快景观改造提升。\n", ["听取了项目办的汇报"], 2, id="requirements"),
    pytest.param("现场办公会议纪要\n9月1日下午，市长王明在项目现场召开现场办公会。会议听取了项目办的汇报。会议要求：\n"
                 "一要确保剧场顺利建成；二要加快景观改造提升。\n", ["听取了项目办的汇报"], 2, id="yiyao-list"),
]


@pytest.mark.parametrize(("text", "agenda", "directives"), MINUTES_LISTS)
def test_numbered_items_of_minutes(extract, text, agenda, directives):
    record = extract(text)
    assert (record["kind"], record["agenda"], len(record["directives"])) == ("minutes", agenda, directives)
