"""Convening clauses: the venue, the organizer (subject of 召开) and the meeting's name (its object)."""

from __future__ import annotations

import pytest

VENUES = [
    pytest.param("13日下午，市领导在市政府会见了出席全市劳模大会的代表。", None, id="another-act-before-chuxi"),
    pytest.param("13日下午，市长李华在市政府接见了参加座谈会的企业家。", None, id="jiejian-before-canjia"),
    pytest.param("6月12日，第三次中央新疆工作座谈会在新疆和田召开。", "新疆和田", id="a-place-name-holding-he"),
    pytest.param("6月12日，区委在和平区行政中心召开全区工作会议。", "和平区行政中心", id="a-place-name-starting-with-he"),
    pytest.param("国务院总理李华当地时间27日在新加坡同新加坡副总理共同出席企业家座谈会。", "新加坡",
                 id="a-partner-together-is-not-the-place"),
    pytest.param("国务院总理李华当地时间27日在首尔与韩国总统、日本首相共同出席工商峰会并致辞。", "首尔",
                 id="partners-with-titles"),
    pytest.param("副总理李华27日在北京通过视频方式主持中阿合作委员会第一次会议。", "北京", id="tongguo-fangshi"),
    pytest.param("4月18日下午，学校在嘉禾校区八楼报告厅召开干部大会，部署新学期工作。", "嘉禾校区八楼报告厅",
                 id="zai-zhaokai"),
    pytest.param("4月18日，学院于行政楼302会议室召开党政联席会议。", "行政楼302会议室", id="yu-zhaokai"),
    pytest.param("6月12日上午，市政府新闻办在市新闻发布厅举行新闻发布会。", "市新闻发布厅", id="zai-juxing"),
    pytest.param("6月12日，全国政协十四届常委会第二次会议在京开幕。", "京", id="zai-jing-kaimu"),
    pytest.param("6月12日，省委在北京召开全省驻京单位座谈会。", "北京", id="city"),
    pytest.param("12月5日，全省脱贫攻坚推进会在西安开幕，各市分管负责同志参加会议。", "西安", id="meeting-subject-kaimu"),
    pytest.param("6月12日，学校第二届教职工代表大会第三次会议在学术交流中心隆重开幕。", "学术交流中心",
                 id="adverb-not-in-venue"),
    pytest.param("6月12日，学校党委书记张明在行政楼主持召开党委常委会。", "行政楼", id="chair-before-venue"),
    pytest.param("会议地点：公司五楼会议室\n6月12日，公司召开安全生产专题会议，部署汛期安全工作。", "公司五楼会议室",
                 id="didian-header"),
    pytest.param("会议时间：2023年6月12日\n会议地点：市民中心三楼多功能厅\n会议由市长刘伟主持。", "市民中心三楼多功能厅",
                 id="didian-header-minutes"),
    pytest.param("3月5日，县委理论学习中心组于县委党校召开专题学习会。", "县委党校", id="yu-dangxiao"),
    pytest.param("在全党深入开展主题教育之际，6月12日，学院召开主题教育动员部署会。", None, id="zhiji-is-no-venue"),
    pytest.param("6月12日，在市委的统一部署下，区委召开全区组织工作会议。", None, id="xia-is-no-venue"),
    pytest.param("中共中央政治局常委、全国政协主席王明远23日在京出席全国宗教界人士迎春座谈会并讲话。", "京", id="attended-meeting-lead"),
    pytest.param("国务院总理李华当地时间27日下午在新加坡同新加坡副总理陈国栋共同出席中新企业家座谈会。", "新加坡", id="foreign-place-with-partner"),
    pytest.param("6月12日，区政府召开常务会议，研究部署安全生产工作。", None, id="none"),
]


@pytest.mark.parametrize(("text", "venue"), VENUES)
def test_venue(extract, text, venue):
    assert extract(text)["venue"] == venue


