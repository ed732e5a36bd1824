"""A worker process that extracts one document at a time, and that can be stopped in the middle
of one: the way to put a time limit on an extraction, since a thread running Python cannot be
interrupted from outside.

:class:`ExtractionWorker` runs :func:`meetingx.batch.extract_outcome` (the CLI's per-document
function, with its error entries) in a process of its own. ``extract(document, timeout)``
blocks until the outcome arrives; a document that takes longer than ``timeout`` seconds costs the
process, which is killed (SIGKILL) and replaced, and gets a ``timeout`` error entry; a process that
dies while extracting (killed by the OS for lack of memory, say) gives a ``worker-died`` entry and
is replaced. The process is spawned (not forked, which is unsafe from a process that runs threads,
as a server does) and loads the pipelines and the name tagger before it takes work, so that the
first document is not slowed by them and a replacement's loading does not count against a
document's time; :attr:`ready` tells whether it has.

One worker serves one caller at a time; a pool of them serves many (:mod:`meetingx.service.pool`).
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from contextlib import suppress
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from meetingx.batch import RecordLine, extract_outcome
from meetingx.pipeline import PIPELINES
from meetingx.pipeline import load as load_pipeline
from meetingx.reading import Document, InputError
from meetingx.tagger import _tagger as tagger_model
from meetingx.workers import TIMEOUT, WORKER_DIED

_LOADED = "loaded"


def _work(connection: Connection, tagger: bool) -> None:
    """The worker process: load the pipelines, say so, then extract what comes until the pipe
    closes (the parent is gone) or the process is killed. Ctrl-C reaches the whole process group;
    the parent handles it and stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for lang in PIPELINES:
        # A pipeline that fails to load is left alone here: its documents get extract-failed
        # entries, as in a batch.
        with suppress(Exception):
            load_pipeline(lang, None, tagger)  # the arguments of extraction's own call, the cache's key
    if tagger:
        with suppress(Exception):
            tagger_model()
    with suppress(EOFError, ConnectionError):
        connection.send(_LOADED)
        while True:
            connection.send(extract_outcome(connection.recv(), None, tagger))


class ExtractionWorker:
    """One worker process (see the module); ``close`` stops it."""

    def __init__(self, tagger: bool = True) -> None:
        self.tagger = tagger
        self._context = multiprocessing.get_context("spawn")
        self._start()

    def _start(self) -> None:
        self._connection, worker_end = self._context.Pipe()
        self._process: BaseProcess = self._context.Process(
            target=_work, args=(worker_end, self.tagger), daemon=True, name="meetingx-extract")
        self._process.start()
        worker_end.close()
        self._loaded = threading.Event()
        threading.Thread(target=self._await_loaded, args=(self._connection, self._loaded), daemon=True).start()

    @staticmethod
    def _await_loaded(connection: Connection, loaded: threading.Event) -> None:
        """Take the process's first message (it has loaded its models), or its death."""
        with suppress(EOFError, OSError):
            connection.recv()
        loaded.set()

    @property
    def ready(self) -> bool:
        """Whether the process has loaded its models and is alive to take a document."""
        return self._loaded.is_set() and self._process.is_alive()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the process has loaded its models (or died); whether it is :attr:`ready`."""
        self._loaded.wait(timeout)
        return self.ready

    def extract(self, document: Document, timeout: float) -> RecordLine | InputError:
        """The outcome of one document, or a ``timeout`` or ``worker-died`` error entry; the time
        limit starts once the process is ready."""
        if not self.wait_ready() or self._connection.poll():  # dead, or its pipe is closed: it died idle
            self._replace()  # one more try
            if not self.wait_ready():
                return self._died(document)
        try:
            self._connection.send(document)
            if not self._connection.poll(timeout):
                self._replace()
                return InputError(id=document.id, path=document.path, code=TIMEOUT,
                                  message=f"the extraction took longer than the limit of {timeout:g} s")
            outcome: RecordLine | InputError = self._connection.recv()  # a document's outcome is one of these
            return outcome
        except (EOFError, OSError):
            return self._died(document)

    def _died(self, document: Document) -> InputError:
        self._stop()
        exitcode = self._process.exitcode
        how = (f"was killed by {signal.Signals(-exitcode).name}" if exitcode is not None and exitcode < 0
               else f"exited with status {exitcode}")
        self._start()
        return InputError(id=document.id, path=document.path, code=WORKER_DIED,
                          message=f"the worker process extracting this document {how}")

    def _replace(self) -> None:
        self._stop()
        self._start()

    def _stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._connection.close()

    def close(self) -> None:
        """Stop the process (killing it if it is extracting)."""
        self._stop()
