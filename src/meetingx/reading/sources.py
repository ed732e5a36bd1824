"""Finding the text a record was made from, read exactly as ``meetingx extract`` read it: the
one source finder of ``meetingx validate`` and ``meetingx render``.

Where a record's text is looked for:

- **with ``--sources DIR``**, only under ``DIR``: the file whose id (as ``extract`` gives ids to
  the files of a directory, :func:`~meetingx.reading.walk.file_id`) is the record's id, with any
  suffix meetingx reads, or, for an id without ``/``, a file of that stem anywhere below ``DIR``;
  or the line with that id of a JSON Lines file there. Ids are looked up, never joined to ``DIR``
  as paths, so ``../secret`` or ``/etc/passwd`` find nothing, and a file whose real path (symbolic
  links resolved) lies outside ``DIR`` is not read. ``--sources FILE.jsonl``: the line with the id.
- **without ``--sources``**, at the record's ``source.path``, when that is a regular file (the
  line with the id, when it is a JSON Lines file).

Every candidate is read by the reader ``extract`` uses for it (encodings, HTML, .docx, PDF, OCR);
a plain text file is also read the ways other producers read it (BOM kept, newlines translated).
The reading whose sha256 is the record's wins.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meetingx.reading.base import Document, InputError, Unreadable, read_file_bytes, text_sha256
from meetingx.reading.formats import JSONL_SUFFIXES, SUFFIXES
from meetingx.reading.inputs import read_file
from meetingx.reading.jsonl import iter_jsonl
from meetingx.reading.walk import Found, walk


@dataclass(frozen=True)
class SourceText:
    """A text found for a record, where it came from, and whether its sha256 is the record's."""

    text: str
    where: str
    matches: bool
    #: True when it was found under ``--sources`` (a place the user chose), False at ``source.path``.
    from_sources: bool


class SourceFinder:
    """Finds records' source texts under ``sources`` (a directory or a JSON Lines file) or, with
    no ``sources``, at their ``source.path``. See the module's documentation."""

    def __init__(self, sources: Path | None = None) -> None:
        self._sources = sources
        self._root = sources.resolve() if sources is not None else None
        self._by_id: dict[str, list[Path]] | None = None
        self._by_stem: dict[str, list[Path]] = {}
        self._jsonl: dict[Path, tuple[dict[str, Document], list[InputError]] | Unreadable] = {}

    @property
    def confined(self) -> bool:
        """Whether texts are looked for under ``--sources`` only."""
        return self._sources is not None

    def find(self, record: dict[str, Any]) -> SourceText | None:
        """The record's source text, or None where there is none. Raises :class:`Unreadable` when
        the only candidates found cannot be read."""
        record_id = record.get("id")
        source: dict[str, Any] = record["source"] if isinstance(record.get("source"), dict) else {}
        sha256 = source.get("sha256")
        if not isinstance(record_id, str):
            return None
        texts: list[tuple[str, str]] = []
        failures: list[InputError] = []
        if self._sources is not None:
            for path in self._candidate_paths(record_id):
                self._read(path, record_id, texts, failures)
        else:
            recorded = source.get("path")
            if isinstance(recorded, str) and recorded and "\x00" not in recorded and os.path.isfile(recorded):
                self._read(Path(recorded), record_id, texts, failures)
        if not texts:
            if failures:
                raise Unreadable(failures[0].code, f"{failures[0].path}: {failures[0].message}")
            return None
        text, where = next(((t, w) for t, w in texts if text_sha256(t) == sha256), texts[0])
        return SourceText(text, where, text_sha256(text) == sha256, self._sources is not None)

    # --- under --sources ---------------------------------------------------------------------------

    def _candidate_paths(self, record_id: str) -> list[Path]:
        assert self._sources is not None
        if self._sources.is_file():
            return [self._sources]
        if self._by_id is None:
            self._index()
        assert self._by_id is not None
        paths = self._by_id.get(record_id) or ([] if "/" in record_id else self._by_stem.get(record_id, []))
        jsonl = [path for paths in self._by_id.values() for path in paths if path.suffix.lower() in JSONL_SUFFIXES]
        return [path for path in paths + jsonl if self._inside(path)]

    def _index(self) -> None:
        assert self._sources is not None
        self._by_id = {}
        for found in walk(self._sources):
            if isinstance(found, Found) and found.path.suffix.lower() in set(SUFFIXES) | JSONL_SUFFIXES:
                self._by_id.setdefault(found.id, []).append(found.path)
                self._by_stem.setdefault(found.path.stem, []).append(found.path)

    def _inside(self, path: Path) -> bool:
        assert self._root is not None
        try:
            return path.resolve().is_relative_to(self._root)
        except (OSError, RuntimeError):
            return False

    # --- reading ---------------------------------------------------------------------------------

    def _read(self, path: Path, record_id: str, texts: list[tuple[str, str]], failures: list[InputError]) -> None:
        if path.suffix.lower() in JSONL_SUFFIXES:
            documents, bad_lines = self._jsonl_documents(path)
            document = documents.get(record_id)
            if document is not None:
                texts.append((document.text, f"{path} (id {record_id})"))
            elif bad_lines:  # the id may be on a line that could not be read: say so, do not guess
                failures.extend(bad_lines)
            return
        item = read_file(path, record_id)
        if isinstance(item, InputError):
            failures.append(item)
        else:
            texts.append((item.text, str(path)))
        if SUFFIXES.get(path.suffix.lower(), "text") == "text":
            texts.extend((text, str(path)) for text in _producer_readings(path) if (text, str(path)) not in texts)

    def _jsonl_documents(self, path: Path) -> tuple[dict[str, Document], list[InputError]]:
        """The documents of a JSON Lines sources file by id, and its lines that could not be read."""
        if path not in self._jsonl:
            try:
                items = list(iter_jsonl(path))
                self._jsonl[path] = ({item.id: item for item in items if isinstance(item, Document)},
                                     [item for item in items if isinstance(item, InputError)])
            except Exception as error:  # a line the reader fails on: the file cannot serve as a source
                self._jsonl[path] = Unreadable("unreadable", f"{path}: {type(error).__name__}: {error}")
        found = self._jsonl[path]
        if isinstance(found, Unreadable):
            raise found
        return found