ORGANIZERS = [
    pytest.param("12月18日，市委以视频会议形式召开全市安全生产工作会议。", "市委", id="manner-yi-xingshi"),
    pytest.param("12月20日，庆祝建校70周年大会暨新校区启用典礼隆重举行。", None, id="meeting-ji-ceremony-subject"),
    pytest.param("12月18日，县政府通过视频方式召开防汛工作会议。", "县政府", id="manner-tongguo-fangshi"),
    pytest.param("12月18日，民盟第十四届中央委员会第六次全体会议以线上和线下相结合的方式在北京召开。", None,
                 id="a-meeting-subject-with-its-manner"),
    pytest.param("4月18日下午，学校在嘉禾校区八楼报告厅召开干部大会。", "学校", id="school"),
    pytest.param("2023年4月18日上午，市委在市行政中心召开全市安全生产工作会议。", "市委", id="after-date"),
    pytest.param("6月12日上午，市政府新闻办在市新闻发布厅举行新闻发布会。", "市政府新闻办", id="juxing"),
    pytest.param("3月5日，县委理论学习中心组于县委党校召开专题学习会。", "县委理论学习中心组", id="long-body"),
    pytest.param("本网讯 3月8日下午，学校工会在教工之家召开三八妇女节座谈会。", "学校工会", id="after-news-cue"),
    pytest.param("6月12日，中共中央政治局召开会议，审议有关文件。", "中共中央政治局", id="generic-meeting"),
    pytest.param("6月12日，在市委的统一部署下，区委召开全区组织工作会议。", "区委", id="after-zai-phrase"),
    pytest.param("发布时间：2023-04-19\n继3月5日召开动员大会后，4月18日，学院召开主题教育推进会，部署下一步工作。",
                 "学院", id="after-earlier-meeting"),
    pytest.param("5月6日，学校隆重召开第二次党代会。", "学校", id="adverb-before-zhaokai"),
    pytest.param("5月6日，省社科联、省委党校联合召开学术研讨会。", "省社科联、省委党校", id="joint-organizers"),
    pytest.param("6月12日，市人大常委会在机关大楼召开主任会议。", "市人大常委会", id="body-ending-in-changweihui"),
    pytest.param("6月12日，市委常委会在市委大楼召开扩大会议。", "市委常委会", id="changweihui-kuoda-huiyi"),
    pytest.param("6月12日，集团公司第三届董事会第五次会议在集团总部召开。", "集团公司", id="owner-before-meeting-subject"),
    pytest.param("国务委员丁明20日在京出席中瓦建交50周年招待会。招待会由中国人民对外友好协会和瓦努斯共和国驻华大使馆共同举办。",
                 "中国人民对外友好协会和瓦努斯共和国驻华大使馆", id="host-named-with-you-juban"),
    pytest.param("5月8日，中共平江省委理论学习中心组举行2026年第三次集体学习。", "中共平江省委理论学习中心组", id="jiti-xuexi"),
    pytest.param("6月12日，市委书记李强主持召开市委常委会会议，研究部署近期重点工作。", None, id="person-chairs"),
    pytest.param("9月12日，市长王勇在市政府主持召开常务会议。", None, id="person-chairs-with-venue"),
    pytest.param("12月5日，全省脱贫攻坚推进会在西安开幕。", None, id="meeting-is-subject"),
    pytest.param("6月12日，学校第二届教职工代表大会第三次会议在学术交流中心隆重开幕。", None,
                 id="meeting-is-subject-long"),
    pytest.param("中国民主促进会第十五届中央委员会第四次全体会议12月9日下午在京开幕。", None,
                 id="meeting-is-subject-with-body-inside"),
    pytest.param("20日，副省长丁明调研能源保供工作并主持召开座谈会。", None, id="fragment-rejected"),
    pytest.param("西部论坛隆重举行 王明远出席论坛\n21日上午，西部论坛在成都举行。王明远出席论坛并致辞。", None,
                 id="meeting-in-spaced-headline-is-not-organizer"),
]


