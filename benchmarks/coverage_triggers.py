"""Triggers of the recall instrument (``coverage.py``): the words and numbering markers of the rule
data found in a text, each with its clause, leaving out occurrences that are not the trigger in use.

Every check here is decided from a few characters around an occurrence; see benchmarks/README.md
for the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from meetingx.lexicon import load_lexicon, word_pattern
from meetingx.text import TextView

#: The record field a trigger act of ``triggers.jsonl`` feeds (``convene`` feeds none of them).
FAMILY_OF_ACT = {"chair": "chair", "speech": "speakers", "attend": "attendees", "agenda": "agenda"}
#: A numbered item becomes a directive, a resolution or (in minutes) an agenda item.
MARKER_FAMILIES = ("directives", "resolutions", "agenda")
#: Trigger words of the instrument's own, with the families they feed; merged with the rule data's.
EXTRA_TRIGGERS: dict[str, tuple[str, ...]] = {
    "表决": ("resolutions",),
    "经表决": ("resolutions",),
    "经过表决": ("resolutions",),
    "表决通过": ("resolutions",),
    "审议通过": ("resolutions",),
}
#: Verbs of the rule data that in reports stand mostly as nouns or inside what was said (工作报告,
#: 学习贯彻, 决定性, 要求各地…), where a clause without a value is most often no gap: left out of
#: the table unless ``--all``.
BROAD_VERBS = frozenset({"报告", "学习", "研究", "决定", "建议", "部署", "提出", "要求", "希望", "通过",
                         "同意", "安排", "动员", "总结", "说明", "讨论", "表彰", "建言献策", "重温",
                         "介绍", "发表"})
#: Occurrences that are not the trigger in use, each decided from a few characters around it.
#: A noun made of the verb, the verb as a modifier, or the verb's characters inside another word
#: (发言人, 参加工作, 表决权, 表决稿, 讲话精神, 决定性, 列席人员名单, 主持人名单, 审议情况, 与会人员;
#: 加强调研, 参与会议, 来到会议室, 引领学校, 工作总结), and an act put off to another meeting (提请审议,
#: 提交…审议):
_LIST_NAME = re.compile(r"(?:人员)?名单")
NOT_IN_USE_AFTER: dict[str, re.Pattern[str]] = {
    "发言": re.compile(r"人"),
    "参加": re.compile(r"工作|(?:人员)?名单"),
    "出席": _LIST_NAME,
    "主持": re.compile(r"人?名单"),
    "列席": _LIST_NAME,
    "与会": re.compile(r"(?!并|听取|指导)[\u4e00-\u9fff]"),
    "表决": re.compile(r"权|稿|办法"),
    "讲话": re.compile(r"精神"),
    "决定": re.compile(r"性"),
    "到会": re.compile(r"议"),
    "审议": re.compile(r"情况|结果|意见|稿"),
}
NOT_IN_USE_BEFORE: dict[str, re.Pattern[str]] = {
    "强调": re.compile(r"加$"),
    "与会": re.compile(r"参$"),
    "审议": re.compile(r"(?:提请|提交|交付|提出)[^，。；]{0,30}$"),
    "领学": re.compile(r"[引带率统本]$"),
    "作总结": re.compile(r"工$"),
}
#: A numbered item that is a heading or a header field, neither directive nor resolution
#: (一、董事会会议召开情况 / 1、召开时间：…): its line is short and unpunctuated, or starts with a
#: field name and a colon.
HEADING_ITEM = re.compile(r"[^，。；：《\n]{0,15}(?=\n|$)|[^，。；：《\n]{1,8}：")
#: What stands between a marker and its item's text (as in ``components/numbering``).
MARKER_SEPARATORS = "，、：. \t"
#: a meeting noun made of a speech or agenda verb (座谈会, 汇报会; but 出席会议 is the verb in use):
MEETING_NOUN_AFTER = re.compile(r"会(?!议)")
#: a speech verb whose subject is the meeting, a text or a pronoun (会议指出, 贺信强调, 他表示,
#: 代表们表示): no named speaker is expected there, and a pronoun's person is read where named;
NO_PERSON_BEFORE = re.compile(
    r"(?:会议|全会|大会|决议|公报|贺词|贺信|贺电|讲话|报告|他|她|们|大家)(?:还|并|也|都|均|一致|同时|进一步|再次)?$")
#: a speech named as the object of 学习/传达/贯彻 earlier in its clause (学习…重要讲话);
OBJECT_OF_STUDY = re.compile(r"学习|传达|贯彻|领会|落实")
#: and any trigger inside reported speech, after 指出，/强调，/表示， earlier in its sentence.
REPORTED_SPEECH = re.compile(r"(?:指出|强调|要求|表示|希望|认为|说|提出|建议|表明)[，：]")
#: How far back the subject checks look, in characters; and the checks of NOT_IN_USE_BEFORE.
LOOK_BACK = 12
LOOK_BACK_FAR = 32
#: Families whose verbs form meeting nouns with 会 (座谈会, 汇报会, 表彰会).
NOUN_FORMING = frozenset({"speakers", "agenda"})
#: A sentence of the matching view, as the rules cut it (``components/subjects.SENTENCE``).
SENTENCE = re.compile(r"[^。！？；\n]+")

@dataclass(frozen=True)
class Trigger:
    """One row of the table: a word (or a marker form) and the families a clause with it feeds."""

    label: str
    families: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Occurrence:
    """A trigger in a text: its row, and its span and clause in original offsets."""

    trigger: Trigger
    start: int
    end: int
    clause_start: int
    clause_end: int


class TriggerFinder:
    """Finds the triggers of the rule data in a text, each with its clause."""

    def __init__(self, broad: bool = False, lang: str = "zh") -> None:
        lexicon = load_lexicon(lang)
        families: dict[str, set[str]] = {}
        sources: dict[str, str] = {}
        for verb, acts in lexicon.triggers.items():
            fed = {FAMILY_OF_ACT[act] for act in acts if act in FAMILY_OF_ACT}
            if fed and (broad or verb not in BROAD_VERBS):
                families.setdefault(verb, set()).update(fed)
                sources[verb] = "triggers.jsonl"
        for word, fed_extra in EXTRA_TRIGGERS.items():
            families.setdefault(word, set()).update(fed_extra)
            sources.setdefault(word, "coverage")
        self.words = {word: Trigger(word, tuple(sorted(fed)), sources[word]) for word, fed in families.items()}
        # one scan, the longest word where several start at one place (经表决 before 表决)
        self.word_re = re.compile(word_pattern(self.words))
        self.markers = [(record["rule"], re.compile(record["pattern"], re.M))
                        for record in lexicon.records("markers.jsonl")]
        self.marker_rows: dict[str, Trigger] = {}

    def triggers(self) -> list[Trigger]:
        """Every row seen so far: the words, and the marker forms met in the texts."""
        return [*self.words.values(), *self.marker_rows.values()]

    def find(self, text: str) -> Iterator[Occurrence]:
        """Every trigger of ``text`` in use, in text order, with its clause (original offsets)."""
        view = TextView(text)
        folded = view.folded
        found: list[tuple[int, int, Trigger]] = []
        for match in self.word_re.finditer(folded):
            word = match.group()
            if self._in_use(self.words[word], folded, match.start(), match.end()):
                found.append((match.start(), match.end(), self.words[word]))
        taken: set[int] = set()
        for rule, pattern in self.markers:
            for match in pattern.finditer(folded):
                start, end = match.span("marker")
                if start in taken:
                    continue
                taken.add(start)
                item_start = match.end()
                while item_start < len(folded) and folded[item_start] in MARKER_SEPARATORS:
                    item_start += 1
                if HEADING_ITEM.match(folded, item_start):
                    continue
                found.append((start, end, self._marker_row(rule, match.group("marker"), match.group("num"))))
        found.sort(key=lambda item: item[:2])
        for start, end, trigger in found:
            c_start, c_end = _clause(folded, start)
            o_start, o_end = view.to_original(start, end)
            oc_start, oc_end = view.to_original(c_start, c_end)
            yield Occurrence(trigger, o_start, o_end, oc_start, oc_end)

    def _in_use(self, trigger: Trigger, folded: str, start: int, end: int) -> bool:
        """Whether the word at [start, end) is the trigger in use (see NOT_IN_USE_AFTER and after)."""
        not_in_use = NOT_IN_USE_AFTER.get(trigger.label)
        if not_in_use is not None and not_in_use.match(folded, end):
            return False
        not_in_use = NOT_IN_USE_BEFORE.get(trigger.label)
        if not_in_use is not None and not_in_use.search(folded, max(0, start - LOOK_BACK_FAR), start):
            return False
        if NOUN_FORMING.issuperset(trigger.families) and MEETING_NOUN_AFTER.match(folded, end):
            return False
        sentence_start = max(folded.rfind(mark, 0, start) for mark in "。！？；\n") + 1
        if REPORTED_SPEECH.search(folded, sentence_start, start):
            return False
        if trigger.families == ("speakers",):
            if NO_PERSON_BEFORE.search(folded[max(sentence_start, start - LOOK_BACK):start]):
                return False
            clause_start = max(sentence_start, folded.rfind("，", 0, start) + 1)
            if OBJECT_OF_STUDY.search(folded, clause_start, start):
                return False
        return True

    def _marker_row(self, rule: str, marker: str, number: str) -> Trigger:
        """The row of a marker: its form with the number of a first item (三是 -> 一是, 4、 -> 1、)."""
        first = "1" if number.isdigit() else "一"
        label = marker.replace(number, first, 1)
        if label not in self.marker_rows:
            self.marker_rows[label] = Trigger(label, MARKER_FAMILIES, f"markers.jsonl:{rule}")
        return self.marker_rows[label]


def _clause(folded: str, position: int) -> tuple[int, int]:
    """The sentence of the view around ``position``; a sentence that ends in a colon at a line end
    (出席人员：⏎<list>) runs on into the next one."""
    start = max(folded.rfind(mark, 0, position) for mark in "。！？；\n") + 1
    match = SENTENCE.match(folded, position)
    end = match.end() if match else position
    while folded[start:end].rstrip().endswith("：") and end < len(folded):
        following = SENTENCE.search(folded, end)
        if following is None:
            break
        end = following.end()
    return start, end