def _producer_readings(path: Path) -> list[str]:
    """The ways another producer may have read a UTF-8 text file: BOM kept or stripped, newlines
    as they are or translated to ``\\n``."""
    try:
        raw = read_file_bytes(path).decode("utf-8")
    except (Unreadable, OSError, UnicodeDecodeError):
        return []
    readings: list[str] = []
    for text in (raw, raw.replace("\r\n", "\n").replace("\r", "\n")):
        for reading in (text.removeprefix("\ufeff"), text):
            if reading not in readings:
                readings.append(reading)
    return readings


def text_file(directory: Path, record_id: str) -> Path | None:
    """Where ``extract --save-texts DIR`` keeps the text of ``record_id``: ``DIR/<id>.txt``, the
    folders of an id with ``/`` made below ``DIR``; None for an id that names no file inside it
    (empty parts, ``..``, a hidden name, which a directory walk leaves out, a NUL, a name over
    255 bytes)."""
    parts = record_id.split("/")
    if any(not part or part.startswith(".") or "\x00" in part or "\\" in part or len(part.encode("utf-8")) > 250
           for part in parts):
        return None
    return directory.joinpath(*parts[:-1], parts[-1] + ".txt")


def saving_texts(items: Iterable[Document | InputError], directory: Path) -> Iterator[Document | InputError]:
    """``items`` as they come, the text of each Document first written to
    :func:`text_file` ``(directory, id)`` as UTF-8 (``extract --save-texts DIR``), so that records
    can be checked against exactly the text they index. A text that cannot be kept there makes
    its document an error entry: ``bad-id`` for an id that names no file inside ``directory``,
    ``unreadable`` when writing fails."""
    for item in items:
        if isinstance(item, Document):
            path = text_file(directory, item.id)
            if path is None:
                item = InputError(id=item.id, path=item.path, code="bad-id",
                                  message=f"--save-texts: the id names no file inside {directory}")
            else:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(item.text.encode("utf-8"))
                except (OSError, UnicodeEncodeError) as error:
                    item = InputError(id=item.id, path=item.path, code="unreadable",
                                      message=f"--save-texts: cannot write {path}: {error}")
        yield item
