"""People: chairs and speakers with their names and roles, as a table of mini-reports."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

LEAD = "5月10日上午，学校在行政楼会议室召开工作会议。"


def person(name, roles=(), speech=None):
    return {"name": name, "roles": list(roles), "speech": speech}


CHAIRS = [
    pytest.param(LEAD + "会议由学校党委副书记、副校长张燕文主持。", person("张燕文", ["学校党委副书记", "副校长"]),
                 id="huiyi-you-zhuchi"),
    pytest.param("4月18日下午，学校召开干部大会，党委书记刘建国主持会议。", person("刘建国", ["党委书记"]),
                 id="x-zhuchi-huiyi"),
    pytest.param(LEAD + "受党委书记刘建国委托，党委副书记陈晓东主持会议。", person("陈晓东", ["党委副书记"]),
                 id="shou-weituo"),
    pytest.param("5月10日，学院召开师德师风建设大会。受院长张强委托，副院长李明主持会议并讲话。",
                 person("李明", ["副院长"]), id="shou-weituo-and-speaks"),
    pytest.param("5月10日，县政协召开主席会议，王明主席主持会议。", person("王明", ["主席"]), id="name-first"),
    pytest.param(LEAD + "副校长王刚同志主持会议。", person("王刚", ["副校长"]), id="tongzhi"),
    pytest.param("6月12日，市委书记李强主持召开市委常委会会议，研究部署近期重点工作。", person("李强", ["市委书记"]),
                 id="zhuchi-zhaokai"),
    pytest.param("5月10日，区委召开全区干部大会。区委书记王建国作动员讲话，区长李华主持会议。", person("李华", ["区长"]),
                 id="chair-after-speaker"),
    pytest.param("5月10日，区政府召开常务会议。区长兼经开区党工委书记李卫东主持会议并讲话。",
                 person("李卫东", ["区长兼经开区党工委书记"]), id="jian-does-not-split"),
    pytest.param("5月10日，学校召开党委常委会，党委书记王革慧主持会议。王书记在讲话中指出，要统一思想。",
                 person("王革慧", ["党委书记"]), id="alias-later"),
    pytest.param("5月10日，学院召开全体教职工大会，院长司马光明主持会议。", person("司马光明", ["院长"]),
                 id="compound-surname-chair"),
    pytest.param(LEAD + "张晓峰主持会议并讲话。", person("张晓峰"), id="bare-name"),
    pytest.param(LEAD + "阿不都·热合曼主持会议。", person("阿不都·热合曼"), id="name-with-middle-dot"),
    pytest.param(LEAD + "委党组成员、副主任刘文静主持会议。", person("刘文静", ["委党组成员", "副主任"]),
                 id="party-group-member-is-a-role"),
    pytest.param("5月17日，公司召开第五届监事会第十四次会议。经半数以上监事共同推举雷振宏先生主持会议。",
                 person("雷振宏"), id="chosen-to-chair-xiansheng"),
    pytest.param("5月17日，学会召开理事会。会议由理事们推选刘晓燕女士主持。", person("刘晓燕"), id="chosen-to-chair-nvshi"),
    pytest.param("1月23日，全国政协在京召开民族宗教界人士座谈会。座谈会由全国政协副主席赵建国主持。他指出，要凝聚共识。",
                 person("赵建国", ["全国政协副主席"]), id="zuotanhui-you-zhuchi-then-pronoun"),
]


@pytest.mark.parametrize(("text", "chair"), CHAIRS)
def test_chair(extract, text, chair):
    record = extract(text)

    assert record["chair"] == [chair]


def test_a_principal_who_entrusts_is_not_chair_nor_speaker(extract):
    record = extract(LEAD + "受党委书记刘建国委托，党委副书记陈晓东主持会议。")

    names = [p["name"] for p in record["chair"] + record["speakers"]]
    assert "刘建国" not in names


SPEAKERS = [
    pytest.param("5月10日，区委在区行政中心召开常委会会议。区委书记周立新主持会议并讲话。",
                 [person("周立新", ["区委书记"], "主持会议并讲话")], id="chair-who-speaks"),
    pytest.param("5月10日，市委在市行政中心召开全市组织工作会议。市委常委、组织部长陈中山出席会议并讲话。",
                 [person("陈中山", ["市委常委", "组织部长"], "出席会议并讲话")], id="stacked-roles"),
    pytest.param("5月10日，学校召开党史学习教育动员大会，校党委书记、校长郑和平出席会议并讲话。",
                 [person("郑和平", ["校党委书记", "校长"], "出席会议并讲话")], id="stacked-roles-school"),
    pytest.param("5月10日，县委召开常委会会议。县委副书记、县长张晓峰传达了省委会议精神。",
                 [person("张晓峰", ["县委副书记", "县长"], "传达了省委会议精神")], id="chuanda-is-speech"),
    pytest.param("5月10日，区政府召开常务会议。区长兼经开区党工委书记李卫东主持会议并讲话。",
                 [person("李卫东", ["区长兼经开区党工委书记"], "主持会议并讲话")], id="jian"),
    pytest.param("5月10日，医院召开全院职工大会。总医院党委书记(兼)孙立平作动员讲话。",
                 [person("孙立平", ["总医院党委书记(兼)"], "作动员讲话")], id="jian-in-parentheses"),
    pytest.param("5月10日，学院召开教职工大会。学院院长欧阳明远作工作报告。",
                 [person("欧阳明远", ["学院院长"], "作工作报告")], id="four-chars-ouyang"),
    pytest.param("5月10日，学院召开全体教职工大会。院长司马光明作工作报告。",
                 [person("司马光明", ["院长"], "作工作报告")], id="four-chars-sima"),
    pytest.param("5月10日，学校召开学科建设推进会。校长吴昊指出，学科建设是学校发展的龙头。",
                 [person("吴昊", ["校长"], "指出")], id="two-chars-verb-alone"),
    pytest.param("5月10日，学校召开学科建设推进会。副校长张燕文就学科建设作专题报告。",
                 [person("张燕文", ["副校长"], "就学科建设作专题报告")], id="jiu-lead-in"),
    pytest.param("5月10日，学校召开学术报告会。张智明教授作学术报告。",
                 [person("张智明", ["教授"], "作学术报告")], id="title-after-name"),
    pytest.param("5月10日，学校召开党史学习教育动员大会，党委书记王芳同志出席会议并作动员讲话。",
                 [person("王芳", ["党委书记"], "出席会议并作动员讲话")], id="tongzhi-not-in-name"),
    pytest.param("5月10日，公司召开季度经营分析会。财务部经理李娜、销售部经理赵强等先后发言。",
                 [person("李娜", ["财务部经理"], "先后发言"), person("赵强", ["销售部经理"], "先后发言")],
                 id="listed-with-roles"),
    pytest.param("5月10日，公司召开季度经营分析会，李娜、赵强、孙悦等先后发言。",
                 [person("李娜", [], "先后发言"), person("赵强", [], "先后发言"), person("孙悦", [], "先后发言")],
                 id="listed-bare-names"),
    pytest.param("5月10日，市委召开理论学习中心组学习会。市委书记黄海涛主持会议并讲话，市长钱峰作交流发言。",
                 [person("黄海涛", ["市委书记"], "主持会议并讲话"), person("钱峰", ["市长"], "作交流发言")],
                 id="two-in-one-sentence"),
    pytest.param("5月10日，学校召开党委理论学习中心组学习会，校长马骏主持会议。"
                 "党委书记谢东明传达了全国两会精神，马骏作总结讲话。",
                 [person("谢东明", ["党委书记"], "传达了全国两会精神"), person("马骏", ["校长"], "作总结讲话")],
                 id="order-of-first-speech-not-of-mention"),
    pytest.param("5月10日，学校召开教学工作会议。学校党委书记王革慧出席会议并讲话。王书记强调，要抓好课堂教学质量。",
                 [person("王革慧", ["学校党委书记"], "出席会议并讲话")], id="alias-not-a-new-person"),
    pytest.param("5月10日，学院召开全体教职工大会，院长张伟出席会议并讲话。张伟院长要求，全院上下要凝心聚力。",
                 [person("张伟", ["院长"], "出席会议并讲话")], id="name-title-later-same-person"),
    pytest.param("5月10日，学校召开党委常委会，党委书记王革慧主持会议并讲话。会上，副校长谢天成作了专题汇报。"
                 "谢校长表示，将全力抓好落实。",
                 [person("王革慧", ["党委书记"], "主持会议并讲话"), person("谢天成", ["副校长"], "作了专题汇报")],
                 id="second-alias"),
    pytest.param("5月10日，学校召开党委常委会，党委书记王革慧主持会议。王书记在讲话中指出，要统一思想。",
                 [person("王革慧", ["党委书记"], "在讲话中指出")], id="alias-is-the-only-speech"),
    pytest.param("5月10日，县委召开全会。县委书记王林作工作报告，县长刘丽就经济工作作说明。",
                 [person("王林", ["县委书记"], "作工作报告"), person("刘丽", ["县长"], "就经济工作作说明")],
                 id="report-and-explanation"),
    pytest.param("5月8日下午，学校在行政楼会议室召开教学工作会议，校长张伟主持会议。"
                 "张校长强调，一是要抓好课堂教学；二是要加强师资建设。",
                 [person("张伟", ["校长"], "强调")], id="alias-before-verb-not-a-name"),
    pytest.param("5月10日，自治区召开民族团结进步工作会议。自治区副主席阿不都·热合曼出席会议并讲话。",
                 [person("阿不都·热合曼", ["自治区副主席"], "出席会议并讲话")], id="name-with-middle-dot"),
    pytest.param("5月10日，学校召开学术报告会。中国科学院院士，学校学术委员会主任李明远作报告。",
                 [person("李明远", ["中国科学院院士", "学校学术委员会主任"], "作报告")], id="roles-joined-by-comma"),
    pytest.param("1月23日，全国政协在京召开民族宗教界人士座谈会。座谈会由全国政协副主席赵建国主持。他指出，要凝聚共识。",
                 [person("赵建国", ["全国政协副主席"], "指出")], id="chair-speaks-through-pronoun"),
    pytest.param("1月23日，全国政协召开专题协商会。李光明常委建议，加强生态环境保护。王晓红常委提出，推进绿色低碳发展。",
                 [person("李光明", ["常委"], "建议"), person("王晓红", ["常委"], "提出")], id="jianyi-is-speech"),
]


@pytest.mark.parametrize(("text", "speakers"), SPEAKERS)
def test_speakers(extract, text, speakers):
    record = extract(text)

    assert record["speakers"] == speakers
    for index, speaker in enumerate(speakers):
        evidence = record["evidence"][f"/speakers/{index}/name"]
        assert text[evidence["start"]:evidence["end"]] == speaker["name"]


NOT_SPEAKERS = [
    pytest.param(LEAD + "各学院负责同志作交流发言。", id="unnamed"),
    pytest.param(LEAD + "5名教师代表发了言。", id="counted"),
    pytest.param(LEAD + "党委书记刘建国主持会议。", id="chair-only"),
    pytest.param("6月12日，市委书记李强主持召开市委常委会会议，研究部署近期重点工作。", id="zhuchi-zhaokai-only"),
    pytest.param("中共中央政治局12日召开会议。会议指出，习近平总书记在中央经济工作会议上的重要讲话，"
                 "对做好今年经济工作作出战略部署。", id="huiyi-zhichu-content"),
]


@pytest.mark.parametrize("text", NOT_SPEAKERS)
def test_no_speakers(extract, text):
    assert extract(text)["speakers"] == []


def test_a_leader_who_attends_and_speaks_is_a_speaker(extract):
    record = extract("中共中央政治局常委、全国政协主席王明远23日在京出席全国宗教界人士迎春座谈会并讲话。")

    assert [p["name"] for p in record["speakers"]] == ["王明远"]


def test_directives_after_a_pronoun_are_the_speakers(extract):
    record = extract("1月23日，省委在省委大楼召开统战工作会议，省委书记王明远出席并讲话。"
                     "他强调，一是要提高站位；二是要压实责任。")

    assert [(d["marker"], d["issuer"]) for d in record["directives"]] == [("一是", "王明远"), ("二是", "王明远")]


def test_shared_prefix_gives_every_listed_person_the_role(extract):
    record = extract("5月10日，市政协召开主席会议。市政协主席陈光明主持会议，副主席李平、王东出席会议。")

    assert record["chair"] == [person("陈光明", ["市政协主席"])]
    assert record["attendees"] == ["李平", "王东"]


def test_person_candidates_carry_their_role_spans(candidates):
    text = "5月10日，市委召开全市组织工作会议。市委常委、组织部长陈中山出席会议并讲话。"
    found = candidates(text, "PERSON")

    assert [name for name, _ in found] == ["陈中山"]
    assert [text[s:e] for s, e in found[0][1]["roles"]] == ["市委常委", "组织部长"]


def test_alias_candidate(candidates):
    text = "5月10日，学校召开党委常委会，党委书记王革慧主持会议。王书记在讲话中指出，要统一思想。"
    aliases = candidates(text, "ALIAS")

    assert [(words, data["surname"], data["title"]) for words, data in aliases] == [("王书记", "王", "书记")]


def test_a_name_the_document_gave_is_not_asked_of_the_tagger_again(candidates, monkeypatch):
    """The tagger names 周国强 before 主持; before 指出 and 强调 the same run is that name, unasked."""
    from meetingx import tagger
    from meetingx.components import names

    asked: list[str] = []

    def tagger_that_answers_once(windows: Iterable[str]) -> list[tuple[tuple[int, int], ...]]:
        answers = []
        for window in windows:
            asked.append(window)
            answers.append(tagger.person_spans(window) if len(asked) == 1 else ())
        return answers

    monkeypatch.setattr(names, "person_spans_of", tagger_that_answers_once)
    text = "5月12日，市政协召开常委会议。周国强主持会议。周国强指出，要加强协商。周国强强调，要凝聚共识。"
    found = candidates(text, "PERSON")

    assert [name for name, _ in found] == ["周国强", "周国强", "周国强"]
    assert len(asked) == 1


def test_a_title_inside_a_longer_title_word_is_no_title(candidates, monkeypatch):
    """委员长会议: 委员长 before 会 names a meeting; 委员 + 长… is not a title with a name after it."""
    from meetingx.components import names

    asked: list[str] = []
    monkeypatch.setattr(names, "person_spans_of", lambda windows: [asked.append(window) or () for window in windows])
    assert candidates("5月12日，第十次委员长会议在京举行。", "PERSON") == []
    assert asked == []


def test_no_name_starts_with_a_function_character(candidates, monkeypatch):
    """总书记的…: a title followed by 的 has no name after it, and the tagger is not asked."""
    from meetingx.components import names

    asked: list[str] = []
    monkeypatch.setattr(names, "person_spans_of", lambda windows: [asked.append(window) or () for window in windows])
    assert candidates("5月12日，市委召开常委会会议，传达学习总书记的重要讲话精神。", "PERSON") == []
    assert asked == []


def test_a_list_after_a_title_shares_it_and_the_rest_is_read_after_it(extract):
    """委员吴杰明、高友东、吕忠梅、张轩 share the title (the tagger reads the list as a whole); 邹宁,
    after 和, is read on its own before the verb, from where the list's mentions end."""
    record = extract("5月12日，全国人大常委会举行联组会议。全国人大常委会委员吴杰明、高友东、吕忠梅、张轩和邹宁等提出询问。")

    assert record["speakers"] == [person(name, ["全国人大常委会委员"], "提出询问")
                                  for name in ("吴杰明", "高友东", "吕忠梅", "张轩")] + [person("邹宁", [], "提出询问")]


