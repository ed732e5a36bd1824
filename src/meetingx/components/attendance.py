"""Attendance: who attended, took part or sat in (出席, 参加, 列席… from ``triggers.jsonl``).

Adds ``ATTEND`` candidates, one per item of an attendance list (``data["person"]`` for a named
person): the list before the verb (校领导张伟、李红出席会议) or after it (出席会议的有…：).
A list is split into names and groups; a group splits only between complete groups (its parts
end in a head noun from ``group_heads.txt``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.subjects import SENTENCE, LeadStripper, Subject, clause_spans, subjects
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import SortedSpans

#: What stands between a name and 出席 without being attendees: a date, a place, a partner.
_NOT_A_GROUP = re.compile(r"[\s，、]*(?:\d{1,2}\s*[日号]|当地时间|在|于|同|与|将|也|还)")
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff·]{2,4}(?=、|$|和)")
_NOT_PRESENT = re.compile(r"未|不|缺席|请假|没有|应|实际")
_LISTING = re.compile(r"(?:[^，。；]{0,12}?的)?(?:还|其他)?有\s*：?|\s*：")
_LIST_MARK = re.compile(r"、|等|和|及")
_TRAILING_ADVERBS = re.compile(r"(?:共同|一起|也|还|都|均|分别|应邀|一同|等|将)+$")
_MEETING_VERB = re.compile(r"召开|举行|主持|出席|参加|列席")
#: Not a group of attendees: a head count (共30余人), no Chinese at all, or a total (共5名…).
_HEADCOUNT = re.compile(r"共?\d+余?名?人|[^\u4e00-\u9fff]*")
_COUNTED = re.compile(r"共\d")
_SENTENCE_MARK = re.compile(r"[，。]")


class AttendanceFinder:
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
        self.strip_lead = LeadStripper(lexicon)
        self.bare_titles = frozenset(lexicon.titles)
        heads = lexicon.alternation("group_heads.txt")
        self.group_head = re.compile(rf"(?:{heads})(?:（[^）]*）)?$")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        mentions = subjects(doc)
        starts = [s.start for s in mentions]
        all_clauses = SortedSpans(clause_spans(text))
        for sentence in SENTENCE.finditer(text):
            s_start, s_end = sentence.span()
            if not self.attend_re.search(text, s_start, s_end):
                continue
            first = bisect_left(starts, s_start)
            inside = [s for s in mentions[first:bisect_left(starts, s_end, first)] if s.end <= s_end]
            self.find_attendance(doc, text, s_start, s_end, all_clauses.starting_in(s_start, s_end), inside)
        return doc

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
