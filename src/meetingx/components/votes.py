"""Votes reported in running text, as news and minutes write them (CONVENTIONS rule 9).

Each item a reported vote decided becomes a ``RESOLUTION`` (and so an agenda item). A vote is
reported by:

- a predicate that says so itself: 表决通过…, 一致通过…, 投票选举… (not 表决通过的…, a relative
  clause); the item is its clause, from the predicate or its 对/就 lead-in (会议对各项工作报告表决
  通过), and goes on over clauses that continue its object (，关于…的决定 / ，《…》);
- a report before the decisions: 经(过)(分别)表决，决定…/任命…/免去…/增补…/推选…, the manner of
  voting (以举手表决方式，通过…; 以无记名投票表决的方式选举…) or a tally (以9票同意、0票反对、0票弃
  权，通过…, whose counts it gives). Every decision after it in the sentence is an item of its own:
  a clause that opens with a decision verb (``votes.jsonl``) after ， or ；starts the next one,
  other clauses after ， go on with the one before (任命甲为…，乙为…).

An item starts at its predicate or decision verb when the meeting is the subject (会议, 主席团会议,
or none); a subject of another kind (常委会全体组成人员以举手表决的形式通过了…) stays with it.
Nothing is read in 《》, in the headline, or where the vote is still to come (提请…表决, 将…).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.subjects import LeadStripper
from meetingx.components.tallies import Tally, VoteWords
from meetingx.lexicon import word_pattern
from meetingx.positions import Occupied, after_last_mark

_SENTENCE_END = re.compile(r"[。！？\n]")
#: What stands between a voted item and the tally after it (…进行了表决，表决结果：同意9票…)
_TALLY_AFTER = re.compile(r"[，：]\s*(?:表决结果|投票结果|结果)?(?:为|是)?：?\s*")
_CLAUSE_MARK = re.compile(r"[，；：]")
#: The meeting as the subject of a vote (会议, 预备会议, 主席团会议, 会议还)
_MEETING_END = re.compile(r"(?:会|会议|会上|主席团|全会|大会)$")
_ADVERBS = re.compile(r"(?:还|也|又|并|随后|最后|同时|首先|接着|先后|均|都|再|另)+$")
_SEQUENCE = re.compile(r"(?:还|也|又|并|同时|随后|另|再)+")
#: A vote that is still to come (提请…表决, 将…表决通过)
_NOT_HELD = re.compile(r"将|拟|提请|提交|需|待|后")
#: How far back from a vote its clause's start is looked for
_LONGEST_PREFIX = 80
#: A verb done before a predicate in its clause: the vote is another body's (…提出了决议并获得一致通过)
_DONE_BEFORE = re.compile(r"了|获得|得到|获")
#: A sentence about another event (此前，主任会议经表决…)
_OTHER_EVENT = re.compile(r"\s*(?:此前|会前|会后|闭幕会后)")
_AFTER_CUE = re.compile(r"(?:的)?(?:表决结果)?\s*[，、]?\s*")
#: The meeting as a clause's subject before a decision (经表决，会议决定…, 预备会议选举…): a name
#: with no verb in it
_MEETING_SUBJECT = re.compile(r"(?:本次)?[^，。；：将请交由向在对把为]{0,16}?(?:会议|主席团)")


class VoteReportReader:
    def __init__(self, words: VoteWords, strip_lead: LeadStripper) -> None:
        vote = rf"(?:{words.pattern('vote')})+"
        self.report_re = re.compile(rf"(?<![已曾])经(?:过)?(?:分别)?(?P<gap>[^，。；：]{{0,10}}?){vote}")
        self.manner_re = re.compile(rf"(?:以|采取|采用|通过)[^，。；：]{{0,10}}?{vote}(?:[^，。；：]{{0,4}}?(?:方式|形式|办法))?")
        self.predicate_re = re.compile(rf"(?:分别)?(?:{words.pattern('predicate')})(?![的后])")
        self.decision_re = re.compile(rf"(?:分别|一致)?(?:{words.pattern('decision')})")
        #: what closes a 关于… title: 的 and its head noun (…的决定, …的审查报告)
        self.closed_re = re.compile(rf"的[^，。；]{{0,4}}?(?:{words.pattern('document')})")
        self.strip_lead = strip_lead
        self.words = words
        #: what a sentence with a vote report holds (a tally after 以 aside): a vote word, or a
        #: predicate without one (一致通过)
        votes = words.words("vote")
        self.hint_re = re.compile(word_pattern(votes + [p for p in words.words("predicate")
                                                        if not any(v in p for v in votes)]))

    def __call__(self, doc: Doc, text: str, body_start: int, tallies: list[Tally], taken: Occupied) -> None:
        """Adds the ``RESOLUTION`` candidates of the vote reports after ``body_start``, outside
        what is ``taken`` already."""
        voted_with = [(t.start - 1, t) for t in tallies if t.start > 0 and text[t.start - 1] == "以"]
        tally_starts = [t.start for t in tallies]
        hints = {match.start() for match in self.hint_re.finditer(text, body_start)}
        hints.update(pos for pos, _ in voted_with if pos >= body_start)
        done = body_start  # where the last sentence read ends
        for pos in sorted(hints):
            if pos < done:
                continue
            s_start = after_last_mark(text, "。！？\n", done, pos)
            period = _SENTENCE_END.search(text, pos)
            s_end = done = period.start() if period else len(text)
            if _OTHER_EVENT.match(text, s_start, s_end):
                continue
            for start, end, tally, rule in self.items(text, s_start, s_end, voted_with):
                if taken.overlaps(start, end):
                    continue
                if tally is None:  # a tally inside the item (…以182票赞成…获得通过) or right after it
                    following = _TALLY_AFTER.match(text, end, s_end)
                    reach = following.end() if following else end
                    inside = bisect_left(tally_starts, start)
                    tally = tallies[inside] if inside < len(tallies) and (
                        tallies[inside].end <= end or tallies[inside].start == reach) else None
                votes = dict(tally.counts) if tally is not None else None
                data: dict[str, object] = {"votes": votes, "passed": self.words.passed(text[start:end], votes, True)}
                if tally is not None:
                    data["tally"] = (tally.start, tally.end)
                add_candidate(doc, "RESOLUTION", start, end, rule, 0.8, **data)

    def anchors(self, text: str, start: int, end: int,
                voted_with: list[tuple[int, Tally]]) -> list[tuple[int, int, str, Optional[Tally]]]:
        """(start, end, kind, tally) of what reports a vote in text[start:end], by start; kind is
        predicate, report, manner or tally."""
        found: list[tuple[int, int, str, Optional[Tally]]] = []
        for match in self.report_re.finditer(text, start, end):
            if not _NOT_HELD.search(match.group("gap")):
                found.append((match.start(), match.end(), "report", None))
        found += [(m.start(), m.end(), "manner", None) for m in self.manner_re.finditer(text, start, end)]
        found += [(m.start(), m.end(), "predicate", None) for m in self.predicate_re.finditer(text, start, end)]
        first, last = (bisect_left(voted_with, pos, key=lambda v: v[0]) for pos in (start, end))
        found += [(pos, t.end, "tally", t) for pos, t in voted_with[first:last]]
        found.sort(key=lambda a: (a[0], -a[1]))
        kept: list[tuple[int, int, str, Optional[Tally]]] = []
        depth, pos = 0, start  # how deep in 《》 each anchor stands, counted as the anchors go
        for anchor in found:
            for char in text[pos:anchor[0]]:
                depth += (char == "《") - (char == "》")
            pos = max(pos, anchor[0])
            if depth <= 0 and (not kept or anchor[0] >= kept[-1][1]):
                kept.append(anchor)
        return kept

    def items(self, text: str, s_start: int, s_end: int, voted_with: list[tuple[int, Tally]]
              ) -> list[tuple[int, int, Optional[Tally], str]]:
        """(start, end, the tally that reported it or None, rule) of the voted items of a sentence."""
        anchors = self.anchors(text, s_start, s_end, voted_with)
        colon = text.find("：", s_start, s_end)
        found: list[tuple[int, int, Optional[Tally], str]] = []
        cursor = s_start
        for a_start, a_end, kind, tally in anchors:
            if a_start < cursor:
                continue
            if 0 <= colon < a_start:
                continue  # a vote inside what a colon introduces (主席团确定：…)
            window = max(s_start, a_start - _LONGEST_PREFIX)
            mark = max(text.rfind(char, window, a_start) for char in "，；：")
            if mark < 0 and window > s_start:
                continue  # a clause too long to read a subject in
            clause_start = mark + 1 if mark >= 0 else window
            head = self.strip_lead(text, clause_start, a_start) if clause_start < a_start else a_start
            prefix = text[head:a_start]
            subject, lead_in = self.subject(prefix)
            if _NOT_HELD.search(prefix if lead_in is None else prefix[:lead_in]):
                continue  # a vote still to come (将…, 提请…)
            if kind == "predicate" and _DONE_BEFORE.search(prefix):
                continue
            kept_subject = subject is not None
            if kind == "predicate":
                first = head if kept_subject else head + lead_in if lead_in is not None else a_start
                spans = self.follow(text, first, self.clause_end(text, a_end, s_end), s_end, scoped=False)
            else:
                after = _AFTER_CUE.match(text, a_end, s_end).end()
                if after < s_end and text[after - 1:after] == "，":
                    after = self.open_clause(text, after, s_end)
                    kept_subject = False
                decision = self.decision_re.match(text, after, s_end)
                if decision is None and (kind != "report" or after >= s_end):
                    continue
                first = head if kept_subject else after
                spans = self.follow(text, first, self.clause_end(text, after, s_end), s_end, scoped=True)
            found += [(start, end, tally, f"vote.{kind}") for start, end in spans]
            cursor = spans[-1][1] if spans else cursor
        return found

    @staticmethod
    def subject(prefix: str) -> tuple[Optional[str], Optional[int]]:
        """The subject before a vote, None when it is the meeting (or there is none), and where a
        对/就 lead-in starts after it."""
        lead_in = next((i for i, char in enumerate(prefix) if char in "对就"), None)
        subject = _ADVERBS.sub("", prefix[:lead_in] if lead_in is not None else prefix)
        if not subject or _MEETING_END.search(subject):
            return None, lead_in
        return subject, lead_in

    def open_clause(self, text: str, start: int, end: int) -> int:
        """Where a clause's item starts: past its lead words, the meeting as subject and words of
        sequence (会议还, 同时)."""
        head = self.strip_lead(text, start, end)
        meeting = None if self.decision_re.match(text, head, end) else _MEETING_SUBJECT.match(text, head, end)
        if meeting:
            sequence = _SEQUENCE.match(text, meeting.end(), end)
            if self.decision_re.match(text, sequence.end() if sequence else meeting.end(), end):
                head = meeting.end()
        sequence = _SEQUENCE.match(text, head, end)
        return sequence.end() if sequence else head

    @staticmethod
    def clause_end(text: str, pos: int, end: int) -> int:
        mark = _CLAUSE_MARK.search(text, pos, end)
        return mark.start() if mark else end

    def follow(self, text: str, start: int, end: int, s_end: int, scoped: bool) -> list[tuple[int, int]]:
        """The item [start, end) and, where ``scoped``, the decisions after it in the sentence."""
        spans = [(start, end)]
        title_open = self.title_open(text, start, end, False)
        while end < s_end and text[end] in "，；":
            mark = text[end]
            c_start = end + 1
            c_end = self.clause_end(text, c_start, s_end)
            head = self.open_clause(text, c_start, c_end)
            if self.anchors(text, c_start, c_end, []) or head >= c_end:
                break
            if title_open or text.startswith(("关于", "《"), head):
                spans[-1] = (spans[-1][0], c_end)  # the object goes on: ，关于…的决定
            elif scoped and self.decision_re.match(text, head, c_end):
                spans.append((head, c_end))
                title_open = False
            elif scoped and mark == "，":
                spans[-1] = (spans[-1][0], c_end)
            else:
                break
            title_open = self.title_open(text, c_start, c_end, title_open)
            end = c_end
        return spans

    def title_open(self, text: str, start: int, end: int, was_open: bool) -> bool:
        """Whether a 关于… title is still open after text[start:end] (no 的决定 has closed it)."""
        opened = text.rfind("关于", start, end)
        if opened >= 0:
            return self.closed_re.search(text, opened, end) is None
        return was_open and self.closed_re.search(text, start, end) is None
