"""Walking a directory input: every file in it, or an error entry where a part cannot be walked.

- Files are taken in sorted path order, folders recursively; each file's id is its path relative
  to the directory, without its suffix (``a/x`` for ``a/x.txt``).
- Symbolic links are followed; a dangling one is a ``not-found`` entry, one that leads back into
  a folder being walked (a loop) or that the OS cannot resolve is ``unreadable``.
- A folder that cannot be listed (permission denied) is an ``unreadable`` entry.
- Hidden files and folders (a name starting with ``.``: ``.git``, ``.DS_Store``, Office's
  ``.~lock`` files) are left out, as ``ls`` and ``git`` leave them out; give a hidden file by its
  path to read it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from meetingx.reading.base import InputError


@dataclass(frozen=True)
class Found:
    """A file found in a directory, with the id it gets."""

    path: Path
    id: str


def file_id(relative: Path) -> str:
    """The id of a file from its path relative to the directory walked: the path without suffix."""
    return relative.with_suffix("").as_posix() if relative.suffix else relative.as_posix()


def walk(root: Path) -> Iterator[Found | InputError]:
    """Every file under ``root``, and an error entry for each part that cannot be walked."""
    yield from _walk(root, root, (_identity(root),))


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _walk(root: Path, folder: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Found | InputError]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as error:
        yield _error(root, folder, "unreadable", f"cannot list the folder: {error.strerror or error}")
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        try:
            if path.is_symlink():
                os.stat(path)  # raises for a dangling link or a loop of links
        except OSError as error:
            if error.errno == errno.ENOENT:
                yield _error(root, path, "not-found", f"dangling symbolic link (to {os.readlink(path)})")
            else:
                yield _error(root, path, "unreadable", f"cannot follow the symbolic link: {error.strerror or error}")
            continue
        if not path.is_dir():
            yield Found(path, file_id(path.relative_to(root)))
            continue
        try:
            identity = _identity(path)
        except OSError as error:
            yield _error(root, path, "unreadable", f"cannot read the folder: {error.strerror or error}")
            continue
        if identity in ancestors:
            yield _error(root, path, "unreadable", "symbolic link loop: it leads back to a folder that contains it")
            continue
        yield from _walk(root, path, ancestors + (identity,))


def _error(root: Path, path: Path, code: str, message: str) -> InputError:
    return InputError(id=file_id(path.relative_to(root)), path=str(path), code=code, message=message)
