"""People: names with the titles that stand with them.

Rules find the boundaries: a title noun from ``titles.txt`` (…副书记, …处长) ends a role phrase, and
the name follows it or stands before it (赵乐际委员长); where a name may start and end is decided
by :mod:`meetingx.components.names`, which asks the tagger only where its rules cannot decide.

Each mention becomes a ``PERSON`` candidate: ``data["name"]`` and ``data["roles"]`` (a list of
``(start, end)`` spans), plus ``ALIAS`` candidates for surname + title references (王书记).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc
from spacy.util import minibatch

from meetingx.components import RULES_ONLY_KEY, add_candidate
from meetingx.components.name_lists import NameLists
from meetingx.components.names import PUNCT, Asking, NameRules, answer_all, is_cjk
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import Occupied, word_starts

#: A parenthesised note that belongs to the role before it: 副总经理（主持工作）
_ACTING = re.compile(r"主持工作|代理|挂职|正[厅处科]级|副[厅处科]级")
#: An adverb before 代表 that makes it a verb: 先后代表, 分别代表
_ADVERB_BEFORE = re.compile(r"(?:先后|分别|共同|首先|再次|也|还|又|将)$")
_PAREN = re.compile(r"（([^（）]{2,20})）")
_DATE_PREFIX = re.compile(r"(?:\d{1,4}\s*[年月日号]\s*)+(?:上午|下午|晚上|晚)?")
#: Between names and their verb: 等, 同志, adverbs, and when and where (20日, 在京)
#: Words after which a run of names before a verb starts: who was chosen or asked to act
#: The conjunctions that join two title + name pairs with no punctuation (县长王平和副县长李刚).
_PAIR_JOINERS = frozenset("和与及同")
_RUN_OPENERS = re.compile(r"推举|推选|选举|委托|邀请|由")
_TRAILER = re.compile(r"(?:同志|先生|女士|等)?(?:(?:当地时间)?\d{1,2}日(?:上午|下午|晚上|晚)?)?(?:在[\u4e00-\u9fff]{1,6}?)?"
                      r"(?:先后|分别|相继|依次|共同|也|还|都|将)?$")
#: The ideographs that end where a search stops: the start of the run before a title.
_IDEOGRAPHS_TO_END = re.compile(r"[\u4e00-\u9fff]*+\Z")
#: A run of what names before a verb are written with (ideographs, 、 and the dot of a
#: transcribed name), matched in the reversed text: the run that ends at a position.
_NAME_RUN = re.compile(r"[\u4e00-\u9fff、·]*")


@dataclass
class Mention:
    """A person named at [start, end) with role spans standing with the name."""

    name: str
    start: int
    end: int
    roles: list[tuple[int, int]] = field(default_factory=list)
    rule: str = "person.title-name"
    confidence: float = 0.9
    #: where the whole mention (roles + name + trailing title) starts and ends
    span_start: int = -1
    span_end: int = -1


class PeopleFinder:
    """Adds ``PERSON`` and ``ALIAS`` candidates."""

    def __init__(self, lexicon: Lexicon, use_tagger: bool = True) -> None:
        self.lexicon = lexicon
        self.names = NameRules(lexicon, use_tagger)
        self.title_re = self.names.title_re
        self.person_verb_re = re.compile(word_pattern(lexicon.verbs("chair", "speech", "attend")))
        self.group_titles = frozenset(lexicon.words("group_titles.txt"))
        self.lists = NameLists(lexicon, self.names)
        # Words inside the run before a title that end whatever came before the role.
        self.stop_re = re.compile(r"的有|还有|有(?![限关])|由|邀请|陪同|受|了|听取|会见|看望|同(?!志)|在|以及|向")

    # ------------------------------------------------------------------ helpers
    def role_start(self, text: str, title_start: int) -> int:
        """Where the role phrase whose title noun starts at ``title_start`` begins: back to
        punctuation (a parenthesised part such as 组织部（统战部） stays inside), then past lead
        words (会上, 首先), a stop word (参加会议的有…, 会议由…) and a leading date."""
        # (the run of ideographs at once, then character by character where a ） ends it)
        pos = _IDEOGRAPHS_TO_END.search(text, max(0, title_start - 40), title_start).start()
        depth = 0
        while pos > 0 and title_start - pos < 40:
            ch = text[pos - 1]
            if ch == "）":
                depth += 1
            elif ch == "（" and depth:
                depth -= 1
            elif depth == 0 and (ch in PUNCT or not is_cjk(ch)):
                break  # punctuation, a digit (27日下午…), Latin
            pos -= 1
        defined = text.rfind("简称", pos, title_start)
        if defined >= 0 and text.find("）", defined, title_start) >= 0:
            pos = text.find("）", defined, title_start) + 1  # …公司（以下简称“公司”）董事长: the definition is no role
        stop = self.stop_re.search(text, pos, title_start)
        while stop:
            pos = stop.end()
            stop = self.stop_re.search(text, pos, title_start)
        pos = self.lexicon.skip_lead(text, pos, title_start)
        return self.strip_date_prefix(text, pos, title_start)

    @staticmethod
    def strip_date_prefix(text: str, start: int, end: int) -> int:
        match = _DATE_PREFIX.match(text, start, end)
        return match.end() if match else start

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        answer_all([self.find(doc)])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The Docs, people found (``nlp.pipe`` calls this): the Docs of a batch are read side by
        side, so that the tagger answers their questions together (see :func:`answer_all`)."""
        for batch in minibatch(docs, batch_size):
            answer_all([self.find(doc) for doc in batch])
            yield from batch

    def find(self, doc: Doc) -> Asking[None]:
        """Add the Doc's ``PERSON`` and ``ALIAS`` candidates, asking the tagger where the rules cannot decide."""
        text = doc._.mx_text.folded
        if not self.names.use_tagger:
            doc.user_data[RULES_ONLY_KEY] = True
        taken = Occupied(len(text))
        titles = list(self.title_re.finditer(text))
        # 1. role + name (学校党委副书记、副校长张燕文), and the names listed after it that share its roles
        mentions = yield from self.title_names(text, titles, taken)
        ending_at: dict[int, list[Mention]] = {}
        for mention in mentions:
            ending_at.setdefault(mention.end, []).append(mention)
        known = {m.name for m in mentions}
        # 2. name + title (赵乐际委员长, 张智明教授) and surname + title aliases (王书记)
        mentions += yield from self.names_before_titles(doc, text, titles, taken, ending_at, known)
        # 3. the names of a minutes header (主持人：王明  列席：张丽 刘强)
        for s, e in self.lists.header_items(text):
            if not taken.overlaps(s, e):
                mentions.append(Mention(text[s:e], s, e, [], "person.header-field", 0.85, s, e))
                known.add(text[s:e])
                taken.add(s, e)
        # 4. names without a title, right before a trigger verb (李干杰主持, 杨志勇、钟正生等先后发言)
        mentions += yield from self.bare_names(text, taken, known)
        # 5. every other occurrence of a name already found, the longest names first
        mentions += self.known_names(text, known, taken)

        for mention in sorted(mentions, key=lambda m: m.start):
            add_candidate(doc, "PERSON", mention.start, mention.end, mention.rule, mention.confidence,
                          name=doc._.mx_text.original_text(mention.start, mention.end), roles=mention.roles,
                          span_start=mention.span_start, span_end=max(mention.span_end, mention.end))

    def known_names(self, text: str, known: set[str], taken: Occupied) -> list[Mention]:
        """Every occurrence of a name already found that is not taken and ends where a name may end,
        the longest names first. The names of one length are read in text order (:func:`word_starts`:
        found one by one in a report, in one scan of a long text of many names); the occurrences of
        one name do not overlap."""
        found: list[Mention] = []
        for length in sorted({len(name) for name in known}, reverse=True):
            next_start: dict[str, int] = {}  # where the next occurrence of each name may start
            for start, name in word_starts(text, sorted(name for name in known if len(name) == length)):
                end = start + length
                if start < next_start.get(name, 0):
                    continue
                next_start[name] = end
                if taken.overlaps(start, end) or not self.names.ends_name(text, end):
                    continue
                found.append(Mention(name, start, end, [], "person.known-name", 0.8, start, end))
                taken.add(start, end)
        return found

    def title_names(self, text: str, titles: list[re.Match[str]], taken: Occupied) -> Asking[list[Mention]]:
        """Role + name (学校党委副书记、副校长张燕文), with a parenthesised second office and stacked
        roles, and the names listed after it that share its roles (全国政协副主席巴特尔、陈武)."""
        mentions: list[Mention] = []
        ending_at: set[int] = set()
        for match in titles:
            title_end = match.end()
            roles_end = title_end
            extra_role: tuple[int, int] | None = None
            paren = _PAREN.match(text, title_end)
            if paren and (self.title_re.search(paren.group(1)) and paren.group(1) != "兼"
                          or _ACTING.fullmatch(paren.group(1))):
                inner_title = list(self.title_re.finditer(paren.group(1)))
                if not inner_title:
                    roles_end = paren.end()  # 副总经理（主持工作）梁栋: one role
                elif inner_title[-1].end() == len(paren.group(1)):
                    extra_role = (title_end + 1, title_end + 1 + len(paren.group(1)))
                    roles_end = paren.end()
            if taken.overlaps(match.start(), roles_end) or self.on_behalf(text, match, ending_at):
                continue
            start = self.role_start(text, match.start())
            # (the role starts at most 40 characters back: its positions are looked up, not every name's end)
            named_before = next((end for end in range(match.start(), start, -1) if end in ending_at), None)
            if named_before is not None:  # 国务院副总理丁薛祥和委内瑞拉总统马杜罗: the role starts after the name before it
                start = named_before
                while start < match.start() and text[start] in "和与及同、，":
                    start += 1
            length = (yield from self.name_length(text, roles_end)) \
                or self.listed_name_length(text, start, roles_end, ending_at) \
                or self.names.transcribed_name_length(text, roles_end)
            if not length:
                continue
            name_start, name_end = roles_end, roles_end + length
            roles = [(start, roles_end if extra_role is None and roles_end > title_end else title_end)]
            if extra_role:
                roles.append(extra_role)
            roles = self.stacked_roles(text, start, ending_at) + roles
            mention = Mention(text[name_start:name_end], name_start, name_end, roles,
                              "person.title-name", 0.9, roles[0][0], name_end)
            # the names listed after it share its roles: 全国政协副主席巴特尔、陈武
            listed = [Mention(text[s:e], s, e, list(roles), "person.shared-title", 0.85, s, e)
                      for s, e in (yield from self.lists.shared(text, name_end))]
            for found in (mention, *listed):
                mentions.append(found)
                ending_at.add(found.end)
                taken.add(found.span_start, found.end)
        return mentions

    def on_behalf(self, text: str, title: re.Match[str], mention_ends: Collection[int]) -> bool:
        """Whether the title 代表 right after a name is the verb "on behalf of" (李强代表国务院作报告,
        蔡奇代表习近平总书记祝贺): a name stands right before it (one already found, or a word with
        a surname that can be a name), and what follows it is no name's end."""
        if title.group() != "代表" or self.names.ends_name(text, title.end()):
            return False
        if title.start() in mention_ends or _ADVERB_BEFORE.search(text, max(0, title.start() - 2), title.start()):
            return True  # 李强代表…, 苗华，先后代表人民团体…
        start = next((title.start() - n for n in (3, 2) if self.names.starts_name(text, title.start() - n)
                      and all(is_cjk(ch) for ch in text[title.start() - n:title.start()])), None)
        return start is not None and bool(self.names.surname_len(text, start)) \
            and self.names.could_be_name(text, start, title.start())

    def name_length(self, text: str, pos: int) -> Asking[int]:
        """The length of the name that starts at ``pos`` right after a title, by surname (the tagger
        choosing between two lengths) or, for a surname the list lacks, by the tagger; 0 if none."""
        lengths = [n for n in self.names.name_after(text, pos) if self.names.could_be_name(text, pos, pos + n)
                   or "·" in text[pos:pos + n]]
        if not lengths:
            lengths = yield from self.names.tagged_name_at(text, pos)
        lengths = list(dict.fromkeys(n - 1 if n > 2 and self.joins_a_title(text, pos + n) else n for n in lengths))
        if len(lengths) > 1:
            return (yield from self.names.tagger_choice(text, pos, lengths))
        return lengths[0] if lengths else 0

    def joins_a_title(self, text: str, end: int) -> bool:
        """Whether a name read to ``end`` would swallow a conjunction that joins the next title + name
        pair (县长王平和副县长李刚: 王平, then 和): its last character is 和/与/及/同, a role starts
        right after it."""
        return text[end - 1:end] in _PAIR_JOINERS and self.names.starts_role(text, end)

    def listed_name_length(self, text: str, role_start: int, pos: int, mention_ends: Collection[int]) -> int:
        """The length of a name that follows a title where the role and name are an item of a list
        of people (俄罗斯总统普京、南非总统拉马福萨、埃及总统塞西): a person named before the 、 or ， before
        the role, or a role and a name after the 、 after the name, and the separator after the name
        (or where a name may end, for the last item) bound it, whatever the name's characters."""
        listed_before = role_start > 0 and text[role_start - 1] in "、，" and role_start - 1 in mention_ends
        for length in range(2, 17):
            end = pos + length
            if end > len(text) or text[end - 1] in PUNCT and text[end - 1] != "·":
                return 0
            if end < len(text) and (text[end] in "、，" or text.startswith("以及", end)):
                # the first item of such a list: a role and a name follow the 、 (拉索、爱尔兰前总理埃亨)
                listed_after = text[end] == "、" and any(
                    self.names.starts_role(text, title.start()) for title in self.title_re.finditer(text, end, end + 20))
                if not (listed_before or listed_after):
                    return 0
                return length if self.names.could_be_name_after_title(text, pos, end) else 0
            if listed_before and length <= 10 and self.names.ends_name(text, end) \
                    and self.names.could_be_name_after_title(text, pos, end) and not self.names.starts_role(text, end):
                return length  # the last item of such a list: …、坦桑尼亚前总理平达等出席
        return 0

    def stacked_roles(self, text: str, start: int, mention_ends: Collection[int]) -> list[tuple[int, int]]:
        """Roles before ``start`` separated by 、 or ，: 中共中央政治局常委、中央书记处书记、国家副主席
        (``mention_ends``: where the mentions found so far end)."""
        roles: list[tuple[int, int]] = []
        pos = start
        while pos > 1 and text[pos - 1] in "、，":
            end = pos - 1
            if end in mention_ends:
                break  # what stands before the comma ends a person's mention, not a role
            titles = [m for m in self.title_re.finditer(text, max(0, end - 40), end) if m.end() == end]
            if not titles:
                break
            role_begin = self.role_start(text, titles[-1].start())
            if role_begin >= end or text[role_begin:end] in ("会上",):
                break
            roles.insert(0, (role_begin, end))
            pos = role_begin
        return roles

    def names_before_titles(self, doc: Doc, text: str, titles: list[re.Match[str]], taken: Occupied,
                            ending_at: dict[int, list[Mention]], known: set[str]) -> Asking[list[Mention]]:
        """Name + title (赵乐际委员长主持, 张智明教授作报告) and surname + title aliases (王书记, added
        as ``ALIAS`` candidates). The title after the name anchors it: a name with a surname that
        stands where a name may start, before a title followed by where a name may end, is taken
        without asking the tagger (栗战书委员长主持); the tagger is asked about one with no surname."""
        mentions: list[Mention] = []
        for match in titles:
            named = ending_at.get(match.start(), [])
            if taken.overlaps(match.start(), match.end()) or named and self.names.ends_name(text, match.end()):
                # 张智明教授: a title right after a listed name adds a role to that name
                for mention in named:
                    if not self.on_behalf(text, match, ending_at):
                        mention.roles.append((match.start(), match.end()))
                        mention.span_end = match.end()
                        taken.add(match.start(), match.end())
                continue
            if not self.names.ends_name(text, match.end()):
                continue
            tagged: Optional[list[int]] = None  # asked only when no surname fits
            for length in (3, 2, 4, 1):
                start = match.start() - length
                if start < 0:
                    continue
                chunk = text[start:match.start()]
                if not all(is_cjk(ch) for ch in chunk) or taken.overlaps(start, match.start()):
                    continue
                if not self.names.starts_name(text, start):
                    continue
                surname = self.names.surname_len(text, start)
                if not surname:
                    if length == 1:
                        continue
                    if tagged is None:
                        tagged = yield from self.names.tagged_name_before(text, match.start())
                    if length not in tagged:
                        continue
                if length == 1:
                    add_candidate(doc, "ALIAS", start, match.end(), "person.surname-title", 0.8,
                                  surname=chunk, title=text[match.start():match.end()])
                    taken.add(start, match.end())
                    break
                if length >= 3 and text[start + length - 1] == "副":  # 王副书记 is an alias too
                    continue
                if not self.names.could_be_name(text, start, match.start()):
                    continue
                # (a one-character surname makes a name of 2-3 characters: 巴基斯坦外长 is none)
                by_position = surname and length <= surname + 2 and match.group() not in self.group_titles
                if chunk not in known and not by_position \
                        and not (yield from self.names.confirmed(text, start, match.start())):
                    continue
                mention = Mention(chunk, start, match.start(), [(match.start(), match.end())],
                                  "person.name-title", 0.85, start, match.end())
                mentions.append(mention)
                known.add(chunk)
                taken.add(start, match.end())
                break
        return mentions

    def bare_names(self, text: str, taken: Occupied, known: set[str]) -> Asking[list[Mention]]:
        """Names with no title right before a trigger verb, alone or listed with 、 (李干杰主持,
        杨志勇、钟正生等先后发言). A list whose every item can be a name is a list of names by its
        position; a single name is one the document has already given (``known``, which grows
        here: the tagger is not asked again about each 汪洋强调, 汪洋指出 of a report) or one the
        tagger finds."""
        found: list[Mention] = []
        backward = text[::-1]
        for verb in self.person_verb_re.finditer(text):
            end = verb.start()
            end = _TRAILER.search(text, max(0, end - 16), end).start()
            # The run of names goes back to punctuation, at most 80 characters, but not into a
            # mention already found (中共中央政治局常委、全国政协主席王沪宁主持并讲话: only 主持并 stands
            # before 讲话).
            lowest = max(0, end - 80)
            run = _NAME_RUN.match(backward, len(text) - end, len(text) - lowest)
            start = max(end - (run.end() - run.start()), taken.last(lowest, end) + 1)
            start = self.lexicon.skip_lead(text, start, end)
            for stop in _RUN_OPENERS.finditer(text, start, end):
                start = stop.end()  # 经全体监事共同推举雷振宏主持: the name starts after 推举
            if start >= end or taken.covers(end - 1):
                continue
            if end - start > 4 and not re.search(r"[、和·]", text[start:end]):
                continue  # a long run with no list in it is a clause, not names before a verb
            if "·" not in text[start:end] and not any(
                    self.names.surname_len(text, end - n) for n in (2, 3, 4) if end - n >= start):
                continue
            names = self.lists.bare(text, start, end)
            # a role written before the first name and shared by all (专家宁吉喆、林毅夫…)
            roles = [(start, names[0][0])] if names and names[0][0] > start else []
            if not names:
                names = [(start, end)] if text[start:end] in known \
                    else (yield from self.names.names_in(text, start, end))
            for index, (s, e) in enumerate(names):
                if taken.overlaps(s, e):
                    continue
                span_start = roles[0][0] if roles and index == 0 else s
                found.append(Mention(text[s:e], s, e, list(roles), "person.tagger", 0.75, span_start, e))
                known.add(text[s:e])
                taken.add(span_start, e)
        return found
