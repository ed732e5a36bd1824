"""Checking records from any producer against ``shared/spec/record.md``.

Three kinds of check run on every record:

- **schema**: JSON Schema (draft 2020-12, with format checking) against :func:`meetingx.schema.record_schema`;
- **evidence**: every evidence key resolves to a value; offsets are ordered and within the text; with
  the source text at hand, its sha256 and length match ``source`` and ``text[start:end]`` equals
  every string value that was read from the text;
- **consistency**: numbering, dates, duplicate people, integer counts.

Problems carry RFC 6901 pointers into the record (``""`` is the whole record).
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from meetingx.reading.base import Unreadable, text_sha256
from meetingx.reading.sources import SourceFinder
from meetingx.record import EDTF_PATTERN, ISO_DATE_PATTERN, MEETING_LISTS, MEETING_SCALARS
from meetingx.safe_json import NotJSON, loads
from meetingx.schema import record_schema

Check = Literal["input", "schema", "evidence", "source", "consistency"]
#: How a check reports a problem: (check, pointer, message).
Emit = Callable[[Check, str, str], None]

#: Keys outside the values half; evidence may not point into them.
_NON_VALUE_KEYS = frozenset({"evidence", "source", "warnings", "extractor"})
#: Values that are normalised rather than copied from the text: their evidence points at the words
#: they were read from, so only the offsets' bounds are checked, not ``text[start:end] == value``.
_NORMALISED = frozenset({"/schema_version", "/id", "/lang", "/kind", "/date", "/publish_date", "/time_of_day"})

_EDTF = re.compile(EDTF_PATTERN)
_ISO_DATE = re.compile(ISO_DATE_PATTERN)
_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")
_BAD_TILDE = re.compile(r"~(?![01])")
_EDTF_DAY = re.compile(r"^(?P<year>\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record or an input.

    ``pointer`` is an RFC 6901 pointer into the record (``""`` for the record itself), or None when
    the problem is not about a place in a record (an unreadable file or line). ``check`` says which
    kind of check found it; ``"input"`` problems mean the input could not be read.
    """

    file: str
    line: int
    record_id: str | None
    pointer: str | None
    message: str
    check: Check

    def to_text(self) -> str:
        """``<file>:<line>: <record id> <pointer> <message>``; the record root shows as ``/``."""
        pointer = "-" if self.pointer is None else (self.pointer or "/")
        return f"{self.file}:{self.line}: {self.record_id or '-'} {pointer} {self.message}"


@dataclass
class Report:
    """The outcome of validating some files."""

    problems: list[Problem] = field(default_factory=list)
    records: int = 0
    invalid: int = 0
    #: Records whose source text could not be found, so that only structural checks ran.
    without_source: int = 0

    @property
    def unreadable(self) -> int:
        return sum(problem.check == "input" for problem in self.problems)

    @property
    def exit_code(self) -> int:
        """0 all valid, 1 some record invalid, 2 some input unreadable."""
        if self.unreadable:
            return 2
        return 1 if self.invalid else 0

    def summary(self) -> str:
        return f"{self.records} records, {self.invalid} invalid, {len(self.problems)} problems"

    def add(self, record: Any, text: str | None, *, file: str, line: int, source_name: str | None = None) -> None:
        """Validate one record (see :func:`validate_record`) and count it."""
        self.records += 1
        if text is None:
            self.without_source += 1
        problems = validate_record(record, text, file=file, line=line, source_name=source_name)
        if problems:
            self.invalid += 1
            self.problems.extend(problems)

    def to_json(self) -> dict[str, Any]:
        problems = []
        for problem in self.problems:
            item = asdict(problem)
            item["id"] = item.pop("record_id")
            problems.append(item)
        return {
            "problems": problems,
            "summary": {
                "records": self.records,
                "invalid": self.invalid,
                "problems": len(self.problems),
                "unreadable": self.unreadable,
                "without_source": self.without_source,
            },
        }


# ---------------------------------------------------------------------------------------------
# JSON Pointer


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def to_pointer(path: Iterable[str | int]) -> str:
    return "".join("/" + escape_token(str(token)) for token in path)


