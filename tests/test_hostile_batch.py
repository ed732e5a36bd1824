"""A hostile batch: one folder and one JSON Lines file holding every kind of bad input this
project knows, plus documents that hang, crash or kill their worker. The run ends, R + E == N,
every entry has a documented code, no traceback, and the records it does write are valid."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import time
from pathlib import Path

import pytest
from batch_checks import break_extraction
from click.testing import CliRunner

from meetingx.cli import main
from meetingx.reading import Document, base
from meetingx.reading.inputs import read_file
from meetingx.validate import validate_record

README = Path(__file__).resolve().parents[1] / "README.md"
REPORT = "5月6日上午，区财政局在五楼会议室召开预算执行分析会。局长王海主持会议。"


def readme_error_codes() -> set[str]:
    """The codes of the README's error-code table (the section "Nothing is lost")."""
    section = README.read_text(encoding="utf-8").split("### Nothing is lost", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([a-z-]+)` \|", section, re.MULTILINE))


def readme_extract_statuses() -> set[str]:
    section = README.read_text(encoding="utf-8").split("### Nothing is lost", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| ([0-9, ]+) \|", section, re.MULTILINE))


def hostile_inputs(directory: Path) -> list[str]:
    """Write the hostile folder and JSON Lines file; the inputs to name on the command line."""
    folder = directory / "folder"
    folder.mkdir()
    files = {
        "good.txt": REPORT.encode(),
        "cr-line-ends.txt": ("区财政局召开预算执行分析会\r" + REPORT + "\r").encode(),
        "punctuation-first.txt": ("、" * 3000 + "\n" + REPORT).encode(),
        "emoji-first.txt": ("🎉" * 500 + REPORT).encode(),
        "empty.txt": b"",
        "blank.txt": " \n\u3000\n".encode(),
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00",
        "undecodable.txt": b"\x80\x80\x80 minutes \xff\xff\xfe",
        "too-large.txt": REPORT.encode() * 200,
        "broken.docx": b"PK\x03\x04 not really a zip",
        "hangs.txt": REPORT.encode(),
        "crashes.txt": REPORT.encode(),
        "kills-its-worker.txt": REPORT.encode(),
        "notes.xyz": b"not a format meetingx reads",
        "twice.html": ("<html><body><p>" + REPORT + "</p></body></html>").encode(),
        "twice.txt": REPORT.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    lines = [
        json.dumps({"id": "j-good", "text": REPORT}, ensure_ascii=False),
        '{"id": "j-surrogate", "text": "\\ud800"}',
        '{"id": "j-digits", "text": "x", "n": ' + "1" * 5000 + "}",
        '{"id": "j-deep", "text": "x", "n": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"id": "j-month", "text": "x", "publish_date": "2024-13-45"}',
        '{"id": "j-day", "text": "x", "publish_date": "2024-02-30"}',
        '{"id": true, "text": "x"}',
        '{"id": 42, "text": "' + REPORT + '"}',
        "not json",
        "[1, 2]",
    ]
    (directory / "lines.jsonl").write_bytes("\n".join(lines).encode() + b"\n\xff\xfe\n")
    return [str(folder), str(directory / "lines.jsonl"), str(directory / "missing.txt")]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the workers must inherit the monkeypatch")
def test_a_hostile_batch_ends_with_every_input_accounted_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = hostile_inputs(tmp_path)
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 12_000)
    def misbehave(document: Document) -> None:
        while document.id == "hangs":
            time.sleep(1)
        if document.id == "crashes":
            raise RecursionError("maximum recursion depth exceeded")
        if document.id == "kills-its-worker":
            os.kill(os.getpid(), signal.SIGKILL)

    break_extraction(monkeypatch, misbehave)
    output, errors_path = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"

    result = CliRunner().invoke(main, ["extract", *inputs, "-o", str(output), "--errors", str(errors_path),
                                       "--jobs", "2", "--timeout", "3"])

    assert isinstance(result.exception, SystemExit)  # no other exception: no traceback
    assert result.exit_code == 1
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in errors_path.read_text(encoding="utf-8").splitlines()]
    summary = re.match(r"^(\d+) documents, (\d+) records, (\d+) errors", result.stderr.strip().splitlines()[-1])
    documents, record_count, error_count = map(int, summary.groups())
    assert (record_count, error_count) == (len(records), len(errors))
    assert record_count + error_count == documents == 16 + 11 + 1
    assert sorted(record["id"] for record in records) == [
        "42", "cr-line-ends", "emoji-first", "good", "j-good", "punctuation-first", "twice"]
    assert {record["id"]: record["lang"] for record in records}["punctuation-first"] == "zh"
    cr_record = next(record for record in records if record["id"] == "cr-line-ends")
    assert (cr_record["title"], cr_record["date"]) == ("区财政局召开预算执行分析会", "XXXX-05-06")
    codes = {error["id"]: error["code"] for error in errors}
    assert codes == {
        "empty": "empty", "blank": "empty", "binary": "binary", "undecodable": "undecodable",
        "too-large": "too-large", "broken": "unreadable", "hangs": "timeout", "crashes": "extract-failed",
        "kills-its-worker": "worker-died", "lines:2": "bad-jsonl", "lines:3": "bad-jsonl",
        "lines:4": "bad-jsonl", "j-month": "bad-jsonl", "j-day": "bad-jsonl", "lines:7": "bad-jsonl",
        "lines:9": "bad-jsonl", "lines:10": "bad-jsonl", "lines:11": "bad-jsonl", "missing": "not-found",
        "notes": "unsupported", "twice": "duplicate-id"}
    # (ocr-unavailable needs a machine without OCR and bad-id --save-texts: tests/reading has both)
    assert set(codes.values()) | {"ocr-unavailable", "bad-id"} == readme_error_codes()
    assert all(error["message"] for error in errors)
    assert [error["line"] for error in errors if error["path"].endswith("lines.jsonl")] == [2, 3, 4, 5, 6, 7, 9, 10, 11]

    for record in records:
        source = Path(record["source"]["path"])
        text = REPORT if source.suffix == ".jsonl" else read_file(source).text  # read as extract read it
        assert validate_record(record, text) == [], record["id"]


def test_the_readme_lists_the_exit_statuses_of_extract() -> None:
    """Each status has a test of its own: 0 and 1 (test_cli_extract), 2 (usage, a locked
    output), 130 and 143 (signals)."""
    assert readme_extract_statuses() == {"0", "1", "2", "130, 143"}
