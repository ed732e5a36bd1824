"""Scoring records against gold annotations: the ``meetingx eval`` command.

The matching rules and figures are those of ``shared/eval/score.py`` (the corpus's reference
scorer), so that a score printed here can be quoted next to one printed there:

- scalars match when equal after normalisation (whitespace removed, edge punctuation stripped);
  ``date_text`` also matches at 60% overlap;
- chair and speakers match by name; their roles are then matched within each person, and the roles
  of an unmatched person all count as misses (gold) or extras (record);
- attendees match at 80% overlap, agenda items at 50%;
- directives match by number and the first 8 characters of the gold text; ``directive_issuer``
  scores the issuer of matched directives against all gold directives;
- resolutions match by number and 50% text overlap; ``votes`` scores the tallies of matched ones.

Each match is greedy and one-to-one, in gold order. A field counts only where gold or records have
something for it; the score is the mean F1 of the counted fields.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from meetingx.eval_inputs import PEOPLE_FIELDS, SCALAR_FIELDS, read_gold

#: Every field that can be scored, in the order reports list them.
FIELDS = (*SCALAR_FIELDS, *PEOPLE_FIELDS, "roles", "attendees", "agenda", "directives",
          "directive_issuer", "resolutions", "votes")

_EDGE_PUNCTUATION = "，,。.;；:："
_WHITESPACE = re.compile(r"\s+")
#: Shown in a side-by-side row where one side has no value.
ABSENT = "—"

G = TypeVar("G")
F = TypeVar("F")


def normalise(value: object) -> str | None:
    """The value as compared: whitespace removed, edge punctuation stripped; None stays None."""
    if value is None:
        return None
    return _WHITESPACE.sub("", str(value)).strip(_EDGE_PUNCTUATION)


def overlap(a: object, b: object) -> float:
    """Share of the longer normalised string covered by the two strings' longest common substring."""
    first, second = normalise(a) or "", normalise(b) or ""
    if not first or not second:
        return 0.0
    longer = max(len(first), len(second))
    if first in second or second in first:
        return min(len(first), len(second)) / longer
    return _longest_common_substring(first, second) / longer


def _longest_common_substring(a: str, b: str) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0] * (len(b) + 1)
        for j, char_b in enumerate(b, 1):
            if char_a == char_b:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


@dataclass
class Tally:
    """True positives, false positives and false negatives, with the P/R/F1 they give."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, other: Tally) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives

    @property
    def is_empty(self) -> bool:
        """Nothing in gold nor in the records: the field does not count."""
        return not (self.true_positives or self.false_positives or self.false_negatives)

    @property
    def gold_count(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def found_count(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float:
        # Finding nothing is perfectly precise only when nothing was to be found.
        if self.found_count:
            return self.true_positives / self.found_count
        return 0.0 if self.false_negatives else 1.0

    @property
    def recall(self) -> float:
        if self.gold_count:
            return self.true_positives / self.gold_count
        return 0.0 if self.false_positives else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Row:
    """One line of a side-by-side comparison: a gold value and what the record has for it."""

    gold: str
    found: str


@dataclass
class FieldResult:
    """One field of one document: its tally and the values that were missed or extra."""

    tally: Tally = field(default_factory=Tally)
    misses: list[Row] = field(default_factory=list)

    def count(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tally.add(Tally(tp, fp, fn))


@dataclass
class DocumentResult:
    id: str
    has_record: bool
    fields: dict[str, FieldResult]


@dataclass
class Evaluation:
    """Per-document results and their per-field totals."""

    documents: list[DocumentResult]

    @property
    def missing(self) -> int:
        """Gold documents without a record."""
        return sum(not document.has_record for document in self.documents)

    @property
    def totals(self) -> dict[str, Tally]:
        """Summed tallies of the fields that count, in :data:`FIELDS` order."""
        totals = {name: Tally() for name in FIELDS}
        for document in self.documents:
            for name, result in document.fields.items():
                totals[name].add(result.tally)
        return {name: tally for name, tally in totals.items() if not tally.is_empty}

    @property
    def score(self) -> float | None:
        """Macro-average F1 over the fields that count; None when no field counts."""
        totals = self.totals
        if not totals:
            return None
        # Summed in name order, as the reference scorer does, so that even the last digit agrees.
        return sum(totals[name].f1 for name in sorted(totals)) / len(totals)


@dataclass
class Matching(Generic[G, F]):
    pairs: list[tuple[G, F]]
    unmatched_gold: list[G]
    unmatched_found: list[F]


def match_greedily(gold: Sequence[G], found: Sequence[F],
                   same: Callable[[G, F], bool]) -> Matching[G, F]:
    """One-to-one matching: each gold item takes the first unused found item that is the same."""
    used: set[int] = set()
    pairs: list[tuple[G, F]] = []
    unmatched_gold: list[G] = []
    for gold_item in gold:
        for index, found_item in enumerate(found):
            if index not in used and same(gold_item, found_item):
                used.add(index)
                pairs.append((gold_item, found_item))
                break
        else:
            unmatched_gold.append(gold_item)
    unmatched_found = [item for index, item in enumerate(found) if index not in used]
    return Matching(pairs, unmatched_gold, unmatched_found)


def _shown(value: object) -> str:
    """A value as displayed in a comparison row."""
    if value is None:
        return ABSENT
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _dicts(values: object) -> list[dict[str, Any]]:
    """The objects of a record's list; nothing when the value is not a list."""
    return [item for item in values if isinstance(item, dict)] if isinstance(values, list) else []


