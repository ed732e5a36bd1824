"""Convening clauses: who holds which meeting where.

For every convening verb (召开, 举行, 开幕… from ``triggers.jsonl``) the clause around it is read as
``[subject][date][在/于 venue][主持]verb[meeting]``. Adds ``VENUE`` (the place after 在/于, unless it
holds a word from ``venue_blockers.txt``, or a ``地点：`` line), ``MEETING`` (the object of the verb
cut after its last word from ``meeting_nouns.txt``, or a subject that is itself a meeting) and
``ORG`` (a subject that is neither a meeting nor a person). Every candidate carries ``clause``, the
(start, end) of the convening clause, so that assembly can keep a meeting's facts together.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.components.speech import first_verb
from meetingx.components.subjects import text_parts
from meetingx.positions import EndAnchored, Occurrences, Segments, SortedSpans, after_last_mark, match_starts

#: Clauses end at punctuation, and at a space (what separates the parts of a headline).
_CLAUSE_BOUNDARY = re.compile(r"[，。；：！？\n ]")
_DATE_PREFIX = re.compile(r"^(?:\d{1,4}\s*[年月日号]\s*|[上下]午|晚上?|今天|近日|日前|（[^）]{0,6}）)+")
#: Bodies whose names end like a meeting's (…委员会, …协会) but hold meetings rather than being one.
_BODY_NOUN = re.compile(r"(?:委员会|协会|学会|商会|工会|联合会|研究会|基金会|董事会|监事会|理事会|促进会|总会)$")
#: A subject that is not a body: quoted, cut off after a function word, or holding a verb.
_NOT_A_BODY = re.compile(r"[《》“”\"]|[并将和的关在于对就]$|调研|考察|出席|会见|讲话|指出|强调")
#: 由中国人民对外友好协会和马来西亚驻华大使馆共同举办: the hosts, named as such; a time or place
#: after them is not theirs (由西安市于6月主办, 由市外办在会展中心承办)
_HOSTS = re.compile(r"由([^，。；由]{2,40}?)(?:[于在][^，。；]{1,20}?)?(?:联合|共同)?(?:主办|举办|承办)")
#: Before 由: the hosts of a meeting to come or agreed on (各方商定由中方主办下届峰会), not this one's
_OTHER_HOSTING = re.compile(r"商定|约定|同意|将由|拟由|即将|将于|拟于|下一?届|下次|明年|来年")
#: How far back from 由 a sentence is read for them
_HOSTING_REACH = 60
#: Before a convening verb: the meeting is decided or announced, not held (决定…召开, 将于…举行).
_NOT_YET = re.compile(r"决定|即将|将于|将在|拟于|拟在|定于|计划于|准备于|预计于")
#: 出席 not after 在 (written with 出席 first, so that re can skip ahead to it)
_ATTEND_VERB = re.compile(r"出席(?<!在出席)了?")
#: 主持 a named meeting, not 主持召开 (read as convening) nor 主持人
_CHAIR_VERB = re.compile(r"主持(?!召开|举行|人|词)了?")
#: A meeting name that starts with its owner: 集团公司 + 第三届董事会第五次会议
_OWNED_MEETING = re.compile(r"(?P<owner>[\u4e00-\u9fff]{2,20}?(?:公司|集团|银行))(?=第[一二三四五六七八九十百\d]+届)")
_ADVERBS = EndAnchored(r"(?:隆重|顺利|胜利|正式|再次|首次|专门|集中|主持|联合|分别|共同|(?:(?<=会议)|(?<=会))组织"
                       # a manner: 以线上和线下相结合的方式, 以视频会议形式, 通过视频方式
                       r"|(?:以|通过|采取|采用)[^，。、；]{1,20}?(?:方式|形式))+$", reach=40)
_MINUTES_TITLE = re.compile(r"(.+)纪要$")
_VENUE_HEADER = re.compile(r"(?:会议)?地点\s*：\s*([^\n。；，]{2,40})")
_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
#: What ends a venue before the verb: a manner (以视频方式) or a partner (同…, 与…, 和…)
#: What ends a venue before the verb: a manner (以视频方式) or a partner doing it together (同…共同,
#: 与…一起); a place name may hold 和 or 与 (新疆和田, 和平区)
_AFTER_VENUE = re.compile(r"(?:以|通过)[^，。]{0,20}(?:方式|形式)|(?:同|与|和)(?=[^，。]{1,30}?(?:共同|一起|一道|联合))")
#: How far before its verb a venue's 在/于 is read (a venue is at most 30 characters, with a manner
#: or a date after it)
_VENUE_REACH = 200
_VENUE_MARK = re.compile("[在于]")
_HOST = re.compile("主持")
#: Not a place but a time or an occasion: 会议上, 会上, …期间时, 23日
_NOT_A_VENUE = re.compile(r"会议上|会上|[上中下时后前]$|\d{1,2}[日号]$")


@dataclass(frozen=True)
class Lookups:
    """A document's spans the convening clauses are read against."""

    #: the people's mentions, roles included (a subject that is a person)
    people: SortedSpans
    #: the people's names alone (a venue holds none; a role read too far back may reach into it)
    names: SortedSpans
    dates: SortedSpans
    #: quotations and titles (a name's comma, a noun inside 《…》)
    quoted: SortedSpans
    #: the meeting nouns outside them
    nouns: "MeetingNouns"
    #: what each verb asks of its clause, looked up rather than read again for every verb in it:
    #: a meeting to come (将于…), a chair (…主持召开), the last 在/于 before it
    not_yet: Occurrences
    hosts: Occurrences
    venue_marks: list[int]
    #: the quotations' lengths added up, in order (they do not overlap), and where each ends
    quoted_lengths: list[int]
    quote_ends: list[int]


class PlaceFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        verbs = lexicon.verbs("convene")
        self.verb_re = re.compile(rf"(?:{word_pattern(verbs)})了?")
        nouns = lexicon.alternation("meeting_nouns.txt")
        # a meeting noun (read with match_starts: every one starting at each position, so that they may
        # overlap); not the 大会 of 人民大会堂
        self.meeting_nouns = re.compile(rf"(?:{nouns})(?!堂)")
        self.blockers = lexicon.words("venue_blockers.txt")
        self.person_act_re = re.compile(word_pattern(lexicon.verbs("chair", "speech", "attend")))
        # a subject that ends in a title is an officer, not a body (常务副校长, 县委书记)
        self.a_role = re.compile(rf"(?:{lexicon.alternation('titles.txt')})$")
        # an act done right after the meeting's name (…学习会集中学习了…)
        agenda_verbs = lexicon.verbs("agenda")
        self.act_after = re.compile(rf"(?:集中|认真|深入|专题)?(?:{word_pattern(agenda_verbs)})(?:产生|通过)?了")
        #: how far a meeting noun and the act after it reach from where the noun starts
        self.noun_reach = max(map(len, lexicon.words("meeting_nouns.txt")), default=0) \
            + 2 + max(map(len, agenda_verbs), default=0) + 3

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        spans = self.lookups(doc)
        body = min((c.start for c in candidates(doc, "BODY")), default=0)
        clauses = Segments(text, _CLAUSE_BOUNDARY)
        for verb in _ATTEND_VERB.finditer(text):
            # 王沪宁23日在京出席…座谈会: a meeting its leader attends, where no clause convenes it
            clause_start, clause_end = clauses.start_of(verb.start()), clauses.end_of(verb.end())
            if self.read_object(doc, text, verb.end(), clause_end, (clause_start, clause_end), spans,
                                "place.meeting-attended"):
                self.read_venue(doc, text, clause_start, verb.start(), (clause_start, clause_end), spans)
        for verb in _CHAIR_VERB.finditer(text):
            # 赵乐际…在人民大会堂同…共同主持中俄议会合作委员会第十次会议: the meeting its chair holds
            clause_start, clause_end = clauses.start_of(verb.start()), clauses.end_of(verb.end())
            if self.read_object(doc, text, verb.end(), clause_end, (clause_start, clause_end), spans,
                                "place.meeting-chaired"):
                self.read_venue(doc, text, clause_start, verb.start(), (clause_start, clause_end), spans)
        for verb in self.verb_re.finditer(text):
            clause_start = clauses.start_of(verb.start())
            if clause_start < body <= verb.start():
                clause_start = body  # a headline glued to the dateline is not the subject
            clause_end = clauses.end_of(verb.end())
            for q_start, q_end in spans.quoted.overlapping(clause_end, clause_end + 1):
                if q_start < clause_end:  # a comma inside a quoted name: 召开“…，…”专题民主生活会
                    clause_end = clauses.end_of(q_end)
            if verb.start() < body < clause_end:
                clause_end = body  # …举行首次部长会议新华网…电: the headline's object ends where the body starts
            if spans.not_yet.search(clause_start, verb.start()):
                continue  # 决定6月下旬在北京召开…, 即将召开的…: a meeting to come, not this one
            clause = (clause_start, clause_end)
            has_object = self.read_object(doc, text, verb.end(), clause_end, clause, spans)
            self.read_subject(doc, text, clause_start, verb.start(), clause, spans, has_object)
        for hosts in _HOSTS.finditer(text, body):
            if not self.hosts_another_meeting(text, hosts.start()):
                add_candidate(doc, "ORG", hosts.start(1), hosts.end(1), "place.hosts", 0.8,
                              clause=(hosts.start(), hosts.end()))
        for title in candidates(doc, "TITLE"):
            # 区政府第十二次常务会议纪要: the minutes of a named meeting
            minutes = _MINUTES_TITLE.match(text[title.start:title.end])
            if minutes and self.ends_with_meeting(text[title.start:title.start + minutes.end(1)]):
                add_candidate(doc, "MEETING", title.start, title.start + minutes.end(1), "place.minutes-title", 0.85,
                              clause=(title.start, title.end))
        for match in _VENUE_HEADER.finditer(text) if "地点" in text else ():
            end = match.end(1)
            following = self.lexicon.header_cue.search(text, match.start(1), end)
            if following:
                end = following.start()  # a header flattened into one line: 地点：…主持：…
            end = match.start(1) + len(text[match.start(1):end].rstrip())
            if end > match.start(1):
                add_candidate(doc, "VENUE", match.start(1), end, "place.venue-header", 0.95,
                              clause=(match.start(), match.end()))
        return doc

    @staticmethod
    def hosts_another_meeting(text: str, by: int) -> bool:
        """Whether the sentence before the 由 at ``by`` makes the hosts those of a meeting to come or
        agreed on (read back at most :data:`_HOSTING_REACH` characters)."""
        reach = max(0, by - _HOSTING_REACH)
        sentence = after_last_mark(text, "。；\n", reach, by)
        return _OTHER_HOSTING.search(text, sentence, by + 1) is not None

    def lookups(self, doc: Doc) -> Lookups:
        """The document's spans the convening clauses are read against."""
        text = doc._.mx_text.folded
        quoted = text_parts(doc).quotations
        return Lookups(
            people=SortedSpans([(c.data["span_start"], c.end) for c in candidates(doc, "PERSON")]),
            names=SortedSpans([(c.start, c.end) for c in candidates(doc, "PERSON")]),
            dates=SortedSpans([(c.start, c.end) for c in candidates(doc, "DATE")]),
            quoted=quoted,
            nouns=MeetingNouns(self, text, quoted),
            not_yet=Occurrences(_NOT_YET, text),
            hosts=Occurrences(_HOST, text),
            venue_marks=[m.start() for m in _VENUE_MARK.finditer(text)],
            quoted_lengths=[0, *accumulate(q_end - q_start for q_start, q_end in quoted.spans)],
            quote_ends=[q_end for _, q_end in quoted.spans])

    def read_object(self, doc: Doc, text: str, start: int, end: int, clause: tuple[int, int], spans: Lookups,
                    rule: str = "place.meeting-object") -> bool:
        """召开…动员部署会: the meeting is the object, cut after its last meeting noun."""
        last_end = self.last_meeting_end(text, start, end, spans)
        if last_end is None or last_end - start - quoted_length(spans, start, last_end) > 60:
            return False
        name_start = start
        while name_start < last_end and text[name_start] in " 了":
            name_start += 1
        if text.startswith("的", name_start):
            name_start += 1  # 出席在纽约举行的第80届联合国大会: the verb modifies the meeting after 的
        if last_end > name_start:
            add_candidate(doc, "MEETING", name_start, last_end, rule, 0.85, clause=clause)
            return True
        return False

    def last_noun_end(self, phrase: str) -> Optional[int]:
        """Where the last meeting noun of a phrase ends."""
        return max((m.end() for m in match_starts(self.meeting_nouns, phrase)), default=None)

    def last_meeting_end(self, text: str, start: int, end: int, spans: Lookups) -> Optional[int]:
        """Where the meeting named in text[start:end] ends: after its last meeting noun (专题会议 ends
        after 会议, not 专题会), not inside a quotation or title (《党委会的工作方法》), and at the
        first one an act follows (专题学习会集中学习了…).

        Nouns that start more than ``noun_reach`` before ``end`` (neither they nor an act after
        them can run into it) are looked up in the document's index; the last few are read as
        before. (Each verb read the rest of its clause: quadratic in a clause that never ends.)"""
        nouns = spans.nouns
        last = None
        near = max(start, end - self.noun_reach)
        first, stop = bisect_left(nouns.starts, start), bisect_left(nouns.starts, near)
        acted = nouns.next_acted[first]
        if acted < stop:
            return nouns.ends[acted]
        if stop > first:  # the noun that ends last starts at most noun_reach before the last one
            index = stop - 1
            last = nouns.ends[index]
            while index > first and nouns.starts[index - 1] >= nouns.starts[stop - 1] - self.noun_reach:
                index -= 1
                last = max(last, nouns.ends[index])
        for noun in match_starts(self.meeting_nouns, text, near, end):
            noun_end = noun.end()
            if in_quotation(spans.quoted, noun_end):
                continue
            last = noun_end if last is None else max(last, noun_end)
            if self.act_after.match(text, noun_end, end):
                return noun_end
        return last

    def read_subject(self, doc: Doc, text: str, start: int, verb: int, clause: tuple[int, int],
                     spans: Lookups, has_object: bool) -> None:
        """[subject][date][在 venue]召开: the venue, and a subject that is a meeting or a body."""
        venue_mark = self.read_venue(doc, text, start, verb, clause, spans)
        subject_end = venue_mark if venue_mark >= 0 else verb
        date_start = spans.dates.first_listed_start(start, subject_end)
        if date_start is not None:
            subject_end = date_start
        host = spans.hosts.search(start, subject_end)
        if host:
            subject_end = host.start()
        subject_start = self.lexicon.skip_lead(text, start, subject_end)
        prefix = _DATE_PREFIX.match(text, subject_start, subject_end)
        if prefix:
            subject_start = prefix.end()
        while subject_end > subject_start and text[subject_end - 1] in "将已于":
            subject_end -= 1  # 十四届全国人大一次会议将…举行
        adverbs = _ADVERBS.search(text, subject_start, subject_end)
        if adverbs and adverbs.start() > subject_start:
            subject_end = adverbs.start()  # 学校隆重召开 / 甲、乙联合召开
        while subject_end > subject_start and text[subject_end - 1].isspace():
            subject_end -= 1
        if subject_end - subject_start > 60:
            return  # (read no further than the longest a subject may be)
        subject = text[subject_start:subject_end]
        if not subject or len(subject) > (60 if self.ends_with_meeting(subject) else 40):
            return  # (a meeting's own name runs longer than a body's: …民主监督工作启动会)
        person_ends = [pe for _, pe in spans.people.overlapping(subject_start, subject_start + len(subject))]
        if person_ends and not (self.ends_with_meeting(subject) and not any(
                first_verb(self.person_act_re, text, pe, subject_start + len(subject)) for pe in person_ends)):
            # a person is the subject (张三主持召开, 李四出席…年会); a meeting named after one is not
            # (习近平总书记关于…的重要论述研讨会)
            return
        end = subject_start + len(subject)
        hosted = subject.find("由")
        if hosted > 0 and self.ends_with_meeting(subject[:hosted]):
            # 招待会由A和B共同举办: the meeting, then its hosts
            add_candidate(doc, "MEETING", subject_start, subject_start + hosted, "place.meeting-subject", 0.85,
                          clause=clause)
            add_candidate(doc, "ORG", subject_start + hosted + 1, end, "place.hosts", 0.8, clause=clause)
            return
        if self.ends_with_meeting(subject) and not _BODY_NOUN.search(subject) and not has_object:
            owned = _OWNED_MEETING.match(subject)
            if owned:  # 集团公司第三届董事会第五次会议: the owner holds the meeting
                add_candidate(doc, "ORG", subject_start, subject_start + owned.end("owner"), "place.meeting-owner",
                              0.8, clause=clause)
                subject_start += owned.end("owner")
            add_candidate(doc, "MEETING", subject_start, end, "place.meeting-subject", 0.85, clause=clause)
        elif _TWO_HAN.search(subject) and not _NOT_A_BODY.search(subject) and not self.a_role.search(subject):
            # (常务副校长在206会议室主持召开…: an unnamed officer is a person, no organizer)
            add_candidate(doc, "ORG", subject_start, end, "place.convene-subject", 0.8, clause=clause)

    def read_venue(self, doc: Doc, text: str, start: int, verb: int, clause: tuple[int, int],
                   spans: Lookups) -> int:
        """The place after the last 在/于 before the verb, as a ``VENUE``; returns where 在/于
        stands (or -1)."""
        before = bisect_left(spans.venue_marks, verb)
        venue_mark = spans.venue_marks[before - 1] if before and spans.venue_marks[before - 1] >= start else -1
        if venue_mark < 0:
            return -1
        venue_start, venue_end = venue_mark + 1, verb
        if venue_end - venue_start > _VENUE_REACH:
            return venue_mark
        manner = _AFTER_VENUE.search(text[venue_start:venue_end])
        if manner:
            venue_end = venue_start + manner.start()  # 在公司会议室以现场表决方式召开, 在新加坡同…共同出席
        adverbs = _ADVERBS.search(text, venue_start, venue_end)
        if adverbs:
            venue_end = adverbs.start()
        date_start = spans.dates.first_start(venue_start, venue_end)
        if date_start is not None:
            venue_end = date_start
        venue = text[venue_start:venue_end].strip()
        if venue and len(venue) <= 30 and not any(b in venue for b in self.blockers) \
                and not _NOT_A_VENUE.search(venue) \
                and not spans.names.overlapping(venue_start, venue_end):
            add_candidate(doc, "VENUE", venue_start, venue_start + len(text[venue_start:venue_end].rstrip()),
                          "place.zai-convene", 0.9, clause=clause)
        return venue_mark

    def ends_with_meeting(self, phrase: str) -> bool:
        """Whether a phrase names a meeting: it ends in a meeting noun, or its first part before 暨
        does (庆祝…25周年大会暨…就职典礼: a meeting held jointly with another event)."""
        return self.last_noun_end(phrase) == len(phrase) or (
            "暨" in phrase and self.last_noun_end(phrase[:phrase.index("暨")]) == phrase.index("暨"))



