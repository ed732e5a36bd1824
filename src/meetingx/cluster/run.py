"""The client's side of a cluster run: connect to a Dask cluster, hand it the shards a few at a
time, record each in the manifest as it completes, and keep what a re-run can keep.

Needs ``distributed`` (the ``cluster`` extra), imported here and nowhere else in meetingx.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed
from distributed.scheduler import KilledWorker
from tqdm import tqdm

from meetingx import __version__
from meetingx.batch import BatchCounts
from meetingx.cluster import DEFAULT_SHARD_SIZE
from meetingx.cluster.manifest import DIED, DONE, MANIFEST_NAME, Manifest, remove_partial_files
from meetingx.cluster.plan import Shard, plan_shards
from meetingx.cluster.shard import Settings, ShardResult, WorkerUnfit, run_shard, write_died_shard
from meetingx.output import OutputFailed, OutputLock


class ShardFailed(Exception):
    """A shard's task failed otherwise than by its worker dying (it could not write its files,
    a worker is unfit to run it): the run stops, and a re-run redoes that shard."""


class SchedulerUnreachable(Exception):
    """No Dask scheduler answers at the address given."""


@dataclass
class ClusterRun:
    """What a cluster run did. ``counts`` as for a batch, ``resumed`` being the records of the
    shards kept from an earlier run; ``died`` the shards whose task died on every try."""

    counts: BatchCounts = field(default_factory=BatchCounts)
    shards: int = 0
    kept: int = 0
    died: list[int] = field(default_factory=list)


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the Dask scheduler at ``scheduler``; without one, of a new local cluster of
    ``workers`` processes (default: one per core) of one thread each, listening on the loopback
    only, without a dashboard, closed on exit.

    The local workers are not daemonic processes, so that a shard can fork the process that
    extracts its documents within the time limit (workers of another cluster must be started so
    too, see :class:`meetingx.cluster.shard.WorkerUnfit`), and do not sample their own stacks.
    Dask logs only its errors (a task given up after its workers died), not its warnings (a
    worker restarted, tasks cancelled when the run is stopped).
    """
    if scheduler is not None:
        try:
            client = Client(scheduler)
        except (OSError, TimeoutError) as error:
            raise SchedulerUnreachable(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
            yield client
        return
    # Set for as long as the cluster runs: a nanny reads it again when it restarts a worker.
    config = {"distributed.worker.daemon": False, "distributed.worker.profile.enabled": False}
    # The scheduler's HTTP routes (health, metrics) on a free port of the loopback, not on 8787
    # of it, which another cluster may hold.
    http = {"dashboard_address": "127.0.0.1:0"}
    with dask.config.set(config), \
            LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                         host="127.0.0.1", dashboard_address=None, scheduler_kwargs=http,
                         silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        client.register_plugin(_IgnoreInterrupts())
        yield client


class _IgnoreInterrupts(WorkerPlugin):
    """Local workers ignore SIGINT: Ctrl-C on a terminal reaches every process of the command,
    and it is the client's to handle (it stops the run and closes the cluster); a worker would
    print a traceback. A restarted worker is given the plugin again."""

    name = "meetingx-ignore-interrupts"

    def setup(self, worker: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_cluster(inputs: Iterable[str], out_dir: Path, *, scheduler: str | Client | None = None,
                workers: int | None = None, shard_size: int = DEFAULT_SHARD_SIZE, publish_date: str | None = None,
                tagger: bool = True, timeout: float | None = None, progress: bool = False,
                run: ClusterRun | None = None) -> ClusterRun:
    """Extract every document of ``inputs`` (as for :func:`meetingx.reading.iter_inputs`) on a
    Dask cluster into the shard files of ``out_dir``, keeping the shards an earlier run completed
    (see :mod:`meetingx.cluster.manifest`).

    The cluster is the one whose scheduler is at the address ``scheduler``, or whose client it
    is; without one, a local cluster of ``workers`` processes (see :func:`connect`), started
    once ``out_dir`` is locked against other runs (:class:`~meetingx.output.OutputLocked`).

    Each shard of ``shard_size`` documents is one task (:func:`~meetingx.cluster.shard.run_shard`);
    a shard whose task died on every try (``KilledWorker``) gets a ``worker-died`` entry per
    document and the run goes on. ``publish_date``, ``tagger`` and ``timeout`` are as for
    :func:`meetingx.batch.run_batch`. ``run`` (a new one by default) is filled as shards complete
    and returned, so that a caller still has it when the run stops early: on
    :class:`ShardFailed`, :class:`~meetingx.output.OutputFailed`, or an interruption.
    """
    run = run if run is not None else ClusterRun()
    out_dir = out_dir.resolve()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        lock = OutputLock(out_dir / MANIFEST_NAME)
    except OSError as error:
        raise OutputFailed(f"cannot write in {out_dir}: {error.strerror or error}") from None
    try:
        remove_partial_files(out_dir)
        manifest = Manifest(out_dir, {"meetingx": __version__, "publish_date": publish_date, "tagger": tagger})
        settings = Settings(str(out_dir), os.getcwd(), publish_date, tagger, timeout)
        with _client(scheduler, workers) as client:
            try:
                _Dispatch(client, manifest, settings, run, progress).run(plan_shards(inputs, shard_size))
            finally:
                manifest.save()
        manifest.finish(run.shards)
    finally:
        lock.release()
    return run


def _client(scheduler: str | Client | None, workers: int | None) -> AbstractContextManager[Client]:
    return nullcontext(scheduler) if isinstance(scheduler, Client) else connect(scheduler, workers)


class _Dispatch:
    """Shards handed to the cluster a few at a time, and their results taken in as they come.

    Dask counts a worker's death against every task the worker held, and gives a task up
    (``KilledWorker``) once it was held by too many workers that died. A poison document's shard
    can take another shard down with it that way: one that ran beside it in the same worker, or
    that was queued on the one worker left while the others restarted. So a shard given up while
    other shards ran is a *suspect*: no new shard is handed out until the running ones are done,
    then each suspect runs alone, and only one that kills its worker on every try alone is a
    shard whose task died.
    """

    def __init__(self, client: Client, manifest: Manifest, settings: Settings, run: ClusterRun,
                 progress: bool) -> None:
        self._client = client
        self._manifest = manifest
        self._settings = settings
        self._run = run
        self._progress = tqdm(desc="cluster", unit="doc", file=sys.stderr, disable=not progress)
        #: The shards running, and whether each runs alone.
        self._running: dict[Future, tuple[Shard, bool]] = {}
        self._suspects: deque[Shard] = deque()
        self._done = as_completed()

    def run(self, shards: Iterator[Shard]) -> None:
        try:
            self._hand_out(shards)
            for future in self._done:
                shard, alone = self._running.pop(future)
                self._take(shard, future, alone)
                # Released at once, so that the cluster does not run the shard again if the
                # worker that holds its result dies.
                future.release()
                self._hand_out(shards)
        finally:
            self._progress.close()
            for future in self._running:
                future.cancel()

    def _hand_out(self, shards: Iterator[Shard]) -> None:
        """Submit the next suspect alone once no shard runs; without suspects, submit shards
        until there is one per worker thread, counting the ones an earlier run completed on the
        way.

        One per thread, not more: a worker then holds only the shard it runs, and the next shard
        is submitted as soon as one completes, a few milliseconds against a shard's seconds. The
        client and the scheduler thus hold a bounded part of the input.
        """
        if self._suspects:
            if not self._running:
                self._submit(self._suspects.popleft(), alone=True)
            return
        room = max(1, sum(self._client.nthreads().values())) - len(self._running)
        while room > 0 and (shard := next(shards, None)) is not None:
            self._run.shards += 1
            if (entry := self._manifest.kept(shard)) is not None:
                self._count(entry["documents"], entry["records"], entry["errors"], entry["warnings"], kept=True)
                continue
            self._submit(shard, alone=False)
            room -= 1

    def _submit(self, shard: Shard, alone: bool) -> None:
        key = f"meetingx-shard-{shard.index:05d}-{os.urandom(4).hex()}"
        future = self._client.submit(run_shard, shard, self._settings, key=key)
        self._running[future] = (shard, alone)
        self._done.add(future)

    def _take(self, shard: Shard, future: Future, alone: bool) -> None:
        """Record a finished shard; make one given up a suspect, or, if it ran alone, write its
        files of ``worker-died`` entries."""
        if future.status == "finished":
            result: ShardResult = future.result()
            status = DONE
        else:
            error = future.exception() if future.status == "error" else None
            if not isinstance(error, KilledWorker):
                raise ShardFailed(f"shard {shard.index} ({shard.inputs['first']} to {shard.inputs['last']}) "
                                  f"failed: {_describe(error, future.status)}")
            if not alone:
                self._suspects.append(shard)
                return
            result = write_died_shard(shard, self._settings, "the Dask worker running this document's shard "
                                                             "died on every try")
            self._run.died.append(shard.index)
            status = DIED
        self._manifest.record(shard, result, status)
        self._count(result.documents, result.records, result.errors, result.warnings)

    def _count(self, documents: int, records: int, errors: int, warnings: int, kept: bool = False) -> None:
        counts = self._run.counts
        counts.documents += documents
        counts.records += records
        counts.errors += errors
        counts.warnings += warnings
        if kept:
            counts.resumed += records
            self._run.kept += 1
        self._progress.update(documents)


def _describe(error: BaseException | None, status: object) -> str:
    if error is None:
        return f"its task was {status}"
    if isinstance(error, (WorkerUnfit, OutputFailed)):
        return str(error)
    return f"{type(error).__name__}: {error}"
