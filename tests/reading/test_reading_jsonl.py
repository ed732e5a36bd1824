"""JSON Lines inputs: every line that gives no document is an error entry with its line number,
whatever is wrong with it, and the lines after it are read all the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetingx.reading import Document, InputError, base, iter_inputs
from meetingx.reading.jsonl import read_jsonl_line

GOOD = {"id": "next", "text": "镇政府召开防汛工作会议。"}


def read_line(tmp_path: Path, line: bytes) -> tuple[Document | InputError, Document | InputError]:
    """What ``line`` gives as the first line of a file, and what the good line after it gives."""
    path = tmp_path / "batch.jsonl"
    path.write_bytes(line + b"\n" + json.dumps(GOOD, ensure_ascii=False).encode() + b"\n")
    first, second = iter_inputs([str(path)])
    return first, second


# Each case: the line, and the start of the error entry's message.
BAD_LINES = {
    "lone high surrogate in the text": (b'{"id": "s", "text": "\\ud800\xe4\xbc\x9a"}',
                                        "line is not JSON: a string holds a lone surrogate (U+D800)"),
    "lone low surrogate in the id": (b'{"id": "\\udc00", "text": "x"}',
                                     "line is not JSON: a string holds a lone surrogate (U+DC00)"),
    "lone surrogate in an ignored key": (b'{"text": "x", "note": "\\udfff"}',
                                         "line is not JSON: a string holds a lone surrogate (U+DFFF)"),
    "number of 5,000 digits": (b'{"text": "x", "views": ' + b"7" * 5000 + b"}",
                               "line is not JSON: Exceeds the limit (4300 digits)"),
    "nested 5,000 levels": (b'{"text": "x", "meta": ' + b"[" * 5000 + b"]" * 5000 + b"}",
                            "line is not JSON: arrays and objects nested more than 100 deep"),
    "nested objects 100,000 levels": (b'{"text": "x", "meta": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"}",
                                      "line is not JSON: arrays and objects nested more than 100 deep"),
    "not UTF-8": ('{"text": "会议"}'.encode("gb18030"), "line is not UTF-8"),
    "syntax error": (b'{"text": "x",}', "line is not JSON: Expecting property name"),
    "an array": (b'["x"]', "line is an array, not an object"),
    "a string": (b'"x"', "line is a string, not an object"),
    "no text": (b'{"id": "a"}', 'object has no "text" string'),
    "text not a string": (b'{"text": ["x"]}', 'object has no "text" string'),
    "month 13": (b'{"text": "x", "publish_date": "2024-13-45"}',
                 '"publish_date" is not a date written YYYY-MM-DD: "2024-13-45"'),
    "30 February": (b'{"text": "x", "publish_date": "2024-02-30"}',
                    '"publish_date" is not a date written YYYY-MM-DD: "2024-02-30"'),
    "29 February of a common year": (b'{"text": "x", "publish_date": "2023-02-29"}',
                                     '"publish_date" is not a date written YYYY-MM-DD: "2023-02-29"'),
    "day 00": (b'{"text": "x", "publish_date": "2024-05-00"}',
               '"publish_date" is not a date written YYYY-MM-DD: "2024-05-00"'),
    "year 0000": (b'{"text": "x", "publish_date": "0000-01-01"}',
                  '"publish_date" is not a date written YYYY-MM-DD: "0000-01-01"'),
    "date with a newline": (b'{"text": "x", "publish_date": "2024-05-01\\n"}',
                            '"publish_date" is not a date written YYYY-MM-DD: "2024-05-01\\n"'),
    "date as a number": (b'{"text": "x", "publish_date": 20240501}',
                         '"publish_date" is not a date written YYYY-MM-DD: 20240501'),
    "id true": (b'{"id": true, "text": "x"}', '"id" is a boolean, not a string or an integer'),
    "id a fraction": (b'{"id": 1.5, "text": "x"}', '"id" is a number, not a string or an integer'),
    "id an object": (b'{"id": {"n": 1}, "text": "x"}', '"id" is an object, not a string or an integer'),
    "id an array": (b'{"id": ["a"], "text": "x"}', '"id" is an array, not a string or an integer'),
}


@pytest.mark.parametrize(("line", "message"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_every_bad_line_is_a_bad_jsonl_entry_with_its_line(tmp_path: Path, line: bytes, message: str) -> None:
    error, after = read_line(tmp_path, line)

    assert isinstance(error, InputError)
    assert (error.code, error.line, error.path) == ("bad-jsonl", 1, str(tmp_path / "batch.jsonl"))
    assert error.message.startswith(message)
    assert error.id in ("s", "a", "batch:1")  # the line's own id only where it is a good one
    json.dumps(error.to_json_dict(), ensure_ascii=False).encode("utf-8")  # the entry can be written
    assert isinstance(after, Document) and (after.id, after.line) == ("next", 2)


# Each case: the id value as written, and the document id it gives.
IDS = {
    "a string": ('"r-1"', "r-1"),
    "an empty string": ('""', ""),
    "an integer": ("17", "17"),
    "a negative integer": ("-3", "-3"),
    "an integer of 40 digits": ("1" * 40, "1" * 40),
    "null": ("null", "batch:1"),
}


@pytest.mark.parametrize(("written", "id"), IDS.values(), ids=IDS.keys())
def test_ids_are_strings_or_the_digits_of_an_integer(tmp_path: Path, written: str, id: str) -> None:
    document, _ = read_line(tmp_path, f'{{"id": {written}, "text": "会议。"}}'.encode())

    assert isinstance(document, Document)
    assert document.id == id


def test_surrogate_pairs_and_numbers_python_reads_as_nan_are_accepted_where_they_do_no_harm(tmp_path: Path) -> None:
    """An escaped pair is one character beyond the BMP; NaN in a key meetingx ignores is left alone."""
    document, _ = read_line(tmp_path, b'{"text": "\\ud83d\\udcc5 \xe4\xbc\x9a", "score": NaN, "rank": 1e999}')

    assert isinstance(document, Document)
    assert document.text == "\U0001f4c5 会"


@pytest.mark.parametrize("date", ["2024-02-29", "2000-02-29", "1999-12-31"])
def test_real_publish_dates_are_kept(tmp_path: Path, date: str) -> None:
    document, _ = read_line(tmp_path, json.dumps({"text": "会议。", "publish_date": date}).encode())

    assert isinstance(document, Document)
    assert document.publish_date == date


def test_documents_know_their_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n" + json.dumps({"text": "会议。"}) + "\n\n" + json.dumps({"text": "会议。"}) + "\n")

    assert [item.line for item in iter_inputs([str(path)])] == [2, 4]


def test_a_line_too_long_to_hold_a_text_within_the_limit_is_too_large_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "batch.jsonl"
    longest = json.dumps({"id": "at-limit", "text": "\x01" * 100, "html": "x" * 900_000})
    path.write_text(json.dumps({"id": "long", "text": "x" * 1_000_601}) + "\n" + longest + "\n"
                    + json.dumps({"id": "short", "text": "会议。"}) + "\n", encoding="utf-8")

    items = list(iter_inputs([str(path)]))

    assert [(item.id, getattr(item, "code", "ok"), item.line) for item in items] == [
        ("batch:1", "too-large", 1), ("at-limit", "ok", 2), ("short", "ok", 3)]
    assert items[0].message == "line of more than 1000600 bytes, over the size limit"


def test_read_jsonl_line_reads_a_line_given_as_bytes(tmp_path: Path) -> None:
    document = read_jsonl_line(b'\xef\xbb\xbf{"id": 5, "text": "\xe4\xbc\x9a"}\n', tmp_path / "x.jsonl", 1)

    assert isinstance(document, Document)
    assert (document.id, document.text, document.line) == ("5", "会", 1)
