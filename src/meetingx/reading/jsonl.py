"""JSON Lines files: one ``{"id", "text"}`` object a line, with an optional ``publish_date``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from meetingx.reading.base import Document, InputError, Unreadable, check_size, require_text

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def iter_jsonl(path: Path) -> Iterator[Document | InputError]:
    """A Document or an InputError for every non-blank line, in order.

    The file must be UTF-8 (JSON's encoding). An object without ``id`` gets ``<stem>:<line>``.
    """
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, 1):
            if raw.strip():
                yield read_jsonl_line(raw, path, number)


def read_jsonl_line(raw: bytes, path: Path, number: int) -> Document | InputError:
    """The Document of one JSON Lines line, or the InputError that says what is wrong with it."""
    id = f"{path.stem}:{number}"
    try:
        obj = _parse_object(raw, first_line=number == 1)
        if obj.get("id") is not None:
            if not _is_unicode(str(obj["id"])):
                raise Unreadable("bad-jsonl", '"id" is not valid Unicode (a lone surrogate)')
            id = str(obj["id"])
        text = obj.get("text")
        if not isinstance(text, str):
            raise Unreadable("bad-jsonl", 'object has no "text" string')
        publish_date = obj.get("publish_date")
        if publish_date is not None and not (isinstance(publish_date, str) and _ISO_DATE.match(publish_date)):
            raise Unreadable("bad-jsonl", f'"publish_date" is not YYYY-MM-DD: {publish_date!r}')
        if not _is_unicode(text):
            raise Unreadable("bad-jsonl", '"text" is not valid Unicode (a lone surrogate)')
        check_size(len(text.encode("utf-8")))
        require_text(text)
    except Unreadable as problem:
        return InputError(id=id, path=str(path), line=number, code=problem.code, message=problem.message)
    return Document(id=id, text=text, path=str(path), publish_date=publish_date)


def _is_unicode(value: str) -> bool:
    """False for a string with a lone surrogate, which JSON may escape (\\ud800) but no UTF-8
    output can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_object(raw: bytes, first_line: bool) -> dict:
    try:
        obj = json.loads(raw.decode("utf-8-sig" if first_line else "utf-8"))
    except UnicodeDecodeError as problem:
        raise Unreadable("bad-jsonl", f"line is not UTF-8: {problem}")
    except json.JSONDecodeError as problem:
        raise Unreadable("bad-jsonl", f"line is not JSON: {problem}")
    if not isinstance(obj, dict):
        raise Unreadable("bad-jsonl", f"line is a JSON {type(obj).__name__}, not an object")
    return obj
