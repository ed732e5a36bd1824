"""Worker processes extracting a batch's documents in chunks: a document whose worker dies, or
that takes longer than the time limit, costs that document an error entry and the batch goes on."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from meetingx.api import detect_language
from meetingx.pipeline import load as load_pipeline
from meetingx.reading import Document, InputError
from meetingx.tagger import _tagger as tagger_model

if TYPE_CHECKING:
    from meetingx.batch import Item, Outcome

#: Items extracted together (so that the people tagger answers their questions in shared model
#: calls), and sent to a worker in one go: at most this many, and not many more because a big
#: chunk would leave one worker with the tail of the batch ...
CHUNK_SIZE = 16
#: ... and, unless one document alone is longer, at most this many characters.
CHUNK_CHARACTERS = 50_000

#: The error code of a document whose worker process died while extracting it (killed by the OS,
#: for instance for want of memory).
WORKER_DIED = "worker-died"
#: The error code of a document whose extraction took longer than the time limit.
TIMEOUT = "timeout"

#: prctl's request to be sent a signal when the parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def document_error(item: Item, code: str, message: str) -> Outcome:
    """The error entry of a document that gave no record; reading errors and already-done
    documents pass through, as they do in extraction."""
    if not isinstance(item, Document):
        return item
    return InputError(id=item.id, path=item.path, line=item.line, code=code, message=message)


def chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    """The items in input order, in chunks of at most :data:`CHUNK_SIZE` items and
    :data:`CHUNK_CHARACTERS` characters (a longer document makes a chunk of its own)."""
    chunk: list[Item] = []
    characters = 0
    for item in items:
        length = len(item.text) if isinstance(item, Document) else 0
        if chunk and (len(chunk) == CHUNK_SIZE or characters + length > CHUNK_CHARACTERS):
            yield chunk
            chunk, characters = [], 0
        chunk.append(item)
        characters += length
    if chunk:
        yield chunk


def _serve(connection: Connection, parent_end: Connection, work: Callable[[list[Item]], list[Outcome]]) -> None:
    """A worker's loop: take a chunk of items and send back the outcome of each, until the parent
    stops the worker or is gone.

    A forked worker starts with the parent's end of its pipe open too; it closes it, so that it
    finds the pipe closed (EOFError, ConnectionError) and exits if the parent is killed. Ctrl-C
    and a SIGTERM sent to the process group reach the workers too: the parent handles them and
    stops the workers, which ignore SIGINT and take SIGTERM's default back (a forked worker
    starts with the parent's handlers).
    """
    parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    with suppress(EOFError, ConnectionError):
        while True:
            for outcome in work(connection.recv()):
                connection.send(outcome)


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when its parent dies (``PR_SET_PDEATHSIG``):
    a worker stuck on a document would otherwise outlive a parent killed by SIGKILL, where it
    only notices the closed pipe once the document is done. Elsewhere, nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    parent = multiprocessing.parent_process()
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent.pid:
        os._exit(1)  # the parent died before the request was made


@dataclass
class _Worker:
    """A worker process, the parent's end of its pipe, and what it has been given to do."""

    process: BaseProcess
    connection: Connection
    #: (input position, item) of the chunk it was sent and has not answered yet, in the order it
    #: answers them.
    in_flight: deque[tuple[int, Item]]
    #: When the worker started on its chunk, as the parent knows it (``time.monotonic()``): when
    #: the chunk was sent.
    since: float = 0.0
    #: Whether the chunk is of one item.
    alone: bool = False


