#!/usr/bin/env python3
"""Recall without gold: how often a trigger's clause gave no value.

    python3 benchmarks/coverage.py [INPUT...] [--only GLOB] [--limit N] [--examples N] [--all]
                                   [--no-tagger] [--json | --markdown [--top N]]

Runs meetingx (the code of the tree it runs in, through its Python API) over a corpus (default
``../shared/corpus/bulk/reports.jsonl``; any input ``meetingx extract`` accepts) and, for every
occurrence of a trigger word in a text, asks whether the record holds a value of the field family
the trigger feeds, read from the trigger's clause. A clause that reports a chair, an attendance,
a speech, an agenda item, a vote or a numbered item, but gave the record nothing, is a gap in
recall; the examples show which constructions the rules do not read.

Triggers come from the rule data, so the table follows the rules: every verb of
``data/zh/triggers.jsonl`` whose acts feed a field (chair, speech, attend, agenda), every pattern
of ``data/zh/markers.jsonl``, and the few words of ``coverage_triggers.EXTRA_TRIGGERS`` (vote
reports, which the rules find by patterns of their own). See benchmarks/README.md for what is
counted.

The instrument reads records only; it does not extract anything itself.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coverage_triggers import Occurrence, Trigger, TriggerFinder
from meetingx.api import extract_document
from meetingx.reading import Document, InputError, iter_inputs
from meetingx.record import MeetingRecord

REPO = Path(__file__).resolve().parent.parent
BULK = REPO.parent / "shared" / "corpus" / "bulk" / "reports.jsonl"

#: Families whose values are people or groups: a clause also counts as read when it writes one of
#: them (a speaker's second 指出 has no evidence of its own: evidence points at the first mention).
PERSON_FAMILIES = frozenset({"chair", "speakers", "attendees"})
#: Characters of an example clause shown on each side of the trigger.
EXAMPLE_CONTEXT = 40


@dataclass
class Row:
    trigger: Trigger
    occurrences: int = 0
    documents: set[str] = field(default_factory=set)
    missed: int = 0
    missed_documents: set[str] = field(default_factory=set)
    examples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return round(self.missed / self.occurrences, 3) if self.occurrences else None

    def to_json(self) -> dict[str, Any]:
        return {"trigger": self.trigger.label, "families": list(self.trigger.families),
                "source": self.trigger.source, "occurrences": self.occurrences,
                "documents": len(self.documents), "missed": self.missed,
                "missed_documents": len(self.missed_documents), "missed_share": self.share,
                "examples": self.examples}


class RecordValues:
    """Where a record's values stand, by field family: evidence spans, and the people named."""

    def __init__(self, record: MeetingRecord) -> None:
        title = record.evidence.get("/title")
        self.headline = (title.start, title.end) if title else (0, 0)
        self.spans: dict[str, list[tuple[int, int]]] = {}
        for pointer, evidence in record.evidence.items():
            family = pointer.split("/")[1]
            self.spans.setdefault(family, []).append((evidence.start, evidence.end))
        self.names: dict[str, list[str]] = {
            "chair": [person.name for person in record.chair],
            "speakers": [person.name for person in record.speakers],
            "attendees": list(record.attendees),
        }

    def in_headline(self, position: int) -> bool:
        return self.headline[0] <= position < self.headline[1]

    def reads(self, families: Iterable[str], text: str, start: int, end: int) -> bool:
        """Whether a value of one of ``families`` was read from text[start:end]: its evidence
        overlaps the span, or (for people) a person of the family is written in it."""
        clause = text[start:end]
        for family in families:
            if any(s < end and e > start for s, e in self.spans.get(family, ())):
                return True
            if family in PERSON_FAMILIES and any(len(n) >= 2 and n in clause for n in self.names.get(family, ())):
                return True
        return False


def _example(document: Document, occurrence: Occurrence) -> dict[str, Any]:
    text = document.text
    start = max(occurrence.clause_start, occurrence.start - EXAMPLE_CONTEXT)
    end = min(occurrence.clause_end, occurrence.end + EXAMPLE_CONTEXT)
    shown = ("…" if start > occurrence.clause_start else "") + text[start:end] \
        + ("…" if end < occurrence.clause_end else "")
    return {"id": document.id, "start": occurrence.start, "end": occurrence.end,
            "clause": re.sub(r"\s+", " ", shown).strip()}


@dataclass
class Report:
    corpus: list[str]
    documents: int = 0
    records: int = 0
    skipped_other: int = 0
    errors: int = 0
    in_headlines: int = 0
    rows: list[Row] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "documents": self.documents, "records": self.records,
                "skipped_other": self.skipped_other, "errors": self.errors,
                "in_headlines": self.in_headlines,
                "occurrences": sum(row.occurrences for row in self.rows),
                "missed": sum(row.missed for row in self.rows),
                "triggers": [row.to_json() for row in self.rows]}


