"""Chinese components rewritten for linear time (issue 13) find what they found.

Each section keeps the pattern or loop as it was (the reference) and checks that the rewrite gives
the same answer on a table of composed strings and on strings hypothesis builds from the characters
that matter to it. Speed itself is measured by ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import meetingx
from linear_checks import END_ANCHORED, candidate_rows, strings, windows


def held_patterns() -> dict[str, str]:
    """The held component's patterns as they are now, by use (evidence and signals by rule)."""
    text = resources.files("meetingx").joinpath("data/zh/held.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {r.get("rule", r["use"]): r["pattern"] for r in records if "pattern" in r}


# ---------------------------------------------------------------------------------------------
# held.jsonl: a line's own white space is [^\S\n]*, where ^\s* ran on over the blank lines below
# from every line start (a notice followed by blank lines: quadratic). The same lines match; a
# match no longer starts at the blank lines above its line.

OLD_LINE_PATTERNS = {
    "reported-line": r"^\s*(?:[\[【［][^\]】］\n]{1,12}[\]】］]\s*：|(?:问|答|记者|嘉宾|网友)\s*：)",
    "dialogue-line": r"^\s*[^\s：，。；！？\n]{1,8}\s*：",
    "held.minutes-header": r"^\s*(?:会议)?(?:主持人?|记录人?|出席人员|列席人员|缺席人员|出席|列席|缺席)\s*：\s*[^\n，。？！]{1,60}$",
    "held.interview": r"专访|访谈|答记者问|答问|接受[^，。\n]{0,16}采访|^\s*(?:记者|问)\s*：",
}
LINE_TEXTS = [
    "记者：今年有哪些新举措？\n张华：我们出台了十条措施。",
    "\n\n\n记者：今年有哪些新举措？",
    "导语\n \n\t\n  问：会议何时召开？\n答：下月。",
    "【主持人】：欢迎各位。\n\n【嘉宾】 ：谢谢。",
    "区政府常务会议纪要\n\n\n主持：王明\n出席：李红、张华\n\n记录：赵强",
    "  主持人：王明\n\n\n",
    "会议由王明主持。\n\n出席人员：\n全体委员",
    "一段正文，没有对话。\n\n\n\n",
    "网友：\n\n：空的",
    "\u3000\u3000记者：全角空格开头",
]


def old_and_new_line_matches(key: str, text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    old, new = re.compile(OLD_LINE_PATTERNS[key], re.M), re.compile(held_patterns()[key], re.M)
    return list(old.finditer(text)), list(new.finditer(text))


def assert_same_lines(old: list[re.Match[str]], new: list[re.Match[str]], text: str) -> None:
    assert [m.end() for m in new] == [m.end() for m in old]
    for o, n in zip(old, new):
        skipped = text[o.start():n.start()]  # the blank lines above the matched line, if any
        assert n.start() >= o.start() and not skipped.strip() and (not skipped or "\n" in skipped)


@pytest.mark.parametrize("key", sorted(OLD_LINE_PATTERNS))
@pytest.mark.parametrize("text", LINE_TEXTS)
def test_held_line_patterns_match_the_same_lines(key: str, text: str) -> None:
    old, new = old_and_new_line_matches(key, text)
    assert_same_lines(old, new, text)


@settings(max_examples=300, deadline=None)
@given(strings("记者问答主持出席：:【】 \t\n\u3000王明", 40), st.sampled_from(sorted(OLD_LINE_PATTERNS)))
def test_held_line_patterns_match_the_same_lines_anywhere(text: str, key: str) -> None:
    old, new = old_and_new_line_matches(key, text)
    assert_same_lines(old, new, text)


def test_held_line_patterns_have_been_rewritten() -> None:
    """The table above tests the patterns of the data file, which no longer run over blank lines."""
    for key in OLD_LINE_PATTERNS:
        assert "^[^\\S\\n]*" in held_patterns()[key]


# held.tally: a count that ends a run of digits is tried where the run starts, not at each digit.
OLD_TALLY = r"表决(?:结果|情况)\s*：|(?:同意|赞成)\s*\d+\s*票|\d+\s*票\s*(?:同意|赞成)"


@pytest.mark.parametrize("text", [
    "会议以9票同意，0票反对通过", "以 12 票 赞成通过", "同意9票", "表决结果：通过", "123456789", "2024年12票同意",
    "第1234票同意", "共有35人，35票赞成", "9票反对，0票同意", "",
])
def test_held_tally_finds_the_same_first_match(text: str) -> None:
    old, new = re.compile(OLD_TALLY, re.M), re.compile(held_patterns()["held.tally"], re.M)
    found_old, found_new = old.search(text), new.search(text)
    assert (found_new and found_new.span()) == (found_old and found_old.span())


@settings(max_examples=300, deadline=None)
@given(strings("0123456789 票同意赞成表决结果：", 40))
def test_held_tally_finds_the_same_first_match_anywhere(text: str) -> None:
    old, new = re.compile(OLD_TALLY, re.M), re.compile(held_patterns()["held.tally"], re.M)
    found_old, found_new = old.search(text), new.search(text)
    assert (found_new and found_new.span()) == (found_old and found_old.span())


# ---------------------------------------------------------------------------------------------
# places: the meeting a convening or attending verb names is looked up in an index of the text's
# meeting nouns, where each verb read the rest of its clause (a clause that never ends: quadratic).

def reference_last_meeting_end(finder, text: str, start: int, end: int, quoted) -> Optional[int]:
    """PlaceFinder.last_meeting_end as it was: every noun of text[start:end] in turn."""
    last = None
    every_noun = re.compile(f"(?=({finder.meeting_nouns.pattern}))")  # each one a zero-width match, as before
    for noun in every_noun.finditer(text, start, end):
        noun_end = noun.end(1)
        if any(q_start < noun_end < q_end for q_start, q_end in quoted.overlapping(noun_end - 1, noun_end)):
            continue
        last = noun_end if last is None else max(last, noun_end)
        if finder.act_after.match(text, noun_end, end):
            return noun_end
    return last


@pytest.fixture(scope="module")
def places_pipeline():
    """A pipeline and its places component."""
    nlp = meetingx.load("zh")
    return nlp, nlp.get_pipe("meetingx_places").component


def assert_same_meeting_ends(places_pipeline, text: str) -> None:
    nlp, finder = places_pipeline
    spans = finder.lookups(nlp(text))
    for start, end in windows(text):
        assert finder.last_meeting_end(text, start, end, spans) \
            == reference_last_meeting_end(finder, text, start, end, spans.quoted), (start, end)


@pytest.mark.parametrize("text", [
    "召开市委常委会会议",
    "学校召开2024年秋季学期安全稳定工作部署会暨全体教职工大会",
    "召开《党委会的工作方法》专题学习会",
    "举行专题学习会集中学习了新修订的条例并研究部署下一步工作会议",
    "出席“两会”精神传达学习会并讲话",
    "召开会议会议会议会议会议会议会议会议会议会议会议会议会议会议会议会议",
    "召开党组会议认真传达了上级会议精神研究了常务会议议题座谈会上学习了文件",
    "召开“区委常委会”会议，研究了《会议纪要》的起草工作，召开了推进会",
    "出席出席出席出席出席出席出席出席出席出席出席出席出席出席出席出席",
])
def test_last_meeting_end_as_before(places_pipeline, text: str) -> None:
    assert_same_meeting_ends(places_pipeline, text)


@settings(max_examples=150, deadline=None)
@given(strings("会议常委大全体座谈学习了研究传达集中“”《》，召开", 40))
def test_last_meeting_end_as_before_anywhere(places_pipeline, text: str) -> None:
    assert_same_meeting_ends(places_pipeline, text)


# ---------------------------------------------------------------------------------------------
# people: the other occurrences of the names found are found by one scan per name length, where
# each name scanned the whole text (a text of many names: quadratic).

def reference_known_names(self, text: str, known: set[str], taken) -> list:
    """PeopleFinder step 5 as it was: each name in turn, longest first."""
    from meetingx.components.people import Mention

    found = []
    for name in sorted(known, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if taken.overlaps(match.start(), match.end()) or not self.names.ends_name(text, match.end()):
                continue
            found.append(Mention(name, match.start(), match.end(), [], "person.known-name", 0.8,
                                 match.start(), match.end()))
            taken.add(match.start(), match.end())
    return found


KNOWN_NAME_TEXTS = [
    "市委书记张三主持会议。张三强调，要狠抓落实。张三丰出席。会议感谢张三，张三、李四要带头。",
    "校长王明、副校长李红出席。王明讲话，李红主持。王明明天到校。大家向王明，李红学习。",
    "董事长欧阳振宇主持会议，欧阳振宇宣读了决议。欧阳振宇先生、独立董事欧阳红出席。感谢欧阳红。",
    "主持人：王明\n出席：李红 张华\n王明传达了文件精神，李红、张华分别发言。张华华。感谢张华，王明。",
    "市长哈哈主持会议。哈哈哈哈哈强调，哈哈要抓落实。感谢哈哈哈哈。",
    "党委书记阿不都·热合曼主持。阿不都·热合曼指出，要团结。阿不都出席。感谢阿不都·热合曼。",
]


@pytest.mark.parametrize("text", KNOWN_NAME_TEXTS)
def test_known_names_as_before(text: str) -> None:
    nlp = meetingx.load("zh")
    finder = nlp.get_pipe("meetingx_people").component
    new = candidate_rows(nlp(text))
    finder.known_names = reference_known_names.__get__(finder)
    old = candidate_rows(nlp(text))
    assert new == old
    assert any(rule == "person.known-name" for _, _, _, rule, _ in new)


# ---------------------------------------------------------------------------------------------
# structure: a line holds a full sentence where its first six Chinese characters in a row have a
# full stop after them, where a search for the whole sentence rescanned the line from every six.

OLD_FULL_SENTENCE = re.compile(r"[\u4e00-\u9fff]{6}[^\n]*。")


def has_full_sentence(line: str) -> bool:
    """What StructureFinder.find_lead asks of a line now."""
    from meetingx.components.structure import _SIX_HAN

    six = _SIX_HAN.search(line, 0, len(line))
    return bool(six) and line.find("。", six.end(), len(line)) >= 0


@pytest.mark.parametrize("line", ["会议召开了常务会议。", "会议召开。", "短句。长一些的句子没有句号", "12会议召开了常务。",
                                  "会议召开了常务会议", "a会议召开了常务 b。", "。会议召开了常务", "会议召开了。会议召开了常务"])
def test_full_sentence_as_before(line: str) -> None:
    assert has_full_sentence(line) == bool(OLD_FULL_SENTENCE.search(line))


@settings(max_examples=300, deadline=None)
@given(strings("会议召开。a1 ", 30))
def test_full_sentence_as_before_anywhere(line: str) -> None:
    assert has_full_sentence(line) == bool(OLD_FULL_SENTENCE.search(line))


# ---------------------------------------------------------------------------------------------
# clauses: a clause's group, its members, the people before a 主持 and the meetings a subject may
# name are looked up, where every clause of a sentence went through all its groups and people
# (a sentence of many people and clauses: quadratic).

def reference_find_chairs(self, doc, text, clauses, subjects):
    from meetingx.components import add_candidate
    from meetingx.components.clauses import _CHAIR_HEADER, _CHAIR_VERB

    found = None
    for c_start, c_end in clauses:
        for host in _CHAIR_VERB.finditer(text, c_start, c_end):
            pos = host.start()
            before = [s for s in subjects if c_start <= s.start and s.end <= pos
                      and "委托" not in text[s.end:pos] and not text.startswith("受", s.start - 1)]
            if not before:
                continue
            found = before[-1]
            if text.endswith("共同", c_start, pos):
                for person in before:
                    add_candidate(doc, "CHAIR", person.name_start, person.name_end, "clause.chair-together",
                                  0.85, alias=person.alias)
                continue
            add_candidate(doc, "CHAIR", found.name_start, found.name_end, "clause.chair-zhuchi", 0.9,
                          alias=found.alias)
    if clauses:
        for header in _CHAIR_HEADER.finditer(text, clauses[0][0], clauses[-1][1]):
            after = header.end()
            person = next((s for s in subjects if after <= s.start < after + 20), None)
            if person is not None:
                found = person
                add_candidate(doc, "CHAIR", person.name_start, person.name_end, "clause.chair-header", 0.9,
                              alias=person.alias)
    return found


def reference_group_at(self, index):
    return next((g for g in self.groups if g.index == index), None)


def reference_members(finder):
    """subject_groups with each clause's members read from every person of the sentence."""
    from meetingx.components import clauses as module

    def subject_groups(text, sentence, subjects):
        groups = []
        pending = []
        for index, ((c_start, c_end), head) in enumerate(zip(sentence.clauses, sentence.heads)):
            entrusted = module._ENTRUSTED.match(text, head, c_end)
            if entrusted:
                head = finder.strip_lead(text, entrusted.end(), c_end)
            members = [s for s in subjects if s.name_start >= c_start and s.start < c_end]
            if not members and pending and c_end - c_start <= 12 and text[c_end:c_end + 1] == "，" \
                    and not finder.any_verb.search(text, c_start, c_end):
                continue
            if not members or not (c_start <= members[0].start <= head <= members[0].name_start
                                   or members[0].start < c_start <= members[0].name_start):
                pending = []
                continue
            group = [members[0]]
            for nxt in members[1:]:
                gap = text[group[-1].end:nxt.start]
                if gap in ("、", "和", "及", "以及", "与") or gap.endswith("、"):
                    group.append(nxt)
                else:
                    break
            tail = group[-1].end
            while True:
                skip = module._AFTER_NAME.match(text, tail, c_end) or module._WHEN.match(text, tail, c_end)
                if not skip or skip.end() == tail:
                    break
                tail = skip.end()
            if tail >= c_end and text[c_end:c_end + 1] == "，":
                pending += group
                continue
            groups.append(module.Group(index, pending + group, tail))
            pending = []
        return groups

    return subject_groups


CLAUSE_TEXTS = [
    "3月5日上午，市委常委会召开会议，市委书记王建国主持会议并讲话。受王建国委托，副书记李红主持会议。",
    "会议由区长赵明主持。赵明强调，要抓落实。甲主席张三，乙主席李四，丙代表王五在大会上发言。",
    "主持：区长王志强\n出席：李红梅、赵国栋\n区长王志强主持，副区长李红梅、赵国栋和孙丽娟出席会议。",
    "市长张三，副市长李四，秘书长王五，局长赵六，主任钱七主持会议，李四、王五分别发言，他强调，要团结。",
    "中共中央政治局常委、国务院总理李强主持召开国务院常务会议。常务会议指出，要加强监管。常务会议听取了汇报。",
    "副书记李红受书记王建国委托主持会议，副书记张华主持会议。市长赵明委托副市长钱强主持会议。",
    "全国人大常委会委员长赵乐际同俄罗斯国家杜马主席沃洛金、白俄罗斯议长王明共同主持会议。",
    "学校召开安全工作部署会。此次部署会上，校长王明主持。部署会强调，要重视。会议要求，各单位要落实。她指出，要抓紧。",
]


@pytest.mark.parametrize("text", CLAUSE_TEXTS)
def test_clauses_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from meetingx.components.clauses import Sentence

    nlp = meetingx.load("zh")
    doc = nlp(text)
    new = candidate_rows(doc)
    names = [doc._.mx_text.folded[c.start:c.end] for c in doc._.mx_candidates if c.label == "MEETING"]
    finder = nlp.get_pipe("meetingx_clauses").component
    monkeypatch.setattr(finder, "find_chairs", reference_find_chairs.__get__(finder))
    monkeypatch.setattr(finder, "subject_groups", reference_members(finder))
    monkeypatch.setattr(finder, "is_this_meeting", lambda phrase: bool(
        re.match("本次|此次|这次|今天的", phrase.removesuffix("上"))) or any(
        phrase.removesuffix("上")[i:i + 3] in name for name in names for i in range(len(phrase.removesuffix("上")) - 2)))
    monkeypatch.setattr(Sentence, "group_at", reference_group_at)
    old = candidate_rows(nlp(text))
    assert new == old
    assert "CHAIR" in {label for label, *_ in new}


# attendees: the separators outside brackets are found by finditer between the brackets, where a
# Python loop tried each character.

def reference_top_level(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[re.Match[str]]:
    found = []
    depth = 0
    pos = start
    while pos < end:
        ch = text[pos]
        if ch in "（“《":
            depth += 1
        elif ch in "）”》":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = separator.match(text, pos, end)
            if match and match.end() > pos:
                found.append(match)
                pos = match.end()
                continue
        pos += 1
    return found


@settings(max_examples=300, deadline=None)
@given(strings("、和及与以会（）“”《》，；ab", 30))
def test_top_level_as_before(text: str) -> None:
    from meetingx.components.attendees import _COMMA, _CONJUNCTION, AttendeeLists

    for separator in (_COMMA, _CONJUNCTION):
        for start, end in windows(text):
            found = [m.span() for m in AttendeeLists.top_level(text, start, end, separator)]
            assert found == [m.span() for m in reference_top_level(text, start, end, separator)], (start, end)


# attendance: what list_before asks of a verb's clause is looked up (the clause's start, the
# sentence's people, 无/要/其中, a clause of time), the acts before the verb are read from the last
# one back within _ACT_REACH, the list within _LIST_REACH and a relative clause's head within
# _PHRASE_REACH; a name inside another's role is looked up among the list's persons.

def reference_attendance(finder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Puts the attendance component's old methods (and the attendee lists' old items) back."""
    from meetingx.components import attendance as a
    from meetingx.components.attendees import AttendeeLists

    old_before_verb = re.compile(END_ANCHORED["attendance.before-verb"][0])
    old_after_people = re.compile(END_ANCHORED["attendance.after-people"][0])
    old_time_clause = re.compile(r"[^，。；]*(?:之际|期间|时)(?=[，。；]|$)")

    def find_attendance(doc, text, s_start, s_end, clauses, subjects, words=None):
        for verb in finder.attend_re.finditer(text, s_start, s_end):
            before = text[max(s_start, verb.start() - 3):verb.start()]
            if a._NOT_PRESENT.search(before) or before.endswith("在"):
                continue
            listing = a._LISTING.match(text, verb.end(), s_end)
            if not listing and finder.people_noun.match(text, verb.end()):
                continue
            if listing:
                start = listing.end()
                following = finder.lexicon.header_cue.search(text, start, s_end)
                end = following.start() if following else s_end
                add_items(doc, text, start, end, subjects, "attendance.list-after")
                continue
            if not finder.attended.match(text, verb.end(), s_end):
                continue
            if a._REPORT_TITLE.match(text, verb.end(), s_end):
                continue
            relative = relative_clause(text, verb.end(), s_end)
            if relative:
                add_items(doc, text, *relative, subjects, "attendance.relative-clause")
                continue
            start, end = list_before(text, verb.start(), clauses, subjects)
            if start == end and end == clause_start(text, verb.start(), clauses):
                for person in finder.opening_subjects(text, s_start, s_end, subjects):
                    a.add_candidate(doc, "ATTEND", person.name_start, person.name_end,
                                    "attendance.sentence-subject", 0.75, person=True)
                continue
            add_items(doc, text, start, end, subjects, "attendance.list-before")

    def relative_clause(text, pos, s_end):
        relative = a._RELATIVE.match(text, pos, s_end)
        if not relative:
            return None
        end = a._PHRASE_END.search(text, relative.end(), s_end).start()
        start = relative.end()
        if end - start < 2 or re.search(r"\d", text[start:end]) or not finder.lists.ends_in_people(text, start, end):
            return None
        return start, end

    def list_before(text, verb_start, clauses, subjects):
        own_start = clause_start(text, verb_start, clauses)
        end = verb_start
        trail = old_before_verb.search(text, own_start, end)
        if trail:
            end = trail.start()
        if end > own_start and text[end - 1] in "同与跟":
            return end, end
        act_end = last_act_end(text, own_start, end)
        if act_end is not None and not finder.names_a_group(text, own_start, end):
            return act_end, end
        start = own_start
        subject_ends = {s.end for s in subjects} | {s.name_end for s in subjects}
        named = any(own_start <= s.name_start < end for s in subjects)
        if a._NOT_A_REPORT.search(text, own_start, end) or text.startswith("在", own_start) \
                and old_time_clause.match(text, verb_start) or "其中" in text[own_start:end] and not named:
            return end, end
        for c_start, c_end in reversed([c for c in clauses if c[1] <= own_start]):
            if text[c_start] in "”’":
                c_start += 1
            c_end = old_after_people.search(text, c_start, c_end).start()
            trail = old_before_verb.search(text, c_start, c_end)
            c_end = trail.start() if trail else c_end
            if finder.strip_lead(text, c_start, c_end) > c_start:
                break
            if last_act_end(text, c_start, c_end) is not None:
                break
            if c_end in subject_ends or finder.lists.ends_in_people(text, c_start, c_end) \
                    or finder.lists.names_listed(text, c_start, c_end):
                start = c_start
                continue
            if not a._QUOTE.search(text, c_start, c_end) and finder.lists.organisations_listed(text, c_start, c_end):
                start = c_start
                continue
            break
        return start, end

    def clause_start(text, pos, clauses):
        return next((c_start for c_start, _ in reversed(clauses) if c_start <= pos), pos)

    def last_act_end(text, start, end):
        found = None
        for act in finder.act_re.finditer(text, start, end):
            if finder.in_a_noun(text, act):
                continue
            if act.group() in finder.attend_verbs and (a._RELATIVE.match(text, act.end(), end)
                                                        or finder.people_noun.match(text, act.end())):
                continue
            found = act.end()
        for act in a._OTHER_ACT.finditer(text, start, end):
            found = max(found or 0, act.end())
        return found

    def add_items(doc, text, start, end, subjects, rule):
        start = finder.strip_lead(text, start, end)
        for i_start, i_end, is_person in items(text, start, end, subjects):
            if rule == "attendance.list-after" and a._COUNT.match(text, i_end, end):
                continue
            a.add_candidate(doc, "ATTEND", i_start, i_end, rule, 0.85 if is_person else 0.75, person=is_person)

    lists: AttendeeLists = finder.lists

    def items(text, start, end, subjects):
        found = []
        pos = start
        after_person = False
        persons = [s for s in subjects if start <= s.name_start and s.end <= end and not s.alias]
        for s in persons:
            if s.name_start < pos or any(o.start <= s.name_start < o.name_start for o in persons):
                continue
            if s.start > pos and text[s.start - 1] in "，、；和及与等 ":
                found += lists.groups_between(text, pos, s.start, after_person)
            found.append((s.name_start, s.name_end, True))
            pos = lists.after_name(text, s.end, end)
            after_person = True
        if pos < end:
            found += lists.groups_between(text, pos, end, after_person)
        return found

    monkeypatch.setattr(finder, "find_attendance", find_attendance)
    monkeypatch.setattr(type(lists), "top_level", staticmethod(reference_top_level))


ATTENDANCE_TEXTS = [
    "3月5日上午，市政府召开常务会议，市长王建国主持会议，副市长李晓东、张海波，秘书长赵明出席会议。",
    "会见了出席座谈会的优秀教师代表和劳动模范代表。出席会议的有：市委常委、副市长李红，市政协副主席王强。",
    "校领导张伟、李红，各学院（部）负责人，机关各部门负责同志参加会议。习近平主席特别代表、国务院副总理丁薛祥出席。",
    "本次会议无股东出席。要组织好委员参加会议。其中5名董事以通讯方式出席会议。在出席大会之际，王明会见了代表。",
    "丁薛祥和颜金勇还共同见证了合作文件签署，出席了开工仪式。张明、黄华等相关部门负责人，约50人出席。",
    "各省、自治区、直辖市和新疆生产建设兵团，中央和国家机关有关部门负责同志，中央军委机关有关部门负责同志参加会议。",
    "董事徐文英女士、宋希亮先生因工作原因，以通讯方式参加。主持：王明 出席：李红 列席：张丽 刘强",
    "审议委员长访问并出席大会情况的书面报告。全国人大代表、“全国劳动模范”李强（主持工作）等20余人列席会议。",
]


@pytest.mark.parametrize("text", ATTENDANCE_TEXTS)
def test_attendance_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = meetingx.load("zh")
    new = candidate_rows(nlp(text))
    reference_attendance(nlp.get_pipe("meetingx_attendance").component, monkeypatch)
    old = candidate_rows(nlp(text))
    assert new == old


def test_attendance_table_reads_attendees() -> None:
    nlp = meetingx.load("zh")
    attending = [text for text in ATTENDANCE_TEXTS if any(c.label == "ATTEND" for c in nlp(text)._.mx_candidates)]
    assert len(attending) >= len(ATTENDANCE_TEXTS) - 2


# places: what a convening verb reads of its clause is looked up (the last 在/于, a 主持 before it,
# the quotations' lengths) and bounded (a venue's 在/于 within _VENUE_REACH, a subject of at most
# 60 characters is sliced).

def reference_places(finder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Puts the places component's old read_object, read_subject and read_venue back."""
    from meetingx.components import places as p

    old_adverbs = re.compile(END_ANCHORED["places.adverbs"][0])

    def read_object(doc, text, start, end, clause, spans, rule="place.meeting-object"):
        last_end = finder.last_meeting_end(text, start, end, spans)
        quoted = sum(q_end - q_start for q_start, q_end in spans.quoted.overlapping(start, last_end or start))
        if last_end is None or last_end - start - quoted > 60:
            return False
        name_start = start
        while name_start < last_end and text[name_start] in " 了":
            name_start += 1
        if last_end > name_start:
            p.add_candidate(doc, "MEETING", name_start, last_end, rule, 0.85, clause=clause)
            return True
        return False

    def read_subject(doc, text, start, verb, clause, spans, has_object):
        venue_mark = read_venue(doc, text, start, verb, clause, spans)
        subject_end = venue_mark if venue_mark >= 0 else verb
        date_start = spans.dates.first_listed_start(start, subject_end)
        if date_start is not None:
            subject_end = date_start
        host = text.find("主持", start, subject_end)
        if host >= 0:
            subject_end = host
        subject_start = finder.lexicon.skip_lead(text, start, subject_end)
        prefix = p._DATE_PREFIX.match(text, subject_start, subject_end)
        if prefix:
            subject_start = prefix.end()
        while subject_end > subject_start and text[subject_end - 1] in "将已于":
            subject_end -= 1
        adverbs = old_adverbs.search(text, subject_start, subject_end)
        if adverbs and adverbs.start() > subject_start:
            subject_end = adverbs.start()
        subject = text[subject_start:subject_end].rstrip()
        if not subject or len(subject) > (60 if finder.ends_with_meeting(subject) else 40):
            return
        person_ends = [pe for _, pe in spans.people.overlapping(subject_start, subject_start + len(subject))]
        if person_ends and not (finder.ends_with_meeting(subject) and not any(
                p.first_verb(finder.person_act_re, text, pe, subject_start + len(subject)) for pe in person_ends)):
            return
        end = subject_start + len(subject)
        hosted = subject.find("由")
        if hosted > 0 and finder.ends_with_meeting(subject[:hosted]):
            p.add_candidate(doc, "MEETING", subject_start, subject_start + hosted, "place.meeting-subject", 0.85,
                            clause=clause)
            p.add_candidate(doc, "ORG", subject_start + hosted + 1, end, "place.hosts", 0.8, clause=clause)
            return
        if finder.ends_with_meeting(subject) and not p._BODY_NOUN.search(subject) and not has_object:
            owned = p._OWNED_MEETING.match(subject)
            if owned:
                p.add_candidate(doc, "ORG", subject_start, subject_start + owned.end("owner"), "place.meeting-owner",
                                0.8, clause=clause)
                subject_start += owned.end("owner")
            p.add_candidate(doc, "MEETING", subject_start, end, "place.meeting-subject", 0.85, clause=clause)
        elif p._TWO_HAN.search(subject) and not p._NOT_A_BODY.search(subject) and not finder.a_role.search(subject):
            p.add_candidate(doc, "ORG", subject_start, end, "place.convene-subject", 0.8, clause=clause)

    def read_venue(doc, text, start, verb, clause, spans):
        venue_mark = max(text.rfind("在", start, verb), text.rfind("于", start, verb))
        if venue_mark < 0:
            return -1
        venue_start, venue_end = venue_mark + 1, verb
        manner = p._AFTER_VENUE.search(text[venue_start:venue_end])
        if manner:
            venue_end = venue_start + manner.start()
        adverbs = old_adverbs.search(text, venue_start, venue_end)
        if adverbs:
            venue_end = adverbs.start()
        date_start = spans.dates.first_start(venue_start, venue_end)
        if date_start is not None:
            venue_end = date_start
        venue = text[venue_start:venue_end].strip()
        if venue and len(venue) <= 30 and not any(b in venue for b in finder.blockers) \
                and not p._NOT_A_VENUE.search(venue) \
                and not spans.names.overlapping(venue_start, venue_end):
            p.add_candidate(doc, "VENUE", venue_start, venue_start + len(text[venue_start:venue_end].rstrip()),
                            "place.zai-convene", 0.9, clause=clause)
        return venue_mark

    monkeypatch.setattr(finder, "read_object", read_object)
    monkeypatch.setattr(finder, "read_subject", read_subject)
    monkeypatch.setattr(finder, "read_venue", read_venue)


PLACE_TEXTS = [
    "3月5日上午，市政府在市行政中心第一会议室召开常务会议。公司于2024年4月18日在公司总部会议室以现场表决方式召开。",
    "学校隆重召开2024年秋季学期安全稳定工作部署会。甲、乙联合召开座谈会。常务副校长在206会议室主持召开校长办公会。",
    "召开“不忘初心、牢记使命”主题教育专题民主生活会。招待会由中国人民对外友好协会和马来西亚驻华大使馆共同举办。",
    "集团公司第三届董事会第五次会议在北京召开。王沪宁23日在京出席全国政协双周协商座谈会。决定6月下旬在北京召开大会。",
    "赵乐际在人民大会堂同俄罗斯国家杜马主席沃洛金共同主持中俄议会合作委员会第十次会议。区委书记主持召开区委常委会。",
    "十四届全国人大一次会议将于3月5日在北京举行。会议在线上以视频方式举行，在新加坡同东盟各国领导人共同出席峰会。",
]


@pytest.mark.parametrize("text", PLACE_TEXTS)
def test_places_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = meetingx.load("zh")
    new = candidate_rows(nlp(text))
    reference_places(nlp.get_pipe("meetingx_places").component, monkeypatch)
    old = candidate_rows(nlp(text))
    assert new == old
    assert {"MEETING", "VENUE"} & {label for label, *_ in new}


# ---------------------------------------------------------------------------------------------
# speech.first_verb: what stands before each verb (a light verb, 的/重要/在, an earlier 在) is looked
# up, where each verb read its window again from the start (speech words used as nouns, many in
# one clause: quadratic).

def reference_first_verb(pattern, text, start, end, not_verbs=None):
    from meetingx.components import speech as sp

    for verb in pattern.finditer(text, start, end):
        if not_verbs is not None and not_verbs.hold(text, verb):
            continue
        if sp._MADE.search(text, start, verb.start()) is None \
                and re.compile(r"(?:的[\u4e00-\u9fff]{0,2}|重要|在)$").search(text, start, verb.start()):
            continue
        if sp._NOUN_AFTER.match(text, verb.end(), end) or text.startswith("的", verb.end()) \
                or text.startswith(("中", "时"), verb.end()) and "在" in text[start:verb.start()]:
            continue
        return verb
    return None


@pytest.fixture(scope="module")
def speech_reader():
    return meetingx.load("zh").get_pipe("meetingx_clauses").component.speech


@settings(max_examples=200, deadline=None)
@given(strings("讲话报告指出强调表示的重要在作了出发表进行中时精神稿会议厅", 24))
def test_first_verb_as_before(speech_reader, text: str) -> None:
    from meetingx.components.speech import first_verb

    for pattern in (speech_reader.speech_re, speech_reader.content_re):
        for start, end in windows(text):
            found = first_verb(pattern, text, start, end, speech_reader.not_verbs)
            expected = reference_first_verb(pattern, text, start, end, speech_reader.not_verbs)
            assert (found and found.span()) == (expected and expected.span()), (start, end)


@pytest.mark.parametrize("text", ["李强作了关于政府工作的报告", "王明在讲话中指出", "传达了习近平总书记的重要讲话精神",
                                  "他发表讲话强调", "在报告会上作报告时指出", "作的报告的讲话在讲话中强调要求",
                                  "的发表示", "会议的进表示同意"])
def test_first_verb_as_before_in_sentences(speech_reader, text: str) -> None:
    from meetingx.components.speech import first_verb

    for pattern in (speech_reader.speech_re, speech_reader.content_re):
        found = first_verb(pattern, text, 0, len(text), speech_reader.not_verbs)
        expected = reference_first_verb(pattern, text, 0, len(text), speech_reader.not_verbs)
        assert (found and found.span()) == (expected and expected.span())


# speech: the presenters of a report heard are looked up from where they start, where each clause
# with 听取 went through every person of its sentence.

def reference_heard_presenters(doc, text, sentence, subjects):
    from meetingx.components import speech as sp

    for c_start, c_end in sentence.clauses:
        heard = sp._HEARD.search(text, c_start, c_end)
        if heard is None:
            continue
        listed = []
        pos = heard.end()
        for person in subjects:
            if person.alias or person.start < pos or person.start >= c_end:
                continue
            if person.start != pos:
                break
            listed.append(person)
            pos = person.end
            link = sp._LIST_LINK.match(text, pos, c_end)
            if link is None:
                break
            pos = link.end()
        if not listed:
            continue
        tail = sp._AFTER_LIST.match(text, listed[-1].end, c_end).end()
        presented = sp._PRESENTED.match(text, tail, c_end)
        if presented and sp._REPORTED.search(text, presented.end(), c_end):
            for person in listed:
                sp.add_candidate(doc, "SPEECH", tail, c_end, "speech.heard-report", 0.8,
                                 name_start=person.name_start, name_end=person.name_end, alias=None,
                                 speaking=True, quoted=False, heading=sentence.heading)


@pytest.mark.parametrize("text", [
    "会议听取了市财政局局长王明关于预算执行情况的汇报，听取了副市长李红、张华分别作的工作报告，听取了赵强同志的述职报告。",
    "会议听取了王明、李红和张华关于安全生产的汇报。王书记听取了汇报。会议听取并审议了市长张三作的政府工作报告。",
])
def test_heard_presenters_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = meetingx.load("zh")
    new = candidate_rows(nlp(text))
    reader = nlp.get_pipe("meetingx_clauses").component.speech
    monkeypatch.setattr(reader, "heard_presenters", reference_heard_presenters)
    old = candidate_rows(nlp(text))
    assert new == old
    assert any(rule == "speech.heard-report" for _, _, _, rule, _ in new)


# ---------------------------------------------------------------------------------------------
# announcement: the sentence of each mention of the meeting, the titles open in it and a plan
# before it are read on from the mention before, where each mention read its sentence again.

def reference_find_meeting(doc, text, headings):
    from meetingx.components import announcement as an

    named = [h for h in headings if h.group("meeting")]
    after = headings[0].end() if headings else 0
    name = re.compile(r"\s*".join(map(re.escape, named[0].group("meeting")))) if named else an._MEETING
    for match in name.finditer(text, after):
        sentence_start = max(text.rfind(mark, after, match.start()) for mark in "。\n") + 1
        period = text.find("。", match.end(), match.end() + 200)
        convened = an._CONVENE.search(text, match.end(), period if period >= 0 else match.end() + 200)
        in_title = text.count("《", sentence_start, match.start()) > text.count("》", sentence_start, match.start())
        if convened and not in_title and not an._PLANNED.search(text, sentence_start, match.start()):
            an.add_candidate(doc, "MEETING", match.start(), match.end(), "resolution.lead-meeting", 0.9)
            return
    if named:
        best = named[0]
        an.add_candidate(doc, "MEETING", best.start("meeting"), best.end("meeting"), "resolution.heading-meeting", 0.9)


ANNOUNCEMENT_HEAD = "示例科技股份有限公司\n第三届董事会第五次会议决议公告\n"


@pytest.mark.parametrize("lead", [
    "示例科技股份有限公司第三届董事会第五次会议于2024年4月18日召开。",
    "根据《第三届董事会第五次会议议事规则》，第三届董事会第五次会议于2024年4月18日在公司会议室召开。",
    "公司决定召开第三届董事会第五次会议。第三届董事会第五次会议于4月18日召开，审议通过了议案。",
    "《关于第三届董事会第五次会议》的通知。关于第三届董事会第五次会议的安排。本次会议应出席董事7人。",
    "第三届董事会第五次会\n议于2024年4月18日以通讯方式召开，会议由董事长张伟明主持。",
    "第三届董事会第五次会议《第三届董事会第五次会议》》第三届董事会第五次会议举行",
])
def test_announcement_meeting_as_before(lead: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ANNOUNCEMENT_HEAD + lead
    nlp = meetingx.load("zh")
    new = [(c.label, c.start, c.end, c.rule) for c in nlp(text)._.mx_candidates if c.label == "MEETING"]
    reader = nlp.get_pipe("meetingx_resolutions").component.announcement
    monkeypatch.setattr(reader, "find_meeting", reference_find_meeting)
    old = [(c.label, c.start, c.end, c.rule) for c in nlp(text)._.mx_candidates if c.label == "MEETING"]
    assert new == old and new


# ---------------------------------------------------------------------------------------------
# tallies: a table's head whose line runs on past the reach of its rows has no row, found without
# a search for the line's end (a line of vote labels: a search to its end for each pair).

def reference_read_table(text, header, tallies):
    """A tally laid out as a table: a head of labels (同意 反对 弃权), maybe a line of
    票数 比例（%） under each, then a row of numbers (A股 265,123,456 99.9876 12,300 0.0046 …).
    The counts are the row's last numbers, one per label (every other one where a ratio
    stands beside each count)."""
    from meetingx.components.tallies import _TABLE_NUMBER, _TABLE_REACH, COUNTS, Tally

    if len({count for count, *_ in header} & set(COUNTS)) < 2:
        return
    width = len(header)
    head_end = text.find("\n", header[-1][2])
    row_start = head_end + 1
    tokens: list[str] = []
    reach = min(len(text), header[-1][2] + _TABLE_REACH)
    while 0 < row_start < reach:
        row_end = text.find("\n", row_start, reach)
        row_end = reach if row_end < 0 else row_end
        tokens = _TABLE_NUMBER.findall(text, row_start, row_end)
        if len(tokens) >= width:
            break
        row_start = row_end + 1
    if len(tokens) < width:
        return
    paired = "比例" in text[head_end:row_start] or len(tokens) == 2 * width
    cells = tokens[-2 * width::2] if paired and len(tokens) >= 2 * width else tokens[-width:]
    if len(cells) < width or any(not cell.replace("，", "").isdigit() for cell in cells):
        return
    counts = {count: int(cell.replace("，", "")) for (count, *_), cell in zip(header, cells) if count in COUNTS}
    tallies.append(Tally(header[0][1], row_end, {key: counts.get(key) for key in COUNTS}))


@settings(max_examples=300, deadline=None)
@given(strings("同意反对弃权 \n123，票比例", 40))
def test_tallies_as_before(text: str) -> None:
    from meetingx.components.tallies import TallyReader, VoteWords
    from meetingx.lexicon import load_lexicon

    reader = TallyReader(VoteWords(load_lexicon("zh")))
    new = reader.read(text)
    reader.read_table = reference_read_table
    assert new == reader.read(text)


@pytest.mark.parametrize("text", [
    "表决结果：\n同意 反对 弃权\n9 0 0\n", "同意 反对 弃权\n票数 比例（%） 票数 比例（%） 票数 比例（%）\nA股 265，123 99.98 12 0.01 3 0.01",
    "同意 反对 同意 反对 同意 反对 同意 反对 同意 反对\n1 2", "同意 反对 弃权" + " " * 200 + "\n9 0 0",
])
def test_tallies_as_before_in_tables(text: str) -> None:
    from meetingx.components.tallies import TallyReader, VoteWords
    from meetingx.lexicon import load_lexicon

    reader = TallyReader(VoteWords(load_lexicon("zh")))
    new = reader.read(text)
    reader.read_table = reference_read_table
    assert new == reader.read(text)


# ---------------------------------------------------------------------------------------------
# name_lists: a header line's end is found once for all its fields, where each field searched for
# it (fields on one long line: quadratic).

def reference_header_items(lists, text: str) -> list[tuple[int, int]]:
    from meetingx.components.name_lists import _HEADER_ITEM

    found = []
    for field_match in lists.name_field.finditer(text):
        line_end = text.find("\n", field_match.end())
        line_end = len(text) if line_end < 0 else line_end
        following = lists.name_field.search(text, field_match.end(), line_end)
        end = following.start() if following else line_end
        for item in _HEADER_ITEM.finditer(text, field_match.end(), end):
            s, e = item.span()
            if lists.names.could_be_name(text, s, e) or lists.names.padded_name(text, s, e):
                found.append((s, e))
    return found


@pytest.fixture(scope="module")
def name_lists():
    return meetingx.load("zh").get_pipe("meetingx_people").component.lists


@settings(max_examples=300, deadline=None)
@given(strings("主持人出席列席：: \n王明李静刘强、，", 40))
def test_header_items_as_before(name_lists, text: str) -> None:
    assert list(name_lists.header_items(text)) == reference_header_items(name_lists, text)


@pytest.mark.parametrize("text", ["主持人：王明\n出席：李红 张华 刘 强\n列席：赵强", "主持：王明 出席：李红 列席：张丽 刘强 记录：孙丽",
                                  "出席：\n\n王明、李红\n主持：张华"])
def test_header_items_as_before_in_headers(name_lists, text: str) -> None:
    found = list(name_lists.header_items(text))
    assert found == reference_header_items(name_lists, text) and found


# ---------------------------------------------------------------------------------------------
# agenda: the clause an item ends with is looked up, where each item went through the sentence's
# clauses (a sentence of many acts: quadratic).

@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 5), max_size=12), st.integers(0, 40), st.integers(0, 11))
def test_clause_ending_at_as_before(lengths: list[int], end: int, index: int) -> None:
    from meetingx.components.agenda import clause_ending_at

    clauses, pos = [], 0
    for length in lengths:  # clauses as a sentence has them: in order, apart by a mark
        clauses.append((pos, pos + length))
        pos += length + 1
    expected = next((i + 1 for i, (_, e) in enumerate(clauses) if e == end), index + 1)
    assert clause_ending_at(clauses, end, index) + 1 == expected