@pytest.mark.parametrize(("text", "chairs"), [
    pytest.param("主持", [], id="verb-alone"),
    pytest.param("王明远主持", [person("王明远")], id="name-at-the-start-of-the-text"),
])
def test_the_run_of_names_stops_at_the_start_of_the_text(extract, text, chairs):
    assert extract(text)["chair"] == chairs


def first_mentions(candidates, text: str) -> list[tuple[str, list[str]]]:
    """(name, roles) of each name of the PERSON candidates, in text order, with the roles of all its
    mentions (the texts have no characters that folding changes, so role spans index ``text``)."""
    found: dict[str, list[str]] = {}
    for name, data in candidates(text, "PERSON"):
        roles = found.setdefault(name, [])
        roles += [text[s:e] for s, e in data["roles"] if text[s:e] not in roles]
    return list(found.items())


#: Names in a list behind a shared title, or each behind a title of its own: a name by position.
LISTED_NAMES = [
    pytest.param("全国政协副主席胡建、王勇、帕巴拉·丹增、何文、苏强、咸华、姜平出席会议。",
                 [(n, ["全国政协副主席"]) for n in ("胡建", "王勇", "帕巴拉·丹增", "何文", "苏强", "咸华", "姜平")],
                 id="long-list-with-dot-and-rare-names"),
    pytest.param("市政协副主席李平、王东、何报国出席会议。", [(n, ["市政协副主席"]) for n in ("李平", "王东", "何报国")],
                 id="three-names-last-before-verb"),
    pytest.param("民主党派代表罗凯、张明教授等先后发言。", [("罗凯", ["民主党派代表"]), ("张明", ["民主党派代表", "教授"])],
                 id="title-after-a-listed-name"),
    pytest.param("俄罗斯总统普京、南非总统拉马福萨、埃及总统塞西出席峰会。",
                 [("普京", ["俄罗斯总统"]), ("拉马福萨", ["南非总统"]), ("塞西", ["埃及总统"])],
                 id="transliterated-names-each-with-a-role"),
    pytest.param("座谈会上，石磊、贺佳、闫俊、龚旗等先后发言。", [(n, []) for n in ("石磊", "贺佳", "闫俊", "龚旗")],
                 id="bare-names-before-a-verb"),
    pytest.param("孟凡、苏辉、邵鸿、何报国和王光谦等参加座谈会。", [(n, []) for n in ("孟凡", "苏辉", "邵鸿", "何报国", "王光谦")],
                 id="bare-names-with-he"),
    pytest.param("石立、孙春、张贤、巴特以及周农、齐春等出席开幕会。",
                 [(n, []) for n in ("石立", "孙春", "张贤", "巴特", "周农", "齐春")], id="bare-names-with-yiji"),
    pytest.param("蔡明、王毅陪同出席。", [("蔡明", []), ("王毅", [])], id="last-name-before-peitong"),
    pytest.param("院长张伟、各科室主任出席会议。", [("张伟", ["院长"])], id="group-ends-the-list"),
    pytest.param("主任李明、办公室全体人员参加会议。", [("李明", ["主任"])], id="organisation-ends-the-list"),
    pytest.param("学校党委书记武龙、党委副书记权柱出席会议。", [("武龙", ["学校党委书记"]), ("权柱", ["党委副书记"])],
                 id="next-item-has-a-role-of-its-own"),
    pytest.param("座谈会上，研究院院长曲山、全国人大常委会秘书长刘奇先后发言。",
                 [("曲山", ["研究院院长"]), ("刘奇", ["全国人大常委会秘书长"])], id="no-name-before-an-organisation"),
    pytest.param("摩洛哥首相阿赫努、阿尔及利亚总理阿卜杜拉出席会议。",
                 [("阿赫努", ["摩洛哥首相"]), ("阿卜杜拉", ["阿尔及利亚总理"])], id="role-item-is-not-a-listed-name"),
    pytest.param("会议由常务副院长乙军主持。", [("乙军", ["常务副院长"])], id="rare-surname-after-title"),
    pytest.param("公司副总经理（主持工作）梁栋作工作报告。", [("梁栋", ["公司副总经理（主持工作）"])], id="acting-note-in-role"),
    pytest.param("代表们听取了总经理陈敏所作的工作报告。", [("陈敏", ["总经理"])], id="suo-zuo-after-name"),
    pytest.param("会议听取了职工监事孙宝林的述职报告。", [("孙宝林", ["职工监事"])], id="de-after-name"),
    pytest.param("国务院副总理丁明赴新疆出席会议。", [("丁明", ["国务院副总理"])], id="fu-after-name"),
    pytest.param("县检察院副检察长兰俊应邀参加会议。", [("兰俊", ["县检察院副检察长"])], id="yingyao-after-name"),
    pytest.param("委托董事李红代为出席。", [("李红", ["委托董事"])], id="daiwei-after-name"),
    pytest.param("总书记连续13年参加植树活动。", [], id="no-name-before-a-duration"),
    pytest.param("主席特别代表、国务院副总理丁明出席仪式。", [("丁明", ["主席特别代表", "国务院副总理"])],
                 id="stacked-roles-before-name"),
]


