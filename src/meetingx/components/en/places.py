"""Where and what: the meeting's name, its organizer and its venue, as English minutes state them.

The meeting's name is a noun phrase ending in a word of ``meeting_nouns.txt``, with what qualifies
it and what it is of (``Regular Meeting of the Plymouth City Council``, ``BCF Board Meeting``,
``62nd Annual General Meeting of the Members of the Company``); a bare ``the meeting`` is none. It
is read from the first convening sentence (:mod:`.statements`), else the title and header, and a
header's full name wins over an acronym in the lead (``AGM``). The organizer is, in this order, the
body the meeting is of (``…of the Santa Monica City Council``; ``Members of`` left out), the subject
of ``met`` (``The City Council met``), the owner written before the meeting (``Planning Commission
Minutes Regular Meeting``, ``Township of Oro-Medonte Council Meeting``), never a name made only of
words of meeting types (``Ordinary Council Meeting``). The venue comes from a ``Location:`` field,
the place after ``held at/in``, ``met in`` or ``through`` in the convening sentence, or a header
line naming a place (a word of ``venue_nouns.txt``). At most one of each is added, chosen here.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.en.rosters import roster_reader
from meetingx.components.en.statements import body_start, statement_end, statements
from meetingx.components.en.structure import NUMBERED_START as _NUMBERED_START
from meetingx.components.en.words import english_words
from meetingx.lexicon import Lexicon, word_pattern

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'&/\-]*\.?")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
_STOP_BEFORE = frozenset({"a", "an", "the", "of", "for", "at", "in", "on", "to", "by", "from", "and", "this", "that",
                          "minutes", "summary", "proceedings", "agenda", "record", "with"})
_TIME_OR_DATE = re.compile(r"\d{1,2}[:. ]\d{2}|\d{1,2}\s?[ap]\.?m\b|\b\d{4}\b", re.I)
_VENUE_END = re.compile(r",?[ ]+(?:on|at[ ]+\d|commencing|starting|beginning|to[ ]+(?:consider|discuss|order)|for|with|"
                        r"and[ ]+(?:was|were|the)|from)\b|[.;:](?:[ \n]|$)|\n|,[ ]*(?:on|at)\b|\(")
_VENUE_INTRO = re.compile(r"(?i:\b(?P<how>(?:remotely|virtually|online|electronically)[ ]+(?:through|via|on|by)[ ]+))"
                          r"|\b(?:in|at|through|via)[ ]+(?:the[ ]+)?(?=[A-Za-z0-9])")
_VIRTUAL = re.compile(r"(?i:\b(?:meeting|met|held)[ ]+(?P<how>virtually|remotely|online)\b)")
_FIELD = re.compile(r"(?i:\b(?:location|venue|place|where)[ ]*:[ ]*)")
_LINE = re.compile(r"[^\n]+")
_MINUTES_OF_BODY = re.compile(r"(?i:minutes|summary|proceedings)[ ]+(?i:of|for)[ ]+(?:(?i:the)[ ]+)?(?P<body>)")
_MET = re.compile(r"\bmet\b|\b(?:held|convened)[ ]+(?:its|their|a|an)\b")
_LEADING_ARTICLE = re.compile(r"(?i:the|a|an)[ ]+")
_MEMBERS_OF = re.compile(r"(?i:(?:the[ ]+)?(?:members|shareholders|directors|trustees|representatives)[ ]+of[ ]+(?:the[ ]+)?)")


#: A meeting's name: (start, end, organizer span, rule, whether the organizer is only its owner)
NamedMeeting = tuple[int, int, Optional[tuple[int, int]], str, bool]


class PlaceFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = english_words(lexicon)
        self.statements = statements(lexicon)
        self.rosters = roster_reader(lexicon)
        self.meeting_noun = re.compile(rf"(?<![A-Za-z])(?i:{lexicon.alternation('meeting_nouns.txt')})(?![A-Za-z])")
        self.types = frozenset(w.lower() for w in lexicon.words("meeting_types.txt"))
        self.bodies = frozenset(w.lower() for w in lexicon.words("body_nouns.txt"))
        self.units = frozenset(lexicon.words("place_units.txt"))
        self.calendar = rf"(?i:{word_pattern(list(self.words.months) + list(self.words.weekdays))})(?![A-Za-z])"
        self.venue_noun = re.compile(rf"(?<![A-Za-z])(?i:{lexicon.alternation('venue_nouns.txt')})(?![A-Za-z])")
        units = word_pattern(sorted(self.units))
        bodies = word_pattern(lexicon.words("body_nouns.txt"))
        #: a place that owns a body (Township of Oro-Medonte, City of Mendota Heights)
        #: the body before a verb: (The) City Council, (The) Morgan County Board of Commissioners
        self.body_subject = re.compile(rf"(?:(?<![A-Za-z])(?:The|the)[ ]+|^|(?<=[.,;:\n])[ ]*)(?P<body>(?:[A-Z][\w'\-]*[ ]+"
                                       rf"(?:(?:of|for)[ ]+(?:the[ ]+)?)?)*?(?i:{bodies})(?![A-Za-z])"
                                       rf"(?:[ ]+of[ ]+(?:the[ ]+)?(?i:{units})[ ]+of(?:[ ]+[A-Z][\w'\-]*)+)?)[ ]+$")
        #: a heading that is a body's name: Planning Commission, BOARD OF EDUCATION, City Council
        self.body_name = re.compile(rf"(?:(?:[A-Z][\w'\-]*|&)[ ]+)*(?i:{bodies})(?:[ ]+(?i:of|for)[ ]+(?:(?i:the)[ ]+)?"
                                    rf"[A-Z][\w'\-]*(?:[ ]+[A-Z][\w'\-]*)*)?")
        self.unit_of = re.compile(rf"(?i:{units})[ ]+(?i:of)[ ]+[A-Z][\w'\-]*"
                                  rf"(?:[ ]+(?!(?i:{bodies})(?![A-Za-z]))[A-Z][\w'\-]*)*")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        end = statement_end(doc, self.words, self.statements)
        label_end = max((c.end for c in candidates(doc, "LABEL")), default=0)
        convening = [s for s in self.statements.convening_sentences(doc, self.words) if s[0] < end]
        lead = (max(convening[0][0], label_end), convening[0][1]) if convening else None
        verb = self.statements.convening.search(text, *lead) if lead else None
        titles = candidates(doc, "TITLE")
        title = (titles[0].start, titles[0].end) if titles else None
        zone_start = title[1] if title else label_end
        zone = (zone_start, self.header_end(text, zone_start, body_start(doc), verb.start() if verb else None))
        header = (label_end, max(zone[1], title[1] if title else 0))
        meeting = self.convened_meeting(text, lead, verb) if lead and verb else None
        others = [(s, e) for s, e in convening[1:]]
        minutes = bool(candidates(doc, "KIND"))  # a news report has no header
        framed = [m for span in (title, header if minutes else None) if span and span[1] > span[0]
                  for m in self.meetings_in(text, *span)]
        if framed and (meeting is None or self.acronym(text, meeting)):
            meeting = max(framed, key=lambda m: (m[1] - m[0], -m[0]))
        if meeting:
            add_candidate(doc, "MEETING", meeting[0], meeting[1], meeting[3], 0.8, clause=lead or (0, end))
        # the body the meeting is of, the subject of "met", a heading that names the body, the owner
        # written in the meeting's name, the body written before "Minutes"
        org = meeting[2] if meeting and not meeting[4] else None
        if org is None and lead:
            org = self.subject_of_met(text, *lead)
        if org is None and title:
            named = _MINUTES_OF_BODY.match(text, *title)  # Minutes of the Board of Trustees
            if named and self.body_name.fullmatch(text, named.start("body"), title[1]):
                org = (named.start("body"), title[1])
        if org is None and minutes:
            org = self.body_line(text, label_end, body_start(doc))
        if org is None:
            org = meeting[2] if meeting and meeting[2] else next((m[2] for m in framed if m[2]), None)
        if org is None and meeting:
            org = self.owner_before(text, meeting[0])
        if org:
            add_candidate(doc, "ORG", org[0], org[1], "en.place.organizer", 0.8, clause=lead or (0, end))
        venue = self.field_venue(text, end)
        for span in ([lead] if lead else []) + others:
            verb_in = self.statements.convening.search(text, *span)
            venue = venue or (self.venue_in(text, span[0], span[1], verb_in) if verb_in else None)
        venue = venue or self.header_venue(text, *zone)
        if venue:
            add_candidate(doc, "VENUE", venue[0], venue[1], venue[2], 0.8, clause=lead or (0, end))
        return doc

    def body_line(self, text: str, start: int, end: int) -> Optional[tuple[int, int]]:
        """A heading line that names a body (BOARD OF TRUSTEES / REGULAR MEETING MINUTES)."""
        for line in _LINE.finditer(text, start, end):
            value = line.group().strip()
            if value and len(value.split()) <= 8 and self.body_name.fullmatch(value):
                left = line.start() + line.group().index(value)
                return left, left + len(value)
        return None

    def header_end(self, text: str, start: int, body: int, verb: Optional[int]) -> int:
        """Where the header after the title ends: the first roster, numbered item or convening verb."""
        ends = [start + 400]
        ends += [m.start() for m in self.rosters.labels(text[:start + 2000]) if m.start() >= start][:1]
        numbered = _NUMBERED_START.search(text, start, start + 2000)
        if numbered:
            ends.append(numbered.start())
        if verb is not None and verb > start:
            ends.append(verb)
        return min(ends) if ends else start

    # ------------------------------------------------------------------ the meeting's name
    def convened_meeting(self, text: str, lead: tuple[int, int], verb: re.Match[str]) -> Optional[NamedMeeting]:
        """The named meeting of the convening verb: inside it (called a Regular Meeting of … to
        order) or right before it (…of the City Council was held, …MEETING held on)."""
        best = None
        for meeting in self.meetings_in(text, *lead):
            if meeting[0] < verb.end() and meeting[1] > verb.start():
                return meeting
            gap = verb.start() - meeting[1]
            if 0 <= gap <= 60 and (best is None or gap < verb.start() - best[1]):
                best = meeting
        return best

    def meetings_in(self, text: str, start: int, end: int) -> list[NamedMeeting]:
        """The named meetings in text[start:end]: (start, end, organizer span or None, rule, whether
        the organizer only owns the meeting rather than being what it is of)."""
        found = []
        for noun in self.meeting_noun.finditer(text, start, end):
            words = [m for m in _WORD.finditer(text, max(start, noun.start() - 120), noun.start())]
            caps = noun.group().isupper()
            first = noun.start()
            for index in range(len(words) - 1, -1, -1):
                word = words[index]
                token = word.group().rstrip(".")
                if token.lower() == "of" and index > 0 and words[index - 1].group().lower() in self.bodies \
                        and first < noun.start() and not text[word.end():first].strip(" "):
                    first = word.start()  # Board of Directors Meeting
                    continue
                if text[word.end():first].strip(" -") or token.lower() in _STOP_BEFORE:
                    break
                if re.search(r"\d", token) and not _ORDINAL.fullmatch(token):
                    break
                acronym = token.isupper() and 2 <= len(token) <= 5
                if not (_ORDINAL.fullmatch(token) or token.lower() in self.types and (token.isupper() == caps or not token.isupper())
                        or token[:1].isupper() and (token.isupper() == caps or acronym)):
                    break
                first = word.start()
            np_end = noun.end()
            organizer = None
            of = re.match(r"[ ]+(?:of|OF)[ ]+(?:(?:the|THE)[ ]+)?", text[np_end:end])
            body = self.body_after(text, np_end + of.end(), end) if of else None
            if body:
                np_end = body[2]
                organizer = self.without_members(text, body[:2])
            if first == noun.start() and body is None or body is None and text[first:noun.end()].islower():
                continue  # "the meeting", "the open session": no name of its own
            # an owner, then the kind of meeting: Township of Oro-Medonte | Council Meeting
            unit = self.unit_of.search(text, max(0, first - 60), noun.start())
            if unit and unit.end() >= first - 1 and unit.start() < first:
                organizer = organizer or (unit.start(), unit.end())
                first = max(first, unit.end() + 1)
            # …SCHOOL DISTRICT SPECIAL MEETING: the owner stands before the type of meeting
            words_in = [m for m in _WORD.finditer(text, first, noun.start())]
            for index, word in enumerate(words_in):
                if word.group().lower() in self.types and index > 0 and words_in[index - 1].group().lower() not in self.types:
                    organizer = organizer or (first, words_in[index - 1].end())
                    first = word.start()
                    break
            if organizer is None and body is None:
                organizer = self.owner_in(text, first, noun.start())
            # a convened noun phrase runs on to its verb (…of the City Council, City of X, Minnesota was held)
            verb = re.match(r"(?:,[ ]*[A-Z][\w\-]*(?:[ ]+[A-Z][\w\-]*)*)*(?=[ ]+(?:was|were|is)[ ]+(?:held|called|convened))",
                            text[np_end:end])
            if verb and body:
                np_end += verb.end()
            if first < np_end:
                # the organizer is its own of-phrase (…of the City Council), or only owns it (BCF Board Meeting)
                found.append((first, np_end, organizer, "en.place.meeting-name", body is None))
        return found

    def body_after(self, text: str, start: int, end: int) -> Optional[tuple[int, int, int]]:
        """The name of a body that starts at ``start``: capitalised words (joined by of, the, &),
        and a place it belongs to (…, City of Mendota Heights); (start, end, end of the phrase with
        a meeting noun that closes it: OF THE SCHOOL COMMITTEE MEETING)."""
        match = re.match(rf"(?!{self.calendar})[A-Z][\w'&\-]*(?:[ ]+(?:(?:of|OF|and|AND|&)[ ]+(?:(?:the|THE)[ ]+)?)?(?!{self.calendar})[A-Z][\w'&\-]*)*",
                         text[start:end])
        if not match:
            return None
        body_end = phrase_end = start + match.end()
        # drop a trailing meeting noun (OF THE SCHOOL COMMITTEE MEETING)
        tail = self.meeting_noun.search(text, start, body_end)
        if tail and tail.end() == body_end and tail.start() > start:
            body_end = start + len(text[start:tail.start()].rstrip())
        place = re.match(rf",[ ]*{self.unit_of.pattern}", text[body_end:end])
        if place and body_end == phrase_end:
            body_end = phrase_end = body_end + place.end()
        return start, body_end, phrase_end

    def without_members(self, text: str, span: tuple[int, int]) -> tuple[int, int]:
        """The Members of the Company: the body is the Company."""
        start, end = span
        members = _MEMBERS_OF.match(text, start, end)
        return (members.end(), end) if members and members.end() < end else span

    def owner_in(self, text: str, start: int, end: int) -> Optional[tuple[int, int]]:
        """The shortest start of a meeting's name that names a body (BCF | Board Meeting, LINCOLN
        SCHOOL COMMITTEE | MEETING), never one made of meeting-type words."""
        words = list(_WORD.finditer(text, start, end))
        if not words or words[0].group().lower() in self.types:
            return None
        for index, word in enumerate(words):
            token = word.group()
            if token.lower() in self.bodies or index == 0 and token.isupper() and 2 <= len(token) <= 4 \
                    and token.lower() not in self.types and len(words) > 1:
                end_ = word.end()
                of = re.match(r"[ ]+(?i:of)[ ]+(?:[A-Z][\w'\-]*[ ]*)+", text[end_:end])
                if of and token.lower() in self.bodies:
                    end_ = end_ + len(of.group().rstrip())  # Board of Directors | Meeting
                return (start, end_) if end_ < end else None
        return None

    def owner_before(self, text: str, meeting_start: int) -> Optional[tuple[int, int]]:
        """Planning Commission Minutes Regular Meeting: the body written before ``Minutes``."""
        match = re.search(r"((?:[A-Z][\w'\-]*[ ]+){1,8})(?:Minutes|MINUTES)[ ]+$", text[max(0, meeting_start - 100):meeting_start])
        if not match:
            return None
        start = max(0, meeting_start - 100) + match.start(1)
        words = list(_WORD.finditer(text, start, start + len(match.group(1).rstrip())))
        while words and words[0].group().lower() in ("of", "the", "for"):
            words.pop(0)  # (CITY) OF MAPLE GROVE…: the window started inside a name
        if words and words[-1].group().lower() in self.bodies:
            return words[0].start(), words[-1].end()
        return None

    def acronym(self, text: str, meeting: NamedMeeting) -> bool:
        return any(w.isupper() and 2 <= len(w) <= 5 for w in text[meeting[0]:meeting[1]].split()[:3])

    def subject_of_met(self, text: str, start: int, end: int) -> Optional[tuple[int, int]]:
        """The City Council met… / Meeting virtually on Monday, the council voted…: the body."""
        met = _MET.search(text, start, end)
        if met:
            base = max(start, met.start() - 100)
            window = text[base:met.start()]
            subject = self.body_subject.search(window)
            if subject:
                return base + subject.start("body"), base + subject.end("body")
        virtual = _VIRTUAL.search(text, start, end)
        if virtual:
            after = re.match(r"[^,]{0,60},[ ]*(?:the|The)[ ]+(?P<body>[a-z]+|[A-Z][\w\-]*(?:[ ]+[A-Z][\w\-]*)*)[ ]+[a-z]",
                             text[virtual.end():end])
            if after and after.group("body").lower() in self.bodies or after and after.group("body")[:1].isupper():
                return virtual.end() + after.start("body"), virtual.end() + after.end("body")
        return None

    # ------------------------------------------------------------------ the venue
    def field_venue(self, text: str, end: int) -> Optional[tuple[int, int, str]]:
        for field_ in _FIELD.finditer(text, 0, max(end, 1)):
            value = re.match(r"[^\n:;]{2,80}?(?=[ ]+[A-Z][a-z]+[ ]*:|[ ]+[A-Z]{2,}|\n|$|[.;])", text[field_.end():])
            if value:
                start = field_.end()
                return start, start + len(value.group().rstrip(" ,")), "en.place.venue-field"
        return None

    def venue_in(self, text: str, start: int, end: int, verb: re.Match[str]) -> Optional[tuple[int, int, str]]:
        """The place of a convening sentence, after its verb: in/at a place (not a time), through
        or via a facility, remotely through Zoom, virtually."""
        for intro in _VENUE_INTRO.finditer(text, verb.start(), end):
            v_start = intro.start() if intro.group("how") else intro.end()
            stop = _VENUE_END.search(text, v_start + 1, end)
            v_end = stop.start() if stop else end
            value = text[v_start:v_end].rstrip(" ,")
            if not value or len(value) > 90 or _TIME_OR_DATE.match(value) \
                    or value[:1].islower() and not intro.group("how") and not (
                        len(value.split()) <= 5 and self.venue_noun.search(value)):
                continue  # in lower case only a place (at the high school library), not "in session"
            if intro.group("how") or self.venue_noun.search(value) or re.search(r"\b\d{1,5}[ ]+[A-Z][a-z]", value):
                return v_start, v_start + len(value), "en.place.venue-convening"
        virtual = _VIRTUAL.search(text, start, end)
        if virtual:
            return virtual.start("how"), virtual.end("how"), "en.place.venue-virtual"
        return None

    def header_venue(self, text: str, start: int, end: int) -> Optional[tuple[int, int, str]]:
        """A part of the header, between dates, times and line ends, that names a place."""
        pos = start
        for boundary in list(re.finditer(r"\n|\d{1,2}[:. ]\d{2}(?:[ ]?[AaPp]\.?[Mm]\.?)?|\b(?:19|20)\d{2}(?:-\d{2,4})?\b|"
                                         r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", text[start:end])) + [None]:
            b_start = start + boundary.start() if boundary else end
            part = text[pos:b_start]
            stripped = part.strip(" ,-")
            if stripped and self.venue_noun.search(stripped) and not self.meeting_noun.search(stripped) \
                    and not self.body_name.fullmatch(stripped) \
                    and len(stripped) <= 80 and not re.search(r"[.;]\s", stripped):
                left = pos + len(part) - len(part.lstrip(" ,-"))
                return left, left + len(stripped), "en.place.venue-header"
            pos = start + boundary.end() if boundary else end
        return None
