"""The entry point: directories, JSON Lines, stdin, and the error entries of bad inputs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from meetingx.reading import Document, InputError, iter_inputs
from meetingx.reading import base


def summary(items: list[Document | InputError]) -> list[tuple]:
    """(id, code or "ok", line) of each item, for comparing streams at a glance."""
    return [(item.id, item.code, item.line) if isinstance(item, InputError) else (item.id, "ok", None)
            for item in items]


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for relative in ("b.txt", "a/z.htm", "a/c.TXT", "d/e.html", "notes.md", "data.json", "f.jsonl"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<html><body><article><p>会议召开。</p></article></body></html>"
                        if path.suffix.lower() in (".htm", ".html") else "会议召开。", encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("会议召开。")
    word.save(str(tmp_path / "a" / "m.docx"))

    items = list(iter_inputs([str(tmp_path)]))

    assert [Path(item.path).relative_to(tmp_path).as_posix() for item in items] == [
        "a/c.TXT", "a/m.docx", "a/z.htm", "b.txt", "d/e.html", "data.json", "f.jsonl", "notes.md"]
    assert summary(items) == [("a/c", "ok", None), ("a/m", "ok", None), ("a/z", "ok", None), ("b", "ok", None),
                              ("d/e", "ok", None), ("data", "unsupported", None), ("f:1", "bad-jsonl", 1),
                              ("notes", "unsupported", None)]
    assert all(item.text == "会议召开。" for item in items if isinstance(item, Document))


def test_jsonl_lines_become_documents_and_errors_in_order(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join([
        json.dumps({"id": "n1", "text": "镇党委召开会议。", "publish_date": "2024-06-03"}).encode(),
        json.dumps({"text": "村委会召开会议。"}, ensure_ascii=False).encode(),
        b"",
        b'{"id": "n4", "text": "unterminated',
        json.dumps({"id": "n5"}).encode(),
        json.dumps({"id": "n6", "text": 42}).encode(),
        json.dumps(["n7", "not an object"]).encode(),
        json.dumps({"id": 8, "text": "   "}).encode(),
        json.dumps({"id": "n9", "text": "会议。", "publish_date": "June 3"}).encode(),
        "会议".encode("gb18030"),
        json.dumps({"id": "n11", "text": "街道召开会议。"}, ensure_ascii=False).encode(),
    ]) + b"\n")

    items = list(iter_inputs([str(path)]))

    assert summary(items) == [
        ("n1", "ok", None), ("batch:2", "ok", None),
        ("batch:4", "bad-jsonl", 4), ("n5", "bad-jsonl", 5), ("n6", "bad-jsonl", 6),
        ("batch:7", "bad-jsonl", 7), ("8", "empty", 8), ("n9", "bad-jsonl", 9),
        ("batch:10", "bad-jsonl", 10), ("n11", "ok", None)]
    assert (items[0].text, items[0].publish_date, items[0].path) == ("镇党委召开会议。", "2024-06-03", str(path))
    assert items[1].publish_date is None


def test_stdin_is_read_as_bytes_and_decoded() -> None:
    text = "2024年5月6日，县政府召开常务会议。"

    [document] = list(iter_inputs(["-"], stdin=io.BytesIO(text.encode("gb18030"))))

    assert (document.id, document.path, document.text, document.encoding) == ("stdin", None, text, "gb18030")


@pytest.mark.parametrize(("make", "code"), [
    (lambda path: None, "not-found"),
    (lambda path: path.write_bytes(b""), "empty"),
    (lambda path: path.write_text(" \n\u3000\n", encoding="utf-8"), "empty"),
    (lambda path: path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00"), "binary"),
    (lambda path: path.write_bytes(b"\x80\x80\x80 minutes \xff\xff\xfe"), "undecodable"),
    (lambda path: path.write_text("会议召开。" * 100, encoding="utf-8"), "too-large"),
], ids=["not-found", "empty", "whitespace", "binary", "undecodable", "too-large"])
def test_bad_file_is_an_error_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make, code: str) -> None:
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "report.txt"
    make(path)

    [error] = list(iter_inputs([str(path)]))

    assert isinstance(error, InputError)
    assert (error.id, error.path, error.line, error.code) == ("report", str(path), None, code)


def test_size_limit_applies_to_stdin_and_jsonl_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 30)
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "long", "text": "会" * 11}) + "\n"
                    + json.dumps({"id": "short", "text": "会" * 10}) + "\n", encoding="utf-8")

    items = list(iter_inputs([str(path), "-"], stdin=io.BytesIO(b"x" * 31)))

    assert summary(items) == [("long", "too-large", 1), ("short", "ok", None), ("stdin", "too-large", None)]
