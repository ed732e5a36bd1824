"""The one entry point: paths, directories, JSON Lines files and ``-`` become a stream of
Documents, with an InputError in the place of each input that cannot be read.

Ids: a file given by its path has its stem as id (``in/x.txt`` is ``x``); a file found in a
directory has its path relative to that directory, without the suffix, with ``/`` between folders
(``dir/a/x.txt`` under ``dir`` is ``a/x``); a JSON Lines object has its ``id``; standard input is
``stdin``. Two documents never share an id: the second to claim one is a ``duplicate-id`` error
entry (of ``x.pdf`` and ``x.txt`` side by side, ``x.txt``, as it is sorted after ``x.pdf``).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from meetingx.reading.base import Document, InputError, Unreadable, check_size, read_bounded, read_file_bytes
from meetingx.reading.formats import JSONL_SUFFIXES, SUFFIXES, format_of, read_document
from meetingx.reading.jsonl import iter_jsonl, read_jsonl_line
from meetingx.reading.walk import walk

STDIN_ID = "stdin"


def iter_inputs(specs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """Every document of every input, in order; an input that cannot be read yields an
    InputError in its place, so that nothing is lost and the order is kept.

    A spec is a file (read by its suffix, see :data:`~meetingx.reading.formats.SUFFIXES`; a file
    without a known suffix by its content), a directory (every file in it, see
    :func:`~meetingx.reading.walk.walk`), a ``.jsonl``/``.ndjson`` file, or ``-`` for ``stdin``
    (default: the process's standard input), read like a file.
    """
    claimed: dict[str, str] = {}  # id -> where the document that has it came from
    for spec in specs:
        for item in _items(spec, stdin):
            if isinstance(item, Document):
                if item.id in claimed:
                    item = duplicate_id(item, claimed[item.id])
                else:
                    claimed[item.id] = origin(item)
            yield item


@dataclass(frozen=True)
class DocumentFile:
    """A file that holds one document, with the id it gets."""

    path: Path
    id: str


@dataclass(frozen=True)
class JsonlFile:
    """A JSON Lines file: a document a line."""

    path: Path


class StandardInput:
    """Standard input, the spec ``-``."""


#: What a spec names before anything is read: files and JSON Lines files in input order, and an
#: error entry for a part of a directory that cannot be walked or a file type meetingx does not read.
Source = DocumentFile | JsonlFile | StandardInput | InputError


def input_sources(spec: str) -> Iterator[Source]:
    """The sources of one spec, in input order, found without reading any file."""
    if spec == "-":
        yield StandardInput()
        return
    path = Path(spec)
    if path.is_dir():
        for found in walk(path):
            if isinstance(found, InputError):
                yield found
            elif found.path.suffix.lower() in JSONL_SUFFIXES:
                yield JsonlFile(found.path)
            elif found.path.suffix.lower() in SUFFIXES:
                yield DocumentFile(found.path, found.id)
            else:
                yield InputError(id=found.id, path=str(found.path), code="unsupported",
                                 message=_unsupported(found.path))
    elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
        yield JsonlFile(path)
    else:
        yield DocumentFile(path, path.stem)


def _items(spec: str, stdin: BinaryIO | None) -> Iterator[Document | InputError]:
    for source in input_sources(spec):
        if isinstance(source, StandardInput):
            yield read_stdin(stdin or sys.stdin.buffer)
        elif isinstance(source, JsonlFile):
            yield from iter_jsonl(source.path)
        elif isinstance(source, DocumentFile):
            yield read_file(source.path, source.id)
        else:
            yield source


def origin(document: Document) -> str:
    """Where a document came from, as a ``duplicate-id`` entry names it."""
    return document.path or "standard input"


def duplicate_id(document: Document, claimed_by: str) -> InputError:
    """The ``duplicate-id`` entry of a document whose id the document from ``claimed_by`` has."""
    return InputError(id=document.id, path=document.path, code="duplicate-id",
                      message=f"another document has this id: the one from {claimed_by}")


def _unsupported(path: Path) -> str:
    kind = f"{path.suffix.lower()} files" if path.suffix else "files without a suffix"
    readable = ", ".join(sorted(SUFFIXES)) + ", " + ", ".join(sorted(JSONL_SUFFIXES))
    return f"unsupported file type: {kind} are not read in a directory (meetingx reads {readable})"


def read_file(path: Path, id: str | None = None) -> Document | InputError:
    """The Document of a file (``id``: its stem unless given), or the InputError that says why not."""
    id = path.stem if id is None else id

    def read() -> Document:
        data = read_file_bytes(path)
        return read_document(id, str(path), data, format_of(path.suffix.lower(), data))

    return _read_or_error(id, str(path), read)


def read_stdin(stream: BinaryIO) -> Document | InputError:
    """The Document of standard input's bytes (read by its content), or the InputError that says why not."""

    def read() -> Document:
        data = read_bounded(stream)
        return read_document(STDIN_ID, None, data, format_of("", data))

    return _read_or_error(STDIN_ID, None, read)


def read_upload(name: str, data: bytes) -> Iterator[Document | InputError]:
    """The documents of a file received as bytes (an upload), read as :func:`iter_inputs` reads
    the file ``name``: by its suffix (else by its content), a JSON Lines file giving a document a line."""
    path = PurePath(name)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        for number, raw in enumerate(io.BytesIO(data), 1):  # lines as a file gives them
            if raw.strip():
                yield read_jsonl_line(raw, Path(name), number)
        return

    def read() -> Document:
        check_size(len(data))  # the size limit, as for a file
        return read_document(path.stem, name, data, format_of(suffix, data))

    yield _read_or_error(path.stem, name, read)


def _read_or_error(id: str, path: str | None, read: Callable[[], Document]) -> Document | InputError:
    try:
        return read()
    except Unreadable as problem:
        return InputError(id=id, path=path, code=problem.code, message=problem.message)
    # Anything else is an input the OS or a converter (PDFium, lxml, trafilatura) failed on: a
    # permission denied, a broken .docx. It becomes an error entry and the batch goes on.
    except Exception as error:
        return InputError(id=id, path=path, code="unreadable", message=f"{type(error).__name__}: {error}")
