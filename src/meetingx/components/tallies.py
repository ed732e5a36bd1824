"""Vote tallies as written: 同意9票，反对0票，弃权0票 in its usual forms.

A count is a label (``votes.jsonl``, role ``count``) and a number with its unit, in either order
(同意9票, 9票同意, 赞成票426,223,758股, 同意票数为九票), or 无反对票 (none). A tally is a run of
counts close together, each label once: their separators (，；、 spaces) and what a shareholders'
meeting writes between them (占…的99.91%) do not matter, and percentages are never counts. A run
of one count is a tally only right after a cue (表决结果：同意9票) or 以 (以9票赞成), or written as a
field (得票数：1,200,000股): a tally cut off after its first count keeps the others None. A head of
labels over a row of numbers is a tally too (see :meth:`TallyReader.read_table`). Recused votes
(5票回避) are read, so that they are never taken for another count, and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from meetingx.components.dates import to_int
from meetingx.lexicon import Lexicon, word_pattern

#: The counts a record reports.
COUNTS = ("for", "against", "abstain")
_CN_NUMERAL = "零〇○一二三四五六七八九十百千两"
#: 426,223,758 (the matching view writes the comma full width), 9, 九, 十二
_NUMBER = rf"\d{{1,3}}(?:，\d{{3}})+(?!\d)|\d+|[{_CN_NUMERAL}]+"
#: How far apart two counts of one tally may stand (占出席会议股东所持有表决权股数的99.999%；).
_GAP = 48
_GAP_BREAK = re.compile(r"。|\n\s*\n")
#: Between the labels of a table's head: white space only
_BETWEEN_HEADS = re.compile(r"[ \t]*")
#: How far below a table's head its row of numbers may stand
_TABLE_REACH = 160
_TABLE_NUMBER = re.compile(r"(?<![\d.，])(?:\d{1,3}(?:，\d{3})+|\d+)(?:\.\d+)?%?")


class VoteWords:
    """The vocabulary of ``votes.jsonl``, by role."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.records = lexicon.records("votes.jsonl")

    def words(self, role: str) -> list[str]:
        return [r["word"] for r in self.records if r["role"] == role]

    @cached_property
    def counts(self) -> dict[str, str]:
        """Label -> the count it gives (for, against, abstain, recused)."""
        return {r["word"]: r["count"] for r in self.records if r["role"] == "count"}

    def pattern(self, role: str) -> str:
        return word_pattern(self.words(role))

    @cached_property
    def rejected(self) -> re.Pattern[str]:
        return re.compile(self.pattern("rejected"))

    def passed(self, item: str, votes: Optional[dict[str, Optional[int]]], decided: bool) -> Optional[bool]:
        """Whether an item passed: not where its text says so (审议未通过); where its tally counts
        for and against, whether more voted for than against and abstained; else whether it
        reports a decision taken (``decided``: 审议通过…, a decision after a reported vote), None
        for a bare title."""
        if self.rejected.search(item):
            return False
        if votes is not None and votes.get("for") is not None and votes.get("against") is not None:
            return votes["for"] > votes["against"] + (votes.get("abstain") or 0)
        return True if decided else None


@dataclass
class Tally:
    """A tally: where it stands in the matching view and the counts it gives (None: not reported)."""

    start: int
    end: int
    counts: dict[str, Optional[int]] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return all(self.counts.get(key) is not None for key in COUNTS)


