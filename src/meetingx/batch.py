"""Many documents to records: in input order, optionally in worker processes, resumable, and
never losing a document: every input ends as either a record line or an error entry.
"""

from __future__ import annotations

import gc
import itertools
import json
import multiprocessing
import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from spacy.util import minibatch
from tqdm import tqdm

from meetingx.api import BATCH_SIZE, detect_language, extract_document, extract_documents
from meetingx.pipeline import load as load_pipeline
from meetingx.reading import Document, InputError
from meetingx.record import MeetingRecord
from meetingx.tagger import _tagger as tagger_model

#: Items sent to a worker in one go, and extracted together (see :func:`extract_outcomes`). Not
#: many more, because a big chunk would leave one worker with the tail of the batch.
CHUNK_SIZE = 16

#: The error code of a document whose worker process died while extracting it (killed by the OS,
#: for instance for want of memory).
WORKER_DIED = "worker-died"


class RecordLine(NamedTuple):
    """A document's record as its output line (without the newline)."""

    json: str
    warnings: int


class AlreadyDone(NamedTuple):
    """A document whose record is already in the output (``--resume``)."""

    id: str


Outcome = RecordLine | InputError | AlreadyDone
#: What a batch hands to extraction: documents, and the items that pass through in their place.
Item = Document | InputError | AlreadyDone


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


def extract_outcome(item: Item, publish_date: str | None, tagger: bool = True) -> Outcome:
    """The record line of a document, or the error entry of a failed extraction; reading errors
    and already-done documents pass through, so that outcomes stay in input order.

    ``publish_date`` is used for a document that brings none of its own; ``tagger`` is as for
    :func:`meetingx.load`.
    """
    if not isinstance(item, Document):
        return item
    try:
        return _record_line(extract_document(item, item.publish_date or publish_date, tagger=tagger))
    # Whatever goes wrong inside the pipeline costs this document only, not the batch.
    except Exception as error:
        return InputError(id=item.id, path=item.path, code="extract-failed",
                          message=f"{type(error).__name__}: {error}")


def extract_outcomes(items: list[Item], publish_date: str | None, tagger: bool = True) -> list[Outcome]:
    """The outcomes of items, as :func:`extract_outcome` makes them one by one, with the documents
    read together (:func:`meetingx.api.extract_documents`). Should that fail, each document is
    read again on its own, so that a failure costs its own document only."""
    documents = [item for item in items if isinstance(item, Document)]
    try:
        records = iter(extract_documents([(document, document.publish_date or publish_date)
                                          for document in documents], tagger=tagger))
        return [_record_line(next(records)) if isinstance(item, Document) else item for item in items]
    except Exception:
        return [extract_outcome(item, publish_date, tagger) for item in items]


def _record_line(record: MeetingRecord) -> RecordLine:
    return RecordLine(json.dumps(record.to_json_dict(), ensure_ascii=False), len(record.warnings))


def run_batch(
    items: Iterable[Document | InputError],
    write_record: Callable[[str], None],
    write_error: Callable[[InputError], None],
    *,
    publish_date: str | None = None,
    jobs: int = 1,
    done_ids: Counter[str] | None = None,
    progress: bool = False,
    tagger: bool = True,
) -> BatchCounts:
    """Extract every document of ``items`` and write each outcome in input order.

    ``write_record`` gets each record's JSON line (no newline), ``write_error`` each error entry.
    ``done_ids`` counts the ids already in the output: that many documents of each id are
    skipped, in input order (see :class:`OutputFile`). ``tagger`` is as for :func:`meetingx.load`.

    With ``jobs > 1`` the documents are extracted in that many worker processes (see
    :class:`_Workers`); a worker that dies costs the document it was on a ``worker-died`` entry.
    A pipeline that fails to load costs each of its documents an ``extract-failed`` entry rather
    than stopping the batch: it is loaded on a language's first document
    (:func:`meetingx.pipeline.load` is cached), or before the workers are forked with any failure
    left for them to meet again, never in a worker initializer.
    """
    counts = BatchCounts()
    work = partial(extract_outcomes, publish_date=publish_date, tagger=tagger)
    pending = _skip_done(items, Counter(done_ids or {}))
    with _outcomes(work, pending, jobs, tagger) as outcomes:
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


def _skip_done(items: Iterable[Document | InputError], done: Counter[str]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Document) and done[item.id] > 0:
            done[item.id] -= 1
            yield AlreadyDone(item.id)
        else:
            yield item


#: What a batch does with a chunk of items: their outcomes, in order.
Work = Callable[[list[Item]], list[Outcome]]


@contextmanager
def _outcomes(work: Work, items: Iterable[Item], jobs: int, tagger: bool) -> Iterator[Iterator[Outcome]]:
    """The outcomes of ``work`` on ``items``, in order: in this process for one job (in chunks of
    :data:`~meetingx.api.BATCH_SIZE`), else from worker processes that are stopped on exit
    (``tagger``: whether ``work`` uses the tagger)."""
    if jobs == 1:
        yield (outcome for chunk in minibatch(items, BATCH_SIZE) for outcome in work(chunk))
        return
    with _Workers(work, items, jobs, tagger) as workers:
        yield workers.outcomes()


def _serve(connection: Connection, parent_end: Connection, work: Work) -> None:
    """A worker's loop: take a chunk of items and send back the outcome of each, until the parent
    terminates the worker or is gone.

    A forked worker starts with the parent's end of its pipe open too; it closes it, so that it
    finds the pipe closed (EOFError, ConnectionError) and exits if the parent is killed. Ctrl-C
    reaches the whole process group; the parent handles it and stops the workers.
    """
    parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(EOFError, ConnectionError):
        while True:
            for outcome in work(connection.recv()):
                connection.send(outcome)


