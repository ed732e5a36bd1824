"""Attendance: who attended, took part or sat in (出席, 参加, 列席, 到会, 与会, 收听收看… from
``triggers.jsonl``).

Adds ``ATTEND`` candidates, one per attendee (``data["person"]`` for a named person). Three
constructions give the attendees of an attendance verb:

- the list before it (校领导张伟、李红出席会议), which runs back over the clauses of its sentence
  that are groups of people (a closing paragraph of ，-separated groups ending …等也出席了招待会),
  and never past another verb (会见了…, 听取了X作的…);
- the list after it (出席会议的有…, 出席招待会的领导同志还有：…, 列席：…);
- a relative clause (会见了出席座谈会的优秀教师代表).

Absentees (未出席, 请假), head counts (实际出席董事9人, 出席会议的股东共70人) and a 与会/参会 that
modifies a noun (与会代表表示) give nothing. How a list splits into items is
:mod:`meetingx.components.attendees`'s business.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass
from operator import itemgetter

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.attendees import AttendeeLists
from meetingx.components.subjects import SENTENCE, LeadStripper, Subject, other_occasion_before, subjects, text_parts
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import EndAnchored, Occurrences

#: Before the verb: an absentee, an expected or a counted attendance, not one that took place.
#: After an attendance verb, the end of a report's title (…出席第六次世界议长大会情况的书面报告)
_REPORT_TITLE = re.compile(r"[^，。；]{0,40}?情况的(?:书面)?(?:报告|汇报|说明)")
_NOT_PRESENT = re.compile(r"未|不|没有|缺席|请假|应(?!邀)|实际")
#: After the verb: the list follows (出席会议的有…, 出席招待会的领导同志还有：…, 列席人员：…).
_LISTING = re.compile(r"(?:[^，。；：]{0,30}?的[^，。；：]{0,12}?)?(?:还|也|另外|其他)?有(?![关限])\s*：?"
                      r"|[^，。；：的]{0,6}：")
#: After the verb: a relative clause, 出席座谈会的(优秀教师代表)
_RELATIVE = re.compile(r"[^，。；：、的]{1,30}?的")
#: The end of a relative clause's head noun phrase.
_PHRASE_END = re.compile(r"[，。；：]|$")
#: Between the list and the verb: 等, adverbs, where from (在县分会场, 通过视频方式)
_BEFORE_VERB = EndAnchored(r"(?:等|共同|一起|也|还|都|均|分别|应邀|一同|将|代为|陪同|专程|特邀|在线|线上|首次|再次|并|又|随后"
                          r"|作为[^，、。]{1,16}?"
                          r"|通过[^，、。]{1,12}?方式|以[^，、。]{1,12}?方式"
                          r"|在[^，、。]{1,12}?(?:分会场|主会场|会场|现场))+$", reach=80)
#: A count right after a group: 203人, 10 名
_COUNT = re.compile(r"\s*\d+\s*(?:余|多)?\s*[名位人]")
#: A verb of another act before the list in the same clause: the list starts after it.
_OTHER_ACT = re.compile(r"会见了?|会晤了?|看望了?|接见了?|慰问了?|邀请了?|欢迎|感谢|(?<![工合创写协操])作的|了")
#: Before the verb in its clause: a breakdown of a count, a negated attendance, a request. (Every
#: alternative starts with a character, and 要 is checked for the one before it after it is read,
#: so that re skips to where a match may start: the document's occurrences are found in one scan.)
_NOT_A_REPORT = re.compile(r"会议无|本次无|并无|均无|没有|要(?<![主重需必政纪摘首显]要)(?![求点素])|应当|必须|务必|不得")
#: The rest of a clause that is a time (在…出席…之际, 在…期间): not this meeting's attendance
#: (read as: the rest of the clause from the verb on, up to the first of these marks, ends in
#: _TIME_WORD; where no mark follows, the rest of the text does)
_TIME_CLAUSE_END = re.compile(r"[，。；]")
_TIME_WORD = EndAnchored(r"(?:之际|期间|时)(?=[，。；]|$)")
#: 其中5名董事以通讯方式出席: a breakdown of a count
_AMONG = re.compile("其中")
#: After a clause's people: an honorific and a reason (…宋希亮先生因工作原因)
_AFTER_PEOPLE = EndAnchored(r"(?:先生|女士)?(?:因[^，。、]{0,8}(?:原因|故|公|事|病))?$")
#: How far back from an attendance verb the acts of its clause are read (the list before it
#: starts after the last of them)
_ACT_REACH = 400
#: How long the head noun phrase of a relative clause (出席座谈会的…) may be
_PHRASE_REACH = 200
#: How far back from its verb the list before it is read in the verb's clause
_LIST_REACH = 1000
#: After a verb, what makes it part of a noun (研究生, 发言人, 主持人, 说明书): no act.
_NOUN_AFTER_VERB = re.compile(r"[生人院所室员厅书稿信]")
_QUOTE = re.compile(r"[“”《》\"]")


class AttendanceFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.attend_verbs = frozenset(lexicon.verbs("attend"))
        self.attend_re = re.compile(word_pattern(self.attend_verbs))
        self.act_re = re.compile(word_pattern(lexicon.verbs("speech", "agenda", "chair", "attend", "convene")))
        meetings = lexicon.alternation("meeting_nouns.txt")
        self.meeting_noun = re.compile(meetings)
        # what one attends: the meeting (under any of its names), or it is left implicit (出席并讲话)
        self.attended = re.compile(
            rf"了?(?:此次|本次|这次|今天的|上述|有关)?(?:{meetings}|活动|仪式|开幕|闭幕|表决|并|指导|祝贺|讲话|致辞"
            rf"|听取|学习|研讨|座谈|讨论|。|，|；|$)|[^，。]{{0,30}}?(?:{meetings}|活动|仪式|典礼)")
        self.lists = AttendeeLists(lexicon)
        self.strip_lead = LeadStripper(lexicon)
        heads = lexicon.alternation("group_heads.txt")
        titles = lexicon.alternation("titles.txt")
        # 与会代表, 列席人员, 出席会议人员: a verb of attending that modifies a noun of people
        self.people_noun = re.compile(rf"(?:本次)?(?:会议|大会)?(?:{heads}|{titles})")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        mentions = subjects(doc)
        starts = [s.start for s in mentions]
        all_clauses = text_parts(doc).clauses
        words = ClauseWords(not_a_report=Occurrences(_NOT_A_REPORT, text, lookahead=1),
                            among=Occurrences(_AMONG, text), time_clause_ends=Occurrences(_TIME_CLAUSE_END, text))
        for sentence in SENTENCE.finditer(text):
            s_start, s_end = sentence.span()
            if not self.attend_re.search(text, s_start, s_end):
                continue
            first = bisect_left(starts, s_start)
            inside = [s for s in mentions[first:bisect_left(starts, s_end, first)] if s.end <= s_end]
            self.find_attendance(doc, text, s_start, s_end, all_clauses.starting_in(s_start, s_end), inside, words)
        return doc

    def find_attendance(self, doc: Doc, text: str, s_start: int, s_end: int, clauses: list[tuple[int, int]],
                        subjects: list[Subject], words: "ClauseWords") -> None:
        people = SentencePeople(subjects)
        verbs = list(self.attend_re.finditer(text, s_start, s_end))
        for index, verb in enumerate(verbs):
            before = text[max(s_start, verb.start() - 3):verb.start()]
            if _NOT_PRESENT.search(before) or before.endswith("在"):
                continue  # absent, expected, counted, or 在出席…时 (a time, not an attendance)
            if other_occasion_before(self.lexicon, text, s_start, verb.start()):
                continue  # 李明书记曾多次出席该论坛: attendances of other occasions
            listing = _LISTING.match(text, verb.end(), s_end)
            if not listing and self.people_noun.match(text, verb.end()):
                continue  # 与会代表表示, 列席代表: a verb that modifies a noun of people
            if listing:
                # a list runs to the sentence's end, but not past the next field (出席：…列席：… in
                # one line) nor the next attendance verb
                start = listing.end()
                list_end = verbs[index + 1].start() if index + 1 < len(verbs) else s_end
                following = self.lexicon.header_cue.search(text, start, list_end)
                end = following.start() if following else list_end
                self.add_items(doc, text, start, end, people, "attendance.list-after")
                continue
            if not self.attended.match(text, verb.end(), s_end):
                continue
            if _REPORT_TITLE.match(text, verb.end(), s_end):
                continue  # 审议委员长访问…并出席…大会情况的书面报告: an attendance inside a report's title
            relative = self.relative_clause(text, verb.end(), s_end)
            if relative:
                self.add_items(doc, text, *relative, people, "attendance.relative-clause")
                continue
            start, end = self.list_before(text, verb.start(), clauses, people, words)
            if start == end and end == self.clause_start(text, verb.start(), clauses):
                # 丁薛祥和颜金勇还共同见证了…，出席了…仪式: the verb has the sentence's subject
                for person in self.opening_subjects(text, s_start, s_end, subjects):
                    add_candidate(doc, "ATTEND", person.name_start, person.name_end, "attendance.sentence-subject",
                                  0.75, person=True)
                continue
            self.add_items(doc, text, start, end, people, "attendance.list-before")

    def relative_clause(self, text: str, pos: int, s_end: int) -> tuple[int, int] | None:
        """The head noun phrase of 出席座谈会的(优秀教师代表)。: it ends the clause and denotes people;
        one followed by a count is a head count (出席会议的股东共70人), no attendee."""
        relative = _RELATIVE.match(text, pos, s_end)
        if not relative:
            return None
        start = relative.end()
        end = _PHRASE_END.search(text, start, min(s_end, start + _PHRASE_REACH + 1)).start()
        if end - start < 2 or end - start > _PHRASE_REACH or re.search(r"\d", text[start:end]) \
                or not self.lists.ends_in_people(text, start, end):
            return None
        return start, end

    def list_before(self, text: str, verb_start: int, clauses: list[tuple[int, int]],
                    people: "SentencePeople", words: "ClauseWords") -> tuple[int, int]:
        """Where the list before the verb starts and ends: it ends before 等, adverbs and where from
        (在县分会场), and starts after the last other act of the verb's clause (会见了参加…), else
        back over the clauses before it that are groups of people: each ends in a person, a head
        noun or a title, or is a list of organisations sharing the next one's head."""
        own_start = max(self.clause_start(text, verb_start, clauses), verb_start - _LIST_REACH)
        end = verb_start
        trail = _BEFORE_VERB.search(text, own_start, end)
        if trail:
            end = trail.start()
        if end > own_start and text[end - 1] in "同与跟":
            return end, end  # 赵乐际同出席论坛的企业家代表座谈: the verb is inside the object of 同
        act_end = self.last_act_end(text, own_start, end)
        if act_end is not None and not self.names_a_group(text, own_start, end):
            return act_end, end
        start = own_start
        if words.not_a_report.search(own_start, end) or text.startswith("在", own_start) \
                and words.time_clause(text, verb_start) or words.among.search(own_start, end) \
                and not people.named_in(own_start, end):
            return end, end  # 本次会议无…股东出席, 要组织好委员参加会议, 其中5名董事以通讯方式出席
        for index in range(bisect_right(clauses, own_start, key=itemgetter(1)) - 1, -1, -1):
            c_start, c_end = clauses[index]  # (the clauses before it, from the last back: no copy of them)
            if text[c_start] in "”’":
                c_start += 1  # the end of a quotation before it
            c_end = _AFTER_PEOPLE.search(text, c_start, c_end).start()  # …先生因工作原因，以通讯方式参加
            trail = _BEFORE_VERB.search(text, c_start, c_end)  # …和家乡代表等，约5000人出席
            c_end = trail.start() if trail else c_end
            if self.strip_lead(text, c_start, c_end) > c_start:
                break  # 会上，/ 4月18日下午，: a lead, not a group
            if self.last_act_end(text, c_start, c_end) is not None:
                break
            if c_end in people.ends or self.lists.ends_in_people(text, c_start, c_end) \
                    or self.lists.names_listed(text, c_start, c_end):
                start = c_start
                continue
            if not _QUOTE.search(text, c_start, c_end) and self.lists.organisations_listed(text, c_start, c_end):
                start = c_start  # 各省、自治区、直辖市和新疆生产建设兵团，…负责同志
                continue
            break
        return start, end

    @staticmethod
    def clause_start(text: str, pos: int, clauses: list[tuple[int, int]]) -> int:
        """Where the clause holding ``pos`` starts."""
        index = bisect_right(clauses, pos, key=itemgetter(0))
        return clauses[index - 1][0] if index else pos

    def opening_subjects(self, text: str, s_start: int, s_end: int, subjects: list[Subject]) -> list[Subject]:
        """The people a sentence opens with (丁薛祥和颜金勇还…): named persons right at its start,
        after its lead words, joined by 、, 和, 与 or 及."""
        pos = self.strip_lead(text, s_start, s_end)
        while pos < s_end and text[pos] in "，： ":
            pos = self.strip_lead(text, pos + 1, s_end)  # 5月10日，王明…
        found: list[Subject] = []
        for s in subjects:
            if s.alias or s.start < pos:
                continue
            if s.start > pos:
                break
            found.append(s)
            pos = s.end
            if text.startswith(("同志", "先生", "女士"), pos):
                pos += 2
            if pos < s_end and text[pos] in "、和与及":
                pos += 1
        return found

    def names_a_group(self, text: str, start: int, end: int) -> bool:
        """Whether a clause that opens with a verb is the name of a group (学习贯彻…主题教育指导组有关
        负责同志出席): the verb starts it and a head noun ends it."""
        first = self.act_re.match(text, self.strip_lead(text, start, end), end)
        return first is not None and self.lists.ends_in_people(text, start, end)

    def last_act_end(self, text: str, start: int, end: int) -> int | None:
        """Where the last act other than attending in text[start:end] ends (会见了, 听取了X作的,
        邀请): an attending verb with a relative clause (出席大会的委员) is part of the list. (The
        last _ACT_REACH characters are read, the acts in them from the last one back.)"""
        start = max(start, end - _ACT_REACH)
        found = None
        for act in reversed(list(self.act_re.finditer(text, start, end))):
            if self.in_a_noun(text, act):
                continue
            if act.group() in self.attend_verbs and (_RELATIVE.match(text, act.end(), end)
                                                      or self.people_noun.match(text, act.end())):
                continue  # 出席大会的委员, 列席代表: part of the list
            found = act.end()
            break
        for act in deque(_OTHER_ACT.finditer(text, start, end), maxlen=1):
            found = max(found or 0, act.end())
        return found

    def in_a_noun(self, text: str, act: re.Match[str]) -> bool:
        """Whether a verb is part of a noun or another word: 研究生, 发言人, 运动员, 座谈会, 表彰大会,
        受表彰的, 同意大利 (同 + 意大利)."""
        if _NOUN_AFTER_VERB.match(text, act.end()) or act.start() > 0 and text[act.start() - 1] in "运受":
            return True
        if act.group() not in self.attend_verbs and self.meeting_noun.match(text, act.end()):
            return True  # 座谈会, 表彰大会
        return act.group() == "同意" and text.startswith("大利", act.end())

    def add_items(self, doc: Doc, text: str, start: int, end: int, people: "SentencePeople", rule: str) -> None:
        start = self.strip_lead(text, start, end)
        for i_start, i_end, is_person in self.lists.items(text, start, end, people.around(start, end)):
            if rule == "attendance.list-after" and _COUNT.match(text, i_end, end):
                continue  # 出席全会的有中央委员203人: a head count, as 实际出席董事9人
            add_candidate(doc, "ATTEND", i_start, i_end, rule, 0.85 if is_person else 0.75, person=is_person)