@pytest.mark.parametrize(("text", "organizer"), ORGANIZERS)
def test_organizer(extract, text, organizer):
    assert extract(text)["organizer"] == organizer


#: The hosts of the meeting reported, named after 由 (…由X主办/举办/承办), and the hosts of a meeting
#: to come or agreed on (商定由…, 将由…, 下届…由…), which are not its organizer.
OPENING = "6月5日，第二届丝路论坛在西安开幕。"
HOSTS = [
    pytest.param(OPENING + "本届论坛由市委宣传部主办。", "市委宣传部", id="zhuban"),
    pytest.param(OPENING + "论坛由省社科院和省作协联合主办。", "省社科院和省作协", id="lianhe-zhuban"),
    pytest.param(OPENING + "论坛由省文联共同举办。", "省文联", id="gongtong-juban"),
    pytest.param(OPENING + "本届论坛由市政府于去年底开始筹备并主办。", "市政府", id="time-and-verbs-after-host"),
    pytest.param(OPENING + "本届论坛由西安市于6月主办。", "西安市", id="time-after-host"),
    pytest.param(OPENING + "本届论坛由市外办在曲江会展中心承办。", "市外办", id="place-after-host"),
    pytest.param(OPENING + "各方商定由中方于2027年主办第三届丝路论坛。", None, id="agreed-future-host"),
    pytest.param(OPENING + "双方同意下届论坛由韩方主办。", None, id="next-edition"),
    pytest.param(OPENING + "第三届论坛将由杭州市承办。", None, id="jiang-you"),
    pytest.param(OPENING + "会议决定，明年的论坛由华东分会承办。", None, id="decided-next-year"),
]


@pytest.mark.parametrize(("text", "organizer"), HOSTS)
def test_hosts_of_this_meeting_are_its_organizer(extract, text, organizer):
    assert extract(text)["organizer"] == organizer


