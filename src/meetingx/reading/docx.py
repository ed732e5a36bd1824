"""Word documents (.docx): the body's paragraphs and tables in document order, one line each.

The XML is read as a stream, so memory stays bounded: a zip bomb is ``too-large`` as soon as the
inflated XML passes :data:`MAX_XML_BYTES` or the text passes the document limit. Headers, footers,
footnotes and comments are not read; of a text box, the copy Word keeps for older readers
(``mc:Fallback``) is left out, so that its text comes once.

A table is read row by row (see :func:`table_lines`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from meetingx.reading import base
from meetingx.reading.base import Unreadable

#: The most inflated XML read from one .docx, in bytes: a .docx whose text is at the document
#: limit has some ten times that in markup.
MAX_XML_BYTES = 20 * base.MAX_DOCUMENT_BYTES

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Run content that stands for a character.
_CHARACTERS = {f"{_W}tab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}

#: Column labels of a vote table: the count of votes for, against, abstaining.
_VOTE_COLUMNS = (("for", re.compile(r"同意|赞成")), ("against", re.compile(r"反对")), ("abstain", re.compile(r"弃权")))
_SHARE_COLUMN = re.compile(r"比例|占|%|％")
_COUNT_CELL = re.compile(r"\s*([0-9][0-9,，]*)\s*(?:票|股)?\s*")
#: A row label that reads as ``label：value``: short, no digits, no punctuation.
_LABEL_CELL = re.compile(r"([^\W\d_]{1,8})\s*[:：]?")


class _Counted(io.RawIOBase):
    """A zip member stream that raises ``too-large`` past :data:`MAX_XML_BYTES`."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        self._read += len(data)
        if self._read > MAX_XML_BYTES:
            raise Unreadable("too-large", f"the .docx inflates to over {MAX_XML_BYTES} bytes of XML")
        buffer[:len(data)] = data
        return len(data)


def docx_to_text(data: bytes) -> str:
    """The text of a .docx file: its body paragraphs and table rows, one per line."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/document.xml") as member:
        events = etree.iterparse(_Counted(member), events=("start", "end"), resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=False)
        return "\n".join(_body_lines(events))


def _body_lines(events: Iterator) -> list[str]:
    """The lines of the body, from ``iterparse`` events: paragraphs, and tables as rows."""
    paragraphs: list[list[str]] = []  # the text pieces of the paragraphs being read (nested: text boxes)
    sinks: list[list[str]] = [[]]     # where a finished paragraph goes: the body, or a table cell
    rows: list[list[list[str]]] = []  # the rows of the tables being read (nested: a table in a cell)
    size = 0
    fallback = 0
    for event, element in events:
        tag = element.tag
        if tag == _FALLBACK:
            fallback += 1 if event == "start" else -1
            continue
        if fallback:
            continue
        if event == "start":
            if tag == f"{_W}p":
                paragraphs.append([])
            elif tag == f"{_W}tc":
                sinks.append([])
            elif tag == f"{_W}tbl":
                rows.append([])
            elif tag == f"{_W}tr" and rows:
                rows[-1].append([])
            continue
        if tag == f"{_W}t" and paragraphs:
            paragraphs[-1].append(element.text or "")
        elif tag in _CHARACTERS and paragraphs:
            paragraphs[-1].append(_CHARACTERS[tag])
        elif tag == f"{_W}br" and paragraphs and element.get(f"{_W}type") not in ("page", "column"):
            paragraphs[-1].append("\n")
        elif tag == f"{_W}p" and paragraphs:
            line = "".join(paragraphs.pop())
            size += len(line) + 1
            if size > base.MAX_DOCUMENT_BYTES:
                raise Unreadable("too-large", f"the .docx holds over {base.MAX_DOCUMENT_BYTES} characters of text")
            sinks[-1].append(line)
            _forget(element)
        elif tag == f"{_W}tc" and len(sinks) > 1:
            cell = " ".join(part.strip() for part in sinks.pop() if part.strip())
            if rows and rows[-1]:
                rows[-1][-1].append(cell)
        elif tag == f"{_W}tr":
            _forget(element)
        elif tag == f"{_W}tbl" and rows:
            sinks[-1].extend(table_lines(rows.pop()))
            _forget(element)
    return sinks[0]


def _forget(element: Any) -> None:
    """Frees what has been read: the element's content and the siblings before it."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table as lines, one per row, the cells separated by a tab.

    Two rules make tables read like the sentences they stand for:

    - a row of two cells whose first is a short label (``主持人 | 王明``, ``时间： | 5月6日``)
      reads ``主持人：王明``;
    - in a vote table, whose leading rows label columns 同意 (or 赞成), 反对 and 弃权, a row with
      the counts ends with the tally as a sentence: ``表决结果：同意9票，反对0票，弃权0票``
      (counts as written, thousands separators left out; a share column, 比例 or %, is not a count).
    """
    header_rows = 0
    while header_rows < len(rows) and not any(re.search(r"\d", cell) for cell in rows[header_rows]):
        header_rows += 1
    width = max((len(row) for row in rows), default=0)
    labels = ["".join(row[column] for row in rows[:header_rows] if column < len(row)) for column in range(width)]
    vote_columns = {key: next((c for c, label in enumerate(labels) if pattern.search(label)
                               and not _SHARE_COLUMN.search(label)), None)
                    for key, pattern in _VOTE_COLUMNS}
    is_vote_table = vote_columns["for"] is not None and vote_columns["against"] is not None
    lines = []
    for number, row in enumerate(rows):
        label = _LABEL_CELL.fullmatch(row[0]) if len(row) == 2 and row[1] else None
        if label:
            lines.append(f"{label.group(1)}：{row[1]}")
            continue
        line = "\t".join(row)
        if is_vote_table and number >= header_rows:
            tally = _tally(row, vote_columns)
            if tally:
                line = f"{line}\t{tally}" if line.strip() else tally
        lines.append(line)
    return lines


def _tally(row: list[str], columns: dict[str, int | None]) -> str | None:
    counts = {}
    for key, column in columns.items():
        match = _COUNT_CELL.fullmatch(row[column]) if column is not None and column < len(row) else None
        if match:
            counts[key] = re.sub(r"[,，]", "", match.group(1))
    if "for" not in counts or "against" not in counts:
        return None
    words = {"for": "同意", "against": "反对", "abstain": "弃权"}
    return "表决结果：" + "，".join(f"{words[key]}{count}票" for key, count in counts.items())
