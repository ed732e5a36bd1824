"""What the clause-reading components share: sentences and clauses of the matching view, the
lead words and dates that open a clause, and the people mentions that can be a clause's subject."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import candidates, scratch
from meetingx.lexicon import Lexicon
from meetingx.positions import SortedSpans, after_last_mark

SENTENCE = re.compile(r"[^。！？；\n]+")
#: Where a sentence splits into clauses: commas and colons, and the spaces that separate the parts
#: of a headline (spaces inside prose are not in the matching view).
_CLAUSE_MARK = re.compile(r"[，： ]")
_PARTS_KEY = "meetingx.zh.text-parts"
_QUOTE_MARK = re.compile(r"[“”《》]")
_OPENING = {"”": "“", "》": "《"}
_DATE_PREFIX = re.compile(r"(?:\d{1,4}\s*[年月日号]\s*|[上下]午|晚上|今天|近日|日前|（[^）]{0,6}）|\s)+")
#: A clause opened by a place or occasion (在开幕会上，在讲话中): a lead, not the subject.
_OCCASION = r"在[^，。：“”《》]{1,20}?[上中]"
#: A numbering marker opening a clause (一是葛冰传达…, 二是…, （三）, 第四): a lead, not the subject.
_MARKER = r"[一二三四五六七八九十]{1,3}[是要]|第[一二三四五六七八九十]{1,3}|（[一二三四五六七八九十\d]{1,3}）"


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] inside “…” or 《…》 that close within it (an unclosed mark of
    messy text quotes nothing)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for mark in _QUOTE_MARK.finditer(text, start, end):
        char = mark.group()
        if char in _OPENING:
            while stack and stack[-1][0] != _OPENING[char]:
                stack.pop()  # a mark opened inside and never closed
            if stack:
                _, opened = stack.pop()
                if not stack:
                    spans.append((opened, mark.end()))
        else:
            stack.append((char, mark.start()))
    return spans


def clauses_and_quotations(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The clauses of every sentence of ``text``, in order: a sentence splits at its commas and
    colons, but not at those inside a quotation or a title (学习了“…，…”的重要论述); and every
    quotation or title (“…”, 《…》) that closes within its sentence, in order. One scan."""
    clauses: list[tuple[int, int]] = []
    quotations: list[tuple[int, int]] = []
    for sentence in SENTENCE.finditer(text):
        s_start, s_end = sentence.span()
        quoted = quoted_spans(text, s_start, s_end)
        quotations += quoted
        index = 0
        start = s_start
        for mark in _CLAUSE_MARK.finditer(text, s_start, s_end):
            pos = mark.start()
            while index < len(quoted) and quoted[index][1] <= pos:
                index += 1
            if index < len(quoted) and quoted[index][0] < pos:
                continue  # inside a quotation
            if pos > start:
                clauses.append((start, pos))
            start = pos + 1
        if s_end > start:
            clauses.append((start, s_end))
    return clauses, quotations


@dataclass(frozen=True)
class TextParts:
    """The clauses and the quotations of a Doc's matching view (:func:`clauses_and_quotations`),
    read by the first component that asks and kept in the Doc's working notes for the others
    (places, clauses and attendance all read them)."""

    clauses: SortedSpans
    quotations: SortedSpans


def text_parts(doc: Doc) -> TextParts:
    """The Doc's :class:`TextParts`, read once."""
    notes = scratch(doc)
    parts: Optional[TextParts] = notes.get(_PARTS_KEY)
    if parts is None:
        clauses, quotations = clauses_and_quotations(doc._.mx_text.folded)
        parts = notes[_PARTS_KEY] = TextParts(SortedSpans(clauses), SortedSpans(quotations))
    return parts


@dataclass
class Subject:
    """A person or alias mention as a clause subject."""

    start: int  # where the mention (with its roles) starts
    end: int  # where it ends (after a trailing title)
    name_start: int
    name_end: int
    alias: Optional[tuple[str, str]] = None


def subjects(doc: Doc) -> list[Subject]:
    """The Doc's person and alias mentions, by where they start."""
    found = [Subject(c.data["span_start"], c.data["span_end"], c.start, c.end) for c in candidates(doc, "PERSON")]
    found += [Subject(c.start, c.end, c.start, c.end, alias=(c.data["surname"], c.data["title"]))
              for c in candidates(doc, "ALIAS")]
    return sorted(found, key=lambda s: s.start)


def holds_pattern(lexicon: Lexicon, chairing: bool = True) -> re.Pattern[str]:
    """A clause that holds a meeting: 召开/举行 + a meeting noun (召开常务会议, 举行第一次集体学习),
    and with ``chairing`` one that chairs it (主持…); not 大会召开 used as a noun (对大会召开表示祝贺)."""
    nouns = lexicon.alternation("meeting_nouns.txt")
    return re.compile(rf"{'主持|' if chairing else ''}(?:召开|举行)了?[^，。]{{0,40}}?(?:{nouns})")


class LeadStripper:
    """Moves a clause's start past its lead words (会上, 首先…), dates (4月18日下午，) and occasions
    (在开幕会上)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lead_re = re.compile(
            rf"(?:{lexicon.alternation('lead_words.txt')}|{_DATE_PREFIX.pattern}|{_OCCASION}|{_MARKER})+")

    def __call__(self, text: str, start: int, end: int) -> int:
        lead = self.lead_re.match(text, start, end)
        return lead.end() if lead else start


#: How far before a verb :func:`other_occasion_before` looks (李明书记曾多次出席: 5)
OTHER_OCCASION_REACH = 12


def other_occasion_before(lexicon: Lexicon, text: str, start: int, verb: int) -> bool:
    """Whether ``lexicon.other_occasion`` stands in the clause of text[start:verb] within the
    characters right before ``verb`` (李明书记曾多次出席…): the act is not one at the meeting."""
    window = after_last_mark(text, "，；：。\n", max(start, verb - OTHER_OCCASION_REACH), verb)
    return lexicon.other_occasion.search(text, window, verb) is not None
