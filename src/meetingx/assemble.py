"""Doc -> MeetingRecord: pick among the candidates, write values with their evidence.

Every string value is read from the original text at the offsets of the candidate it came from,
so ``text[start:end] == value`` holds by construction; normalised values (dates, numbers) point at
the words they were read from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Optional

from spacy.tokens import Doc

from meetingx.components import RULES_ONLY_KEY, Candidate, candidates
from meetingx.reading import Document
from meetingx.record import MeetingRecord
from meetingx.positions import Segments, SortedSpans
from meetingx.text import TextView, fold

_CONVENE = re.compile(r"召开|举行|开幕|闭幕|举办|主持|出席")
_SENTENCE_END = re.compile(r"[。！？；\n]")
#: A date in a header field of minutes (时间：2023年5月10日)
_TIME_HEADER = re.compile(r"时间\s*：\s*$")
#: A date that bounds a period or dates a document, not a meeting (自…起, …以来, …印发)
_NOT_AN_EVENT = re.compile(r"\s*(?:起|以来|之前|前|期间|为止|发布|印发|出台)")
_NOTICE = re.compile(r"通知|发出|送达")
_CONTINUING = re.compile(r"[，：]?(?:继|在)")
_VOTED = re.compile(r"表决通过|通过了")


@dataclass
class Builder:
    """Values and their evidence, written together. Offsets given to it are in the matching view;
    values and evidence are read from and point into the original text. Evidence and warnings are
    kept as the fields of :class:`~meetingx.record.Evidence` and
    :class:`~meetingx.record.RecordWarning`, validated once with the whole record."""

    view: TextView
    values: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def span(self, start: int, end: int) -> str:
        return self.view.original_text(start, end)

    def cite(self, pointer: str, start: int, end: int, rule: str, confidence: float) -> None:
        start, end = self.view.to_original(start, end)
        self.evidence[pointer] = {"start": start, "end": end, "rule": rule, "confidence": confidence}

    def set_text(self, key: str, candidate: Optional[Candidate], start: Optional[int] = None,
                 end: Optional[int] = None) -> None:
        """Set a string field to the text of a candidate (or of [start, end) within it)."""
        if candidate is None:
            self.values[key] = None
            return
        start = candidate.start if start is None else start
        end = candidate.end if end is None else end
        self.values[key] = self.span(start, end)
        self.cite(f"/{key}", start, end, candidate.rule, candidate.confidence)

    def warn(self, code: str, message: str, pointer: Optional[str] = None) -> None:
        self.warnings.append({"code": code, "message": message, "pointer": pointer})


def shares_run(a: str, b: str, length: int) -> bool:
    """Whether ``a`` and ``b`` have a common substring of ``length`` characters."""
    return any(a[i:i + length] in b for i in range(len(a) - length + 1))


class Assembler:
    def __init__(self, doc: Doc, document: Document) -> None:
        self.doc = doc
        view: TextView = doc._.mx_text
        self.text = view.original
        self.folded = view.folded
        self.meta = doc._.mx_meta or {}
        self.out = Builder(view)
        bodies = candidates(doc, "BODY")
        self.body_start = bodies[0].start if bodies else 0
        titles = candidates(doc, "TITLE")
        self.title = titles[0] if titles else None
        self.people: dict[str, dict[str, Any]] = {}
        self.document = document

    @cached_property
    def sentences(self) -> Segments:
        """The sentences of the matching view (ending at 。！？； or a line break)."""
        return Segments(self.folded, _SENTENCE_END)

    @cached_property
    def meeting_spans(self) -> SortedSpans:
        """(start, end) of the MEETING candidates."""
        return SortedSpans([(c.start, c.end) for c in candidates(self.doc, "MEETING")])

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence of the matching view around ``pos``, without its closing mark."""
        return self.sentences.start_of(pos), self.sentences.end_of(pos)

    # ------------------------------------------------------------------ people
    def build_people(self) -> None:
        for c in candidates(self.doc, "PERSON"):
            name = self.out.span(c.start, c.end)
            entry = self.people.setdefault(name, {"span": (c.start, c.end), "rule": c.rule,
                                                  "confidence": c.confidence, "roles": []})
            for r_start, r_end in c.data["roles"]:
                role = self.out.span(r_start, r_end)
                known = [r[0] for r in entry["roles"]]
                if not role.strip() or role in known:
                    continue
                if c.rule == "person.name-title" and any(fold(r).endswith(fold(role)) for r in known):
                    continue  # 赛云秀书记 after 校党委书记赛云秀: the short form adds no role
                entry["roles"].append((role, r_start, r_end, c.rule))

    def resolve(self, c: Candidate, start_key: str = "name_start", end_key: str = "name_end") -> Optional[str]:
        """The full name a candidate refers to (an alias such as 王书记 resolved to 王革慧)."""
        alias = c.data.get("alias")
        if alias:
            surname, title = alias
            options = [n for n in self.people if fold(n).startswith(surname)]
            preferred = [n for n in options if any(fold(r[0]).endswith(title) for r in self.people[n]["roles"])]
            return (preferred or options or [None])[0]
        start, end = c.data.get(start_key, c.start), c.data.get(end_key, c.end)
        if start is None:
            return None
        return self.out.span(start, end)

    def person_value(self, name: str, pointer: str, speech: Optional[tuple[int, int, str, float]]) -> dict:
        entry = self.people.get(name)
        if entry is None:
            raise KeyError(name)
        start, end = entry["span"]
        self.out.cite(f"{pointer}/name", start, end, entry["rule"], entry["confidence"])
        roles = []
        for index, (role, r_start, r_end, rule) in enumerate(entry["roles"]):
            roles.append(role)
            self.out.cite(f"{pointer}/roles/{index}", r_start, r_end, rule, 0.85)
        value: dict[str, Any] = {"name": name, "roles": roles, "speech": None}
        if speech:
            s_start, s_end, rule, confidence = speech
            value["speech"] = self.out.span(s_start, s_end)
            self.out.cite(f"{pointer}/speech", s_start, s_end, rule, confidence)
        return value

    def fill_people(self) -> None:
        chairs: list[str] = []
        for c in candidates(self.doc, "CHAIR"):
            name = self.resolve(c)
            if name and name in self.people and name not in chairs and not chairs:
                chairs.append(name)
        self.out.values["chair"] = [self.person_value(n, f"/chair/{i}", None) for i, n in enumerate(chairs)]

        speakers: dict[str, Candidate] = {}
        for c in sorted(candidates(self.doc, "SPEECH"), key=lambda c: c.data["name_start"]):
            name = self.resolve(c)
            if name and name in self.people and name not in speakers:
                speakers[name] = c
        self.out.values["speakers"] = [
            self.person_value(n, f"/speakers/{i}", (c.start, c.end, c.rule, c.confidence))
            for i, (n, c) in enumerate(speakers.items())]

        attendees: list[str] = []
        for c in candidates(self.doc, "ATTEND"):
            value = self.out.span(c.start, c.end)
            if value in attendees:
                continue
            self.out.cite(f"/attendees/{len(attendees)}", c.start, c.end, c.rule, c.confidence)
            attendees.append(value)
        self.out.values["attendees"] = attendees

    # ------------------------------------------------------------------ dates
    def publish_date(self) -> Optional[dt.date]:
        found = candidates(self.doc, "PUBLISH_DATE")
        signed = candidates(self.doc, "SIGNATURE_DATE")
        if not found and signed:
            c = signed[0]
            date = next((d.data for d in candidates(self.doc, "DATE") if d.start == c.start), {})
            if date.get("year") and date.get("month") and date.get("day"):
                self.out.values["publish_date"] = f"{date['year']:04d}-{date['month']:02d}-{date['day']:02d}"
                self.out.cite("/publish_date", c.start, c.end, c.rule, c.confidence)
        elif found:
            c = found[0]
            self.out.values["publish_date"] = c.data["iso"]
            self.out.cite("/publish_date", c.start, c.end, c.rule, c.confidence)
        if self.out.values.get("publish_date") is None:
            self.out.values["publish_date"] = self.meta.get("publish_date")
        iso = self.out.values["publish_date"]
        try:
            return dt.date.fromisoformat(iso) if iso else None
        except ValueError:
            return None

    def date_score(self, c: Candidate, excluded: list[tuple[int, int]]) -> Optional[float]:
        header = _TIME_HEADER.search(self.folded[max(0, c.start - 6):c.start]) is not None
        if any(s <= c.start < e for s, e in excluded) or c.start < self.body_start and not header \
                and c.rule != "date.iso":
            return None
        start, end = self.sentence_bounds(c.start)
        sentence = self.folded[start:end]
        score = 0.0
        if _CONVENE.search(sentence):
            score += 3
        if c.start - self.body_start < 120:
            score += 1
        if header:
            score += 4
        if c.rule in ("date.day", "date.ym") and not _CONVENE.search(sentence) and c.start - self.body_start >= 120:
            score -= 2  # a bare day outside the lead, in a sentence that convenes nothing
        if _NOT_AN_EVENT.match(self.folded[c.end:c.end + 4]):
            score -= 3
        clause_start = max(self.folded.rfind(mark, start, c.start) for mark in "，：")
        clause_end = min((i for i in (self.folded.find(mark, c.end, end) for mark in "，。") if i >= 0), default=end)
        clause = self.folded[max(start, clause_start):clause_end]
        if _NOTICE.search(clause):
            score -= 4  # 会议通知于…发出: the notice, not the meeting
        if _CONTINUING.match(clause) and clause.endswith("后"):
            score -= 4  # 继3月5日召开动员大会后: an earlier meeting
        if self.folded.rfind("《", start, c.start) > self.folded.rfind("》", start, c.start):
            score -= 3
        if c.data.get("year") and self.publish and c.data["year"] < self.publish.year - 1:
            score -= 3
        if self.title is not None:
            title = set(self.folded[self.title.start:self.title.end])
            meetings = [self.folded[m_start:m_end] for m_start, m_end in self.meeting_spans.starting_in(start, end)]
            if meetings:
                score += 2 * max(sum(ch in title for ch in m) / len(m) for m in meetings)
        return score

    def fill_date(self) -> None:
        excluded = [c.data["line"] for c in candidates(self.doc, "PUBLISH_DATE")]
        excluded += [(c.start, c.end) for c in candidates(self.doc, "DATELINE") + candidates(self.doc, "SIGNATURE_DATE")]
        if self.title is not None:
            excluded.append((self.title.start, self.title.end))
        scored = [(score, -c.start, c) for c in candidates(self.doc, "DATE")
                  if (score := self.date_score(c, excluded)) is not None]
        self.anchor: Optional[tuple[int, int]] = None
        values = self.out.values
        values.update(date=None, date_text=None, time_of_day=None)
        if not scored:
            self.out.warn("date.missing", "no date of the meeting found", "/date")
            return
        best = max(scored, key=lambda t: (t[0], t[1]))[2]
        if max(scored, key=lambda t: (t[0], t[1]))[0] < 1 and best.rule == "date.day":
            self.out.warn("date.missing", "no date of the meeting found", "/date")
            return
        self.anchor = self.sentence_bounds(best.start)
        self.anchor_date = best.start
        self.out.set_text("date_text", best)
        part = best.data.get("part")
        if part:
            values["time_of_day"] = part
            p_start, p_end = best.data["part_span"]
            self.out.cite("/time_of_day", p_start, p_end, best.rule, best.confidence)
        edtf = self.edtf(best)
        values["date"] = edtf
        if edtf is None:
            self.out.warn("date.relative", f"the date {self.out.span(best.start, best.end)!r} is relative and "
                          "no publish date or dateline makes it exact", "/date")
        else:
            self.out.cite("/date", best.start, best.end, best.rule, best.confidence)

    def edtf(self, c: Candidate) -> Optional[str]:
        data = c.data
        datelines = candidates(self.doc, "DATELINE")
        dateline = datelines[0].data if datelines else None
        if "relative" in data:
            if data.get("day") and dateline:
                return f"XXXX-{dateline['month']:02d}-{data['day']:02d}"
            if data["relative"] is None:
                return None
            if self.publish:
                return (self.publish + dt.timedelta(days=data["relative"])).isoformat()
            if dateline and data["relative"] == 0:
                return f"XXXX-{dateline['month']:02d}-{dateline['day']:02d}"
            return None
        year, month, day = data.get("year"), data.get("month"), data.get("day")
        if month is None and dateline and day is not None:
            month = dateline["month"]
        if month is None and day is not None and self.publish:
            # 28日 in a report published 2023-09-29: the publish date implies the month
            month, year = self.publish.month, self.publish.year
            if day > self.publish.day:
                month, year = (month - 1, year) if month > 1 else (12, year - 1)
        if year is None and self.publish and month is not None:
            year = self.publish.year - (1 if (month, day or 1) > (self.publish.month, self.publish.day) else 0)
        y = f"{year:04d}" if year else "XXXX"
        m = f"{month:02d}" if month else "XX"
        if day is None:
            return f"{y}-{m}"
        start = f"{y}-{m}-{day:02d}"
        if data.get("end_day"):
            end_month = data.get("end_month") or month
            em = f"{end_month:02d}" if end_month else "XX"
            return f"{start}/{y}-{em}-{data['end_day']:02d}"
        return start

    # ------------------------------------------------------------------ meeting
    def pick(self, label: str) -> Optional[Candidate]:
        """The candidate of the anchor sentence, else the first in the body."""
        found = candidates(self.doc, label)
        if self.anchor:
            inside = [c for c in found if self.anchor[0] <= c.start < self.anchor[1]]
            # in a sentence with two meetings, the one convened after the date is the date's
            after = [c for c in inside if c.start >= self.anchor_date]
            if after or inside:
                return (after or inside)[0]
        for c in found:
            if c.start >= self.body_start:
                return c
        return None

    def fill_meeting(self) -> None:
        header = [c for c in candidates(self.doc, "VENUE") if c.rule == "place.venue-header"]
        self.out.set_text("venue", header[0] if header else self.pick("VENUE"))
        named = [c for c in candidates(self.doc, "MEETING") if c.rule == "resolution.heading-meeting"]
        meeting = named[0] if named else self.pick("MEETING")
        if meeting is None and self.title is not None:
            meeting = next((c for c in candidates(self.doc, "MEETING")
                            if self.title.start <= c.start < self.title.end), None)
        self.out.set_text("meeting_name", meeting)
        companies = candidates(self.doc, "COMPANY")
        org = companies[0] if companies else None
        if org is None:
            org = self.pick("ORG") if self.anchor is None else next(
                (c for c in candidates(self.doc, "ORG") if self.anchor[0] <= c.start < self.anchor[1]), None)
        if org is None and self.title is not None:
            org = next((c for c in candidates(self.doc, "ORG") if self.title.start <= c.start < self.title.end), None)
        if org is None:
            org = next((c for c in candidates(self.doc, "ORG") if c.rule == "place.hosts"), None)
        if org is not None and meeting is not None and self.out.span(org.start, org.end) == self.out.values["meeting_name"]:
            org = None  # a meeting that convenes itself is not its own organizer
        self.out.set_text("organizer", org)

    def fill_agenda(self) -> None:
        agenda: list[str] = []

        def add(c: Candidate, start: Optional[int] = None, end: Optional[int] = None) -> None:
            start = c.start if start is None else start
            end = c.end if end is None else end
            value = self.out.span(start, end)
            if value not in agenda:
                self.out.cite(f"/agenda/{len(agenda)}", start, end, c.rule, c.confidence)
                agenda.append(value)

        motions = candidates(self.doc, "MOTION")
        if self.kind == "resolution":
            for c in motions:
                add(c)
        else:
            headings = [self.folded[m.data["text_start"]:end] for m, end in self.directive_items] \
                if self.kind == "minutes" else []
            for c in candidates(self.doc, "AGENDA"):
                clause = self.folded[c.start:c.end]
                if not any(shares_run(clause, heading, 12) for heading in headings):
                    add(c)  # (in minutes a clause restating a numbered heading is that item's content)
            for marker, text_end in self.directive_items if self.kind == "minutes" else []:
                add(marker, marker.data["text_start"], text_end)
        self.out.values["agenda"] = agenda
        self.fill_resolutions(motions)

    def fill_resolutions(self, motions: list[Candidate]) -> None:
        """Items put to a vote: the motions of an announcement with their tallies, or agenda items
        a report says were voted on (表决通过, with no counts)."""
        resolutions: list[dict[str, Any]] = []
        voted = motions if self.kind == "resolution" else [
            c for c in candidates(self.doc, "AGENDA")
            if _VOTED.match(self.folded, c.start, c.end)
            and "表决" in self.folded[self.sentence_bounds(c.start)[0]:c.end]]
        seen: set[str] = set()
        for c in voted:
            text = self.out.span(c.start, c.end)
            if text in seen:
                continue
            seen.add(text)
            index = len(resolutions)
            pointer = f"/resolutions/{index}"
            self.out.cite(f"{pointer}/text", c.start, c.end, c.rule, c.confidence)
            self.out.cite(f"{pointer}/number", c.start, c.end, c.rule, c.confidence)
            votes = c.data.get("votes")
            if votes is not None:
                t_start, t_end = c.data["tally"]
                self.out.cite(f"{pointer}/votes", t_start, t_end, "resolution.tally", 0.9)
                if None in votes.values():
                    self.out.warn("resolution.tally-incomplete", "the vote tally is cut off or incomplete; "
                                  "missing counts are null", f"{pointer}/votes")
            elif self.kind == "resolution":
                self.out.warn("resolution.no-tally", "no vote tally found for this item", f"{pointer}/votes")
            passed: Optional[bool] = "未通过" not in text and "通过" in text
            if votes and votes.get("for") is not None and votes.get("against") is not None:
                passed = passed and votes["for"] > votes["against"]
            self.out.cite(f"{pointer}/passed", c.start, c.end, c.rule, c.confidence)
            resolutions.append({"number": index + 1, "text": text, "votes": votes, "passed": passed})
        self.out.values["resolutions"] = resolutions

    # ------------------------------------------------------------------ directives
    def find_directive_items(self) -> list[tuple[Candidate, int]]:
        """The numbered items of the body that form lists, each with where its text ends."""
        if self.kind == "resolution":
            return []  # numbered 议案 are resolutions; section headings and convening facts are neither
        markers = sorted((c for c in candidates(self.doc, "MARKER") if c.start >= self.body_start),
                         key=lambda c: c.start)
        lists: list[list[Candidate]] = []
        open_lists: dict[str, list[Candidate]] = {}
        for c in markers:
            family, value = c.data["family"], c.data["value"]
            current = open_lists.get(family)
            if value == 1:
                open_lists[family] = [c]
                lists.append(open_lists[family])
            elif current and current[-1].data["value"] == value - 1:
                current.append(c)
        kept = [items for items in lists
                if len(items) > 1 or items[0].data["family"] == "cn-verb"]
        items = sorted((c for items in kept for c in items), key=lambda c: c.start)
        found = []
        for index, c in enumerate(items):
            end = c.data["text_start"]
            limit = items[index + 1].start if index + 1 < len(items) else len(self.folded)
            while end < limit and self.folded[end] not in "。；\n":
                end += 1
            while end > c.data["text_start"] and self.folded[end - 1] in "，、：；。 ":
                end -= 1
            found.append((c, end))
        return found

    def fill_directives(self) -> None:
        voices = sorted(candidates(self.doc, "VOICE"), key=lambda c: c.start)
        directives = []
        for index, (c, text_end) in enumerate(self.directive_items):
            number = index + 1
            voice = next((v for v in reversed(voices) if v.start < c.start), None)
            # in minutes the numbered items are the meeting's own
            issuer = self.resolve(voice) if voice is not None and self.kind != "minutes" else None
            pointer = f"/directives/{index}"
            self.out.cite(f"{pointer}/marker", c.start, c.end, c.rule, c.confidence)
            self.out.cite(f"{pointer}/number", c.start, c.end, c.rule, c.confidence)
            self.out.cite(f"{pointer}/text", c.data["text_start"], text_end, c.rule, c.confidence)
            if issuer and issuer in self.people:
                start, end_ = self.people[issuer]["span"]
                self.out.cite(f"{pointer}/issuer", start, end_, voice.rule, voice.confidence)
            else:
                issuer = None
            directives.append({"number": number, "marker": self.out.span(c.start, c.end), "issuer": issuer,
                               "text": self.out.span(c.data["text_start"], text_end)})
        self.out.values["directives"] = directives

    def fill_kind(self) -> None:
        kinds = candidates(self.doc, "KIND")
        self.kind = kinds[0].data["kind"] if kinds else "news"
        self.out.values["kind"] = self.kind
        if kinds:
            self.out.cite("/kind", kinds[0].start, kinds[0].end, kinds[0].rule, kinds[0].confidence)

    # ------------------------------------------------------------------ all
    def run(self) -> MeetingRecord:
        from meetingx import __version__

        values = self.out.values
        values.update(id=self.document.id, lang=self.meta.get("lang", "zh"))
        self.fill_kind()
        heading = candidates(self.doc, "HEADING")
        self.out.set_text("title", heading[0] if heading else self.title)
        self.publish = self.publish_date()
        self.build_people()
        self.fill_date()
        self.fill_meeting()
        self.fill_people()
        self.directive_items = self.find_directive_items()
        self.fill_agenda()
        self.fill_directives()
        if self.doc.user_data.get(RULES_ONLY_KEY):
            self.out.warn("people.rules-only", "people were found by the rules alone (--no-tagger): "
                          "names without a title may be missing")
        return MeetingRecord(
            **values,
            evidence=self.out.evidence,
            source={"path": self.document.path, "sha256": self.document.sha256, "chars": len(self.text),
                    "encoding": self.document.encoding},
            warnings=self.out.warnings,
            extractor={"version": __version__},
        )


def assemble(doc: Doc, document: Document) -> MeetingRecord:
    """The record of a Doc that went through the pipeline."""
    return Assembler(doc, document).run()
