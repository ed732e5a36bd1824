"""The document type, the error entry, and the size limit shared by every reader."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

#: Largest input accepted for one document, in bytes: a file's size on disk (for HTML and
#: .docx, the file, not the extracted text), or the UTF-8 size of a JSON Lines object's text.
#: Larger inputs become ``too-large`` errors instead of stalling a batch.
MAX_DOCUMENT_BYTES = 5_000_000


@dataclass(frozen=True)
class Document:
    """A text to extract from, with where it came from."""

    id: str
    text: str
    path: str | None = None
    encoding: str = "utf-8"
    #: Publish date (ISO) given with the input, e.g. by a JSON Lines object; None if not given.
    publish_date: str | None = None
    #: The line of a JSON Lines input the document was read from (from 1); None for other inputs.
    line: int | None = None

    @property
    def sha256(self) -> str:
        """sha256 of the UTF-8 text that record offsets refer to."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class InputError:
    """An input that produced no record: the error entry of a batch.

    ``code`` is one of ``not-found``, ``unreadable`` (the OS or a converter failed: permission
    denied, a broken .docx), ``empty``, ``binary``, ``undecodable``, ``too-large``, ``bad-jsonl``
    ``extract-failed``, ``timeout`` (extraction ran past the batch's time limit) and ``worker-died``
    (the worker process was killed, e.g. by the OS for lack of memory, while extracting it);
    ``line`` is set for JSON Lines inputs, None otherwise.
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


def require_text(text: str) -> str:
    """``text`` itself, or ``Unreadable("empty")`` when it holds nothing but whitespace."""
    if not text.strip():
        raise Unreadable("empty", "no text (empty or only whitespace)")
    return text