@pytest.mark.parametrize(("text", "people"), LISTED_NAMES)
def test_listed_names(candidates, text, people):
    assert first_mentions(candidates, text) == people


#: Foreign names transcribed without ·, longer than Chinese names, in a list of people with a role
#: each: a name by position when every character is a transcription character.
TRANSCRIBED = [
    pytest.param("哈萨克斯坦总统托卡耶夫、土库曼斯坦总统别尔德穆哈梅多夫出席会议。",
                 [("托卡耶夫", ["哈萨克斯坦总统"]), ("别尔德穆哈梅多夫", ["土库曼斯坦总统"])], id="eight-characters"),
    pytest.param("斯里兰卡总统维克拉马辛哈、马尔代夫总统穆伊兹出席论坛。",
                 [("维克拉马辛哈", ["斯里兰卡总统"]), ("穆伊兹", ["马尔代夫总统"])], id="six-characters-first"),
    pytest.param("意大利总理梅洛尼、希腊总理米佐塔基斯出席峰会。",
                 [("梅洛尼", ["意大利总理"]), ("米佐塔基斯", ["希腊总理"])], id="five-characters-last"),
    pytest.param("秘鲁总统博鲁阿尔特、智利总统博里奇、巴西总统卢拉出席会议。",
                 [("博鲁阿尔特", ["秘鲁总统"]), ("博里奇", ["智利总统"]), ("卢拉", ["巴西总统"])], id="three-items"),
    pytest.param("俄罗斯总统普京、白俄罗斯总统卢卡申科、亚美尼亚总理帕希尼扬出席会议。",
                 [("普京", ["俄罗斯总统"]), ("卢卡申科", ["白俄罗斯总统"]), ("帕希尼扬", ["亚美尼亚总理"])],
                 id="four-characters"),
    pytest.param("市长李明、副市长张华出席会议。", [("李明", ["市长"]), ("张华", ["副市长"])], id="chinese-names-unchanged"),
    pytest.param("总统府办公厅主任、外交部长出席会议。", [], id="offices-are-no-names"),
    pytest.param("南非总统拉马福萨主持峰会。", [("拉马福萨", ["南非总统"])], id="alone-before-a-verb"),
    pytest.param("吉尔吉斯斯坦总理扎帕罗夫主持会议。", [("扎帕罗夫", ["吉尔吉斯斯坦总理"])], id="alone-before-zhuchi"),
    pytest.param("乌拉圭总统奥尔西特别代表宣读贺信。", [], id="no-run-into-an-adverb-or-title"),
]


