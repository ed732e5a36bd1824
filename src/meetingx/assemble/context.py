"""What every field family reads and writes: the Doc's candidates and text, and the record
being built (values and their evidence, written together)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple, Optional

from spacy.tokens import Doc

from meetingx.components import Candidate, candidates
from meetingx.positions import Segments, SortedSpans
from meetingx.reading import Document
from meetingx.text import TextView, fold

_SENTENCE_END = re.compile(r"[。！？；\n]")


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


@dataclass
class Person:
    """A person of the document as assembly knows them: the mention that gives the name, and the
    roles read anywhere in the text (role, start, end, rule)."""

    span: tuple[int, int]
    rule: str
    confidence: float
    roles: list[tuple[str, int, int, str]] = field(default_factory=list)


class DirectiveItem(NamedTuple):
    """A numbered item of a list: its marker, where its text ends, its position in its list, and
    which list of the document it belongs to."""

    marker: Candidate
    end: int
    number: int
    list_index: int


class Context:
    """The Doc being assembled and the record being built. Field families read the candidates
    through it and leave what later families need (the kind, the meeting's sentence, the people)."""

    def __init__(self, doc: Doc, document: Document) -> None:
        self.doc = doc
        self.document = document
        view: TextView = doc._.mx_text
        self.text = view.original
        self.folded = view.folded
        self.meta: dict[str, Any] = doc._.mx_meta or {}
        self.out = Builder(view)
        bodies = candidates(doc, "BODY")
        self.body_start = bodies[0].start if bodies else 0
        titles = candidates(doc, "TITLE")
        self.title: Optional[Candidate] = titles[0] if titles else None
        #: set by the families as they run, in this order: kind, publish date, people, date
        self.kind = "news"
        self.publish: Optional[dt.date] = None
        self.people: dict[str, Person] = {}
        #: the full name each alias (surname, title) resolves to, once found
        self.alias_names: dict[tuple[str, str], Optional[str]] = {}
        #: the sentence of the meeting's date (start, end), and where the date stands in it
        self.anchor: Optional[tuple[int, int]] = None
        self.anchor_date = 0
        #: numbered items that form lists, each with where its text ends (agenda and directives)
        self.directive_items: list[DirectiveItem] = []

    def candidates(self, label: str) -> list[Candidate]:
        return candidates(self.doc, label)

    @cached_property
    def sentences(self) -> Segments:
        """The sentences of the matching view (ending at 。！？； or a line break)."""
        return Segments(self.folded, _SENTENCE_END)

    @cached_property
    def meeting_spans(self) -> SortedSpans:
        """(start, end) of the MEETING candidates."""
        return SortedSpans([(c.start, c.end) for c in self.candidates("MEETING")])

    @cached_property
    def people_by_initial(self) -> dict[str, list[str]]:
        """The names of ``people`` (complete once read) by their first character, folded, in order."""
        found: dict[str, list[str]] = {}
        for name in self.people:
            found.setdefault(fold(name[:1]), []).append(name)
        return found

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence of the matching view around ``pos``, without its closing mark."""
        return self.sentences.start_of(pos), self.sentences.end_of(pos)
