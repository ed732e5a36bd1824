"""Whether an English document reports a meeting held, or is something else: a notice or an
agenda of a meeting to come, an interview, a press release about a visit, an op-ed or a letter, a
personnel notice, a candidate's profile, an obituary (CONVENTIONS rule 14, as for Chinese).

As in :mod:`meetingx.components.held`, the decision rests on positive evidence that a meeting was
held, so that real minutes and council news are never silenced; where there is none, the signs of
what the document is instead are looked for, and :mod:`meetingx.assemble.kind` decides. Adds:

- ``HELD``: the first evidence, from the ``evidence`` patterns of ``data/en/held.jsonl`` (a
  minutes heading, a roster or roll call, a meeting called to order or adjourned, a motion
  seconded or carried, a tally, ``RESOLVED that``, a meeting held or a body that met, a body's act:
  ``The council voted…``), each in the document's own account (not in quotations, interview turns,
  or the body of a letter or a speech, not in a sentence about an earlier event: ``Last year the
  council…``) and not undone by ``will``, ``is scheduled to``, ``if``, ``not`` before it in its
  clause; some (``this-meeting``) must not be about another meeting (``other_meetings.txt``: the
  minutes of, the next meeting);
- ``NOT_HELD``, only where no evidence stands: the ``signal`` patterns (:func:`held.add_signals`),
  and the evidence undone: ``en.held.future-notice`` (The meeting will be held…, the meeting is to
  be called to order), ``en.held.mentioned-only`` (quoted, in an interview turn or a letter, an
  earlier event, or about another meeting).

English needs its own reading rather than the Chinese one's clauses: there a meeting is a noun
that a convening verb takes (召开…会议), aspect and mood are particles before the verb (将, 拟于)
and a relative clause ends in 的; here tense and mood are auxiliaries (will be held, was held),
the subject acts in the active or the passive (The board approved…, adopted by the Commission),
and minutes give themselves away by their formulas (Present:, seconded by, Motion carried). What
both languages share is the patterns' form and their signs (:class:`held.Pattern`), the labels
and the decision.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.en.statements import statements
from meetingx.components.en.words import english_words, sentences_of
from meetingx.components.held import HELD_CHECKED_KEY, Pattern, add_signals
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import Occupied

#: How many interview turns make a dialogue, where any line opening with a short label is a turn.
_DIALOGUE_TURNS = 2
#: How far back from an act its clause is read for "will", "if", "not" (a clause is rarely longer).
_CLAUSE_REACH = 200
_CLAUSE_MARK = re.compile(r"[,;:(]")


class EnglishHeldFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        records = lexicon.records("held.jsonl")
        cues: dict[str, dict[str, Any]] = {r["use"]: r for r in records if r["use"] not in ("evidence", "signal")}
        self.words = english_words(lexicon)
        self.other_meeting = statements(lexicon).other
        slots = {
            "bodies": word_pattern(cues["bodies"]["words"]),
            "adverbs": word_pattern(cues["adverbs"]["words"]),
            "meetings": word_pattern(lexicon.words("meeting_nouns.txt") + cues["gatherings"]["words"]),
            "acts": word_pattern(lexicon.words("action_verbs.txt") + cues["deliberations"]["words"]),
            "weekdays": word_pattern([w for line in lexicon.words("weekdays.txt") for w in line.split()]),
            "past": cues["past"]["pattern"],
            "roster-labels": word_pattern([r["label"] for r in lexicon.records("roster_labels.jsonl")]),
        }
        self.evidence = [(Pattern.read(r, slots), bool(r.get("this-meeting"))) for r in records if r["use"] == "evidence"]
        self.signals = [Pattern.read(r, slots) for r in records if r["use"] == "signal"]
        self.unrealised = re.compile(cues["unrealised"]["pattern"])
        self.negated = re.compile(cues["negated"]["pattern"])
        self.other_event = re.compile(cues["other-event"]["pattern"])
        self.enclosed = [re.compile(pattern) for pattern in cues["enclosed"]["patterns"]]
        self.reported_line = re.compile(cues["reported-line"]["pattern"], re.M)
        self.dialogue_line = re.compile(cues["dialogue-line"]["pattern"], re.M)
        self.reported_from = re.compile(cues["reported-from"]["pattern"], re.M)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[HELD_CHECKED_KEY] = True
        text = doc._.mx_text.folded
        sentences = sentences_of(doc, self.words)
        body = min((c.start for c in candidates(doc, "BODY")), default=0)
        lead_end = min(len(text), sentences.end_of(body) + 1)
        reported = self.reported(text)
        #: the evidence undone, by rule (the first of each): (start, end, says)
        noted: dict[str, tuple[int, int, str]] = {}
        for pattern, this_meeting in self.evidence:
            for match in pattern.pattern.finditer(text, 0, lead_end if pattern.scope == "lead" else len(text)):
                start, end = match.span()
                sentence = sentences.start_of(start)
                clause = self.clause_start(text, sentence, start)
                if reported.covers(start):
                    noted.setdefault("en.held.mentioned-only", (start, end, "a meeting only mentioned in quotations, "
                                                                            "an interview turn, a letter or a speech"))
                elif self.other_event.match(text, sentence, start):
                    noted.setdefault("en.held.mentioned-only", (start, end, "a meeting only mentioned as an earlier "
                                                                            "event (Last year the council…)"))
                elif self.negated.search(text, clause, end):
                    continue
                elif self.unrealised.search(text, clause, end):
                    noted.setdefault("en.held.future-notice", (start, end, "a meeting to come (will be held…)"))
                elif this_meeting and self.other_meeting.search(text, clause, self.clause_end(text, sentences.end_of(end), end)):
                    noted.setdefault("en.held.mentioned-only", (start, end, "a meeting only mentioned: an earlier or "
                                                                            "a later one"))
                else:
                    add_candidate(doc, "HELD", start, end, pattern.rule, 0.85, says=pattern.says)
                    return doc
        add_signals(doc, text, self.signals, lead_end)
        for rule, (start, end, says) in noted.items():
            add_candidate(doc, "NOT_HELD", start, end, rule, 0.7, says=says)
        return doc

    def reported(self, text: str) -> Occupied:
        """The characters that are not the document's own account: quotations, the lines of an
        interview (in a dialogue, every line opening with a short label), and everything from a
        letter's or a speech's salutation on."""
        reported = Occupied(len(text))
        turns = list(zip(self.reported_line.finditer(text), range(_DIALOGUE_TURNS)))
        turn = self.dialogue_line if len(turns) == _DIALOGUE_TURNS else self.reported_line
        for line in turn.finditer(text):
            end = text.find("\n", line.start())
            reported.add(line.start(), len(text) if end < 0 else end)
        for pattern in self.enclosed:
            for match in pattern.finditer(text):
                reported.add(*match.span())
        salutation = self.reported_from.search(text)
        if salutation is not None:
            reported.add(salutation.start(), len(text))
        return reported

    @staticmethod
    def clause_start(text: str, sentence_start: int, pos: int) -> int:
        """Where the clause of ``pos`` starts: after the last clause mark of its sentence before it."""
        start = max(sentence_start, pos - _CLAUSE_REACH)
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text, start, pos)]
        return marks[-1] if marks else start

    @staticmethod
    def clause_end(text: str, sentence_end: int, pos: int) -> int:
        """Where the clause of ``pos`` ends: at the next clause mark of its sentence after it."""
        mark = _CLAUSE_MARK.search(text, pos, min(sentence_end, pos + _CLAUSE_REACH))
        return mark.start() if mark else min(sentence_end, pos + _CLAUSE_REACH)
