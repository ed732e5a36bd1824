"""What ``meetingx eval`` reads: gold annotations (``<id>.gold.json``, the format the README
describes) and records (JSON Lines). An input it cannot read raises :class:`BadInput`, whose
message names the file and line, never a traceback."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from meetingx.safe_json import NotJSON, loads

GOLD_SUFFIX = ".gold.json"
#: The keys of a gold object: strings or null, lists of people, lists of strings, lists of items.
SCALAR_FIELDS = ("title", "meeting_name", "organizer", "date", "date_text", "time_of_day",
                 "publish_date", "venue")
PEOPLE_FIELDS = ("chair", "speakers")
_STRING_LISTS = ("attendees", "agenda")
_ITEM_LISTS = ("directives", "resolutions")


class BadInput(Exception):
    """A gold file or records file that cannot be read as one; the message says where and why."""


def gold_paths(gold_dir: Path, only: Sequence[str] = ()) -> list[Path]:
    """The ``<id>.gold.json`` files of ``gold_dir`` in name order, limited to ids matching ``only``."""
    paths = sorted(gold_dir.glob(f"*{GOLD_SUFFIX}"))
    if only:
        paths = [path for path in paths
                 if any(fnmatch(path.name[:-len(GOLD_SUFFIX)], pattern) for pattern in only)]
    return paths


def read_gold(path: Path) -> tuple[str, dict[str, Any]]:
    """``(id, gold object)`` of a gold file; :class:`BadInput` unless it is a JSON object with a
    string ``id`` and a ``gold`` object of the documented shape."""
    annotation = _load(path)
    problem = _annotation_problem(annotation)
    if problem:
        raise BadInput(f"{path}: not a gold annotation: {problem}")
    return annotation["id"], annotation["gold"]


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """Records of a JSON Lines file by id; :class:`BadInput` for a file that cannot be read or a
    line that is not JSON (which the reference scorer skips: a record lost that way would lower
    the score unseen). Lines that are not objects with an id are skipped, and a later record of
    an id replaces an earlier one, as the reference scorer does."""
    records: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = loads(line)
        except NotJSON as error:
            raise BadInput(f"{path}:{number}: not JSON: {error.message}") from None
        if isinstance(record, dict) and "id" in record:
            records[str(record["id"])] = record
    return records


def extract_records(gold_files: Iterable[Path]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Records extracted now from the ``<id>.txt`` beside each gold file, and a message for each
    text that could not be read or extracted (its document then counts as without a record)."""
    from meetingx.api import extract_document
    from meetingx.reading import InputError, iter_inputs

    text_files = [gold_file.with_name(gold_file.name[:-len(GOLD_SUFFIX)] + ".txt") for gold_file in gold_files]
    records: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    # Read as ``meetingx extract`` reads them, so that both give the same records.
    for document in iter_inputs([str(path) for path in text_files if path.is_file()]):
        if isinstance(document, InputError):
            problems.append(f"{document.id}: {document.code}: {document.message}")
            continue
        try:
            record = extract_document(document).to_json_dict()
        except Exception as error:  # one failing document must not end the evaluation
            problems.append(f"{document.id}: extract-failed: {type(error).__name__}: {error}")
            continue
        records[str(record["id"])] = record
    return records, problems


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot read the file: {getattr(error, 'strerror', None) or error}") from None


def _load(path: Path) -> Any:
    try:
        return loads(_read_text(path))
    except NotJSON as error:
        raise BadInput(f"{path}: not JSON: {error.message}") from None


def _annotation_problem(annotation: Any) -> str | None:
    """What keeps ``annotation`` from being a gold annotation, or None."""
    if not isinstance(annotation, dict):
        return "not a JSON object"
    if not isinstance(annotation.get("id"), str):
        return '"id" is not a string'
    gold = annotation.get("gold")
    if not isinstance(gold, dict):
        return '"gold" is not an object'
    for name in SCALAR_FIELDS:
        if not isinstance(gold.get(name), (str, type(None))):
            return f'"{name}" is not a string or null'
    for names, item_type, kind in ((PEOPLE_FIELDS, dict, "objects"), (_STRING_LISTS, str, "strings"),
                                   (_ITEM_LISTS, dict, "objects")):
        for name in names:
            items = gold.get(name)
            if items is not None and not (isinstance(items, list) and all(isinstance(item, item_type) for item in items)):
                return f'"{name}" is not a list of {kind}'
    for name in PEOPLE_FIELDS:
        for index, person in enumerate(gold.get(name) or []):
            roles = person.get("roles")
            if not isinstance(person.get("name"), (str, type(None))) or roles is not None and not (
                    isinstance(roles, list) and all(isinstance(role, str) for role in roles)):
                return f'"{name}" {index}: "name" is not a string or "roles" not a list of strings'
    return None
