"""The document type, the error entry, and the size limit shared by every reader."""

from __future__ import annotations

import hashlib
import os
import select
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

#: Largest document accepted, in bytes: a file's size on disk, the UTF-8 size of a JSON Lines
#: object's text, and the UTF-8 size of the text decoded or extracted from any input (a .docx,
#: a PDF, a scan). Larger inputs become ``too-large`` errors instead of stalling a batch.
MAX_DOCUMENT_BYTES = 5_000_000
#: Seconds a FIFO input is given to have a writer.
FIFO_WAIT = 30.0

def text_sha256(text: str) -> str:
    """The sha256 of a text's UTF-8 form, as ``source.sha256`` holds it. A lone surrogate (JSON
    allows ``"\\ud800"``) is hashed as its code, so that no text makes this fail."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class OcrInfo:
    """How a text was read from images: the OCR engine, its version, the pages it read (1-based)."""

    engine: str
    version: str
    pages: tuple[int, ...]

    def to_json_dict(self) -> dict:
        return {"engine": self.engine, "version": self.version, "pages": list(self.pages)}


@dataclass(frozen=True)
class Document:
    """A text to extract from, with where it came from."""

    id: str
    text: str
    path: str | None = None
    encoding: str = "utf-8"
    #: Publish date (ISO) given with the input, e.g. by a JSON Lines object; None if not given.
    publish_date: str | None = None
    #: For paged inputs (PDF, multi-page images): the offset in ``text`` where each page starts.
    pages: tuple[int, ...] | None = None
    #: Set when some of the text was read by OCR.
    ocr: OcrInfo | None = None
    #: Language given with the input ("zh", "en"), e.g. by a service request; None to detect it.
    lang: str | None = None
    #: The line of a JSON Lines input the document was read from (from 1); None for other inputs.
    line: int | None = None

    @property
    def sha256(self) -> str:
        """sha256 of the UTF-8 text that record offsets refer to."""
        return text_sha256(self.text)

    def source_fields(self) -> dict:
        """The optional fields of a record's ``source`` this document has (``pages``, ``ocr``)."""
        fields: dict = {}
        if self.pages is not None:
            fields["pages"] = list(self.pages)
        if self.ocr is not None:
            fields["ocr"] = self.ocr.to_json_dict()
        return fields


@dataclass(frozen=True)
class InputError:
    """An input that produced no record: the error entry of a batch.

    ``code`` is one of the README's error codes: ``not-found``, ``unreadable`` (the OS or a
    converter failed), ``unsupported`` (a file type meetingx does not read), ``ocr-unavailable``,
    ``empty``, ``binary``, ``undecodable``, ``too-large``, ``duplicate-id``, ``bad-jsonl``, and from
    the batch ``extract-failed``, ``timeout`` (extraction ran past the batch's time limit) and
    ``worker-died`` (the worker process was killed, e.g. by the OS for lack of memory); ``line`` is
    set for JSON Lines inputs, None otherwise.
    """

    id: str
    path: str | None
    code: str
    message: str
    line: int | None = None

    def to_json_dict(self) -> dict:
        """The entry as written to the errors stream: id, path, line, code, message."""
        entry = asdict(self)
        return {key: entry[key] for key in ("id", "path", "line", "code", "message")}


class Unreadable(Exception):
    """Raised by a reader for an input that yields no text; ``code`` is the error entry's code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_size(size: int) -> None:
    """Raise ``Unreadable("too-large")`` for an input of more than :data:`MAX_DOCUMENT_BYTES`."""
    if size > MAX_DOCUMENT_BYTES:
        raise Unreadable("too-large", f"{size} bytes, over the limit of {MAX_DOCUMENT_BYTES} bytes")


def check_text_size(text: str) -> str:
    """``text`` itself, or ``Unreadable("too-large")`` when its UTF-8 form is over the limit."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise Unreadable("too-large", f"the text has {len(text)} characters, over the limit of "
                                      f"{MAX_DOCUMENT_BYTES} bytes")
    check_size(len(text.encode("utf-8")))
    return text


def require_text(text: str) -> str:
    """``text`` itself, or ``Unreadable("empty")`` when it holds nothing but whitespace."""
    if not text.strip():
        raise Unreadable("empty", "no text (empty or only whitespace)")
    return text


def read_bounded(stream: BinaryIO) -> bytes:
    """At most :data:`MAX_DOCUMENT_BYTES` bytes of a stream; ``too-large`` when there are more.
    Reads in chunks, so memory stays bounded whatever the stream (a pipe, ``/dev/zero``)."""
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    check_size(len(data))
    return data


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a regular file or a FIFO, read within the size limit.

    Devices and sockets are ``unreadable`` (``/dev/zero`` would never end, a terminal would wait
    for typing); so is a FIFO that no program writes to within :data:`FIFO_WAIT` seconds.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise Unreadable("not-found", "no such file or directory")
    if stat.S_ISREG(info.st_mode):
        check_size(info.st_size)
        with open(path, "rb") as stream:
            return read_bounded(stream)
    if stat.S_ISFIFO(info.st_mode):
        # Opened without waiting for a writer, then given FIFO_WAIT seconds to have one: a FIFO
        # that nobody writes to must not hold the batch forever.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as stream:
            if not select.select([descriptor], [], [], FIFO_WAIT)[0]:
                raise Unreadable("unreadable", f"a FIFO that no program wrote to within {FIFO_WAIT} s")
            os.set_blocking(descriptor, True)
            return read_bounded(stream)
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable("unreadable", "a directory where a file was expected")
    raise Unreadable("unreadable", f"not a regular file ({_file_kind(info.st_mode)})")


def _file_kind(mode: int) -> str:
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
