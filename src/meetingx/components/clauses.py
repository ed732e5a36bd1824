"""Clauses: who chaired, who spoke and did what, what the meeting did.

Reads each sentence as clauses (split at ，and ：, not inside quotations) around the people found by
:mod:`meetingx.components.people` and the trigger verbs of ``triggers.jsonl``. This module finds the
subject of each clause (a person, a list of people, a pronoun, or the meeting itself) and the chair;
:mod:`meetingx.components.speech` reads what people said and did, :mod:`meetingx.components.agenda`
what the meeting did. Adds:

- ``CHAIR``: the person nearest before 主持 in its clause (not the principal of 受…委托), or after
  a ``主持：`` header field;
- ``SPEECH``, ``VOICE``: see :mod:`meetingx.components.speech`;
- ``AGENDA``: see :mod:`meetingx.components.agenda`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.agenda import AgendaReader, AgendaState
from meetingx.components.speech import Paragraph, SpeechReader
from meetingx.components.subjects import SENTENCE, LeadStripper, Subject, holds_pattern, text_parts
from meetingx.components.subjects import subjects as people_subjects
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import EndAnchored, match_starts

_WHEN = re.compile(r"(?:当地时间)?(?:\d{1,2}\s*[日号])?(?:上午|下午|晚上|晚)?")
_AFTER_NAME = re.compile(r"同志|等(?:人)?|们|\s")
_ENTRUSTED = re.compile(r"受[^，]{1,20}?委托")
_ENTRUSTING = re.compile("委托")
_CHAIR_VERB = re.compile(r"主持(?!人)")
#: A header field of minutes: 主持：区长王志强 / 主持人：王志强
_CHAIR_HEADER = re.compile(r"主持(?:人)?\s*：")
#: The meeting as a clause's subject, however the clause goes on (会议经表决，…; 会上，…)
_GENERIC_MEETING = re.compile(r"(?:本次|此次|这次)?(?:会议|大会|全会|峰会|论坛|座谈会|全体会议|年会)(?:上)?|会上")
#: A demonstrative that makes a named meeting this one (此次中心组会上)
_THIS_MEETING = re.compile(r"本次|此次|这次|今天的")
#: Adverbs between the meeting as a subject and its verb (会议还听取了…, 会议一致认为…)
_MEETING_ADVERBS = re.compile(r"(?:还|也|首先|同时|先后|随后|最后|一致|并|又|认真|集中)*")
#: What the meeting itself says (会议强调): the rest of the sentence is content, not agenda.
_MEETING_VOICE = re.compile(r"指出|强调|要求|认为|提出|号召|希望|表示|议定|明确|部署(?=[，：]|$)")
#: A meeting named as a clause's subject is not itself convening, chairing or attending.
_NOT_A_MEETING_SUBJECT = re.compile(r"召开|举行|主持|出席|参加|列席|会见|会谈|委员会|[将把向对就于给由和与同]")
_LEAD_IN = re.compile(r"就|对|向|同|围绕|结合|针对")
_PROSE_MARK = re.compile(r"[，：、]")
#: A sentence about another event than the meeting reported (此前…, 会前…, 闭幕会后…).
_OTHER_EVENT = EndAnchored(r"(?:此前|此后|之前|事前|会前|会后|[\u4e00-\u9fff]{0,4}(?:会|式)[前后]"
                           r"|(?:会见|会谈|会晤|会面|通话|考察|调研|参观|视察)(?:时|中|期间|前|后))$")


@dataclass
class Group:
    """People who are the subject of clause ``index``; what they do starts at ``tail``."""

    index: int
    members: list[Subject]
    tail: int


@dataclass
class Sentence:
    """A sentence as clauses, with the subject of each clause where it has one."""

    start: int
    end: int
    #: the sentence ends at ；: the next one goes on with the same business
    continued: bool
    clauses: list[tuple[int, int]]
    #: where clause i starts after its lead words (会上，首先，4月18日下午…)
    heads: list[int]
    #: where the meeting as clause i's subject ends (会议, 委员长会议, 此次中心组会上), else None
    meetings: list[Optional[int]]
    #: whether the meeting itself speaks in clause i (会议强调，…)
    voiced: list[bool]
    groups: list[Group] = field(default_factory=list)
    #: the first clause that is what someone said (after 指出，/会议强调，), len(clauses) if none
    content_from: int = 0
    #: the sentence reports another event (此前…, 会前…): no speech, no agenda of this meeting
    other_event: bool = False
    #: a line of its own without punctuation (a headline, a subheading, a caption): it names acts
    #: that the prose reports in full
    heading: bool = False

    def group_at(self, index: int) -> Optional[Group]:
        """The group whose subject clause ``index`` has (``groups`` is in clause order: looked up,
        not scanned, as every clause of a long sentence asks)."""
        found = bisect_left(self.groups, index, key=lambda group: group.index)
        return self.groups[found] if found < len(self.groups) and self.groups[found].index == index else None


class ClauseFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.strip_lead = LeadStripper(lexicon)
        self.speech = SpeechReader(lexicon)
        self.agenda = AgendaReader(lexicon)
        # a meeting noun (read with match_starts: every one starting at each position, so that they may overlap)
        self.meeting_nouns = re.compile(lexicon.alternation("meeting_nouns.txt"))
        self.verb_after_meeting = re.compile(word_pattern(lexicon.verbs("agenda", "speech", "present")))
        self.any_verb = re.compile(word_pattern(lexicon.triggers))
        self.holds = holds_pattern(lexicon)
        # a body other than a person or the meeting saying something (决议指出，通知要求，): content follows
        self.other_voice = re.compile(rf"[^，：]{{1,12}}?(?:{word_pattern(lexicon.verbs('content'))})$")

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        #: every run of three characters of a meeting the document convenes
        self.meeting_runs = {text[c.start + i:c.start + i + 3] for c in candidates(doc, "MEETING")
                             for i in range(c.end - c.start - 2)}
        subjects = people_subjects(doc)
        subject_starts = [s.start for s in subjects]
        all_clauses = text_parts(doc).clauses
        body_start = min((c.start for c in candidates(doc, "BODY")), default=0)
        last_subject: Optional[Subject] = None  # whom 他/她 refers to
        paragraph = Paragraph()
        other_event = False  # the paragraph is about another event so far (会见时，…。对方表示…)
        agenda_state = AgendaState()
        for match in SENTENCE.finditer(text):
            s_start, s_end = match.span()
            words = match.group()  # for cheap checks of whether a rule can apply at all
            if s_start == 0 or text[s_start - 1] == "\n":
                paragraph = Paragraph(instructors=paragraph.instructors)
                other_event = False
            first = bisect_left(subject_starts, s_start)
            last = bisect_left(subject_starts, s_end, first)
            inside = [s for s in subjects[first:last] if s.end <= s_end]
            sentence = self.read_sentence(text, s_start, s_end, all_clauses.starting_in(s_start, s_end),
                                          "会" in words)
            if not sentence.clauses:
                continue  # white space only
            chair = self.find_chairs(doc, text, sentence.clauses, inside) if "主持" in words else None
            sentence.groups = self.subject_groups(text, sentence, inside) if inside else []
            if "他" in words or "她" in words:
                sentence.groups = sorted(sentence.groups + self.pronoun_groups(text, sentence, last_subject),
                                         key=lambda group: group.index)
            if paragraph.in_content and sentence.meetings[0] is None and sentence.group_at(0) is None:
                sentence.content_from = 0  # 他强调，…。要…: what he said goes on
            for index, (head, (_, c_end)) in enumerate(zip(sentence.heads, sentence.clauses)):
                if index < sentence.content_from and sentence.meetings[index] is None \
                        and sentence.group_at(index) is None and self.other_voice.fullmatch(text, head, c_end):
                    sentence.content_from = index + 1  # 决议指出，…: what the resolution says
                    break
            if sentence.groups:
                last_subject = sentence.groups[-1].members[-1]
            elif chair is not None:
                last_subject = chair  # 会议由王某主持。他指出…
            if sentence.other_event:
                other_event = True
            elif sentence.meetings[0] is not None or self.holds.search(text, s_start, s_end):
                other_event = False
            sentence.other_event = other_event
            if not sentence.other_event:
                self.speech.read(doc, text, sentence, paragraph, inside)
                if s_end > body_start and not sentence.heading:
                    self.agenda.read(doc, text, sentence, agenda_state)
            paragraph.in_content = sentence.content_from < len(sentence.clauses)
            agenda_state.after(sentence)
        return doc

    def read_sentence(self, text: str, start: int, end: int, clauses: list[tuple[int, int]],
                      has_meeting_word: bool) -> Sentence:
        heads = [self.strip_lead(text, c_start, c_end) for c_start, c_end in clauses]
        meetings: list[Optional[int]] = [None] * len(clauses)
        voiced = [False] * len(clauses)
        if has_meeting_word:  # every name of the meeting as a subject (会议, 会上…) holds 会
            for index, (head, (_, c_end)) in enumerate(zip(heads, clauses)):
                meetings[index] = self.meeting_subject_end(text, head, c_end)
                if meetings[index] is not None:
                    voiced[index] = _MEETING_VOICE.match(text, meetings[index], c_end) is not None
        sentence = Sentence(start, end, text[end:end + 1] == "；", clauses, heads, meetings, voiced,
                            other_event=len(clauses) > 1 and _OTHER_EVENT.search(text, *clauses[0]) is not None)
        sentence.content_from = voiced.index(True) + 1 if True in voiced else len(clauses)
        sentence.heading = (start == 0 or text[start - 1] == "\n") and text[end:end + 1] in ("\n", "") \
            and end - start <= 60 and not _PROSE_MARK.search(text, start, end)
        return sentence

    def meeting_subject_end(self, text: str, head: int, end: int) -> Optional[int]:
        """Where the meeting as the subject of a clause ends: 会议, 会上, 大会 whatever follows; a
        named meeting (委员长会议, 此次中心组会上: up to 18 characters ending in a meeting noun, with
        no verb in it) when it is this meeting (a demonstrative, or a name the document convenes)
        and an act, a lead-in or a voice follows (or the clause ends: …会上，); else None."""
        generic = _GENERIC_MEETING.match(text, head, end)
        if generic:
            pos = _MEETING_ADVERBS.match(text, generic.end(), end).end()
            verb = self.verb_after_meeting.match(text, pos, end)
            return None if verb and text.startswith("的", verb.end()) else pos  # 会议确定的…: a modifier
        limit = min(end, head + 18)
        for noun in match_starts(self.meeting_nouns, text, head, limit):
            noun_end = noun.end()
            if noun_end > limit or _NOT_A_MEETING_SUBJECT.search(text, head, noun_end) \
                    or self.any_verb.search(text, head, noun.start()):
                continue
            if text.startswith("上", noun_end):
                noun_end += 1
            pos = _MEETING_ADVERBS.match(text, noun_end, end).end()
            verb = self.verb_after_meeting.match(text, pos, end)
            if verb and text.startswith("的", verb.end()):
                continue  # 委员长会议建议的议程: a modifier, not the subject
            acts = pos == end and text[noun_end - 1] == "上" or verb or _LEAD_IN.match(text, pos, end) \
                or _MEETING_VOICE.match(text, pos, end)
            if acts and self.is_this_meeting(text[head:noun_end]):
                return pos
        return None

    def is_this_meeting(self, phrase: str) -> bool:
        """Whether a meeting named as a subject is the one reported: 此次…会, or a name sharing three
        characters with a meeting the document convenes (委员长会议建议…)."""
        phrase = phrase.removesuffix("上")
        return bool(_THIS_MEETING.match(phrase)) or any(
            phrase[i:i + 3] in self.meeting_runs for i in range(len(phrase) - 2))

    def find_chairs(self, doc: Doc, text: str, clauses: list[tuple[int, int]],
                    subjects: list[Subject]) -> Optional[Subject]:
        """Adds ``CHAIR`` candidates; returns the last chair found in these clauses. (The people
        before a 主持 are looked up from it backwards, so that a sentence of many costs no more.)"""
        found: Optional[Subject] = None
        starts = [s.start for s in subjects]
        entrusting = [m.start() for m in _ENTRUSTING.finditer(text, clauses[0][0], clauses[-1][1])] if clauses else []
        for c_start, c_end in clauses:
            for host in _CHAIR_VERB.finditer(text, c_start, c_end):
                pos = host.start()
                # the last 委托 that ends before the verb: a person before it was the principal
                entrusting_before = bisect_right(entrusting, pos - 2)
                entrusted = entrusting[entrusting_before - 1] if entrusting_before else -1
                before = (s for s in (subjects[i] for i in range(bisect_left(starts, pos) - 1,
                                                                   bisect_left(starts, c_start) - 1, -1))
                          if s.end <= pos and entrusted < s.end and not text.startswith("受", s.start - 1))
                last = next(before, None)  # the people before the verb are read from it back
                if last is None:
                    continue
                found = last
                if text.endswith("共同", c_start, pos):
                    # 赵乐际同俄罗斯国家杜马主席沃洛金共同主持: each of them chairs
                    for person in [*reversed(list(before)), last]:
                        add_candidate(doc, "CHAIR", person.name_start, person.name_end, "clause.chair-together",
                                      0.85, alias=person.alias)
                    continue
                add_candidate(doc, "CHAIR", found.name_start, found.name_end, "clause.chair-zhuchi", 0.9,
                              alias=found.alias)
        if clauses:
            for header in _CHAIR_HEADER.finditer(text, clauses[0][0], clauses[-1][1]):
                after = header.end()
                following = bisect_left(starts, after)
                person = subjects[following] if following < len(subjects) and starts[following] < after + 20 \
                    else None
                if person is not None:
                    found = person
                    add_candidate(doc, "CHAIR", person.name_start, person.name_end, "clause.chair-header", 0.9,
                                  alias=person.alias)
        return found

    def subject_groups(self, text: str, sentence: Sentence, subjects: list[Subject]) -> list[Group]:
        """Every clause whose subject is people: a mention at the clause start (after lead words,
        dates and 受…委托), or a list of them, also a list that runs over clauses
        (甲主席张三，乙主席李四，丙代表王五在大会上发言)."""
        groups = []
        pending: list[Subject] = []
        # a clause's members are looked up: those that start in it, and those whose roles (at most
        # the longest of the sentence) begin before it
        starts = [s.start for s in subjects]
        longest_roles = max(s.name_start - s.start for s in subjects)
        for index, ((c_start, c_end), head) in enumerate(zip(sentence.clauses, sentence.heads)):
            entrusted = _ENTRUSTED.match(text, head, c_end)
            if entrusted:
                head = self.strip_lead(text, entrusted.end(), c_end)
            members = [s for s in subjects[bisect_left(starts, c_start - longest_roles):bisect_left(starts, c_end)]
                       if s.name_start >= c_start]
            if not members and pending and c_end - c_start <= 12 and text[c_end:c_end + 1] == "，" \
                    and not self.any_verb.search(text, c_start, c_end):
                continue  # 甲主席张三，台湾青年李四，丙主席王五在大会上发言: a name not read goes by
            if not members or not (c_start <= members[0].start <= head <= members[0].name_start
                                   or members[0].start < c_start <= members[0].name_start):
                pending = []
                continue
            group = [members[0]]
            for nxt in members[1:]:
                gap = text[group[-1].end:nxt.start]
                if gap in ("、", "和", "及", "以及", "与") or gap.endswith("、"):
                    group.append(nxt)
                else:
                    break
            tail = group[-1].end
            while True:  # 同志, 等, and when (23日, 当地时间27日下午) stand between the name and the act
                skip = _AFTER_NAME.match(text, tail, c_end) or _WHEN.match(text, tail, c_end)
                if not skip or skip.end() == tail:
                    break
                tail = skip.end()
            if tail >= c_end and text[c_end:c_end + 1] == "，":
                pending += group  # only names here: the list goes on after the comma
                continue
            groups.append(Group(index, pending + group, tail))
            pending = []
        return groups

    @staticmethod
    def pronoun_groups(text: str, sentence: Sentence, last_subject: Optional[Subject]) -> list[Group]:
        """他指出/她强调 at the head of a clause: the person who was the subject last."""
        found = []
        subject_of = {group.index: group.members[-1] for group in sentence.groups}
        for index, head in enumerate(sentence.heads):
            if index in subject_of:
                last_subject = subject_of[index]
                continue
            if last_subject is None or text[head:head + 1] not in ("他", "她") \
                    or text[head + 1:head + 2] in ("们", "人"):
                continue
            found.append(Group(index, [last_subject], head + 1))
        return found
