"""Unnumbered headings of the order of business, added as ``AGENDA`` candidates:

- a run of capitals where the flattened text of a PDF puts it between two sentences (``FIRE
  Referring to…``, ``…Pledge of Allegiance. CLOSED SESSIONS Member of the public…``), split where a
  heading of ``agenda_headings.txt`` starts (``CALL TO ORDER PLEDGE OF ALLEGIANCE AGENDA
  ADOPTION``);
- a short line of its own (``Public Comment-none``), the label of a paragraph (``Treasurer's
  Report: Don presented…``) or of a bullet (``• Name change – A discussion…``);
- a docket item (``Calendar Item #951 …``).

Labels of rosters, fields and votes (``Present:``, ``Date:``, ``AYES:``, ``MOTION CARRIED``) are no
headings; nor is anything before the body, but the run of capitals right before it (``CALL TO ORDER
Chair Licari called the meeting to order``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.en.rosters import roster_reader, rosters_of
from meetingx.components.en.statements import body_start
from meetingx.components.en.words import english_words
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import SortedSpans

_CAPS_RUN = re.compile(r"(?<![A-Za-z0-9'])[A-Z][A-Z'\-/&]*[A-Z](?:,?[ ]+(?:[A-Z][A-Z'\-/&]*[A-Z]|&|[A-Z]))*(?![a-z0-9'])")
_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"[ \t]*(?:[\u2022\u25cf\u25aa\u2023*\-]|o)[ \t]+")
_LABEL_LINE = re.compile(r"[ \t]*(?P<label>[A-Z][\w'&/]*(?:[ ]+[\w'&/]+){0,4})[ ]*:(?:[ ]+\S|[ ]*$)")
_DASH_HEAD = re.compile(r"(?P<head>[A-Z][^\n:]{1,60}?)[ ]*(?:-[ ]|[ ]-|:[ ])")
_NONE_TAIL = re.compile(r"(?i:[ ]*[-:][ ]*(?:none|nil|n/a)\.?[ ]*$)")
_OPEN_END = re.compile(r"(?i:\b(?:of|the|from|and|to|for|on|in|by|with)[ ]*$)")
_FINITE = re.compile(r"(?i:\b(?:was|were|is|are|has|have|had|will|shall|would|should)\b)")
_DOCKET = re.compile(r"(?<![A-Za-z])(?:Calendar|Docket|Agenda|Council)[ ]+Item[ ]+#?\d+[^.\n]*")
#: Words of labels and votes in capitals that are no headings
_NOT_HEADINGS = frozenset({"MOTION", "MOTIONS", "CARRIED", "RESOLVED", "UNANIMOUS", "UNANIMOUSLY", "AYES", "AYE", "NOES",
                           "NAYS", "NAY", "ABSENT", "PRESENT", "ABSTAIN", "ABSTAINED", "APPROVED", "PASSED", "FAILED",
                           "NONE", "NIL", "MOVED", "SECONDED", "PROPOSED", "DEFEATED", "LOST", "AM", "PM", "DRAFT",
                           "FINAL", "NOTE", "NOTES", "M/S/P", "M/S/C", "ITEM", "ITEMS", "VOTE", "VOTES"})


class HeadingFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = english_words(lexicon)
        self.rosters = roster_reader(lexicon)
        self.standard = re.compile(rf"(?<![A-Za-z])(?i:{word_pattern(lexicon.words('agenda_headings.txt'))})(?![A-Za-z])")
        self.fields = frozenset(w.lower() for w in lexicon.words("field_labels.txt"))
        self.noise = re.compile(lexicon.alternation("noise_lines.txt"))
        self.months = frozenset(m.upper() for m in self.words.months)

    def __call__(self, doc: Doc, text: str, items: list[tuple[int, int]], numbered: int) -> None:
        """``items``: the numbered items' heading spans; ``numbered``: where the first stands (the
        lines, labels and bullets after it are the items' own content)."""
        body = body_start(doc)
        taken = [(c.start, c.end) for label in ("TITLE", "MEETING", "VENUE", "LABEL") for c in candidates(doc, label)]
        taken += items + [(m.start(), m.end()) for m in self.rosters.labels(text)]
        taken += [(r.label[0], r.end) for r in rosters_of(doc, self.lexicon)]
        taken += [(c.data["span_start"], c.end) for c in candidates(doc, "PERSON")]  # PCSO Rees reported
        found: list[tuple[int, int, str]] = []
        found += self.capital_runs(text, body)
        found += self.heading_lines(text, body, numbered)
        found += [(m.start(), self.trim(text, m.start(), m.end()), "en.heading.docket-item")
                  for m in _DOCKET.finditer(text, body) if self.at_sentence_start(text, m.start())
                  or re.search(r"\b[A-Z]{3,}[ ]+$", text[max(0, m.start() - 20):m.start()])]
        lines = SortedSpans([(s, e) for s, e, rule in found if rule != "en.heading.capitals"])
        occupied = SortedSpans(taken)
        seen: set[tuple[int, int]] = set()
        for start, end, rule in sorted(found):
            if end <= start or (start, end) in seen or occupied.overlapping(start, end):
                continue
            if rule == "en.heading.capitals" and any(s <= start and end <= e and (s, e) != (start, end)
                                                     for s, e in lines.overlapping(start, end)):
                continue  # a part of a heading line
            seen.add((start, end))
            add_candidate(doc, "AGENDA", start, end, rule, 0.75)

    @staticmethod
    def trim(text: str, start: int, end: int) -> int:
        while end > start and text[end - 1] in " .,;:-\n":
            end -= 1
        return end

    @staticmethod
    def at_sentence_start(text: str, pos: int) -> bool:
        before = text[max(0, pos - 3):pos]
        return pos == 0 or "\n" in before or bool(re.search(r"[.!?:)][ ]+$", before))

    # ------------------------------------------------------------------ runs of capitals
    def capital_runs(self, text: str, body: int) -> list[tuple[int, int, str]]:
        found = []
        runs = list(_CAPS_RUN.finditer(text, max(0, body - 200)))
        for run in runs:
            start, end = run.span()
            if start < body and end < body - 2:
                continue  # before the body, but the run right before it
            words = run.group().replace(",", " ").split()
            colon = re.match(r"[ ]*:[ ]*", text[end:end + 4])
            if not words or words[0].strip("&") in _NOT_HEADINGS or all(w in _NOT_HEADINGS for w in words) \
                    or words[0] in self.months or not text[end:].strip() or colon and (
                        run.group().lower() in self.fields or self.rosters.label_re.match(text, end + colon.end())):
                continue  # a label (AYES:, DATE:, ROLL CALL: Present: …), not a heading
            before = text[max(0, start - 40):start]
            previous = re.search(r"(\S+)[ ]*$", before)
            word = previous.group(1) if previous else ""
            if "\n" in before[-2:] or not word or re.search(r"[.!?:)]$", word):
                pass  # after a sentence, a line or a tally
            elif word[-1:].isdigit():
                if len(words) < 2:
                    continue
            elif word[:1].isupper() and word[1:2].islower():
                if "/" not in run.group() and not (len(words) >= 2 and re.match(r"[ ]+[A-Z][a-z]", text[end:end + 3])):
                    continue
            else:
                continue  # a word in capitals inside a sentence (a RFP, MOVED by)
            if max(len(w) for w in words) < 4 and len(words) < 2:
                continue
            pieces = self.split_standard(text, start, end)
            if all(len(text[a:b].split()) <= 8 for a, b, _ in pieces):
                found += pieces  # (a long run of capitals is a sentence, unless usual headings cut it up)
        return found

    def split_standard(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """CALL TO ORDER PLEDGE OF ALLEGIANCE: split where a usual heading starts."""
        cuts = [start] + [m.start() for m in self.standard.finditer(text, start + 1, end)
                          if text[m.start() - 1] == " " and not _OPEN_END.search(text, start, m.start())] + [end]
        return [(a, self.trim(text, a, b), "en.heading.capitals") for a, b in zip(cuts, cuts[1:]) if b > a]

    # ------------------------------------------------------------------ heading lines
    def heading_lines(self, text: str, body: int, numbered: int) -> list[tuple[int, int, str]]:
        found = []
        lines = [line for line in _LINE.finditer(text, body) if line.start() < numbered]
        for index, line in enumerate(lines):
            start, end = line.span()
            content = line.group()
            cut = index + 1 == len(lines) and "\n" not in text[end:]  # a last line cut by the excerpt
            if not content.strip():
                continue
            bullet = _BULLET.match(content)
            if bullet:
                head = _DASH_HEAD.match(text, start + bullet.end(), end)
                if head and len(head.group("head").split()) <= 6:
                    found.append((head.start("head"), self.trim(text, head.start("head"), head.end("head")),
                                  "en.heading.bullet"))
                continue
            label = _LABEL_LINE.match(content)
            after_label = content[content.index(":", label.end("label")) + 1:].lstrip() if label else ""
            # a label followed by a roster's (ROLL CALL: Trustees present: …) heads nothing
            if label and self.is_label(label.group("label")) and not self.rosters.label_re.match(after_label):
                found.append((start + label.start("label"), start + label.end("label"), "en.heading.label"))
                continue
            stripped = content.strip()
            left = start + content.index(stripped[:1]) if stripped else start
            head_end = left + len(stripped)
            tail = _NONE_TAIL.search(text, left, head_end)
            if tail:
                head_end = tail.start()  # Public Comment-none
            if self.is_heading_line(text[left:head_end]) and (tail or not stripped.endswith(".")) and not cut:
                found.append((left, self.trim(text, left, head_end), "en.heading.line"))
        return found

    def is_label(self, label: str) -> bool:
        words = label.split()
        return len(words) <= 5 and label.lower() not in self.fields and not self.rosters.label_re.fullmatch(label + ":") \
            and not _FINITE.search(label) and words[0].upper() not in _NOT_HEADINGS and not self.noise.match(label)

    def is_heading_line(self, head: str) -> bool:
        words = head.split()
        if not words or len(words) > 8 or len(head) > 80 or not head[:1].isupper() or _FINITE.search(head):
            return False
        if words[0].upper().strip(".,:;") in _NOT_HEADINGS or self.noise.match(head) or self.rosters.label_re.fullmatch(head):
            return False
        if re.match(r"(?:\d|[a-zA-Z][.)]|\()", head) or not re.search(r"[A-Za-z]{3}", head):
            return False  # a numbered item (read as a marker) or no word
        return not re.search(r"[,;]", head) and sum(w[:1].islower() for w in words) <= len(words) // 2
