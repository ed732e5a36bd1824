"""Cutting the inputs into shards without reading them into the client.

The client walks the inputs as :func:`meetingx.reading.iter_inputs` does, but keeps only where
each document is: a file by its path, a line of a JSON Lines file by its number and byte offset.
Each shard's task reads its own documents again (:func:`read_unit`) with the same readers, so the
texts of an archive never pass through the client or the scheduler.

Every unit gives exactly one item, as in ``iter_inputs``: a Document or an InputError. The one
decision that needs the whole input is which document of an id comes first (the others are
``duplicate-id`` entries); :class:`_Claims` makes it as ``iter_inputs`` does, reading a file in
the client only when a second document claims its id (a file that turns out unreadable claims
none).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from meetingx.reading import Document, InputError
from meetingx.reading.inputs import (DocumentFile, JsonlFile, StandardInput, duplicate_id, input_sources,
                                     origin, read_file, read_stdin)
from meetingx.reading.jsonl import jsonl_lines, read_jsonl_at


@dataclass(frozen=True)
class FileUnit:
    """A file holding one document, read by the task."""

    path: str
    id: str
    #: Where the document that has this id already came from: the file is then a
    #: ``duplicate-id`` entry, if it reads at all.
    duplicate_of: str | None = None


@dataclass(frozen=True)
class LineUnit:
    """A line of a JSON Lines file that holds a document, read again by the task."""

    path: str
    line: int
    offset: int
    id: str


@dataclass(frozen=True)
class GivenUnit:
    """An item the client already has in full: an error entry (a bad line, a folder that cannot
    be listed, a duplicate), or standard input's document."""

    item: Document | InputError


Unit = FileUnit | LineUnit | GivenUnit


@dataclass(frozen=True)
class Shard:
    """``units`` of the input, in input order, that one task turns into one shard's files.

    ``inputs`` describes them for the manifest: where the first and the last came from, and a
    sha256 over every unit and what the client saw of it (a file's size and modification time,
    a line's text), so that a re-run tells a shard whose inputs changed from one it can keep.
    """

    index: int
    units: tuple[Unit, ...]
    inputs: dict[str, str]


def plan_shards(specs: Iterable[str], shard_size: int, stdin: BinaryIO | None = None) -> Iterator[Shard]:
    """The shards of ``shard_size`` units of the inputs ``specs`` (as for ``iter_inputs``), in order."""
    planned = _plan_units(specs, stdin)
    for index in itertools.count():
        chunk = list(itertools.islice(planned, shard_size))
        if not chunk:
            return
        digest = hashlib.sha256()
        for _, fingerprint in chunk:
            digest.update(fingerprint.encode("utf-8", "surrogatepass") + b"\n")
        inputs = {"first": _where(chunk[0][0]), "last": _where(chunk[-1][0]), "sha256": digest.hexdigest()}
        yield Shard(index, tuple(unit for unit, _ in chunk), inputs)


def read_unit(unit: Unit, cwd: str) -> Document | InputError:
    """The item of a unit, read in a task as ``iter_inputs`` reads it in the client's directory
    ``cwd`` (a relative path is taken from there, and kept as it is in the item)."""
    if isinstance(unit, GivenUnit):
        return unit.item
    located = Path(unit.path)
    if not located.is_absolute() and os.getcwd() != cwd:
        located = Path(cwd, unit.path)
    if isinstance(unit, LineUnit):
        item = read_jsonl_at(located, unit.line, unit.offset)
    else:
        item = read_file(located, unit.id)
        if isinstance(item, Document) and unit.duplicate_of is not None:
            item = duplicate_id(item, unit.duplicate_of)
    return item if item.path == unit.path else replace(item, path=unit.path)


def _plan_units(specs: Iterable[str], stdin: BinaryIO | None) -> Iterator[tuple[Unit, str]]:
    """Every unit of the inputs, in order, with its fingerprint (see :attr:`Shard.inputs`)."""
    claims = _Claims()
    for spec in specs:
        for source in input_sources(spec):
            if isinstance(source, DocumentFile):
                path = str(source.path)
                file = FileUnit(path, source.id, claims.file(source.id, path))
                yield file, _fingerprint(file, _stat(path))
            elif isinstance(source, JsonlFile):
                for number, offset, item in jsonl_lines(source.path):
                    yield _line(claims, str(source.path), number, offset, item)
            elif isinstance(source, StandardInput):
                item = read_stdin(stdin or sys.stdin.buffer)
                if isinstance(item, Document) and (claimant := claims.document(item)) is not None:
                    item = duplicate_id(item, claimant)
                yield _given(item)
            else:
                yield _given(source)


class _Claims:
    """Which document has each id, decided as :func:`meetingx.reading.iter_inputs` decides it:
    the first document of an id that reads has it. A line of JSON Lines is known to read (the
    client parsed it); a file is not until it is read, which the client does only when another
    document claims its id."""

    def __init__(self) -> None:
        #: id -> where the document that has it came from
        self._claimed: dict[str, str] = {}
        #: id -> path of the first file of that id, not read yet
        self._unread: dict[str, str] = {}

    def document(self, document: Document) -> str | None:
        """Where the document that already has this document's id came from; None, and the id is
        this document's, when none has it."""
        claimant = self._claimant(document.id)
        if claimant is None:
            self._claimed[document.id] = origin(document)
        return claimant

    def file(self, id: str, path: str) -> str | None:
        """Where the document that already has ``id`` came from; None when none has it yet, and
        the file at ``path`` has it if it reads."""
        claimant = self._claimant(id)
        if claimant is None:
            self._unread[id] = path
        return claimant

    def _claimant(self, id: str) -> str | None:
        if id in self._unread:
            path = self._unread.pop(id)
            if isinstance(read_file(Path(path), id), Document):
                self._claimed[id] = path
        return self._claimed.get(id)


def _line(claims: _Claims, path: str, number: int, offset: int, item: Document | InputError) -> tuple[Unit, str]:
    """The unit of a line of JSON Lines: a line to read again, or the error entry it is."""
    if isinstance(item, InputError):
        return _given(item)
    claimant = claims.document(item)
    if claimant is not None:
        return _given(duplicate_id(item, claimant))
    line = LineUnit(path, number, offset, item.id)
    return line, _fingerprint(line, [item.publish_date, item.sha256])


def _given(item: Document | InputError) -> tuple[Unit, str]:
    unit = GivenUnit(item)
    what = item.sha256 if isinstance(item, Document) else [item.code, item.message]
    return unit, _fingerprint(unit, [item.id, item.path, item.line, what])


def _fingerprint(unit: Unit, seen: object) -> str:
    kind = type(unit).__name__
    fields = [] if isinstance(unit, GivenUnit) else list(vars(unit).values())
    return json.dumps([kind, *fields, seen], ensure_ascii=False)


def _stat(path: str) -> list[int] | str:
    """A file's size and modification time, or why they cannot be had."""
    try:
        info = os.stat(path)
    except OSError as error:
        return error.strerror or str(error)
    return [info.st_size, info.st_mtime_ns]


def _where(unit: Unit) -> str:
    """Where a unit came from, as the manifest names the first and last of a shard."""
    if isinstance(unit, GivenUnit):
        path, line = unit.item.path, unit.item.line
        path = path if path is not None else "standard input"
    else:
        path, line = unit.path, getattr(unit, "line", None)
    return path if line is None else f"{path}:{line}"
