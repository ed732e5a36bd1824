"""Word files: paragraph texts joined with newlines."""

from __future__ import annotations

from pathlib import Path

import docx

from meetingx.reading import Document, InputError, iter_inputs

PARAGRAPHS = [
    "区教育局召开新学期安全工作会议",
    "8月28日下午，区教育局在第一会议室召开新学期安全工作会议。副局长陈静主持会议。",
    "会议要求，一是排查校舍隐患，二是规范校车管理。",
]


def test_docx_paragraphs_joined_with_newlines(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading(PARAGRAPHS[0], level=1)
    for paragraph in PARAGRAPHS[1:]:
        word.add_paragraph(paragraph)
    path = tmp_path / "minutes.docx"
    word.save(str(path))

    [document] = list(iter_inputs([str(path)]))

    assert isinstance(document, Document)
    assert (document.id, document.text, document.encoding) == ("minutes", "\n".join(PARAGRAPHS), "utf-8")


def test_broken_docx_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")

    [error] = list(iter_inputs([str(path)]))

    assert isinstance(error, InputError)
    assert (error.id, error.code) == ("broken", "unreadable")
    assert "BadZipFile" in error.message
