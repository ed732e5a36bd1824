"""How a list of attendees splits into items: named persons, and groups as written.

A coordination splits only between complete groups (CONVENTIONS rule 6): a conjunct is complete
when it ends in a head noun from ``group_heads.txt`` (…负责人, …代表), or in a title from
``titles.txt`` when the next conjunct has a modifier of its own (县政府副县长、县政府党组成员).
Conjuncts that share a head (有关部门、单位负责人) or a modifier (部分在京省委委员、省委候补委员,
各科室主任、护士长) stay one item. A group must denote people: it ends in a head noun, a title or a
name; a head count (共30人) and what follows the head (…代表肩负人民重托) are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Optional

from meetingx.components.names import NameRules
from meetingx.components.subjects import Subject
from meetingx.lexicon import Lexicon
from meetingx.positions import EndAnchored

#: What stands between a name and the verb without being attendees: a date, a place, a partner.
_NOT_A_GROUP = re.compile(r"[\s，、]*(?:\d{1,2}\s*[日号]|当地时间|在|于|同|与|将|也|还)")
#: A head count after a group: 共101人, 等15人, 2310名
_HEAD_COUNT = EndAnchored(r"(?:等|共|计|合计|总计)?(?:近|约|逾|超过)?\d+(?:余|多)?\s*(?:名|位|人)+(?:左右)?$", reach=40)
#: How far back from its end a group is read for its head noun or title (and a note after it).
_HEAD_REACH = 80
#: A group with an origin of its own: 来自60多个国家…的代表
_MORE_PEOPLE = re.compile(r"来自")
#: In a clause that is no list of organisations: a clause's function words and verbs of organising
_NOT_AN_ORGANISATION = re.compile(r"[由被将已了]|主办|承办|举办|协办|共同")
#: Between a leader and the group he leads: 率(领), 带领
_LED = re.compile(r"率领?|带领")
#: Separators of the conjuncts of a group (和 and 及 only between characters of a conjunct).
_CONJUNCTION = re.compile(r"以及|[、和及]|与(?!会)")
#: Separators of the comma groups of a list.
_COMMA = re.compile(r"[，；]")
#: Personal pronouns, which start no group of attendees.
_PRONOUNS = "我你他她"
#: The marks that open and close what separators inside do not split (parentheses, quotes).
_NESTING = re.compile(r"[（“《）”》]")
#: Left at the ends of an item.
_EDGE = "、，；和及与等以 "


class AttendeeLists:
    """Splits the text of an attendance clause into named persons and groups."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.names = NameRules(lexicon, use_tagger=False)
        heads = lexicon.alternation("group_heads.txt")
        titles = lexicon.alternation("titles.txt")
        # (what ends a piece of text is read from its end: a head or title, with a note in brackets
        # of at most _HEAD_REACH characters in all)
        self.head_end = EndAnchored(rf"(?:{heads}|{titles})(?:（[^）]*）)?$", reach=_HEAD_REACH)
        self.group_head_end = EndAnchored(rf"(?:{heads})(?:（[^）]*）)?$", reach=_HEAD_REACH)
        self.title_end = EndAnchored(rf"(?:{titles})$")
        self.bare_titles = frozenset(lexicon.titles)
        self.group_titles = frozenset(lexicon.words("group_titles.txt"))
        self.modifier = self.names.group_modifier
        self.partitive = re.compile(r"(?:[^，、]{0,12}?)部分")
        self.organisation_finals = self.names.non_finals | lexicon.characters("organisation_finals.txt")

    # ------------------------------------------------------------------ what a piece of text is
    def ends_in_people(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] ends in a head noun or a title: it denotes people."""
        return bool(self.head_end.search(text, start, end))

    def more_people(self, text: str, start: int, end: int) -> bool:
        """Whether the group after the 等 of a list of names (…等相关部门负责人, …等来自60多个国家的
        1500多位代表) denotes more people than those listed: it has a modifier of its own or says
        where they come from; a bare category (…等县领导, …等党和国家领导人, …等21个国家领导人) is
        the listed people's title."""
        comma = _COMMA.search(text, start, end)
        end = comma.start() if comma else end
        return bool(self.modifier.match(text, start, end) or _MORE_PEOPLE.search(text, start, end))

    def is_bare_head(self, piece: str) -> bool:
        """副主席, 护士长, 委员: a title with no modifier of its own, sharing the one before it."""
        return piece in self.bare_titles

    def names_listed(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """王毅、石泰峰和洛桑江村 / 黄立 管青 张 静: a list whose items can be names (see
        :meth:`NameRules.could_be_names`) is a list of names, by its position."""
        items = self.join_padded(text, self.names.list_items(text, start, end))
        unpadded = [(s, e) for s, e in items if not self.names.padded_name(text, s, e)]
        return items if not unpadded or self.names.could_be_names(text, unpadded) else []

    def join_padded(self, text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """张 静: two one-character items with one space between are one name."""
        joined: list[tuple[int, int]] = []
        for s, e in items:
            if joined and e - s == 1 and joined[-1][1] - joined[-1][0] == 1 and s - joined[-1][1] == 1 \
                    and text[joined[-1][1]] == " ":
                joined[-1] = (joined[-1][0], e)
            else:
                joined.append((s, e))
        return joined

    def organisations_listed(self, text: str, start: int, end: int) -> bool:
        """各省、自治区、直辖市和新疆生产建设兵团: a list of organisations and places (every item ends
        like one), whose people are named by the head of the comma group after it."""
        if _NOT_AN_ORGANISATION.search(text, start, end):
            return False
        items = [m for m in re.split(r"[、和及]|以及", re.sub(r"（[^）]*）", "", text[start:end])) if m]
        return len(items) >= 2 and all(item[-1] in self.organisation_finals for item in items)

    # ------------------------------------------------------------------ splitting
    def items(self, text: str, start: int, end: int, subjects: list[Subject]) -> list[tuple[int, int, bool]]:
        """(start, end, is_person) of the attendees in text[start:end]: the persons the people
        component found (by name only), and the groups and listed names between them."""
        found: list[tuple[int, int, bool]] = []
        pos = start
        after_person = False
        persons = [s for s in subjects if start <= s.name_start and s.end <= end and not s.alias]
        # role_reach[i]: where the roles of the persons up to the i-th end at the latest, so that
        # whether a name stands inside another's role is looked up (persons are by start)
        role_reach = list(accumulate((o.name_start for o in persons), max))
        person_starts = [o.start for o in persons]
        for s in persons:
            if s.name_start < pos or role_reach[bisect_right(person_starts, s.name_start) - 1] > s.name_start:
                continue  # (a name inside another's role: 习近平主席特别代表、国务院副总理丁薛祥)
            # text glued to a name (校领导张伟、李红) is its shared title, not a group
            if s.start > pos and text[s.start - 1] in "，、；和及与等 ":
                found += self.groups_between(text, pos, s.start, after_person)
            found.append((s.name_start, s.name_end, True))
            pos = self.after_name(text, s.end, end)
            after_person = True
        if pos < end:
            found += self.groups_between(text, pos, end, after_person)
        return found

    def after_name(self, text: str, pos: int, end: int) -> int:
        """Where what belongs to a name ends: an honorific, or a title glued to it and what follows
        the title up to the next separator (习近平总书记连续13年…)."""
        if text.startswith(("同志", "先生", "女士"), pos):
            return pos + 2
        title = self.names.title_re.match(text, pos, end)
        if title is None:
            return pos
        pos = title.end()
        while pos < end and text[pos] not in "，、；和及与同率等以 ":
            pos += 1
        return pos

    def groups_between(self, text: str, start: int, end: int, after_person: bool) -> list[tuple[int, int, bool]]:
        if after_person and _NOT_A_GROUP.match(text, start, end):
            return []  # 王沪宁23日在京出席: when and where, not who
        while start < end and text[start] in "、，；和及与以 ":
            start += 1
        leader = _LED.match(text, start, end)
        start = leader.end() if leader else start  # 习近平率中央代表团出席: the delegation too
        if after_person and text.startswith("等", start):
            # 张明、黄华等相关部门负责人: a group with a modifier of its own is more people; 等县领导
            # names the listed people's title
            start += 1
            if not self.more_people(text, start, end):
                comma = _COMMA.search(text, start, end)
                start = comma.end() if comma else end
        found: list[tuple[int, int, bool]] = []
        for g_start, g_end in self.groups(text, start, end):
            found += self.group_items(text, g_start, g_end)
        return found

    def group_items(self, text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
        """The items of one group: its listed names, the names before its 等 (and the category after
        it when it has a modifier of its own), or the group itself when it denotes people."""
        etc = text.rfind("等", start, end)
        if etc > start:
            names = self.names_listed(text, start, etc)
            if names:
                found = [(s, e, True) for s, e in names]
                if self.more_people(text, etc + 1, end) and self.ends_in_people(text, etc + 1, end):
                    found.append((etc + 1, end, False))
                return found
            category = text[etc + 1:end]
            if category in self.bare_titles or self.group_head_end.pattern.fullmatch(category):
                end = etc  # 驻村工作队成员等人员: what 等 sums up adds nobody
                return [(s, e, False) for s, e in self.groups(text, start, end)] if end > start else []
        names = self.names_listed(text, start, end)
        if names:
            return [(s, e, True) for s, e in names]
        if text[start] in _PRONOUNS:
            return []  # 我将和…总统共同出席: who speaks, not a group
        if not self.ends_in_people(text, start, end):
            end = self.last_head(text, start, end) or start
            if end == start:
                return []
        named = self.name_before_title(text, start, end)
        if named:
            return [(start, named, True)]  # 习近平总书记: the name without its title
        for sep in reversed(self.top_level(text, start, end, _CONJUNCTION)):
            names = self.names_listed(text, start, sep.start())
            if len(names) >= 2:  # 尹力、陈敏尔、吴政隆及有关部门负责同志: names, then a group
                return [(s, e, True) for s, e in names] + self.group_items(text, sep.end(), end)
        return [(start, end, False)]

    def name_before_title(self, text: str, start: int, end: int) -> Optional[int]:
        """Where the name ends in a group that is a name and a title after it (王明委员, 习近平总书记)."""
        title = self.title_end.search(text, start, end)
        if title is None or title.group() in self.group_titles:
            return None  # 韩国总统, 学生代表: what the title is of
        name_end = title.start()
        surname = self.names.surname_len(text, start)
        if surname and 2 <= name_end - start <= surname + 2 and self.names.could_be_name(text, start, name_end):
            return name_end
        return None

    def last_head(self, text: str, start: int, end: int) -> Optional[int]:
        """Where a group that runs on into a predicate (近600名市人大代表肩负人民重托) ends: after its
        last head noun, when what follows is a short phrase with no list or clause in it."""
        for cut in range(end - 1, max(start + 1, end - 10), -1):
            if self.group_head_end.search(text, start, cut):
                rest = text[cut:end]
                if not re.search(r"[了的、，会]", rest):
                    return cut
                return None
        return None

    def groups(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The groups of a list: its comma groups (a headless list of organisations joined to the
        comma group whose head it shares), each split between complete conjuncts."""
        commas: list[tuple[int, int]] = []
        pos = start
        for comma in self.top_level(text, start, end, _COMMA):
            commas.append((pos, comma.start()))
            pos = comma.end()
        commas.append((pos, end))
        found: list[tuple[int, int]] = []
        pending: Optional[int] = None
        for index, (c_start, c_end) in enumerate(commas):
            c_start, c_end = self.trim(text, c_start, c_end)
            if c_start >= c_end:
                continue
            if pending is not None:
                c_start, pending = pending, None
            if index + 1 < len(commas) and self.organisations_listed(text, c_start, c_end):
                pending = c_start  # 各市、县（区）和开发区，省直有关部门负责同志: one group
                continue
            found += self.conjuncts(text, c_start, c_end)
        return [(s, e) for s, e in found if e - s >= 2]

    def conjuncts(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        parts: list[tuple[int, int, str]] = []  # (start, end, separator before)
        pos, sep_before = start, ""
        for sep in self.top_level(text, start, end, _CONJUNCTION):
            if sep.start() == pos:
                continue
            parts.append((pos, sep.start(), sep_before))
            pos, sep_before = sep.end(), sep.group()
        parts.append((pos, end, sep_before))
        # 部分在京省委委员、省委候补委员: a partitive modifier is shared by the conjuncts after 、
        partitive = bool(self.partitive.match(text, start, end))
        groups: list[tuple[int, int]] = []
        current: Optional[int] = None
        for index, (p_start, p_end, sep) in enumerate(parts):
            piece = text[p_start:p_end]
            if current is None:
                if groups and sep == "、" and self.is_bare_head(piece):
                    groups[-1] = (groups[-1][0], p_end)  # 主席、副主席、秘书长: heads sharing one modifier
                    continue
                current = p_start
            following = parts[index + 1] if index + 1 < len(parts) else None
            if following is None or not (partitive and following[2] == "、") \
                    and self.complete(text, current, p_start, p_end, following[0], following[1]):
                groups.append((current, p_end))
                current = None
        return [self.trim(text, s, e) for s, e in groups]

    def complete(self, text: str, group_start: int, start: int, end: int, next_start: int, next_end: int) -> bool:
        """Whether the conjunct text[start:end] (of a group begun at ``group_start``) completes a
        group: it ends in a head noun, or in a title while the next conjunct has a modifier of its
        own (a group modifier, or the same first characters as this group)."""
        if self.group_head_end.search(text, start, end):
            return True
        if not self.title_end.search(text, start, end) and not text[next_start].isdigit():
            return False
        if self.modifier.match(text, next_start, next_end) or text[next_start].isdigit():
            return True  # 公司董事、全体监事; 其余5名董事、5名监事
        return next_end - next_start > 2 and text[next_start:next_start + 2] == text[group_start:group_start + 2]

    @staticmethod
    def top_level(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[re.Match[str]]:
        """The matches of ``separator`` in text[start:end] outside parentheses and quotes (a closing
        mark without an opening one is ignored). Between two marks the separators are found by
        ``finditer``, which reads as a scan character by character would: no separator holds a mark."""
        found: list[re.Match[str]] = []
        depth = 0
        pos = start
        for mark in _NESTING.finditer(text, start, end):
            if depth == 0:
                found += separator.finditer(text, pos, mark.start())
            depth = depth + 1 if mark.group() in "（“《" else max(0, depth - 1)
            pos = mark.end()
        if depth == 0:
            found += separator.finditer(text, pos, end)
        return found

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Separators, 等 and a head count off the ends of an item."""
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in "、，；等 ":
            end -= 1
        count = _HEAD_COUNT.search(text, start, end)
        if count and count.start() > start:
            end = count.start()
            while end > start and text[end - 1] in "等 ":
                end -= 1
        return start, end
