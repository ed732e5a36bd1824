"""Shards planned in the client and read back in their tasks give what ``iter_inputs`` gives."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from cluster_checks import NEWS, compose_inputs

from meetingx.cluster import plan
from meetingx.cluster.plan import FileUnit, GivenUnit, LineUnit, plan_shards, read_unit
from meetingx.reading import Document, iter_inputs


def read_back(specs: list[str], shard_size: int, cwd: str | None = None, stdin: bytes = b"") -> list:
    shards = list(plan_shards(specs, shard_size, io.BytesIO(stdin)))
    assert [shard.index for shard in shards] == list(range(len(shards)))
    assert all(0 < len(shard.units) <= shard_size for shard in shards)
    return [read_unit(unit, cwd or os.getcwd()) for shard in shards for unit in shard.units]


@pytest.mark.parametrize("shard_size", [1, 3, 100])
def test_every_item_is_the_one_iter_inputs_gives(tmp_path: Path, shard_size: int) -> None:
    specs = compose_inputs(tmp_path / "in")

    expected = list(iter_inputs(specs))

    assert read_back(specs, shard_size) == expected
    assert [(item.id, item.code) for item in expected if not isinstance(item, Document)] == [
        ("empty", "empty"), ("notes", "unsupported"), ("z:3", "bad-jsonl"), ("dup", "duplicate-id"),
        ("empty", "duplicate-id"), ("no-text", "bad-jsonl"), ("a", "duplicate-id"), ("a", "duplicate-id")]


def test_standard_input_is_read_by_the_client(tmp_path: Path) -> None:
    (tmp_path / "stdin.txt").write_text(NEWS, encoding="utf-8")
    specs = ["-", str(tmp_path / "stdin.txt")]
    data = NEWS.encode("utf-8")

    items = read_back(specs, 2, stdin=data)

    assert items == list(iter_inputs(specs, io.BytesIO(data)))
    assert [(item.id, getattr(item, "code", None)) for item in items] == [("stdin", None), ("stdin", "duplicate-id")]


def test_the_client_reads_a_file_only_when_another_document_claims_its_id(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs = compose_inputs(tmp_path / "in")
    read: list[str] = []
    real = plan.read_file

    def counted(path: Path, id: str | None = None):
        read.append(path.name)
        return real(path, id)

    monkeypatch.setattr(plan, "read_file", counted)

    units = [unit for shard in plan_shards(specs, 4) for unit in shard.units]

    # a.txt (claimed again by more.jsonl), dup.txt and empty.txt (by lines of z.jsonl), no other
    assert sorted(read) == ["a.txt", "dup.txt", "empty.txt"]
    assert {type(unit) for unit in units} == {FileUnit, LineUnit, GivenUnit}
    assert not any(isinstance(unit, GivenUnit) and isinstance(unit.item, Document) for unit in units)


def test_relative_paths_are_taken_from_the_clients_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compose_inputs(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    specs = ["in", "more.jsonl"]
    expected = list(iter_inputs(specs))
    shards = list(plan_shards(specs, 5))
    monkeypatch.chdir(tmp_path / "in" / "sub")  # a worker started elsewhere

    items = [read_unit(unit, str(tmp_path)) for shard in shards for unit in shard.units]

    assert items == expected
    assert items[0].path == "in/a.txt"


def test_a_changed_input_changes_its_shards_fingerprint_only(tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")
    before = [shard.inputs for shard in plan_shards(specs, 4)]
    (tmp_path / "in" / "minutes.txt").write_text("Minutes of the Finance Committee, 7 May 2024.\n", encoding="utf-8")

    after = [shard.inputs for shard in plan_shards(specs, 4)]

    changed = [index for index, (old, new) in enumerate(zip(before, after)) if old != new]
    assert changed == [1]
    assert after[1]["first"] == str(tmp_path / "in" / "minutes.txt")
    assert after[0] == {"first": str(tmp_path / "in" / "a.txt"), "last": str(tmp_path / "in" / "empty.txt"),
                        "sha256": before[0]["sha256"]}
