"""Motions put to the vote item by item, as announcements and some minutes list them.

An item opens at a numbering marker (一、 / （一） / 1、, and 1.01 of a 逐项表决 list) or at a
sentence that opens with a motion verb (会议审议通过了《…》). It runs to the next item, and the
first tally inside it is its vote, wherever it stands: before the motion (以9票同意，0票反对，0票
弃权，审议通过…), after it on the same line, or lines below (表决结果：…). An item is a
``RESOLUTION`` when a tally or a tally cue (表决结果：全票通过) stands in it, or, in an
announcement, when it opens with 审议通过 (a motion whose tally is cut off). Its text runs from the
motion verb (审议通过《…》) or, without one, is the bare title (《…的议案》, 关于…的议案, 本次发行证券
的种类), to the first ，。；： outside brackets or the end of its line. Section headings
(二、董事会会议审议情况) and lists of documents (三、备查文件) hold no tally and give nothing.

Inside an item, a clause in which the board itself decides (董事会同意选举…, 同意提交…审议) is an
agenda item of its own (``DECISION``), not a resolution.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.tallies import Tally, VoteWords
from meetingx.text import TextView

#: 1.01 发行股票的种类和面值: the sub-items of a motion voted item by item (at the start of a line)
_SUB_ITEM = re.compile(r"(?<![\d.])(?P<marker>\d{1,2}\.\d{2})[ \t]*(?=[\u4e00-\u9fff《])")
_SENTENCE = re.compile(r"[^。\n]+")
#: The meeting's own body as the subject of a motion or a decision (会议, 本次董事会)
_BODY = re.compile(r"(?:本次)?(?:会议|董事会|监事会|股东大会|股东会|大会)(?:会议)?(?:经审议)?[，、]?")
#: The field name before an item's title in a results list (议案名称：关于…的议案)
_TITLE_FIELD = re.compile(r"(?:议案|提案)(?:名称)?\s*：\s*")
_AFTER_TALLY = re.compile(r"(?:的)?(?:表决结果)?[，、\s]*")
#: The object of a lead-in, not a motion (审议通过了以下议案：)
_LEAD_IN = re.compile(r"(?:以下|如下|下列|上述|各项|全部|相关)")
_OPEN = "《（<"
_CLOSE = "》）>"


@dataclass
class Heading:
    """Where an item's text stands, and the motion verb it opens with (None: a bare title)."""

    start: int
    verb: Optional[str]


