"""The output file: atomic, one writer at a time, resumable, and a failed write that says so."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from batch_checks import fill_disk_after

from meetingx.output import LineFile, OutputFailed, OutputFile, OutputLocked, json_line


def record_line(id: str) -> bytes:
    return json.dumps({"id": id}).encode() + b"\n"


def test_output_appears_only_when_committed(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record_line("old"))

    with OutputFile(path) as output:
        output.write('{"id": "new"}')
        assert path.read_bytes() == record_line("old")
        assert output.partial_path.read_bytes() == record_line("new")

    assert path.read_bytes() == record_line("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_failed_run_leaves_the_output_alone_and_its_partial_file_for_resume(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record_line("old"))

    with pytest.raises(KeyboardInterrupt):
        with OutputFile(path) as output:
            output.write('{"id": "new"}')
            raise KeyboardInterrupt

    assert path.read_bytes() == record_line("old")
    assert (tmp_path / "out.jsonl.partial").read_bytes() == record_line("new")


@pytest.mark.parametrize("left_behind", ["out.jsonl", "out.jsonl.partial"])
def test_resume_keeps_whole_lines_and_drops_a_torn_one(tmp_path: Path, left_behind: str) -> None:
    path = tmp_path / "out.jsonl"
    (tmp_path / left_behind).write_bytes(record_line("a") + b"not json\n" + record_line("b") + b'{"id": "c", "ti')

    with OutputFile(path, resume=True) as output:
        assert output.done_ids == Counter({"a": 1, "b": 1})
        output.write('{"id": "c"}')

    assert path.read_bytes() == record_line("a") + record_line("b") + record_line("c")
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_resume_prefers_the_partial_file_of_a_killed_run(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record_line("from-an-earlier-run"))
    (tmp_path / "out.jsonl.partial").write_bytes(record_line("a"))

    with OutputFile(path, resume=True) as output:
        assert output.done_ids == Counter({"a": 1})

    assert path.read_bytes() == record_line("a")


def test_without_resume_earlier_output_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_bytes(record_line("a"))

    with OutputFile(path) as output:
        assert output.done_ids == Counter()

    assert path.read_bytes() == b""


def test_a_second_writer_of_the_same_file_is_refused_and_the_first_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"

    with OutputFile(path) as first:
        first.write('{"id": "a"}')
        with pytest.raises(OutputLocked, match=f"process {os.getpid()}"):
            OutputFile(tmp_path / "." / "out.jsonl", resume=True)
        first.write('{"id": "b"}')

    assert path.read_bytes() == record_line("a") + record_line("b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # the lock file is gone too


def test_the_lock_is_released_when_a_run_fails(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        with OutputFile(path) as output:
            output.write('{"id": "a"}')
            raise KeyboardInterrupt

    with OutputFile(path, resume=True) as output:
        assert output.done_ids == Counter({"a": 1})


def test_a_full_disk_fails_the_write_and_leaves_whole_lines_for_resume(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.jsonl"
    fill_disk_after(monkeypatch, len(record_line("a")) + 3)

    with pytest.raises(OutputFailed) as failure:
        with OutputFile(path) as output:
            output.write('{"id": "a"}')
            output.write('{"id": "b"}')

    assert str(failure.value) == f"cannot write {path}.partial: No space left on device"
    assert (tmp_path / "out.jsonl.partial").read_bytes() == record_line("a") + record_line("b")[:3]
    assert not path.exists()
    monkeypatch.undo()
    with OutputFile(path, resume=True) as output:
        assert output.done_ids == Counter({"a": 1})


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_file_that_cannot_be_written_fails_with_its_name() -> None:
    with LineFile(Path("/dev/full")) as full:
        with pytest.raises(OutputFailed, match="^cannot write /dev/full: No space left on device$"):
            full.write('{"id": "a"}')


@pytest.mark.parametrize(("value", "line"), [
    ({"id": "会议"}, '{"id": "会议"}'),
    ({"id": "\udcff会议"}, '{"id": "\\udcff\\u4f1a\\u8bae"}'),
])
def test_json_line_is_utf8_even_for_lone_surrogates(value: dict, line: str) -> None:
    assert json_line(value) == line
    assert json.loads(json_line(value)) == value
