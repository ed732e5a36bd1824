"""Documents that report no meeting held (kind "other", CONVENTIONS rule 14), and meeting reports
that look like them. The decision rests on evidence that a meeting was held (components/held.py,
assemble/kind.py): a report must never be silenced."""

from __future__ import annotations

import pytest

from meetingx.record import MEETING_LISTS, MEETING_SCALARS

NOT_MEETINGS = [
    pytest.param("市长王建国到高新区调研科技创新工作\n5月12日，市长王建国带领市直有关部门负责同志到高新区调研科技创新工作。"
                 "王建国一行先后走进两家企业，详细了解研发投入和成果转化情况。他指出，要强化企业创新主体地位。",
                 "held.inspection", id="inspection-diaoyan"),
    pytest.param("省委书记李卫东在青山县考察乡村振兴工作\n6月3日，省委书记李卫东深入青山县考察乡村振兴工作。在茶叶合作社，"
                 "他察看茶园长势，与种植户亲切交谈。李卫东强调，要因地制宜发展特色产业。", "held.inspection",
                 id="inspection-kaocha"),
    pytest.param("区长赵明视察防汛准备工作\n7月1日上午，区长赵明视察全区防汛重点部位，实地察看河道清淤和泵站运行情况。"
                 "赵明要求，各部门要压实责任，确保安全度汛。", "held.inspection", id="inspection-shicha"),
    pytest.param("县领导走访慰问困难党员\n春节前夕，县委书记孙立平走访慰问困难党员和老党员，送去慰问金和节日祝福。"
                 "孙立平叮嘱随行的镇村干部，要把党员群众的冷暖放在心上。", "held.inspection", id="inspection-zoufang"),
    pytest.param("副市长周红带队检查化工园区安全生产\n9月20日，副市长周红带队到化工园区检查安全生产工作，实地查看危化品仓储管理情况。"
                 "周红强调，要以零容忍的态度查处安全隐患。", "held.inspection", id="inspection-jiancha"),
    pytest.param("关于召开2025年全市宣传工作会议的通知\n各区宣传部，市直各单位：\n经研究，定于2025年3月10日上午9:00在市行政中心"
                 "第一会议室召开全市宣传工作会议。现将有关事项通知如下：\n一、参会人员：各区宣传部部长。\n"
                 "二、请各单位于3月7日前报送参会人员名单。\n市委宣传部办公室\n2025年3月3日", "held.future-notice",
                 id="notice-dingyu"),
    pytest.param("学校将于下周召开新学期教职工大会\n据悉，学校将于9月2日下午在大礼堂召开新学期教职工大会，部署新学期重点工作。"
                 "全体教职工参加，请各部门提前做好准备。", "held.future-notice", id="notice-jiangyu"),
    pytest.param("市政协十届五次常委会议拟于6月中旬召开\n记者从市政协获悉，市政协十届五次常委会议拟于6月中旬召开，"
                 "届时将围绕优化营商环境协商议政。", "held.future-notice", id="notice-niyu"),
    pytest.param("2025全球数字经济大会即将开幕\n2025全球数字经济大会即将在北京开幕。据主办方介绍，本届大会将举办开幕式、主论坛"
                 "和二十余场专题论坛，预计有来自四十多个国家和地区的嘉宾参会。", "held.future-notice", id="notice-jijiang"),
    pytest.param("电视台明天将直播市人代会开幕会\n市十七届人大三次会议将于明天上午9时在市会议中心举行开幕会，"
                 "市长将作政府工作报告。届时，市电视台综合频道将进行现场直播。", "held.future-notice", id="notice-broadcast"),
    pytest.param("关于召开2024年第一次临时股东大会的通知\n本公司董事会决定于2024年8月15日召开2024年第一次临时股东大会，"
                 "现将有关事项通知如下：\n一、会议时间：2024年8月15日14:00\n二、会议地点：公司会议室\n"
                 "三、审议事项：关于修订公司章程的议案", "held.future-notice", id="notice-shareholders"),
    pytest.param("专访丨市科技局局长谈创新生态建设\n记者：今年以来，全市在科技创新方面有哪些新举措？\n"
                 "张华：我们出台了支持企业研发的十条措施，去年市政府常务会议审议通过了这些措施。\n"
                 "记者：下一步有什么打算？\n张华：我们将继续召开企业家座谈会，听取企业意见。", "held.interview",
                 id="interview-zhuanfang"),
    pytest.param("市教育局负责人就中小学课后服务答记者问\n问：为什么要推进课后服务？\n答：课后服务是一项民生工程。"
                 "今年3月，市政府常务会议审议通过了实施方案。\n问：费用如何承担？\n答：由财政补助和家长分担。",
                 "held.interview", id="interview-qa"),
    pytest.param("在全市优化营商环境大会上的讲话\n（2024年2月20日）\n市长 王建国\n同志们：\n今天，我们召开全市优化营商环境大会，"
                 "主要任务是总结去年工作，部署今年任务。刚才，会议表彰了先进单位。", "held.speech", id="speech-transcript"),
    pytest.param("深入学习贯彻党的二十届三中全会精神 奋力推进改革发展\n党的二十届三中全会审议通过的《决定》，"
                 "对进一步全面深化改革作出系统部署。我们要深刻领会全会精神，把思想和行动统一到党中央决策部署上来。",
                 "held.study-piece", id="study-piece"),
    pytest.param("本报评论员：以钉钉子精神抓好会议精神落实\n连日来，各地各部门认真学习领会全市经济工作会议精神。"
                 "会议明确的各项任务，需要以钉钉子精神抓落实。", "held.article", id="commentary"),
    pytest.param("各地干部群众热议全会精神\n党的二十届四中全会胜利闭幕后，全会精神在各地干部群众中引发热烈反响。"
                 "大家表示，要把全会精神落实到本职工作中。", "held.media-reaction", id="reaction-after-plenum"),
    pytest.param("市人民政府关于任免工作人员的通知\n经市人民政府研究决定：\n任命张三为市发展和改革委员会副主任；\n"
                 "免去李四的市财政局副局长职务。", "held.personnel", id="personnel-notice"),
    pytest.param("中共某市委关于张三同志任职的通知\n经市委常委会研究决定：\n张三同志任市委办公室主任。",
                 "held.personnel", id="personnel-decided-by-way-of-meeting"),
    pytest.param("省人大常委会任免名单\n任命王五为省高级人民法院副院长。\n免去赵六的省人民检察院检察员职务。",
                 "held.personnel", id="personnel-list"),
    pytest.param("国际媒体持续关注中国发展高层论坛\n连日来，多家国际媒体持续关注在北京举行的中国发展高层论坛。"
                 "一家英国报纸报道称，中国经济展现出强大韧性。", "held.media-reaction", id="media-reaction"),
    pytest.param("省委省政府致信祝贺省科协第十次代表大会召开\n值此省科学技术协会第十次代表大会召开之际，省委、省政府致信大会，"
                 "向全省广大科技工作者致以诚挚问候。贺信指出，希望全省科技工作者勇攀高峰。", "held.letter",
                 id="letter-congratulating"),
    pytest.param("中法文化交流周在巴黎开幕\n当地时间5月6日，中法文化交流周在巴黎开幕。法国总统向活动发来贺信，"
                 "表示值此中国国家主席出席二十国集团峰会之际，这一活动意义重大。", "held.letter", id="letter-at-event"),
    pytest.param("我市新建5G基站突破一万座\n记者从市通信管理局获悉，截至6月底，全市累计建成5G基站10235座。"
                 "此前，市政府召开专题会议，部署加快新型基础设施建设。", "held.mentioned-only", id="mentioned-before"),
    pytest.param("全市首届非遗文化节开幕\n5月18日，全市首届非遗文化节在文化广场开幕，二十余个非遗项目集中展示。",
                 "held.event", id="event-festival"),
    pytest.param("某国新总统宣誓就职\n当地时间5月10日，某国新当选总统在首都宣誓就职，并发表就职演说。",
                 "held.personnel", id="inauguration"),
    pytest.param("文章指出，大会取得圆满成功\n中央有关部门今天发表署名文章。文章指出，国家主席出席庆祝大会并发表重要讲话，"
                 "充分体现了党中央的关怀。", "held.article", id="article-quoting-meeting"),
    pytest.param("代表们参观主题成就展\n出席全市第十次党代会的代表们昨天来到市展览馆，参观主题成就展。",
                 "held.mentioned-only", id="delegates-visit"),
    pytest.param("副总理同美国财长简短交谈\n当地时间11月19日，国务院副总理在曼谷出席亚太经合组织部长级会议期间，"
                 "应约同美国财长简短交谈。", "held.mentioned-only", id="talk-during-meeting"),
]


