"""What the batch tests share: small documents, and a batch run collected in memory."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable

import pytest

from meetingx import batch
from meetingx import output as output_module
from meetingx.batch import run_batch
from meetingx.reading import Document, InputError


def break_extraction(monkeypatch: pytest.MonkeyPatch, breaks: Callable[[Document], None]) -> None:
    """Have the batch's extraction call ``breaks`` with each document it is about to read (read
    with the others of its chunk or alone, in this process or in a forked worker): ``breaks``
    may raise, hang or kill the process, as a broken component would."""
    real = batch.extract_documents

    def extract_documents(documents: list[tuple[Document, str | None]], *args, **kwargs):
        for document, _ in documents:
            breaks(document)
        return real(documents, *args, **kwargs)

    monkeypatch.setattr(batch, "extract_documents", extract_documents)


def documents(*ids: str) -> list[Document]:
    return [Document(id=id, text=f"{id}：学校召开工作会议。") for id in ids]


def collect(items, **options) -> tuple[list[str], list[InputError], batch.BatchCounts]:
    """The ids of the records written, the errors written, and the counts of a batch."""
    lines: list[str] = []
    errors: list[InputError] = []
    counts = run_batch(items, lines.append, errors.append, **options)
    records = [json.loads(line) for line in lines]
    assert counts.warnings == sum(len(record["warnings"]) for record in records)
    assert counts.records + counts.errors == counts.documents
    return [record["id"] for record in records], errors, counts


class FullDisk:
    """A file on a disk that fills up: ``room`` bytes are written, then ENOSPC."""

    def __init__(self, file, room: int) -> None:
        self._file = file
        self.room = room

    def write(self, data: memoryview) -> int:
        if self.room == 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = self._file.write(data[:self.room])
        self.room -= written
        return written

    def __getattr__(self, name: str):
        return getattr(self._file, name)


def fill_disk_after(monkeypatch: pytest.MonkeyPatch, room: int) -> None:
    """Make each file :mod:`meetingx.output` opens from now on fill its disk after ``room`` bytes."""
    def open_on_full_disk(*args, **kwargs):
        return FullDisk(open(*args, **kwargs), room)

    monkeypatch.setattr(output_module, "open", open_on_full_disk, raising=False)
