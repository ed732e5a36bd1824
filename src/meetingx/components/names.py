"""Where a person's name may start and end.

The rules decide from the characters around a name: a surname from ``surnames.txt`` starts it,
a word from ``name_followers.txt``, a trigger verb, a title or punctuation ends it, and a function
character from ``name_non_initials.txt`` never begins one. Where the rules leave a choice (no
surname, two possible lengths), the statistical tagger (:mod:`meetingx.tagger`, Baidu LAC) is asked
about the few characters around the name, never about the whole text.

A rule that asks the tagger is a generator (:data:`Asking`): it yields its question and is sent
the answer, so that the questions of many documents' rules can be answered together, in shared
model calls (:func:`answer_all`), and each rule still decides from its answers as it goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from functools import partial
from typing import TypeVar

from meetingx.lexicon import Lexicon, word_pattern
from meetingx.tagger import Spans, person_spans_of

_T = TypeVar("_T")
#: A rule that may ask the tagger about windows of the text: a generator that yields each window
#: it asks about, is sent the tagger's person spans in it (offsets into the window) and returns
#: its result; ``yield from`` asks within a rule, :func:`answer_all` runs rules to their results.
Asking = Generator[str, Spans, _T]

#: What makes a title word part of an organisation's name: 书记处, 委员会, 代表团, 总统府.
_ORGANISATION_AFTER_TITLE = "[会处团办室府]"
_ORGANISATION_AFTER_TITLE_RE = re.compile(_ORGANISATION_AFTER_TITLE)
#: Between the names of a list: 王毅、石泰峰和洛桑江村, 黄立 管青 (a header field)
_NAME_SEPARATOR = re.compile(r"、|以及|和|及|\s+")
#: A duration or a count, which follows an adverb (连续13年) but not a name (王明23日 has a date)
_DURATION = re.compile(r"\d+\s*(?:年|次|个|多|余)")
#: Punctuation that ends a name or a role phrase.
PUNCT = set("，。；：！？、（）《》“”‘’\"'\n\r\t |/·—-…【】[]")


def covers_name(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the tagger's ``spans`` holds text[start:end], or all of it but its last character."""
    return any(s <= start and e >= end - 1 for s, e in spans)


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` (one character) is a CJK ideograph of the basic block."""
    return "\u4e00" <= ch <= "\u9fff"


class NameRules:
    """The boundaries of names in a text, by rule and, where asked, by the tagger."""

    def __init__(self, lexicon: Lexicon, use_tagger: bool = True) -> None:
        self.lexicon = lexicon
        self.use_tagger = use_tagger
        titles = lexicon.alternation("titles.txt")
        # A title is not followed by a character that makes it an organisation (书记处, 委员会, 代表团);
        # the atomic group keeps the longest title so that 委员长会议 does not fall back to 委员. (The
        # look-ahead at the first characters lets re skip to where a title may start: an atomic
        # group first would have it try every character.)
        initials = "".join(sorted({re.escape(title[0]) for title in lexicon.titles}))
        self.title_re = re.compile(rf"(?=[{initials}])(?>{titles})(?:（兼）)?(?!{_ORGANISATION_AFTER_TITLE})")
        self.titles = frozenset(lexicon.titles)
        self.verb_at = re.compile(word_pattern(lexicon.triggers))
        # a trigger verb of two characters or more is never inside a name (应出席监事: no name 应出席)
        self.verb_inside = re.compile(word_pattern(verb for verb in lexicon.triggers if len(verb) >= 2))
        self.group_head = re.compile(rf"(?:{lexicon.alternation('group_heads.txt')})$")
        self.group_modifier = re.compile(lexicon.alternation("group_modifiers.txt"))
        self.non_finals = lexicon.characters("name_non_finals.txt")
        self.surnames = lexicon.surnames
        self.non_initials = lexicon.characters("name_non_initials.txt")
        self.transliteration = lexicon.characters("transliteration_chars.txt")
        followers = set(lexicon.words("name_followers.txt")) | set(lexicon.triggers)
        followers |= set(lexicon.titles)
        self.follower_re = re.compile(word_pattern(followers))
        self.lead_end = re.compile(rf"(?:{lexicon.alternation('lead_words.txt')})$")  # 会上王书记…
        # Words before a name that are not part of a role (参加会议的有…, 会议由…, 受…).
        self.left_stops = re.compile(r"(?:的有|有|由|是|请|邀请|受|委托|和|及|以及|与|同|陪同|率|在|向)$")

    def surname_len(self, text: str, pos: int) -> int:
        """Length of the surname starting at ``pos`` (2 for 欧阳), or 0."""
        if text[pos:pos + 2] in self.surnames:
            return 2
        if pos < len(text) and text[pos] in self.surnames:
            return 1
        return 0

    def ends_name(self, text: str, pos: int) -> bool:
        """Whether a name may end right before ``pos``: punctuation or a follower word follows
        (a title that is part of an organisation's name, 常委会, 总统府, is none)."""
        if pos >= len(text) or text[pos] in PUNCT or not is_cjk(text[pos]):
            return True
        follower = self.follower_re.match(text, pos)
        return follower is not None and not (
            follower.group() in self.titles and _ORGANISATION_AFTER_TITLE_RE.match(text, follower.end()))

    def name_after(self, text: str, pos: int) -> list[int]:
        """Possible name lengths for a name starting at ``pos``."""
        lengths: list[int] = []
        if pos >= len(text) or self.follower_re.match(text, pos):
            return lengths  # 张校长强调: what follows the title is a verb, not a name
        dotted = re.match(r"[\u4e00-\u9fff]{1,6}·", text[pos:pos + 8])
        if dotted:
            for right in range(1, 7):
                end = pos + dotted.end() + right
                if end <= len(text) and is_cjk(text[end - 1]) and self.ends_name(text, end):
                    return [end - pos]
            return lengths
        surname = self.surname_len(text, pos)
        if not surname:
            return lengths
        for length in range(max(2, surname + 1), surname + 3):
            chunk = text[pos:pos + length]
            if _DURATION.match(text, pos + length):
                continue  # 习近平总书记连续13年参加…: a word before a duration, no name
            straddling = self.follower_re.match(text, pos + length - 1)
            if length > 2 and straddling and straddling.end() > pos + length:
                continue  # 李红代为出席: the name ends before the word 代为
            # (after a title, 的 ends a name too: 职工监事孙宝林的述职报告, but not 周强作的报告)
            if len(chunk) == length and all(is_cjk(ch) for ch in chunk) \
                    and (self.ends_name(text, pos + length) or text.startswith("的", pos + length)
                         and not self.follower_re.match(text, pos + length - 1)):
                lengths.append(length)
        return lengths

    def could_be_name(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] can be a name where its position says it is one (an item between
        the 、 of a list of people, the words between a title and a verb): 2-4 characters, or a
        transcribed name with ·, that neither start like a group (各, 全体) or a verb, nor end like an
        organisation (…办公室, …县) or a group (…代表, …同志), nor hold a title."""
        item = text[start:end]
        if "·" in item:
            return 3 <= len(item) <= 16 and not item.startswith("·") and not item.endswith("·") \
                and all(is_cjk(ch) or ch == "·" for ch in item)
        if not 2 <= len(item) <= 4 or not all(is_cjk(ch) for ch in item):
            return False
        if item[0] in self.non_initials or item[-1] in self.non_finals or "的" in item:
            return False
        if self.group_modifier.match(item) or self.follower_re.match(item) or self.group_head.search(item) \
                or self.verb_inside.search(item):
            return False
        return not self.title_re.search(item)

    def transcribed_name_length(self, text: str, pos: int) -> int:
        """The length of a foreign name transcribed without · right after a title, where neither a
        surname nor the tagger gives one (南非总统拉马福萨主持峰会): the shortest run of 3-10
        transcription characters from ``pos`` right before a trigger verb or punctuation; 0 if none
        (乌拉圭总统奥尔西特别代表宣读…: none, 特别代表 being neither)."""
        run = 0
        while run < 10 and pos + run < len(text) and text[pos + run] in self.transliteration:
            run += 1
        return next((n for n in range(3, run + 1) if pos + n == len(text) or text[pos + n] in PUNCT
                     or self.verb_at.match(text, pos + n)), 0)

    def could_be_name_after_title(self, text: str, start: int, end: int) -> bool:
        """:meth:`could_be_name`, or a foreign name transcribed without ·, which runs longer than a
        Chinese one (别尔德穆哈梅多夫): 5-10 characters, each a transcription character. Only where a
        person's title stands before it: country names are transcribed too (哈萨克斯坦)."""
        return self.could_be_name(text, start, end) \
            or 5 <= end - start <= 10 and all(ch in self.transliteration for ch in text[start:end])

    @staticmethod
    def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The items of a list of names in text[start:end], between 、, 和, 及, 以及 or spaces; a
        和 or 及 right before the next separator or the end ends a name (…李钺锋、周忠和。)."""
        items: list[tuple[int, int]] = []
        pos = start
        for sep in _NAME_SEPARATOR.finditer(text, start, end):
            if sep.start() < pos:
                continue
            after = sep.end()
            if sep.group() in "和及" and (after == end or _NAME_SEPARATOR.match(text, after, end)):
                continue  # 周忠和、…: part of the name
            items.append((pos, sep.start()))
            pos = after
        items.append((pos, end))
        return items

    def could_be_names(self, text: str, items: list[tuple[int, int]]) -> bool:
        """Whether the items of a list with no title (王毅、石泰峰、洛桑江村) can be names by their
        position: each can be a name, and nearly all (all but one in four) start with a surname or
        are transcribed with ·, so that a list of words (权威、准确、有效) is none."""
        if not all(self.could_be_name(text, s, e) for s, e in items):
            return False
        surnamed = sum(1 for s, e in items if self.surname_len(text, s) or "·" in text[s:e])
        return surnamed >= min(2, len(items)) and 4 * surnamed >= 3 * len(items)

    def starts_role(self, text: str, pos: int) -> bool:
        """Whether a title at ``pos`` has a name after it (党委副书记权良柱), rather than ending one
        (张智明教授等)."""
        title = self.title_re.match(text, pos)
        return title is not None and not self.ends_name(text, title.end())

    def padded_name(self, text: str, start: int, end: int) -> bool:
        """李 静: a surname and a one-character given name with a space between (minutes pad names
        to the width of three characters)."""
        return end - start == 3 and text[start + 1] == " " and bool(self.surname_len(text, start)) \
            and is_cjk(text[start + 2]) and text[start + 2] not in self.non_initials

    def starts_name(self, text: str, pos: int) -> bool:
        """Whether a name may start at ``pos``: after punctuation, a stop word (由, 有) or a lead
        word (会上, 随后)."""
        if pos < 0:
            return False
        before = text[pos - 1] if pos else "\n"
        if text[pos - 1:pos + 1] in ("有关", "有限"):
            return False  # 有 is a stop word, not the first character of 有关部门
        return before in PUNCT or not is_cjk(before) or bool(self.left_stops.search(text, max(0, pos - 3), pos)) \
            or bool(self.lead_end.search(text, max(0, pos - 5), pos))

    # ------------------------------------------------------------------ the tagger, asked about a window
    @staticmethod
    def tagged_spans(text: str, left: int, right: int) -> Asking[list[tuple[int, int]]]:
        """The tagger's person spans in text[left:right] (clipped to the text), as offsets into ``text``."""
        left = max(0, left)
        spans = yield text[left:min(len(text), right)]
        return [(left + s, left + e) for s, e in spans]

    def names_in(self, text: str, start: int, end: int) -> Asking[list[tuple[int, int]]]:
        """Names in text[start:end] as the tagger sees them (with a surname check)."""
        if not self.use_tagger:
            return []
        segment = text[start:end]
        if not any(is_cjk(ch) for ch in segment):
            return []
        names = []
        # the verb after the names is context the tagger needs (…·热合曼主持)
        for s, e in (yield from self.tagged_spans(text, start, end + 4)):
            if e <= end and e - s >= 2 and (self.surname_len(text, s) or "·" in text[s:e]):
                names.append((s, e))
        return names

    def confirmed(self, text: str, start: int, end: int) -> Asking[bool]:
        """Whether the tagger agrees that text[start:end] is a person's name."""
        if not self.use_tagger:
            return True
        return covers_name((yield from self.tagged_spans(text, start - 6, end + 6)), start, end)

    def tagged_name_at(self, text: str, pos: int) -> Asking[list[int]]:
        """A name the tagger sees starting at ``pos`` (for surnames missing from the list)."""
        if not self.use_tagger or pos >= len(text) or not is_cjk(text[pos]) or text[pos] in self.non_initials \
                or self.ends_name(text, pos):
            return []
        if not any(self.ends_name(text, pos + n) for n in (2, 3, 4)) and not any(
                pos + n < len(text) and (text[pos + n] in PUNCT or self.verb_at.match(text, pos + n))
                for n in range(5, 9)):
            return []  # no name can end here: 2-4 characters, or a longer transliterated one before a verb
        for s, e in (yield from self.tagged_spans(text, pos - 6, pos + 10)):
            # transliterated names (努尔加利耶夫) run longer than Chinese ones
            if s == pos and 2 <= e - s <= 8 and self.ends_name(text, e):
                return [e - s]
        return []

    def tagged_name_before(self, text: str, pos: int) -> Asking[list[int]]:
        """Lengths of a name the tagger sees ending at ``pos``, right before a title."""
        if not self.use_tagger or pos < 2 or not is_cjk(text[pos - 1]):
            return []
        if not any(self.starts_name(text, pos - n) for n in (2, 3, 4)):
            return []  # no name of 2-4 characters can start here
        spans = yield from self.tagged_spans(text, pos - 6, pos + 4)
        return [e - s for s, e in spans if e == pos and 2 <= e - s <= 4]

    def tagger_choice(self, text: str, start: int, lengths: list[int]) -> Asking[int]:
        """The name length the tagger prefers among the rule's options (default: the shortest)."""
        if self.use_tagger:
            for s, e in (yield from self.tagged_spans(text, start - 6, start + max(lengths) + 6)):
                if s == start and (e - s) in lengths:
                    return e - s
        return lengths[0]


def answer_all(rules: list[Asking[_T]]) -> list[_T]:
    """Run rules that ask the tagger side by side, each to its result: in every round, each rule
    still running asks its next question, and the tagger answers all the round's questions in
    one go (:func:`~meetingx.tagger.person_spans_of`: those it has not answered before, in shared
    model calls). A rule so gets the answers it would get asking alone, in the same order."""
    results: dict[int, _T] = {}
    asking: dict[int, str] = {}

    def advance(index: int, step: Callable[[], str]) -> None:
        try:
            asking[index] = step()
        except StopIteration as done:
            results[index] = done.value

    for index, rule in enumerate(rules):
        advance(index, rule.__next__)
    while asking:
        answers = dict(zip(asking, person_spans_of(asking.values())))
        asking = {}
        for index, answer in answers.items():
            advance(index, partial(rules[index].send, answer))
    return [results[index] for index in range(len(rules))]