def parse_pointer(pointer: str) -> list[str]:
    """The reference tokens of an RFC 6901 pointer; ValueError when it is not one."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError("does not start with /")
    if _BAD_TILDE.search(pointer):
        raise ValueError("has a ~ not followed by 0 or 1")
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def resolve_pointer(document: Any, tokens: list[str]) -> Any:
    """The value the tokens point at; LookupError saying where the walk stopped."""
    value = document
    for depth, token in enumerate(tokens):
        if isinstance(value, dict):
            if token not in value:
                raise LookupError(f"{_walked(tokens, depth)} has no key {token!r}")
            value = value[token]
        elif isinstance(value, list):
            if not _ARRAY_INDEX.fullmatch(token):
                raise LookupError(f"{token!r} is not an index into {_walked(tokens, depth)}")
            if int(token) >= len(value):
                raise LookupError(f"{_walked(tokens, depth)} has {len(value)} items, no index {token}")
            value = value[int(token)]
        else:
            raise LookupError(f"{_walked(tokens, depth)} is not an object or array")
    return value


def _walked(tokens: list[str], depth: int) -> str:
    """Where a walk along ``tokens`` stands after ``depth`` of them, for a message."""
    return to_pointer(tokens[:depth]) or "the record"


# ---------------------------------------------------------------------------------------------
# Checks of one record


def validate_record(record: Any, text: str | None, *, file: str = "<record>", line: int = 1,
                    source_name: str | None = None) -> list[Problem]:
    """Every problem of one record. ``text`` is the source text, or None when it is not at hand;
    ``source_name`` says where it came from, for the messages."""
    record_id = record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else None
    problems: list[Problem] = []

    def report(check: Check, pointer: str, message: str) -> None:
        problems.append(Problem(file, line, record_id, pointer, message, check))

    for pointer, message in _schema_errors(record):
        report("schema", pointer, message)
    if not isinstance(record, dict):
        return problems

    text = _check_source(record, text, source_name, report)
    _check_evidence(record, text, report)
    _check_integers(record, report)
    _check_numbering(record, "directives", report, restarts=True)
    _check_numbering(record, "resolutions", report)
    _check_dates(record, report)
    _check_no_meeting(record, report)
    _check_pages(record, report)
    for key in ("chair", "speakers"):
        _check_duplicate_people(record, key, report)
    return problems


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(record_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    return jsonschema_rs.validator_for(record_schema(), validate_formats=True)


def _schema_errors(record: Any) -> Iterator[tuple[str, str]]:
    # The compiled validator answers "valid?" some sixty times faster; jsonschema explains a "no"
    # with the messages and paths auditors see. Most records are valid, so most take the fast path.
    if _fast_validator().is_valid(record):
        return
    for error in _validator().iter_errors(record):
        for leaf, message in _leaf_errors(error):
            yield to_pointer(leaf.absolute_path), message


def _leaf_errors(error: ValidationError) -> list[tuple[ValidationError, str]]:
    """The errors worth showing for one schema error.

    An ``anyOf`` (how the schema spells an optional field) fails with "not valid under any of the
    given schemas". When one branch had the right type, its own errors say what is wrong; when
    none did, the message lists the types that would do.
    """
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [(error, error.message)]
    typed = [sub for sub in error.context if sub.validator != "type"]
    if typed:
        return [leaf for sub in typed for leaf in _leaf_errors(sub)]
    types: list[str] = []
    for sub in error.context:
        value = sub.validator_value
        types.extend(value if isinstance(value, list) else [value])
    return [(error, f"{error.instance!r} is not of type {' or '.join(repr(t) for t in types)}")]


def _check_source(record: dict, text: str | None, source_name: str | None, report: Emit) -> str | None:
    """Compare the text with ``source``; the text the offsets may be checked against, or None."""
    if text is None:
        return None
    source = record.get("source")
    sha256 = source.get("sha256") if isinstance(source, dict) else None
    if not isinstance(sha256, str):
        return None  # the schema error says why; without a hash the offsets can't be trusted
    described = f"the source text {source_name}" if source_name else "the source text"
    actual = text_sha256(text)
    if actual != sha256:
        report("source", "/source/sha256",
               f"{described} has sha256 {actual}, not {sha256}; offsets not checked against it")
        return None
    chars = source.get("chars")
    if _is_int(chars) and chars != len(text):
        report("source", "/source/chars",
               f"{described} has {len(text)} characters, not {chars}")
    return text


def _check_evidence(record: dict, text: str | None, report: Emit) -> None:
    evidence = record.get("evidence")
    if not isinstance(evidence, dict):
        return
    source = record.get("source")
    chars = source.get("chars") if isinstance(source, dict) else None
    limit = len(text) if text is not None else (chars if _is_int(chars) else None)
    for key, entry in evidence.items():
        problem = _evidence_problem(record, key, entry, text, limit)
        if problem is not None:
            report("evidence", "/evidence/" + escape_token(key), problem)


def _evidence_problem(record: dict, key: str, entry: Any, text: str | None, limit: int | None) -> str | None:
    """What is wrong with one evidence entry, or None. ``limit`` is the length of the text."""
    try:
        tokens = parse_pointer(key)
    except ValueError as error:
        return f"evidence key {key!r} is not a JSON Pointer: it {error}"
    if not tokens or tokens[0] in _NON_VALUE_KEYS:
        return f"evidence key {key!r} does not point at a value of the values half"
    try:
        value = resolve_pointer(record, tokens)
    except LookupError as error:
        return f"evidence key {key} points at nothing: {error}"
    if not isinstance(entry, dict):
        return None
    start, end = entry.get("start"), entry.get("end")
    if not (_is_int(start) and _is_int(end)) or start < 0 or end < 0:
        return None  # the schema error says why
    start, end = int(start), int(end)
    if start > end:
        return f"start {start} is after end {end}"
    if limit is not None and end > limit:
        return f"end {end} is beyond the end of the text ({limit} characters)"
    if text is not None and isinstance(value, str) and key not in _NORMALISED and text[start:end] != value:
        return f"text[{start}:{end}] is {text[start:end]!r}, not the value {value!r}"
    return None


def _check_integers(record: dict, report: Emit) -> None:
    """Counts written as floats: the schema's ``integer`` accepts ``3.0``, a count should not be one."""
    # (path, value) of every count; the path becomes a pointer only for a problem.
    places: list[tuple[tuple[str | int, ...], Any]] = []
    for key in ("directives", "resolutions"):
        for index, item in _items(record, key):
            places.append(((key, index, "number"), item.get("number")))
    for index, item in _items(record, "resolutions"):
        votes = item.get("votes")
        if isinstance(votes, dict):
            places.extend((("resolutions", index, "votes", name), votes.get(name))
                          for name in ("for", "against", "abstain"))
    source = record.get("source")
    if isinstance(source, dict):
        places.append((("source", "chars"), source.get("chars")))
    evidence = record.get("evidence")
    if isinstance(evidence, dict):
        for key, entry in evidence.items():
            if isinstance(entry, dict):
                places.extend((("evidence", key, name), entry.get(name)) for name in ("start", "end"))
    for path, value in places:
        if isinstance(value, float) and value.is_integer():
            report("consistency", to_pointer(path), f"{value!r} is a float; write the count as an integer")


