"""Whether the document reports a meeting held, or only mentions one.

A news page can look like a meeting report and be something else: an inspection visit, a notice
of a meeting to come, an interview, a letter, an article about a meeting's 精神. Such a document
gives a record of kind "other" (CONVENTIONS rule 14). The decision rests on positive evidence that
a meeting was held, so that a real report is never silenced; this component looks for that
evidence, and, where there is none, for the signs of what the document is instead. Adds:

- ``HELD``: the first evidence that a meeting was held, read line by line in the document's own
  account (not inside quotations, titles, reported words, interview turns, the body of a notice
  or of a speech): a convening clause (召开/举行 + a meeting noun: ``held.convened-past``), a chair
  or attendance clause (主持会议, 出席…座谈会并讲话: ``held.chaired``, ``held.attended``), a verb that
  is itself a meeting (同…座谈: ``held.met``), a meeting as the subject of its acts (会议听取了…:
  ``held.meeting-acts``), something done at a meeting (会上，…; 在座谈会上强调: ``held.at-meeting``);
  failing those, the ``evidence`` patterns of ``held.jsonl`` (a minutes heading or header, a vote
  tally) and a resolution announcement (the ``KIND`` the resolutions component found:
  ``held.resolution-announcement``);
- ``NOT_HELD``, only where no evidence stands, each with ``data["says"]``: a convening clause that
  is not done (将于…召开: ``held.future-notice``), a meeting only mentioned (in a relative clause, a
  title, reported words, a meeting's act as a time or a means: ``held.mentioned-only``), and the
  ``signal`` patterns of ``held.jsonl`` (调研, 贺信, 文章 …) in the headline and lead or anywhere;
  a weak one (``data["weak"]``: 精神, 仪式) decides only together with another.

The words and patterns are data (``held.jsonl``, the verbs of ``triggers.jsonl``, the nouns of
``meeting_nouns.txt``), so that another language needs data, not code. Reading stops at the first
evidence, which is most often in the headline: a report costs a line or two, a document that
reports no meeting one pass. :mod:`meetingx.assemble.kind` makes the decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import Occupied, Segments

#: Set on a Doc that went through this component: only then does an absence of evidence count.
HELD_CHECKED_KEY = "meetingx.held-checked"
#: How far after an attendance verb its meeting noun may stand (出席…第十四次全体会议).
_OBJECT_REACH = 60
#: How far from its verb a clause is read (a clause is rarely longer; a text without clause marks
#: must not make every verb read the whole text).
_CLAUSE_REACH = 80
#: How many interview turns make a dialogue, where any line opening with a short label is a turn.
_DIALOGUE_TURNS = 2
#: How long a meeting's subject phrase may be before its act (中共中央政治局常委会会议听取…).
_SUBJECT_REACH = 40


@dataclass(frozen=True)
class Pattern:
    """An ``evidence`` or ``signal`` entry of ``held.jsonl`` (of any language)."""

    rule: str
    pattern: re.Pattern[str]
    says: str
    #: "lead" (the lines above the body and its first sentence) or "text" (anywhere)
    scope: str
    #: a weak sign decides only together with another sign
    weak: bool = False

    @classmethod
    def read(cls, record: dict[str, Any], slots: Optional[dict[str, str]] = None) -> "Pattern":
        """The entry of a ``held.jsonl`` record, its pattern compiled multi-line; ``slots`` fill
        the ``@name@`` places of the pattern with word patterns (English: ``@bodies@``)."""
        pattern = record["pattern"]
        for slot, words in (slots or {}).items():
            pattern = pattern.replace(f"@{slot}@", words)
        return cls(record["rule"], re.compile(pattern, re.M), record["says"], record.get("scope", "text"),
                   record.get("weak", False))


def add_signals(doc: Doc, text: str, signals: list[Pattern], lead_end: int) -> None:
    """A ``NOT_HELD`` candidate for the first match of each sign, in the lead (``text[:lead_end]``)
    or anywhere, as its scope says."""
    for pattern in signals:
        match = pattern.pattern.search(text, 0, lead_end if pattern.scope == "lead" else len(text))
        if match:
            add_candidate(doc, "NOT_HELD", match.start(), match.end(), pattern.rule, 0.7, says=pattern.says,
                          weak=pattern.weak)


class HeldFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        records = lexicon.records("held.jsonl")
        cues: dict[str, dict[str, Any]] = {r["use"]: r for r in records if r["use"] not in ("evidence", "signal")}

        def words(use: str, key: str = "words") -> str:
            return word_pattern(cues[use][key])

        self.sentence_end = re.compile(cues["sentence-end"]["pattern"])
        self.clause_end = re.compile(cues["clause-end"]["pattern"])
        self.acts = {verb: acts & {"convene", "chair", "attend"} for verb, acts in lexicon.triggers.items()}
        self.met = frozenset(cues["meeting-verbs"]["words"])
        self.verb_re = re.compile(word_pattern(lexicon.verbs("convene", "chair", "attend") + sorted(self.met)))
        # every meeting noun starting at each position (zero-width, so that 部署会 does not hide 会议)
        self.noun_re = re.compile(rf"(?=({lexicon.alternation('meeting_nouns.txt')}))")
        self.not_meeting_re = re.compile(words("not-meetings"))
        self.verb_noun = re.compile(words("verb-nouns"))
        self.nominaliser = re.compile(rf"(?:{words('nominaliser')})$")
        adverbs = f"(?:{words('adverbs')})*"
        self.unrealised_before = re.compile(words("unrealised-before"))
        self.unrealised_next = re.compile(rf"(?:{words('unrealised-next')}){adverbs}$")
        self.negated = re.compile(rf"(?:{words('negations')}){adverbs}$")
        self.convened_body = re.compile(rf"了?[^，。；\n]{{0,16}}?(?P<body>{words('convened-bodies')})")
        self.title_opener = re.compile(rf"(?:{words('title-opener')})$")
        self.mention_before = re.compile(words("mention-before"))
        self.background_after = re.compile(rf"(?:{words('background-after')})(?={self.clause_end.pattern})")
        self.relative = re.compile(words("relative"))
        ends = f"(?:{words('attend-object', 'ends')}|{self.clause_end.pattern}|$)"
        self.object_end = re.compile(ends)
        self.object_head = re.compile(rf"(?:{words('attend-object', 'heads')})(?={ends})")
        self.object_marker = re.compile(words("object-markers"))
        self.means_marker = re.compile(words("means-markers"))
        acts, joiners = words("meeting-acts"), words("meeting-acts", "joiners")
        self.act_after_noun = re.compile(rf"{adverbs}((?:{acts})(?:(?:{joiners})?(?:{acts}))*)")  # 审议通过
        at_then = word_pattern(cues["at"]["then"] + list(lexicon.triggers))
        self.at_after_noun = re.compile(rf"(?:{words('at')})(?={self.clause_end.pattern}|{at_then})")
        self.reporting = re.compile(rf"(?:{words('reporting')}){cues['reporting']['then']}")
        self.other_event = re.compile(words("other-event"))
        self.enclosed = [re.compile(pattern) for pattern in cues["enclosed"]["patterns"]]
        self.reported_line = re.compile(cues["reported-line"]["pattern"], re.M)
        self.dialogue_line = re.compile(cues["dialogue-line"]["pattern"], re.M)
        self.reported_from = re.compile(cues["reported-from"]["pattern"], re.M)
        self.evidence = [Pattern.read(r) for r in records if r["use"] == "evidence"]
        self.signals = [Pattern.read(r) for r in records if r["use"] == "signal"]

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[HELD_CHECKED_KEY] = True
        text = doc._.mx_text.folded
        reading = Reading(self, doc, text)
        if any(self.find_clauses(reading, *line) or self.find_meeting_subjects(reading, *line)
               for line in reading.lines()) or self.find_patterns(doc, text):
            return doc
        self.find_signals(doc, text)
        for rule, (start, end, says) in reading.noted.items():
            add_candidate(doc, "NOT_HELD", start, end, rule, 0.7, says=says)
        return doc

    # ------------------------------------------------------------------ evidence in a line
    def find_clauses(self, reading: "Reading", start: int, end: int) -> bool:
        """Convening, chair and attendance clauses (召开…会议, 主持会议, 出席…座谈会); notes the
        clauses that only mention a meeting or one to come. True at the first evidence."""
        text = reading.text
        for verb in self.verb_re.finditer(text, start, end):
            v_start, v_end = verb.span()
            if self.verb_noun.match(text, v_start) or self.nominaliser.search(text, max(start, v_start - 2), v_start):
                continue  # 主持人, 开幕式, 大会的召开: a noun
            acts = self.acts.get(verb.group(), frozenset())
            c_start = max(reading.clauses.start_of(v_start), v_start - _CLAUSE_REACH)
            c_end = min(reading.clauses.end_of(v_end), v_end + _CLAUSE_REACH)
            attends = "attend" in acts and not {"convene", "chair"} & acts
            meetings = self.meetings_of(reading, verb, acts, attends, (c_start, c_end))
            if not meetings:
                continue
            before = text[c_start:v_start]
            if attends and self.negated.search(before):
                continue  # 未出席会议: an absentee
            if self.unrealised_before.search(before) or self.unrealised_next.search(before):
                reading.note("held.future-notice", c_start, c_end, "a meeting to come (将于…召开)")
            elif reading.reported.covers(v_start):
                reading.note("held.mentioned-only", c_start, c_end,
                             "a meeting only mentioned in quotations, reported words or about another event")
            elif self.title_opener.search(before):
                reading.note("held.mentioned-only", c_start, c_end, "a meeting only named in a title")
            elif self.mention_before.search(before) or self.background_after.match(text, v_end):
                reading.note("held.mentioned-only", c_start, c_end,
                             "a meeting only mentioned as the object or the time of something else")
            elif self.relative.match(text, v_end) or attends and any(
                    self.relative.match(text, m_end) for _, m_end in meetings):
                reading.note("held.mentioned-only", c_start, c_end, "a meeting only mentioned in a relative clause")
            else:
                rule = "held.met" if verb.group() in self.met else "held.convened-past" if "convene" in acts \
                    else "held.chaired" if "chair" in acts else "held.attended"
                add_candidate(reading.doc, "HELD", c_start, c_end, rule, 0.85, says="a clause that reports a meeting held")
                return True
        return False

    def meetings_of(self, reading: "Reading", verb: re.Match[str], acts: frozenset[str], attends: bool,
                    clause: tuple[int, int]) -> list[tuple[int, int]]:
        """The meetings a verb's clause names: a verb that is itself a meeting (座谈); the object of
        an attendance verb (出席…座谈会并讲话, where the noun ends the object); for a chair or
        convening verb, any in its clause, and for a convening verb, failing that, any before it in
        its sentence in the document's own account (大会由…主办，于…举行)."""
        if verb.group() in self.met:
            return [verb.span()]
        if attends:
            end = min(clause[1], verb.end() + _OBJECT_REACH)
            heads = [span for span in reading.meetings_in(verb.end(), end)
                     if self.object_end.match(reading.text, span[1], end)]
            part = self.object_head.search(reading.text, verb.end(), end)
            return heads + ([part.span()] if part else [])
        meetings = reading.meetings_in(*clause)
        body = self.convened_body.match(reading.text, verb.end(), clause[1]) if "convene" in acts else None
        if not meetings and body is not None:
            meetings = [body.span("body")]  # 召开董事会: the board's meeting
        if not meetings and "convene" in acts:
            sentence = max(reading.sentences.start_of(verb.start()), verb.start() - _CLAUSE_REACH)
            meetings = [span for span in reading.meetings_in(sentence, verb.start()) if not reading.reported.covers(span[0])]
        return meetings

    def find_meeting_subjects(self, reading: "Reading", start: int, end: int) -> bool:
        """A meeting as the subject of its acts (会议听取了…, 全会强调) or as where things were done
        (会上，…; 在座谈会上强调). True at the first one."""
        text = reading.text
        last_end = -1
        for noun in self.noun_re.finditer(text, start, end):
            n_start, n_end = noun.span(1)
            if n_end == last_end or n_end > end:
                continue  # 全体会议 and 会议: one meeting noun
            last_end = n_end
            act = self.act_after_noun.match(text, n_end, end)
            if act is not None and self.verb_noun.match(text, act.start(1)):
                act = None  # 会议闭幕会: the act is part of a noun
            at = None if act else self.at_after_noun.match(text, n_end, end)
            if act is None and at is None or not reading.is_meeting(n_start, n_end):
                continue
            c_start = reading.clauses.start_of(n_start)
            if n_start - c_start > _SUBJECT_REACH:
                continue
            subject = text[c_start:n_start]
            if reading.reported.covers(n_start) or self.unrealised_before.search(subject):
                continue  # 将在大会上作报告
            if act is not None and self.object_marker.search(subject):
                continue  # 对会议提出要求: the meeting is no subject
            if act is not None and (self.relative.match(text, act.end()) or self.background_after.match(text, act.end())
                                    or self.means_marker.match(subject)):
                # 全会审议通过的《决定》; 全会闭幕后，; 经常委会研究决定
                reading.note("held.mentioned-only", c_start, act.end(),
                             "a meeting only mentioned in a relative clause, as a time or as the way a decision came")
                continue
            rule = "held.meeting-acts" if act else "held.at-meeting"
            add_candidate(reading.doc, "HELD", n_start, (act or at).end(), rule, 0.8, says="a meeting's own acts")
            return True
        return False

    # ------------------------------------------------------------------ evidence in the document
    def find_patterns(self, doc: Doc, text: str) -> bool:
        """A minutes heading or header, a vote tally (``evidence`` of ``held.jsonl``), or a
        resolution announcement. True at the first one."""
        for pattern in self.evidence:
            match = pattern.pattern.search(text)
            if match:
                add_candidate(doc, "HELD", match.start(), match.end(), pattern.rule, 0.9, says=pattern.says)
                return True
        for kind in candidates(doc, "KIND"):
            if kind.data.get("kind") == "resolution":
                add_candidate(doc, "HELD", kind.start, kind.end, "held.resolution-announcement", 0.9,
                              says="a resolution announcement")
                return True
        return False

    # ------------------------------------------------------------------ signs of no meeting
    def find_signals(self, doc: Doc, text: str) -> None:
        """The ``signal`` patterns (the first match of each), in the lead (the lines above the body
        and its first sentence) or anywhere."""
        body = min((c.start for c in candidates(doc, "BODY")), default=0)
        first_sentence = self.sentence_end.search(text, body)
        add_signals(doc, text, self.signals, first_sentence.end() if first_sentence else len(text))