@dataclass
class _Worker:
    """A worker process, the parent's end of its pipe, and what it has been given to do."""

    process: BaseProcess
    connection: Connection
    #: (input position, item) of what was sent and not yet answered, in the order the worker
    #: answers them.
    in_flight: deque[tuple[int, Item]]


class _Workers:
    """``jobs`` worker processes extracting chunks of items, each over a pipe of its own, so
    that the parent always knows which items a worker holds. A worker that dies (killed by the
    OS, out of memory) is replaced; what it held unanswered is sent again, each item in a chunk
    of its own (a chunk's documents are extracted together, so any of them may have killed it),
    and a worker that dies on a chunk of one costs that document a ``worker-died`` error entry.

    The parent does little (reading, pickling, writing) and uses one thread: it sends a worker
    its next chunk when the worker has answered the last one, and otherwise waits. Where the
    platform can fork, a worker starts with meetingx imported and the pipelines of the first
    documents' languages loaded, which spawning would redo in every worker. The workers are
    started before the progress bar starts its monitor thread, so no Python thread is copied
    into them (only a worker that replaces a dead one is forked with that thread running).
    """

    def __init__(self, work: Work, items: Iterable[Item], jobs: int, tagger: bool) -> None:
        self._work = work
        self._items = enumerate(items)
        #: Items taken back from a dead worker, sent again, one per chunk, before new ones.
        self._returned: deque[tuple[int, Item]] = deque()
        fork = "fork" in multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if fork else "spawn")
        first_chunks = [self._next_chunk() for _ in range(jobs)]
        if fork:
            _preload([item for _, item in itertools.chain(*first_chunks)], tagger)
        self._workers = [self._start() for _ in range(jobs)]
        for worker, chunk in zip(self._workers, first_chunks):
            self._give(worker, chunk)

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for worker in self._workers:
            worker.process.terminate()
            worker.process.join()
            worker.connection.close()

    def outcomes(self) -> Iterator[Outcome]:
        """Every item's outcome, in input order."""
        outcomes: dict[int, Outcome] = {}
        next_position = 0
        while busy := [worker for worker in self._workers if worker.in_flight]:
            ready = set(wait([worker.connection for worker in busy]
                             + [worker.process.sentinel for worker in busy]))
            for worker in busy:
                died = worker.process.sentinel in ready
                if died or worker.connection in ready and not self._receive(worker, outcomes):
                    self._replace(worker, outcomes)
                if not worker.in_flight:
                    self._give(worker, self._next_chunk())
            while next_position in outcomes:
                yield outcomes.pop(next_position)
                next_position += 1

    def _next_chunk(self) -> list[tuple[int, Item]]:
        if self._returned:
            return [self._returned.popleft()]
        return list(itertools.islice(self._items, CHUNK_SIZE))

    def _start(self) -> _Worker:
        connection, worker_end = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(worker_end, connection, self._work), daemon=True)
        process.start()
        worker_end.close()
        return _Worker(process, connection, deque())

    def _give(self, worker: _Worker, chunk: list[tuple[int, Item]]) -> None:
        if not chunk:
            return
        worker.in_flight.extend(chunk)
        try:
            worker.connection.send([item for _, item in chunk])
        except OSError:
            pass  # it died since it last answered: the next round finds it dead and replaces it

    @staticmethod
    def _receive(worker: _Worker, outcomes: dict[int, Outcome]) -> bool:
        """Take the outcomes the worker has sent; False when its pipe says it has died."""
        try:
            while worker.in_flight and worker.connection.poll():
                outcome = worker.connection.recv()
                outcomes[worker.in_flight.popleft()[0]] = outcome
        except (EOFError, OSError):
            return False
        return True

    def _replace(self, worker: _Worker, outcomes: dict[int, Outcome]) -> None:
        """Take what a dead worker sent before it died, give the item of a chunk of one its error
        entry or return the items of a bigger chunk, and start a new worker in its place."""
        worker.process.join()
        self._receive(worker, outcomes)
        if len(worker.in_flight) == 1:
            position, item = worker.in_flight.popleft()
            outcomes[position] = _worker_died(item, worker.process.exitcode)
        else:
            self._returned.extendleft(reversed(worker.in_flight))
        worker.connection.close()
        replacement = self._start()
        worker.process, worker.connection, worker.in_flight = (
            replacement.process, replacement.connection, replacement.in_flight)


def _worker_died(item: Item, exitcode: int | None) -> Outcome:
    """The outcome of an item whose worker died while working on it."""
    if not isinstance(item, Document):
        return item  # reading errors and already-done documents pass through, as in extract_outcome
    how = (f"was killed by {signal.Signals(-exitcode).name}" if exitcode is not None and exitcode < 0
           else f"exited with status {exitcode}")
    return InputError(id=item.id, path=item.path, code=WORKER_DIED,
                      message=f"the worker process extracting this document {how}")


def _preload(items: list[Item], tagger: bool) -> None:
    """Load the pipelines of the languages of these documents (and the people tagger's model for
    Chinese) so that forked workers inherit them rather than each loading them.

    A pipeline that fails to load here is left alone: each worker then tries again on its
    documents, which get ``extract-failed`` entries, as they would in a single process.
    """
    languages = {detect_language(item.text) for item in items if isinstance(item, Document)}
    for language in sorted(languages):
        try:
            load_pipeline(language, None, tagger)  # the arguments of extract_document's call, the cache's key
            if language == "zh" and tagger:
                tagger_model()
        except Exception:  # noqa: BLE001  (see the docstring)
            pass
    # The pipelines are then left out of every later collection: of the workers, which would
    # copy the pages they share with the parent, and of the parent's shutdown (~0.06 s).
    gc.freeze()


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
