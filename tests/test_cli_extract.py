"""``meetingx extract``: nothing lost, the closing counts and exit status, --jobs, --resume."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_checks import break_extraction, fill_disk_after
from click.testing import CliRunner

from meetingx.cli import main
from meetingx.output import OutputFile
from meetingx.reading import Document, base
from meetingx.workers import CHUNK_SIZE

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
        def crash(document: Document) -> None:
            if document.id == breakage["crash"]:
                raise ValueError("broken component")

        break_extraction(monkeypatch, crash)
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
    (["--publish-date", "2024-3-6"], "expected a date written YYYY-MM-DD"),
    (["--publish-date", "2024-13-45"], "expected a date written YYYY-MM-DD"),
    (["--publish-date", "2024-02-30"], "expected a date written YYYY-MM-DD"),
    (["--timeout", "-1"], "--timeout"),
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


def meetingx_hanging_on(id: str, *arguments: str) -> list[str]:
    """The command line of a meetingx whose extraction of document ``id`` hangs."""
    script = ("import time\n"
              "from meetingx import batch\n"
              "real = batch.extract_documents\n"
              "def hang(documents, *args, **kwargs):\n"
              f"    while any(document.id == {id!r} for document, _ in documents):\n"
              "        time.sleep(1)\n"
              "    return real(documents, *args, **kwargs)\n"
              "batch.extract_documents = hang\n"
              "from meetingx.cli import main\n"
              "main()\n")
    return [sys.executable, "-c", script, *arguments]


def wait_for_lines(path: Path, count: int, process: subprocess.Popen) -> None:
    """Wait until ``path`` holds ``count`` lines (or the process has ended)."""
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.01)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("signum", "status", "timeout"), [
    (signal.SIGINT, 130, "0"),     # extracting in this process
    (signal.SIGTERM, 143, "60"),   # extracting in a worker process
])
def test_a_signal_ends_the_run_with_a_summary_and_a_partial_file_to_resume(
        tmp_path: Path, signum: signal.Signals, status: int, timeout: str) -> None:
    # The documents of a chunk are read together: those of the first get their records, the second
    # chunk hangs on one of its documents.
    ids = write_reports(tmp_path / "reports", CHUNK_SIZE + 3)
    output = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    arguments = ["extract", str(tmp_path / "reports"), "-o", str(output), "--timeout", timeout]
    run = subprocess.Popen(meetingx_hanging_on(ids[CHUNK_SIZE + 1], *arguments),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_lines(partial, CHUNK_SIZE, run)

    run.send_signal(signum)
    _, stderr = run.communicate(timeout=60)

    assert run.returncode == status, stderr
    message, summary = stderr.strip().splitlines()[-2:]
    assert message == (f"meetingx: stopped by {signum.name}; the records written so far are in {partial}: "
                       "run again with --resume to go on")
    assert SUMMARY.match(summary).groups() == (str(CHUNK_SIZE), str(CHUNK_SIZE), "0")
    assert "Traceback" not in stderr
    assert not output.exists()
    assert [json.loads(line)["id"] for line in partial.read_text(encoding="utf-8").splitlines()] == ids[:CHUNK_SIZE]

    resumed = subprocess.run(meetingx_command(*arguments, "--resume"), capture_output=True, text=True, timeout=120)

    assert resumed.returncode == 0, resumed.stderr
    assert [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()] == ids
    assert resumed.stderr.strip().splitlines()[-1].startswith(
        f"{len(ids)} documents, {len(ids)} records ({CHUNK_SIZE} already in the output)")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the worker must inherit the monkeypatch")
def test_a_document_over_the_time_limit_is_an_error_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = write_reports(tmp_path / "reports", 4)
    def hang_on_report_01(document: Document) -> None:
        while document.id == "report-01":
            time.sleep(1)

    break_extraction(monkeypatch, hang_on_report_01)

    result = CliRunner().invoke(main, ["extract", str(tmp_path / "reports"), "--timeout", "2"])

    records = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    *errors, summary = result.stderr.strip().splitlines()
    assert records == [ids[0], *ids[2:]]
    assert [(entry["id"], entry["code"]) for entry in map(json.loads, errors)] == [("report-01", "timeout")]
    assert SUMMARY.match(summary).groups() == ("4", "3", "1")
    assert result.exit_code == 1


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)
    output = tmp_path / "out.jsonl"

    with OutputFile(output) as first:
        first.write('{"id": "first"}')
        second = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "-o", str(output)])

    assert second.exit_code == 2
    assert f"{output} is being written by another meetingx run (process {os.getpid()})" in second.stderr
    assert output.read_text(encoding="utf-8") == '{"id": "first"}\n'


def test_two_concurrent_runs_on_one_output_lose_nothing(tmp_path: Path) -> None:
    ids = write_reports(tmp_path / "reports", 20)
    output = tmp_path / "out.jsonl"
    command = meetingx_command("extract", str(tmp_path / "reports"), "-o", str(output))

    runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outcomes = [(run.wait(timeout=120), run.stderr.read()) for run in runs]

    assert sorted(status for status, _ in outcomes)[0] == 0
    for status, stderr in outcomes:
        assert status == 0 or status == 2 and "is being written by another meetingx run" in stderr, stderr
    assert sorted(json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()) == ids


def test_a_full_disk_ends_the_run_with_a_message_and_resume_finishes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_reports(tmp_path / "reports", 5)
    arguments = ["extract", str(tmp_path / "reports"), "-o", str(tmp_path / "out.jsonl")]
    assert CliRunner().invoke(main, [*arguments[:-1], str(tmp_path / "clean.jsonl")]).exit_code == 0
    first_lines = (tmp_path / "clean.jsonl").read_bytes().splitlines(keepends=True)
    fill_disk_after(monkeypatch, len(first_lines[0]) + len(first_lines[1]) + 10)

    full = CliRunner().invoke(main, arguments)

    assert full.exit_code == 1
    message, summary = full.stderr.strip().splitlines()
    assert message == (f"meetingx: cannot write {tmp_path / 'out.jsonl.partial'}: No space left on device; "
                       f"the records written so far are in {tmp_path / 'out.jsonl.partial'}: "
                       "run again with --resume to go on")
    assert SUMMARY.match(summary).groups() == ("2", "2", "0")
    assert (tmp_path / "out.jsonl.partial").read_bytes() == b"".join(first_lines[:2]) + first_lines[2][:10]
    monkeypatch.undo()

    resumed = CliRunner().invoke(main, [*arguments, "--resume"])

    assert resumed.exit_code == 0
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "clean.jsonl").read_bytes()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("where", ["errors", "stdout"])
def test_a_write_error_on_a_stream_ends_the_run_with_a_message(tmp_path: Path, where: str) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)
    (tmp_path / "b.txt").write_bytes(b"")
    arguments = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    if where == "errors":
        arguments += ["--errors", "/dev/full", "-o", str(tmp_path / "out.jsonl")]
        stdout = subprocess.DEVNULL
        failed = "cannot write /dev/full: No space left on device; the records written so far are in " \
                 f"{tmp_path / 'out.jsonl.partial'}: run again with --resume to go on"
    else:
        stdout = open("/dev/full", "wb")
        failed = "cannot write standard output: No space left on device"

    run = subprocess.run(meetingx_command(*arguments), stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120)

    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1
    assert lines[-2] == f"meetingx: {failed}"
    assert SUMMARY.match(lines[-1])
    assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_run_killed_while_its_worker_runs_on_can_be_resumed_at_once(tmp_path: Path) -> None:
    """kill -9 reaches the parent only; its worker, stuck on a document, outlives it. The lock on
    the output must have died with the parent, or --resume would be refused until the worker ends."""
    ids = write_reports(tmp_path / "reports", 6)
    output = tmp_path / "out.jsonl"
    arguments = ["extract", str(tmp_path / "reports"), "-o", str(output)]
    first = subprocess.Popen(meetingx_hanging_on("report-03", *arguments), start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_lines(tmp_path / "out.jsonl.partial", 3, first)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=60)

        resumed = subprocess.run(meetingx_command(*arguments, "--resume"), capture_output=True, text=True,
                                 timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(first.pid, signal.SIGKILL)  # a worker left behind, where the OS does not end it

    assert resumed.returncode == 0, resumed.stderr
    assert [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()] == ids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_stuck_on_a_document_dies_with_its_killed_parent(tmp_path: Path) -> None:
    write_reports(tmp_path / "reports", 3)
    arguments = ["extract", str(tmp_path / "reports"), "-o", str(tmp_path / "out.jsonl")]
    first = subprocess.Popen(meetingx_hanging_on("report-01", *arguments), start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_lines(tmp_path / "out.jsonl.partial", 1, first)

    first.send_signal(signal.SIGKILL)
    first.wait(timeout=60)
    deadline = time.monotonic() + 60
    alive = True
    while alive and time.monotonic() < deadline:
        try:
            os.killpg(first.pid, 0)
            time.sleep(0.05)
        except ProcessLookupError:
            alive = False

    if alive:
        os.killpg(first.pid, signal.SIGKILL)
    assert not alive, "the worker outlived its parent"
