"""Document kind, and what minutes and resolution announcements add to a news report.

Adds:

- ``KIND``: ``resolution`` (a 决议公告 heading or 表决结果 lines), ``minutes`` (a 纪要 heading or a
  header of 时间：/地点：/主持： lines), else ``news``; patterns in ``kinds.jsonl``;
- ``HEADING`` (the announcement's heading without the issuing company) and ``COMPANY`` (the
  company that issues it), with the ``MEETING`` its heading names (第九届董事会第二十三次会议);
- ``MOTION``: an item put to the vote (审议通过《…》议案) with its ``TALLY`` (表决结果：同意9票，
  反对0票，弃权0票 in any of its usual forms, a count cut off stays None);
- ``SIGNATURE_DATE``: the date an announcement is signed (its publish date).
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.dates import to_int
from meetingx.lexicon import Lexicon

_COMPANY = r"[\u4e00-\u9fffA-Za-z（）]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)"
_NUM = r"[一二三四五六七八九十百零〇\d]+"
_BOARD_MEETING = (rf"(?:{_NUM}年)?(?:第{_NUM}届)?(?:董事会|监事会)(?:{_NUM}年)?第{_NUM}次(?:临时)?会议"
                  rf"|(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?:第{_NUM}次)?(?:临时|年度)?股东(?:大)?会")
_MOTION = re.compile(r"(?:审议|表决)?(?:并)?(?:未)?通过(?:了)?《[^》\n]{2,120}》(?:的?议案)?")
_TALLY_LINE = re.compile(r"表决(?:结果|情况)\s*：?[^\n]{0,80}")
_COUNT = {
    "for": re.compile(r"(?:同意|赞成)\s*(\d+)\s*票|(\d+)\s*票\s*(?:同意|赞成)"),
    "against": re.compile(r"反对\s*(\d+)\s*票|(\d+)\s*票\s*反对"),
    "abstain": re.compile(r"弃权\s*(\d+)\s*票|(\d+)\s*票\s*弃权"),
}
_DATE_LINE = re.compile(rf"^\s*((?:\d{{4}}|[〇零○一二三四五六七八九]{{4}})\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日)\s*$", re.M)


class ResolutionFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.kinds = [(r["kind"], r["rule"], re.compile(r["pattern"], re.M)) for r in lexicon.records("kinds.jsonl")]
        self.heading = re.compile(rf"(?P<company>{_COMPANY})?(?P<title>(?P<meeting>{_BOARD_MEETING})[^\n，。]{{0,6}}?决议公告)")
        self.company_meeting = re.compile(rf"(?P<company>{_COMPANY})(?P<meeting>{_BOARD_MEETING})")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        kind = self.find_kind(doc, text)
        if kind == "resolution":
            self.find_heading(doc, text)
            self.find_motions(doc, text)
            self.find_signature(doc, text)
        return doc

    def find_kind(self, doc: Doc, text: str) -> str:
        head = text[:3000]
        for kind, rule, pattern in self.kinds:
            match = pattern.search(head)
            if match:
                add_candidate(doc, "KIND", match.start(), match.end(), rule, 0.9, kind=kind)
                return kind
        return "news"

    def find_heading(self, doc: Doc, text: str) -> None:
        headings = list(self.heading.finditer(text[:3000]))
        if not headings:
            return
        # the heading line of its own (杭州…公司\n第五届董事会第六次会议决议公告) beats a listing line
        best = min(headings, key=lambda m: (not self.alone_on_line(text, m.start("title"), m.end("title")), m.start()))
        add_candidate(doc, "HEADING", best.start("title"), best.end("title"), "resolution.heading", 0.9)
        add_candidate(doc, "MEETING", best.start("meeting"), best.end("meeting"), "resolution.heading-meeting", 0.9,
                      clause=(best.start(), best.end()))
        company = best.group("company")
        if company:
            add_candidate(doc, "COMPANY", best.start("company"), best.end("company"), "resolution.heading-company", 0.9)
            return
        line_start = text.rfind("\n", 0, text.rfind("\n", 0, best.start("title")))
        previous = text[line_start + 1:best.start("title")].strip()
        if re.fullmatch(_COMPANY, previous):
            start = text.find(previous, line_start + 1)
            add_candidate(doc, "COMPANY", start, start + len(previous), "resolution.company-line", 0.85)
            return
        for match in self.company_meeting.finditer(text):
            if re.match(r"[（本该]|公司$", match.group("company")):
                continue
            add_candidate(doc, "COMPANY", match.start("company"), match.end("company"), "resolution.company-meeting",
                          0.8)
            return

    @staticmethod
    def alone_on_line(text: str, start: int, end: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        return not text[line_start:start].strip() and not text[end:line_end].strip()

    def find_motions(self, doc: Doc, text: str) -> None:
        motions = [m for m in _MOTION.finditer(text) if self.starts_item(text, m.start())]
        tallies = list(_TALLY_LINE.finditer(text))
        for index, motion in enumerate(motions):
            limit = motions[index + 1].start() if index + 1 < len(motions) else len(text)
            tally = next((t for t in tallies if motion.end() <= t.start() < limit), None)
            data: dict[str, object] = {"votes": None}
            if tally is not None:
                data["votes"] = self.read_tally(tally.group())
                data["tally"] = tally.span()
            add_candidate(doc, "MOTION", motion.start(), motion.end(), "resolution.motion", 0.85, **data)

    @staticmethod
    def starts_item(text: str, pos: int) -> bool:
        """A motion opens its item: at a line start, after a numbering marker, or after 会议."""
        line_start = text.rfind("\n", 0, pos) + 1
        before = text[line_start:pos]
        return bool(re.fullmatch(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）]?[、.．]?\s*)?(?:会议|本次会议|董事会|监事会)?",
                                 before))

    @staticmethod
    def read_tally(line: str) -> Optional[dict[str, Optional[int]]]:
        counts: dict[str, Optional[int]] = {}
        for key, pattern in _COUNT.items():
            match = pattern.search(line)
            counts[key] = to_int(match.group(1) or match.group(2)) if match else None
        return counts if any(v is not None for v in counts.values()) else None

    def find_signature(self, doc: Doc, text: str) -> None:
        dates = list(_DATE_LINE.finditer(text))
        if dates:
            last = dates[-1]
            add_candidate(doc, "SIGNATURE_DATE", last.start(1), last.end(1), "resolution.signature-date", 0.85)
