"""One shard's task: its documents through the batch's per-document function, written to
``records-NNNNN.jsonl`` and ``errors-NNNNN.jsonl`` that appear only complete.

:func:`run_shard` is what a Dask worker runs. It reads its own documents (:func:`read_unit`) and
hands them to :func:`meetingx.batch.run_batch` with one job, so that a document gets exactly the
record line or error entry ``meetingx extract`` gives it, time limit included: with a time limit,
each document is extracted in a process forked from the Dask worker, which a document that
kills it or runs over the limit costs a ``worker-died`` or ``timeout`` entry, as in ``extract``.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

from meetingx import __version__
from meetingx.batch import BatchCounts, run_batch
from meetingx.cluster.plan import GivenUnit, LineUnit, Shard, read_unit
from meetingx.output import LineFile, OutputFailed, json_line
from meetingx.reading import InputError
from meetingx.workers import WORKER_DIED


@dataclass(frozen=True)
class Settings:
    """What every task of a run is given besides its shard."""

    #: The output directory, absolute.
    out_dir: str
    #: The client's working directory, from which relative input paths are taken.
    cwd: str
    publish_date: str | None
    tagger: bool
    #: Seconds a document's extraction may take; None for no limit.
    timeout: float | None
    #: The client's meetingx version: a worker with another one refuses the shard.
    version: str = __version__


@dataclass(frozen=True)
class ShardResult:
    """What a shard's files hold, as the manifest records it."""

    shard: int
    documents: int
    records: int
    errors: int
    warnings: int
    records_bytes: int
    records_sha256: str
    errors_bytes: int
    errors_sha256: str

    def to_json_dict(self) -> dict[str, int | str]:
        return asdict(self)


class WorkerUnfit(Exception):
    """A Dask worker that cannot run a shard as the client asks (another meetingx version, a
    daemonic process with a time limit): the run stops with this message."""


def records_name(index: int) -> str:
    """The file name of a shard's records: ``records-00042.jsonl``."""
    return f"records-{index:05d}.jsonl"


def errors_name(index: int) -> str:
    """The file name of a shard's error entries: ``errors-00042.jsonl``."""
    return f"errors-{index:05d}.jsonl"


def run_shard(shard: Shard, settings: Settings) -> ShardResult:
    """The task of one shard: extract its documents and write its two files."""
    _check_worker(settings)
    with ShardWriter(Path(settings.out_dir), shard.index) as writer:
        try:
            counts = run_batch((read_unit(unit, settings.cwd) for unit in shard.units), writer.record, writer.error,
                               publish_date=settings.publish_date, timeout=settings.timeout, tagger=settings.tagger)
        finally:
            # With a time limit, run_batch froze this process's objects before forking (see
            # meetingx.workers._preload): a Dask worker lives on, and must collect them again.
            gc.unfreeze()
        return writer.commit(counts)


def write_died_shard(shard: Shard, settings: Settings, message: str) -> ShardResult:
    """The files of a shard whose task died on every try: each document a ``worker-died`` entry
    with ``message``; an error entry the client already had (a bad line, a duplicate) stays itself."""
    with ShardWriter(Path(settings.out_dir), shard.index) as writer:
        counts = BatchCounts()
        for unit in shard.units:
            if isinstance(unit, GivenUnit) and isinstance(unit.item, InputError):
                writer.error(unit.item)
            else:
                item = unit.item if isinstance(unit, GivenUnit) else unit
                line = unit.line if isinstance(unit, LineUnit) else None
                writer.error(InputError(id=item.id, path=item.path, line=line, code=WORKER_DIED, message=message))
            counts.documents += 1
            counts.errors += 1
        return writer.commit(counts)


def _check_worker(settings: Settings) -> None:
    if settings.version != __version__:
        raise WorkerUnfit(f"a Dask worker runs meetingx {__version__}, the client {settings.version}: "
                          "install the same version on every worker")
    if settings.timeout is not None and multiprocessing.current_process().daemon:
        raise WorkerUnfit("a Dask worker is a daemonic process, which cannot start the process that "
                          "extracts each document within --timeout: start the workers with "
                          "DASK_DISTRIBUTED__WORKER__DAEMON=False, or run with --timeout 0")


class _HashedFile:
    """A shard file being written under a temporary name, with its size and sha256."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f"{path.name}.{secrets.token_hex(6)}.partial")
        self._file = LineFile(self.partial)
        self._sha256 = hashlib.sha256()
        self.size = 0

    def write(self, line: str) -> None:
        self._file.write(line)
        data = (line + "\n").encode("utf-8")
        self._sha256.update(data)
        self.size += len(data)

    def finish(self) -> tuple[int, str]:
        """Sync and close the file: its size and sha256."""
        try:
            self._file.sync()
        except OSError as error:
            raise OutputFailed(f"cannot write {self.partial}: {error.strerror or error}") from None
        finally:
            self._file.close()
        return self.size, self._sha256.hexdigest()

    def discard(self) -> None:
        """Close the file and remove it, if it has not been renamed into place."""
        self._file.close()
        try:
            os.unlink(self.partial)
        except FileNotFoundError:
            pass


class ShardWriter:
    """The two files of a shard, written under temporary names in the output directory and
    renamed into place by :meth:`commit` (records last), or removed if the task fails.

    The temporary names are new for every attempt, so that two attempts at a shard (a worker
    thought dead that was not) never write into one file; either's files are whole."""

    def __init__(self, out_dir: Path, index: int) -> None:
        self.index = index
        self._files: list[_HashedFile] = []
        try:
            self._records = self._open(out_dir / records_name(index))
            self._errors = self._open(out_dir / errors_name(index))
        except BaseException:
            self._discard()
            raise

    def _open(self, path: Path) -> _HashedFile:
        file = _HashedFile(path)
        self._files.append(file)
        return file

    def record(self, line: str) -> None:
        """Write a record line (given without its newline)."""
        self._records.write(line)

    def error(self, error: InputError) -> None:
        """Write an error entry."""
        self._errors.write(json_line(error.to_json_dict()))

    def commit(self, counts: BatchCounts) -> ShardResult:
        """Put both files in place and say what they hold."""
        records_bytes, records_sha256 = self._records.finish()
        errors_bytes, errors_sha256 = self._errors.finish()
        try:
            os.replace(self._errors.partial, self._errors.path)
            os.replace(self._records.partial, self._records.path)
        except OSError as error:
            raise OutputFailed(f"cannot complete {error.filename}: {error.strerror or error}") from None
        return ShardResult(self.index, counts.documents, counts.records, counts.errors, counts.warnings,
                           records_bytes, records_sha256, errors_bytes, errors_sha256)

    def _discard(self) -> None:
        for file in self._files:
            file.discard()

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        """Remove the temporary files that are left: after a failure, all of them."""
        self._discard()
