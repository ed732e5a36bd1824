"""Limits that hold whatever the input: FIFOs and devices, NUL bytes anywhere, navigation-only
pages, and the HTML check on every text input in one scan."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest

from meetingx.reading import Document, InputError, iter_inputs
from meetingx.reading import base
from meetingx.reading.html import is_html

TEXT = "2024年5月20日上午，区水务局召开防汛工作部署会。"


def read_one(spec: str) -> Document | InputError:
    [item] = list(iter_inputs([spec]))
    return item


def test_fifo_fed_past_the_limit_is_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 100_000)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as stream:
                for _ in range(60):
                    stream.write(b"x" * 10_000)  # 600 KB, six times the limit
        except BrokenPipeError:
            pass  # the reader stopped at the limit and closed its end

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        item = read_one(str(fifo))
    finally:
        writer.join(timeout=10)
    assert isinstance(item, InputError) and item.code == "too-large"


def test_fifo_without_a_writer_is_not_waited_for_forever(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "FIFO_WAIT", 0.2)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    item = read_one(str(fifo))
    assert isinstance(item, InputError) and item.code == "unreadable"
    assert "no program wrote to" in item.message


def test_fifo_read_as_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(TEXT.encode("gb18030")))
    writer.start()
    item = read_one(str(fifo))
    writer.join(timeout=10)
    assert isinstance(item, Document) and (item.text, item.encoding) == (TEXT, "gb18030")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_unreadable(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    item = read_one(device)
    assert isinstance(item, InputError) and item.code == "unreadable"
    assert "character device" in item.message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030"])
def test_nul_after_the_first_8_kb_is_binary(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((TEXT * 400 + "\x00" + TEXT).encode(encoding))
    assert len(path.read_bytes()) > 8192
    item = read_one(str(path))
    assert isinstance(item, InputError) and item.code == "binary"
    assert "NUL" in item.message


@pytest.mark.parametrize("page", [
    '<html><body><nav><ul><li><a href="/">首页</a></li><li><a href="/n">新闻中心</a></li></ul></nav></body></html>',
    '<!doctype html><html><head><title>某县人民政府</title></head><body><div class="menu"><a href="/">首页</a> | '
    '<a href="/n">新闻中心</a> | <a href="/g">政务公开</a></div><footer>版权所有</footer></body></html>',
    '<html><body><header>某县人民政府</header><aside><a href="/x">专题</a></aside></body></html>',
], ids=["nav", "links-and-footer", "header-and-aside"])
def test_navigation_only_page_is_empty(tmp_path: Path, page: str) -> None:
    path = tmp_path / "index.html"
    path.write_text(page, encoding="utf-8")
    item = read_one(str(path))
    assert isinstance(item, InputError) and item.code == "empty"


def test_page_with_an_article_beside_navigation_is_read(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(f'<html><body><nav><a href="/">首页</a></nav><article><p>{TEXT}</p></article></body></html>',
                    encoding="utf-8")
    item = read_one(str(path))
    assert isinstance(item, Document) and TEXT in item.text


#: The pattern is_html replaced: it backtracked exponentially on leading comments.
_OLD_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><p>", "<html>", "<HTML lang=zh>", "  \n<html>", "<!-- a --><html>", "<!--a--> <!-- b -->\n<!doctype html>",
    "<!-- <html> -->text", "<!-- never closed <html>", "text <html>", "<htmlx>", "<!doctype htm>", "",
    "<!-- a --><!-- b -->", "<!---->html", "<!-- -- --><html>", "<!-- a -->x<html>", "\ufeff<html>",
], ids=lambda text: repr(text)[:30])
def test_is_html_answers_as_the_pattern_it_replaced(text: str) -> None:
    assert is_html(text) is (_OLD_HTML_START.match(text[:4096]) is not None)


def test_is_html_on_many_leading_comments(tmp_path: Path) -> None:
    # 40 comments and no page: the old pattern took over a minute on these 483 bytes
    text = "<!-- x -->\n" * 40 + "会议" + "<b>" * 10
    assert is_html(text) is False
    path = tmp_path / "comments.txt"
    path.write_text(text, encoding="utf-8")
    assert isinstance(read_one(str(path)), Document)


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` pixels and holds none: a decompression bomb's header."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_an_image_of_too_many_pixels_is_too_large_before_it_is_decoded(tmp_path: Path, stub_ocr) -> None:
    path = tmp_path / "poster.png"
    path.write_bytes(png_header(60_000, 60_000))
    item = read_one(str(path))
    assert isinstance(item, InputError) and item.code == "too-large"
    assert stub_ocr.sizes == []


def test_the_limit_holds_for_the_decoded_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "report.txt"
    path.write_bytes(("会议召开" * 110).encode("gb18030"))  # 880 bytes on disk, 1,320 in UTF-8
    item = read_one(str(path))
    assert isinstance(item, InputError) and item.code == "too-large"