@pytest.mark.parametrize(("text", "rule"), NOT_MEETINGS)
def test_no_meeting_gives_kind_other_and_no_values(extract, text, rule):
    record = extract(text)
    assert record["kind"] == "other"
    assert all(record[key] is None for key in MEETING_SCALARS)
    assert all(record[key] == [] for key in MEETING_LISTS)
    warnings = [w for w in record["warnings"] if w["code"] == "document.no-meeting"]
    assert len(warnings) == 1 and rule in warnings[0]["message"]
    assert [w["code"] for w in record["warnings"]] == ["document.no-meeting"]
    assert record["evidence"]["/kind"]["rule"].startswith("held.")


MEETINGS = [
    pytest.param("5月10日，公司召开董事会。董事张伟因公未出席会议，委托董事李红代为出席。", id="a-board-convened-an-absentee"),
    pytest.param("5月10日，学会召开第三届理事会，审议通过了年度工作报告。", id="a-council-convened"),
    pytest.param("5月10日，县政协召开主席会议，县政协副主席王强因病未参加会议。", id="a-member-absent"),
    pytest.param("市长王建国到高新区调研并主持召开座谈会\n5月12日，市长王建国到高新区调研科技创新工作，并主持召开企业家座谈会，"
                 "听取企业意见建议。", id="diaoyan-then-zuotanhui"),
    pytest.param("省委书记李卫东在青山县调研\n6月3日，省委书记李卫东深入青山县调研乡村振兴工作。他先后来到茶叶合作社和村卫生室。\n"
                 "调研期间，李卫东主持召开座谈会，听取县委县政府工作汇报。", id="diaoyan-meeting-later"),
    pytest.param("关于召开全市安全生产工作会议的通知\n各区政府，市政府各部门：\n4月8日，市政府召开第十五次常务会议，"
                 "研究决定召开全市安全生产工作会议。现将有关事项通知如下：\n一、会议时间：4月15日上午9时。",
                 id="notice-reporting-the-deciding-meeting"),
    pytest.param("学院召开中心组学习会 学习贯彻全会精神\n11月5日，学院党委理论学习中心组召开专题学习会，"
                 "深入学习贯彻党的二十届三中全会精神。", id="study-meeting"),
    pytest.param("区政府第十二次常务会议纪要\n时间：2024年3月5日\n地点：区政府三楼会议室\n主持：区长张伟\n"
                 "出席：王强、李敏、赵刚\n会议研究了以下事项：", id="minutes"),
    pytest.param("长青科技股份有限公司第三届董事会第五次会议决议公告\n本公司董事会及全体董事保证公告内容真实。\n"
                 "一、审议通过《关于2024年度利润分配的议案》\n表决结果：同意9票，反对0票，弃权0票。", id="announcement"),
    pytest.param("近日，市委召开常委会会议，传达学习全国两会精神，研究部署我市贯彻落实工作。", id="jinri"),
    pytest.param("日前，县人大常委会召开主任会议，研究部署下半年监督工作。", id="riqian"),
    pytest.param("市委常委会召开会议 研究部署下半年工作\n7月10日，市委常委会召开会议，研究部署下半年工作。"
                 "会议决定，市委十三届六次全会将于7月下旬召开。", id="future-meeting-inside-report"),
    pytest.param("会议听取了市发展改革委关于上半年经济运行情况的汇报。会议要求，各部门要抓好落实，"
                 "下次会议将于8月初召开。会议由副市长周红主持。", id="meeting-acts-and-next-meeting"),
    pytest.param("全国宣传工作会议在京召开 干部群众反响热烈\n全国宣传工作会议8日至9日在京召开。与会代表和干部群众表示，"
                 "要把会议精神落到实处。", id="reaction-with-meeting-lead"),
    pytest.param("市人代会闭幕\n市十七届人大三次会议今天上午闭幕。会后，记者采访了部分代表。\n记者：您怎么看今年的报告？\n"
                 "代表：报告实在。", id="interview-after-meeting"),
    pytest.param("王建国在全市优化营商环境大会上强调 对标一流 优化服务\n2月20日，全市优化营商环境大会召开，"
                 "市长王建国出席会议并讲话。", id="speech-at-meeting"),
    pytest.param("省科协第十次代表大会开幕 省委省政府致贺信\n6月18日，省科学技术协会第十次代表大会在省会开幕。"
                 "副省长宣读了省委、省政府的贺信。", id="letter-read-at-meeting"),
    pytest.param("市长同企业家代表座谈\n市长王建国10日下午在市政府同民营企业家代表座谈，听取意见建议。", id="zuotan-verb"),
    pytest.param("总理考察市场监管总局并主持召开座谈会\n国务院总理16日考察市场监管总局，并主持召开座谈会。",
                 id="kaocha-and-zuotanhui"),
    pytest.param("李华在全省安全生产电视电话会议上强调 压实责任 守牢底线\n省政府6日召开全省安全生产电视电话会议。"
                 "省长李华出席会议并讲话。", id="at-meeting-headline"),
    pytest.param("区人大常委会召开会议 决定任免一批国家工作人员\n区人大常委会第十五次会议3日召开。会议经表决，"
                 "决定任命王五为区财政局局长。", id="personnel-decided-at-meeting"),
    pytest.param("检查组反馈意见会议召开\n5月20日，省安全生产检查组反馈意见会议在市行政中心召开。", id="inspection-feedback-meeting"),
    pytest.param("学校举行庆祝教师节表彰大会\n9月10日，学校举行庆祝第40个教师节暨表彰大会，校长出席会议并讲话。",
                 id="celebration-meeting"),
    pytest.param("庆祝建国75周年招待会在京举行\n庆祝中华人民共和国成立75周年招待会30日晚在人民大会堂举行。", id="reception"),
    pytest.param("习近平参加江苏代表团审议\n习近平5日下午参加十四届全国人大二次会议江苏代表团审议。", id="deputies-panel"),
    pytest.param("国家主席出席亚太经合组织领导人非正式会议东道主交接环节\n当地时间11月1日，国家主席出席亚太经合组织"
                 "第三十二次领导人非正式会议东道主交接环节并讲话。", id="segment-of-meeting"),
    pytest.param("会上，李明传达了全省组织工作会议精神。", id="hui-shang"),
    pytest.param("关于加强基层治理的重要论述研讨会12日在京举行。", id="guanyu-inside-meeting-name"),
    pytest.param("我院开展学习贯彻全会精神专题研讨\n11月8日下午，我院在第一会议室开展专题研讨，院领导班子成员参加。",
                 id="yantao"),
    pytest.param("副总理出席联合国大会一般性辩论并发表讲话\n国务院副总理当地时间23日在纽约出席第80届联合国大会一般性辩论并发表讲话。",
                 id="general-debate"),
    pytest.param("副主席出席建交55周年纪念大会暨青少年交流活动启动仪式\n国家副主席10日出席建交55周年纪念大会暨青少年交流活动启动仪式并致辞。",
                 id="meeting-ji-ceremony"),
    pytest.param("学院党委理论学习中心组专题学习全会精神\n11月5日，学院党委理论学习中心组开展专题学习，"
                 "深入学习贯彻党的二十届三中全会精神。", id="central-group-study-session"),
    pytest.param("本次会议由市政府办公室主任王强主持，各区区长参加。", id="chaired-passive"),
]


@pytest.mark.parametrize("text", MEETINGS)
def test_meeting_reports_are_kept(extract, text):
    record = extract(text)
    assert record["kind"] != "other"
    assert not [w for w in record["warnings"] if w["code"] == "document.no-meeting"]


@pytest.mark.parametrize("text", MEETINGS)
def test_meeting_reports_have_evidence(candidates, text):
    assert candidates(text, "HELD")


KEPT_WITHOUT_EVIDENCE = [
    pytest.param("李明强调，要抓好安全生产各项工作。", id="no-sign"),
    pytest.param("镇党委传达学习县委全会精神\n近日，镇党委班子成员传达学习了县委十五届六次全会精神，并就贯彻落实作出安排。",
                 id="one-weak-sign"),
    pytest.param("学校举行2024届毕业典礼暨学位授予仪式\n6月20日，学校举行2024届毕业典礼暨学位授予仪式，校长出席并讲话。",
                 id="ceremony-is-no-sign"),
]


@pytest.mark.parametrize("text", KEPT_WITHOUT_EVIDENCE)
def test_a_text_without_evidence_is_kept_without_a_sure_sign(extract, text):
    # nothing says what else it could be: the record stays a meeting report
    assert extract(text)["kind"] == "news"