def _check_numbering(record: dict, key: str, report: Emit, restarts: bool = False) -> None:
    """Numbers run 1..n in order; with ``restarts`` (directives, spec 1.2) a 1 starts a new list,
    and a list that a nested one interrupted goes on after it (1, 2, a) 1, 3).

    CONVENTIONS.md lets an item that could not be annotated keep its place, so a gap is accepted
    when the record has a warning pointing into the list; a number out of order never is.
    """
    warned = [warning.get("pointer") for _, warning in _items(record, "warnings")]
    acknowledged = any(isinstance(pointer, str) and (pointer + "/").startswith(f"/{key}/") for pointer in warned)
    lists = [0]  # the last number of each list still open, the innermost last
    for index, item in _items(record, key):
        number = item.get("number")
        if not _is_int(number) or number < 1:
            continue  # the schema error says why
        if restarts and number == 1:
            lists.append(1)
            continue
        before = int(number) - 1
        resumed = next((depth for depth in range(len(lists) - 2, -1, -1) if lists[depth] == before), None) \
            if restarts and lists[-1] != before else None
        if resumed is not None:
            del lists[resumed + 1:]  # the lists nested in it are closed
        previous = lists[-1]
        if number <= previous:
            report("consistency", f"/{key}/{index}/number",
                   f"number {number} is out of order: it follows {previous}")
        elif number != previous + 1 and not acknowledged:
            report("consistency", f"/{key}/{index}/number",
                   f"number {number} should be {previous + 1}: {key} run 1..n"
                   + (" in each list" if restarts else "")
                   + f" (a gap needs a warning pointing into /{key})")
        lists[-1] = max(previous, int(number))