@pytest.mark.parametrize(("text", "people"), TRANSCRIBED)
def test_transcribed_names_by_position(candidates, text, people):
    assert first_mentions(candidates, text) == people


#: Two title + name pairs joined by 和/与/及/同 with no punctuation (县长王平和副县长李刚): the
#: conjunction ends the first name where a title follows it, even when the tagger or a surname
#: would read it as a name's last character. A name that ends in 和 keeps it where no title follows.
JOINED_PAIRS = [
    pytest.param("县长王平和副县长李刚出席会议。", [("王平", ["县长"]), ("李刚", ["副县长"])], id="he-fu-title"),
    pytest.param("主任张华与副主任刘强出席会议。", [("张华", ["主任"]), ("刘强", ["副主任"])], id="yu"),
    pytest.param("局长陈明及副局长赵亮出席会议。", [("陈明", ["局长"]), ("赵亮", ["副局长"])], id="ji"),
    pytest.param("书记李建和县长王涛出席会议。", [("李建", ["书记"]), ("王涛", ["县长"])], id="he-other-title"),
    pytest.param("校长周平和党委书记吴斌出席会议。", [("周平", ["校长"]), ("吴斌", ["党委书记"])], id="he-org-title"),
    pytest.param("院长刘安同副院长孙杰出席会议。", [("刘安", ["院长"]), ("孙杰", ["副院长"])], id="tong"),
    pytest.param("会议由县长王平和主持。", [("王平和", ["县长"])], id="name-ending-in-he-before-verb"),
    pytest.param("县长王平和、副县长李刚出席会议。", [("王平和", ["县长"]), ("李刚", ["副县长"])],
                 id="name-ending-in-he-before-dun"),
    pytest.param("主任张永和出席会议。", [("张永和", ["主任"])], id="name-ending-in-he-alone"),
]


