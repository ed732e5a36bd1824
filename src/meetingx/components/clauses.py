"""Clauses: who chaired, who spoke, who attended, what the meeting did.

Reads each sentence as clauses (split at ，and ：) around the people found by
:mod:`meetingx.components.people` and the trigger verbs of ``triggers.jsonl``, and adds:

- ``CHAIR``: the person nearest before 主持 in its clause (not the principal of 受…委托);
- ``SPEECH``: a person (or a list of people: X、Y等) in subject position whose clause holds a speech
  verb; the span is the speech as written, from after the name to the end of the clause;
- ``ATTEND``: one item of a 出席/参加/列席 list (``data["person"]`` for a named person);
- ``AGENDA``: a clause saying what the meeting did, from its predicate (or 就/对 lead-in);
- ``VOICE``: who is speaking from here on (a person, or ``None`` where 会议强调/要求), for the issuer
  of numbered directives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import SortedSpans

_SENTENCE = re.compile(r"[^。！？；\n]+")
#: Clauses of the sentences: split at commas and colons, and at the spaces that separate the parts
#: of a headline (spaces inside prose are not in the matching view).
_CLAUSE = re.compile(r"[^，： 。！？；\n]+")
_DATE_PREFIX = re.compile(r"(?:\d{1,4}\s*[年月日号]\s*|[上下]午|晚上|今天|近日|日前|（[^）]{0,6}）|\s)+")
#: What the meeting itself says (会议强调): the rest of the sentence is content, not agenda.
_MEETING_SUBJECT = re.compile(r"(?:本次)?(?:会议|会上|座谈会|大会|全会|会议上)(?:还|也|首先|同时|先后|随后|最后|一致)?")
_MEETING_VOICE = re.compile(r"(?:指出|强调|要求|认为|提出|号召|希望|表示|议定|明确|部署)")
_SPEECH_ONLY = re.compile(r"讲话|发言|指出|强调|要求|希望|表示|致辞|认为")
#: Words of sequence before a predicate, left out of an agenda item (首先传达了… -> 传达了…).
_SEQUENCE = re.compile(r"(?:首先|其次|还|并|又|也|同时|先后|分别|随后|接着|然后|最后|一起|共同)+")
#: Words of manner that belong to the predicate (深入学习贯彻…).
_MANNER = re.compile(r"(?:深入|认真|集中|专题|详细|系统|全面|重点|进一步|逐项|原则|及时|专门)+")
#: Where an agenda clause holds more than one act, split before each (传达…、通报了…、传达了…).
_LEAD_IN = re.compile(r"[就对向同]")
#: What stands between a name and 出席 without being attendees: a date, a place, a partner.
_NOT_A_GROUP = re.compile(r"[\s，、]*(?:\d{1,2}\s*[日号]|当地时间|在|于|同|与|将|也|还)")
_MADE = re.compile(r"作|做|发表|进行")
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff·]{2,4}(?=、|$|和)")
_WHEN = re.compile(r"(?:当地时间)?(?:\d{1,2}\s*[日号])?(?:上午|下午|晚上|晚)?")
_AFTER_NAME = re.compile(r"同志|等(?:人)?|们|\s")
_ENTRUSTED = re.compile(r"受[^，]{1,20}?委托")
_CHAIR_VERB = re.compile(r"主持(?!人)")
#: A header field of minutes: 主持：区长王志强 / 主持人：王志强
_CHAIR_HEADER = re.compile(r"主持(?:人)?\s*：")
_INSTRUCTED = re.compile(r"(?:作出|做出)[^，]{0,4}指示")
_CONVENED = re.compile(r"主持|召开|举行|的(?:重要)?(?:讲话|指示|论述|批示)")
_HEARD = re.compile(r"听取了?")
_REPORTED = re.compile(r"汇报|报告|介绍|说明")
_NOT_PRESENT = re.compile(r"未|不|缺席|请假|没有|应|实际")
_LISTING = re.compile(r"(?:[^，。；]{0,12}?的)?(?:还|其他)?有\s*：?|\s*：")
_LIST_MARK = re.compile(r"、|等|和|及")
_TRAILING_ADVERBS = re.compile(r"(?:共同|一起|也|还|都|均|分别|应邀|一同|等|将)+$")
_MEETING_VERB = re.compile(r"召开|举行|主持|出席|参加|列席")
_CONVENE = re.compile(r"召开|举行")
_CONVENE_OR_CHAIR = re.compile(r"召开|举行|主持")
#: Not a group of attendees: a head count (共30余人), no Chinese at all, or a total (共5名…).
_HEADCOUNT = re.compile(r"共?\d+余?名?人|[^\u4e00-\u9fff]*")
_COUNTED = re.compile(r"共\d")
_SENTENCE_MARK = re.compile(r"[，。]")
#: A clause that is only a verb of deciding, whose object is the next clause (决定，…).
_DECIDE = ("决定", "建议", "同意", "要求")
_ACT_DONE = re.compile(r"(?:进行|作|做)了?[^，]{0,6}(?:部署|安排|说明|解读|通报|汇报|介绍|研究|讨论|动员)")


@dataclass
class Subject:
    """A person or alias mention as a clause subject."""

    start: int  # where the mention (with its roles) starts
    end: int  # where it ends (after a trailing title)
    name_start: int
    name_end: int
    alias: Optional[tuple[str, str]] = None


class ClauseFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.speech_re = re.compile(word_pattern(lexicon.verbs("speech")))
        self.agenda_re = re.compile(word_pattern(lexicon.verbs("agenda")))
        self.attend_re = re.compile(word_pattern(lexicon.verbs("attend")))
        meetings = lexicon.alternation("meeting_nouns.txt")
        # what one attends: the meeting (under any of its names), or it is left implicit (出席并讲话)
        self.attended = re.compile(
            rf"了?(?:此次|本次|这次|今天的|上述|有关)?(?:{meetings}|活动|仪式|开幕|闭幕|表决|并|指导|祝贺|讲话|致辞|。|，|$)"
            rf"|[^，。]{{0,30}}?(?:{meetings})")
        self.done_re = re.compile(rf"(?:{self.agenda_re.pattern})了")  # 研究了, 传达了: an act done
        # lead words and dates before a clause's subject (会上，4月18日下午，首先…)
        self.lead_re = re.compile(rf"(?:{lexicon.alternation('lead_words.txt')}|{_DATE_PREFIX.pattern})+")
        self.bare_titles = frozenset(lexicon.titles)
        heads = lexicon.alternation("group_heads.txt")
        self.group_head = re.compile(rf"(?:{heads})(?:（[^）]*）)?$")

    # ------------------------------------------------------------------ helpers
    def strip_lead(self, text: str, start: int, end: int) -> int:
        """Move ``start`` past lead words (会上, 首先…) and dates (4月18日下午，)."""
        lead = self.lead_re.match(text, start, end)
        return lead.end() if lead else start

    def subjects(self, doc: Doc) -> list[Subject]:
        found = [Subject(c.data["span_start"], c.data["span_end"], c.start, c.end) for c in candidates(doc, "PERSON")]
        found += [Subject(c.start, c.end, c.start, c.end, alias=(c.data["surname"], c.data["title"]))
                  for c in candidates(doc, "ALIAS")]
        return sorted(found, key=lambda s: s.start)

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        subjects = self.subjects(doc)
        subject_starts = [s.start for s in subjects]
        all_clauses = SortedSpans([m.span() for m in _CLAUSE.finditer(text)])
        body_start = min((c.start for c in candidates(doc, "BODY")), default=0)
        last_subject: Optional[Subject] = None  # whom 他/她 refers to
        for sentence in _SENTENCE.finditer(text):
            s_start, s_end = sentence.span()
            words = sentence.group()  # for cheap checks of whether a rule can apply at all
            first = bisect_left(subject_starts, s_start)
            last = bisect_left(subject_starts, s_end, first)
            inside = [s for s in subjects[first:last] if s.end <= s_end]
            clauses = all_clauses.starting_in(s_start, s_end)
            heads = [self.strip_lead(text, c_start, c_end) for c_start, c_end in clauses]
            if "会" in words:
                meetings = [_MEETING_SUBJECT.match(text, head, c_end) for head, (_, c_end) in zip(heads, clauses)]
                voiced = [meeting is not None and _MEETING_VOICE.match(text, meeting.end(), c_end) is not None
                          for meeting, (_, c_end) in zip(meetings, clauses)]
            else:  # every name of the meeting as a subject (会议, 会上…) holds 会
                meetings, voiced = [None] * len(clauses), [False] * len(clauses)
            chair = self.find_chairs(doc, text, clauses, inside) if "主持" in words else None
            groups = self.subject_groups(text, clauses, heads, inside) if inside else []
            if True in voiced:
                # 会议指出，习近平总书记的重要讲话…: the rest of the sentence is what the meeting said
                first_voiced = voiced.index(True)
                groups = [g for g in groups if g[0] <= first_voiced]
            if "他" in words or "她" in words:
                pronouns = self.pronoun_groups(text, heads, groups, last_subject)
                groups = sorted(groups + pronouns, key=lambda group: group[0])
            if groups:
                last_subject = groups[-1][1][-1]
            elif chair is not None:
                last_subject = chair  # 会议由王某主持。他指出…
            self.find_speeches(doc, text, words, clauses, heads, voiced, groups, inside)
            if self.attend_re.search(text, s_start, s_end):
                self.find_attendance(doc, text, s_start, s_end, clauses, inside)
            if s_end > body_start:
                self.find_agenda(doc, text, clauses, heads, meetings, voiced, groups)
        return doc

    def find_chairs(self, doc: Doc, text: str, clauses: list[tuple[int, int]],
                    subjects: list[Subject]) -> Optional[Subject]:
        """Adds ``CHAIR`` candidates; returns the last chair found in these clauses."""
        found: Optional[Subject] = None
        for c_start, c_end in clauses:
            for host in _CHAIR_VERB.finditer(text, c_start, c_end):
                pos = host.start()
                before = [s for s in subjects if c_start <= s.start and s.end <= pos
                          and "委托" not in text[s.end:pos] and not text.startswith("受", s.start - 1)]
                if before:
                    found = before[-1]
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

    def subject_groups(self, text: str, clauses: list[tuple[int, int]], heads: list[int],
                       subjects: list[Subject]) -> list[tuple[int, list[Subject], int]]:
        """(clause index, subjects, tail start) for every clause whose subject is people:
        a mention at the clause start (after lead words, dates and 受…委托), or a list of them,
        also a list that runs over clauses (甲主席张三，乙主席李四，丙代表王五在大会上发言).
        ``heads[i]`` is where clause i starts after its lead words."""
        groups = []
        pending: list[Subject] = []
        for index, ((c_start, c_end), head) in enumerate(zip(clauses, heads)):
            entrusted = _ENTRUSTED.match(text, head, c_end)
            if entrusted:
                head = self.strip_lead(text, entrusted.end(), c_end)
            members = [s for s in subjects if s.name_start >= c_start and s.start < c_end]
            if not members or not (members[0].start == head or members[0].start < c_start <= members[0].name_start):
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
            while True:  # 同志, 等, and when (23日, 当地时间27日下午) stand between the name and the act
                skip = _AFTER_NAME.match(text, tail, c_end) or _WHEN.match(text, tail, c_end)
                if not skip or skip.end() == tail:
                    break
                tail = skip.end()
            if tail >= c_end and text[c_end:c_end + 1] == "，":
                pending += group  # only names here: the list goes on after the comma
                continue
            groups.append((index, pending + group, tail))
            pending = []
        return groups

    def pronoun_groups(self, text: str, heads: list[int], groups: list[tuple[int, list[Subject], int]],
                       last_subject: Optional[Subject]) -> list[tuple[int, list[Subject], int]]:
        """他指出/她强调 at the head of a clause: the person who was the subject last."""
        found = []
        subject_of = {index: group[-1] for index, group, _ in groups}
        for index, head in enumerate(heads):
            if index in subject_of:
                last_subject = subject_of[index]
                continue
            if last_subject is None or text[head:head + 1] not in ("他", "她") \
                    or text[head + 1:head + 2] in ("们", "人"):
                continue
            found.append((index, [last_subject], head + 1))
        return found

    def speech_verb(self, text: str, start: int, end: int) -> Optional[re.Match[str]]:
        """The first speech verb in text[start:end] that is a verb, not a noun (的讲话, 重要讲话)."""
        for verb in self.speech_re.finditer(text, start, end):
            before = text[max(start, verb.start() - 6):verb.start()]
            made = _MADE.search(text, start, verb.start()) is not None  # 作了关于…的说明: an act
            if not made and (before.endswith("的") or before.endswith("重要")):
                continue
            return verb
        return None

    def find_speeches(self, doc: Doc, text: str, words: str, clauses: list[tuple[int, int]],
                      heads: list[int], voiced: list[bool], groups: list[tuple[int, list[Subject], int]],
                      subjects: list[Subject]) -> None:
        """In the sentence ``words``: ``heads[i]`` is where clause i starts after its lead words,
        ``voiced[i]`` whether the meeting itself speaks in it (会议强调)."""
        with_subject = {index for index, _, _ in groups}
        for index, group, tail in groups:
            c_end = clauses[index][1]
            if text.startswith("委托", tail) or _INSTRUCTED.search(text, tail, c_end):
                continue  # 作出指示 from elsewhere is not speaking at the meeting
            verb = self.speech_verb(text, tail, c_end)
            # the subject carries over to the following clauses that have none of their own, unless it
            # convened the meeting (李强主持召开…，研究部署…: what follows is the meeting's business)
            follow = index + 1
            convened = _CONVENED.search(text, tail, c_end) is not None
            while verb is None and not convened and follow < len(clauses) and follow not in with_subject:
                f_start, f_end = clauses[follow]
                verb = self.speech_verb(text, f_start, f_end)
                if verb is not None:
                    sequence = _SEQUENCE.match(text, f_start, f_end)
                    tail, c_end = (sequence.end() if sequence else f_start), f_end
                follow += 1
            if verb is None:
                continue
            for person in group:
                add_candidate(doc, "SPEECH", tail, c_end, "clause.subject-speech", 0.85,
                              name_start=person.name_start, name_end=person.name_end, alias=person.alias)
            add_candidate(doc, "VOICE", group[0].start, c_end, "clause.person-voice", 0.8,
                          name_start=group[-1].name_start, name_end=group[-1].name_end, alias=group[-1].alias)
        # 会议听取了X关于…的汇报: X reported
        if "听取" in words:
            for c_start, c_end in clauses:
                for heard in _HEARD.finditer(text, c_start, c_end):
                    after = heard.end()
                    person = next((s for s in subjects if s.start == after and not s.alias), None)
                    if person is None:
                        continue
                    tail = person.end + (2 if text.startswith("同志", person.end) else 0)
                    if _REPORTED.search(text, tail, c_end):
                        add_candidate(doc, "SPEECH", tail, c_end, "clause.heard-report", 0.8,
                                      name_start=person.name_start, name_end=person.name_end, alias=None)
        # 会议强调/要求: the meeting's own voice
        for (_, c_end), head, meeting_speaks in zip(clauses, heads, voiced):
            if meeting_speaks:
                add_candidate(doc, "VOICE", head, c_end, "clause.meeting-voice", 0.8, name_start=None,
                              name_end=None, alias=None)

    def find_attendance(self, doc: Doc, text: str, s_start: int, s_end: int, clauses: list[tuple[int, int]],
                        subjects: list[Subject]) -> None:
        for verb in self.attend_re.finditer(text, s_start, s_end):
            before = text[max(s_start, verb.start() - 3):verb.start()]
            if _NOT_PRESENT.search(before) or before.endswith("在"):
                continue  # absent, expected, or 在出席…时 (a time, not an attendance)
            listing = _LISTING.match(text, verb.end(), s_end)
            if listing and (listing.group().endswith(("有", "：")) or "有" in listing.group()):
                start = listing.end()
                following = self.lexicon.header_cue.search(text, start, s_end)
                end = following.start() if following else s_end  # 出席：…列席：… in one line
                self.attendee_items(doc, text, start, end, subjects, "clause.attend-list")
                continue
            if not self.attended.match(text, verb.end(), s_end):
                continue
            region_start = verb.start()
            for c_start, c_end in reversed(clauses):
                if c_start > verb.start():
                    continue
                if c_end < verb.start() and (self.has_verb(text, c_start, c_end)):
                    break
                region_start = c_start
                if c_end < verb.start() and not _LIST_MARK.search(text, c_start, c_end) \
                        and not any(c_start <= s.start < c_end for s in subjects):
                    region_start = c_end + 1
                    break
            end = verb.start()
            trail = _TRAILING_ADVERBS.search(text, region_start, end)
            if trail:
                end = trail.start()
            self.attendee_items(doc, text, region_start, end, subjects, "clause.attend-subject")

    def has_verb(self, text: str, start: int, end: int) -> bool:
        return bool(self.speech_re.search(text, start, end) or self.agenda_re.search(text, start, end)
                    or _MEETING_VERB.search(text, start, end))

    def attendee_items(self, doc: Doc, text: str, start: int, end: int, subjects: list[Subject],
                       rule: str) -> None:
        """Split a list of attendees into names and groups (a group splits only between complete groups)."""
        start = self.strip_lead(text, start, end)
        pos = start
        pieces: list[tuple[int, int, bool]] = []  # (start, end, is_person)
        for s in subjects:
            if s.start < start or s.end > end or s.alias:
                continue
            # text glued to a name (校领导张伟、李红) is its shared title, not a group
            if s.start > pos and text[s.start - 1] in "，、；和及与等 ":
                pieces.append((pos, s.start, False))
            pieces.append((s.name_start, s.name_end, True))
            pos = s.end
            if text.startswith("同志", pos):
                pos += 2
        if pos < end:
            pieces.append((pos, end, False))
        for p_start, p_end, is_person in pieces:
            if is_person:
                add_candidate(doc, "ATTEND", p_start, p_end, rule, 0.85, person=True)
                continue
            if _NOT_A_GROUP.match(text, p_start, p_end):
                continue  # 王沪宁23日在京出席: when and where, not who
            for g_start, g_end in self.groups_in(text, p_start, p_end):
                # 李强、赵乐际、王沪宁等党和国家领导人: the names, then the group they belong to
                etc = text.find("等", g_start, g_end)
                names = self.name_list(text, g_start, etc if etc > 0 else g_end)
                for n_start, n_end in names:
                    add_candidate(doc, "ATTEND", n_start, n_end, rule, 0.75, person=True)
                if names and etc > 0 and g_end - etc > 2:
                    add_candidate(doc, "ATTEND", etc + 1, g_end, rule, 0.75, person=False)
                elif not names:
                    add_candidate(doc, "ATTEND", g_start, g_end, rule, 0.75, person=False)

    @staticmethod
    def name_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
        """王毅、石泰峰、洛桑江村: a list of 2- to 4-character items with no head noun is a list of
        names (the people component has already found the names it could confirm)."""
        items = list(_LIST_ITEM.finditer(text, start, end))
        if len(items) < 3 or sum(m.end() - m.start() + 1 for m in items) - 1 != end - start:
            return []
        return [m.span() for m in items]

    def groups_in(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        # split at ，、和及以及 outside parentheses
        parts: list[list[int]] = []
        depth, seg_start, pos = 0, start, start
        while pos < end:
            ch = text[pos]
            if ch == "（":
                depth += 1
            elif ch == "）":
                depth = max(0, depth - 1)
            sep = 0
            if depth == 0:
                if ch in "，、；":
                    sep = 1
                elif text.startswith("以及", pos):
                    sep = 2
                elif ch in "和及与" and pos > seg_start:
                    sep = 1
            if sep:
                parts.append([seg_start, pos, ch in "，；"])
                seg_start = pos + sep
                pos += sep
                continue
            pos += 1
        parts.append([seg_start, end, True])
        # join a part to the next unless it is a complete group (ends with a head noun) or a comma ends it
        groups: list[tuple[int, int]] = []
        current: Optional[int] = None
        for p_start, p_end, hard in parts:
            piece = text[p_start:p_end].strip()
            if current is None:
                current = p_start
            if not piece:
                current = None if hard else current
                continue
            bare_head = piece in self.bare_titles or len(piece) <= 3 and self.group_head.search(piece)
            if bare_head and groups and current == p_start \
                    and text[p_start - 1] == "、":
                groups[-1] = (groups[-1][0], p_end)  # 主席、副主席、秘书长: heads sharing one modifier
                current = None
                continue
            if hard or self.group_head.search(piece):
                groups.append((current, p_end))
                current = None
        if current is not None:
            groups.append((current, end))
        cleaned = []
        for g_start, g_end in groups:
            while g_start < g_end and text[g_start] in "、，和及与等 以":
                g_start += 1
            while g_end > g_start and text[g_end - 1] in "、，等 ":
                g_end -= 1
            piece = text[g_start:g_end]
            if len(piece) < 2 or _HEADCOUNT.fullmatch(piece) or _COUNTED.match(piece):
                continue
            if _SENTENCE_MARK.search(piece) or len(piece) > 40:
                continue
            cleaned.append((g_start, g_end))
        return cleaned

    def find_agenda(self, doc: Doc, text: str, clauses: list[tuple[int, int]], heads: list[int],
                    meetings: list[Optional[re.Match[str]]], voiced: list[bool],
                    groups: list[tuple[int, list[Subject], int]]) -> None:
        """``heads[i]`` is where clause i starts after its lead words, ``meetings[i]`` the meeting
        as its subject (会议, 会上) if any, ``voiced[i]`` whether the meeting speaks in it."""
        by_clause = {index: tail for index, _, tail in groups}
        active = False  # an agenda run continues over the following clauses
        for index, (c_start, c_end) in enumerate(clauses):
            head, meeting = heads[index], meetings[index]
            if meeting and meeting.end() < c_end:
                if voiced[index]:
                    return  # the rest of the sentence is what the meeting said
                head, active = meeting.end(), True
            elif index in by_clause:
                head, active = by_clause[index], True
            elif _CONVENE.search(text, c_start, c_end):
                active = True
                continue
            elif index == 0 and self.agenda_start(text, head, c_end) is not None \
                    and self.done_re.search(text, head, c_end):
                active = True  # a sentence that starts with what was done (审议了…, 研究部署了…)
            if not active:
                continue
            start = self.agenda_start(text, head, c_end)
            if start is not None and index in by_clause and text.startswith("建议", start):
                continue  # 某某委员建议，…: a speaker's proposal, not an act of the meeting
            if start is None:
                if _SPEECH_ONLY.search(text, head, c_end) and not _CONVENE_OR_CHAIR.search(text, head, c_end):
                    return  # what follows is the content of a speech
                continue
            end = c_end
            if text[c_end:c_end + 1] == "，" and text[start:c_end] in _DECIDE:
                following = [c for c in clauses if c[0] > c_end]
                if following:
                    end = following[0][1]
            for item_start, item_end in self.split_acts(text, start, end):
                add_candidate(doc, "AGENDA", item_start, item_end, "clause.agenda", 0.75)

    def split_acts(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """传达…精神、通报了…情况、传达了…精神: one item per act joined by 、."""
        cuts = [start]
        sep = text.find("、", start, end)
        while sep >= 0:
            pos = sep + 1
            sep = text.find("、", pos, end)
            verb = self.agenda_re.match(text, pos, end)
            if verb and (text.startswith("了", verb.end()) or text[verb.end():verb.end() + 2] in ("学习", "部署")):
                cuts.append(pos)
        bounds = cuts + [end + 1]
        return [(a, b - 1) for a, b in zip(bounds, bounds[1:]) if b - 1 > a]

    def agenda_start(self, text: str, head: int, end: int) -> Optional[int]:
        """Where an agenda item starts in a clause (its verb, with words of manner, or a 就/对/向
        lead-in), or None when the clause does not report an act of the meeting."""
        sequence = _SEQUENCE.match(text, head, end)
        start = sequence.end() if sequence else head
        manner = _MANNER.match(text, start, end)
        pos = manner.end() if manner else start
        if self.agenda_re.match(text, pos, end):
            return start
        if _LEAD_IN.match(text, pos) and _ACT_DONE.search(text, pos, end):
            return pos
        done = self.done_re.search(text, pos, end)
        if done and done.start() - pos <= 30 and not _SPEECH_ONLY.search(text, pos, done.start()):
            return pos
        return None