def quoted_length(spans: Lookups, start: int, end: int) -> int:
    """The length of the quotations that overlap [start, end), whole (what ``quoted.overlapping``
    gives, added up: the quotations do not overlap, so they are a run of the list)."""
    first = bisect_right(spans.quote_ends, start)
    stop = bisect_left(spans.quoted.starts, end)
    return spans.quoted_lengths[stop] - spans.quoted_lengths[first] if stop > first else 0


def in_quotation(quoted: SortedSpans, pos: int) -> bool:
    """Whether ``pos`` stands strictly inside a quotation or title."""
    return any(q_start < pos < q_end for q_start, q_end in quoted.overlapping(pos - 1, pos))


class MeetingNouns:
    """The meeting nouns of a text outside quotations, each with whether an act follows it, found
    in one scan: each verb looks its object up here instead of reading the rest of its clause."""

    def __init__(self, finder: PlaceFinder, text: str, quoted: SortedSpans) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        acted: list[bool] = []
        for noun in match_starts(finder.meeting_nouns, text):
            noun_end = noun.end()
            if not in_quotation(quoted, noun_end):
                self.starts.append(noun.start())
                self.ends.append(noun_end)
                acted.append(finder.act_after.match(text, noun_end) is not None)
        #: next_acted[i]: the first noun from the i-th on that an act follows (len(acted): none)
        self.next_acted = [len(acted)] * (len(acted) + 1)
        for index in range(len(acted) - 1, -1, -1):
            self.next_acted[index] = index if acted[index] else self.next_acted[index + 1]
