"""The manifest keeps a shard only while its files are whole and its inputs the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cluster_checks import compose_inputs

from meetingx.cluster.manifest import DIED, DONE, Manifest
from meetingx.cluster.plan import Shard, plan_shards
from meetingx.cluster.shard import Settings, run_shard

SETTINGS = {"meetingx": "0.1.0", "publish_date": None, "tagger": True}


def written(tmp_path: Path, shard_size: int = 4) -> tuple[list[str], Path, list[Shard]]:
    """Inputs, an output directory with every shard written and a manifest of them, the shards."""
    specs = compose_inputs(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    shards = list(plan_shards(specs, shard_size))
    write_all(out, shards)
    return specs, out, shards


def write_all(out: Path, shards: list[Shard]) -> None:
    manifest = Manifest(out, SETTINGS)
    for shard in shards:
        manifest.record(shard, run_shard(shard, Settings(str(out), str(out.parent), None, True, None)), DONE)
    manifest.finish(len(shards))


def kept(out: Path, shards: list[Shard], settings: dict = SETTINGS) -> list[int]:
    manifest = Manifest(out, settings)
    return [shard.index for shard in shards if manifest.kept(shard) is not None]


def test_whole_shards_are_kept_and_the_rest_redone(tmp_path: Path) -> None:
    _, out, shards = written(tmp_path)
    assert kept(out, shards) == [0, 1, 2, 3, 4]

    (out / "records-00001.jsonl").unlink()
    torn = out / "records-00002.jsonl"
    torn.write_bytes(torn.read_bytes()[:-10])
    flipped = out / "errors-00000.jsonl"
    flipped.write_bytes(flipped.read_bytes().replace(b"empty", b"EMPTY"))

    assert kept(out, shards) == [3, 4]


def test_a_manifest_of_other_settings_or_unreadable_keeps_nothing(tmp_path: Path) -> None:
    _, out, shards = written(tmp_path)

    assert kept(out, shards, {**SETTINGS, "tagger": False}) == []
    (out / "manifest.json").write_text('{"format": 1, "shards": [', encoding="utf-8")
    assert kept(out, shards) == []


def test_a_shard_whose_task_died_or_whose_inputs_changed_is_redone(tmp_path: Path) -> None:
    specs, out, _ = written(tmp_path)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    manifest["shards"][1]["status"] = DIED
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "in" / "z.jsonl").write_text('{"id": "z", "text": "5月6日，区政府召开常务会议。"}\n', encoding="utf-8")

    assert kept(out, list(plan_shards(specs, 4))) == [0]


def test_a_complete_run_says_so_and_drops_shards_past_its_end(tmp_path: Path) -> None:
    specs, out, _ = written(tmp_path, shard_size=3)
    assert len(list(out.glob("records-*.jsonl"))) == 6  # 18 documents

    write_all(out, list(plan_shards(specs, 6)))

    saved = json.loads((out / "manifest.json").read_text("utf-8"))
    assert saved["complete"] is True
    assert [entry["shard"] for entry in saved["shards"]] == [0, 1, 2]
    assert sorted(path.name for path in out.glob("*-*.jsonl")) == [
        f"{kind}-{index:05d}.jsonl" for kind in ("errors", "records") for index in range(3)]


@pytest.mark.parametrize("status", [DIED, None])
def test_a_run_with_a_shard_missing_or_died_is_not_complete(tmp_path: Path, status: str | None) -> None:
    specs = compose_inputs(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    shards = list(plan_shards(specs, 4))
    manifest = Manifest(out, SETTINGS)
    for shard in shards:
        if shard.index != 2 or status is not None:
            result = run_shard(shard, Settings(str(out), str(tmp_path), None, True, None))
            manifest.record(shard, result, DONE if shard.index != 2 else status)

    manifest.finish(len(shards))

    assert json.loads((out / "manifest.json").read_text("utf-8"))["complete"] is False