class Workers:
    """``jobs`` worker processes extracting chunks of items (see :func:`chunks`), each over a pipe
    of its own, so that the parent always knows which items a worker holds. A worker that dies
    (killed by the OS, out of memory), or that is still on a chunk after ``timeout`` seconds and
    is killed, is replaced. As a chunk's documents are extracted together, any of them may be the
    cause: what the worker held unanswered is sent again, each item in a chunk of its own, and a
    worker that ends so on a chunk of one costs that document a ``worker-died`` or ``timeout``
    error entry. A document so gets the outcome it would get alone.

    The parent does little (reading, pickling, writing) and uses one thread: it sends a worker
    its next chunk when the worker has answered the last one, and otherwise waits, at most until
    the first time limit runs out. Where the platform can fork, a worker starts with meetingx
    imported and the pipelines of the first documents' languages loaded, which spawning would
    redo in every worker. The workers are started before the progress bar starts its monitor
    thread, so no Python thread is copied into them (only a worker that replaces a stopped one
    is forked with that thread running).
    """

    def __init__(self, work: Callable[[list[Item]], list[Outcome]], items: Iterable[Item], jobs: int,
                 tagger: bool, timeout: float | None) -> None:
        self._work = work
        self._position = 0
        self._chunks = chunks(items)
        self._timeout = timeout
        #: Items taken back from a stopped worker, sent again, one per chunk, before new ones.
        self._returned: deque[tuple[int, Item]] = deque()
        fork = "fork" in multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if fork else "spawn")
        first_chunks = [self._next_chunk() for _ in range(jobs)]
        if fork:
            preload([item for _, item in itertools.chain(*first_chunks)], tagger, model=tagger and jobs > 1)
        self._workers = [self._start() for _ in range(jobs)]
        for worker, chunk in zip(self._workers, first_chunks):
            self._give(worker, chunk)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # SIGKILL, not SIGTERM: a worker that has not yet taken SIGTERM's default back (see
        # _serve) would otherwise run the parent's handler, or never, if it is stuck in C code.
        for worker in self._workers:
            worker.process.kill()
            worker.process.join()
            worker.connection.close()

    def outcomes(self) -> Iterator[Outcome]:
        """Every item's outcome, in input order."""
        outcomes: dict[int, Outcome] = {}
        next_position = 0
        while busy := [worker for worker in self._workers if worker.in_flight]:
            ready = set(wait([worker.connection for worker in busy]
                             + [worker.process.sentinel for worker in busy], self._time_left(busy)))
            for worker in busy:
                died = worker.process.sentinel in ready
                if died or worker.connection in ready and not self._receive(worker, outcomes):
                    self._replace(worker, outcomes, WORKER_DIED)
                elif self._timeout is not None and time.monotonic() - worker.since >= self._timeout:
                    worker.process.kill()
                    self._replace(worker, outcomes, TIMEOUT)
                if not worker.in_flight:
                    self._give(worker, self._next_chunk())
            while next_position in outcomes:
                yield outcomes.pop(next_position)
                next_position += 1

    def _time_left(self, busy: list[_Worker]) -> float | None:
        """Seconds until the first of the busy workers runs out of time; None without a limit."""
        if self._timeout is None:
            return None
        return max(0.0, min(worker.since for worker in busy) + self._timeout - time.monotonic())

    def _next_chunk(self) -> list[tuple[int, Item]]:
        if self._returned:
            return [self._returned.popleft()]
        chunk = next(self._chunks, [])
        self._position += len(chunk)
        return list(enumerate(chunk, self._position - len(chunk)))

    def _start(self) -> _Worker:
        connection, worker_end = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(worker_end, connection, self._work), daemon=True)
        process.start()
        worker_end.close()
        return _Worker(process, connection, deque())

    def _give(self, worker: _Worker, chunk: list[tuple[int, Item]]) -> None:
        if not chunk:
            return
        worker.since = time.monotonic()
        worker.alone = len(chunk) == 1
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

    def _replace(self, worker: _Worker, outcomes: dict[int, Outcome], code: str) -> None:
        """Take what a stopped worker sent before it ended, give the item of a chunk of one its
        error entry (``code``; unless its answer slipped in before the kill), or return the items
        of a bigger chunk, and start a new worker in its place."""
        worker.process.join()
        self._receive(worker, outcomes)
        if worker.alone and worker.in_flight:
            position, item = worker.in_flight.popleft()
            outcomes[position] = document_error(item, code, self._message(code, worker.process.exitcode))
        self._returned.extendleft(reversed(worker.in_flight))
        worker.connection.close()
        replacement = self._start()
        worker.process, worker.connection, worker.in_flight = (
            replacement.process, replacement.connection, replacement.in_flight)

    def _message(self, code: str, exitcode: int | None) -> str:
        if code == TIMEOUT:
            return (f"extraction took longer than the time limit of {self._timeout:g} s; "
                    "the worker process extracting this document was stopped")
        how = (f"was killed by {signal.Signals(-exitcode).name}" if exitcode is not None and exitcode < 0
               else f"exited with status {exitcode}")
        return f"the worker process extracting this document {how}"


def preload(items: list[Item], tagger: bool, model: bool = False) -> None:
    """Load the pipelines of the languages of these documents (with the people tagger or not, as
    ``tagger`` says extraction runs them) and, with ``model``, the tagger's model for Chinese, so
    that forked workers inherit them rather than each loading them (a single worker loads the
    model itself, when a document first needs it); and leave what is loaded out of later garbage
    collections.

    A pipeline that fails to load here is left alone: each worker then tries again on its
    documents, which get ``extract-failed`` entries, as they would in a single process.
    """
    languages = {detect_language(item.text) for item in items if isinstance(item, Document)}
    for language in sorted(languages):
        try:
            load_pipeline(language, None, tagger)  # the arguments of extract_document's call, the cache's key
            if language == "zh" and model:
                tagger_model()
        except Exception:  # noqa: BLE001  (see the docstring)
            pass
    # The pipelines are then left out of every later collection: of the workers, which would
    # copy the pages they share with the parent, and of the parent's shutdown (~0.06 s).
    gc.freeze()
