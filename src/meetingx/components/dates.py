"""Dates: every date expression of the text, with what it says.

Adds ``DATE`` candidates whose ``data`` holds ``year``, ``month``, ``day`` (ints or None), the end
of a range (``end_year``/``end_month``/``end_day``), ``part`` (time of day from
``time_of_day.jsonl``), and for relative words (``relative_dates.jsonl``: 今天, 近日) ``relative``
with the day offset or None. Arabic and Chinese numerals (二〇二三年四月十八日) are read by :func:`to_int`;
spaces inside dates (``9 月 28 日``) are allowed. Which date is the meeting's is decided in
:mod:`meetingx.assemble`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import Occupied

_CN_DIGIT = "〇零○Ｏ一二三四五六七八九"
_CN_VALUE = {ch: max(0, index - 3) for index, ch in enumerate(_CN_DIGIT)} | {"两": 2}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
#: 2019年12月24日（星期二）: the weekday belongs to the date as written
_WEEKDAY = re.compile(r"\s*（(?:星期|周)[一二三四五六日天]）")
_YEAR = rf"(?P<year>\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*"
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
_END = (r"(?:\s*(?:至|到|-|—|－|～|~)\s*(?:(?P<end_month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*)?"
        r"(?P<end_day>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])?")
#: The characters a numeric date is written with. Every match of a numeric pattern lies within one
#: run of them that holds a date mark (年, 月, 日, 号, or a separator of 2023-04-18), so the patterns
#: need only look at those runs (and at the character after each, which their lookaheads read).
_DATE_RUN = re.compile(rf"[\d{_CN_DIGIT}十年月日号至到\-—－～~/.\s]+")
_DATE_MARK = re.compile(r"[年月日号\-/.]")
#: A clock time right after a date: 16:00, 北京时间 11:00, 9时, 14点30分
_CLOCK = re.compile(r"\s*(?:北京时间)?\s*(?P<clock>(?P<hour>[01]?\d|2[0-4])\s*(?:：\s*\d{2}|[时点]))")


def to_int(numeral: Optional[str]) -> Optional[int]:
    """An Arabic or Chinese numeral as an int (二〇二三 -> 2023, 十八 -> 18, 一百零五 -> 105), or None."""
    if not numeral:
        return None
    numeral = numeral.strip()
    if numeral.isdigit():
        return int(numeral)
    if numeral and all(ch in _CN_VALUE for ch in numeral):
        return int("".join(str(_CN_VALUE[ch]) for ch in numeral))  # digit by digit: 二〇二三
    total = digit = 0
    for ch in numeral:
        if ch in _CN_VALUE:
            digit = _CN_VALUE[ch]
        elif ch in _CN_UNIT:
            total += (digit or 1) * _CN_UNIT[ch]  # 十八: a bare 十 is one ten
            digit = 0
        else:
            return None
    return total + digit if numeral else None


class DateFinder:
    """Adds ``DATE`` candidates."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        records = lexicon.records("time_of_day.jsonl")
        parts = {r["word"]: r["part"] for r in records if "word" in r}
        self.parts = parts
        #: (hour, part) from the latest hour down: a clock time's part is the first whose hour it reaches
        self.hours = sorted(((r["from_hour"], r["part"]) for r in records if "from_hour" in r), reverse=True)
        part_alt = word_pattern(parts)
        self.part_re = re.compile(rf"\s*(?P<part>{part_alt})")
        self.relative = {r["word"]: r["days"] for r in lexicon.records("relative_dates.jsonl")}
        rel_alt = word_pattern(self.relative)
        #: Numeric dates, by rule; a rule's matches overlapping those of an earlier rule are dropped.
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("date.iso", re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>1[0-2]|0?[1-9])[-/.](?P<day>3[01]|[12]\d|0?[1-9])(?!\d)")),
            ("date.ymd", re.compile(_YEAR + _MONTH + _DAY + _END)),
            ("date.ym", re.compile(_YEAR + r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?![\d份底初中])")),
            ("date.md", re.compile(r"(?<![\d年])" + _MONTH + _DAY + _END)),
            # 1月30下午: a day whose 日 was dropped before the time of day
            ("date.md-no-day-mark", re.compile(r"(?<![\d年])" + _MONTH + r"(?P<day>3[01]|[12]\d|0?[1-9])(?=[上下中晚早])")),
            # 710日: a month whose 月 was dropped (a typo seen in real pages)
            ("date.md-no-month-mark", re.compile(r"(?<![\d年月.\-/])(?P<md>\d{3,4})日")),
            ("date.day", re.compile(r"(?<![\d年月.\-/十])(?P<day>3[01]|[12]\d|0?[1-9])\s*日" + r"(?:\s*(?:至|到|-|—|～)\s*(?P<end_day>3[01]|[12]\d|0?[1-9])\s*日)?")),
        ]
        self.relative_re = re.compile(rf"(?P<rel>{rel_alt})(?:（(?P<relday>\d{{1,2}})[日号]）)?")
        #: a relative word and the bracket that opens the date it stands for: 今天（10月15日）下午
        self.explained_relative = re.compile(rf"(?:{rel_alt})（$")
        self.longest_relative = max(map(len, self.relative), default=0) + 1

    def matches(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """(rule, match) of every rule in turn, the numeric rules first, each rule's matches in
        text order (as ``finditer`` over the whole text finds them)."""
        runs = [(run.start(), run.end() + 1) for run in _DATE_RUN.finditer(text)
                if _DATE_MARK.search(text, run.start(), run.end())]
        for rule, pattern in self.patterns:
            for start, end in runs:
                for match in pattern.finditer(text, start, end):
                    yield rule, match
        for match in self.relative_re.finditer(text):
            yield "date.relative", match

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        taken = Occupied(len(text))
        for rule, match in self.matches(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            data = self.read(rule, match)
            if data is None:
                continue
            weekday = _WEEKDAY.match(text, end)
            if weekday:
                end = weekday.end()
            after = end
            explained = self.explained_relative.search(text, max(0, start - self.longest_relative), start) \
                if text.startswith("）", end) else None
            if explained:
                # 今天（10月15日）下午: the date the relative word stands for (which is then no date of
                # its own), and the part of the day after the bracket
                after = end + 1
                taken.add(explained.start(), start)
            part = self.part_re.match(text, after)
            clock = None if part else _CLOCK.match(text, after)
            if part:
                data["part"] = self.parts[part.group("part")]
                data["part_span"] = (part.start("part"), part.end("part"))
                if not explained:
                    end = part.end()
            elif clock and int(clock["hour"]) <= 24:
                # a clock time gives the part of the day, and stays out of the date's words
                hour = int(clock["hour"])
                data["part"] = next(p for h, p in self.hours if hour >= h)
                data["part_span"] = clock.span("clock")
            taken.add(start, end)
            add_candidate(doc, "DATE", start, end, rule, 0.9, **data)
        return doc

    def read(self, rule: str, match: re.Match[str]) -> Optional[dict[str, Any]]:
        groups = match.groupdict()
        if rule == "date.relative":
            data: dict[str, Any] = {"relative": self.relative[groups["rel"]], "year": None, "month": None,
                                    "day": to_int(groups.get("relday"))}
            return data
        if rule == "date.md-no-month-mark":
            digits = groups["md"]
            month, day = int(digits[:-2]), int(digits[-2:])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
            return {"year": None, "month": month, "day": day}
        year = to_int(groups.get("year"))
        month = to_int(groups.get("month"))
        day = to_int(groups.get("day"))
        if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
            return None
        if year is not None and not 1900 <= year <= 2100:
            return None
        data = {"year": year, "month": month, "day": day}
        if groups.get("end_day"):
            data["end_month"] = to_int(groups.get("end_month")) or month
            data["end_day"] = to_int(groups["end_day"])
        return data
