"""Agenda: what the meeting did (a helper of the clauses component), CONVENTIONS rule 7.

An ``AGENDA`` candidate is a clause whose predicate is an act of the meeting (``agenda`` verbs of
``triggers.jsonl``: 传达, 学习, 听取, 审议, 部署…), from that predicate or its lead-in (就/对/向…):

- ``agenda.meeting``: the meeting is the subject (会议听取了…, 委员长会议建议…, 会上…), or the
  clause follows one that convened the meeting (召开常务会议，研究部署…), or the sentence opens
  with the act (审议了…), or goes on after a ；;
- ``agenda.person``: a named participant presents something (``present`` verbs: X传达了…,
  X向会议作了…报告, 代表…作工作报告, 主持会议并部署…); the presenter is left out;
- ``agenda.group``: a group of participants acts (与会人员分组对…进行了讨论); the group stays.

Not agenda: what someone said (after 指出，/会议强调，), speeches (讲话, 发言), clauses about
another event (此前…, 会前…), and clauses after the meeting speaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.speech import IN_SPEECH, SEQUENCE, NotVerbs, first_verb
from meetingx.components.subjects import holds_pattern
from meetingx.lexicon import Lexicon, word_pattern

if TYPE_CHECKING:
    from meetingx.components.clauses import Sentence

#: Words of manner that belong to the predicate (深入学习贯彻…).
_MANNER = re.compile(r"(?:深入|认真|集中|专题|详细|系统|全面|重点|进一步|逐项|原则|及时|专门|分别|先后|逐一|一并|充分)+")
#: How a vote was taken, before its verb, left out of the item (以无记名投票方式选举… -> 选举…).
_MODE = re.compile(r"以[^，。]{1,20}?(?:方式|形式)")
#: A speech written as an act and its noun (作动员部署讲话, 作总结讲话): a speech, not an agenda item
_SPEECH_NOUN = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:讲话|发言|致辞)")
#: A lead-in before the predicate that the item keeps (就…听取, 对…进行了表彰, 代表…作报告).
_LEAD_IN = re.compile(r"就|对|向|同|代表|围绕|结合|针对")
#: A clause of speaking, whose content follows (not 指出了…问题: a verb with 了 has an object, the clause
#: is no speech and the sentence goes on with the meeting's acts)
_SPEECH_ONLY = re.compile(r"(?:讲话|发言|指出|强调|要求|希望|表示|致辞|认为)(?!了)")
_CHAIR_OR_ATTEND = re.compile(r"主持|出席|参加")
#: Where a participant acts, before the lead-in of the act (在市政府与…座谈, 在会上向…通报)
_AT_PLACE = re.compile(r"在[^，。]{1,15}?(?=与|同|向|就|对|为)")
_CONVENE = re.compile(r"召开|举行")
#: What a meeting adopts (通过了《…》, 通过关于…的决定): a text, a plan, a list
_ADOPTED = re.compile(r"[《“]|关于|决议|决定|报告|办法|方案|名单|议程|草案|条例|章程|规划|计划|预算|[议提法]案|意见|制度|规定"
                      r"|细则|要点|纪要|事项|人选|法$|[\u4e00-\u9fff]{2,4}为")
#: A clause that announces a list of items rather than being one (决定如下事项, 研究决定事项如下)
_ANNOUNCES_LIST = re.compile(r"如下(?:事项)?$|下列事项$|以下事项$")
#: What the meeting will or is to do, not what it did (本次大会将听取…)
_NOT_YET = re.compile(r"将|拟|即将|要|还将|还要|计划|准备")
#: A group that must, will or should do something is told to, not reported doing it (全体党员要…)
_MODAL = ("要", "将", "应", "需")
#: A clause that is only a verb of deciding, whose object is the next clause (决定，…).
_DECIDE = ("决定", "建议", "同意", "要求")
#: What continues the object of the item before it after a comma (，关于B的汇报, ，《…》).
_CONTINUED_OBJECT = re.compile(r"关于|《|以及|及")
#: What closes a 关于… phrase (关于…情况汇报, 关于…的决定)
_HEAD_NOUN = re.compile(r"(?:报告|汇报|说明|决定|议案|意见|办法|规定|通知|方案|情况|建议|草案|条例|法)$")
#: A presenter in a relative clause continuing an object (听取了A作的…报告，B作的…汇报)
_PRESENTED = re.compile(r"(?:同志)?(?:分别|先后)?所?作的")


@dataclass
class AgendaState:
    """What carries from one sentence to the next: after a ；, the business goes on."""

    carry: bool = False
    active: bool = False

    def after(self, sentence: "Sentence") -> None:
        self.carry = sentence.continued and self.active and not sentence.other_event
        self.active = False


class AgendaReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.agenda_re = re.compile(word_pattern(lexicon.verbs("agenda")))
        self.present_re = re.compile(word_pattern(lexicon.verbs("present")))
        self.speech_re = re.compile(word_pattern(lexicon.verbs("speech", "present")))
        acts = word_pattern(lexicon.verbs("agenda", "present"))
        self.done_re = re.compile(rf"(?:{self.agenda_re.pattern})了")  # 研究了, 传达了: an act done
        # 进行了表彰, 作了说明, 予以废止, 给予充分肯定: an act written as a light verb and its object
        # (not the 作 of a noun: 工作座谈会, 合作研讨会)
        self.act_done = re.compile(rf"(?:进行|(?<![工合创写协操动运])[作做](?!出的)|予以|给予)了?[^，]{{0,8}}?(?:{acts})(?![\u4e00-\u9fff]{{0,4}}?(?:讲话|发言|致辞))")
        self.any_act = re.compile(
            rf"{word_pattern(lexicon.verbs('chair', 'convene', 'speech', 'present', 'agenda'))}|要|将|应|需")
        self.holds = holds_pattern(lexicon)
        self.not_verbs = NotVerbs(lexicon)
        self.attend_re = re.compile(word_pattern(lexicon.verbs("attend")))
        nouns = lexicon.alternation("meeting_nouns.txt")
        self.after_meeting = re.compile(rf"(?:{nouns})(?P<act>{_MANNER.pattern}?(?:{self.agenda_re.pattern})了)")
        heads = lexicon.alternation("group_heads.txt")
        self.group_end = re.compile(rf"(?:{heads})$")
        # a group as the subject: 与会人员分组对…进行了讨论, 六个代表团的职工代表对…进行分组讨论
        self.group_subject = re.compile(
            rf"[^，：同把对就将要向给被让使]{{0,20}}?(?:{heads})(?:们)?(?:也|还|都|分组|分别|先后|共同|一起|认真)*"
            rf"(?={_LEAD_IN.pattern}|{acts})")

    def read(self, doc: Doc, text: str, sentence: "Sentence", state: AgendaState) -> None:
        active = state.carry
        mode = "meeting"
        joined_up_to = 0  # clauses already read as the object of 决定，…
        for index, (c_start, c_end) in enumerate(sentence.clauses):
            if index >= sentence.content_from:
                break  # what someone said
            if index < joined_up_to:
                continue
            head = sentence.heads[index]
            meeting_end = sentence.meetings[index]
            group = sentence.group_at(index)
            if meeting_end is not None:
                if sentence.voiced[index]:
                    break  # the rest of the sentence is what the meeting said
                if _NOT_YET.match(text, meeting_end, c_end):
                    active = False  # 本次大会将听取…，审议…: what it will do
                    continue
                head, mode, active = meeting_end, "meeting", True
            elif group is not None:
                head, mode, active = group.tail, "person", True
                if self.holds.search(text, group.tail, c_end):
                    # 李强主持召开常务会议，研究部署…: what follows is the meeting's business; but
                    # 主持会议并部署… is the chair's own presenting act
                    mode = "meeting"
                    start = None if _CONVENE.search(text, head, c_end) else self.presenter_start(text, head, c_end)
                    if start is not None:
                        add_candidate(doc, "AGENDA", start, c_end, "agenda.person", 0.75)
                    continue
            elif self.holds.search(text, c_start, c_end) and not self.agenda_re.match(text, head, c_end):
                mode, active = "meeting", True  # (决定…召开: a decision, read below)
                self.act_after_meeting(doc, text, c_start, c_end)
                continue
            elif (acting := self.group_acts_in(text, sentence, index)) is not None:
                # 与会人员分组对…进行了讨论; 其他院领导也分别结合…，对…进行了深入的讨论
                end = sentence.clauses[acting][1]
                add_candidate(doc, "AGENDA", head, end, "agenda.group", 0.7)
                mode, active, joined_up_to = "meeting", True, acting + 1
                continue
            elif index == 0 and not active and self.meeting_start(text, head, c_end) is not None \
                    and self.done_re.search(text, head, c_end):
                mode, active = "meeting", True  # a sentence that opens with what was done (审议了…)
            if not active:
                continue
            rule = f"agenda.{mode}"
            if mode == "person":
                start = self.presenter_start(text, head, c_end)
            else:
                start = self.meeting_start(text, head, c_end)
            if start is None:
                if mode == "meeting" and _SPEECH_ONLY.search(text, head, c_end) \
                        and not self.holds.search(text, head, c_end):
                    break  # what follows is the content of a speech
                continue
            end = self.item_end(text, sentence, index, start)
            if _ANNOUNCES_LIST.search(text, start, end):
                continue  # 会议研究决定事项如下: the items follow, this is none
            if text[start:c_end] == "建议":
                active = False  # 委员长会议建议，…；…: what follows is the proposal, not this meeting's acts
            joined_up_to = clause_ending_at(sentence.clauses, end, index) + 1
            for item_start, item_end in self.split_acts(text, start, end):
                add_candidate(doc, "AGENDA", item_start, item_end, rule, 0.75)
        state.active = active

    def group_acts_in(self, text: str, sentence: "Sentence", index: int) -> Optional[int]:
        """The clause (``index`` or one of the two after it with no subject of their own) where a
        group of people named as clause ``index``'s subject (no verb in it) does an act of the
        meeting, not a speech (发言建议); None when there is none."""
        head, c_end = sentence.heads[index], sentence.clauses[index][1]
        group = self.group_subject.match(text, head, c_end)
        if group is None or self.any_act.search(text, head, group.end()):
            return None
        pos = group.end()
        for clause in range(index, min(index + 3, sentence.content_from)):
            end = sentence.clauses[clause][1]
            if clause > index and (sentence.group_at(clause) or sentence.meetings[clause] is not None
                                   or self.group_end.search(text, pos, end)):
                return None  # another subject, or a list of groups (…代表，…代表等参加…)
            act = first_verb(self.any_act, text, pos, end, self.not_verbs)
            if self.attend_re.search(text, pos, act.start() if act else end):
                return None  # …代表等参加座谈会: attendance
            if act is not None:
                speech_only = self.speech_re.fullmatch(act.group()) and not self.present_re.fullmatch(act.group())
                return None if speech_only or act.group() in _MODAL else clause
            if clause + 1 < len(sentence.clauses):
                pos = sentence.clauses[clause + 1][0]
        return None

    def item_end(self, text: str, sentence: "Sentence", index: int, start: int) -> int:
        """Where the item starting at ``start`` in clause ``index`` ends: its clause, with the next
        one where it is only the object of 决定/建议 (决定，…), or goes on with the object
        (，关于B的汇报；关于…免去…，撤销…的决定)."""
        clauses = sentence.clauses
        end = clauses[index][1]
        if text[start:end] in _DECIDE and index + 1 < len(clauses) and text[end:end + 1] == "，":
            return clauses[index + 1][1]
        following = index + 1
        while following < min(len(clauses), sentence.content_from) and text[end:end + 1] == "，":
            f_start, f_end = clauses[following]
            continues = _CONTINUED_OBJECT.match(text, f_start, f_end) is not None \
                and not self.agenda_re.match(text, f_start + 2, f_end)
            about = text.rfind("关于", start, end)
            open_about = about >= 0 and "的" not in text[about:end] and not _HEAD_NOUN.search(text, about, end) \
                and "的" in text[f_start:f_end]
            group = sentence.group_at(following)
            presented = group is not None and _PRESENTED.match(text, group.tail, f_end) is not None
            if not (continues or open_about or presented) or sentence.meetings[following] is not None \
                    or group is not None and not presented or self.agenda_re.match(text, f_start, f_end):
                break
            end = f_end
            following += 1
        return end

    def presenter_start(self, text: str, head: int, end: int) -> Optional[int]:
        """Where a named participant's presenting act starts in a clause (向职工代表通报…, 代表…作
        工作报告, 主持会议并部署…), or None when the clause presents nothing (作动员讲话, 提出要求)."""
        sequence = SEQUENCE.match(text, head, end)
        start = sequence.end() if sequence else head
        place = _AT_PLACE.match(text, start, end)
        if place:
            start = place.end()  # 在市政府与企业家代表座谈: the item starts at its lead-in
        present = first_verb(self.present_re, text, start, end, self.not_verbs)
        if present is None or _SPEECH_NOUN.match(text, present.end(), end):
            # 作了说明 is an act; 在作报告时说 frames what was said
            return None if self.act_done.search(text, start, end) is None or IN_SPEECH.search(text, start, end) \
                else start
        spoken = first_verb(self.speech_re, text, start, present.start(), self.not_verbs)
        if spoken is not None and spoken.end() < present.start():
            return None  # 提出…要求并介绍…: the first act is a speech
        joined = text.rfind("并", start, present.start())
        if joined >= 0 and _CHAIR_OR_ATTEND.search(text, start, joined):
            return joined + 1  # 主持学习会议并部署…: the chairing is not the act presented
        return start

    def meeting_start(self, text: str, head: int, end: int) -> Optional[int]:
        """Where an act of the meeting starts in a clause (its verb, with words of manner, or a
        就/对/向 lead-in), or None when the clause does not report one."""
        sequence = SEQUENCE.match(text, head, end)
        start = sequence.end() if sequence else head
        mode = _MODE.match(text, start, end)
        if mode and self.agenda_re.match(text, mode.end(), end):
            start = mode.end()
        manner = _MANNER.match(text, start, end)
        pos = manner.end() if manner else start
        verb = self.agenda_re.match(text, pos, end)
        if verb:
            if text.startswith("的", verb.end()):
                return None  # 建议的议程: a modifier, not an act
            if verb.group() == "通过" and not text.startswith("了", verb.end()) \
                    and not _ADOPTED.search(text, verb.end(), end):
                return None  # 通过选树先进典型，弘扬…: "by means of", not an adoption
            return start
        if _LEAD_IN.match(text, pos) and (self.act_done.search(text, pos, end)
                                          or self.agenda_re.search(text, pos, min(end, pos + 40))):
            return pos
        done = self.done_re.search(text, pos, end)
        if done and done.start() - pos <= 30 and not _SPEECH_ONLY.search(text, pos, done.start()):
            return pos
        return None

    def act_after_meeting(self, doc: Doc, text: str, start: int, end: int) -> None:
        """举行专题学习会集中学习了…: an act written right after the meeting convened."""
        for verb in self.after_meeting.finditer(text, start, end):
            act = verb.start("act")
            add_candidate(doc, "AGENDA", act, end, "agenda.after-meeting", 0.7)
            return

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


def clause_ending_at(clauses: list[tuple[int, int]], end: int, default: int) -> int:
    """The index of the clause that ends at ``end``, else ``default`` (looked up: the clauses of a
    sentence end in order, and every item of a long sentence asks)."""
    index = bisect_left(clauses, end, key=itemgetter(1))
    return index if index < len(clauses) and clauses[index][1] == end else default