@dataclass(frozen=True)
class ClauseWords:
    """Where the words stand that list_before asks a verb's clause about, found once per document
    rather than read again for each verb in the clause."""

    #: 本次会议无…, 要组织好…: not a report of attendance
    not_a_report: Occurrences
    #: 其中5名董事…: a breakdown of a count
    among: Occurrences
    #: the marks a clause of time runs to (在…出席…之际，)
    time_clause_ends: Occurrences

    def time_clause(self, text: str, pos: int) -> bool:
        """Whether the rest of the clause from ``pos`` on is a time (在…出席…之际, 在…期间)."""
        mark = self.time_clause_ends.search(pos, len(text))
        return _TIME_WORD.search(text, pos, mark.end() if mark else len(text)) is not None


class SentencePeople:
    """The people of a sentence (by where their mentions start) with what the attendance rules
    look up about them, made once per sentence rather than for every verb in it."""

    def __init__(self, mentions: list[Subject]) -> None:
        self.mentions = mentions
        self.starts = [s.start for s in mentions]
        self.name_starts = sorted(s.name_start for s in mentions)
        #: where a mention ends (after a trailing title or after the name)
        self.ends = {s.end for s in mentions} | {s.name_end for s in mentions}
        #: the longest stretch of roles before a name
        self.longest_roles = max((s.name_start - s.start for s in mentions), default=0)

    def named_in(self, start: int, end: int) -> bool:
        """Whether a name starts in [start, end)."""
        index = bisect_left(self.name_starts, start)
        return index < len(self.name_starts) and self.name_starts[index] < end

    def around(self, start: int, end: int) -> list[Subject]:
        """The mentions whose name may stand in [start, end) (those that start there, or before it
        with their roles), by start."""
        return self.mentions[bisect_left(self.starts, start - self.longest_roles):bisect_left(self.starts, end)]