def _strings(values: object) -> list[str]:
    """The strings of a record's list; nothing when the value is not a list."""
    return [item for item in values if isinstance(item, str)] if isinstance(values, list) else []


def _score_scalar(name: str, gold_value: object, found_value: object) -> FieldResult:
    result = FieldResult()
    gold, found = normalise(gold_value), normalise(found_value)
    if gold is None and found is None:
        return result
    if gold is not None and found is not None and (
            gold == found or name == "date_text" and overlap(gold, found) >= 0.6):
        result.count(tp=1)
    else:
        result.count(fp=int(found is not None), fn=int(gold is not None))
        result.misses.append(Row(_shown(gold_value), _shown(found_value)))
    return result


def _score_people(gold_people: list[dict[str, Any]], found_people: list[dict[str, Any]],
                  people: FieldResult, roles: FieldResult) -> None:
    """Scores people by name into ``people`` and their roles, person by person, into ``roles``."""
    matching = match_greedily(gold_people, found_people,
                              lambda g, f: normalise(g["name"]) == normalise(f["name"]))
    people.count(tp=len(matching.pairs), fp=len(matching.unmatched_found),
                 fn=len(matching.unmatched_gold))
    people.misses += [Row(_shown(g["name"]), ABSENT) for g in matching.unmatched_gold]
    people.misses += [Row(ABSENT, _shown(f["name"])) for f in matching.unmatched_found]
    compared = [*matching.pairs, *((g, {}) for g in matching.unmatched_gold),
                *(({}, f) for f in matching.unmatched_found)]
    for gold_person, found_person in compared:
        name = gold_person.get("name") or found_person.get("name")
        gold_roles = [normalise(role) for role in gold_person.get("roles") or []]
        found_roles = [normalise(role) for role in _strings(found_person.get("roles"))]
        role_matching = match_greedily(gold_roles, found_roles, lambda g, f: g == f)
        roles.count(tp=len(role_matching.pairs), fp=len(role_matching.unmatched_found),
                    fn=len(role_matching.unmatched_gold))
        roles.misses += [Row(f"{name}: {role}", ABSENT) for role in role_matching.unmatched_gold]
        roles.misses += [Row(ABSENT, f"{name}: {role}") for role in role_matching.unmatched_found]


def _score_overlapping_strings(gold_items: list[Any], found_items: list[str],
                               threshold: float) -> FieldResult:
    result = FieldResult()
    matching = match_greedily(gold_items, found_items, lambda g, f: overlap(g, f) >= threshold)
    result.count(tp=len(matching.pairs), fp=len(matching.unmatched_found),
                 fn=len(matching.unmatched_gold))
    result.misses += [Row(_shown(g), ABSENT) for g in matching.unmatched_gold]
    result.misses += [Row(ABSENT, _shown(f)) for f in matching.unmatched_found]
    return result


