"""Attendees of English minutes: the entries of every list of those present (:mod:`.rosters`),
and people said to be present in prose (``Council member Lynn Carmichael present after 10:00
a.m.``, ``City Clerk Roberts and Deputy City Clerk Toney also present``, ``Matt Coultas is
present``), and groups (``All Directors were present``, ``A total of 132 Members attended``: the
count left out). Absentees and apologies are never attendees; names are given as the list writes
them, without titles; a couple sharing a surname is one attendee."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.en.rosters import roster_reader, rosters_of
from meetingx.components.en.words import english_words, sentences_of, subjects_before
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import SortedSpans

_PRESENT = re.compile(r"(?<![A-Za-z])present(?![A-Za-z])")
_AS_WERE = re.compile(r",?[ ]+as[ ]+(?:were|was|did)[ ]+")
_ROLL_MARK = re.compile(r"[ ]*[,\-][ ]*$")
_COPULA = re.compile(r"(?<![A-Za-z])(?:is|was|are|were)(?:[ ]+also)?[ ]+$")
_NOT_PRESENT = re.compile(r"(?i:\b(?:no|not|none|nobody|with)\b[^.;]{0,30}$)")


class AttendanceFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = english_words(lexicon)
        self.rosters = roster_reader(lexicon)
        groups = word_pattern(sorted({w.title() for w in self.words.plural_titles}))
        self.group = re.compile(
            rf"(?<![A-Za-z])(?:(?:A|a)[ ]+total[ ]+of[ ]+)?(?:\d+[ ]+)?(?P<group>(?:All[ ]+(?:the[ ]+)?)?(?:{groups}))"
            rf"[ ]+(?:were[ ]+(?:also[ ]+)?present(?![ ]*:)|attended)\b")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        found: list[tuple[int, int, str, bool]] = []
        in_rosters: list[tuple[int, int]] = []
        for roster in rosters_of(doc, self.lexicon):
            in_rosters.append((roster.label[0], roster.end))
            if roster.present:
                found += [(e.name[0], e.name[1], "en.attendance.roster", not e.group) for e in roster.entries]
        sentences = sentences_of(doc, self.words)
        rostered = SortedSpans(in_rosters)
        for word in _PRESENT.finditer(text):
            start = word.start()
            if rostered.overlapping(start, start + 1) or _NOT_PRESENT.search(text, max(0, start - 40), start):
                continue
            copula = _COPULA.search(text, max(0, start - 20), start) or _ROLL_MARK.search(text, max(0, start - 4), start)
            before = copula.start() if copula else start  # Matt Lowe is present / Mr. Reyes, present;
            for subject in subjects_before(self.words, text, before, sentences.start_of(start)):
                if subject.name:
                    found.append((subject.name[0], subject.name[1], "en.attendance.present", True))
            also = _AS_WERE.match(text, word.end())
            if also:  # …were also present, as were County Clerk Janet Price and County Attorney Rob Hale
                end = sentences.end_of(also.end())
                for entry in self.rosters.entries(text, also.end(), end, skip=(end, end)):
                    if not entry.couple:
                        found.append((entry.name[0], entry.name[1], "en.attendance.present", True))
        for match in self.group.finditer(text):
            found.append((match.start("group"), match.end("group"), "en.attendance.group", False))
        for start, end, rule, person in sorted(found, key=lambda f: f[0]):
            add_candidate(doc, "ATTEND", start, end, rule, 0.85, person=person)
        return doc