def measure(inputs: Sequence[str], only: Sequence[str] = (), limit: int | None = None,
            examples: int = 3, tagger: bool = True, broad: bool = False) -> Report:
    """Extract every document of ``inputs`` (those whose id matches one of ``only``, the first
    ``limit`` of them) and count, per trigger, the clauses that gave no value; ``broad`` adds the
    ``coverage_triggers.BROAD_VERBS``."""
    finder = TriggerFinder(broad)
    report = Report(corpus=list(inputs))
    rows: dict[str, Row] = {}
    for item in iter_inputs(inputs):
        if only and not any(fnmatch.fnmatchcase(item.id, glob) for glob in only):
            continue
        if limit is not None and report.documents >= limit:
            break
        report.documents += 1
        if isinstance(item, InputError):
            report.errors += 1
            continue
        record = extract_document(item, item.publish_date, tagger=tagger)
        report.records += 1
        if record.kind == "other":
            report.skipped_other += 1  # the rules say no meeting was held: nothing is expected
            continue
        values = RecordValues(record)
        for occurrence in finder.find(item.text):
            if values.in_headline(occurrence.start):
                report.in_headlines += 1  # a headline restates the lead, where values are read
                continue
            label = occurrence.trigger.label
            row = rows.get(label)
            if row is None:
                row = rows[label] = Row(occurrence.trigger)
            row.occurrences += 1
            row.documents.add(item.id)
            if values.reads(row.trigger.families, item.text, occurrence.clause_start, occurrence.clause_end):
                continue
            row.missed += 1
            if item.id not in row.missed_documents and len(row.examples) < examples:
                row.examples.append(_example(item, occurrence))
            row.missed_documents.add(item.id)
    for trigger in finder.triggers():
        rows.setdefault(trigger.label, Row(trigger))
    report.rows = sorted(rows.values(), key=lambda row: (-row.missed, -row.occurrences, row.trigger.label))
    return report


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


HEADER = ("trigger", "families", "occurrences", "docs", "no value", "share")


def _cells(row: Row) -> tuple[str, ...]:
    share = "-" if row.share is None else f"{row.share:.0%}"
    return (row.trigger.label, "+".join(row.trigger.families), str(row.occurrences),
            str(len(row.documents)), str(row.missed), share)


def _summary(report: Report) -> str:
    occurrences = sum(row.occurrences for row in report.rows)
    missed = sum(row.missed for row in report.rows)
    return (f"{report.documents} documents, {report.records} records ({report.skipped_other} 'other' "
            f"skipped), {report.errors} errors; {occurrences} trigger occurrences ({report.in_headlines} "
            f"more in headlines not counted), {missed} without a value")


def render_text(report: Report) -> str:
    """The table (biggest gaps first), then the example clauses of each trigger with a gap."""
    table = [HEADER, *(_cells(row) for row in report.rows)]
    widths = [max(_width(cells[i]) for cells in table) for i in range(len(HEADER))]
    lines = [f"coverage of {' '.join(report.corpus)}: {_summary(report)}", ""]
    for cells in table:
        lines.append("  ".join(_pad(cell, widths[i], right=i >= 2) for i, cell in enumerate(cells)).rstrip())
    for row in report.rows:
        if row.examples:
            lines += ["", f"{row.trigger.label} ({'+'.join(row.trigger.families)}): {row.missed} of "
                          f"{row.occurrences} without a value, in {len(row.missed_documents)} documents"]
            lines += [f"  {example['id']}  {example['clause']}" for example in row.examples]
    return "\n".join(lines) + "\n"


def render_markdown(report: Report, top: int | None = None) -> str:
    """The table as Markdown (its ``top`` rows), for the README."""
    lines = [f"| {' | '.join(HEADER)} |", "|" + "---|" * len(HEADER)]
    lines += [f"| {' | '.join(_cells(row))} |" for row in report.rows[:top]]
    return f"{_summary(report)}\n\n" + "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", default=[str(BULK)],
                        help="files, directories or JSON Lines files, as for meetingx extract (default: the bulk corpus)")
    parser.add_argument("--only", action="append", default=[], metavar="GLOB",
                        help="only documents whose id matches GLOB (repeatable)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N documents")
    parser.add_argument("--examples", type=int, default=3, metavar="N",
                        help="example clauses per trigger, from N different documents (default 3)")
    parser.add_argument("--top", type=int, default=None, metavar="N", help="--markdown: only the first N rows")
    parser.add_argument("--all", action="store_true", dest="broad",
                        help="also the broad verbs of the rule data (学习, 报告, 要求…; see BROAD_VERBS)")
    parser.add_argument("--no-tagger", action="store_true", help="extract without the people tagger")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    report = measure(args.inputs, args.only, args.limit, args.examples,
                     tagger=not args.no_tagger, broad=args.broad)
    if args.json:
        out = json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n"
    elif args.markdown:
        out = render_markdown(report, args.top)
    else:
        out = render_text(report)
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