def _same_directive(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    gold_head = (normalise(gold.get("text")) or "")[:8]
    found_text = normalise(found.get("text")) or ""
    return gold.get("number") == found.get("number") and bool(gold_head) and found_text.startswith(gold_head)


def _numbered(item: dict[str, Any], detail_key: str | None = None) -> str:
    """A numbered item as displayed, with the value under ``detail_key`` in brackets."""
    shown = f"{item.get('number')}. {_shown(item.get('text'))}"
    return shown if detail_key is None else f"{shown} [{_shown(item.get(detail_key))}]"


def _score_directives(gold_items: list[dict[str, Any]], found_items: list[dict[str, Any]],
                      directives: FieldResult, issuers: FieldResult) -> None:
    matching = match_greedily(gold_items, found_items, _same_directive)
    directives.count(tp=len(matching.pairs), fp=len(matching.unmatched_found),
                     fn=len(matching.unmatched_gold))
    directives.misses += [Row(_numbered(g), ABSENT) for g in matching.unmatched_gold]
    directives.misses += [Row(ABSENT, _numbered(f)) for f in matching.unmatched_found]
    # Every gold directive has an issuer to find (null included); only matched ones can be right.
    wrong = [(g, f) for g, f in matching.pairs
             if normalise(g.get("issuer")) != normalise(f.get("issuer"))]
    right = len(matching.pairs) - len(wrong)
    issuers.count(tp=right, fp=len(wrong), fn=len(gold_items) - right)
    issuers.misses += [Row(_numbered(g, "issuer"), _numbered(f, "issuer"))
                       for g, f in wrong]
    issuers.misses += [Row(_numbered(g, "issuer"), ABSENT) for g in matching.unmatched_gold]


def _score_resolutions(gold_items: list[dict[str, Any]], found_items: list[dict[str, Any]],
                       resolutions: FieldResult, votes: FieldResult) -> None:
    matching = match_greedily(
        gold_items, found_items,
        lambda g, f: g.get("number") == f.get("number") and overlap(g.get("text"), f.get("text")) >= 0.5)
    resolutions.count(tp=len(matching.pairs), fp=len(matching.unmatched_found),
                      fn=len(matching.unmatched_gold))
    resolutions.misses += [Row(_numbered(g), ABSENT) for g in matching.unmatched_gold]
    resolutions.misses += [Row(ABSENT, _numbered(f)) for f in matching.unmatched_found]
    # Gold tallies are the ones to find; a record's tally on a matched item is a claim to check.
    right = sum(g.get("votes") == f.get("votes") for g, f in matching.pairs if g.get("votes") is not None)
    claimed = sum(f.get("votes") is not None for _, f in matching.pairs)
    to_find = sum(g.get("votes") is not None for g in gold_items)
    votes.count(tp=right, fp=claimed - right, fn=to_find - right)
    votes.misses += [Row(_numbered(g, "votes"), _numbered(f, "votes")) for g, f in matching.pairs
                     if g.get("votes") != f.get("votes")]
    votes.misses += [Row(_numbered(g, "votes"), ABSENT)
                     for g in matching.unmatched_gold if g.get("votes") is not None]


def score_document(gold: dict[str, Any], record: dict[str, Any]) -> dict[str, FieldResult]:
    """Every field's result for one document: ``gold`` is a gold file's ``gold`` object."""
    results = {name: FieldResult() for name in FIELDS}
    for name in SCALAR_FIELDS:
        results[name] = _score_scalar(name, gold.get(name), record.get(name))
    for name in PEOPLE_FIELDS:
        gold_people = [person for person in gold.get(name) or [] if person.get("name")]
        found_people = [person for person in _dicts(record.get(name)) if person.get("name")]
        _score_people(gold_people, found_people, results[name], results["roles"])
    results["attendees"] = _score_overlapping_strings(
        gold.get("attendees") or [], _strings(record.get("attendees")), 0.8)
    results["agenda"] = _score_overlapping_strings(
        gold.get("agenda") or [], _strings(record.get("agenda")), 0.5)
    _score_directives(gold.get("directives") or [], _dicts(record.get("directives")),
                      results["directives"], results["directive_issuer"])
    _score_resolutions(gold.get("resolutions") or [], _dicts(record.get("resolutions")),
                       results["resolutions"], results["votes"])
    return results


# --- scoring gold files -------------------------------------------------------------------------

def evaluate(gold_files: Sequence[Path], records: dict[str, dict[str, Any]]) -> Evaluation:
    """Scores each gold file against the record of its id; a missing record scores as empty.
    :class:`meetingx.eval_inputs.BadInput` for a gold file that is not a gold annotation."""
    documents = []
    for gold_file in gold_files:
        id, gold = read_gold(gold_file)
        record = records.get(id)
        documents.append(DocumentResult(id=id, has_record=record is not None,
                                        fields=score_document(gold, record or {})))
    return Evaluation(documents)


# --- reports ------------------------------------------------------------------------------------

def report_json(evaluation: Evaluation, per_doc: bool = False) -> dict[str, Any]:
    """The figures as JSON, with the keys of the reference scorer's ``--json`` output
    (``docs``, ``missing``, ``fields``, ``score``) and, with ``per_doc``, a ``documents`` list."""
    report: dict[str, Any] = {
        "docs": len(evaluation.documents),
        "missing": evaluation.missing,
        "fields": {name: {"p": tally.precision, "r": tally.recall, "f1": tally.f1, "n": tally.gold_count}
                   for name, tally in evaluation.totals.items()},
        "score": evaluation.score,
    }
    if per_doc:
        report["documents"] = [
            {"id": document.id, "missing": not document.has_record,
             "fields": {name: {"tp": result.tally.true_positives, "fp": result.tally.false_positives,
                               "fn": result.tally.false_negatives,
                               "misses": [{"gold": row.gold, "found": row.found} for row in result.misses]}
                        for name, result in document.fields.items()
                        if result.tally.false_positives or result.tally.false_negatives}}
            for document in evaluation.documents]
    return report


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` terminal columns (CJK characters take two)."""
    lines, line, used = [], "", 0
    for char in text.replace("\n", " "):
        char_width = _display_width(char)
        if used + char_width > width and line:
            lines.append(line)
            line, used = "", 0
        line += char
        used += char_width
    lines.append(line)
    return lines


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _display_width(text))


_LABEL_WIDTH = len(max(FIELDS, key=len))


def _side_by_side(labels: Sequence[str], rows: Sequence[Row], column: int) -> Iterator[str]:
    """Rows as two wrapped columns, gold then record, with ``labels`` down the left edge."""
    lines: list[tuple[str, str]] = []
    for row in rows:
        gold_lines, found_lines = _wrap(row.gold, column), _wrap(row.found, column)
        height = max(len(gold_lines), len(found_lines))
        gold_lines += [""] * (height - len(gold_lines))
        found_lines += [""] * (height - len(found_lines))
        lines += zip(gold_lines, found_lines)
    lines += [("", "")] * (len(labels) - len(lines))
    for number, (gold, found) in enumerate(lines):
        label = labels[number] if number < len(labels) else ""
        yield f"  {label:{_LABEL_WIDTH}} │ {_pad(gold, column)} │ {found}".rstrip()


def _document_lines(document: DocumentResult, column: int) -> Iterator[str]:
    missed = {name: result for name, result in document.fields.items()
              if result.tally.false_positives or result.tally.false_negatives}
    status = "no record" if not document.has_record else f"{len(missed)} fields with misses"
    yield f"{document.id}: {status}"
    if not missed:
        return
    yield f"  {'field':{_LABEL_WIDTH}} │ {_pad('gold', column)} │ record"
    for name, result in missed.items():
        tally = result.tally
        counts = f"  {tally.true_positives}/{tally.gold_count}g {tally.true_positives}/{tally.found_count}r"
        yield from _side_by_side([name, counts], result.misses, column)


def report_text(evaluation: Evaluation, per_doc: bool = False, column: int = 40) -> str:
    """The figures as a table, preceded with ``per_doc`` by each document's misses side by side
    (gold on the left, the record on the right, ``—`` where a side has nothing)."""
    lines: list[str] = []
    if per_doc:
        for document in evaluation.documents:
            lines += _document_lines(document, column)
        lines.append("")
    lines.append(f"{'field':{_LABEL_WIDTH}} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
    for name, tally in evaluation.totals.items():
        lines.append(f"{name:{_LABEL_WIDTH}} {tally.precision:6.3f} {tally.recall:6.3f} "
                     f"{tally.f1:6.3f} {tally.gold_count:5d}")
    lines.append(f"docs {len(evaluation.documents)}, without a record {evaluation.missing}")
    score = evaluation.score
    lines.append("score " + ("n/a (nothing to score)" if score is None else f"{score:.3f}"))
    return "\n".join(lines)