@pytest.mark.parametrize(("text", "people"), JOINED_PAIRS)
def test_a_conjunction_before_a_title_ends_the_name(candidates, text, people):
    assert first_mentions(candidates, text) == people


#: A title right after a name anchors it (rare surnames too); some titles also follow countries
#: or categories of people, and there the position alone names nobody.
NAME_BEFORE_TITLE = [
    pytest.param("3月5日，全国人大常委会召开委员长会议。栗志远委员长主持会议。", [("栗志远", ["委员长"])],
                 id="weiyuanzhang-rare-surname"),
    pytest.param("王路委员代表农工党中央发言说，要加强基层医疗。", [("王路", ["委员"])], id="weiyuan-daibiao-fayan"),
    pytest.param("马建堂委员发言说，要稳就业。", [("马建堂", ["委员"])], id="weiyuan-fayan"),
    pytest.param("南存辉委员代表全国工商联发言。", [("南存辉", ["委员"])], id="surname-nan"),
    pytest.param("会议由胡明远行长助理主持。", [("胡明远", ["行长助理"])], id="compound-title"),
    pytest.param("会议由董事长赵国柱主持。董事钱立因公未出席，委托赵国柱董事代为出席。",
                 [("赵国柱", ["董事长", "董事"]), ("钱立", ["董事"])], id="dongshi-after-known-name"),
    pytest.param("卓祥军秘书长通报了大会筹备工作情况。", [("卓祥军", ["秘书长"])], id="mishuzhang-tongbao"),
    pytest.param("国务院总理李强代表国务院向大会作政府工作报告。", [("李强", ["国务院总理"])], id="daibiao-is-a-verb"),
    pytest.param("巴西总统主持会议。", [], id="country-before-zongtong"),
    pytest.param("巴西代表表示，要维护多边主义。", [], id="country-before-daibiao"),
    pytest.param("印度、巴基斯坦外长出席会议。", [], id="four-characters-one-surname"),
    pytest.param("项目负责人汇报了进展。", [], id="xiangmu-fuzeren"),
    pytest.param("车间主任发言。", [], id="chejian-zhuren"),
    pytest.param("党委书记主持会议。", [], id="dangwei-shuji"),
    pytest.param("师生代表发言。", [], id="shisheng-daibiao"),
    pytest.param("毕业生代表发言。", [], id="biyesheng-daibiao"),
    pytest.param("会议听取了有关部门负责人的汇报。", [], id="youguan-bumen"),
]


