"""When: the publish date, and the meeting's date with its words and time of day.

The meeting's date is the best-scored ``DATE`` candidate: in a sentence that convenes a meeting,
near the lead, in a minutes header; not a notice date, an earlier meeting's, a period's bound or a
date inside a document title. Its sentence becomes the anchor that :mod:`.meeting` reads the
venue, meeting name and organizer from.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from typing import Optional

from meetingx.assemble.context import Context
from meetingx.components import Candidate
from meetingx.positions import Occurrences

_CONVENE = re.compile(r"召开|举行|开幕|闭幕|举办|主持|出席")
#: A date in a header field of minutes (时间：2023年5月10日)
_TIME_HEADER = re.compile(r"时间\s*：\s*$")
#: A date that bounds a period or dates a document, not a meeting (自…起, …以来, …印发)
_NOT_AN_EVENT = re.compile(r"\s*(?:起|以来|之前|前|期间|为止|发布|印发|出台)")
_NOTICE = re.compile(r"通知|发出|送达")
_CONTINUING = re.compile(r"[，：]?(?:继|在)")
#: A meeting numbered within its year (2023年第9次党委会会议): the year of the meeting
_SERIAL_YEAR = re.compile(r"(?<!\d)(?P<year>\d{4})\s*年(?:度)?第[\d一二三四五六七八九十]{1,3}次")


def fill_publish_date(ctx: Context) -> None:
    """``publish_date``: a publish cue or timestamp line, else an announcement's signature date,
    else the one given with the input; sets ``ctx.publish``."""
    out = ctx.out
    found = ctx.candidates("PUBLISH_DATE")
    signed = ctx.candidates("SIGNATURE_DATE")
    if found or signed:
        c = (found or signed)[0]
        out.values["publish_date"] = c.data["iso"]
        out.cite("/publish_date", c.start, c.end, c.rule, c.confidence)
    if out.values.get("publish_date") is None:
        out.values["publish_date"] = ctx.meta.get("publish_date")
    iso = out.values["publish_date"]
    try:
        ctx.publish = dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        ctx.publish = None


class DateScorer:
    """How likely each ``DATE`` candidate is the meeting's date. The words and marks around a date
    are looked up, and how like the title the meetings of a sentence are is read once per sentence,
    so that every date costs the same however long its sentence (one sentence of dates that never
    ends was quadratic)."""

    def __init__(self, ctx: Context, excluded: list[tuple[int, int]]) -> None:
        self.ctx = ctx
        self.excluded = excluded
        folded = ctx.folded
        self.clause_starts = [m.start() for m in re.finditer("[，：]", folded)]
        self.clause_ends = [m.start() for m in re.finditer("[，。]", folded)]
        self.openings = [m.start() for m in re.finditer("《", folded)]
        self.closings = [m.start() for m in re.finditer("》", folded)]
        self.convening = Occurrences(_CONVENE, folded)
        self.notices = Occurrences(_NOTICE, folded)
        self.likeness: dict[tuple[int, int], float] = {}

    @staticmethod
    def last_before(positions: list[int], start: int, end: int) -> int:
        """The last of ``positions`` in [start, end), or -1 (as ``str.rfind`` of one character)."""
        index = bisect_left(positions, end) - 1
        return positions[index] if index >= 0 and positions[index] >= start else -1

    def score(self, c: Candidate) -> Optional[float]:
        """How likely ``c`` is the meeting's date; None where it cannot be (a headline, a publish
        line). A component that reads its language's convening words itself gives the score in ``data``."""
        if "score" in c.data:
            return c.data["score"]
        ctx = self.ctx
        folded = ctx.folded
        header = _TIME_HEADER.search(folded[max(0, c.start - 6):c.start]) is not None
        if any(s <= c.start < e for s, e in self.excluded) or c.start < ctx.body_start and not header \
                and c.rule != "date.iso":
            return None
        start, end = ctx.sentence_bounds(c.start)
        convenes = self.convening.search(start, end) is not None
        score = 0.0
        if convenes:
            score += 3
        if c.start - ctx.body_start < 120:
            score += 1
        if header:
            score += 4
        if c.rule in ("date.day", "date.ym") and not convenes and c.start - ctx.body_start >= 120:
            score -= 2  # a bare day outside the lead, in a sentence that convenes nothing
        if _NOT_AN_EVENT.match(folded[c.end:c.end + 4]):
            score -= 3
        clause_start = max(start, self.last_before(self.clause_starts, start, c.start))
        following = bisect_left(self.clause_ends, c.end)
        clause_end = self.clause_ends[following] if following < len(self.clause_ends) \
            and self.clause_ends[following] < end else end
        if self.notices.search(clause_start, clause_end):
            score -= 4  # 会议通知于…发出: the notice, not the meeting
        if _CONTINUING.match(folded, clause_start, clause_end) and clause_end > clause_start \
                and folded[clause_end - 1] == "后":
            score -= 4  # 继3月5日召开动员大会后: an earlier meeting
        if self.last_before(self.openings, start, c.start) > self.last_before(self.closings, start, c.start):
            score -= 3
        if c.data.get("year") and ctx.publish and c.data["year"] < ctx.publish.year - 1:
            score -= 3
        if ctx.title is not None:
            if (start, end) not in self.likeness:
                self.likeness[start, end] = self.title_likeness(start, end)
            score += self.likeness[start, end]
        return score

    def title_likeness(self, start: int, end: int) -> float:
        """Twice the largest share of a meeting's characters (of those named in text[start:end])
        that the title holds; 0 where it names none."""
        ctx = self.ctx
        assert ctx.title is not None
        title = set(ctx.folded[ctx.title.start:ctx.title.end])
        meetings = [ctx.folded[m_start:m_end] for m_start, m_end in ctx.meeting_spans.starting_in(start, end)]
        return 2 * max(sum(ch in title for ch in m) / len(m) for m in meetings) if meetings else 0.0