#: The values a record of ``kind`` "other" (no meeting reported) leaves null or empty (spec 1.2).
_MEETING_VALUES = MEETING_SCALARS + MEETING_LISTS


def _check_pages(record: dict, report: Emit) -> None:
    """``source.pages`` starts at 0 and never goes back or past the text; a record with pages or
    OCR says version 1.3 or later, which defines them."""
    source = record.get("source")
    if not isinstance(source, dict):
        return
    pages = source.get("pages")
    chars = source.get("chars")
    if isinstance(pages, list) and pages and all(_is_int(page) for page in pages):
        ordered = pages[0] == 0 and all(a <= b for a, b in zip(pages, pages[1:]))
        if not ordered or (_is_int(chars) and pages[-1] > chars):
            report("consistency", "/source/pages", "page starts must begin at 0, never decrease and lie within "
                                                   "the text")
    if (pages is not None or source.get("ocr") is not None) and record.get("schema_version") in ("1.0", "1.1", "1.2"):
        report("consistency", "/schema_version", "source.pages and source.ocr need schema_version 1.3")


def _check_no_meeting(record: dict, report: Emit) -> None:
    """A record of kind "other" reports no meeting: every meeting value is null or empty."""
    if record.get("kind") != "other":
        return
    for key in _MEETING_VALUES:
        if record.get(key) not in (None, []):
            report("consistency", f"/{key}", f"a record of kind 'other' reports no meeting, yet has a {key}")


def _check_dates(record: dict, report: Emit) -> None:
    date, publish = record.get("date"), record.get("publish_date")
    start: tuple[int, ...] | None = None
    if isinstance(date, str) and _EDTF.fullmatch(date):
        parts = date.split("/")
        known: list[tuple[int, ...]] = []
        for part in parts:
            try:
                known.append(_known_prefix(part))
            except ValueError as error:
                report("consistency", "/date", f"{date!r} is not a valid EDTF date: {error}")
        if len(known) == len(parts):
            start = known[0]
            if len(known) == 2 and _after(known[0], known[1]):
                report("consistency", "/date", f"the interval {date!r} starts after it ends")
    if isinstance(publish, str) and _ISO_DATE.fullmatch(publish):
        try:
            published = _known_prefix(publish)
        except ValueError as error:
            report("consistency", "/publish_date", f"{publish!r} is not a valid date: {error}")
            return
        # A report may appear while a meeting of several days is still going on: compare its start.
        if start is not None and _after(start, published):
            report("consistency", "/date", f"the meeting date {date!r} is after the publish date {publish!r}")


def _known_prefix(date: str) -> tuple[int, ...]:
    """(year, month, day) as far as they are known, left to right; ValueError for an impossible date."""
    match = _EDTF_DAY.match(date)
    if not match:
        raise ValueError("the year may only have unknown (X) digits at its end")
    year, month, day = match.group("year", "month", "day")
    if month is not None and month != "XX" and not 1 <= int(month) <= 12:
        raise ValueError(f"month {month} is not 01-12 or XX")
    if day is not None and day != "XX":
        if month is None or month == "XX":
            longest = 31
        elif "X" in year:
            longest = 29 if int(month) == 2 else calendar.monthrange(2001, int(month))[1]
        else:
            longest = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= longest:
            raise ValueError(f"day {day} is not 01-{longest:02d} or XX")
    prefix: list[int] = []
    for part in (year, month, day):
        if part is None or "X" in part:
            break
        prefix.append(int(part))
    return tuple(prefix)