@pytest.mark.parametrize(("text", "people"), NAME_BEFORE_TITLE)
def test_name_before_title(candidates, text, people):
    assert first_mentions(candidates, text) == people


HEADER_NAMES = [
    pytest.param("会议纪要\n主持人：黄立\n", [("黄立", [])], id="chair-field"),
    pytest.param("会议纪要\n（主持人：黄立 汇报人：郭媛）\n", [("黄立", []), ("郭媛", [])], id="two-fields-in-parentheses"),
    pytest.param("会议纪要\n参会：黄立 管青 王国强\n列席：张 静 刘空\n",
                 [(n, []) for n in ("黄立", "管青", "王国强", "张 静", "刘空")], id="padded-name"),
    pytest.param("会议纪要\n列席：各部门负责人\n", [], id="group-is-no-name"),
    pytest.param("会议纪要\n主持：区长王志强\n", [("王志强", ["区长"])], id="role-and-name"),
]


@pytest.mark.parametrize(("text", "people"), HEADER_NAMES)
def test_header_names(candidates, text, people):
    assert first_mentions(candidates, text) == people


def test_names_by_position_ask_the_tagger_nothing(candidates, monkeypatch):
    """A shared-title list and a name before 委员长 are names by their position: no tagger call."""
    from meetingx.components import names

    asked: list[str] = []
    monkeypatch.setattr(names, "person_spans_of", lambda windows: [asked.append(window) or () for window in windows])
    text = "全国政协副主席胡建、王勇、帕巴拉·丹增、何文出席会议。栗志远委员长主持会议。"
    assert [name for name, _ in first_mentions(candidates, text)] == ["胡建", "王勇", "帕巴拉·丹增", "何文", "栗志远"]
    assert asked == []