class Reading:
    """The document as the held component reads it, one line at a time: the line's sentences and
    clauses, the characters that are not the document's own account (quotations, titles, reported
    words, interview turns, a notice's or a speech's body), and the mentions noted so far."""

    def __init__(self, finder: HeldFinder, doc: Doc, text: str) -> None:
        self.finder = finder
        self.doc = doc
        self.text = text
        self.not_meetings = Occupied(len(text))
        self.reported = Occupied(len(text))
        self.rest_reported = False  # from a notice's or a speech's body on: nothing is the document's own
        #: the lines that are someone's turn: an interview's, and in a dialogue any line opening with a label
        turns = finder.reported_line.finditer(text)
        dialogue = sum(1 for _ in zip(turns, range(_DIALOGUE_TURNS))) == _DIALOGUE_TURNS
        self.turn = finder.dialogue_line if dialogue else finder.reported_line
        #: the mentions met, by rule (the first of each): (start, end, says)
        self.noted: dict[str, tuple[int, int, str]] = {}
        # the current line's, set by read_line
        self.sentences: Segments
        self.clauses: Segments

    def lines(self) -> Iterator[tuple[int, int]]:
        """The lines of the text, each made ready for reading before it is given."""
        text, start = self.text, 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if end > start:
                self.read_line(start, end)
                yield start, end
            start = end + 1

    def read_line(self, start: int, end: int) -> None:
        text, finder = self.text, self.finder
        if not self.rest_reported:
            body = finder.reported_from.search(text, start, end)
            if body is not None:
                self.reported.add(body.start(), len(text))
                self.rest_reported = True
        self.sentences = Segments(text, finder.sentence_end, start, end)
        self.clauses = Segments(text, finder.clause_end, start, end)
        for match in finder.not_meeting_re.finditer(text, start, end):
            self.not_meetings.add(*match.span())
        if self.turn.match(text, start, end):
            self.reported.add(start, end)
            return
        for pattern in finder.enclosed:
            for match in pattern.finditer(text, start, end):
                self.reported.add(*match.span())
        reach = start  # what is covered up to here: each character is marked once
        for match in finder.reporting.finditer(text, start, end):
            sentence_end = self.sentences.end_of(match.end())
            self.reported.add(max(match.end(), reach), sentence_end)
            reach = max(reach, sentence_end)
        reach = start
        for match in finder.other_event.finditer(text, start, end):
            if match.start() == self.clauses.start_of(match.start()):
                sentence_end = self.sentences.end_of(match.end())
                self.reported.add(max(match.start(), reach), sentence_end)
                reach = max(reach, sentence_end)

    def is_meeting(self, start: int, end: int) -> bool:
        """A meeting noun at [start, end) whose head is not part of another word (社会, 会见)."""
        return not self.not_meetings.covers(end - 1)

    def meetings_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The meeting nouns in text[start:end]."""
        return [m.span(1) for m in self.finder.noun_re.finditer(self.text, start, end)
                if m.end(1) <= end and self.is_meeting(*m.span(1))]

    def note(self, rule: str, start: int, end: int, says: str) -> None:
        """A clause that only mentions a meeting, or one to come (the first of each rule)."""
        self.noted.setdefault(rule, (start, end, says))
