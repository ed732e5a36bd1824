"""Page structure: furniture lines, the headline, the publish date, the dateline and the lead.

Adds ``BODY`` (from the lead to the end of the text), ``TITLE`` (the headline: the first line
above the lead that reads like one, never a site banner or navigation line from
``noise_lines.txt``), ``PUBLISH_DATE`` (a date after a cue from ``publish_cues.txt``, or an
aggregator timestamp line) with ``data["iso"]``, and ``DATELINE`` (新华网北京5月18日电) with the
month and day it gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.text import TextView

_LINE = re.compile(r"[^\n]+")
#: A quotation inside a headline may hold commas: 围绕“加强生态环境保护，推进美丽中国建设”
_QUOTED = re.compile(r"“[^”“\n]*”|《[^》《\n]*》")
_ISO = re.compile(r"(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})")
_DASH_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)(?:\s+\d{1,2}：\d{2}(?:：\d{2})?)?")
_TIMESTAMP_LINE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}：\d{2}(?:：\d{2})?)?\s*$")
#: A line opened by a date and a time, then the page's source or author (2020年04月08日09：21 来源：…)
_DATED_LINE = re.compile(r"\s*(?P<date>" + _ISO.pattern + r")日?\s*(?:\d{1,2}：\d{2}(?:：\d{2})?)?\s*")
#: A headline before the lead on its line, set off by white space (…动员会 9月21日上午，…)
_GLUED_HEADLINE = re.compile(r"[ \t\u3000]*([^\s，。,.；;：:！!？?、]{5,59}[^\s，。,.；;：:！!？?、\d日号时分点])"
                             r"[ \t\u3000]+(?=\S)(?!\d{1,2}\s*[:：时点])")
_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_PROSE_MARK = re.compile(r"[，。]")
#: A full sentence: six Chinese characters, then a full stop later on the line (the first six
#: are enough to look from: a search for the whole of it tried every six and rescanned the line)
_SIX_HAN = re.compile(r"[\u4e00-\u9fff]{6}")
#: A headline is short and reads like a clause about a meeting.
_HEADLINE_WORDS = re.compile(r"会|召开|举行|主持|强调|讲话|部署|学习|座谈|出席|闭幕|开幕|论坛|调研|审议|传达|决议|纪要|公告")


class StructureFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.noise = re.compile(lexicon.alternation("noise_lines.txt"))
        cues = lexicon.words("publish_cues.txt")
        strong = [c for c in cues if len(c) > 2]
        self.strong_cue = re.compile(rf"(?:{word_pattern(strong)})\s*：?\s*")
        self.weak_cue = re.compile(rf"(?:{word_pattern(cues)})\s*：\s*")
        sources = lexicon.alternation("dateline_sources.txt")
        self.dateline = re.compile(
            rf"(?:{sources})?(?:消息)?[\u4e00-\u9fff]{{0,6}}?(?P<m>1[0-2]|[1-9])月(?P<d>3[01]|[12]\d|[1-9])日(?:电|消息|讯)"
            # and its byline: 新华社北京5月18日电（记者王明 李红）, 日讯(通讯员 张华)
            rf"(?:\s*[（(](?:记者|通讯员|实习生|见习记者|特约记者)[^）)\n]{{0,40}}[）)])?")
        self.source_news = re.compile(rf"(?:{sources})(?:消息)?(?:（[^）]{{0,12}}）)?：")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if text[m.start():m.end()].strip()]
        self.find_publish_date(doc, text, lines)
        lead = self.find_lead(doc, text, lines)
        self.find_title(doc, text, lines, lead)
        return doc

    def is_noise(self, line: str) -> bool:
        return bool(self.noise.search(line)) and len(line) < 80 or not _LETTER.search(line)

    def find_publish_date(self, doc: Doc, text: str, lines: list[tuple[int, int]]) -> None:
        view = doc._.mx_text
        for start, end in lines:
            line = text[start:end]
            cue = self.strong_cue.search(line)
            if not cue and self.noise.search(line):
                cue = self.weak_cue.search(line)
            date = _ISO.match(line, cue.end()) if cue else None
            rule = "structure.publish-cue"
            if date is None and _TIMESTAMP_LINE.match(line):
                date, rule = _ISO.search(line), "structure.timestamp-line"
            dated = _DATED_LINE.match(line) if date is None else None
            if dated and self.noise.match(line, dated.end()):
                date, rule = _ISO.match(line, dated.start("date")), "structure.dated-source-line"
            if date is None and start < 600 and "-" in line[:100]:
                # a listing line that ends with the item's date: …决议公告2019-05-30 (where the
                # view joined a hard-wrapped line to it, the original line still ends there)
                date = next((m for m in _DASH_DATE.finditer(line, 0, 100) if view.line_ends_at(start + m.end())),
                            None)
                rule = "structure.line-end-timestamp"
            if date is None:
                continue
            year, month, day = int(date["y"]), int(date["m"]), int(date["d"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                add_candidate(doc, "PUBLISH_DATE", start + date.start(), start + date.end(), rule, 0.95,
                              iso=f"{year:04d}-{month:02d}-{day:02d}", line=(start, end))
                return

    def find_dateline(self, text: str, start: int, end: int) -> Optional[re.Match[str]]:
        """The first dateline in text[start:end]. Each ends in 日电, 日消息 or 日讯 (本报10月28日讯):
        where none occurs, the (slow) search is skipped."""
        if all(text.find(mark, start, end) < 0 for mark in ("日电", "日消息", "日讯")):
            return None
        return self.dateline.search(text, start, end)

    def find_lead(self, doc: Doc, text: str, lines: list[tuple[int, int]]) -> int:
        """Where the body starts: the first line that reads as prose (or the text after a dateline);
        in a short text, the first full sentence. A line with no full stop right above a line that
        opens with a news source (央视网消息：) is the headline, however long."""
        for number, (start, end) in enumerate(lines):
            line = text[start:end]
            following = lines[number + 1] if number + 1 < len(lines) else None
            if following and "。" not in line and self.source_news.match(text, following[0], following[1]):
                continue
            dateline = self.find_dateline(text, start, end)
            if dateline and dateline.start() - start < 160:
                add_candidate(doc, "DATELINE", dateline.start(), dateline.end(),
                              "structure.dateline", 0.9, month=int(dateline["m"]), day=int(dateline["d"]))
                body = dateline.end()
                add_candidate(doc, "BODY", body, len(text), "structure.after-dateline", 0.9, line_start=start)
                return start
            if self.is_noise(line) and len(line) < 60:
                continue
            if len(line) >= 30 and _PROSE_MARK.search(_QUOTED.sub("", line)):
                source = self.source_news.search(line)
                body = start + source.end() if source and source.start() < 20 else start
                headline_end = self.glued_headline(doc._.mx_text, start, end)
                if headline_end is not None:
                    add_candidate(doc, "TITLE", start, headline_end, "structure.headline-glued", 0.7)
                    body = headline_end
                add_candidate(doc, "BODY", body, len(text), "structure.first-prose-line", 0.8, line_start=start)
                return start
        for start, end in lines:
            six = _SIX_HAN.search(text, start, end)
            if six and text.find("。", six.end(), end) >= 0:
                add_candidate(doc, "BODY", start, len(text), "structure.first-sentence", 0.6, line_start=start)
                return start
        add_candidate(doc, "BODY", 0, len(text), "structure.whole-text", 0.5, line_start=0)
        return 0

    @staticmethod
    def glued_headline(view: TextView, start: int, end: int) -> Optional[int]:
        """Where a headline ends that opens the lead's line, set off by white space only in the
        original (我县召开…动员会 9月21日上午，我县召开…): the matching view drops spaces inside
        prose, so the original line is read."""
        o_start, o_end = view.to_original(start, end)
        glued = _GLUED_HEADLINE.match(view.original, o_start, o_end)
        if glued is None or not _HEADLINE_WORDS.search(glued.group(1)):
            return None
        origin = view.origin
        return start + len(glued.group(1)) if origin is None else bisect_left(origin, glued.end(1))

    def find_title(self, doc: Doc, text: str, lines: list[tuple[int, int]], lead: int) -> None:
        """The first line above the lead that reads like a headline about a meeting; failing
        that, the nearest line above the lead that could be a headline at all."""
        if candidates(doc, "TITLE"):
            return  # read with the lead (a headline glued to it)
        fallback = None
        for start, end in lines:
            if start > lead:
                break
            if start == lead:
                # a headline glued to the dateline on the lead line (…做时代先锋中广网北京6月30日消息)
                dateline = self.find_dateline(text, start, end)
                if dateline and dateline.start() - start >= 6:
                    head = self.source_start(text, start, dateline.start())
                    line = text[start:head].strip()
                    if 6 <= len(line) and _HEADLINE_WORDS.search(line) or len(line) >= 8:
                        add_candidate(doc, "TITLE", start, start + len(text[start:head].rstrip()),
                                      "structure.headline-before-dateline", 0.7)
                        return
                break
            line = text[start:end]
            if self.is_noise(line) or len(line.strip()) < 6 or len(line) > 150:
                continue
            if self.strong_cue.search(line) or line.rstrip().endswith("。"):
                continue
            left = start + len(line) - len(line.lstrip())
            if _HEADLINE_WORDS.search(line):
                add_candidate(doc, "TITLE", left, start + len(line.rstrip()), "structure.headline-line", 0.85)
                return
            fallback = (left, start + len(line.rstrip()))
        if fallback is not None:
            add_candidate(doc, "TITLE", *fallback, "structure.line-above-lead", 0.6)

    def source_start(self, text: str, start: int, dateline_start: int) -> int:
        """Where the agency name before a dateline begins (新华网 in …新台阶新华网西宁7月10日电)."""
        for source in self.lexicon.words("dateline_sources.txt"):
            idx = text.find(source, start, dateline_start + len(source) + 8)
            if idx >= 0:
                return idx
        return dateline_start
