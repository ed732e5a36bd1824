"""Motions and votes of English minutes: ``RESOLUTION`` candidates, each an item put to a vote
whose outcome the text reports, with its tally (``data["votes"]``, ``data["tally"]``,
``data["passed"]``, and ``data["agenda"]`` false: a motion is no agenda item of its own).

A motion is stated by a formula of ``motions.jsonl`` (``Motion by X, seconded by Y, to…``, ``it
was MOVED by…``, ``Councilmember Duggan moved…``, ``RESOLVED – That…``, ``Be it resolved that…``)
or is a decision that reports its own vote (``The Board unanimously approved the statement``,
``the council voted 6-2 to approve…``). A report is an outcome of ``votes.jsonl`` (``carried``,
``unanimously``, ``All voted AYE``, ``by voice vote``) or a tally (``Ayes: 4 Nays: 0 Abstain: 1``,
``AYES: <names> NOES: None``, ``Voting for: <names>. Abstain: <name>.``, a ``For Against
Abstained`` table, ``6-1 vote``, ``with one abstention``). Each report goes to the nearest motion
before it that has none yet (a further report of a motion adds to it; ``The motions passed``
reports them all); reports standing before any motion, as in a two-column page flattened with the
tallies first, go to the motions that follow, in order. Counts are numbers as stated: a count that
is not stated stays null, and ``votes`` is null when no count is stated at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import Any, Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.en.actions import action_finder
from meetingx.components.en.words import Sentences, english_words, sentences_of, subjects_before
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import SortedSpans, last_visible

_NUMBER_WORDS = {"no": 0, "none": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TABLE = re.compile(r"\bFor[ ]+Against[ ]+Abstain\w*", re.I)
_THREE_NUMBERS = re.compile(r"(?<!\S)(\d{1,3})[ ]+(\d{1,3})[ ]+(\d{1,3})(?!\S)")
_SCORE = re.compile(r"(?i:(?:\b(?:on|by)[ ]+a[ ]+|\bvoted[ ]+|\b(?:carried|passed|failed|approved|adopted|defeated)[ ]+|"
                    r"\bvote[ ]+of[ ]+|\bvotes?[ ]*:[ ]*|\(|\b(?=\d{1,2}-\d{1,2}[ ]+vote\b))"
                    r"(\d{1,2})[ ]?(?:-|to)[ ]?(\d{1,2})(?:[ ]?-[ ]?(\d{1,2}))?\b)")
_ABSTENTIONS = re.compile(r"(?i:\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[ ]+abstentions?\b)")
#: A count written before its label: 3 for, 1 against, 0 abstentions; 5 votes in favour; 2 opposed
_NUMBER = r"\d{1,2}|none|no|one|two|three|four|five|six|seven|eight|nine|ten"
_COUNT_FIRST = re.compile(rf"(?i:\b(?P<number>{_NUMBER})[ ]+(?:votes?[ ]+)?(?:(?P<for>for|in[ ]+favou?r)"
                          rf"|(?P<against>against|opposed)|(?P<abstain>abstentions?|abstained))\b)")
#: Where such counts make a tally: one for, then one against (3 for, 1 against; 5 in favour and 2 opposed)
_COUNTS_FIRST = re.compile(rf"(?i:\b(?:{_NUMBER})[ ]+(?:votes?[ ]+)?(?:for|in[ ]+favou?r)[ ]*[,;]?[ ]*(?:and[ ]+)?"
                           rf"(?:{_NUMBER})[ ]+(?:votes?[ ]+)?(?:against|opposed)\b"
                           rf"(?:[ ]*[,;]?[ ]*(?:and[ ]+|with[ ]+)?(?:{_NUMBER})[ ]+(?:abstentions?|abstained)\b)?)")
_DECISION = re.compile(r"(?i:\b(?:approved|adopted|agreed|accepted|decided|decision|resolved|endorsed|ratified|authori[sz]ed|"
                       r"awarded|elected|appointed|confirmed)\b|\bvoted[ ]+(?:unanimously[ ]+)?to\b)")
_ABOUT_A_MOTION = re.compile(r"(?i:\bmotions?\b|\bquestion\b)")
_FINITE = re.compile(r"(?i:\b(?:was|were|is|are|has|have|had)\b)")
_CLAUSE_JOIN = re.compile(r"(?i:[ ]+and[ ]+(?=(?:the|it|a|an|this|they|he|she)\b))")
_SECOND_VERB = re.compile(r"(?i:[ ]+and[ ]+(?:will|shall|would|should|is|are|was|were|be|to[ ]+be)\b)")
_COLON = re.compile("[:\\-]")
_ROLL_CALL_VOTE = re.compile(r"(?i:\broll[ ]+call(?:[ ]+vote)?[ ]*:|\bvote[ ]*:)")
_NAME_ITEM = re.compile(r"[A-Z][a-z'\-]+")
#: What stands before a motion's words: white space, bullets, a minute number, a heading label and a minute number
_LEAD = re.compile(r"[\s\u2022\u25cf*\-]*(?:[A-Za-z]{0,5}/?\d{1,4}/\d{2,4}(?:-\d{2})?[.:]?[ ]+)?"
                   r"(?:[A-Z][\w' ]{0,40}:[ ]*(?:[A-Za-z]{0,5}/?\d{1,4}/\d{2}(?:-\d{2})?:?[ ]*)?)?(?=[A-Za-z])"
                   # a planning or file reference and its heading before a decision: 24/0456/FUL Land off Mill Lane:
                   r"|[\s\u2022\u25cf*\-]*\d{1,4}/[\w/]{1,20}[ ][\w' ]{1,40}:[ ]+(?=[a-z])")


def windows(positions: "Iterable[int]", width: int, length: int) -> list[tuple[int, int]]:
    """The parts of a text within ``width`` characters of ``positions`` (in order), merged."""
    found: list[tuple[int, int]] = []
    for pos in positions:
        start, end = max(0, pos - width), min(length, pos + width)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found


@dataclass
class Motion:
    start: int
    end: int
    rule: str
    reports: list["Report"] = field(default_factory=list)


@dataclass
class Report:
    start: int
    end: int
    passed: Optional[bool]
    counts: dict[str, Optional[int]]
    plural: bool = False


class ResolutionFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.words = english_words(lexicon)
        # a sentence that only names the mover and seconder (Proposed by Cllr Patel, seconded by Cllr
        # Hughes.): it attributes the motion stated before it and states none of its own
        name = rf"(?:(?:{word_pattern(self.words.honorifics)})\.?[ ]+)?[A-Z][\w.'-]*(?:[ ]+[A-Z][\w.'-]*){{0,3}}"
        self.attribution_only = re.compile(
            rf"(?i:(?:proposed|moved)(?:[ ]+by)?[ ]+){name}[ ]*[,;]?[ ]*(?i:and[ ]+)?"
            rf"(?i:second(?:ed)?(?:[ ]+by)?[ ]+){name}[ ]*[.;]?[ ]*$")
        self.formulas = [(r["rule"], r["start"], r.get("reports", False), re.compile(r["pattern"], re.I if r["i"] else 0))
                         for r in lexicon.records("motions.jsonl")]
        records = lexicon.records("votes.jsonl")
        outcomes = [r for r in records if "outcome" in r]
        #: every outcome in one pattern (one scan of the text), each a group of its own
        self.outcome_re = re.compile("|".join(f"(?P<o{index}>{r['outcome'] if r.get('case') else '(?i:' + r['outcome'] + ')'})"
                                              for index, r in enumerate(outcomes)))
        self.passed = {f"o{index}": r["passed"] for index, r in enumerate(outcomes)}
        self.outcome_keys = re.compile(rf"(?<![A-Za-z])(?i:{word_pattern([k for r in outcomes for k in r['keys']])})")
        self.labels = {r["count"]: r["label"] for r in records if "count" in r}
        every = "|".join(f"(?P<{key}>{label})" for key, label in self.labels.items())
        self.label_re = re.compile(rf"(?i:(?<![A-Za-z])(?:{every})(?:[ ]*:[ ]*|[ ]+-[ ]+(?=\d)))")
        words = {r["vote"]: r["word"] for r in records if "vote" in r}
        #: a vote in a roll call by name: Dunn - aye, Ellis - nay / Mr. Reyes - Yes;
        self.named_vote = re.compile(rf"[A-Z][\w.'\-]*[ ]*[-:,][ ]*(?i:(?P<vote>{'|'.join(f'(?P<{k}>{v})' for k, v in words.items())}))"
                                     rf"(?![A-Za-z])")
        self.actions = action_finder(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        sentences = sentences_of(doc, self.words)
        motions = self.find_motions(doc, text, sentences)
        reports = self.find_reports(text)
        # a report inside a decision or a formula that reports (RESOLVED) is already that one's
        inside = SortedSpans([(m.start, m.end) for m in motions if m.rule == "en.resolution.decision"]
                             + self.formula_reports)
        self.assign(motions, [r for r in reports if not inside.overlapping(r.start, r.start + 1)])
        for motion in sorted(motions, key=lambda m: m.start):
            if motion.reports:
                self.emit(doc, motion)
        return doc

    # ------------------------------------------------------------------ motions
    def find_motions(self, doc: Doc, text: str, sentences: Sentences) -> list[Motion]:
        # sentence start -> (precedence, text start, rule, the formula's span if it reports the vote)
        starts: dict[int, tuple[int, int, str, Optional[tuple[int, int]]]] = {}
        for rank, (rule, where, reports, pattern) in enumerate(self.formulas):
            for match in pattern.finditer(text):
                s_start = sentences.start_of(match.end() if where == "after" else match.start())
                if rule == "subject-moved" and not any(s.name for s in subjects_before(
                        self.words, text, match.start(), s_start)):
                    continue  # Councilmember Duggan moved…, not "the Council moved into"
                begin = match.end() if where == "after" else match.start() if where == "match" else s_start
                candidate = (rank, begin, f"en.resolution.{rule}", match.span() if reports else None)
                if s_start not in starts or candidate[:2] < starts[s_start][:2]:
                    starts[s_start] = candidate
        motions = []
        self.formula_reports: list[tuple[int, int]] = []
        ordered = sorted(starts.values(), key=lambda s: s[1])
        for index, (_, begin, rule, reported) in enumerate(ordered):
            sentence_end = sentences.end_of(begin)
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            if following and following[3] and last_visible(text, sentence_end) == ":" \
                    and not text[sentence_end:following[3][0]].strip():
                continue  # …the following resolution was adopted: RESOLVED, that…: the resolution is the motion
            begin = self.clause_start(text, begin, sentences.end_of(begin), at_outcome=False)
            end = self.clause_end(text, begin, sentences.end_of(begin))
            if motions and self.attribution_only.match(text, begin, sentence_end):
                continue  # …RESOLVED that… Proposed by X, seconded by Y.: the motion before it
            if end > begin:
                motions.append(Motion(begin, end, rule))
                if reported:  # RESOLVED – That…: decided
                    motions[-1].reports.append(Report(reported[0], reported[1], True, {}))
                    self.formula_reports.append(reported)
        news = not candidates(doc, "KIND")  # a news report says what the body did, from the verb on
        stated = SortedSpans([(m.start, m.end) for m in motions])
        for start, end in self.actions(doc) if news else []:
            n_start, n_end = sentences.start_of(end + 2), sentences.end_of(end + 2)  # the next sentence
            reported_next = end + 2 < len(text) and self.reported(text, n_start, n_end) and not self.actions_in(
                doc, n_start, n_end)
            if not stated.overlapping(start, start + 1) and (self.reported(text, start, end) or reported_next):
                motions.append(Motion(start, end, "en.resolution.decision"))
        taken = {sentences.start_of(m.start) for m in motions} | {sentences.start_of(s) for s, _ in self.formula_reports}
        spans = sentences.spans()
        for index, (s_start, s_end) in enumerate(spans):
            if s_start in taken or _ABOUT_A_MOTION.search(text, s_start, s_end) or not _DECISION.search(text, s_start, s_end):
                continue
            # a decision that reports its vote, or whose next sentence does (…were approved. All in favour.)
            n_start, n_end = spans[index + 1] if index + 1 < len(spans) else (s_end, s_end)
            if self.reported(text, s_start, s_end) or n_start not in taken and 0 < n_end - n_start < 60 \
                    and not _DECISION.search(text, n_start, n_end) and self.reported(text, n_start, n_end):
                begin = self.clause_start(text, s_start, s_end)
                motions.append(Motion(begin, self.clause_end(text, begin, s_end), "en.resolution.decision"))
        motions = [m for m in motions if m.end > m.start]
        for motion in motions:
            if not motion.reports and (motion.rule == "en.resolution.decision" or self.reported(text, motion.start, motion.end)):
                report = self.report_in(text, motion.start, motion.end)
                if report is not None:
                    motion.reports.append(report)
        return motions

    def actions_in(self, doc: Doc, start: int, end: int) -> bool:
        return any(start <= a_start < end for a_start, _ in self.actions(doc))

    def clause_start(self, text: str, start: int, end: int, at_outcome: bool = True) -> int:
        """Where a motion's or decision's text starts: past bullets and a heading label (Banking:
        069/23:), and for a decision after the last ``and the/it…`` that follows a clause of its own."""
        begin = start
        lead = _LEAD.match(text, begin, end)
        if lead:
            begin = lead.end()
        if at_outcome:
            first = self.outcome_re.search(text, begin, end)
            outcome = first.start() if first else end
            for join in _CLAUSE_JOIN.finditer(text, begin, outcome):
                if _FINITE.search(text, begin, join.start()):
                    begin = join.end()
        return begin

    @staticmethod
    def clause_end(text: str, start: int, end: int) -> int:
        second = _SECOND_VERB.search(text, start, end)
        if second:
            end = second.start()
        counted = _COUNTS_FIRST.search(text, start, end)
        if counted:
            end = counted.start()  # …the application, 5 in favour and 2 opposed: the tally is no wording
        while end > start and text[end - 1] in " .,;:-\n":
            end -= 1
        return end

    def reported(self, text: str, start: int, end: int) -> bool:
        return bool(self.outcome_re.search(text, start, end) or _SCORE.search(text, start, end)
                    or _COUNTS_FIRST.search(text, start, end))

    # ------------------------------------------------------------------ reports
    def report_in(self, text: str, start: int, end: int) -> Optional[Report]:
        passed: Optional[bool] = None
        found = False
        for match in self.outcome_re.finditer(text, start, end):
            found = True
            passed = self.passed[match.lastgroup or ""] if passed is None else passed
        counts = self.counts(text, start, end)
        if not found and not any(v is not None for v in counts.values()):
            return None
        return Report(start, end, passed, counts)

    def find_reports(self, text: str) -> list[Report]:
        reports = []
        for match in self.outcomes_in(text):
            plural = re.search(r"(?i:motions)", match.group()) is not None or \
                re.search(r"(?i:\bmotions\b)", text[max(0, match.start() - 20):match.start()]) is not None
            reports.append(Report(match.start(), match.end(), self.passed[match.lastgroup or ""], {}, plural))
        counted_first = SortedSpans([m.span() for m in _COUNTS_FIRST.finditer(text)])
        tallies = [m.start() for m in self.labels_in(text) if m.group("for")] + \
            [m.start() for m in _ROLL_CALL_VOTE.finditer(text)] + \
            [m.start() for m in _TABLE.finditer(text)] + [m.start() for m in _SCORE.finditer(text)] + \
            [m.start() for m in _ABSTENTIONS.finditer(text) if not counted_first.overlapping(m.start(), m.end())] + \
            [start for start, _ in counted_first.spans]
        tallies.sort()
        outcomes = SortedSpans([(r.start, r.end) for r in reports])
        for index, start in enumerate(tallies):
            limit = tallies[index + 1] if index + 1 < len(tallies) else len(text)
            if outcomes.overlapping(start, start + 1) and not self.counts(text, start, min(limit, start + 300)):
                continue
            end = self.tally_end(text, start, min(limit, start + 300))
            counts = self.counts(text, start, end)
            if any(v is not None for v in counts.values()):
                reports.append(Report(start, end, None, counts))
        # an outcome inside a tally's span reports the same vote
        reports.sort(key=lambda r: (r.start, -(r.end - r.start)))
        merged: list[Report] = []
        for report in reports:
            if merged and merged[-1].start <= report.start < merged[-1].end:
                last = merged[-1]
                last.passed = last.passed if last.passed is not None else report.passed
                last.plural = last.plural or report.plural
                last.counts = {**report.counts, **{k: v for k, v in last.counts.items() if v is not None}}
                last.end = max(last.end, report.end)
                continue
            merged.append(report)
        return merged

    def outcomes_in(self, text: str) -> list[re.Match[str]]:
        """The outcomes of the text, read only around the words they hold (one scan for those)."""
        return [match for start, end in windows((m.start() for m in self.outcome_keys.finditer(text)), 60, len(text))
                for match in self.outcome_re.finditer(text, start, end)]

    def labels_in(self, text: str) -> list[re.Match[str]]:
        """The count labels of the text (AYES:), read only before its colons."""
        return [match for start, end in windows((m.start() for m in _COLON.finditer(text)), 30, len(text))
                for match in self.label_re.finditer(text, start, end)]

    def tally_end(self, text: str, start: int, limit: int) -> int:
        """A tally runs over its labels (AYES: … NOES: … ABSENT: …) to the sentence end after its last."""
        labels = list(self.label_re.finditer(text, start, limit))
        pos = labels[-1].end() if labels else start
        stop = re.compile(r"\.(?:\s|$)|\n|(?<=\d)\s+[A-Z][a-z]").search(text, pos, limit)
        return stop.start() if stop else limit

    def counts(self, text: str, start: int, end: int) -> dict[str, Optional[int]]:
        counts: dict[str, Optional[int]] = {"for": None, "against": None, "abstain": None}
        table = _TABLE.search(text, start, end)
        if table:
            numbers = _THREE_NUMBERS.search(text, table.end(), end)
            if numbers:
                counts.update(zip(("for", "against", "abstain"), map(int, numbers.groups())))
                return counts
        labels = list(self.label_re.finditer(text, start, end))
        for index, label in enumerate(labels):
            key = next(k for k in self.labels if label.group(k))
            value_end = labels[index + 1].start() if index + 1 < len(labels) else self.value_end(text, label.end(), end)
            counts[key] = self.count_value(text[label.end():value_end])
        score = _SCORE.search(text, start, end)
        if score and counts["for"] is None:
            counts["for"], counts["against"] = int(score.group(1)), int(score.group(2))
            if score.group(3):
                counts["abstain"] = int(score.group(3))
        named = list(self.named_vote.finditer(text, start, end))
        if len(named) >= 2 and counts["for"] is None:
            for key in ("for", "against", "abstain"):  # a roll call by name: each vote counted
                tally = sum(1 for vote in named if vote.group(key))
                if tally or key != "abstain":  # nobody abstaining is not a reported abstention count
                    counts[key] = tally
        for count in _COUNT_FIRST.finditer(text, start, end):
            key = next(k for k in ("for", "against", "abstain") if count.group(k))
            if counts[key] is None:
                number = count.group("number").lower()
                counts[key] = int(number) if number.isdigit() else _NUMBER_WORDS[number]
        abstentions = _ABSTENTIONS.search(text, start, end)
        if abstentions and counts["abstain"] is None:
            number = abstentions.group(1).lower()
            counts["abstain"] = int(number) if number.isdigit() else _NUMBER_WORDS[number]
        return counts

    @staticmethod
    def value_end(text: str, start: int, end: int) -> int:
        stop = re.compile(r"\.(?:\s|$)|\n|[A-Z]{3,}[ ]*:").search(text, start, end)
        return stop.start() if stop else end

    def count_value(self, value: str) -> Optional[int]:
        """A count as written: a number, None/Nil, or a list of names (counted)."""
        value = value.strip(" .,;")
        number = re.match(r"(\d{1,3})\b", value)
        if number:
            return int(number.group(1))
        first = value.split()[0].lower() if value.split() else ""
        if first in ("none", "nil", "zero", "0"):
            return 0
        items = [p for p in re.split(r",|;|\band\b|&", value) if _NAME_ITEM.search(p)]
        return len(items) if items else None

    # ------------------------------------------------------------------ pairing and output
    @staticmethod
    def assign(motions: list[Motion], reports: list[Report]) -> None:
        """Each report to the nearest motion before it that has none (all of them for ``The motions
        passed``), else to the last motion as a further report; reports before any motion go, in
        order, to the motions that follow."""
        ordered = sorted(motions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        waiting: list[Report] = []
        unreported: list[Motion] = []  # the motions before the report that have none, in order
        seen = 0
        for report in sorted(reports, key=lambda r: r.start):
            count = bisect_right(starts, report.start)
            for motion in ordered[seen:count]:
                if not motion.reports:
                    unreported.append(motion)
            seen = max(seen, count)
            if not count:
                waiting.append(report)
                continue
            open_ = [m for m in unreported[-12:] if not m.reports and m.end <= report.start + 1]
            if report.plural and open_:
                for motion in open_:
                    motion.reports.append(report)
            elif open_:
                open_[-1].reports.append(report)
            elif ordered[count - 1].reports:
                ordered[count - 1].reports.append(report)
            unreported = [m for m in unreported[-12:] if not m.reports]
        for motion in ordered:
            if waiting and not motion.reports:
                motion.reports.append(waiting.pop(0))

    def emit(self, doc: Doc, motion: Motion) -> None:
        counts: dict[str, Optional[int]] = {"for": None, "against": None, "abstain": None}
        tally: Optional[tuple[int, int]] = None
        passed: Optional[bool] = None
        for report in motion.reports:
            if any(v is not None for v in report.counts.values()) and tally is None:
                counts.update({k: v for k, v in report.counts.items() if v is not None})
                tally = (report.start, report.end)
            passed = report.passed if passed is None else passed
        votes: Optional[dict[str, Any]] = counts if tally else None
        if votes and passed is None and votes["for"] is not None and votes["against"] is not None:
            passed = votes["for"] > votes["against"]
        # the agenda of English minutes is their headings and numbered items (CONVENTIONS rule 7):
        # a motion is no agenda item of its own
        data: dict[str, Any] = {"votes": votes, "passed": passed, "agenda": False}
        if tally:
            data["tally"] = tally
        add_candidate(doc, "RESOLUTION", motion.start, motion.end, motion.rule, 0.8, **data)
