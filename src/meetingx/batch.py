"""Many documents to records: in input order, optionally in worker processes, resumable, and
never losing a document: every input ends as either a record line or an error entry.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from tqdm import tqdm

from meetingx.api import extract_document
from meetingx.reading import Document, InputError

#: Items sent to a worker in one go. Small, because documents are few and slow rather than many
#: and fast, and a big chunk would leave one worker with the tail of the batch.
CHUNK_SIZE = 4


class RecordLine(NamedTuple):
    """A document's record as its output line (without the newline)."""

    json: str
    warnings: int


class AlreadyDone(NamedTuple):
    """A document whose record is already in the output (``--resume``)."""

    id: str


Outcome = RecordLine | InputError | AlreadyDone


@dataclass
class BatchCounts:
    """What a batch did. ``records + errors == documents`` always; ``resumed`` of the records
    were already in the output."""

    documents: int = 0
    records: int = 0
    resumed: int = 0
    errors: int = 0
    warnings: int = 0

    def summary(self) -> str:
        """The closing line of a run, e.g. ``30 documents, 29 records, 1 errors, 4 warnings``."""
        resumed = f" ({self.resumed} already in the output)" if self.resumed else ""
        return (f"{self.documents} documents, {self.records} records{resumed}, "
                f"{self.errors} errors, {self.warnings} warnings")


def extract_outcome(item: Document | InputError | AlreadyDone, publish_date: str | None) -> Outcome:
    """The record line of a document, or the error entry of a failed extraction; reading errors
    and already-done documents pass through, so that outcomes stay in input order.

    ``publish_date`` is used for a document that brings none of its own.
    """
    if not isinstance(item, Document):
        return item
    try:
        record = extract_document(item, item.publish_date or publish_date)
        return RecordLine(json.dumps(record.to_json_dict(), ensure_ascii=False), len(record.warnings))
    # Whatever goes wrong inside the pipeline costs this document only, not the batch.
    except Exception as error:
        return InputError(id=item.id, path=item.path, code="extract-failed",
                          message=f"{type(error).__name__}: {error}")


def run_batch(
    items: Iterable[Document | InputError],
    write_record: Callable[[str], None],
    write_error: Callable[[InputError], None],
    *,
    publish_date: str | None = None,
    jobs: int = 1,
    done_ids: Counter[str] | None = None,
    progress: bool = False,
) -> BatchCounts:
    """Extract every document of ``items`` and write each outcome in input order.

    ``write_record`` gets each record's JSON line (no newline), ``write_error`` each error entry.
    ``done_ids`` counts the ids already in the output: that many documents of each id are
    skipped, in input order (see :class:`OutputFile`).

    With ``jobs > 1`` the documents are extracted in that many worker processes, forked where the
    platform can (a worker then starts with meetingx already imported, which spawning would redo
    in every worker); the pool is made before the progress bar starts its monitor thread, so no
    Python thread is copied into a worker. Each worker loads a language's pipeline once, on its first document of that
    language (:func:`meetingx.pipeline.load` is cached), not in a pool initializer: a pipeline
    that fails to load then costs each of its documents an ``extract-failed`` entry, where a
    failing initializer would have the pool respawn workers forever.
    """
    counts = BatchCounts()
    work = partial(extract_outcome, publish_date=publish_date)
    pending = _skip_done(items, Counter(done_ids or {}))
    with _outcomes(work, pending, jobs) as outcomes:
        for outcome in tqdm(outcomes, desc="extract", unit="doc", file=sys.stderr, disable=not progress):
            counts.documents += 1
            if isinstance(outcome, RecordLine):
                counts.records += 1
                counts.warnings += outcome.warnings
                write_record(outcome.json)
            elif isinstance(outcome, AlreadyDone):
                counts.records += 1
                counts.resumed += 1
            else:
                counts.errors += 1
                write_error(outcome)
    return counts


def _skip_done(items: Iterable[Document | InputError], done: Counter[str]
               ) -> Iterator[Document | InputError | AlreadyDone]:
    for item in items:
        if isinstance(item, Document) and done[item.id] > 0:
            done[item.id] -= 1
            yield AlreadyDone(item.id)
        else:
            yield item


@contextmanager
def _outcomes(work: Callable[[Document | InputError | AlreadyDone], Outcome],
              items: Iterable[Document | InputError | AlreadyDone], jobs: int) -> Iterator[Iterator[Outcome]]:
    """The outcomes of ``work`` on ``items``, in order: in this process for one job, else from a
    pool of worker processes that is terminated on exit."""
    if jobs == 1:
        yield map(work, items)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(jobs) as pool:
        yield pool.imap(work, items, chunksize=CHUNK_SIZE)


class OutputFile:
    """A JSON Lines output file that appears at its path only complete, and that a killed run
    can be resumed into.

    Lines are written to ``<path>.partial`` in the same directory, each flushed as it is written,
    so a killed run leaves whole lines and at most one torn last line there, and nothing at
    ``path``. :meth:`commit` syncs the partial file and renames it onto ``path`` (atomic on
    POSIX). With ``resume``, the complete lines of the partial file a killed run left behind
    (else of ``path``) are kept, their ids are in :attr:`done_ids`, and new lines follow them.
    Only one run may write to a given path at a time.
    """

    def __init__(self, path: Path, resume: bool = False) -> None:
        self.path = path
        self.partial_path = path.with_name(path.name + ".partial")
        kept = self._complete_lines() if resume else []
        self.done_ids: Counter[str] = Counter(id for id, _ in kept)
        # The kept lines go to the partial file through a new file and a rename, so that a run
        # killed right here still leaves them whole for the next --resume.
        fresh = path.with_name(path.name + ".partial.new")
        fresh.write_bytes(b"".join(line for _, line in kept))
        os.replace(fresh, self.partial_path)
        self._file = open(self.partial_path, "ab")

    def _complete_lines(self) -> list[tuple[str, bytes]]:
        """``(id, line)`` of every whole record line of the last run's output: its partial file
        if it was killed, else ``path``. A torn or unparsable line is dropped (and redone)."""
        source = self.partial_path if self.partial_path.exists() else self.path
        if not source.exists():
            return []
        kept = []
        for line in source.read_bytes().splitlines(keepends=True):
            if not line.endswith(b"\n"):
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                kept.append((record["id"], line))
        return kept

    def write(self, line: str) -> None:
        """Append one record line (given without its newline)."""
        self._file.write((line + "\n").encode("utf-8"))
        self._file.flush()

    def commit(self) -> None:
        """Make the output visible at ``path``: sync the partial file and rename it there."""
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self.partial_path, self.path)

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        """Commit on success; on failure leave the partial file for ``--resume``."""
        if exc_type is None:
            self.commit()
        else:
            self._file.close()
