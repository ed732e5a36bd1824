"""Lists of names, read by their position: an item of a list of people is a name where it can be
one (see :meth:`NameRules.could_be_name`), whether the tagger knows it or not.

- names listed after a role and a name, sharing the role (全国政协副主席巴特尔、陈武、帕巴拉·格列朗杰);
- a list of bare names before a verb (王毅、石泰峰、何报翔和洛桑江村出席);
- the items of a minutes header field of people (主持人：王明, 列席：张丽 刘强 李 静).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Optional

from meetingx.components.names import Asking, NameRules
from meetingx.lexicon import Lexicon
from meetingx.positions import EndAnchored

#: Where a listed name ends at the latest: punctuation other than the dot inside a name
_ITEM_END = re.compile(r"[^\u4e00-\u9fff·]|$")
#: Punctuation that ends an item of a list of names.
_LIST_END = "、，；。！？：\n）)"
#: After a name, before the next one of a list.
_HONORIFICS = ("先生", "女士", "同志")
#: An item of a header field of names: 王明, 李 静 (a one-character given name padded with a space)
_HEADER_ITEM = re.compile(r"[\u4e00-\u9fff·]{2,}|[\u4e00-\u9fff](?: [\u4e00-\u9fff](?![\u4e00-\u9fff]))?")


class NameLists:
    """Reads the names of lists of people; offsets index the matching view."""

    def __init__(self, lexicon: Lexicon, names: NameRules) -> None:
        self.names = names
        self.name_field = re.compile(rf"(?:{lexicon.alternation('name_fields.txt')})\s*：\s*")
        # a role written before the first name of a bare list and shared by all (全国政协委员和专家宁吉喆、…)
        self.shared_role = EndAnchored(
            rf"(?:{lexicon.alternation('group_heads.txt')}|{lexicon.alternation('titles.txt')})$")

    def shared(self, text: str, pos: int) -> Asking[list[tuple[int, int]]]:
        """The names listed with 、 after a role and a name that ends at ``pos`` (巴特尔、陈武、
        帕巴拉·格列朗杰、咸辉出席). An item between two 、 is a name where it can be one; the last item
        ends where a name may end (咸辉出席…), the tagger choosing only between two possible lengths."""
        listed: list[tuple[int, int]] = []
        while True:
            if text.startswith(_HONORIFICS, pos):
                pos += 2  # 独立董事徐文英女士、宋希亮先生
            if pos >= len(text) or text[pos] != "、":
                break
            start = pos + 1
            end = yield from self.item_end(text, start)
            if end is None:
                break
            listed.append((start, end))
            pos = end
        return listed

    def item_end(self, text: str, start: int) -> Asking[Optional[int]]:
        """Where the name listed at ``start`` ends: at the next 、 or other punctuation, or where a
        name may end before a verb or follower word; None if no name can stand there."""
        names = self.names
        end = _ITEM_END.search(text, start, start + 17)
        end_pos = end.start() if end else min(len(text), start + 17)
        if end_pos - start <= 4 or "·" in text[start:end_pos]:
            listed = end_pos == len(text) or text[end_pos] in _LIST_END  # not 、阿拉伯—中国…
            return end_pos if listed and names.could_be_name(text, start, end_pos) else None
        if any(names.starts_role(text, title.start()) for title in names.title_re.finditer(text, start, end_pos)):
            return None  # 、阿尔及利亚总理阿卜杜拉赫曼: an item with a role of its own
        # (an item followed by a title starts the next role: 、党委副书记权良柱)
        ends = [n for n in (2, 3, 4) if names.ends_name(text, start + n)
                and names.could_be_name(text, start, start + n) and not names.starts_role(text, start + n)]
        if not ends:
            return None
        return start + (ends[0] if len(ends) == 1 else (yield from names.tagger_choice(text, start, ends)))

    def bare(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """王毅、石泰峰、何报翔和洛桑江村 (before a verb): two or more items between 、 (和 or 及 before
        the last) that can be names, nearly all with a surname, are names by their position (after
        a role they share, see :meth:`shared_role_end`)."""
        start = self.shared_role_end(text, start, end)
        items = self.names.list_items(text, start, end)
        pos = items[-1][0]
        last = next((p for p in range(pos + 2, end) if text[p] != "·" and self.names.ends_name(text, p)), end)
        if self.names.title_re.match(text, last):
            return []  # 印度、巴基斯坦外长: what the title is of, not names
        items[-1] = (pos, last)  # 蔡奇、王毅陪同出席: the last name ends before 陪同
        if len(items) < 2 or not self.names.could_be_names(text, items):
            return []
        return items

    def shared_role_end(self, text: str, start: int, end: int) -> int:
        """Where the names of a list start after a role written before the first of them and shared
        by all (全国政协委员和专家宁吉喆、林毅夫、易纲: 宁吉喆): the first item ends in a name of 2-4
        characters after a title or a noun of people; ``start`` where there is none."""
        first_end = text.find("、", start, end)
        if first_end < 0 or self.names.could_be_name(text, start, first_end):
            return start
        for length in (3, 2, 4):
            name_start = first_end - length
            if name_start > start and self.names.could_be_name(text, name_start, first_end) \
                    and self.shared_role.search(text, start, name_start):
                return name_start
        return start

    def header_items(self, text: str) -> Iterator[tuple[int, int]]:
        """The names of minutes header fields of people (主持人：王明, 列席：张丽 刘强 李 静): each item
        between spaces, 、 or ， that can be a name, a name padded to three characters (李 静) too."""
        line_end = -1  # the end of the line of the last field (found once for all the fields of a line)
        for field_match in self.name_field.finditer(text):
            if field_match.end() > line_end:
                line_end = text.find("\n", field_match.end())
                line_end = len(text) if line_end < 0 else line_end
            following = self.name_field.search(text, field_match.end(), line_end)
            end = following.start() if following else line_end
            for item in _HEADER_ITEM.finditer(text, field_match.end(), end):
                s, e = item.span()
                if self.names.could_be_name(text, s, e) or self.names.padded_name(text, s, e):
                    yield s, e
