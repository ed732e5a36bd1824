"""Numbered items of English minutes, put in lists (CONVENTIONS rule 8), and the unnumbered
headings of the order of business (:mod:`.headings`).

Markers come from ``markers.jsonl`` (``1.``, ``1``, ``4.01)``, ``1.A.``, ``a.``, ``a)``, ``(a)``,
``A.``, minute references ``23/145`` and dockets ``#C-118-21`` at a line's start). A list is one run
of a family (1., 2., 3.…); a marker of value 1 starts a new list (a second ``1.``, a nested
``a)``), so the items of a list are numbered from 1. A marker out of its place (``g.`` after
``h.``) is left out but keeps its place. A lone item counts only nested in another list.

Each ``MARKER`` candidate has ``number`` (its place in its list), ``list`` (which list of the
document), ``text_start``/``text_end`` (the
item's first sentence: up to the next marker, a line end, a sentence end, a colon before a new
clause, or where the flattened text of the minutes goes on after the heading: ``1 Call to Order
The regular meeting…``), ``agenda_end`` (the heading to its line end or colon) and ``agenda``
(false for a list of points made in a report, whose items are clauses: ``1. Mr. Vogel should be
notified…``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.en.headings import HeadingFinder
from meetingx.components.en.rosters import roster_reader
from meetingx.components.en.statements import body_start
from meetingx.components.en.words import Sentences, english_words, sentences_of
from meetingx.lexicon import Lexicon
from meetingx.positions import SortedSpans

_AFTER_MARKER = re.compile(r"[ \t]+(?=[\"'A-Z0-9(])")
_LINE_START_FAMILIES = frozenset({"minute-ref", "docket"})
_SINGLE_LETTER = frozenset({"letter", "capital"})
#: Where a heading that the flattened text runs on from ends: a new clause (The regular meeting…,
#: Chair Rotty called…), a motion, a field label.
_CLAUSE_START = re.compile(r"[ ]+(?=(?:The|A|An|It|There|This|These|All|No|MOTION|Motion|Moved|MOVED)\b[ ]+[A-Za-z])")
_POINT = re.compile(r"(?i:\b(?:should|shall|must|will|would|may|can|is|are|was|were|be)\b)")
_MARKER_PLACE = re.compile(r"(?:(?<=\s)|^)(?=[\d(#]|[A-Za-z](?:[.)]|\.\)|[A-Za-z]{0,5}/\d)|(?i:item)[ ]+#)")
_MINUTE_REF_END = re.compile(r"[ ]+(?:[A-Z][a-z]{0,5}/)?\d{1,4}/\d{2}(?:-\d{2})?[ ]*$")


def opens_line(text: str, pos: int) -> bool:
    """Whether only white space stands between the line's start and ``pos``."""
    line_start = text.rfind("\n", max(0, pos - 200), pos) + 1
    if line_start == 0 and pos >= 200:
        return False
    return not text[line_start:pos].strip()


@dataclass
class Marker:
    start: int
    end: int
    rule: str
    family: str
    value: int
    major: Optional[int]
    text_start: int
    line_start: bool


#: The capitals right before a marker (CONSENT AGENDA A.)
_CAPITALS_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][A-Z'&/\-]*(?:[ ]+[A-Z][A-Z'&/\-]*)*[ ]+$")
#: A heading's empty content (Declarations of interest: None.), as after a heading line
_NOTHING_AFTER = re.compile(r"(?i:[ ]*[:\-][ ]*(?:none|nil|n/a)\.?[ ]*$)")


class ItemFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = english_words(lexicon)
        self.patterns = [(r["rule"].replace("marker.", "en.marker."), r["family"], re.compile(r["pattern"]))
                         for r in lexicon.records("markers.jsonl")]
        months = "|".join(self.words.months)
        self.month_after = re.compile(rf"(?i:{months})\b")
        days = "|".join(sorted(self.words.weekdays | set(self.words.months), key=len, reverse=True))
        #: a value after a heading's colon: a date (Date of next meeting: Wednesday 4th December)
        self.date_after = re.compile(rf"[ ]*(?i:{days})\b")
        self.headings = HeadingFinder(lexicon)
        self.rosters = roster_reader(lexicon)
        self.labels: list[int] = []
        self.verbs = re.compile(r"\b[a-z]+ed\b|\b(?:" + "|".join(map(re.escape, lexicon.words("speech_verbs.txt")))
                                + r")\b")
        self.fields = re.compile(r"[ ]+(?:" + "|".join(map(re.escape, lexicon.words("field_labels.txt"))) + r")[ ]*:")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        kinds = candidates(doc, "KIND")
        if not kinds or kinds[0].data["kind"] != "minutes":
            return doc
        # names without a title before them: a capital marker at or right before one is an initial
        names = {c.start for c in candidates(doc, "PERSON") if c.data["span_start"] == c.start}
        markers = self.find_markers(text, body_start(doc), sentences_of(doc, self.words), names)
        items = self.lists(markers)
        # where items end: at the next item, or at a displaced marker of a list (a g. after h.)
        highest: dict[tuple[str, Optional[int]], int] = {}
        for marker, _, _ in items:
            key = (marker.family, marker.major)
            highest[key] = max(highest.get(key, 0), marker.value)
        every = [m.start for m in markers if (m.family, m.major) in highest and m.value <= highest[(m.family, m.major)] + 6]
        ends = self.item_ends(doc, text, [m for m, _, _ in items], every)
        points = self.points(text, items, ends)
        spans: list[tuple[int, int]] = []
        last: dict[int, int] = {}
        for index, (marker, number, list_id) in enumerate(items):
            text_end, agenda_end = ends[index]
            spans.append((marker.text_start, agenda_end))
            add_candidate(doc, "MARKER", marker.start, marker.end, marker.rule, 0.85, family=marker.family,
                          value=marker.value, number=number, text_start=marker.text_start, text_end=text_end,
                          agenda_end=agenda_end, agenda=list_id not in points, list=list_id,
                          after_gap=number > last.get(list_id, 0) + 1)
            last[list_id] = number
        self.headings(doc, text, spans, items[0][0].start if items else len(text))
        return doc

    # ------------------------------------------------------------------ markers and lists
    def find_markers(self, text: str, body: int, sentences: Sentences, names: set[int]) -> list[Marker]:
        found: list[Marker] = []
        tentative: list[int] = []
        # a marker follows white space and starts with a digit, a bracket, #, a letter and its mark,
        # or a word of a minute reference (Min/) or of a docket (ITEM #): only those places are tried
        for place in _MARKER_PLACE.finditer(text, body):
            for rule, family, pattern in self.patterns:
                match = pattern.match(text, place.start())
                if match is not None:
                    break
            else:
                continue
            start, end = match.span("marker")
            after = _AFTER_MARKER.match(text, end)
            if after is None or family == "bare-number" and self.month_after.match(text, after.end()):
                continue  # 1 September 24, 2019: a page number before a date
            line_start = opens_line(text, match.start())
            if family in _LINE_START_FAMILIES and not line_start:
                continue
            opens = line_start or sentences.start_of(match.start()) >= match.start() - 1 \
                or re.search(r"[:;)\d][ ]+$", text[max(0, match.start() - 3):match.start()]) is not None
            if family == "capital" and (start in names or after.end() in names):
                continue  # the initial of a name (Present: A. Jones, B. Smith; A. Jones read the report)
            if family == "capital" and not opens:
                # an initial (Mrs. A. Vincent), unless it runs on a list of the flattened text (CONSENT
                # AGENDA A. Approve… B. Approve claims C. Approve…)
                tentative.append(len(found))
            if family == "bare-number" and not text[after.end()].isupper():
                continue
            num = match.group("num") or match.groupdict().get("num2") or ""
            if not num:
                continue
            value = ord(num.lower()) - 96 if num.isalpha() else int(num)
            major = int(match.group("major")) if "major" in match.groupdict() and match.group("major") else None
            found.append(Marker(start, end, rule, family, value, major, after.end(), opens))
        doubtful = self.initials(text, found, set(tentative))
        return sorted((m for index, m in enumerate(found) if index not in doubtful), key=lambda m: m.start)

    @staticmethod
    def initials(text: str, found: list[Marker], tentative: set[int]) -> set[int]:
        """The capital markers inside a sentence that are initials: all but those that go on from
        the marker before (B. after an A.), lead to an opening one (A. before a B. that opens a
        line or follows a sentence), or head the list of a numbered item in capitals (6. NEW
        BUSINESS A. Resolution…)."""
        heads = {m.text_start for m in found}
        capitals = [index for index, m in enumerate(found) if m.family == "capital"]
        kept = {index for index in capitals if index not in tentative}
        for index in capitals:
            marker = found[index]
            if index in kept:
                continue
            before = any(found[other].value == marker.value - 1 and 0 < marker.start - found[other].start < 1500
                         for other in kept)
            after = any(found[other].value == marker.value + 1 and found[other].line_start
                        and 0 < found[other].start - marker.start < 1500 for other in capitals)
            head = _CAPITALS_BEFORE.search(text, max(0, marker.start - 100), marker.start)
            if before or after or marker.value == 1 and head is not None and head.start() in heads:
                kept.add(index)
        return tentative - kept

    def lists(self, markers: list[Marker]) -> list[tuple[Marker, int, int]]:
        """The markers that form lists, each with its place in its list."""
        open_lists: dict[tuple[str, Optional[int]], list[tuple[Marker, int]]] = {}
        lists: list[list[tuple[Marker, int]]] = []
        last_seen = {(m.family, m.major, m.value): index for index, m in enumerate(markers)}
        next_of_key: dict[int, Marker] = {}
        seen_key: dict[tuple[str, Optional[int]], Marker] = {}
        for index in range(len(markers) - 1, -1, -1):  # the next marker of the same family, for each
            key = (markers[index].family, markers[index].major)
            if key in seen_key:
                next_of_key[index] = seen_key[key]
            seen_key[key] = markers[index]
        for index, marker in enumerate(markers):
            key = (marker.family, marker.major)
            current = open_lists.get(key)
            following = next_of_key.get(index)
            runs_on = following is not None and following.value == marker.value + 1 and current is None \
                and self.opens_line(marker)
            if marker.value == 1 or runs_on or marker.family in _LINE_START_FAMILIES and current is None:
                open_lists[key] = [(marker, 1)]
                lists.append(open_lists[key])
                continue
            if not current:
                continue
            last, number = current[-1]
            step = marker.value - last.value
            if step == 1 or step == 2 and last_seen.get((marker.family, marker.major, marker.value - 1), -1) > index:
                # a skipped value that stands later in the text (a displaced marker) keeps its place
                current.append((marker, number + step))
        # a list of one item counts where it opens a line, or inside another list
        kept = [items for index, items in enumerate(lists)
                if len(items) > 1 or items[0][0].line_start
                or any(other[0][0].start < items[0][0].start for other in lists[:index])]
        return sorted(((marker, number, index) for index, items in enumerate(kept) for marker, number in items),
                      key=lambda item: item[0].start)

    def opens_line(self, marker: Marker) -> bool:
        """Whether a marker stands where a numbered minute may start (59., 102.): a line's start
        or after a sentence."""
        return marker.line_start

    # ------------------------------------------------------------------ where an item's text ends
    def item_ends(self, doc: Doc, text: str, markers: list[Marker], every: list[int]) -> list[tuple[int, int]]:
        """(text end, agenda end) of each item; ``every``: where all markers stand, also those
        left out of the lists (a displaced g.)."""
        sentences = sentences_of(doc, self.words)
        self.labels = [m.start() for m in self.rosters.labels(text)]
        people = SortedSpans([(c.data["span_start"], c.end) for c in candidates(doc, "PERSON")])
        ends = []
        for index, marker in enumerate(markers):
            start = marker.text_start
            following = bisect_right(every, start)
            limit = min(every[following] if following < len(every) else len(text), start + 300)
            line_end = text.find("\n", start, limit)
            limit = line_end if line_end >= 0 else limit
            clause = self.clause_start(text, start, limit, people)
            agenda_end = self.trim(text, start, clause)
            sentence_end = sentences.end_of(start)
            text_end = self.trim(text, start, min(clause, sentence_end) if sentence_end > start else clause)
            if text[start:agenda_end].isupper() and agenda_end > text_end:
                pass  # CALL TO ORDER. OPEN SESSION: a heading in capitals goes on after its full stop
            else:
                agenda_end = text_end
            nothing = _NOTHING_AFTER.search(text, start, agenda_end)
            if nothing and nothing.start() > start:
                agenda_end = self.trim(text, start, nothing.start())  # Declarations of interest: None
            ends.append((text_end, agenda_end))
        return ends

    def clause_start(self, text: str, start: int, limit: int, people: SortedSpans) -> int:
        end = limit
        colon = text.find(":", start, end)
        while colon >= 0:
            after = text[colon + 1:colon + 60]
            if not after.strip() or re.match(r"\s*(?:\d|[a-z]\)|\([a-z]\)|[A-Z][\w.]*(?:[ ]+[A-Z][\w.]*){0,3}[ ]+"
                                              r"(?:[a-z]+ed|[a-z]+s)\b)", after):
                end = colon
                break
            if self.person_after(text, colon + 1, people) or self.date_after.match(text, colon + 1):
                end = colon  # a value: Apologies for absence: Cllr P. Hughes
                break
            colon = text.find(":", colon + 1, end)
        for pattern in (_CLAUSE_START, self.fields):
            found = pattern.search(text, start + 1, end)
            if found:
                end = found.start()
        for label in self.labels:
            if start < label < end:
                end = label
        for p_start, p_end in people.starting_in(start + 1, end):
            if self.verbs.match(text, p_end + 1) and text[p_end:p_end + 1] == " ":
                end = p_start
                break
        return end

    def person_after(self, text: str, pos: int, people: SortedSpans) -> bool:
        """A person's name right after ``pos``, maybe behind titles (: Cllr P. Hughes)."""
        for p_start, _ in people.starting_in(pos, pos + 40):
            words = text[pos:p_start].split()
            return all(self.words.is_honorific(w) or self.words.is_title_word(w) for w in words)
        return False

    @staticmethod
    def trim(text: str, start: int, end: int) -> int:
        ref = _MINUTE_REF_END.search(text, start, end)
        if ref:
            end = ref.start()
        while end > start and text[end - 1] in " .,;:-\n\t":
            end -= 1
        return end

    @staticmethod
    def points(text: str, items: list[tuple[Marker, int, int]], ends: list[tuple[int, int]]) -> set[int]:
        """The lists whose items are mostly clauses (points of a report: 1. Mr. Vogel should be
        notified…), not headings of business: they are no agenda."""
        clauses: dict[int, list[bool]] = {}
        for (marker, _, list_id), (text_end, _) in zip(items, ends):
            clauses.setdefault(list_id, []).append(bool(_POINT.search(text, marker.text_start, text_end)))
        return {list_id for list_id, flags in clauses.items() if sum(flags) * 2 > len(flags)}
