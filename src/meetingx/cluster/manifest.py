"""``DIR/manifest.json``: what each shard's files hold, so that a re-run keeps the shards that are
whole and redoes the rest.

The manifest is written by the client only (atomically: a temporary file renamed into place),
after the shard files it describes are in place, and again every few seconds as shards complete;
a run killed in between leaves a manifest that misses the last shards, which the next run
redoes. A shard is kept when its entry says it completed (``"status": "done"``, not
``"worker-died"``), its inputs are the same (see :attr:`meetingx.cluster.plan.Shard.inputs`) and
both of its files have the size and sha256 the entry records; a manifest written with other
settings (another meetingx version, publish date or tagger setting) keeps none.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from meetingx.cluster.plan import Shard
from meetingx.cluster.shard import ShardResult, errors_name, records_name
from meetingx.output import OutputFailed
from meetingx.safe_json import NotJSON, loads

MANIFEST_NAME = "manifest.json"
#: The version of the manifest's layout.
MANIFEST_FORMAT = 1
#: Seconds between two writes of the manifest while shards complete.
SAVE_INTERVAL = 2.0

DONE = "done"
#: The status of a shard whose task died on every try: its documents are worker-died entries.
DIED = "worker-died"


class Manifest:
    """The manifest of an output directory: read at the start of a run, kept up to date during it."""

    def __init__(self, out_dir: Path, settings: dict[str, Any]) -> None:
        self.path = out_dir / MANIFEST_NAME
        self._out_dir = out_dir
        self._settings = settings
        self._entries: dict[int, dict[str, Any]] = self._read()
        self._saved = time.monotonic()

    def _read(self) -> dict[int, dict[str, Any]]:
        """The entries of the manifest on disk, by shard; none if there is no readable manifest of
        the same format and settings."""
        try:
            manifest = loads(self.path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, NotJSON):
            return {}
        if not (isinstance(manifest, dict) and manifest.get("format") == MANIFEST_FORMAT
                and manifest.get("settings") == self._settings and isinstance(manifest.get("shards"), list)):
            return {}
        return {entry["shard"]: entry for entry in manifest["shards"]
                if isinstance(entry, dict) and isinstance(entry.get("shard"), int)}

    def kept(self, shard: Shard) -> dict[str, Any] | None:
        """The entry of a shard a re-run keeps as it is (see the module's docstring), or None."""
        entry = self._entries.get(shard.index)
        if entry is None or entry.get("status") != DONE or entry.get("inputs") != shard.inputs:
            return None
        for name, kind in ((records_name(shard.index), "records"), (errors_name(shard.index), "errors")):
            if not _holds(self._out_dir / name, entry.get(f"{kind}_bytes"), entry.get(f"{kind}_sha256")):
                return None
        return entry

    def record(self, shard: Shard, result: ShardResult, status: str) -> None:
        """Add a shard whose files are in place; write the manifest if it was last written more
        than :data:`SAVE_INTERVAL` seconds ago."""
        self._entries[shard.index] = {"shard": shard.index, "status": status, "inputs": shard.inputs,
                                      "records_file": records_name(shard.index),
                                      "errors_file": errors_name(shard.index), **result.to_json_dict()}
        if time.monotonic() - self._saved >= SAVE_INTERVAL:
            self.save()

    def finish(self, shards: int) -> None:
        """End a run that went through all the inputs, which made ``shards`` shards: forget the
        shards past them and remove their files (left by a run with a smaller shard size or more
        input), and write the manifest."""
        for index in [index for index in self._entries if index >= shards]:
            del self._entries[index]
        for path in self._out_dir.glob("*-*.jsonl"):
            kind, _, number = path.stem.partition("-")
            if kind in ("records", "errors") and number.isdigit() and int(number) >= shards:
                path.unlink()
        self.save(complete=all(self._entries.get(index, {}).get("status") == DONE for index in range(shards)))

    def save(self, complete: bool = False) -> None:
        """Write the manifest: to a temporary file, synced, then renamed into place."""
        manifest = {"format": MANIFEST_FORMAT, "settings": self._settings, "complete": complete,
                    "shards": [self._entries[index] for index in sorted(self._entries)]}
        partial = self.path.with_name(MANIFEST_NAME + ".partial")
        try:
            with open(partial, "w", encoding="utf-8") as file:
                json.dump(manifest, file, ensure_ascii=False, indent=1)
                file.write("\n")
                file.flush()
                os.fsync(file.fileno())
            os.replace(partial, self.path)
            _sync_directory(self._out_dir)
        except OSError as error:
            raise OutputFailed(f"cannot write {self.path}: {error.strerror or error}") from None
        self._saved = time.monotonic()


def remove_partial_files(out_dir: Path) -> None:
    """Remove the temporary files of shards and of the manifest that a killed run left."""
    for path in out_dir.glob("*.partial"):
        path.unlink(missing_ok=True)


def _holds(path: Path, size: object, sha256: object) -> bool:
    """Whether the file at ``path`` has this size and sha256."""
    try:
        if path.stat().st_size != size:
            return False
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == sha256


def _sync_directory(directory: Path) -> None:
    """Have the OS write a directory's entries (the renames into it) to disk."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
