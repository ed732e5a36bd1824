"""JSON Lines files: one ``{"id", "text"}`` object a line, with an optional ``publish_date``.

Every line that yields no document yields a ``bad-jsonl`` error entry with its line number,
whatever is wrong with it: not UTF-8, not JSON (including numbers of more than 4,300 digits and
nesting too deep to parse), a string that UTF-8 cannot encode back (a lone surrogate such as
``"\\ud800"``), not an object, no ``"text"`` string, an ``"id"`` that is neither a string nor an
integer, or a ``"publish_date"`` that is not a day of the calendar.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from meetingx.reading import base
from meetingx.reading.base import Document, InputError, Unreadable, check_size, require_text
from meetingx.record import is_calendar_date
from meetingx.safe_json import NotJSON, loads

#: Bytes a line may hold besides its text: the id, the publish date and any other keys.
OTHER_KEYS_BYTES = 1_000_000

_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
               int: "a number", float: "a number", type(None): "null"}


def iter_jsonl(path: Path) -> Iterator[Document | InputError]:
    """A Document or an InputError for every non-blank line, in order.

    The file must be UTF-8 (JSON's encoding). An object without ``id`` gets ``<stem>:<line>``.
    A line is read only up to the longest a line holding a text within the size limit can be
    (see :func:`longest_line`); a longer one is ``too-large``, read and dropped a piece at a time.
    """
    return (item for _, _, item in jsonl_lines(path))


def jsonl_lines(path: Path) -> Iterator[tuple[int, int, Document | InputError]]:
    """:func:`iter_jsonl`'s items, each after its line's number and byte offset in the file,
    from which :func:`read_jsonl_at` reads that line again."""
    longest = longest_line()
    with path.open("rb") as lines:
        number = 0
        offset = 0
        while raw := lines.readline(longest + 1):
            number += 1
            line_offset = offset
            if _torn(raw, longest):
                while (rest := lines.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # the rest of the line, read and dropped piece by piece
                offset = lines.tell()
                yield number, line_offset, _too_large(path, number)
                continue
            offset += len(raw)
            if raw.strip():
                yield number, line_offset, read_jsonl_line(raw, path, number)


def read_jsonl_at(path: Path, number: int, offset: int) -> Document | InputError:
    """The item of the line ``number`` of a JSON Lines file, which starts at byte ``offset``
    (as :func:`jsonl_lines` gives it), read as :func:`iter_jsonl` reads it."""
    try:
        with path.open("rb") as lines:
            lines.seek(offset)
            raw = lines.readline(longest_line() + 1)
    except OSError as error:
        return InputError(id=f"{path.stem}:{number}", path=str(path), line=number, code="unreadable",
                          message=f"{type(error).__name__}: {error}")
    return _too_large(path, number) if _torn(raw, longest_line()) else read_jsonl_line(raw, path, number)


def longest_line() -> int:
    """The longest line read, in bytes: a text within the size limit with every character escaped
    as ``\\uXXXX`` (six bytes), and :data:`OTHER_KEYS_BYTES` for the rest."""
    return 6 * base.MAX_DOCUMENT_BYTES + OTHER_KEYS_BYTES


def _torn(raw: bytes, longest: int) -> bool:
    """Whether a line read up to ``longest`` bytes goes on past them."""
    return len(raw) > longest and not raw.endswith(b"\n")


def _too_large(path: Path, number: int) -> InputError:
    return InputError(id=f"{path.stem}:{number}", path=str(path), line=number, code="too-large",
                      message=f"line of more than {longest_line()} bytes, over the size limit")


def read_jsonl_line(raw: bytes, path: Path, number: int) -> Document | InputError:
    """The Document of one JSON Lines line, or the InputError that says what is wrong with it."""
    id = f"{path.stem}:{number}"
    try:
        obj = _parse_object(raw, first_line=number == 1)
        id = _document_id(obj.get("id"), id)
        text = obj.get("text")
        if not isinstance(text, str):
            raise Unreadable("bad-jsonl", 'object has no "text" string')
        publish_date = obj.get("publish_date")
        if publish_date is not None and not (isinstance(publish_date, str) and is_calendar_date(publish_date)):
            shown = json.dumps(publish_date, ensure_ascii=False)
            raise Unreadable("bad-jsonl", f'"publish_date" is not a date written YYYY-MM-DD: {shown}')
        check_size(len(text.encode("utf-8")))
        require_text(text)
    except Unreadable as problem:
        return InputError(id=id, path=str(path), line=number, code=problem.code, message=problem.message)
    return Document(id=id, text=text, path=str(path), publish_date=publish_date, line=number)


def _parse_object(raw: bytes, first_line: bool) -> dict[str, Any]:
    try:
        obj = loads(raw.decode("utf-8-sig" if first_line else "utf-8"), finite=False)
    except UnicodeDecodeError as problem:
        raise Unreadable("bad-jsonl", f"line is not UTF-8: {problem}")
    except NotJSON as problem:
        raise Unreadable("bad-jsonl", f"line is not JSON: {problem.message}")
    if not isinstance(obj, dict):
        raise Unreadable("bad-jsonl", f"line is {_JSON_TYPES[type(obj)]}, not an object")
    return obj


def _document_id(value: Any, default: str) -> str:
    """The document id an ``"id"`` value gives: a string as it is, an integer as its digits
    (``17`` -> ``"17"``), ``default`` when absent or null. Any other value is refused rather than
    turned into some spelling of it (``true``, ``1.5``, objects)."""
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise Unreadable("bad-jsonl", f'"id" is {_JSON_TYPES[type(value)]}, not a string or an integer')
