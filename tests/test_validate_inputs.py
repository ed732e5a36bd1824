"""``meetingx validate`` on malformed input: every one is exit 2 with a message naming the file
and line, never a traceback, and the good records beside it are still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_validate import build_record

from meetingx.cli import main


def good() -> str:
    return json.dumps(build_record(), ensure_ascii=False)


def with_key(value: str) -> str:
    """The good record with one more key whose value is written as ``value``."""
    return good()[:-1] + f', "x": {value}}}'


def with_confidence(value: str) -> str:
    record = good()
    return record.replace('"confidence": 1.0', f'"confidence": {value}', 1)


# Each case: the bad line, and the message of its problem.
BAD_LINES = {
    "nested 5,000 deep in one value": (with_key("[" * 5000 + "]" * 5000),
                                       "not JSON: arrays and objects nested more than 100 deep"),
    "nested 900 deep in one value": (with_key("[" * 900 + "]" * 900),
                                     "not JSON: arrays and objects nested more than 100 deep"),
    "integer of 5,000 digits": (with_key("1" * 5000), "not JSON: Exceeds the limit (4300 digits)"),
    "confidence NaN": (with_confidence("NaN"), "not JSON: NaN is not a JSON number"),
    "confidence Infinity": (with_confidence("Infinity"), "not JSON: Infinity is not a JSON number"),
    "confidence 1e999": (with_confidence("1e999"), "not JSON: 1e999 is beyond the range of a float"),
    "lone surrogate in a value": (good().replace('"学校"', '"\\ud800"', 1),
                                  "not JSON: a string holds a lone surrogate (U+D800)"),
    "syntax error": ('{"id": "broken",', "not JSON: Expecting property name"),
}


@pytest.mark.parametrize(("bad", "message"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_malformed_line_is_exit_2_with_its_line_and_the_rest_is_checked(
        tmp_path: Path, bad: str, message: str) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(f"{good()}\n{bad}\n{good()}\n", encoding="utf-8")

    result = CliRunner().invoke(main, ["validate", str(path)])

    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # no other exception, so no traceback
    [problem] = result.stdout.splitlines()
    assert problem.startswith(f"{path}:2: - - {message}")
    assert result.stderr.strip().splitlines()[-1] == "2 records, 0 invalid, 1 problems"


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "cannot read the file: 'utf-8' codec can't decode"),
    (b"\x00\x01\x02 ok \x03", "not JSON: Expecting value"),
    (("[" * 5000 + "]" * 5000).encode(), "not JSON: arrays and objects nested more than 100 deep"),
    (b'{"confidence": NaN}', "not JSON: NaN is not a JSON number"),
], ids=["binary", "control bytes", "one deep document", "NaN in one document"])
def test_a_file_that_is_not_json_is_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "records.json"
    path.write_bytes(content)

    result = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])

    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["check"], problem["message"][:len(message)]) == ("input", message)


def test_standard_input_that_is_not_utf8_is_exit_2() -> None:
    result = CliRunner().invoke(main, ["validate", "-"], input=good().encode() + b"\xff\n")

    assert result.exit_code == 2
    assert result.stdout.startswith("<stdin>:0: - - cannot read the file: 'utf-8' codec can't decode byte 0xff")


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "zh-test-001", "text": "\\ud800"}', "a string holds a lone surrogate (U+D800)"),
    ('{"id": "zh-test-001", "text": "x", "n": ' + "1" * 5000 + "}", "Exceeds the limit (4300 digits)"),
    ('{"id": "zh-test-001", "text": "x", "n": ' + "[" * 5000 + "]" * 5000 + "}",
     "arrays and objects nested more than 100 deep"),
], ids=["lone surrogate", "5,000 digits", "nested 5,000 deep"])
def test_a_sources_file_that_cannot_be_read_is_exit_2(tmp_path: Path, line: str, message: str) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(good() + "\n", encoding="utf-8")
    texts = tmp_path / "texts.jsonl"
    texts.write_text(line + "\n", encoding="utf-8")

    result = CliRunner().invoke(main, ["validate", str(records), "--sources", str(texts)])

    assert result.exit_code == 2
    assert result.stdout.startswith(f"{records}:1: zh-test-001 /source cannot read the source text: ")
    assert message in result.stdout
