"""A shard's task in this process: the lines ``extract`` writes, files that appear only whole."""

from __future__ import annotations

import hashlib
import json
import types
from pathlib import Path

import pytest
from batch_checks import fill_disk_after
from cluster_checks import compose_inputs, extract_outputs

from meetingx.cluster import shard as shard_module
from meetingx.cluster.plan import plan_shards
from meetingx.cluster.shard import Settings, WorkerUnfit, run_shard, write_died_shard
from meetingx.output import OutputFailed


def settings(out_dir: Path, **changes: object) -> Settings:
    values = {"out_dir": str(out_dir), "cwd": str(out_dir.parent), "publish_date": None, "tagger": True,
              "timeout": None, **changes}
    return Settings(**values)  # type: ignore[arg-type]


def test_shards_hold_the_lines_extract_writes_and_say_what_their_files_hold(tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()

    results = [run_shard(shard, settings(out)) for shard in plan_shards(specs, 4)]

    records = b"".join((out / f"records-{index:05d}.jsonl").read_bytes() for index in range(len(results)))
    errors = b"".join((out / f"errors-{index:05d}.jsonl").read_bytes() for index in range(len(results)))
    assert (records, errors) == extract_outputs(specs, tmp_path, "--timeout", "0")
    last = out / f"records-{results[-1].shard:05d}.jsonl"
    assert (results[-1].records_bytes, results[-1].records_sha256) == (
        last.stat().st_size, hashlib.sha256(last.read_bytes()).hexdigest())
    assert sum(result.documents for result in results) == len(records.splitlines()) + len(errors.splitlines())
    assert sum(result.warnings for result in results) == sum(
        len(json.loads(line)["warnings"]) for line in records.splitlines())
    assert not list(out.glob("*.partial"))


def test_a_shard_that_cannot_be_written_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs = compose_inputs(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    fill_disk_after(monkeypatch, 3000)

    with pytest.raises(OutputFailed, match="No space left on device"):
        run_shard(next(plan_shards(specs, 4)), settings(out))

    assert list(out.iterdir()) == []


def test_a_died_shard_is_a_worker_died_entry_per_document(tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    shard = next(plan_shards(specs, 6))  # a.txt b.html dup.txt empty.txt minutes.txt notes.md

    result = write_died_shard(shard, settings(out), "died on every try")

    entries = [json.loads(line) for line in (out / "errors-00000.jsonl").read_text("utf-8").splitlines()]
    assert [(entry["id"], entry["code"]) for entry in entries] == [
        ("a", "worker-died"), ("b", "worker-died"), ("dup", "worker-died"), ("empty", "worker-died"),
        ("minutes", "worker-died"), ("notes", "unsupported")]
    assert entries[0] == {"id": "a", "path": str(tmp_path / "in" / "a.txt"), "line": None, "code": "worker-died",
                          "message": "died on every try"}
    assert (out / "records-00000.jsonl").read_bytes() == b""
    assert (result.documents, result.records, result.errors) == (6, 0, 6)


def test_a_worker_of_another_version_refuses_the_shard(tmp_path: Path) -> None:
    shard = next(plan_shards(compose_inputs(tmp_path / "in"), 4))

    with pytest.raises(WorkerUnfit, match="meetingx 0.1.0, the client 9.9"):
        run_shard(shard, settings(tmp_path, version="9.9"))


def test_a_daemonic_worker_refuses_a_shard_with_a_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shard = next(plan_shards(compose_inputs(tmp_path / "in"), 4))
    monkeypatch.setattr(shard_module.multiprocessing, "current_process", lambda: types.SimpleNamespace(daemon=True))

    with pytest.raises(WorkerUnfit, match="DASK_DISTRIBUTED__WORKER__DAEMON=False"):
        run_shard(shard, settings(tmp_path, timeout=60.0))
