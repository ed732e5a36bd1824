"""The service's extraction workers, awaited from the event loop.

Extraction never runs on the event loop: each document goes to a thread of the pool's own, which
hands it to an idle :class:`~meetingx.worker.ExtractionWorker` process and waits for the outcome,
so that the loop goes on answering (``/livez``, other requests) meanwhile. There are as many
threads as workers: a document waits for a free thread (and so a free worker) in the threads'
queue, and its time limit starts when a worker takes it. Nothing here belongs to an event loop,
so one pool serves any.
"""

from __future__ import annotations

import asyncio
import queue
from concurrent.futures import ThreadPoolExecutor

from meetingx.batch import RecordLine
from meetingx.reading import Document, InputError
from meetingx.worker import ExtractionWorker


class WorkerPool:
    """``workers`` extraction processes, each document limited to ``timeout`` seconds."""

    def __init__(self, workers: int = 1, timeout: float = 60.0, tagger: bool = True) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.timeout = timeout
        self._workers = [ExtractionWorker(tagger) for _ in range(workers)]
        self._idle: queue.SimpleQueue[ExtractionWorker] = queue.SimpleQueue()
        for worker in self._workers:
            self._idle.put(worker)
        self._threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="meetingx-wait")

    @property
    def size(self) -> int:
        return len(self._workers)

    @property
    def ready_workers(self) -> int:
        """How many workers have loaded their models and are alive."""
        return sum(worker.ready for worker in self._workers)

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until every worker has loaded its models; whether they all have."""
        return all([worker.wait_ready(timeout) for worker in self._workers])

    async def extract(self, document: Document) -> RecordLine | InputError:
        """The outcome of one document, as :meth:`ExtractionWorker.extract` gives it."""
        return await asyncio.get_running_loop().run_in_executor(self._threads, self._extract, document)

    def _extract(self, document: Document) -> RecordLine | InputError:
        worker = self._idle.get()  # never waits: a thread per worker, and each gives its worker back
        try:
            return worker.extract(document, self.timeout)
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        """Stop the workers."""
        self._threads.shutdown(wait=False, cancel_futures=True)
        for worker in self._workers:
            worker.close()
