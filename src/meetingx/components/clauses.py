"""Clauses: who chaired, who spoke, what the meeting did.

Reads each sentence as clauses (split at ，and ：) around the people found by
:mod:`meetingx.components.people` and the trigger verbs of ``triggers.jsonl``, and adds:

- ``CHAIR``: the person nearest before 主持 in its clause (not the principal of 受…委托);
- ``SPEECH``: a person (or a list of people: X、Y等) in subject position whose clause holds a speech
  verb; the span is the speech as written, from after the name to the end of the clause;
- ``AGENDA``: a clause saying what the meeting did, from its predicate (or 就/对 lead-in);
- ``VOICE``: who is speaking from here on (a person, or ``None`` where 会议强调/要求), for the issuer
  of numbered directives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.components.subjects import CLAUSE, SENTENCE, LeadStripper, Subject
from meetingx.components.subjects import subjects as people_subjects
from meetingx.positions import SortedSpans

#: What the meeting itself says (会议强调): the rest of the sentence is content, not agenda.
_MEETING_SUBJECT = re.compile(r"(?:本次)?(?:会议|会上|座谈会|大会|全会|会议上)(?:还|也|首先|同时|先后|随后|最后|一致)?")
_MEETING_VOICE = re.compile(r"(?:指出|强调|要求|认为|提出|号召|希望|表示|议定|明确|部署)")
_SPEECH_ONLY = re.compile(r"讲话|发言|指出|强调|要求|希望|表示|致辞|认为")
#: Words of sequence before a predicate, left out of an agenda item (首先传达了… -> 传达了…).
_SEQUENCE = re.compile(r"(?:首先|其次|还|并|又|也|同时|先后|分别|随后|接着|然后|最后|一起|共同)+")
#: Words of manner that belong to the predicate (深入学习贯彻…).
_MANNER = re.compile(r"(?:深入|认真|集中|专题|详细|系统|全面|重点|进一步|逐项|原则|及时|专门)+")
#: Where an agenda clause holds more than one act, split before each (传达…、通报了…、传达了…).
_LEAD_IN = re.compile(r"[就对向同]")
_MADE = re.compile(r"作|做|发表|进行")
_WHEN = re.compile(r"(?:当地时间)?(?:\d{1,2}\s*[日号])?(?:上午|下午|晚上|晚)?")
_AFTER_NAME = re.compile(r"同志|等(?:人)?|们|\s")
_ENTRUSTED = re.compile(r"受[^，]{1,20}?委托")
_CHAIR_VERB = re.compile(r"主持(?!人)")
#: A header field of minutes: 主持：区长王志强 / 主持人：王志强
_CHAIR_HEADER = re.compile(r"主持(?:人)?\s*：")
_INSTRUCTED = re.compile(r"(?:作出|做出)[^，]{0,4}指示")
_CONVENED = re.compile(r"主持|召开|举行|的(?:重要)?(?:讲话|指示|论述|批示)")
_HEARD = re.compile(r"听取了?")
_REPORTED = re.compile(r"汇报|报告|介绍|说明")
_CONVENE = re.compile(r"召开|举行")
_CONVENE_OR_CHAIR = re.compile(r"召开|举行|主持")
#: A clause that is only a verb of deciding, whose object is the next clause (决定，…).
_DECIDE = ("决定", "建议", "同意", "要求")
_ACT_DONE = re.compile(r"(?:进行|作|做)了?[^，]{0,6}(?:部署|安排|说明|解读|通报|汇报|介绍|研究|讨论|动员)")


class ClauseFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.speech_re = re.compile(word_pattern(lexicon.verbs("speech")))
        self.agenda_re = re.compile(word_pattern(lexicon.verbs("agenda")))
        self.done_re = re.compile(rf"(?:{self.agenda_re.pattern})了")  # 研究了, 传达了: an act done
        # lead words and dates before a clause's subject (会上，4月18日下午，首先…)
        self.strip_lead = LeadStripper(lexicon)

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        subjects = people_subjects(doc)
        subject_starts = [s.start for s in subjects]
        all_clauses = SortedSpans([m.span() for m in CLAUSE.finditer(text)])
        body_start = min((c.start for c in candidates(doc, "BODY")), default=0)
        last_subject: Optional[Subject] = None  # whom 他/她 refers to
        for sentence in SENTENCE.finditer(text):
            s_start, s_end = sentence.span()
            words = sentence.group()  # for cheap checks of whether a rule can apply at all
            first = bisect_left(subject_starts, s_start)
            last = bisect_left(subject_starts, s_end, first)
            inside = [s for s in subjects[first:last] if s.end <= s_end]
            clauses = all_clauses.starting_in(s_start, s_end)
            heads = [self.strip_lead(text, c_start, c_end) for c_start, c_end in clauses]
            if "会" in words:
                meetings = [_MEETING_SUBJECT.match(text, head, c_end) for head, (_, c_end) in zip(heads, clauses)]
                voiced = [meeting is not None and _MEETING_VOICE.match(text, meeting.end(), c_end) is not None
                          for meeting, (_, c_end) in zip(meetings, clauses)]
            else:  # every name of the meeting as a subject (会议, 会上…) holds 会
                meetings, voiced = [None] * len(clauses), [False] * len(clauses)
            chair = self.find_chairs(doc, text, clauses, inside) if "主持" in words else None
            groups = self.subject_groups(text, clauses, heads, inside) if inside else []
            if True in voiced:
                # 会议指出，习近平总书记的重要讲话…: the rest of the sentence is what the meeting said
                first_voiced = voiced.index(True)
                groups = [g for g in groups if g[0] <= first_voiced]
            if "他" in words or "她" in words:
                pronouns = self.pronoun_groups(text, heads, groups, last_subject)
                groups = sorted(groups + pronouns, key=lambda group: group[0])
            if groups:
                last_subject = groups[-1][1][-1]
            elif chair is not None:
                last_subject = chair  # 会议由王某主持。他指出…
            self.find_speeches(doc, text, words, clauses, heads, voiced, groups, inside)
            if s_end > body_start:
                self.find_agenda(doc, text, clauses, heads, meetings, voiced, groups)
        return doc

    def find_chairs(self, doc: Doc, text: str, clauses: list[tuple[int, int]],
                    subjects: list[Subject]) -> Optional[Subject]:
        """Adds ``CHAIR`` candidates; returns the last chair found in these clauses."""
        found: Optional[Subject] = None
        for c_start, c_end in clauses:
            for host in _CHAIR_VERB.finditer(text, c_start, c_end):
                pos = host.start()
                before = [s for s in subjects if c_start <= s.start and s.end <= pos
                          and "委托" not in text[s.end:pos] and not text.startswith("受", s.start - 1)]
                if before:
                    found = before[-1]
                    add_candidate(doc, "CHAIR", found.name_start, found.name_end, "clause.chair-zhuchi", 0.9,
                                  alias=found.alias)
        if clauses:
            for header in _CHAIR_HEADER.finditer(text, clauses[0][0], clauses[-1][1]):
                after = header.end()
                person = next((s for s in subjects if after <= s.start < after + 20), None)
                if person is not None:
                    found = person
                    add_candidate(doc, "CHAIR", person.name_start, person.name_end, "clause.chair-header", 0.9,
                                  alias=person.alias)
        return found

    def subject_groups(self, text: str, clauses: list[tuple[int, int]], heads: list[int],
                       subjects: list[Subject]) -> list[tuple[int, list[Subject], int]]:
        """(clause index, subjects, tail start) for every clause whose subject is people:
        a mention at the clause start (after lead words, dates and 受…委托), or a list of them,
        also a list that runs over clauses (甲主席张三，乙主席李四，丙代表王五在大会上发言).
        ``heads[i]`` is where clause i starts after its lead words."""
        groups = []
        pending: list[Subject] = []
        for index, ((c_start, c_end), head) in enumerate(zip(clauses, heads)):
            entrusted = _ENTRUSTED.match(text, head, c_end)
            if entrusted:
                head = self.strip_lead(text, entrusted.end(), c_end)
            members = [s for s in subjects if s.name_start >= c_start and s.start < c_end]
            if not members or not (members[0].start == head or members[0].start < c_start <= members[0].name_start):
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
            groups.append((index, pending + group, tail))
            pending = []
        return groups

    def pronoun_groups(self, text: str, heads: list[int], groups: list[tuple[int, list[Subject], int]],
                       last_subject: Optional[Subject]) -> list[tuple[int, list[Subject], int]]:
        """他指出/她强调 at the head of a clause: the person who was the subject last."""
        found = []
        subject_of = {index: group[-1] for index, group, _ in groups}
        for index, head in enumerate(heads):
            if index in subject_of:
                last_subject = subject_of[index]
                continue
            if last_subject is None or text[head:head + 1] not in ("他", "她") \
                    or text[head + 1:head + 2] in ("们", "人"):
                continue
            found.append((index, [last_subject], head + 1))
        return found

    def speech_verb(self, text: str, start: int, end: int) -> Optional[re.Match[str]]:
        """The first speech verb in text[start:end] that is a verb, not a noun (的讲话, 重要讲话)."""
        for verb in self.speech_re.finditer(text, start, end):
            before = text[max(start, verb.start() - 6):verb.start()]
            made = _MADE.search(text, start, verb.start()) is not None  # 作了关于…的说明: an act
            if not made and (before.endswith("的") or before.endswith("重要")):
                continue
            return verb
        return None

    def find_speeches(self, doc: Doc, text: str, words: str, clauses: list[tuple[int, int]],
                      heads: list[int], voiced: list[bool], groups: list[tuple[int, list[Subject], int]],
                      subjects: list[Subject]) -> None:
        """In the sentence ``words``: ``heads[i]`` is where clause i starts after its lead words,
        ``voiced[i]`` whether the meeting itself speaks in it (会议强调)."""
        with_subject = {index for index, _, _ in groups}
        for index, group, tail in groups:
            c_end = clauses[index][1]
            if text.startswith("委托", tail) or _INSTRUCTED.search(text, tail, c_end):
                continue  # 作出指示 from elsewhere is not speaking at the meeting
            verb = self.speech_verb(text, tail, c_end)
            # the subject carries over to the following clauses that have none of their own, unless it
            # convened the meeting (李强主持召开…，研究部署…: what follows is the meeting's business)
            follow = index + 1
            convened = _CONVENED.search(text, tail, c_end) is not None
            while verb is None and not convened and follow < len(clauses) and follow not in with_subject:
                f_start, f_end = clauses[follow]
                verb = self.speech_verb(text, f_start, f_end)
                if verb is not None:
                    sequence = _SEQUENCE.match(text, f_start, f_end)
                    tail, c_end = (sequence.end() if sequence else f_start), f_end
                follow += 1
            if verb is None:
                continue
            for person in group:
                add_candidate(doc, "SPEECH", tail, c_end, "clause.subject-speech", 0.85,
                              name_start=person.name_start, name_end=person.name_end, alias=person.alias)
            add_candidate(doc, "VOICE", group[0].start, c_end, "clause.person-voice", 0.8,
                          name_start=group[-1].name_start, name_end=group[-1].name_end, alias=group[-1].alias)
        # 会议听取了X关于…的汇报: X reported
        if "听取" in words:
            for c_start, c_end in clauses:
                for heard in _HEARD.finditer(text, c_start, c_end):
                    after = heard.end()
                    person = next((s for s in subjects if s.start == after and not s.alias), None)
                    if person is None:
                        continue
                    tail = person.end + (2 if text.startswith("同志", person.end) else 0)
                    if _REPORTED.search(text, tail, c_end):
                        add_candidate(doc, "SPEECH", tail, c_end, "clause.heard-report", 0.8,
                                      name_start=person.name_start, name_end=person.name_end, alias=None)
        # 会议强调/要求: the meeting's own voice
        for (_, c_end), head, meeting_speaks in zip(clauses, heads, voiced):
            if meeting_speaks:
                add_candidate(doc, "VOICE", head, c_end, "clause.meeting-voice", 0.8, name_start=None,
                              name_end=None, alias=None)

    def find_agenda(self, doc: Doc, text: str, clauses: list[tuple[int, int]], heads: list[int],
                    meetings: list[Optional[re.Match[str]]], voiced: list[bool],
                    groups: list[tuple[int, list[Subject], int]]) -> None:
        """``heads[i]`` is where clause i starts after its lead words, ``meetings[i]`` the meeting
        as its subject (会议, 会上) if any, ``voiced[i]`` whether the meeting speaks in it."""
        by_clause = {index: tail for index, _, tail in groups}
        active = False  # an agenda run continues over the following clauses
        for index, (c_start, c_end) in enumerate(clauses):
            head, meeting = heads[index], meetings[index]
            if meeting and meeting.end() < c_end:
                if voiced[index]:
                    return  # the rest of the sentence is what the meeting said
                head, active = meeting.end(), True
            elif index in by_clause:
                head, active = by_clause[index], True
            elif _CONVENE.search(text, c_start, c_end):
                active = True
                continue
            elif index == 0 and self.agenda_start(text, head, c_end) is not None \
                    and self.done_re.search(text, head, c_end):
                active = True  # a sentence that starts with what was done (审议了…, 研究部署了…)
            if not active:
                continue
            start = self.agenda_start(text, head, c_end)
            if start is not None and index in by_clause and text.startswith("建议", start):
                continue  # 某某委员建议，…: a speaker's proposal, not an act of the meeting
            if start is None:
                if _SPEECH_ONLY.search(text, head, c_end) and not _CONVENE_OR_CHAIR.search(text, head, c_end):
                    return  # what follows is the content of a speech
                continue
            end = c_end
            if text[c_end:c_end + 1] == "，" and text[start:c_end] in _DECIDE:
                following = [c for c in clauses if c[0] > c_end]
                if following:
                    end = following[0][1]
            for item_start, item_end in self.split_acts(text, start, end):
                add_candidate(doc, "AGENDA", item_start, item_end, "clause.agenda", 0.75)

    def split_acts(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """传达…精神、通报了…情况、传达了…精神: one item per act joined by 、."""
        cuts = [start]
        sep = text.find("、", start, end)
        while sep >= 0:
            pos = sep + 1
            sep = text.find("、", pos, end)
            verb = self.agenda_re.match(text, pos, end)
            if verb and (text.startswith("了", verb.end()) or text[verb.end():verb.end() + 2] in ("学习", "部署")):
                cuts.append(pos)
        bounds = cuts + [end + 1]
        return [(a, b - 1) for a, b in zip(bounds, bounds[1:]) if b - 1 > a]

    def agenda_start(self, text: str, head: int, end: int) -> Optional[int]:
        """Where an agenda item starts in a clause (its verb, with words of manner, or a 就/对/向
        lead-in), or None when the clause does not report an act of the meeting."""
        sequence = _SEQUENCE.match(text, head, end)
        start = sequence.end() if sequence else head
        manner = _MANNER.match(text, start, end)
        pos = manner.end() if manner else start
        if self.agenda_re.match(text, pos, end):
            return start
        if _LEAD_IN.match(text, pos) and _ACT_DONE.search(text, pos, end):
            return pos
        done = self.done_re.search(text, pos, end)
        if done and done.start() - pos <= 30 and not _SPEECH_ONLY.search(text, pos, done.start()):
            return pos
        return None
