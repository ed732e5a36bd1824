"""``meetingx extract``: nothing lost, the closing counts and exit status, --jobs, --resume."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingx import api
from meetingx.cli import main
from meetingx.reading import base

GOOD = "3月5日上午，区财政局在五楼会议室召开预算执行分析会。局长王海主持会议。".encode("utf-8")
SUMMARY = re.compile(r"^(\d+) documents, (\d+) records(?: \(\d+ already in the output\))?, (\d+) errors, \d+ warnings$")


def jsonl(*objects: object) -> bytes:
    return b"".join(json.dumps(obj, ensure_ascii=False).encode() + b"\n" for obj in objects)


# Each case: files to create, the inputs to name, the error codes expected (in order), the
# counts N/R/E, and what to break (the size limit, or the id whose extraction crashes).
BAD_INPUTS = {
    "all-good": ({"a.txt": GOOD, "b.txt": GOOD}, ["a.txt", "b.txt"], [], (2, 2, 0), {}),
    "empty-file": ({"a.txt": GOOD, "b.txt": b""}, ["a.txt", "b.txt"], ["empty"], (2, 1, 1), {}),
    "binary-file": ({"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "b.txt": GOOD}, ["a.txt", "b.txt"],
                    ["binary"], (2, 1, 1), {}),
    "undecodable": ({"a.txt": GOOD, "b.txt": b"\x80\x80\x80 minutes \xff\xff\xfe"}, ["a.txt", "b.txt"],
                    ["undecodable"], (2, 1, 1), {}),
    "too-large": ({"a.txt": GOOD, "b.txt": GOOD * 20}, ["a.txt", "b.txt"], ["too-large"], (2, 1, 1),
                  {"limit": 1000}),
    "missing-path": ({"a.txt": GOOD}, ["a.txt", "nowhere.txt"], ["not-found"], (2, 1, 1), {}),
    "bad-jsonl-line": ({"in.jsonl": jsonl({"id": "j1", "text": GOOD.decode()}) + b"{oops\n"
                        + jsonl({"id": "j3", "text": GOOD.decode()})},
                       ["in.jsonl"], ["bad-jsonl"], (3, 2, 1), {}),
    "jsonl-without-text": ({"in.jsonl": jsonl({"id": "j1"}, {"id": "j2", "text": GOOD.decode()})},
                           ["in.jsonl"], ["bad-jsonl"], (2, 1, 1), {}),
    "crash-in-extraction": ({"a.txt": GOOD, "b.txt": GOOD, "c.txt": GOOD}, ["a.txt", "b.txt", "c.txt"],
                            ["extract-failed"], (3, 2, 1), {"crash": "b"}),
    "everything-at-once": ({"a.txt": b"", "b.txt": b"\x00\x01", "in.jsonl": b"[]\n" + jsonl({"text": " "})},
                           ["a.txt", "b.txt", "in.jsonl", "nowhere.docx"],
                           ["empty", "binary", "bad-jsonl", "empty", "not-found"], (5, 0, 5), {}),
}


@pytest.mark.parametrize(("files", "inputs", "codes", "counts", "breakage"), BAD_INPUTS.values(),
                         ids=BAD_INPUTS.keys())
def test_every_input_ends_as_a_record_or_an_error_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes], inputs: list[str],
        codes: list[str], counts: tuple[int, int, int], breakage: dict) -> None:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    if "limit" in breakage:
        monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", breakage["limit"])
    if "crash" in breakage:
        real = api.assemble

        def crash(doc, document):
            if document.id == breakage["crash"]:
                raise ValueError("broken component")
            return real(doc, document)

        monkeypatch.setattr(api, "assemble", crash)
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(main, ["extract", *inputs, "-o", "out.jsonl", "--errors", "errors.jsonl"])

    errors = [json.loads(line) for line in Path("errors.jsonl").read_text(encoding="utf-8").splitlines()]
    records = [json.loads(line) for line in Path("out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [error["code"] for error in errors] == codes
    assert all(list(error) == ["id", "path", "line", "code", "message"] and error["message"] for error in errors)
    documents, record_count, error_count = counts
    assert len(records) == record_count
    summary = SUMMARY.match(result.stderr.strip().splitlines()[-1])
    assert summary and tuple(map(int, summary.groups())) == counts
    assert record_count + error_count == documents
    assert result.exit_code == (1 if error_count else 0)


def test_errors_go_to_stderr_and_records_to_stdout_by_default(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)
    (tmp_path / "b.txt").write_bytes(b"")

    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--publish-date", "2024-03-06"])

    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["id"], record["source"]["encoding"]) == ("a", "utf-8")
    error_line, summary = result.stderr.strip().splitlines()
    assert json.loads(error_line) == {"id": "b", "path": str(tmp_path / "b.txt"), "line": None,
                                      "code": "empty", "message": "no text (empty or only whitespace)"}
    assert SUMMARY.match(summary).groups() == ("2", "1", "1")
    assert result.exit_code == 1


@pytest.mark.parametrize(("arguments", "message"), [
    (["--resume"], "--resume needs -o/--output"),
    (["--publish-date", "2024-3-6"], "expected YYYY-MM-DD"),
    (["--jobs", "0"], "--jobs"),
])
def test_bad_options_are_usage_errors(tmp_path: Path, arguments: list[str], message: str) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)

    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), *arguments])

    assert result.exit_code == 2
    assert message in result.stderr


def write_reports(directory: Path, count: int) -> list[str]:
    """``count`` small distinct reports, and their ids."""
    directory.mkdir()
    ids = [f"report-{number:02d}" for number in range(count)]
    for number, id in enumerate(ids):
        (directory / f"{id}.txt").write_text(
            f"{number + 1}月{number % 28 + 1}日下午，第{number + 1}工作组在{number + 2}号会议室召开周例会。"
            f"组长赵{number}主持会议。会议要求，一是按期完成任务，二是及时报告进展。", encoding="utf-8")
    return ids


def test_jobs_2_gives_the_same_bytes_as_jobs_1(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write_reports(reports, 8)
    (reports / "report-03.txt").write_bytes(b"")
    runner = CliRunner()

    one = runner.invoke(main, ["extract", str(reports), "-o", str(tmp_path / "one.jsonl"), "--jobs", "1"])
    two = runner.invoke(main, ["extract", str(reports), "-o", str(tmp_path / "two.jsonl"), "--jobs", "2"])

    assert (one.exit_code, two.exit_code) == (1, 1)
    assert one.stderr == two.stderr
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert len((tmp_path / "one.jsonl").read_bytes().splitlines()) == 7


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_without_the_tagger_names_with_no_title_are_not_read(tmp_path: Path, jobs: str) -> None:
    """王明远 stands before 主持 with no title: only the name tagger reads it as a name."""
    report = tmp_path / "report.txt"
    report.write_text("5月12日，市政协召开常委会议。王明远主持会议。市政协副主席李华出席会议。", encoding="utf-8")
    runner = CliRunner()

    tagged = runner.invoke(main, ["extract", str(report), "--jobs", jobs])
    rules_only = runner.invoke(main, ["extract", str(report), "--no-tagger", "--jobs", jobs])

    assert (tagged.exit_code, rules_only.exit_code) == (0, 0)
    assert [chair["name"] for chair in json.loads(tagged.stdout)["chair"]] == ["王明远"]
    record = json.loads(rules_only.stdout)
    assert record["chair"] == []
    assert [warning["code"] for warning in record["warnings"]] == ["people.rules-only"]
    assert json.loads(tagged.stdout)["warnings"] == []
    assert record["attendees"] == ["李华"]  # a name after its title needs no tagger


def meetingx_command(*arguments: str) -> list[str]:
    return [sys.executable, "-c", "from meetingx.cli import main; main()", *arguments]


def test_killed_batch_resumes_to_exactly_one_record_per_input(tmp_path: Path) -> None:
    ids = write_reports(tmp_path / "reports", 30)
    output = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    command = meetingx_command("extract", str(tmp_path / "reports"), "-o", str(output))

    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # Kill as soon as a few records are out; if the run wins the race, the assertions below
    # hold all the same.
    while first.poll() is None and time.monotonic() < deadline:
        if partial.exists() and partial.read_bytes().count(b"\n") >= 3:
            first.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    first.wait(timeout=60)
    if first.returncode == -signal.SIGKILL:
        assert not output.exists(), "a killed run must not leave a (torn) output file"

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=120)

    assert resumed.returncode == 0, resumed.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == ids
    assert resumed.stderr.strip().splitlines()[-1].startswith("30 documents, 30 records")
    assert not partial.exists()
