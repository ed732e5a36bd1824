"""Files received as bytes (the service's uploads) are read as the CLI reads files; a JSON Lines
line whose id or text JSON escapes into a lone surrogate is an error entry, not a crash."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from meetingx.reading import Document, InputError
from meetingx.reading.inputs import read_file, read_upload
from meetingx.reading.jsonl import iter_jsonl

TEXT = "4月18日下午，学校在报告厅召开工作会议。"


@pytest.mark.parametrize(("name", "data"), [
    ("a.txt", TEXT.encode("gb18030")),
    ("b.html", f"<html><body><article><p>{TEXT}</p></article></body></html>".encode()),
    ("c.txt", b"\x00binary"),
    ("d.txt", b"  \n"),
    ("e.TXT", "4月18日下午，學校在報告廳召開工作會議。".encode("big5")),
])
def test_an_upload_reads_as_the_same_file_on_disk(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)

    assert list(read_upload(name, data)) == [replace(read_file(tmp_path / name), path=name)]


def test_a_jsonl_upload_gives_a_document_a_line(tmp_path: Path) -> None:
    data = f'{{"id": "x", "text": "{TEXT}"}}\n\n[1]\r\n{{"text": "{TEXT}", "publish_date": "2024-04-19"}}'.encode()
    (tmp_path / "batch.jsonl").write_bytes(data)

    uploaded = list(read_upload("batch.jsonl", data))

    assert uploaded == [replace(item, path="batch.jsonl") for item in iter_jsonl(tmp_path / "batch.jsonl")]
    assert [(item.id, type(item).__name__) for item in uploaded] == [
        ("x", "Document"), ("batch:3", "InputError"), ("batch:4", "Document")]


def test_a_lone_surrogate_in_a_jsonl_line_is_bad_jsonl() -> None:
    lines = b'{"id": "a", "text": "x\\ud800y"}\n{"id": "b\\udc00", "text": "xy"}\n'

    read = list(read_upload("in.jsonl", lines))

    errors = [(item.id, item.line, item.code) for item in read if isinstance(item, InputError)]
    assert errors == [("in:1", 1, "bad-jsonl"), ("in:2", 2, "bad-jsonl")]
    assert all("lone surrogate" in item.message for item in read if isinstance(item, InputError))
    assert not any(isinstance(item, Document) for item in read)