def _after(first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    """Whether ``first`` is later than ``second`` on the parts both know."""
    common = min(len(first), len(second))
    return first[:common] > second[:common]


def _check_duplicate_people(record: dict, key: str, report: Emit) -> None:
    seen: dict[str, int] = {}
    for index, person in _items(record, key):
        name = person.get("name")
        if not isinstance(name, str):
            continue
        if name in seen:
            report("consistency", f"/{key}/{index}/name",
                   f"{name!r} is already in {key} at /{key}/{seen[name]}")
        else:
            seen[name] = index


def _items(record: dict, key: str) -> Iterator[tuple[int, dict]]:
    """The objects of a list-valued key, with their indexes; nothing when the shape is wrong."""
    items = record.get(key)
    if isinstance(items, list):
        yield from ((index, item) for index, item in enumerate(items) if isinstance(item, dict))


def _is_int(value: Any) -> bool:
    """A JSON integer: ``int`` or an integral ``float`` (``3.0``), never ``bool``."""
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and value.is_integer())


# ---------------------------------------------------------------------------------------------
# Reading records and source texts


@dataclass(frozen=True)
class _Entry:
    """A record as read from a file, or the reason a piece of the file could not be read."""

    line: int
    record: Any = None
    error: str | None = None


def read_records(path: str) -> Iterator[_Entry]:
    """The records of a file, each with its line: a JSON object, a JSON array of records (pretty
    printed or not), or JSON Lines. ``-`` is standard input.

    A piece that is not JSON is an entry with an error, whatever is wrong with it (see
    :func:`meetingx.safe_json.loads`: non-finite numbers, lone surrogates, numbers of more than
    4,300 digits, deep nesting); so is a file that cannot be read or is not UTF-8.
    """
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        content = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        yield _Entry(0, error=f"cannot read the file: {getattr(error, 'strerror', None) or error}")
        return
    if not path.endswith(".jsonl"):
        try:
            document = loads(content)
        except NotJSON as error:
            if not _looks_like_json_lines(content, error):
                yield _Entry(error.line or 1, error=_not_json(error))
                return
        else:
            if isinstance(document, list):
                yield from (_Entry(line, record) for line, record in _array_lines(content))
            else:
                yield _Entry(1, document)
            return
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _Entry(number, loads(line))
        except NotJSON as error:
            yield _Entry(number, error=_not_json(error))


def _not_json(error: NotJSON) -> str:
    return f"not JSON: {error.message}" + (f" (column {error.column})" if error.column else "")


def _looks_like_json_lines(content: str, error: NotJSON) -> bool:
    """Whether a file that is not one JSON document is JSON Lines (several documents, one a line)
    rather than a single document with a syntax error."""
    if error.message == "Extra data":
        return True
    first = next((line for line in content.splitlines() if line.strip()), "")
    try:
        return isinstance(loads(first), dict)
    except NotJSON:
        return False


def _array_lines(content: str) -> Iterator[tuple[int, Any]]:
    """The items of a JSON array (known to be valid), each with the line it starts on."""
    decoder = json.JSONDecoder()
    skip = re.compile(r"[\s,]*")
    position = skip.match(content, content.index("[") + 1).end()
    while content[position] != "]":
        item, end = decoder.raw_decode(content, position)
        yield content.count("\n", 0, position) + 1, item
        position = skip.match(content, end).end()


def validate_files(paths: Iterable[str], sources: Path | None = None) -> Report:
    """Validate every record of every file. ``sources`` is a directory of documents or a JSON Lines
    file of ``{"id", "text"}`` objects; without it, each record's ``source.path`` is read (see
    :mod:`meetingx.reading.sources`)."""
    report = Report()
    finder = SourceFinder(sources)
    for path in paths:
        name = "<stdin>" if path == "-" else path
        for entry in read_records(path):
            if entry.error is not None:
                report.problems.append(Problem(name, entry.line, None, None, entry.error, "input"))
                continue
            text = where = None
            if isinstance(entry.record, dict):
                try:
                    found = finder.find(entry.record)
                except Unreadable as error:
                    record_id = entry.record.get("id") if isinstance(entry.record.get("id"), str) else None
                    report.problems.append(Problem(name, entry.line, record_id, "/source",
                                                   f"cannot read the source text: {error.code}: {error.message}",
                                                   "input"))
                else:
                    text, where = (found.text, found.where) if found is not None else (None, None)
            report.add(entry.record, text, file=name, line=entry.line, source_name=where)
    return report
