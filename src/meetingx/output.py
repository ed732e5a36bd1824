"""Where a batch writes: JSON Lines to a file that appears only complete, has one writer at a
time, and can be resumed into; or to a stream. A write that fails (the disk is full, a pipe is
closed) raises :class:`OutputFailed`, which ends the batch with what was written kept."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from meetingx.safe_json import NotJSON, loads


class OutputFailed(Exception):
    """A write to an output failed: the batch cannot go on. The message names the output and
    the reason (``cannot write out.jsonl.partial: No space left on device``)."""


class OutputLocked(Exception):
    """Another run is writing the same output file."""


def json_line(value: Any) -> str:
    """``value`` as one line of JSON (without the newline) that UTF-8 can carry: characters as
    they are, unless some string holds a lone surrogate (an id from a file name that is not
    UTF-8, say), when the line is written with ``\\u`` escapes instead."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return line


class LineStream:
    """A text stream (standard output) written a line at a time, each flushed."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self.name = name

    def write(self, line: str) -> None:
        """Write one line (given without its newline); :class:`OutputFailed` if that fails."""
        try:
            self._stream.write(line + "\n")
            self._stream.flush()
        except OSError as error:
            raise OutputFailed(f"cannot write {self.name}: {error.strerror or error}") from None


class LineFile:
    """A file written a line at a time, each line handed to the OS as it comes (no buffer), so
    that a write that fails leaves at most a torn last line, and nothing pending to fail again
    when the file is closed. ``mode`` is ``"wb"`` or ``"ab"``."""

    def __init__(self, path: Path, mode: str = "wb") -> None:
        self.path = path
        try:
            self._file = open(path, mode, buffering=0)
        except OSError as error:
            raise OutputFailed(f"cannot write {path}: {error.strerror or error}") from None

    def write(self, line: str) -> None:
        """Append one line (given without its newline); :class:`OutputFailed` if the disk is
        full or the write fails otherwise."""
        data = memoryview((line + "\n").encode("utf-8"))
        try:
            while data:
                data = data[self._file.write(data):]
        except OSError as error:
            raise OutputFailed(f"cannot write {self.path}: {error.strerror or error}") from None

    def sync(self) -> None:
        """Have the OS write the file to disk."""
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> LineFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


#: File descriptors of the output locks this process holds (see :func:`_forget_locks`).
_HELD_LOCKS: set[int] = set()


def _forget_locks() -> None:
    """In a forked child (a batch's worker), close the lock descriptors copied from the parent:
    an ``flock`` lasts while any descriptor of it is open, and a worker that outlives a parent
    killed by SIGKILL must not keep the output locked against ``--resume``."""
    for fd in _HELD_LOCKS:
        os.close(fd)
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks)


class OutputLock:
    """An exclusive lock on ``<path>.lock``, held while a run writes ``path``.

    ``flock`` locks belong to an open file, so a run that dies, however it dies, releases its
    lock (its forked workers do not hold it: see :func:`_forget_locks`). The lock file is removed
    on release; a run that locked a file someone has just removed finds that the path no longer
    names the file it locked, and tries again.
    """

    def __init__(self, path: Path) -> None:
        import fcntl

        self.path = path.with_name(path.name + ".lock")
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip()
                os.close(fd)
                raise OutputLocked(f"{path} is being written by another meetingx run"
                                   + (f" (process {holder})" if holder else "")
                                   + f"; it holds {self.path}") from None
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd
        _HELD_LOCKS.add(fd)

    def release(self) -> None:
        """Remove the lock file, then let the lock go."""
        _HELD_LOCKS.discard(self._fd)
        try:
            os.unlink(self.path)
        finally:
            os.close(self._fd)


class OutputFile:
    """A JSON Lines output file that appears at its path only complete, that one run at a time
    writes, and that a killed or failed run can be resumed into.

    The file is locked first (:class:`OutputLock`; :class:`OutputLocked` if another run holds
    it). Lines are written to ``<path>.partial`` in the same directory, each written through as
    it comes, so a killed run leaves whole lines and at most one torn last line there, and
    nothing at ``path``. :meth:`commit` syncs the partial file and renames it onto ``path``
    (atomic on POSIX). With ``resume``, the complete lines of the partial file a killed run left
    behind (else of ``path``) are kept, their ids are in :attr:`done_ids`, and new lines follow.
    """

    def __init__(self, path: Path, resume: bool = False) -> None:
        self.path = path
        self.partial_path = path.with_name(path.name + ".partial")
        try:
            self._lock = OutputLock(path)
        except OSError as error:
            raise OutputFailed(f"cannot lock {path}: {error.strerror or error}") from None
        try:
            self._file = self._start(resume)
        except BaseException:
            self._lock.release()
            raise

    def _start(self, resume: bool) -> LineFile:
        """Set :attr:`done_ids` and the partial file up; the partial file, open for appending."""
        try:
            kept = self._complete_lines() if resume else []
            self.done_ids: Counter[str] = Counter(id for id, _ in kept)
            # The kept lines go to the partial file through a new file and a rename, so that a
            # run killed right here still leaves them whole for the next --resume.
            fresh = self.path.with_name(self.path.name + ".partial.new")
            fresh.write_bytes(b"".join(line for _, line in kept))
            os.replace(fresh, self.partial_path)
        except OSError as error:
            raise OutputFailed(f"cannot write {error.filename or self.partial_path}: "
                               f"{error.strerror or error}") from None
        return LineFile(self.partial_path, "ab")

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
                record = loads(line.decode("utf-8"))
            except (UnicodeDecodeError, NotJSON):
                continue
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                kept.append((record["id"], line))
        return kept

    def write(self, line: str) -> None:
        """Append one record line (given without its newline); :class:`OutputFailed` if the
        disk is full or the write fails otherwise, with at most a torn line left behind."""
        self._file.write(line)

    def commit(self) -> None:
        """Make the output visible at ``path``: sync the partial file and rename it there."""
        try:
            self._file.sync()
            self._file.close()
            os.replace(self.partial_path, self.path)
        except OSError as error:
            raise OutputFailed(f"cannot complete {self.path}: {error.strerror or error}") from None

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        """Commit on success; on failure leave the partial file for ``--resume``. Either way
        let the lock go."""
        try:
            if exc_type is None:
                self.commit()
        finally:
            self._file.close()
            self._lock.release()
