"""HTML pages: the article text, title first; records refer to that text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from meetingx.api import extract_document
from meetingx.reading import Document, InputError, iter_inputs
from meetingx.reading.html import is_html

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>市档案馆召开档案数字化推进会 - 新闻中心</title></head>
<body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/about">机构概况</a></li></ul></nav>
<div class="main"><article>
<h1>市档案馆召开档案数字化推进会</h1>
<p>5月17日上午，市档案馆在三楼会议室召开档案数字化推进会。馆长周文华主持会议并讲话。</p>
<p>会议听取了各处室数字化工作进展情况汇报，研究部署下一阶段重点任务。</p>
<p>周文华强调，一是要加快馆藏档案扫描进度，二是要严把数据质量关，三是要做好安全保密工作。</p>
</article></div>
<footer><p>版权所有 市档案馆 地址：人民路1号 备案号：X-000000</p></footer>
</body></html>
"""

ARTICLE_TEXT = (
    "市档案馆召开档案数字化推进会\n"
    "5月17日上午，市档案馆在三楼会议室召开档案数字化推进会。馆长周文华主持会议并讲话。\n"
    "会议听取了各处室数字化工作进展情况汇报，研究部署下一阶段重点任务。\n"
    "周文华强调，一是要加快馆藏档案扫描进度，二是要严把数据质量关，三是要做好安全保密工作。"
)


def read_one(path: Path) -> Document:
    [document] = list(iter_inputs([str(path)]))
    assert isinstance(document, Document), document
    return document


@pytest.mark.parametrize(("name", "encoding"), [
    ("page.html", "utf-8"),
    ("page.htm", "gb18030"),
    ("page.txt", "utf-8"),  # sniffed: a page saved under the wrong suffix
])
def test_page_becomes_its_article_text(tmp_path: Path, name: str, encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(PAGE.format(charset=encoding).encode(encoding))

    document = read_one(path)

    assert document.text == ARTICLE_TEXT
    assert document.encoding == encoding
    for outside in ("首页", "机构概况", "版权所有", "人民路1号"):
        assert outside not in document.text


def test_record_offsets_and_sha256_refer_to_the_extracted_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")

    record = extract_document(read_one(path))

    assert record.source.sha256 == hashlib.sha256(ARTICLE_TEXT.encode("utf-8")).hexdigest()
    assert record.source.chars == len(ARTICLE_TEXT)
    for evidence in record.evidence.values():
        assert 0 <= evidence.start <= evidence.end <= len(ARTICLE_TEXT)


def test_page_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!doctype html><html><head><title></title></head><body></body></html>", encoding="utf-8")

    [error] = list(iter_inputs([str(path)]))

    assert isinstance(error, InputError)
    assert error.code == "empty"


@pytest.mark.parametrize(("text", "expected"), [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("\n  <!-- saved page -->\n<HTML lang=zh>", True),
    ("<html>", True),
    ("会议在<html>标签里", False),
    ("<htmlx>", False),
    ("5月17日上午，市档案馆召开会议。", False),
])
def test_html_is_sniffed_from_its_start(text: str, expected: bool) -> None:
    assert is_html(text) is expected