def test_a_verb_is_never_inside_a_name(candidates):
    text = "5月17日，公司召开监事会会议。本次会议应出席监事3名，实际出席监事3名。"

    assert candidates(text, "PERSON") == []


SEVERAL_CHAIRS = [
    pytest.param("5月10日，委员长王明远在人民大会堂同来访的议长李泰民共同主持两国议会合作委员会会议。",
                 ["王明远", "李泰民"], id="chairing-together"),
    pytest.param("10月11日下午，学院召开党政联席会议。\n一、审议保密办法\n（主持人：黄德宝 汇报人：郭媛媛）\n"
                 "二、研究设备购置\n（主持人：管清美 汇报人：张静）", ["黄德宝", "管清美"], id="a-chair-for-each-item"),
    pytest.param("5月10日，县委召开常委会会议，县委书记王明主持会议。会后，县长李华主持召开专题会议。", ["王明"],
                 id="one-chair-of-the-meeting"),
]


@pytest.mark.parametrize(("text", "names"), SEVERAL_CHAIRS)
def test_several_chairs(extract, text, names):
    assert [p["name"] for p in extract(text)["chair"]] == names



#: Reports whose people need the tagger (names with no title, surnames the list lacks, two
#: possible lengths), composed for the test.
TAGGED_REPORTS = [
    "5月12日，市政协召开常委会议。周国强主持会议。周国强指出，要加强协商。",
    "4月18日下午，学校召开干部大会。党委书记覃建国主持会议，副校长阿不都·热合曼作报告。",
    "6月3日，区委召开常委会。易红梅主持会议并讲话。杨志勇、钟正生等先后发言。",
    "5月10日，县政协召开主席会议，主席王明远主持。蔡奇、王毅陪同出席。",
    "学校召开工作会议。",
]


