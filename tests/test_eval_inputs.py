"""``meetingx eval`` on inputs it cannot read: exit 2 with a message naming the file (and line),
never a traceback; records of an odd shape are scored as far as they go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingx.cli import main
from meetingx.evaluate import score_document

GOOD_RECORD = json.dumps({"id": "a-1", "venue": "北京"}, ensure_ascii=False)


def write_gold(directory: Path, content: str | bytes, name: str = "a-1") -> Path:
    path = directory / f"{name}.gold.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def gold_text(gold: object) -> str:
    return json.dumps({"id": "a-1", "lang": "zh", "kind": "news", "gold": gold}, ensure_ascii=False)


def run_eval(tmp_path: Path, records: bytes) -> tuple[int, str, BaseException | None]:
    path = tmp_path / "records.jsonl"
    path.write_bytes(records)
    result = CliRunner().invoke(main, ["eval", str(tmp_path), str(path)])
    return result.exit_code, result.stderr, result.exception


# Each case: a records line, and the message after "records.jsonl:2: ".
BAD_RECORD_LINES = {
    "nested 5,000 deep": ('{"id": "a-1", "venue": ' + "[" * 5000 + "]" * 5000 + "}",
                          "not JSON: arrays and objects nested more than 100 deep"),
    "integer of 5,000 digits": ('{"id": "a-1", "n": ' + "1" * 5000 + "}",
                                "not JSON: Exceeds the limit (4300 digits) for integer string conversion"),
    "lone surrogate": ('{"id": "a-1", "venue": "\\ud800"}',
                       "not JSON: a string holds a lone surrogate (U+D800), which UTF-8 cannot encode"),
    "NaN": ('{"id": "a-1", "n": NaN}', "not JSON: NaN is not a JSON number"),
    "syntax error": ('{"id": "a-1",', "not JSON: Expecting property name enclosed in double quotes"),
}


@pytest.mark.parametrize(("line", "message"), BAD_RECORD_LINES.values(), ids=BAD_RECORD_LINES.keys())
def test_a_records_line_that_is_not_json_is_exit_2(tmp_path: Path, line: str, message: str) -> None:
    write_gold(tmp_path, gold_text({"venue": "北京"}))

    status, stderr, exception = run_eval(tmp_path, f"{GOOD_RECORD}\n{line}\n".encode())

    assert status == 2
    assert isinstance(exception, SystemExit)
    assert stderr.strip().startswith(f"Error: {tmp_path / 'records.jsonl'}:2: {message}")


def test_a_binary_records_file_is_exit_2(tmp_path: Path) -> None:
    write_gold(tmp_path, gold_text({"venue": "北京"}))

    status, stderr, _ = run_eval(tmp_path, b"\x89PNG\r\n\x1a\n\x00\xff\xfe")

    assert status == 2
    assert stderr.startswith(f"Error: {tmp_path / 'records.jsonl'}: cannot read the file: 'utf-8' codec can't decode")


# Each case: a gold file's content, and the message after "<file>: ".
BAD_GOLD = {
    "binary": (b"\x00\xff\xfe\x01", "cannot read the file: 'utf-8' codec can't decode"),
    "nested 5,000 deep": ('{"id": "a-1", "gold": ' + "[" * 5000 + "]" * 5000 + "}",
                          "not JSON: arrays and objects nested more than 100 deep"),
    "integer of 5,000 digits": ('{"id": "a-1", "gold": {}, "n": ' + "1" * 5000 + "}",
                                "not JSON: Exceeds the limit (4300 digits)"),
    "an array": ("[]", "not a gold annotation: not a JSON object"),
    "no id": ('{"gold": {}}', 'not a gold annotation: "id" is not a string'),
    "id a number": ('{"id": 1, "gold": {}}', 'not a gold annotation: "id" is not a string'),
    "no gold": ('{"id": "a-1"}', 'not a gold annotation: "gold" is not an object'),
    "venue a number": (gold_text({"venue": 5}), 'not a gold annotation: "venue" is not a string or null'),
    "chair a number": (gold_text({"chair": 5}), 'not a gold annotation: "chair" is not a list of objects'),
    "speakers of strings": (gold_text({"speakers": ["张明"]}),
                            'not a gold annotation: "speakers" is not a list of objects'),
    "roles a string": (gold_text({"chair": [{"name": "张明", "roles": "校长"}]}),
                       'not a gold annotation: "chair" 0: "name" is not a string or "roles" not a list of strings'),
    "attendees of objects": (gold_text({"attendees": [{"name": "张明"}]}),
                             'not a gold annotation: "attendees" is not a list of strings'),
    "directives an object": (gold_text({"directives": {"1": "x"}}),
                             'not a gold annotation: "directives" is not a list of objects'),
}


@pytest.mark.parametrize(("content", "message"), BAD_GOLD.values(), ids=BAD_GOLD.keys())
def test_a_gold_file_that_is_not_a_gold_annotation_is_exit_2(tmp_path: Path, content: str | bytes,
                                                             message: str) -> None:
    gold_file = write_gold(tmp_path, content)

    status, stderr, exception = run_eval(tmp_path, f"{GOOD_RECORD}\n".encode())

    assert status == 2
    assert isinstance(exception, SystemExit)
    assert stderr.startswith(f"Error: {gold_file}: {message}")


@pytest.mark.parametrize("record", [
    {"chair": 5, "speakers": [{"name": "张明", "roles": 5}], "attendees": 7, "directives": 9, "resolutions": "x",
     "venue": {"a": [1]}},
    {"speakers": [{"name": 5}], "directives": [{"number": [], "text": 3}], "resolutions": [{"votes": "x"}]},
], ids=["lists that are not lists", "items of odd types"])
def test_records_of_an_odd_shape_are_scored_as_far_as_they_go(record: dict) -> None:
    gold = {"venue": "北京", "speakers": [{"name": "张明", "roles": ["校长"]}], "attendees": ["全体干部"],
            "directives": [{"number": 1, "text": "要加强学习"}],
            "resolutions": [{"number": 1, "text": "年度计划", "votes": None}]}

    results = score_document(gold, record)

    assert results["speakers"].tally.true_positives == (1 if record["speakers"][0]["name"] == "张明" else 0)
    assert results["venue"].tally.true_positives == 0