MEETINGS = [
    pytest.param("成员国举行首次部长会议新华网莫斯科5月18日电(记者王明)成员国首次部长会议18日在莫斯科举行。",
                 "成员国首次部长会议", id="headline-glued-to-the-dateline"),
    pytest.param("成员国举行首次部长会议\n新华社莫斯科5月18日电（记者王明 李红）成员国首次部长会议18日在莫斯科举行。",
                 "成员国首次部长会议", id="byline-after-the-dateline"),
    pytest.param("学校召开教学工作会议\n本报5月18日讯（通讯员 张华）学院教学工作会议17日在行政楼召开。",
                 "学院教学工作会议", id="tongxunyuan-byline"),
    pytest.param("由市委宣传部举办的先进事迹报告会今天（4月24日）在人民大会堂举行。", "先进事迹报告会",
                 id="dahuitang-is-a-hall"),
    pytest.param("4月24日，会议期间举行的第十四届中央委员会第一次全体会议选举产生了中央常务委员会。",
                 "第十四届中央委员会第一次全体会议", id="xuanju-chansheng-le-after-the-meeting"),
    pytest.param("26日，总理李华出席在纽约举行的第80届联合国大会并发表讲话。", "第80届联合国大会",
                 id="relative-clause-juxing-de"),
    pytest.param("6月12日，省长王明出席在京召开的全国安全生产工作会议。", "全国安全生产工作会议",
                 id="relative-clause-zhaokai-de"),
    pytest.param("6月12日，校长张伟参加了在省会举行的高校工作座谈会。", "高校工作座谈会", id="relative-clause-canjia-le"),
    pytest.param("6月12日，代表们出席了于上海召开的第五届进博会论坛。", "第五届进博会论坛", id="relative-clause-yu"),
    pytest.param("4月18日下午，学校在嘉禾校区八楼报告厅召开干部大会。", "干部大会", id="object"),
    pytest.param("4月18日，学院于行政楼302会议室召开党政联席会议。", "党政联席会议", id="lianxi-huiyi"),
    pytest.param("在全党深入开展主题教育之际，6月12日，学院召开主题教育动员部署会。", "主题教育动员部署会",
                 id="dongyuan-bushuhui"),
    pytest.param("6月12日，市委书记李强主持召开市委常委会会议，研究部署近期重点工作。", "市委常委会会议",
                 id="after-zhuchi-zhaokai"),
    pytest.param("6月12日，中共中央政治局召开会议，审议有关文件。", "会议", id="generic"),
    pytest.param("5月20日，公司召开2023年度工作会议，总结上一年度经营情况。", "2023年度工作会议", id="with-work-year"),
    pytest.param("6月12日，学校召开二〇二三年度党员领导干部民主生活会。", "二〇二三年度党员领导干部民主生活会",
                 id="minzhu-shenghuohui"),
    pytest.param("6月12日，区政府召开第十五次常务会议，研究部署防汛工作。", "第十五次常务会议", id="numbered"),
    pytest.param("12月5日，全省脱贫攻坚推进会在西安开幕。", "全省脱贫攻坚推进会", id="subject-kaimu"),
    pytest.param("6月12日，全国政协十四届常委会第二次会议在京开幕。", "全国政协十四届常委会第二次会议",
                 id="subject-with-body-inside"),
    pytest.param("1月31日至2月2日，全省组织部长会议在成都召开。", "全省组织部长会议", id="subject-zhaokai"),
    pytest.param("6月12日上午，市政府新闻办在市新闻发布厅举行新闻发布会。", "新闻发布会", id="juxing-object"),
    pytest.param("6月12日，省委在北京召开全省驻京单位座谈会，通报全省经济社会发展情况。", "全省驻京单位座谈会",
                 id="zuotanhui"),
    pytest.param("发布时间：2023-04-19\n继3月5日召开动员大会后，4月18日，学院召开主题教育推进会，部署下一步工作。",
                 "主题教育推进会", id="not-the-earlier-meeting"),
    pytest.param("5月6日，学校召开专题会议。", "专题会议", id="zhuanti-huiyi"),
    pytest.param("5月6日，市委召开常委会扩大会议。", "常委会扩大会议", id="changweihui-kuoda-huiyi"),
    pytest.param("5月6日，学校召开安全生产专题会议。", "安全生产专题会议", id="anquan-shengchan-zhuanti-huiyi"),
    pytest.param("5月6日，县委召开扩大会议。", "扩大会议", id="kuoda-huiyi"),
    pytest.param("6月12日，市人大常委会在机关大楼召开主任会议。", "主任会议", id="zhuren-huiyi"),
    pytest.param("6月12日，集团公司第三届董事会第五次会议在集团总部召开。", "第三届董事会第五次会议",
                 id="subject-without-its-owner"),
    pytest.param("中国民主促进会第十五届中央委员会第四次全体会议12月9日下午在京开幕。",
                 "中国民主促进会第十五届中央委员会第四次全体会议", id="subject-whole-with-body"),
    pytest.param("中共中央政治局常委、全国政协主席王明远23日在京出席全国宗教界人士迎春座谈会并讲话。", "全国宗教界人士迎春座谈会", id="attended-meeting"),
    pytest.param("国务院总理李华当地时间27日下午在新加坡同新加坡副总理陈国栋共同出席中新企业家座谈会。", "中新企业家座谈会",
                 id="attended-with-partner-abroad"),
    pytest.param("西部论坛隆重举行 王明远出席论坛\n21日上午，西部论坛在成都举行。王明远出席论坛并致辞。", "西部论坛",
                 id="subject-juxing-under-spaced-headline"),
    pytest.param("5月8日，中共平江省委理论学习中心组举行2026年第三次集体学习。", "2026年第三次集体学习", id="jiti-xuexi"),
    pytest.param("周国强教授学术思想研讨会5月12日在学校举行。周国强教授致辞。", "周国强教授学术思想研讨会",
                 id="named-after-a-person"),
]


@pytest.mark.parametrize(("text", "name"), MEETINGS)
def test_meeting_name(extract, text, name):
    record = extract(text)

    assert record["meeting_name"] == name
    evidence = record["evidence"]["/meeting_name"]
    assert text[evidence["start"]:evidence["end"]] == name


