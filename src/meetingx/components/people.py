"""People: names with the titles that stand with them.

Rules find the boundaries: a title noun from ``titles.txt`` (…副书记, …处长) ends a role phrase, and
the name follows it or stands before it (赵乐际委员长); where a name may start and end is decided
by :mod:`meetingx.components.names`, which asks the tagger only where its rules cannot decide.

Each mention becomes a ``PERSON`` candidate: ``data["name"]`` and ``data["roles"]`` (a list of
``(start, end)`` spans), plus ``ALIAS`` candidates for surname + title references (王书记).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import RULES_ONLY_KEY, add_candidate
from meetingx.components.names import PUNCT, NameRules, covers_name, is_cjk
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import Occupied

#: A list of names after the first one: 、陈武、蒋作君
_LIST_RUN = re.compile(r"(?:、[\u4e00-\u9fff·]{1,10})+")
_PAREN = re.compile(r"（([^（）]{2,20})）")
_DATE_PREFIX = re.compile(r"(?:\d{1,4}\s*[年月日号]\s*)+(?:上午|下午|晚上|晚)?")
#: Between names and their verb: 等, 同志, adverbs, and when and where (20日, 在京)
_TRAILER = re.compile(r"(?:同志|等)?(?:(?:当地时间)?\d{1,2}日(?:上午|下午|晚上|晚)?)?(?:在[\u4e00-\u9fff]{1,6}?)?"
                      r"(?:先后|分别|相继|依次|共同|也|还|都|将)?$")


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
        titles = lexicon.alternation("titles.txt")
        # A title is not followed by a character that makes it an organisation (书记处, 委员会, 代表团);
        # the atomic group keeps the longest title so that 委员长会议 does not fall back to 委员. (The
        # look-ahead at the first characters lets re skip to where a title may start: an atomic
        # group first would have it try every character.)
        initials = "".join(sorted({re.escape(title[0]) for title in lexicon.titles}))
        self.title_re = re.compile(rf"(?=[{initials}])(?>{titles})(?:（兼）)?(?![会处团办室])")
        self.person_verb_re = re.compile(word_pattern(lexicon.verbs("chair", "speech", "attend")))
        # Words inside the run before a title that end whatever came before the role.
        self.stop_re = re.compile(r"的有|还有|有(?![限关])|由|邀请|陪同|受|了|听取|会见|看望|同(?!志)|在")

    # ------------------------------------------------------------------ helpers
    def role_start(self, text: str, title_start: int) -> int:
        """Where the role phrase whose title noun starts at ``title_start`` begins: back to
        punctuation (a parenthesised part such as 组织部（统战部） stays inside), then past lead
        words (会上, 首先), a stop word (参加会议的有…, 会议由…) and a leading date."""
        pos = title_start
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
        text = doc._.mx_text.folded
        if not self.names.use_tagger:
            doc.user_data[RULES_ONLY_KEY] = True
        mentions: list[Mention] = []
        taken = Occupied(len(text))
        overlaps = taken.overlaps

        titles = list(self.title_re.finditer(text))
        ending_at: dict[int, list[Mention]] = {}  # the mentions of step 1 by where they end
        # 1. role + name (学校党委副书记、副校长张燕文), with a parenthesised second office and stacked roles
        for match in titles:
            title_end = match.end()
            roles_end = title_end
            extra_role: tuple[int, int] | None = None
            paren = _PAREN.match(text, title_end)
            if paren and self.title_re.search(paren.group(1)) and paren.group(1) != "兼":
                inner_title = list(self.title_re.finditer(paren.group(1)))[-1]
                if inner_title.end() == len(paren.group(1)):
                    extra_role = (title_end + 1, title_end + 1 + len(paren.group(1)))
                    roles_end = paren.end()
            if overlaps(match.start(), roles_end):
                continue
            lengths = self.names.name_after(text, roles_end) or self.names.tagged_name_at(text, roles_end)
            if not lengths:
                continue
            length = lengths[0]
            if len(lengths) > 1:
                length = self.names.tagger_choice(text, roles_end, lengths)
            name_start, name_end = roles_end, roles_end + length
            start = self.role_start(text, match.start())
            roles = [(start, title_end)]
            if extra_role:
                roles.append(extra_role)
            roles = self.stacked_roles(text, start, ending_at) + roles
            mention = Mention(text[name_start:name_end], name_start, name_end, roles,
                              "person.title-name", 0.9, roles[0][0], name_end)
            mentions.append(mention)
            taken.add(mention.span_start, name_end)
            # a shared prefix: 全国政协副主席巴特尔、陈武、蒋作君
            listed = self.shared_list(text, mention, taken)
            mentions.extend(listed)
            for found in (mention, *listed):
                ending_at.setdefault(found.end, []).append(found)

        # 2. name + title (赵乐际委员长, 张智明教授) and surname + title aliases (王书记)
        known = {m.name for m in mentions}
        for match in titles:
            if overlaps(match.start(), match.end()):
                # 张智明教授: a title right after a listed name adds a role to that name
                for mention in ending_at.get(match.start(), []):
                    mention.roles.append((match.start(), match.end()))
                    mention.span_end = match.end()
                continue
            if not self.names.ends_name(text, match.end()):
                continue
            tagged: Optional[list[int]] = None  # asked only when no surname fits
            for length in (3, 2, 4, 1):
                start = match.start() - length
                if start < 0:
                    continue
                chunk = text[start:match.start()]
                if not all(is_cjk(ch) for ch in chunk) or overlaps(start, match.start()):
                    continue
                if not self.names.starts_name(text, start):
                    continue
                if not self.names.surname_len(text, start):
                    if length == 1:
                        continue
                    if tagged is None:
                        tagged = self.names.tagged_name_before(text, match.start())
                    if length not in tagged:
                        continue
                if length == 1:
                    if self.names.ends_name(text, match.end()):
                        add_candidate(doc, "ALIAS", start, match.end(), "person.surname-title", 0.8,
                                      surname=chunk, title=text[match.start():match.end()])
                        taken.add(start, match.end())
                    break
                if length >= 3 and text[start + length - 1] in "书副":  # 王副书记 is an alias too
                    continue
                if chunk not in known and not self.names.confirmed(text, start, match.start()):
                    continue  # (a name the document already gave needs no confirming)
                mention = Mention(chunk, start, match.start(), [(match.start(), match.end())],
                                  "person.name-title", 0.85, start, match.end())
                mentions.append(mention)
                known.add(chunk)
                taken.add(start, match.end())
                break

        # 3. names without a title, right before a trigger verb (李干杰主持, 杨志勇、钟正生等先后发言)
        mentions.extend(self.bare_names(text, taken, known))

        # 4. every other occurrence of a name already found
        for name in sorted(known, key=len, reverse=True):
            for match in re.finditer(re.escape(name), text):
                if overlaps(match.start(), match.end()):
                    continue
                if not self.names.ends_name(text, match.end()):
                    continue
                mentions.append(Mention(name, match.start(), match.end(), [], "person.known-name", 0.8,
                                        match.start(), match.end()))
                taken.add(match.start(), match.end())

        for mention in sorted(mentions, key=lambda m: m.start):
            add_candidate(doc, "PERSON", mention.start, mention.end, mention.rule, mention.confidence,
                          name=doc._.mx_text.original_text(mention.start, mention.end), roles=mention.roles,
                          span_start=mention.span_start, span_end=max(mention.span_end, mention.end))
        return doc

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

    def shared_list(self, text: str, head: Mention, taken: Occupied) -> list[Mention]:
        """Names listed after ``head`` with 、 that share its roles (巴特尔、陈武、蒋作君)."""
        listed: list[Mention] = []
        tagged: Optional[list[tuple[int, int]]] = None
        pos = head.end
        while pos < len(text) and text[pos] == "、":
            lengths = self.names.name_after(text, pos + 1)
            lengths = [n for n in lengths if not self.title_re.match(text, pos + 1 + n - 1)]
            if not lengths:
                break
            length = lengths[0] if len(lengths) == 1 else self.names.tagger_choice(text, pos + 1, lengths)
            start, end = pos + 1, pos + 1 + length
            if self.title_re.match(text, start):
                break
            if self.names.use_tagger:
                if tagged is None:  # the tagger reads the whole list once (巴特尔、陈武、蒋作君出席)
                    tagged = self.names.tagged_spans(text, head.start - 6, _LIST_RUN.match(text, head.end).end() + 6)
                if not covers_name(tagged, start, end):
                    break
            listed.append(Mention(text[start:end], start, end, list(head.roles), "person.shared-title", 0.85,
                                  start, end))
            taken.add(start, end)
            pos = end
        return listed

    def bare_names(self, text: str, taken: Occupied, known: set[str]) -> list[Mention]:
        """Names with no title right before a trigger verb, alone or listed with 、 (李干杰主持,
        杨志勇、钟正生等先后发言), as the tagger finds them. A run that is exactly a name the
        document has already given (``known``, which grows here) is that name: the tagger is not
        asked again about each 汪洋强调, 汪洋指出 of a report."""
        found: list[Mention] = []
        for verb in self.person_verb_re.finditer(text):
            end = verb.start()
            end = _TRAILER.search(text, max(0, end - 16), end).start()
            # The run of names goes back to punctuation, but not into a mention already found
            # (中共中央政治局常委、全国政协主席王沪宁主持并讲话: only 主持并 stands before 讲话).
            start = end
            while start > max(0, end - 80) and (is_cjk(text[start - 1]) or text[start - 1] in "、·") \
                    and not taken.covers(start - 1):
                start -= 1
            start = self.lexicon.skip_lead(text, start, end)
            if start >= end or taken.covers(end - 1):
                continue
            if end - start > 4 and not re.search(r"[、和·]", text[start:end]):
                continue  # a long run with no list in it is a clause, not names before a verb
            if "·" not in text[start:end] and not any(
                    self.names.surname_len(text, end - n) for n in (2, 3, 4) if end - n >= start):
                continue
            names = [(start, end)] if text[start:end] in known else self.names.names_in(text, start, end)
            for s, e in names:
                if taken.overlaps(s, e):
                    continue
                found.append(Mention(text[s:e], s, e, [], "person.tagger", 0.75, s, e))
                known.add(text[s:e])
                taken.add(s, e)
        return found