class TallyReader:
    """Finds the tallies of a text: a scan for the labels, each tried with its number after or
    before it."""

    def __init__(self, words: VoteWords) -> None:
        self.labels = words.counts
        label = word_pattern(self.labels)
        unit = words.pattern("unit")
        # a number starts where no numeral stands before it, so that a run of numerals is tried once
        start = rf"(?<![\d{_CN_NUMERAL}])"
        self.label_re = re.compile(label)
        self.label_first = re.compile(rf"(?:票|股份?)?数?(?:为|是)?：?{start}(?P<number>{_NUMBER}){unit}")
        self.number_first = re.compile(rf"{start}(?P<number>{_NUMBER}){unit}$")
        self.cue_re = re.compile(rf"(?:{words.pattern('cue')})(?:为|是)?：?\s*$|以\s*$")
        #: a count written as a field of its own (得票数：1,200,000股)
        self.field_re = re.compile(rf"(?:{label})(?:票|股份?)?数?：")

    def read(self, text: str) -> list[Tally]:
        """The tallies of ``text`` (offsets into it), in text order."""
        tallies: list[Tally] = []
        run: list[tuple[str, Optional[int], int, int]] = []  # (count, number, start, end)
        header: list[tuple[str, int, int]] = []  # labels with no number: a table's head (count, start, end)
        for label in self.label_re.finditer(text):
            count = self.labels[label.group()]
            taken = run[-1][3] if run else 0  # a number read with the count before is not this one's
            before = self.number_first.search(text, max(taken, label.start() - 24), label.start())
            after = None if before else self.label_first.match(text, label.end())
            if before:
                span, value = (before.start(), label.end()), to_int(before["number"].replace("，", ""))
            elif after:
                span, value = (label.start(), after.end()), to_int(after["number"].replace("，", ""))
            elif text.startswith("票", label.end()) and text[label.start() - 1:label.start()] == "无":
                span, value = (label.start() - 1, label.end() + 1), 0  # 无反对票: none
            else:
                if header and _BETWEEN_HEADS.fullmatch(text, header[-1][2], label.start()) \
                        and count not in {c for c, *_ in header}:
                    header.append((count, label.start(), label.end()))
                else:
                    self.read_table(text, header, tallies)
                    header = [(count, label.start(), label.end())]
                continue
            if run and (span[0] - run[-1][3] > _GAP or count in {c for c, *_ in run}
                        or _GAP_BREAK.search(text, run[-1][3], span[0])):
                self.close(text, run, tallies)
                run = []
            run.append((count, value, *span))
        if run:
            self.close(text, run, tallies)
        self.read_table(text, header, tallies)
        return sorted(tallies, key=lambda t: t.start)

    @staticmethod
    def read_table(text: str, header: list[tuple[str, int, int]], tallies: list[Tally]) -> None:
        """A tally laid out as a table: a head of labels (同意 反对 弃权), maybe a line of
        票数 比例（%） under each, then a row of numbers (A股 265,123,456 99.9876 12,300 0.0046 …).
        The counts are the row's last numbers, one per label (every other one where a ratio
        stands beside each count)."""
        if len({count for count, *_ in header} & set(COUNTS)) < 2:
            return
        width = len(header)
        reach = min(len(text), header[-1][2] + _TABLE_REACH)
        head_end = text.find("\n", header[-1][2], reach)  # (a head whose line runs on past reach has no row)
        if head_end < 0:
            return
        row_start = head_end + 1
        tokens: list[str] = []
        while 0 < row_start < reach:
            row_end = text.find("\n", row_start, reach)
            row_end = reach if row_end < 0 else row_end
            tokens = _TABLE_NUMBER.findall(text, row_start, row_end)
            if len(tokens) >= width:
                break
            row_start = row_end + 1
        if len(tokens) < width:
            return
        paired = "比例" in text[head_end:row_start] or len(tokens) == 2 * width
        cells = tokens[-2 * width::2] if paired and len(tokens) >= 2 * width else tokens[-width:]
        if len(cells) < width or any(not cell.replace("，", "").isdigit() for cell in cells):
            return
        counts = {count: int(cell.replace("，", "")) for (count, *_), cell in zip(header, cells) if count in COUNTS}
        tallies.append(Tally(header[0][1], row_end, {key: counts.get(key) for key in COUNTS}))

    def close(self, text: str, run: list[tuple[str, Optional[int], int, int]], tallies: list[Tally]) -> None:
        counts = {count: value for count, value, _, _ in run if count in COUNTS}
        if not counts:
            return
        start, end = run[0][2], run[-1][3]
        if len(counts) == 1 and not self.cue_re.search(text, max(0, start - 12), start) \
                and not self.field_re.match(text, start):
            return
        tallies.append(Tally(start, end, {key: counts.get(key) for key in COUNTS}))
