"""Text files in the encodings offices use give the same records as their UTF-8 twins."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from meetingx.api import extract_document
from meetingx.reading import Document, InputError, iter_inputs
from meetingx.reading.base import Unreadable
from meetingx.reading.text import decode

SIMPLIFIED = ("2024年3月12日上午，市水务局在二楼会议室召开防汛工作部署会。局长李明主持会议并讲话。"
              "会议传达了全省防汛工作会议精神。李明要求，一是压实防汛责任，二是加强隐患排查，三是做好物资储备。")
TRADITIONAL = ("2024年3月12日上午，市水務局在二樓會議室召開防汛工作部署會。局長李明主持會議並講話。"
               "會議傳達了全省防汛工作會議精神。李明要求，一是壓實防汛責任，二是加強隱患排查，三是做好物資儲備。")


def read_one(path: Path) -> Document:
    [document] = list(iter_inputs([str(path)]))
    assert isinstance(document, Document), document
    return document


def values(document: Document) -> dict:
    record = extract_document(document).to_json_dict()
    del record["source"]
    return record


@pytest.mark.parametrize(("text", "data", "encoding"), [
    (SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
    (SIMPLIFIED, SIMPLIFIED.encode("gbk"), "gb18030"),
    (TRADITIONAL, TRADITIONAL.encode("big5"), "big5"),
    (SIMPLIFIED, codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    (SIMPLIFIED, codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
    (TRADITIONAL, codecs.BOM_UTF8 + TRADITIONAL.encode("utf-8"), "utf-8-sig"),
], ids=["gb18030", "gbk", "big5", "utf-16-le", "utf-16-be", "utf-8-bom"])
def test_encoded_file_gives_the_record_of_its_utf8_twin(tmp_path: Path, text: str, data: bytes,
                                                      encoding: str) -> None:
    (tmp_path / "utf8").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "utf8" / "report.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "other" / "report.txt").write_bytes(data)

    twin, document = read_one(tmp_path / "utf8" / "report.txt"), read_one(tmp_path / "other" / "report.txt")

    assert twin.encoding == "utf-8"
    assert document.text == text
    assert document.encoding == encoding
    assert values(document) == values(twin)
    source = extract_document(document).source
    assert (source.encoding, source.sha256, source.chars) == (encoding, twin.sha256, len(text))


def test_short_legacy_texts_are_not_taken_for_utf16() -> None:
    # Left to itself, charset-normalizer reads these few bytes as UTF-16 or CP949.
    assert decode("會議室召開".encode("big5")) == ("會議室召開", "big5")
    assert decode("会议室召开".encode("gb18030")) == ("会议室召开", "gb18030")


def test_windows_1252_english() -> None:
    text = "The board met on 12 March \u2014 the chair\u2019s \u201cfirst\u201d meeting at the caf\u00e9."
    assert decode(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize(("data", "code"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (bytes(range(1, 9)) * 20 + "会议".encode("utf-8"), "binary"),
    (b"\x80\x80\x80 minutes \xff\xff\xfe", "undecodable"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8 ", "undecodable"),
], ids=["png", "control-bytes", "invalid-everywhere", "lone-surrogate-after-bom"])
def test_bytes_that_are_not_text(data: bytes, code: str) -> None:
    with pytest.raises(Unreadable) as caught:
        decode(data)
    assert caught.value.code == code


def test_unreadable_file_is_an_error_in_the_stream(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("学校召开会议。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "c.txt").write_text("学院召开会议。", encoding="utf-8")

    items = list(iter_inputs([str(tmp_path)]))

    assert [(type(item).__name__, item.id) for item in items] == [
        ("Document", "a"), ("InputError", "b"), ("Document", "c")]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.to_json_dict() == {"id": "b", "path": str(tmp_path / "b.txt"), "line": None,
                                    "code": "binary", "message": "binary data, not text"}
