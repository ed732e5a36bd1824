"""Page structure of English minutes and news: a document viewer's label, the publish date, the
title, where the body starts, and the kind of document.

Adds ``LABEL`` (the file name a viewer prints before the text: ``HomeMy WebLinkAbout2023-09-18
(Regular) Meeting Minutes``, ``m20190924.pdf``), ``PUBLISH_DATE`` (a date after a cue of
``publish_cues.txt`` at the start of a line: `` date 2023-07-11``, ``Post on 17-Aug-2020``),
``TITLE`` (the first heading line, continued where it breaks mid-phrase; in text that PDF
extraction has flattened into one line, the heading phrase ``… MINUTES`` / ``Minutes of the …
Meeting``), ``BODY`` (from the first roster, convening sentence, numbered item or sentence of prose
after the title) and ``KIND`` (``minutes`` for a heading or roster of minutes, else ``news``).
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.en.dates import DateReader
from meetingx.components.en.rosters import roster_reader
from meetingx.components.en.statements import statements
from meetingx.components.en.words import english_words, sentences_of
from meetingx.lexicon import Lexicon, word_pattern

_LINE = re.compile(r"[^\n]+")
_VIEWER_LABEL = re.compile(r"[ ]*(?:HomeMy WebLinkAbout|\S+\.pdf\b|\d{1,4}[-/ ]\d{1,2}[-/ ]\d{2,4}\b)")
#: Where a viewer's label (its file name) ends: a file extension, dots, the word minutes, or a word
#: glued to the next one (…Minutes 07-09-2002Adopted, …minutesSeptember)
_LABEL_END = re.compile(r"\.pdf\b|(?: \.){2,}|\b[Mm]inutes\b|(?<=[a-z0-9])(?=[A-Z][a-z])")
_FUNCTION = frozenset({"a", "an", "the", "of", "at", "on", "in", "for", "to", "and", "held", "via", "through",
                       "by", "with", "from", "p.m.", "a.m.", "pm", "am", "p.m", "a.m"})
_LOWER_WORD = re.compile(r"(?<![A-Za-z'])[a-z][a-z'\-]*\.?")
#: A heading line that breaks mid-phrase goes on below (MEETING OF\nThursday…, held on Tuesday, 11th\n\nJuly…)
_CONTINUED = re.compile(r"(?i:\b(?:of|for|the|on|at|and|held|a|an|to|in|monday|tuesday|wednesday|thursday|friday|"
                        r"saturday|sunday)|(?<!\d)\d{1,2}(?:st|nd|rd|th)?|,)\s*$")
_DOCUMENT_NOUN = re.compile(r"(?i:minutes|summary|proceedings|agenda|record of)")
_MINUTES_OF = re.compile(r"(?:Minutes|MINUTES|Summary|SUMMARY)[ ]+(?:of|for|OF|FOR)[ ]+(?:(?:the|THE)[ ]+)?"
                         r"[^.,;:\n]{0,80}?(?:Meeting|MEETING|Session|SESSION)(?:[ ]+\d{1,2}/\d{1,2}/\d{2,4})?")
_WORDS_MINUTES = re.compile(r"(?:(?:[A-Z][A-Z'\-]+[ ]+){0,2}MINUTES|(?:[A-Z][a-z'\-]+[ ]+){0,2}Minutes)(?![A-Za-z])")
_CAPS_MEETING = re.compile(r"[A-Z][A-Z'\-]+(?![a-z])(?:[ ]+(?:-[ ]*)?[A-Z][A-Z'\-]+(?![a-z]))*")
#: The marker of a numbered item right before a sentence (``1.A. ``, ``4. ``, ``b) ``)
_MARKER_BEFORE = re.compile(r"(?<!\S)(?:\d{1,3}\.[A-Z]\.|\d{1,3}[.)]|[A-Za-z][.)]|\(\w{1,3}\))[ ]+$")
#: A numbered item that may open the body: any number starting a line, a 1 or an a) anywhere
NUMBERED_START = re.compile(r"(?:^[ \t]*(?:\d{1,3}[.)]?|\(\d{1,2}\)|\(?[a-zA-Z]\))|(?<=\s)(?:1[.)]?|\(1\)|\(?a\)))[ ]+(?=[A-Z])",
                            re.M)


class StructureFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = english_words(lexicon)
        self.noise = re.compile(lexicon.alternation("noise_lines.txt"))
        self.cue = re.compile(rf"[ \t]*(?:{lexicon.alternation('publish_cues.txt')})[ \t]*:?[ \t]*")
        self.fields = re.compile(rf"(?<![A-Za-z])(?:{word_pattern(lexicon.words('field_labels.txt'))})[ ]*:")
        self.dates = DateReader(self.words, lexicon)
        self.rosters = roster_reader(lexicon)
        self.statements = statements(lexicon)
        self.minutes_cues = [re.compile(p, re.I) for p in lexicon.words("minutes_cues.txt")]
        months = word_pattern(self.words.months)
        self.month_start = re.compile(rf"(?i:{months})\b")
        #: a name and what they did (Alderman Tom Bay objected, Cole reported): a clause, not a heading
        self.act = re.compile(rf"(?<![A-Za-z])[A-Z][a-z'\-]+[ ]+(?:[a-z]+ed|{word_pattern(lexicon.words('speech_verbs.txt'))})"
                              rf"(?![A-Za-z])")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        lines = [m.span() for m in _LINE.finditer(text) if text[m.start():m.end()].strip()]
        self.find_publish_date(doc, text, lines)
        label_end = self.find_label(doc, text, lines)
        title = self.find_title(doc, text, lines, label_end)
        body = self.find_body(doc, text, title[1] if title else label_end)
        self.find_kind(doc, text, title, body)
        return doc

    # ------------------------------------------------------------------ publish date and label
    def find_publish_date(self, doc: Doc, text: str, lines: list[tuple[int, int]]) -> None:
        for start, end in lines[:12]:
            cue = self.cue.match(text, start, end)
            if cue is None:
                continue
            for rule, pattern in self.dates.patterns[:4]:
                date = pattern.match(text, cue.end(), end)
                data = self.dates.read(rule, date, False) if date else None
                if date and data and data.get("year") and data.get("day"):
                    iso = f"{data['year']:04d}-{data['month']:02d}-{data['day']:02d}"
                    add_candidate(doc, "PUBLISH_DATE", date.start(), date.end(), "en.structure.publish-cue", 0.9,
                                  iso=iso, line=(date.start(), date.end()))
                    return

    def find_label(self, doc: Doc, text: str, lines: list[tuple[int, int]]) -> int:
        """The viewer's label at the start of the first long line (its file name); returns where
        it ends (0 if there is none)."""
        for start, end in lines[:3]:
            if end - start < 200:
                continue
            label = _VIEWER_LABEL.match(text, start, end)
            if label is None:
                return 0
            stop = _LABEL_END.search(text, label.end() + 1, min(end, label.end() + 120))
            label_end = stop.end() if stop else label.end()
            add_candidate(doc, "LABEL", start, label_end, "en.structure.viewer-label", 0.8)
            return label_end
        return 0

    # ------------------------------------------------------------------ title
    def prose(self, line: str) -> bool:
        """Whether a line reads as a sentence rather than a heading."""
        content = [w for w in _LOWER_WORD.findall(line) if w.rstrip(".") not in _FUNCTION and w not in _FUNCTION]
        return len(content) >= 12 or line.rstrip().endswith(".") and (len(content) >= 4 or bool(self.act.search(line)))

    def find_title(self, doc: Doc, text: str, lines: list[tuple[int, int]],
                   label_end: int) -> Optional[tuple[int, int]]:
        """The heading: of the heading lines before the first roster or prose, the first that names
        the document (Minutes, Summary…) rather than a letterhead (VILLAGE OF OAK BLUFF), else the
        first; in flattened text, the heading phrase."""
        headings: list[int] = []
        for index, (start, end) in enumerate(lines[:15]):
            start = max(start, label_end)
            if start >= end:
                continue
            line = text[start:end]
            if end - start >= 200:
                if headings:
                    break
                return self.title_in_flattened(doc, text, start, end)
            if self.cue.match(line) or self.noise.match(line.strip()) or not re.search(r"[A-Za-z]", line) \
                    or not line.lstrip()[:1].isupper() or line.rstrip().endswith("..."):
                continue
            if self.prose(line) or self.rosters.label_re.match(line.strip()):
                break
            headings.append(index)
        named = [i for i in headings if _DOCUMENT_NOUN.search(text, *lines[i])]
        if not headings:
            return None
        index = (named or headings)[0]
        start, end = max(lines[index][0], label_end), lines[index][1]
        line = text[start:end]
        left = start + len(line) - len(line.lstrip())
        field = self.fields.search(text, left + 1, end)
        right = field.start() if field else end
        right = left + len(text[left:right].rstrip())
        if _CONTINUED.search(text, left, right) and index + 1 < len(lines) and not field:
            following = lines[index + 1]
            if not self.prose(text[following[0]:following[1]]) and not self.rosters.label_re.match(
                    text[following[0]:following[1]].strip()):
                right = following[0] + len(text[following[0]:following[1]].rstrip())
        if right - left > 250:
            return None
        add_candidate(doc, "TITLE", left, right, "en.structure.heading-line", 0.85)
        return left, right
        return None

    def title_in_flattened(self, doc: Doc, text: str, start: int, end: int) -> Optional[tuple[int, int]]:
        """The heading phrase near the start of a text that PDF extraction has put on one line."""
        window_end = min(end, start + 400)
        found: list[tuple[int, int, str]] = []
        for pattern, rule in ((_MINUTES_OF, "en.structure.minutes-of"), (_WORDS_MINUTES, "en.structure.minutes-words")):
            match = pattern.search(text, start, window_end)
            if match:
                found.append((match.start(), match.end(), rule))
        for run in _CAPS_MEETING.finditer(text, start, window_end):
            if re.search(r"\b(?:MEETING|SESSION)\b", run.group()) and len(run.group().split()) >= 2 \
                    and not _DOCUMENT_NOUN.search(run.group()):
                found.append((run.start(), run.end(), "en.structure.capitals-heading"))
                break
        if not found:
            return None
        # the earliest; at the same place, the longer (Minutes of the Regular Meeting)
        left, right, rule = min(found, key=lambda f: (f[0], -(f[1] - f[0])))
        add_candidate(doc, "TITLE", left, right, rule, 0.7)
        return left, right

    # ------------------------------------------------------------------ body and kind
    def find_body(self, doc: Doc, text: str, after: int) -> int:
        """The body starts at the first roster label, convening sentence, numbered first item or
        sentence of prose at or after ``after`` (the end of the title)."""
        starts = [m.start() for m in self.rosters.labels(text) if m.start() >= after]
        for item in NUMBERED_START.finditer(text, after):
            if not self.month_start.match(text, item.end()):
                starts.append(item.start())
                break
        sentences = list(self.statements.convening_sentences(doc, self.words))
        prose = next(((s, e) for s, e in sentences_of(doc, self.words).spans()
                      if e > after and self.prose(text[s:e] + ".")), None)
        # a sentence that runs on from the title (flattened text) starts the body where the title ends
        starts += [max(s, after) for s, e in sentences + ([prose] if prose else []) if e > after]
        body = min(starts) if starts else after
        while body < len(text) and text[body] in " \n":
            body += 1
        marker = _MARKER_BEFORE.search(text, max(after, body - 10), body)
        if marker:
            body = marker.start()  # 1.A. Conference with Legal Counsel… The City Attorney reported.
        add_candidate(doc, "BODY", body, len(text), "en.structure.body", 0.8)
        return body

    def find_kind(self, doc: Doc, text: str, title: Optional[tuple[int, int]], body: int) -> None:
        """Minutes: a heading that says so (Minutes, Summary of…, Proceedings), a roster, or two
        phrases of ``minutes_cues.txt``; else a news report."""
        head = text[:max(body, title[1] if title else 0) + 1]
        minutes = re.search(r"(?i:\bminutes\b|\bsummary of\b|\bproceedings\b)", head)
        rule = "en.structure.minutes-heading"
        if minutes is None:
            labels = self.rosters.labels(text[:5000])
            minutes, rule = (labels[0] if labels else None), "en.structure.roster"
        if minutes is None:
            # a heading line in capitals naming the meeting (ADJOURNED MEETING - DECEMBER 14, 1985)
            minutes = re.search(r"(?m)^[ \t]*[A-Z][A-Z ,'&\-]*\b(?:MEETING|SESSION)\b[^\na-z]*$", head)
            rule = "en.structure.meeting-heading"
        if minutes is None:
            cues = [m for m in (p.search(text) for p in self.minutes_cues) if m]
            minutes, rule = (min(cues, key=lambda m: m.start()) if len(cues) >= 2 else None), "en.structure.minutes-phrases"
        if minutes is not None:
            add_candidate(doc, "KIND", minutes.start(), minutes.end(), rule, 0.85, kind="minutes")