def fill_date(ctx: Context) -> None:
    """``date``, ``date_text`` and ``time_of_day``; sets the anchor sentence."""
    out = ctx.out
    excluded = [c.data["line"] for c in ctx.candidates("PUBLISH_DATE")]
    excluded += [(c.start, c.end) for c in ctx.candidates("DATELINE") + ctx.candidates("SIGNATURE_DATE")]
    if ctx.title is not None:
        excluded.append((ctx.title.start, ctx.title.end))
    scorer = DateScorer(ctx, excluded)
    scored = [(score, -c.start, c) for c in ctx.candidates("DATE") if (score := scorer.score(c)) is not None]
    values = out.values
    values.update(date=None, date_text=None, time_of_day=None)
    if not scored:
        out.warn("date.missing", "no date of the meeting found", "/date")
        return
    best = max(scored, key=lambda t: (t[0], t[1]))[2]
    if max(scored, key=lambda t: (t[0], t[1]))[0] < 1 and best.rule == "date.day":
        out.warn("date.missing", "no date of the meeting found", "/date")
        return
    # the span that states the meeting (a header block, a convening sentence) where the component
    # knows it, else the date's sentence: the venue, meeting name and organizer are read from it
    ctx.anchor = best.data.get("statement") or ctx.sentence_bounds(best.start)
    ctx.anchor_date = best.start
    out.set_text("date_text", best)
    part = best.data.get("part")
    if part:
        values["time_of_day"] = part
        p_start, p_end = best.data["part_span"]
        out.cite("/time_of_day", p_start, p_end, best.rule, best.confidence)
    date = edtf(ctx, best)
    values["date"] = date
    if date is None:
        out.warn("date.relative", f"the date {out.span(best.start, best.end)!r} is relative and "
                 "no publish date or dateline makes it exact", "/date")
    else:
        out.cite("/date", best.start, best.end, best.rule, best.confidence)


#: How long after a meeting a page may be published for its publish date to give the meeting's year:
#: a report comes out within days; a page months later (a repost, a collection of model texts) may
#: be years later too.
MAX_REPORT_DELAY_DAYS = 62


def _first_possible_day(year: int, month: int, day: Optional[int]) -> dt.date:
    """The day a date without its year (or day) stands for in ``year``; the 28th for a 29th-31st
    that the month lacks, so that no impossible date is built."""
    return dt.date(year, month, min(day or 1, 28))


def edtf(ctx: Context, c: Candidate) -> Optional[str]:
    """The EDTF date of a ``DATE`` candidate, completed from the dateline or the publish date."""
    data = c.data
    datelines = ctx.candidates("DATELINE")
    dateline = datelines[0].data if datelines else None
    publish = ctx.publish
    if "relative" in data:
        if data.get("day") and dateline:
            return f"XXXX-{dateline['month']:02d}-{data['day']:02d}"
        if data["relative"] is None:
            return None
        if publish:
            return (publish + dt.timedelta(days=data["relative"])).isoformat()
        if dateline and dateline["day"] + data["relative"] >= 1:  # 昨天 in 本网9月3日讯: the 2nd
            return f"XXXX-{dateline['month']:02d}-{dateline['day'] + data['relative']:02d}"
        return None
    year, month, day = data.get("year"), data.get("month"), data.get("day")
    if month is None and dateline and day is not None:
        month = dateline["month"]
    if month is None and day is not None and publish:
        # 28日 in a report published 2023-09-29: the publish date implies the month
        month, year = publish.month, publish.year
        if day > publish.day:
            month, year = (month - 1, year) if month > 1 else (12, year - 1)
    if year is None and publish and month is not None:
        year = publish.year - (1 if (month, day or 1) > (publish.month, publish.day) else 0)
        if (publish - _first_possible_day(year, month, day)).days > MAX_REPORT_DELAY_DAYS:
            year = None  # a page posted months later (a repost, a model-text site) does not date it
    if year is None and month is not None and ctx.anchor is not None:
        serial = _SERIAL_YEAR.search(ctx.folded, *ctx.anchor)
        year = int(serial["year"]) if serial else None
    y = f"{year:04d}" if year else "XXXX"
    m = f"{month:02d}" if month else "XX"
    if day is None:
        return f"{y}-{m}"
    start = f"{y}-{m}-{day:02d}"
    if data.get("end_day"):
        end_month = data.get("end_month") or month
        em = f"{end_month:02d}" if end_month else "XX"
        return f"{start}/{y}-{em}-{data['end_day']:02d}"
    return start