def all_candidates(doc) -> list[tuple]:
    return [(c.label, c.start, c.end, c.rule, repr(c.data)) for c in doc._.mx_candidates]


def test_docs_read_together_get_the_candidates_each_gets_alone(monkeypatch):
    """nlp.pipe reads a batch's Docs side by side and the tagger answers their questions in shared
    rounds; every Doc ends with the candidates nlp(text) gives it."""
    import meetingx
    from meetingx import tagger
    from meetingx.components import names

    nlp = meetingx.load("zh")
    alone = []
    for text in TAGGED_REPORTS:
        tagger.forget()
        alone.append(all_candidates(nlp(text)))
    tagger.forget()
    rounds: list[list[str]] = []
    real = names.person_spans_of
    monkeypatch.setattr(names, "person_spans_of", lambda windows: rounds.append(list(windows)) or real(rounds[-1]))

    together = [all_candidates(doc) for doc in nlp.pipe(TAGGED_REPORTS, batch_size=len(TAGGED_REPORTS))]

    assert together == alone
    assert any(len(windows) > 1 for windows in rounds)  # questions of several Docs in one round


def test_rules_run_side_by_side_ask_in_rounds(monkeypatch):
    """answer_all: each round, every running rule asks its next question; all are answered at once."""
    from meetingx.components import names

    rounds: list[list[str]] = []
    monkeypatch.setattr(names, "person_spans_of", lambda windows: rounds.append(list(windows)) or
                        [((0, len(window)),) for window in rounds[-1]])

    def rule(*questions: str):
        lengths = []
        for question in questions:
            lengths.extend(end for _, end in (yield question))
        return lengths

    assert names.answer_all([rule("甲乙", "丙丁戊"), rule(), rule("己")]) == [[2, 3], [], [1]]
    assert rounds == [["甲乙", "己"], ["丙丁戊"]]
