"""Runs on a local cluster of two workers: the records of ``extract``, nothing lost or doubled
when workers die, and a re-run that redoes only what is missing."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import dask
import pytest
from cluster_checks import (KillExtraction, KillReading, compose_inputs, extract_outputs, ids, killing, plugged,
                            shard_outputs)
from distributed import Client, LocalCluster

from meetingx import batch
from meetingx.cluster.run import run_cluster


def assert_nothing_lost_or_doubled(out: Path, documents: int) -> tuple[list[str], list[dict]]:
    records, errors = shard_outputs(out)
    entries = [json.loads(line) for line in errors.splitlines()]
    record_ids = ids(records)
    assert len(record_ids) + len(entries) == documents
    assert not [id for id, count in Counter(record_ids).items() if count > 1]
    where = Counter((entry["path"], entry["line"], entry["id"]) for entry in entries)
    assert not [entry for entry, count in where.items() if count > 1]
    return record_ids, entries


def test_the_records_are_those_of_extract(cluster_client: Client, tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")

    run = run_cluster(specs, tmp_path / "out", scheduler=cluster_client, shard_size=3, timeout=60)

    assert shard_outputs(tmp_path / "out") == extract_outputs(specs, tmp_path)
    assert (run.counts.documents, run.counts.records, run.counts.errors, run.shards, run.kept) == (18, 10, 8, 6, 0)


def test_the_records_of_real_reports_are_those_of_extract(cluster_client: Client, bulk_reports: Path,
                                                          tmp_path: Path) -> None:
    reports = tmp_path / "reports.jsonl"
    with bulk_reports.open("rb") as lines:
        reports.write_bytes(b"".join(next(lines) for _ in range(40)))
    specs = [str(reports), *compose_inputs(tmp_path / "in")]

    run = run_cluster(specs, tmp_path / "out", scheduler=cluster_client, shard_size=7, timeout=60)

    records, errors = shard_outputs(tmp_path / "out")
    assert (records, errors) == extract_outputs(specs, tmp_path)
    assert len(records.splitlines()) == run.counts.records >= 40
    assert run.counts.documents == 58


def test_relative_inputs_are_read_from_the_clients_directory(cluster_client: Client, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    compose_inputs(tmp_path / "in")
    monkeypatch.chdir(tmp_path)  # the workers stay where they started

    run_cluster(["in", "more.jsonl"], Path("out"), scheduler=cluster_client, shard_size=5)

    assert shard_outputs(tmp_path / "out") == extract_outputs(["in", "more.jsonl"], tmp_path, "--timeout", "0")


def test_a_worker_killed_mid_run_costs_nothing(cluster_client: Client, tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")

    with plugged(cluster_client, KillReading("minutes", once=tmp_path / "killed")):
        run = run_cluster(specs, tmp_path / "out", scheduler=cluster_client, shard_size=2, timeout=60)

    assert (tmp_path / "killed").exists()
    assert run.died == []
    assert shard_outputs(tmp_path / "out") == extract_outputs(specs, tmp_path)
    assert_nothing_lost_or_doubled(tmp_path / "out", 18)


def test_a_poison_document_costs_its_shard_and_the_rest_completes(cluster_client: Client, tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")
    out = tmp_path / "out"

    with plugged(cluster_client, KillReading("minutes")):
        run = run_cluster(specs, out, scheduler=cluster_client, shard_size=3, timeout=60)

    assert run.died == [1]  # empty.txt, minutes.txt, notes.md
    record_ids, entries = assert_nothing_lost_or_doubled(out, 18)
    assert [(entry["id"], entry["code"]) for entry in entries[:3]] == [
        ("empty", "worker-died"), ("minutes", "worker-died"), ("notes", "unsupported")]
    expected_records, expected_errors = extract_outputs(specs, tmp_path)
    assert record_ids == [id for id in ids(expected_records) if id != "minutes"]
    assert json.loads((out / "manifest.json").read_text("utf-8"))["complete"] is False

    again = run_cluster(specs, out, scheduler=cluster_client, shard_size=3, timeout=60)

    assert (again.kept, again.died) == (5, [])
    assert shard_outputs(out) == (expected_records, expected_errors)


def test_a_shard_that_ran_beside_a_poison_document_is_not_given_up(tmp_path: Path) -> None:
    """One worker of two threads: shards 0 and 1 run in one process, which the poison document
    of shard 1 kills; Dask gives both up. Run alone, shard 0 completes and shard 1 dies again."""
    specs = compose_inputs(tmp_path / "in")
    config = {"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 1}
    with dask.config.set(config), LocalCluster(n_workers=1, threads_per_worker=2, host="127.0.0.1",
                                               dashboard_address=None) as cluster, Client(cluster) as client, \
            plugged(client, KillReading("minutes")):
        run = run_cluster(specs, tmp_path / "out", scheduler=client, shard_size=3, timeout=60)

    assert run.died == [1]
    record_ids, _ = assert_nothing_lost_or_doubled(tmp_path / "out", 18)
    assert record_ids == [id for id in ids(extract_outputs(specs, tmp_path)[0]) if id != "minutes"]


def test_a_document_that_kills_its_extraction_gets_the_entry_extract_gives(
        cluster_client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs = compose_inputs(tmp_path / "in")

    with plugged(cluster_client, KillExtraction("minutes")):
        run = run_cluster(specs, tmp_path / "out", scheduler=cluster_client, shard_size=3, timeout=60)
    monkeypatch.setattr(batch, "extract_document", killing("minutes", batch.extract_document))

    assert shard_outputs(tmp_path / "out") == extract_outputs(specs, tmp_path)
    assert run.died == []
    _, entries = assert_nothing_lost_or_doubled(tmp_path / "out", 18)
    assert ("minutes", "worker-died") in [(entry["id"], entry["code"]) for entry in entries]


def test_removed_and_torn_shards_are_redone_to_the_same_bytes(cluster_client: Client, tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")
    out = tmp_path / "out"
    first = run_cluster(specs, out, scheduler=cluster_client, shard_size=3)
    files = {path.name: path.read_bytes() for path in out.iterdir()}
    (out / "records-00002.jsonl").unlink()
    torn = out / "errors-00004.jsonl"
    torn.write_bytes(torn.read_bytes()[:-1])

    again = run_cluster(specs, out, scheduler=cluster_client, shard_size=3)

    assert (again.shards, again.kept) == (6, 4)
    assert again.counts == replace(first.counts, resumed=again.counts.resumed)
    assert 0 < again.counts.resumed < again.counts.records
    assert {path.name: path.read_bytes() for path in out.iterdir()} == files
