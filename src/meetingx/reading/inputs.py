"""The one entry point: paths, directories, JSON Lines files and ``-`` become a stream of
Documents, with an InputError in the place of each input that cannot be read."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import BinaryIO

from meetingx.reading import base
from meetingx.reading.base import Document, InputError, Unreadable, check_size, require_text
from meetingx.reading.docx import docx_to_text
from meetingx.reading.html import html_to_text, is_html
from meetingx.reading.jsonl import iter_jsonl, read_jsonl_line
from meetingx.reading.text import decode

#: The files a directory is searched for, recursively.
DIRECTORY_SUFFIXES = frozenset({".txt", ".htm", ".html", ".docx"})

STDIN_ID = "stdin"


def iter_inputs(specs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """Every document of every input, in order; an input that cannot be read yields an
    InputError in its place, so that nothing is lost and the order is kept.

    A spec is a file (text, HTML or .docx), a directory (its ``*.txt``, ``*.htm``, ``*.html`` and
    ``*.docx`` files, recursively, in sorted path order), a ``.jsonl`` file, or ``-`` for
    ``stdin`` (default: the process's standard input), read like a file.
    """
    for spec in specs:
        if spec == "-":
            yield read_stdin(stdin or sys.stdin.buffer)
            continue
        path = Path(spec)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.suffix.lower() in DIRECTORY_SUFFIXES and p.is_file()):
                yield read_file(child)
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            yield from iter_jsonl(path)
        else:
            yield read_file(path)


def read_file(path: Path) -> Document | InputError:
    """The Document of a text, HTML or .docx file, or the InputError that says why not."""

    def read() -> Document:
        try:
            check_size(path.stat().st_size)
        except FileNotFoundError:
            raise Unreadable("not-found", "no such file or directory")
        return _document(path.stem, str(path), path.read_bytes(), path.suffix.lower())

    return _read_or_error(path.stem, str(path), read)


def read_stdin(stream: BinaryIO) -> Document | InputError:
    """The Document of standard input's bytes (text or HTML), or the InputError that says why not."""

    def read() -> Document:
        data = stream.read(base.MAX_DOCUMENT_BYTES + 1)
        check_size(len(data))
        return _document(STDIN_ID, None, data, "")

    return _read_or_error(STDIN_ID, None, read)


def read_upload(name: str, data: bytes) -> Iterator[Document | InputError]:
    """The documents of a file received as bytes (an upload), read as :func:`iter_inputs` reads
    the file ``name``: by its suffix, a JSON Lines file giving a document a line."""
    path = PurePath(name)
    if path.suffix.lower() == ".jsonl":
        for number, raw in enumerate(io.BytesIO(data), 1):  # lines as a file gives them
            if raw.strip():
                yield read_jsonl_line(raw, Path(name), number)
        return

    def read() -> Document:
        check_size(len(data))
        return _document(path.stem, name, data, path.suffix.lower())

    yield _read_or_error(path.stem, name, read)


def _read_or_error(id: str, path: str | None, read: Callable[[], Document]) -> Document | InputError:
    try:
        return read()
    except Unreadable as problem:
        return InputError(id=id, path=path, code=problem.code, message=problem.message)
    # Anything else is an input the OS or a converter (python-docx, trafilatura) failed on:
    # a permission denied, a broken .docx. It becomes an error entry and the batch goes on.
    except Exception as error:
        return InputError(id=id, path=path, code="unreadable", message=f"{type(error).__name__}: {error}")


def _document(id: str, path: str | None, data: bytes, suffix: str) -> Document:
    if suffix == ".docx":
        # The parts of a .docx are XML in UTF-8.
        return Document(id=id, text=require_text(docx_to_text(data)), path=path, encoding="utf-8")
    text, encoding = decode(data)
    if suffix in (".htm", ".html") or is_html(text):
        text = html_to_text(text)
    return Document(id=id, text=require_text(text), path=path, encoding=encoding)
