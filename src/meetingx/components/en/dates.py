"""Dates and times of English minutes: every date expression with what it says, scored as the
meeting's date, and the meeting's start time.

Dates are read by rules of our own (not ``dateparser``: it fills a missing year from today's date,
which would make output depend on the day it runs, and it cannot tell ``02/11/08`` in a US text
from one in a British text). Written dates (``Tuesday, March 5, 2024``, ``5th March 2024``,
``Tuesday, the 11th day of July, 2023``, ``JULY 9,2013``), numeric ones (``03/05/2024``,
``02/11/08``, ``2023-09-18``, ``17-Aug-2020``: month first unless the text writes days first),
month and year, relative words (``today``, from ``relative_dates.jsonl``) and bare weekdays (no
day can be told from them). Each ``DATE`` candidate carries ``year``/``month``/``day``, a
``score`` (a date in a sentence that convenes the meeting, in the header, after ``Date:``; not one
of a previous meeting's minutes) and the ``statement`` it belongs to, and the meeting's start
time as ``part``/``part_span`` (``7:00 p.m.`` -> evening; before 12:00 morning, 12:00-16:59
afternoon, 17:00 on evening).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.en.statements import Statements, body_start, statement_end, statements
from meetingx.components.en.words import EnglishWords, english_words, sentences_of
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import Occupied

_ORDINAL = r"(?:st|nd|rd|th)?"
#: White space inside a date: spaces, or one line break (not a blank line)
_WS = r"(?:[ ]+|[ ]*\n[ ]*)"
_COMMA = r"(?:[ ]*,[ ]*\n?[ ]*|[ ]+|[ ]*\n[ ]*)"
_TIME = re.compile(r"(?<![\d.:$])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d)|[ ](?P<m2>[0-5]\d)(?=[ ]?[AaPp]\.?[Mm]))?"
                   r"[ ]?(?P<ap>[AaPp])\.?[ ]?[Mm]\.?(?![A-Za-z])"
                   r"|(?<![\d.:$])(?P<h24>1[3-9]|2[0-3])[:.](?P<m24>[0-5]\d)(?![\d.:])")
#: What makes a time the start of the meeting, or the end of something
_START_CUE = re.compile(r"(?i:(?:called\b.{0,80}to order|convened|commenc\w*|began|begin\w*|start\w*|"
                        r"held|met|opened)\b[^.;]{0,60}$)")
_END_CUE = re.compile(r"(?i:(?:\b(?:adjourn\w*|clos\w*|conclud\w*|ended|recess\w*|return\w*|left|reconven\w*|"
                      r"departed|arrived|until|till)\b[^.;,]{0,25}|\b(?:to|and|through)[ ]*|-[ ]*)$)")
_DIGITS = re.compile(r"\d+")
#: How far back from a date its sentence is read for a convening verb or another meeting
_SENTENCE_REACH = 400
#: The rules whose dates hold no digit (today, Monday): read over the whole text
_WITHOUT_DIGITS = frozenset({"en.date.relative", "en.date.weekday"})
_TIME_FIELD = re.compile(r"(?i:\btime\s*:\s*)$")
_DATE_FIELD = re.compile(r"(?i:\bdate\s*:\s*)$")


def part_of_day(hour: int) -> str:
    return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"


def two_digit_year(year: int) -> int:
    return year + (2000 if year < 50 else 1900) if year < 100 else year


class DateReader:
    """The date patterns of one lexicon (also used for publish lines)."""

    def __init__(self, words: EnglishWords, lexicon: Lexicon) -> None:
        self.words = words
        month = rf"(?P<mon>(?i:{word_pattern(words.months)}))\.?"
        weekday = rf"(?:(?P<wd>(?i:{word_pattern(words.weekdays)}))\.?,?{_WS})"
        year = r"(?P<year>\d{4})(?![\d])"
        day = rf"(?P<day>3[01]|[12]\d|0?[1-9]){_ORDINAL}(?![\d])"
        self.relative = {r["word"]: r for r in lexicon.records("relative_dates.jsonl")}
        #: (rule, pattern), tried in order; a rule's matches overlapping an earlier one's are dropped
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("en.date.iso", re.compile(r"(?<![\d/])(?P<year>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?![\d])")),
            ("en.date.day-mon-year", re.compile(rf"(?<![\d])(?P<day>[0-2]?\d|3[01])-{month}-(?P<year>\d{{4}})")),
            ("en.date.month-day-year", re.compile(rf"(?<![A-Za-z])(?:{weekday}(?:the{_WS})?)?{month}{_WS}{day}"
                                                  rf"(?:{_COMMA}{year})?")),
            ("en.date.day-month-year", re.compile(rf"(?<![A-Za-z\d])(?:{weekday}(?:the{_WS})?)?{day}"
                                                  rf"(?:{_WS}day{_WS}of)?{_WS}{month}(?![A-Za-z])(?:{_COMMA}{year})?")),
            ("en.date.numeric", re.compile(r"(?<![\d/.\-])(?P<a>[01]?\d|[23]\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)"
                                           r"(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)")),
            ("en.date.month-year", re.compile(rf"(?<![A-Za-z]){month}{_COMMA}{year}")),
            ("en.date.relative", re.compile(rf"(?<![A-Za-z])(?P<rel>(?i:{word_pattern(self.relative)}))(?![A-Za-z])")),
            ("en.date.weekday", re.compile(rf"(?<![A-Za-z])(?P<wd>(?i:{word_pattern(words.weekdays)}))(?![A-Za-z])"
                                           rf"(?:[ ]+(?P<part>morning|afternoon|evening|night))?")),
        ]

    def day_first(self, text: str) -> bool:
        """Whether the text writes numeric dates day first (22/11/2017): a first number over 12,
        or only day-first written dates (22 November 2017) and no month-first ones."""
        numeric = dict(self.patterns)["en.date.numeric"]
        firsts = [(int(m["a"]), int(m["b"])) for m in numeric.finditer(text)]
        if any(a > 12 for a, _ in firsts):
            return True
        if any(b > 12 for _, b in firsts):
            return False
        day_month = dict(self.patterns)["en.date.day-month-year"]
        month_day = dict(self.patterns)["en.date.month-day-year"]
        return day_month.search(text) is not None and month_day.search(text) is None

    def read(self, rule: str, match: re.Match[str], day_first: bool) -> Optional[dict[str, Any]]:
        """What a match says: year, month, day (or ``relative`` days), or None if it is no date."""
        groups = match.groupdict()
        if rule == "en.date.relative":
            record = self.relative[groups["rel"].lower()]
            data: dict[str, Any] = {"relative": record["days"], "year": None, "month": None, "day": None}
            if record.get("part"):
                data["said_part"] = (record["part"], match.span("rel"))
            return data
        if rule == "en.date.weekday":
            if len(groups["wd"]) <= 4 or re.match(r",?\s*\d", match.string[match.end():match.end() + 4]):
                return None  # Wed, Sun: too short to stand alone; Tuesday, 11th: a date cut by a line
            data = {"relative": None, "year": None, "month": None, "day": None}
            if groups.get("part"):
                data["said_part"] = ("evening" if groups["part"] == "night" else groups["part"], match.span("part"))
            return data
        if rule == "en.date.iso":
            return {"year": int(groups["year"]), "month": int(groups["m"]), "day": int(groups["d"])}
        if rule == "en.date.numeric":
            a, b = int(groups["a"]), int(groups["b"])
            day_number, month_number = (a, b) if day_first else (b, a)
            full_year = two_digit_year(int(groups["y"]))
            if not (1 <= month_number <= 12 and 1 <= day_number <= 31 and 1900 <= full_year <= 2100):
                return None
            return {"year": full_year, "month": month_number, "day": day_number}
        if match.group("mon")[:1].islower() and rule != "en.date.day-mon-year":
            return None  # "may 5": a verb, not May
        year = int(groups["year"]) if groups.get("year") else None
        if year is not None and not 1900 <= year <= 2100:
            return None
        day = int(groups["day"]) if groups.get("day") else None
        return {"year": year, "month": self.words.month(groups["mon"]), "day": day}


class DateFinder:
    """Adds ``DATE`` candidates, scored as the meeting's date."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.words = english_words(lexicon)
        self.reader = DateReader(self.words, lexicon)
        self.statements: Statements = statements(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        day_first = self.reader.day_first(text)
        taken = Occupied(len(text))
        found: list[tuple[str, int, int, dict[str, Any]]] = []
        # a date with a number lies around a run of digits: only those parts of the text are read
        windows: list[tuple[int, int]] = []
        for digits in _DIGITS.finditer(text):
            start, end = max(0, digits.start() - 40), min(len(text), digits.end() + 40)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        for rule, pattern in self.reader.patterns:
            spans = [(0, len(text))] if rule in _WITHOUT_DIGITS else windows
            matches = (match for start, end in spans for match in pattern.finditer(text, start, end))
            for match in matches:
                start, end = match.span()
                if taken.overlaps(start, end):
                    continue
                data = self.reader.read(rule, match, day_first)
                if data is None:
                    continue
                taken.add(start, end)
                found.append((rule, start, end, data))
        if not found:
            return doc
        start_time = self.start_time(doc, text)
        lead_end = statement_end(doc, self.words, self.statements)
        for rule, start, end, data in sorted(found, key=lambda f: f[1]):
            data["score"] = self.score(doc, text, rule, start, end, data)
            sentence_end = sentences_of(doc, self.words).end_of(start)
            data["statement"] = (0, max(lead_end, sentence_end))
            said = data.pop("said_part", None)
            if said:
                data["part"], data["part_span"] = said
            elif start_time:
                data["part"], data["part_span"] = start_time
            add_candidate(doc, "DATE", start, end, rule, 0.9, **data)
        return doc

    def score(self, doc: Doc, text: str, rule: str, start: int, end: int, data: dict[str, Any]) -> Optional[float]:
        """How likely the date is the meeting's (None: it cannot be, e.g. a publish line's)."""
        if any(c.start <= start < c.end for c in candidates(doc, "PUBLISH_DATE")):
            return None
        if any(c.start <= start < c.end for c in candidates(doc, "LABEL")):
            return 0.0  # the file name of a viewer's label (HomeMy WebLinkAbout2023-09-18…)
        sentences = sentences_of(doc, self.words)
        s_start, s_end = sentences.start_of(start), sentences.end_of(start)
        score = 0.0
        # (the sentence is read back from the date no further than _SENTENCE_REACH: a sentence of
        # dates that never ends would be read again for each of them)
        s_start = max(s_start, start - _SENTENCE_REACH)
        verb = self.statements.convening.search(text, s_start, start) \
            if (sentences.start_of(start), s_end) in self.statements.convening_set(doc, self.words) else None
        if verb is not None:
            score += 5  # …was held on Tuesday, 23rd September, 2004
        elif self.statements.about_other_meeting(text, s_start, end) \
                or re.search(r"\bdated[ ]*$", text[max(0, start - 8):start]):
            score -= 5
        if _DATE_FIELD.search(text, max(0, start - 12), start):
            score += 3
        if "relative" in data:
            kinds = candidates(doc, "KIND")
            if not kinds and start - body_start(doc) < 300:
                score += 2  # today / on Monday in the lead of a news report
        else:
            score += (data.get("day") is not None) + (rule not in ("en.date.numeric", "en.date.iso"))
        return score

    def start_time(self, doc: Doc, text: str) -> Optional[tuple[str, tuple[int, int]]]:
        """The meeting's start time as (part of day, span): a ``Time:`` field, a time in a
        convening sentence (not one that ends, adjourns or recesses), or one in the header."""
        body = body_start(doc)
        convening = self.statements.convening_set(doc, self.words)
        sentences = sentences_of(doc, self.words)
        best: Optional[tuple[int, int, tuple[int, int], int]] = None  # (score, -start, span, hour)
        for match in _TIME.finditer(text):
            start = match.start()
            before = text[max(0, start - 90):start]
            s_start = sentences.start_of(start)
            if _END_CUE.search(before[-40:]):
                continue
            if _TIME_FIELD.search(before):
                score = 3
            elif (s_start, sentences.end_of(start)) in convening and _START_CUE.search(text, s_start, start):
                score = 3
            elif (s_start, sentences.end_of(start)) in convening:
                score = 2
            elif start < body:
                score = 2
            else:
                continue
            if match.group("h24"):
                hour = int(match.group("h24"))
            else:
                hour = int(match.group("h")) % 12 + (12 if match.group("ap") in "Pp" else 0)
            if best is None or score > best[0]:
                best = (score, -start, match.span(), hour)
        if best is None:
            return None
        return part_of_day(best[3]), best[2]
