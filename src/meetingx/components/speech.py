"""Speech: what the people of a meeting said and did (a helper of the clauses component).

A person who is the subject of a clause acts in that clause and in the clauses after it that have
no subject of their own (张三首先总结了…，重点通报了…，要求…), unless the clause convened the
meeting (李强主持召开…，研究部署…: the meeting's business follows). Each act is a ``SPEECH``
candidate, from after the name (and 等, 同志, a date) to the end of its clause, with ``data``:

- ``speaking``: the clause reports speaking or presenting (讲话, 指出, 传达, 作…报告…:
  ``speech``/``present`` verbs of ``triggers.jsonl``) rather than another act (总结, 分析, 感谢:
  ``act``); a person is a speaker when one of their acts is speaking, and a speaker's speech is
  their first act (in the body rather than the headline);
- ``heading``: the clause is a headline, subheading or caption line (its act is reported in full in
  the prose, which assembly prefers);
- ``quoted``: the clause stands in what someone else said (李强指出，…习近平总书记强调…) and so
  reports a quotation, unless the person is otherwise present at the meeting.

Where a ``content`` verb (指出, 强调, 要求…) is followed by what was said, the speech ends at the
verb, and the rest of the sentence is that content: no one speaks in it. ``VOICE`` candidates say
who is speaking from where on (a person, or None for 会议强调), for the issuer of numbered points.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.subjects import Subject, holds_pattern, other_occasion_before
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import EndAnchored, longest_match

if TYPE_CHECKING:
    from meetingx.components.clauses import Group, Sentence

#: Words of sequence that open an act, left out of it (首先总结了… -> 总结了…); 分别 and 先后 stay.
SEQUENCE = re.compile(r"(?:首先|其次|还|并|又|也|同时|随后|其后|之后|接着|然后|最后|一起|共同)+")
#: A light verb that makes what follows an act (作了关于…的说明), unless it is a modifier (作出的部署)
_MADE = re.compile(r"(?>(?:作|做|发表|进行)(?:了|出)?)(?!的)")
#: The most characters a light verb and its look-ahead read
_MADE_WIDTH = longest_match(_MADE) + 1
#: Before a speech word, what makes it a noun: 的讲话, 的重大部署, 重要讲话, 在讲话
_NOUN_BEFORE = EndAnchored(r"(?:的[\u4e00-\u9fff]{0,2}|重要|在)$")
#: A speech word used as a noun: 讲话精神, 报告会 (after it), 在讲话中, 的讲话 (around it)
_NOUN_AFTER = re.compile(r"精神|稿|内容|会(?!议)|文件|材料")
#: 在讲话中/在致辞中/在作报告时…: the clause reports what was said in a speech
IN_SPEECH = re.compile(r"在[^，。]{0,8}?(?:讲话|致辞|发言|报告|总结)[中时]")
#: Where the people of a clause's subject were read but the list they stand in goes on (…、X、Y和有关嘉宾…)
_LIST_GOES_ON = re.compile(r"、|和|与|及|以及")
#: Adverbs and a light verb right before an act of several people (先后致辞, 视频或现场致辞, 先后作了表态发言)
_ADVERBS_BEFORE_ACT = EndAnchored(r"(?:先后|分别|相继|依次|共同|一起|也|还|都|均|视频或现场|现场|视频|书面|[作做]了?|进行了?)+$",
                                  reach=20)
#: 说 or 提出 ending a clause (他说，胡启恒在讲话中说：, 李强在报告中提出，): what follows is what was said
_SAYS = re.compile(r"(?:说(?:道)?|提出)(?=[，：“]|$)")
_INSTRUCTED = re.compile(r"(?:作出|做出)[^，]{0,4}(?:指示|批示)")
#: A clause relaying a speech or instruction: what follows it is its content, not the person's acts.
_RELAYED = re.compile(r"的(?:重要)?(?:讲话|指示|论述|批示)")
#: After a content verb, a word that makes the verb's object a noun, not what was said (表示祝贺).
_OBJECT_AFTER_CONTENT = re.compile(r"了|过|祝贺|欢迎|感谢|慰问|哀悼|敬意|支持|赞同|同意|肯定|关注|关心|歉意|遗憾")
_HEARD = re.compile(r"听取(?:[和并]?(?:审议|讨论))?了?")
#: What follows a presenter's name in an object of 听取: 作的…报告, 关于…的汇报
_PRESENTED = re.compile(r"所?作的|关于|的|对|就")
#: Between the presenters of a list heard (A、B和C) and after it (同志, 等, 分别)
_LIST_LINK = re.compile(r"(?:同志)?(?:、|和|及|以及)")
_AFTER_LIST = re.compile(r"(?:同志|等|分别|先后|依次)*")
_REPORTED = re.compile(r"汇报|报告|介绍|说明|述职")


@dataclass
class Paragraph:
    """What a paragraph has said so far: who spoke with content (李强指出，…), so that a name-first
    mention speaking later in the paragraph (习近平主席指出) is read as a quotation."""

    #: the names (as written) of those who spoke with content
    content_owners: set[str] = field(default_factory=set)
    #: the last sentence ended in what someone said: a sentence with no subject goes on with it
    in_content: bool = False
    #: the names of those who gave written instructions earlier in the document (作出重要指示), shared
    #: by its paragraphs: what they say later (王强指出，…) goes on with the instructions
    instructors: set[str] = field(default_factory=set)


class SpeechReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.speech_re = re.compile(word_pattern(lexicon.verbs("speech", "present")))
        self.content_re = re.compile(word_pattern(lexicon.verbs("content")))
        self.convenes = holds_pattern(lexicon, chairing=False)
        self.not_verbs = NotVerbs(lexicon)
        self.act_re = re.compile(word_pattern(lexicon.verbs("act")))
        self.lexicon = lexicon
        self.member_titles = frozenset(lexicon.words("member_titles.txt"))

    def read(self, doc: Doc, text: str, sentence: "Sentence", paragraph: Paragraph,
             subjects: list[Subject]) -> None:
        groups = sentence.groups
        for number, group in enumerate(groups):
            following = groups[number + 1].index if number + 1 < len(groups) else len(sentence.clauses)
            self.read_group(doc, text, sentence, group, following, paragraph)
        for index, (c_start, c_end) in enumerate(sentence.clauses):
            if sentence.voiced[index]:
                add_candidate(doc, "VOICE", sentence.heads[index], c_end, "speech.meeting-voice", 0.8,
                              name_start=None, name_end=None, alias=None)
        if "听取" in text[sentence.start:sentence.end]:
            self.heard_presenters(doc, text, sentence, subjects)

    def read_group(self, doc: Doc, text: str, sentence: "Sentence", group: "Group", following: int,
                   paragraph: Paragraph) -> None:
        """The acts of ``group`` in its clause and the clauses after it without a subject of their own
        (up to clause ``following``)."""
        index = group.index
        c_end = sentence.clauses[index][1]
        names = {text[p.name_start:p.name_end] for p in group.members}
        if text.startswith("委托", group.tail):
            return
        quoted = index >= sentence.content_from or self.quotes(text, group, paragraph, c_end) \
            or names <= paragraph.instructors
        # what follows a clause that convenes the meeting is its business (李强主持召开…，研究部署…);
        # a chair goes on acting (李书磊主持会议并作工作布置，强调…)
        carries = not self.convenes.search(text, group.tail, c_end) and not _RELAYED.search(text, group.tail, c_end)
        last = min(following, sentence.content_from) if carries else index + 1
        voice_end = None
        for clause in range(index, max(last, index + 1)):
            c_start, c_end = sentence.clauses[clause]
            if clause > index and (sentence.meetings[clause] is not None or sentence.voiced[clause]):
                break
            start = group.tail if clause == index else c_start
            if _INSTRUCTED.search(text, start, c_end):
                # 作出指示 from elsewhere is not speaking at the meeting (neither are the clauses
                # before it: 就…、推动…作出重要指示); what 指示指出，… says is content
                paragraph.instructors.update(names)
                if self.content_verb(text, start, c_end) is not None:
                    sentence.content_from = min(sentence.content_from, clause + 1)
                return
            sequence = SEQUENCE.match(text, start, c_end)
            if sequence:
                start = sequence.end()
            verb = self.speech_verb(text, start, c_end) or _SAYS.search(text, start, c_end)
            act = verb or IN_SPEECH.search(text, start, c_end)
            speaking = act is not None
            act = act or self.act_re.search(text, start, c_end)
            if act is None:
                continue
            if other_occasion_before(self.lexicon, text, start, act.start()):
                break  # acts on other occasions (多次发表重要讲话，对…提出要求: the clauses after it too)
            if _LIST_GOES_ON.match(text, start):
                # …、莫雷诺和有关嘉宾视频或现场致辞: the list runs on past the people read (a group, a name
                # not read); the speech is the act, with the adverbs right before it
                adverbs = _ADVERBS_BEFORE_ACT.search(text, start, act.start())
                start = adverbs.start() if adverbs else act.start()
            end = c_end
            content = self.content_verb(text, start, c_end)
            says = content is not None
            if says and content.end() < c_end:
                end = content.end()  # 强调要学习…: the speech ends at the verb, what follows was said
            rule = "speech.subject" if clause == index else "speech.carried-subject"
            for person in group.members:
                add_candidate(doc, "SPEECH", start, end, rule, 0.85, name_start=person.name_start,
                              name_end=person.name_end, alias=person.alias, speaking=speaking, quoted=quoted,
                              heading=sentence.heading)
            if speaking and voice_end is None:
                voice_end = c_end
            if says:
                sentence.content_from = min(sentence.content_from, clause + 1)
                if not quoted:
                    paragraph.content_owners.update(text[p.name_start:p.name_end] for p in group.members)
                break
        if voice_end is not None and not quoted:
            last_person = group.members[-1]
            add_candidate(doc, "VOICE", group.members[0].start, voice_end, "speech.person-voice", 0.8,
                          name_start=last_person.name_start, name_end=last_person.name_end,
                          alias=last_person.alias)

    def quotes(self, text: str, group: "Group", paragraph: Paragraph, end: int) -> bool:
        """Whether the group speaks inside what another person of the paragraph said (李强表示，…。
        习近平主席指出，…): a name written first, right before a content verb, after someone else
        spoke with content. (A name before an act at the meeting is a speaker: 刘晓梅常委代表…发言; so
        is one with a member's title, speaking in turn: 王惠贞常委表示.)"""
        owners = paragraph.content_owners
        if not owners or any(text[p.name_start:p.name_end] in owners for p in group.members) \
                or not all(p.start == p.name_start for p in group.members):
            return False
        if any(text[p.name_end:p.end] in self.member_titles for p in group.members):
            return False  # 王惠贞常委表示: members speak in turn
        verb = self.speech_re.match(text, group.tail, end)
        return verb is not None and self.content_re.fullmatch(verb.group()) is not None

    def content_verb(self, text: str, start: int, end: int) -> Optional[re.Match[str]]:
        """The verb after which a clause holds what was said (指出，… 发表讲话强调，… 说：), if any;
        not one whose object is a noun (表示祝贺)."""
        pos = start
        while (verb := first_verb(self.content_re, text, pos, end, self.not_verbs)) is not None:
            if not _OBJECT_AFTER_CONTENT.match(text, verb.end(), end):
                return verb
            pos = verb.end()
        return _SAYS.search(text, start, end)

    def speech_verb(self, text: str, start: int, end: int) -> Optional[re.Match[str]]:
        """The first speech verb in text[start:end] that is a verb (see :func:`first_verb`)."""
        return first_verb(self.speech_re, text, start, end, self.not_verbs)

    @staticmethod
    def heard_presenters(doc: Doc, text: str, sentence: "Sentence", subjects: list[Subject]) -> None:
        """会议听取了X关于…的汇报, 听取了A、B分别作的…报告: each presenter of a report heard spoke.
        (The people of a clause are looked up from where they start: they are by start.)"""
        starts = [person.start for person in subjects]
        for c_start, c_end in sentence.clauses:
            heard = _HEARD.search(text, c_start, c_end)
            if heard is None:
                continue
            listed: list[Subject] = []
            pos = heard.end()
            for person in subjects[bisect_left(starts, pos):bisect_left(starts, c_end)]:
                if person.alias or person.start < pos:
                    continue
                if person.start != pos:
                    break
                listed.append(person)
                pos = person.end
                link = _LIST_LINK.match(text, pos, c_end)
                if link is None:
                    break
                pos = link.end()
            if not listed:
                continue
            tail = _AFTER_LIST.match(text, listed[-1].end, c_end).end()
            presented = _PRESENTED.match(text, tail, c_end)
            if presented and _REPORTED.search(text, presented.end(), c_end):
                for person in listed:
                    add_candidate(doc, "SPEECH", tail, c_end, "speech.heard-report", 0.8,
                                  name_start=person.name_start, name_end=person.name_end, alias=None,
                                  speaking=True, quoted=False, heading=sentence.heading)


class NotVerbs:
    """The words of ``not_verbs.txt``: where one overlaps a trigger verb's characters and runs past
    them (点评估, 报告厅), the verb is not read there."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.pattern = re.compile(f"(?=({word_pattern(lexicon.words('not_verbs.txt'))}))")

    def hold(self, text: str, verb: re.Match[str]) -> bool:
        start, end = verb.span()
        for word in self.pattern.finditer(text, max(0, start - 3), end + 3):
            w_start, w_end = word.span(1)
            if w_start < end and w_end > start and (w_start < start or w_end > end):
                return True
        return False


def first_verb(pattern: re.Pattern[str], text: str, start: int, end: int,
               not_verbs: Optional[NotVerbs] = None) -> Optional[re.Match[str]]:
    """The first match of ``pattern`` in text[start:end] that is used as a verb, not as a noun: not
    after 的/重要/在 (的讲话, 在讲话), nor before 的/精神/稿… (受表彰的, 讲话精神), nor in 在…讲话中/时, nor inside
    a word of ``not_verbs`` (报告厅), unless a light verb makes it an act (作了关于…的说明).

    What stands before each verb is read on from the verb before (``Before``), not again from
    ``start``: a clause of many speech words used as nouns is read once."""
    before = Before(text, start)
    for verb in pattern.finditer(text, start, end):
        if not_verbs is not None and not_verbs.hold(text, verb):
            continue
        if not before.made(verb.start()) and _NOUN_BEFORE.search(text, start, verb.start()):
            continue
        if _NOUN_AFTER.match(text, verb.end(), end) or text.startswith("的", verb.end()) \
                or text.startswith(("中", "时"), verb.end()) and before.at(verb.start()):
            continue
        return verb
    return None


class Before:
    """What stands in text[start:pos] for a ``pos`` that only grows: a light verb (_MADE, as
    ``_MADE.search(text, start, pos)`` finds one), a 在. Each is looked for from where the last
    look stopped, so that the positions of a window are read once however many verbs it holds."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        #: the first light verb from ``start``, once found whole before a ``pos``
        self.first_made: Optional[re.Match[str]] = None
        #: where no light verb starts before (looked for up to here)
        self.made_from = start
        self.first_at = -1
        self.at_from = start

    def made(self, pos: int) -> bool:
        """Whether a light verb stands in text[start:pos]. One that starts _MADE_WIDTH or more
        before ``pos`` is one that ``pos`` cannot cut, and the first such is found once; nearer to
        ``pos``, the last positions are searched as ``pos`` cuts them."""
        settled = pos - _MADE_WIDTH  # a light verb that starts here or before is whole before pos
        if self.first_made is None and self.made_from <= settled:
            found = _MADE.search(self.text, self.made_from, pos)
            if found is not None and found.start() <= settled:
                self.first_made = found
            else:
                self.made_from = settled + 1
        if self.first_made is not None:
            return True
        return _MADE.search(self.text, max(self.start, settled + 1), pos) is not None

    def at(self, pos: int) -> bool:
        """Whether a 在 stands in text[start:pos]."""
        if self.first_at < 0 and self.at_from < pos:
            self.first_at = self.text.find("在", self.at_from, pos)
            self.at_from = pos
        return 0 <= self.first_at < pos
