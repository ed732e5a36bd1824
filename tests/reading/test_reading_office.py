"""Word files (tables in document order, a zip bomb), legacy .doc through a converter, and RTF."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

import meetingx
from meetingx.reading import Document, InputError, iter_inputs
from meetingx.reading import base, doc
from meetingx.reading import docx as docx_reader
from meetingx.reading.docx import table_lines
from meetingx.reading.rtf import rtf_to_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
REPORT = [
    "区水务局召开防汛工作部署会",
    "2024年5月20日上午，区水务局在三楼会议室召开防汛工作部署会。局长赵卫东主持会议。",
    "副局长孙丽萍通报了汛前检查情况，办公室主任钱志刚传达了市防汛工作会议精神。",
    "赵卫东强调，一是压实防汛责任，确保责任落实到人；二是加强隐患排查，及时消除各类风险；三是做好应急准备，确保物资队伍到位。",
]


def read_one(path: Path) -> Document | InputError:
    [item] = list(iter_inputs([str(path)]))
    return item


# --- .docx tables --------------------------------------------------------------------------------

def test_docx_tables_are_read_in_document_order(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("会议基本情况如下：")
    table = word.add_table(rows=3, cols=2)
    for row, (label, value) in zip(table.rows, [("时间", "2024年5月20日上午"), ("地点：", "三楼会议室"), ("主持人", "赵卫东")]):
        row.cells[0].text, row.cells[1].text = label, value
    word.add_paragraph("会议听取了汇报。")
    word.save(str(tmp_path / "minutes.docx"))

    assert read_one(tmp_path / "minutes.docx").text.split("\n") == [
        "会议基本情况如下：", "时间：2024年5月20日上午", "地点：三楼会议室", "主持人：赵卫东", "会议听取了汇报。"]


def test_a_vote_table_becomes_a_tally_the_resolution_rules_read(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("浙江某某科技股份有限公司第三届董事会第五次会议决议公告")
    word.add_paragraph("一、审议通过《关于2023年度利润分配方案的议案》")
    table = word.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ["表决", "同意（票）", "反对（票）", "弃权（票）"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["董事", "9", "0", "0"]):
        cell.text = text
    word.save(str(tmp_path / "resolution.docx"))

    document = read_one(tmp_path / "resolution.docx")
    record = meetingx.api.extract_document(document)

    assert "董事\t9\t0\t0\t表决结果：同意9票，反对0票，弃权0票" in document.text.split("\n")
    assert [(r.number, r.votes.model_dump(by_alias=True)) for r in record.resolutions] == [
        (1, {"for": 9, "against": 0, "abstain": 0})]


@pytest.mark.parametrize(("rows", "lines"), [
    ([["议案", "同意", "反对", "弃权"], ["议案一", "1,234,567", "100", "0"]],
     ["议案\t同意\t反对\t弃权", "议案一\t1,234,567\t100\t0\t表决结果：同意1234567票，反对100票，弃权0票"]),
    ([["股东类型", "赞成票数", "比例(%)", "反对票数", "比例(%)"], ["A股", "5000", "99.9", "5", "0.1"]],
     ["股东类型\t赞成票数\t比例(%)\t反对票数\t比例(%)", "A股\t5000\t99.9\t5\t0.1\t表决结果：同意5000票，反对5票"]),
    ([["同意", "反对", "弃权"], ["9票", "0票", "0票"]],
     ["同意\t反对\t弃权", "9票\t0票\t0票\t表决结果：同意9票，反对0票，弃权0票"]),
    ([["姓名", "职务"], ["王明", "主任"]], ["姓名：职务", "王明：主任"]),
    ([["序号", "事项", "责任单位"], ["1", "排查隐患", "水务局"]], ["序号\t事项\t责任单位", "1\t排查隐患\t水务局"]),
    ([["同意", "反对"], ["通过", "无"]], ["同意：反对", "通过：无"]),
], ids=["thousands", "shares-skipped", "counts-with-票", "label-rows", "plain-table", "no-counts"])
def test_table_lines(rows: list[list[str]], lines: list[str]) -> None:
    assert table_lines(rows) == lines


def test_docx_zip_bomb_is_too_large_within_bounded_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 2_000_000)
    word = docx.Document()
    word.add_paragraph("会议召开。")
    buffer = io.BytesIO()
    word.save(buffer)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                # 18 MB of empty runs inflate from some 20 KB: no text, only markup
                data = data.replace(b"<w:body>", b"<w:body><w:p>" + b"<w:r/>" * 3_000_000 + b"</w:p>", 1)
            bomb.writestr(item, data)
    assert path.stat().st_size < 200_000

    error = read_one(path)

    assert isinstance(error, InputError) and error.code == "too-large"


def test_docx_text_over_the_limit_is_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    word = docx.Document()
    for _ in range(50):
        word.add_paragraph("会议召开。" * 10)
    word.save(str(tmp_path / "long.docx"))
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 1000)

    error = read_one(tmp_path / "long.docx")

    assert isinstance(error, InputError) and error.code == "too-large"


# --- .doc ----------------------------------------------------------------------------------------

def test_doc_read_through_a_converter() -> None:
    if not doc.converters():
        pytest.skip("no .doc converter here (apt-get install antiword catdoc)")
    document = read_one(FIXTURES / "report.doc")
    assert isinstance(document, Document)
    assert document.text.strip() == "\n".join(REPORT)


def test_doc_without_a_converter_is_unsupported_naming_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc.shutil, "which", lambda name: None)
    error = read_one(FIXTURES / "report.doc")
    assert isinstance(error, InputError) and error.code == "unsupported"
    assert "antiword" in error.message and "apt-get install" in error.message


# --- .rtf ----------------------------------------------------------------------------------------

def test_rtf_written_by_an_office_suite() -> None:
    document = read_one(FIXTURES / "report.rtf")
    assert isinstance(document, Document)
    assert document.text == "\n".join(REPORT)


def hex_bytes(text: str, encoding: str) -> str:
    return "".join(f"\\'{byte:02x}" for byte in text.encode(encoding))


@pytest.mark.parametrize(("rtf", "text"), [
    ("{\\rtf1\\ansi\\ansicpg936 " + hex_bytes("会议召开", "gbk") + "\\par}", "会议召开"),
    ("{\\rtf1\\ansi\\ansicpg950 " + hex_bytes("會議召開", "big5") + "\\par}", "會議召開"),
    ("{\\rtf1\\ansi\\uc1\\u20250?\\u35758?\\par}", "会议"),
    ("{\\rtf1\\ansi\\uc2\\u20250\\'3f\\'3f\\u35758 ab}", "会议"),
    ("{\\rtf1\\ansi{\\fonttbl{\\f0 Song;}}{\\colortbl;\\red0;}{\\*\\generator W;}{\\info{\\title T}}Body\\par}", "Body"),
    ("{\\rtf1\\ansi{\\header Running}{\\*\\userprops x}A\\tab B\\line C\\par}", "A\tB\nC"),
    ("{\\rtf1\\ansi A\\cell B\\cell\\row C\\cell D\\cell\\row}", "A\tB\nC\tD"),
    ("{\\rtf1\\ansi {\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt link}} text}", "link text"),
    ("{\\rtf1\\ansi {\\pict\\bin4 \x00}{ }\\par ok}", "ok"),
    ("{\\rtf1\\ansi \\{braces\\} \\\\ back\\~slash}", "{braces} \\ back\u00a0slash"),
], ids=["gbk", "big5", "unicode", "unicode-uc2", "tables-skipped", "header-skipped", "cells",
        "field-result", "binary", "escapes"])
def test_rtf_to_text(rtf: str, text: str) -> None:
    assert rtf_to_text(rtf.encode("latin-1")) == text


def test_not_rtf_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "fake.rtf").write_text("just text", encoding="utf-8")
    error = read_one(tmp_path / "fake.rtf")
    assert isinstance(error, InputError) and error.code == "unreadable"