class MotionReader:
    def __init__(self, words: VoteWords) -> None:
        self.words = words
        self.motion_re = re.compile(rf"(?:{words.pattern('motion')})了?")
        #: a tally cue that reports an outcome without counts (表决结果：全票通过)
        self.cue_re = re.compile(rf"(?:{words.pattern('cue')})(?:为|是|：)[^。\n]{{0,12}}?(?:通过|同意|赞成)")
        digits = "\\d零〇○一二三四五六七八九十"
        self.agreement_re = re.compile(
            rf"(?:(?<=[，。；：\n])|^)[ \t]*(?:本次)?(?:会议|董事会|监事会|股东大会|股东会|公司)?(?:一致)?"
            rf"(?P<verb>{words.pattern('agreement')})(?![{digits}票股人的，：。])", re.M)

    def __call__(self, doc: Doc, view: TextView, markers: list[tuple[int, int]], tallies: list[Tally],
                 body_start: int, announcement: bool) -> None:
        """``markers``: (start, text start) of the numbering markers of the body."""
        text = view.folded
        tally_starts = [t.start for t in tallies]
        starts = self.item_starts(view, markers, tallies, tally_starts, body_start)
        for index, (_, text_start) in enumerate(starts):
            limit = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            heading = self.heading(text, text_start, limit, tallies, tally_starts)
            if heading is None:
                continue
            end = self.cut(text, heading.start, limit)
            first = bisect_left(tally_starts, text_start)
            tally = tallies[first] if first < len(tallies) and tallies[first].start < limit else None
            decided = heading.verb is not None and "通过" in heading.verb
            cued = tally is not None or self.cue_re.search(text, end, limit) is not None
            if not (cued or announcement and decided):
                continue
            votes = dict(tally.counts) if tally is not None else None
            data: dict[str, object] = {"votes": votes,
                                       "passed": self.words.passed(text[heading.start:end], votes, decided)}
            if tally is not None:
                data["tally"] = (tally.start, tally.end)
            rule = "resolution.motion" if heading.verb else "resolution.item-title"
            add_candidate(doc, "RESOLUTION", heading.start, end, rule, 0.85, **data)
            self.find_agreements(doc, text, end, limit)

    def item_starts(self, view: TextView, markers: list[tuple[int, int]], tallies: list[Tally],
                    tally_starts: list[int], body_start: int) -> list[tuple[int, int]]:
        """(start, text start) of every item: the markers, the 1.01 sub-items, and the sentences
        outside an item's heading that open with a motion verb and its title (审议通过《…》)."""
        text = view.folded
        # a sub-item starts a line of the original, also where the view joined it to the line above
        sub_items = [(m.start(), m.end()) for m in _SUB_ITEM.finditer(text, body_start)
                     if m.start() == 0 or text[m.start() - 1] == "\n" or view.line_ends_at(m.start())]
        marked = sorted(markers + sub_items)
        marker_starts = [start for start, _ in marked]
        starts = list(marked)
        for sentence in _SENTENCE.finditer(text, body_start):
            left = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
            before = bisect_right(marker_starts, left) - 1
            if before >= 0 and left < max(marked[before][1], marked[before][0] + 1):
                continue  # the sentence of a numbered item's heading
            heading = self.heading(text, left, sentence.end(), tallies, tally_starts)
            if heading is not None and heading.verb is not None and text[heading.start + len(heading.verb)] in "《关":
                starts.append((left, left))
        return sorted(starts)

    def heading(self, text: str, start: int, limit: int, tallies: list[Tally],
                tally_starts: list[int]) -> Optional[Heading]:
        """Where the text of the item at ``start`` begins: past the meeting as subject and a tally
        before the motion (会议以9票同意，0票反对，0票弃权，审议通过…); None where it is only a
        lead-in (审议通过了以下议案)."""
        pos = start
        while pos < limit and text[pos] in " \t":
            pos += 1
        field = _TITLE_FIELD.match(text, pos, limit)
        body = None if field else _BODY.match(text, pos, limit)
        pos = field.end() if field else body.end() if body else pos
        first = bisect_left(tally_starts, pos)
        tally = tallies[first] if first < len(tallies) and tallies[first].start <= pos + 1 else None
        if tally is not None and tally.end <= limit:
            pos = _AFTER_TALLY.match(text, tally.end, limit).end()
            body = _BODY.match(text, pos, limit)
            pos = body.end() if body else pos
        verb = self.motion_re.match(text, pos, limit)
        if verb is not None:
            after = verb.end()
            if after >= limit or text[after] in "，。；：\n" or _LEAD_IN.match(text, after):
                return None
        if pos >= limit or text[pos] in "。；：\n":
            return None
        return Heading(pos, verb.group() if verb else None)

    @staticmethod
    def cut(text: str, start: int, limit: int) -> int:
        """The end of an item's text: the first ，。；： or line end outside brackets."""
        depth = 0
        pos = start
        while pos < limit:
            char = text[pos]
            if char in _OPEN:
                depth += 1
            elif char in _CLOSE:
                depth = max(0, depth - 1)
            elif depth == 0 and char in "，。；：\n":
                break
            pos += 1
        while pos > start and text[pos - 1] in " \t":
            pos -= 1
        return pos

    def find_agreements(self, doc: Doc, text: str, start: int, limit: int) -> None:
        """董事会同意…/同意提交…审议 inside an item: the decision, from its verb to its clause's end."""
        for match in self.agreement_re.finditer(text, start, limit):
            end = match.end("verb")
            while end < limit and text[end] not in "，。；\n":
                end += 1
            if end - match.start("verb") > len(match.group("verb")) + 1:
                add_candidate(doc, "DECISION", match.start("verb"), end, "resolution.board-agrees", 0.75)