def test_lead_name_preferred_to_the_headline_short_name(extract):
    text = ("学校召开党建会\n发布时间：2023-04-19\n"
            "4月18日下午，学校在图书馆报告厅召开2023年党建工作会议，全面部署今年党建工作。")

    assert extract(text)["meeting_name"] == "2023年党建工作会议"


def test_meeting_name_from_the_headline_when_the_lead_has_none(extract):
    text = ("学校召开安全稳定工作会议\n发布时间：2023-04-19\n"
            "4月18日下午，学校有关负责同志就近期安全稳定工作作出安排，各单位认真抓好落实。")

    assert extract(text)["meeting_name"] == "安全稳定工作会议"


CONVENED_NAMES = [
    pytest.param("1月18日，医院在行政楼召开了“学习贯彻全会精神，坚持讲政治、顾大局”专题民主生活会，领导班子成员参加会议。",
                 "“学习贯彻全会精神，坚持讲政治、顾大局”专题民主生活会", id="a-quoted-name-holds-a-comma"),
    pytest.param("4月28日下午，附院党委中心组举行专题学习会集中学习了《党委会的工作方法》。", "专题学习会",
                 id="an-act-right-after-the-name"),
    pytest.param("4月28日下午，学院召开会议学习《关于健全党委制》和《党委会的工作方法》。", "会议",
                 id="a-meeting-noun-inside-a-title-ends-nothing"),
    pytest.param("全国政协16日在京召开“增强文化传播力”专题协商会，中共中央政治局常委王明远出席会议并讲话。",
                 "“增强文化传播力”专题协商会", id="the-convened-name-beats-the-attended-meeting"),
    pytest.param("2月10日下午，县政协七届四次会议组织召开各联络组组长会议，就会议有关事项进行部署。",
                 "各联络组组长会议", id="zuzhi-zhaokai"),
    pytest.param("6月12日，县政协召开常委会议，审议通过了会议议程，决定下月召开县政协全体会议。", "常委会议",
                 id="a-meeting-decided-is-not-the-one-held"),
    pytest.param("委员长25日在人民大会堂同来访的议长共同主持两国议会合作委员会第十次会议。", "两国议会合作委员会第十次会议",
                 id="a-named-meeting-chaired"),
    pytest.param("第十次双周协商座谈会31日在京召开，全国政协主席王明远主持会议。", "第十次双周协商座谈会",
                 id="the-convened-name-before-the-date-beats-a-chaired-bare-noun"),
    pytest.param("王明远出席学习贯彻重要讲话精神专题会议\n学习贯彻习近平总书记重要讲话精神专题会议9日在京召开。",
                 "学习贯彻习近平总书记重要讲话精神专题会议", id="a-meeting-named-after-a-speech"),
    pytest.param("王明远出席全省民主监督工作启动会\n央视网消息：各民主党派省委、无党派人士全省生态环境保护民主监督总结暨"
                 "乡村振兴民主监督工作启动会30日在省城召开。副省长李华主持会议。",
                 "各民主党派省委、无党派人士全省生态环境保护民主监督总结暨乡村振兴民主监督工作启动会",
                 id="a-long-convened-name"),
]


@pytest.mark.parametrize(("text", "name"), CONVENED_NAMES)
def test_convened_name(extract, text, name):
    assert extract(text)["meeting_name"] == name


def test_zuzhi_zhaokai_organizer(extract):
    text = "2月10日下午，县政协七届四次会议组织召开各联络组组长会议，就会议有关事项进行部署。"
    assert extract(text)["organizer"] == "县政协七届四次会议"


def test_an_unnamed_officer_convening_is_no_organizer(extract):
    text = "2022年3月23日，常务副校长在206会议室主持召开了2022年第4次校务会，研究了放假安排。"
    record = extract(text)

    assert record["organizer"] is None
    assert record["venue"] == "206会议室"

