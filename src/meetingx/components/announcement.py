"""The header and the signature of a resolution announcement (决议公告).

Adds ``HEADING`` (the announcement's heading without the issuing company: 第二届董事会第八次会议决议公告,
关于…决议的公告, 监事会决议公告), ``COMPANY`` (the company that issues it: glued to the heading, on
the line above it, or written before the meeting's name in the lead, also with a 以下简称 aside
between), ``MEETING`` (the meeting's name: where the lead convenes it, else as the heading names
it) and ``SIGNATURE_DATE`` (the date the announcement is signed, on a line of its own or glued to
its signer: 甲乙股份有限公司董事会2024年3月7日, 董事会\\n二〇二四年三月十五日), with ``data["iso"]``.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.positions import Occurrences
from meetingx.text import TextView

_NUM = r"[一二三四五六七八九十百零〇○\d]+"
_YEAR = r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年度?"
#: A company's full name (甲乙股份有限公司, 中国平安保险（集团）股份有限公司).
COMPANY = r"[\u4e00-\u9fffA-Za-z（）]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)"
#: The meeting an announcement reports: 第九届董事会第二十三次会议, 2024年第一次临时股东大会
MEETING = (rf"(?:{_YEAR})?(?:第{_NUM}届)?(?:董事会|监事会)(?:{_YEAR})?第{_NUM}次(?:临时)?会议"
           rf"|{_YEAR}(?:第{_NUM}次)?(?:临时|年度)?股东(?:大)?会")
_HEADING = re.compile(rf"(?P<company>{COMPANY})?(?P<title>(?:关于)?(?:(?P<meeting>{MEETING})|董事会|监事会|股东(?:大)?会)"
                      r"[^\n，。：]{0,6}?决议的?公告)")
#: 甲乙股份有限公司（以下简称“公司”）第二届董事会第八次会议: the company written before the meeting
_COMPANY_BEFORE = re.compile(rf"(?P<company>{COMPANY})(?:（[^）\n]{{0,20}}）)?(?:{MEETING})")
#: 甲乙股份：监事会决议公告 (an aggregator's listing line): the short name before the colon
_SHORT_NAME = re.compile(r"(?P<company>[\u4e00-\u9fffA-Za-z]{2,12})：\s*$")
_CONVENE = re.compile(r"召开|举行")
_MEETING = re.compile(MEETING)
#: A meeting still to be held (公司决定于…召开2023年第二次临时股东大会)
_PLANNED = re.compile(r"决定|拟|将|提请|提交|关于")
_DATE = rf"(?:\d{{4}}|[〇零○一二三四五六七八九]{{4}})\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日"
#: A signature date: alone on its line, or after its signer (…董事会2024年5月17日)
_SIGNATURE = re.compile(rf"^[ \t]*(?:\S{{0,40}}?(?:董\s*事\s*会|监\s*事\s*会|公司|委员会))?[ \t]*(?P<date>{_DATE})[ \t]*$",
                        re.M)


class AnnouncementReader:
    """Reads the heading, the issuing company, the meeting and the signature date."""

    def __call__(self, doc: Doc, view: TextView) -> None:
        text = view.folded
        heading = self.find_heading(doc, text)
        self.find_company(doc, view, heading)
        self.find_meeting(doc, text, heading)
        self.find_signature(doc, text)

    @staticmethod
    def alone_on_line(text: str, start: int, end: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        return not text[line_start:start].strip() and not text[end:line_end].strip()

    def find_heading(self, doc: Doc, text: str) -> list[re.Match[str]]:
        """The heading's occurrences, the best first: a heading on a line of its own (甲乙股份有限公司
        \\n第五届董事会第六次会议决议公告) beats a listing line (甲乙股份：…决议公告2019-05-30)."""
        found = sorted(_HEADING.finditer(text, 0, 3000),
                       key=lambda m: (not self.alone_on_line(text, m.start(), m.end("title")),
                                      m.group("meeting") is None, m.start()))
        if found:
            best = found[0]
            add_candidate(doc, "HEADING", best.start("title"), best.end("title"), "resolution.heading", 0.9)
        return found

    def find_company(self, doc: Doc, view: TextView, headings: list[re.Match[str]]) -> None:
        text = view.folded
        for heading in headings:
            if heading.group("company"):
                add_candidate(doc, "COMPANY", heading.start("company"), heading.end("company"),
                              "resolution.heading-company", 0.9)
                return
        for heading in headings:
            above = self.line_above(view, heading.start("title"))
            if above is not None and re.fullmatch(COMPANY, text[above[0]:above[1]]):
                add_candidate(doc, "COMPANY", *above, "resolution.company-line", 0.85)
                return
        for match in _COMPANY_BEFORE.finditer(text):
            if re.match(r"[（本该]|公司$", match.group("company")):
                continue
            add_candidate(doc, "COMPANY", match.start("company"), match.end("company"), "resolution.company-meeting",
                          0.8)
            return
        for heading in headings:
            line_start = text.rfind("\n", 0, heading.start("title")) + 1
            short = _SHORT_NAME.search(text, line_start, heading.start("title"))
            if short:
                add_candidate(doc, "COMPANY", short.start("company"), short.end("company"),
                              "resolution.listing-short-name", 0.7)
                return

    @staticmethod
    def line_above(view: TextView, pos: int) -> Optional[tuple[int, int]]:
        """The non-blank line of the original text above the line of ``pos``, without its
        indentation (where the view joined lines, the last of them)."""
        text = view.folded
        end = text.rfind("\n", 0, pos)
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if line.strip():
                start = next((p for p in range(end - 1, start, -1) if view.line_ends_at(p)), start)
                line = text[start:end]
                left = start + len(line) - len(line.lstrip())
                return left, start + len(line.rstrip())
            end = start - 1
        return None

    def find_meeting(self, doc: Doc, text: str, headings: list[re.Match[str]]) -> None:
        """The meeting where the lead convenes it (its name as written there, a line break
        included), else as the heading names it."""
        named = [h for h in headings if h.group("meeting")]
        after = headings[0].end() if headings else 0
        # the name as the lead writes it, a line break inside it included (…第十四次会\n议); where
        # the heading names none (董事会决议公告), the first meeting the lead convenes
        name = re.compile(r"\s*".join(map(re.escape, named[0].group("meeting")))) if named else _MEETING
        planned = Occurrences(_PLANNED, text)
        # where the sentence of the last name read starts (0 until a sentence end follows the
        # heading), and the titles open in it up to that name: each name goes on from the one
        # before, so that a long line of names is read once
        sentence_start, scanned = 0, after
        titles = text.count("《", 0, after) - text.count("》", 0, after)
        for match in name.finditer(text, after):
            mark = max(text.rfind(mark, scanned, match.start()) for mark in "。\n")
            if mark >= 0:
                sentence_start = scanned = mark + 1
                titles = 0
            titles += text.count("《", scanned, match.start()) - text.count("》", scanned, match.start())
            scanned = match.start()
            period = text.find("。", match.end(), match.end() + 200)
            convened = _CONVENE.search(text, match.end(), period if period >= 0 else match.end() + 200)
            if convened and titles <= 0 and not planned.search(sentence_start, match.start()):
                add_candidate(doc, "MEETING", match.start(), match.end(), "resolution.lead-meeting", 0.9)
                return
        if named:
            best = named[0]
            add_candidate(doc, "MEETING", best.start("meeting"), best.end("meeting"), "resolution.heading-meeting", 0.9)

    def find_signature(self, doc: Doc, text: str) -> None:
        """The last signature date of the text, with its ISO date from the ``DATE`` candidate there."""
        signatures = list(_SIGNATURE.finditer(text))
        if not signatures:
            return
        start, end = signatures[-1].span("date")
        date = next((d.data for d in candidates(doc, "DATE") if start <= d.start < end), None)
        if date and date.get("year") and date.get("month") and date.get("day"):
            add_candidate(doc, "SIGNATURE_DATE", start, end, "resolution.signature-date", 0.85,
                          iso=f"{date['year']:04d}-{date['month']:02d}-{date['day']:02d}")

